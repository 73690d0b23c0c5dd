import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { AttendanceError, COMPACT_CODES } from '../../../src/index.js';
import {
  importRegisterCsv,
  parseRegisterCsv,
  parseRegisterJson,
  readRegisterCsv,
  readRegisterJson,
  REGISTER_COLUMN_PRESETS,
  safeParseRegisterCsv,
  safeParseRegisterJson,
  toRegisterCsv,
} from '../../../src/io/index.js';
import type {
  ImportedMark,
  RegisterColumnPresetName,
  RegisterCsvOptions,
  RegisterImportReport,
} from '../../../src/io/index.js';
import { isoDateArb } from '../../_arbitraries/isoDate.js';
import { cutAt, withoutLine } from './fixtures.js';

const PRESETS = Object.keys(REGISTER_COLUMN_PRESETS) as RegisterColumnPresetName[];

/** Text that reads back unchanged after trimming: non-empty, no white space at either end. */
const trimmedTextArb = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
  .filter((text) => text.trim() === text && text !== '');

/** Comments full of what CSV must quote: quotes, commas, CR, LF, CRLF, plus any Unicode. */
const commentArb = fc.string({
  unit: fc.oneof(
    fc.constantFrom('"', ',', '\n', '\r', '\r\n', ' ', ';', 'é', '😀', '\u00a0'),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 })
  ),
  minLength: 1,
  maxLength: 20,
});

const markArb: fc.Arbitrary<ImportedMark> = fc
  .record(
    {
      pupilId: trimmedTextArb,
      upn: trimmedTextArb,
      date: isoDateArb(),
      session: fc.constantFrom('AM' as const, 'PM' as const),
      code: fc.constantFrom(...COMPACT_CODES),
      minutesLate: fc.nat({ max: 600 }),
      comment: commentArb,
    },
    { requiredKeys: ['pupilId', 'date', 'session', 'code'] }
  )
  .map((mark) => mark as ImportedMark);

const marksArb = fc.uniqueArray(markArb, {
  maxLength: 30,
  selector: (mark) => `${mark.pupilId}\u0000${mark.date}\u0000${mark.session}`,
});

function withoutLines(marks: readonly ImportedMark[]): ImportedMark[] {
  return marks.map(withoutLine);
}

function expectBalanced(report: RegisterImportReport): void {
  expect(report.rowsRead).toBe(report.rowsUsed + report.rowsRejected);
  expect(report.marks.length).toBeLessThanOrEqual(report.rowsUsed);
}

/** Register-shaped text: headers, dates, codes and CSV's awkward characters, in any order. */
const csvishArb = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'pupil_id,date,session,code,minutes_late,comment\n',
        'student_id,session_date,session_name,attendance_mark\r\n',
        'PersonID,AttendanceDate,SessionName,AttendanceMark,MinsLate\n',
        'P1,2025-09-02,AM,/,,\n',
        'P1,02/09/2025,PM,L,5,"late, ""bus"""\n',
        'P2,31/02/2025,Morning,Q9,-1,x\r\n',
        'P2,2025-09-02 00:00:00.000000,a.m.,C1,,\n',
        ',,,,,\n',
        '\n',
        '\r\n',
        '\r',
        '"',
        '""',
        ',',
        ';',
        '\t',
        ' ',
        'é',
        '😀',
        '\uFEFF',
        '\uFFFD'
      ),
      fc.string({ maxLength: 8 })
    ),
    { maxLength: 40 }
  )
  .map((parts) => parts.join(''));

const csvOptionsArb: fc.Arbitrary<RegisterCsvOptions> = fc.record(
  {
    mapping: fc.constantFrom(...PRESETS),
    dateFormat: fc.constantFrom('auto' as const, 'iso' as const, 'dmy' as const),
    delimiter: fc.constantFrom(',', ';', '\t'),
    source: fc.constant('x.csv'),
    codeList: fc.constant({ '9': 'Y1', '1': '/' }),
  },
  { requiredKeys: [] }
);

