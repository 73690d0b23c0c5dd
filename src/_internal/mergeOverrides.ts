import type { z } from 'zod/mini';

/**
 * Whether a value is an object whose fields can be merged: a plain object (of any realm, or with no prototype),
 * not `null`, an array, a string, a `Date`, a `Map` or the like, which spreading would silently turn into `{}`
 * or into one field per character.
 */
function isRecord(value: unknown): value is Record<string, unknown> {
  return Object.prototype.toString.call(value) === '[object Object]';
}

/** The issue for a value that should be an object with (any of) the fields of `shape`. */
function notAnObject(value: unknown, path: string[], shape: unknown): z.core.$ZodIssue {
  const fields = Object.keys(isRecord(shape) ? shape : {});
  const expected = `an object with any of ${fields.join(', ')}`;
  // The message names a few fields and `expected` lists them all, so a policy of many fields keeps it short.
  const named =
    fields.length <= 4 ? fields.join(', ') : `${fields.slice(0, 3).join(', ')} and ${fields.length - 3} more`;
  return {
    code: 'custom',
    path,
    input: value,
    message: `Expected an object with any of ${named}`,
    params: { code: 'invalid_value', expected },
  };
}

/**
 * Merges untrusted overrides onto a base: top-level fields replace the base's, and the fields of each group named
 * in `groups` merge field by field. Nothing is merged away in silence: overrides that are not an object, or a
 * group given as anything but an object (a number, a string, `null`, an array), give an issue at their path that
 * names the fields expected, ready for `fromZodIssues`; the base's group stands in for a malformed one, so that
 * the schema checking the result does not report it again. A base that is not an object merges as `{}` (the
 * schema then reports what it lacks).
 *
 * @returns The merged value (`undefined` when the overrides are not an object) and the issues found.
 */
export function mergeOverrides(
  base: unknown,
  overrides: unknown,
  groups: readonly string[]
): { merged: Record<string, unknown> | undefined; issues: z.core.$ZodIssue[] } {
  if (!isRecord(overrides)) return { merged: undefined, issues: [notAnObject(overrides, [], base)] };
  const from = isRecord(base) ? base : {};
  const merged: Record<string, unknown> = { ...from, ...overrides };
  const issues: z.core.$ZodIssue[] = [];
  for (const group of groups) {
    const change = overrides[group];
    const start = isRecord(from[group]) ? from[group] : {};
    if (isRecord(change)) merged[group] = { ...start, ...change };
    else if (change === undefined) merged[group] = from[group];
    else {
      issues.push(notAnObject(change, [group], start));
      merged[group] = from[group];
    }
  }
  return { merged, issues };
}
