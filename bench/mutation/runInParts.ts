/**
 * `npm run mutate:parts`: a full mutation run in parts, each saving its results as it ends. Stryker writes its
 * report and incremental file only when a run finishes, and a full run of the rule modules takes about two hours
 * on two cores, so a run stopped near its end would save nothing. Each part mutates some folders of
 * stryker.config.json's `mutate` list (every part is a complete run of its own, with its own incremental file in
 * reports/mutation/parts/); the parts are then joined into reports/stryker-incremental.json
 * (bench/mutation/mergeReports.ts), from which `npm run mutate` re-tests only what changed.
 *
 * Usage: `node --import tsx bench/mutation/runInParts.ts [PART...]` (default: every part, in order). A part's
 * results are reused from its file when it is not named.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';

const EXCLUDED = ['!src/**/types.ts', '!src/**/index.ts'];
const INTERNAL = [
  'absenceThreshold',
  'argumentChecks',
  'clockTime',
  'codeIssues',
  'codeSetIndex',
  'codeTables',
  'compiledCalendar',
  'dates',
  'exactRate',
  'markOrder',
].map((name) => `src/_internal/${name}.ts`);

/** The parts: about 2,000 mutants each, so each takes 30 to 45 minutes on two cores. */
const PARTS: Readonly<Record<string, readonly string[]>> = {
  codes: ['src/codes/**/*.ts', 'src/sessions/**/*.ts', ...INTERNAL],
  rules: [
    'src/calendar/**/*.ts',
    'src/windows/**/*.ts',
    'src/penalties/**/*.ts',
    'src/lateness/**/*.ts',
    'src/absence/**/*.ts',
  ],
  cohort: ['src/cohort/**/*.ts'],
  escalation: ['src/escalation/**/*.ts'],
};

const named = process.argv.slice(2);
const unknown = named.filter((part) => !Object.hasOwn(PARTS, part));
if (unknown.length > 0) {
  console.error(`Unknown part ${unknown.join(', ')}; the parts are ${Object.keys(PARTS).join(', ')}.`);
  process.exit(2);
}
mkdirSync('reports/mutation/parts', { recursive: true });
for (const part of named.length === 0 ? Object.keys(PARTS) : named) {
  const started = performance.now();
  const result = spawnSync(
    'npx',
    [
      'stryker',
      'run',
      '--force',
      '--mutate',
      [...PARTS[part]!, ...EXCLUDED].join(','),
      '--incrementalFile',
      `reports/mutation/parts/${part}.json`,
    ],
    { stdio: 'inherit' }
  );
  console.log(
    `mutation part ${part}: ${((performance.now() - started) / 60_000).toFixed(1)} min, exit ${result.status}`
  );
}
const reports = Object.keys(PARTS)
  .map((part) => `reports/mutation/parts/${part}.json`)
  .filter((path) => existsSync(path));
spawnSync(
  'node',
  ['--import', 'tsx', 'bench/mutation/mergeReports.ts', 'reports/stryker-incremental.json', ...reports],
  { stdio: 'inherit' }
);
