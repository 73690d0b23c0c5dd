/**
 * `npm run bench:import`: how long a Node process takes to import the built package, beside the cost of
 * importing zod (its one heavy dependency) alone and of a bare start, measured in the same run by fresh
 * processes taken in turn, so that the machine's load falls on all three alike. The budget: the package may
 * cost at most zod's own import plus 30 ms. Run `npm run build` first.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 21);
const BUDGET_MS = 30;

if (!existsSync(`${root}dist/index.js`)) {
  console.error('bench:import: dist/index.js is missing; run `npm run build` first.');
  process.exit(2);
}

// Each case imports one module and prints how long the import took, from inside the process (so that Node's
// own start-up, the same for all, is left out).
const CASES = {
  'bare (nothing imported)': 'data:text/javascript,export {}',
  'zod/mini (the dependency alone)': 'zod/mini',
  'school-attendance (root entry)': `${root}dist/index.js`,
  'school-attendance/io': `${root}dist/io.js`,
} as const;
type CaseName = keyof typeof CASES;

function importMs(specifier: string): number {
  const script = `const t = performance.now(); await import(${JSON.stringify(specifier)}); console.log(performance.now() - t);`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root });
  return Number(output.toString().trim());
}

const times = new Map<CaseName, number[]>();
for (let round = 0; round < ROUNDS; round += 1) {
  for (const [name, specifier] of Object.entries(CASES) as [CaseName, string][]) {
    const list = times.get(name) ?? [];
    list.push(importMs(specifier));
    times.set(name, list);
  }
}
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)]!;
};

console.log(`import time, median of ${ROUNDS} fresh processes each, taken in turn (Node ${process.version})`);
console.log('| import | median | fastest |');
console.log('|:--|--:|--:|');
for (const [name, list] of times) {
  console.log(`| ${name} | ${median(list).toFixed(1)} ms | ${Math.min(...list).toFixed(1)} ms |`);
}
// The verdict compares the fastest run of each: the load of a shared machine only ever adds time, so the
// fastest of many runs is the figure it inflates least (the medians are printed beside it).
const fastest = (name: CaseName): number => Math.min(...times.get(name)!);
const zod = fastest('zod/mini (the dependency alone)');
const library = fastest('school-attendance (root entry)');
const verdict = library <= zod + BUDGET_MS ? 'within' : 'OVER';
console.log(
  `root entry, fastest runs: ${library.toFixed(1)} ms = zod/mini's ${zod.toFixed(1)} ms + ${(library - zod).toFixed(1)} ms (budget + ${BUDGET_MS} ms): ${verdict} budget`
);
if (verdict === 'OVER') process.exitCode = 1;
