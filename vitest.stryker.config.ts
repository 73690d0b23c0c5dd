import { configDefaults, defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant of the rule modules (see stryker.config.json): the unit and property
// tests of the rules, without the projects that build the package or CLI first, drive a browser, or only
// exercise the importers (their own unit, property and fuzz runs cover src/io, which is not mutated).
export default defineConfig({
  test: {
    setupFiles: ['test/setup.ts', 'bench/mutation/vitestSetup.ts'],
    include: ['test/**/*.test.ts', 'test/**/*.test-prop.ts'],
    exclude: [
      ...configDefaults.exclude,
      'test/cli/**',
      'test/package/**',
      'test/browser/**',
      'test/io/**',
      'test/fuzz/**',
      // Tests of modules that are not mutated (ages, patterns): they only add time.
      'test/age/**',
      'test/patterns/**',
    ],
    // Same reason as in vitest.config.ts: the library is pure, so test files share one module cache per worker.
    isolate: false,
    // Instrumented code runs several times slower, and the machine may be shared: a test that is merely slow must
    // not count as killing a mutant. A mutant that loops for ever is still caught by Stryker's own timeout.
    testTimeout: 60_000,
  },
});
