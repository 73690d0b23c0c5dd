import { describe, expect, test } from 'vitest';
import {
  countRollingWindow,
  createSessionSlots,
  defineSchoolCalendar,
  isoDate,
  toCompactRegister,
  toSessionSlots,
} from '../../src/index.js';
import type {
  CompactRegister,
  RollingWindowResult,
  SchoolCalendar,
  Session,
  SessionMark,
  WindowRule,
  WindowUnit,
} from '../../src/index.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };

// Written from the national penalty-notice framework (in force from 19 August 2024): a penalty notice must be
// considered when a pupil has 10 sessions of unauthorised absence (any combination of G, N, O and U) within a
// rolling period of 10 school weeks. A school week is any week with at least one school session, so holiday weeks
// are skipped and the period runs on across terms and school years. Local rules may count calendar weeks or days.
//
// School weeks of the example calendar used below (numbered from 0): 0 = w/c 2 September 2024 (its Monday an INSET
// day), 1 = 9 September, 2 = 16 September, … 7 = 21 October; the October half-term week is skipped, so 8 = 4 November
// (its Monday an INSET day), 9 = 11 November, 10 = 18 November, 11 = 25 November, 12 = 2 December.

const calendar = defineSchoolCalendar(exampleCalendar);
const slots = toSessionSlots(calendar);

const NATIONAL: WindowRule = { length: 10, unit: 'school-weeks', threshold: 10, codes: ['G', 'N', 'O', 'U'] };

const DAY_MS = 86_400_000;

/** The date `days` days after `date`, in UTC so that no time zone is involved. */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function mark(date: string, session: Session, code: string): SessionMark {
  return { date: isoDate(date), session, code };
}

/**
 * Marks in one week from its Monday: slot 0 is Monday AM, 1 Monday PM, 2 Tuesday AM, … 9 Friday PM.
 * @param monday - The Monday of the week.
 * @param codes - The codes, one a session.
 * @param firstSlot - The slot of the first code.
 */
function weekMarks(monday: string, codes: readonly string[], firstSlot = 0): SessionMark[] {
  return codes.map((code, index) => {
    const slot = firstSlot + index;
    if (slot > 9) throw new RangeError('A week has ten sessions');
    return mark(addDays(monday, Math.floor(slot / 2)), slot % 2 === 0 ? 'AM' : 'PM', code);
  });
}

function times(count: number, code: string): string[] {
  return Array.from({ length: count }, () => code);
}

/** The same register in the compact form over the calendar's session slots. */
function compactOf(marks: readonly SessionMark[], over = slots): CompactRegister {
  return toCompactRegister(marks, over);
}

/** The date, session and code of each mark, as a window lists them. */
function listed(marks: readonly SessionMark[]): { date: string; session: Session; code: string }[] {
  return marks.map(({ date, session, code }) => ({ date, session, code }));
}

/** A deterministic shuffle (a fixed linear congruential sequence), so that the order is not the register's. */
function shuffled<T>(items: readonly T[]): T[] {
  const result = [...items];
  let state = 12345;
  for (let index = result.length - 1; index > 0; index -= 1) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const other = state % (index + 1);
    [result[index], result[other]] = [result[other]!, result[index]!];
  }
  return result;
}

/** The example calendar without the INSET days of 22 July and 3 September 2025. */
const calendarWithoutSummerInsets = defineSchoolCalendar({
  ...exampleCalendar,
  closures: exampleCalendar.closures.filter(
    (closure) => closure.date !== '2025-07-22' && closure.date !== '2025-09-03'
  ),
});

/** The 2023/24 school year followed by the example calendar's 2024/25. */
const calendarFrom2023 = defineSchoolCalendar({
  name: 'Two years from 2023',
  years: [
    {
      name: '2023/24',
      halfTerms: [
        { name: 'Autumn 1', start: '2023-09-04', end: '2023-10-20' },
        { name: 'Autumn 2', start: '2023-10-30', end: '2023-12-20' },
        { name: 'Spring 1', start: '2024-01-04', end: '2024-02-09' },
        { name: 'Spring 2', start: '2024-02-19', end: '2024-03-28' },
        { name: 'Summer 1', start: '2024-04-15', end: '2024-05-24' },
        { name: 'Summer 2', start: '2024-06-03', end: '2024-07-23' },
      ],
    },
    exampleCalendar.years[0],
  ],
  closures: exampleCalendar.closures.filter((closure) => closure.date < '2025-08-01'),
});

