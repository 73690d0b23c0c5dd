import type { z } from 'zod/mini';
import type { AttendanceIssue, AttendanceIssueCode } from '../errors.js';

// The units zod's English messages give sizes in, by the kind of value measured.
const SIZE_UNITS: Partial<Record<string, string>> = {
  string: 'characters',
  file: 'bytes',
  array: 'items',
  set: 'items',
  map: 'entries',
};

// What zod's English messages call the type of a value: zod's `util.parsedType`, with the `en` locale's spellings.
function typeName(value: unknown): string {
  if (typeof value === 'number')
    return Number.isNaN(value) ? 'NaN' : Number.isFinite(value) ? 'number' : String(value);
  if (typeof value !== 'object') return typeof value;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const { constructor } = value as { constructor?: { name?: unknown } };
  return Object.getPrototypeOf(value) !== Object.prototype && 'constructor' in value && constructor
    ? String(constructor.name)
    : 'object';
}

function describeValue(value: unknown): string {
  if (typeof value === 'bigint') return `${value}n`;
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/**
 * zod's English messages, word for word as its `en` locale words them, for the issues the library's schemas
 * raise (custom checks carry their own). zod/mini sets no locale, so every message would be "Invalid input";
 * setting one globally with `z.config` would change an application's own schemas too, and the `en` locale carries
 * words for checks no schema here uses. The messages are part of every {@link AttendanceIssue}, so they are
 * pinned here rather than left to a dependency.
 */
function englishMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `Invalid input: expected ${issue.expected === 'nan' ? 'NaN' : issue.expected}, received ${typeName(issue.input)}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `Invalid input: expected ${describeValue(issue.values[0])}`
        : `Invalid option: expected one of ${issue.values.map(describeValue).join('|')}`;
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const comparison = `${big ? '<' : '>'}${issue.inclusive === true ? '=' : ''}`;
      const bound = `${issue.exact === true ? 'exactly ' : comparison}${String(big ? issue.maximum : issue.minimum)}`;
      const unit = SIZE_UNITS[issue.origin];
      return `Too ${big ? 'big' : 'small'}: expected ${issue.origin} ${unit === undefined ? `to be ${bound}` : `to have ${bound} ${unit}`}`;
    }
    case 'invalid_format':
      return `Invalid ${issue.format === 'date' ? 'ISO date' : issue.format}`;
    default:
      return 'Invalid input';
  }
}

/**
 * How every schema of the library is run: with the input reported in each issue (for `received`), and with the
 * English messages of {@link englishMessage}, set for our parses only.
 */
export const ZOD_PARSE_CONTEXT: z.core.ParseContext<z.core.$ZodIssue> = {
  reportInput: true,
  error: englishMessage,
};

const MAX_RECEIVED_LENGTH = 80;

function describeReceived(input: unknown): string {
  if (input === undefined) return 'nothing';
  if (typeof input === 'string') return input;
  const text = JSON.stringify(input) as string | undefined;
  if (text === undefined) return typeof input;
  return text.length > MAX_RECEIVED_LENGTH ? `${text.slice(0, MAX_RECEIVED_LENGTH - 3)}...` : text;
}

function describePath(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'the input';
  return path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${part}`))
    .join('')
    .replace(/^\./, '');
}

function unitOf(origin: string): string {
  if (origin === 'string') return ' characters';
  if (origin === 'array') return ' items';
  return '';
}

/** What zod's built-in checks expected, in words, for the issues that do not say so themselves. */
function describeExpected(issue: z.core.$ZodIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected;
    case 'invalid_format':
      return issue.format === 'date' ? 'a date as YYYY-MM-DD naming a real day' : `a ${issue.format} string`;
    case 'invalid_value':
      return `one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'too_small':
      if (issue.exact === true) return `exactly ${String(issue.minimum)}${unitOf(issue.origin)}`;
      return `${issue.inclusive === false ? 'more than' : 'at least'} ${String(issue.minimum)}${issue.origin === 'string' || issue.origin === 'array' ? ` ${issue.origin === 'string' ? 'characters' : 'items'}` : ''}`;
    case 'too_big':
      if (issue.exact === true) return `exactly ${String(issue.maximum)}${unitOf(issue.origin)}`;
      return `${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}${issue.origin === 'string' || issue.origin === 'array' ? ` ${issue.origin === 'string' ? 'characters' : 'items'}` : ''}`;
    case 'unrecognized_keys':
      return 'no other fields';
    default:
      return undefined;
  }
}

/** Where a problem is, in words: the pupil, date and session the row names. */
function describeContext(context: Partial<Pick<AttendanceIssue, 'pupilId' | 'date' | 'session'>>): string {
  const parts = [
    context.pupilId === undefined ? undefined : `pupil ${context.pupilId}`,
    context.date,
    context.session,
  ].filter((part): part is string => part !== undefined);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** Translates zod's issues into located {@link AttendanceIssue}s; custom checks carry their own code in `params`. */
export function fromZodIssues(
  issues: readonly z.core.$ZodIssue[],
  context: Partial<Pick<AttendanceIssue, 'pupilId' | 'date' | 'session'>> = {}
): AttendanceIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const base = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
      return issue.keys.map((key) => ({
        code: 'invalid_value' as const,
        severity: 'error' as const,
        message: `${describePath([...base, key])}${describeContext(context)}: unknown field "${key}".`,
        path: [...base, key],
        ...context,
        field: key,
        expected: 'no other fields',
        received: key,
      }));
    }
    const path = issue.path.map((part) => (typeof part === 'symbol' ? String(part) : part));
    const params =
      issue.code === 'custom'
        ? (issue.params as { code?: AttendanceIssueCode; expected?: string } | undefined)
        : undefined;
    const field = [...path].reverse().find((part): part is string => typeof part === 'string');
    const expected = params?.expected ?? describeExpected(issue);
    const received = describeReceived(issue.input);
    return {
      code: params?.code ?? 'invalid_value',
      severity: 'error',
      message: `${describePath(path)}${describeContext(context)}: ${issue.message.replace(/\.$/, '')}; received ${received}.`,
      path,
      ...context,
      ...(field === undefined ? {} : { field }),
      ...(expected === undefined ? {} : { expected }),
      received,
    } satisfies AttendanceIssue;
  });
}
