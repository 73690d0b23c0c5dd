// How an MIS vendor embeds the library: `npx tsx examples/vendor-embedding.ts`.
//
// Each school on the platform starts from a preset (the DfE's national definitions or its trust's policy) and may
// change values on a settings screen, stored as JSON. The vendor validates those settings at the edge with
// safeDefinePolicy, shows every problem with its path, and then runs the rules on whole-session counts.

import { readFileSync } from 'node:fs';
import {
  assessPenaltyNoticeThreshold,
  classifyAbsence,
  classifyBand,
  countSessions,
  defineSchoolCalendar,
  DFE_POLICY,
  eachSessionSlot,
  HCAT_POLICY,
  isoDate,
  safeDefinePolicy,
  toAttendanceRate,
  toPercentage,
} from '../src/index.js';
import type { AttendancePolicy, PolicyOverrides, RegisterCode, SessionMark } from '../src/index.js';

// 1. The schools' settings as the vendor stores them. Hillcrest's were saved with a percentage as text and a
//    misspelt setting.
const PRESETS = { dfe: DFE_POLICY, 'hcat-trust': HCAT_POLICY } as const;
interface SchoolSettings {
  readonly preset: keyof typeof PRESETS;
  readonly overrides: PolicyOverrides;
}
const settings = JSON.parse(`{
  "oakfield": { "preset": "dfe", "overrides": { "name": "oakfield", "persistentAbsence": { "minimumPossibleSessions": 20 } } },
  "riverside": { "preset": "hcat-trust", "overrides": {} },
  "hillcrest": { "preset": "dfe", "overrides": { "persistentAbsence": { "percent": "10" }, "severeAbsense": { "percent": 50 } } }
}`) as Readonly<Record<string, SchoolSettings>>;

function policyFor(school: string, { preset, overrides }: SchoolSettings): AttendancePolicy | undefined {
  // The JSON is untrusted: safeDefinePolicy checks every value at run time, whatever its static type says.
  const result = safeDefinePolicy(overrides, PRESETS[preset]);
  if (result.success) return result.data;
  console.log(`${school}: settings rejected, nothing calculated`);
  for (const issue of result.error.issues) console.log(`  [${issue.code}] ${issue.message}`);
  return undefined;
}

// 2. One pupil's autumn term: present except two days of illness, a four-day holiday taken without leave (G) and
//    one day with no reason given yet (N).
const calendar = defineSchoolCalendar(
  JSON.parse(readFileSync(new URL('./calendars/example-la-2024-2026.json', import.meta.url), 'utf8'))
);
const absences: Readonly<Record<string, RegisterCode>> = {
  '2024-10-01': 'I',
  '2024-10-02': 'I',
  '2024-11-25': 'G',
  '2024-11-26': 'G',
  '2024-11-27': 'G',
  '2024-11-28': 'G',
  '2024-12-09': 'N',
};
const marks: SessionMark[] = eachSessionSlot(calendar, {
  from: isoDate('2024-09-01'),
  to: isoDate('2024-12-20'),
}).map(({ date, session }) => ({
  pupilId: 'P0042',
  date,
  session,
  code: absences[date] ?? (session === 'AM' ? '/' : '\\'),
}));

// 3. The same register under each school's policy.
for (const [school, schoolSettings] of Object.entries(settings)) {
  const policy = policyFor(school, schoolSettings);
  if (policy === undefined) continue;
  const counts = countSessions(marks);
  const attendance = toPercentage(toAttendanceRate(counts), policy.display);
  const band = classifyBand(counts, policy.bands);
  const penalty = assessPenaltyNoticeThreshold(marks, calendar, policy);
  console.log(`${school} (${policy.name}):`);
  console.log(
    `  ${counts.attended} of ${counts.possible} sessions attended, ${counts.unauthorised} unauthorised`
  );
  console.log(
    `  attendance ${attendance.kind === 'percentage' ? `${attendance.text} %` : 'n/a'}, ` +
      `absence class ${classifyAbsence(counts, policy)}, band ${band.kind === 'band' ? band.band.label : 'none'}`
  );
  console.log(
    `  penalty notice: ${penalty.outcome}, at most ${penalty.maximum} of ${penalty.rule.threshold} ` +
      `(${penalty.rule.codes.join('/')}) in ${penalty.rule.length} ${penalty.rule.unit}` +
      (penalty.firstReached === undefined ? '' : `, reached on ${penalty.firstReached.periodEnd}`)
  );
}
// The national rule counts N; the trust's does not. So the same eight G and two N sessions reach the national
// threshold at Oakfield and fall short of the trust's at Riverside.