function expectNotReached(result: RollingWindowResult, maximum: number): void {
  expect(result.maximum).toBe(maximum);
  expect(result.reached).toBe(false);
  expect(result).not.toHaveProperty('firstReached');
  expect(result.windows).toEqual([]);
}

describe('worked examples of the national framework (10 G/N/O/U sessions within 10 school weeks)', () => {
  test('6 × U in school week 1, then 1 × O in each of school weeks 2–5: met', () => {
    const marks = [
      ...weekMarks('2024-09-09', times(6, 'U')),
      mark('2024-09-16', 'AM', 'O'),
      mark('2024-09-23', 'AM', 'O'),
      mark('2024-09-30', 'AM', 'O'),
      mark('2024-10-07', 'AM', 'O'),
    ];
    const result = countRollingWindow(marks, calendar, NATIONAL);
    expect(result.rule).toBe(NATIONAL);
    expect(result.counted).toBe(10);
    expect(result.maximum).toBe(10);
    expect(result.reached).toBe(true);
    expect(result.firstReached?.count).toBe(10);
    expect(result.firstReached?.periodEnd).toBe('2024-10-07');
    expect(result.firstReached?.marks).toEqual(listed(marks));
    expect(result.windows).toEqual([result.firstReached]);
  });

  test('the same pattern across the October half-term: 6 × U in school week 7, 1 × O in each of weeks 8–11', () => {
    const marks = [
      ...weekMarks('2024-10-21', times(6, 'U')),
      mark('2024-11-05', 'PM', 'O'),
      mark('2024-11-11', 'AM', 'O'),
      mark('2024-11-20', 'AM', 'O'),
      mark('2024-11-29', 'PM', 'O'),
    ];
    const result = countRollingWindow(marks, calendar, NATIONAL);
    expect(result.reached).toBe(true);
    expect(result.firstReached).toEqual({
      count: 10,
      periodStart: '2024-09-16',
      periodEnd: '2024-11-29',
      marks: listed(marks),
    });
  });

  test('5 × G in school week 1 and 5 × G in school week 10: both in one window, met', () => {
    const marks = [...weekMarks('2024-09-09', times(5, 'G')), ...weekMarks('2024-11-18', times(5, 'G'), 5)];
    const result = countRollingWindow(marks, calendar, NATIONAL);
    expect(result.counted).toBe(10);
    expect(result.maximum).toBe(10);
    expect(result.reached).toBe(true);
    expect(result.firstReached).toEqual({
      count: 10,
      periodStart: '2024-09-09',
      periodEnd: '2024-11-22',
      marks: listed(marks),
    });
    expect(result.windows).toEqual([result.firstReached]);
  });

  test('near miss: 5 × G in school week 1 and 5 × G in school week 11 are never in one window', () => {
    const marks = [...weekMarks('2024-09-09', times(5, 'G')), ...weekMarks('2024-11-25', times(5, 'G'))];
    const result = countRollingWindow(marks, calendar, NATIONAL);
    expect(result.counted).toBe(10);
    expectNotReached(result, 5);
  });

  test('school weeks skip the half-term: the same dates are 11 calendar weeks apart', () => {
    const marks = [...weekMarks('2024-09-09', times(5, 'G')), ...weekMarks('2024-11-18', times(5, 'G'), 5)];
    expectNotReached(countRollingWindow(marks, calendar, { ...NATIONAL, unit: 'calendar-weeks' }), 5);
    expect(
      countRollingWindow(marks, calendar, { ...NATIONAL, unit: 'calendar-weeks', length: 11 }).reached
    ).toBe(true);
  });

  test('4 × N in the last school week of the summer term and 6 × O in the first of the autumn term: met', () => {
    // The example calendar closes for INSET on 22 July and 3 September 2025, which leaves too few sessions in those
    // weeks for this example; the calendar here is the same without those two INSET days.
    const marks = [...weekMarks('2025-07-21', times(4, 'N')), ...weekMarks('2025-09-01', times(6, 'O'), 4)];
    const result = countRollingWindow(marks, calendarWithoutSummerInsets, NATIONAL);
    expect(result.counted).toBe(10);
    expect(result.maximum).toBe(10);
    expect(result.reached).toBe(true);
    expect(result.firstReached).toEqual({
      count: 10,
      periodStart: '2025-05-19',
      periodEnd: '2025-09-05',
      marks: listed(marks),
    });
    expect(result.firstReached?.marks[0]?.date).toBe('2025-07-21');
    expect(result.firstReached?.marks[9]?.date).toBe('2025-09-05');
    // The holiday weeks are not school weeks: two school weeks hold all ten. Six calendar weeks hold only the autumn six.
    expect(countRollingWindow(marks, calendarWithoutSummerInsets, { ...NATIONAL, length: 2 }).reached).toBe(
      true
    );
    const sixCalendarWeeks: WindowRule = { ...NATIONAL, unit: 'calendar-weeks', length: 6 };
    expectNotReached(countRollingWindow(marks, calendarWithoutSummerInsets, sixCalendarWeeks), 6);
  });

  test('the same across the summer holiday of the example calendar itself (its INSET days left unmarked)', () => {
    const marks = [
      mark('2025-07-18', 'AM', 'N'),
      mark('2025-07-18', 'PM', 'N'),
      mark('2025-07-21', 'AM', 'N'),
      mark('2025-07-21', 'PM', 'N'),
      ...weekMarks('2025-09-01', times(4, 'O'), 6),
      mark('2025-09-08', 'AM', 'O'),
      mark('2025-09-08', 'PM', 'O'),
    ];
    const result = countRollingWindow(marks, calendar, NATIONAL);
    expect(result.reached).toBe(true);
    expect(result.firstReached?.periodEnd).toBe('2025-09-08');
    expect(result.firstReached?.periodStart).toBe('2025-06-02');
  });
});

