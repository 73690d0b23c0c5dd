/**
 * Correctness checks run before timing:
 *
 * 1. A small tricky register (byte order mark, quoted fields with `""`, delimiters and line breaks inside
 *    quotes, blank lines, a line of bare delimiters, a rejected row, multi-byte UTF-8, no line break at the
 *    end), read by every candidate with chunks of 1, 2, 3, 5, 7, 16, 64 bytes and 1 MiB, and compared with the
 *    expected rows and lines. Variants: CRLF with `,`, with and without the blank lines; mixed CRLF/LF/CR
 *    line endings with `;`.
 * 2. The byte scanner alone: its options and flags on small cases, the tricky file cut in two at every byte
 *    (as the worker split does), and randomly generated CSV cut into random chunks (the generator knows the
 *    records and the line each starts on).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CsvByteScanner,
  CsvRowTooLongError,
  FIELD_ESCAPED,
  FIELD_MALFORMED,
  FIELD_QUOTED,
  FIELD_UNCLOSED,
} from '../../src/io/long/_internal/csvByteScanner.js';
import type { CsvByteScannerOptions, CsvRow } from '../../src/io/long/_internal/csvByteScanner.js';
import { CANDIDATES, importWith } from './candidates.js';
import type { Candidate } from './candidates.js';
import { forEachRow } from './register.js';
import type { ColumnarRegister } from './register.js';

type Expected = readonly [
  pupil: string,
  date: string,
  session: string,
  code: string,
  minutes: string,
  comment: string,
];

/**
 * The tricky register, one record per entry with the row it should give (`rejected` for a row that must be
 * rejected, nothing for the header and blank lines). In the text `¦` is the delimiter and `⏎` a line break,
 * replaced per variant; in the expected comments a line break is `\n`.
 */
const TRICKY: readonly (readonly [text: string, expected?: Expected | 'rejected'])[] = [
  ['\uFEFFpupil_id¦date¦session¦code¦minutes_late¦comment⏎'],
  ['P0001¦2024-09-02¦AM¦/¦¦⏎', ['P0001', '2024-09-02', 'AM', '/', '', '']],
  [
    'P0001¦2024-09-02¦PM¦L¦12¦"late¦ bus ""delayed"""⏎',
    ['P0001', '2024-09-02', 'PM', 'L', '12', 'late¦ bus "delayed"'],
  ],
  ['⏎'],
  [
    'P0002¦2024-09-02¦AM¦I¦¦"ill⏎sent home⏎at noon"⏎',
    ['P0002', '2024-09-02', 'AM', 'I', '', 'ill\nsent home\nat noon'],
  ],
  ['P0002¦"2024-09-02"¦PM¦"I"¦¦""⏎', ['P0002', '2024-09-02', 'PM', 'I', '', '']],
  ['¦¦¦¦¦⏎'],
  [
    '"P0003"¦2024-09-03¦AM¦O¦¦"a ""quoted"" word¦ a comma, ⏎and a line"⏎',
    ['P0003', '2024-09-03', 'AM', 'O', '', 'a "quoted" word¦ a comma, \nand a line'],
  ],
  ['P0003¦2024-09-03¦XX¦O¦¦bad session⏎', 'rejected'],
  ['P0001¦2024-09-03¦AM¦/¦¦café ünïcode € 😀⏎', ['P0001', '2024-09-03', 'AM', '/', '', 'café ünïcode € 😀']],
  ['⏎'],
  ['⏎'],
  ['P0004¦2024-09-04¦PM¦#¦¦""""⏎', ['P0004', '2024-09-04', 'PM', '#', '', '"']],
  [
    'P0004¦2024-09-05¦AM¦C1¦¦"ends with a quote"""⏎',
    ['P0004', '2024-09-05', 'AM', 'C1', '', 'ends with a quote"'],
  ],
  [
    'P"0"05¦2024-09-05¦AM¦/¦¦stray quote kept as text⏎',
    ['P"0"05', '2024-09-05', 'AM', '/', '', 'stray quote kept as text'],
  ],
  [
    'P0004¦2024-09-05¦PM¦/¦5¦no line break at the end',
    ['P0004', '2024-09-05', 'PM', '/', '5', 'no line break at the end'],
  ],
];

