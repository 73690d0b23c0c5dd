/**
 * `school-attendance/report`: attendance as pictures. {@link buildAttendanceReport} works out what a report
 * shows from the cohort engine's figures; {@link renderAttendanceReport} draws it as one self-contained HTML
 * file. {@link parsePupilAttributesCsv} reads the pupil attributes its groups come from, and
 * {@link parsePublishedAttendanceCsv} with {@link selectPublishedFigures} the published figures it compares
 * with. Nothing here is loaded by the root entry; the charts' library is an optional peer dependency.
 *
 * @packageDocumentation
 */
export { buildAttendanceReport } from './buildAttendanceReport.js';
export { renderAttendanceReport } from './renderAttendanceReport.js';
export { sessionCalendar } from './charts/sessionCalendar.js';
export type { CalendarSession, SessionCalendarOptions, SessionCategory } from './charts/sessionCalendar.js';
export { MOST_GROUP_VALUES, parsePupilAttributesCsv } from './pupilAttributes/parsePupilAttributesCsv.js';
export type { PupilAttributes, PupilAttributesOptions } from './pupilAttributes/types.js';
export {
  parsePublishedAttendanceCsv,
  safeParsePublishedAttendanceCsv,
} from './comparison/parsePublishedAttendanceCsv.js';
export { selectPublishedFigures } from './comparison/selectPublishedFigures.js';
export type {
  ParsePublishedAttendanceCsvOptions,
  PublishedAttendance,
  PublishedAttendanceLevel,
  PublishedAttendanceRow,
  PublishedAttendanceScope,
  PublishedFigures,
  PublishedFiguresChoice,
} from './comparison/types.js';
export type {
  AttendanceReport,
  AttendanceReportOptions,
  ReportActionKind,
  ReportBand,
  ReportCardCounts,
  ReportCardSession,
  ReportCardStage,
  ReportCaseHistoryEntry,
  ReportCount,
  ReportDueAction,
  ReportEscalation,
  ReportEscalationInput,
  ReportEscalationPupil,
  ReportGroup,
  ReportPenaltyCandidate,
  ReportPeriod,
  ReportPupil,
  ReportPupilCard,
  ReportReason,
  ReportSession,
  ReportStage,
  ReportWeek,
  ReportWeekdaySession,
} from './types.js';
