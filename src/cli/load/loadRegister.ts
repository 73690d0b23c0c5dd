import type { SchoolCalendar } from '../../calendar/types.js';
import { AttendanceError } from '../../errors.js';
import type { AttendanceIssue } from '../../errors.js';
import { importCtf } from '../../io/ctf/importCtf.js';
import { readCsvIntoSink } from '../../io/long/_internal/readCsvIntoSink.js';
import { readRegisterJson } from '../../io/long/readRegisterJson.js';
import type { CtfOptions } from '../../io/ctf/types.js';
import type {
  RegisterCodeList,
  RegisterColumnMapping,
  RegisterColumnPresetName,
  RegisterCsvOptions,
  RegisterDateFormat,
  RegisterJsonOptions,
} from '../../io/long/types.js';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_LINE_BYTES } from '../../io/limits/inputLimits.js';
import type { InputLimits } from '../../io/limits/inputLimits.js';
import type { RegisterImportReport } from '../../io/types.js';
import type { ProgressBar } from '../output/createProgressBar.js';
import { presentIssue } from '../output/presentIssue.js';
import type { OpenedFile, RegisterFormat } from '../types.js';
import { UsageError } from '../usageError.js';
import {
  chooseMapping,
  peekCsvHeader,
  presetsMatchingCsvHeader,
  presetsMatchingJsonRecord,
} from './detectMapping.js';
import type { MappingDetection } from './detectMapping.js';
import { unreadableFileIssue } from './fileIssue.js';
import { readJsonRegisterText } from './readJsonRegisterText.js';
import { RegisterStore } from './registerStore.js';
import { jsonErrorLine } from '../../io/_internal/jsonErrorLine.js';

/** A register file as read: its good marks and every problem found in it, with what was read, used and rejected. */
export interface LoadedRegister {
  /** The file, as given on the command line. */
  readonly source: string;
  /** The format it was read as. */
  readonly format: RegisterFormat;
  /** The marks of the rows that could be used, in file order. */
  readonly marks: RegisterStore;
  /** Rows (or records) read. */
  readonly rowsRead: number;
  /** Rows that became marks. */
  readonly rowsUsed: number;
  /** Rows rejected with an error. */
  readonly rowsRejected: number;
  /** Every issue, errors and warnings, each naming the file. */
  readonly issues: readonly AttendanceIssue[];
}

/** How to read a register file. */
export interface LoadRegisterOptions {
  /** The format. */
  readonly format: RegisterFormat;
  /** A column mapping preset or a custom mapping (CSV and JSON). */
  readonly mapping?: RegisterColumnPresetName | RegisterColumnMapping;
  /** The file a custom mapping came from, named on the mapping's issues. */
  readonly mappingSource?: string;
  /** The file the code list came from, named on the code list's issues. */
  readonly codeListSource?: string;
  /** Codes as a system writes them mapped to statutory codes (CSV and JSON). */
  readonly codeList?: RegisterCodeList;
  /** How dates are written (CSV and JSON). */
  readonly dateFormat?: RegisterDateFormat;
  /** The field delimiter (CSV). */
  readonly delimiter?: string;
  /** How the file's bytes are decoded (CSV). */
  readonly encoding?: RegisterCsvOptions['encoding'];
  /** How the mark strings map to dates (CTF). */
  readonly dayModel?: CtfOptions['dayModel'];
  /** Characters per session in the mark strings (CTF). */
  readonly codeWidth?: 1 | 2;
  /** The school calendar, which a CTF file may need to date its marks. */
  readonly calendar?: SchoolCalendar;
  /** The longest line or field accepted, in bytes (`--max-line-bytes`). @defaultValue 1 MiB */
  readonly maxLineBytes?: number;
  /** The deepest nesting accepted (`--max-depth`). @defaultValue 64 */
  readonly maxDepth?: number;
  /** Makes the progress bar for a file of a given size. */
  readonly progress: (label: string, totalBytes: number) => ProgressBar;
  /** Told one line for people: a column mapping preset found from the file's header, when no mapping was given. */
  readonly notice?: (text: string) => void;
}

/** The file's chunks, counting the bytes that pass for the progress bar. */
async function* counted(
  chunks: AsyncIterable<Uint8Array>,
  onBytes: (bytesRead: number) => void
): AsyncGenerator<Uint8Array> {
  let bytesRead = 0;
  for await (const chunk of chunks) {
    bytesRead += chunk.byteLength;
    onBytes(bytesRead);
    yield chunk;
  }
}

