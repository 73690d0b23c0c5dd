// Writes the bundled sample trust register: examples/data/sample-trust-register.csv (one row per pupil-session) and
// examples/data/sample-trust-pupils.csv (one row per pupil), for a synthetic trust of 280 pupils in Years 1 to 11
// over the 2024/25 school year of examples/calendars/example-la-2024-2026.json.
//
// Nothing in it is real. The marks come from the seeded synthetic register generator (examples/synthetic), so every
// run writes the same bytes. Before writing, the script runs the register through the library and stops if the
// sample no longer shows what it is for: pupils at every escalation stage (0–5) at the end of the year, pupils over
// the national and the trust's penalty-notice thresholds, persistent and severe absentees, persistent lateness,
// and national-looking headline figures. It also checks the second example calendar.
//
// Regenerate with `npx tsx examples/generate-sample-trust-register.ts`.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import {
  ageAtStartOfSchoolYear,
  assessPenaltyNoticeThreshold,
  checkMarksAgainstCalendar,
  classifyAbsence,
  countLateness,
  countSessions,
  defineSchoolCalendar,
  DFE_POLICY,
  eachSessionSlot,
  HCAT_ESCALATION_POLICY,
  HCAT_LATENESS_POLICY,
  HCAT_POLICY,
  runEscalation,
  toAttendanceRate,
  toPercentage,
} from '../src/index.js';
import type { AttendancePolicy, EscalationStage, SchoolCalendar, SessionMark } from '../src/index.js';
import {
  createSyntheticPupils,
  DEFAULT_PROFILE_MIX,
  generateSyntheticMarks,
  SYNTHETIC_PROFILES,
} from './synthetic/syntheticRegister.js';
import type {
  SyntheticMark,
  SyntheticProfile,
  SyntheticRegisterOptions,
} from './synthetic/syntheticRegister.js';

// The seed was chosen, among the first few dozen, as one whose register meets every target checked below.
const SEED = 48;
const PUPILS = 280;
// The national mix, with more pupils whose attendance declines late in the year (and fewer persistent absentees
// from the start, so that persistent absence stays near the national rate): a pupil who is only at stage 1 or 2
// when the year ends started to miss school in its last few weeks, and a sample of this size needs a few.
const PROFILE_MIX = { ...DEFAULT_PROFILE_MIX, declining: 0.09, 'persistent-absentee': 0.055 };

function loadCalendar(file: string): SchoolCalendar {
  return defineSchoolCalendar(
    JSON.parse(readFileSync(new URL(`./calendars/${file}`, import.meta.url), 'utf8'))
  );
}

const calendar = loadCalendar('example-la-2024-2026.json');
const schoolYear = calendar.years[0]!;
const range = { from: schoolYear.halfTerms[0]!.start, to: schoolYear.halfTerms[5]!.end };
const options: SyntheticRegisterOptions = {
  pupils: PUPILS,
  seed: SEED,
  calendar,
  ...range,
  pupilIdPrefix: 'T',
  profileMix: PROFILE_MIX,
};
const pupils = createSyntheticPupils(options);
const failures: string[] = [];

for (const pupil of pupils) {
  // Year N in 2024/25 means aged N + 4 on 31 August 2024.
  const age = ageAtStartOfSchoolYear(pupil.dateOfBirth, 2024);
  if (age !== pupil.yearGroup + 4)
    failures.push(`${pupil.pupilId}: aged ${age}, in Year ${pupil.yearGroup}.`);
}

// ---------------------------------------------------------------------------------------------------------------
// A handful of comments, on the first mark (in file order) that fits each

const COMMENT_RULES: readonly {
  readonly fits: (mark: SyntheticMark) => boolean;
  readonly comment: string;
}[] = [
  { fits: (mark) => mark.code === '#', comment: 'INSET day' },
  { fits: (mark) => mark.code === 'M' && mark.session === 'AM', comment: 'Dentist, back for period 3' },
  { fits: (mark) => mark.code === 'O', comment: 'Parent said "too tired to come in"; not authorised' },
  { fits: (mark) => mark.code === 'U', comment: 'Arrived after the register closed, no reason given' },
  { fits: (mark) => mark.code === 'G', comment: 'Leave requested for a family holiday and refused' },
  { fits: (mark) => mark.code === 'C', comment: 'Leave granted: family funeral' },
  { fits: (mark) => mark.code === 'J1', comment: 'Sixth-form college interview' },
  { fits: (mark) => mark.code === 'E', comment: 'Suspension, reintegration meeting booked' },
];
const commentUsed = COMMENT_RULES.map(() => false);

