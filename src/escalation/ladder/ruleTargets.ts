import type { EscalationLadder, LadderRule } from './types.js';

/**
 * The stages a rule can move a pupil to: its stage; for `'stage-before-improvement'`, every stage with a rule
 * into continued monitoring (proceedings resume where the pupil improved from); none for `'stay'`. The
 * ladder's check (reachability, ways out) and its diagram read the review table through this one function, so
 * they cannot disagree.
 *
 * @param rule - A row of the ladder's review table.
 * @param ladder - The ladder it belongs to.
 * @returns The stage numbers, possibly with repeats.
 * @example
 * ruleTargets({ from: [0], when: { test: 'penalty-threshold-reached' }, to: 4, jump: null }, trustLadder()) //=> [4]
 */
export function ruleTargets(rule: LadderRule, ladder: EscalationLadder): number[] {
  if (rule.to === 'stay') return [];
  if (rule.to !== 'stage-before-improvement') return [rule.to];
  const monitoring = ladder.stages.findIndex((stage) => stage.role === 'continued-monitoring');
  return ladder.rules.filter((other) => other.to === monitoring).flatMap((other) => other.from);
}
