import { AttendanceError } from '../../errors.js';
import { fromZodIssues, ZOD_PARSE_CONTEXT } from '../../_internal/fromZodIssues.js';
import type { AttendanceIssue } from '../../errors.js';
import { describeValue } from '../../sessions/checkMarks.js';
import { checkLadder } from './checkLadder.js';
import { escalationLadderSchema, MAX_CONDITION_DEPTH } from './schema.js';
import type { EscalationLadder } from './types.js';

const CONDITION_TESTS = [
  'attendance-below',
  'absence-at-least',
  'penalty-threshold-reached',
  'review-due',
  'declined',
  'support',
  'support-appropriate',
  'barrier-recorded',
  'all',
  'any',
];

/** The paths of conditions whose `test` is not one of the closed set, found in the raw value. */
function unknownConditions(value: unknown): { path: (string | number)[]; test: unknown }[] {
  const found: { path: (string | number)[]; test: unknown }[] = [];
  const visit = (condition: unknown, path: (string | number)[], depth: number): void => {
    if (typeof condition !== 'object' || condition === null || depth > MAX_CONDITION_DEPTH) return;
    const { test, of } = condition as { test?: unknown; of?: unknown };
    if (!CONDITION_TESTS.includes(test as string)) found.push({ path, test });
    else if (Array.isArray(of))
      of.forEach((part, index) => {
        visit(part, [...path, 'of', index], depth + 1);
      });
  };
  const rules =
    typeof value === 'object' && value !== null ? (value as { rules?: unknown }).rules : undefined;
  if (Array.isArray(rules)) {
    rules.forEach((rule: unknown, index) => {
      if (typeof rule === 'object' && rule !== null)
        visit((rule as { when?: unknown }).when, ['rules', index, 'when'], 0);
    });
  }
  return found;
}

/**
 * The schema's issues, with an unknown condition said as one: the closed set of conditions named, instead of a
 * union's "invalid input".
 */
function describeShapeIssues(
  value: unknown,
  zodIssues: Parameters<typeof fromZodIssues>[0]
): AttendanceIssue[] {
  const unknown = unknownConditions(value);
  const within = (path: readonly PropertyKey[], prefix: readonly (string | number)[]): boolean =>
    prefix.every((part, index) => path[index] === part);
  const rest = zodIssues.filter((zodIssue) => !unknown.some(({ path }) => within(zodIssue.path, path)));
  return [
    ...unknown.map(({ path, test }): AttendanceIssue => ({
      code: 'invalid_value',
      severity: 'error',
      message: `${path.join('.')}: unknown condition ${typeof test === 'string' ? `"${test.slice(0, 80)}"` : describeValue(test)}; a ladder's conditions are ${CONDITION_TESTS.join(', ')}.`,
      path: [...path, 'test'],
      field: 'test',
      expected: `one of ${CONDITION_TESTS.join(', ')}`,
      received: typeof test === 'string' ? JSON.stringify(test.slice(0, 80)) : describeValue(test),
    })),
    ...fromZodIssues(rest),
  ];
}

/**
 * Validates a ladder of support and escalation given as data (e.g. parsed from a trust's JSON file): its shape
 * (conditions from the closed set in {@link LadderCondition}, no unknown fields) and its structure (every stage
 * reachable from stage 0, a way out of every stage not marked terminal, every action it makes due defined).
 *
 * @param value - The ladder, as untrusted data.
 * @returns The ladder, ready for {@link transition} and {@link runEscalation}.
 * @throws {@link AttendanceError} Listing every problem with its path (e.g. `['rules', 3, 'to']`).
 * @example
 * const ladder = defineEscalationLadder(JSON.parse(JSON.stringify(trustLadder())));
 * ladder.stages[1].name //=> 'letter and monitoring'
 * @category Escalation
 */
export function defineEscalationLadder(value: unknown): EscalationLadder {
  const parsed = escalationLadderSchema().safeParse(value, ZOD_PARSE_CONTEXT);
  const issues = parsed.success ? checkLadder(parsed.data) : describeShapeIssues(value, parsed.error.issues);
  const [first, ...rest] = issues;
  if (first !== undefined) throw new AttendanceError([first, ...rest]);
  return parsed.data as EscalationLadder;
}
