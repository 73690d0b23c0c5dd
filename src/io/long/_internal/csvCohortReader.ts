import type { Session } from '../../../calendar/types.js';
import { toCompactCode } from '../../../codes/compactCodes.js';
import type { ImportedMark } from '../../types.js';
import { CsvByteScanner, FIELD_UNCLOSED } from './csvByteScanner.js';
import type { CsvRow } from './csvByteScanner.js';
import { CohortClaims } from './cohortClaims.js';
import type { ClaimedRegister } from './cohortClaims.js';
import type { CsvSettings } from './csvRegisterReader.js';
import { CsvRegisterReader } from './csvRegisterReader.js';
import type { RegisterDate } from './dateReader.js';
import { F_CODE, F_DATE, F_MINUTES, F_PUPIL, F_SESSION } from './resolveOptions.js';
import type { ResolvedRegisterOptions } from './resolveOptions.js';

/**
 * Where the marks of a register CSV go when they are read straight into a cohort register: pupils and dates as
 * small indexes, each mark as a code byte, with no object per row. A row the fast path cannot read arrives as a
 * mark object instead.
 */
export interface CohortMarkSink extends ClaimedRegister {
  /** One mark, reduced to indexes; minutes -1 when not given; line the row's file line. */
  addMark(pupil: number, dateIndex: number, pm: boolean, byte: number, minutes: number, line: number): void;
  /** One mark as an object (rows read the slow way). */
  add(mark: ImportedMark): void;
  /** Roughly how many marks will come, once the reader can tell from the first rows and the input's size. */
  expectMarks?(marks: number): void;
}

const SPACE = 32;
const DELETE = 127;
/** A pupil id starting with a quote may carry a writer's guard against CSV injection: the slow way reads it. */
const APOSTROPHE = 39;

function isPlain(byte: number): boolean {
  return byte > SPACE && byte < DELETE;
}
const ZERO = 48;
const NINE = 57;
/** A cached date: its reading (or why it is not a date), and its index once placed. */
interface KnownDate {
  readonly date: RegisterDate | null;
  dateIndex: number;
}
const NOT_READ = -1;
/** Longest field the fast path packs into a number key: four bytes. */
const PACKED_BYTES = 4;
/** Table slots for fields of up to two bytes: 1 for the empty field, 256 of one byte, 65,536 of two. */
const SHORT_KEYS = 1 + 256 + 65_536;
const NOT_LOOKED_UP = -2;
const NOT_A_VALUE = -1;
const SESSION_AM = 0;
const SESSION_PM = 1;

/** A field of up to two bytes as a table index, or -1 when it is longer. */
function shortKey(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (length === 0) return 0;
  if (length === 1) return 1 + bytes[start]!;
  if (length === 2) return 257 + bytes[start]! * 256 + bytes[start + 1]!;
  return -1;
}

/** FNV-1a over a field's bytes, with its length mixed in, as a 30-bit integer. */
function hashOf(bytes: Uint8Array, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let index = start; index < end; index += 1) hash = Math.imul(hash ^ bytes[index]!, 0x01000193);
  // A small integer, so that the map hashes it directly; a collision is caught by comparing the bytes.
  return (hash ^ ((end - start) << 24)) & 0x3fffffff;
}

/** Up to four bytes as one number, or -1 when the field is longer or empty. */
function packed(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  if (length > PACKED_BYTES) return -1;
  let key = length;
  for (let index = start; index < end; index += 1) key = key * 256 + bytes[index]!;
  return key;
}

function sameBytes(
  bytes: Uint8Array,
  start: number,
  end: number,
  kept: Uint8Array,
  keptLength: number
): boolean {
  if (end - start !== keptLength) return false;
  for (let index = 0; index < keptLength; index += 1) if (bytes[start + index] !== kept[index]) return false;
  return true;
}

