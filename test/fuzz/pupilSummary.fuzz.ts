import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePupilSummaryCsv, safeParsePupilSummaryCsv, toPupilSummaryCsv } from '../../src/io/index.js';
import type { InputLimits, ParsePupilSummaryCsvOptions, PupilSummaryRecord } from '../../src/io/index.js';
import {
  expectLocated,
  expectOnlyAttendanceErrors,
  expectSafeAgreesWithStrict,
  outcomeOf,
} from './_support/contracts.js';
import { FUZZ_TEST_TIMEOUT_MS, fuzzParameters } from './_support/fuzzConfig.js';
import { argumentArb } from './_support/hostileValues.js';
import { decodeBytes, mutatedTextArb } from './_support/mutators.js';
import { SUMMARY_CSV_SEEDS } from './_support/seeds.js';

// The per-pupil summary CSV reader under mutated files written from the sample register and hostile values: the
// safe form never throws, the strict one throws only the same AttendanceError, every issue is located; a file
// that reads writes back and reads back equal (the attribute columns too).

type Options = ParsePupilSummaryCsvOptions & InputLimits;

const textArb = mutatedTextArb(SUMMARY_CSV_SEEDS).map(({ text }) => text);
const optionsArb: fc.Arbitrary<Options> = fc.record(
  { source: fc.constant('summary.csv'), maxLineBytes: fc.integer({ min: 64, max: 4096 }) },
  { requiredKeys: ['source'] }
);

function dataOf(pupils: readonly PupilSummaryRecord[]): unknown[] {
  return pupils.map(({ pupilId, counts, attributes, flags }) => ({ pupilId, counts, attributes, flags }));
}

describe('pupil summary CSV', () => {
  it(
    'safeParsePupilSummaryCsv never throws; parsePupilSummaryCsv throws an AttendanceError exactly when it fails',
    () => {
      fc.assert(
        fc.property(textArb, optionsArb, (text, options) => {
          const result = expectSafeAgreesWithStrict(
            () => safeParsePupilSummaryCsv(text, options),
            () => parsePupilSummaryCsv(text, options)
          );
          if (result.success) expectLocated(result.data.warnings);
        }),
        fuzzParameters(2)
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );

  it(
    'hostile values as the text or options: the safe form never throws',
    () => {
      const valid = decodeBytes(SUMMARY_CSV_SEEDS['summary of sample (CRLF)']!, 'utf-8');
      fc.assert(
        fc.property(argumentArb([valid]), argumentArb([{}, { source: 'x.csv' }]), (text, options) => {
          expectSafeAgreesWithStrict(
            () => safeParsePupilSummaryCsv(text as string, options as Options),
            () => parsePupilSummaryCsv(text as string, options as Options),
            { allowRoot: true }
          );
        }),
        fuzzParameters()
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );

  it(
    'a file that reads writes back, and reads back equal',
    () => {
      fc.assert(
        fc.property(textArb, (text) => {
          const first = safeParsePupilSummaryCsv(text);
          if (!first.success) return;
          const { pupils } = first.data;
          const attributeColumns = [...new Set(pupils.flatMap((pupil) => Object.keys(pupil.attributes)))];
          const byCode = pupils.some((pupil) => pupil.counts.byCode !== undefined);
          const written = outcomeOf(() =>
            toPupilSummaryCsv(
              pupils.map(({ pupilId, counts, attributes }) => ({ pupilId, counts, attributes })),
              { attributeColumns, byCode }
            )
          );
          expectOnlyAttendanceErrors(written);
          if (written.threw)
            expect.fail(
              `read but would not write: ${written.error instanceof Error ? written.error.message : ''}`
            );
          expect(dataOf(parsePupilSummaryCsv(written.value).pupils)).toEqual(dataOf(pupils));
        }),
        fuzzParameters()
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );
});