describe('exactly the threshold is met, one session fewer is not, one unit further is not', () => {
  // The first session opens the window; eight fall in between; the last falls in the window's last unit.
  const middle = [
    mark('2024-09-16', 'AM', 'O'),
    mark('2024-09-24', 'PM', 'N'),
    mark('2024-10-02', 'AM', 'G'),
    mark('2024-10-10', 'PM', 'U'),
    mark('2024-10-18', 'AM', 'O'),
    mark('2024-10-21', 'AM', 'O'),
    mark('2024-11-05', 'AM', 'N'),
    mark('2024-11-12', 'PM', 'U'),
  ];
  const cases: {
    unit: WindowUnit;
    length: number;
    first: SessionMark;
    last: SessionMark;
    oneUnitFurther: SessionMark;
    periodStart: string;
  }[] = [
    {
      unit: 'school-weeks',
      length: 10,
      first: mark('2024-09-09', 'AM', 'U'), // school week 1
      last: mark('2024-11-22', 'PM', 'U'), // school week 10
      oneUnitFurther: mark('2024-11-25', 'AM', 'U'), // school week 11
      periodStart: '2024-09-09',
    },
    {
      unit: 'calendar-weeks',
      length: 12,
      first: mark('2024-09-09', 'AM', 'U'), // the week of 9 September
      last: mark('2024-11-29', 'PM', 'U'), // the 12th calendar week from it (the half-term week counts)
      oneUnitFurther: mark('2024-12-02', 'AM', 'U'),
      periodStart: '2024-09-09',
    },
    {
      unit: 'calendar-days',
      length: 84,
      first: mark('2024-09-10', 'AM', 'U'),
      last: mark('2024-12-02', 'PM', 'U'), // 83 days later: the 84th day
      oneUnitFurther: mark('2024-12-03', 'AM', 'U'),
      periodStart: '2024-09-10',
    },
  ];

  test.each(cases)('$unit, length $length: 10 sessions met', ({ unit, length, first, last, periodStart }) => {
    const marks = [first, ...middle, last];
    const rule: WindowRule = { ...NATIONAL, unit, length };
    const result = countRollingWindow(marks, calendar, rule);
    expect(result.counted).toBe(10);
    expect(result.maximum).toBe(10);
    expect(result.reached).toBe(true);
    expect(result.firstReached).toEqual({
      count: 10,
      periodStart,
      periodEnd: last.date,
      marks: listed(marks),
    });
    expect(result.windows).toEqual([result.firstReached]);
    expect(countRollingWindow(compactOf(marks), calendar, rule)).toEqual(result);
  });

  test.each(cases)('$unit, length $length: 9 sessions not met', ({ unit, length, first, last }) => {
    const rule: WindowRule = { ...NATIONAL, unit, length };
    for (let drop = 0; drop < 10; drop += 1) {
      const marks = [first, ...middle, last].filter((_, index) => index !== drop);
      const result = countRollingWindow(marks, calendar, rule);
      expect(result.counted).toBe(9);
      expectNotReached(result, 9);
      expect(countRollingWindow(compactOf(marks), calendar, rule)).toEqual(result);
    }
  });

  test.each(cases)(
    '$unit, length $length: the last session one unit further is not met',
    ({ unit, length, first, oneUnitFurther }) => {
      const rule: WindowRule = { ...NATIONAL, unit, length };
      const result = countRollingWindow([first, ...middle, oneUnitFurther], calendar, rule);
      expect(result.counted).toBe(10);
      expectNotReached(result, 9);
    }
  );

  test.each(cases)(
    '$unit, length $length: threshold 9 is met by the same nine sessions',
    ({ unit, length, first, last }) => {
      const marks = [first, ...middle.slice(1), last];
      const result = countRollingWindow(marks, calendar, { ...NATIONAL, unit, length, threshold: 9 });
      expect(result.reached).toBe(true);
      expect(result.firstReached?.count).toBe(9);
    }
  );

  test('nine sessions in one week are not met, ten are', () => {
    const nine = weekMarks('2024-09-09', times(9, 'N'));
    expectNotReached(countRollingWindow(nine, calendar, NATIONAL), 9);
    const ten = weekMarks('2024-09-09', times(10, 'N'));
    expect(countRollingWindow(ten, calendar, NATIONAL).reached).toBe(true);
  });
});