/**
 * Reads a long-format register CSV from bytes straight into a {@link CohortMarkSink}. Each row's fields are found
 * as byte ranges by {@link CsvByteScanner}; a pupil id, date, session or code is turned into a string and checked
 * only the first time its bytes are seen (the previous row's pupil and date are compared byte for byte; sessions
 * and codes are looked up by their packed bytes), so a clean row costs a few comparisons and no allocation.
 *
 * Anything unusual (a quoted or padded field, a pupil id starting with a quote, an unknown value, a second mark for a session, a ragged row, text
 * that needs an encoding check) goes the slow way: the row's cells become strings and {@link CsvRegisterReader}
 * reads them, with the same checks, issues and counts as every other CSV import. The two ways agree on every
 * row; a property test holds them to it.
 */
export class CsvCohortReader {
  /** The reader that owns the header, the counts and the issues, and reads the unusual rows. */
  readonly reader: CsvRegisterReader;
  private readonly scanner: CsvByteScanner;
  private readonly options: ResolvedRegisterOptions;
  private readonly sink: CohortMarkSink;
  private readonly claims: CohortClaims;
  private readonly record: string[] = [];
  // The previous fast row's pupil and date, as bytes and as what they were read as.
  private pupilBytes = new Uint8Array(64);
  private pupilLength = -1;
  private pupilId = '';
  private pupilIndex = -1;
  private dateBytes = new Uint8Array(32);
  private dateLength = -1;
  private date: KnownDate | undefined;
  private readonly dates = new Map<string, KnownDate>();
  /** Dates by a hash of their bytes, each with its bytes to confirm the match. */
  private readonly datesByHash = new Map<number, { readonly bytes: Uint8Array; readonly known: KnownDate }>();
  /** Sessions and codes of one or two bytes, by their bytes: NOT_LOOKED_UP until first seen. */
  private readonly shortSessions = new Int8Array(SHORT_KEYS).fill(NOT_LOOKED_UP);
  private readonly shortCodes = new Int16Array(SHORT_KEYS).fill(NOT_LOOKED_UP);
  private readonly sessions = new Map<number, Session | null>();
  private readonly codes = new Map<number, number>();
  private columns: readonly number[] = [];
  private fieldCount = -1;

  /**
   * @param options - The resolved register options.
   * @param settings - The CSV settings; the delimiter must be one ASCII character.
   * @param sink - Where the marks go.
   */
  constructor(options: ResolvedRegisterOptions, settings: CsvSettings, sink: CohortMarkSink) {
    this.options = options;
    this.sink = sink;
    // A second mark for a session is found in the register being built, not in a second record of sessions.
    this.claims = new CohortClaims(sink);
    this.reader = new CsvRegisterReader(
      options,
      (mark) => {
        sink.add(mark);
      },
      this.claims
    );
    this.scanner = new CsvByteScanner(
      (row) => {
        this.onRow(row);
      },
      {
        delimiter: settings.delimiter,
        bom: false,
        maxRowBytes: options.maxLineBytes,
        onTooLong: this.reader.onTooLong,
      }
    );
  }

  /**
   * Whether the cohort reader takes a delimiter: one ASCII character, the common case (the general reader
   * reads the others, on the same scanner).
   *
   * @param delimiter - The delimiter.
   * @returns True when it can.
   */
  static canRead(delimiter: string): boolean {
    return delimiter.length === 1 && delimiter.charCodeAt(0) < 128;
  }

  /**
   * Reads the next chunk of UTF-8 bytes.
   *
   * @param chunk - The bytes; a chunk may end anywhere.
   */
  push(chunk: Uint8Array): void {
    this.scanner.push(chunk);
  }

  /**
   * Where the input read so far ends: whether exactly between rows, and the file line the next byte is on.
   *
   * @returns The scanner's position.
   */
  get position(): { readonly atRowBoundary: boolean; readonly line: number } {
    return { atRowBoundary: this.scanner.atRowBoundary, line: this.scanner.line };
  }

  /**
   * Continues with a slice from the middle of the file, after its header has been read: the slice's first byte
   * is on `line`.
   *
   * @param line - The file line the slice starts on.
   */
  continueAtLine(line: number): void {
    this.scanner.moveToLine(line);
  }

