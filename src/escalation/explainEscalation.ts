import { ladderOf } from './ladder/ladderOf.js';
import type { EscalationLadder } from './ladder/types.js';
import { HCAT_ESCALATION_POLICY } from './presets.js';
import { BARRIERS } from './support/barriers.js';
import { supportOf } from './support/supportRecord.js';
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
 * What {@link explainEscalation} adds to the history.
 *
 * @category Escalation
 */
export interface ExplainEscalationOptions {
  /**
   * Whether to list the case's support record after the history: barriers (with their details), whether support
   * is appropriate, support offered and the answers, referrals and their outcomes. Special-category data, so off
   * unless asked for.
   *
   * @defaultValue `false`
   */
  readonly support?: boolean;
}

/** The support record in plain English, one line per item. */
function describeSupport(state: EscalationState): string[] {
  const { barriers, assessment, offers, referrals } = supportOf(state);
  const lines = ['Support record:'];
  for (const { on, barrier, details } of barriers) {
    const label = BARRIERS.find((known) => known.kind === barrier)?.label ?? barrier;
    lines.push(`- ${on}: barrier recorded: ${label}${details === undefined ? '' : ` (${details})`}.`);
  }
  if (assessment !== null) {
    lines.push(`- ${assessment.on}: support assessed as ${assessment.appropriate ? '' : 'not '}appropriate.`);
  }
  for (const offer of offers) {
    const answer =
      offer.response === null ? 'no answer yet' : `${offer.response} on ${offer.respondedOn ?? ''}`;
    lines.push(`- ${offer.offeredOn}: ${offer.tier} support offered: ${offer.support}; ${answer}.`);
  }
  for (const referral of referrals) {
    const outcome =
      referral.outcome === null ? 'no outcome yet' : `${referral.outcome} on ${referral.outcomeOn ?? ''}`;
    lines.push(
      `- ${referral.madeOn}: referral to ${referral.service ?? 'the ladder’s service'}; ${outcome}.`
    );
  }
  if (lines.length === 1) lines.push('- nothing recorded.');
  return lines;
}

/**
 * Writes a pupil's escalation history in plain English, one line per event, ready to paste into a case note:
 * each change of stage with its reason and figures, the actions it made due, and what was done; with
 * `{ support: true }`, the support record after it (barriers, support offered, referrals).
 *
 * @param state - The pupil's state, e.g. from {@link runEscalation} or a series of {@link transition} calls.
 * @param policy - The ladder the state was run on, or the policy of the trust's ladder (names only are read).
 * @param options - Whether to add the support record (special-category data; off by default).
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
  policy: EscalationPolicy | EscalationLadder = HCAT_ESCALATION_POLICY,
  options: ExplainEscalationOptions = {}
): string {
  const ladder = ladderOf(policy);
  const since = state.enteredOn === null ? '' : ` since ${state.enteredOn}`;
  const heading = `Pupil ${state.pupilId}, now at ${stageName(ladder, state.stage)}${since}.`;
  const support = options.support === true ? describeSupport(state) : [];
  if (state.history.length === 0)
    return [heading, 'No reviews or events recorded yet.', ...support].join('\n');
  return [heading, ...state.history.map((entry) => describeEntry(entry, ladder)), ...support].join('\n');
}
