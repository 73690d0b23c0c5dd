import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { defineSchoolCalendar, eachSessionSlot, isoDate, runEscalation } from '../../src/index.js';
import type { SessionMark } from '../../src/index.js';

const calendar = defineSchoolCalendar(
  JSON.parse(
    readFileSync(new URL('../../examples/calendars/example-la-2024-2026.json', import.meta.url), 'utf8')
  )
);

// A pupil present every session except a term-time holiday (10 sessions of G) in July 2025.
const holiday = new Set(['2025-07-14', '2025-07-15', '2025-07-16', '2025-07-17', '2025-07-18']);
const marks: SessionMark[] = eachSessionSlot(calendar).map(({ date, session }) => ({
  date,
  session,
  code: holiday.has(date) ? 'G' : session === 'AM' ? '/' : '\\',
}));

test('the holiday reaches the penalty-notice threshold in the year it was taken', () => {
  const timeline = runEscalation(marks, calendar, {
    pupilId: 'P1',
    range: { from: isoDate('2024-09-01'), to: isoDate('2025-07-31') },
  });
  expect(timeline.state.stage).toBe(4);
  expect(timeline.state.history.at(-1)?.jump).toBe('penalty-threshold');
});

test('a new year starting after the holiday does not inherit its threshold', () => {
  const timeline = runEscalation(marks, calendar, { pupilId: 'P1', range: { from: isoDate('2025-09-01') } });
  expect(timeline.state.stage).toBe(0);
  expect(timeline.actions).toEqual([]);
});
