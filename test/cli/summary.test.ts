import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { fixture } from './_support/memoryIo.js';
import { registerCsv, registerJson, FIVE_PUPILS } from './_support/registers.js';
import { runCli, tableRow } from './_support/runCli.js';

// The five pupils' figures are worked out in test/cli/_support/registers.ts.

interface RateJson {
  percent: string;
  numerator: number;
  denominator: number;
}
interface PupilJson {
  pupilId: string;
  possible: number;
  attended: number;
  authorised: number;
  unauthorised: number;
  absent: number;
  notPossible: number;
  late: number;
  lateAfterRegisterClosed: number;
  attendance: RateJson | null;
  absence: RateJson | null;
  band: { id: string; label: string } | null;
  persistentAbsence: boolean;
  severeAbsence: boolean;
}
interface SummaryJson {
  command: string;
  source: string;
  asOf: string;
  policy: string;
  pupilCount: number;
  pupils: PupilJson[];
  overall: Record<string, unknown> & {
    attendance: RateJson;
    persistentAbsentees: number;
    severelyAbsent: number;
  };
}

async function summaryJson(...extra: string[]): Promise<SummaryJson> {
  const result = await runCli(['summary', 'register.csv', '--json', ...extra]);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as SummaryJson;
}

function pupil(json: SummaryJson, pupilId: string): PupilJson {
  const found = json.pupils.find((candidate) => candidate.pupilId === pupilId);
  if (found === undefined) throw new Error(`No ${pupilId}`);
  return found;
}

describe('summary --json', () => {
  test("gives each pupil's counts, exact rates and flags", async () => {
    const json = await summaryJson();
    expect(json.command).toBe('summary');
    expect(json.pupilCount).toBe(5);
    expect(json.pupils.map((row) => row.pupilId)).toEqual(['EXACT10', 'BELOW10', 'SEVERE', 'LATE', 'FULL']);
    expect(pupil(json, 'EXACT10')).toMatchObject({
      possible: 380,
      attended: 342,
      authorised: 38,
      unauthorised: 0,
      attendance: { percent: '90.0', numerator: 342, denominator: 380 },
      absence: { percent: '10.0', numerator: 38, denominator: 380 },
      persistentAbsence: true,
      severeAbsence: false,
    });
    // 38 of 381 displays as 10.0 % but is below the 10 % line.
    expect(pupil(json, 'BELOW10')).toMatchObject({
      possible: 381,
      absent: 38,
      notPossible: 1,
      absence: { percent: '10.0', numerator: 38, denominator: 381 },
      persistentAbsence: false,
    });
    expect(pupil(json, 'SEVERE')).toMatchObject({
      possible: 380,
      unauthorised: 190,
      persistentAbsence: true,
      severeAbsence: true,
    });
    expect(pupil(json, 'LATE')).toMatchObject({
      attended: 370,
      unauthorised: 10,
      late: 4,
      lateAfterRegisterClosed: 10,
    });
    expect(pupil(json, 'FULL').attendance).toEqual({ percent: '100.0', numerator: 380, denominator: 380 });
  });

  test('computes the overall figures as sums of sessions, divided once', async () => {
    const { overall } = await summaryJson();
    expect(overall).toMatchObject({
      pupils: 5,
      possible: 1901,
      attended: 1625,
      authorised: 76,
      unauthorised: 200,
      absent: 276,
      persistentAbsentees: 2,
      severelyAbsent: 1,
    });
    // 1625 / 1901 = 85.48 %; an average of the five pupils' rates would be 85.5 only by chance of rounding,
    // so the exact fraction is what is checked.
    expect(overall.attendance).toEqual({ percent: '85.5', numerator: 1625, denominator: 1901 });
  });

  test("bands by the policy's band table: DfE absence bands by default, the trust's attendance bands with --policy trust", async () => {
    const dfe = await summaryJson();
    expect(dfe.policy).toBe('dfe');
    expect(['EXACT10', 'BELOW10', 'SEVERE', 'LATE', 'FULL'].map((id) => pupil(dfe, id).band?.id)).toEqual([
      'persistent-10-15',
      'approaching-persistent',
      'severe',
      'under-5',
      'under-5',
    ]);
    const trust = await summaryJson('--policy', 'trust');
    // 90.0 % attendance is a persistent absentee; 343 of 381 (90.03 %) is at risk; 50.0 % is severely absent.
    expect(['EXACT10', 'BELOW10', 'SEVERE', 'LATE', 'FULL'].map((id) => pupil(trust, id).band?.id)).toEqual([
      'persistent-absentee',
      'at-risk',
      'severely-absent',
      'good',
      'outstanding',
    ]);
  });

  test('defaults --as-of to the last date in the register and leaves out later marks when it is given', async () => {
    // BELOW10's day 190 is the last school day with a mark: Wednesday 16 July 2025.
    expect((await summaryJson()).asOf).toBe('2025-07-16');
    // Up to Friday 6 September: four school days, 8 sessions each; only LATE (L is present) and FULL attended.
    const early = await summaryJson('--as-of', '2024-09-06');
    expect(early.asOf).toBe('2024-09-06');
    expect(early.overall).toMatchObject({ possible: 40, attended: 16 });
    expect(pupil(early, 'SEVERE')).toMatchObject({ possible: 8, unauthorised: 8, severeAbsence: true });
  });

  test('--limit shortens the list but not the overall figures; --pupil keeps only the pupils named', async () => {
    const limited = await summaryJson('--limit', '2');
    expect(limited.pupils.map((row) => row.pupilId)).toEqual(['EXACT10', 'BELOW10']);
    expect(limited.pupilCount).toBe(5);
    expect(limited.overall).toMatchObject({ possible: 1901 });
    const one = await summaryJson('--pupil', 'SEVERE', '--pupil', 'FULL');
    expect(one.pupils.map((row) => row.pupilId)).toEqual(['SEVERE', 'FULL']);
    expect(one.overall).toMatchObject({ possible: 760, attended: 570, persistentAbsentees: 1 });
  });

  test('reads a JSON register to the same figures', async () => {
    const result = await runCli(['summary', 'register.json', '--json'], {
      'register.json': registerJson(FIVE_PUPILS),
    });
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as SummaryJson).overall).toMatchObject({
      possible: 1901,
      attended: 1625,
    });
  });
});