function commentFor(mark: SyntheticMark): string {
  const index = COMMENT_RULES.findIndex((rule, position) => !commentUsed[position] && rule.fits(mark));
  if (index < 0) return '';
  commentUsed[index] = true;
  return COMMENT_RULES[index]!.comment;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, and its quotes doubled. */
function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading each pupil's year with the library

const POLICIES: readonly AttendancePolicy[] = [DFE_POLICY, HCAT_POLICY];
const STAGES: readonly EscalationStage[] = [0, 1, 2, 3, 4, 5];
const stageCounts = POLICIES.map(() => [0, 0, 0, 0, 0, 0]);
const totals = { possible: 0, attended: 0, authorised: 0, unauthorised: 0, absent: 0, late: 0, lateAfter: 0 };
const codeCounts = new Map<string, number>();
const profileCounts = new Map<SyntheticProfile, number>();
let persistent = 0;
let severe = 0;
let overNational = 0;
let overTrust = 0;
let overNationalOnly = 0;
let persistentlyLate = 0;
let latenessMeetings = 0;

function readPupil(pupilId: string, marks: readonly SessionMark[]): void {
  const counts = countSessions(marks);
  for (const warning of counts.warnings) failures.push(`${pupilId}: ${warning.message}`);
  for (const issue of checkMarksAgainstCalendar(marks, calendar))
    failures.push(`${pupilId}: ${issue.message}`);
  totals.possible += counts.possible;
  totals.attended += counts.attended;
  totals.authorised += counts.authorised;
  totals.unauthorised += counts.unauthorised;
  totals.absent += counts.absent;
  totals.late += counts.late;
  totals.lateAfter += counts.lateAfterRegisterClosed;
  const absence = classifyAbsence(counts, DFE_POLICY);
  if (absence !== 'none') persistent += 1;
  if (absence === 'severe') severe += 1;
  POLICIES.forEach((attendancePolicy, index) => {
    const timeline = runEscalation(marks, calendar, {
      pupilId,
      policy: HCAT_ESCALATION_POLICY,
      attendancePolicy,
      range,
    });
    const counts = stageCounts[index]!;
    counts[timeline.state.stage] = (counts[timeline.state.stage] ?? 0) + 1;
  });
  const national = assessPenaltyNoticeThreshold(marks, calendar, DFE_POLICY).reached;
  const trust = assessPenaltyNoticeThreshold(marks, calendar, HCAT_POLICY).reached;
  if (national) overNational += 1;
  if (trust) overTrust += 1;
  if (national && !trust) overNationalOnly += 1;
  const lateness = countLateness(marks, calendar, HCAT_LATENESS_POLICY);
  if (lateness.persistentLateness.reached) persistentlyLate += 1;
  if (lateness.halfTerms.some((row) => row.actions.some((action) => action.action === 'lateness-meeting'))) {
    latenessMeetings += 1;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// One pass: each pupil's marks are read with the library, then written

const registerLines = ['pupil_id,date,session,code,minutes_late,comment'];
let pupilMarks: SyntheticMark[] = [];
const flush = (): void => {
  const first = pupilMarks[0];
  if (first !== undefined) readPupil(first.pupilId, pupilMarks);
  pupilMarks = [];
};
for (const mark of generateSyntheticMarks(options)) {
  if (pupilMarks.length > 0 && pupilMarks[0]!.pupilId !== mark.pupilId) flush();
  pupilMarks.push(mark);
  codeCounts.set(mark.code, (codeCounts.get(mark.code) ?? 0) + 1);
  const minutes = mark.minutesLate === undefined ? '' : String(mark.minutesLate);
  registerLines.push(
    `${mark.pupilId},${mark.date},${mark.session},${csvField(mark.code)},${minutes},${csvField(commentFor(mark))}`
  );
}
flush();
for (const pupil of pupils) profileCounts.set(pupil.profile, (profileCounts.get(pupil.profile) ?? 0) + 1);

const pupilLines = ['pupil_id,upn,year_group,date_of_birth,fsm,sen'];
for (const pupil of pupils) {
  pupilLines.push(
    `${pupil.pupilId},${pupil.upn},${pupil.yearGroup},${pupil.dateOfBirth},${pupil.fsm},${pupil.sen}`
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The second example calendar: valid, and a register over it fits it (its half-day closure included)

const secondCalendar = loadCalendar('example-second-la-2024-2025.json');
const secondRegister = [...generateSyntheticMarks({ pupils: 20, seed: SEED, calendar: secondCalendar })];
const secondIssues = checkMarksAgainstCalendar(secondRegister, secondCalendar);
for (const issue of secondIssues) failures.push(`Second calendar: ${issue.message}`);
const secondSessions = eachSessionSlot(secondCalendar).length;

// ---------------------------------------------------------------------------------------------------------------
// The targets

const attendanceRate = toAttendanceRate(totals);
const attendancePercent = (100 * totals.attended) / totals.possible;
const persistentShare = persistent / PUPILS;
function atLeast(count: number, minimum: number, what: string): void {
  if (count < minimum) failures.push(`Expected at least ${minimum} ${what}; found ${count}.`);
}
POLICIES.forEach((policy, index) => {
  for (const stage of STAGES) {
    atLeast(stageCounts[index]![stage]!, 3, `pupils at stage ${stage} (attendance policy "${policy.name}")`);
  }
});
atLeast(overNational, 5, 'pupils over the national penalty-notice threshold');
atLeast(overTrust, 5, "pupils over the trust's penalty-notice threshold");
atLeast(overNationalOnly, 1, "pupil over the national threshold but not the trust's");
atLeast(severe, 2, 'severely absent pupils');
atLeast(persistentlyLate, 2, 'persistently late pupils');
atLeast(latenessMeetings, 2, 'pupils with a lateness meeting');
for (const code of ['I', 'M', 'O', 'G', 'N', 'U', 'L', 'C', 'C1', 'C2', 'E', 'J1', 'P', 'V', 'K', 'Z', '#']) {
  atLeast(codeCounts.get(code) ?? 0, 1, `marks with code ${code}`);
}
atLeast([...codeCounts.keys()].filter((code) => code.startsWith('Y')).length, 1, 'Y codes');
if (commentUsed.some((used) => !used)) failures.push('Not every comment found a mark.');
if (attendancePercent < 92 || attendancePercent > 94.5) {
  failures.push(`Overall attendance ${attendancePercent.toFixed(2)} % is outside 92–94.5 %.`);
}
if (persistentShare < 0.15 || persistentShare > 0.25) {
  failures.push(`Persistent absence ${(100 * persistentShare).toFixed(1)} % of pupils is outside 15–25 %.`);
}
if (secondSessions !== 381) failures.push(`The second calendar has ${secondSessions} sessions, not 381.`);

const registerText = `${registerLines.join('\n')}\n`;
const pupilText = `${pupilLines.join('\n')}\n`;
if (registerText.length > 5_000_000)
  failures.push(`The register is ${registerText.length} bytes (over 5 MB).`);
if (failures.length > 0) {
  throw new Error(`The sample trust register misses its targets:\n  ${failures.join('\n  ')}`);
}

const directory = new URL('./data/', import.meta.url);
mkdirSync(directory, { recursive: true });
writeFileSync(new URL('sample-trust-register.csv', directory), registerText);
writeFileSync(new URL('sample-trust-pupils.csv', directory), pupilText);

// ---------------------------------------------------------------------------------------------------------------
// The summary

const percent = (count: number, of: number): string => `${((100 * count) / of).toFixed(1)} %`;
const attendanceText = toPercentage(attendanceRate, { decimals: 2 });
console.log(
  `Wrote examples/data/sample-trust-register.csv (${registerLines.length - 1} rows, ${registerText.length} bytes) ` +
    `and examples/data/sample-trust-pupils.csv (${PUPILS} pupils).`
);
console.log(
  `  overall attendance ${attendanceText.kind === 'percentage' ? `${attendanceText.text} %` : 'n/a'} ` +
    `(${totals.attended} of ${totals.possible} possible sessions); authorised absence ` +
    `${percent(totals.authorised, totals.possible)}, unauthorised ${percent(totals.unauthorised, totals.possible)}`
);
console.log(
  `  persistent absentees (10 % or more) ${persistent} (${percent(persistent, PUPILS)}), ` +
    `of whom severely absent (50 % or more) ${severe}`
);
POLICIES.forEach((policy, index) => {
  const counts = stageCounts[index]!;
  console.log(
    `  escalation stage at the end of the year (trust stages, "${policy.name}" penalty rule): ` +
      STAGES.map((stage) => `${stage}: ${counts[stage]}`).join(', ')
  );
});
console.log(
  `  over the penalty-notice threshold: national ${overNational}, trust ${overTrust} ` +
    `(national only ${overNationalOnly})`
);
console.log(
  `  persistently late (10 U within 12 weeks) ${persistentlyLate}; lateness meeting due ${latenessMeetings}; ` +
    `L marks ${totals.late}, U marks ${totals.lateAfter}`
);
console.log(
  `  profiles: ${SYNTHETIC_PROFILES.map((profile) => `${profile} ${profileCounts.get(profile) ?? 0}`).join(', ')}`
);
console.log(
  `  codes: ${[...codeCounts]
    .sort((left, right) => right[1] - left[1])
    .map(([code, count]) => `${code} ${count}`)
    .join(', ')}`
);
console.log(
  `  second calendar "${secondCalendar.name}": ${secondSessions} sessions; a 20-pupil register over it fits it.`
);
