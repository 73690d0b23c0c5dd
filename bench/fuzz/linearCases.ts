/**
 * The inputs of the fuzz script's linear-time check: for each importer, a way to make input of about a given
 * size in bytes, in the shapes that make parsers go quadratic (one huge line, many tiny lines, many quotes,
 * many issues, deep nesting within the limits, NUL bytes), and the call to time.
 */
import { readFileSync } from 'node:fs';
import { safeParseSessionMarks } from '../../src/index.js';
import {
  importCohortRegisterCsv,
  importCtf,
  readCtf,
  readRegisterCsv,
  readRegisterJson,
  safeParseCensusAttendanceCsv,
  safeParseCensusAttendanceXml,
  safeParsePupilSummaryCsv,
  importRegisterCsv,
  toCensusAttendanceCsv,
  toCensusAttendanceXml,
  toPupilSummaryCsv,
} from '../../src/io/index.js';
import type { CensusPupilAttendance } from '../../src/io/index.js';

const UTF8 = new TextEncoder();
const CHUNK_BYTES = 64 * 1024;

/** One case: makes an input of about `bytes` bytes, and runs the importer on it. */
export interface LinearCase {
  readonly name: string;
  readonly make: (bytes: number) => unknown;
  readonly run: (input: unknown) => unknown;
}

/** Weekdays of 2024/25 as ISO dates, enough for any pupil's rows. */
const DATES: readonly string[] = (() => {
  const dates: string[] = [];
  for (let day = Date.UTC(2024, 8, 2); dates.length < 195; day += 86_400_000) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) dates.push(new Date(day).toISOString().slice(0, 10));
  }
  return dates;
})();

/** Rows of a register CSV from `row` on, made by `format`, until `bytes` bytes. */
function rowsUpTo(bytes: number, header: string, format: (row: number) => string): string {
  const parts = [header];
  let length = header.length;
  for (let row = 0; length < bytes; row += 1) {
    const line = format(row);
    parts.push(line);
    length += line.length;
  }
  return parts.join('');
}

const HEADER = 'pupil_id,date,session,code,minutes_late,comment\n';
const CODES = ['/', '\\', 'L', 'I', 'O', 'M', 'C', 'N', 'B', 'U'];

/** The row for row number `row`: each pupil has one row per session of the year, pupils one after another. */
function registerRow(row: number): string {
  const slot = row % (DATES.length * 2);
  const pupil = Math.floor(row / (DATES.length * 2));
  return `P${pupil},${DATES[slot >> 1]},${slot % 2 === 0 ? 'AM' : 'PM'},${CODES[row % CODES.length]},,\n`;
}

function registerCsv(bytes: number): string {
  return rowsUpTo(bytes, HEADER, registerRow);
}

function chunksOf(bytes: Uint8Array): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES)
    chunks.push(bytes.subarray(start, start + CHUNK_BYTES));
  return chunks;
}

async function* sourceOf<T>(chunks: readonly T[]): AsyncGenerator<T> {
  for (const chunk of chunks) yield await Promise.resolve(chunk);
}

/** Repeats a record (with `{i}` replaced by its number) between a head and a tail until `bytes` bytes. */
function repeated(bytes: number, head: string, record: string, tail: string): string {
  const parts = [head];
  let length = head.length + tail.length;
  for (let index = 0; length < bytes; index += 1) {
    const text = record.replaceAll('{i}', String(index));
    parts.push(text);
    length += text.length;
  }
  parts.push(tail);
  return parts.join('');
}

const SAMPLE_CTF = readFileSync(
  new URL('../../examples/data/sample-transfer.ctf.xml', import.meta.url),
  'utf8'
);
const CTF_HEAD = SAMPLE_CTF.slice(0, SAMPLE_CTF.indexOf('<Pupil>'));
const CTF_PUPIL = SAMPLE_CTF.slice(
  SAMPLE_CTF.indexOf('<Pupil>'),
  SAMPLE_CTF.indexOf('</Pupil>') + '</Pupil>'.length
).replace(/<UPN>[^<]*<\/UPN>/, '<UPN>SYN{i}</UPN>');
const CTF_TAIL = SAMPLE_CTF.slice(SAMPLE_CTF.lastIndexOf('</Pupil>') + '</Pupil>'.length);

