import fc from 'fast-check';

/** Possible and absent sessions of one enrolment: whole numbers with 0 <= absent <= possible. */
export interface PossibleAbsent {
  readonly possible: number;
  readonly absent: number;
}

/** Where a count sits relative to a threshold: one session below it, exactly on it, or one session above. */
export type BoundarySide = -1 | 0 | 1;

/** The largest number of possible sessions the count arbitraries produce by default (about 13 school years). */
export const MAX_POSSIBLE = 5000;

/**
 * Any possible P in `minPossible..maxPossible` and any absent m in 0..P.
 * @param options - The range of P.
 * @param options.minPossible - Smallest P (default 1).
 * @param options.maxPossible - Largest P (default {@link MAX_POSSIBLE}).
 */
export function countsArb(
  options: { minPossible?: number; maxPossible?: number } = {}
): fc.Arbitrary<PossibleAbsent> {
  const { minPossible = 1, maxPossible = MAX_POSSIBLE } = options;
  return fc
    .integer({ min: minPossible, max: maxPossible })
    .chain((possible) => fc.integer({ min: 0, max: possible }).map((absent) => ({ possible, absent })));
}

/**
 * The least absent m with m / P >= basisPoints / 10 000, i.e. ceil(basisPoints · P / 10 000), in integers.
 * @param possible - P.
 * @param basisPoints - The threshold in hundredths of a percent (10 % is 1000).
 */
export function thresholdSessions(possible: number, basisPoints: number): number {
  return Math.floor((basisPoints * possible + 9999) / 10_000);
}

/**
 * Counts on or one session either side of a percentage threshold: m = ceil(t · P) − 1, ceil(t · P) or
 * ceil(t · P) + 1 (only sides that stay within 0..P are produced), with the side it lies on.
 * @param percent - The threshold as a percentage with at most two decimals (10 for persistent absence).
 * @param options - The range of P.
 * @param options.maxPossible - Largest P (default {@link MAX_POSSIBLE}).
 */
export function boundaryCountsArb(
  percent: number,
  options: { maxPossible?: number } = {}
): fc.Arbitrary<PossibleAbsent & { readonly side: BoundarySide }> {
  const basisPoints = Math.round(percent * 100);
  const { maxPossible = MAX_POSSIBLE } = options;
  return fc.integer({ min: 1, max: maxPossible }).chain((possible) => {
    const onThreshold = thresholdSessions(possible, basisPoints);
    const sides = ([-1, 0, 1] as const).filter(
      (side) => onThreshold + side >= 0 && onThreshold + side <= possible
    );
    return fc.constantFrom(...sides).map((side) => ({ possible, absent: onThreshold + side, side }));
  });
}

/** Counts exactly on, or one session either side of, the persistent-absence line ceil(10 % · P). */
export function persistentBoundaryCountsArb(): fc.Arbitrary<
  PossibleAbsent & { readonly side: BoundarySide }
> {
  return boundaryCountsArb(10);
}

/** Counts exactly on, or one session either side of, the severe-absence line ceil(50 % · P). */
export function severeBoundaryCountsArb(): fc.Arbitrary<PossibleAbsent & { readonly side: BoundarySide }> {
  return boundaryCountsArb(50);
}
