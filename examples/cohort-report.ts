// An analyst's cohort report on the synthetic 2024/25 register in examples/data, as at the end of the spring
// term: `npx tsx examples/cohort-report.ts`. Cohort figures the DfE way (sessions summed over enrolments, rates
// as sums over sums), the same figures by group, absence gathering on Mondays and Fridays, and how many of the
// summer term's sessions some pupils can still miss before their year ends below 90 %.

import { readFileSync } from 'node:fs';
import {
  aggregateCohortBy,
  countRemainingSessions,
  countSessions,
  defineSchoolCalendar,
  findConcentratedAbsenceDays,
  fullAttendanceSessionsNeeded,
  groupMarksByPupil,
  isoDate,
  parseSessionMarks,
  sessionsThatCanBeMissed,
  toAttendanceRate,
  toPercentage,
} from '../src/index.js';
import type { CohortEnrolment, CohortFigures, SessionRate } from '../src/index.js';

const asAt = isoDate('2025-04-04'); // the last day of the spring term

// The sample register's school year (examples/data/README.md), for the sessions still to come.
const calendar = defineSchoolCalendar({
  name: 'Sample register 2024/25',
  years: [
    {
      name: '2024/25',
      halfTerms: [
        { name: 'Autumn 1', start: '2024-09-02', end: '2024-10-25' },
        { name: 'Autumn 2', start: '2024-11-04', end: '2024-12-20' },
        { name: 'Spring 1', start: '2025-01-06', end: '2025-02-14' },
        { name: 'Spring 2', start: '2025-02-24', end: '2025-04-04' },
        { name: 'Summer 1', start: '2025-04-22', end: '2025-05-23' },
        { name: 'Summer 2', start: '2025-06-02', end: '2025-07-22' },
      ],
    },
  ],
  closures: [
    { date: '2024-09-02', reason: 'inset', label: 'INSET day' },
    { date: '2025-05-05', reason: 'bank-holiday', label: 'Early May bank holiday' },
  ],
});

// 1. Read and validate the marks (one AttendanceError lists every bad one), keep those up to the report date and
// count each pupil's sessions.
const text = readFileSync(new URL('./data/sample-register.json', import.meta.url), 'utf8');
const input: unknown = JSON.parse(text);
const marks = parseSessionMarks(input).filter((mark) => mark.date <= asAt);
const pupils = [...groupMarksByPupil(marks)].map(([pupilId, register]) => {
  return { pupilId, register, counts: countSessions(register) };
});

// 2. One enrolment per pupil. The sample has no year groups, so the attribute grouped by is read from the
// register: a pupil with a `Z` (not yet on roll) mark joined after the first day.
const enrolments: CohortEnrolment[] = pupils.map(({ pupilId, register, counts }) => {
  return { id: pupilId, counts, attributes: { joinedLater: register.some((mark) => mark.code === 'Z') } };
});
const { groups, overall } = aggregateCohortBy(enrolments, ['joinedLater']);

// 3. Print. Percentages are made here, for display only.
function percent(rate: SessionRate): string {
  const percentage = toPercentage(rate);
  return percentage.kind === 'percentage' ? `${percentage.text} %` : 'n/a';
}

function figuresLine(label: string, figures: CohortFigures): string {
  return (
    `${label.padEnd(26)} ${String(figures.enrolments).padStart(2)} enrolments, ${figures.attended} of ` +
    `${figures.possible} sessions attended (${percent(figures.attendanceRate)}); absence ` +
    `${percent(figures.overallAbsenceRate)} (unauthorised ${percent(figures.unauthorisedRate)}); persistent ` +
    `${figures.persistentAbsentees} (${percent(figures.persistentAbsenceRate)}), severe ${figures.severeAbsentees}`
  );
}

console.log(`Sample register, 2024/25 to ${asAt}: ${pupils.length} pupils, DfE method and thresholds\n`);
console.log(figuresLine('All enrolments', overall));
for (const group of groups) {
  const label = group.key['joinedLater'] === true ? 'Joined later' : 'On roll from the first day';
  console.log(figuresLine(label, group));
}
const left = `${overall.excludedNoPossibleSessions} with no possible sessions, ${overall.excludedInconsistent} inconsistent`;
console.log(`Left out: ${left}.\n\nEnrolments by band of absence:`);
for (const { band, enrolments: count } of overall.bands) {
  if (count > 0) console.log(`  ${band.label.padEnd(50)} ${count}`);
}

console.log('\nAbsence on Mondays and Fridays (6+ sessions, 60 %+ of them, twice the rate of other days):');
for (const { pupilId, register } of pupils) {
  const result = findConcentratedAbsenceDays(register);
  if (!result.flagged) continue;
  const rates = `${percent(result.absenceRateOnDays)} absence on them, ${percent(result.absenceRateOnOtherDays)} on others`;
  console.log(`  ${pupilId}: ${result.absentOnDays} of ${result.absentSessions} absent sessions; ${rates}`);
}

const remaining = countRemainingSessions(calendar, asAt);
console.log(`\nThe summer term has ${remaining} sessions. Some pupils' margin to end the year at 90 %:`);
for (const { pupilId, counts } of pupils) {
  if (!['P01', 'P12', 'P16', 'P17'].includes(pupilId)) continue;
  const canMiss = sessionsThatCanBeMissed(counts, remaining);
  const needed = fullAttendanceSessionsNeeded(counts, { remainingPossibleSessions: remaining });
  let outlook = `can miss ${canMiss.sessions}`;
  if (needed.reachable && needed.sessions > 0) outlook += `, back to 90 % after ${needed.sessions} attended`;
  if (canMiss.alreadyBelowAtYearEnd && 'sessions' in needed) {
    outlook = `cannot reach 90 % this year: it would take ${needed.sessions} sessions of full attendance`;
  }
  const rate = percent(toAttendanceRate(counts));
  console.log(`  ${pupilId}: ${counts.attended} of ${counts.possible} attended (${rate}), ${outlook}`);
}
