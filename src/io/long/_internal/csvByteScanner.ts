/**
 * A streaming CSV scanner over raw bytes (RFC 4180), for importers that want the fields of each row as byte
 * ranges rather than as strings.
 *
 * Why hand-written: chosen by measurement (bench/csvParsers.bench.ts, `npm run bench:parsers`). Reading a
 * 39-million-row register into a columnar register, csv-parse was 4.4–6.0x slower than this scanner, papaparse
 * 4.5–6.6x, and udsv, the fastest library, 1.9–2.4x slower while losing line numbers after blank lines and
 * merging short rows into the next line without an error. No library that reads these files correctly came
 * within 2x, so the scanner stays. Every CSV reader of the library is built on it: the general importer
 * (`readRegisterCsv`, `importRegisterCsv`) decodes each row's fields here, the cohort importer reads most rows
 * straight from the bytes, and the census and pupil summary readers take their records from it. It uses only
 * `Uint8Array` and `TextDecoder`, so it runs in any JavaScript engine.
 *
 * Feed it `Uint8Array` chunks in file order with {@link CsvByteScanner.push} and call
 * {@link CsvByteScanner.end} once the input is over. For every row it calls `onRow` with a {@link CsvRow}: the
 * buffer the row lies in, the start and end offset of each field in that buffer, per-field flags, and the lines
 * the row starts and ends on. Nothing is decoded unless the caller asks ({@link CsvRow.text}), so an importer
 * can compare, hash or parse fields straight from the bytes and build a string only for values it has not seen
 * before.
 *
 * The format:
 * - Fields are separated by a delimiter (`,` by default; `;`, tab and `|` are common): one ASCII character is
 *   read fastest, and a longer delimiter (`::`, or a character beyond ASCII) is matched byte for byte, left to
 *   right, as csv-parse matches it. A field may be
 *   enclosed in double quotes; inside quotes, `""` stands for one quote, and delimiters and line breaks are
 *   text. The range of a quoted field excludes the enclosing quotes; a field with `""` pairs is flagged
 *   {@link FIELD_ESCAPED}, and {@link CsvRow.text} collapses them.
 * - Rows end at CRLF, LF or CR, which may be mixed in one file. Each of the three counts as one line, inside
 *   quoted fields too, so line numbers are exact however many line breaks a quoted comment holds.
 * - Empty lines are skipped (but counted) unless `skipEmptyLines` is false, when each gives a row with one
 *   empty field. A last row without a line break at the end of the input is a row.
 * - A leading UTF-8 byte order mark is dropped (`bom: false` keeps it).
 * - Nothing is fatal: a quote inside an unquoted field is kept as text
 *   (as csv-parse's `relax_quotes` does); text after a closing quote makes the field
 *   {@link FIELD_MALFORMED}, its range then the raw bytes including the quotes ({@link CsvRow.text} reads it
 *   as `relax_quotes` does); a quote still open at the end of the input makes the last field
 *   {@link FIELD_UNCLOSED}. The caller decides what to report.
 * - A row longer than `maxRowBytes` (a line with no line break for a megabyte, a quote that is never closed) is
 *   handed to `onTooLong` with its first few hundred bytes and its length, and skipped without being kept: the
 *   scanner reads on through it, so memory stays bounded however long it is, and carries on with the next row.
 *   Without `onTooLong`, a row that must be carried from one chunk to the next beyond the limit throws
 *   {@link CsvRowTooLongError}, and a row that ends within the limit's reach is reported whatever its length.
 *
 * Chunks may end anywhere: inside a field, between the CR and LF of a line break, inside quotes or between the
 * two quotes of a `""` pair, inside a UTF-8 character, inside a delimiter of several bytes or inside the byte
 * order mark. A row that lies wholly
 * inside one chunk is reported in place (its ranges point into the chunk; nothing is copied); only the row that
 * straddles two or more chunks is copied, into a carry buffer that is reused. Memory therefore stays at one
 * chunk plus the longest row, and `maxRowBytes` bounds the carried row (a quote that is never closed would
 * otherwise carry the rest of the file). The limit is checked once per row and once per chunk, never per byte.
 * A scanner reads one input: make a new one for the next.
 *
 * @example
 * const scanner = new CsvByteScanner((row) => {
 *   console.log(row.line, row.fieldCount, row.text(0));
 * });
 * for await (const chunk of fs.createReadStream('register.csv')) scanner.push(chunk);
 * scanner.end();
 */

