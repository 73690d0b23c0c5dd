import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { countSessions } from '../../../src/index.js';
import {
  CENSUS_ABSENCE_REASONS,
  parseCensusAttendanceCsv,
  parseCensusAttendanceXml,
  parsePupilSummaryCsv,
  toCensusAttendanceCsv,
  toCensusAttendanceXml,
  toPupilSummaryCsv,
} from '../../../src/io/index.js';
import type { CensusAttendance, CensusPupilAttendance, CsvLineEnding } from '../../../src/io/index.js';
import { registerArb } from '../../_arbitraries/register.js';
import { summaryCountsArb, withoutWarnings } from './summaryCounts.js';

// Any text a file can carry: full Unicode, with the characters CSV and XML treat specially made common.
const characterArb = fc.oneof(
  fc.constantFrom('"', ',', '\n', '\r', '\r\n', ' ', '\t', '<', '>', '&', ';', '\uFEFF', ']]>', '&amp;'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })
);
const textArb = fc.string({ unit: characterArb, maxLength: 12 });
const idArb = fc.string({ unit: characterArb, minLength: 1, maxLength: 12 });
const lineEndingArb = fc.constantFrom<CsvLineEnding>('\r\n', '\n');

// XML 1.0 can carry tab, LF, CR and everything from U+0020 except unpaired surrogates and U+FFFE/U+FFFF.
const XML_CHARACTERS = /^(?:[\t\n\r\u0020-\uD7FF\uE000-\uFFFD]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;
const xmlIdArb = idArb.filter((id) => XML_CHARACTERS.test(id));

const SUMMARY_COLUMNS = new Set([
  'pupil_id',
  'possible',
  'present',
  'approved_educational_activity',
  'attended',
  'authorised',
  'unauthorised',
  'absent',
  'not_possible',
  'unmarked',
  'late',
  'late_after_register_closed',
  'attendance_percent',
  'absence_percent',
  'persistent_absence',
  'severe_absence',
]);
const attributeNameArb = fc
  .string({ unit: characterArb, minLength: 1, maxLength: 8 })
  .filter((name) => !SUMMARY_COLUMNS.has(name) && !name.startsWith('code_'));

/** A census record: any reasons (any order, zero allowed), totals free but never more absence than possible. */
const censusRecordArb: fc.Arbitrary<CensusAttendance> = fc
  .record({
    reasons: fc.uniqueArray(fc.constantFrom(...CENSUS_ABSENCE_REASONS), { maxLength: 6 }),
    sessions: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 6, maxLength: 6 }),
    sessionsAuthorised: fc.integer({ min: 0, max: 2000 }),
    sessionsUnauthorised: fc.integer({ min: 0, max: 2000 }),
    extraPossible: fc.integer({ min: 0, max: 2000 }),
  })
  .map(({ reasons, sessions, sessionsAuthorised, sessionsUnauthorised, extraPossible }) => ({
    sessionsPossible: sessionsAuthorised + sessionsUnauthorised + extraPossible,
    sessionDetails: reasons.map((reason, index) => ({ reason, absenceSessions: sessions[index]! })),
    sessionsAuthorised,
    sessionsUnauthorised,
  }));

/** The same record as the census layout lists it: reasons in census order, none with zero sessions. */
function canonical(record: CensusAttendance): CensusAttendance {
  return {
    ...record,
    sessionDetails: [...record.sessionDetails]
      .filter((detail) => detail.absenceSessions > 0)
      .sort(
        (left, right) =>
          CENSUS_ABSENCE_REASONS.indexOf(left.reason) - CENSUS_ABSENCE_REASONS.indexOf(right.reason)
      ),
  };
}

function pupilArb(id: fc.Arbitrary<string>): fc.Arbitrary<CensusPupilAttendance> {
  return fc.record(
    { pupilId: id, termly: censusRecordArb, summerHalfTerm2: censusRecordArb, annual: censusRecordArb },
    { requiredKeys: ['pupilId'] }
  );
}

describe('per-pupil summary: toPupilSummaryCsv then parsePupilSummaryCsv', () => {
  test.prop([
    fc.uniqueArray(attributeNameArb, { maxLength: 3 }).chain((names) =>
      fc
        .array(
          fc.record({
            pupilId: idArb,
            counts: summaryCountsArb(),
            values: fc.array(textArb, { minLength: names.length, maxLength: names.length }),
          }),
          { maxLength: 8 }
        )
        .map((rows) => ({ names, rows }))
    ),
    lineEndingArb,
  ])('gives back every integer count, pupil id and attribute exactly', ({ names, rows }, lineEnding) => {
    const input = rows.map(({ pupilId, counts, values }) => ({
      pupilId,
      counts,
      attributes: Object.fromEntries(names.map((name, index) => [name, values[index]!])),
    }));
    const { pupils, warnings } = parsePupilSummaryCsv(toPupilSummaryCsv(input, { lineEnding }));
    expect(warnings).toEqual([]);
    expect(
      pupils.map((pupil) => ({ pupilId: pupil.pupilId, counts: pupil.counts, attributes: pupil.attributes }))
    ).toEqual(input);
  });

  test.prop([registerArb({ maxLength: 80 }), fc.constantFrom('unmarked' as const, 'as-N' as const)])(
    'gives back the per-code counts of any register too',
    (marks, unmarked) => {
      const counts = withoutWarnings(countSessions(marks, { unmarked }));
      const csv = toPupilSummaryCsv([{ pupilId: 'P', counts }], { byCode: true });
      expect(parsePupilSummaryCsv(csv).pupils[0]?.counts).toEqual(counts);
    }
  );
});

describe('census attendance: toCensusAttendanceXml then parseCensusAttendanceXml', () => {
  test.prop([fc.array(pupilArb(xmlIdArb), { maxLength: 6 }), fc.constantFrom('', '  ', '\t')])(
    'gives back equal records, reasons in the order written',
    (pupils, indent) => {
      expect(parseCensusAttendanceXml(toCensusAttendanceXml(pupils, { indent })).pupils).toEqual(pupils);
    }
  );
});

describe('census attendance: toCensusAttendanceCsv then parseCensusAttendanceCsv', () => {
  test.prop([
    fc
      .uniqueArray(pupilArb(idArb), { selector: (pupil) => pupil.pupilId, maxLength: 6 })
      .map((pupils) => pupils.filter((pupil) => pupil.termly ?? pupil.summerHalfTerm2 ?? pupil.annual)),
    lineEndingArb,
  ])(
    'gives back the records in census form (reasons in census order, zero reasons left out)',
    (pupils, lineEnding) => {
      const expected = pupils.map((pupil) => {
        const result: { -readonly [K in keyof CensusPupilAttendance]: CensusPupilAttendance[K] } = {
          pupilId: pupil.pupilId,
        };
        for (const kind of ['termly', 'summerHalfTerm2', 'annual'] as const) {
          const record = pupil[kind];
          if (record !== undefined) result[kind] = canonical(record);
        }
        return result;
      });
      expect(parseCensusAttendanceCsv(toCensusAttendanceCsv(pupils, { lineEnding })).pupils).toEqual(
        expected
      );
    }
  );
});
