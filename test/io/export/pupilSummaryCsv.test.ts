import { describe, expect, test } from 'vitest';
import { AttendanceError, countSessions, DFE_2010_TO_2015_POLICY } from '../../../src/index.js';
import type { AttendanceIssue } from '../../../src/index.js';
import { parsePupilSummaryCsv, safeParsePupilSummaryCsv, toPupilSummaryCsv } from '../../../src/io/index.js';
import type { PupilSummaryCounts } from '../../../src/io/index.js';
import { attendanceErrorOf } from '../../_support/attendanceErrorOf.js';
import { present, registerFrom, times } from './registers.js';
import { countsOf, withoutWarnings } from './summaryCounts.js';

const COUNT_COLUMNS = [
  'possible',
  'present',
  'approved_educational_activity',
  'attended',
  'authorised',
  'unauthorised',
  'absent',
  'not_possible',
  'unmarked',
  'late',
  'late_after_register_closed',
];
const DISPLAY_COLUMNS = ['attendance_percent', 'absence_percent', 'persistent_absence', 'severe_absence'];
const HEADER = ['pupil_id', ...COUNT_COLUMNS, ...DISPLAY_COLUMNS].join(',');

/** The data rows of a summary, each as an object keyed by header name. */
function rowsOf(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv.split('\r\n').filter((line) => line !== '');
  const names = header!.split(',');
  return lines.map((line) =>
    Object.fromEntries(line.split(',').map((value, index) => [names[index] ?? '', value] as const))
  );
}

function issuesOf(text: string): readonly AttendanceIssue[] {
  const result = safeParsePupilSummaryCsv(text, { source: 'summary.csv' });
  if (result.success) throw new Error('expected the summary to be rejected');
  return result.error.issues;
}

// 38 absences in 380 possible sessions is exactly 10 %; in 381 it is 9.97 %, shown as 10.0 but not persistent.
const EXACTLY_TEN_PERCENT = countsOf({
  present: 340,
  approvedEducationalActivity: 2,
  authorised: 30,
  unauthorised: 8,
});
const JUST_UNDER_TEN_PERCENT = countsOf({
  present: 341,
  approvedEducationalActivity: 2,
  authorised: 30,
  unauthorised: 8,
});

