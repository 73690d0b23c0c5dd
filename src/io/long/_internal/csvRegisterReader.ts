import { Buffer } from 'node:buffer';
import { CsvError, Parser } from 'csv-parse';
import type { Info } from 'csv-parse';
import { AttendanceError } from '../../../errors.js';
import type { AttendanceIssue, AttendanceIssueCode } from '../../../errors.js';
import type { ImportedMark } from '../../types.js';
import type { RegisterCsvOptions } from '../types.js';
import type { ByteEncoding } from './byteDecoder.js';
import { RegisterRows } from './registerRows.js';
import type { RowLocator, SessionClaims } from './registerRows.js';
import { F_PUPIL, FIELDS, normaliseColumnName, REQUIRED_FIELDS } from './resolveOptions.js';
import type { ResolvedRegisterOptions } from './resolveOptions.js';

const FIELD_WORDS = ['pupil id', 'UPN', 'date', 'session', 'code', 'minutes late', 'comment'] as const;
const ENCODINGS: readonly ByteEncoding[] = ['auto', 'utf-8', 'utf-16le', 'latin1'];

/** The CSV options beyond the shared ones, checked. */
export interface CsvSettings {
  /** The field delimiter. */
  readonly delimiter: string;
  /** How bytes are decoded. */
  readonly encoding: ByteEncoding;
}

function invalidCsvOption(name: string, expected: string, received: unknown): never {
  const text = typeof received === 'string' ? JSON.stringify(received) : String(received);
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

/**
 * csv-parse's streaming parser, with each record handed to `onRecord` the moment it is parsed, together with the
 * parser's live line counts, instead of being queued as a stream object. This keeps the per-record cost to the
 * record itself: asking csv-parse for line numbers per record (`info` or `on_record`) builds two objects per
 * record, which doubled the time of a large import.
 */
class RecordParser extends Parser {
  private readonly onRecord: (record: string[], info: Info) => void;

  constructor(
    options: ConstructorParameters<typeof Parser>[0],
    onRecord: (record: string[], info: Info) => void
  ) {
    super(options);
    this.onRecord = onRecord;
  }

  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (chunk === null) return super.push(null, encoding);
    this.onRecord(chunk as string[], this.info);
    return true;
  }
}

