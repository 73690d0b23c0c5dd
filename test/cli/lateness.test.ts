import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { runCli, tableRow } from './_support/runCli.js';

// From test/cli/_support/registers.ts: only LATE has late marks, all in Autumn 1 2024/25. L on the mornings of
// 3, 4, 5 and 6 September (10 minutes each): the trust policy's letter at the third (5 September) and meeting at
// the fourth (6 September). U on ten mornings from 17 to 30 September (40 minutes each): the warning at the fifth
// (23 September) and persistent lateness, 10 U within 12 calendar weeks, at the tenth (30 September).

const LATENESS = ['lateness', 'register.csv', '--calendar', 'calendar.json'];

interface LatenessJson {
  pupilCount: number;
  latePupilCount: number;
  actionPupilCount: number;
  persistentlyLateCount: number;
  pupils: {
    pupilId: string;
    late: number;
    lateAfterRegisterClosed: number;
    halfTerms: Record<string, unknown>[];
    persistentLateness: { reached: boolean; reachedOn: string | null };
  }[];
}

describe('lateness', () => {
  test('--json gives each late pupil per half-term, the actions reached and persistent lateness', async () => {
    const result = await runCli([...LATENESS, '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as LatenessJson;
    expect(json).toMatchObject({
      pupilCount: 5,
      latePupilCount: 1,
      actionPupilCount: 1,
      persistentlyLateCount: 1,
    });
    const [late] = json.pupils;
    expect(late).toMatchObject({ pupilId: 'LATE', late: 4, lateAfterRegisterClosed: 10 });
    expect(late!.halfTerms).toEqual([
      expect.objectContaining({
        year: '2024/25',
        halfTerm: 'Autumn 1',
        late: 4,
        lateAfterRegisterClosed: 10,
        minutesLate: 4 * 10 + 10 * 40,
        lateDates: ['2024-09-03', '2024-09-04', '2024-09-05', '2024-09-06'],
        actions: [
          expect.objectContaining({ action: 'lateness-letter', reachedOn: '2024-09-05' }),
          expect.objectContaining({ action: 'lateness-meeting', reachedOn: '2024-09-06' }),
          expect.objectContaining({ action: 'unauthorised-lateness-warning', reachedOn: '2024-09-23' }),
        ],
      }),
    ]);
    expect(late!.persistentLateness).toMatchObject({ reached: true, reachedOn: '2024-09-30' });
  });

  test('--csv gives one row per pupil and half-term', async () => {
    const result = await runCli([...LATENESS, '--csv']);
    expect(result.code).toBe(0);
    expect(parse(result.stdout)).toEqual([
      [
        'pupil_id',
        'year',
        'half_term',
        'late',
        'late_after_register_closed',
        'minutes_late',
        'actions',
        'persistently_late',
        'persistent_lateness_reached_on',
      ],
      [
        'LATE',
        '2024/25',
        'Autumn 1',
        '4',
        '10',
        '440',
        'lateness-letter 2024-09-05;lateness-meeting 2024-09-06;unauthorised-lateness-warning 2024-09-23',
        'true',
        '2024-09-30',
      ],
    ]);
  });

  test('the table shows the half-term row and the persistently late', async () => {
    const result = await runCli(LATENESS);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('register opens 09:00 and closes 09:30');
    expect(tableRow(result.stdout, 'LATE')).toEqual([
      'LATE',
      '2024/25',
      'Autumn 1',
      '4',
      '10',
      '440',
      'lateness-letter 2024-09-05, lateness-meeting 2024-09-06, unauthorised-lateness-warning 2024-09-23',
    ]);
    expect(result.stdout).toContain(
      'Persistent lateness (10 sessions of U within 12 calendar weeks): 1 pupil.'
    );
  });

  test('--fail-on lateness and persistent-lateness follow the date the figures are as of', async () => {
    expect((await runCli([...LATENESS, '--fail-on', 'persistent-lateness'])).code).toBe(1);
    // By 4 September there are two L marks: no action yet.
    expect((await runCli([...LATENESS, '--fail-on', 'lateness', '--as-of', '2024-09-04'])).code).toBe(0);
    expect((await runCli([...LATENESS, '--fail-on', 'lateness', '--as-of', '2024-09-05'])).code).toBe(1);
    // By 27 September nine U: not yet persistent.
    expect(
      (await runCli([...LATENESS, '--fail-on', 'persistent-lateness', '--as-of', '2024-09-27'])).code
    ).toBe(0);
  });

  test('a lateness policy file changes the rules', async () => {
    // The letter at the second L instead of the third.
    const policy = JSON.stringify({
      halfTermActions: [
        { codes: ['L'], atLeast: 2, action: 'early-letter', label: 'Letter at the second late mark' },
      ],
    });
    const result = await runCli([...LATENESS, '--json', '--lateness-policy', 'lateness.json'], {
      'lateness.json': policy,
    });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as LatenessJson;
    expect(json.pupils[0]!.halfTerms[0]!['actions']).toEqual([
      expect.objectContaining({ action: 'early-letter', reachedOn: '2024-09-04' }),
    ]);
  });
});
