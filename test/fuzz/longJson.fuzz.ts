import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPACT_CODES } from '../../src/index.js';
import {
  parseRegisterJson,
  readRegisterJson,
  REGISTER_COLUMN_PRESETS,
  safeParseRegisterJson,
} from '../../src/io/index.js';
import type { InputLimits, RegisterColumnPresetName, RegisterJsonOptions } from '../../src/io/index.js';
import { isoDateArb } from '../_arbitraries/isoDate.js';
import {
  errorsAmong,
  expectLocated,
  expectNoThrow,
  expectSafeAgreesWithStrict,
  outcomeOf,
} from './_support/contracts.js';
import { FUZZ_TEST_TIMEOUT_MS, fuzzParameters } from './_support/fuzzConfig.js';
import { argumentArb, nest } from './_support/hostileValues.js';
import { mutatedTextArb } from './_support/mutators.js';
import { REGISTER_JSON_SEEDS } from './_support/seeds.js';

// The long-format JSON importers (readRegisterJson, parseRegisterJson, safeParseRegisterJson) under mutated
// real files (parsed when they still parse), valid records with hostile values put anywhere in them, and nesting
// deeper than the limit: no throw for content, safe and strict agree, every issue located; records round-trip.

type Options = RegisterJsonOptions & InputLimits;

const PRESETS = Object.keys(REGISTER_COLUMN_PRESETS) as RegisterColumnPresetName[];
const DECODER = new TextDecoder();

/** The seed files parsed, each with the preset its fixture is named after (the sample uses the generic one). */
const PARSED_SEEDS: readonly unknown[] = Object.values(REGISTER_JSON_SEEDS).map(
  (bytes) => JSON.parse(DECODER.decode(bytes)) as unknown
);

const optionsArb: fc.Arbitrary<Options> = fc.record(
  {
    mapping: fc.constantFrom(...PRESETS),
    dateFormat: fc.constantFrom('auto' as const, 'iso' as const, 'dmy' as const),
    source: fc.constant('fuzz.json'),
    codeList: fc.constant({ '9': 'Y1', PRESENT: '/' }),
    maxDepth: fc.integer({ min: 2, max: 80 }),
  },
  { requiredKeys: ['source'] }
);

/** What a JSON register may be handed: mutated files that still parse, and valid records with hostile parts. */
const valueArb: fc.Arbitrary<unknown> = fc.oneof(
  mutatedTextArb(REGISTER_JSON_SEEDS).map(({ text }) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }),
  argumentArb(PARSED_SEEDS)
);

describe('register JSON: mutated files and hostile values', () => {
  it(
    'readRegisterJson never throws for content; every record is accounted for and every issue located',
    () => {
      fc.assert(
        fc.property(valueArb, optionsArb, (value, options) => {
          const outcome = outcomeOf(() => readRegisterJson(value, options));
          expectNoThrow(outcome);
          if (outcome.threw) return;
          const report = outcome.value;
          expect(report.rowsRead).toBe(report.rowsUsed + report.rowsRejected);
          expectLocated(report.issues, { allowRoot: true });
        }),
        fuzzParameters(2)
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );

  it(
    'safeParseRegisterJson never throws; parseRegisterJson throws an AttendanceError exactly when it fails',
    () => {
      fc.assert(
        fc.property(valueArb, optionsArb, (value, options) => {
          const result = expectSafeAgreesWithStrict(
            () => safeParseRegisterJson(value, options),
            () => parseRegisterJson(value, options),
            { allowRoot: true }
          );
          expect(result.success).toBe(errorsAmong(readRegisterJson(value, options).issues).length === 0);
        }),
        fuzzParameters()
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );

  it(
    'hostile options: the safe form never throws, the strict form throws only AttendanceErrors',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...PARSED_SEEDS),
          argumentArb([
            {},
            { mapping: 'wonde', source: 'x.json', dateFormat: 'dmy' },
            { mapping: { pupilId: 'a.b', date: 'd', session: 's', code: 'c' }, maxDepth: 3 },
          ]),
          (value, options) => {
            expectSafeAgreesWithStrict(
              () => safeParseRegisterJson(value, options as Options),
              () => parseRegisterJson(value, options as Options),
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
    'a register nested deeper than maxDepth is refused with a located too_deep issue, never a stack overflow',
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 64 }),
          fc.integer({ min: 1, max: 20_000 }),
          fc.boolean(),
          fc.constantFrom('data', 'pupil_id', 'date', 'x'),
          (maxDepth, extra, inArrays, key) => {
            const record = {
              pupil_id: 'P1',
              date: '2024-09-03',
              session: 'AM',
              code: nest(maxDepth + extra, inArrays, '/', key),
            };
            const value = [record];
            const options: Options = { source: 'fuzz.json', maxDepth };
            const result = expectSafeAgreesWithStrict(
              () => safeParseRegisterJson(value, options),
              () => parseRegisterJson(value, options)
            );
            expect(result.success).toBe(false);
            const report = readRegisterJson(value, options);
            expect(report.issues.map((issue) => issue.code)).toContain('too_deep');
          }
        ),
        fuzzParameters(0.5)
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );
});

const recordArb = fc.record({
  pupil_id: fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 10 })
    .filter((id) => id.trim() === id && id !== ''),
  date: isoDateArb(),
  session: fc.constantFrom('AM', 'PM'),
  code: fc.constantFrom(...COMPACT_CODES),
});

describe('register JSON: a valid register round-trips', () => {
  it(
    'records written as JSON and parsed read back as the same marks',
    () => {
      fc.assert(
        fc.property(
          fc.uniqueArray(recordArb, {
            maxLength: 30,
            selector: (record) => `${record.pupil_id}\u0000${record.date}${record.session}`,
          }),
          fc.boolean(),
          (records, envelope) => {
            const json = JSON.parse(
              JSON.stringify(envelope ? { data: records, meta: {} } : records)
            ) as unknown;
            const report = readRegisterJson(json, { source: 'fuzz.json' });
            expect(errorsAmong(report.issues)).toEqual([]);
            expect(
              report.marks.map(({ pupilId, date, session, code }) => ({
                pupil_id: pupilId,
                date,
                session,
                code,
              }))
            ).toEqual(records);
          }
        ),
        fuzzParameters()
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );
});
