import { test } from '@fast-check/vitest';
import fc from 'fast-check';
import { describe, expect } from 'vitest';
import {
  COMPACT_CODES,
  countLateness,
  countRollingWindow,
  countSessions,
  createCohortRegister,
  defineSchoolCalendar,
  DFE_POLICY,
  findContinuousAbsence,
  HCAT_LATENESS_POLICY,
  isAttendanceError,
  isIsoDate,
  runEscalation,
  safeCountSessions,
} from '../../src/index.js';
import type { SessionMark } from '../../src/index.js';
import { isIsoDateText } from '../../src/calendar/isIsoDate.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };

// Whatever a register holds, the safe count never throws, and the count throws only an AttendanceError, exactly
// when the safe count fails. The same for every other reader of marks: a result or an AttendanceError, never a
// TypeError or RangeError.

const calendar = defineSchoolCalendar(exampleCalendar);

/** A date near the calendar's, or text that is almost one. */
const dateArb = fc.oneof(
  fc.constantFrom('2024-09-10', '2024-09-11', '2024-10-01', '2025-01-07', '2024-02-29'),
  fc.constantFrom('2024-02-30', '2023-02-29', 'banana', '', '2024-9-10', '2024-09-10 ', '２０２４-09-10'),
  fc.string(),
  fc.anything()
);

/** A value in a mark's place: most often nearly a mark, sometimes anything at all. */
const markArb: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        pupilId: fc.oneof(fc.string(), fc.anything()),
        date: dateArb,
        session: fc.oneof(fc.constantFrom('AM', 'PM'), fc.constantFrom('XX', '', 'am'), fc.anything()),
        code: fc.oneof(fc.constantFrom(...COMPACT_CODES, ''), fc.string({ maxLength: 3 }), fc.anything()),
        minutesLate: fc.oneof(fc.nat(), fc.double(), fc.anything()),
      },
      { requiredKeys: [] }
    ),
  },
  { weight: 1, arbitrary: fc.anything() }
);

/** A register: marks as above, any array, or any value at all. */
const registerArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.array(markArb, { maxLength: 12 }) },
  { weight: 2, arbitrary: fc.array(fc.anything(), { maxLength: 6 }) },
  { weight: 1, arbitrary: fc.anything() }
);

const optionsArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(undefined) },
  {
    weight: 2,
    arbitrary: fc.record(
      {
        codeSet: fc.constantFrom('by-date', '2024', 'pre-2024', 'banana'),
        duplicates: fc.constantFrom('error', 'precedence', 'x'),
        unmarked: fc.constantFrom('unmarked', 'as-N', 'y'),
      },
      { requiredKeys: [] }
    ),
  },
  { weight: 1, arbitrary: fc.anything() }
);

/** The error a call throws, or undefined when it returns. */
function thrownBy(run: () => unknown): unknown {
  try {
    run();
    return undefined;
  } catch (error) {
    return error;
  }
}

describe('countSessions and safeCountSessions', () => {
  test.prop([registerArb, optionsArb], { numRuns: 2000 })(
    'the safe count never throws; the count throws only an AttendanceError, exactly when the safe one fails',
    (register, options) => {
      const marks = register as SessionMark[];
      const safe = safeCountSessions(marks, options as never);
      const thrown = thrownBy(() => countSessions(marks, options as never));
      if (safe.success) {
        expect(thrown).toBeUndefined();
        expect(countSessions(marks, options as never)).toEqual(safe.data);
      } else {
        expect(isAttendanceError(thrown)).toBe(true);
        expect(safe.error.issues.length).toBeGreaterThan(0);
        for (const issue of safe.error.issues) expect(Array.isArray(issue.path)).toBe(true);
      }
    }
  );

  test.prop([fc.array(fc.anything(), { maxLength: 8 })])(
    'for any array of arbitrary values, the safe count never throws',
    (values) => {
      expect(() => safeCountSessions(values as SessionMark[])).not.toThrow();
    }
  );

  test.prop([fc.array(markArb, { minLength: 1, maxLength: 12 })])(
    'a count that succeeds counted only well-formed marks',
    (marks) => {
      const result = safeCountSessions(marks as SessionMark[]);
      if (!result.success) return;
      for (const mark of marks as SessionMark[]) {
        expect(isIsoDate(mark.date)).toBe(true);
        expect(['AM', 'PM']).toContain(mark.session);
        expect(typeof mark.code).toBe('string');
      }
    }
  );
});

describe('every reader of marks gives a result or an AttendanceError', () => {
  const readers: readonly (readonly [string, (register: SessionMark[]) => unknown])[] = [
    ['countRollingWindow', (register) => countRollingWindow(register, calendar, DFE_POLICY.penaltyNotice)],
    ['countLateness', (register) => countLateness(register, calendar, HCAT_LATENESS_POLICY)],
    ['findContinuousAbsence', (register) => findContinuousAbsence(register, calendar, { codes: ['N'] })],
    ['runEscalation', (register) => runEscalation(register, calendar, { pupilId: 'P1' })],
    ['createCohortRegister', (register) => createCohortRegister([['P1', register]])],
  ];
  for (const [name, read] of readers) {
    test.prop([registerArb], { numRuns: 300 })(name, (register) => {
      const thrown = thrownBy(() => read(register as SessionMark[]));
      if (thrown !== undefined) expect(isAttendanceError(thrown)).toBe(true);
    });
  }
});

describe('the mark date check', () => {
  const nearDateArb = fc.oneof(
    fc
      .tuple(
        fc.integer({ min: 0, max: 9999 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 })
      )
      .map(
        ([year, month, day]) =>
          `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
      ),
    fc.string({
      minLength: 10,
      maxLength: 10,
      unit: fc.constantFrom('0', '1', '2', '9', '-', '/', 'a', '٣'),
    }),
    fc.string()
  );
  // An independent route to the same answer: the pattern, then the date rolled through Date.UTC (a day that
  // does not exist moves to the next month). isIsoDate shares the character-code reader, so it must agree too.
  const byDateUtc = (text: string): boolean => {
    const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (parts === null) return false;
    const utc = new Date(0);
    utc.setUTCFullYear(Number(parts[1]), Number(parts[2]) - 1, Number(parts[3]));
    return utc.getUTCMonth() === Number(parts[2]) - 1 && utc.getUTCDate() === Number(parts[3]);
  };
  test.prop([nearDateArb], { numRuns: 3000 })(
    'agrees with a reading through Date.UTC, and with isIsoDate',
    (text) => {
      expect(isIsoDateText(text)).toBe(byDateUtc(text));
      expect(isIsoDate(text)).toBe(byDateUtc(text));
    }
  );
});
