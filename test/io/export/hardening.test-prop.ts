import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { AttendanceError, countSessions } from '../../../src/index.js';
import type { AttendanceIssue, SafeResult } from '../../../src/index.js';
import {
  CENSUS_ABSENCE_REASONS,
  parseCensusAttendanceCsv,
  parseCensusAttendanceXml,
  parsePupilSummaryCsv,
  safeParseCensusAttendanceCsv,
  safeParseCensusAttendanceXml,
  safeParsePupilSummaryCsv,
  toCensusAttendanceCsv,
  toCensusAttendanceXml,
  toPupilSummaryCsv,
} from '../../../src/io/index.js';
import type {
  CensusAttendance,
  CensusAttendanceImport,
  PupilSummaryCounts,
  PupilSummaryImport,
} from '../../../src/io/index.js';
import { registerArb } from '../../_arbitraries/register.js';
import { summaryCountsArb, withoutWarnings } from './summaryCounts.js';
import { anyValueArb } from '../../_arbitraries/anyValue.js';

// Hostile input to the summary and census readers (issue 12, §3 and §5): files that read must write and read
// back equal, whatever Unicode, quoting, spacing and layout they use; the safe readers never throw whatever
// they are given; the throwing ones throw only AttendanceError, exactly when the safe ones fail; and no message
// quotes more than about 80 characters of the input.

// ---------------------------------------------------------------------------------------------------------
// Text: any Unicode, unpaired surrogates included, with the characters CSV, XML and spreadsheets treat
// specially made common.

const loneSurrogateArb = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit));
const characterArb = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '"',
      ',',
      '\n',
      '\r',
      '\r\n',
      ' ',
      '\t',
      "'",
      '=',
      '+',
      '-',
      '@',
      '\uFEFF',
      '\u0000',
      '<',
      '&',
      ']]>',
      '\uD83D\uDE00'
    ),
  }
);
/** Text, now and then with an unpaired surrogate in it (which a reader of a string must refuse). */
const textArb = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: characterArb, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.oneof(characterArb, loneSurrogateArb), maxLength: 8 }) }
);
const idArb = fc.oneof(
  { weight: 8, arbitrary: textArb.filter((text) => text !== '') },
  { weight: 1, arbitrary: textArb }
);
const nameArb = fc.oneof(
  textArb,
  fc.constantFrom('__proto__', 'toString', 'constructor', 'hasOwnProperty', 'form', "'=form", '1', ' ')
);

