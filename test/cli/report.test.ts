import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { run } from '../../src/cli/run.js';
import { createMemoryIo } from './_support/memoryIo.js';
import { DEFAULT_FILES, runCli } from './_support/runCli.js';

// `school-attendance report` over the five-pupil register of _support/registers.ts, whose figures are worked out
// there by hand: possible 1,901; attended 1,625 (85.5 %); absent 276 (14.5 %); authorised 76 (4.0 %);
// unauthorised 200 (10.5 %); persistent absentees EXACT10 and SEVERE (2 of 5, 40.0 %), severely absent SEVERE
// (1 of 5, 20.0 %). The national penalty-notice rule (10 sessions of G, N, O or U within 10 school weeks) is
// reached by SEVERE (O from the first day) and LATE (10 U from 17 to 30 September).

const REPORT = ['report', 'register.csv', '--calendar', 'calendar.json'] as const;

const PUPILS_CSV = [
  'pupil_id,upn,year_group,fsm',
  'EXACT10,A100000000001,7,true',
  'BELOW10,A100000000002,7,false',
  'SEVERE,A100000000003,8,true',
  'LATE,A100000000004,8,false',
  'FULL,A100000000005,9,false',
  '',
].join('\n');

const PUBLISHED = readFileSync(
  new URL('../../examples/data/dfe-pupil-attendance-ytd-sample.csv', import.meta.url),
  'utf8'
);

/** The text of each headline figure, by its label. */
function headline(html: string): Record<string, string> {
  return Object.fromEntries(
    [...html.matchAll(/data-figure="([^"]+)"(?: title="[^"]*")?>([^<]*)</g)].map((match) => [
      match[1]!,
      match[2]!,
    ])
  );
}

/** Runs the tool in memory and returns the HTML it wrote to `out.html`. */
async function reportFile(
  argv: readonly string[],
  files: Readonly<Record<string, string>> = {}
): Promise<{ code: number; html: string; stderr: string }> {
  const io = createMemoryIo({ ...DEFAULT_FILES, ...files });
  const code = await run([...REPORT, ...argv, '-o', 'out.html'], io);
  return { code, html: io.fileText('out.html') ?? '', stderr: io.stderrText() };
}

