import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { runCli, tableRow } from './_support/runCli.js';

// The five pupils' figures are worked out in test/cli/_support/registers.ts: SEVERE misses 190 of 380 (50 %),
// EXACT10 38 of 380 (10 %), BELOW10 38 of 381 (9.97 %), LATE 10 of 380, FULL none.

interface Absentee {
  pupilId: string;
  possible: number;
  absent: number;
  absence: { percent: string; numerator: number; denominator: number };
  severe: boolean;
}

describe('persistent', () => {
  test('--json lists the severe and the persistent absentees, highest rate first, with exact rates', async () => {
    const result = await runCli(['persistent', 'register.csv', '--json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as {
      pupilCount: number;
      persistentCount: number;
      severeCount: number;
      thresholds: { persistent: { percent: number; comparison: string } };
      persistent: Absentee[];
      severe: Absentee[];
    };
    expect(json).toMatchObject({ pupilCount: 5, persistentCount: 2, severeCount: 1 });
    expect(json.thresholds.persistent).toMatchObject({ percent: 10, comparison: 'at-least' });
    expect(json.persistent).toEqual([
      {
        pupilId: 'SEVERE',
        possible: 380,
        absent: 190,
        absence: { percent: '50.0', numerator: 190, denominator: 380 },
        severe: true,
      },
      {
        pupilId: 'EXACT10',
        possible: 380,
        absent: 38,
        absence: { percent: '10.0', numerator: 38, denominator: 380 },
        severe: false,
      },
    ]);
    expect(json.severe.map((pupil) => pupil.pupilId)).toEqual(['SEVERE']);
  });

  test('--csv has one row per persistent absentee with its class', async () => {
    const result = await runCli(['persistent', 'register.csv', '--csv']);
    expect(result.code).toBe(0);
    expect(parse(result.stdout)).toEqual([
      ['class', 'pupil_id', 'possible', 'absent', 'absence_percent'],
      ['severe', 'SEVERE', '380', '190', '50.0'],
      ['persistent', 'EXACT10', '380', '38', '10.0'],
    ]);
  });

  test('the table shows both lists; 38 of 381 is in neither', async () => {
    const result = await runCli(['persistent', 'register.csv']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Severely absent (50 % or more of possible sessions missed): 1 pupil of 5.'
    );
    expect(result.stdout).toContain('severe included): 2 pupils of 5.');
    expect(tableRow(result.stdout, 'EXACT10')).toEqual(['EXACT10', '380', '38', '10.0']);
    expect(result.stdout).not.toContain('BELOW10');
  });

  test('sorts by the exact rate: 1 of 3 (33.3 %) comes before 33 of 100 (33.0 %) and after 1 of 2', async () => {
    const rows = (pupilId: string, days: number, absentDays: number): string[] =>
      Array.from({ length: days }, (_, day) =>
        ['AM', 'PM'].map(
          (session) => `${pupilId},${dateOf(day)},${session},${day < absentDays ? 'O' : '/'},,`
        )
      ).flat();
    // 1 absent day of 3 (33.3 %), 33 of 100 days (33.0 %), 1 of 2 (50 %).
    const csv = [
      'pupil_id,date,session,code,minutes_late,comment',
      ...rows('THIRD', 3, 1),
      ...rows('THIRTY3', 100, 33),
      ...rows('HALF', 2, 1),
    ].join('\n');
    const result = await runCli(['persistent', 'rates.csv', '--csv'], { 'rates.csv': csv });
    expect(result.code).toBe(0);
    expect(
      parse(result.stdout)
        .slice(1)
        .map((row) => row[1])
    ).toEqual(['HALF', 'THIRD', 'THIRTY3']);
  });

  test('--fail-on severe exits with 1 when a pupil is severely absent', async () => {
    expect((await runCli(['persistent', 'register.csv', '--fail-on', 'severe'])).code).toBe(1);
    expect(
      (await runCli(['persistent', 'register.csv', '--fail-on', 'severe', '--pupil', 'EXACT10'])).code
    ).toBe(0);
  });
});

// Consecutive weekdays from Monday 2 September 2024; the summary needs no calendar.
function dateOf(day: number): string {
  const weeks = Math.floor(day / 5);
  const time = Date.UTC(2024, 8, 2 + weeks * 7 + (day % 5));
  return new Date(time).toISOString().slice(0, 10);
}
