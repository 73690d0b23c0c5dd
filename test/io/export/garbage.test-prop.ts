import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { AttendanceError } from '../../../src/index.js';
import {
  parseCensusAttendanceCsv,
  parseCensusAttendanceXml,
  parsePupilSummaryCsv,
  safeParseCensusAttendanceCsv,
  safeParseCensusAttendanceXml,
  safeParsePupilSummaryCsv,
  toCensusAttendanceCsv,
  toCensusAttendanceXml,
  toPupilSummaryCsv,
} from '../../../src/io/index.js';
import type { CensusAttendance } from '../../../src/io/index.js';
import { countsOf } from './summaryCounts.js';

const RECORD: CensusAttendance = {
  sessionsPossible: 142,
  sessionDetails: [
    { reason: 'I', absenceSessions: 6 },
    { reason: 'M', absenceSessions: 1 },
    { reason: 'O', absenceSessions: 2 },
  ],
  sessionsAuthorised: 7,
  sessionsUnauthorised: 2,
};
const PUPILS = [
  { pupilId: 'P1', termly: RECORD, annual: RECORD },
  { pupilId: 'P, "2"', summerHalfTerm2: RECORD },
];
const VALID_XML = toCensusAttendanceXml(PUPILS);
const VALID_CENSUS_CSV = toCensusAttendanceCsv(PUPILS);
const VALID_SUMMARY_CSV = toPupilSummaryCsv(
  [
    {
      pupilId: 'A',
      counts: countsOf({ present: 340, approvedEducationalActivity: 2, authorised: 30, unauthorised: 8 }),
      attributes: { note: 'a\nb' },
    },
    {
      pupilId: 'B',
      counts: countsOf({ present: 1, approvedEducationalActivity: 0, authorised: 0, unauthorised: 0 }),
    },
  ],
  { byCode: false }
);

/** A valid file broken at random: cut short, or with characters inserted, deleted or replaced. */
function brokenArb(valid: string): fc.Arbitrary<string> {
  const position = fc.integer({ min: 0, max: valid.length });
  const characters = fc.string({ unit: 'binary', minLength: 1, maxLength: 4 });
  const edit = fc.oneof(
    fc.tuple(position, characters).map(
      ([at, text]) =>
        (file: string) =>
          file.slice(0, at) + text + file.slice(at)
    ),
    fc.tuple(position, fc.integer({ min: 1, max: 20 })).map(
      ([at, length]) =>
        (file: string) =>
          file.slice(0, at) + file.slice(at + length)
    ),
    fc
      .tuple(
        position,
        fc.constantFrom('"', ',', '<', '>', '&', '\n', '\r', '/', '-', '9', '.', 'x', '\uFEFF')
      )
      .map(
        ([at, text]) =>
          (file: string) =>
            file.slice(0, at) + text + file.slice(at + 1)
      )
  );
  return fc.oneof(
    position.map((at) => valid.slice(0, at)),
    fc
      .array(edit, { minLength: 1, maxLength: 4 })
      .map((edits) => edits.reduce((file, apply) => apply(file), valid))
  );
}

/** Any text at all: random Unicode, or a valid file of some kind broken at random. */
function garbageArb(valid: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength: 200 }),
    brokenArb(valid),
    brokenArb(VALID_XML),
    brokenArb(VALID_CENSUS_CSV)
  );
}

/** Runs `parse`; it may return, or throw, but only an AttendanceError. */
function onlyAttendanceErrors(parse: () => unknown): void {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(AttendanceError);
    expect((error as AttendanceError).issues.length).toBeGreaterThan(0);
  }
}

describe('garbage never throws anything but AttendanceError', () => {
  test.prop([garbageArb(VALID_SUMMARY_CSV)])('parsePupilSummaryCsv / safeParsePupilSummaryCsv', (text) => {
    onlyAttendanceErrors(() => parsePupilSummaryCsv(text));
    const result = safeParsePupilSummaryCsv(text);
    if (!result.success) expect(result.error).toBeInstanceOf(AttendanceError);
  });

  test.prop([garbageArb(VALID_XML)])('parseCensusAttendanceXml / safeParseCensusAttendanceXml', (xml) => {
    onlyAttendanceErrors(() => parseCensusAttendanceXml(xml));
    const result = safeParseCensusAttendanceXml(xml);
    if (!result.success) expect(result.error).toBeInstanceOf(AttendanceError);
  });

  test.prop([garbageArb(VALID_CENSUS_CSV)])(
    'parseCensusAttendanceCsv / safeParseCensusAttendanceCsv',
    (text) => {
      onlyAttendanceErrors(() => parseCensusAttendanceCsv(text));
      const result = safeParseCensusAttendanceCsv(text);
      if (!result.success) expect(result.error).toBeInstanceOf(AttendanceError);
    }
  );

  test.prop([fc.anything()])('any value at all, not only strings', (value) => {
    onlyAttendanceErrors(() => parsePupilSummaryCsv(value as string));
    onlyAttendanceErrors(() => parseCensusAttendanceXml(value as string));
    onlyAttendanceErrors(() => parseCensusAttendanceCsv(value as string));
  });

  test.prop([brokenArb(VALID_XML)])('every issue of a broken file names a line', (xml) => {
    const result = safeParseCensusAttendanceXml(xml);
    if (result.success) return;
    for (const issue of result.error.issues) expect(issue.line).toBeGreaterThanOrEqual(1);
  });
});
