import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { appendToCaseLog, parseCaseLog, safeParseCaseLog } from '../../src/io/index.js';
import type { CaseLogFormat, ParseCaseLogOptions } from '../../src/io/index.js';
import { expectSafeAgreesWithStrict, outcomeOf } from './_support/contracts.js';
import { FUZZ_TEST_TIMEOUT_MS, fuzzParameters } from './_support/fuzzConfig.js';
import { argumentArb } from './_support/hostileValues.js';
import { mutatedTextArb } from './_support/mutators.js';

// The case log reader under mutated copies of the bundled example (as CSV and as JSON) and hostile values: the
// safe form never throws, the strict one throws only the same AttendanceError, every issue is located; a log
// that reads is written again entry by entry with appendToCaseLog and reads back equal.

const CSV = readFileSync(new URL('../../examples/support/case-log.csv', import.meta.url), 'utf8');
const JSON_LOG = `${JSON.stringify(
  parseCaseLog(CSV, { format: 'csv' }).map(({ pupilId, event: { type, on, ...details } }) => ({
    pupilId,
    date: on,
    event: type,
    details,
  })),
  null,
  1
)}\n`;
const UTF8 = new TextEncoder();
const SEEDS: Readonly<Record<CaseLogFormat, Readonly<Record<string, Uint8Array>>>> = {
  csv: { 'case-log.csv': UTF8.encode(CSV), 'case-log (CRLF).csv': UTF8.encode(CSV.replaceAll('\n', '\r\n')) },
  json: { 'case-log.json': UTF8.encode(JSON_LOG) },
};

const caseArb = fc.constantFrom<CaseLogFormat>('csv', 'json').chain((format) =>
  fc.record({
    format: fc.constant(format),
    text: mutatedTextArb(SEEDS[format]).map(({ text }) => text),
    maxLineBytes: fc.integer({ min: 32, max: 4096 }),
  })
);

describe('case log', () => {
  it(
    'safeParseCaseLog never throws; parseCaseLog throws an AttendanceError exactly when it fails',
    () => {
      fc.assert(
        fc.property(caseArb, ({ format, text, maxLineBytes }) => {
          const options: ParseCaseLogOptions = { format, source: `log.${format}`, maxLineBytes };
          expectSafeAgreesWithStrict(
            () => safeParseCaseLog(text, options),
            () => parseCaseLog(text, options)
          );
        }),
        fuzzParameters(2)
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );

  it(
    'hostile values as the text or options: the safe form never throws',
    () => {
      fc.assert(
        fc.property(
          argumentArb([CSV]),
          argumentArb([{ format: 'csv' }, { format: 'json' }]),
          (text, options) => {
            expectSafeAgreesWithStrict(
              () => safeParseCaseLog(text, options as ParseCaseLogOptions),
              () => parseCaseLog(text as string, options as ParseCaseLogOptions),
              { allowRoot: true }
            );
          }
        ),
        fuzzParameters()
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );

  it(
    'a log that reads is written again entry by entry, and reads back equal',
    () => {
      fc.assert(
        fc.property(caseArb, ({ format, text }) => {
          const first = safeParseCaseLog(text, { format });
          if (!first.success) return;
          const written = outcomeOf(() =>
            first.data.reduce(
              (log, { pupilId, event }) => appendToCaseLog(log, { pupilId, event }, { format }),
              ''
            )
          );
          expect(written.threw).toBe(false);
          if (written.threw || first.data.length === 0) return;
          const again = parseCaseLog(written.value, { format });
          expect(again.map(({ pupilId, event }) => ({ pupilId, event }))).toEqual(
            first.data.map(({ pupilId, event }) => ({ pupilId, event }))
          );
        }),
        fuzzParameters()
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );
});