describe('summary as a table and as CSV', () => {
  test('the table has a row per pupil, the PA and SA flags, and the overall line', async () => {
    const result = await runCli(['summary', 'register.csv']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(tableRow(result.stdout, 'EXACT10')).toEqual([
      'EXACT10',
      '380',
      '342',
      '38',
      '0',
      '90.0',
      'Persistent absence (10 to under 15 %)',
      'yes',
    ]);
    expect(tableRow(result.stdout, 'SEVERE')).toEqual([
      'SEVERE',
      '380',
      '190',
      '0',
      '190',
      '50.0',
      'Severe absence (50 % or more)',
      'yes',
      'yes',
    ]);
    expect(tableRow(result.stdout, 'BELOW10')).toEqual([
      'BELOW10',
      '381',
      '343',
      '38',
      '0',
      '90.0',
      'Approaching persistent absence (5 to under 10 %)',
    ]);
    expect(tableRow(result.stdout, 'All pupils')).toEqual([
      'All pupils',
      '1901',
      '1625',
      '76',
      '200',
      '85.5',
    ]);
    expect(result.stdout).toContain('1625 of 1901 possible sessions attended (85.5 %)');
    expect(result.stdout).toContain('2 pupils; severely absent (SA, 50 % or more): 1 pupil.');
  });

  test('the CSV is RFC 4180 with one row per pupil and an overall row', async () => {
    const result = await runCli(['summary', 'register.csv', '--csv']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^scope,pupil_id,possible,attended,/);
    expect(result.stdout.split('\r\n').at(-1)).toBe('');
    const rows = parse<Record<string, string>>(result.stdout, { columns: true });
    expect(rows).toHaveLength(6);
    expect(rows[0]).toMatchObject({
      scope: 'pupil',
      pupil_id: 'EXACT10',
      possible: '380',
      attended: '342',
      attendance_percent: '90.0',
      band_id: 'persistent-10-15',
      persistent_absence: 'true',
      severe_absence: 'false',
    });
    expect(rows[5]).toMatchObject({
      scope: 'overall',
      pupil_id: '',
      possible: '1901',
      attended: '1625',
      attendance_percent: '85.5',
    });
  });
});

describe('summary exit codes', () => {
  test('--fail-on persistent exits with 1 and says what matched; without a match it exits with 0', async () => {
    const matched = await runCli(['summary', 'register.csv', '--fail-on', 'persistent']);
    expect(matched.code).toBe(1);
    expect(matched.stderr).toContain('persistent: 2 pupils');
    const clean = await runCli([
      'summary',
      'register.csv',
      '--fail-on',
      'persistent,severe',
      '--pupil',
      'FULL',
    ]);
    expect(clean.code).toBe(0);
  });

  test('a policy file changes the thresholds: "more than 10 %" leaves exactly 10 % out', async () => {
    const result = await runCli(['summary', 'register.csv', '--json', '--policy', 'policy.json'], {
      'policy.json': fixture('policy-more-than.json'),
    });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as SummaryJson;
    expect(json.policy).toBe('policy.json');
    expect(pupil(json, 'EXACT10').persistentAbsence).toBe(false);
    expect(pupil(json, 'SEVERE')).toMatchObject({ persistentAbsence: true, severeAbsence: true });
    // It extends the trust preset, so the trust's bands apply.
    expect(pupil(json, 'FULL').band?.id).toBe('outstanding');
  });

  test('an invalid policy file exits with 2, naming the file and the setting', async () => {
    const result = await runCli(['summary', 'register.csv', '--policy', 'bad-policy.json'], {
      'bad-policy.json': fixture('policy-invalid.json'),
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('bad-policy.json (persistentAbsence.percent)');
  });

  test('a register with a bad row exits with 2, naming the file and line, and writes no data', async () => {
    const result = await runCli(['summary', 'broken.csv'], { 'broken.csv': fixture('broken-register.csv') });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('broken.csv:3: error:');
    expect(result.stderr).toContain('"Q9"');
    expect(result.stderr).toContain('broken.csv:4: error:');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  test('a legacy code after the 2024 cut-over is a warning on stderr; --fail-on issues turns it into exit 1', async () => {
    const plans = [{ pupilId: 'H1', days: 3, code: (day: number) => (day === 1 ? 'H' : '/') }];
    const files = { 'legacy.csv': registerCsv(plans) };
    const plain = await runCli(['summary', 'legacy.csv'], files);
    expect(plain.code).toBe(0);
    expect(plain.stderr).toContain('2 warnings');
    expect(plain.stderr).toContain('legacy.csv:4:');
    expect((await runCli(['summary', 'legacy.csv', '--fail-on', 'issues'], files)).code).toBe(1);
    expect((await runCli(['summary', 'legacy.csv', '--quiet'], files)).stderr).toBe('');
  });
});
