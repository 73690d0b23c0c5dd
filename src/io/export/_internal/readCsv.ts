import { CsvError, parse } from 'csv-parse/sync';
import type { AttendanceIssue } from '../../../errors.js';

/** One CSV record with the 1-based file line it starts on. */
export interface CsvRecord {
  readonly fields: readonly string[];
  readonly line: number;
}

const LINE_BREAK = /\r\n|\r|\n/g;

function lineBreaksIn(fields: readonly string[]): number {
  let count = 0;
  for (const field of fields) count += field.match(LINE_BREAK)?.length ?? 0;
  return count;
}

/**
 * Reads CSV text into records (a byte-order mark and blank lines skipped), each with the line it starts on.
 * A syntax error (e.g. an unclosed quote) ends the read with a `malformed_input` issue at its line; the
 * records before it are kept so that their problems can be reported too.
 *
 * @param text - The CSV text.
 * @param issues - Where the syntax error, if any, is pushed.
 * @param source - The file name for the issue.
 * @returns The records read.
 * @example
 * readCsv('a,b\n1,2\n', []) //=> [{ fields: ['a', 'b'], line: 1 }, { fields: ['1', '2'], line: 2 }]
 */
export function readCsv(text: string, issues: AttendanceIssue[], source?: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  try {
    parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      // A file edited by several tools may mix line endings; each still ends a record.
      record_delimiter: ['\r\n', '\n', '\r'],
      on_record: (fields: string[], context) => {
        // csv-parse counts the line a record ends on; a quoted line break moves that past its first line.
        records.push({ fields, line: context.lines - lineBreaksIn(fields) });
        return null;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = typeof error['lines'] === 'number' ? error['lines'] : undefined;
    const reason = error.message;
    issues.push({
      code: 'malformed_input',
      severity: 'error',
      message: `The CSV text cannot be read${line === undefined ? '' : ` at line ${line}`}: ${reason}`,
      path: line === undefined ? [] : [line],
      expected: 'well-formed CSV (RFC 4180)',
      received: reason,
      ...(line === undefined ? {} : { line }),
      ...(source === undefined ? {} : { source }),
    });
  }
  return records;
}
