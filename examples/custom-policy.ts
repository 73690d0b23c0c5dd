// A vendor configures one school's attendance policy: `npx tsx examples/custom-policy.ts`.
//
// The school's policy says a pupil is a persistent absentee when attendance is "below 90 %", does not flag
// pupils until they have had four weeks of sessions, and uses its own four bands.

import {
  classifyAbsence,
  classifyBand,
  DFE_POLICY,
  defineBandTable,
  definePolicy,
  isPersistentlyAbsent,
  safeDefinePolicy,
} from '../src/index.js';
import type { PolicyOverrides } from '../src/index.js';

// defineBandTable checks that the bands cover 0–100 % with no gap and no overlap, and that every boundary
// belongs to exactly one band. Here 90.0 % is "Expected" because only attendance *below* 90 % is a concern.
const bands = defineBandTable({
  id: 'oakfield-attendance',
  name: 'Oakfield Primary attendance bands',
  measure: 'attendance',
  source: 'Oakfield Primary attendance policy 2024/25',
  bands: [
    { id: 'below-90', label: 'Below 90 %', from: 0, fromInclusive: true, to: 90, toInclusive: false },
    {
      id: 'expected',
      label: '90 % to under 96 %',
      from: 90,
      fromInclusive: true,
      to: 96,
      toInclusive: false,
    },
    { id: 'good', label: '96 % to under 99 %', from: 96, fromInclusive: true, to: 99, toInclusive: false },
    { id: 'excellent', label: '99 % or more', from: 99, fromInclusive: true, to: 100, toInclusive: true },
  ],
});

const policy = definePolicy({
  name: 'oakfield-primary',
  // "Attendance below 90 %" is absence *above* 10 %: exactly 10 % is not flagged.
  persistentAbsence: { comparison: 'more-than', minimumPossibleSessions: 40 },
  severeAbsence: { minimumPossibleSessions: 40 },
  bands,
});

console.log(policy.persistentAbsence);
//=> { percent: 10, comparison: 'more-than', minimumPossibleSessions: 40 }

// Exactly 10 % absence: persistent under the DfE definition, not under the school's.
const exactlyTenPercent = { possible: 380, attended: 342, absent: 38 };
console.log(
  isPersistentlyAbsent(exactlyTenPercent, DFE_POLICY),
  isPersistentlyAbsent(exactlyTenPercent, policy)
);
//=> true false

// 39 of 380 is over 10 %: persistent under both.
console.log(isPersistentlyAbsent({ possible: 380, absent: 39 }, policy));
//=> true

// A pupil who joined last week: 10 possible sessions, 5 missed. DfE counts this as severe absence; the school
// waits until there are 40 possible sessions.
const newPupil = { possible: 10, absent: 5 };
console.log(classifyAbsence(newPupil, DFE_POLICY), classifyAbsence(newPupil, policy));
//=> severe none

const band = classifyBand(exactlyTenPercent, policy.bands);
console.log(band.kind === 'band' ? band.band.label : band.kind);
//=> 90 % to under 96 %

// Overrides often arrive as JSON from a settings screen. safeDefinePolicy reports every problem at once, with
// its path, instead of throwing at the first.
const fromSettingsScreen: PolicyOverrides = {
  persistentAbsence: { percent: 12.345 },
  severeAbsence: { percent: 8 },
  bands: {
    ...bands,
    bands: [
      { id: 'low', label: 'Below 90 %', from: 0, fromInclusive: true, to: 90, toInclusive: false },
      { id: 'high', label: '91 % or more', from: 91, fromInclusive: true, to: 100, toInclusive: true },
    ],
  },
};

const result = safeDefinePolicy(fromSettingsScreen);
if (result.success) {
  console.log('Policy accepted:', result.data.name);
} else {
  console.log(`Policy rejected (${result.error.issues.length} problems):`);
  for (const issue of result.error.issues) {
    console.log(`  [${issue.code}] ${issue.message}`);
  }
}
//=> Policy rejected (3 problems):
//=>   [invalid_value] persistentAbsence.percent: Expected a percentage with at most two decimal places; …
//=>   [band_gap] bands.bands[1].from: Gap between bands "low" (to 90 %) and "high" (from 91 % inclusive): …
//=>   [invalid_value] severeAbsence.percent: The severe-absence threshold (8 %) is below the persistent-absence …
