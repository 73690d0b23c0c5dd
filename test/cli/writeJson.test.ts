import { fc, test } from '@fast-check/vitest';
// @fast-check/vitest's own `test` runs even a plain body once per fast-check run (200 times): plain tests use vitest's.
import { expect, test as plainTest } from 'vitest';
import { formatJson } from '../../src/cli/output/formatJson.js';
import { writeJson } from '../../src/cli/output/writeJson.js';

function written(value: unknown): { text: string; pieces: number } {
  let text = '';
  let pieces = 0;
  writeJson(value, (piece) => {
    text += piece;
    pieces += 1;
  });
  return { text, pieces };
}

// Reports as the commands build them: a top-level object whose values include long arrays of records, with
// undefined values and nested arrays among them.
const reportArb = fc.dictionary(
  fc.string({ maxLength: 6 }),
  fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.constant(undefined),
    fc.array(
      fc.oneof(
        fc.dictionary(
          fc.string({ maxLength: 4 }),
          fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(undefined))
        ),
        fc.constant(undefined),
        fc.jsonValue({ maxDepth: 2 })
      ),
      { maxLength: 8 }
    )
  )
);

test.prop([fc.oneof(reportArb, fc.jsonValue())])(
  'writes the text JSON.stringify writes, byte for byte',
  (value) => {
    expect(written(value).text).toBe(formatJson(value));
  }
);

plainTest('writes a large report in pieces rather than as one string', () => {
  const report = {
    command: 'summary',
    pupils: Array.from({ length: 5000 }, (_, index) => ({
      pupilId: `P${index}`,
      possible: 380,
      absent: index % 40,
    })),
  };
  const { text, pieces } = written(report);
  expect(text).toBe(formatJson(report));
  expect(pieces).toBeGreaterThan(5);
});
