import type { AbsenceThreshold } from '../policy/types.js';
import { compareRateToPercent } from './exactRate.js';
import { invalidArgument } from './issues.js';

import type { AbsenceCounts } from '../sessions/types.js';

export function assertAbsenceCounts(counts: AbsenceCounts): void {
  const { possible, absent } = counts;
  if (Number.isSafeInteger(possible) && Number.isSafeInteger(absent) && absent >= 0 && possible >= absent)
    return;
  invalidArgument({
    code: 'invalid_counts',
    message: `Session counts must be whole numbers with 0 <= absent <= possible; received absent ${absent}, possible ${possible}.`,
    path: [],
    expected: '0 <= absent <= possible, whole numbers',
    received: `absent ${absent}, possible ${possible}`,
  });
}

/** Whether absence meets a threshold, in integers on the unrounded rate. */
export function meetsAbsenceThreshold(counts: AbsenceCounts, threshold: AbsenceThreshold): boolean {
  assertAbsenceCounts(counts);
  return absenceMeetsThreshold(counts.absent, counts.possible, threshold);
}

/** The same test on two integers already known to be valid counts: the one rule both routes apply. */
export function absenceMeetsThreshold(
  absent: number,
  possible: number,
  threshold: AbsenceThreshold
): boolean {
  if (possible < Math.max(1, threshold.minimumPossibleSessions)) return false;
  const difference = compareRateToPercent(absent, possible, threshold.percent);
  return threshold.comparison === 'at-least' ? difference >= 0 : difference > 0;
}
