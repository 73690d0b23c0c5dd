import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    setupFiles: ['test/setup.ts'],
    // The library is pure and no test touches global state, so test files share one module cache per worker:
    // importing the library once instead of once per file takes the unit run from about 80 s to under 10 s.
    isolate: false,
    projects: [
      {
        extends: true,
        // The command-line tool's tests run in their own project, after building it once.
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/cli/**', 'test/package/**', 'test/browser/**'],
        },
      },
      {
        extends: true,
        test: { name: 'cli', include: ['test/cli/**/*.test.ts'], globalSetup: ['test/cli/buildCli.ts'] },
      },
      {
        extends: true,
        // The package as it ships: built once (ESM and CommonJS), bundled for browsers, sized.
        test: {
          name: 'package',
          include: ['test/package/**/*.test.ts'],
          globalSetup: ['test/package/buildPackage.ts'],
        },
      },
      {
        extends: true,
        // Headless Chromium (Debian's package): its own step in .ci/run, which installs it.
        test: { name: 'browser', include: ['test/browser/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'prop', include: ['test/**/*.test-prop.ts'] },
      },
      {
        extends: true,
        // Fuzzing: random and mutated hostile input against the importers' contracts. `npm run fuzz` runs it long;
        // .ci/run runs it with a fixed seed and a time budget. Inputs that ever failed live on as unit tests.
        test: { name: 'fuzz', include: ['test/fuzz/**/*.fuzz.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'types',
          include: ['test/**/*.test-d.ts'],
          typecheck: { enabled: true, only: true, include: ['test/**/*.test-d.ts'] },
        },
      },
    ],
  },
});
