import { ladderOf } from './ladder/ladderOf.js';
import type { EscalationLadder } from './ladder/types.js';
import { HCAT_ESCALATION_POLICY } from './presets.js';
import type { EscalationHistoryEntry, EscalationPolicy, EscalationState } from './types.js';

const JUMP_NOTES = {
  'penalty-threshold': ' (straight to the penalty-notice stage)',
  override: ' (by hand)',
  're-entry': ' (proceedings resumed)',
  improvement: ' (attendance improved)',
  'absence-level': ' (absence reached a higher level)',
} as const;

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function stageName(ladder: EscalationLadder, stage: number): string {
  const name = ladder.stages[stage]?.name;
  return name === undefined ? `stage ${stage}` : `stage ${stage} (${name})`;
}

function describeEntry(entry: EscalationHistoryEntry, ladder: EscalationLadder): string {
  const due = entry.actions
    .map((id) => {
      const kind = id.slice(id.indexOf(':') + 1);
      return ladder.actions[kind]?.description ?? kind;
    })
    .join('; ');
  const dueText = due === '' ? '' : ` Due: ${due}.`;
  if (entry.from === entry.to && entry.jump === null)
    return `${entry.on}: ${sentence(entry.reason)}.${dueText}`;
  // On a ladder whose threshold leads to a notice to improve or a warning first, the jump says only why.
  const jump =
    entry.jump === null
      ? ''
      : entry.jump === 'penalty-threshold' && ladder.stages[entry.to]?.role !== 'penalty-notice'
        ? ' (the penalty-notice threshold was reached)'
        : JUMP_NOTES[entry.jump];
  return `${entry.on}: ${sentence(stageName(ladder, entry.from))} to ${stageName(ladder, entry.to)}${jump}, because ${entry.reason}.${dueText}`;
}

/**
 * Writes a pupil's escalation history in plain English, one line per event, ready to paste into a case note:
 * each change of stage with its reason and figures, the actions it made due, and what was done.
 *
 * @param state - The pupil's state, e.g. from {@link runEscalation} or a series of {@link transition} calls.
 * @param policy - The ladder the state was run on, or the policy of the trust's ladder (names only are read).
 * @returns The history as text; a line saying nothing has happened for a new state.
 * @example
 * explainEscalation(state)
 * //=> 'Pupil P1, now at stage 1 (letter and monitoring) since 2024-10-04.
 * //    2024-10-04: Stage 0 (universal monitoring) to stage 1 (letter and monitoring), because attendance
 * //    88.0 % (44 of 50 sessions) is below 90 %. Due: Letter 1; contact from the attendance leader.'
 * @category Escalation
 */
export function explainEscalation(
  state: EscalationState,
  policy: EscalationPolicy | EscalationLadder = HCAT_ESCALATION_POLICY
): string {
  const ladder = ladderOf(policy);
  const since = state.enteredOn === null ? '' : ` since ${state.enteredOn}`;
  const heading = `Pupil ${state.pupilId}, now at ${stageName(ladder, state.stage)}${since}.`;
  if (state.history.length === 0) return `${heading}\nNo reviews or events recorded yet.`;
  return [heading, ...state.history.map((entry) => describeEntry(entry, ladder))].join('\n');
}
