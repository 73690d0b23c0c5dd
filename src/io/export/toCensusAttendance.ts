import { isIsoDate } from '../../calendar/isIsoDate.js';
import type { RegisterCode } from '../../codes/types.js';
import { countSessions } from '../../sessions/countSessions.js';
import type { CountSessionsOptions } from '../../sessions/countSessions.js';
import type { SessionCounts, SessionMark } from '../../sessions/types.js';
import { AttendanceError } from '../../errors.js';
import { invalidArgument } from '../../_internal/issues.js';
import { CENSUS_ABSENCE_REASONS } from './censusAbsenceReasons.js';
import type { CensusAttendance, CensusPeriod, CensusSessionDetail } from './types.js';

function checkPeriod(period: CensusPeriod): void {
  for (const end of ['from', 'to'] as const) {
    if (!isIsoDate(period[end])) {
      invalidArgument({
        code: 'invalid_date',
        message: `The period's "${end}" must be a date as YYYY-MM-DD; received ${String(period[end])}.`,
        path: ['period', end],
        field: end,
        expected: 'a date as YYYY-MM-DD',
        received: String(period[end]),
      });
    }
  }
  if (period.from > period.to) {
    invalidArgument({
      code: 'invalid_value',
      message: `The period ends (${period.to}) before it starts (${period.from}).`,
      path: ['period'],
      field: 'to',
      expected: `a date on or after ${period.from}`,
      received: period.to,
    });
  }
}

function checkOnePupil(marks: readonly SessionMark[]): void {
  let pupilId: string | undefined;
  for (const [index, mark] of marks.entries()) {
    if (mark.pupilId === undefined) continue;
    if (pupilId === undefined) pupilId = mark.pupilId;
    else if (mark.pupilId !== pupilId) {
      invalidArgument({
        code: 'invalid_value',
        message: `A census attendance record is for one pupil, but mark ${index} is for "${mark.pupilId}" and an earlier mark for "${pupilId}"; group the marks by pupil first.`,
        path: [index, 'pupilId'],
        pupilId: mark.pupilId,
        date: mark.date,
        session: mark.session,
        field: 'pupilId',
        expected: pupilId,
        received: mark.pupilId,
      });
    }
  }
}

/** Counts the marks inside the period; issue paths index `marks`, not the marks kept. */
function countInPeriod(
  marks: readonly SessionMark[],
  period: CensusPeriod,
  options: CountSessionsOptions
): SessionCounts {
  const kept: number[] = [];
  for (const [index, mark] of marks.entries()) {
    if (mark.date >= period.from && mark.date <= period.to) kept.push(index);
  }
  if (kept.length === marks.length) return countSessions(marks, options);
  try {
    return countSessions(
      kept.map((index) => marks[index]!),
      options
    );
  } catch (error) {
    if (!(error instanceof AttendanceError)) throw error;
    const [first, ...rest] = error.issues.map((issue) => {
      const [head, ...tail] = issue.path;
      return typeof head === 'number' ? { ...issue, path: [kept[head] ?? head, ...tail] } : issue;
    });
    throw new AttendanceError([first!, ...rest]);
  }
}

/**
 * One pupil's census attendance for a period: possible sessions, sessions of each absence reason, and
 * authorised and unauthorised absence, as the school census `Attendance` module records them.
 *
 * @remarks
 * The marks dated inside the period (both ends included) are counted by {@link "school-attendance"!countSessions | countSessions}, so every code
 * counts as the library's code tables say: `L` is present, `U` unauthorised; B, K, P, V, W and the pre-2024
 * J are attendance, not absence; D, Q, X, Y, Y1–Y7, Z and # are not possible sessions; the 2024 sub-codes C1,
 * C2 and J1 are authorised absence, and legacy codes such as H in registers dated before 19 August 2024 count
 * by the pre-2024 table. Each absence reason with any sessions gets one entry, in
 * {@link CENSUS_ABSENCE_REASONS} order, so the authorised reasons sum to `sessionsAuthorised` and the
 * unauthorised ones to `sessionsUnauthorised`. With `unmarked: 'as-N'`, sessions with no mark yet count as N.
 *
 * @param marks - One pupil's marks (any order; marks outside the period are left out).
 * @param period - The census period, e.g. from {@link censusPeriods}.
 * @param options - As for {@link "school-attendance"!countSessions | countSessions}: the code set, duplicate handling and unmarked sessions.
 * @returns The pupil's census attendance record for the period.
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} If the period is not two dates in order, the marks belong to more than one
 * pupil, or (from {@link "school-attendance"!countSessions | countSessions}) a code is unknown or a session has two marks.
 * @example
 * const termly = toCensusAttendance(autumnMarks, censusPeriods(2024).autumn);
 * termly //=> { sessionsPossible: 142, sessionDetails: [{ reason: 'I', absenceSessions: 6 }, { reason: 'M', absenceSessions: 1 }, { reason: 'O', absenceSessions: 2 }], sessionsAuthorised: 7, sessionsUnauthorised: 2 }
 * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england} (DfE absence methodology)
 * @category Export
 */
export function toCensusAttendance(
  marks: readonly SessionMark[],
  period: CensusPeriod,
  options: CountSessionsOptions = {}
): CensusAttendance {
  checkPeriod(period);
  checkOnePupil(marks);
  const counts = countInPeriod(marks, period, options);
  const sessionDetails: CensusSessionDetail[] = [];
  for (const reason of CENSUS_ABSENCE_REASONS) {
    let absenceSessions = counts.byCode[reason as RegisterCode];
    if (reason === 'N' && options.unmarked === 'as-N') absenceSessions += counts.byCode['-'];
    if (absenceSessions > 0) sessionDetails.push({ reason, absenceSessions });
  }
  return {
    sessionsPossible: counts.possible,
    sessionDetails,
    sessionsAuthorised: counts.authorised,
    sessionsUnauthorised: counts.unauthorised,
  };
}