/** The field was enclosed in quotes; its range excludes them. */
export const FIELD_QUOTED = 1;
/** The quoted field holds `""` pairs, each standing for one quote ({@link CsvRow.text} collapses them). */
export const FIELD_ESCAPED = 2;
/**
 * Text followed the closing quote (e.g. `"ab"c`); the range is the raw bytes, quotes included, and
 * {@link CsvRow.text} gives what csv-parse's `relax_quotes` gives: the quoted part with its `""` pairs
 * collapsed, still between its quotes, then the rest as it stands.
 */
export const FIELD_MALFORMED = 4;
/** The field's quote was still open at the end of the input; the range runs to the end. */
export const FIELD_UNCLOSED = 8;

/** Options of {@link CsvByteScanner}. */
export interface CsvByteScannerOptions {
  /**
   * The field delimiter: a non-empty string without quotes or line breaks, matched as its UTF-8 bytes. One
   * ASCII character is the fast case. Default `,`.
   */
  readonly delimiter?: string;
  /** Skip empty lines (they are still counted). Default true. */
  readonly skipEmptyLines?: boolean;
  /** Drop a UTF-8 byte order mark at the start of the input. Default true. */
  readonly bom?: boolean;
  /** The line number of the first line of the input (e.g. when scanning a slice of a file). Default 1. */
  readonly startLine?: number;
  /**
   * The longest row accepted, in bytes, line break not counted: a longer one goes to `onTooLong`. Without it, a
   * row carried past the end of a chunk beyond this length throws {@link CsvRowTooLongError}. Default 1 MiB.
   */
  readonly maxRowBytes?: number;
  /**
   * Receives each row longer than `maxRowBytes`, which is then skipped (not kept, not passed to `onRow`), and
   * scanning goes on with the next row.
   */
  readonly onTooLong?: CsvTooLongHandler;
}

/**
 * What {@link CsvByteScannerOptions.onTooLong} is told about a row over the limit.
 *
 * @param line - The line the row starts on.
 * @param head - The row's first bytes (at most {@link TOO_LONG_HEAD_BYTES}), for a short quotation; may end
 * inside a UTF-8 character. Valid only during the call.
 * @param byteLength - The row's whole length in bytes, line break not counted.
 * @param unclosed - The row ran to the end of the input inside a quoted field that was never closed.
 */
export type CsvTooLongHandler = (
  line: number,
  head: Uint8Array,
  byteLength: number,
  unclosed: boolean
) => void;

/**
 * How many of a too-long row's first bytes {@link CsvByteScannerOptions.onTooLong} is given: enough for an
 * excerpt of 80 characters whatever the script (a character is at most 4 bytes).
 */
export const TOO_LONG_HEAD_BYTES = 320;

/** Thrown by {@link CsvByteScanner} when a row exceeds `maxRowBytes` (typically a quote that never closes). */
export class CsvRowTooLongError extends Error {
  /** The line the row starts on. */
  readonly line: number;

  constructor(line: number, maxRowBytes: number) {
    super(
      `The row starting on line ${line} is longer than ${maxRowBytes} bytes; a quoted field opened there may never be closed.`
    );
    this.name = 'CsvRowTooLongError';
    this.line = line;
  }
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);
const EMPTY = new Uint8Array(0);
const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
/** The longest field {@link CsvRow.text} builds itself when it is ASCII (V8 keeps strings this short flat). */
const SHORT_FIELD = 12;

