/**
 * What one sliding pass over counted sessions found, as indexes into the counted sessions. Mutable so that the
 * cohort engine can reuse one for every pupil; a per-pupil call makes its own.
 */
export interface SlideOutcome {
  /** The largest count in any window. */
  maximum: number;
  /** The first counted session of the window in which the count first reached the threshold, or -1. */
  firstReachedStart: number;
  /** The counted session at which the count first reached the threshold, or -1. */
  firstReachedEnd: number;
}

/**
 * A fresh outcome, for callers that keep the result.
 *
 * @returns An outcome with nothing found.
 * @example
 * const outcome = emptySlideOutcome();
 * slideWindow(positions, counted, 10, 10, outcome, null);
 */
export function emptySlideOutcome(): SlideOutcome {
  return { maximum: 0, firstReachedStart: -1, firstReachedEnd: -1 };
}

/**
 * The rolling window over counted sessions: one pass of two pointers over their ascending unit positions (school
 * week, calendar week or day). The window ending at counted session `last` holds the counted sessions whose
 * position is within `length` units of it, its own unit included. Each session enters and leaves once, so the
 * pass is linear in the number of counted sessions, never a re-sum.
 *
 * This is the only implementation of the window: {@link countRollingWindow} (one pupil, every window listed)
 * and the cohort engine (every pupil, the maximum and first reach only, nothing allocated) both call it.
 *
 * @param positions - The unit position of each counted session, ascending.
 * @param count - How many entries of `positions` are counted sessions.
 * @param length - The window's length in units.
 * @param threshold - The count that reaches the rule.
 * @param outcome - Written with the maximum and the first window that reached the threshold.
 * @param windows - When given, every distinct window that reaches the threshold is appended as a pair of
 * counted-session indexes `[first, last]`; a window is distinct once the next one has dropped its first session.
 * @example
 * const outcome = emptySlideOutcome();
 * slideWindow(Int32Array.of(0, 0, 3, 12), 4, 10, 3, outcome, null);
 * outcome.maximum //=> 3 (positions 0, 0 and 3 fall within 10 units)
 * outcome.firstReachedEnd //=> 2
 */
export function slideWindow(
  positions: Int32Array,
  count: number,
  length: number,
  threshold: number,
  outcome: SlideOutcome,
  windows: number[] | null
): void {
  let first = 0;
  let maximum = 0;
  let firstReachedStart = -1;
  let firstReachedEnd = -1;
  let previousFirst = -1;
  let previousLast = -1;
  let previousCount = 0;
  for (let last = 0; last < count; last += 1) {
    const horizon = positions[last]! - length;
    while (positions[first]! <= horizon) first += 1;
    // The previous window is distinct once this one has dropped its first session; otherwise this one contains it.
    if (windows !== null && previousCount >= threshold && first > previousFirst) {
      windows.push(previousFirst, previousLast);
    }
    const windowCount = last - first + 1;
    if (windowCount > maximum) maximum = windowCount;
    if (windowCount >= threshold && firstReachedEnd < 0) {
      firstReachedStart = first;
      firstReachedEnd = last;
    }
    previousFirst = first;
    previousLast = last;
    previousCount = windowCount;
  }
  if (windows !== null && previousCount >= threshold && previousLast >= 0) {
    windows.push(previousFirst, previousLast);
  }
  outcome.maximum = maximum;
  outcome.firstReachedStart = firstReachedStart;
  outcome.firstReachedEnd = firstReachedEnd;
}
