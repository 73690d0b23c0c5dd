import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPACT_CODES } from '../../src/index.js';
import {
  importCohortRegisterCsv,
  importRegisterCsv,
  parseRegisterCsv,
  readRegisterCsv,
  REGISTER_COLUMN_PRESETS,
  safeParseRegisterCsv,
  toRegisterCsv,
} from '../../src/io/index.js';
import type {
  ImportedMark,
  InputLimits,
  RegisterColumnPresetName,
  RegisterCsvOptions,
  RegisterImportReport,
} from '../../src/io/index.js';
import { isoDateArb } from '../_arbitraries/isoDate.js';
import { csvishArb, groupedTextArb, registerTextArb } from '../io/long/registerTextArbitraries.js';
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
import { decodeBytes, mutatedBytesArb, mutatedTextArb } from './_support/mutators.js';
import { REGISTER_CSV_SEEDS } from './_support/seeds.js';

// The long-format register CSV importers (readRegisterCsv, parseRegisterCsv, safeParseRegisterCsv,
// importRegisterCsv, importCohortRegisterCsv) under mutated real files, register-shaped garbage and hostile
// options: they never throw for content, the safe and strict forms agree, every issue is located, the streaming
// importers give the same answer however the bytes are cut, and what the writer writes reads back equal.

type Options = RegisterCsvOptions & InputLimits;

const PRESETS = Object.keys(REGISTER_COLUMN_PRESETS) as RegisterColumnPresetName[];

const optionsArb: fc.Arbitrary<Options> = fc.record(
  {
    mapping: fc.constantFrom(...PRESETS),
    dateFormat: fc.constantFrom('auto' as const, 'iso' as const, 'dmy' as const),
    delimiter: fc.constantFrom(',', ';', '\t'),
    source: fc.constant('fuzz.csv'),
    codeList: fc.constant({ '9': 'Y1', '1': '/' }),
    encoding: fc.constantFrom('auto' as const, 'utf-8' as const, 'latin1' as const, 'utf-16le' as const),
    // Small limits, so the huge-field mutations cross them without making a run slow.
    maxLineBytes: fc.integer({ min: 64, max: 4096 }),
  },
  { requiredKeys: ['source'] }
);

const textArb = fc.oneof(
  { weight: 4, arbitrary: mutatedTextArb(REGISTER_CSV_SEEDS).map((mutated) => mutated.text) },
  { weight: 1, arbitrary: registerTextArb },
  { weight: 1, arbitrary: groupedTextArb },
  { weight: 1, arbitrary: csvishArb }
);

function expectBalancedAndLocated(report: RegisterImportReport, options: Options): void {
  expect(report.rowsRead).toBe(report.rowsUsed + report.rowsRejected);
  expect(report.marks.length).toBeLessThanOrEqual(report.rowsUsed);
  expectLocated(report.issues);
  expect(report.issues.filter((issue) => issue.source !== options.source)).toEqual([]);
}

