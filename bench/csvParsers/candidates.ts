/**
 * The candidate parsers, each streaming a register CSV from a file in chunks into the same
 * `ColumnarRegister` (see register.ts for the work done per row). Each gets the file line of every row
 * as well as it can:
 *
 * - csv-parse counts lines itself; the count is used as src/io/long/_internal/csvRegisterReader.ts does
 *   (its own count for one-line records, the record's own line breaks for records that span lines).
 * - papaparse (with `skipEmptyLines: false`, so a blank line is a row) and udsv report no lines: a row is one
 *   line plus the line breaks inside its fields. Those are counted only near a quote (a field can hold a line
 *   break only if quoted): for rows parsed from a chunk of text that has a quote, or that follows one closely.
 *   udsv skips blank lines without a trace, so its lines drift after one; it is given the header on line 1.
 * - The byte scanner counts every line break itself.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Parser } from 'csv-parse';
import type { Info, Options as CsvParseOptions } from 'csv-parse';
import Papa from 'papaparse';
import { inferSchema, initParser } from 'udsv';
import type { Parser as UdsvParser } from 'udsv';
import { importWithByteScanner, readStreamOptions } from './byteImport.js';
import type { ImportOptions, ImportResult } from './byteImport.js';
import { StringRegisterBuilder } from './register.js';

/** The candidates, by the names the tables use. */
export const CANDIDATES = ['csv-parse', 'papaparse', 'udsv', 'byte scanner'] as const;
export type Candidate = (typeof CANDIDATES)[number];
export type { ImportOptions, ImportResult };

/** Streams `file` through the named parser into a `ColumnarRegister`. */
export function importWith(
  candidate: Candidate,
  file: string,
  options: ImportOptions = {}
): Promise<ImportResult> {
  switch (candidate) {
    case 'csv-parse':
      return importWithCsvParse(file, options);
    case 'papaparse':
      return importWithPapaparse(file, options);
    case 'udsv':
      return importWithUdsv(file, options);
    case 'byte scanner':
      return importWithByteScanner(file, options);
  }
}

/** The file as text chunks: UTF-8 decoded across chunk ends, a byte order mark dropped. */
async function* textChunks(file: string, options: ImportOptions): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of createReadStream(file, readStreamOptions(options)) as AsyncIterable<Buffer>) {
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) yield text;
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}

/** Line breaks inside a record's cells, a CRLF counting as one. */
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

/**
 * Decides, for the text chunks of a parser that reports no lines, whether rows may hold line breaks: only rows
 * within `window` characters after a quote can (a row longer than that after its last quote is not expected).
 */
class QuoteWindow {
  private sinceQuote = Infinity;
  /** Whether rows parsed from this chunk need their line breaks counted. */
  quoted = false;

  constructor(private readonly window = 1 << 16) {}

  next(text: string): void {
    const last = text.lastIndexOf('"');
    this.quoted = last !== -1 || this.sinceQuote < this.window;
    this.sinceQuote = last === -1 ? this.sinceQuote + text.length : text.length - last;
  }
}

/**
 * csv-parse's streaming Parser, with each record handed over as it is parsed together with the parser's live
 * line counts (as src/io/long/_internal/csvRegisterReader.ts does, to avoid csv-parse's per-record info
 * objects).
 */
class RecordParser extends Parser {
  constructor(
    options: CsvParseOptions,
    private readonly onRecord: (record: string[], info: Info) => void
  ) {
    super(options);
  }

  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    if (chunk === null) return super.push(null, encoding);
    this.onRecord(chunk as string[], this.info);
    return true;
  }
}

async function importWithCsvParse(file: string, options: ImportOptions): Promise<ImportResult> {
  const builder = new StringRegisterBuilder(options.collectText ?? false, options.header);
  let previousEnd = 0;
  let previousParserEnd = 0;
  let previousEmpty = 0;
  const parser = new RecordParser(
    {
      delimiter: options.delimiter ?? ',',
      bom: true,
      relax_quotes: true,
      relax_column_count: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    },
    (record, info) => {
      const skipped = info.empty_lines - previousEmpty;
      const line = previousEnd + 1 + skipped;
      // csv-parse counts a CRLF inside quotes as two lines: its count is used only for one-line records.
      const parserSpan = info.lines - previousParserEnd - skipped;
      previousEnd = parserSpan <= 1 ? line : line + lineBreaksIn(record);
      previousParserEnd = info.lines;
      previousEmpty = info.empty_lines;
      builder.row(record, line);
    }
  );
  parser.resume();
  await pipeline(createReadStream(file, readStreamOptions(options)), parser);
  return { register: builder.finish() };
}

async function importWithPapaparse(file: string, options: ImportOptions): Promise<ImportResult> {
  const builder = new StringRegisterBuilder(options.collectText ?? false, options.header);
  const quotes = new QuoteWindow();
  // papaparse parses each chunk as the stream hands it over and calls `chunk` once for it (and once more at the
  // end, for the last line): the quote flags are queued in the same order.
  const quotedChunks: boolean[] = [];
  let parsedChunks = 0;
  let nextLine = 1;
  const text = Readable.from(
    (async function* () {
      for await (const chunk of textChunks(file, options)) {
        quotes.next(chunk);
        quotedChunks.push(quotes.quoted);
        yield chunk;
      }
    })(),
    { highWaterMark: 1 }
  );
  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(text, {
      delimiter: options.delimiter ?? ',',
      header: false,
      skipEmptyLines: false,
      chunk: (results) => {
        const rows = results.data;
        const quoted = quotedChunks[Math.min(parsedChunks, quotedChunks.length - 1)] ?? false;
        parsedChunks += 1;
        if (quoted) {
          for (const row of rows) {
            const line = nextLine;
            nextLine += 1 + lineBreaksIn(row);
            builder.row(row, line);
          }
        } else {
          for (const row of rows) {
            builder.row(row, nextLine);
            nextLine += 1;
          }
        }
      },
      complete: () => {
        resolve();
      },
      error: reject,
    });
  });
  return { register: builder.finish() };
}

async function importWithUdsv(file: string, options: ImportOptions): Promise<ImportResult> {
  const builder = new StringRegisterBuilder(options.collectText ?? false, options.header);
  const quotes = new QuoteWindow();
  let nextLine = options.header === undefined ? 2 : 1;
  const onRow = (row: string[]): void => {
    if (quotes.quoted) {
      const line = nextLine;
      nextLine += 1 + lineBreaksIn(row);
      builder.row(row, line);
    } else {
      builder.row(row, nextLine);
      nextLine += 1;
    }
  };
  let parser: UdsvParser | undefined;
  // udsv infers the schema (and takes the header) from the first chunk, which must hold a whole line.
  let head = '';
  for await (const chunk of textChunks(file, options)) {
    quotes.next(chunk);
    if (parser === undefined) {
      head += chunk;
      if (!/[\r\n][^]/.test(head)) continue;
      const schema = inferSchema(head, {
        col: options.delimiter ?? ',',
        ...(options.header === undefined ? {} : { header: () => [] }),
      });
      if (options.header === undefined) {
        builder.setHeader(
          schema.cols.map((column) => column.name),
          1
        );
      }
      parser = initParser(schema);
      parser.chunk<string[]>(head, parser.stringArrs, onRow);
    } else {
      parser.chunk<string[]>(chunk, parser.stringArrs, onRow);
    }
  }
  if (parser === undefined && head.length > 0) {
    parser = initParser(inferSchema(`${head}\n`, { col: options.delimiter ?? ',' }));
    parser.chunk<string[]>(head, parser.stringArrs, onRow);
  }
  parser?.end();
  return { register: builder.finish() };
}
