import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import {
  defineSchoolCalendar,
  eachSchoolDay,
  eachSessionSlot,
  findAbsenceActions,
  findContinuousAbsence,
  isoDate,
  toCompactRegister,
  toSessionSlots,
} from '../../src/index.js';
import type {
  AbsenceNotificationPolicy,
  ContinuousAbsenceRun,
  FindContinuousAbsenceOptions,
  IsoDate,
  RegisterCode,
  SchoolCalendar,
  Session,
  SessionMark,
} from '../../src/index.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };
import { CATEGORY_OF_CODE } from '../_arbitraries/code.js';

// Laws of continuous absence: the one-pass scan equals a naive day-by-day recount written straight from the rule;
// holiday weeks between two days of a run never change its length in school days; marks as objects (in any order)
// and the compact register give the same runs; each step of a policy is due once per run long enough.

const calendar = defineSchoolCalendar(exampleCalendar);

/** Two stretches of the example calendar: autumn 2024 across half term and an INSET day; July to October 2025. */
const RANGES = [
  { from: isoDate('2024-10-14'), to: isoDate('2024-11-29') },
  { from: isoDate('2025-07-01'), to: isoDate('2025-10-10') },
] as const;

/** The open sessions of every school day of the example calendar, by date. */
const OPEN_SESSIONS = new Map<string, Session[]>();
for (const slot of eachSessionSlot(calendar)) {
  OPEN_SESSIONS.set(slot.date, [...(OPEN_SESSIONS.get(slot.date) ?? []), slot.session]);
}

/** A session's code, weighted toward runs of absence; `null` leaves the session out of the register. */
const sessionCodeArb: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 8, arbitrary: fc.constant('N') },
  { weight: 2, arbitrary: fc.constantFrom('O', 'G', 'U') },
  { weight: 2, arbitrary: fc.constantFrom('I', 'M') },
  { weight: 1, arbitrary: fc.constantFrom('/', '\\', 'L', 'K', 'J') },
  { weight: 1, arbitrary: fc.constantFrom('Y4', '#', 'D', 'Q') },
  { weight: 1, arbitrary: fc.constantFrom('-', '') },
  { weight: 1, arbitrary: fc.constant(null) }
);

/** A register over one of the ranges: a code (or nothing) for every open session of every school day. */
const registerArb: fc.Arbitrary<{ marks: SessionMark[]; range: (typeof RANGES)[number] }> = fc
  .constantFrom(...RANGES)
  .chain((range) => {
    const slots = eachSessionSlot(calendar, range);
    return fc.array(sessionCodeArb, { minLength: slots.length, maxLength: slots.length }).map((codes) => ({
      range,
      marks: slots.flatMap((slot, index) => {
        const code = codes[index];
        return code === null || code === undefined ? [] : [{ ...slot, code }];
      }),
    }));
  });

const optionsArb: fc.Arbitrary<FindContinuousAbsenceOptions> = fc.record(
  {
    codes: fc.constantFrom<readonly RegisterCode[]>(['N'], ['G', 'N', 'O', 'U'], ['O', 'N', 'O'], ['I']),
    otherAbsence: fc.constantFrom('breaks' as const, 'continues' as const),
  },
  { requiredKeys: ['codes'] }
);

type DayOutcome = 'counts' | 'neutral' | 'breaks';

/** What one session does to a run, straight from the rule and the DfE categories (no mark breaks). */
function sessionOutcome(code: string | undefined, options: FindContinuousAbsenceOptions): DayOutcome {
  if (code === undefined || code === '-' || code === '') return 'breaks';
  if ((options.codes as readonly string[]).includes(code)) return 'counts';
  const category = CATEGORY_OF_CODE[code];
  if (category === 'not-possible') return 'neutral';
  if (category === 'authorised' || category === 'unauthorised') {
    return options.otherAbsence === 'continues' ? 'neutral' : 'breaks';
  }
  return 'breaks';
}

/** The runs, recounted naively: every school day of the calendar in turn, each session looked up by key. */
function naiveRuns(
  marks: readonly SessionMark[],
  options: FindContinuousAbsenceOptions
): ContinuousAbsenceRun[] {
  const codeOf = new Map(marks.map((one) => [`${one.date} ${one.session}`, one.code]));
  const runs: ContinuousAbsenceRun[] = [];
  let dates: IsoDate[] = [];
  let sessions = 0;
  let seen = new Set<string>();
  const close = (): void => {
    if (dates.length > 0) {
      runs.push({
        startDate: dates[0]!,
        endDate: dates[dates.length - 1]!,
        schoolDays: dates.length,
        sessions,
        codes: [...new Set(options.codes)].filter((code) => seen.has(code)),
        dates,
      });
    }
    dates = [];
    sessions = 0;
    seen = new Set();
  };
  for (const date of eachSchoolDay(calendar)) {
    const open = OPEN_SESSIONS.get(date) ?? [];
    const outcomes = open.map((session) => sessionOutcome(codeOf.get(`${date} ${session}`), options));
    if (outcomes.includes('breaks')) close();
    else if (outcomes.every((outcome) => outcome === 'counts')) {
      dates.push(date);
      sessions += open.length;
      for (const session of open) seen.add(codeOf.get(`${date} ${session}`)!);
    }
  }
  close();
  return runs;
}

