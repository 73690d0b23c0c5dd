/**
 * The work every candidate parser does with the rows it parses, so that they are compared on the same job:
 * find the columns from the header (the first non-blank row), then for every data row intern the pupil id,
 * date and code as small ids (each distinct string converted once; a pupil id or date equal to the previous
 * row's is recognised without a lookup) and append pupil (Uint32), date (Uint16),
 * session (one bit), code (Uint8) and the file line to typed-array columns that grow a segment at a time.
 *
 * {@link StringRegisterBuilder} takes rows as string arrays (csv-parse, papaparse, udsv);
 * {@link ByteRegisterBuilder} takes {@link CsvRow}s from the byte scanner and interns from the bytes.
 * Both give the same {@link ColumnarRegister} for the same file.
 */
import { ByteInterner } from './byteInterner.js';
import {
  FIELD_ESCAPED,
  FIELD_MALFORMED,
  FIELD_UNCLOSED,
} from '../../src/io/long/_internal/csvByteScanner.js';
import type { CsvRow } from '../../src/io/long/_internal/csvByteScanner.js';

/** The header names, in field order; the first four are required. */
export const FIELD_NAMES = ['pupil_id', 'date', 'session', 'code', 'minutes_late', 'comment'] as const;
const F_PUPIL = 0;
const F_DATE = 1;
const F_SESSION = 2;
const F_CODE = 3;
const F_MINUTES = 4;
const F_COMMENT = 5;
const REQUIRED = 4;

/**
 * A run of consecutive rows as columns: row `i` of the segment is pupil `pupil[i]`, date `date[i]`, … on file
 * line `line[i]`. The arrays may be longer than `rows`.
 */
export interface RegisterSegment {
  readonly rows: number;
  readonly pupil: Uint32Array;
  readonly date: Uint16Array;
  /** One bit per row, row `i` at bit `i & 7` of byte `i >> 3`: 0 for AM, 1 for PM. */
  readonly session: Uint8Array;
  readonly code: Uint8Array;
  readonly line: Uint32Array;
}

/**
 * The register as columns, in segments of up to {@link SEGMENT_ROWS} rows (as Arrow's record batches): the
 * columns grow by adding a segment, so no row is ever copied, and two registers built in parallel join by
 * listing their segments. The ids index `pupilIds`, `dates` and `codes`.
 */
export interface ColumnarRegister {
  readonly rows: number;
  readonly segments: readonly RegisterSegment[];
  readonly pupilIds: readonly string[];
  readonly dates: readonly string[];
  readonly codes: readonly string[];
  /** The line of the header row. */
  readonly headerLine: number;
  /** The lines of rows not used: wrong field count, a session that is not AM or PM, a broken quoted field. */
  readonly rejectedLines: readonly number[];
  /** Only when asked for (`collectText`), to check the parsers agree on quoted text: one entry per row. */
  readonly minutesLate?: readonly string[];
  readonly comments?: readonly string[];
}

/** The largest segment; the first ones are smaller, so that a small file takes little memory. */
export const SEGMENT_ROWS = 1 << 20;
const FIRST_SEGMENT_ROWS = 1 << 14;

/** The header's column of each field (-1 when absent), found by name. */
export function headerColumns(names: readonly string[]): Int32Array {
  const columns = new Int32Array(FIELD_NAMES.length).fill(-1);
  FIELD_NAMES.forEach((name, field) => {
    columns[field] = names.findIndex((cell) => cell.trim().toLowerCase() === name);
  });
  for (let field = 0; field < REQUIRED; field += 1) {
    if (columns[field] === -1) {
      throw new Error(`The header has no ${FIELD_NAMES[field]} column: ${JSON.stringify(names)}.`);
    }
  }
  return columns;
}

/** Columns that grow a segment at a time. */
export class RegisterColumns {
  readonly segments: RegisterSegment[] = [];
  /** Rows in the segments before the current one. */
  private before = 0;
  /** The current segment's rows so far, and its arrays. */
  private rows = 0;
  private capacity = 0;
  private pupil = new Uint32Array(0);
  private date = new Uint16Array(0);
  private session = new Uint8Array(0);
  private code = new Uint8Array(0);
  private line = new Uint32Array(0);

  get length(): number {
    return this.before + this.rows;
  }

  push(pupil: number, date: number, pm: number, code: number, line: number): void {
    const row = this.rows;
    if (row === this.capacity) {
      this.addSegment();
      this.push(pupil, date, pm, code, line);
      return;
    }
    this.pupil[row] = pupil;
    this.date[row] = date;
    this.code[row] = code;
    this.line[row] = line;
    if (pm !== 0) this.session[row >> 3]! |= 1 << (row & 7);
    this.rows = row + 1;
  }

  /** The segments, the last one with its final row count. */
  finish(): RegisterSegment[] {
    this.close();
    return this.segments;
  }