/** A CSV field: quoted when it must be, and sometimes when it need not be. */
function csvCell(text: string, quote: boolean): string {
  return quote || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole number as a file might write it: padded with spaces or leading zeros. */
const countTextArb = (value: number): fc.Arbitrary<string> =>
  fc.constantFrom(String(value), ` ${value} `, `00${value}`, `${value}\t`);

/** Rows of cells as CSV text, with a random byte order mark, line endings, quoting and blank lines. */
const csvTextArb = (rows: readonly (readonly string[])[]): fc.Arbitrary<string> =>
  fc
    .record({
      bom: fc.boolean(),
      endings: fc.array(fc.constantFrom('\n', '\r\n', '\r'), {
        minLength: rows.length,
        maxLength: rows.length,
      }),
      quotes: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
      blanks: fc.array(fc.constantFrom('', '', '', '\n', '  \r\n', ',,\n'), {
        minLength: rows.length,
        maxLength: rows.length,
      }),
    })
    .map(
      ({ bom, endings, quotes, blanks }) =>
        (bom ? '\uFEFF' : '') +
        rows
          .map(
            (cells, row) =>
              cells.map((cell, index) => csvCell(cell, quotes[(row + index) % 64]!)).join(',') +
              endings[row]! +
              blanks[row]!
          )
          .join('')
    );

/** The data, without the lines they were read from (a written file lays them out anew). */
function withoutLines(data: PupilSummaryImport): unknown[] {
  return data.pupils.map((pupil) => ({ ...pupil, line: 0 }));
}

// ---------------------------------------------------------------------------------------------------------
// Per-pupil summaries

const COUNT_COLUMNS = [
  ['possible', 'possible'],
  ['present', 'present'],
  ['approved_educational_activity', 'approvedEducationalActivity'],
  ['attended', 'attended'],
  ['authorised', 'authorised'],
  ['unauthorised', 'unauthorised'],
  ['absent', 'absent'],
  ['not_possible', 'notPossible'],
  ['unmarked', 'unmarked'],
  ['late', 'late'],
  ['late_after_register_closed', 'lateAfterRegisterClosed'],
] as const;
const DISPLAY_COLUMNS = ['attendance_percent', 'absence_percent', 'persistent_absence', 'severe_absence'];

/** Counts with per-code counts, from a register, or without them. */
const summaryCountsWithCodesArb: fc.Arbitrary<PupilSummaryCounts> = registerArb({ maxLength: 30 }).map(
  (marks) => withoutWarnings(countSessions(marks))
);

/** A summary file in any layout: columns in any order, some display columns, hostile ids and attributes. */
const summaryFileArb: fc.Arbitrary<string> = fc
  .record({
    byCode: fc.boolean(),
    attributes: fc.array(nameArb, { maxLength: 3 }),
    display: fc.subarray(DISPLAY_COLUMNS),
    rowCount: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ byCode, attributes, display, rowCount }) => {
    const codes = byCode ? Object.keys(withoutWarnings(countSessions([])).byCode ?? {}) : [];
    const columns = [
      'pupil_id',
      ...attributes,
      ...COUNT_COLUMNS.map(([column]) => column),
      ...display,
      ...codes.map((code) => `code_${code}`),
    ];
    const rowArb = fc
      .record({
        pupilId: idArb,
        counts: byCode ? summaryCountsWithCodesArb : summaryCountsArb(50),
        values: fc.array(textArb, { minLength: attributes.length, maxLength: attributes.length }),
        shown: fc.array(fc.constantFrom('', '50.0', '0', 'true', 'false', 'x', '100 %'), {
          minLength: display.length,
          maxLength: display.length,
        }),
      })
      .chain(({ pupilId, counts, values, shown }) =>
        fc
          .tuple(
            ...COUNT_COLUMNS.map(([, field]) => countTextArb(counts[field])),
            ...codes.map((code) => countTextArb(counts.byCode?.[code as keyof typeof counts.byCode] ?? 0))
          )
          .map((countTexts) => {
            const countCells = countTexts.slice(0, COUNT_COLUMNS.length);
            const codeCells = countTexts.slice(COUNT_COLUMNS.length);
            return [pupilId, ...values, ...countCells, ...shown, ...codeCells];
          })
      );
    return fc
      .tuple(
        fc.array(rowArb, { minLength: rowCount, maxLength: rowCount }),
        fc.shuffledSubarray(
          columns.map((_, index) => index),
          { minLength: columns.length, maxLength: columns.length }
        )
      )
      .chain(([rows, order]) =>
        csvTextArb([columns, ...rows].map((cells) => order.map((index) => cells[index]!)))
      );
  });

describe('per-pupil summary: whatever reads, writes, and reads back equal', () => {
  test.prop([summaryFileArb])('safeParsePupilSummaryCsv then toPupilSummaryCsv then read again', (text) => {
    const first = safeParsePupilSummaryCsv(text);
    if (!first.success) return;
    const { pupils } = first.data;
    const written = toPupilSummaryCsv(
      pupils.map(({ pupilId, counts, attributes }) => ({ pupilId, counts, attributes })),
      {
        byCode: pupils[0]?.counts.byCode !== undefined,
        attributeColumns: Object.keys(pupils[0]?.attributes ?? {}),
      }
    );
    const second = safeParsePupilSummaryCsv(written);
    if (!second.success) throw second.error;
    expect(second.data.warnings).toEqual([]);
    expect(withoutLines(second.data)).toEqual(withoutLines(first.data));
  });
});

// ---------------------------------------------------------------------------------------------------------
// Census attendance

/** A census record: any reasons (any order, zero allowed), totals free but never more absence than possible. */
const censusRecordArb: fc.Arbitrary<CensusAttendance> = fc
  .record({
    reasons: fc.uniqueArray(fc.constantFrom(...CENSUS_ABSENCE_REASONS), { maxLength: 4 }),
    sessions: fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 4, maxLength: 4 }),
    sessionsAuthorised: fc.integer({ min: 0, max: 200 }),
    sessionsUnauthorised: fc.integer({ min: 0, max: 200 }),
    extraPossible: fc.integer({ min: 0, max: 200 }),
  })
  .map(({ reasons, sessions, sessionsAuthorised, sessionsUnauthorised, extraPossible }) => ({
    sessionsPossible: sessionsAuthorised + sessionsUnauthorised + extraPossible,
    sessionDetails: reasons.map((reason, index) => ({ reason, absenceSessions: sessions[index]! })),
    sessionsAuthorised,
    sessionsUnauthorised,
  }));

