/**
 * `npm run size`: prints what each typical import bundles to, against its budget, and the largest inputs of any
 * case over budget.
 */
import { measureBundle, SIZE_CASES } from './bundleSizes.js';

const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
let over = 0;
console.log('| import | min | min+gzip | budget |');
console.log('|:--|--:|--:|--:|');
for (const sizeCase of SIZE_CASES) {
  const result = await measureBundle(sizeCase);
  console.log(`| ${result.name} | ${kb(result.minified)} | ${kb(result.gzipped)} | ${kb(result.budget)} |`);
  if (result.gzipped > result.budget) {
    over += 1;
    for (const [path, bytes] of result.largest) console.error(`    ${kb(bytes).padStart(9)}  ${path}`);
  }
}
if (over > 0) {
  console.error(`${over} import(s) over budget`);
  process.exitCode = 1;
}
