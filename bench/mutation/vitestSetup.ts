import fc from 'fast-check';
import { beforeEach, vi } from 'vitest';

// Runs after test/setup.ts under Stryker only: each mutant reruns every property test that reaches it, so 200
// runs per property (the normal suite) would dominate the time. 25 runs with the same fixed seed keep the runs
// reproducible, which is what lets Stryker's incremental mode trust earlier results.
fc.configureGlobal({ seed: Number(process.env['FC_SEED'] ?? 42), numRuns: 25 });

// Schemas are built on first use and kept (src/_internal/lazy.ts). Stryker's per-test coverage would then credit
// a schema's construction to whichever test happened to build it first, and test only that one against the
// schema's mutants: a mutant that a later test would kill survives. Under Stryker every memoised value is
// dropped before each test, so each test that validates builds the schemas it uses and is credited with them.
// One list for the whole worker, on globalThis: test files share the module cache, so the mocked module (and the
// list its factory captured) outlive the setup file's run for the first test file.
const resets = vi.hoisted(() => {
  const shared = globalThis as { __lazyResets?: (() => void)[] };
  shared.__lazyResets ??= [];
  return shared.__lazyResets;
});
vi.mock('../../src/_internal/lazy.js', () => ({
  lazy<T>(build: () => T): () => T {
    let built = false;
    let value: T;
    resets.push(() => {
      built = false;
    });
    return () => {
      if (!built) {
        value = build();
        built = true;
      }
      return value;
    };
  },
}));
beforeEach(() => {
  for (const reset of resets) reset();
});
