/**
 * The size of what a user's bundler makes of typical imports: each case is a few lines importing from the
 * package's entry points, bundled with esbuild for the browser (minified, tree-shaken, dependencies included, as
 * an app bundles them) and gzipped. The budgets are the lean-package targets; a root feature that does not fit
 * must raise its budget with a reason in the changelog.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** One typical import and its budget in bytes, minified and gzipped. */
export interface SizeCase {
  readonly name: string;
  /** An ES module importing from `school-attendance` or `school-attendance/io` and using what it imports. */
  readonly code: string;
  readonly budget: number;
}

const KB = 1024;

export const SIZE_CASES: readonly SizeCase[] = [
  {
    name: 'counts + class (countSessions, classifyAbsence)',
    code: `import { countSessions, classifyAbsence } from 'school-attendance';
      export const run = (marks) => classifyAbsence(countSessions(marks));`,
    budget: 15 * KB,
  },
  {
    name: 'policy + bands (definePolicy, defineBandTable, classifyBand)',
    code: `import { definePolicy, defineBandTable, classifyBand, countSessions } from 'school-attendance';
      export const run = (marks, overrides, bands) =>
        classifyBand(countSessions(marks), { policy: definePolicy(overrides), bands: defineBandTable(bands) });`,
    budget: 25 * KB,
  },
  {
    name: 'windows + penalty notice (countRollingWindow, assessPenaltyNotice)',
    code: `import { countRollingWindow, assessPenaltyNotice, assessPenaltyNoticeThreshold, NATIONAL_PENALTY_NOTICE_RULE } from 'school-attendance';
      export const run = (marks, calendar, input) => [
        countRollingWindow(marks, NATIONAL_PENALTY_NOTICE_RULE, { calendar }),
        assessPenaltyNoticeThreshold(marks, { calendar }),
        assessPenaltyNotice(input),
      ];`,
    budget: 25 * KB,
  },
  {
    name: 'escalation (runEscalation, transition, defineEscalationPolicy)',
    code: `import { runEscalation, transition, initialEscalationState, defineEscalationPolicy } from 'school-attendance';
      export const run = (input, event, policy) => [
        runEscalation(input),
        transition(initialEscalationState(), event, defineEscalationPolicy(policy)),
      ];`,
    budget: 35 * KB,
  },
  {
    name: 'CSV text parser (readRegisterCsv from school-attendance/io)',
    code: `import { readRegisterCsv } from 'school-attendance/io';
      export const run = (text) => readRegisterCsv(text);`,
    budget: 30 * KB,
  },
  {
    name: 'SQL compiler (compileRulesToSql from school-attendance/sql)',
    code: `import { compileRulesToSql } from 'school-attendance/sql';
      export const run = (options) => compileRulesToSql(options).sql;`,
    // The code tables, the calendar compiler, the policy, calendar and window schemas it validates with, and zod.
    budget: 30 * KB,
  },
  {
    name: 'the whole root entry',
    code: `export * from 'school-attendance';`,
    // 45 KB before the cohort engine (createCohortRegister, analyseCohortRegister and their builder and tally,
    // about 5.5 KB of it) joined the root, then 48 KB before every function that takes marks or escalation
    // events checked them (sessions/checkMarks.ts, escalation/checkEvent.ts and their located messages, about
    // 4 KB), then 52 KB before ladders became data (the ladder schema, its structural checks and the trust
    // ladder as a table, about 3.6 KB), then 56 KB before DfE's support-first ladder (its stages, actions and
    // options schema, the support record and its events, the support conditions and ladderToMermaid, about
    // 4.8 KB), then 62 KB before cohort figures from code totals (countsFromCodeTotals) and continuing a saved
    // escalation state (runEscalation's reviewedThrough), about 1 KB; each raise is in the changelog with its
    // reason.
    budget: 64 * KB,
  },
];

/** What one case bundles to. */
export interface SizeResult {
  readonly name: string;
  readonly minified: number;
  readonly gzipped: number;
  readonly budget: number;
  /** The largest inputs of the bundle, by bytes of output they account for. */
  readonly largest: readonly (readonly [path: string, bytes: number])[];
}

/**
 * Bundles one case for the browser and measures it.
 *
 * @param sizeCase - The case.
 * @returns Its minified and gzipped sizes and largest inputs.
 * @throws When the case does not bundle for the browser (e.g. a Node built-in is reached).
 */
export async function measureBundle(sizeCase: SizeCase): Promise<SizeResult> {
  const result = await build({
    stdin: { contents: sizeCase.code, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
    alias: {
      'school-attendance/io': './src/io/index.ts',
      'school-attendance/sql': './src/sql/index.ts',
      'school-attendance': './src/index.ts',
    },
  });
  const output = result.outputFiles[0]!.contents;
  const inputs = Object.values(result.metafile.outputs)[0]!.inputs;
  const largest = Object.entries(inputs)
    .map(([path, { bytesInOutput }]) => [path, bytesInOutput] as const)
    .sort((left, right) => right[1] - left[1])
    .slice(0, 8);
  return {
    name: sizeCase.name,
    minified: output.length,
    gzipped: gzipSync(output, { level: 9 }).length,
    budget: sizeCase.budget,
    largest,
  };
}
