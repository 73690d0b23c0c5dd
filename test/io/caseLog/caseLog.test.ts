import { fc, test } from '@fast-check/vitest';
import { readFileSync } from 'node:fs';
import { describe, expect } from 'vitest';
import { AttendanceError, DFE_SUPPORT_FIRST_LADDER, isoDate } from '../../../src/index.js';
import { appendToCaseLog, parseCaseLog, safeParseCaseLog } from '../../../src/io/index.js';
import type { NewCaseLogEntry, RecordedEvent } from '../../../src/io/index.js';

const HEADER = 'pupil_id,date,event,details\n';
const EXAMPLE = readFileSync(new URL('../../../examples/support/case-log.csv', import.meta.url), 'utf8');

describe('parseCaseLog', () => {
  test('reads the bundled example: each row an event the trust ladder takes, with its details', () => {
    const entries = parseCaseLog(EXAMPLE, { format: 'csv', source: 'case-log.csv' });
    expect(entries).toHaveLength(9);
    expect(entries[0]).toEqual({
      pupilId: 'T0007',
      event: { type: 'letter-sent', on: isoDate('2024-09-20'), letter: 'letter-1' },
      line: 2,
    });
    expect(entries[3]!.event).toEqual({
      type: 'barrier-recorded',
      on: '2024-09-24',
      barrier: 'transport',
      details: 'Bus pass expired',
    });
    expect(entries[8]!.event).toEqual({
      type: 'override',
      on: '2024-09-17',
      toStage: 2,
      reason: 'Agreed at the attendance panel: support before a notice',
      by: 'Head of year 8',
    });
  });

  test('JSON: a list of entries whose details are an object; yes/no and stages as their own types or as text', () => {
    const json = JSON.stringify([
      { pupilId: 'P1', date: '2024-10-01', event: 'support-assessed', details: { appropriate: false } },
      { pupilId: 'P1', date: '2024-10-02', event: 'support-assessed', details: { appropriate: 'yes' } },
      {
        pupilId: 'P2',
        date: '2024-10-02',
        event: 'override',
        details: { toStage: '3', reason: 'Panel', by: 'AB' },
      },
      { pupilId: 'P3', date: '2024-10-03', event: 'meeting-held' },
    ]);
    expect(parseCaseLog(json, { format: 'json' }).map((entry) => [entry.line, entry.event])).toEqual([
      [1, { type: 'support-assessed', on: '2024-10-01', appropriate: false }],
      [2, { type: 'support-assessed', on: '2024-10-02', appropriate: true }],
      [3, { type: 'override', on: '2024-10-02', toStage: 3, reason: 'Panel', by: 'AB' }],
      [4, { type: 'meeting-held', on: isoDate('2024-10-03') }],
    ]);
  });

  test("the ladder decides which letters and actions exist: DfE's support-first ladder has a Notice to Improve", () => {
    const log = `${HEADER}P1,2024-10-01,letter-sent,letter=notice-to-improve\n`;
    expect(safeParseCaseLog(log, { format: 'csv' }).success).toBe(false);
    expect(parseCaseLog(log, { format: 'csv', policy: DFE_SUPPORT_FIRST_LADDER })[0]!.event).toEqual({
      type: 'letter-sent',
      on: '2024-10-01',
      letter: 'notice-to-improve',
    });
  });

  test('every malformed row is an issue with its line, pupil and field; no row is skipped in silence', () => {
    const log = [
      'pupil_id,date,event,details',
      ',2024-10-01,meeting-held,',
      'P1,2024-13-01,meeting-held,',
      'P1,2024-10-01,holiday,',
      'P1,2024-10-01,meeting-held,room=3',
      'P1,2024-10-01,letter-sent,letter',
      'P1,2024-10-01,override,toStage=two; reason=x; by=y',
      'P1,2024-10-01,override,reason=x; by=y',
      'P1,2024-10-01,support-offered,support=early-help; tier=statutory',
      'P1,2024-10-01,barrier-recorded,"{""barrier"": ""Housing Trouble""}"',
      'P1,2024-10-01,plan-agreed,reviewOn=2024-09-01',
      'P1,2024-10-01,meeting-held,{not json',
      '',
    ].join('\n');
    const result = safeParseCaseLog(log, { format: 'csv', source: 'log.csv' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues.map((issue) => [issue.line, issue.field])).toEqual([
      [2, 'pupil_id'],
      [3, 'date'],
      [4, 'event'],
      [5, 'details.room'],
      [6, 'details'],
      [7, 'details.toStage'],
      [8, 'details.toStage'],
      [9, 'details.tier'],
      [10, 'details.barrier'],
      [11, 'details.reviewOn'],
      [12, 'details'],
    ]);
    expect(
      result.error.issues.every((issue) => issue.source === 'log.csv' && issue.severity === 'error')
    ).toBe(true);
    expect(result.error.issues[1]).toMatchObject({ pupilId: 'P1', date: '2024-13-01' });
    // A barrier is special-category data: the message never repeats it.
    expect(result.error.issues[8]!.message).not.toContain('Housing');
    expect(() => parseCaseLog(log, { format: 'csv' })).toThrow(AttendanceError);
  });

  test('a log with no pupil_id, date or event column, or no header at all, is an error naming the column', () => {
    const missing = safeParseCaseLog('pupil,date,event\nP1,2024-10-01,meeting-held\n', { format: 'csv' });
    expect(!missing.success && missing.error.issues.map((issue) => issue.field)).toEqual(['pupil_id']);
    const empty = safeParseCaseLog('', { format: 'csv' });
    expect(!empty.success && empty.error.issues[0].code).toBe('missing_column');
    const notList = safeParseCaseLog('{"pupilId": "P1"}', { format: 'json' });
    expect(!notList.success && notList.error.issues[0].code).toBe('malformed_input');
  });

  test('never throws, whatever it is given', () => {
    for (const value of [null, 42, {}, [], 'x', Symbol('s')]) {
      expect(() => safeParseCaseLog(value, { format: 'csv' })).not.toThrow();
      expect(() => safeParseCaseLog('[]', value as never)).not.toThrow();
      expect(() =>
        safeParseCaseLog(
          `[${JSON.stringify({ pupilId: 'P', date: '2024-10-01', event: 'override', details: value ?? 1 })}]`,
          { format: 'json' }
        )
      ).not.toThrow();
    }
  });
});

describe('appendToCaseLog', () => {
  test('adds to the end, keeping what the log holds and its line endings; a formula-like id is neutralised', () => {
    const existing = `${HEADER.replace('\n', '\r\n')}P1,2024-10-01,meeting-held,\r\n`;
    const text = appendToCaseLog(
      existing,
      {
        pupilId: '=HYPERLINK("x")',
        event: { type: 'letter-sent', on: isoDate('2024-10-02'), letter: 'letter-1' },
      },
      { format: 'csv' }
    );
    expect(text).toBe(`${existing}"'=HYPERLINK(""x"")",2024-10-02,letter-sent,letter=letter-1\r\n`);
    expect(parseCaseLog(text, { format: 'csv' })[1]!.pupilId).toBe('=HYPERLINK("x")');
  });

  test('refuses an entry the ladder cannot take, and a log that does not read', () => {
    expect(() =>
      appendToCaseLog(
        HEADER,
        { pupilId: 'P1', event: { type: 'letter-sent', on: isoDate('2024-10-02'), letter: 'letter-9' } },
        { format: 'csv' }
      )
    ).toThrow(/Unknown letter "letter-9"/);
    expect(() =>
      appendToCaseLog(
        `${HEADER}P1,nope,meeting-held,\n`,
        { pupilId: 'P1', event: { type: 'meeting-held', on: isoDate('2024-10-02') } },
        { format: 'csv' }
      )
    ).toThrow(AttendanceError);
    expect(() =>
      appendToCaseLog(
        HEADER,
        { pupilId: 'P1', event: { type: 'review', on: isoDate('2024-10-02') } as unknown as RecordedEvent },
        { format: 'csv' }
      )
    ).toThrow(/review is not recorded/);
  });

  const textArb = fc.oneof(
    fc.string({ unit: 'grapheme-composite', maxLength: 20 }),
    fc.constantFrom('=1+2', '-x', '@y', ' padded ', 'a;b', 'a=b', '{x}', '"quoted"', 'line\nbreak', "'=z")
  );
  const nonEmpty = textArb.filter((text) => text.trim() !== '');
  const dateArb = fc
    .integer({ min: 0, max: 300 })
    .map((day) => isoDate(new Date(Date.UTC(2024, 8, 2 + day)).toISOString().slice(0, 10)));
  const eventArb: fc.Arbitrary<RecordedEvent> = fc.oneof(
    fc.record({
      type: fc.constant('letter-sent' as const),
      on: dateArb,
      letter: fc.constantFrom('letter-1', 'letter-2', 'letter-3'),
    }),
    fc.record({ type: fc.constant('meeting-held' as const), on: dateArb }),
    fc.record({ type: fc.constant('support-assessed' as const), on: dateArb, appropriate: fc.boolean() }),
    fc.record({
      type: fc.constant('penalty-notice-issued' as const),
      on: dateArb,
      noticeId: nonEmpty,
      parentId: nonEmpty,
    }),
    fc.record(
      {
        type: fc.constant('barrier-recorded' as const),
        on: dateArb,
        barrier: fc.constantFrom('transport', 'young-carer'),
        details: textArb,
      },
      { requiredKeys: ['type', 'on', 'barrier'] }
    ),
    fc.record({
      type: fc.constant('override' as const),
      on: dateArb,
      toStage: fc.integer({ min: 0, max: 5 }),
      reason: textArb,
      by: nonEmpty,
    })
  );
  const entryArb: fc.Arbitrary<NewCaseLogEntry> = fc.record({ pupilId: nonEmpty, event: eventArb });

  test.prop([fc.array(entryArb, { maxLength: 8 }), fc.constantFrom('csv' as const, 'json' as const)])(
    'what is appended reads back equal, in order, in CSV and in JSON',
    (entries, format) => {
      const text = entries.reduce((log, entry) => appendToCaseLog(log, entry, { format }), '');
      const read = parseCaseLog(text === '' ? (format === 'csv' ? HEADER : '[]') : text, { format });
      // Text details are trimmed when read, as a spreadsheet user would expect of a cell.
      const trimmed = (event: RecordedEvent): RecordedEvent =>
        Object.fromEntries(
          Object.entries(event).map(([name, value]) => [
            name,
            typeof value === 'string' ? value.trim() : value,
          ])
        ) as RecordedEvent;
      expect(read.map((entry) => [entry.pupilId, entry.event])).toEqual(
        entries.map((entry) => [entry.pupilId.trim(), trimmed(entry.event)])
      );
    }
  );
});
