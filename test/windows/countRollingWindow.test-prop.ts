import { fc, test } from '@fast-check/vitest';
import { expect, it } from 'vitest';
import {
  countRollingWindow,
  defineSchoolCalendar,
  eachSessionSlot,
  findSchoolWeek,
  isoDate,
  toCompactRegister,
  toSessionSlots,
} from '../../src/index.js';
import type {
  IsoDate,
  RegisterCode,
  RollingWindowResult,
  SchoolCalendar,
  Session,
  SessionMark,
  WindowMatch,
  WindowRule,
  WindowUnit,
} from '../../src/index.js';
import { codeArb, codeOfCategoryArb } from '../_arbitraries/code.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };

// Rolling windows recounted the slow, obvious way. A window of `length` units ending at a counted session holds the
// counted sessions at or before it whose unit is fewer than `length` units earlier; school weeks are the weeks with
// at least one session, numbered across the calendar with holiday weeks skipped; calendar weeks run Monday to Sunday.

// ---------------------------------------------------------------------------------------------------------------
// An independent model of the example calendar: open sessions and school-week numbers from its half-terms and
// closures, with dates as whole days since 1970-01-01 (UTC), so that no time zone and no library code is involved.

const DAY_MS = 86_400_000;
const UNITS: readonly WindowUnit[] = ['school-weeks', 'calendar-weeks', 'calendar-days'];
const UNAUTHORISED: readonly RegisterCode[] = ['G', 'N', 'O', 'U'];

function dayNumberOf(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}

function dateOfDayNumber(day: number): IsoDate {
  return isoDate(new Date(day * DAY_MS).toISOString().slice(0, 10));
}

/** 0 for Monday to 6 for Sunday (1 January 1970 was a Thursday). */
function weekdayOf(day: number): number {
  return (day + 3) % 7;
}

function addDays(date: string, days: number): IsoDate {
  return dateOfDayNumber(dayNumberOf(date) + days);
}

interface ModelSlot {
  readonly date: IsoDate;
  readonly session: Session;
  readonly day: number;
  readonly monday: number;
}

interface CalendarInput {
  readonly name: string;
  readonly sessionsPerDay: number;
  readonly years: readonly {
    readonly name: string;
    readonly halfTerms: readonly { name: string; start: string; end: string }[];
  }[];
  readonly closures: readonly {
    date: string;
    sessions?: readonly string[];
    reason: string;
    label?: string;
  }[];
}

interface CalendarModel {
  /** Every open session, in register order. */
  readonly slots: readonly ModelSlot[];
  /** The school-week number of each Monday (as a day number) whose week has a session. */
  readonly schoolWeekOfMonday: ReadonlyMap<number, number>;
  /** The Monday (as a date) of each school week. */
  readonly mondayOfSchoolWeek: readonly IsoDate[];
}

function modelOf(input: CalendarInput): CalendarModel {
  const halfTerms = input.years.flatMap((year) => year.halfTerms);
  const closed = new Map(input.closures.map((closure) => [closure.date, closure.sessions ?? ['AM', 'PM']]));
  const sessions: readonly Session[] = input.sessionsPerDay === 1 ? ['AM'] : ['AM', 'PM'];
  const slots: ModelSlot[] = [];
  for (const halfTerm of halfTerms) {
    for (let day = dayNumberOf(halfTerm.start); day <= dayNumberOf(halfTerm.end); day += 1) {
      if (weekdayOf(day) >= 5) continue;
      const date = dateOfDayNumber(day);
      for (const session of sessions) {
        if (closed.get(date)?.includes(session) === true) continue;
        slots.push({ date, session, day, monday: day - weekdayOf(day) });
      }
    }
  }
  const schoolWeekOfMonday = new Map<number, number>();
  const mondayOfSchoolWeek: IsoDate[] = [];
  for (const slot of slots) {
    if (schoolWeekOfMonday.has(slot.monday)) continue;
    schoolWeekOfMonday.set(slot.monday, mondayOfSchoolWeek.length);
    mondayOfSchoolWeek.push(dateOfDayNumber(slot.monday));
  }
  return { slots, schoolWeekOfMonday, mondayOfSchoolWeek };
}

const exampleInput = exampleCalendar as CalendarInput;
const calendar = defineSchoolCalendar(exampleCalendar);
const model = modelOf(exampleInput);
const SLOT_COUNT = model.slots.length;
const sessionSlots = toSessionSlots(calendar);