interface Variant {
  readonly name: string;
  readonly delimiter: string;
  readonly breaks: readonly string[];
  /** Keep the blank lines (and the line of bare delimiters). */
  readonly blankLines: boolean;
}

const VARIANTS: readonly Variant[] = [
  { name: 'CRLF, comma, blank lines', delimiter: ',', breaks: ['\r\n'], blankLines: true },
  { name: 'CRLF, comma, no blank lines', delimiter: ',', breaks: ['\r\n'], blankLines: false },
  { name: 'mixed CRLF/LF/CR, semicolon', delimiter: ';', breaks: ['\n', '\r\n', '\r'], blankLines: true },
];
const CHUNK_SIZES = [1, 2, 3, 5, 7, 16, 64, 1 << 20];

interface TrickyFile {
  readonly text: string;
  /** One line per expected row: `line | pupil | date | session | code | minutes | comment`. */
  readonly rows: readonly string[];
  readonly rejected: readonly number[];
}

function trickyFile(variant: Variant): TrickyFile {
  let next = 0;
  let text = '';
  let line = 1;
  const rows: string[] = [];
  const rejected: number[] = [];
  for (const [template, expected] of TRICKY) {
    if (expected === undefined && line > 1 && !variant.blankLines) continue;
    if (expected === 'rejected') rejected.push(line);
    else if (expected !== undefined)
      rows.push([line, ...expected].join(' | ').replaceAll('¦', variant.delimiter));
    for (const piece of template.replaceAll('¦', variant.delimiter).split(/(⏎)/)) {
      if (piece !== '⏎') {
        text += piece;
        continue;
      }
      // Cycle through the variant's line breaks, never writing an LF right after a CR (that would be a CRLF).
      let lineBreak = variant.breaks[next % variant.breaks.length]!;
      next += 1;
      if (lineBreak === '\n' && text.endsWith('\r')) {
        lineBreak = variant.breaks[next % variant.breaks.length]!;
        next += 1;
      }
      text += lineBreak;
      line += 1;
    }
  }
  return { text, rows, rejected };
}

/** The first difference between a register and the expected rows, or undefined. */
function trickyProblem(register: ColumnarRegister, expected: TrickyFile): string | undefined {
  const got: string[] = [];
  forEachRow(register, (segment, index, row) => {
    got.push(
      [
        segment.line[index],
        register.pupilIds[segment.pupil[index]!],
        register.dates[segment.date[index]!],
        (segment.session[index >> 3]! & (1 << (index & 7))) === 0 ? 'AM' : 'PM',
        register.codes[segment.code[index]!],
        register.minutesLate?.[row],
        register.comments?.[row]?.replaceAll(/\r\n?/g, '\n'),
      ].join(' | ')
    );
  });
  const { rows } = expected;
  for (let row = 0; row < Math.max(rows.length, got.length); row += 1) {
    if (rows[row] !== got[row]) {
      return `row ${row + 1}: expected ${JSON.stringify(rows[row])}, got ${JSON.stringify(got[row])}`;
    }
  }
  if (register.headerLine !== 1) return `header on line ${register.headerLine}`;
  if (register.rejectedLines.join() !== expected.rejected.join()) {
    return `rejected lines ${register.rejectedLines.join()}, expected ${expected.rejected.join()}`;
  }
  return undefined;
}

