import type { AttendanceIssue } from '../../../errors.js';
import { CENSUS_ABSENCE_REASONS } from '../censusAbsenceReasons.js';
import type { CensusAttendance, CensusPeriodKind, CensusPupilAttendance } from '../types.js';
import { categoryOfCode } from './codeCategories.js';
import { describeValue } from './results.js';
import { isWholeCount } from './wholeNumber.js';

/** The census periods in the order files carry them, with their XML element names. */
export const CENSUS_PERIOD_ELEMENTS: readonly (readonly [kind: CensusPeriodKind, element: string])[] = [
  ['termly', 'TermlyAttendance'],
  ['summerHalfTerm2', 'SummerHalfTerm2Attendance'],
  ['annual', 'AnnualAttendance'],
];

const REASONS: ReadonlySet<string> = new Set(CENSUS_ABSENCE_REASONS);

/**
 * Whether a code is a census absence reason.
 *
 * @param reason - The code.
 * @returns `true` for a code in {@link CENSUS_ABSENCE_REASONS}.
 * @example
 * isCensusReason('C1') //=> true
 */
export function isCensusReason(reason: string): boolean {
  return REASONS.has(reason);
}

/**
 * Sessions of authorised and unauthorised absence given by a record's reasons.
 *
 * @param record - The record.
 * @returns The two sums.
 * @example
 * reasonSums({ sessionDetails: [{ reason: 'I', absenceSessions: 6 }, { reason: 'O', absenceSessions: 2 }] }) //=> { authorised: 6, unauthorised: 2 }
 */
export function reasonSums(record: Pick<CensusAttendance, 'sessionDetails'>): {
  authorised: number;
  unauthorised: number;
} {
  let authorised = 0;
  let unauthorised = 0;
  for (const detail of record.sessionDetails) {
    const category = categoryOfCode(detail.reason);
    if (category === 'authorised') authorised += detail.absenceSessions;
    else if (category === 'unauthorised') unauthorised += detail.absenceSessions;
  }
  return { authorised, unauthorised };
}

/**
 * The writer's checks on census records given to it: a pupil id, whole numbers, known and unrepeated reasons,
 * and no more absence than possible sessions (so that every file written reads back without error).
 *
 * @param pupils - The records to write.
 * @returns One error per problem, located by index and property.
 * @example
 * censusInputIssues([{ pupilId: '' }])[0].field //=> 'pupilId'
 */
export function censusInputIssues(pupils: readonly CensusPupilAttendance[]): AttendanceIssue[] {
  const issues: AttendanceIssue[] = [];
  for (const [index, pupil] of pupils.entries()) {
    const pupilId = typeof pupil.pupilId === 'string' && pupil.pupilId !== '' ? pupil.pupilId : undefined;
    const who = pupilId === undefined ? `pupil ${index}` : `pupil ${pupilId}`;
    const located = { ...(pupilId === undefined ? {} : { pupilId }) };
    if (pupilId === undefined) {
      issues.push({
        code: 'invalid_value',
        severity: 'error',
        message: `Pupil ${index} has no pupil id.`,
        path: [index, 'pupilId'],
        field: 'pupilId',
        expected: 'a non-empty string',
        received: describeValue(pupil.pupilId),
      });
    }
    for (const [kind] of CENSUS_PERIOD_ELEMENTS) {
      const record = pupil[kind];
      if (record === undefined) continue;
      const bad = (path: readonly (string | number)[], field: string, value: unknown): void => {
        issues.push({
          code: 'invalid_counts',
          severity: 'error',
          message: `The ${kind} ${field} of ${who} must be a whole number of sessions, 0 or more; received ${String(value)}.`,
          path: [index, kind, ...path],
          ...located,
          field,
          expected: 'a whole number, 0 or more',
          received: String(value),
        });
      };
      for (const field of ['sessionsPossible', 'sessionsAuthorised', 'sessionsUnauthorised'] as const) {
        if (!isWholeCount(record[field])) bad([field], field, record[field]);
      }
      const seen = new Set<string>();
      for (const [position, detail] of record.sessionDetails.entries()) {
        if (!isWholeCount(detail.absenceSessions)) {
          bad(['sessionDetails', position, 'absenceSessions'], 'absenceSessions', detail.absenceSessions);
        }
        if (isCensusReason(detail.reason) && !seen.has(detail.reason)) {
          seen.add(detail.reason);
          continue;
        }
        issues.push({
          code: seen.has(detail.reason) ? 'invalid_value' : 'unknown_code',
          severity: 'error',
          message: seen.has(detail.reason)
            ? `The ${kind} record of ${who} gives the reason ${detail.reason} twice.`
            : `The ${kind} record of ${who} gives "${describeValue(detail.reason)}", which is not an absence reason.`,
          path: [index, kind, 'sessionDetails', position, 'reason'],
          ...located,
          field: 'reason',
          expected: seen.has(detail.reason)
            ? 'each reason once'
            : `one of ${CENSUS_ABSENCE_REASONS.join(' ')}`,
          received: describeValue(detail.reason),
        });
      }
      const absent = record.sessionsAuthorised + record.sessionsUnauthorised;
      if (isWholeCount(absent) && isWholeCount(record.sessionsPossible) && absent > record.sessionsPossible) {
        issues.push({
          code: 'invalid_counts',
          severity: 'error',
          message: `The ${kind} record of ${who} has ${absent} sessions of absence but only ${record.sessionsPossible} possible sessions.`,
          path: [index, kind, 'sessionsPossible'],
          ...located,
          field: 'sessionsPossible',
          expected: `at least ${absent} (authorised + unauthorised)`,
          received: String(record.sessionsPossible),
        });
      }
    }
  }
  return issues;
}
