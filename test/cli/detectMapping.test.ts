import { describe, expect, test } from 'vitest';
import { chooseMapping, peekCsvHeader, presetsMatchingCsvHeader } from '../../src/cli/load/detectMapping.js';
import { run } from '../../src/cli/run.js';
import { REGISTER_COLUMN_PRESETS } from '../../src/io/long/registerColumnPresets.js';
import type { RegisterColumnPresetName } from '../../src/io/long/types.js';
import { createMemoryIo } from './_support/memoryIo.js';
import { runCli } from './_support/runCli.js';

// Issue 12 §4: "A header that matches a vendor preset exactly, given without --mapping, gets an error that names
// the preset to use (or the preset is detected and said on stderr)."

const PRESETS = Object.keys(REGISTER_COLUMN_PRESETS) as RegisterColumnPresetName[];

// One mark, Monday 9 September 2024 AM, present; the value for each field of a mapping.
const VALUES = {
  pupilId: 'S1',
  upn: 'A123456789012',
  date: '2024-09-09',
  session: 'AM',
  code: '/',
  minutesLate: '',
  comment: '',
} as const;

/** A register CSV whose header is each field's first column name in the preset, as the vendor's export writes it. */
function presetCsv(preset: RegisterColumnPresetName, delimiter = ','): string {
  const mapping = REGISTER_COLUMN_PRESETS[preset];
  const fields = (Object.keys(VALUES) as (keyof typeof VALUES)[]).filter(
    (field) => mapping[field] !== undefined && field !== (preset === 'generic' ? 'upn' : '')
  );
  const names = fields.map((field) => {
    const names = mapping[field]!;
    return typeof names === 'string' ? names : names[0]!;
  });
  return `${names.join(delimiter)}\n${fields.map((field) => VALUES[field]).join(delimiter)}\n`;
}

interface SummaryJson {
  pupils: { pupilId: string; possible: number; attended: number }[];
}

