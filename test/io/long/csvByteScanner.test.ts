import { expect, test } from 'vitest';
import { checkScannerAgainstRandomCsv, checkScannerEdgeCases } from '../../../bench/csvParsers/checks.js';

// The byte scanner's own checks, kept with the parser benchmark that chose it, run here too: random CSV (quotes,
// escaped quotes, delimiters and every line ending inside fields, empty lines, byte order marks) cut into random
// chunks must give back the records and the line each starts on; and the flags, options and file splits on
// small cases. Each throws on the first difference.

test('random CSV in random chunks gives back its records and their lines', () => {
  expect(checkScannerAgainstRandomCsv(1000)).toBe(1000);
});

test('quoted, escaped, malformed and unclosed fields, empty lines and splits at every byte', () => {
  expect(checkScannerEdgeCases()).toBeGreaterThan(0);
});
