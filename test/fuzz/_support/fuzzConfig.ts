import fc from 'fast-check';

// How long and how hard the fuzz properties run, from the environment, so one suite serves three uses:
// `npx vitest run --project fuzz` (the defaults: a fixed seed and a few runs, a couple of minutes in all),
// `npm run fuzz:ci` (the same seed with a time budget) and `npm run fuzz` (a random seed, printed, and many runs).
// A failure prints its seed and path; setting FUZZ_SEED (and fast-check's path) replays it.

function wholeNumberFromEnv(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text.trim() === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value))
    throw new Error(`${name} must be a whole number; received ${JSON.stringify(text)}.`);
  return value;
}

/** The seed every property starts from; fixed by default so CI runs are reproducible. */
export const FUZZ_SEED = wholeNumberFromEnv('FUZZ_SEED', 20261202);

/** Runs per property (each property may scale it by its cost); small by default. */
export const FUZZ_RUNS = Math.max(1, wholeNumberFromEnv('FUZZ_RUNS', 60));

/** The most time one property may take before fast-check stops it (a stop is not a failure): CI's budget. */
export const FUZZ_TIME_LIMIT_MS = Math.max(100, wholeNumberFromEnv('FUZZ_TIME_LIMIT_MS', 6000));

/**
 * The vitest timeout of one fuzz test: the property's budget, plus room for the run in progress when the budget
 * ran out and for shrinking a failure (a hang in one input still fails here, as it should).
 */
export const FUZZ_TEST_TIMEOUT_MS = FUZZ_TIME_LIMIT_MS * 2 + 60_000;

/**
 * The fast-check parameters of a fuzz property.
 *
 * @param scale - The share of {@link FUZZ_RUNS} this property runs (costly properties run fewer inputs).
 */
export function fuzzParameters<T>(scale = 1): fc.Parameters<T> {
  return {
    seed: FUZZ_SEED,
    numRuns: Math.max(1, Math.round(FUZZ_RUNS * scale)),
    // Running out of budget ends the search; it is not a failure of the property.
    plugins: [fc.interruptAfterTimeLimit(FUZZ_TIME_LIMIT_MS, { failOnInterrupt: false }) as fc.Plugin<T>],
  };
}