/** The position of a date in a unit: its school week, its calendar week, or its day. */
function positionIn(theModel: CalendarModel, date: string, unit: WindowUnit): number {
  const day = dayNumberOf(date);
  const monday = day - weekdayOf(day);
  if (unit === 'calendar-days') return day;
  if (unit === 'calendar-weeks') return monday / 7;
  const week = theModel.schoolWeekOfMonday.get(monday);
  if (week === undefined) throw new Error(`${date} is in no school week of the model`);
  return week;
}

/** The first day of the period of `length` units ending at `date`; undefined before the first school week. */
function periodStartOf(theModel: CalendarModel, date: string, rule: WindowRule): IsoDate | undefined {
  const position = positionIn(theModel, date, rule.unit);
  if (rule.unit === 'calendar-days') return dateOfDayNumber(position - rule.length + 1);
  if (rule.unit === 'calendar-weeks') return dateOfDayNumber((position - rule.length + 1) * 7);
  return theModel.mondayOfSchoolWeek[position - rule.length + 1];
}

interface NaiveResult {
  readonly counted: number;
  readonly maximum: number;
  readonly reached: boolean;
  readonly firstReached: WindowMatch | undefined;
  readonly windows: readonly WindowMatch[];
}

/** The rolling window recounted for every counted session by comparing positions directly. */
function naiveWindows(theModel: CalendarModel, marks: readonly SessionMark[], rule: WindowRule): NaiveResult {
  const counted = marks
    .filter((mark) => (rule.codes as readonly string[]).includes(mark.code))
    .filter((mark) => rule.countFrom === undefined || mark.date >= rule.countFrom)
    .sort((a, b) => (a.date === b.date ? (a.session < b.session ? -1 : 1) : a.date < b.date ? -1 : 1));
  const positions = counted.map((mark) => positionIn(theModel, mark.date, rule.unit));
  const members = counted.map((_, last) =>
    counted
      .map((__, index) => index)
      .filter((index) => index <= last && positions[last]! - positions[index]! < rule.length)
  );
  const matchOf = (last: number): WindowMatch => {
    const inWindow = members[last]!.map((index) => counted[index]!);
    return {
      count: inWindow.length,
      periodStart: periodStartOf(theModel, counted[last]!.date, rule) ?? theModel.mondayOfSchoolWeek[0]!,
      periodEnd: counted[last]!.date,
      marks: inWindow.map(({ date, session, code }) => ({ date, session, code: code as RegisterCode })),
    };
  };
  const maximum = Math.max(0, ...members.map((window) => window.length));
  const firstIndex = members.findIndex((window) => window.length >= rule.threshold);
  const isSubset = (small: readonly number[], large: readonly number[]): boolean =>
    small.every((index) => large.includes(index));
  const windows = members
    .map((window, last) => ({ window, last }))
    .filter(({ window }) => window.length >= rule.threshold)
    .filter(({ window, last }) => !members.some((other, index) => index !== last && isSubset(window, other)))
    .map(({ last }) => matchOf(last));
  return {
    counted: counted.length,
    maximum,
    reached: maximum >= rule.threshold,
    firstReached: firstIndex < 0 ? undefined : matchOf(firstIndex),
    windows,
  };
}

/** Whether a window's period reaches back before the calendar's first school week (where the start is clamped). */
function startsBeforeCalendar(theModel: CalendarModel, match: WindowMatch, rule: WindowRule): boolean {
  return rule.unit === 'school-weeks' && periodStartOf(theModel, match.periodEnd, rule) === undefined;
}

/** Compares a window with its naive recount; periodStart only where the period lies within the calendar. */
function expectSameMatch(
  theModel: CalendarModel,
  actual: WindowMatch | undefined,
  expected: WindowMatch | undefined,
  rule: WindowRule
): void {
  if (expected === undefined) {
    expect(actual).toBeUndefined();
    return;
  }
  expect(actual).toBeDefined();
  const { periodStart, ...rest } = actual!;
  const { periodStart: expectedStart, ...expectedRest } = expected;
  expect(rest).toEqual(expectedRest);
  if (startsBeforeCalendar(theModel, expected, rule)) {
    expect(periodStart <= expected.marks[0]!.date).toBe(true);
  } else {
    expect(periodStart).toBe(expectedStart);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Arbitraries

const countedCodeArb: fc.Arbitrary<string> = fc.constantFrom(...UNAUTHORISED);

/** Mostly G/N/O/U so that thresholds are often reached, with any other code (or no mark yet) mixed in. */
const markCodeArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: countedCodeArb },
  { weight: 2, arbitrary: codeArb() },
  { weight: 1, arbitrary: fc.constantFrom('-', '') }
);

