/**
 * DfE's published "Pupil attendance in schools" year-to-date file, read and chosen from. The expected figures are
 * the ones in the sample (real rows of DfE's EES_ytd_data.csv for 2025/26, see examples/data/README.md) and the
 * identities FORMATS.md §4.2 checked on every row of the full file, never the reader's own output.
 */
import { readFileSync } from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { AttendanceError } from '../../src/index.js';
import type { AttendanceIssue } from '../../src/index.js';
import {
  parsePublishedAttendanceCsv,
  safeParsePublishedAttendanceCsv,
} from '../../src/report/comparison/parsePublishedAttendanceCsv.js';
import { selectPublishedFigures } from '../../src/report/comparison/selectPublishedFigures.js';
import type {
  PublishedAttendance,
  PublishedAttendanceLevel,
  PublishedAttendanceRow,
} from '../../src/report/comparison/types.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

const SAMPLE_FILE = 'dfe-pupil-attendance-ytd-sample.csv';
const SAMPLE = readFileSync(new URL(`../../examples/data/${SAMPLE_FILE}`, import.meta.url), 'utf8');

/** The columns the reader needs, in an order of our own (the reader must not depend on DfE's order). */
const MINIMAL_HEADER = [
  'geographic_level',
  'education_phase',
  'time_period',
  'time_identifier',
  'region_name',
  'la_name',
  'possible_sessions',
  'overall_attendance',
  'overall_absence',
  'authorised_absence',
  'unauthorised_absence',
  'attendance_perc',
  'pa_perc',
];

/** A file of the minimal layout from rows given as cells by column name; unnamed cells are empty. */
function minimalCsv(rows: readonly Readonly<Record<string, string>>[], header = MINIMAL_HEADER): string {
  const lines = rows.map((row) => header.map((column) => row[column] ?? '').join(','));
  return `${[header.join(','), ...lines].join('\n')}\n`;
}

/** England, all schools, 2025/26, as the sample has it (line 5): a row that reads cleanly. */
const ENGLAND_TOTAL: Readonly<Record<string, string>> = {
  geographic_level: 'National',
  education_phase: 'Total',
  time_period: '202526',
  time_identifier: 'Academic year',
  possible_sessions: '2445419687',
  overall_attendance: '2277095382',
  overall_absence: '168324305',
  authorised_absence: '110576083',
  unauthorised_absence: '57748222',
  attendance_perc: '93.1167518649325',
  pa_perc: '18.7817604593414',
};

function issuesOf(text: string): readonly AttendanceIssue[] {
  const result = safeParsePublishedAttendanceCsv(text, { source: 'published.csv' });
  if (result.success) throw new Error('expected the file to be rejected');
  return result.error.issues;
}

function warningsOf(text: string): readonly AttendanceIssue[] {
  const result = safeParsePublishedAttendanceCsv(text);
  if (!result.success) throw result.error;
  return result.data.warnings;
}

const sample = parsePublishedAttendanceCsv(SAMPLE, { source: SAMPLE_FILE });

function sampleRow(
  level: PublishedAttendanceLevel,
  area: string | null,
  phase: string
): PublishedAttendanceRow {
  const row = sample.rows.find(
    (each) =>
      each.level === level &&
      each.phase === phase &&
      (area === null || each.regionName === area || each.laName === area) &&
      (level !== 'regional' || each.laName === null)
  );
  if (row === undefined) throw new Error(`no ${level} ${area ?? ''} ${phase} row in the sample`);
  return row;
}

