// The public API: every export is listed by name, so the surface is a reviewed decision
// (test/public-api.test.ts pins it).

// Calendar
export { isIsoDate } from './calendar/isIsoDate.js';
export { isoDate } from './calendar/isoDate.js';
export type { IsoDate, Session } from './calendar/types.js';

// Codes
export { classifyCode } from './codes/classifyCode.js';
export type { ClassifyCodeOptions, CodeClassification } from './codes/classifyCode.js';
export { CODE_SET_2024_START, CODE_SET_PRE_2024_END, CODE_SET_PRE_2024_START } from './codes/codeSetDates.js';
export { COMPACT_CODES, toCompactCode, UNMARKED_CODES } from './codes/compactCodes.js';
export { REGISTER_CODES_2024 } from './codes/registerCodes2024.js';
export { REGISTER_CODES_PRE_2024 } from './codes/registerCodesPre2024.js';
export type {
  CodeGroup,
  CodeSetId,
  RegisterCode,
  RegisterCodeDefinition,
  StatisticalCategory,
} from './codes/types.js';

// Errors
export { AttendanceError } from './errors.js';
export type { AttendanceIssue, AttendanceIssueCode, SafeResult } from './errors.js';

// Input
export { parseSessionMarks } from './io/parseSessionMarks.js';
export { safeParseSessionMarks } from './io/safeParseSessionMarks.js';

// Policy
export {
  DFE_ABSENCE_BANDS,
  HCAT_ATTENDANCE_BANDS,
  HCAT_CLASSIFICATION_BANDS,
  HCAT_RAG_BANDS,
} from './policy/bandTables.js';
export { defineBandTable } from './policy/defineBandTable.js';
export { definePolicy } from './policy/definePolicy.js';
export {
  DFE_2005_TO_2010_POLICY,
  DFE_2010_TO_2015_POLICY,
  DFE_LIVE_FIGURES_POLICY,
  DFE_POLICY,
  HCAT_POLICY,
  POLICY_PRESETS,
} from './policy/presets.js';
export type { PolicyPresetName } from './policy/presets.js';
export { safeDefineBandTable } from './policy/safeDefineBandTable.js';
export { safeDefinePolicy } from './policy/safeDefinePolicy.js';
export type { AbsenceThreshold, AttendancePolicy, Band, BandTable, PolicyOverrides } from './policy/types.js';

// Sessions
export { classifyAbsence } from './sessions/classifyAbsence.js';
export type { AbsenceClass } from './sessions/classifyAbsence.js';
export { classifyBand } from './sessions/classifyBand.js';
export type { BandClassification } from './sessions/classifyBand.js';
export { countSessions } from './sessions/countSessions.js';
export type { CountSessionsOptions } from './sessions/countSessions.js';
export { createSessionSlots } from './sessions/createSessionSlots.js';
export { groupMarksByPupil } from './sessions/groupMarksByPupil.js';
export { isPersistentlyAbsent } from './sessions/isPersistentlyAbsent.js';
export { isSeverelyAbsent } from './sessions/isSeverelyAbsent.js';
export { safeCountSessions } from './sessions/safeCountSessions.js';
export { toAbsenceRate } from './sessions/toAbsenceRate.js';
export { toAttendanceRate } from './sessions/toAttendanceRate.js';
export { toAuthorisedAbsenceRate } from './sessions/toAuthorisedAbsenceRate.js';
export { toCompactRegister } from './sessions/toCompactRegister.js';
export { toPercentage } from './sessions/toPercentage.js';
export type { Percentage, PercentageFormat, RoundingMode } from './sessions/toPercentage.js';
export { toUnauthorisedAbsenceRate } from './sessions/toUnauthorisedAbsenceRate.js';
export type {
  AbsenceCounts,
  CompactRegister,
  SessionCounts,
  SessionMark,
  SessionRate,
  SessionSlots,
} from './sessions/types.js';
