/**
 * Random inputs for the SQL differential tests: school calendars, policies with their band tables and window
 * rules, and registers of many pupils at once (so that a few hundred queries cover thousands of pupils), with
 * the marks a real export holds now and then: legacy codes, duplicates, weekend and holiday marks, marks outside
 * the calendar, unknown codes, impossible dates and bad sessions.
 */
import fc from 'fast-check';
import {
  COMPACT_CODES,
  defineBandTable,
  defineSchoolCalendar,
  definePolicy,
  DFE_ABSENCE_BANDS,
  HCAT_ATTENDANCE_BANDS,
} from '../../src/index.js';
import type {
  AttendancePolicy,
  BandTable,
  IsoDate,
  SchoolCalendar,
  WindowRule,
  WindowUnit,
} from '../../src/index.js';
import type { NamedWindowRule } from '../../src/sql/index.js';

/** A mark as a register export holds it: any text, or null where a column is empty. */
export interface RawMark {
  readonly pupilId: string;
  readonly date: string;
  readonly session: string;
  readonly code: string;
}

const DAY_MS = 86_400_000;

function addDays(date: string, days: number): IsoDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10) as IsoDate;
}

/** Half-term lengths in weeks and the holiday after each, for one school year. */
const yearShapeArb = fc.record({
  halfTermWeeks: fc.array(fc.integer({ min: 2, max: 7 }), { minLength: 6, maxLength: 6 }),
  holidayWeeks: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 5, maxLength: 5 }),
  /** Days after the first Monday that the year starts (a Wednesday start leaves a short first week). */
  startOffset: fc.constantFrom(0, 0, 2),
});

/**
 * A calendar of one or two school years starting in September 2023 or 2024 (so the 2024 code-set cut-over falls
 * inside some), with random half-terms, holidays and closures, some of one session only.
 */
export const calendarArb: fc.Arbitrary<SchoolCalendar> = fc
  .record({
    firstMonday: fc.constantFrom('2023-09-04', '2024-09-02'),
    years: fc.array(yearShapeArb, { minLength: 1, maxLength: 2 }),
    sessionsPerDay: fc.constantFrom<1 | 2>(2, 2, 2, 1),
    closures: fc.array(
      fc.record({
        day: fc.nat({ max: 400 }),
        sessions: fc.constantFrom<readonly ('AM' | 'PM')[] | undefined>(undefined, ['AM'], ['PM']),
      }),
      { maxLength: 4 }
    ),
  })
  .map(({ firstMonday, years, sessionsPerDay, closures }) => {
    let monday: string = firstMonday;
    const schoolDays: IsoDate[] = [];
    const definedYears = years.map((shape, yearIndex) => {
      const halfTerms = shape.halfTermWeeks.map((weeks, index) => {
        const start = addDays(monday, index === 0 ? shape.startOffset : 0);
        const end = addDays(monday, weeks * 7 - 3);
        for (let day = 0; day < weeks * 7; day += 1) {
          const date = addDays(monday, day);
          if (date >= start && day % 7 < 5) schoolDays.push(date);
        }
        monday = addDays(monday, (weeks + (shape.holidayWeeks[index] ?? 6)) * 7);
        return { name: `Half-term ${index + 1}`, start, end };
      });
      // The summer holiday: to the first Monday of September.
      while (Number(monday.slice(5, 7)) < 9 || Number(monday.slice(8, 10)) > 7) monday = addDays(monday, 7);
      return { name: `Year ${yearIndex + 1}`, halfTerms };
    });
    const chosen = new Map<string, readonly ('AM' | 'PM')[] | undefined>();
    for (const closure of closures) {
      const date = schoolDays[closure.day % schoolDays.length]!;
      chosen.set(date, closure.sessions);
    }
    return defineSchoolCalendar({
      name: 'Random calendar',
      sessionsPerDay,
      years: definedYears,
      closures: [...chosen].map(([date, sessions]) => ({
        date,
        reason: 'inset',
        ...(sessions === undefined || sessionsPerDay === 1 ? {} : { sessions }),
      })),
    });
  });

/** A percentage with two decimals, as policies hold them. */
const percentArb = fc.integer({ min: 0, max: 10_000 }).map((basisPoints) => basisPoints / 100);

const thresholdArb = fc.record({
  percent: percentArb,
  comparison: fc.constantFrom<'at-least' | 'more-than'>('at-least', 'more-than'),
  minimumPossibleSessions: fc.constantFrom(0, 1, 1, 11, 20),
});

/** A band table over 0–100 % cut at random points, each boundary owned by one side at random. */
export const bandTableArb: fc.Arbitrary<BandTable> = fc.oneof(
  fc.constant(DFE_ABSENCE_BANDS),
  fc.constant(HCAT_ATTENDANCE_BANDS),
  fc
    .record({
      cuts: fc.uniqueArray(fc.integer({ min: 1, max: 9_999 }), { maxLength: 6 }),
      lowerOwns: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
      measure: fc.constantFrom<'attendance' | 'absence'>('attendance', 'absence'),
    })
    .map(({ cuts, lowerOwns, measure }) => {
      const points = [0, ...[...cuts].sort((a, b) => a - b).map((cut) => cut / 100), 100];
      const bands = points.slice(1).map((to, index) => ({
        id: `band-${index}`,
        label: `Band ${index} ('quoted')`,
        from: points[index]!,
        fromInclusive: index === 0 || !lowerOwns[index - 1]!,
        to,
        toInclusive: index === points.length - 2 || lowerOwns[index]!,
      }));
      return defineBandTable({ id: 'random', name: 'Random bands', measure, source: 'test', bands });
    })
);

const WINDOW_CODES = ['G', 'N', 'O', 'U', 'L', 'C', 'I', '/', 'J', 'H'] as const;

