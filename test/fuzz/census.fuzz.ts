import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  parseCensusAttendanceCsv,
  parseCensusAttendanceXml,
  safeParseCensusAttendanceCsv,
  safeParseCensusAttendanceXml,
  toCensusAttendanceCsv,
  toCensusAttendanceXml,
} from '../../src/io/index.js';
import type { InputLimits, ParseExportOptions } from '../../src/io/index.js';
import {
  expectLocated,
  expectOnlyAttendanceErrors,
  expectSafeAgreesWithStrict,
  outcomeOf,
} from './_support/contracts.js';
import { FUZZ_TEST_TIMEOUT_MS, fuzzParameters } from './_support/fuzzConfig.js';
import { argumentArb } from './_support/hostileValues.js';
import { decodeBytes, mutatedTextArb } from './_support/mutators.js';
import { CENSUS_CSV_SEEDS, CENSUS_INPUT, CENSUS_XML_SEEDS } from './_support/seeds.js';
import { LEAK_MARKER, nestXml, plantXmlAttack, xmlAttackArb } from './_support/xmlAttacks.js';

// The census attendance readers (CSV and XML) under mutated files written from the sample register, XML attacks,
// deep nesting and hostile values: the safe forms never throw, the strict ones throw only the same
// AttendanceError, every issue is located, nothing is expanded or fetched; what reads writes back equal.

type Options = ParseExportOptions & InputLimits;

const csvTextArb = mutatedTextArb(CENSUS_CSV_SEEDS).map(({ text }) => text);
const xmlTextArb = fc.oneof(
  { weight: 3, arbitrary: mutatedTextArb(CENSUS_XML_SEEDS).map(({ text }) => text) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...Object.values(CENSUS_XML_SEEDS)), xmlAttackArb)
      .map(([bytes, { attack, at }]) => plantXmlAttack(decodeBytes(bytes, 'utf-8'), attack, at)),
  }
);
const optionsArb: fc.Arbitrary<Options> = fc.record(
  {
    source: fc.constant('census'),
    maxLineBytes: fc.integer({ min: 64, max: 4096 }),
    maxDepth: fc.integer({ min: 4, max: 64 }),
  },
  { requiredKeys: ['source'] }
);

describe('census CSV', () => {
  it(
    'safeParseCensusAttendanceCsv never throws; the strict form throws an AttendanceError exactly when it fails',
    () => {
      fc.assert(
        fc.property(csvTextArb, optionsArb, (text, options) => {
          const result = expectSafeAgreesWithStrict(
            () => safeParseCensusAttendanceCsv(text, options),
            () => parseCensusAttendanceCsv(text, options)
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
      const valid = decodeBytes(CENSUS_CSV_SEEDS['census CSV of sample']!, 'utf-8');
      fc.assert(
        fc.property(argumentArb([valid]), argumentArb([{}, { source: 'x.csv' }]), (text, options) => {
          expectSafeAgreesWithStrict(
            () => safeParseCensusAttendanceCsv(text as string, options as Options),
            () => parseCensusAttendanceCsv(text as string, options as Options),
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
        fc.property(csvTextArb, (text) => {
          const first = safeParseCensusAttendanceCsv(text);
          if (!first.success) return;
          const written = outcomeOf(() => toCensusAttendanceCsv(first.data.pupils));
          expectOnlyAttendanceErrors(written);
          if (written.threw)
            expect.fail(
              `read but would not write: ${written.error instanceof Error ? written.error.message : ''}`
            );
          expect(parseCensusAttendanceCsv(written.value).pupils).toEqual(first.data.pupils);
        }),
        fuzzParameters()
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );
});

describe('census XML', () => {
  it(
    'safeParseCensusAttendanceXml never throws; the strict form throws an AttendanceError exactly when it fails',
    () => {
      fc.assert(
        fc.property(xmlTextArb, optionsArb, (xml, options) => {
          const result = expectSafeAgreesWithStrict(
            () => safeParseCensusAttendanceXml(xml, options),
            () => parseCensusAttendanceXml(xml, options)
          );
          if (result.success) expectLocated(result.data.warnings);
          const shown = JSON.stringify(result.success ? result.data : result.error.issues);
          expect(shown).not.toContain(LEAK_MARKER);
          expect(shown.length).toBeLessThan(xml.length * 20 + 100_000);
        }),
        fuzzParameters(2)
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );

  it(
    'elements nested deeper than maxDepth are refused with a located issue, never a stack overflow',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...Object.values(CENSUS_XML_SEEDS)),
          fc.integer({ min: 4, max: 64 }),
          fc.integer({ min: 1, max: 20_000 }),
          fc.nat(),
          (bytes, maxDepth, extra, at) => {
            const xml = nestXml(decodeBytes(bytes, 'utf-8'), maxDepth + extra, at);
            const options: Options = { maxDepth };
            const result = expectSafeAgreesWithStrict(
              () => safeParseCensusAttendanceXml(xml, options),
              () => parseCensusAttendanceXml(xml, options)
            );
            expect(result.success).toBe(false);
            if (!result.success) expect(result.error.issues.map((issue) => issue.code)).toContain('too_deep');
          }
        ),
        fuzzParameters(0.5)
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );

  it(
    'hostile values as the text or options: the safe form never throws',
    () => {
      const valid = decodeBytes(CENSUS_XML_SEEDS['census XML of sample']!, 'utf-8');
      fc.assert(
        fc.property(argumentArb([valid]), argumentArb([{}, { source: 'x.xml' }]), (xml, options) => {
          expectSafeAgreesWithStrict(
            () => safeParseCensusAttendanceXml(xml as string, options as Options),
            () => parseCensusAttendanceXml(xml as string, options as Options),
            { allowRoot: true }
          );
        }),
        fuzzParameters()
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );

  it(
    'a file that reads writes back, and reads back equal (the sample itself included)',
    () => {
      expect(parseCensusAttendanceXml(toCensusAttendanceXml(CENSUS_INPUT)).pupils).toEqual(CENSUS_INPUT);
      fc.assert(
        fc.property(xmlTextArb, (xml) => {
          const first = safeParseCensusAttendanceXml(xml);
          if (!first.success) return;
          const written = outcomeOf(() => toCensusAttendanceXml(first.data.pupils));
          expectOnlyAttendanceErrors(written);
          if (written.threw)
            expect.fail(
              `read but would not write: ${written.error instanceof Error ? written.error.message : ''}`
            );
          expect(parseCensusAttendanceXml(written.value).pupils).toEqual(first.data.pupils);
        }),
        fuzzParameters()
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );
});
