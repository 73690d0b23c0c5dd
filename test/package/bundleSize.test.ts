import { describe, expect, test } from 'vitest';
import { measureBundle, SIZE_CASES } from '../../bench/size/bundleSizes.js';

// What an app's bundler makes of typical imports, against the lean-package budgets (min+gzip). A root feature
// that does not fit must raise its budget in bench/size/bundleSizes.ts with a reason in the changelog.

describe('bundle sizes (minified + gzip, dependencies included, for the browser)', () => {
  for (const sizeCase of SIZE_CASES) {
    test(`${sizeCase.name}: within ${(sizeCase.budget / 1024).toFixed(0)} KB`, async () => {
      const result = await measureBundle(sizeCase);
      const report = result.largest.map(([path, bytes]) => `${path} ${bytes} B`).join('\n');
      expect(result.gzipped, `largest inputs:\n${report}`).toBeLessThanOrEqual(sizeCase.budget);
    });
  }
});
