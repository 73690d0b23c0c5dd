/**
 * `school-attendance/report`: attendance as pictures. {@link buildAttendanceReport} works out what a report
 * shows from the cohort engine's figures; {@link renderAttendanceReport} draws it as one self-contained HTML
 * file. Nothing here is loaded by the root entry; the charts' library is an optional peer dependency.
 *
 * @packageDocumentation
 */
export { buildAttendanceReport } from './buildAttendanceReport.js';
export { renderAttendanceReport } from './renderAttendanceReport.js';
export type {
  AttendanceReport,
  AttendanceReportOptions,
  ReportBand,
  ReportCount,
  ReportGroup,
  ReportPenaltyCandidate,
  ReportPeriod,
  ReportPupil,
  ReportReason,
  ReportSession,
  ReportWeek,
  ReportWeekdaySession,
} from './types.js';