describe('toPupilSummaryCsv', () => {
  test('the header: pupil_id, the integer counts, the percentages and flags, CRLF line endings', () => {
    const csv = toPupilSummaryCsv([{ pupilId: 'P1', counts: EXACTLY_TEN_PERCENT }]);
    expect(csv.split('\r\n')[0]).toBe(HEADER);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(3);
  });

  test('38 of 380 is persistent absence (10.0 %); 38 of 381 shows 10.0 % but is not', () => {
    const [exact, under] = rowsOf(
      toPupilSummaryCsv([
        { pupilId: 'A', counts: EXACTLY_TEN_PERCENT },
        { pupilId: 'B', counts: JUST_UNDER_TEN_PERCENT },
      ])
    );
    expect(exact).toMatchObject({
      pupil_id: 'A',
      possible: '380',
      attended: '342',
      absent: '38',
      attendance_percent: '90.0',
      absence_percent: '10.0',
      persistent_absence: 'true',
      severe_absence: 'false',
    });
    expect(under).toMatchObject({
      possible: '381',
      attendance_percent: '90.0',
      absence_percent: '10.0',
      persistent_absence: 'false',
    });
  });

  test('severe absence from 50 %: 190 of 380 is severe, 190 of 381 is not', () => {
    const [half, under] = rowsOf(
      toPupilSummaryCsv([
        {
          pupilId: 'A',
          counts: countsOf({
            present: 190,
            approvedEducationalActivity: 0,
            authorised: 100,
            unauthorised: 90,
          }),
        },
        {
          pupilId: 'B',
          counts: countsOf({
            present: 191,
            approvedEducationalActivity: 0,
            authorised: 100,
            unauthorised: 90,
          }),
        },
      ])
    );
    expect([half?.['severe_absence'], half?.['absence_percent']]).toEqual(['true', '50.0']);
    expect([under?.['severe_absence'], under?.['absence_percent']]).toEqual(['false', '49.9']);
  });

  test('no possible sessions: empty percentages, neither flag', () => {
    const [row] = rowsOf(
      toPupilSummaryCsv([
        {
          pupilId: 'A',
          counts: countsOf({
            present: 0,
            approvedEducationalActivity: 0,
            authorised: 0,
            unauthorised: 0,
            notPossible: 4,
          }),
        },
      ])
    );
    expect(row).toMatchObject({
      attendance_percent: '',
      absence_percent: '',
      persistent_absence: 'false',
      severe_absence: 'false',
      not_possible: '4',
    });
  });

  test('the policy passed sets the flags: 15 % persistent absence (DfE 2010/11 to 2014/15)', () => {
    const counts = countsOf({
      present: 323,
      approvedEducationalActivity: 0,
      authorised: 50,
      unauthorised: 7,
    });
    const [row] = rowsOf(toPupilSummaryCsv([{ pupilId: 'A', counts }], { policy: DFE_2010_TO_2015_POLICY }));
    expect([row?.['absence_percent'], row?.['persistent_absence']]).toEqual(['15.0', 'true']);
    const [lower] = rowsOf(
      toPupilSummaryCsv(
        [
          {
            pupilId: 'A',
            counts: countsOf({
              present: 324,
              approvedEducationalActivity: 0,
              authorised: 50,
              unauthorised: 6,
            }),
          },
        ],
        {
          policy: DFE_2010_TO_2015_POLICY,
        }
      )
    );
    expect([lower?.['absence_percent'], lower?.['persistent_absence']]).toEqual(['14.7', 'false']);
  });

  test('counts from countSessions: L is present and late, U unauthorised and late after close', () => {
    const marks = registerFrom('2024-09-02', [...present(10), 'L', 'L', 'U', 'B', 'I', 'X', '-']);
    const [row] = rowsOf(toPupilSummaryCsv([{ pupilId: 'P1', counts: countSessions(marks) }]));
    expect(row).toMatchObject({
      possible: '15',
      present: '12',
      approved_educational_activity: '1',
      attended: '13',
      authorised: '1',
      unauthorised: '1',
      absent: '2',
      not_possible: '1',
      unmarked: '1',
      late: '2',
      late_after_register_closed: '1',
    });
  });

  test('attribute columns after pupil_id, in first-met order or as chosen; null and missing are empty', () => {
    const counts = EXACTLY_TEN_PERCENT;
    const rows = [
      { pupilId: 'A', counts, attributes: { yearGroup: 9, fsm: true } },
      { pupilId: 'B', counts, attributes: { form: '9B, north', fsm: null } },
    ];
    const csv = toPupilSummaryCsv(rows, { lineEnding: '\n' });
    expect(csv.split('\n')[0]?.startsWith('pupil_id,yearGroup,fsm,form,possible,')).toBe(true);
    expect(csv.split('\n')[2]?.startsWith('B,,,"9B, north",380,')).toBe(true);
    const chosen = toPupilSummaryCsv(rows, { attributeColumns: ['form'], lineEnding: '\n' });
    expect(chosen.split('\n')[0]?.startsWith('pupil_id,form,possible,')).toBe(true);
  });

  test('per-code columns: one per code of both code sets, in the library code order', () => {
    const marks = registerFrom('2024-09-02', [...present(4), 'C1', 'C1', 'J1', '#']);
    const csv = toPupilSummaryCsv([{ pupilId: 'P1', counts: countSessions(marks) }], { byCode: true });
    const header = csv.split('\r\n')[0]!.split(',');
    const codeColumns = header.filter((name) => name.startsWith('code_'));
    expect(codeColumns).toHaveLength(39);
    expect(codeColumns.slice(0, 4)).toEqual(['code_-', 'code_/', 'code_\\', 'code_L']);
    const [row] = rowsOf(csv);
    expect([row?.['code_C1'], row?.['code_J1'], row?.['code_#'], row?.['code_/'], row?.['code_I']]).toEqual([
      '2',
      '1',
      '1',
      '2',
      '0',
    ]);
  });

  test('rejects counts that are not whole numbers or do not add up, and clashing attribute names', () => {
    const error = attendanceErrorOf(() =>
      toPupilSummaryCsv([
        { pupilId: 'A', counts: { ...EXACTLY_TEN_PERCENT, present: 339 } },
        { pupilId: 'B', counts: { ...EXACTLY_TEN_PERCENT, late: 1.5 } },
        { pupilId: '', counts: EXACTLY_TEN_PERCENT, attributes: { possible: 1, code_I: 2 } },
      ])
    );
    expect(error.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['invalid_value', ['attributes', 'possible']],
      ['invalid_value', ['attributes', 'code_I']],
      ['invalid_counts', [0, 'counts', 'attended']],
      ['invalid_counts', [1, 'counts', 'late']],
      ['invalid_value', [2, 'pupilId']],
    ]);
  });

  test('per-code columns need per-code counts', () => {
    const error = attendanceErrorOf(() =>
      toPupilSummaryCsv([{ pupilId: 'A', counts: EXACTLY_TEN_PERCENT }], { byCode: true })
    );
    expect(error.issues[0]).toMatchObject({ code: 'invalid_counts', path: [0, 'counts', 'byCode'] });
  });
});

