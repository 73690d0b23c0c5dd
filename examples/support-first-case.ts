/**
 * A worked case on DfE's support-first ladder, with a fictional directory of partner services.
 *
 * Run with `npx tsx examples/support-first-case.ts`. A Year 8 pupil's weekly reviews are replayed with what the
 * school recorded: a conversation, the barriers found (caring for a parent, transport), an offer of early help
 * that the family declined, an attendance contract, and the penalty-notice threshold reached. The case shows
 * the services that fit the pupil's barriers, and the case history with its support record (special-category
 * data: print it only for the people working on the case).
 */
import { readFileSync } from 'node:fs';
import {
  DFE_SUPPORT_FIRST_LADDER,
  explainEscalation,
  initialEscalationState,
  isoDate,
  suggestSupport,
  transition,
} from '../src/index.js';
import type { EscalationEvent, EscalationState } from '../src/index.js';
import { parseServiceDirectoryCsv } from '../src/io/index.js';

const directory = parseServiceDirectoryCsv(
  readFileSync(new URL('support/partner-services.csv', import.meta.url), 'utf8'),
  { name: 'Riverside (fictional)', source: 'partner-services.csv' }
);

/** A weekly review: cumulative possible and attended sessions, and the school weeks to date. */
function review(on: string, possible: number, attended: number, reachedOn?: string): EscalationEvent {
  return {
    type: 'review',
    on: isoDate(on),
    figures: {
      possible,
      attended,
      absent: possible - attended,
      schoolWeeks: possible / 10,
      ...(reachedOn === undefined
        ? {}
        : {
            penaltyThresholdReachedOn: isoDate(reachedOn),
            penaltyThresholdSessions: [{ date: isoDate(reachedOn), session: 'AM', code: 'U' }],
          }),
    },
  };
}

const events: EscalationEvent[] = [
  review('2024-09-20', 30, 28), // 6.7 % absent: at risk, listen and understand
  { type: 'meeting-held', on: isoDate('2024-10-01') },
  {
    type: 'barrier-recorded',
    on: isoDate('2024-10-01'),
    barrier: 'young-carer',
    details: 'cares for a parent',
  },
  { type: 'barrier-recorded', on: isoDate('2024-10-01'), barrier: 'transport' },
  review('2024-10-04', 50, 45), // 10 % absent: persistent absence, facilitate support
  { type: 'support-offered', on: isoDate('2024-10-08'), support: 'early-help-hub', tier: 'voluntary' },
  { type: 'referral-made', on: isoDate('2024-10-08'), service: 'young-carers' },
  { type: 'support-declined', on: isoDate('2024-10-15'), support: 'early-help-hub' },
  review('2024-10-18', 70, 62), // declined: formalise support (an attendance contract)
  { type: 'support-offered', on: isoDate('2024-10-22'), support: 'attendance-contract', tier: 'formal' },
  { type: 'support-accepted', on: isoDate('2024-10-24'), support: 'attendance-contract' },
  { type: 'referral-outcome', on: isoDate('2024-11-05'), service: 'young-carers', outcome: 'accepted' },
  review('2024-11-29', 120, 104, '2024-11-29'), // threshold reached, no improvement: a Notice to Improve
];

let state: EscalationState = initialEscalationState('Y8-017');
for (const event of events) {
  const result = transition(state, event, DFE_SUPPORT_FIRST_LADDER);
  if (!result.ok) throw new Error(`${event.type} on ${event.on} refused: ${result.refusal.message}`);
  state = result.state;
}

console.log(`Stage ${state.stage}: ${DFE_SUPPORT_FIRST_LADDER.stages[state.stage]!.name}\n`);
console.log('Services that fit the barriers recorded:');
for (const suggestion of suggestSupport(state, directory, { phase: 'secondary', age: 13 })) {
  console.log(`- ${suggestion.why}`);
}
console.log(`\n${explainEscalation(state, DFE_SUPPORT_FIRST_LADDER, { support: true })}`);

if (state.stage !== 5) throw new Error(`expected the Notice to Improve (stage 5), not stage ${state.stage}`);