/**
 * One row, as {@link CsvByteScanner} reports it. The scanner reuses the object and its arrays for every row,
 * and the buffer may be the caller's chunk or the scanner's carry buffer: read what you need inside `onRow`,
 * and copy (or decode) anything you keep.
 */
export class CsvRow {
  /** The bytes the field ranges point into. */
  bytes: Uint8Array = EMPTY;
  /** How many fields the row has; only the first `fieldCount` entries of the arrays below are this row's. */
  fieldCount = 0;
  /** Where each field starts in {@link CsvRow.bytes} (after an opening quote). */
  starts = new Int32Array(16);
  /** Where each field ends in {@link CsvRow.bytes}, exclusive (before a closing quote). */
  ends = new Int32Array(16);
  /** Each field's flags: {@link FIELD_QUOTED}, {@link FIELD_ESCAPED}, {@link FIELD_MALFORMED}, {@link FIELD_UNCLOSED}. */
  flags = new Uint8Array(16);
  /** The line the row starts on (1-based, counting every line break of the input). */
  line = 1;
  /** The line the row ends on: later than `line` when a quoted field holds line breaks. */
  endLine = 1;

  /** The length of a field in bytes, as stored (before `""` pairs are collapsed). */
  byteLength(field: number): number {
    return this.ends[field]! - this.starts[field]!;
  }

  /** A field's text: its bytes decoded as UTF-8, with `""` pairs collapsed (see {@link FIELD_MALFORMED}). */
  text(field: number): string {
    const bytes = this.bytes;
    const start = this.starts[field]!;
    const end = this.ends[field]!;
    let text: string | undefined;
    if (end - start <= SHORT_FIELD) {
      // Short ASCII fields (ids, dates, codes) are built here, three times faster than a call to the decoder.
      text = '';
      for (let index = start; index < end; index += 1) {
        const byte = bytes[index]!;
        if (byte >= 0x80) {
          text = undefined;
          break;
        }
        text += String.fromCharCode(byte);
      }
    }
    text ??= utf8.decode(bytes.subarray(start, end));
    const flags = this.flags[field]!;
    if ((flags & FIELD_ESCAPED) !== 0) return text.replaceAll('""', '"');
    return (flags & FIELD_MALFORMED) === 0 ? text : relaxedText(text);
  }

  /**
   * Copies a field's value, with `""` pairs collapsed, into `target` from offset 0 and returns its length in
   * bytes; `target` must hold at least {@link CsvRow.byteLength} bytes. For hashing or comparing escaped
   * fields without decoding them.
   */
  unescapeInto(field: number, target: Uint8Array): number {
    const bytes = this.bytes;
    const end = this.ends[field]!;
    let length = 0;
    for (let index = this.starts[field]!; index < end; index += 1) {
      const byte = bytes[index]!;
      target[length] = byte;
      length += 1;
      if (byte === QUOTE && bytes[index + 1] === QUOTE) index += 1;
    }
    return length;
  }

  /** Whether every field is empty (e.g. a line of bare delimiters). */
  isBlank(): boolean {
    for (let field = 0; field < this.fieldCount; field += 1) {
      if (this.ends[field]! !== this.starts[field]! || (this.flags[field]! & FIELD_MALFORMED) !== 0)
        return false;
    }
    return true;
  }

  /** Makes room for at least `count` fields. */
  reserve(count: number): void {
    if (count <= this.starts.length) return;
    const capacity = Math.max(count, this.starts.length * 2);
    const starts = new Int32Array(capacity);
    const ends = new Int32Array(capacity);
    const flags = new Uint8Array(capacity);
    starts.set(this.starts);
    ends.set(this.ends);
    flags.set(this.flags);
    this.starts = starts;
    this.ends = ends;
    this.flags = flags;
  }
}

/**
 * A malformed field's text as csv-parse's `relax_quotes` reads it: the `""` pairs of the quoted part collapsed,
 * that part kept between its quotes, and the rest (where quotes are text) as it stands. A NUL byte right after
 * the closing quote is taken by csv-parse as the end of the input, which closes the field properly: the
 * quotes are dropped and the rest joins the quoted text.
 */