test.prop([registerArb, optionsArb])(
  'the one-pass runs equal a naive day-by-day recount',
  ({ marks }, options) => {
    expect(findContinuousAbsence(marks, calendar, options)).toEqual(naiveRuns(marks, options));
  }
);

test.prop([registerArb, optionsArb])(
  'the compact form gives the same runs as the marks as objects',
  ({ marks, range }, options) => {
    const compact = toCompactRegister(marks, toSessionSlots(calendar, range));
    expect(findContinuousAbsence(compact, calendar, options)).toEqual(
      findContinuousAbsence(marks, calendar, options)
    );
  }
);

test.prop([
  registerArb.chain(({ marks }) => fc.shuffledSubarray(marks, { minLength: marks.length })),
  optionsArb,
])('marks in any order give the same runs', (shuffled, options) => {
  const sorted = [...shuffled].sort((a, b) =>
    a.date === b.date ? (a.session < b.session ? -1 : 1) : a.date < b.date ? -1 : 1
  );
  expect(findContinuousAbsence(shuffled, calendar, options)).toEqual(
    findContinuousAbsence(sorted, calendar, options)
  );
});

const stepsArb = fc.uniqueArray(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 4 });

test.prop([registerArb, optionsArb, stepsArb])(
  'each step is due once per run that lasts long enough, on that school day of the run',
  ({ marks }, options, days) => {
    const policy: AbsenceNotificationPolicy = {
      name: 'test',
      codes: options.codes,
      otherAbsence: options.otherAbsence ?? 'breaks',
      steps: days.map((schoolDay) => ({ schoolDay, action: `day-${schoolDay}`, label: `Day ${schoolDay}` })),
      source: 'test',
    };
    const sortedDays = [...days].sort((a, b) => a - b);
    const expected = findContinuousAbsence(marks, calendar, options).flatMap((run) =>
      sortedDays.filter((day) => day <= run.schoolDays).map((day) => [`day-${day}`, run.dates[day - 1]])
    );
    const actions = findAbsenceActions(marks, calendar, policy);
    expect(actions.map((action) => [action.action, action.dueOn])).toEqual(expected);
  }
);

// Holiday weeks: a calendar whose first holiday lasts `weeks` weeks, and a run across it.

const MS_PER_DAY = 86_400_000;

/** The date `days` after an ISO date, by UTC arithmetic (tests only). */
function addDays(date: string, days: number): IsoDate {
  return isoDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10));
}

/** Autumn 1 from 2 September to 25 October 2024, a holiday of `weeks` weeks, then five half-terms of 3 weeks. */
function calendarWithHoliday(weeks: number): SchoolCalendar {
  const halfTerms = [{ name: 'Autumn 1', start: '2024-09-02', end: '2024-10-25' }];
  let monday = addDays('2024-10-28', 7 * weeks);
  for (const name of ['Autumn 2', 'Spring 1', 'Spring 2', 'Summer 1', 'Summer 2']) {
    halfTerms.push({ name, start: monday, end: addDays(monday, 18) });
    monday = addDays(monday, 28);
  }
  return defineSchoolCalendar({ name: `Holiday of ${weeks} weeks`, years: [{ name: '2024/25', halfTerms }] });
}

/** N on the last `before` school days of autumn 1 and the first `after` of autumn 2; present on the rest. */
function runAcrossHoliday(holidayCalendar: SchoolCalendar, before: number, after: number): SessionMark[] {
  const days = eachSchoolDay(holidayCalendar);
  const firstAfter = days.findIndex((date) => date > '2024-10-25');
  const absent = new Set(days.slice(firstAfter - before, firstAfter + after));
  return eachSessionSlot(holidayCalendar).map((slot) => ({
    ...slot,
    code: absent.has(slot.date) ? 'N' : '/',
  }));
}

test.prop([fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 10 }), fc.integer({ min: 1, max: 8 })])(
  "inserting holiday weeks between two days of a run never changes the run's length in school days",
  (before, after, weeks) => {
    const shortHoliday = calendarWithHoliday(1);
    const longHoliday = calendarWithHoliday(weeks);
    const [short] = findContinuousAbsence(runAcrossHoliday(shortHoliday, before, after), shortHoliday, {
      codes: ['N'],
    });
    const runs = findContinuousAbsence(runAcrossHoliday(longHoliday, before, after), longHoliday, {
      codes: ['N'],
    });
    expect(runs).toHaveLength(1);
    expect(runs[0]!.schoolDays).toBe(before + after);
    expect(runs[0]!.schoolDays).toBe(short!.schoolDays);
    expect(runs[0]!.sessions).toBe(short!.sessions);
    expect(runs[0]!.startDate).toBe(short!.startDate);
  }
);
