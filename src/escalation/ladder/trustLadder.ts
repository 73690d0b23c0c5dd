import { HCAT_ESCALATION_POLICY } from '../presets.js';
import type { EscalationPolicy } from '../types.js';
import type { EscalationLadder, LadderAction } from './types.js';

/** The trust ladder's actions: what each is called and the event that records it done. */
const TRUST_ACTIONS: Readonly<Record<string, LadderAction>> = {
  'initial-warning-letter': {
    name: 'initial warning letter',
    description: 'the initial warning letter',
    doneBy: 'letter-sent',
  },
  'letter-1': { name: 'Letter 1', description: 'Letter 1', doneBy: 'letter-sent' },
  'attendance-leader-contact': {
    name: 'contact from the attendance leader',
    description: 'contact from the attendance leader',
    doneBy: 'action-done',
  },
  'letter-2': {
    name: 'Letter 2 (invitation to the attendance panel)',
    description: 'Letter 2, inviting the family to the attendance panel',
    doneBy: 'letter-sent',
  },
  'attendance-panel-meeting': {
    name: 'attendance panel meeting',
    description: 'the attendance panel meeting',
    doneBy: 'meeting-held',
  },
  'attendance-plan': {
    name: 'formal attendance plan',
    description: 'a formal attendance plan',
    doneBy: 'plan-agreed',
    restartsReview: true,
  },
  'letter-3': {
    name: 'Letter 3 (referral to the education welfare service)',
    description: 'Letter 3, telling the family of the referral',
    doneBy: 'letter-sent',
  },
  'education-welfare-referral': {
    name: 'referral to the education welfare service',
    description: 'the referral to the education welfare service',
    doneBy: 'referral-made',
  },
  'consider-penalty-notice': {
    name: 'consider a penalty notice',
    description: 'consideration of a penalty notice',
    doneBy: 'penalty-notice-issued',
  },
  'other-action-needed': {
    name: 'other action needed: no further penalty notice may be issued (prosecution may be considered)',
    description: 'other action (no further penalty notice may be issued; prosecution may be considered)',
    doneBy: 'action-done',
  },
  'continued-monitoring': {
    name: 'continued monitoring',
    description: 'continued monitoring',
    doneBy: 'action-done',
  },
};

/**
 * The trust's stages 0–5 as a ladder, with an escalation policy's numbers: the ladder the machine runs when it is
 * given a policy rather than a ladder. Read the review table top to bottom.
 *
 * @param policy - The thresholds and periods (the trust preset when left out).
 * @returns The ladder.
 * @example
 * trustLadder().stages.map((stage) => stage.name)[1] //=> 'letter and monitoring'
 * trustLadder(defineEscalationPolicy({ monitoringWeeks: 6 })).stages[1].review?.weeks //=> 6
 * @see The HCAT trust attendance policy, "Managing Absence Procedures" (stages 0–5); REFERENCE §7.2
 * @category Escalation
 */
export function trustLadder(policy: EscalationPolicy = HCAT_ESCALATION_POLICY): EscalationLadder {
  const improved = { test: 'review-due', improved: true, percent: policy.improvementAtLeastPercent } as const;
  const notImproved = {
    test: 'review-due',
    improved: false,
    percent: policy.improvementAtLeastPercent,
  } as const;
  const threshold = { test: 'penalty-threshold-reached' } as const;
  const minimumPossibleSessions = policy.minimumPossibleSessions;
  return {
    name: 'trust',
    stages: [
      { name: 'universal monitoring', step: 'monitor', review: null, onEntry: [] },
      {
        name: 'letter and monitoring',
        step: 'listen-and-understand',
        review: {
          weeks: policy.monitoringWeeks,
          extension: {
            weeksPerAbsentDay: policy.extensionWeeksPerAbsentDay,
            sessionsPerAbsentDay: policy.sessionsPerAbsentDay,
            maximumWeeks: policy.maximumExtensionWeeks,
          },
        },
        onEntry: ['letter-1', 'attendance-leader-contact'],
      },
      {
        name: 'attendance panel and plan',
        step: 'formalise-support',
        review: { weeks: policy.planReviewWeeks },
        onEntry: ['letter-2', 'attendance-panel-meeting', 'attendance-plan'],
      },
      {
        name: 'referral to the education welfare service',
        step: 'formalise-support',
        review: { weeks: policy.referralReviewWeeks },
        onEntry: ['letter-3', 'education-welfare-referral'],
      },
      {
        name: 'penalty notice',
        step: 'enforce',
        review: { weeks: policy.referralReviewWeeks },
        onEntry: ['consider-penalty-notice'],
        role: 'penalty-notice',
      },
      {
        name: 'continued monitoring',
        step: 'monitor',
        review: { weeks: policy.monitoringWeeks },
        onEntry: ['continued-monitoring'],
        role: 'continued-monitoring',
      },
    ],
    actions: TRUST_ACTIONS,
    rules: [
      // The penalty-notice threshold outranks everything: a term-time holiday can reach it at stage 0.
      ...(policy.skipToPenaltyNotice
        ? [{ from: [0, 1, 2], when: threshold, to: 4, jump: 'penalty-threshold' } as const]
        : []),
      { from: [3], when: threshold, to: 4, jump: null },
      { from: [4], when: threshold, to: 4, jump: null },
      { from: [5], when: threshold, to: 4, jump: 're-entry' },
      // Stage 0: universal monitoring.
      {
        from: [0],
        when: { test: 'attendance-below', percent: policy.stageOneBelowPercent, minimumPossibleSessions },
        to: 1,
        jump: null,
      },
      {
        from: [0],
        when: { test: 'attendance-below', percent: policy.warningBelowPercent, minimumPossibleSessions },
        to: 'stay',
        jump: null,
        actions: ['initial-warning-letter'],
      },
      // Stages 1–4: at the end of each review period, improvement leads to continued monitoring.
      { from: [1, 2, 3, 4], when: improved, to: 5, jump: 'improvement' },
      { from: [1], when: notImproved, to: 2, jump: null },
      { from: [2], when: notImproved, to: 3, jump: null },
      // Stage 5: a decline resumes proceedings.
      {
        from: [5],
        when: { test: 'declined', percent: policy.declineBelowPercent },
        to: policy.reentry === 'stage-1' ? 1 : 'stage-before-improvement',
        jump: 're-entry',
      },
    ],
  };
}
