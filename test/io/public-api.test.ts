import { expect, test } from 'vitest';
import * as io from '../../src/io/index.js';
import * as library from '../../src/index.js';

// The `school-attendance/io` surface is a reviewed decision, like the root's: change this list on purpose.
const IO_PUBLIC_VALUES = [
  // Limits on untrusted input
  'DEFAULT_MAX_DEPTH',
  'DEFAULT_MAX_LINE_BYTES',
  // Long format (CSV and JSON)
  'REGISTER_COLUMN_PRESETS',
  'REGISTER_SESSION_NAMES',
  'importCohortRegisterCsv',
  'importRegisterCsv',
  'readRegisterCsv',
  'parseRegisterCsv',
  'safeParseRegisterCsv',
  'readRegisterJson',
  'parseRegisterJson',
  'safeParseRegisterJson',
  'toRegisterCsv',
  'toRegisterCsvLines',
  // Common Transfer File
  'importCtf',
  'readCtf',
  'parseCtf',
  'safeParseCtf',
  'toCtfAttendanceMarks',
  'toCtfXml',
  // Exports
  'toPupilSummaryCsv',
  'parseServiceDirectoryCsv',
  'safeParseServiceDirectoryCsv',
  'parsePupilSummaryCsv',
  'safeParsePupilSummaryCsv',
  'CENSUS_ABSENCE_REASONS',
  'censusPeriods',
  'toCensusAttendance',
  'toCensusAttendanceXml',
  'parseCensusAttendanceXml',
  'safeParseCensusAttendanceXml',
  'toCensusAttendanceCsv',
  'parseCensusAttendanceCsv',
  'safeParseCensusAttendanceCsv',
  // Case log
  'parseCaseLog',
  'safeParseCaseLog',
  'appendToCaseLog',
];

test('school-attendance/io exports exactly the reviewed values', () => {
  expect(Object.keys(io).sort()).toEqual([...IO_PUBLIC_VALUES].sort());
});

test('the io entry re-exports nothing from the root: each value lives in one entry point', () => {
  expect(Object.keys(io).filter((name) => name in library)).toEqual([]);
});
