// One pupil's year of escalation under the trust policy's stages: `npx tsx examples/escalation-walkthrough.ts`.
//
// The pupil is present at every session of 2024/25 in the example calendar except the absences listed below,
// chosen so that the weekly reviews take them through every stage: an initial warning, stage 1 (with its
// monitoring extended for further absence), stage 2, stage 3, a term-time holiday that reaches the
// penalty-notice threshold (stage 4), improvement (stage 5) and a decline that resumes proceedings. The
// school's own records (letters, the panel meeting, the plan, the referral, the notice) are events.

import { readFileSync } from 'node:fs';
import {
  defineSchoolCalendar,
  eachSessionSlot,
  explainEscalation,
  HCAT_ESCALATION_POLICY,
  isoDate,
  runEscalation,
  toAttendanceRate,
  toPercentage,
} from '../src/index.js';
import type { EscalationEvent, RegisterCode, SessionMark } from '../src/index.js';

const calendar = defineSchoolCalendar(
  JSON.parse(readFileSync(new URL('./calendars/example-la-2024-2026.json', import.meta.url), 'utf8'))
);
const year = { from: isoDate('2024-09-01'), to: isoDate('2025-08-31') };

// The absences, by date: [AM, PM]. Every other open session is present.
const absences: Readonly<Record<string, readonly [RegisterCode, RegisterCode]>> = {
  // Stage 0: one day of illness puts attendance below 95 % (initial warning letter) ...
  '2024-09-17': ['I', 'I'],
  // ... and another below 90 % (stage 1).
  '2024-09-25': ['I', 'I'],
  // Stage 1: two further days of absence add two weeks to the four weeks of monitoring.
  '2024-10-08': ['I', 'I'],
  '2024-10-16': ['O', 'O'],
  // Stage 2: under the attendance plan, attendance stays below 95 %.
  '2024-11-27': ['O', 'O'],
  '2024-12-10': ['I', 'I'],
  // Stage 3: a morning's absence keeps the review period below 95 % ...
  '2025-01-14': ['I', '\\'],
  // ... and a week's term-time holiday reaches the penalty-notice threshold (10 G/N/O/U sessions within 10
  // school weeks, with the two O sessions of 27 November): stage 4.
  '2025-01-20': ['G', 'G'],
  '2025-01-21': ['G', 'G'],
  '2025-01-22': ['G', 'G'],
  '2025-01-23': ['G', 'G'],
  '2025-01-24': ['G', 'G'],
  // After improvement (stage 5), a decline: attendance since continued monitoring began falls below 90 %.
  '2025-03-12': ['N', 'N'],
  '2025-03-19': ['I', 'I'],
  '2025-03-20': ['I', 'I'],
};

const marks: SessionMark[] = eachSessionSlot(calendar, year).map(({ date, session }) => {
  const absence = absences[date];
  const code = absence === undefined ? (session === 'AM' ? '/' : '\\') : absence[session === 'AM' ? 0 : 1];
  return { date, session, code };
});

// What the school recorded. The contact from the attendance leader has no event of its own, so it is recorded
// as done with `letter-sent`, whose `letter` names the action.
const events: EscalationEvent[] = [
  { type: 'letter-sent', on: isoDate('2024-09-23'), letter: 'initial-warning-letter' },
  { type: 'letter-sent', on: isoDate('2024-09-30'), letter: 'letter-1' },
  { type: 'letter-sent', on: isoDate('2024-10-02'), letter: 'attendance-leader-contact' },
  { type: 'letter-sent', on: isoDate('2024-11-11'), letter: 'letter-2' },
  { type: 'meeting-held', on: isoDate('2024-11-19') },
  { type: 'plan-agreed', on: isoDate('2024-11-19') },
  { type: 'letter-sent', on: isoDate('2025-01-07'), letter: 'letter-3' },
  { type: 'referral-made', on: isoDate('2025-01-08') },
  {
    type: 'penalty-notice-issued',
    on: isoDate('2025-02-03'),
    noticeId: 'PN-2025-0147',
    parentId: 'parent-A',
  },
  { type: 'penalty-notice-paid', on: isoDate('2025-02-14'), noticeId: 'PN-2025-0147' },
];

const timeline = runEscalation(marks, calendar, {
  pupilId: 'P-0042',
  policy: HCAT_ESCALATION_POLICY,
  range: year,
  events,
});

console.log(explainEscalation(timeline.state));

// Every recorded event should have been accepted; a refusal would mean an event the stage did not expect.
const refused = timeline.steps.filter((step) => step.refusal !== undefined);
for (const step of refused) console.log(`Refused (${step.event.on}): ${step.refusal?.message ?? ''}`);
if (refused.length > 0) process.exitCode = 1;

// The year to date at the last review, and the state as it would be stored: plain JSON that reads back equal.
const figures = timeline.state.latestFigures;
if (figures !== null) {
  const attendance = toPercentage(toAttendanceRate(figures));
  console.log(
    `\nYear to date: ${figures.attended} of ${figures.possible} sessions attended (${attendance.kind === 'percentage' ? attendance.text : '-'} %).`
  );
}
const stored = JSON.stringify(timeline.state);
const reviews = timeline.steps.filter((step) => step.event.type === 'review').length;
console.log(
  `${reviews} weekly reviews, ${timeline.steps.length - reviews} recorded events, ${timeline.actions.length} actions made due; ` +
    `the state is ${stored.length.toLocaleString('en-GB')} characters of JSON.`
);
