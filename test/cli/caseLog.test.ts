import { describe, expect, test } from 'vitest';
import { run } from '../../src/cli/run.js';
import type { ExitCode } from '../../src/cli/types.js';
import { createMemoryIo, fixture } from './_support/memoryIo.js';
import type { MemoryIo } from './_support/memoryIo.js';
import { FIVE_PUPILS, registerCsv } from './_support/registers.js';
import type { PupilPlan } from './_support/registers.js';

// A school's weekly casework over two weeks, worked out by hand from test/cli/_support/registers.ts and the
// trust's stages (letter 1 and a call from the attendance leader when attendance falls below 90 % with at least
// 20 possible sessions; a penalty notice considered when the national threshold is reached):
// - week 1, as of Friday 20 September 2024: EXACT10, BELOW10 and LATE are at stage 1 (letter-1 and
//   attendance-leader-contact due 20 September); SEVERE at stage 4 (consider-penalty-notice due 13 September).
// - WEEK2 attends every session but four: absent (O) all day on Monday 23 and Tuesday 24 September. On 20
//   September it has 28 of 28; on 27 September 34 of 38 (89.5 %, below 90 %): stage 1, letter-1 and the call
//   due 27 September, the only actions new in week 2.

const present = (session: 'AM' | 'PM'): string => (session === 'AM' ? '/' : '\\');
const WEEK2: PupilPlan = {
  pupilId: 'WEEK2',
  days: 190,
  code: (day, session) => (day === 14 || day === 15 ? 'O' : present(session)),
};

const HEADER = 'pupil_id,date,event,details\n';
// What the school recorded after week 1's run: the letters sent and calls made that Friday, and the penalty
// notice considered (and not issued) on the Monday.
const WEEK1_DONE = [
  ...['EXACT10', 'BELOW10', 'LATE'].flatMap((pupil) => [
    `${pupil},2024-09-20,letter-sent,letter=letter-1`,
    `${pupil},2024-09-20,action-done,action=attendance-leader-contact`,
  ]),
  'SEVERE,2024-09-23,action-done,action=consider-penalty-notice',
].join('\n');

function weeklyFiles(log: string = HEADER): Record<string, string> {
  return {
    'register.csv': registerCsv([...FIVE_PUPILS, WEEK2]),
    'calendar.json': fixture('calendar-2024-25.json'),
    'log.csv': log,
  };
}

