import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importCtf, parseCtf, readCtf, safeParseCtf, toCtfXml } from '../../src/io/index.js';
import type { CtfImportReport, CtfOptions, ImportedMark, InputLimits } from '../../src/io/index.js';
import { mutatedCtfArb } from '../io/ctf/ctfArbitraries.js';
import { CALENDAR } from '../io/ctf/ctfFixtures.js';
import { cutsArb, piecesOf, sourceOf } from './_support/chunks.js';
import {
  asyncOutcomeOf,
  errorsAmong,
  expectLocated,
  expectNoThrow,
  expectOnlyAttendanceErrors,
  expectSafeAgreesWithStrict,
  outcomeOf,
} from './_support/contracts.js';
import { FUZZ_TEST_TIMEOUT_MS, fuzzParameters } from './_support/fuzzConfig.js';
import { argumentArb } from './_support/hostileValues.js';
import { decodeBytes, mutatedBytesArb } from './_support/mutators.js';
import { CTF_SEEDS } from './_support/seeds.js';
import { LEAK_MARKER, nestXml, plantXmlAttack, xmlAttackArb } from './_support/xmlAttacks.js';

// The Common Transfer File importers (readCtf, parseCtf, safeParseCtf, importCtf) under mutated real files
// (bytes and text), XML attacks and deep nesting: no throw for content, safe and strict agree, every issue
// located, the same report however the stream is cut, nothing expanded or fetched; what reads writes back equal.

type Options = CtfOptions & InputLimits;

const optionsArb: fc.Arbitrary<Options> = fc.record(
  {
    dayModel: fc.constantFrom('calendarDays' as const, 'schoolDays' as const, 'auto' as const),
    calendar: fc.constant(CALENDAR),
    codeWidth: fc.constantFrom(1 as const, 2 as const),
    source: fc.constant('fuzz.xml'),
    maxLineBytes: fc.integer({ min: 256, max: 8192 }),
    maxDepth: fc.integer({ min: 8, max: 64 }),
  },
  { requiredKeys: ['source'] }
);

/** A CTF as bytes or text: mutated fixtures (byte-level and XML-aware), with attacks planted in some. */
const inputArb: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  {
    weight: 3,
    arbitrary: mutatedBytesArb(CTF_SEEDS, { minMutations: 0, maxMutations: 3 }).map(({ bytes }) => bytes),
  },
  { weight: 2, arbitrary: mutatedCtfArb },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...Object.values(CTF_SEEDS)), xmlAttackArb)
      .map(([bytes, { attack, at }]) => plantXmlAttack(decodeBytes(bytes, 'utf-8'), attack, at)),
  }
);

function expectSoundReport(report: CtfImportReport): void {
  expect(report.rowsRead).toBe(report.rowsUsed + report.rowsRejected);
  expectLocated(report.issues);
}

