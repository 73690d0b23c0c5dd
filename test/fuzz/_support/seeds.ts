import { readdirSync, readFileSync } from 'node:fs';
import { countSessions, groupMarksByPupil } from '../../../src/index.js';
import type { SessionMark } from '../../../src/index.js';
import {
  censusPeriods,
  readRegisterCsv,
  toCensusAttendance,
  toCensusAttendanceCsv,
  toCensusAttendanceXml,
  toPupilSummaryCsv,
} from '../../../src/io/index.js';
import type { CensusPupilAttendance, PupilSummaryInput } from '../../../src/io/index.js';

// The files the mutators start from: the bundled samples (examples/data) and the importers' own test fixtures,
// so the fuzzer spends its time near real input, where the interesting paths are. The samples are cut to a few
// dozen lines to keep each run quick; the census and summary seeds are written by the library's own writers
// from the sample register, since no such sample is bundled.

const ROOT = new URL('../../../', import.meta.url);
const UTF8 = new TextEncoder();

function bytesOf(path: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(path, ROOT)));
}

function filesIn(folder: string, suffix: string): Record<string, Uint8Array> {
  return Object.fromEntries(
    readdirSync(new URL(folder, ROOT))
      .filter((name) => name.endsWith(suffix))
      .sort()
      .map((name) => [`${folder}${name}`, bytesOf(`${folder}${name}`)])
  );
}

/** The first `count` lines of a text file, line endings kept. */
function firstLines(text: string, count: number): string {
  return text
    .split(/(?<=\n)/)
    .slice(0, count)
    .join('');
}

const SAMPLE_REGISTER_CSV = readFileSync(new URL('examples/data/sample-trust-register.csv', ROOT), 'utf8');

/** The start of the sample trust register: two pupils' first weeks, every code kind the sample uses. */
export const SAMPLE_REGISTER_HEAD = firstLines(SAMPLE_REGISTER_CSV, 48);

/** Register CSVs: the start of the sample and every CSV fixture (presets, BOMs, CRLF, Latin-1, UTF-16, broken). */
export const REGISTER_CSV_SEEDS: Readonly<Record<string, Uint8Array>> = {
  'examples/data/sample-trust-register.csv (head)': UTF8.encode(SAMPLE_REGISTER_HEAD),
  ...filesIn('test/io/long/fixtures/', '.csv'),
};

const SAMPLE_REGISTER_JSON_TEXT = readFileSync(new URL('examples/data/sample-register.json', ROOT), 'utf8');

/** The start of the sample JSON register: its first 30 marks, as the sample writes them. */
export const SAMPLE_REGISTER_JSON_HEAD = `${firstLines(SAMPLE_REGISTER_JSON_TEXT, 31).replace(/,\s*$/, '')}\n]\n`;

/** Register JSON files: the start of the sample and every JSON fixture of the presets. */
export const REGISTER_JSON_SEEDS: Readonly<Record<string, Uint8Array>> = {
  'examples/data/sample-register.json (head)': UTF8.encode(SAMPLE_REGISTER_JSON_HEAD),
  ...filesIn('test/io/long/fixtures/', '.json'),
};

/** Common Transfer Files: the sample and every CTF fixture (valid, Latin-1, BOM, truncated, malformed…). */
export const CTF_SEEDS: Readonly<Record<string, Uint8Array>> = {
  'examples/data/sample-transfer.ctf.xml': bytesOf('examples/data/sample-transfer.ctf.xml'),
  ...filesIn('test/io/ctf/fixtures/', '.xml'),
};

/** The marks of the first pupils of the sample trust register, by pupil. */
function samplePupils(count: number): [string, SessionMark[]][] {
  const { marks } = readRegisterCsv(firstLines(SAMPLE_REGISTER_CSV, 1 + count * 390));
  return [...groupMarksByPupil(marks)].slice(0, count);
}

const PUPILS = samplePupils(3);

/** Summary rows of the sample's first pupils, with attributes of each kind (text, number, flag, empty). */
export const SUMMARY_INPUT: readonly PupilSummaryInput[] = PUPILS.map(([pupilId, marks], index) => ({
  pupilId,
  counts: countSessions(marks),
  attributes: { year_group: 7 + index, fsm: index % 2 === 0, note: index === 1 ? 'said "ill", late' : null },
}));

/** Census records of the sample's first pupils, for the three census periods of 2024/25. */
const PERIODS = censusPeriods(2024);
export const CENSUS_INPUT: readonly CensusPupilAttendance[] = PUPILS.map(([pupilId, marks], index) => ({
  pupilId,
  termly: toCensusAttendance(marks, PERIODS.autumn),
  ...(index === 0 ? {} : { summerHalfTerm2: toCensusAttendance(marks, PERIODS.summerSecondHalf) }),
  annual: toCensusAttendance(marks, PERIODS.year),
}));

/** Per-pupil summary CSVs written by the library from the sample (plain, per code, LF endings). */
export const SUMMARY_CSV_SEEDS: Readonly<Record<string, Uint8Array>> = {
  'summary of sample (CRLF)': UTF8.encode(toPupilSummaryCsv(SUMMARY_INPUT)),
  'summary of sample (per code, LF)': UTF8.encode(
    toPupilSummaryCsv(SUMMARY_INPUT, { byCode: true, lineEnding: '\n' })
  ),
};

/** Census attendance CSVs written by the library from the sample. */
export const CENSUS_CSV_SEEDS: Readonly<Record<string, Uint8Array>> = {
  'census CSV of sample': UTF8.encode(toCensusAttendanceCsv(CENSUS_INPUT)),
  'census CSV of sample (LF)': UTF8.encode(toCensusAttendanceCsv(CENSUS_INPUT, { lineEnding: '\n' })),
};

/** Census attendance XMLs written by the library from the sample. */
export const CENSUS_XML_SEEDS: Readonly<Record<string, Uint8Array>> = {
  'census XML of sample': UTF8.encode(toCensusAttendanceXml(CENSUS_INPUT)),
  'census XML of sample (no indent)': UTF8.encode(toCensusAttendanceXml(CENSUS_INPUT, { indent: '' })),
};