/** Per candidate and variant: 'ok', or the first problem (with the chunk size it appeared at). */
export async function checkTrickyFiles(): Promise<Map<Candidate, Map<string, string>>> {
  const folder = mkdtempSync(join(tmpdir(), 'school-attendance-csv-check-'));
  const outcomes = new Map<Candidate, Map<string, string>>(
    CANDIDATES.map((candidate) => [candidate, new Map()])
  );
  try {
    for (const variant of VARIANTS) {
      const file = join(folder, `${variant.name.replaceAll(/\W+/g, '-')}.csv`);
      const tricky = trickyFile(variant);
      writeFileSync(file, tricky.text);
      for (const candidate of CANDIDATES) {
        const failing: number[] = [];
        let firstProblem = '';
        for (const chunkBytes of CHUNK_SIZES) {
          let problem: string | undefined;
          try {
            const { register } = await importWith(candidate, file, {
              chunkBytes,
              delimiter: variant.delimiter,
              collectText: true,
            });
            problem = trickyProblem(register, tricky);
          } catch (error) {
            problem = `threw ${error instanceof Error ? error.message : String(error)}`;
          }
          if (problem !== undefined) {
            failing.push(chunkBytes);
            if (failing.length === 1 || chunkBytes === 1 << 20) firstProblem = problem;
          }
        }
        const outcome =
          failing.length === 0
            ? 'ok'
            : `fails with ${failing.map((size) => (size === 1 << 20 ? '1 MiB' : `${size} B`)).join(', ')} chunks: ${firstProblem}`;
        outcomes.get(candidate)!.set(variant.name, outcome);
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  return outcomes;
}

/** mulberry32: a small seeded generator, so that a failing case can be reproduced. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'a',
  'b',
  'P0001',
  '2024-09-02',
  ';',
  ',',
  '"',
  '""',
  ' ',
  '\n',
  '\r\n',
  '\r',
  'é',
  '€',
  '😀',
];

/**
 * Random CSV through the byte scanner in random chunks: the records (as text) and the line each starts on
 * must be the ones generated. Returns the number of cases, or throws on the first difference.
 */
export function checkScannerAgainstRandomCsv(cases = 3000): number {
  const encoder = new TextEncoder();
  for (let seed = 1; seed <= cases; seed += 1) {
    const next = random(seed);
    const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)]!;
    const delimiter = pick([',', ';', '\t']);
    const expected: string[] = [];
    let text = next() < 0.3 ? '\uFEFF' : '';
    let line = 1;
    const rowCount = 1 + Math.floor(next() * 8);
    for (let row = 0; row < rowCount; row += 1) {
      // A line break; an LF right after a CR would join it, so a CRLF is written instead.
      const lineBreak = (): string => {
        const chosen = pick(['\n', '\r\n', '\r']);
        return chosen === '\n' && text.endsWith('\r') ? '\r\n' : chosen;
      };
      while (next() < 0.15) {
        // Empty lines: skipped, but counted.
        text += lineBreak();
        line += 1;
      }
      const fields: string[] = [];
      const fieldCount = 1 + Math.floor(next() * 4);
      let encoded = '';
      let breaks = 0;
      for (let field = 0; field < fieldCount; field += 1) {
        let value = '';
        const length = Math.floor(next() * 4);
        for (let piece = 0; piece < length; piece += 1) value += pick(PIECES);
        const needsQuotes = /[",;\t\r\n]/.test(value) || value.length === 0 || next() < 0.2;
        const quoted = needsQuotes && (value.length > 0 || fieldCount === 1 || next() < 0.5);
        if (!quoted && value.length === 0 && fieldCount === 1) continue;
        fields.push(value);
        if (quoted) {
          encoded += `"${value.replaceAll('"', '""')}"`;
          breaks += value.match(/\r\n|\r|\n/g)?.length ?? 0;
        } else {
          encoded += value;
        }
        if (field < fieldCount - 1) encoded += delimiter;
      }
      if (encoded.length === 0) continue;
      expected.push(`${line}:${fields.join('|')}`);
      text += encoded;
      line += breaks;
      const last = row === rowCount - 1 && next() < 0.5;
      if (!last) {
        text += lineBreak();
        line += 1;
      }
    }
    const bytes = encoder.encode(text);
    const got: string[] = [];
    const scanner = new CsvByteScanner(
      (row) => {
        const fields = Array.from({ length: row.fieldCount }, (_, field) => row.text(field));
        got.push(`${row.line}:${fields.join('|')}`);
      },
      { delimiter }
    );
    for (let at = 0; at < bytes.length;) {
      const size = 1 + Math.floor(next() * (next() < 0.5 ? 4 : 40));
      scanner.push(bytes.subarray(at, at + size));
      at += size;
    }
    scanner.end();
    if (got.join('\n') !== expected.join('\n')) {
      throw new Error(
        `Random case ${seed}: ${JSON.stringify(text)}\nexpected ${JSON.stringify(expected)}\ngot      ${JSON.stringify(got)}`
      );
    }
  }
  return cases;
}

/** A row as `line-endLine:field|field…`, each field followed by `/flags` when it has any. */
function rowText(row: CsvRow): string {
  const fields = Array.from(
    { length: row.fieldCount },
    (_, field) => row.text(field) + (row.flags[field] === 0 ? '' : `/${row.flags[field]}`)
  );
  return `${row.line}-${row.endLine}:${fields.join('|')}`;
}

/** Every row of `text` (see {@link rowText}), fed to the scanner in chunks of `chunkBytes`. */
function scanAll(text: string | Uint8Array, options: CsvByteScannerOptions = {}, chunkBytes = 3): string[] {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const rows: string[] = [];
  const scanner = new CsvByteScanner((row) => rows.push(rowText(row)), options);
  for (let at = 0; at < bytes.length; at += chunkBytes) scanner.push(bytes.subarray(at, at + chunkBytes));
  scanner.end();
  return rows;
}

/**
 * The byte scanner's options and flags on small cases, and the tricky file cut in two at every byte: where
 * the first part ends between rows, the two parts scanned apart (the second from the first's line) give the
 * rows of the whole. Returns the number of checks, or throws on the first failure.
 */
export function checkScannerEdgeCases(): number {
  const cases: [string, CsvByteScannerOptions, string[]][] = [
    ['a,"b""c"\n', {}, [`1-1:a|b"c/${FIELD_QUOTED | FIELD_ESCAPED}`]],
    ['a,"bc"d,e\n', {}, [`1-1:a|"bc"d/${FIELD_MALFORMED}|e`]],
    ['a,"b\nc', {}, [`1-2:a|b\nc/${FIELD_QUOTED | FIELD_UNCLOSED}`]],
    ['a,b,\n,\n', {}, ['1-1:a|b|', '2-2:|']],
    ['a\n\r\n\rb', {}, ['1-1:a', '4-4:b']],
    ['a\n\r\n\rb', { skipEmptyLines: false }, ['1-1:a', '2-2:', '3-3:', '4-4:b']],
    ['a;b\n"x;y";z', { delimiter: ';', startLine: 10 }, ['10-10:a|b', `11-11:x;y/${FIELD_QUOTED}|z`]],
    ['\uFEFFa\n', { bom: false }, ['1-1:\uFEFFa']],
    ['\uFEFFa\n', {}, ['1-1:a']],
    ['\u00EFa\n', {}, ['1-1:\u00EFa']],
  ];
  let checks = 0;
  for (const [text, options, expected] of cases) {
    for (const chunkBytes of [1, 2, 3, 64]) {
      const got = scanAll(text, options, chunkBytes);
      if (got.join('\n') !== expected.join('\n')) {
        throw new Error(
          `Scanning ${JSON.stringify(text)}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(got)}`
        );
      }
      checks += 1;
    }
  }
  let threw = false;
  try {
    scanAll(`a,"${'x'.repeat(100)}`, { maxRowBytes: 50 }, 8);
  } catch (error) {
    threw = error instanceof CsvRowTooLongError && error.line === 1;
  }
  if (!threw) throw new Error('A row longer than maxRowBytes was not stopped.');
  checks += 1;

  for (const variant of VARIANTS) {
    const bytes = new TextEncoder().encode(trickyFile(variant).text);
    const options = { delimiter: variant.delimiter, skipEmptyLines: false };
    const whole = scanAll(bytes, options, 1 << 20);
    for (let cut = 0; cut <= bytes.length; cut += 1) {
      const first: string[] = [];
      const scanner = new CsvByteScanner((row) => first.push(rowText(row)), options);
      scanner.push(bytes.subarray(0, cut));
      // A cut between the CR and LF of a CRLF is not a cut between rows (see atRowBoundary).
      if (!scanner.atRowBoundary || (bytes[cut - 1] === 13 && bytes[cut] === 10)) continue;
      scanner.end();
      const second = scanAll(bytes.subarray(cut), { ...options, bom: cut === 0, startLine: scanner.line }, 5);
      if ([...first, ...second].join('\n') !== whole.join('\n')) {
        throw new Error(`The ${variant.name} file cut at byte ${cut} does not give the rows of the whole.`);
      }
      checks += 1;
    }
  }
  return checks;
}