describe('parsePublishedAttendanceCsv: the DfE sample', () => {
  test('reads the twelve rows with figures and lists the suppressed Isles of Scilly row', () => {
    expect(sample.rows).toHaveLength(12);
    expect(sample.suppressed).toEqual([
      {
        timePeriod: '202526',
        timeIdentifier: 'Academic year',
        level: 'local-authority',
        countryName: 'England',
        regionName: 'South West',
        laName: 'Isles of Scilly',
        newLaCode: 'E06000053',
        oldLaCode: '420',
        phase: 'Total',
        line: 14,
      },
    ]);
  });

  test('the one warning is the suppressed row, at its line and first count column', () => {
    expect(sample.warnings).toHaveLength(1);
    expect(sample.warnings[0]).toMatchObject({
      code: 'invalid_value',
      severity: 'warning',
      line: 14,
      field: 'possible_sessions',
      received: 'c',
      source: SAMPLE_FILE,
    });
  });

  test('England, all schools: the counts and percentages of line 5 as published', () => {
    expect(sampleRow('national', null, 'Total')).toEqual({
      timePeriod: '202526',
      timeIdentifier: 'Academic year',
      level: 'national',
      countryName: 'England',
      regionName: null,
      laName: null,
      newLaCode: null,
      oldLaCode: null,
      phase: 'Total',
      possible: 2_445_419_687,
      attended: 2_277_095_382,
      absent: 168_324_305,
      authorised: 110_576_083,
      unauthorised: 57_748_222,
      attendancePercent: 93.1167518649325,
      persistentAbsencePercent: 18.7817604593414,
      line: 5,
    });
  });

  test('a local authority keeps its region, names and both codes', () => {
    expect(sampleRow('local-authority', 'Tower Hamlets', 'Primary')).toMatchObject({
      regionName: 'London',
      laName: 'Tower Hamlets',
      newLaCode: 'E09000030',
      oldLaCode: '211',
      possible: 6_420_254,
      attended: 6_039_959,
      line: 10,
    });
  });

  test.each([
    // FORMATS.md §4.1: England 2025/26 to date, attendance and persistent absence to one decimal place.
    ['Total', 93.1, 18.8],
    ['Primary', 94.7, 13.8],
    ['Secondary', 91.5, 23.8],
    ['Special', 86.8, 36.1],
  ])('England, %s: attendance %d %% and persistent absence %d %%, as DfE reports them', (phase, rate, pa) => {
    const row = sampleRow('national', null, phase);
    expect(Math.round((row.attended / row.possible) * 1000) / 10).toBe(rate);
    expect(Math.round(row.persistentAbsencePercent! * 10) / 10).toBe(pa);
  });

  test('every row adds up: attended + absent = possible and authorised + unauthorised = absent', () => {
    for (const row of sample.rows) {
      expect(row.attended + row.absent).toBe(row.possible);
      expect(row.authorised + row.unauthorised).toBe(row.absent);
    }
  });

  test('every attendance_perc is overall_attendance / possible_sessions × 100, unrounded', () => {
    for (const row of sample.rows) {
      expect(row.attendancePercent).toBeCloseTo((row.attended / row.possible) * 100, 9);
    }
  });

  test.each([[null], ['London']])(
    'the phases of %s add up to its Total (DfE sums schools; a column read wrongly would not)',
    (area) => {
      const level = area === null ? 'national' : 'regional';
      const total = sampleRow(level, area, 'Total');
      const phases = ['Primary', 'Secondary', 'Special'].map((phase) => sampleRow(level, area, phase));
      for (const field of ['possible', 'attended', 'absent', 'authorised', 'unauthorised'] as const) {
        expect(phases.reduce((sum, row) => sum + row[field], 0)).toBe(total[field]);
      }
    }
  );
});

