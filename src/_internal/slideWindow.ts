/** What one sliding pass over the counted sessions' positions found; windows are [first, last] index pairs. */
export interface SlideResult {
  readonly maximum: number;
  readonly firstReachedStart: number;
  readonly firstReachedEnd: number;
  readonly windows: readonly number[];
}

/**
 * One pass of two pointers over ascending positions: the window ending at counted session `last` holds the
 * sessions whose position is within `length` units of it. Each session enters and leaves once, so the pass is
 * linear in the number of counted sessions, never a re-sum.
 */
export function slideWindow(
  positions: Int32Array,
  count: number,
  length: number,
  threshold: number
): SlideResult {
  let first = 0;
  let maximum = 0;
  let firstReachedStart = -1;
  let firstReachedEnd = -1;
  const windows: number[] = [];
  let previousFirst = -1;
  let previousLast = -1;
  let previousCount = 0;
  for (let last = 0; last < count; last += 1) {
    const horizon = positions[last]! - length;
    while (positions[first]! <= horizon) first += 1;
    // The previous window is distinct once this one has dropped its first session; otherwise this one contains it.
    if (previousCount >= threshold && first > previousFirst) windows.push(previousFirst, previousLast);
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
  if (previousCount >= threshold && previousLast >= 0) windows.push(previousFirst, previousLast);
  return { maximum, firstReachedStart, firstReachedEnd, windows };
}