const PERIODS = ['termly', 'summerHalfTerm2', 'annual'] as const;
const CENSUS_REQUIRED = [
  'pupil_id',
  'period',
  'sessions_possible',
  'sessions_authorised',
  'sessions_unauthorised',
];

/** A census CSV in any layout: columns in any order, some reason columns, extra columns, hostile ids. */
const censusCsvFileArb: fc.Arbitrary<string> = fc
  .record({
    reasons: fc.subarray([...CENSUS_ABSENCE_REASONS]),
    extra: fc.array(nameArb, { maxLength: 2 }),
    rows: fc.array(
      fc.record({
        pupilId: fc.oneof(idArb, fc.constantFrom('P1', 'P2')),
        period: fc.constantFrom(...PERIODS),
        record: censusRecordArb,
      }),
      { minLength: 1, maxLength: 5 }
    ),
  })
  .chain(({ reasons, extra, rows }) => {
    const columns = [...CENSUS_REQUIRED, ...reasons.map((reason) => `reason_${reason}`), ...extra];
    const rowArb = (row: (typeof rows)[number]): fc.Arbitrary<string[]> =>
      fc
        .tuple(
          fc.constantFrom(row.period, ` ${row.period}`),
          countTextArb(row.record.sessionsPossible),
          countTextArb(row.record.sessionsAuthorised),
          countTextArb(row.record.sessionsUnauthorised),
          fc.tuple(
            ...reasons.map((reason) => {
              const sessions = row.record.sessionDetails.find(
                (detail) => detail.reason === reason
              )?.absenceSessions;
              return sessions === undefined || sessions === 0
                ? fc.constantFrom('', '0', ' ')
                : countTextArb(sessions);
            })
          ),
          fc.array(textArb, { minLength: extra.length, maxLength: extra.length })
        )
        .map(([period, possible, authorised, unauthorised, reasonCells, extraCells]) => [
          row.pupilId,
          period,
          possible,
          authorised,
          unauthorised,
          ...reasonCells,
          ...extraCells,
        ]);
    return fc
      .tuple(
        fc.tuple(...rows.map(rowArb)),
        fc.shuffledSubarray(
          columns.map((_, index) => index),
          { minLength: columns.length, maxLength: columns.length }
        )
      )
      .chain(([cells, order]) =>
        csvTextArb([columns, ...cells].map((row) => order.map((index) => row[index]!)))
      );
  });

/** Text as XML might carry it: escaped, as character references, in CDATA, broken by comments. */
function xmlTextArb(text: string): fc.Arbitrary<string> {
  // By code point: a surrogate pair is one character (a reference names it whole), an unpaired one stays alone.
  const characters = Array.from(text);
  return fc
    .array(fc.constantFrom('plain', 'reference', 'cdata', 'comment'), {
      minLength: characters.length,
      maxLength: characters.length,
    })
    .map((ways) =>
      characters
        .map((character, index) => {
          const code = character.codePointAt(0)!;
          const escaped = character === '&' ? '&amp;' : character === '<' ? '&lt;' : character;
          switch (ways[index]) {
            case 'reference':
              return `&#x${code.toString(16)};`;
            case 'cdata':
              return character === ']' || character === '>' ? escaped : `<![CDATA[${character}]]>`;
            case 'comment':
              return `<!-- - -->${escaped}`;
            default:
              return escaped;
          }
        })
        .join('')
    );
}

function xmlRecordArb(element: string, record: CensusAttendance): fc.Arbitrary<string> {
  return fc
    .constantFrom('', '\n  ', '\r\n\t')
    .map(
      (space) =>
        `<${element}>${space}<SessionsPossible> ${record.sessionsPossible}</SessionsPossible>${space}` +
        `<SessionDetails>${record.sessionDetails
          .map(
            (detail) =>
              `<SessionDetail><AttendanceReason>${detail.reason} </AttendanceReason><AbsenceSessions>${detail.absenceSessions}</AbsenceSessions></SessionDetail>`
          )
          .join(space)}</SessionDetails>` +
        `<SessionsAuthorised>${record.sessionsAuthorised}</SessionsAuthorised><SessionsUnauthorised>${record.sessionsUnauthorised}</SessionsUnauthorised></${element}>`
    );
}