describe('report writes one HTML file', () => {
  test('with the headline figures worked out by hand, and says where it wrote it', async () => {
    const { code, html, stderr } = await reportFile([]);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/^school-attendance: wrote the report of 5 pupils \(\d+ KiB\) to out\.html\.\n$/);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(headline(html)).toMatchObject({
      Attendance: '85.5 %',
      'Overall absence': '14.5 %',
      'Authorised absence': '4.0 %',
      'Unauthorised absence': '10.5 %',
      'Persistent absence': '40.0 %',
      'Severe absence': '20.0 %',
    });
    expect(html).toContain('1,625 of 1,901 possible sessions');
    expect(html).toContain('2 of 5 pupils');
    // Self-contained: no script, no link, nothing fetched.
    expect(html).not.toMatch(/<script|<link|<img|src=|url\(/i);
  });

  test('with the escalation picture and the penalty-notice threshold reached', async () => {
    const { html } = await reportFile([]);
    expect(html).toContain('data-chart="escalation"');
    expect(html).toMatch(/reached the penalty-notice threshold: <strong>2<\/strong>/);
    // The pupils who reached it are listed by name in the full report.
    const candidates = html.slice(html.indexOf('Penalty-notice candidates'));
    expect(candidates).toContain('<td>SEVERE</td>');
    expect(candidates).toContain('<td>LATE</td>');
    expect(candidates).not.toContain('<td>FULL</td>');
  });

  test('to stdout without -o', async () => {
    const result = await runCli([...REPORT, '--quiet']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.startsWith('<!doctype html>')).toBe(true);
    expect(headline(result.stdout)['Attendance']).toBe('85.5 %');
  });

  test('with a weekly trend per attribute of --pupils, leaving out a column of ids', async () => {
    const { code, html, stderr } = await reportFile(['--pupils', 'pupils.csv'], { 'pupils.csv': PUPILS_CSV });
    expect(code, stderr).toBe(0);
    // year_group and fsm have few values; upn has one per pupil, so it is not a grouping.
    expect(html).toContain('Attendance week by week, by year_group');
    expect(html).toContain('Attendance week by week, by fsm');
    expect(html).not.toContain('by upn');
    expect(html).toContain('<td>year_group = 8</td>');
  });

  test('--group-by picks the columns, and names a missing one', async () => {
    const picked = await reportFile(['--pupils', 'pupils.csv', '--group-by', 'fsm'], {
      'pupils.csv': PUPILS_CSV,
    });
    expect(picked.code, picked.stderr).toBe(0);
    expect(picked.html).toContain('by fsm');
    expect(picked.html).not.toContain('by year_group');
    const missing = await reportFile(['--pupils', 'pupils.csv', '--group-by', 'sen'], {
      'pupils.csv': PUPILS_CSV,
    });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--group-by: the pupil-attributes file has no column sen');
  });

  test('a pupil-attributes file with two rows for one pupil is refused with its line', async () => {
    const { code, stderr } = await reportFile(['--pupils', 'pupils.csv'], {
      'pupils.csv': `${PUPILS_CSV}LATE,A1,9,true\n`,
    });
    expect(code).toBe(2);
    expect(stderr).toContain('pupils.csv:7');
    expect(stderr).toContain('pupil "LATE" already has a row, on line 5');
  });

  test('--aggregate-only names no pupil and suppresses small counts', async () => {
    const { code, html, stderr } = await reportFile(['--aggregate-only', '--pupils', 'pupils.csv'], {
      'pupils.csv': PUPILS_CSV,
    });
    expect(code, stderr).toBe(0);
    for (const pupilId of ['EXACT10', 'BELOW10', 'SEVERE', 'LATE', 'FULL'])
      expect(html).not.toContain(pupilId);
    // Two persistent absentees and one severe: fewer than 5, so neither count nor rate is shown.
    expect(headline(html)).toMatchObject({
      'Persistent absence': 'fewer than 5',
      'Severe absence': 'fewer than 5',
      Attendance: '85.5 %',
    });
    // Groups of fewer than 5 pupils get no line of their own.
    expect(html).not.toContain('year_group = 8');
    const relaxed = await reportFile(['--aggregate-only', '--small-numbers', '2']);
    expect(headline(relaxed.html)['Persistent absence']).toBe('40.0 %');
    expect(headline(relaxed.html)['Severe absence']).toBe('fewer than 2');
  });

  test('--pupil adds a card with every session, the weekly trend and the case history', async () => {
    const { code, html, stderr } = await reportFile(['--pupil', 'SEVERE']);
    expect(code, stderr).toBe(0);
    const card = html.slice(html.indexOf('data-pupil-card="SEVERE"'));
    expect(card).toContain('data-chart="pupil-1-calendar"');
    expect(card).toContain('data-chart="pupil-1-trend"');
    // 190 school days, two sessions each: a cell per session.
    expect(card.match(/<rect[^>]*data-session="/g)).toHaveLength(380);
    // Days 0-94 are O: 190 sessions missed without authority, half the possible sessions.
    expect(card).toContain('<td>unauthorised absence</td><td>190</td>');
    expect(card).toContain('<td>present</td><td>190</td>');
    expect(card).toContain('190 of 380 possible sessions');
    expect(card).toContain('Case history');
  });

  test('--events: an action the case log records done is no longer due, and joins the case history', async () => {
    const io = createMemoryIo(DEFAULT_FILES);
    const card = async (): Promise<string> => {
      const argv = [...REPORT, '--pupil', 'SEVERE', '--events', 'log.csv', '-o', 'out.html'];
      expect(await run(argv, io), io.stderrText()).toBe(0);
      const html = io.fileText('out.html') ?? '';
      return html.slice(html.indexOf('data-pupil-card="SEVERE"'));
    };
    // SEVERE reached the penalty-notice threshold on 25 November; considering a notice is due on the 29th.
    const recorded = await run(
      ['record', 'log.csv', '--pupil', 'SEVERE', '--date', '2024-11-29', '--event', 'action-done'],
      io
    );
    expect(recorded, io.stderrText()).toBe(2);
    expect(
      await run(
        [
          'record',
          'log.csv',
          '--pupil',
          'SEVERE',
          '--date',
          '2024-11-29',
          '--event',
          'action-done',
          '--detail',
          'action=consider-penalty-notice',
        ],
        io
      ),
      io.stderrText()
    ).toBe(0);
    const after = await card();
    expect(after).toContain('<td>action-done</td>');
    expect(after).not.toMatch(/<td>consider-penalty-notice<\/td><td>2024-11-29<\/td>/);
  });

  test('--compare sets the school beside published figures', async () => {
    const { code, html, stderr } = await reportFile(['--compare', 'ytd.csv', '--compare-phase', 'Primary'], {
      'ytd.csv': PUBLISHED,
    });
    expect(code, stderr).toBe(0);
    expect(html).toContain('data-chart="comparison"');
    expect(html).toContain('England, primary');
  });
});

describe('report refuses', () => {
  test.each([
    [[], 'give --calendar FILE'],
    [['--calendar', 'calendar.json', '--json'], '--json does not apply to report'],
    [
      ['--calendar', 'calendar.json', '--aggregate-only', '--pupil', 'FULL'],
      '--aggregate-only names no pupil',
    ],
    [
      ['--calendar', 'calendar.json', '--small-numbers', '3'],
      '--small-numbers applies only with --aggregate-only',
    ],
    [['--calendar', 'calendar.json', '--compare-level', 'national'], 'give --compare too'],
    [['--calendar', 'calendar.json', '--group-by', 'fsm'], 'give --pupils FILE too'],
    [
      ['--calendar', 'calendar.json', '--compare', 'ytd.csv', '--compare-level', 'county:Kent'],
      '--compare-level must be',
    ],
    [['--calendar', 'calendar.json', '--compare', 'ytd.csv', '--compare-level', 'la'], 'write la:NAME'],
    [['--calendar', 'calendar.json', '--pupil', 'NOBODY'], 'No pupil NOBODY in register.csv'],
  ])('%j', async (argv, message) => {
    const result = await runCli(['report', 'register.csv', ...argv], { 'ytd.csv': PUBLISHED });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  test('a register with no marks and no --as-of, or a date before the calendar, as its own usage errors', async () => {
    const empty = await runCli([...REPORT], { 'register.csv': 'pupil_id,date,session,code\n' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('give --as-of');
    expect(empty.stderr).toContain('Run "school-attendance report --help"');
    const early = await runCli([...REPORT, '--as-of', '2023-01-01']);
    expect(early.code).toBe(2);
    expect(early.stderr).toContain('before the first school year');
    expect(early.stderr).toContain('Run "school-attendance report --help"');
    // With a date, a register with no marks is a report with nothing counted.
    const dated = await runCli([...REPORT, '--as-of', '2024-09-10', '--quiet'], {
      'register.csv': 'pupil_id,date,session,code\n',
    });
    expect(dated.code, dated.stderr).toBe(0);
    expect(dated.stdout).toContain('no sessions counted');
  });

  test('a comparison the file has no row for, listing what it has', async () => {
    const result = await runCli([...REPORT, '--compare', 'ytd.csv', '--compare-level', 'la:Nowhere'], {
      'ytd.csv': PUBLISHED,
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Nowhere');
  });

  test('report --help lists the options', async () => {
    const result = await runCli(['report', '--help']);
    expect(result.code).toBe(0);
    for (const option of [
      '--pupils FILE',
      '--compare FILE',
      '--compare-level',
      '--aggregate-only',
      '--pupil ID',
    ])
      expect(result.stdout).toContain(option);
  });
});