describe('countFrom', () => {
  const summer = weekMarks('2024-07-15', times(6, 'U'));
  const autumn = weekMarks('2024-09-02', times(4, 'O'), 2);
  const marks = [...summer, ...autumn];

  test('without it, sessions before and after the summer holiday share a window', () => {
    const result = countRollingWindow(marks, calendarFrom2023, NATIONAL);
    expect(result.counted).toBe(10);
    expect(result.reached).toBe(true);
    expect(result.firstReached?.periodEnd).toBe('2024-09-04');
  });

  test('sessions before 19 August 2024 are not counted when counting from it', () => {
    const rule: WindowRule = { ...NATIONAL, countFrom: isoDate('2024-08-19') };
    const result = countRollingWindow(marks, calendarFrom2023, rule);
    expect(result.counted).toBe(4);
    expectNotReached(result, 4);
    const twoYears = toSessionSlots(calendarFrom2023);
    expect(countRollingWindow(compactOf(marks, twoYears), calendarFrom2023, rule)).toEqual(result);
  });

  test('sessions on the countFrom date itself are counted', () => {
    const rule: WindowRule = { ...NATIONAL, countFrom: isoDate('2024-09-03') };
    const result = countRollingWindow(marks, calendarFrom2023, rule);
    expect(result.counted).toBe(4);
    const later: WindowRule = { ...NATIONAL, countFrom: isoDate('2024-09-04') };
    expect(countRollingWindow(marks, calendarFrom2023, later).counted).toBe(2);
    const twoYears = toSessionSlots(calendarFrom2023);
    expect(countRollingWindow(compactOf(marks, twoYears), calendarFrom2023, later).counted).toBe(2);
  });

  test('a counted-code mark before countFrom is not looked at, even outside the calendar', () => {
    const rule: WindowRule = { ...NATIONAL, countFrom: isoDate('2024-08-19') };
    const result = countRollingWindow([mark('2024-06-03', 'AM', 'U'), ...autumn], calendar, rule);
    expect(result.counted).toBe(4);
  });
});