describe('CTF: mutated files', () => {
  it(
    'readCtf never throws for content; every record is accounted for and every issue located',
    () => {
      fc.assert(
        fc.property(inputArb, optionsArb, (input, options) => {
          const outcome = outcomeOf(() => readCtf(input, options));
          expectNoThrow(outcome);
          if (!outcome.threw) expectSoundReport(outcome.value);
        }),
        fuzzParameters(2)
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );

  it(
    'safeParseCtf never throws; parseCtf throws an AttendanceError exactly when it fails',
    () => {
      fc.assert(
        fc.property(inputArb, optionsArb, (input, options) => {
          const result = expectSafeAgreesWithStrict(
            () => safeParseCtf(input, options),
            () => parseCtf(input, options)
          );
          expect(result.success).toBe(errorsAmong(readCtf(input, options).issues).length === 0);
        }),
        fuzzParameters()
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );

  it(
    'hostile inputs and options: the safe form never throws, the others throw only AttendanceErrors',
    async () => {
      const valid = decodeBytes(CTF_SEEDS['examples/data/sample-transfer.ctf.xml']!, 'utf-8');
      await fc.assert(
        fc.asyncProperty(
          argumentArb([valid]),
          argumentArb([
            {},
            { dayModel: 'schoolDays', calendar: CALENDAR, codeWidth: 2, source: 'x.xml', maxDepth: 10 },
          ]),
          async (input, options) => {
            const xml = input as string;
            const ctfOptions = options as Options;
            expectSafeAgreesWithStrict(
              () => safeParseCtf(xml, ctfOptions),
              () => parseCtf(xml, ctfOptions)
            );
            expectOnlyAttendanceErrors(outcomeOf(() => readCtf(xml, ctfOptions)));
            expectOnlyAttendanceErrors(await asyncOutcomeOf(() => importCtf(sourceOf([xml]), ctfOptions)));
          }
        ),
        fuzzParameters()
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );
});

describe('CTF: streaming, cut anywhere', () => {
  it(
    'importCtf gives what readCtf gives for the whole file, however the bytes or text are cut',
    async () => {
      await fc.assert(
        fc.asyncProperty(inputArb, cutsArb, optionsArb, async (input, cuts, options) => {
          const whole = outcomeOf(() => readCtf(input, options));
          expectNoThrow(whole);
          if (whole.threw) return;
          const pieces = piecesOf<string | Uint8Array>(input, cuts);
          const cut = await asyncOutcomeOf(() => importCtf(sourceOf(pieces), options));
          expectNoThrow(cut);
          if (!cut.threw) expect(cut.value).toEqual(whole.value);
        }),
        fuzzParameters(2)
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );
});

describe('CTF: XML attacks, depth and size', () => {
  it(
    'entities are never expanded and external entities never fetched',
    () => {
      fc.assert(
        fc.property(fc.constantFrom(...Object.values(CTF_SEEDS)), xmlAttackArb, (bytes, { attack, at }) => {
          const xml = plantXmlAttack(decodeBytes(bytes, 'utf-8'), attack, at);
          const outcome = outcomeOf(() => readCtf(xml, { source: 'attack.xml' }));
          expectNoThrow(outcome);
          if (outcome.threw) return;
          expectSoundReport(outcome.value);
          const shown = JSON.stringify(outcome.value);
          expect(shown).not.toContain(LEAK_MARKER);
          expect(shown).not.toContain('lollollol');
          // Nothing expanded: the report is never much bigger than the document.
          expect(shown.length).toBeLessThan(xml.length * 20 + 100_000);
        }),
        fuzzParameters()
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );

  it(
    'elements nested deeper than maxDepth give a located too_deep issue, never a stack overflow',
    () => {
      fc.assert(
        fc.property(
          fc.constantFrom(...Object.values(CTF_SEEDS)),
          fc.integer({ min: 4, max: 64 }),
          fc.integer({ min: 1, max: 20_000 }),
          fc.nat(),
          fc.constantFrom('x', 'Pupil', 'YearData', 'Attendance'),
          (bytes, maxDepth, extra, at, name) => {
            const xml = nestXml(decodeBytes(bytes, 'utf-8'), maxDepth + extra, at, name);
            const options: Options = { source: 'deep.xml', maxDepth };
            const outcome = outcomeOf(() => readCtf(xml, options));
            expectNoThrow(outcome);
            if (outcome.threw) return;
            expectSoundReport(outcome.value);
            const codes = outcome.value.issues.map((issue) => issue.code);
            // A file already broken before the nesting may stop first; otherwise the depth is what is reported.
            if (!codes.includes('malformed_input') && !codes.includes('encoding'))
              expect(codes).toContain('too_deep');
          }
        ),
        fuzzParameters(0.5)
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );

  it(
    'a text run longer than maxLineBytes gives a located too_long issue',
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 256, max: 4096 }),
          fc.integer({ min: 1, max: 5000 }),
          fc.nat(),
          (limit, extra, at) => {
            const xml = decodeBytes(CTF_SEEDS['examples/data/sample-transfer.ctf.xml']!, 'utf-8');
            const texts = [...xml.matchAll(/>([^<>\s][^<>]*)</g)];
            const chosen = texts[at % texts.length]!;
            const position = chosen.index + 1;
            const long = `${xml.slice(0, position)}${'x'.repeat(limit + extra)}${xml.slice(position)}`;
            const options: Options = { source: 'long.xml', maxLineBytes: limit };
            const report = readCtf(long, options);
            expectSoundReport(report);
            expect(report.issues.map((issue) => issue.code)).toContain('too_long');
          }
        ),
        fuzzParameters(0.5)
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );
});

function markOf({ pupilId, date, session, code }: ImportedMark): Omit<ImportedMark, 'line'> {
  return { pupilId, date, session, code };
}

describe('CTF: what reads writes back equal', () => {
  it(
    'a (mutated) file that reads is written by toCtfXml, or refused with an AttendanceError, and reads back equal',
    () => {
      fc.assert(
        fc.property(inputArb, (input) => {
          const first = readCtf(input, { source: 'fuzz.xml' });
          const written = outcomeOf(() => toCtfXml(first));
          expectOnlyAttendanceErrors(written);
          if (written.threw) return;
          const again = readCtf(written.value);
          // The writer fills in a header the file lacked (e.g. DocumentName); what the file had reads back.
          expect(again.header).toMatchObject(first.header);
          expect(again.marks.map(markOf)).toEqual(first.marks.map(markOf));
          expect(
            again.pupils.map((pupil) => pupil.years.map((year) => [year.totals, year.attendanceMarks]))
          ).toEqual(
            first.pupils.map((pupil) => pupil.years.map((year) => [year.totals, year.attendanceMarks]))
          );
        }),
        fuzzParameters()
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );
});
