import type { AttendanceIssue, AttendanceIssueCode } from '../../../errors.js';
import type { CensusAttendance, CensusPeriodKind } from '../types.js';
import { categoryOfCode } from './codeCategories.js';
import { excerpt } from '../../../_internal/excerpt.js';
import { reasonSums } from './censusRecords.js';
import { shortText } from './inputText.js';

/** Where a census record is in a file, for its issues. */
export interface CensusRecordPlace {
  readonly path: readonly (string | number)[];
  readonly line: number;
  readonly pupilId: string;
  readonly kind: CensusPeriodKind;
  readonly source?: string | undefined;
  /** How the file names a total, e.g. `SessionsAuthorised` or `sessions_authorised`. */
  readonly names: Readonly<Record<'possible' | 'authorised' | 'unauthorised', string>>;
}

/**
 * Builds an issue at a census record's place in a file.
 *
 * @param code - The issue code.
 * @param severity - Error or warning.
 * @param message - The sentence.
 * @param place - Where the record is.
 * @param details - The field, what was expected and what was found.
 * @returns The issue.
 * @example
 * censusIssue('totals_mismatch', 'warning', 'Sums differ.', place, { field: 'SessionsAuthorised' }).line //=> place.line
 */
export function censusIssue(
  code: AttendanceIssueCode,
  severity: 'error' | 'warning',
  message: string,
  place: Omit<CensusRecordPlace, 'kind' | 'names' | 'pupilId'> & { readonly pupilId?: string | undefined },
  details: { readonly field?: string; readonly expected?: string; readonly received?: string } = {}
): AttendanceIssue {
  return {
    code,
    severity,
    message,
    path: place.path,
    ...(place.pupilId === undefined || place.pupilId === '' ? {} : { pupilId: place.pupilId }),
    ...details,
    line: place.line,
    ...(place.source === undefined ? {} : { source: place.source }),
  };
}

/**
 * The issue for a reason that is not a census absence reason: an attendance or not-possible code is a wrong
 * value, anything else an unknown code.
 *
 * @param reason - The reason as read.
 * @param place - Where the record is.
 * @param field - How the file names the reason.
 * @returns An error.
 * @example
 * reasonIssue('B', place, 'AttendanceReason').code //=> 'invalid_value'
 */
export function reasonIssue(reason: string, place: CensusRecordPlace, field: string): AttendanceIssue {
  const category = categoryOfCode(reason);
  return censusIssue(
    category === undefined ? 'unknown_code' : 'invalid_value',
    'error',
    category === undefined
      ? `The ${place.kind} record of pupil ${shortText(place.pupilId)} (line ${place.line}) gives the reason ${excerpt(reason)}, which is not a register code.`
      : `The ${place.kind} record of pupil ${shortText(place.pupilId)} (line ${place.line}) gives the reason ${reason}, which counts as ${category}, not absence.`,
    place,
    {
      field,
      expected: 'an absence reason: C, C1, C2, E, F, G, H, I, J1, M, N, O, R, S, T or U',
      received: shortText(reason),
    }
  );
}

/**
 * Checks a census record read from a file: more absence than possible sessions is an error; reasons that do
 * not sum to their totals are `totals_mismatch` warnings (census files are not always consistent, and DfE's
 * own reason totals do not always match the headline ones).
 *
 * @param record - The record, with known reasons and whole numbers.
 * @param place - Where it is.
 * @returns The issues.
 * @example
 * censusRecordIssues(record, place).length //=> 0
 */
export function censusRecordIssues(record: CensusAttendance, place: CensusRecordPlace): AttendanceIssue[] {
  const issues: AttendanceIssue[] = [];
  const who = `The ${place.kind} record of pupil ${shortText(place.pupilId)} (line ${place.line})`;
  const absent = record.sessionsAuthorised + record.sessionsUnauthorised;
  if (absent > record.sessionsPossible) {
    issues.push(
      censusIssue(
        'invalid_counts',
        'error',
        `${who} has ${absent} sessions of absence but only ${record.sessionsPossible} possible sessions.`,
        place,
        {
          field: place.names.possible,
          expected: `at least ${absent} (${place.names.authorised} + ${place.names.unauthorised})`,
          received: String(record.sessionsPossible),
        }
      )
    );
  }
  const sums = reasonSums(record);
  for (const [kind, total] of [
    ['authorised', record.sessionsAuthorised],
    ['unauthorised', record.sessionsUnauthorised],
  ] as const) {
    if (sums[kind] === total) continue;
    issues.push(
      censusIssue(
        'totals_mismatch',
        'warning',
        `${who}: its ${kind} reasons sum to ${sums[kind]}, but ${place.names[kind]} is ${total}.`,
        place,
        { field: place.names[kind], expected: String(sums[kind]), received: String(total) }
      )
    );
  }
  return issues;
}