describe('the codes counted', () => {
  test('authorised absence, presence, approved activity and not-possible sessions are never counted', () => {
    const others = [
      '/',
      '\\',
      'L',
      'I',
      'M',
      'C',
      'E',
      'R',
      'S',
      'T',
      'B',
      'K',
      'V',
      'P',
      'W',
      'C1',
      'C2',
      'J1',
    ];
    const notPossible = ['#', 'Y4', 'Z', 'X', 'D', 'Q', 'Y1', '-', ''];
    const marks = [
      ...weekMarks('2024-09-09', others.slice(0, 10)),
      ...weekMarks('2024-09-16', others.slice(10)),
      ...weekMarks('2024-09-23', notPossible),
    ];
    const result = countRollingWindow(marks, calendar, NATIONAL);
    expect(result.counted).toBe(0);
    expectNotReached(result, 0);
  });

  test('nine counted sessions among many others are nine; a tenth G/N/O/U makes ten', () => {
    const codes = [
      'U',
      'I',
      'G',
      '/',
      'N',
      'M',
      'O',
      'L',
      'U',
      'C',
      'G',
      '#',
      'N',
      'B',
      'O',
      'Y4',
      'U',
      'E',
      '-',
    ];
    const marks = [
      ...weekMarks('2024-09-09', codes.slice(0, 10)),
      ...weekMarks('2024-09-16', codes.slice(10)),
    ];
    const result = countRollingWindow(marks, calendar, NATIONAL);
    expect(result.counted).toBe(9);
    expectNotReached(result, 9);
    const withTenth = [...marks, mark('2024-09-20', 'PM', 'G')];
    const reached = countRollingWindow(withTenth, calendar, NATIONAL);
    expect(reached.reached).toBe(true);
    expect(reached.firstReached?.marks.map((counted) => counted.code)).toEqual([
      'U', 'G', 'N', 'O', 'U', 'G', 'N', 'O', 'U', 'G',
    ]); // prettier-ignore
  });

  test('a rule counting only U counts only U', () => {
    const marks = weekMarks('2024-09-09', ['U', 'O', 'U', 'N', 'G', 'U', 'I', 'U']);
    const result = countRollingWindow(marks, calendar, { ...NATIONAL, codes: ['U'], threshold: 4 });
    expect(result.counted).toBe(4);
    expect(result.reached).toBe(true);
    expect(result.firstReached?.marks.every((counted) => counted.code === 'U')).toBe(true);
  });

  test('a rule may count authorised codes too, e.g. illness (I)', () => {
    const marks = weekMarks('2024-09-09', times(10, 'I'));
    expect(countRollingWindow(marks, calendar, NATIONAL).counted).toBe(0);
    expect(countRollingWindow(marks, calendar, { ...NATIONAL, codes: ['I'] }).reached).toBe(true);
  });
});

