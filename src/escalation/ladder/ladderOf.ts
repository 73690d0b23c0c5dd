import type { EscalationPolicy } from '../types.js';
import { trustLadder } from './trustLadder.js';
import type { EscalationLadder } from './types.js';

// A policy is the trust's ladder with other numbers: built once per policy object, since a run over a year
// calls the machine hundreds of times with the same one.
const BUILT = new WeakMap<EscalationPolicy, EscalationLadder>();

/**
 * The ladder to run: a ladder as given, or the trust's ladder built from a policy's numbers.
 *
 * @param policy - A ladder, or an escalation policy.
 * @returns The ladder.
 * @example
 * ladderOf(HCAT_ESCALATION_POLICY).name //=> 'trust'
 */
export function ladderOf(policy: EscalationPolicy | EscalationLadder): EscalationLadder {
  if ('stages' in policy) return policy;
  let ladder = BUILT.get(policy);
  if (ladder === undefined) {
    ladder = trustLadder(policy);
    BUILT.set(policy, ladder);
  }
  return ladder;
}
