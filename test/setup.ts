import fc from 'fast-check';

// A fixed seed makes every property run reproducible (and lets mutation testing re-select tests);
// FC_SEED overrides it to explore further.
fc.configureGlobal({ seed: Number(process.env['FC_SEED'] ?? 42), numRuns: 200 });
