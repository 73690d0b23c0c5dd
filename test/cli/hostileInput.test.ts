import { describe, expect, test } from 'vitest';
import { readJsonRegisterText } from '../../src/cli/load/readJsonRegisterText.js';
import { findJsonLimitBreach, lineTooDeep } from '../../src/cli/load/jsonLimits.js';
import { run } from '../../src/cli/run.js';
import type { ExitCode } from '../../src/cli/types.js';
import { createMemoryIo } from './_support/memoryIo.js';
import { DEFAULT_FILES, runCli } from './_support/runCli.js';

// Issue 12 §3: "A register or policy JSON nested 5,000 deep makes the CLI exit 3 with a stack trace; a 100 MB
// file of NUL bytes echoes the whole 'header' to stderr; a 1 GB single-line file ends in an internal error."
// The same hostile files at a few MB (and a small --max-line-bytes) must end in exit 2 with one short, located
// issue; no message may quote more than about 80 characters of the input.

const DEEP = 5000;
const deepArray = `${'['.repeat(DEEP)}${']'.repeat(DEEP)}`;
const MB = 1024 * 1024;
// A few lines of issue text, never the input itself.
const SHORT_STDERR = 2000;

async function runBytes(
  argv: readonly string[],
  files: Readonly<Record<string, string | Uint8Array>>
): Promise<{ code: ExitCode; stdout: string; stderr: string }> {
  const io = createMemoryIo({ ...DEFAULT_FILES, ...files });
  const code = await run(argv, io);
  return { code, stdout: io.stdoutText(), stderr: io.stderrText() };
}

function expectOneShortProblem(result: { code: ExitCode; stderr: string }, code: string): void {
  expect(result.code).toBe(2);
  expect(result.stderr).not.toContain('internal error');
  expect(result.stderr).toContain('1 problem in the input');
  expect(result.stderr).toContain(`[${code}]`);
  expect(result.stderr.length).toBeLessThan(SHORT_STDERR);
}

describe('JSON nested thousands deep is refused with one located too_deep issue, exit 2', () => {
  test('a register JSON', async () => {
    const result = await runCli(['summary', 'deep.json'], { 'deep.json': deepArray });
    expectOneShortProblem(result, 'too_deep');
    expect(result.stderr).toContain('deep.json (0.0.0.0');
  });

  test.each([
    ['an attendance policy', ['summary', 'register.csv', '--policy', 'policy.json'], 'policy.json'],
    ['a calendar', ['summary', 'register.csv', '--calendar', 'calendar-deep.json'], 'calendar-deep.json'],
    [
      'a lateness policy',
      ['lateness', 'register.csv', '--calendar', 'calendar.json', '--lateness-policy', 'policy.json'],
      'policy.json',
    ],
    [
      'an escalation policy',
      ['escalation', 'register.csv', '--calendar', 'calendar.json', '--escalation-policy', 'policy.json'],
      'policy.json',
    ],
    ['a column mapping', ['summary', 'register.csv', '--mapping', 'policy.json'], 'policy.json'],
    ['a code list', ['summary', 'register.csv', '--code-list', 'policy.json'], 'policy.json'],
  ])('%s', async (_what, argv, file) => {
    const deepObject = `{\n  "persistentAbsence":\n    ${deepArray}\n}\n`;
    const result = await runCli(argv, { 'policy.json': deepObject, 'calendar-deep.json': deepObject });
    expectOneShortProblem(result, 'too_deep');
    // The file, the line where the nesting passes the limit, and the path to it.
    expect(result.stderr).toContain(`${file}:3: error:`);
    expect(result.stderr).toContain('nested more than 64 levels deep at persistentAbsence.0.0.0');
    expect(result.stderr).toContain('--max-depth');
  });

  test('check lists a deep policy file as a problem with the register’s', async () => {
    const result = await runCli(['check', 'register.csv', '--policy', 'policy.json', '--json'], {
      'policy.json': `{ "persistentAbsence": ${deepArray} }`,
    });
    expect(result.code).toBe(2);
    const json = JSON.parse(result.stdout) as { issues: { code: string; source: string; path: unknown[] }[] };
    expect(json.issues).toHaveLength(1);
    expect(json.issues[0]).toMatchObject({ code: 'too_deep', source: 'policy.json' });
    expect(json.issues[0]!.path).toHaveLength(64);
  });

  test('--max-depth sets the limit', async () => {
    const nested = (levels: number): string => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    // 10 levels inside the object: 11 in all.
    const policy = `{ "persistentAbsence": ${nested(10)} }`;
    const tight = await runCli(['summary', 'register.csv', '--policy', 'policy.json', '--max-depth', '10'], {
      'policy.json': policy,
    });
    expectOneShortProblem(tight, 'too_deep');
    // Within 11 levels the file is read, and the policy's own validation speaks.
    const loose = await runCli(['summary', 'register.csv', '--policy', 'policy.json', '--max-depth', '11'], {
      'policy.json': policy,
    });
    expect(loose.code).toBe(2);
    expect(loose.stderr).not.toContain('[too_deep]');
    expect(loose.stderr).toContain('persistentAbsence');
  });
});