describe('parsePublishedAttendanceCsv: layout', () => {
  test('the columns may come in any order; others are ignored; missing percentages read as null', () => {
    const header = ['extra', ...MINIMAL_HEADER.filter((column) => !column.endsWith('_perc')).reverse()];
    const data = parsePublishedAttendanceCsv(minimalCsv([{ ...ENGLAND_TOTAL, extra: 'x' }], header));
    expect(data.rows[0]).toMatchObject({
      possible: 2_445_419_687,
      absent: 168_324_305,
      attendancePercent: null,
      persistentAbsencePercent: null,
      countryName: null,
    });
  });

  test('the area columns may be left out of a national file', () => {
    const header = MINIMAL_HEADER.filter((column) => column !== 'region_name' && column !== 'la_name');
    const data = parsePublishedAttendanceCsv(minimalCsv([ENGLAND_TOTAL], header));
    expect(data.rows[0]).toMatchObject({ regionName: null, laName: null, newLaCode: null, oldLaCode: null });
  });

  test.each(MINIMAL_HEADER.filter((column) => !column.endsWith('_name') && !column.endsWith('_perc')))(
    'a missing %s column is one missing_column error naming it',
    (column) => {
      const issues = issuesOf(
        minimalCsv(
          [ENGLAND_TOTAL],
          MINIMAL_HEADER.filter((name) => name !== column)
        )
      );
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({
        code: 'missing_column',
        field: column,
        line: 1,
        source: 'published.csv',
      });
    }
  );

  test('the 2022/23 layout (school_type for education_phase) is named in the message', () => {
    const header = MINIMAL_HEADER.map((column) => (column === 'education_phase' ? 'school_type' : column));
    const [issue] = issuesOf(minimalCsv([{ ...ENGLAND_TOTAL, school_type: 'Total' }], header));
    expect(issue?.message).toContain('school_type');
  });

  test('a column named twice is an error', () => {
    const header = [...MINIMAL_HEADER, 'pa_perc'];
    expect(issuesOf(minimalCsv([ENGLAND_TOTAL], header))[0]).toMatchObject({
      code: 'malformed_input',
      field: 'pa_perc',
    });
  });

  test('a row with more fields than the header is an error at its line', () => {
    const text = `${minimalCsv([ENGLAND_TOTAL]).trimEnd()},surplus\n`;
    expect(issuesOf(text)[0]).toMatchObject({ code: 'malformed_input', line: 2 });
  });

  test('an empty file is one missing_column error at line 1', () => {
    expect(issuesOf('')[0]).toMatchObject({ code: 'missing_column', line: 1, received: 'nothing' });
  });

  test('broken CSV is a malformed_input error at its line', () => {
    const text = `${MINIMAL_HEADER.join(',')}\n"National,Total\n`;
    expect(issuesOf(text)[0]).toMatchObject({ code: 'malformed_input', line: 2 });
  });
});