const COUNTS = {
  possible: 380,
  attended: 350,
  present: 348,
  approvedEducationalActivity: 2,
  authorised: 20,
  unauthorised: 10,
  absent: 30,
  notPossible: 10,
  unmarked: 0,
  late: 4,
  lateAfterRegisterClosed: 1,
};
const SUMMARY_ROW = toPupilSummaryCsv([{ pupilId: 'P{i}', counts: COUNTS, attributes: { year: 9 } }]).split(
  '\r\n'
);
const CENSUS_RECORD: CensusPupilAttendance = {
  pupilId: 'P{i}',
  termly: {
    sessionsPossible: 140,
    sessionDetails: [
      { reason: 'I', absenceSessions: 6 },
      { reason: 'O', absenceSessions: 2 },
    ],
    sessionsAuthorised: 6,
    sessionsUnauthorised: 2,
  },
};
const CENSUS_CSV = toCensusAttendanceCsv([CENSUS_RECORD]).split('\r\n');
const CENSUS_XML = toCensusAttendanceXml([CENSUS_RECORD]);
const CENSUS_XML_PUPIL = CENSUS_XML.slice(
  CENSUS_XML.indexOf('<Pupil>'),
  CENSUS_XML.lastIndexOf('</Pupil>') + 8
);

/** Every case, in the order the table prints them. */
export const LINEAR_CASES: readonly LinearCase[] = [
  {
    name: 'readRegisterCsv: register rows',
    make: registerCsv,
    run: (text) => readRegisterCsv(text as string),
  },
  {
    name: 'readRegisterCsv: every row an issue',
    make: (bytes) => rowsUpTo(bytes, HEADER, (row) => `P${row % 97},2024-02-${30 + (row % 2)},XX,Q9,-1,\n`),
    run: (text) => readRegisterCsv(text as string),
  },
  {
    name: 'readRegisterCsv: many quotes',
    make: (bytes) =>
      rowsUpTo(bytes, HEADER, (row) => `${registerRow(row).slice(0, -2)},"${'""'.repeat(40)}"\n`),
    run: (text) => readRegisterCsv(text as string),
  },
  {
    name: 'readRegisterCsv: many tiny lines',
    make: (bytes) => HEADER + '\n'.repeat(bytes),
    run: (text) => readRegisterCsv(text as string),
  },
  {
    name: 'readRegisterCsv: one huge line',
    make: (bytes) => 'x'.repeat(bytes),
    run: (text) => readRegisterCsv(text as string),
  },
  {
    name: 'readRegisterCsv: one huge quoted field',
    make: (bytes) => `${HEADER}P1,2024-09-02,AM,/,,"${'a'.repeat(bytes)}\n`,
    run: (text) => readRegisterCsv(text as string),
  },
  {
    name: 'importRegisterCsv: bytes in 64 KB chunks',
    make: (bytes) => chunksOf(UTF8.encode(registerCsv(bytes))),
    run: (chunks) => importRegisterCsv(sourceOf(chunks as Uint8Array[])),
  },
  {
    name: 'importRegisterCsv: NUL bytes',
    make: (bytes) => chunksOf(new Uint8Array(bytes)),
    run: (chunks) => importRegisterCsv(sourceOf(chunks as Uint8Array[])),
  },
  {
    name: 'importCohortRegisterCsv: bytes in 64 KB chunks',
    make: (bytes) => chunksOf(UTF8.encode(registerCsv(bytes))),
    run: (chunks) => importCohortRegisterCsv(sourceOf(chunks as Uint8Array[])),
  },
  {
    name: 'readRegisterJson: records',
    make: (bytes) =>
      JSON.parse(
        `[${registerCsv(bytes)
          .split('\n')
          .slice(1, -1)
          .map((row) => {
            const [pupil_id, date, session, code] = row.split(',');
            return JSON.stringify({ pupil_id, date, session, code });
          })
          .join(',')}]`
      ) as unknown,
    run: (value) => readRegisterJson(value),
  },
  {
    name: 'readRegisterJson: records nested 40 deep',
    make: (bytes) => {
      const records: unknown[] = [];
      for (let row = 0, length = 0; length < bytes; row += 1) {
        let extra: unknown = 'x';
        for (let level = 0; level < 40; level += 1) extra = { extra };
        const [pupil_id, date, session, code] = registerRow(row).split(',');
        records.push({ pupil_id, date, session, code, extra });
        length += 60 + 40 * 12;
      }
      return records;
    },
    run: (value) => readRegisterJson(value),
  },
  {
    name: 'safeParseSessionMarks: marks',
    make: (bytes) =>
      Array.from({ length: Math.ceil(bytes / 48) }, (_, row) => {
        const [, date, session, code] = registerRow(row).split(',');
        return { date, session, code };
      }),
    run: (value) => safeParseSessionMarks(value),
  },
  {
    name: 'readCtf: pupils',
    make: (bytes) => repeated(bytes, CTF_HEAD, CTF_PUPIL, CTF_TAIL),
    run: (xml) => readCtf(xml as string),
  },
  {
    name: 'readCtf: every record an issue',
    make: (bytes) =>
      repeated(
        bytes,
        CTF_HEAD,
        CTF_PUPIL.replace(/<SessionsPossible>\d+/, '<SessionsPossible>-1.5').replace(
          '<AttendanceStartDate>2024-09-02',
          '<AttendanceStartDate>2024-02-30'
        ),
        CTF_TAIL
      ),
    run: (xml) => readCtf(xml as string),
  },
  {
    name: 'readCtf: one huge text run',
    make: (bytes) => `${CTF_HEAD}<Pupil><UPN>${'x'.repeat(bytes)}</UPN></Pupil>${CTF_TAIL}`,
    run: (xml) => readCtf(xml as string),
  },
  {
    name: 'importCtf: bytes in 64 KB chunks',
    make: (bytes) => chunksOf(UTF8.encode(repeated(bytes, CTF_HEAD, CTF_PUPIL, CTF_TAIL))),
    run: (chunks) => importCtf(sourceOf(chunks as Uint8Array[])),
  },
  {
    name: 'safeParsePupilSummaryCsv: pupils',
    make: (bytes) => repeated(bytes, `${SUMMARY_ROW[0]}\r\n`, `${SUMMARY_ROW[1]}\r\n`, ''),
    run: (text) => safeParsePupilSummaryCsv(text as string),
  },
  {
    name: 'safeParsePupilSummaryCsv: every row an issue',
    make: (bytes) =>
      repeated(bytes, `${SUMMARY_ROW[0]}\r\n`, `${SUMMARY_ROW[1]!.replace('380', '-3.5')}\r\n`, ''),
    run: (text) => safeParsePupilSummaryCsv(text as string),
  },
  {
    name: 'safeParseCensusAttendanceCsv: pupils',
    make: (bytes) => repeated(bytes, `${CENSUS_CSV[0]}\r\n`, `${CENSUS_CSV[1]}\r\n`, ''),
    run: (text) => safeParseCensusAttendanceCsv(text as string),
  },
  {
    name: 'safeParseCensusAttendanceXml: pupils',
    make: (bytes) =>
      repeated(
        bytes,
        CENSUS_XML.slice(0, CENSUS_XML.indexOf('<Pupil>')),
        CENSUS_XML_PUPIL,
        CENSUS_XML.slice(CENSUS_XML.lastIndexOf('</Pupil>') + 8)
      ),
    run: (xml) => safeParseCensusAttendanceXml(xml as string),
  },
  {
    name: 'safeParseCensusAttendanceXml: nested 60 deep',
    make: (bytes) =>
      repeated(
        bytes,
        CENSUS_XML.slice(0, CENSUS_XML.indexOf('<Pupil>')),
        CENSUS_XML_PUPIL.replace('</Pupil>', `${'<x>'.repeat(50)}${'</x>'.repeat(50)}</Pupil>`),
        CENSUS_XML.slice(CENSUS_XML.lastIndexOf('</Pupil>') + 8)
      ),
    run: (xml) => safeParseCensusAttendanceXml(xml as string),
  },
];