describe('a text or line over --max-line-bytes is refused with one short located issue, exit 2', () => {
  test('a policy file holding a 3 MB text', async () => {
    const policy = `{\n  "extends": "dfe",\n  "name": "${'x'.repeat(3 * MB)}"\n}\n`;
    const result = await runCli(['summary', 'register.csv', '--policy', 'policy.json'], {
      'policy.json': policy,
    });
    expectOneShortProblem(result, 'too_long');
    expect(result.stderr).toContain('policy.json:3: error:');
    expect(result.stderr).toContain('3145728 characters');
  });

  test('a CSV register of 3 MB of NUL bytes: no "header" echoed', async () => {
    const result = await runBytes(['summary', 'nul.csv'], { 'nul.csv': new Uint8Array(3 * MB) });
    expect(result.code).toBe(2);
    expect(result.stderr).not.toContain('internal error');
    expect(result.stderr.length).toBeLessThan(SHORT_STDERR);
    // No NUL, nor any other control character, reaches the terminal.
    expect(result.stderr).not.toContain('\u0000');
  });

  test('a CSV register that is one 3 MB line, with --max-line-bytes 1024', async () => {
    const result = await runBytes(['summary', 'line.csv', '--max-line-bytes', '1024'], {
      'line.csv': 'x'.repeat(3 * MB),
    });
    expectOneShortProblem(result, 'too_long');
    expect(result.stderr).toContain('line.csv:1: error:');
  });

  test('a CTF that is one 3 MB line, with --max-line-bytes 1KiB', async () => {
    const result = await runBytes(['summary', 'school.xml', '--max-line-bytes', '1KiB'], {
      'school.xml': `<CTfile><Header>${'x'.repeat(3 * MB)}</Header></CTfile>`,
    });
    expectOneShortProblem(result, 'too_long');
    expect(result.stderr).toContain('--max-line-bytes');
  });

  test('a CTF nested thousands deep', async () => {
    const result = await runBytes(['summary', 'school.xml'], {
      'school.xml': `<CTfile>${'<a>'.repeat(DEEP)}${'</a>'.repeat(DEEP)}</CTfile>`,
    });
    expectOneShortProblem(result, 'too_deep');
  });

  test('a JSON register with a 3 MB pupil id', async () => {
    const register = JSON.stringify([
      { pupilId: 'P'.repeat(3 * MB), date: '2024-09-09', session: 'AM', code: '/' },
    ]);
    const result = await runCli(['summary', 'register.json'], { 'register.json': register });
    expectOneShortProblem(result, 'too_long');
  });
});