describe('register forms and order', () => {
  const example13 = [
    ...weekMarks('2024-10-21', times(6, 'U')),
    mark('2024-11-05', 'PM', 'O'),
    mark('2024-11-11', 'AM', 'O'),
    mark('2024-11-20', 'AM', 'O'),
    mark('2024-11-29', 'PM', 'O'),
    ...weekMarks('2024-12-02', ['I', '/', '\\', 'N']),
  ];

  test('marks in any order give the same result', () => {
    const inOrder = countRollingWindow(example13, calendar, NATIONAL);
    expect(inOrder.reached).toBe(true);
    expect(countRollingWindow([...example13].reverse(), calendar, NATIONAL)).toEqual(inOrder);
    expect(countRollingWindow(shuffled(example13), calendar, NATIONAL)).toEqual(inOrder);
  });

  test('the windows list the sessions in register order whatever the order of the marks', () => {
    const result = countRollingWindow(shuffled(example13), calendar, NATIONAL);
    const dates = result.windows.flatMap((window) =>
      window.marks.map((counted) => `${counted.date} ${counted.session}`)
    );
    expect(dates).toEqual([...dates].sort());
  });

  test('the compact form (toSessionSlots + toCompactRegister) gives a deep-equal result', () => {
    for (const unit of ['school-weeks', 'calendar-weeks', 'calendar-days'] as const) {
      const rule: WindowRule = { ...NATIONAL, unit, length: unit === 'calendar-days' ? 70 : 10 };
      const objects = countRollingWindow(example13, calendar, rule);
      const compact = countRollingWindow(compactOf(example13), calendar, rule);
      expect(compact).toEqual(objects);
    }
  });

  test('the compact form over one school year only', () => {
    const year = toSessionSlots(calendar, { from: isoDate('2024-09-01'), to: isoDate('2025-08-31') });
    expect(year.dates).toHaveLength(380);
    const compact = toCompactRegister(example13, year, 'P1');
    expect(countRollingWindow(compact, calendar, NATIONAL)).toEqual(
      countRollingWindow(example13, calendar, NATIONAL)
    );
  });

  test('an empty register counts nothing', () => {
    const result = countRollingWindow([], calendar, NATIONAL);
    expect(result).toEqual({ rule: NATIONAL, counted: 0, maximum: 0, reached: false, windows: [] });
    expect(countRollingWindow(compactOf([]), calendar, NATIONAL)).toEqual(result);
  });
});

describe('firstReached and windows', () => {
  test('firstReached ends at the tenth counted session and lists exactly those ten', () => {
    // School weeks 11 and 12.
    const marks = [...weekMarks('2024-11-25', times(10, 'O')), ...weekMarks('2024-12-02', times(4, 'O'))];
    const result = countRollingWindow(marks, calendar, NATIONAL);
    expect(result.counted).toBe(14);
    expect(result.maximum).toBe(14);
    expect(result.firstReached).toEqual({
      count: 10,
      periodStart: '2024-09-16',
      periodEnd: '2024-11-29',
      marks: listed(marks.slice(0, 10)),
    });
    // One window, maximal: all fourteen.
    expect(result.windows).toHaveLength(1);
    expect(result.windows[0]).toEqual({
      count: 14,
      periodStart: '2024-09-23',
      periodEnd: '2024-12-03',
      marks: listed(marks),
    });
  });

  test('firstReached leaves out sessions that have left the window', () => {
    const early = weekMarks('2024-09-02', times(3, 'U'), 2); // school week 0
    const week9 = weekMarks('2024-11-11', times(7, 'O')); // school week 9
    const week10 = weekMarks('2024-11-18', times(3, 'O')); // school week 10
    const marks = [...early, ...week9, ...week10];
    const result = countRollingWindow(marks, calendar, NATIONAL);
    expect(result.maximum).toBe(10);
    expect(result.firstReached).toEqual({
      count: 10,
      periodStart: '2024-09-02',
      periodEnd: '2024-11-14',
      marks: listed([...early, ...week9]),
    });
    // The window ending in week 10 has dropped week 0 and reaches 10 again: a second, distinct window.
    expect(result.windows).toEqual([
      result.firstReached,
      { count: 10, periodStart: '2024-09-09', periodEnd: '2024-11-19', marks: listed([...week9, ...week10]) },
    ]);
  });

  test('two separate episodes give two windows, in date order', () => {
    const autumn = weekMarks('2024-11-18', times(10, 'U')); // school week 10
    const spring = weekMarks('2025-02-10', times(10, 'N')); // school week 20
    const result = countRollingWindow([...spring, ...autumn], calendar, NATIONAL);
    expect(result.counted).toBe(20);
    expect(result.maximum).toBe(10);
    expect(result.windows).toEqual([
      { count: 10, periodStart: '2024-09-09', periodEnd: '2024-11-22', marks: listed(autumn) },
      { count: 10, periodStart: '2024-11-25', periodEnd: '2025-02-14', marks: listed(spring) },
    ]);
    expect(result.firstReached).toEqual(result.windows[0]);
  });

  test('a lower threshold finds more, overlapping windows; each is maximal', () => {
    const marks = [
      ...weekMarks('2024-09-09', times(2, 'U')), // week 1
      ...weekMarks('2024-09-16', times(2, 'U')), // week 2
      ...weekMarks('2024-09-23', times(2, 'U')), // week 3
    ];
    const result = countRollingWindow(marks, calendar, { ...NATIONAL, length: 2, threshold: 3 });
    expect(result.maximum).toBe(4);
    expect(result.windows.map((window) => window.marks.map((counted) => counted.date))).toEqual([
      ['2024-09-09', '2024-09-09', '2024-09-16', '2024-09-16'],
      ['2024-09-16', '2024-09-16', '2024-09-23', '2024-09-23'],
    ]);
    expect(result.windows.map((window) => window.periodStart)).toEqual(['2024-09-09', '2024-09-16']);
    expect(result.firstReached?.marks).toHaveLength(3);
  });
});

