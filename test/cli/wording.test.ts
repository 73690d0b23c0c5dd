import { describe, expect, test } from 'vitest';
import { matchFailOn } from '../../src/cli/failOn.js';
import { omittedLines } from '../../src/cli/output/applyLimit.js';
import { createProgressBar } from '../../src/cli/output/createProgressBar.js';
import { plural } from '../../src/cli/output/plural.js';
import { registerCsv } from './_support/registers.js';
import { runCli } from './_support/runCli.js';

describe('counts agree in number with their nouns', () => {
  test('plural', () => {
    expect(plural(0, 'row')).toBe('0 rows');
    expect(plural(1, 'row')).toBe('1 row');
    expect(plural(2, 'row')).toBe('2 rows');
    expect(plural(1, 'late pupil')).toBe('1 late pupil');
    expect(plural(3, 'child', 'children')).toBe('3 children');
  });

  test('the line for rows left out by --limit', () => {
    expect(omittedLines(0, 'pupil')).toEqual([]);
    expect(omittedLines(1, 'pupil')).toEqual(['… and 1 more pupil (raise --limit to see it)']);
    expect(omittedLines(2, 'problem')).toEqual(['… and 2 more problems (raise --limit to see them)']);
  });

  test('--fail-on matches', () => {
    expect(matchFailOn([{ kind: 'persistent' }], { persistent: 1, issues: 0 })).toEqual([
      'persistent: 1 pupil',
    ]);
    expect(matchFailOn([{ kind: 'stage', atLeast: 2 }], { stages: [0, 3], issues: 0 })).toEqual([
      'stage>=2: 1 pupil',
    ]);
  });

  test('the progress bar’s row count', () => {
    let written = '';
    createProgressBar({ write: (text: string) => (written += text) }, 'f.csv', 100, true).update(50, 1);
    expect(written).toContain(', 1 row');
    expect(written).not.toContain('1 rows');
  });

  test('summary with one pupil left out by --limit', async () => {
    const result = await runCli(['summary', 'register.csv', '--limit', '4']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('… and 1 more pupil (raise --limit to see it)');
  });

  test('lateness with one late pupil', async () => {
    const oneLate = registerCsv([
      { pupilId: 'P1', days: 3, code: (day, session) => (day === 0 && session === 'AM' ? 'L' : '/') },
    ]);
    const result = await runCli(['lateness', 'late.csv', '--calendar', 'calendar.json'], {
      'late.csv': oneLate,
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      '1 pupil of 1 was late at least once; 0 pupils reached a half-term action.'
    );
  });

  test('check with one row, one error and one problem left out', async () => {
    const files = {
      'one.csv': 'pupil_id,date,session,code\nP1,2024-09-03,AM,Q9\n',
      'two.csv': 'pupil_id,date,session,code\nP1,2024-09-03,AM,Q9\nP1,2024-09-03,PM,Q8\n',
    };
    const one = await runCli(['check', 'one.csv'], files);
    expect(one.code).toBe(2);
    expect(one.stdout).toContain('one.csv (csv): 1 row read, 0 used, 1 rejected; 1 error, 0 warnings.');
    expect(one.stdout).toContain('1 error and 0 warnings: fix the error before the file can be used.');
    expect(one.stderr).toContain('school-attendance: 1 error found.');

    const two = await runCli(['check', 'two.csv', '--limit', '1'], files);
    expect(two.stdout).toContain('2 errors and 0 warnings: fix the errors before the file can be used.');
    expect(two.stdout).toContain('… and 1 more problem (raise --limit to see it)');
  });

  test('one warning, and one problem in the input', async () => {
    const legacy = { 'legacy.csv': 'pupil_id,date,session,code\nP1,2024-09-03,AM,H\n' };
    const warned = await runCli(['summary', 'legacy.csv'], legacy);
    expect(warned.stderr).toContain('school-attendance: 1 warning:');

    const missing = await runCli(['summary', 'missing.csv']);
    expect(missing.stderr).toContain('school-attendance: 1 problem in the input:');
  });
});