function relaxedText(raw: string): string {
  let quote = raw.indexOf('"', 1);
  let inner = '';
  let from = 1;
  while (raw.charCodeAt(quote + 1) === QUOTE) {
    inner += raw.slice(from, quote + 1);
    from = quote + 2;
    quote = raw.indexOf('"', from);
  }
  inner += raw.slice(from, quote);
  const rest = raw.slice(quote + 1);
  return rest.charCodeAt(0) === 0 ? inner + rest : `"${inner}"${rest}`;
}

// Where the scanner is between two bytes.
/** At the start of a field (or of a row, when no field is recorded yet). */
const AT_FIELD = 0;
/** Inside an unquoted field (or a malformed one, after its closing quote). */
const IN_UNQUOTED = 1;
/** Inside a quoted field. */
const IN_QUOTED = 2;
/** Just after a quote inside a quoted field: it closes the field, or starts a `""` pair. */
const AFTER_QUOTE = 3;

/**
 * A streaming RFC 4180 scanner over byte chunks that reports each row as field byte ranges with exact line
 * numbers (see the module comment for the format and the guarantees).
 */
export class CsvByteScanner {
  private readonly onRow: (row: CsvRow) => void;
  private readonly row = new CsvRow();
  /** The delimiter's first byte, and all its bytes. */
  private readonly delimiter: number;
  private readonly delimiterBytes: Uint8Array;
  private readonly skipEmptyLines: boolean;
  private readonly maxRowBytes: number;
  private readonly onTooLong: CsvTooLongHandler | undefined;
  /** How many bytes of a leading BOM have been seen; -1 once the start of the input is behind us. */
  private bomSeen: number;

  private state = AT_FIELD;
  /** The current field's start and flags, and in {@link AFTER_QUOTE} the position of that quote. */
  private fieldStart = 0;
  private fieldFlags = 0;
  private quoteAt = 0;
  private fieldCount = 0;
  /** The line the scanner is on, and the line the current row started on. */
  private currentLine: number;
  private rowLine: number;
  /** The previous chunk ended with a CR, so an LF that starts this one belongs to the same line break. */
  private pendingCr = false;

  /**
   * The start of the row in progress, when it began in an earlier chunk: its bytes so far are in `carry`, and
   * positions recorded for it are offsets into `carry` (the current chunk counting as appended after them).
   */
  private straddling = false;
  private carry = new Uint8Array(4096);
  private carryLength = 0;
  /**
   * The bytes at the end of the last chunk that began a delimiter of several bytes but ended before it could
   * be told whether they are one: scanned again at the start of the next chunk. Always shorter than the
   * delimiter, and never holding a line break.
   */
  private pending: Uint8Array = EMPTY;
  /** No more input will come ({@link CsvByteScanner.end}): a delimiter cut short by the end is text. */
  private ended = false;
  /**
   * The row in progress is over `maxRowBytes`: its bytes are no longer kept (`carry` stays empty and the field
   * positions mean nothing); only its length so far before the current chunk and its first bytes are.
   */
  private skipping = false;
  private skippedBytes = 0;
  private skippedHead: Uint8Array = EMPTY;

