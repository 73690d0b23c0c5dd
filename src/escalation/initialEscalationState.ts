import { NO_SUPPORT } from './support/supportRecord.js';
import type { EscalationState } from './types.js';

/**
 * The state of a pupil before any review: stage 0, universal monitoring, nothing due.
 *
 * @param pupilId - The pupil.
 * @returns The starting state.
 * @example
 * initialEscalationState('P1').stage //=> 0
 * @category Escalation
 */
export function initialEscalationState(pupilId: string): EscalationState {
  return {
    pupilId,
    stage: 0,
    enteredOn: null,
    entry: 0,
    baseline: null,
    reviewDueOn: null,
    extensionWeeks: 0,
    stageBeforeImprovement: null,
    penaltyConsideredThrough: null,
    latestFigures: null,
    latestEventOn: null,
    dueActions: [],
    completedActions: [],
    notices: [],
    history: [],
    support: NO_SUPPORT,
  };
}
