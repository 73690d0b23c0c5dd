import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import { readCtf, toCtfAttendanceMarks, toCtfXml } from '../../../src/io/index.js';
import { COMPACT_CODES, eachSchoolDay } from '../../../src/index.js';
import type { IsoDate, SessionMark } from '../../../src/index.js';
import { dateFromOffset, DAY_SPAN } from '../../_arbitraries/isoDate.js';
import { CALENDAR } from './ctfFixtures.js';

// Every code of both sets, and '-' for no mark; '#' is left out because it is the not-in-session filler
// (a planned-closure mark is written, and read back, as not in session).
const CODES = COMPACT_CODES.filter((code) => code !== '#');
const ONE_CHARACTER_CODES = CODES.filter((code) => code.length === 1);
const SCHOOL_DAYS: readonly IsoDate[] = eachSchoolDay(CALENDAR);

type Model = 'calendarDays' | 'schoolDays';

/** A period (as its list of days) and, for each session of it, a code or nothing. */
function registerArb(model: Model, width: 1 | 2) {
  const codeArb = fc.option(fc.constantFrom(...(width === 1 ? ONE_CHARACTER_CODES : CODES)), { freq: 3 });
  const daysArb =
    model === 'calendarDays'
      ? fc
          .tuple(fc.integer({ min: 0, max: DAY_SPAN - 70 }), fc.integer({ min: 1, max: 70 }))
          .map(([offset, length]) => Array.from({ length }, (_, day) => dateFromOffset(offset + day)))
      : fc
          .tuple(fc.integer({ min: 0, max: SCHOOL_DAYS.length - 50 }), fc.integer({ min: 1, max: 50 }))
          .map(([first, length]) => SCHOOL_DAYS.slice(first, first + length));
  return daysArb.chain((days) =>
    fc.array(fc.tuple(codeArb, codeArb), { minLength: days.length, maxLength: days.length }).map((codes) => {
      const marks: SessionMark[] = [];
      days.forEach((date, day) => {
        const [morning, afternoon] = codes[day]!;
        if (morning !== null) marks.push({ date, session: 'AM', code: morning });
        if (afternoon !== null) marks.push({ date, session: 'PM', code: afternoon });
      });
      return { startDate: days[0]!, endDate: days[days.length - 1]!, marks };
    })
  );
}

const CASES: readonly (readonly [Model, 1 | 2])[] = [
  ['calendarDays', 1],
  ['calendarDays', 2],
  ['schoolDays', 1],
  ['schoolDays', 2],
];

describe.each(CASES)('toCtfAttendanceMarks then readCtf (%s, codeWidth %i)', (dayModel, codeWidth) => {
  const layout = { dayModel, codeWidth, ...(dayModel === 'schoolDays' ? { calendar: CALENDAR } : {}) };

  test.prop([registerArb(dayModel, codeWidth)])(
    'gives back the marks, and totals that reconcile',
    (register) => {
      const attendanceMarks = toCtfAttendanceMarks(register.marks, { ...register, ...layout });
      expect(attendanceMarks).toHaveLength(
        2 *
          codeWidth *
          (dayModel === 'schoolDays'
            ? SCHOOL_DAYS.filter((day) => day >= register.startDate && day <= register.endDate).length
            : Math.round((Date.parse(register.endDate) - Date.parse(register.startDate)) / 86_400_000) + 1)
      );
      const xml = toCtfXml({
        header: {},
        pupils: [
          {
            upn: 'P1',
            years: [
              { year: 2025, attendanceStartDate: register.startDate, attendanceMarks, marks: register.marks },
            ],
          },
        ],
      });
      const report = readCtf(xml, layout);
      expect(report.issues.filter((issue) => issue.severity === 'error')).toEqual([]);
      expect(report.marks.map(({ date, session, code }) => ({ date, session, code }))).toEqual(
        register.marks
      );
      const reconciliation = report.pupils[0]?.years[0]?.reconciliation;
      expect(reconciliation?.matches).toBe(true);
    }
  );
});