  /**
   * @param onRow - Called once per row, in input order, with a row object that is reused (see {@link CsvRow}).
   * @param options - Delimiter, empty lines, byte order mark, first line number and row length limit.
   */
  constructor(onRow: (row: CsvRow) => void, options: CsvByteScannerOptions = {}) {
    const delimiter = options.delimiter ?? ',';
    if (typeof delimiter !== 'string' || delimiter.length === 0 || /["\r\n]/.test(delimiter)) {
      throw new RangeError(
        `The delimiter must be a non-empty string without quotes or line breaks; received ${JSON.stringify(delimiter)}.`
      );
    }
    this.onRow = onRow;
    this.delimiterBytes = new TextEncoder().encode(delimiter);
    this.delimiter = this.delimiterBytes[0]!;
    this.skipEmptyLines = options.skipEmptyLines ?? true;
    this.maxRowBytes = options.maxRowBytes ?? 1 << 20;
    this.onTooLong = options.onTooLong;
    this.bomSeen = options.bom === false ? -1 : 0;
    this.currentLine = options.startLine ?? 1;
    this.rowLine = this.currentLine;
  }

  /** The line the scanner has reached: after {@link CsvByteScanner.end}, one more than the line breaks read. */
  get line(): number {
    return this.currentLine;
  }

  /**
   * Whether the input so far ends exactly between two rows, with no row, quoted field or byte order mark
   * half-read: e.g. to check that a slice of a file was cut between rows. A CR at the very end counts as the
   * end of a row, so a cut must not fall between the CR and LF of a CRLF.
   */
  get atRowBoundary(): boolean {
    return this.state === AT_FIELD && this.fieldCount === 0 && this.bomSeen <= 0;
  }

  /**
   * Numbers the following lines from `line`, for a scanner that was given a file's header and then continues
   * with a slice from the middle of the file. Only between rows (see {@link CsvByteScanner.atRowBoundary}).
   *
   * @param line - The file line the next byte is on.
   * @throws RangeError When a row is half-read.
   */
  moveToLine(line: number): void {
    if (!this.atRowBoundary || this.pendingCr)
      throw new RangeError('The scanner can only move between rows.');
    this.currentLine = line;
    this.rowLine = line;
  }

  /** Scans the next chunk of the input; `onRow` is called for every row the chunk completes. */
  push(chunk: Uint8Array): void {
    if (this.pending.length > 0) {
      const joined = new Uint8Array(this.pending.length + chunk.length);
      joined.set(this.pending);
      joined.set(chunk, this.pending.length);
      this.pending = EMPTY;
      chunk = joined;
    }
    if (this.bomSeen >= 0) {
      // Match the byte order mark a byte at a time, so that it may be split across chunks.
      let index = 0;
      while (index < chunk.length && this.bomSeen < 3 && chunk[index] === BOM[this.bomSeen]) {
        index += 1;
        this.bomSeen += 1;
      }
      if (this.bomSeen < 3 && index === chunk.length) return;
      const matched = this.bomSeen;
      this.bomSeen = -1;
      // Bytes that began like a BOM but were not one are text.
      if (matched < 3 && matched > 0) this.scan(BOM.subarray(0, matched));
      chunk = chunk.subarray(index);
    }
    this.scan(chunk);
  }

  /** Ends the input: reports the last row if the input does not end with a line break. */
  end(): void {
    this.ended = true;
    if (this.bomSeen > 0) {
      const matched = this.bomSeen;
      this.bomSeen = -1;
      this.scan(BOM.subarray(0, matched));
    }
    if (this.pending.length > 0) {
      const pending = this.pending;
      this.pending = EMPTY;
      this.scan(pending);
    }
    const row = this.row;
    if (this.skipping) {
      this.tooLong(this.rowLine, this.skippedHead, this.skippedBytes, this.state === IN_QUOTED);
    } else if (this.state !== AT_FIELD || this.fieldCount > 0) {
      // A row in progress at the end of the input always straddles, so its bytes are in `carry`.
      let start = this.fieldStart;
      let end = this.carryLength;
      let flags = this.fieldFlags;
      if (this.state === AT_FIELD) {
        // The empty field after a delimiter at the very end.
        start = end;
        flags = 0;
      } else if (this.state === IN_QUOTED) flags |= FIELD_UNCLOSED;
      else if (this.state === AFTER_QUOTE) end = this.quoteAt;
      row.reserve(this.fieldCount + 1);
      row.starts[this.fieldCount] = start;
      row.ends[this.fieldCount] = end;
      row.flags[this.fieldCount] = flags;
      row.fieldCount = this.fieldCount + 1;
      row.bytes = this.carry;
      row.line = this.rowLine;
      row.endLine = this.currentLine;
      this.onRow(row);
    }
    this.state = AT_FIELD;
    this.fieldCount = 0;
    this.straddling = false;
    this.carryLength = 0;
    this.pendingCr = false;
    this.ended = false;
    this.skipping = false;
    this.skippedHead = EMPTY;
  }

  /** The state machine over one chunk. Kept in one function with local copies of the state, for speed. */
  private scan(buffer: Uint8Array): void {
    const length = buffer.length;
    const delimiter = this.delimiter;
    const delimiterLength = this.delimiterBytes.length;
    const longDelimiter = delimiterLength > 1;
    const maxRowBytes = this.maxRowBytes;
    // Without onTooLong a finished row is reported whatever its length, as it always was: only a row carried
    // past the end of a chunk is held to the limit, by throwing.
    const skipAbove = this.onTooLong === undefined ? Number.MAX_SAFE_INTEGER : maxRowBytes;
    /** Where this chunk's bytes end for now: before a delimiter it cuts short, kept for the next chunk. */
    let cut = length;
    const row = this.row;
    let starts = row.starts;
    let ends = row.ends;
    let flagsOf = row.flags;
    let state = this.state;
    let fieldStart = this.fieldStart;
    let fieldFlags = this.fieldFlags;
    let quoteAt = this.quoteAt;
    let fieldCount = this.fieldCount;
    let line = this.currentLine;
    let rowLine = this.rowLine;
    // Positions are recorded as `index + offset`: offsets into the chunk, or into `carry` while straddling.
    let offset = this.straddling ? this.carryLength : 0;
    let rowStart = 0;
    let index = 0;
    if (this.pendingCr && length > 0) {
      this.pendingCr = false;
      // The LF of a CRLF split across chunks: part of the line break already counted.
      if (buffer[0] === LF) {
        index = 1;
        if (state === AT_FIELD && fieldCount === 0) rowStart = 1;
      }
    }

    let byte = 0;
    let fieldEnd: number;
    outer: while (index < length) {
      // 1. Read one field, leaving `index` on the delimiter or line break after it.
      if (state === AT_FIELD) {
        if (buffer[index] === QUOTE) {
          state = IN_QUOTED;
          fieldFlags = FIELD_QUOTED;
          index += 1;
          fieldStart = index + offset;
        } else {
          state = IN_UNQUOTED;
          fieldFlags = 0;
          fieldStart = index + offset;
        }
      }
      if (state === IN_UNQUOTED) {
        // The hot loop: almost every byte of a typical file passes through here.
        while (index < length) {
          byte = buffer[index]!;
          if (byte === delimiter || byte === LF || byte === CR) break;
          index += 1;
        }
        if (index === length) break;
        if (longDelimiter && byte === delimiter) {
          // The first byte of a longer delimiter: the rest must follow, else the byte is text.
          const matched = this.delimiterAt(buffer, index, length);
          if (matched === 0) {
            index += 1;
            continue;
          }
          if (matched < 0) {
            cut = this.keepPending(buffer, index);
            break;
          }
        }
        fieldEnd = index + offset;
      } else {
        for (;;) {
          if (state === IN_QUOTED) {
            while (index < length) {
              byte = buffer[index]!;
              if (byte === QUOTE) break;
              if (byte === LF) {
                line += 1;
              } else if (byte === CR) {
                line += 1;
                if (index + 1 === length) this.pendingCr = true;
                else if (buffer[index + 1] === LF) index += 1;
              }
              index += 1;
            }
            if (index === length) break outer;
            quoteAt = index + offset;
            index += 1;
            state = AFTER_QUOTE;
          }
          if (index === length) break outer;
          byte = buffer[index]!;
          if (byte === QUOTE) {
            fieldFlags |= FIELD_ESCAPED;
            state = IN_QUOTED;
            index += 1;
            continue;
          }
          if (byte === delimiter && longDelimiter) {
            const matched = this.delimiterAt(buffer, index, length);
            if (matched < 0) {
              cut = this.keepPending(buffer, index);
              break outer;
            }
            if (matched > 0) {
              fieldEnd = quoteAt;
              break;
            }
          } else if (byte === delimiter || byte === LF || byte === CR) {
            fieldEnd = quoteAt;
            break;
          }
          // Text after the closing quote: read on as an unquoted field over the raw bytes.
          fieldStart -= 1;
          fieldFlags = FIELD_MALFORMED;
          state = IN_UNQUOTED;
          continue outer;
        }
      }

      // 2. Record the field, unless it is the nothing between two line breaks (an empty line).
      state = AT_FIELD;
      if (
        byte === delimiter ||
        fieldCount > 0 ||
        fieldEnd !== fieldStart ||
        fieldFlags !== 0 ||
        !this.skipEmptyLines ||
        // A row being skipped is not empty, though the positions recorded for it mean nothing.
        this.skipping
      ) {
        if (fieldCount === starts.length) {
          // A row over the limit is skipped, so its fields need not be kept: a megabyte of commas must not
          // grow the field arrays to millions of entries. Checked only when they would grow.
          if (this.rowBytes(index, offset, rowStart) > skipAbove) fieldCount = 0;
          else {
            row.reserve(fieldCount + 1);
            starts = row.starts;
            ends = row.ends;
            flagsOf = row.flags;
          }
        }
        starts[fieldCount] = fieldStart;
        ends[fieldCount] = fieldEnd;
        flagsOf[fieldCount] = fieldFlags;
        fieldCount += 1;
        if (byte === delimiter) {
          index += delimiterLength;
          continue;
        }
        // 3. A line break ends the row: reported, unless it is longer than the limit.
        let emit = true;
        if (this.straddling) {
          if (this.skipping || this.carryLength + index > skipAbove) {
            emit = false;
            this.skipRow(rowLine, buffer, 0, index);
          } else {
            this.appendToCarry(buffer, 0, index);
            row.bytes = this.carry;
          }
          this.straddling = false;
          this.carryLength = 0;
          offset = 0;
        } else if (index - rowStart > skipAbove) {
          emit = false;
          this.skipRow(rowLine, buffer, rowStart, index);
        } else {
          row.bytes = buffer;
        }
        if (emit) {
          row.fieldCount = fieldCount;
          row.line = rowLine;
          row.endLine = line;
          this.onRow(row);
        }
        fieldCount = 0;
      }
      line += 1;
      index += 1;
      if (byte === CR) {
        if (index === length) this.pendingCr = true;
        else if (buffer[index] === LF) index += 1;
      }
      rowLine = line;
      rowStart = index;
    }

    // The chunk ended: keep the bytes of a row in progress for the next one, unless that makes it too long.
    if (state !== AT_FIELD || fieldCount > 0) {
      if (this.skipping) {
        this.growSkippedHead(buffer, cut);
        this.skippedBytes += cut;
      } else if (this.rowBytes(cut, offset, rowStart) > maxRowBytes) {
        if (this.onTooLong === undefined) throw new CsvRowTooLongError(rowLine, maxRowBytes);
        this.startSkipping(buffer, this.straddling ? 0 : rowStart, cut);
      } else if (this.straddling) {
        this.appendToCarry(buffer, 0, cut);
      } else {
        this.carryLength = 0;
        this.appendToCarry(buffer, rowStart, cut);
        for (let field = 0; field < fieldCount; field += 1) {
          starts[field] = starts[field]! - rowStart;
          ends[field] = ends[field]! - rowStart;
        }
        fieldStart -= rowStart;
        quoteAt -= rowStart;
        this.straddling = true;
      }
    }
    this.state = state;
    this.fieldStart = fieldStart;
    this.fieldFlags = fieldFlags;
    this.quoteAt = quoteAt;
    this.fieldCount = fieldCount;
    this.currentLine = line;
    this.rowLine = rowLine;
  }

  /**
   * The length in bytes of the row in progress up to `index` of the current chunk (see `offset` in
   * {@link CsvByteScanner.scan}).
   */
  private rowBytes(index: number, offset: number, rowStart: number): number {
    if (this.skipping) return this.skippedBytes + index;
    return this.straddling ? offset + index : index - rowStart;
  }

  /** Stops keeping the row in progress, whose bytes so far run on to `to` of the current chunk. */
  private startSkipping(buffer: Uint8Array, from: number, to: number): void {
    this.skippedHead = this.headOf(buffer, from, to).slice();
    this.skippedBytes = (this.straddling ? this.carryLength : 0) + to - from;
    this.skipping = true;
    this.straddling = true;
    this.carryLength = 0;
  }

  /** Reports a too-long row that ends at `to` of the current chunk (at a line break), and forgets it. */
  private skipRow(line: number, buffer: Uint8Array, from: number, to: number): void {
    if (this.skipping) {
      this.growSkippedHead(buffer, to);
      this.skipping = false;
      const head = this.skippedHead;
      this.skippedHead = EMPTY;
      this.tooLong(line, head, this.skippedBytes + to, false);
    } else {
      const carried = this.straddling ? this.carryLength : 0;
      this.tooLong(line, this.headOf(buffer, from, to), carried + to - from, false);
    }
  }

  /** Completes the first bytes kept of a skipped row from the current chunk, when there are fewer than wanted. */
  private growSkippedHead(buffer: Uint8Array, to: number): void {
    const kept = this.skippedHead.length;
    if (kept >= TOO_LONG_HEAD_BYTES || to === 0) return;
    const head = new Uint8Array(Math.min(TOO_LONG_HEAD_BYTES, kept + to));
    head.set(this.skippedHead);
    head.set(buffer.subarray(0, head.length - kept), kept);
    this.skippedHead = head;
  }

  /**
   * The first {@link TOO_LONG_HEAD_BYTES} of the row in progress: those in `carry` (when it straddles), then the
   * current chunk's from `from` to `to`.
   */
  private headOf(buffer: Uint8Array, from: number, to: number): Uint8Array {
    const carried = this.straddling ? this.carryLength : 0;
    if (carried === 0) return buffer.subarray(from, Math.min(to, from + TOO_LONG_HEAD_BYTES));
    if (carried >= TOO_LONG_HEAD_BYTES) return this.carry.subarray(0, TOO_LONG_HEAD_BYTES);
    const head = new Uint8Array(Math.min(TOO_LONG_HEAD_BYTES, carried + to - from));
    head.set(this.carry.subarray(0, carried));
    head.set(buffer.subarray(from, from + head.length - carried), carried);
    return head;
  }

  /** Hands a skipped row to `onTooLong`, which rows are skipped only when there is one. */
  private tooLong(line: number, head: Uint8Array, byteLength: number, unclosed: boolean): void {
    this.onTooLong?.(line, head, byteLength, unclosed);
  }

  /**
   * Whether the delimiter, whose first byte is at `index`, is there whole: 1 when it is, 0 when it is not, and
   * -1 when the chunk ends before it can be told (never once the input has ended).
   */
  private delimiterAt(buffer: Uint8Array, index: number, length: number): number {
    const bytes = this.delimiterBytes;
    for (let at = 1; at < bytes.length; at += 1) {
      if (index + at === length) return this.ended ? 0 : -1;
      if (buffer[index + at] !== bytes[at]) return 0;
    }
    return 1;
  }

  /** Keeps the chunk's bytes from `index` for the next chunk; returns `index`, where this chunk now ends. */
  private keepPending(buffer: Uint8Array, index: number): number {
    this.pending = buffer.slice(index);
    return index;
  }

  private appendToCarry(buffer: Uint8Array, from: number, to: number): void {
    const needed = this.carryLength + (to - from);
    if (needed > this.carry.length) {
      const grown = new Uint8Array(Math.max(needed, this.carry.length * 2));
      grown.set(this.carry.subarray(0, this.carryLength));
      this.carry = grown;
    }
    this.carry.set(buffer.subarray(from, to), this.carryLength);
    this.carryLength = needed;
  }
}