describe('parsePublishedAttendanceCsv: rows', () => {
  test.each([
    ['-5', 'possible_sessions'],
    ['1.5', 'overall_attendance'],
    ['', 'authorised_absence'],
    ['many', 'unauthorised_absence'],
  ])('a count of %j is an invalid_value error at its line and column', (value, column) => {
    const issues = issuesOf(
      minimalCsv([ENGLAND_TOTAL, { ...ENGLAND_TOTAL, education_phase: 'Primary', [column]: value }])
    );
    expect(issues.find((issue) => issue.field === column)).toMatchObject({
      code: 'invalid_value',
      severity: 'error',
      line: 3,
      path: [3, column],
      received: value,
    });
  });

  test('attended + absent ≠ possible is a totals_mismatch error naming the line and columns', () => {
    const [issue, ...rest] = issuesOf(minimalCsv([{ ...ENGLAND_TOTAL, possible_sessions: '2445419688' }]));
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({
      code: 'totals_mismatch',
      severity: 'error',
      line: 2,
      field: 'possible_sessions',
      received: '2445419688',
    });
    expect(issue?.message).toContain('overall_attendance + overall_absence is 2445419687');
  });

  test('authorised + unauthorised ≠ absent is a totals_mismatch error on overall_absence', () => {
    const [issue] = issuesOf(minimalCsv([{ ...ENGLAND_TOTAL, authorised_absence: '110576084' }]));
    expect(issue).toMatchObject({ code: 'totals_mismatch', line: 2, field: 'overall_absence' });
    expect(issue?.message).toContain('authorised_absence + unauthorised_absence is 168324306');
  });

  test('every problem is listed, not only the first', () => {
    const text = minimalCsv([
      { ...ENGLAND_TOTAL, possible_sessions: '1' },
      { ...ENGLAND_TOTAL, education_phase: 'Primary', pa_perc: 'lots' },
      { ...ENGLAND_TOTAL, education_phase: 'Special', geographic_level: 'Ward' },
    ]);
    const error = attendanceErrorOf(() => parsePublishedAttendanceCsv(text));
    expect(error.issues.map((issue) => [issue.line, issue.field])).toEqual([
      [2, 'possible_sessions'],
      [3, 'pa_perc'],
      [4, 'geographic_level'],
    ]);
  });

  test.each(['', 'c', 'x', 'z', 'low', ':', ' C '])('a percentage of %j reads as null', (value) => {
    const data = parsePublishedAttendanceCsv(
      minimalCsv([{ ...ENGLAND_TOTAL, attendance_perc: value, pa_perc: value }])
    );
    expect(data.rows[0]).toMatchObject({ attendancePercent: null, persistentAbsencePercent: null });
  });

  test.each(['18.8%', '-1', '100.5', 'abc'])('a pa_perc of %j is an invalid_value error', (value) => {
    expect(issuesOf(minimalCsv([{ ...ENGLAND_TOTAL, pa_perc: value }]))[0]).toMatchObject({
      code: 'invalid_value',
      field: 'pa_perc',
      received: value,
    });
  });

  test('a percentage may be written with an exponent, as DfE writes small ones', () => {
    const data = parsePublishedAttendanceCsv(
      minimalCsv([{ ...ENGLAND_TOTAL, pa_perc: '1.55757077523724e-05' }])
    );
    expect(data.rows[0]?.persistentAbsencePercent).toBe(1.55757077523724e-5);
  });

  test('an attendance_perc rounded to one decimal place agrees with the counts', () => {
    expect(warningsOf(minimalCsv([{ ...ENGLAND_TOTAL, attendance_perc: '93.1' }]))).toEqual([]);
  });

  test('an attendance_perc that disagrees with the counts is a warning; the counts stand', () => {
    const result = safeParsePublishedAttendanceCsv(
      minimalCsv([{ ...ENGLAND_TOTAL, attendance_perc: '93.2' }])
    );
    expect(result.success && result.data.warnings).toMatchObject([
      { code: 'totals_mismatch', severity: 'warning', line: 2, field: 'attendance_perc' },
    ]);
    expect(result.success && result.data.rows[0]?.attendancePercent).toBe(93.2);
  });

  test('all counts suppressed: a warning, and the row is listed as suppressed', () => {
    const counts = Object.fromEntries(
      [
        'possible_sessions',
        'overall_attendance',
        'overall_absence',
        'authorised_absence',
        'unauthorised_absence',
      ].map((column) => [column, 'c'])
    );
    const result = safeParsePublishedAttendanceCsv(minimalCsv([{ ...ENGLAND_TOTAL, ...counts }]));
    expect(result.success && result.data.rows).toEqual([]);
    expect(result.success && result.data.suppressed.map((scope) => scope.line)).toEqual([2]);
  });

  test.each([
    ['time_period', '2025'],
    ['time_period', '202527'],
    ['geographic_level', 'Ward'],
    ['education_phase', ' '],
    ['time_identifier', ''],
  ])('a %s of %j is an invalid_value error', (column, value) => {
    expect(issuesOf(minimalCsv([{ ...ENGLAND_TOTAL, [column]: value }]))[0]).toMatchObject({
      code: 'invalid_value',
      field: column,
      line: 2,
    });
  });

  test('a regional row needs its region and a local-authority row its authority', () => {
    const issues = issuesOf(
      minimalCsv([
        { ...ENGLAND_TOTAL, geographic_level: 'Regional' },
        { ...ENGLAND_TOTAL, geographic_level: 'Local authority', region_name: 'London' },
      ])
    );
    expect(issues.map((issue) => [issue.line, issue.field])).toEqual([
      [2, 'region_name'],
      [3, 'la_name'],
    ]);
  });

  test('the levels are read without regard to case', () => {
    const data = parsePublishedAttendanceCsv(
      minimalCsv([{ ...ENGLAND_TOTAL, geographic_level: 'LOCAL AUTHORITY', la_name: 'Camden' }])
    );
    expect(data.rows[0]?.level).toBe('local-authority');
  });

  test('two rows for the same period, area and phase are an error at the second', () => {
    expect(issuesOf(minimalCsv([ENGLAND_TOTAL, ENGLAND_TOTAL]))[0]).toMatchObject({
      code: 'malformed_input',
      line: 3,
    });
  });
});