describe('parsePupilSummaryCsv', () => {
  test('reads the integer counts, attributes (as text) and flags back', () => {
    const csv = toPupilSummaryCsv([
      { pupilId: 'A', counts: EXACTLY_TEN_PERCENT, attributes: { yearGroup: 9 } },
    ]);
    expect(parsePupilSummaryCsv(csv)).toEqual({
      pupils: [
        {
          pupilId: 'A',
          attributes: { yearGroup: '9' },
          counts: EXACTLY_TEN_PERCENT,
          flags: { persistentAbsence: true, severeAbsence: false },
          line: 2,
        },
      ],
      warnings: [],
    });
  });

  test('per-code counts come back whole, for counts made with unmarked sessions as N too', () => {
    const marks = registerFrom('2024-09-02', [...present(6), '-', '-', 'N', 'G', 'Y4', 'H']);
    for (const unmarked of ['unmarked', 'as-N'] as const) {
      const counts = withoutWarnings(countSessions(marks, { unmarked }));
      const { pupils } = parsePupilSummaryCsv(
        toPupilSummaryCsv([{ pupilId: 'P', counts }], { byCode: true })
      );
      expect(pupils[0]?.counts).toEqual(counts);
    }
  });

  test('line numbers count quoted line breaks in earlier rows', () => {
    const counts = EXACTLY_TEN_PERCENT;
    const csv = toPupilSummaryCsv([
      { pupilId: 'A', counts, attributes: { note: 'two\nlines' } },
      { pupilId: 'B', counts, attributes: { note: '' } },
    ]);
    expect(
      parsePupilSummaryCsv(csv).pupils.map((pupil) => [pupil.pupilId, pupil.line, pupil.attributes['note']])
    ).toEqual([
      ['A', 2, 'two\nlines'],
      ['B', 4, ''],
    ]);
  });

  test('bad integers are invalid_value errors at their line and column', () => {
    const text = `${HEADER}\nA,380,340,2,342,30,8,38,0,0,0,0,90.0,10.0,true,false\nB,38O,340,2,342,30,8,38,0,0,1.5,,90.0,10.0,true,false\n`;
    const issues = issuesOf(text);
    expect(
      issues.map((issue) => [issue.code, issue.line, issue.field, issue.received, issue.pupilId])
    ).toEqual([
      ['invalid_value', 3, 'possible', '38O', 'B'],
      ['invalid_value', 3, 'late', '1.5', 'B'],
      ['invalid_value', 3, 'late_after_register_closed', '', 'B'],
    ]);
    expect(issues[0]).toMatchObject({ path: [3, 'possible'], source: 'summary.csv', severity: 'error' });
  });

  test('missing columns are missing_column errors, one per column', () => {
    const issues = issuesOf('pupil_id,possible,present,attended\nA,1,1,1\n');
    expect(issues.map((issue) => issue.field)).toEqual([
      'approved_educational_activity',
      'authorised',
      'unauthorised',
      'absent',
      'not_possible',
      'unmarked',
      'late',
      'late_after_register_closed',
    ]);
    expect(issues.every((issue) => issue.code === 'missing_column' && issue.line === 1)).toBe(true);
  });

  test('counts that do not add up are invalid_counts errors naming the identity', () => {
    const row = (cells: string): string => `${HEADER}\nA,${cells},,,,\n`;
    const cases: readonly (readonly [string, string])[] = [
      ['380,339,2,342,30,8,38,0,0,0,0', 'attended'], // present + AEA = attended
      ['380,340,2,342,29,8,38,0,0,0,0', 'absent'], // authorised + unauthorised = absent
      ['381,340,2,342,30,8,38,0,0,0,0', 'possible'], // attended + absent = possible
      ['380,340,2,342,30,8,38,0,0,341,0', 'late'], // late is within present
      ['380,340,2,342,30,8,38,0,0,0,9', 'late_after_register_closed'], // U is within unauthorised
    ];
    for (const [cells, field] of cases) {
      const issues = issuesOf(row(cells));
      expect(issues.map((issue) => [issue.code, issue.field])).toEqual([['invalid_counts', field]]);
      expect(issues[0]).toMatchObject({ line: 2, pupilId: 'A' });
    }
  });

  test('per-code counts that disagree with their category are errors; a partial or unknown code column too', () => {
    const marks = registerFrom('2024-09-02', [...present(4), 'I', 'O']);
    const csv = toPupilSummaryCsv([{ pupilId: 'P', counts: countSessions(marks) }], {
      byCode: true,
      lineEnding: '\n',
    });
    const [header, row] = csv.split('\n');
    const names = header!.split(',');
    const cells = row!.split(',');
    cells[names.indexOf('code_I')] = '2';
    expect(issuesOf(`${header}\n${cells.join(',')}\n`).map((issue) => [issue.code, issue.field])).toEqual([
      ['invalid_counts', 'authorised'],
    ]);
    expect(
      issuesOf(`${HEADER},code_I\nA,1,1,0,1,0,0,0,0,0,0,0,,,,,0\n`).filter(
        (issue) => issue.code === 'missing_column'
      )
    ).toHaveLength(38);
    expect(issuesOf(`${HEADER},code_Q9\nA,1,1,0,1,0,0,0,0,0,0,0,,,,,0\n`)[0]).toMatchObject({
      code: 'unknown_code',
      received: 'Q9',
      line: 1,
    });
  });

  test('percentages and flags are display only: a disagreement is a warning and the counts stand', () => {
    const text = `${HEADER}\nA,380,340,2,342,30,8,38,0,0,0,0,89.0,10,false,false\n`;
    const { pupils, warnings } = parsePupilSummaryCsv(text);
    expect(pupils[0]?.counts).toEqual(EXACTLY_TEN_PERCENT);
    expect(pupils[0]?.flags.persistentAbsence).toBe(true);
    expect(warnings.map((warning) => [warning.code, warning.field])).toEqual([
      ['totals_mismatch', 'attendance_percent'],
      ['totals_mismatch', 'persistent_absence'],
    ]);
  });

  test('a percentage agrees when it is the exact rate rounded either way at its own precision', () => {
    // 38 / 381 = 9.9737…%: 10, 9.9 (truncated), 9.97, 9.98 and 9.9737 all agree; 9.96 and 9.8 do not.
    const cells = '381,341,2,343,30,8,38,0,0,0,0';
    for (const [shown, agrees] of [
      ['10', true],
      ['9.97', true],
      ['9.98', true],
      ['9.9737', true],
      ['9.9', true],
      ['9.96', false],
      ['9.8', false],
    ] as const) {
      const { warnings } = parsePupilSummaryCsv(`${HEADER}\nA,${cells},,${shown},,\n`);
      expect([shown, warnings.length]).toEqual([shown, agrees ? 0 : 1]);
    }
  });

  test('a row of the wrong length, an empty pupil id, an unclosed quote, an empty file', () => {
    const good = 'A,380,340,2,342,30,8,38,0,0,0,0,90.0,10.0,true,false';
    expect(issuesOf(`${HEADER}\n${good},extra\n`)[0]).toMatchObject({ code: 'malformed_input', line: 2 });
    expect(issuesOf(`${HEADER}\n${good.replace('A', '')}\n`)[0]).toMatchObject({
      code: 'invalid_value',
      field: 'pupil_id',
    });
    expect(issuesOf(`${HEADER}\n${good}\n"B,1\n`)[0]).toMatchObject({ code: 'malformed_input', line: 3 });
    expect(issuesOf('')[0]?.code).toBe('missing_column');
  });

  test('a byte-order mark, LF endings, blank lines and columns in another order are read', () => {
    const text = `\uFEFFabsent,pupil_id,possible,present,approved_educational_activity,attended,authorised,unauthorised,not_possible,unmarked,late,late_after_register_closed\n\n38,A,380,340,2,342,30,8,0,0,0,0\n`;
    expect(parsePupilSummaryCsv(text).pupils[0]).toMatchObject({
      pupilId: 'A',
      counts: EXACTLY_TEN_PERCENT,
      line: 3,
    });
  });

  test('input that is not a string throws AttendanceError', () => {
    const parse = parsePupilSummaryCsv as (text: unknown) => unknown;
    for (const input of [undefined, null, 1, new Uint8Array(2)])
      expect(() => parse(input)).toThrow(AttendanceError);
  });
});

// The register builder these tests rely on: six I marks count six authorised sessions.
test('registerFrom builds the register it is given', () => {
  const counts: PupilSummaryCounts = countSessions(registerFrom('2024-09-02', times('I', 6)));
  expect(counts.authorised).toBe(6);
});
