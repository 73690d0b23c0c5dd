import { COMPACT_CODES } from '../codes/compactCodes.js';
import type { RegisterCode } from '../codes/types.js';
import type { AttendanceIssue } from '../errors.js';
import { throwIfErrors } from '../_internal/issues.js';
import { SESSION_COUNT_FIELDS } from '../_internal/sessionCountFields.js';
import type { SessionCountField } from '../_internal/sessionCountFields.js';
import type { SessionCounts } from '../sessions/types.js';

/**
 * Adds session counts together field by field, including the number of each code, into one
 * {@link SessionCounts}: for example one pupil's counts at two schools, or a whole cohort's sessions.
 *
 * @remarks
 * Every sum is an exact whole number. The warnings of all the counts are kept, in the order given. Adding counts
 * that keep the invariants of {@link SessionCounts} gives counts that keep them too, and the rates of the sum are
 * the DfE cohort rates (summed sessions over summed possible sessions). No counts at all give zeros.
 *
 * @param counts - The counts to add, e.g. from {@link countSessions}.
 * @returns The field-by-field sums.
 * @throws {@link AttendanceError} Listing every count that is not a whole number of sessions, and every sum that
 * would exceed `Number.MAX_SAFE_INTEGER`.
 * @example
 * const total = sumSessionCounts([
 *   countSessions([{ date: isoDate('2024-09-02'), session: 'AM', code: '/' }]),
 *   countSessions([{ date: isoDate('2024-09-02'), session: 'AM', code: 'I' }]),
 * ]);
 * total.possible //=> 2
 * total.authorised //=> 1
 * total.byCode.I //=> 1
 * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england} (DfE absence methodology: rates from summed sessions)
 * @category Cohorts
 */
export function sumSessionCounts(counts: readonly SessionCounts[]): SessionCounts {
  // Stryker disable next-line ArrayDeclaration: throwIfErrors throws only the error-severity issues, so a stray entry that is no issue changes nothing
  const issues: AttendanceIssue[] = [];
  const totals = Object.fromEntries(SESSION_COUNT_FIELDS.map((field) => [field, 0])) as Record<
    SessionCountField,
    number
  >;
  const byCode = Object.fromEntries(COMPACT_CODES.map((code) => [code, 0])) as Record<RegisterCode, number>;
  const warnings: AttendanceIssue[] = [];

  counts.forEach((item, index) => {
    for (const field of SESSION_COUNT_FIELDS) {
      const value = item[field];
      if (isCount(value, index, [field], issues)) totals[field] += value;
    }
    for (const code of COMPACT_CODES) {
      const value = item.byCode[code];
      if (isCount(value, index, ['byCode', code], issues)) byCode[code] += value;
    }
    warnings.push(...item.warnings);
  });
  for (const field of SESSION_COUNT_FIELDS) checkTotal(totals[field], [field], issues);
  for (const code of COMPACT_CODES) checkTotal(byCode[code], ['byCode', code], issues);
  throwIfErrors(issues);
  return { ...totals, byCode, warnings };
}

function isCount(
  value: number | undefined,
  index: number,
  path: readonly string[],
  issues: AttendanceIssue[]
): value is number {
  if (value !== undefined && Number.isSafeInteger(value) && value >= 0) return true;
  issues.push({
    code: 'invalid_counts',
    severity: 'error',
    message: `Counts ${index}: ${path.join('.')} must be a whole number of sessions, 0 or more; received ${String(value)}.`,
    path: [index, ...path],
    field: path.join('.'),
    expected: 'a whole number, 0 or more',
    received: String(value),
  });
  return false;
}

function checkTotal(total: number, path: readonly string[], issues: AttendanceIssue[]): void {
  if (Number.isSafeInteger(total)) return;
  issues.push({
    code: 'invalid_counts',
    severity: 'error',
    message: `The sum of ${path.join('.')} exceeds ${Number.MAX_SAFE_INTEGER}, beyond exact whole numbers.`,
    path: [...path],
    field: path.join('.'),
    expected: `a total of at most ${Number.MAX_SAFE_INTEGER}`,
    received: String(total),
  });
}
