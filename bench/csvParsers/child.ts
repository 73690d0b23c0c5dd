/**
 * One timed import in a process of its own, so that its peak resident set size is its own:
 * `node --expose-gc --import tsx bench/csvParsers/child.ts <candidate|workers> <file>`. Prints one line of JSON
 * ({@link ChildReport}).
 */
import { statSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { CANDIDATES, importWith } from './candidates.js';
import type { Candidate } from './candidates.js';
import { fingerprint } from './register.js';
import { importSplit, prepareWorkers } from './splitImport.js';

/** What the child prints. */
export interface ChildReport {
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly rows: number;
  readonly rejected: number;
  readonly peakRss: number;
  readonly rssBefore: number;
  readonly fingerprint: string;
  readonly note: string;
}

const [entry, file] = process.argv.slice(2);
if (file === undefined || (entry !== 'workers' && !CANDIDATES.includes(entry as Candidate))) {
  throw new Error(`usage: child.ts <${CANDIDATES.join('|')}|workers> <file>`);
}
const size = statSync(file).size;
// The worker bundle is built before timing, as a build step would be.
if (entry === 'workers') await prepareWorkers();
globalThis.gc?.();
const rssBefore = process.memoryUsage().rss;
const cpuStart = process.cpuUsage();
const start = performance.now();
let note = '';
let register;
if (entry === 'workers') {
  const split = await importSplit(file, size);
  register = split.register;
  note = split.split
    ? `workers ${split.workers.map((worker) => `${worker.seconds.toFixed(2)} s (CPU ${worker.cpuSeconds.toFixed(2)} s)`).join(' and ')}, merge ${split.mergeSeconds.toFixed(2)} s`
    : 'split fell inside quotes: read on one thread';
} else {
  register = (await importWith(entry as Candidate, file)).register;
}
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);
const report: ChildReport = {
  seconds,
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
  rows: register.rows,
  rejected: register.rejectedLines.length,
  peakRss: process.resourceUsage().maxRSS * 1024,
  rssBefore,
  fingerprint: fingerprint(register),
  note,
};
console.log(JSON.stringify(report));