function toMarks(picked: readonly (readonly [number, string])[]): SessionMark[] {
  return [...picked]
    .sort(([a], [b]) => a - b)
    .map(([slot, code]) => ({ date: model.slots[slot]!.date, session: model.slots[slot]!.session, code }));
}

/** Marks on distinct open sessions of the example calendar: spread over both years, or clustered in a few weeks. */
const registerArb: fc.Arbitrary<SessionMark[]> = fc
  .oneof(
    {
      weight: 1,
      arbitrary: fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: SLOT_COUNT - 1 }), markCodeArb), {
        selector: ([slot]) => slot,
        maxLength: 40,
        size: 'max',
      }),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.integer({ min: 0, max: SLOT_COUNT - 1 }), fc.integer({ min: 5, max: 80 }))
        .chain(([centre, spread]) =>
          fc.uniqueArray(
            fc.tuple(
              fc.integer({
                min: Math.max(0, centre - spread),
                max: Math.min(SLOT_COUNT - 1, centre + spread),
              }),
              markCodeArb
            ),
            { selector: ([slot]) => slot, maxLength: 60, size: 'max' }
          )
        ),
    }
  )
  .map(toMarks);

/** Thresholds 1 to 15, more often low so that windows often reach them. */
const thresholdArb: fc.Arbitrary<number> = fc.oneof(
  fc.integer({ min: 1, max: 6 }),
  fc.integer({ min: 1, max: 15 })
);

const unitArb: fc.Arbitrary<WindowUnit> = fc.constantFrom(...UNITS);

const ruleCodesArb: fc.Arbitrary<readonly RegisterCode[]> = fc.oneof(
  { weight: 3, arbitrary: fc.constant([...UNAUTHORISED]) },
  { weight: 2, arbitrary: fc.subarray([...UNAUTHORISED], { minLength: 1 }) },
  {
    weight: 1,
    arbitrary: fc.subarray(['G', 'N', 'O', 'U', 'I', 'M', 'L', '/', '#'] as RegisterCode[], { minLength: 1 }),
  }
);

const ruleArb: fc.Arbitrary<WindowRule> = fc
  .record({
    length: fc.integer({ min: 1, max: 15 }),
    unit: unitArb,
    threshold: thresholdArb,
    codes: ruleCodesArb,
    countFrom: fc.oneof(
      { weight: 3, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: SLOT_COUNT - 1 }) }
    ),
  })
  .map(({ countFrom, ...rule }) =>
    countFrom === undefined ? rule : { ...rule, countFrom: model.slots[countFrom]!.date }
  );

/** A rule counting only G/N/O/U (so authorised and not-possible marks are never counted), without countFrom. */
const unauthorisedRuleArb: fc.Arbitrary<WindowRule> = fc.record({
  length: fc.integer({ min: 1, max: 15 }),
  unit: unitArb,
  threshold: thresholdArb,
  codes: fc.subarray([...UNAUTHORISED], { minLength: 1 }),
});

// ---------------------------------------------------------------------------------------------------------------
// The model agrees with the calendar functions (so the recount below compares like with like).

it('the model of the example calendar has the open sessions and school weeks the library lists', () => {
  expect(model.slots.map(({ date, session }) => ({ date, session }))).toEqual(eachSessionSlot(calendar));
  for (const slot of model.slots) {
    expect(findSchoolWeek(calendar, slot.date)?.index).toBe(positionIn(model, slot.date, 'school-weeks'));
  }
  expect(model.mondayOfSchoolWeek).toHaveLength(80);
});

// ---------------------------------------------------------------------------------------------------------------
// Properties

test.prop([registerArb, ruleArb])(
  'the one-pass result equals a naive recount: counted, maximum, reached, firstReached and windows',
  (marks, rule) => {
    const result = countRollingWindow(marks, calendar, rule);
    const naive = naiveWindows(model, marks, rule);
    expect(result.rule).toBe(rule);
    expect(result.counted).toBe(naive.counted);
    expect(result.maximum).toBe(naive.maximum);
    expect(result.reached).toBe(naive.reached);
    expectSameMatch(model, result.firstReached, naive.firstReached, rule);
    expect(result.firstReached?.periodEnd).toBe(naive.firstReached?.periodEnd);
    expect(result.windows).toHaveLength(naive.windows.length);
    result.windows.forEach((window, index) => {
      expectSameMatch(model, window, naive.windows[index], rule);
    });
  }
);