describe('register CSV: mutated and garbage text', () => {
  it(
    'readRegisterCsv never throws for content; every row is accounted for and every issue located',
    () => {
      fc.assert(
        fc.property(textArb, optionsArb, (text, options) => {
          const outcome = outcomeOf(() => readRegisterCsv(text, options));
          expectNoThrow(outcome);
          if (!outcome.threw) expectBalancedAndLocated(outcome.value, options);
        }),
        fuzzParameters(2)
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );

  it(
    'safeParseRegisterCsv never throws; parseRegisterCsv throws an AttendanceError exactly when it fails',
    () => {
      fc.assert(
        fc.property(textArb, optionsArb, (text, options) => {
          const result = expectSafeAgreesWithStrict(
            () => safeParseRegisterCsv(text, options),
            () => parseRegisterCsv(text, options)
          );
          const errors = errorsAmong(readRegisterCsv(text, options).issues);
          expect(result.success).toBe(errors.length === 0);
        }),
        fuzzParameters()
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );

  it(
    'a field longer than maxLineBytes is refused with a located too_long issue',
    () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 64, max: 2048 }),
          fc.integer({ min: 1, max: 3000 }),
          fc.constantFrom('x', '"', ',', '\u0000', 'é'),
          (limit, extra, unit) => {
            const filler = unit === '"' ? '""' : unit;
            const field = `"${filler.repeat(Math.ceil((limit + extra) / filler.length))}"`;
            const text = `pupil_id,date,session,code,minutes_late,comment\nP1,2024-09-03,AM,/,,\nP1,2024-09-03,PM,/,,${field}\nP1,2024-09-04,AM,/,,\n`;
            const options: Options = { source: 'fuzz.csv', maxLineBytes: limit };
            const report = readRegisterCsv(text, options);
            const tooLong = report.issues.filter((issue) => issue.code === 'too_long');
            expect(tooLong.length).toBeGreaterThan(0);
            expect(tooLong[0]?.line).toBe(3);
            expectLocated(report.issues);
          }
        ),
        fuzzParameters(0.5)
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );

  it(
    'hostile options: the safe form never throws, the strict forms throw only AttendanceErrors',
    async () => {
      const validOptions: unknown[] = [
        {},
        { mapping: 'arbor', dateFormat: 'dmy', delimiter: ';', source: 'x.csv' },
        {
          mapping: { pupilId: ['id', 'pupil'], date: 'date', session: 'session', code: 'code' },
          sessionNames: { morning: 'AM' },
          codeList: { '9': 'Y1' },
          encoding: 'latin1',
          maxLineBytes: 100,
          maxDepth: 3,
        },
      ];
      await fc.assert(
        fc.asyncProperty(textArb, argumentArb(validOptions), async (text, options) => {
          const csvOptions = options as Options;
          expectSafeAgreesWithStrict(
            () => safeParseRegisterCsv(text, csvOptions),
            () => parseRegisterCsv(text, csvOptions),
            { allowRoot: true }
          );
          expectOnlyAttendanceErrors(outcomeOf(() => readRegisterCsv(text, csvOptions)));
          expectOnlyAttendanceErrors(
            await asyncOutcomeOf(() => importRegisterCsv(sourceOf([text]), csvOptions))
          );
          expectOnlyAttendanceErrors(
            await asyncOutcomeOf(() => importCohortRegisterCsv(sourceOf([text]), csvOptions))
          );
        }),
        fuzzParameters()
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );

  it(
    'hostile values as the text itself: the safe form never throws',
    () => {
      fc.assert(
        fc.property(argumentArb(['pupil_id,date,session,code\nP1,2024-09-03,AM,/\n']), (text) => {
          expectSafeAgreesWithStrict(
            () => safeParseRegisterCsv(text as string),
            () => parseRegisterCsv(text as string),
            { allowRoot: true }
          );
        }),
        fuzzParameters(0.5)
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );
});

describe('register CSV: streaming, cut anywhere', () => {
  it(
    'importRegisterCsv gives the same report for any cutting of the bytes as for the whole file',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          mutatedBytesArb(REGISTER_CSV_SEEDS, { minMutations: 0 }),
          cutsArb,
          optionsArb,
          async ({ bytes }, cuts, options) => {
            const whole = await asyncOutcomeOf(() => importRegisterCsv(sourceOf([bytes]), options));
            expectNoThrow(whole);
            if (whole.threw) return;
            expectBalancedAndLocated(whole.value, options);
            const pieces = piecesOf(bytes, cuts);
            const cut = await asyncOutcomeOf(() => importRegisterCsv(sourceOf(pieces), options));
            expectNoThrow(cut);
            if (!cut.threw) expect(cut.value).toEqual(whole.value);
          }
        ),
        fuzzParameters()
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );

  it(
    'importRegisterCsv of text pieces gives what readRegisterCsv gives for the whole text',
    async () => {
      await fc.assert(
        fc.asyncProperty(textArb, cutsArb, optionsArb, async (text, cuts, options) => {
          const expected = readRegisterCsv(text, options);
          const cut = await asyncOutcomeOf(() => importRegisterCsv(sourceOf(piecesOf(text, cuts)), options));
          expectNoThrow(cut);
          if (!cut.threw) expect(cut.value).toEqual(expected);
        }),
        fuzzParameters()
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );

  it(
    'importCohortRegisterCsv gives the same register and issues for any cutting, and agrees with importRegisterCsv',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          mutatedBytesArb(REGISTER_CSV_SEEDS, { minMutations: 0 }),
          cutsArb,
          optionsArb,
          async ({ bytes }, cuts, options) => {
            const whole = await asyncOutcomeOf(() => importCohortRegisterCsv(sourceOf([bytes]), options));
            expectNoThrow(whole);
            if (whole.threw) return;
            expectLocated(whole.value.issues);
            const cut = await asyncOutcomeOf(() =>
              importCohortRegisterCsv(sourceOf(piecesOf(bytes, cuts)), options)
            );
            expectNoThrow(cut);
            if (!cut.threw) expect(cut.value).toEqual(whole.value);
            const { marks, ...objects } = await importRegisterCsv(sourceOf([bytes]), options);
            const { register, ...cohort } = whole.value;
            expect(cohort).toEqual(objects);
            expect(register.pupilIds.length).toBeLessThanOrEqual(
              new Set(marks.map((mark) => mark.pupilId)).size
            );
          }
        ),
        fuzzParameters()
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );
});

// Pupil ids and comments with everything CSV must quote or a spreadsheet would run, and any Unicode (lone
// surrogates included: the writer may refuse them, but what it writes must read back equal).
const awkwardTextArb = fc.string({
  unit: fc.oneof(
    fc.constantFrom(
      '"',
      ',',
      ';',
      '\n',
      '\r',
      '\r\n',
      '\t',
      '=',
      '+',
      '-',
      '@',
      "'",
      ' ',
      '\uFEFF',
      '\uFFFD',
      '\uD800'
    ),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })
  ),
  minLength: 1,
  maxLength: 12,
});
const pupilIdArb = awkwardTextArb.filter((id) => id.trim() === id && id !== '');

const markArb: fc.Arbitrary<ImportedMark> = fc
  .record(
    {
      pupilId: pupilIdArb,
      upn: pupilIdArb,
      date: isoDateArb(),
      session: fc.constantFrom('AM' as const, 'PM' as const),
      code: fc.constantFrom(...COMPACT_CODES),
      minutesLate: fc.nat({ max: 600 }),
      comment: awkwardTextArb,
    },
    { requiredKeys: ['pupilId', 'date', 'session', 'code'] }
  )
  .map((mark) => mark as ImportedMark);

const marksArb = fc.uniqueArray(markArb, {
  maxLength: 25,
  selector: (mark) => `${mark.pupilId}\u0000${mark.date}\u0000${mark.session}`,
});

function withoutLines(marks: readonly ImportedMark[]): ImportedMark[] {
  return marks.map((mark) => {
    const copy = { ...mark };
    delete copy.line;
    return copy;
  });
}

describe('register CSV: a valid register round-trips', () => {
  it(
    'toRegisterCsv then readRegisterCsv (as text, and as UTF-8 bytes through importRegisterCsv) gives the marks back',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          marksArb,
          fc.constantFrom('\r\n' as const, '\n' as const),
          fc.boolean(),
          cutsArb,
          async (marks, lineEnding, formulaSafe, cuts) => {
            const written = outcomeOf(() => toRegisterCsv(marks, { lineEnding, formulaSafe }));
            expectOnlyAttendanceErrors(written);
            if (written.threw) return;
            const text = written.value;
            // A cell that starts like a formula reads back with its guard only when the writer added one.
            const readable =
              formulaSafe ||
              marks.every((mark) =>
                [mark.pupilId, mark.upn, mark.comment].every((cell) => !/^[=+\-@\t\r']/.test(cell ?? ''))
              );
            const report = readRegisterCsv(text);
            expect(errorsAmong(report.issues)).toEqual([]);
            if (readable) expect(withoutLines(report.marks)).toEqual(marks);
            const bytes = new TextEncoder().encode(text);
            const streamed = await importRegisterCsv(sourceOf(piecesOf(bytes, cuts)));
            expect(errorsAmong(streamed.issues)).toEqual([]);
            if (readable) expect(withoutLines(streamed.marks)).toEqual(marks);
          }
        ),
        fuzzParameters()
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );

  it(
    'a mutated file decoded by the caller reads the same as its bytes read by the importer (UTF-8)',
    async () => {
      await fc.assert(
        fc.asyncProperty(mutatedBytesArb(REGISTER_CSV_SEEDS, { minMutations: 0 }), async ({ bytes }) => {
          // Only files that are valid UTF-8 and carry no U+FFFD compare: otherwise the importer rightly warns.
          const text = decodeBytes(bytes, 'utf-8');
          if (text.includes('\uFFFD') || bytes[0] === 0xff || bytes[0] === 0xfe) return;
          const options: Options = { source: 'fuzz.csv', encoding: 'utf-8' };
          const fromBytes = await importRegisterCsv(sourceOf([bytes]), options);
          expect(fromBytes).toEqual(readRegisterCsv(text, options));
        }),
        fuzzParameters(0.5)
      );
    },
    FUZZ_TEST_TIMEOUT_MS
  );
});