/** The options the CSV and JSON importers share, as given. */
function longOptions(options: LoadRegisterOptions): {
  mapping?: RegisterColumnPresetName | RegisterColumnMapping;
  codeList?: RegisterCodeList;
  dateFormat?: RegisterDateFormat;
} {
  return {
    ...(options.mapping === undefined ? {} : { mapping: options.mapping }),
    ...(options.codeList === undefined ? {} : { codeList: options.codeList }),
    ...(options.dateFormat === undefined ? {} : { dateFormat: options.dateFormat }),
  };
}

/** `--max-line-bytes` and `--max-depth`, as every importer takes them. */
function limitsOf(options: LoadRegisterOptions): Required<InputLimits> {
  return {
    maxLineBytes: options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES,
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
  };
}

function failed(source: string, issue: AttendanceIssue): Omit<RegisterImportReport, 'marks'> {
  return { rowsRead: 0, rowsUsed: 0, rowsRejected: 0, issues: [{ ...issue, source }] };
}

/**
 * The mapping to read a file with when no `--mapping` was given: a preset found from its header is said on
 * stderr; a header that fits several presets is a usage error naming them.
 */
function detectedMapping(
  source: string,
  detection: MappingDetection,
  options: LoadRegisterOptions
): LoadRegisterOptions {
  const found = options.format === 'json' ? 'its records have the keys' : 'the header has the columns';
  switch (detection.kind) {
    case 'default':
      return options;
    case 'preset':
      options.notice?.(
        `${source}: ${found} of the ${detection.preset} preset, so it is read with --mapping ${detection.preset}.`
      );
      return { ...options, mapping: detection.preset };
    case 'ambiguous': {
      const choices = detection.presets.map((preset) => `--mapping ${preset}`);
      throw new UsageError(
        `${source}: ${found} of ${detection.presets.length} presets (${detection.presets.join(', ')}): give ${choices.slice(0, -1).join(', ')} or ${choices.at(-1) ?? ''}.`
      );
    }
  }
}

async function importJson(
  source: string,
  file: OpenedFile,
  chunks: AsyncIterable<Uint8Array>,
  options: LoadRegisterOptions
): Promise<RegisterImportReport> {
  const limits = limitsOf(options);
  const read = await readJsonRegisterText(chunks, file.size);
  if (!read.ok) {
    return {
      marks: [],
      ...failed(source, {
        code: 'too_long',
        severity: 'error',
        message: `The register "${source}" is ${read.bytes} bytes, more than the ${read.limit} bytes the command line can read as JSON at once; export it as CSV, which is read as it streams.`,
        path: [],
        expected: `a JSON register of at most ${read.limit} bytes`,
        received: `${read.bytes} bytes`,
      }),
    };
  }
  const { text } = read;
  let value: unknown;
  try {
    // A byte-order mark is not JSON, but editors on Windows write one.
    value = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = jsonErrorLine(text, message);
    return {
      marks: [],
      ...failed(source, {
        code: 'malformed_input',
        severity: 'error',
        message: `The register "${source}" is not valid JSON: ${message.replace(/\s*\n\s*/g, ' ')}.`,
        path: [],
        ...(line === undefined ? {} : { line }),
        expected: 'JSON: an array of marks, or { "data": [...] }',
        received: 'text that is not JSON',
      }),
    };
  }
  // JSON.parse builds a value nested millions deep without trouble; the importer holds each record to the
  // limits before anything recursive meets it.
  const reading =
    options.mapping === undefined
      ? detectedMapping(source, chooseMapping(presetsMatchingJsonRecord(value, limits)), options)
      : options;
  const jsonOptions: RegisterJsonOptions = { source, ...longOptions(reading), ...limits };
  return readRegisterJson(value, jsonOptions);
}

async function importCsv(
  source: string,
  file: OpenedFile,
  options: LoadRegisterOptions,
  bar: ProgressBar,
  store: RegisterStore
): Promise<RegisterImportReport> {
  let chunks: AsyncIterable<Uint8Array> = file.chunks;
  let reading = options;
  if (options.mapping === undefined) {
    const peeked = await peekCsvHeader(file.chunks, options.encoding);
    chunks = peeked.chunks;
    if (peeked.header !== undefined) {
      const matching = presetsMatchingCsvHeader(peeked.header, options.delimiter);
      reading = detectedMapping(source, chooseMapping(matching), options);
    }
  }
  const csvOptions: RegisterCsvOptions = {
    source,
    ...longOptions(reading),
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
    ...limitsOf(options),
  };
  // Read straight into the store: no object per row, each distinct pupil, date and code converted once.
  const report = await readCsvIntoSink(
    chunks,
    csvOptions,
    store,
    ({ bytesRead, rowsRead }) => {
      bar.update(bytesRead, rowsRead);
    },
    file.size
  );
  return { ...report, marks: [] };
}

