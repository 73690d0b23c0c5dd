import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { runCli, tableRow } from './_support/runCli.js';

// As of Friday 20 September 2024, with weekly reviews on Fridays and the trust's stages (no judgement before 20
// possible sessions), worked out from test/cli/_support/registers.ts:
// - SEVERE reached the national penalty-notice threshold on Monday 9 September; the review of 13 September moves
//   it straight to stage 4 (consider a penalty notice). Its review falls 4 weeks later, on 11 October.
// - EXACT10 and BELOW10 have been absent from the start: the review of 13 September has 18 possible sessions (too
//   few to judge); that of 20 September has 28, none attended: below 90 %, stage 1 (Letter 1 and contact).
// - LATE has 24 of 28 sessions by 20 September (U on 17 to 20 September): 85.7 %, stage 1.
// - FULL has attended every session: stage 0, nothing due.

const ESCALATION = ['escalation', 'register.csv', '--calendar', 'calendar.json', '--as-of', '2024-09-20'];

interface EscalationJson {
  asOf: string;
  schoolYear: string;
  from: string;
  pupilCount: number;
  stageCounts: Record<string, number>;
  pupils: {
    pupilId: string;
    stage: number;
    since: string | null;
    reviewDueOn: string | null;
    yearToDate: { possible: number; attended: number };
    dueActions: { kind: string; dueOn: string }[];
    explanation?: string;
  }[];
}

async function escalationJson(...extra: string[]): Promise<EscalationJson> {
  const result = await runCli([...ESCALATION, '--json', ...extra]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as EscalationJson;
}

describe('escalation', () => {
  test("--json gives each pupil's stage as of the date, most serious first, with the actions due", async () => {
    const json = await escalationJson();
    expect(json).toMatchObject({
      asOf: '2024-09-20',
      schoolYear: '2024/25',
      from: '2024-09-02',
      pupilCount: 5,
    });
    expect(json.stageCounts).toEqual({ 0: 1, 1: 3, 2: 0, 3: 0, 4: 1, 5: 0 });
    expect(json.pupils.map((pupil) => [pupil.pupilId, pupil.stage, pupil.since])).toEqual([
      ['SEVERE', 4, '2024-09-13'],
      ['EXACT10', 1, '2024-09-20'],
      ['BELOW10', 1, '2024-09-20'],
      ['LATE', 1, '2024-09-20'],
      ['FULL', 0, null],
    ]);
    const [severe, exact] = json.pupils;
    expect(severe!.dueActions).toEqual([
      expect.objectContaining({ kind: 'consider-penalty-notice', dueOn: '2024-09-13' }),
    ]);
    expect(severe!.reviewDueOn).toBe('2024-10-11');
    expect(exact!.dueActions.map((action) => action.kind)).toEqual(['letter-1', 'attendance-leader-contact']);
    expect(exact!.yearToDate).toMatchObject({ possible: 28, attended: 0 });
    expect(json.pupils[3]!.yearToDate).toMatchObject({ possible: 28, attended: 24 });
    expect(json.pupils[4]!.dueActions).toEqual([]);
  });

  test('an earlier --as-of gives the earlier stages', async () => {
    // On 13 September only SEVERE has moved; the others have 18 possible sessions, too few to judge.
    const json = await escalationJson('--as-of', '2024-09-13');
    expect(json.stageCounts).toEqual({ 0: 4, 1: 0, 2: 0, 3: 0, 4: 1, 5: 0 });
  });

  test('--csv has one row per pupil; --explain adds the history in plain English', async () => {
    const csv = await runCli([...ESCALATION, '--csv']);
    expect(csv.code).toBe(0);
    const rows = parse<Record<string, string>>(csv.stdout, { columns: true });
    expect(rows[0]).toMatchObject({
      pupil_id: 'SEVERE',
      stage: '4',
      stage_name: 'penalty notice',
      since: '2024-09-13',
      due_actions: 'consider-penalty-notice 2024-09-13',
    });
    expect(rows[1]!['due_actions']).toBe('letter-1 2024-09-20;attendance-leader-contact 2024-09-20');

    const table = await runCli([...ESCALATION, '--explain', '--limit', '1']);
    expect(table.code).toBe(0);
    expect(tableRow(table.stdout, 'SEVERE').slice(0, 3)).toEqual([
      'SEVERE',
      '4 penalty notice',
      '2024-09-13',
    ]);
    expect(table.stdout).toContain('Pupil SEVERE, now at stage 4 (penalty notice) since 2024-09-13.');
    expect(table.stdout).toContain('… and 4 more pupils');
    expect(table.stdout).not.toContain('EXACT10');
  });

  test('--fail-on stage>=N exits with 1 when any pupil is at stage N or above', async () => {
    expect((await runCli([...ESCALATION, '--fail-on', 'stage>=4'])).code).toBe(1);
    expect((await runCli([...ESCALATION, '--fail-on', 'stage>=5'])).code).toBe(0);
    expect((await runCli([...ESCALATION, '--fail-on', 'stage>=1', '--pupil', 'FULL'])).code).toBe(0);
  });

  test('a date before the calendar is bad input', async () => {
    const result = await runCli([
      'escalation',
      'register.csv',
      '--calendar',
      'calendar.json',
      '--as-of',
      '2024-08-01',
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('before the first school year');
  });
});
