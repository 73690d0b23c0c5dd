/**
 * `npm run mutate:merge`: joins mutation reports of runs over parts of the rule modules (a full run takes about
 * two hours on two cores, so it is run in parts that each save their results) into one report, written as
 * Stryker's incremental file, so the next `stryker run` re-tests only what changed.
 *
 * Stryker numbers the tests of each run from 0, so the same test has other ids in other runs: each test is named
 * by its file and full name, given one id in the joined report, and every mutant's `coveredBy` and `killedBy`
 * are renumbered to it. A file mutated by more than one part is taken from the last part given.
 *
 * Usage: `node --import tsx bench/mutation/mergeReports.ts OUT.json IN.json...`
 */
import { readFileSync, writeFileSync } from 'node:fs';

interface ReportTest {
  readonly id: string;
  readonly name: string;
  readonly [key: string]: unknown;
}
interface ReportMutant {
  readonly coveredBy?: readonly string[];
  readonly killedBy?: readonly string[];
  readonly [key: string]: unknown;
}
interface MutationReport {
  readonly files: Record<
    string,
    { readonly mutants: readonly ReportMutant[]; readonly [key: string]: unknown }
  >;
  readonly testFiles?: Record<
    string,
    { readonly tests: readonly ReportTest[]; readonly [key: string]: unknown }
  >;
  readonly [key: string]: unknown;
}

const [output, ...inputs] = process.argv.slice(2);
if (output === undefined || inputs.length === 0) {
  console.error('Usage: node --import tsx bench/mutation/mergeReports.ts OUT.json IN.json...');
  process.exit(2);
}

const globalIds = new Map<string, string>();
const testFiles: Record<string, { tests: ReportTest[]; [key: string]: unknown }> = {};
const files: MutationReport['files'] = {};
let base: MutationReport | undefined;

for (const input of inputs) {
  const report = JSON.parse(readFileSync(input, 'utf8')) as MutationReport;
  base ??= report;
  const local = new Map<string, string>();
  for (const [path, testFile] of Object.entries(report.testFiles ?? {})) {
    const joined = (testFiles[path] ??= { ...testFile, tests: [] });
    for (const test of testFile.tests) {
      const key = `${path}\u0000${test.name}`;
      let id = globalIds.get(key);
      if (id === undefined) {
        id = String(globalIds.size);
        globalIds.set(key, id);
        joined.tests.push({ ...test, id });
      }
      local.set(test.id, id);
    }
    // The test file's source as of this part's run.
    Object.assign(joined, { ...testFile, tests: joined.tests });
  }
  const renumber = (ids: readonly string[] | undefined): string[] | undefined =>
    ids?.map((id) => local.get(id) ?? id);
  for (const [path, file] of Object.entries(report.files)) {
    files[path] = {
      ...file,
      mutants: file.mutants.map((mutant) => {
        const coveredBy = renumber(mutant.coveredBy);
        const killedBy = renumber(mutant.killedBy);
        return {
          ...mutant,
          ...(coveredBy === undefined ? {} : { coveredBy }),
          ...(killedBy === undefined ? {} : { killedBy }),
        };
      }),
    };
  }
}

writeFileSync(output, JSON.stringify({ ...base, files, testFiles }));
const mutants = Object.values(files).reduce((sum, file) => sum + file.mutants.length, 0);
console.log(
  `${output}: ${Object.keys(files).length} files, ${mutants} mutants, ${globalIds.size} tests from ${inputs.length} reports`
);
