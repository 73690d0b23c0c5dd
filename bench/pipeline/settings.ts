/** The benchmarks' settings from the environment. */

/**
 * A whole-number setting of 1 or more from the environment, or its default; anything else ends the run (exit 2).
 *
 * @param name - The variable, e.g. `BENCH_PUPILS`.
 * @param fallback - The default.
 * @returns The value.
 */
export function wholeNumberSetting(name: string, fallback: number): number {
  const text = process.env[name];
  const value = text === undefined || text === '' ? fallback : Number(text);
  if (!Number.isSafeInteger(value) || value < 1) {
    console.error(`${name} must be a whole number of 1 or more; received ${String(text)}`);
    process.exit(2);
  }
  return value;
}