describe('periodStart for each unit', () => {
  const marks = [mark('2025-03-12', 'AM', 'U')];

  test.each([
    { unit: 'school-weeks' as const, length: 1, expected: '2025-03-10' },
    { unit: 'school-weeks' as const, length: 3, expected: '2025-02-24' },
    { unit: 'school-weeks' as const, length: 4, expected: '2025-02-10' }, // the February half-term week is skipped
    { unit: 'school-weeks' as const, length: 5, expected: '2025-02-03' },
    { unit: 'calendar-weeks' as const, length: 1, expected: '2025-03-10' },
    { unit: 'calendar-weeks' as const, length: 4, expected: '2025-02-17' },
    { unit: 'calendar-weeks' as const, length: 12, expected: '2024-12-23' },
    { unit: 'calendar-days' as const, length: 1, expected: '2025-03-12' },
    { unit: 'calendar-days' as const, length: 28, expected: '2025-02-13' },
    { unit: 'calendar-days' as const, length: 84, expected: '2024-12-19' },
  ])(
    '$unit × $length ending on Wednesday 12 March 2025 starts on $expected',
    ({ unit, length, expected }) => {
      const result = countRollingWindow(marks, calendar, { ...NATIONAL, unit, length, threshold: 1 });
      expect(result.firstReached).toEqual({
        count: 1,
        periodStart: expected,
        periodEnd: '2025-03-12',
        marks: listed(marks),
      });
    }
  );
});

