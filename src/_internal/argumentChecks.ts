import { invalidArgument } from './issues.js';

const TWO_DECIMALS_TOLERANCE = 1e-9;

/** A count of sessions passed as an argument: a whole number, 0 or more. */
export function checkWholeNumber(value: number, field: string): void {
  if (Number.isSafeInteger(value) && value >= 0) return;
  invalidArgument({
    code: 'invalid_value',
    message: `${field} must be a whole number of sessions, 0 or more; received ${String(value)}.`,
    path: [field],
    field,
    expected: 'a whole number, 0 or more',
    received: String(value),
  });
}

/** A percentage passed as an argument: 0 to 100 with at most two decimals, so comparisons stay in integers. */
export function checkPercent(value: number, field: string): void {
  const isPercent =
    Number.isFinite(value) &&
    value >= 0 &&
    value <= 100 &&
    Math.abs(value * 100 - Math.round(value * 100)) < TWO_DECIMALS_TOLERANCE;
  if (isPercent) return;
  invalidArgument({
    code: 'invalid_value',
    message: `${field} must be a percentage from 0 to 100 with at most two decimal places; received ${String(value)}.`,
    path: [field],
    field,
    expected: 'a percentage from 0 to 100 with at most two decimal places',
    received: String(value),
  });
}

/** Attended and possible sessions: whole numbers with attended no more than possible. */
export function checkAttendedCounts(counts: { readonly attended: number; readonly possible: number }): void {
  checkWholeNumber(counts.possible, 'possible');
  checkWholeNumber(counts.attended, 'attended');
  if (counts.attended <= counts.possible) return;
  invalidArgument({
    code: 'invalid_counts',
    message: `Attended sessions (${counts.attended}) cannot exceed possible sessions (${counts.possible}).`,
    path: ['attended'],
    field: 'attended',
    expected: `at most ${counts.possible}`,
    received: String(counts.attended),
  });
}