interface Run {
  readonly code: ExitCode;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the tool on an io kept between runs (so a state file written by one run is read by the next). */
async function runOn(io: MemoryIo, argv: readonly string[]): Promise<Run> {
  const [out, err] = [io.stdoutText().length, io.stderrText().length];
  const code = await run(argv, io);
  return { code, stdout: io.stdoutText().slice(out), stderr: io.stderrText().slice(err) };
}

const weekly = (asOf: string, ...extra: string[]): string[] => [
  'escalation',
  'register.csv',
  '--calendar',
  'calendar.json',
  '--as-of',
  asOf,
  '--events',
  'log.csv',
  '--json',
  ...extra,
];

interface Listing {
  pupils: { pupilId: string; stage: number; dueActions: { kind: string; dueOn: string }[] }[];
  caseLog?: { source: string; events: number };
  listedCount?: number;
}

function listed(stdout: string): [string, string[]][] {
  const json = JSON.parse(stdout) as Listing;
  return json.pupils
    .filter((pupil) => pupil.dueActions.length > 0)
    .map((pupil) => [pupil.pupilId, pupil.dueActions.map((action) => `${action.kind} ${action.dueOn}`)]);
}

describe('escalation --events --state: a weekly job over two weeks', () => {
  test('week 2 lists only the actions new in week 2 once week 1 is recorded done', async () => {
    const io = createMemoryIo(weeklyFiles());
    const week1 = await runOn(io, weekly('2024-09-20', '--state', 'state.json'));
    expect(week1.code).toBe(0);
    expect(listed(week1.stdout)).toEqual([
      ['SEVERE', ['consider-penalty-notice 2024-09-13']],
      ['EXACT10', ['letter-1 2024-09-20', 'attendance-leader-contact 2024-09-20']],
      ['BELOW10', ['letter-1 2024-09-20', 'attendance-leader-contact 2024-09-20']],
      ['LATE', ['letter-1 2024-09-20', 'attendance-leader-contact 2024-09-20']],
    ]);
    expect(io.fileText('state.json')).toContain('"format": "school-attendance/escalation-state"');

    // The school records week 1's work with `record`, one event at a time.
    for (const line of WEEK1_DONE.split('\n')) {
      const [pupil, date, event, detail] = line.split(',') as [string, string, string, string];
      const recorded = await runOn(io, [
        'record',
        'log.csv',
        '--pupil',
        pupil,
        '--date',
        date,
        '--event',
        event,
        '--detail',
        detail,
      ]);
      expect(recorded.code, recorded.stderr).toBe(0);
    }
    expect(io.fileText('log.csv')).toBe(`${HEADER}${WEEK1_DONE}\n`);

    const week2 = await runOn(io, weekly('2024-09-27', '--state', 'state.json'));
    expect(week2.code, week2.stderr).toBe(0);
    expect(listed(week2.stdout)).toEqual([
      ['WEEK2', ['letter-1 2024-09-27', 'attendance-leader-contact 2024-09-27']],
    ]);
    expect(week2.stderr).toBe('');
    expect((JSON.parse(week2.stdout) as Listing).caseLog).toEqual({ source: 'log.csv', events: 7 });
  });

  test('continuing from the saved state gives what running the year again gives, and runs are idempotent', async () => {
    const io = createMemoryIo(weeklyFiles(`${HEADER}${WEEK1_DONE}\n`));
    await runOn(io, weekly('2024-09-20', '--state', 'state.json'));
    const continued = await runOn(io, weekly('2024-09-27', '--state', 'state.json'));
    const stateAfter = io.fileText('state.json');
    const again = await runOn(io, weekly('2024-09-27', '--state', 'state.json'));
    expect(again.stdout).toBe(continued.stdout);
    expect(io.fileText('state.json')).toBe(stateAfter);

    const replayIo = createMemoryIo(weeklyFiles(`${HEADER}${WEEK1_DONE}\n`));
    const replayed = await runOn(replayIo, weekly('2024-09-27', '--state', 'state.json'));
    expect(replayed.stdout).toBe(continued.stdout);
    expect(replayIo.fileText('state.json')).toBe(stateAfter);
  });

  test('an event recorded late, dated before the saved run, makes that pupil run again from the start', async () => {
    const io = createMemoryIo(weeklyFiles());
    await runOn(io, weekly('2024-09-27', '--state', 'state.json'));
    // Letter 1 for LATE was sent on 20 September but recorded after the run of the 27th.
    await runOn(io, [
      'record',
      'log.csv',
      '--pupil',
      'LATE',
      '--date',
      '2024-09-20',
      '--event',
      'letter-sent',
      '--detail',
      'letter=letter-1',
    ]);
    const next = await runOn(io, weekly('2024-09-27', '--state', 'state.json'));
    expect(next.stderr).toContain(
      'one pupil was run from 2024-09-02 instead of continued from the saved state: LATE'
    );
    const late = (JSON.parse(next.stdout) as Listing).pupils.find((pupil) => pupil.pupilId === 'LATE')!;
    expect(late.dueActions.map((action) => action.kind)).toEqual(['attendance-leader-contact']);
  });

  test('--due-since lists only the actions due on or after the date, and the pupils with one', async () => {
    const result = await runOn(
      createMemoryIo(weeklyFiles()),
      weekly('2024-09-27', '--due-since', '2024-09-21')
    );
    expect(result.code).toBe(0);
    expect(listed(result.stdout)).toEqual([
      ['WEEK2', ['letter-1 2024-09-27', 'attendance-leader-contact 2024-09-27']],
    ]);
    expect((JSON.parse(result.stdout) as Listing).listedCount).toBe(1);
  });
});

describe('the case log: problems a person can act on', () => {
  test('an event dated after --as-of is an error naming its line; the state file is not written', async () => {
    const io = createMemoryIo(
      weeklyFiles(`${HEADER}LATE,2024-09-20,letter-sent,letter=letter-1\nLATE,2024-09-30,meeting-held,\n`)
    );
    const result = await runOn(io, weekly('2024-09-27', '--state', 'state.json'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(
      'log.csv:3: error: The meeting-held event for pupil LATE is dated 2024-09-30, after the date the run is as of (2024-09-27)'
    );
    expect(io.fileText('state.json')).toBeUndefined();
  });

  test('a malformed row is an error with its line and field', async () => {
    const io = createMemoryIo(
      weeklyFiles(
        `${HEADER}LATE,2024-09-20,letter-sent,letter=letter-9\nLATE,2024-02-30,meeting-held,\nLATE,2024-09-20,posted,\nLATE,2024-09-20,review,\n`
      )
    );
    const result = await runOn(io, weekly('2024-09-27'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('log.csv:2: error: pupil LATE: Unknown letter "letter-9"');
    expect(result.stderr).toContain('log.csv:3: error: pupil LATE: The date "2024-02-30" is not a real day');
    expect(result.stderr).toContain('log.csv:4: error: pupil LATE: Unknown event "posted"');
    expect(result.stderr).toContain('log.csv:5: error: pupil LATE: A review is not recorded in the case log');
  });

  test('an event for a pupil not in the register is a warning, and an event the stage cannot take is one too', async () => {
    const io = createMemoryIo(
      weeklyFiles(`${HEADER}LEFT,2024-09-20,meeting-held,\nFULL,2024-09-20,letter-sent,letter=letter-2\n`)
    );
    const result = await runOn(io, weekly('2024-09-27'));
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      'log.csv:2: warning: Pupil LEFT has events in the case log but is not in the register'
    );
    expect(result.stderr).toContain(
      'log.csv:3: warning: The letter-sent event of 2024-09-20 for pupil FULL was not applied'
    );
    const failing = await runOn(io, [...weekly('2024-09-27'), '--fail-on', 'issues']);
    expect(failing.code).toBe(1);
  });

  test('--state never overwrites a file that is not a state file', async () => {
    const io = createMemoryIo({ ...weeklyFiles(), 'state.json': '{"pupils": []}' });
    const result = await runOn(io, weekly('2024-09-27', '--state', 'state.json'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not one --state wrote');
    expect(io.fileText('state.json')).toBe('{"pupils": []}');
    const register = await runOn(io, weekly('2024-09-27', '--state', 'register.csv'));
    expect(register.code).toBe(2);
    expect(io.fileText('register.csv')).toBe(weeklyFiles()['register.csv']);
  });

  test('a state file changed by hand is a warning, and every pupil runs from the start', async () => {
    const io = createMemoryIo(weeklyFiles());
    const first = await runOn(io, weekly('2024-09-20', '--state', 'state.json'));
    const edited = io.fileText('state.json')!.replace('"stage": 4', '"stage": 1');
    await io.writeFile('state.json', edited);
    const second = await runOn(io, weekly('2024-09-20', '--state', 'state.json'));
    expect(second.stderr).toContain('was changed since it was written');
    expect(second.stdout).toBe(first.stdout);
  });
  test('a JSON case log reads as the CSV one does, and a bad entry is an error naming its place in the list', async () => {
    const asJson = (rows: string): string =>
      JSON.stringify(
        rows.split('\n').map((line) => {
          const [pupilId, date, event, detail] = line.split(',') as [string, string, string, string];
          const [name, value] = detail.split('=') as [string, string];
          return { pupilId, date, event, details: { [name]: value } };
        })
      );
    const csv = await runOn(createMemoryIo(weeklyFiles(`${HEADER}${WEEK1_DONE}\n`)), weekly('2024-09-27'));
    const json = await runOn(createMemoryIo({ ...weeklyFiles(), 'log.json': asJson(WEEK1_DONE) }), [
      ...weekly('2024-09-27').map((arg) => (arg === 'log.csv' ? 'log.json' : arg)),
    ]);
    expect(listed(json.stdout)).toEqual(listed(csv.stdout));
    const bad = await runOn(
      createMemoryIo({
        ...weeklyFiles(),
        'log.json': JSON.stringify([{ pupilId: 'LATE', date: '2024-09-20', event: 'posted' }]),
      }),
      weekly('2024-09-27').map((arg) => (arg === 'log.csv' ? 'log.json' : arg))
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('log.json:1: error: pupil LATE: Unknown event "posted"');
  });
});

describe('record', () => {
  test('starts a log with its header, adds to the end of one, and keeps what it holds as written', async () => {
    const existing = `PUPIL_ID,Date,Event,Details\r\nLATE,2024-09-20,letter-sent,"letter=letter-1"\r\n`;
    const io = createMemoryIo({ 'new.csv': '', 'old.csv': existing });
    const args = [
      '--pupil',
      '=cmd',
      '--date',
      '2024-09-23',
      '--event',
      'override',
      '--detail',
      'toStage=2',
      '--detail',
      'reason=Agreed; at panel',
      '--detail',
      'by=AB',
    ];
    expect((await runOn(io, ['record', 'old.csv', ...args])).code).toBe(0);
    expect(io.fileText('old.csv')).toBe(
      `${existing}'=cmd,2024-09-23,override,"{""toStage"":2,""reason"":""Agreed; at panel"",""by"":""AB""}"\r\n`
    );
    expect(
      (
        await runOn(io, [
          'record',
          'missing.csv',
          '--pupil',
          'P1',
          '--date',
          '2024-09-23',
          '--event',
          'meeting-held',
        ])
      ).code
    ).toBe(0);
    expect(io.fileText('missing.csv')).toBe(`${HEADER}P1,2024-09-23,meeting-held,\n`);
    expect(
      (
        await runOn(io, [
          'record',
          'log.json',
          '--pupil',
          'P1',
          '--date',
          '2024-09-23',
          '--event',
          'support-assessed',
          '--detail',
          'appropriate=no',
        ])
      ).code
    ).toBe(0);
    expect(JSON.parse(io.fileText('log.json')!)).toEqual([
      { pupilId: 'P1', date: '2024-09-23', event: 'support-assessed', details: { appropriate: false } },
    ]);
  });

  test('refuses an event the ladder cannot take, leaving the log as it was', async () => {
    const io = createMemoryIo({ 'log.csv': HEADER });
    const base = ['record', 'log.csv', '--pupil', 'P1', '--date', '2024-09-23'];
    const unknownLetter = await runOn(io, [...base, '--event', 'letter-sent', '--detail', 'letter=letter-9']);
    expect(unknownLetter.code).toBe(2);
    expect(unknownLetter.stderr).toContain('The event to record: unknown letter "letter-9"');
    const noStage = await runOn(io, [
      ...base,
      '--event',
      'override',
      '--detail',
      'toStage=9',
      '--detail',
      'reason=x',
      '--detail',
      'by=AB',
    ]);
    expect(noStage.stderr).toContain('the trust ladder has stages 0 to 5');
    const unknownDetail = await runOn(io, [...base, '--event', 'meeting-held', '--detail', 'room=3']);
    expect(unknownDetail.stderr).toContain('A meeting-held event has no detail "room"');
    const badEvent = await runOn(io, [...base, '--event', 'posted']);
    expect(badEvent.stderr).toContain('--event must be one of letter-sent');
    expect(io.fileText('log.csv')).toBe(HEADER);
    const broken = createMemoryIo({ 'log.csv': `${HEADER}P1,not-a-date,meeting-held,\n` });
    const onBroken = await runOn(broken, [...base, '--event', 'meeting-held']);
    expect(onBroken.code).toBe(2);
    expect(onBroken.stderr).toContain('log.csv:2: error: pupil P1: The date "not-a-date"');
    expect(broken.fileText('log.csv')).toBe(`${HEADER}P1,not-a-date,meeting-held,\n`);
  });
});
