import type { EscalationActionKind, EscalationJump, EscalationStage } from './types.js';

/** A condition a review is tested against; each is defined once in `transition`. */
export type ReviewCondition =
  | 'penalty-threshold-reached'
  | 'below-stage-one'
  | 'below-warning'
  | 'review-due-improved'
  | 'review-due-not-improved'
  | 'declined';

/** One row of the review table: in a stage, when a condition holds, go to a stage (or stay). */
export interface ReviewTransition {
  readonly from: readonly EscalationStage[];
  readonly when: ReviewCondition;
  readonly to: EscalationStage | 'stage-before-improvement' | 'stay';
  readonly jump: EscalationJump | null;
}

/**
 * What a review does, read top to bottom: the first row whose stage and condition match is taken. A row that
 * leaves the ordinary one-step path names its jump, so every skipped stage is documented.
 */
export const REVIEW_TRANSITIONS: readonly ReviewTransition[] = [
  // The penalty-notice threshold outranks everything: a term-time holiday can reach it at stage 0.
  { from: [0, 1, 2], when: 'penalty-threshold-reached', to: 4, jump: 'penalty-threshold' },
  { from: [3], when: 'penalty-threshold-reached', to: 4, jump: null },
  { from: [4], when: 'penalty-threshold-reached', to: 4, jump: null },
  { from: [5], when: 'penalty-threshold-reached', to: 4, jump: 're-entry' },
  // Stage 0: universal monitoring.
  { from: [0], when: 'below-stage-one', to: 1, jump: null },
  { from: [0], when: 'below-warning', to: 'stay', jump: null },
  // Stages 1–4: at the end of each review period, improvement leads to continued monitoring.
  { from: [1, 2, 3, 4], when: 'review-due-improved', to: 5, jump: 'improvement' },
  { from: [1], when: 'review-due-not-improved', to: 2, jump: null },
  { from: [2], when: 'review-due-not-improved', to: 3, jump: null },
  // Stage 5: a decline resumes proceedings.
  { from: [5], when: 'declined', to: 'stage-before-improvement', jump: 're-entry' },
];

/** The actions each stage makes due when it is entered, once per entry. */
export const STAGE_ENTRY_ACTIONS: Readonly<Record<EscalationStage, readonly EscalationActionKind[]>> = {
  0: [],
  1: ['letter-1', 'attendance-leader-contact'],
  2: ['letter-2', 'attendance-panel-meeting', 'attendance-plan'],
  3: ['letter-3', 'education-welfare-referral'],
  4: ['consider-penalty-notice'],
  5: ['continued-monitoring'],
};

/** The actions a row makes due while staying in its stage. */
export const STAY_ACTIONS: Readonly<Partial<Record<ReviewCondition, readonly EscalationActionKind[]>>> = {
  'below-warning': ['initial-warning-letter'],
};