  /** Reads the end of the input. */
  end(): void {
    this.scanner.end();
    this.reader.finish();
  }

  private onRow(row: CsvRow): void {
    const last = row.fieldCount - 1;
    if (last >= 0 && (row.flags[last]! & FIELD_UNCLOSED) !== 0) {
      this.reader.unclosedQuote(row.line);
      return;
    }
    if (this.fieldCount < 0 || !this.fast(row)) this.slow(row);
  }

  /** The row's cells as strings, read by the register reader. */
  private slow(row: CsvRow): void {
    const record = this.record;
    record.length = row.fieldCount;
    for (let field = 0; field < row.fieldCount; field += 1) record[field] = row.text(field);
    this.reader.record(record, row.line);
    if (this.fieldCount < 0) {
      const header = this.reader.header;
      if (header.length >= 0 && !header.failed) {
        this.fieldCount = header.length;
        this.columns = this.reader.fieldColumns;
      } else if (header.failed) {
        // Without a usable header every row goes the slow way, which counts it as rejected.
        this.fieldCount = Number.MAX_SAFE_INTEGER;
      }
    }
  }

  /** Reads a clean row without strings; false (having changed nothing) when it must go the slow way. */
  private fast(row: CsvRow): boolean {
    if (row.fieldCount !== this.fieldCount || this.reader.rows.checkEncoding !== false) return false;
    const { bytes, starts, ends, flags } = row;
    const columns = this.columns;
    const pupilColumn = columns[F_PUPIL]!;
    const dateColumn = columns[F_DATE]!;
    const sessionColumn = columns[F_SESSION]!;
    const codeColumn = columns[F_CODE]!;
    const minutesColumn = columns[F_MINUTES]!;
    // Quoted fields and padded values are rare: the slow way reads them.
    if (
      (flags[pupilColumn]! | flags[dateColumn]! | flags[sessionColumn]! | flags[codeColumn]!) !== 0 ||
      (minutesColumn >= 0 && flags[minutesColumn]! !== 0)
    ) {
      return false;
    }

    // The pupil: the previous row's, or read once.
    const pupilStart = starts[pupilColumn]!;
    const pupilEnd = ends[pupilColumn]!;
    if (!sameBytes(bytes, pupilStart, pupilEnd, this.pupilBytes, this.pupilLength)) {
      // Only plain ASCII ends are taken as they are; anything the slow way would trim goes the slow way.
      // A leading quote may be a guard against CSV injection, which the slow way takes off.
      const first = bytes[pupilStart]!;
      if (pupilEnd <= pupilStart || !isPlain(first) || first === APOSTROPHE || !isPlain(bytes[pupilEnd - 1]!))
        return false;
      const pupilId = row.text(pupilColumn);
      if (pupilEnd - pupilStart > this.pupilBytes.length)
        this.pupilBytes = new Uint8Array(pupilEnd - pupilStart);
      this.pupilBytes.set(bytes.subarray(pupilStart, pupilEnd));
      this.pupilLength = pupilEnd - pupilStart;
      this.pupilId = pupilId;
      // Taken from the sink only once a row of the pupil is used: a pupil whose every row is rejected has none.
      this.pupilIndex = -1;
    }

    // The date: the previous row's, or read once per distinct text.
    const dateStart = starts[dateColumn]!;
    const dateEnd = ends[dateColumn]!;
    let known = this.date;
    if (known === undefined || !sameBytes(bytes, dateStart, dateEnd, this.dateBytes, this.dateLength)) {
      if (dateEnd - dateStart > this.dateBytes.length) return false;
      // By the bytes' hash first (no string), confirmed byte for byte; the text only for a date not yet seen.
      const hash = hashOf(bytes, dateStart, dateEnd);
      const hashed = this.datesByHash.get(hash);
      if (hashed !== undefined && sameBytes(bytes, dateStart, dateEnd, hashed.bytes, hashed.bytes.length)) {
        known = hashed.known;
      } else {
        const text = row.text(dateColumn);
        known = this.dates.get(text);
        if (known === undefined) {
          const read = this.options.dates.read(text);
          known = { date: typeof read === 'string' ? null : read, dateIndex: NOT_READ };
          this.dates.set(text, known);
        }
        if (hashed === undefined)
          this.datesByHash.set(hash, { bytes: bytes.slice(dateStart, dateEnd), known });
      }
      for (let index = dateStart; index < dateEnd; index += 1)
        this.dateBytes[index - dateStart] = bytes[index]!;
      this.dateLength = dateEnd - dateStart;
      this.date = known;
    }
    const date = known.date;
    if (date === null) return false;

    // The session and the code, each looked up by its bytes.
    const sessionShort = shortKey(bytes, starts[sessionColumn]!, ends[sessionColumn]!);
    let sessionCode = sessionShort < 0 ? NOT_LOOKED_UP : this.shortSessions[sessionShort]!;
    if (sessionCode === NOT_LOOKED_UP) {
      const sessionKey = packed(bytes, starts[sessionColumn]!, ends[sessionColumn]!);
      let session = this.sessions.get(sessionKey);
      if (session === undefined) {
        if (sessionKey <= 0) return false;
        session = this.options.sessions.read(row.text(sessionColumn));
        this.sessions.set(sessionKey, session);
      }
      sessionCode = session === null ? NOT_A_VALUE : session === 'PM' ? SESSION_PM : SESSION_AM;
      if (sessionShort >= 0) this.shortSessions[sessionShort] = sessionCode;
    }
    if (sessionCode === NOT_A_VALUE) return false;
    const codeShort = shortKey(bytes, starts[codeColumn]!, ends[codeColumn]!);
    let byte = codeShort < 0 ? NOT_LOOKED_UP : this.shortCodes[codeShort]!;
    if (byte === NOT_LOOKED_UP) {
      const codeKey = packed(bytes, starts[codeColumn]!, ends[codeColumn]!);
      let found = this.codes.get(codeKey);
      if (found === undefined) {
        if (codeKey < 0) return false;
        found = this.codeByte(row.text(codeColumn));
        this.codes.set(codeKey, found);
      }
      byte = found;
      if (codeShort >= 0) this.shortCodes[codeShort] = byte;
    }
    if (byte < 0) return false;

    // Minutes late: digits, or nothing.
    let minutes = -1;
    if (minutesColumn >= 0) {
      const start = starts[minutesColumn]!;
      const end = ends[minutesColumn]!;
      if (end > start) {
        if (end - start > 15) return false;
        minutes = 0;
        for (let index = start; index < end; index += 1) {
          const digit = bytes[index]!;
          if (digit < ZERO || digit > NINE) return false;
          minutes = minutes * 10 + digit - ZERO;
        }
      }
    }

    // A second mark for the session goes the slow way, which reports it with the line of the first.
    const pm = sessionCode === SESSION_PM;
    const rows = this.reader.rows;
    if (known.dateIndex === NOT_READ) known.dateIndex = this.sink.dateIndex(date.iso);
    if (this.pupilIndex < 0) this.pupilIndex = this.sink.pupil(this.pupilId);
    if (this.claims.claimAt(this.pupilIndex, known.dateIndex, pm ? 1 : 0, row.line) !== 0) return false;
    this.reader.nextDataRow();
    rows.rowsRead += 1;
    rows.rowsUsed += 1;
    this.sink.addMark(this.pupilIndex, known.dateIndex, pm, byte, minutes, row.line);
    return true;
  }

  /** A code cell's byte, through the code list, or -1 when it is not a register code (the slow way says so). */
  private codeByte(text: string): number {
    const raw = text.trim();
    if (raw !== text) return -1;
    const mapped = this.options.codeList?.get(raw);
    const code = (mapped ?? raw) === '' ? '-' : (mapped ?? raw);
    return toCompactCode(code) ?? -1;
  }
}
