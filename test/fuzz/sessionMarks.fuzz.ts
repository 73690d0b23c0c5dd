import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseSessionMarks, safeParseSessionMarks } from '../../src/index.js';
import { registerArb } from '../_arbitraries/register.js';
import { expectSafeAgreesWithStrict } from './_support/contracts.js';
import { FUZZ_TEST_TIMEOUT_MS, fuzzParameters } from './_support/fuzzConfig.js';
import { argumentArb, hostileValueArb } from './_support/hostileValues.js';
import { mutatedTextArb } from './_support/mutators.js';
import { SAMPLE_REGISTER_JSON_HEAD } from './_support/seeds.js';

// Session marks as a caller hands them over (parsed JSON, a request body): safeParseSessionMarks never throws,
// parseSessionMarks throws only the AttendanceError the safe form returns, every issue names the mark and field;
// valid marks come back as they went in.

const SAMPLE_MARKS = (
  JSON.parse(SAMPLE_REGISTER_JSON_HEAD) as { date: string; session: string; code: string }[]
).map(({ date, session, code }) => ({ date, session, code }));

const marksValueArb: fc.Arbitrary<unknown> = fc.oneof(
  argumentArb([
    SAMPLE_MARKS,
    SAMPLE_MARKS.slice(0, 3),
    [],
    [{ date: '2024-09-02', session: 'AM', code: '/', pupilId: 'P1' }],
  ]),
  fc.array(fc.oneof(fc.constantFrom(...SAMPLE_MARKS), hostileValueArb), { maxLength: 8 }),
  mutatedTextArb({ sample: new TextEncoder().encode(SAMPLE_REGISTER_JSON_HEAD) }).map(({ text }) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  })
);

describe('session marks: hostile values', () => {
  it(
    'safeParseSessionMarks never throws; parseSessionMarks throws an AttendanceError exactly when it fails',
    () => {
      fc.assert(
        fc.property(marksValueArb, (value) => {
          expectSafeAgreesWithStrict(
            () => safeParseSessionMarks(value),
            () => parseSessionMarks(value),
            { allowRoot: true }
          );
        }),
        fuzzParameters(3)
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );

  it(
    'valid marks, through JSON, come back as they went in',
    () => {
      fc.assert(
        fc.property(registerArb({ maxLength: 40 }), (marks) => {
          const value = JSON.parse(JSON.stringify(marks)) as unknown;
          const result = safeParseSessionMarks(value);
          expect(result.success && result.data).toEqual(marks);
        }),
        fuzzParameters()
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );
});
