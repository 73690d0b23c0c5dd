import { classifyCode } from '../codes/classifyCode.js';
import type { CodeSetId } from '../codes/types.js';
import { AttendanceError } from '../errors.js';
import type { AttendanceIssue, SafeResult } from '../errors.js';
import { describeValue } from '../sessions/checkMarks.js';
import { excerpt } from '../_internal/excerpt.js';
import type { CohortEnrolmentCounts } from './types.js';

/**
 * One enrolment's sessions as DfE's and the school census' files give them: totals by register code (the census
 * gives each absence reason; DfE's files the possible sessions and absence by reason), not marks.
 *
 * @category Cohorts
 */
export interface CodeTotals {
  /**
   * The possible sessions, when the file gives them. Without it, the possible sessions are the sum of the
   * present, approved-activity and absence codes, so those must all be given.
   */
  readonly possible?: number;
  /** Sessions by register code, e.g. `{ I: 4, O: 2, G: 10 }`; codes not listed are zero. */
  readonly byCode: Readonly<Record<string, number>>;
}

/**
 * The counts made from code totals, with any warning (a code of the other code set, read by that set's table).
 *
 * @category Cohorts
 */
export interface CodeTotalsCounts extends CohortEnrolmentCounts {
  /** Problems that did not stop the count. */
  readonly warnings: readonly AttendanceIssue[];
}

/**
 * How {@link countsFromCodeTotals} reads totals.
 *
 * @category Cohorts
 */
export interface CountsFromCodeTotalsOptions {
  /** The code set the totals are of (totals over a period that straddles 19 August 2024 are of no single set). */
  readonly codeSet: CodeSetId;
  /** Names the enrolment in issues, e.g. a UPN. */
  readonly id?: string;
}

/**
 * The session counts cohort figures are built from ({@link aggregateCohort}), from totals by register code: each
 * code counted in its statistical category (present and approved educational activity are attended; authorised
 * and unauthorised are absent; not-possible codes are not sessions at all). When `possible` is given and no
 * present or approved-activity code is, the attended sessions are the possible less the absent, as DfE's and the
 * census' files imply; when both are given, they must agree.
 *
 * @param totals - The possible sessions (optional) and the sessions by code.
 * @param options - The code set, and the enrolment's id for issues.
 * @returns The counts, or every problem found (a count that is not a whole number of sessions, an unknown code,
 * more absence than possible sessions, presence that does not add up, sessions with no mark).
 * @example
 * const result = safeCountsFromCodeTotals({ possible: 380, byCode: { I: 10, M: 2, O: 12, G: 10 } }, { codeSet: '2024' });
 * result.success && result.data //=> { possible: 380, attended: 346, absent: 34, authorised: 12, unauthorised: 22, warnings: [] }
 * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england} (DfE absence methodology: possible sessions are attendance plus absence; not-possible codes are not counted)
 * @see {@link https://www.legislation.gov.uk/uksi/2024/208/regulation/10/made} (SI 2024/208 reg 10: the codes and their categories)
 * @category Cohorts
 */
