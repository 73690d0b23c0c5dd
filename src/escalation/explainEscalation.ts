import type { EscalationActionKind, EscalationHistoryEntry, EscalationState } from './types.js';

const STAGE_NAMES = [
  'stage 0 (universal monitoring)',
  'stage 1 (letter and monitoring)',
  'stage 2 (attendance panel and plan)',
  'stage 3 (referral to the education welfare service)',
  'stage 4 (penalty notice)',
  'stage 5 (continued monitoring)',
] as const;

const ACTION_NAMES: Readonly<Record<EscalationActionKind, string>> = {
  'initial-warning-letter': 'the initial warning letter',
  'letter-1': 'Letter 1',
  'attendance-leader-contact': 'contact from the attendance leader',
  'letter-2': 'Letter 2, inviting the family to the attendance panel',
  'attendance-panel-meeting': 'the attendance panel meeting',
  'attendance-plan': 'a formal attendance plan',
  'letter-3': 'Letter 3, telling the family of the referral',
  'education-welfare-referral': 'the referral to the education welfare service',
  'consider-penalty-notice': 'consideration of a penalty notice',
  'other-action-needed':
    'other action (no further penalty notice may be issued; prosecution may be considered)',
  'continued-monitoring': 'continued monitoring',
};

const JUMP_NOTES = {
  'penalty-threshold': ' (straight to the penalty-notice stage)',
  override: ' (by hand)',
  're-entry': ' (proceedings resumed)',
  improvement: ' (attendance improved)',
} as const;

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function describeEntry(entry: EscalationHistoryEntry): string {
  const due = entry.actions
    .map((id) => ACTION_NAMES[id.slice(id.indexOf(':') + 1) as EscalationActionKind])
    .join('; ');
  const dueText = due === '' ? '' : ` Due: ${due}.`;
  if (entry.from === entry.to && entry.jump === null)
    return `${entry.on}: ${sentence(entry.reason)}.${dueText}`;
  const jump = entry.jump === null ? '' : JUMP_NOTES[entry.jump];
  return `${entry.on}: ${sentence(STAGE_NAMES[entry.from])} to ${STAGE_NAMES[entry.to]}${jump}, because ${entry.reason}.${dueText}`;
}

/**
 * Writes a pupil's escalation history in plain English, one line per event, ready to paste into a case note:
 * each change of stage with its reason and figures, the actions it made due, and what was done.
 *
 * @param state - The pupil's state, e.g. from {@link runEscalation} or a series of {@link transition} calls.
 * @returns The history as text; a line saying nothing has happened for a new state.
 * @example
 * explainEscalation(state)
 * //=> 'Pupil P1, now at stage 1 (letter and monitoring) since 2024-10-04.
 * //    2024-10-04: Stage 0 (universal monitoring) to stage 1 (letter and monitoring), because attendance
 * //    88.0 % (44 of 50 sessions) is below 90 %. Due: Letter 1; contact from the attendance leader.'
 * @category Escalation
 */
export function explainEscalation(state: EscalationState): string {
  const since = state.enteredOn === null ? '' : ` since ${state.enteredOn}`;
  const heading = `Pupil ${state.pupilId}, now at ${STAGE_NAMES[state.stage]}${since}.`;
  if (state.history.length === 0) return `${heading}\nNo reviews or events recorded yet.`;
  return [heading, ...state.history.map(describeEntry)].join('\n');
}
