import fc from 'fast-check';

// Runs after test/setup.ts under Stryker only: each mutant reruns every property test that reaches it, so 200
// runs per property (the normal suite) would dominate the time. 25 runs with the same fixed seed keep the runs
// reproducible, which is what lets Stryker's incremental mode trust earlier results.
fc.configureGlobal({ seed: Number(process.env['FC_SEED'] ?? 42), numRuns: 25 });