describe('long format: export then import', () => {
  test.prop([marksArb, fc.constantFrom('\r\n' as const, '\n' as const)])(
    'toRegisterCsv then parseRegisterCsv gives the same marks',
    (marks, lineEnding) => {
      const result = parseRegisterCsv(toRegisterCsv(marks, { lineEnding }));
      expect(withoutLines(result.marks)).toEqual(marks);
      expect(result).toMatchObject({ rowsRead: marks.length, rowsUsed: marks.length, rowsRejected: 0 });
    }
  );

  test.prop([marksArb, fc.constantFrom('\r\n' as const, '\n' as const)])(
    'each mark read back names the line its row starts on',
    (marks, lineEnding) => {
      const breaks = (text: string | undefined): number => text?.match(/\r\n|\r|\n/g)?.length ?? 0;
      let line = 2;
      const expected = marks.map((mark) => {
        const start = line;
        line += 1 + breaks(mark.pupilId) + breaks(mark.upn) + breaks(mark.comment);
        return start;
      });
      const result = parseRegisterCsv(toRegisterCsv(marks, { lineEnding }));
      expect(result.marks.map((mark) => mark.line)).toEqual(expected);
    }
  );
});

describe('long format: garbage in, issues out', () => {
  test.prop([fc.oneof(csvishArb, fc.string({ unit: 'binary', maxLength: 200 })), csvOptionsArb])(
    'CSV text: never throws anything but AttendanceError, safeParse never throws, every row accounted for',
    (text, options) => {
      const report = readRegisterCsv(text, options);
      expectBalanced(report);
      expect(report.issues.every((issue) => issue.source === options.source)).toBe(true);
      expect(() => safeParseRegisterCsv(text, options)).not.toThrow();
      try {
        parseRegisterCsv(text, options);
      } catch (error) {
        expect(error).toBeInstanceOf(AttendanceError);
      }
    }
  );

  test.prop([fc.oneof(fc.jsonValue(), fc.anything()), fc.constantFrom(...PRESETS)])(
    'JSON values: never throw anything but AttendanceError, every record accounted for',
    (value, mapping) => {
      for (const input of [value, { data: [value] }, [value, value]]) {
        expectBalanced(readRegisterJson(input, { mapping }));
        expect(() => safeParseRegisterJson(input, { mapping })).not.toThrow();
        try {
          parseRegisterJson(input, { mapping });
        } catch (error) {
          expect(error).toBeInstanceOf(AttendanceError);
        }
      }
    }
  );

  test.prop([
    fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      csvishArb.map((text) => new TextEncoder().encode(text))
    ),
    fc.array(fc.nat({ max: 300 }), { maxLength: 6 }),
    fc.constantFrom('auto' as const, 'utf-8' as const, 'utf-16le' as const, 'latin1' as const),
    fc.constantFrom(...PRESETS),
  ])(
    'random bytes through importRegisterCsv: no error but AttendanceError, every row accounted for',
    async (bytes, cuts, encoding, mapping) => {
      try {
        expectBalanced(await importRegisterCsv(cutAt(bytes, cuts), { encoding, mapping }));
      } catch (error) {
        expect(error).toBeInstanceOf(AttendanceError);
      }
    }
  );
});

describe('long format: streaming', () => {
  test.prop([csvishArb, fc.array(fc.nat({ max: 400 }), { maxLength: 8 }), csvOptionsArb])(
    'chunks cut anywhere, even inside a character, give the same report as reading the whole text',
    async (text, cuts, options) => {
      const bytes = new TextEncoder().encode(text);
      const streamed = await importRegisterCsv(cutAt(bytes, cuts), options);
      // The whole text, as its bytes decode (a lone surrogate becomes U+FFFD either way).
      expect(streamed).toEqual(readRegisterCsv(new TextDecoder().decode(bytes), options));
    }
  );
});
