import { defineConfig } from 'tsup';
import type { Options } from 'tsup';

/**
 * One file for engines with no module loader: data warehouses' JavaScript UDFs (BigQuery loads it as a library,
 * Snowflake takes it inline), sandboxes and plain <script> pages. The root entry with its dependencies bundled
 * in, minified, as the global SchoolAttendance. The package tests build it with these same options.
 */
export const SINGLE_FILE_BUILD: Options = {
  entry: { 'school-attendance.udf': 'src/index.ts' },
  format: ['iife'],
  globalName: 'SchoolAttendance',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  noExternal: [/.*/],
  outExtension: () => ({ js: '.js' }),
  dts: false,
  sourcemap: false,
  clean: false,
};

export default defineConfig([
  {
    // The root entry carries no parser: the CSV and XML parsers load only through `school-attendance/io`.
    entry: {
      index: 'src/index.ts',
      io: 'src/io/index.ts',
      // The rules compiled to SQL: nothing of it is reached from the root entry.
      sql: 'src/sql/index.ts',
      // The visual report: its chart library (an optional peer dependency) is imported when a report is drawn.
      report: 'src/report/index.ts',
      'io/node': 'src/io/node/index.ts',
      // Started by path from io/node, which finds it beside itself: the same name as in src/io/node.
      'io/cohortCsvWorker': 'src/io/node/cohortCsvWorker.ts',
    },
    // import.meta.url (where io/node finds its worker) in the CommonJS build too.
    shims: true,
    format: ['esm', 'cjs'],
    // TypeScript 6 deprecates options that tsup's d.ts build still passes; without this the d.ts step fails.
    dts: { compilerOptions: { ignoreDeprecations: '6.0' } },
    // No source maps in the published package: they doubled its size and pointed at sources it does not ship.
    sourcemap: false,
    // Both builds run at once, so neither cleans: `npm run build` empties dist before tsup starts.
    clean: false,
    target: 'node20',
  },
  {
    // The command-line tool (package.json "bin"): one ESM file with a shebang.
    entry: { cli: 'src/cli/bin.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: false,
    clean: false,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
  SINGLE_FILE_BUILD,
]);
