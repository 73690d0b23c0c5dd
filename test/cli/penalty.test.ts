import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { runCli, tableRow } from './_support/runCli.js';

// From test/cli/_support/registers.ts: SEVERE is O at every session from Tuesday 3 September 2024, so its tenth
// unauthorised session is the afternoon of Monday 9 September; LATE is U on ten mornings, 17 to 30 September, the
// tenth on 30 September. Both are within 10 school weeks (national rule) and 12 calendar weeks (trust rule).

const SEVERE_SESSIONS = ['2024-09-03', '2024-09-04', '2024-09-05', '2024-09-06', '2024-09-09'].flatMap(
  (date) => [
    { date, session: 'AM', code: 'O' },
    { date, session: 'PM', code: 'O' },
  ]
);
const LATE_DATES = [
  '2024-09-17',
  '2024-09-18',
  '2024-09-19',
  '2024-09-20',
  '2024-09-23',
  '2024-09-24',
  '2024-09-25',
  '2024-09-26',
  '2024-09-27',
  '2024-09-30',
];

interface PenaltyJson {
  rule: { length: number; unit: string; threshold: number; codes: string[] };
  pupilCount: number;
  reachedCount: number;
  pupils: { pupilId: string; reachedOn: string; sessionsInWindow: number; sessions: unknown[] }[];
}

async function penaltyJson(...extra: string[]): Promise<PenaltyJson> {
  const result = await runCli(['penalty', 'register.csv', '--calendar', 'calendar.json', '--json', ...extra]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as PenaltyJson;
}

describe('penalty', () => {
  test('--json lists who reached the national threshold, when, and the sessions that counted', async () => {
    const json = await penaltyJson();
    expect(json.rule).toMatchObject({
      length: 10,
      unit: 'school-weeks',
      threshold: 10,
      codes: ['G', 'N', 'O', 'U'],
    });
    expect(json).toMatchObject({ pupilCount: 5, reachedCount: 2 });
    expect(json.pupils.map((pupil) => [pupil.pupilId, pupil.reachedOn, pupil.sessionsInWindow])).toEqual([
      ['SEVERE', '2024-09-09', 10],
      ['LATE', '2024-09-30', 10],
    ]);
    expect(json.pupils[0]!.sessions).toEqual(SEVERE_SESSIONS);
    expect(json.pupils[1]!.sessions).toEqual(LATE_DATES.map((date) => ({ date, session: 'AM', code: 'U' })));
  });

  test("uses the policy's own rule: the trust's 12 calendar weeks over O, U and G", async () => {
    const json = await penaltyJson('--policy', 'trust');
    expect(json.rule).toMatchObject({ length: 12, unit: 'calendar-weeks', codes: ['O', 'U', 'G'] });
    expect(json.pupils.map((pupil) => [pupil.pupilId, pupil.reachedOn])).toEqual([
      ['SEVERE', '2024-09-09'],
      ['LATE', '2024-09-30'],
    ]);
  });

  test('--as-of counts only sessions up to that date', async () => {
    // By Friday 27 September LATE has nine U sessions: one short.
    const json = await penaltyJson('--as-of', '2024-09-27');
    expect(json.pupils.map((pupil) => pupil.pupilId)).toEqual(['SEVERE']);
  });

  test('--csv gives one row per pupil, the counted sessions in one field', async () => {
    const result = await runCli(['penalty', 'register.csv', '--calendar', 'calendar.json', '--csv']);
    expect(result.code).toBe(0);
    const rows = parse<Record<string, string>>(result.stdout, { columns: true });
    expect(rows.map((row) => [row['pupil_id'], row['reached_on'], row['sessions_in_window']])).toEqual([
      ['SEVERE', '2024-09-09', '10'],
      ['LATE', '2024-09-30', '10'],
    ]);
    expect(rows[1]!['sessions']).toBe(LATE_DATES.map((date) => `${date} AM U`).join(';'));
  });

  test('the table names the rule, the pupils and their sessions', async () => {
    const result = await runCli(['penalty', 'register.csv', '--calendar', 'calendar.json']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '10 sessions of G, N, O, U within 10 school weeks, counted from 2024-08-19'
    );
    expect(result.stdout).toContain('2 pupils of 5 reached the threshold.');
    expect(tableRow(result.stdout, 'SEVERE').slice(0, 2)).toEqual(['SEVERE', '2024-09-09']);
    expect(result.stdout).toContain('SEVERE: 2024-09-03 AM O, 2024-09-03 PM O,');
  });

  test('needs a calendar, and --fail-on penalty exits with 1 when a pupil reached the threshold', async () => {
    const without = await runCli(['penalty', 'register.csv']);
    expect(without.code).toBe(2);
    expect(without.stderr).toContain('give --calendar FILE');
    expect(
      (await runCli(['penalty', 'register.csv', '--calendar', 'calendar.json', '--fail-on', 'penalty'])).code
    ).toBe(1);
    expect(
      (
        await runCli([
          'penalty',
          'register.csv',
          '--calendar',
          'calendar.json',
          '--fail-on',
          'penalty',
          '--pupil',
          'FULL',
        ])
      ).code
    ).toBe(0);
  });

  test('a counted session on a day the calendar has closed is bad input, named by file and line', async () => {
    // Saturday 7 September 2024, on line 2.
    const csv = 'pupil_id,date,session,code,minutes_late,comment\nW1,2024-09-07,AM,O,,\n';
    const result = await runCli(['penalty', 'weekend.csv', '--calendar', 'calendar.json'], {
      'weekend.csv': csv,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('weekend.csv:2: error:');
    expect(result.stderr).toContain('[mark_on_closed_session]');
  });
});