describe('a register CSV given without --mapping', () => {
  test.each(PRESETS.filter((preset) => preset !== 'generic'))(
    'whose header is the %s preset’s is read with it, and stderr says so',
    async (preset) => {
      const result = await runCli(['summary', 'export.csv', '--json'], { 'export.csv': presetCsv(preset) });
      expect(result.code).toBe(0);
      expect((JSON.parse(result.stdout) as SummaryJson).pupils).toEqual([
        expect.objectContaining({ pupilId: 'S1', possible: 1, attended: 1 }),
      ]);
      expect(result.stderr).toBe(
        `school-attendance: export.csv: the header has the columns of the ${preset} preset, so it is read with --mapping ${preset}.\n`
      );
    }
  );

  test('whose header is the generic one is read as before, with nothing said', async () => {
    const result = await runCli(['summary', 'export.csv', '--json'], { 'export.csv': presetCsv('generic') });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  test('--quiet leaves the notice out', async () => {
    const result = await runCli(['summary', 'export.csv', '--quiet'], { 'export.csv': presetCsv('sims') });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });

  test('with --delimiter, the header is split on it', async () => {
    const result = await runCli(['summary', 'export.csv', '--delimiter', ';'], {
      'export.csv': presetCsv('assembly', ';'),
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('read with --mapping assembly');
  });

  test('a UTF-16 file with a byte order mark is decoded to find its header', async () => {
    const text = `\uFEFF${presetCsv('sims')}`;
    const bytes = new Uint8Array(text.length * 2);
    for (let index = 0; index < text.length; index += 1) {
      bytes[index * 2] = text.charCodeAt(index) & 0xff;
      bytes[index * 2 + 1] = text.charCodeAt(index) >> 8;
    }
    const io = createMemoryIo({ 'export.csv': bytes });
    expect(await run(['summary', 'export.csv'], io)).toBe(0);
    expect(io.stderrText()).toContain('read with --mapping sims');
  });

  test('whose header has the columns of two presets is an error naming both', async () => {
    const result = await runCli(['summary', 'export.csv'], {
      'export.csv': 'student_id,date,session,attendance_code,session_mark\nS1,2024-09-09,AM,/,/\n',
    });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(
      'export.csv: the header has the columns of 2 presets (wonde, go4schools): give --mapping wonde or --mapping go4schools.'
    );
  });

  test('whose header fits no preset gets the importer’s error, which says how to give a mapping', async () => {
    const result = await runCli(['summary', 'export.csv'], {
      'export.csv': 'Adno,Day,Reg,Mark\nA1,2024-09-09,AM,/\n',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('[missing_column]');
    expect(result.stderr).toContain('looking with --mapping generic');
  });

  test('--mapping, when given, is used as it is', async () => {
    const result = await runCli(['summary', 'export.csv', '--mapping', 'generic'], {
      'export.csv': presetCsv('sims'),
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('[missing_column]');
    expect(result.stderr).not.toContain('read with --mapping sims');
  });

  test('check finds the preset for each file', async () => {
    const result = await runCli(['check', 'sims.csv', 'arbor.csv', 'register.csv'], {
      'sims.csv': presetCsv('sims'),
      'arbor.csv': presetCsv('arbor'),
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('sims.csv: the header has the columns of the sims preset');
    expect(result.stderr).toContain('arbor.csv: the header has the columns of the arbor preset');
    expect(result.stderr).not.toContain('register.csv:');
  });
});

describe('a register JSON given without --mapping', () => {
  test('whose records have the assembly preset’s keys is read with it', async () => {
    const register = JSON.stringify({
      data: [{ student_id: 'S1', session_date: '2024-09-09', session_name: 'AM', attendance_mark: '/' }],
    });
    const result = await runCli(['summary', 'export.json', '--json'], { 'export.json': register });
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as SummaryJson).pupils[0]).toMatchObject({
      pupilId: 'S1',
      attended: 1,
    });
    expect(result.stderr).toContain(
      'export.json: its records have the keys of the assembly preset, so it is read with --mapping assembly.'
    );
  });

  test('whose records have the generic keys is read as before', async () => {
    const register = JSON.stringify([{ pupilId: 'S1', date: '2024-09-09', session: 'AM', code: '/' }]);
    const result = await runCli(['summary', 'export.json'], { 'export.json': register });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
  });
});

describe('the detection helpers', () => {
  test('presetsMatchingCsvHeader matches names as the importer does (case, spaces, underscores)', () => {
    expect(presetsMatchingCsvHeader('Person ID,attendance date,SESSION_NAME,Attendance-Mark')).toEqual([
      'sims',
    ]);
    expect(presetsMatchingCsvHeader('pupil_id,date,session,code')).toEqual(['generic']);
    expect(presetsMatchingCsvHeader('a,b,c')).toEqual([]);
  });

  test('chooseMapping prefers the default and reports a tie', () => {
    expect(chooseMapping([])).toEqual({ kind: 'default' });
    expect(chooseMapping(['generic', 'wonde'])).toEqual({ kind: 'default' });
    expect(chooseMapping(['arbor'])).toEqual({ kind: 'preset', preset: 'arbor' });
    expect(chooseMapping(['wonde', 'go4schools'])).toEqual({
      kind: 'ambiguous',
      presets: ['wonde', 'go4schools'],
    });
  });

  test('peekCsvHeader hands on every byte it read', async () => {
    const text = 'a,b\n1,2\n3,4\n';
    const bytes = new TextEncoder().encode(text);
    async function* chunks(): AsyncGenerator<Uint8Array> {
      for (let start = 0; start < bytes.length; start += 3) {
        await Promise.resolve();
        yield bytes.subarray(start, start + 3);
      }
    }
    const { header, chunks: rest } = await peekCsvHeader(chunks(), 'auto');
    expect(header).toBe('a,b');
    let again = '';
    for await (const chunk of rest) again += new TextDecoder().decode(chunk);
    expect(again).toBe(text);
  });
});