/** A census XML document in any layout: hostile ids, written every way XML allows. */
const censusXmlFileArb: fc.Arbitrary<string> = fc
  .array(
    fc.record(
      {
        pupilId: idArb,
        termly: censusRecordArb,
        annual: censusRecordArb,
      },
      { requiredKeys: ['pupilId'] }
    ),
    { maxLength: 4 }
  )
  .chain((pupils) =>
    fc.tuple(
      fc.boolean(),
      ...pupils.map((pupil) =>
        fc
          .tuple(
            xmlTextArb(pupil.pupilId),
            pupil.termly === undefined ? fc.constant('') : xmlRecordArb('TermlyAttendance', pupil.termly),
            pupil.annual === undefined ? fc.constant('') : xmlRecordArb('AnnualAttendance', pupil.annual)
          )
          .map(
            ([id, termly, annual]) =>
              `<Pupil>\n<PupilId>${id}</PupilId>${termly === '' && annual === '' ? '' : `<Attendance>${termly}${annual}</Attendance>`}</Pupil>\n`
          )
      )
    )
  )
  .map(
    ([declaration, ...pupils]) =>
      `${declaration ? '<?xml version="1.0" encoding="UTF-8"?>\r\n' : ''}<CensusAttendance>\n${pupils.join('')}</CensusAttendance>`
  );

describe('census attendance: whatever reads, writes, and reads back equal', () => {
  test.prop([censusCsvFileArb])(
    'safeParseCensusAttendanceCsv then toCensusAttendanceCsv then read again',
    (text) => {
      const first = safeParseCensusAttendanceCsv(text);
      if (!first.success) return;
      const second = safeParseCensusAttendanceCsv(toCensusAttendanceCsv(first.data.pupils));
      if (!second.success) throw second.error;
      expect(second.data.pupils).toEqual(first.data.pupils);
    }
  );

  test.prop([censusXmlFileArb])(
    'safeParseCensusAttendanceXml then toCensusAttendanceXml then read again',
    (xml) => {
      const first = safeParseCensusAttendanceXml(xml);
      if (!first.success) return;
      const second = safeParseCensusAttendanceXml(toCensusAttendanceXml(first.data.pupils));
      if (!second.success) throw second.error;
      expect(second.data.pupils).toEqual(first.data.pupils);
    }
  );
});

// ---------------------------------------------------------------------------------------------------------
// The other way: what a writer writes reads back equal, or the writer refuses it with an AttendanceError (an
// unpaired surrogate is refused, never written as U+FFFD).

/** Runs a writer: its text, or undefined when it refused with an AttendanceError (anything else is a failure). */
function written(write: () => string): string | undefined {
  try {
    return write();
  } catch (error) {
    expect(error).toBeInstanceOf(AttendanceError);
    return undefined;
  }
}

describe('writers: what writes reads back equal, or is refused', () => {
  test.prop([
    fc.uniqueArray(nameArb, { maxLength: 3 }).chain((names) =>
      fc
        .array(
          fc.record({
            pupilId: idArb,
            counts: summaryCountsArb(50),
            values: fc.array(textArb, { minLength: names.length, maxLength: names.length }),
          }),
          { maxLength: 4 }
        )
        .map((rows) =>
          rows.map(({ pupilId, counts, values }) => ({
            pupilId,
            counts,
            // From entries, so that a name such as __proto__ is an attribute of its own.
            attributes: Object.fromEntries(names.map((name, index) => [name, values[index]!])),
          }))
        )
    ),
  ])('toPupilSummaryCsv then parsePupilSummaryCsv', (rows) => {
    const csv = written(() => toPupilSummaryCsv(rows));
    if (csv === undefined) return;
    const back = parsePupilSummaryCsv(csv).pupils.map(({ pupilId, counts, attributes }) => ({
      pupilId,
      counts,
      attributes,
    }));
    expect(back).toEqual(rows);
  });

  const pupilsArb = fc.uniqueArray(fc.record({ pupilId: idArb, termly: censusRecordArb }), {
    selector: (pupil) => pupil.pupilId,
    maxLength: 4,
  });

  test.prop([pupilsArb])('toCensusAttendanceCsv then parseCensusAttendanceCsv', (pupils) => {
    const csv = written(() => toCensusAttendanceCsv(pupils));
    if (csv === undefined) return;
    // Read back in census form: reasons in census order, zero reasons left out.
    const canonical = pupils.map(({ pupilId, termly }) => ({
      pupilId,
      termly: {
        ...termly,
        sessionDetails: termly.sessionDetails
          .filter((detail) => detail.absenceSessions > 0)
          .sort(
            (left, right) =>
              CENSUS_ABSENCE_REASONS.indexOf(left.reason) - CENSUS_ABSENCE_REASONS.indexOf(right.reason)
          ),
      },
    }));
    expect(parseCensusAttendanceCsv(csv).pupils).toEqual(canonical);
  });

  test.prop([pupilsArb])('toCensusAttendanceXml then parseCensusAttendanceXml', (pupils) => {
    const xml = written(() => toCensusAttendanceXml(pupils));
    if (xml === undefined) return;
    expect(parseCensusAttendanceXml(xml).pupils).toEqual(pupils);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Total: anything at all in, a result out; parse* throws AttendanceError exactly when safeParse* fails.

const circular = (): unknown => {
  const value: Record<string, unknown> = { source: 'x' };
  value['self'] = value;
  value['policy'] = value;
  return value;
};
const anythingArb = fc.oneof(anyValueArb, fc.constant(circular()), fc.bigInt());
const inputArb = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: fc.oneof(characterArb, loneSurrogateArb), maxLength: 300 }) },
  { weight: 2, arbitrary: fc.oneof(summaryFileArb, censusCsvFileArb, censusXmlFileArb) },
  { weight: 1, arbitrary: anythingArb }
);
const optionsArb = fc.oneof(
  fc.constant(undefined),
  anythingArb,
  fc.record(
    {
      source: fc.oneof(fc.string(), anythingArb),
      maxLineBytes: fc.oneof(fc.integer({ min: -2, max: 400 }), anythingArb),
      maxDepth: fc.oneof(fc.integer({ min: -2, max: 8 }), anythingArb),
      policy: anythingArb,
    },
    { requiredKeys: [] }
  )
);

