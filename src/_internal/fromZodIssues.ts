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
// Total: an odd constructor (or a getter that throws) makes it say "object" rather than throw.
function typeName(value: unknown): string {
  if (typeof value === 'number')
    return Number.isNaN(value) ? 'NaN' : Number.isFinite(value) ? 'number' : String(value);
  if (typeof value !== 'object') return typeof value;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  try {
    const name: unknown =
      Object.getPrototypeOf(value) === Object.prototype
        ? undefined
        : (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name !== '' ? name : 'object';
  } catch {
    return 'object';
  }
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
// How many levels of nested objects and arrays `received` shows; deeper ones are shown as `{...}` or `[...]`.
const MAX_RECEIVED_DEPTH = 4;

/**
 * What was found, as at most {@link MAX_RECEIVED_LENGTH} characters of JSON-like text. Total, whatever the input:
 * a BigInt is shown as `12n`, a part that contains itself as `[Circular]`, parts nested deeper than
 * {@link MAX_RECEIVED_DEPTH} levels as `{...}` or `[...]`, functions, symbols and `undefined` by their type, and
 * objects other than plain ones and arrays by their constructor's name (`Date`, `Map`). It stops once it has
 * enough text, so a huge input costs no more than a small one, and a getter that throws only ends it early.
 */
function describeReceived(input: unknown): string {
  if (input === undefined) return 'nothing';
  let text = '';
  // The objects and arrays being written, outermost first: their number is the depth.
  const open: unknown[] = [];
  const write = (value: unknown): void => {
    const kind = typeName(value);
    if (text.length > MAX_RECEIVED_LENGTH) return;
    if (typeof value === 'string') text += JSON.stringify(value.slice(0, MAX_RECEIVED_LENGTH));
    else if (typeof value === 'bigint') text += `${value}n`;
    else if (typeof value === 'number' || typeof value === 'boolean') text += String(value);
    else if (open.includes(value)) text += '[Circular]';
    else if (kind !== 'array' && kind !== 'object' && kind !== 'Object') text += kind;
    else {
      const array = kind === 'array';
      text += array ? '[' : '{';
      if (open.length < MAX_RECEIVED_DEPTH) {
        open.push(value);
        let first = true;
        for (const key of array ? (value as unknown[]).keys() : Object.keys(value as object)) {
          if (text.length > MAX_RECEIVED_LENGTH) break;
          text += `${first ? '' : ','}${array ? '' : `${JSON.stringify(key)}:`}`;
          first = false;
          write((value as Record<string | number, unknown>)[key]);
        }
        open.pop();
      } else text += '...';
      text += array ? ']' : '}';
    }
  };
  try {
    if (typeof input === 'string') text = input;
    else write(input);
  } catch {
    text += '...';
  }
  // Cut before a character's first half, never between its two halves.
  return text.length > MAX_RECEIVED_LENGTH
    ? `${text.slice(0, MAX_RECEIVED_LENGTH - 3).replace(/[\uD800-\uDBFF]$/, '')}...`
    : text;
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
      return `${issue.inclusive === false ? 'more than' : 'at least'} ${String(issue.minimum)}${unitOf(issue.origin)}`;
    case 'too_big':
      if (issue.exact === true) return `exactly ${String(issue.maximum)}${unitOf(issue.origin)}`;
      return `${issue.inclusive === false ? 'less than' : 'at most'} ${String(issue.maximum)}${unitOf(issue.origin)}`;
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
        received: describeReceived(key),
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