export function safeCountsFromCodeTotals(
  totals: CodeTotals,
  options: CountsFromCodeTotalsOptions
): SafeResult<CodeTotalsCounts> {
  const issues: AttendanceIssue[] = [];
  const given: unknown = options;
  const settings =
    typeof given === 'object' && given !== null ? (given as Partial<CountsFromCodeTotalsOptions>) : {};
  const id = typeof settings.id === 'string' ? settings.id : undefined;
  const named = id === undefined ? {} : { pupilId: id };
  const fault = (
    path: (string | number)[],
    field: string,
    message: string,
    expected: string,
    received?: unknown
  ): void => {
    issues.push({
      code: 'invalid_counts',
      severity: 'error',
      message: `${id === undefined ? '' : `Enrolment ${excerpt(id)}: `}${message}`,
      path,
      field,
      expected,
      ...(received === undefined ? {} : { received: describeValue(received) }),
      ...named,
    });
  };
  const codeSet = settings.codeSet;
  if (codeSet !== '2024' && codeSet !== 'pre-2024') {
    fault(
      ['options', 'codeSet'],
      'codeSet',
      `The code set must be "2024" or "pre-2024"; received ${describeValue(codeSet)}.`,
      '"2024" or "pre-2024"'
    );
    return { success: false, error: new AttendanceError([issues[0]!]) };
  }
  const input: unknown = totals;
  const record = typeof input === 'object' && input !== null ? (input as Partial<CodeTotals>) : {};
  const byCode: unknown = record.byCode;
  if (typeof byCode !== 'object' || byCode === null || Array.isArray(byCode)) {
    fault(
      ['byCode'],
      'byCode',
      'The totals need byCode: the sessions of each register code.',
      'an object of whole numbers by code',
      byCode
    );
    return { success: false, error: new AttendanceError([issues[0]!]) };
  }
  const wholeSessions = (value: unknown): value is number =>
    typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
  let attended = 0;
  let authorised = 0;
  let unauthorised = 0;
  let presenceGiven = false;
  for (const [code, count] of Object.entries(byCode as Record<string, unknown>)) {
    const field = `byCode.${code.slice(0, 20)}`;
    if (!wholeSessions(count)) {
      fault(
        ['byCode', code],
        field,
        `The sessions of code ${excerpt(code)} must be a whole number, 0 or more; received ${describeValue(count)}.`,
        'a whole number of sessions',
        count
      );
      continue;
    }
    const classification = classifyCode(code, { codeSet });
    if (classification.outcome === 'unknown') {
      fault(['byCode', code], field, `${excerpt(code)} is not a register code.`, 'a register code', code);
      continue;
    }
    if (classification.outcome === 'unmarked') {
      if (count > 0) {
        fault(
          ['byCode', code],
          field,
          `${count} sessions have no mark; totals count marked sessions only.`,
          'no unmarked sessions',
          count
        );
      }
      continue;
    }
    // A zero for a code of the other set (as every code of both sets in `countSessions`' byCode) says nothing.
    if (classification.warning !== undefined && count > 0)
      issues.push({ ...classification.warning, ...named });
    switch (classification.definition.category) {
      case 'present':
      case 'approved-educational-activity':
        presenceGiven = true;
        attended += count;
        break;
      case 'authorised':
        authorised += count;
        break;
      case 'unauthorised':
        unauthorised += count;
        break;
      // Stryker disable next-line ConditionalExpression,StringLiteral: the case only breaks, and without it a not-possible code matches no case and counts nothing either
      case 'not-possible':
        break;
    }
  }
  const absent = authorised + unauthorised;
  const { possible } = record;
  if (possible !== undefined && !wholeSessions(possible)) {
    fault(
      ['possible'],
      'possible',
      `The possible sessions must be a whole number, 0 or more; received ${describeValue(possible)}.`,
      'a whole number of sessions',
      possible
    );
  } else if (possible === undefined && !presenceGiven) {
    fault(
      ['possible'],
      'possible',
      'Give the possible sessions, or the sessions of the present and approved-activity codes: without either, attendance cannot be told.',
      'possible sessions, or present codes'
    );
  } else if (possible !== undefined && absent > possible) {
    fault(
      ['possible'],
      'possible',
      `The absence (${absent} sessions) is more than the possible sessions (${possible}).`,
      `at least ${absent} possible sessions`,
      possible
    );
  } else if (possible !== undefined && presenceGiven && attended + absent !== possible) {
    issues.push({
      code: 'totals_mismatch',
      severity: 'error',
      message: `${id === undefined ? '' : `Enrolment ${excerpt(id)}: `}The present and approved-activity sessions (${attended}) and the absence (${absent}) add up to ${attended + absent}, not the ${possible} possible sessions.`,
      path: ['possible'],
      field: 'possible',
      expected: `${possible - absent} attended sessions`,
      received: String(attended),
      ...named,
    });
  }
  const errors = issues.filter((issue) => issue.severity === 'error');
  const [first, ...rest] = [...errors, ...issues.filter((issue) => issue.severity !== 'error')];
  if (errors.length > 0 && first !== undefined)
    return { success: false, error: new AttendanceError([first, ...rest]) };
  const total = possible ?? attended + absent;
  return {
    success: true,
    data: { possible: total, attended: total - absent, absent, authorised, unauthorised, warnings: issues },
  };
}

/**
 * {@link safeCountsFromCodeTotals}, throwing: the counts for {@link aggregateCohort} from totals by register code.
 *
 * @param totals - The possible sessions (optional) and the sessions by code.
 * @param options - The code set, and the enrolment's id for issues.
 * @returns The counts.
 * @throws {@link AttendanceError} Listing every problem in the totals.
 * @example
 * const census = [{ upn: 'A1', possible: 380, reasons: { I: 10, O: 12 } }];
 * aggregateCohort(census.map((pupil) => ({
 *   id: pupil.upn,
 *   counts: countsFromCodeTotals({ possible: pupil.possible, byCode: pupil.reasons }, { codeSet: '2024', id: pupil.upn }),
 * }))).overallAbsenceRate //=> { kind: 'rate', numerator: 22, denominator: 380 }
 * @category Cohorts
 */
export function countsFromCodeTotals(
  totals: CodeTotals,
  options: CountsFromCodeTotalsOptions
): CodeTotalsCounts {
  const result = safeCountsFromCodeTotals(totals, options);
  if (!result.success) throw result.error;
  return result.data;
}