/**
 * Reads the records of a long-format register CSV as csv-parse parses them: the first non-blank record is the
 * header, which finds each field's column; every later record is a data row. The same parser serves the whole
 * text ({@link CsvRegisterReader.readText}) and a stream ({@link CsvRegisterReader.createParser}).
 *
 * Lines: csv-parse counts the line a record ends on and the empty lines it skipped, so a record starts one line
 * after the previous one ended, plus the empty lines skipped between them. This stays right for quoted fields
 * that span lines.
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
  /** The file line the previous record ended on. */
  private previousEnd = 0;
  /** csv-parse's own count for that line (see `onRecord`). */
  private previousParserEnd = 0;
  private previousEmpty = 0;
  private dataRows = 0;

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

  /** A csv-parse streaming parser that hands every record, and every record it skips, to this reader. */
  createParser(settings: CsvSettings): Parser {
    return new RecordParser(
      {
        delimiter: settings.delimiter,
        bom: false,
        // A stray quote inside a field is kept as text rather than failing the rest of the file.
        relax_quotes: true,
        // Ragged rows are reported by this reader, with their line.
        relax_column_count: true,
        skip_empty_lines: true,
        skip_records_with_error: true,
        // Files that mix line endings (e.g. rows appended by another tool) still split into lines.
        record_delimiter: ['\r\n', '\n', '\r'],
        on_skip: this.onSkip,
      },
      this.onRecord
    );
  }

  /**
   * Reads a whole text at once. The parser's transform and flush steps run synchronously (csv-parse's own sync
   * API is built on the same steps), so they are called directly rather than through the stream machinery,
   * whose end-of-input step would wait for the next tick.
   */
  readText(text: string, settings: CsvSettings): void {
    // Text arrives decoded, so a U+FFFD in it is the mark a wrong decoding left; one scan of the whole text
    // decides whether cells need checking at all.
    if (text.includes('\uFFFD')) this.rows.checkEncoding = 'text';
    const parser = this.createParser(settings);
    let failure: Error | null | undefined;
    const done = (error?: Error | null): void => {
      failure ??= error;
    };
    parser._transform(Buffer.from(text, 'utf8'), 'utf8', done);
    if (failure == null) parser._flush(done);
    if (failure != null) {
      if (!(failure instanceof CsvError)) throw failure;
      this.parserFailed(failure);
    }
    this.finish();
  }

  /** Reports an error that stopped csv-parse (none is expected with these options: errors skip records). */
  parserFailed(error: CsvError): void {
    const { source } = this.options;
    this.rows.issues.push({
      code: 'malformed_input',
      severity: 'error',
      message: `${source ?? 'The file'} could not be read to the end as CSV: ${error.message}.`,
      path: [],
      ...(source === undefined ? {} : { source }),
    });
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

  /** Reports an empty file; call once the parser has finished. */
  finish(): void {
    if (this.headerLength === -1) {
      this.rows.issues.push(
        this.fileIssue(
          'missing_column',
          1,
          'the file is empty: it has no header row',
          `a header row naming the columns (${this.expectedColumns()})`,
          'nothing'
        )
      );
    }
  }

  private readonly onRecord = (record: string[], info: Info): void => {
    const skipped = info.empty_lines - this.previousEmpty;
    const line = this.previousEnd + 1 + skipped;
    // csv-parse counts a CRLF inside a quoted field as two lines, so its count is trusted only for records on
    // one line; a record it sees spanning several has its line breaks counted here instead (rare, so cheap).
    const parserSpan = info.lines - this.previousParserEnd - skipped;
    this.previousEnd = parserSpan <= 1 ? line : line + lineBreaksIn(record);
    this.previousParserEnd = info.lines;
    this.previousEmpty = info.empty_lines;
    this.record(record, line);
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
      const pupilId = pupilColumn < record.length ? record[pupilColumn]?.trim() : undefined;
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
    this.skippedRecord(line, 'CSV_QUOTE_NOT_CLOSED', undefined);
  }

  private readonly onSkip = (error: CsvError | undefined): undefined => {
    const lines = typeof error?.['lines'] === 'number' ? error['lines'] : this.previousParserEnd + 1;
    const emptyLines = typeof error?.['empty_lines'] === 'number' ? error['empty_lines'] : this.previousEmpty;
    const line = this.previousEnd + 1 + (emptyLines - this.previousEmpty);
    this.previousEnd =
      line + Math.max(0, lines - this.previousParserEnd - (emptyLines - this.previousEmpty) - 1);
    this.previousParserEnd = lines;
    this.previousEmpty = emptyLines;
    this.skippedRecord(line, error?.code, error?.message);
    return undefined;
  };

  private skippedRecord(line: number, errorCode: string | undefined, errorMessage: string | undefined): void {
    // The only error csv-parse reports with these options is a quote still open when the input ends.
    const detail =
      errorCode === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted field opened on this line is never closed, so the rest of the file could not be read'
        : `the row could not be read as CSV (${errorMessage ?? 'unknown problem'})`;
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
          this.labels[field] = record[column]!.trim();
          taken.add(column);
          return;
        }
      }
    });
    const missing = REQUIRED_FIELDS.filter((field) => this.columns[field] === -1);
    if (missing.length === 0) return;
    this.headerFailed = true;
    const wanted = missing
      .map((field) => `the ${FIELD_WORDS[field]!} (${this.options.names[field]!.join(' or ')})`)
      .join(', ');
    const found = record.map((cell) => cell.trim()).join(', ');
    const hint =
      record.length === 1 && /[;\t|]/.test(record[0]!)
        ? '; the file may use another delimiter (see the delimiter option)'
        : '';
    this.rows.issues.push({
      ...this.fileIssue(
        'missing_column',
        line,
        `the header has no column for ${wanted}, looking with ${this.options.mappingName}; the columns found are ${found}${hint}`,
        `columns ${this.expectedColumns()}`,
        found
      ),
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

/** The line breaks inside a record's cells, a CRLF counting as one. */
function lineBreaksIn(record: readonly string[]): number {
  let breaks = 0;
  for (const cell of record) {
    for (let index = 0; index < cell.length; index += 1) {
      const code = cell.charCodeAt(index);
      if (code === 10 || (code === 13 && cell.charCodeAt(index + 1) !== 10)) breaks += 1;
    }
  }
  return breaks;
}

/** A record whose every cell is empty or white space (e.g. a line of spaces or of bare commas). */
function isBlank(record: readonly string[]): boolean {
  const first = record[0];
  if (first !== undefined && first.length > 0 && first.charCodeAt(0) > 32) return false;
  return record.every((cell) => cell.trim() === '');
}
