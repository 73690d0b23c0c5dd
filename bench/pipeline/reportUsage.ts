/**
 * Preloaded (`--import`) into a child process whose resource use the benchmark cannot ask for from outside,
 * such as the CLI: when the process exits, writes its peak resident set size and CPU time as JSON to the file
 * named by `BENCH_USAGE_FILE`.
 */
import { writeFileSync } from 'node:fs';

/** What the file holds. */
export interface ProcessUsage {
  readonly maxRssBytes: number;
  readonly cpuSeconds: number;
}

const file = process.env['BENCH_USAGE_FILE'];
if (file !== undefined && file !== '') {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const report: ProcessUsage = {
      // maxRSS is in kilobytes.
      maxRssBytes: usage.maxRSS * 1024,
      cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    };
    writeFileSync(file, JSON.stringify(report));
  });
}
