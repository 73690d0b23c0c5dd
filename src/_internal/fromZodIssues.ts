import type { z } from 'zod';
import type { AttendanceIssue, AttendanceIssueCode } from '../errors.js';

function describeReceived(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (typeof input === 'string') return JSON.stringify(input);
  const text = JSON.stringify(input) as string | undefined;
  if (text === undefined) return typeof input;
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function describePath(path: readonly PropertyKey[]): string {
  return path.length === 0
    ? 'the input'
    : path
        .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
        .join('')
        .replace(/^\./, '');
}

/** Translates zod's issues into located {@link AttendanceIssue}s; custom checks carry their own code in `params`. */
export function fromZodIssues(
  issues: readonly z.core.$ZodIssue[],
  context: Partial<Pick<AttendanceIssue, 'pupilId' | 'date' | 'session'>> = {}
): AttendanceIssue[] {
  return issues.map((issue) => {
    const path = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
    const params =
      issue.code === 'custom'
        ? (issue.params as { code?: AttendanceIssueCode; expected?: string } | undefined)
        : undefined;
    const field = [...path].reverse().find((part): part is string => typeof part === 'string');
    const expected =
      params?.expected ??
      ('expected' in issue && typeof issue.expected === 'string' ? issue.expected : undefined);
    return {
      code: params?.code ?? 'invalid_value',
      severity: 'error',
      message: `${describePath(path)}: ${issue.message}`,
      path,
      ...context,
      ...(field === undefined ? {} : { field }),
      ...(expected === undefined ? {} : { expected }),
      received: describeReceived(issue.input),
    } satisfies AttendanceIssue;
  });
}