describe('errors', () => {
  test('a counted mark outside the calendar is outside_calendar', () => {
    const marks = [mark('2024-09-03', 'AM', 'U'), mark('2026-09-01', 'PM', 'U')];
    for (const unit of ['school-weeks', 'calendar-weeks', 'calendar-days'] as const) {
      const error = attendanceErrorOf(() => countRollingWindow(marks, calendar, { ...NATIONAL, unit }));
      expect(error.issues).toHaveLength(1);
      expect(error.issues[0]).toMatchObject({
        code: 'outside_calendar',
        severity: 'error',
        path: [1, 'date'],
        date: '2026-09-01',
        session: 'PM',
        received: '2026-09-01',
      });
    }
  });

  test('a mark outside the calendar that the rule does not count is not an error', () => {
    const marks = [
      mark('2024-09-03', 'AM', 'U'),
      mark('2026-09-01', 'PM', '/'),
      mark('2024-08-30', 'AM', 'I'),
    ];
    expect(countRollingWindow(marks, calendar, NATIONAL).counted).toBe(1);
  });

  test('a counted mark outside the calendar in the compact form is outside_calendar, located by slot', () => {
    const beyond = createSessionSlots([
      { date: isoDate('2026-07-20'), session: 'AM' },
      { date: isoDate('2026-09-01'), session: 'AM' },
    ]);
    const register = toCompactRegister([mark('2026-09-01', 'AM', 'N')], beyond, 'P7');
    const error = attendanceErrorOf(() => countRollingWindow(register, calendar, NATIONAL));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({
      code: 'outside_calendar',
      path: ['codes', 1],
      pupilId: 'P7',
      date: '2026-09-01',
      session: 'AM',
    });
  });

  test('a counted mark in a holiday week is mark_on_closed_session when counting school weeks', () => {
    const marks = [mark('2024-09-03', 'AM', 'U'), mark('2024-10-30', 'AM', 'G')];
    const error = attendanceErrorOf(() => countRollingWindow(marks, calendar, NATIONAL));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({
      code: 'mark_on_closed_session',
      severity: 'error',
      path: [1, 'date'],
      date: '2024-10-30',
      session: 'AM',
    });
    // Calendar weeks and days include holidays, so there the same mark is simply counted.
    expect(countRollingWindow(marks, calendar, { ...NATIONAL, unit: 'calendar-weeks' }).counted).toBe(2);
    expect(
      countRollingWindow(marks, calendar, { ...NATIONAL, unit: 'calendar-days', length: 84 }).counted
    ).toBe(2);
  });

  test('a counted mark in a holiday week in the compact form is mark_on_closed_session', () => {
    const holiday = createSessionSlots([
      { date: isoDate('2024-10-25'), session: 'PM' },
      { date: isoDate('2024-10-29'), session: 'AM' },
    ]);
    const register = toCompactRegister(
      [mark('2024-10-25', 'PM', 'U'), mark('2024-10-29', 'AM', 'O')],
      holiday
    );
    const error = attendanceErrorOf(() => countRollingWindow(register, calendar, NATIONAL));
    expect(error.issues.map(({ code, path }) => ({ code, path }))).toEqual([
      { code: 'mark_on_closed_session', path: ['codes', 1] },
    ]);
  });

  test('two marks for one session are duplicate_mark, whether or not they are counted', () => {
    const counted = [
      mark('2024-09-03', 'AM', 'U'),
      mark('2024-09-04', 'AM', 'O'),
      mark('2024-09-03', 'AM', 'U'),
    ];
    const countedError = attendanceErrorOf(() => countRollingWindow(counted, calendar, NATIONAL));
    expect(countedError.issues).toHaveLength(1);
    expect(countedError.issues[0]).toMatchObject({
      code: 'duplicate_mark',
      severity: 'error',
      date: '2024-09-03',
      session: 'AM',
    });
    const mixed = [mark('2024-09-03', 'PM', '/'), mark('2024-09-03', 'PM', 'N')];
    expect(attendanceErrorOf(() => countRollingWindow(mixed, calendar, NATIONAL)).issues[0].code).toBe(
      'duplicate_mark'
    );
  });

  test('every problem is listed at once', () => {
    const marks = [
      mark('2024-10-30', 'AM', 'G'),
      mark('2024-09-03', 'AM', 'U'),
      mark('2026-09-01', 'PM', 'U'),
      mark('2024-09-03', 'AM', 'N'),
    ];
    const error = attendanceErrorOf(() => countRollingWindow(marks, calendar, NATIONAL));
    expect(error.issues.map((issue) => issue.code).sort()).toEqual([
      'duplicate_mark',
      'mark_on_closed_session',
      'outside_calendar',
    ]);
  });
});

describe('calendars are not mixed up', () => {
  test('the same compact slots give each calendar its own answer', () => {
    const marks = [...weekMarks('2025-07-21', times(4, 'N')), ...weekMarks('2025-09-01', times(6, 'O'), 4)];
    const bothYears = toSessionSlots(calendarWithoutSummerInsets);
    const register = compactOf(marks, bothYears);
    const withoutInsets = countRollingWindow(register, calendarWithoutSummerInsets, NATIONAL);
    expect(withoutInsets.reached).toBe(true);
    const shortSummer: SchoolCalendar = defineSchoolCalendar({
      ...exampleCalendar,
      closures: [],
      years: [
        exampleCalendar.years[0],
        {
          ...exampleCalendar.years[1],
          halfTerms: [
            { name: 'Autumn 1', start: '2025-09-15', end: '2025-10-24' },
            ...exampleCalendar.years[1]!.halfTerms.slice(1),
          ],
        },
      ],
    });
    // In this calendar 3–5 September 2025 are holiday: counting school weeks, those marks are on closed sessions.
    expect(attendanceErrorOf(() => countRollingWindow(register, shortSummer, NATIONAL)).issues[0].code).toBe(
      'mark_on_closed_session'
    );
    expect(countRollingWindow(register, calendarWithoutSummerInsets, NATIONAL)).toEqual(withoutInsets);
  });
});
