import { excerpt, MAX_EXCERPT_LENGTH } from '../../../_internal/excerpt.js';
import { AttendanceError } from '../../../errors.js';
import type { AttendanceIssue, AttendanceIssueCode } from '../../../errors.js';
import { fromSpreadsheetSafe } from '../../export/_internal/spreadsheetSafe.js';
import type { ImportedMark } from '../../types.js';
import type { RegisterCsvOptions } from '../types.js';
import type { ByteEncoding } from './byteDecoder.js';
import { CsvByteScanner, FIELD_UNCLOSED } from './csvByteScanner.js';
import { describeValue } from './describeValue.js';
import { hasLoneSurrogate } from '../../_internal/loneSurrogate.js';
import { foundNames, foundNamesInMessage, missingFieldWords } from './missingFields.js';
import type { CsvRow } from './csvByteScanner.js';
import { RegisterRows } from './registerRows.js';
import type { RowLocator, SessionClaims } from './registerRows.js';
import { F_COMMENT, F_PUPIL, F_UPN, FIELDS, normaliseColumnName, REQUIRED_FIELDS } from './resolveOptions.js';
import type { ResolvedRegisterOptions } from './resolveOptions.js';

const ENCODINGS: readonly ByteEncoding[] = ['auto', 'utf-8', 'utf-16le', 'latin1'];

/** The CSV options beyond the shared ones, checked. */
export interface CsvSettings {
  /** The field delimiter. */
  readonly delimiter: string;
  /** How bytes are decoded. */
  readonly encoding: ByteEncoding;
}

function invalidCsvOption(name: string, expected: string, received: unknown): never {
  const text = describeValue(received);
  throw new AttendanceError([
    {
      code: 'invalid_value',
      severity: 'error',
      message: `Option ${name} must be ${expected}; received ${text}.`,
      path: [name],
      field: name,
      expected,
      received: text,
    },
  ]);
}

const encoder = new TextEncoder();
/** How many UTF-16 units of a text are encoded at a time for the scanner. */
const TEXT_PIECE = 1 << 16;

/** The fields a writer may prefix with a quote against CSV injection: never codes, dates, sessions or minutes. */
const FREE_TEXT_FIELDS = [F_PUPIL, F_UPN, F_COMMENT] as const;
const APOSTROPHE = 0x27;

/**
 * Reads the records of a long-format register CSV: the first non-blank record is the header, which finds each
 * field's column; every later record is a data row. The rows come from {@link CsvByteScanner}, which gives the
 * line each starts on (quoted fields that span lines included); the same scanner serves the whole text
 * ({@link CsvRegisterReader.readText}) and a stream ({@link CsvRegisterReader.createScanner}).
 */
export class CsvRegisterReader implements RowLocator {
  /** The rows read so far. */
  readonly rows: RegisterRows;
  private readonly options: ResolvedRegisterOptions;
  private readonly columns: number[] = FIELDS.map(() => -1);
  private readonly labels: string[];
  private readonly values: (string | undefined)[] = FIELDS.map(() => undefined);
  private headerLength = -1;
  private headerFailed = false;
  private dataRows = 0;
  /** The cells of the row being read, reused from row to row. */
  private readonly cells: string[] = [];

