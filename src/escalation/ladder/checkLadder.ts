import type { AttendanceIssue } from '../../errors.js';
import { ruleTargets } from './ruleTargets.js';
import type { EscalationLadder, LadderCondition } from './types.js';

// What makes a well-typed ladder one the machine can run: every stage it names exists and can be reached, every
// stage that is not terminal has a way out, every action it makes due is defined, and the stages with a special
// role have what that role needs. Each problem is one located issue.

function issue(path: readonly (string | number)[], message: string, expected: string): AttendanceIssue {
  return { code: 'invalid_value', severity: 'error', message, path, field: String(path.at(-1)), expected };
}

function testsOf(condition: LadderCondition): LadderCondition['test'][] {
  return condition.test === 'all' || condition.test === 'any'
    ? condition.of.flatMap(testsOf)
    : [condition.test];
}

/**
 * The structural problems of a ladder that has the right shape: unknown stages and actions, stages that cannot
 * be reached from stage 0 by the review table, stages (not marked terminal) with no rule that leaves them, review
 * conditions in stages without a review period, and special roles without what they need.
 *
 * @param ladder - A ladder that passed the schema.
 * @returns The issues, empty for a ladder the machine can run.
 * @example
 * checkLadder(trustLadder()) //=> []
 */
export function checkLadder(ladder: EscalationLadder): AttendanceIssue[] {
  const issues: AttendanceIssue[] = [];
  const count = ladder.stages.length;
  // Stryker disable next-line OptionalChaining: every caller passes a stage the ladder has (checked against the count, or found terminal), so the stage is always there
  const stageLabel = (stage: number): string => `stage ${stage} (${ladder.stages[stage]?.name ?? '?'})`;
  const checkAction = (kind: string, path: readonly (string | number)[]): void => {
    if (!Object.hasOwn(ladder.actions, kind)) {
      issues.push(
        issue(
          path,
          `Action "${kind}" is not defined in the ladder's actions.`,
          'an action defined under actions'
        )
      );
    }
  };
  ladder.stages.forEach((stage, index) => {
    stage.onEntry.forEach((kind, at) => {
      checkAction(kind, ['stages', index, 'onEntry', at]);
    });
    if (stage.review?.unit === 'school-weeks' && stage.review.extension !== undefined) {
      issues.push(
        issue(
          ['stages', index, 'review', 'extension'],
          `${stageLabel(index)} is reviewed in school weeks, but an extension for further absence is counted in calendar weeks.`,
          'no extension, or a review in calendar weeks'
        )
      );
    }
  });

  const monitoringAfterImprovement = ladder.stages.findIndex(
    (stage) => stage.role === 'continued-monitoring'
  );
  const leaves = new Set<number>();
  const edges = new Map<number, Set<number>>();
  ladder.rules.forEach((rule, index) => {
    rule.from.forEach((stage, at) => {
      if (stage >= count) {
        issues.push(
          issue(
            ['rules', index, 'from', at],
            `Rule ${index + 1} names stage ${stage}, but the ladder has ${count} stages.`,
            `a stage from 0 to ${count - 1}`
          )
        );
      }
    });
    if (typeof rule.to === 'number' && rule.to >= count) {
      issues.push(
        issue(
          ['rules', index, 'to'],
          `Rule ${index + 1} goes to stage ${rule.to}, but the ladder has ${count} stages.`,
          `a stage from 0 to ${count - 1}`
        )
      );
    }
    if (rule.to === 'stage-before-improvement' && monitoringAfterImprovement === -1) {
      issues.push(
        issue(
          ['rules', index, 'to'],
          `Rule ${index + 1} resumes at the stage before improvement, but no stage has the role "continued-monitoring".`,
          'a stage number, or a stage with the role "continued-monitoring"'
        )
      );
    }
    (rule.actions ?? []).forEach((kind, at) => {
      checkAction(kind, ['rules', index, 'actions', at]);
    });
    const usesReview = testsOf(rule.when).some((test) => test === 'review-due' || test === 'declined');
    for (const stage of rule.from) {
      // Stryker disable next-line OptionalChaining: stage < count is checked just before, so the stage is always there
      if (usesReview && stage < count && ladder.stages[stage]?.review === null) {
        issues.push(
          issue(
            ['rules', index, 'when'],
            `Rule ${index + 1} waits for a review in ${stageLabel(stage)}, which has no review period, so it could never apply.`,
            'a review period for the stage, or a condition that needs none'
          )
        );
      }
      if (ladder.stages[stage]?.terminal === true && rule.to !== 'stay' && rule.to !== stage) {
        issues.push(
          issue(
            ['rules', index, 'from'],
            `Rule ${index + 1} leaves ${stageLabel(stage)}, which is marked terminal.`,
            'no rule leaving a terminal stage'
          )
        );
      }
    }
    const targets = ruleTargets(rule, ladder);
    for (const from of rule.from) {
      const out = edges.get(from) ?? new Set<number>();
      for (const to of targets) {
        out.add(to);
        if (to !== from) leaves.add(from);
      }
      edges.set(from, out);
    }
  });

  // Reachable from stage 0 through the review table (overrides can reach any stage, but a ladder should not rely
  // on a person to use a stage at all).
  const reached = new Set<number>([0]);
  const queue = [0];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    // Stryker disable next-line ArrayDeclaration: a stage with no rules out has nothing to follow; a made-up entry only adds a string to the reached set, which is read by stage number
    for (const to of edges.get(next) ?? []) {
      if (!reached.has(to)) {
        reached.add(to);
        queue.push(to);
      }
    }
  }
  ladder.stages.forEach((stage, index) => {
    if (!reached.has(index)) {
      issues.push(
        issue(
          ['stages', index],
          `${stageLabel(index)} cannot be reached: no rule leads to it from stage 0.`,
          'a rule that leads to the stage'
        )
      );
    }
    if (stage.terminal !== true && !leaves.has(index) && count > 1) {
      issues.push(
        issue(
          ['stages', index],
          `${stageLabel(index)} has no way out: no rule leaves it, and it is not marked terminal.`,
          'a rule that leaves the stage, or "terminal": true'
        )
      );
    }
    if (stage.role === 'penalty-notice') {
      const issuedBy = stage.onEntry.some((kind) => ladder.actions[kind]?.doneBy === 'penalty-notice-issued');
      if (!issuedBy || !Object.hasOwn(ladder.actions, 'other-action-needed')) {
        issues.push(
          issue(
            ['stages', index, 'role'],
            `${stageLabel(index)} is the penalty-notice stage, so it needs an entry action done by "penalty-notice-issued" and the ladder an action "other-action-needed" (for when no further notice may be issued).`,
            'an entry action done by "penalty-notice-issued", and an action "other-action-needed"'
          )
        );
      }
    }
  });
  if (ladder.stages.filter((stage) => stage.role === 'penalty-notice').length > 1) {
    issues.push(
      issue(['stages'], 'At most one stage may have the role "penalty-notice".', 'one penalty-notice stage')
    );
  }
  return issues;
}