describe('check echoes no more than an excerpt of a huge field', () => {
  const bigField = `pupil_id,date,session,code\nP1,2024-09-09,AM,${'Z'.repeat(3 * MB)}\nP1,2024-09-09,PM,/\n`;

  test.each([[[]], [['--json']], [['--csv']]])('check %j on a 3 MB code writes a few KB', async (flags) => {
    const result = await runCli(['check', 'big.csv', '--max-line-bytes', '4MiB', ...flags], {
      'big.csv': bigField,
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('unknown_code');
    expect(result.stdout.length + result.stderr.length).toBeLessThan(5000);
  });

  test('summary on the same file lists the problem in a few lines', async () => {
    const result = await runCli(['summary', 'big.csv', '--max-line-bytes', '4MiB'], { 'big.csv': bigField });
    expectOneShortProblem(result, 'unknown_code');
  });
});

describe('limit options are checked before any file is read', () => {
  test.each([
    [['--max-line-bytes', '0'], '--max-line-bytes must be a whole number of bytes'],
    [['--max-line-bytes', 'lots'], '--max-line-bytes must be a whole number of bytes'],
    [['--max-line-bytes', '2MB'], '--max-line-bytes must be a whole number of bytes'],
    [['--max-depth', '0'], '--max-depth must be a whole number of levels'],
    [['--max-depth', '1.5'], '--max-depth must be a whole number of levels'],
  ])('%j', async (flags, message) => {
    const result = await runCli(['summary', 'register.csv', ...flags]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  test('sizes may be given in KiB, MiB or GiB, and a generous limit reads the register as before', async () => {
    const plain = await runCli(['summary', 'register.csv', '--json']);
    for (const size of ['65536', '64KiB', '2MiB', '1GiB']) {
      const result = await runCli(['summary', 'register.csv', '--json', '--max-line-bytes', size]);
      expect(result).toEqual(plain);
    }
  });
});

describe('the JSON helpers', () => {
  test('findJsonLimitBreach walks without recursion and names the path', () => {
    let deep: unknown = 1;
    for (let level = 0; level < 100_000; level += 1) deep = { next: deep };
    expect(findJsonLimitBreach(deep, { maxDepth: 64, maxLineBytes: 100 })).toEqual({
      kind: 'too_deep',
      path: Array.from({ length: 64 }, () => 'next'),
    });
    expect(
      findJsonLimitBreach({ a: [1, 'ok', { b: 'x'.repeat(101) }] }, { maxDepth: 64, maxLineBytes: 100 })
    ).toMatchObject({ kind: 'too_long', path: ['a', 2, 'b'] });
    expect(findJsonLimitBreach({ ['k'.repeat(101)]: 1 }, { maxDepth: 64, maxLineBytes: 100 })).toMatchObject({
      kind: 'too_long',
      path: [],
    });
    expect(findJsonLimitBreach([[['fine']]], { maxDepth: 3, maxLineBytes: 100 })).toBeUndefined();
  });

  test('lineTooDeep finds the line, ignoring brackets inside strings', () => {
    expect(lineTooDeep('{\n "a": "[[[[",\n "b": [\n  [1]\n ]\n}', 2)).toBe(4);
    expect(lineTooDeep('[[1]]', 2)).toBeUndefined();
  });

  test('a JSON register larger than a string can hold is refused from its size, before it is read', async () => {
    let read = 0;
    async function* chunks(): AsyncGenerator<Uint8Array> {
      for (let chunk = 0; chunk < 4; chunk += 1) {
        read += 1;
        await Promise.resolve();
        yield new Uint8Array(100).fill(0x20);
      }
    }
    expect(await readJsonRegisterText(chunks(), 400, 300)).toEqual({ ok: false, bytes: 400, limit: 300 });
    expect(read).toBe(0);
    // Without a size, the bytes read are counted.
    expect(await readJsonRegisterText(chunks(), undefined, 300)).toEqual({
      ok: false,
      bytes: 400,
      limit: 300,
    });
    expect(await readJsonRegisterText(chunks(), undefined, 400)).toEqual({ ok: true, text: ' '.repeat(400) });
  });
});
