/** Wall-clock and CPU time of a piece of work, in seconds. */
export interface Elapsed {
  readonly seconds: number;
  /** User plus system CPU time of the whole process, all threads (DuckDB's workers included). */
  readonly cpuSeconds: number;
}

/** Starts a stopwatch; calling the returned function reads it. */
export function startStopwatch(): () => Elapsed {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  return () => {
    const cpu = process.cpuUsage(cpuStart);
    return { seconds: (performance.now() - start) / 1000, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
  };
}

/** Asks V8 for a full collection when the process runs with `--expose-gc`, so one round's garbage is not the next's. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
