import { fc, test } from '@fast-check/vitest';
import { parse } from 'csv-parse/sync';
import { describe, expect } from 'vitest';
import { formatCsv } from '../../src/cli/output/formatCsv.js';
import { COMPACT_CODES } from '../../src/index.js';
import {
  importCohortRegisterCsv,
  importRegisterCsv,
  parseCensusAttendanceCsv,
  parsePupilSummaryCsv,
  parseRegisterCsv,
  toCensusAttendanceCsv,
  toPupilSummaryCsv,
  toRegisterCsv,
  toRegisterCsvLines,
} from '../../src/io/index.js';
import type { CensusAttendance, ImportedMark } from '../../src/io/index.js';
import { FIXED_COLUMNS } from '../../src/io/export/_internal/pupilSummaryColumns.js';
import { fromSpreadsheetSafe, toSpreadsheetSafe } from '../../src/io/export/_internal/spreadsheetSafe.js';
import { isoDateArb } from '../_arbitraries/isoDate.js';
import { summaryCountsArb } from '../io/export/summaryCounts.js';
import { withoutLine } from '../io/long/fixtures.js';

// Any string written as a pupil id, UPN, comment or attribute by a CSV writer reads back equal through its
// reader, and no free-text cell of the written file starts with a character that makes a spreadsheet run it.

const DANGEROUS = /^[=+\-@\t\r]/;

/** Any text, with formula starts, quotes and what CSV quotes made common at the front. */
const textArb = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 10 }),
  fc
    .tuple(
      fc.constantFrom(
        '=',
        '+',
        '-',
        '@',
        '\t',
        '\r',
        "'",
        "''",
        "'=",
        "'-",
        "'\t",
        "'a",
        '"',
        ',',
        '\n',
        ' '
      ),
      fc.string({ unit: fc.constantFrom('=', '+', '-', '@', "'", '"', ',', 'a', '1', '\t'), maxLength: 4 }),
      fc.string({ unit: 'grapheme', maxLength: 6 })
    )
    .map(([head, middle, tail]) => head + middle + tail)
);
const nonEmptyArb = textArb.filter((text) => text !== '');
/** Register pupil ids and UPNs are trimmed on reading, so only trimmed ones can come back equal. */
const trimmedArb = nonEmptyArb.filter((text) => text === text.trim());

/** The CSV's cells, as any RFC 4180 reader gives them. */
function cellsOf(text: string): string[][] {
  const cells: string[][] = parse(text);
  return cells;
}

function expectSafe(cells: readonly string[]): void {
  for (const cell of cells) expect(cell).not.toMatch(DANGEROUS);
}

const marksArb = fc.uniqueArray(
  fc
    .record(
      {
        pupilId: trimmedArb,
        upn: trimmedArb,
        date: isoDateArb(),
        session: fc.constantFrom('AM' as const, 'PM' as const),
        code: fc.constantFrom(...COMPACT_CODES),
        minutesLate: fc.nat({ max: 600 }),
        comment: nonEmptyArb,
      },
      { requiredKeys: ['pupilId', 'date', 'session', 'code'] }
    )
    .map((mark) => mark as ImportedMark),
  { maxLength: 12, selector: (mark) => `${mark.pupilId}\u0000${mark.date}\u0000${mark.session}` }
);

async function* chunks(text: string): AsyncGenerator<string> {
  await Promise.resolve();
  yield text;
}

describe('the escape', () => {
  test.prop([textArb])('is undone by its inverse, and never leaves a formula start', (text) => {
    expect(fromSpreadsheetSafe(toSpreadsheetSafe(text))).toBe(text);
    expect(toSpreadsheetSafe(text)).not.toMatch(DANGEROUS);
  });
});

