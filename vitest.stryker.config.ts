import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant of the rule modules (see stryker.config.json): the unit and property
// tests of the rules, without the projects that build the package or CLI first, drive a browser, or only
// exercise the importers (their own unit, property and fuzz runs cover src/io, which is not mutated).
export default defineConfig({
  test: {
    setupFiles: ['test/setup.ts', 'bench/mutation/vitestSetup.ts'],
    include: ['test/**/*.test.ts', 'test/**/*.test-prop.ts'],
    exclude: [
      // The SQL compiler and the report are not mutated; their tests only reach rule code through it.
      'test/sql/**',
      'test/report/**',
      ...configDefaults.exclude,
      'test/cli/**',
      'test/package/**',
      'test/browser/**',
      'test/io/**',
      'test/fuzz/**',
      // Tests of a module that is not mutated (ages): they only add time. The patterns' tests stay: they are the
      // only ones to reach the argument checks and the order test of marks that the patterns share with the rules.
      'test/age/**',
      // The hardening properties throw hostile values (BigInts, cycles, 10,000-deep nesting) at every public
      // function, so they reach almost every mutant and are the slowest tests; what they check (nothing throws,
      // a refusal is located) has unit tests in test/hardening/*.test.ts, which do run here.
      'test/hardening/**/*.test-prop.ts',
    ],
    // Same reason as in vitest.config.ts: the library is pure, so test files share one module cache per worker.
    isolate: false,
    // Stryker starts a fresh worker for every mutant, so what a test file imports is paid 7,000 times: see
    // bench/mutation/fastCheckVitest.ts for why the property tests' runner is swapped for a lighter one here.
    alias: {
      '@fast-check/vitest': fileURLToPath(new URL('./bench/mutation/fastCheckVitest.ts', import.meta.url)),
    },
    // Threads start faster than forked processes, for the same reason.
    pool: 'threads',
    // Instrumented code runs several times slower, and the machine may be shared: a test that is merely slow must
    // not count as killing a mutant. A mutant that loops for ever is still caught by Stryker's own timeout.
    testTimeout: 60_000,
  },
});
