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
    stageName: string;
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

describe('escalation with a ladder of its own', () => {
  // A fictional LA's two steps: a letter once attendance to date is below 90 % (20 sessions on), and a meeting
  // at once when absence reaches 50 % (DfE's severe absence line). Worked out from the same five pupils:
  // EXACT10 and BELOW10 (0 of 28 by 20 September) and SEVERE are at least 50 % absent, LATE has 24 of 28
  // (85.7 %), FULL 28 of 28.
  const LADDER = {
    name: 'fictional LA',
    stages: [
      { name: 'watching', step: 'monitor', review: null, onEntry: [] },
      { name: 'letter', step: 'listen-and-understand', review: { weeks: 4 }, onEntry: ['letter'] },
      {
        name: 'joint meeting',
        step: 'facilitate-support',
        review: null,
        onEntry: ['meeting'],
        terminal: true,
      },
    ],
    actions: {
      letter: { name: 'letter', description: 'a letter to the family', doneBy: 'letter-sent' },
      meeting: { name: 'joint meeting', description: 'a meeting with the LA', doneBy: 'meeting-held' },
    },
    rules: [
      {
        from: [0, 1],
        when: { test: 'absence-at-least', percent: 50, minimumPossibleSessions: 20 },
        to: 2,
        jump: null,
      },
      {
        from: [0],
        when: { test: 'attendance-below', percent: 90, minimumPossibleSessions: 20 },
        to: 1,
        jump: null,
      },
      { from: [1], when: { test: 'review-due', improved: true, percent: 95 }, to: 0, jump: 'improvement' },
    ],
  };

  test('--escalation-policy FILE with stages runs that ladder, its stage names and actions', async () => {
    const result = await runCli([...ESCALATION, '--json', '--escalation-policy', 'ladder.json'], {
      'ladder.json': JSON.stringify(LADDER),
    });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as EscalationJson;
    expect(json.stageCounts).toEqual({ 0: 1, 1: 1, 2: 3 });
    expect(json.pupils.map((pupil) => [pupil.pupilId, pupil.stage, pupil.stageName])).toEqual([
      // Pupils at one stage keep the register's order.
      ['EXACT10', 2, 'joint meeting'],
      ['BELOW10', 2, 'joint meeting'],
      ['SEVERE', 2, 'joint meeting'],
      ['LATE', 1, 'letter'],
      ['FULL', 0, 'watching'],
    ]);
    expect(json.pupils[3]!.dueActions).toEqual([
      expect.objectContaining({ kind: 'letter', dueOn: '2024-09-20' }),
    ]);
  });

  test('a ladder with a stage no rule reaches is refused with the place named (exit 2)', async () => {
    const broken = { ...LADDER, rules: LADDER.rules.slice(1) };
    const result = await runCli([...ESCALATION, '--escalation-policy', 'ladder.json'], {
      'ladder.json': JSON.stringify(broken),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('ladder.json');
    expect(result.stderr).toContain('stage 2 (joint meeting) cannot be reached');
  });

  test('a file of settings still changes the trust ladder’s numbers', async () => {
    const result = await runCli([...ESCALATION, '--json', '--escalation-policy', 'policy.json'], {
      'policy.json': JSON.stringify({ stageOneBelowPercent: 80 }),
    });
    expect(result.code).toBe(0);
    // LATE's 85.7 % is no longer below the stage 1 line (80 %), only below the warning line (95 %).
    const late = (JSON.parse(result.stdout) as EscalationJson).pupils.find(
      (pupil) => pupil.pupilId === 'LATE'
    );
    expect(late?.stage).toBe(0);
  });

  test("--escalation-policy dfe-support-first runs DfE's support-first ladder", async () => {
    const json = await escalationJson('--escalation-policy', 'dfe-support-first');
    // Absent from the start (28 of 28 sessions missed by 20 September): severe absence, joint working with the
    // LA. SEVERE reached the threshold on 9 September before any support was offered: support first (stage 2),
    // and a week later severe absence. LATE has missed 4 of 28 (14.3 %): persistent absence, facilitate support.
    expect(json.pupils.map((pupil) => [pupil.pupilId, pupil.stage])).toEqual([
      ['EXACT10', 8],
      ['BELOW10', 8],
      ['SEVERE', 8],
      ['LATE', 2],
      ['FULL', 0],
    ]);
    expect(json.pupils[3]).toMatchObject({
      stageName: 'facilitate support',
      dueActions: [
        expect.objectContaining({ kind: 'explore-barriers' }),
        expect.objectContaining({ kind: 'offer-voluntary-support' }),
      ],
    });
  });

  test('a file that extends dfe-support-first changes its numbers, and refuses a wrong one by name', async () => {
    const atRisk = await runCli([...ESCALATION, '--json', '--escalation-policy', 'dfe.json'], {
      'dfe.json': JSON.stringify({ extends: 'dfe-support-first', persistentAbsencePercent: 20 }),
    });
    expect(atRisk.code).toBe(0);
    // 14.3 % absence is below a persistent line of 20 %: at risk only, listen and understand.
    const late = (JSON.parse(atRisk.stdout) as EscalationJson).pupils.find(
      (pupil) => pupil.pupilId === 'LATE'
    );
    expect(late?.stage).toBe(1);
    const wrong = await runCli([...ESCALATION, '--escalation-policy', 'dfe.json'], {
      'dfe.json': JSON.stringify({ extends: 'dfe-support-first', noticeToImproveSchoolWeeks: 0 }),
    });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('noticeToImproveSchoolWeeks');
  });

  test('--fail-on stage>=N takes the stages of the ladder run, and refuses one it does not have', async () => {
    expect(
      (await runCli([...ESCALATION, '--escalation-policy', 'dfe-support-first', '--fail-on', 'stage>=8']))
        .code
    ).toBe(1);
    expect(
      (await runCli([...ESCALATION, '--escalation-policy', 'dfe-support-first', '--fail-on', 'stage>=9']))
        .code
    ).toBe(0);
    const beyond = await runCli([...ESCALATION, '--fail-on', 'stage>=6']);
    expect(beyond.code).toBe(2);
    expect(beyond.stderr).toContain('--fail-on stage>=6: the hcat-trust ladder has stages 0 to 5.');
  });
});