describe('long-format register CSV', () => {
  test.prop([marksArb, fc.constantFrom('\r\n' as const, '\n' as const)])(
    'toRegisterCsv then parseRegisterCsv gives the marks back; no pupil id, UPN or comment cell is a formula',
    (marks, lineEnding) => {
      const text = toRegisterCsv(marks, { lineEnding });
      expect([...toRegisterCsvLines(marks, { lineEnding })].join('')).toBe(text);
      expect(parseRegisterCsv(text).marks.map(withoutLine)).toEqual(marks);
      const [header, ...rows] = cellsOf(text);
      const free = ['pupil_id', 'comment', 'upn']
        .map((name) => header!.indexOf(name))
        .filter((at) => at >= 0);
      for (const row of rows) expectSafe(free.map((at) => row[at]!));
      // The code column is never changed: "-" stays "-".
      const code = header!.indexOf('code');
      expect(rows.map((row) => row[code])).toEqual(marks.map((mark) => mark.code));
    }
  );

  test.prop([marksArb])(
    'importCohortRegisterCsv reads the same pupils as importRegisterCsv, fast path or slow',
    async (marks) => {
      const text = toRegisterCsv(marks);
      const general = await importRegisterCsv(chunks(text));
      const cohort = await importCohortRegisterCsv(chunks(text));
      expect(cohort.issues).toEqual(general.issues);
      expect(cohort.rowsUsed).toBe(marks.length);
      expect(new Set(cohort.register.pupilIds)).toEqual(new Set(marks.map((mark) => mark.pupilId)));
    }
  );
});

describe('per-pupil summary CSV', () => {
  const nameArb = nonEmptyArb.filter((name) => !FIXED_COLUMNS.has(name) && !name.startsWith('code_'));
  test.prop([
    fc.uniqueArray(nameArb, { maxLength: 3 }).chain((names) =>
      fc
        .array(
          fc.record({
            pupilId: nonEmptyArb,
            counts: summaryCountsArb(),
            values: fc.array(textArb, { minLength: names.length, maxLength: names.length }),
          }),
          { maxLength: 5 }
        )
        .map((rows) => ({ names, rows }))
    ),
  ])('reads back every pupil id and attribute; none of their cells is a formula', ({ names, rows }) => {
    const input = rows.map(({ pupilId, counts, values }) => ({
      pupilId,
      counts,
      attributes: Object.fromEntries(names.map((name, index) => [name, values[index]!])),
    }));
    const text = toPupilSummaryCsv(input);
    const { pupils } = parsePupilSummaryCsv(text);
    expect(pupils.map(({ pupilId, attributes }) => ({ pupilId, attributes }))).toEqual(
      input.map(({ pupilId, attributes }) => ({ pupilId, attributes }))
    );
    const [header, ...lines] = cellsOf(text);
    expectSafe(header!.slice(0, 1 + names.length));
    for (const line of lines) expectSafe(line.slice(0, 1 + names.length));
  });
});

describe('census attendance CSV', () => {
  const termly: CensusAttendance = {
    sessionsPossible: 10,
    sessionDetails: [{ reason: 'I', absenceSessions: 1 }],
    sessionsAuthorised: 1,
    sessionsUnauthorised: 0,
  };
  test.prop([fc.uniqueArray(nonEmptyArb, { maxLength: 6 })])(
    'reads back every pupil id; none of their cells is a formula',
    (ids) => {
      const pupils = ids.map((pupilId) => ({ pupilId, termly }));
      const text = toCensusAttendanceCsv(pupils);
      expect(parseCensusAttendanceCsv(text).pupils).toEqual(pupils);
      for (const row of cellsOf(text).slice(1)) expectSafe([row[0]!]);
    }
  );
});

describe("the command line's CSV output", () => {
  test.prop([fc.array(fc.tuple(textArb, fc.integer()), { maxLength: 6 })])(
    'no text cell is a formula, and numbers are written as they are',
    (rows) => {
      const [, ...cells] = cellsOf(formatCsv(['pupil_id', 'count'], rows));
      for (const [index, [pupilId, count]] of cells.entries()) {
        if (rows[index]![0] !== '-') expectSafe([pupilId!]);
        expect(count).toBe(String(rows[index]![1]));
      }
    }
  );
});