describe('safeParsePublishedAttendanceCsv: never throws', () => {
  test('text that is not a string is a malformed_input error', () => {
    const result = safeParsePublishedAttendanceCsv(42 as unknown as string, { source: 'x.csv' });
    expect(result.success || result.error.issues[0]).toMatchObject({
      code: 'malformed_input',
      received: 'number',
      source: 'x.csv',
    });
  });

  test('bad options are an invalid_value error, and the file is still read', () => {
    const result = safeParsePublishedAttendanceCsv(minimalCsv([ENGLAND_TOTAL]), 7 as never);
    expect(result.success || result.error.issues.map((issue) => issue.code)).toEqual(['invalid_value']);
  });

  test.prop([fc.string({ unit: 'binary', maxLength: 400 })])('on any string', (text) => {
    expect(typeof safeParsePublishedAttendanceCsv(text).success).toBe('boolean');
  });

  test.prop([fc.anything(), fc.anything()])('on any value and any options', (text, options) => {
    expect(typeof safeParsePublishedAttendanceCsv(text as string, options as never).success).toBe('boolean');
  });

  test.prop([fc.array(fc.constantFrom(...SAMPLE.split(/(,|\n)/)), { maxLength: 200 })])(
    'on the sample cut up and shuffled: a result, and every error names a line',
    (pieces) => {
      const result = safeParsePublishedAttendanceCsv(pieces.join(''));
      if (!result.success) for (const issue of result.error.issues) expect(issue.line).toBeGreaterThan(0);
    }
  );
});