test.prop([registerArb, ruleArb])('the result never depends on the order of the marks', (marks, rule) => {
  const inOrder = countRollingWindow(marks, calendar, rule);
  expect(countRollingWindow([...marks].reverse(), calendar, rule)).toEqual(inOrder);
});

test.prop([registerArb, ruleArb])('the compact and object forms agree', (marks, rule) => {
  const compact = toCompactRegister(marks, sessionSlots);
  expect(countRollingWindow(compact, calendar, rule)).toEqual(countRollingWindow(marks, calendar, rule));
});

test.prop([registerArb, ruleArb])('results are internally consistent', (marks, rule) => {
  const result = countRollingWindow(marks, calendar, rule);
  expect(result.maximum).toBeLessThanOrEqual(result.counted);
  expect(result.reached).toBe(result.maximum >= rule.threshold);
  expect(result.reached).toBe(result.firstReached !== undefined);
  expect(result.reached).toBe(result.windows.length > 0);
  if (result.firstReached !== undefined) {
    expect(result.firstReached.count).toBe(rule.threshold);
    expect(result.firstReached.marks).toHaveLength(rule.threshold);
    expect(result.firstReached.marks.at(-1)?.date).toBe(result.firstReached.periodEnd);
  }
  for (const window of result.windows) {
    expect(window.count).toBe(window.marks.length);
    expect(window.count).toBeGreaterThanOrEqual(rule.threshold);
    expect(window.count).toBeLessThanOrEqual(result.maximum);
    expect(window.periodStart <= window.periodEnd).toBe(true);
    expect(window.marks.every((counted) => (rule.codes as readonly string[]).includes(counted.code))).toBe(
      true
    );
  }
  expect(Math.max(0, ...result.windows.map((window) => window.count))).toBe(
    result.reached ? result.maximum : 0
  );
  const ends = result.windows.map((window) => window.periodEnd);
  expect(ends).toEqual([...ends].sort());
});

/** A unit, a length, a threshold and `threshold` sessions that all fall within one window of that length. */
const thresholdCaseArb = fc
  .record({
    unit: unitArb,
    length: fc.integer({ min: 1, max: 15 }),
    threshold: fc.integer({ min: 1, max: 15 }),
    anchor: fc.integer({ min: 0, max: SLOT_COUNT - 1 }),
  })
  .chain(({ unit, length, threshold, anchor }) => {
    const from = positionIn(model, model.slots[anchor]!.date, unit);
    const candidates = model.slots
      .map((_, slot) => slot)
      .filter((slot) => {
        const position = positionIn(model, model.slots[slot]!.date, unit);
        return slot >= anchor && position - from < length;
      });
    const count = Math.min(threshold, candidates.length);
    return fc.record({
      rule: fc.constant<WindowRule>({ unit, length, threshold: count, codes: [...UNAUTHORISED] }),
      slots: fc.shuffledSubarray(candidates, { minLength: count, maxLength: count }),
      codes: fc.array(countedCodeArb, { minLength: count, maxLength: count }),
      dropped: fc.nat({ max: count - 1 }),
    });
  });

test.prop([thresholdCaseArb])(
  'for every unit, t sessions within one window meet threshold t; t − 1 of them do not',
  ({ rule, slots, codes, dropped }) => {
    const marks = toMarks(slots.map((slot, index) => [slot, codes[index]!] as const));
    const result = countRollingWindow(marks, calendar, rule);
    expect(result.maximum).toBe(rule.threshold);
    expect(result.reached).toBe(true);
    expect(result.firstReached?.count).toBe(rule.threshold);
    expect(result.firstReached?.periodEnd).toBe(marks.at(-1)?.date);
    expect(result.firstReached?.marks).toHaveLength(rule.threshold);
    expect(countRollingWindow(marks, calendar, { ...rule, threshold: rule.threshold + 1 }).reached).toBe(
      false
    );

    const fewer = marks.filter((_, index) => index !== dropped);
    const short = countRollingWindow(fewer, calendar, rule);
    expect(short.maximum).toBe(rule.threshold - 1);
    expect(short.reached).toBe(false);
    expect(short.firstReached).toBeUndefined();
    expect(short.windows).toEqual([]);
  }
);