  private close(): void {
    if (this.rows === 0) return;
    const { rows, pupil, date, session, code, line } = this;
    this.segments.push({ rows, pupil, date, session, code, line });
    this.before += rows;
    this.rows = 0;
    this.capacity = 0;
  }

  private addSegment(): void {
    const capacity = Math.min(SEGMENT_ROWS, Math.max(FIRST_SEGMENT_ROWS, this.capacity * 2));
    this.close();
    this.capacity = capacity;
    this.pupil = new Uint32Array(capacity);
    this.date = new Uint16Array(capacity);
    this.session = new Uint8Array(capacity >> 3);
    this.code = new Uint8Array(capacity);
    this.line = new Uint32Array(capacity);
  }
}

/** What both builders share: counts, the header, the columns and the result. */
abstract class RegisterBuilder {
  readonly columns = new RegisterColumns();
  readonly rejectedLines: number[] = [];
  protected headerLine = 0;
  protected fields: Int32Array | undefined;
  protected headerLength = 0;
  protected readonly minutesLate: string[] | undefined;
  protected readonly comments: string[] | undefined;

  /**
   * @param collectText - Also keep each row's minutes late and comment as text (for checking only).
   * @param header - The header's names when the input starts after it (a later slice of the file).
   */
  constructor(collectText: boolean, header?: readonly string[]) {
    if (collectText) {
      this.minutesLate = [];
      this.comments = [];
    }
    if (header !== undefined) this.setHeader(header, 0);
  }

  setHeader(names: readonly string[], line: number): void {
    this.fields = headerColumns(names);
    this.headerLength = names.length;
    this.headerLine = line;
  }

  protected abstract tables(): { pupilIds: string[]; dates: string[]; codes: string[] };

  finish(): ColumnarRegister {
    const segments = this.columns.finish();
    return {
      rows: this.columns.length,
      segments,
      ...this.tables(),
      headerLine: this.headerLine,
      rejectedLines: this.rejectedLines,
      ...(this.minutesLate === undefined ? {} : { minutesLate: this.minutesLate }),
      ...(this.comments === undefined ? {} : { comments: this.comments }),
    };
  }
}

/** Builds the columns from rows of strings. */
export class StringRegisterBuilder extends RegisterBuilder {
  private readonly pupilIds: string[] = [];
  private readonly dates: string[] = [];
  private readonly codes: string[] = [];
  private readonly pupilIndex = new Map<string, number>();
  private readonly dateIndex = new Map<string, number>();
  private readonly codeIndex = new Map<string, number>();
  private previousPupil: string | undefined;
  private previousPupilIndex = 0;
  private previousDate: string | undefined;
  private previousDateIndex = 0;

  /** Takes one parsed record and the file line it starts on. */
  readonly row = (record: readonly string[], line: number): void => {
    const fields = this.fields;
    if (record[0] === '' && record.every((cell) => cell === '')) return;
    if (fields === undefined) {
      this.setHeader(record, line);
      return;
    }
    if (record.length !== this.headerLength) {
      this.rejectedLines.push(line);
      return;
    }
    const sessionText = record[fields[F_SESSION]!]!;
    const pm = sessionText === 'AM' ? 0 : sessionText === 'PM' ? 1 : -1;
    if (pm === -1) {
      this.rejectedLines.push(line);
      return;
    }
    const pupilText = record[fields[F_PUPIL]!]!;
    let pupil = this.previousPupilIndex;
    if (pupilText !== this.previousPupil) {
      pupil = intern(this.pupilIndex, this.pupilIds, pupilText);
      this.previousPupil = pupilText;
      this.previousPupilIndex = pupil;
    }
    const dateText = record[fields[F_DATE]!]!;
    let date = this.previousDateIndex;
    if (dateText !== this.previousDate) {
      date = intern(this.dateIndex, this.dates, dateText);
      this.previousDate = dateText;
      this.previousDateIndex = date;
    }
    const code = intern(this.codeIndex, this.codes, record[fields[F_CODE]!]!);
    if (date > 0xffff || code > 0xff)
      throw new RangeError(`Too many distinct dates or codes (line ${line}).`);
    this.columns.push(pupil, date, pm, code, line);
    if (this.comments !== undefined) {
      this.minutesLate!.push(cell(record, fields[F_MINUTES]!));
      this.comments.push(cell(record, fields[F_COMMENT]!));
    }
  };

  protected tables(): { pupilIds: string[]; dates: string[]; codes: string[] } {
    return { pupilIds: this.pupilIds, dates: this.dates, codes: this.codes };
  }
}

function intern(index: Map<string, number>, values: string[], text: string): number {
  let id = index.get(text);
  if (id === undefined) {
    id = values.length;
    index.set(text, id);
    values.push(text);
  }
  return id;
}

function cell(record: readonly string[], column: number): string {
  return column === -1 ? '' : record[column]!;
}

const BROKEN = FIELD_MALFORMED | FIELD_UNCLOSED;
const A = 65;
const M = 77;
const P = 80;