/** A window rule of any unit; short lengths and low thresholds, so that windows are reached often. */
export const windowRuleArb: fc.Arbitrary<WindowRule> = fc
  .record({
    length: fc.integer({ min: 1, max: 12 }),
    unit: fc.constantFrom<WindowUnit>('school-weeks', 'calendar-weeks', 'calendar-days'),
    threshold: fc.integer({ min: 1, max: 12 }),
    codes: fc.uniqueArray(fc.constantFrom(...WINDOW_CODES), { minLength: 1, maxLength: 4 }),
    countFrom: fc.option(fc.constantFrom('2024-08-19', '2024-01-08', '2025-01-06'), { nil: undefined }),
  })
  .map(({ countFrom, ...rule }) =>
    countFrom === undefined ? rule : { ...rule, countFrom: countFrom as IsoDate }
  );

/** A policy with random thresholds (severe at least persistent), a band table and a penalty-notice rule. */
export const policyArb: fc.Arbitrary<AttendancePolicy> = fc
  .record({
    persistent: thresholdArb,
    severe: thresholdArb,
    bands: bandTableArb,
    penaltyNotice: windowRuleArb,
  })
  .map(({ persistent, severe, bands, penaltyNotice }) =>
    definePolicy({
      name: 'random',
      persistentAbsence: persistent,
      severeAbsence: { ...severe, percent: Math.max(severe.percent, persistent.percent) },
      bands,
      penaltyNotice,
    })
  );

/** One to three named window rules. */
export const windowsArb: fc.Arbitrary<readonly NamedWindowRule[]> = fc
  .array(windowRuleArb, { minLength: 1, maxLength: 3 })
  .map((rules) => rules.map((rule, index) => ({ name: `rule_${index}`, rule })));

/** A small, fast, seeded generator, so that one integer from fast-check decides a pupil's whole register. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const ABSENCE_CODES = ['N', 'O', 'G', 'U', 'I', 'M', 'C', 'L', 'E'] as const;
const PUPIL_ID_PARTS = ['P', "O'Brien", 'x"y', '\\', 'é', ' ', ';--', '1'] as const;

/** How a generated register departs from a clean one. */
export interface RegisterShape {
  /** The chance that a pupil gets a mark the library rejects (bad date or session, unknown code). */
  readonly malformed: number;
  /** The chance that a pupil gets a second mark for some session. */
  readonly duplicates: number;
}

/**
 * The marks of `pupils` pupils over a calendar: each pupil a run of days from a random start (so joiners and
 * leavers), most marks present, absences in streaks, and now and then a legacy code, "no mark yet", a mark on
 * a closed day or outside the calendar, a duplicate, or a malformed mark.
 */
export function registerArb(
  calendar: SchoolCalendar,
  pupils: { readonly min: number; readonly max: number },
  shape: RegisterShape = { malformed: 0.08, duplicates: 0.15 }
): fc.Arbitrary<readonly RawMark[]> {
  const first = calendar.years[0]!.halfTerms[0]!.start;
  const lastYear = calendar.years[calendar.years.length - 1]!;
  const last = lastYear.halfTerms[lastYear.halfTerms.length - 1]!.end;
  const span = (Date.parse(last) - Date.parse(first)) / DAY_MS;
  return fc.array(fc.integer(), { minLength: pupils.min, maxLength: pupils.max }).map((seeds) =>
    seeds.flatMap((seed, pupil) => {
      const next = random(seed);
      const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
      const pupilId = `${pick(PUPIL_ID_PARTS)}${pupil}`;
      const marks: RawMark[] = [];
      const start = Math.floor(next() * span) - 10;
      const days = Math.floor(next() * Math.min(span, 160));
      const absenceRate = next() * 0.5;
      let streak = 0;
      for (let day = start; day < start + days; day += 1) {
        const date = addDays(first, day);
        const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
        // Weekends are skipped, but now and then a mark lands on one.
        if ((weekday === 0 || weekday === 6) && next() > 0.01) continue;
        for (const session of calendar.sessionsPerDay === 2 ? ['AM', 'PM'] : ['AM']) {
          if (streak === 0 && next() < absenceRate / 4) streak = 1 + Math.floor(next() * 6);
          let code: string;
          if (streak > 0) {
            code = pick(ABSENCE_CODES);
            streak -= 1;
          } else {
            const roll = next();
            code =
              roll < 0.8
                ? '/'
                : roll < 0.9
                  ? pick(['\\', 'L', '#', 'B', 'V', 'Y1', 'X'])
                  : pick(COMPACT_CODES);
          }
          if (next() < 0.01) code = pick(['-', '']);
          marks.push({ pupilId, date, session, code });
        }
      }
      if (marks.length > 0 && next() < shape.duplicates) {
        const twin = pick(marks);
        marks.push({ ...twin, code: pick(['/', 'N', 'O', 'C', 'L', '\\', '-', twin.code]) });
      }
      if (next() < shape.malformed) {
        const base = marks.length > 0 ? pick(marks) : { pupilId, date: first, session: 'AM', code: '/' };
        marks.push(
          pick([
            { ...base, date: '2024-02-30' },
            { ...base, date: '2024-9-3' },
            { ...base, session: 'XX' },
            { ...base, session: 'am' },
            { ...base, code: 'Q1' },
            { ...base, code: 'n' },
          ])
        );
      }
      // The register's rows come in any order.
      for (let index = marks.length - 1; index > 0; index -= 1) {
        if (next() < 0.1) {
          const other = Math.floor(next() * (index + 1));
          [marks[index], marks[other]] = [marks[other]!, marks[index]!];
        }
      }
      return marks;
    })
  );
}