test.prop([
  registerArb,
  unauthorisedRuleArb,
  fc.integer({ min: 0, max: SLOT_COUNT - 1 }),
  fc.oneof(codeOfCategoryArb('authorised'), codeOfCategoryArb('not-possible')),
])(
  'adding an authorised or not-possible mark in a session without a mark never changes the result',
  (marks, rule, start, code) => {
    const taken = new Set(marks.map((mark) => `${mark.date} ${mark.session}`));
    const free = [...model.slots.keys()]
      .map((offset) => model.slots[(start + offset) % SLOT_COUNT]!)
      .find((slot) => !taken.has(`${slot.date} ${slot.session}`));
    if (free === undefined) return;
    const before = countRollingWindow(marks, calendar, rule);
    const added = [...marks, { date: free.date, session: free.session, code }];
    expect(countRollingWindow(added, calendar, rule)).toEqual(before);
    expect(countRollingWindow(toCompactRegister(added, sessionSlots), calendar, rule)).toEqual(before);
  }
);

/**
 * The example calendar with a week of holiday inserted before half-term `cut` (counted across both years, 1 to 11):
 * that half-term and every later one, with their closures, move a week later.
 */
function withExtraHolidayWeek(cut: number): { input: CalendarInput; shiftFrom: string } {
  const shiftFrom = exampleInput.years.flatMap((year) => year.halfTerms)[cut]!.start;
  const shift = (date: string): string => (date >= shiftFrom ? addDays(date, 7) : date);
  return {
    shiftFrom,
    input: {
      ...exampleInput,
      years: exampleInput.years.map((year) => ({
        ...year,
        halfTerms: year.halfTerms.map((halfTerm) => ({
          ...halfTerm,
          start: shift(halfTerm.start),
          end: shift(halfTerm.end),
        })),
      })),
      closures: exampleInput.closures.map((closure) => ({ ...closure, date: shift(closure.date) })),
    },
  };
}

const shiftedCalendars: readonly { calendar: SchoolCalendar; model: CalendarModel; shiftFrom: string }[] =
  Array.from({ length: 11 }, (_, index) => {
    const { input, shiftFrom } = withExtraHolidayWeek(index + 1);
    return { calendar: defineSchoolCalendar(input), model: modelOf(input), shiftFrom };
  });

test.prop([registerArb, unauthorisedRuleArb, fc.integer({ min: 0, max: 10 })], { numRuns: 100 })(
  'counting school weeks, only school-week numbers matter: an extra holiday week between marks changes nothing',
  (marks, anyRule, cutIndex) => {
    const shifted = shiftedCalendars[cutIndex]!;
    const moved = marks.map((mark) =>
      mark.date >= shifted.shiftFrom ? { ...mark, date: addDays(mark.date, 7) } : mark
    );
    // Every mark keeps its school-week number in the shifted calendar.
    for (const [index, mark] of marks.entries()) {
      expect(positionIn(shifted.model, moved[index]!.date, 'school-weeks')).toBe(
        positionIn(model, mark.date, 'school-weeks')
      );
    }
    const rule: WindowRule = { ...anyRule, unit: 'school-weeks' };
    const before = countRollingWindow(marks, calendar, rule);
    const after = countRollingWindow(moved, shifted.calendar, rule);
    expect(after.maximum).toBe(before.maximum);
    expect(after.counted).toBe(before.counted);
    expect(after.reached).toBe(before.reached);
    expect(after.firstReached?.count).toBe(before.firstReached?.count);
    expect(after.windows.map((window) => window.count)).toEqual(before.windows.map((window) => window.count));

    // Counting calendar weeks or days, the extra week can only keep sessions apart.
    for (const unit of ['calendar-weeks', 'calendar-days'] as const) {
      const calendarRule: WindowRule = { ...anyRule, unit };
      const widened = countRollingWindow(moved, shifted.calendar, calendarRule);
      expect(widened.maximum).toBeLessThanOrEqual(countRollingWindow(marks, calendar, calendarRule).maximum);
    }
  }
);

test.prop([registerArb, ruleArb, fc.integer({ min: 0, max: 10 })], { numRuns: 100 })(
  'the naive recount agrees on a calendar with an extra holiday week too',
  (marks, rule, cutIndex) => {
    const shifted = shiftedCalendars[cutIndex]!;
    const moved = marks.map((mark) =>
      mark.date >= shifted.shiftFrom ? { ...mark, date: addDays(mark.date, 7) } : mark
    );
    const movedRule: WindowRule =
      rule.countFrom === undefined || rule.countFrom < shifted.shiftFrom
        ? rule
        : { ...rule, countFrom: addDays(rule.countFrom, 7) };
    const result: RollingWindowResult = countRollingWindow(moved, shifted.calendar, movedRule);
    const naive = naiveWindows(shifted.model, moved, movedRule);
    expect(result.maximum).toBe(naive.maximum);
    expect(result.counted).toBe(naive.counted);
    expectSameMatch(shifted.model, result.firstReached, naive.firstReached, movedRule);
  }
);