/** Builds the columns from {@link CsvRow}s, interning straight from the bytes. */
export class ByteRegisterBuilder extends RegisterBuilder {
  private readonly pupils = new ByteInterner();
  private readonly dates = new ByteInterner();
  private readonly codes = new ByteInterner();
  private previousPupil = -1;
  private previousDate = -1;
  /** Escaped fields are unescaped here before they are interned. */
  private scratch = new Uint8Array(256);

  /** The `onRow` callback for {@link CsvByteScanner}. */
  readonly row = (row: CsvRow): void => {
    const fields = this.fields;
    const { starts, ends, flags, bytes } = row;
    if (ends[0] === starts[0] && row.isBlank()) return;
    if (fields === undefined) {
      this.setHeader(
        Array.from({ length: row.fieldCount }, (_, field) => row.text(field)),
        row.line
      );
      return;
    }
    if (row.fieldCount !== this.headerLength) {
      this.rejectedLines.push(row.line);
      return;
    }
    const sessionColumn = fields[F_SESSION]!;
    const pupilColumn = fields[F_PUPIL]!;
    const dateColumn = fields[F_DATE]!;
    const codeColumn = fields[F_CODE]!;
    const at = starts[sessionColumn]!;
    const first = bytes[at]!;
    const pm =
      ends[sessionColumn]! - at !== 2 || bytes[at + 1] !== M || flags[sessionColumn]! > 1
        ? -1
        : first === A
          ? 0
          : first === P
            ? 1
            : -1;
    if (pm === -1 || ((flags[pupilColumn]! | flags[dateColumn]! | flags[codeColumn]!) & BROKEN) !== 0) {
      this.rejectedLines.push(row.line);
      return;
    }
    let pupil = this.previousPupil;
    if (
      pupil === -1 ||
      flags[pupilColumn]! !== 0 ||
      !this.pupils.equals(pupil, bytes, starts[pupilColumn]!, ends[pupilColumn]!)
    ) {
      pupil = this.internField(this.pupils, row, pupilColumn);
      this.previousPupil = pupil;
    }
    let date = this.previousDate;
    if (
      date === -1 ||
      flags[dateColumn]! !== 0 ||
      !this.dates.equals(date, bytes, starts[dateColumn]!, ends[dateColumn]!)
    ) {
      date = this.internField(this.dates, row, dateColumn);
      this.previousDate = date;
    }
    const code = this.internField(this.codes, row, codeColumn);
    if (date > 0xffff || code > 0xff)
      throw new RangeError(`Too many distinct dates or codes (line ${row.line}).`);
    this.columns.push(pupil, date, pm, code, row.line);
    if (this.comments !== undefined) {
      const minutes = fields[F_MINUTES]!;
      const comment = fields[F_COMMENT]!;
      this.minutesLate!.push(minutes === -1 ? '' : row.text(minutes));
      this.comments.push(comment === -1 ? '' : row.text(comment));
    }
  };

  private internField(interner: ByteInterner, row: CsvRow, column: number): number {
    if ((row.flags[column]! & FIELD_ESCAPED) === 0) {
      return interner.intern(row.bytes, row.starts[column]!, row.ends[column]!);
    }
    if (this.scratch.length < row.byteLength(column))
      this.scratch = new Uint8Array(row.byteLength(column) * 2);
    return interner.intern(this.scratch, 0, row.unescapeInto(column, this.scratch));
  }

  protected tables(): { pupilIds: string[]; dates: string[]; codes: string[] } {
    return { pupilIds: this.pupils.values, dates: this.dates.values, codes: this.codes.values };
  }
}

/** Calls `each` for every row, with its segment, its index there and its index in the register. */
export function forEachRow(
  register: ColumnarRegister,
  each: (segment: RegisterSegment, index: number, row: number) => void
): void {
  let row = 0;
  for (const segment of register.segments) {
    for (let index = 0; index < segment.rows; index += 1) {
      each(segment, index, row);
      row += 1;
    }
  }
}

/**
 * A digest of a register's rows and tables, to check that two imports built the same register (however its
 * rows are split into segments).
 */
export function fingerprint(register: ColumnarRegister): string {
  let hash = 0x811c9dc5;
  const mix = (value: number): void => {
    hash = Math.imul(hash ^ value, 0x01000193);
  };
  forEachRow(register, (segment, index) => {
    mix(segment.pupil[index]!);
    mix(segment.date[index]!);
    mix((segment.session[index >> 3]! >> (index & 7)) & 1);
    mix(segment.code[index]!);
    mix(segment.line[index]!);
  });
  for (const text of [
    ...register.pupilIds,
    ...register.dates,
    ...register.codes,
    ...register.rejectedLines.map(String),
  ]) {
    for (let index = 0; index < text.length; index += 1) mix(text.charCodeAt(index));
    mix(-1);
  }
  return `${register.rows}:${register.headerLine}:${(hash >>> 0).toString(16)}`;
}
