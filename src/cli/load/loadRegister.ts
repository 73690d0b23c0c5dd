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
} from '../../io/long/types.js';
import type { RegisterImportReport } from '../../io/types.js';
import type { ProgressBar } from '../output/createProgressBar.js';
import type { OpenedFile, RegisterFormat } from '../types.js';
import { unreadableFileIssue } from './fileIssue.js';
import { RegisterStore } from './registerStore.js';
import { jsonErrorLine } from './jsonErrorLine.js';

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
  /** Makes the progress bar for a file of a given size. */
  readonly progress: (label: string, totalBytes: number) => ProgressBar;
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

async function readAllText(chunks: AsyncIterable<Uint8Array>): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  let text = '';
  for await (const chunk of chunks) text += decoder.decode(chunk, { stream: true });
  return text + decoder.decode();
}

function failed(source: string, issue: AttendanceIssue): Omit<RegisterImportReport, 'marks'> {
  return { rowsRead: 0, rowsUsed: 0, rowsRejected: 0, issues: [{ ...issue, source }] };
}

async function importJson(
  source: string,
  chunks: AsyncIterable<Uint8Array>,
  options: LoadRegisterOptions
): Promise<RegisterImportReport> {
  const text = await readAllText(chunks);
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
  return readRegisterJson(value, { source, ...longOptions(options) });
}

async function importFile(
  source: string,
  file: OpenedFile,
  options: LoadRegisterOptions,
  bar: ProgressBar,
  store: RegisterStore
): Promise<RegisterImportReport> {
  switch (options.format) {
    case 'csv': {
      // Read straight into the store: no object per row, each distinct pupil, date and code converted once.
      const report = await readCsvIntoSink(
        file.chunks,
        {
          source,
          ...longOptions(options),
          ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
          ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
        },
        store,
        ({ bytesRead, rowsRead }) => {
          bar.update(bytesRead, rowsRead);
        },
        file.size
      );
      return { ...report, marks: [] };
    }
    case 'json':
      return importJson(
        source,
        counted(file.chunks, (bytesRead) => {
          bar.update(bytesRead);
        }),
        options
      );
    case 'ctf':
      return importCtf(
        counted(file.chunks, (bytesRead) => {
          bar.update(bytesRead);
        }),
        {
          source,
          ...(options.calendar === undefined ? {} : { calendar: options.calendar }),
          ...(options.dayModel === undefined ? {} : { dayModel: options.dayModel }),
          ...(options.codeWidth === undefined ? {} : { codeWidth: options.codeWidth }),
        }
      );
  }
}

/**
 * Reads a register file (long-format CSV or JSON, or a CTF) with the library's importers, tolerantly: the marks of
 * every row that could be used, and every problem, a file that cannot be opened included, as an issue naming the
 * file and, where the format has lines, the line. Nothing is thrown for bad data, so that `check` can list it all.
 *
 * @param io - The file system.
 * @param io.openFile - Opens the file for streaming.
 * @param source - The file, as given on the command line.
 * @param options - The format, the importer options for it, the calendar and the progress bar.
 * @returns What was read.
 * @throws {@link AttendanceError} Only if an option is invalid (e.g. a custom mapping without a pupil column).
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
      issues: report.issues.map((issue) => (issue.source === undefined ? { ...issue, source } : issue)),
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
      const [first, ...rest] = error.issues.map((issue) => ({
        ...issue,
        source: issue.source ?? optionSource(issue),
      }));
      throw new AttendanceError([first!, ...rest]);
    }
    throw error;
  } finally {
    bar.done();
  }
}