type Reader<T> = readonly [
  name: string,
  safe: (input: unknown, options: unknown) => SafeResult<T>,
  parse: (input: unknown, options: unknown) => T,
];
const READERS: readonly Reader<PupilSummaryImport | CensusAttendanceImport>[] = [
  [
    'pupil summary CSV',
    (input, options) => safeParsePupilSummaryCsv(input as string, options as never),
    (input, options) => parsePupilSummaryCsv(input as string, options as never),
  ],
  [
    'census CSV',
    (input, options) => safeParseCensusAttendanceCsv(input as string, options as never),
    (input, options) => parseCensusAttendanceCsv(input as string, options as never),
  ],
  [
    'census XML',
    (input, options) => safeParseCensusAttendanceXml(input as string, options as never),
    (input, options) => parseCensusAttendanceXml(input as string, options as never),
  ],
];

describe.each(READERS)('%s: total', (_, safe, parse) => {
  test.prop([inputArb, optionsArb])(
    'safeParse* never throws; parse* throws AttendanceError exactly when it fails',
    (input, options) => {
      const result = safe(input, options);
      let thrown: unknown;
      let data: unknown;
      try {
        data = parse(input, options);
      } catch (error) {
        thrown = error;
      }
      if (result.success) {
        expect(thrown).toBeUndefined();
        expect(data).toEqual(result.data);
      } else {
        expect(thrown).toBeInstanceOf(AttendanceError);
        expect((thrown as AttendanceError).issues).toEqual(result.error.issues);
      }
    }
  );

  test.prop([
    fc.oneof(
      fc.string({ unit: fc.oneof(characterArb, loneSurrogateArb), maxLength: 300 }),
      summaryFileArb,
      censusCsvFileArb,
      censusXmlFileArb
    ),
  ])('every issue about a file names its line', (text) => {
    const result = safe(text, undefined);
    const issues: readonly AttendanceIssue[] = result.success ? result.data.warnings : result.error.issues;
    for (const issue of issues) expect(issue.line).toBeGreaterThanOrEqual(1);
  });

  test.prop([
    fc.oneof(summaryFileArb, censusCsvFileArb, censusXmlFileArb),
    fc.nat(),
    fc.constantFrom('Ω', 'Ω,', 'Ω<', '"Ω', 'Ω\n'),
  ])('no message or received quotes more than about 80 characters of the file', (text, at, piece) => {
    // A long run of one character put anywhere in a file: no issue may repeat 100 of them.
    const position = at % (text.length + 1);
    const run = piece.replace('Ω', 'Ω'.repeat(3000));
    const result = safe(text.slice(0, position) + run + text.slice(position), undefined);
    const issues: readonly AttendanceIssue[] = result.success ? result.data.warnings : result.error.issues;
    for (const issue of issues) {
      expect(issue.message).not.toContain('Ω'.repeat(100));
      expect(issue.received ?? '').not.toContain('Ω'.repeat(100));
    }
  });
});