function importFile(
  source: string,
  file: OpenedFile,
  options: LoadRegisterOptions,
  bar: ProgressBar,
  store: RegisterStore
): Promise<RegisterImportReport> {
  const onBytes = (bytesRead: number): void => {
    bar.update(bytesRead);
  };
  switch (options.format) {
    case 'csv':
      return importCsv(source, file, options, bar, store);
    case 'json':
      return importJson(source, file, counted(file.chunks, onBytes), options);
    case 'ctf': {
      const ctfOptions: CtfOptions = {
        source,
        ...(options.calendar === undefined ? {} : { calendar: options.calendar }),
        ...(options.dayModel === undefined ? {} : { dayModel: options.dayModel }),
        ...(options.codeWidth === undefined ? {} : { codeWidth: options.codeWidth }),
        ...limitsOf(options),
      };
      return importCtf(counted(file.chunks, onBytes), ctfOptions);
    }
  }
}

/**
 * Reads a register file (long-format CSV or JSON, or a CTF) with the library's importers, tolerantly: the marks of
 * every row that could be used, and every problem, a file that cannot be opened included, as an issue naming the
 * file and, where the format has lines, the line. Nothing is thrown for bad data, so that `check` can list it all.
 * Every importer is held to `maxLineBytes` and `maxDepth`; every issue is given in the command line's spelling,
 * quoting at most an excerpt of the file ({@link presentIssue}). Without a mapping, a CSV header (or a JSON
 * register's first record) that has the columns of one preset other than `generic` is read with that preset,
 * said through `notice`.
 *
 * @param io - The file system.
 * @param io.openFile - Opens the file for streaming.
 * @param source - The file, as given on the command line.
 * @param options - The format, the importer options for it, the calendar and the progress bar.
 * @returns What was read.
 * @throws {@link AttendanceError} Only if an option is invalid (e.g. a custom mapping without a pupil column).
 * @throws {@link UsageError} If no mapping was given and the header has the columns of several presets.
 * @example
 * const register = await loadRegister(io, 'register.csv', { format: 'csv', progress: () => noBar });
 * register.rowsRejected //=> 0
 */
export async function loadRegister(
  io: { openFile(path: string): Promise<OpenedFile> },
  source: string,
  options: LoadRegisterOptions
): Promise<LoadedRegister> {
  const store = new RegisterStore(options.calendar);
  let file: OpenedFile;
  try {
    file = await io.openFile(source);
  } catch (error) {
    return {
      source,
      format: options.format,
      marks: store,
      ...failed(source, unreadableFileIssue(source, 'register', error)),
    };
  }
  const bar = options.progress(source, file.size);
  try {
    const report = await importFile(source, file, options, bar, store);
    // CSV marks are already in the store; JSON and CTF importers hand them over at the end.
    for (const mark of report.marks) store.add(mark);
    store.finish();
    return {
      source,
      format: options.format,
      marks: store,
      rowsRead: report.rowsRead,
      rowsUsed: report.rowsUsed,
      rowsRejected: report.rowsRejected,
      // In the command line's spelling, quoting no more than an excerpt of the file, in every output form.
      issues: report.issues.map((issue) =>
        presentIssue(issue.source === undefined ? { ...issue, source } : issue)
      ),
    };
  } catch (error) {
    // An invalid option (e.g. a custom mapping) is the command line's mistake: name the file it was for.
    if (error instanceof AttendanceError) {
      const optionSource = (issue: AttendanceIssue): string =>
        issue.path[0] === 'mapping'
          ? (options.mappingSource ?? source)
          : issue.path[0] === 'codeList'
            ? (options.codeListSource ?? source)
            : source;
      const [first, ...rest] = error.issues.map((issue) =>
        presentIssue({ ...issue, source: issue.source ?? optionSource(issue) })
      );
      throw new AttendanceError([first!, ...rest]);
    }
    throw error;
  } finally {
    bar.done();
  }
}
