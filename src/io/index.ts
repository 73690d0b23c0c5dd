/**
 * Importers and exporters for register files: long-format CSV and JSON from the main English MIS and
 * aggregators, the Common Transfer File (CTF) XML, and per-pupil and census-style summaries.
 *
 * Import them from `school-attendance/io`; the root entry point stays free of the parsers they load.
 *
 * @packageDocumentation
 * @module school-attendance/io
 */

export type { ImportedMark, ImportSummary, RegisterImport, RegisterImportReport } from './types.js';

// Limits on untrusted input, shared by every importer
export { DEFAULT_MAX_DEPTH, DEFAULT_MAX_LINE_BYTES } from './limits/inputLimits.js';
export type { InputLimits } from './limits/inputLimits.js';

// Long format (one row per pupil and session): CSV and JSON
export { importCohortRegisterCsv } from './long/importCohortRegisterCsv.js';
export type { CohortRegisterCsvOptions, CohortRegisterImport } from './long/importCohortRegisterCsv.js';
export { importRegisterCsv } from './long/importRegisterCsv.js';
export { parseRegisterCsv } from './long/parseRegisterCsv.js';
export { parseRegisterJson } from './long/parseRegisterJson.js';
export { readRegisterCsv } from './long/readRegisterCsv.js';
export { readRegisterJson } from './long/readRegisterJson.js';
export { REGISTER_COLUMN_PRESETS } from './long/registerColumnPresets.js';
export { REGISTER_SESSION_NAMES } from './long/registerSessionNames.js';
export { safeParseRegisterCsv } from './long/safeParseRegisterCsv.js';
export { safeParseRegisterJson } from './long/safeParseRegisterJson.js';
export { toRegisterCsv } from './long/toRegisterCsv.js';
export { toRegisterCsvLines } from './long/toRegisterCsvLines.js';
export type {
  RegisterCodeList,
  RegisterColumnMapping,
  RegisterColumnNames,
  RegisterColumnPresetName,
  RegisterCsvOptions,
  RegisterCsvStreamOptions,
  RegisterCsvWriteOptions,
  RegisterDateFormat,
  RegisterImportProgress,
  RegisterJsonOptions,
  RegisterReadOptions,
  RegisterSessionNames,
} from './long/types.js';

// Common Transfer File (CTF) XML
export { importCtf } from './ctf/importCtf.js';
export { parseCtf } from './ctf/parseCtf.js';
export { readCtf } from './ctf/readCtf.js';
export { safeParseCtf } from './ctf/safeParseCtf.js';
export { toCtfAttendanceMarks } from './ctf/toCtfAttendanceMarks.js';
export { toCtfXml } from './ctf/toCtfXml.js';
export type {
  CtfDayModel,
  CtfDecodedCounts,
  CtfDocumentInput,
  CtfHeader,
  CtfImport,
  CtfImportReport,
  CtfMarkLayoutOptions,
  CtfOptions,
  CtfPupil,
  CtfPupilInput,
  CtfReconciliation,
  CtfReconciliationLine,
  CtfSchool,
  CtfTotals,
  CtfYearData,
  CtfYearDataInput,
  ToCtfAttendanceMarksOptions,
  ToCtfXmlOptions,
} from './ctf/types.js';

// Exports: per-pupil summary CSV and census-style attendance (XML and CSV)
export { CENSUS_ABSENCE_REASONS } from './export/censusAbsenceReasons.js';
export { censusPeriods } from './export/censusPeriods.js';
export type { CensusPeriodsOptions } from './export/censusPeriods.js';
export { parseCensusAttendanceCsv } from './export/parseCensusAttendanceCsv.js';
export { parseCensusAttendanceXml } from './export/parseCensusAttendanceXml.js';
export { parsePupilSummaryCsv } from './export/parsePupilSummaryCsv.js';
export { safeParseCensusAttendanceCsv } from './export/safeParseCensusAttendanceCsv.js';
export { safeParseCensusAttendanceXml } from './export/safeParseCensusAttendanceXml.js';
export { safeParsePupilSummaryCsv } from './export/safeParsePupilSummaryCsv.js';
export { toCensusAttendance } from './export/toCensusAttendance.js';
export { toCensusAttendanceCsv } from './export/toCensusAttendanceCsv.js';
export type { ToCensusAttendanceCsvOptions } from './export/toCensusAttendanceCsv.js';
export { toCensusAttendanceXml } from './export/toCensusAttendanceXml.js';
export type { ToCensusAttendanceXmlOptions } from './export/toCensusAttendanceXml.js';
export { toPupilSummaryCsv } from './export/toPupilSummaryCsv.js';
export type {
  CensusAttendance,
  CensusAttendanceImport,
  CensusPeriod,
  CensusPeriodKind,
  CensusPeriods,
  CensusPupilAttendance,
  CensusSessionDetail,
  CsvLineEnding,
  ParseExportOptions,
  ParsePupilSummaryCsvOptions,
  PupilSummaryAttributeValue,
  PupilSummaryCounts,
  PupilSummaryFlags,
  PupilSummaryImport,
  PupilSummaryInput,
  PupilSummaryRecord,
  ToPupilSummaryCsvOptions,
} from './export/types.js';
export { parseServiceDirectoryCsv } from './support/parseServiceDirectoryCsv.js';
export { safeParseServiceDirectoryCsv } from './support/safeParseServiceDirectoryCsv.js';
export type { ParseServiceDirectoryCsvOptions } from './support/safeParseServiceDirectoryCsv.js';
export { safeParseCaseLog } from './caseLog/safeParseCaseLog.js';
export { parseCaseLog } from './caseLog/parseCaseLog.js';
export { appendToCaseLog } from './caseLog/appendToCaseLog.js';
export type {
  CaseLogEntry,
  CaseLogFormat,
  NewCaseLogEntry,
  ParseCaseLogOptions,
  RecordedEvent,
} from './caseLog/types.js';
