import { plural } from './output/plural.js';
import type { CommandName, FailCondition, FailKind, Findings } from './types.js';
import { UsageError } from './usageError.js';

/** The `--fail-on` conditions each subcommand can test, in the order help lists them. */
export const FAIL_ON_BY_COMMAND: Readonly<Record<CommandName, readonly FailKind[]>> = {
  summary: ['persistent', 'severe', 'issues'],
  persistent: ['persistent', 'severe', 'issues'],
  penalty: ['penalty', 'issues'],
  lateness: ['lateness', 'persistent-lateness', 'issues'],
  escalation: ['stage', 'issues'],
  report: [],
  check: ['issues'],
  record: [],
  sql: [],
};

// A ladder has up to 100 stages (the trust's 0–5, DfE's support-first 0–9, or a ladder of its own).
const STAGE_CONDITION = /^stage>=(\d{1,2})$/;

function parseCondition(text: string): FailCondition {
  const stage = STAGE_CONDITION.exec(text);
  if (stage !== null) return { kind: 'stage', atLeast: Number(stage[1]) };
  switch (text) {
    case 'persistent':
    case 'severe':
    case 'penalty':
    case 'lateness':
    case 'persistent-lateness':
    case 'issues':
      return { kind: text };
    default:
      throw new UsageError(
        `Unknown --fail-on condition "${text}": give persistent, severe, penalty, lateness, persistent-lateness, stage>=N (N a stage of the ladder, from 0) or issues.`
      );
  }
}

/**
 * Reads `--fail-on` values (each may list several conditions, comma-separated) and checks that the subcommand
 * can test each one.
 *
 * @param values - The option's values.
 * @param command - The subcommand.
 * @returns The conditions.
 * @throws {@link UsageError} For an unknown condition, or one the subcommand does not compute.
 * @example
 * parseFailOn(['persistent,severe'], 'summary') //=> [{ kind: 'persistent' }, { kind: 'severe' }]
 * parseFailOn(['stage>=3'], 'escalation') //=> [{ kind: 'stage', atLeast: 3 }]
 */
export function parseFailOn(values: readonly string[], command: CommandName): FailCondition[] {
  const conditions = values
    .flatMap((value) => value.split(','))
    .map((text) => text.trim())
    .filter((text) => text !== '')
    .map(parseCondition);
  const allowed = FAIL_ON_BY_COMMAND[command];
  for (const condition of conditions) {
    if (!allowed.includes(condition.kind)) {
      const name = condition.kind === 'stage' ? 'stage>=N' : condition.kind;
      throw new UsageError(
        `--fail-on ${name} does not apply to ${command}; it can test ${allowed.map((kind) => (kind === 'stage' ? 'stage>=N' : kind)).join(', ')}.`,
        command
      );
    }
  }
  return conditions;
}

/**
 * Which `--fail-on` conditions a command's findings meet, each with the number of pupils (or issues) that met it.
 *
 * @param conditions - The conditions.
 * @param findings - What the command found.
 * @returns One line per condition met, e.g. `'persistent: 4 pupils'`; empty when none is.
 * @example
 * matchFailOn([{ kind: 'stage', atLeast: 3 }], { stages: [0, 3, 4], issues: 0 }) //=> ['stage>=3: 2 pupils']
 */
export function matchFailOn(conditions: readonly FailCondition[], findings: Findings): string[] {
  const matched: string[] = [];
  for (const condition of conditions) {
    if (condition.kind === 'stage') {
      const count = (findings.stages ?? []).filter((stage) => stage >= condition.atLeast).length;
      if (count > 0) matched.push(`stage>=${condition.atLeast}: ${plural(count, 'pupil')}`);
    } else if (condition.kind === 'issues') {
      if (findings.issues > 0) matched.push(`issues: ${findings.issues} found`);
    } else {
      const count = findings[condition.kind] ?? 0;
      if (count > 0) matched.push(`${condition.kind}: ${plural(count, 'pupil')}`);
    }
  }
  return matched;
}