describe('selectPublishedFigures', () => {
  test('national figures need no area and default to all schools', () => {
    expect(selectPublishedFigures(sample, { level: 'national' })).toEqual({
      label: 'England, all schools',
      level: 'national',
      area: 'England',
      phase: 'Total',
      timePeriod: '2025/26',
      possible: 2_445_419_687,
      attended: 2_277_095_382,
      absent: 168_324_305,
      authorised: 110_576_083,
      unauthorised: 57_748_222,
      persistentAbsencePercent: 18.7817604593414,
    });
  });

  test('a region and phase match without regard to case or spaces', () => {
    const figures = selectPublishedFigures(sample, { level: 'regional', area: ' london ', phase: 'PRIMARY' });
    expect(figures).toMatchObject({
      label: 'London, primary',
      area: 'London',
      phase: 'Primary',
      possible: 189_585_342,
      persistentAbsencePercent: 14.8152151363376,
    });
  });

  test.each(['Tower Hamlets', 'tower hamlets', 'E09000030', '211'])(
    'a local authority is found by %j (its name, ONS code or DfE number)',
    (area) => {
      expect(selectPublishedFigures(sample, { level: 'local-authority', area })).toMatchObject({
        label: 'Tower Hamlets, all schools',
        possible: 11_324_564,
        attended: 10_602_346,
      });
    }
  );

  test.each([
    ['Secondary', 'London, secondary', 156_604_698],
    ['Special', 'London, special', 6_833_601],
    ['Total', 'London, all schools', 353_023_641],
  ])('London, %s', (phase, label, possible) => {
    expect(selectPublishedFigures(sample, { level: 'regional', area: 'London', phase })).toMatchObject({
      label,
      possible,
    });
  });

  test('national figures may name the country, and no other area', () => {
    expect(selectPublishedFigures(sample, { level: 'national', area: 'england' }).area).toBe('England');
    const error = attendanceErrorOf(() =>
      selectPublishedFigures(sample, { level: 'national', area: 'London' })
    );
    expect(error.issues[0]).toMatchObject({ code: 'invalid_value', field: 'area', received: 'London' });
  });

  test('an unknown region: the message lists the regions and the phases', () => {
    const error = attendanceErrorOf(() =>
      selectPublishedFigures(sample, { level: 'regional', area: 'Londn' })
    );
    expect(error).toBeInstanceOf(AttendanceError);
    expect(error.message).toContain('"Londn"');
    expect(error.message).toContain('regions: London');
    expect(error.message).toContain('Phases: Primary, Secondary, Special, Total');
  });

  test('an unknown local authority: the message lists the first dozen by name', () => {
    const rows = Array.from({ length: 15 }, (_, index) => ({
      ...sampleRow('local-authority', 'Cornwall', 'Total'),
      laName: `Authority ${String(index + 10)}`,
      newLaCode: `E0${String(index)}`,
      line: index + 2,
    }));
    const data: PublishedAttendance = { rows, suppressed: [], warnings: [] };
    const error = attendanceErrorOf(() =>
      selectPublishedFigures(data, { level: 'local-authority', area: 'Camden' })
    );
    expect(error.message).toContain('Authority 10, Authority 11,');
    expect(error.message).toContain('Authority 21 and 3 more');
    expect(error.message).not.toContain('Authority 22');
  });

  test('a phase the area lacks: the message lists its phases', () => {
    const error = attendanceErrorOf(() =>
      selectPublishedFigures(sample, { level: 'local-authority', area: 'Cornwall', phase: 'Secondary' })
    );
    expect(error.issues[0]).toMatchObject({ field: 'phase', received: 'Secondary' });
    expect(error.message).toContain('Primary, Total');
  });

  test('a region or local authority without an area is an error listing the areas', () => {
    const error = attendanceErrorOf(() => selectPublishedFigures(sample, { level: 'local-authority' }));
    expect(error.issues[0].field).toBe('area');
    expect(error.message).toContain('Cornwall, Tower Hamlets');
  });

  test('suppressed figures are named as suppressed, with their line', () => {
    const error = attendanceErrorOf(() =>
      selectPublishedFigures(sample, { level: 'local-authority', area: 'Isles of Scilly' })
    );
    expect(error.message).toContain('suppressed');
    expect(error.message).toContain('line 14');
  });

  test('an unknown level is an error, whatever a JavaScript caller passes', () => {
    for (const level of ['county', 7, undefined]) {
      const error = attendanceErrorOf(() =>
        selectPublishedFigures(sample, { level: level as PublishedAttendanceLevel })
      );
      expect(error.issues[0].field).toBe('level');
    }
  });

  test('several academic years: the latest is taken, and the note says so', () => {
    const current = sampleRow('national', null, 'Total');
    const earlier = { ...current, timePeriod: '202425', possible: 1, attended: 1, absent: 0, line: 2 };
    const data: PublishedAttendance = { rows: [current, earlier], suppressed: [], warnings: [] };
    const figures = selectPublishedFigures(data, { level: 'national' });
    expect(figures.timePeriod).toBe('2025/26');
    expect(figures.possible).toBe(2_445_419_687);
    expect(figures.note).toContain('2024/25, 2025/26');
  });

  test('older figures standing in for suppressed newer ones say so in the note', () => {
    const cornwall = sampleRow('local-authority', 'Cornwall', 'Total');
    const earlier = { ...cornwall, timePeriod: '202425' };
    const data: PublishedAttendance = { rows: [earlier], suppressed: [cornwall], warnings: [] };
    const figures = selectPublishedFigures(data, { level: 'local-authority', area: 'Cornwall' });
    expect(figures.timePeriod).toBe('2024/25');
    expect(figures.note).toContain('suppressed the figures for 2025/26');
  });

  test('two sets of figures for the latest year (two time identifiers) are an error naming both', () => {
    const current = sampleRow('national', null, 'Total');
    const weekly = { ...current, timeIdentifier: 'Week 12', line: 20 };
    const data: PublishedAttendance = { rows: [current, weekly], suppressed: [], warnings: [] };
    const error = attendanceErrorOf(() => selectPublishedFigures(data, { level: 'national' }));
    expect(error.issues[0]).toMatchObject({ field: 'time_identifier', received: 'Academic year, Week 12' });
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Round trip: rows written in DfE's layout read back equal.

const LEVEL_WORDS: Readonly<Record<PublishedAttendanceLevel, string>> = {
  national: 'National',
  regional: 'Regional',
  'local-authority': 'Local authority',
};
const EES_AREA_HEADER = [
  'time_period',
  'geographic_level',
  'country_code',
  'country_name',
  'region_code',
  'region_name',
  'new_la_code',
  'la_name',
  'old_la_code',
  'education_phase',
  'possible_sessions',
  'overall_attendance',
  'overall_absence',
  'authorised_absence',
  'unauthorised_absence',
  'attendance_perc',
  'pa_perc',
  'time_identifier',
];

/** A cell as DfE writes them: every text quoted, quotes doubled. */
function quoted(value: string | number | null): string {
  return value === null ? '""' : `"${String(value).replaceAll('"', '""')}"`;
}

function toEesCsv(rows: readonly PublishedAttendanceRow[]): string {
  const lines = rows.map((row) =>
    [
      row.timePeriod,
      LEVEL_WORDS[row.level],
      'E92000001',
      row.countryName,
      '',
      row.regionName,
      row.newLaCode,
      row.laName,
      row.oldLaCode,
      row.phase,
      row.possible,
      row.attended,
      row.absent,
      row.authorised,
      row.unauthorised,
      row.attendancePercent,
      row.persistentAbsencePercent,
      row.timeIdentifier,
    ]
      .map(quoted)
      .join(',')
  );
  return `${[EES_AREA_HEADER.map(quoted).join(','), ...lines].join('\n')}\n`;
}

/** Text the reader keeps as it is: trimmed, not empty. */
const nameArb = fc
  .string({ minLength: 1, maxLength: 12 })
  .filter((text) => text.trim() === text && text !== '');
const percentArb = fc.option(
  fc.double({ min: 0, max: 100, noNaN: true }).map((value) => Math.abs(value)),
  { nil: null }
);
const rowArb = fc
  .record({
    year: fc.integer({ min: 2000, max: 2098 }),
    level: fc.constantFrom<PublishedAttendanceLevel>('national', 'regional', 'local-authority'),
    region: nameArb,
    authority: nameArb,
    oldLaCode: fc.option(fc.stringMatching(/^\d{3}$/), { nil: null }),
    phase: fc.constantFrom('Primary', 'Secondary', 'Special', 'Total'),
    attended: fc.nat(),
    authorised: fc.nat(),
    unauthorised: fc.nat(),
    persistentAbsencePercent: percentArb,
  })
  .map(({ year, level, region, authority, oldLaCode, attended, authorised, unauthorised, ...rest }) => {
    const absent = authorised + unauthorised;
    const possible = attended + absent;
    return {
      timePeriod: `${String(year)}${String((year + 1) % 100).padStart(2, '0')}`,
      timeIdentifier: 'Academic year',
      level,
      countryName: 'England',
      regionName: level === 'national' ? null : region,
      laName: level === 'local-authority' ? authority : null,
      newLaCode: level === 'local-authority' ? `E0${authority}` : null,
      oldLaCode: level === 'local-authority' ? oldLaCode : null,
      phase: rest.phase,
      possible,
      attended,
      absent,
      authorised,
      unauthorised,
      // DfE's rate is exactly this quotient; none without possible sessions.
      attendancePercent: possible === 0 ? null : (attended / possible) * 100,
      persistentAbsencePercent: rest.persistentAbsencePercent,
      line: 0,
    } satisfies PublishedAttendanceRow;
  });
const rowsArb = fc
  .uniqueArray(rowArb, {
    maxLength: 20,
    // One row per period, area and phase, as in DfE's file (a repeat is an error, tested above).
    selector: (row) =>
      JSON.stringify([
        row.timePeriod,
        row.level,
        (row.newLaCode ?? row.regionName)?.toLowerCase(),
        row.phase,
      ]),
  })
  .map((rows) => rows.map((row, index) => ({ ...row, line: index + 2 })));

test.prop([rowsArb])('round trip: rows written in the EES layout are read back equal', (rows) => {
  const result = safeParsePublishedAttendanceCsv(toEesCsv(rows));
  expect(result.success && result.data).toEqual({ rows, suppressed: [], warnings: [] });
});

test.prop([rowArb, fc.integer({ min: -3, max: 3 }).filter((delta) => delta !== 0)])(
  'counts that miss attended + absent = possible by any amount are refused',
  (row, delta) => {
    fc.pre(row.possible + delta >= 0);
    const text = toEesCsv([{ ...row, possible: row.possible + delta, attendancePercent: null, line: 2 }]);
    const result = safeParsePublishedAttendanceCsv(text);
    expect(result.success || result.error.issues.map((issue) => issue.code)).toEqual(['totals_mismatch']);
  }
);
