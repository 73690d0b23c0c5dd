/**
 * The compiled rules on the cases the guidance names, worked out by hand from the rules (not from the library's
 * output), on every engine: persistent absence at exactly 38 of 380 sessions, severe at 190, the national
 * penalty-notice window of 10 sessions in 10 school weeks (reached, and missed by one week), a window that runs
 * across the summer holiday, legacy codes by date, marks the library rejects, odd names, hostile labels, and the
 * as-of date changed with a bound parameter.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test, vi } from 'vitest';
import {
  defineSchoolCalendar,
  eachSchoolDay,
  HCAT_ATTENDANCE_BANDS,
  isoDate,
  HCAT_POLICY,
} from '../../src/index.js';
import type { IsoDate } from '../../src/index.js';
import { compileRulesToSql, safeCompileRulesToSql } from '../../src/sql/index.js';
import type { RawMark } from './_arbitraries.js';
import { openDuckDb, openPglite, openPostgres, useEngine } from './_engines.js';
import type { SqlEngine } from './_engines.js';
import { runRules } from './_run.js';

// Each test loads a register and runs the script on a real engine: seconds, not milliseconds, on a busy machine.
vi.setConfig({ testTimeout: 60_000 });

const calendar = defineSchoolCalendar(
  JSON.parse(
    readFileSync(new URL('../../examples/calendars/example-la-2024-2026.json', import.meta.url), 'utf8')
  )
);

/** The 190 school days of 2024/25 from 3 September: 380 sessions. */
const YEAR_DAYS: readonly IsoDate[] = eachSchoolDay(calendar, {
  from: isoDate('2024-09-03'),
  to: isoDate('2025-07-21'),
});

/** A year of 380 sessions with `absent` N marks first and present marks after. */
function yearWithAbsence(pupilId: string, absent: number): RawMark[] {
  return YEAR_DAYS.slice(0, 190).flatMap((date, day) =>
    (['AM', 'PM'] as const).map((session, index) => ({
      pupilId,
      date,
      session,
      code: day * 2 + index < absent ? 'N' : '/',
    }))
  );
}

/** N in the morning of each date, present otherwise, for a window test. */
function absentMornings(pupilId: string, dates: readonly string[]): RawMark[] {
  return dates.flatMap((date) => [
    { pupilId, date, session: 'AM', code: 'N' },
    { pupilId, date, session: 'PM', code: '/' },
  ]);
}

const engines: [string, () => Promise<SqlEngine | undefined>][] = [
  ['DuckDB', openDuckDb],
  ['PGlite (PostgreSQL 18)', openPglite],
  ['a PostgreSQL server', openPostgres],
];