  /** Checks the CSV-only options. */
  static settings(options: RegisterCsvOptions): CsvSettings {
    const delimiter = options.delimiter ?? ',';
    if (typeof delimiter !== 'string' || delimiter.length === 0 || /["\r\n]/.test(delimiter)) {
      invalidCsvOption('delimiter', 'a non-empty string without quotes or line breaks', delimiter);
    }
    const encoding = options.encoding ?? 'auto';
    if (!ENCODINGS.includes(encoding)) invalidCsvOption('encoding', ENCODINGS.join(', '), encoding);
    return { delimiter, encoding };
  }

  constructor(
    options: ResolvedRegisterOptions,
    onMark: (mark: ImportedMark) => void,
    claims?: SessionClaims
  ) {
    this.options = options;
    this.labels = options.names.map((names, index) => names[0] ?? FIELDS[index]!);
    this.rows = new RegisterRows(options, this, onMark, claims);
  }

  /**
   * A scanner that hands every row of UTF-8 bytes to this reader: push the bytes, then end it and call
   * {@link CsvRegisterReader.finish}.
   */
  createScanner(settings: CsvSettings): CsvByteScanner {
    // The byte order mark is the decoder's to drop.
    return new CsvByteScanner(this.onRow, {
      delimiter: settings.delimiter,
      bom: false,
      maxRowBytes: this.options.maxLineBytes,
      onTooLong: this.onTooLong,
    });
  }

  /** Reads a whole text at once (a byte order mark already dropped). */
  readText(text: string, settings: CsvSettings): void {
    // Text arrives decoded, so a U+FFFD in it is the mark a wrong decoding left; one scan of the whole text
    // decides whether cells need checking at all. A lone surrogate cannot be encoded as UTF-8 and becomes a
    // U+FFFD on the way to the scanner, so it is reported the same way rather than changed in silence.
    if (text.includes('\uFFFD') || hasLoneSurrogate(text)) this.rows.checkEncoding = 'text';
    const scanner = this.createScanner(settings);
    // Encoded a piece at a time into one buffer, which the scanner may reuse as soon as it returns (it copies
    // what it keeps): a text of hundreds of megabytes, or one long line, is never held twice.
    const buffer = new Uint8Array(Math.min(text.length, TEXT_PIECE) * 3);
    for (let from = 0; from < text.length;) {
      let to = Math.min(from + TEXT_PIECE, text.length);
      // Never between the halves of a surrogate pair: each alone would be encoded as U+FFFD.
      const last = text.charCodeAt(to - 1);
      if (to < text.length && last >= 0xd800 && last <= 0xdbff) to -= 1;
      const { written } = encoder.encodeInto(text.slice(from, to), buffer);
      scanner.push(buffer.subarray(0, written));
      from = to;
    }
    scanner.end();
    this.finish();
  }

  path(row: number, field: number | undefined): (string | number)[] {
    return field === undefined ? [row] : [row, this.labels[field]!];
  }

  place(_row: number, line: number | undefined): string {
    const source = this.options.source;
    return `Line ${line ?? '?'}${source === undefined ? '' : ` of ${source}`}`;
  }

  label(field: number): string {
    return this.labels[field]!;
  }

  /** Reports an empty file; call once the scanner has ended. */
  finish(): void {
    if (this.headerLength === -1) {
      // The columns the mapping accepts go in `expected` only: a preset's alternatives would make the message long.
      const source = this.options.source;
      this.rows.issues.push({
        code: 'missing_column',
        severity: 'error',
        message: `${this.place(0, 1)}: the file is empty: it has no header row, so no column was found, looking with ${this.options.mappingName}.`,
        path: [],
        expected: `a header row naming the columns (${this.expectedColumns()})`,
        received: 'nothing',
        ...(source === undefined ? {} : { source }),
        line: 1,
      });
    }
  }

  /** A row from the scanner: its cells become strings, and the record is read. */
  private readonly onRow = (row: CsvRow): void => {
    const count = row.fieldCount;
    if ((row.flags[count - 1]! & FIELD_UNCLOSED) !== 0) {
      this.unclosedQuote(row.line);
      return;
    }
    const cells = this.cells;
    cells.length = count;
    for (let field = 0; field < count; field += 1) cells[field] = row.text(field);
    this.record(cells, row.line);
  };

  /**
   * A line longer than the `maxLineBytes` limit, skipped by the scanner without being kept: one `too_long` error,
   * for the header (the file then cannot be read) or for the data row it would have been.
   */
  readonly onTooLong = (line: number, head: Uint8Array, byteLength: number, unclosed: boolean): void => {
    const limit = this.options.maxLineBytes;
    const unclosedNote = unclosed
      ? '; a quoted field opened on it is never closed, so it runs to the end of the file'
      : '';
    const expected = `a line of at most ${limit} bytes`;
    const received = lineExcerpt(head, byteLength);
    if (this.headerLength === -1) {
      this.headerLength = 0;
      this.headerFailed = true;
      this.rows.issues.push(
        this.fileIssue(
          'too_long',
          line,
          `the header line is ${byteLength} bytes long, over the limit of ${limit} bytes${unclosedNote}, so the file cannot be read`,
          expected,
          received
        )
      );
      return;
    }
    const row = this.dataRows;
    this.dataRows += 1;
    this.rows.rejectRow(
      this.rows.issue(
        'too_long',
        'error',
        row,
        line,
        undefined,
        `the line is ${byteLength} bytes long, over the limit of ${limit} bytes${unclosedNote}, so it was skipped`,
        expected,
        received
      )
    );
  };

  /**
   * Reads one record that starts on `line`, whatever parsed it: a blank record is skipped, the first other one
   * is the header, and every later one a data row.
   *
   * @param record - The record's cells.
   * @param line - The file line the record starts on.
   */
  record(record: string[], line: number): void {
    if (isBlank(record)) return;
    if (this.headerLength === -1) {
      this.readHeader(record, line);
      return;
    }
    if (this.headerFailed) {
      this.rows.rowsRead += 1;
      this.rows.rowsRejected += 1;
      return;
    }
    const row = this.dataRows;
    this.dataRows += 1;
    const columns = this.columns;
    const values = this.values;
    if (record.length !== this.headerLength) {
      const pupilColumn = columns[F_PUPIL]!;
      const pupilCell = pupilColumn < record.length ? record[pupilColumn] : undefined;
      const pupilId = pupilCell === undefined ? undefined : fromSpreadsheetSafe(pupilCell).trim();
      this.rows.rejectRow(
        this.rows.issue(
          'malformed_input',
          'error',
          row,
          line,
          undefined,
          `the row has ${record.length} field${record.length === 1 ? '' : 's'} but the header has ${this.headerLength}, so its cells cannot be matched to columns`,
          `${this.headerLength} fields, as in the header`,
          `${record.length} field${record.length === 1 ? '' : 's'}`,
          { pupilId }
        )
      );
      return;
    }
    for (let field = 0; field < values.length; field += 1) {
      const column = columns[field]!;
      values[field] = column === -1 ? undefined : record[column];
    }
    // Free text may carry the quote that keeps a spreadsheet from running it as a formula (see toRegisterCsv).
    for (const field of FREE_TEXT_FIELDS) {
      const value = values[field];
      if (value?.charCodeAt(0) === APOSTROPHE) values[field] = fromSpreadsheetSafe(value);
    }
    this.rows.read(row, line, line, values);
  }

  /**
   * The column of each field of `FIELDS` (-1 when the file has none), once the header is read.
   *
   * @returns The columns.
   */
  get fieldColumns(): readonly number[] {
    return this.columns;
  }

  /**
   * The number of cells in the header, -1 before it is read, and whether it failed (then no row is used).
   *
   * @returns The header's length and state.
   */
  get header(): { readonly length: number; readonly failed: boolean } {
    return { length: this.headerLength, failed: this.headerFailed };
  }

  /** The number of data rows read so far (rows after the header, used or rejected, blank ones not counted). */
  get dataRowCount(): number {
    return this.dataRows;
  }

  /**
   * Takes the next data row's number: for a row that a caller reads itself, fast, with the rows' checks.
   *
   * @returns The row's 0-based number among the data rows.
   */
  nextDataRow(): number {
    const row = this.dataRows;
    this.dataRows += 1;
    return row;
  }

  /**
   * Reports a record that could not be read because a quoted field opened on `line` is never closed.
   *
   * @param line - The line the record starts on.
   */
  unclosedQuote(line: number): void {
    this.skippedRecord(line);
  }

  private skippedRecord(line: number): void {
    const detail =
      'a quoted field opened on this line is never closed, so the rest of the file could not be read';
    const expected = 'a CSV row whose quoted fields are closed';
    if (this.headerLength === -1) {
      this.headerLength = 0;
      this.headerFailed = true;
      this.rows.issues.push(this.fileIssue('malformed_input', line, detail, expected, undefined));
      return;
    }
    const row = this.dataRows;
    this.dataRows += 1;
    this.rows.rejectRow(
      this.rows.issue('malformed_input', 'error', row, line, undefined, detail, expected, undefined)
    );
  }

  private readHeader(record: readonly string[], line: number): void {
    this.headerLength = record.length;
    const byName = new Map<string, number>();
    record.forEach((cell, index) => {
      const name = normaliseColumnName(cell);
      if (!byName.has(name)) byName.set(name, index);
    });
    const taken = new Set<number>();
    this.options.names.forEach((names, field) => {
      for (const name of names) {
        const column = byName.get(normaliseColumnName(name));
        if (column !== undefined && !taken.has(column)) {
          this.columns[field] = column;
          // The column's name as the file writes it, for messages; a name padded beyond reason is not quoted.
          const label = record[column]!.trim();
          this.labels[field] = label.length <= MAX_EXCERPT_LENGTH ? label : name;
          taken.add(column);
          return;
        }
      }
    });
    const missing = REQUIRED_FIELDS.filter((field) => this.columns[field] === -1);
    if (missing.length === 0) return;
    this.headerFailed = true;
    const columns = record.map((cell) => cell.trim()).join(', ');
    const hint =
      record.length === 1 && /[;\t|]/.test(record[0]!)
        ? '; the file may use another delimiter (see the delimiter option)'
        : '';
    // The message names what is missing and which mapping looked; the names each field may have go in
    // `expected` (a preset's alternatives run to hundreds of characters), the header as found in `received`.
    const expected = `columns ${this.expectedColumns()}`;
    const source = this.options.source;
    this.rows.issues.push({
      code: 'missing_column',
      severity: 'error',
      message: `${this.place(0, line)}: the header has no column for ${missingFieldWords(missing)}, looking with ${this.options.mappingName}; the columns found are ${foundNamesInMessage(columns)}${hint}.`,
      path: [],
      expected,
      received: foundNames(columns),
      ...(source === undefined ? {} : { source }),
      line,
      field: this.options.names[missing[0]!]![0]!,
    });
  }

  private expectedColumns(): string {
    return REQUIRED_FIELDS.map((field) => this.options.names[field]!.join(' or ')).join(', ');
  }

  private fileIssue(
    code: AttendanceIssueCode,
    line: number,
    detail: string,
    expected: string,
    received: string | undefined
  ): AttendanceIssue {
    const source = this.options.source;
    return {
      code,
      severity: 'error',
      message: `${this.place(0, line)}: ${detail}; expected ${expected}.`,
      path: [],
      expected,
      ...(received === undefined ? {} : { received }),
      ...(source === undefined ? {} : { source }),
      line,
    };
  }
}

/**
 * What a too-long line is shown as: its first characters (at most {@link MAX_EXCERPT_LENGTH}) and its length.
 *
 * @param head - The line's first bytes, which may end inside a character.
 * @param byteLength - The line's length in bytes.
 */
function lineExcerpt(head: Uint8Array, byteLength: number): string {
  // A fresh streaming decode drops a character cut off at the end of the head instead of showing U+FFFD.
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(head, { stream: true });
  let end = Math.min(text.length, MAX_EXCERPT_LENGTH);
  const last = text.charCodeAt(end - 1);
  if (end < text.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
  const shortened = end < text.length || head.length < byteLength;
  return `${excerpt(text.slice(0, end))}${shortened ? '…' : ''} (${byteLength} bytes)`;
}

/** A record whose every cell is empty or white space (e.g. a line of spaces or of bare commas). */
function isBlank(record: readonly string[]): boolean {
  const first = record[0];
  if (first !== undefined && first.length > 0 && first.charCodeAt(0) > 32) return false;
  return record.every((cell) => cell.trim() === '');
}