describe.each(engines)('compiled rules on %s', (name, open) => {
  const engine = useEngine(name, open);
  /** The engine, or a skip where it is not running here (a failure where it is required). */
  const running = (context: { skip: () => void }): SqlEngine => engine.running(context);

  test('persistent absence at exactly 38 of 380 sessions (10 % or more), severe at 190 (50 % or more)', async (context) => {
    const marks = [
      ...yearWithAbsence('pa-38', 38),
      ...yearWithAbsence('pa-37', 37),
      ...yearWithAbsence('sa-190', 190),
      ...yearWithAbsence('sa-189', 189),
    ];
    const { result } = await runRules(running(context), marks, { calendar });
    const figures = (pupilId: string): [number, number, string, number | null] => {
      const pupil = result.pupils[pupilId]!;
      return [pupil.possible, pupil.absent, pupil.absence_class, pupil.band_index];
    };
    // DfE absence bands: under 5, 5 to under 10, 10 to under 15, … in 5-point steps; 50 % or more is severe.
    expect(figures('pa-38')).toEqual([380, 38, 'persistent', 2]);
    expect(figures('pa-37')).toEqual([380, 37, 'none', 1]);
    expect(figures('sa-190')).toEqual([380, 190, 'severe', 10]);
    expect(figures('sa-189')).toEqual([380, 189, 'persistent', 9]);
    expect(result.cohort).toMatchObject({
      enrolments: 4,
      possible: 1520,
      absent: 454,
      persistent_absentees: 3,
      severe_absentees: 1,
    });
  });

  test('the national penalty-notice rule: 10 sessions in 10 school weeks, the half-term week not counted', async (context) => {
    // Tuesdays of school weeks 1 to 10 of 2024/25; the half-term week of 28 October has no sessions, so 5 and 12
    // November are school weeks 9 and 10.
    const tuesdays = ['2024-09-03', '2024-09-10', '2024-09-17', '2024-09-24', '2024-10-01', '2024-10-08'];
    const inTen = [...tuesdays, '2024-10-15', '2024-10-22', '2024-11-05', '2024-11-12'];
    // The tenth session a school week later: the first is out of the window by then.
    const inEleven = [...tuesdays, '2024-10-15', '2024-10-22', '2024-11-05', '2024-11-19'];
    const { result } = await runRules(
      running(context),
      [...absentMornings('ten-weeks', inTen), ...absentMornings('eleven-weeks', inEleven)],
      { calendar }
    );
    expect(result.pupils['ten-weeks']!.windows).toEqual({ penalty_notice: '10/10/2024-11-12 AM' });
    expect(result.pupils['eleven-weeks']!.windows).toEqual({ penalty_notice: '10/9/-' });
  });

  test('a window runs on across the summer holiday: school weeks skip holiday weeks', async (context) => {
    // The last five school weeks of 2024/25 and the first five of 2025/26 (3 September 2025 is an INSET day, so
    // the first session of that week is on Thursday the 4th).
    const dates = ['2025-06-24', '2025-07-01', '2025-07-08', '2025-07-15', '2025-07-21'];
    const autumn = ['2025-09-04', '2025-09-09', '2025-09-16', '2025-09-23', '2025-09-30'];
    const { result } = await runRules(running(context), absentMornings('summer', [...dates, ...autumn]), {
      calendar,
    });
    expect(result.pupils['summer']!.windows).toEqual({ penalty_notice: '10/10/2025-09-30 AM' });
  });

  test('legacy codes by date: H before 19 August 2024 is authorised; after it, counted as the old set counts it, with a warning', async (context) => {
    const marks: RawMark[] = [
      { pupilId: 'holiday', date: '2024-07-15', session: 'AM', code: 'H' },
      { pupilId: 'holiday', date: '2024-09-09', session: 'AM', code: 'H' },
      { pupilId: 'holiday', date: '2024-09-09', session: 'PM', code: '/' },
    ];
    const { result } = await runRules(running(context), marks, { calendar });
    expect(result.pupils['holiday']).toMatchObject({ possible: 3, authorised: 2, present: 1 });
    // 15 July 2024 falls before the calendar starts; the H of 9 September is outside the 2024 set.
    expect(result.reported['holiday']).toBe('code_outside_code_set outside_calendar');
  });

  test('marks the library rejects withhold the pupil, with located issues; a mark without a pupil is listed', async (context) => {
    const engineNow = running(context);
    const marks: RawMark[] = [
      { pupilId: 'ok', date: '2024-09-09', session: 'AM', code: '/' },
      { pupilId: 'bad-code', date: '2024-09-09', session: 'AM', code: 'QQ' },
      { pupilId: 'bad-session', date: '2024-09-09', session: 'XX', code: '/' },
      { pupilId: 'twice', date: '2024-09-09', session: 'AM', code: '/' },
      { pupilId: 'twice', date: '2024-09-09', session: 'AM', code: 'N' },
      { pupilId: null as unknown as string, date: '2024-09-09', session: 'AM', code: '/' },
      { pupilId: 'no-code', date: '2024-09-09', session: 'AM', code: null as unknown as string },
    ];
    const { result, objects } = await runRules(engineNow, marks, { calendar });
    expect(Object.keys(result.pupils)).toEqual(['ok']);
    expect(result.withheld).toEqual({
      'bad-code': 'unknown_code',
      'bad-session': 'invalid_session',
      twice: 'duplicate_mark',
      'no-code': 'invalid_value',
    });
    const rows = await engineNow.query(
      `SELECT pupil_id, date, session, code, issue, field FROM ${objects.issues} WHERE pupil_id IS NULL OR pupil_id = 'twice'`
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        {
          pupil_id: null,
          date: '2024-09-09',
          session: 'AM',
          code: '/',
          issue: 'invalid_value',
          field: 'pupilId',
        },
        {
          pupil_id: 'twice',
          date: '2024-09-09',
          session: 'AM',
          code: 'N',
          issue: 'duplicate_mark',
          field: 'code',
        },
      ])
    );
    expect(result.cohort.withheld_pupils).toBe(4);
  });

  test('with duplicates by precedence, the mark of higher precedence counts and the earlier one wins a tie', async (context) => {
    const marks: RawMark[] = [
      { pupilId: 'p', date: '2024-09-09', session: 'AM', code: 'N' },
      { pupilId: 'p', date: '2024-09-09', session: 'AM', code: '/' },
      { pupilId: 'p', date: '2024-09-09', session: 'PM', code: 'O' },
      { pupilId: 'p', date: '2024-09-09', session: 'PM', code: 'G' },
    ];
    const rule = { length: 1, unit: 'school-weeks', threshold: 1, codes: ['O'] } as const;
    const { result } = await runRules(running(context), marks, {
      calendar,
      duplicates: 'precedence',
      // The register's order (a line number): without it a tie would go to the code that sorts first, G.
      marks: { columns: { order: 'line' } },
      windows: [{ name: 'o_only', rule }],
    });
    // Present beats unauthorised; O and G are both unauthorised, so the earlier O counts.
    expect(result.pupils['p']).toMatchObject({ possible: 2, present: 1, unauthorised: 1 });
    expect(result.pupils['p']!.windows).toEqual({ o_only: '1/1/2024-09-09 PM' });
    expect(result.reported['p']).toBe('duplicate_mark_resolved');
  });

  test('with uniqueSessions the key is trusted: the same figures without the duplicate check, and a duplicate the key let through is not looked for', async (context) => {
    const engineNow = running(context);
    const clean = [...absentMornings('p', ['2024-09-09', '2024-09-10']), ...yearWithAbsence('q', 38)];
    const checked = await runRules(engineNow, clean, { calendar });
    const trusted = await runRules(engineNow, clean, { calendar, marks: { uniqueSessions: true } });
    expect(trusted.result).toEqual(checked.result);
    expect(trusted.result.pupils['p']).toMatchObject({ possible: 4, present: 2, unauthorised: 2 });
    expect(trusted.result.pupils['q']).toMatchObject({
      possible: 380,
      absent: 38,
      absence_class: 'persistent',
    });
    // A key would have refused this second mark; told there is one, the script does not look for it.
    const twice = [...clean, { pupilId: 'p', date: '2024-09-09', session: 'AM', code: 'N' }];
    expect((await runRules(engineNow, twice, { calendar })).result.withheld['p']).toBe('duplicate_mark');
    const { result } = await runRules(engineNow, twice, { calendar, marks: { uniqueSessions: true } });
    expect(result.withheld['p']).toBeUndefined();
    expect(result.pupils['p']).toMatchObject({ possible: 5, unauthorised: 3 });
  });

  test('the as-of date is a parameter: an UPDATE with a bound value changes what is counted', async (context) => {
    const engineNow = running(context);
    const marks = absentMornings('p', ['2024-09-10', '2024-09-17', '2024-09-24']);
    const { objects } = await runRules(engineNow, marks, { calendar, asOf: isoDate('2024-09-16') });
    const possible = async (): Promise<unknown> =>
      (await engineNow.query(`SELECT possible FROM ${objects.pupilFigures}`))[0]!['possible'];
    expect(await possible()).toBe(2);
    await engineNow.load('new_as_of', [{ name: 'as_of', type: 'date' }], [['2024-09-30']]);
    await engineNow.exec(`UPDATE ${objects.parameters} SET as_of = (SELECT as_of FROM new_as_of)`);
    expect(await possible()).toBe(6);
  });

  test('odd table, column and schema names are quoted; a hostile label is only data', async (context) => {
    const engineNow = running(context);
    // A schema of its own (on a shared server, left by no earlier run).
    await engineNow.exec(`DROP SCHEMA IF EXISTS "odd ""schema""" CASCADE`);
    await engineNow.exec(`CREATE SCHEMA "odd ""schema"""`);
    await engineNow.exec(
      `CREATE TABLE "odd ""schema"""."my ""marks"" table" ("pupil id" TEXT, "on ""date""" DATE, "am/pm" TEXT, "code;" TEXT)`
    );
    await engineNow.exec(
      `INSERT INTO "odd ""schema"""."my ""marks"" table" VALUES ('p', DATE '2024-09-09', 'AM', '/'), ('p', DATE '2024-09-09', 'PM', 'N')`
    );
    const hostile = {
      ...HCAT_ATTENDANCE_BANDS,
      bands: HCAT_ATTENDANCE_BANDS.bands.map((band) => ({
        ...band,
        label: `'); DROP TABLE marks; -- ${band.label}`,
      })),
    };
    const { sql, objects } = compileRulesToSql({
      dialect: engineNow.dialect,
      calendar,
      policy: HCAT_POLICY,
      bands: hostile,
      marks: {
        schema: 'odd "schema"',
        table: 'my "marks" table',
        columns: { pupilId: 'pupil id', date: 'on "date"', session: 'am/pm', code: 'code;' },
      },
      output: { schema: 'odd "schema"', prefix: 'rules_' },
    });
    await engineNow.exec(sql);
    const [row] = await engineNow.query(`SELECT possible, absent, band_label FROM ${objects.pupilFigures}`);
    expect(row).toEqual({
      possible: 2,
      absent: 1,
      band_label: expect.stringMatching(/^'\); DROP TABLE marks; -- /u) as unknown,
    });
    expect(objects.pupilFigures).toBe('"odd ""schema"""."rules_pupil_figures"');
    await engineNow.exec(`DROP SCHEMA "odd ""schema""" CASCADE`);
  });
});

describe('compileRulesToSql options', () => {
  test('every invalid option is a located error; the safe form never throws', () => {
    const result = safeCompileRulesToSql({
      dialect: 'oracle',
      calendar,
      output: { prefix: 'Bad Prefix' },
      windows: [{ name: 'penalty notice', rule: { length: 0, unit: 'weeks', threshold: 1, codes: ['G'] } }],
      marks: { table: 'a\u0000b' },
    });
    expect(result.success).toBe(false);
    const paths = result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'dialect',
        'output.prefix',
        'windows.0.name',
        'windows.0.rule.length',
        'windows.0.rule.unit',
        'marks.table',
      ])
    );
    for (const hostile of [
      undefined,
      null,
      42,
      'duckdb',
      [],
      { dialect: 'duckdb' },
      { dialect: 'duckdb', calendar: {} },
    ]) {
      expect(safeCompileRulesToSql(hostile).success).toBe(false);
    }
  });

  test('uniqueSessions leaves the duplicate check out of the script', () => {
    const checked = compileRulesToSql({ dialect: 'duckdb', calendar }).sql;
    const trusted = compileRulesToSql({ dialect: 'duckdb', calendar, marks: { uniqueSessions: true } }).sql;
    expect(checked).toContain('bitstring_agg(');
    expect(trusted).not.toContain('bitstring_agg(');
    expect(trusted).toContain('rules out a second mark for a session');
    expect(
      safeCompileRulesToSql({ dialect: 'duckdb', calendar, marks: { uniqueSessions: 'yes' } })
    ).toMatchObject({
      success: false,
    });
  });

  test('the script cites its sources and writes the policy thresholds as whole numbers', () => {
    const { sql } = compileRulesToSql({ dialect: 'postgres', calendar });
    expect(sql).toMatch(/^-- The attendance rules of schools in England, compiled to PostgreSQL SQL/u);
    expect(sql).toContain(
      'explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england'
    );
    expect(sql).toContain('absent * 10000 - 1000 * possible >= 0');
    expect(sql).toContain('absent * 10000 - 5000 * possible >= 0');
    expect(sql).toContain('SET standard_conforming_strings = on;');
  });
});
