import { defineSchoolCalendar } from '../../../calendar/defineSchoolCalendar.js';
import type { SchoolCalendar } from '../../../calendar/types.js';
import { AttendanceError } from '../../../errors.js';
import type { AttendanceIssue } from '../../../errors.js';
import { invalidArgument } from '../../../_internal/issues.js';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_LINE_BYTES } from '../../limits/inputLimits.js';
import type { CtfDayModel } from '../types.js';

/** Layout options with their defaults filled in and checked. */
export interface ResolvedLayout {
  readonly dayModel: CtfDayModel | 'auto';
  readonly calendar: SchoolCalendar | undefined;
  readonly notInSession: string;
  readonly noMark: string;
  readonly codeWidth: 1 | 2;
}

/** The layout options as a caller may pass them (any of the option types). */
export interface LayoutInput {
  readonly dayModel?: CtfDayModel | 'auto' | undefined;
  readonly calendar?: SchoolCalendar | undefined;
  readonly notInSessionCharacter?: string | undefined;
  readonly noMarkCharacter?: string | undefined;
  readonly codeWidth?: 1 | 2 | undefined;
}

const DAY_MODELS: readonly unknown[] = ['calendarDays', 'schoolDays', 'auto'];
const MAX_DESCRIPTION_LENGTH = 60;

/**
 * An option value in words for a message. Options may come from untyped callers (JSON, the command line,
 * plain JavaScript), so this must cope with any value, including symbols and objects without a prototype.
 */
function describe(value: unknown): string {
  if (typeof value === 'string') return cap(value);
  if (typeof value === 'symbol') return cap(value.toString());
  if (typeof value === 'function') return 'a function';
  if (typeof value !== 'object' || value === null) return String(value);
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  if (text === undefined) return Array.isArray(value) ? 'an array' : 'an object';
  return cap(text);
}

/** A value in words cut to a length a message can show. */
function cap(text: string): string {
  if (text.length <= MAX_DESCRIPTION_LENGTH) return text;
  // Never cut a surrogate pair in two.
  let end = MAX_DESCRIPTION_LENGTH - 3;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}...`;
}

function isOneCharacter(value: unknown): value is string {
  return typeof value === 'string' && value.length === 1 && value !== ' ';
}

function invalidOption(field: string, message: string, expected: string, received: unknown): never {
  return invalidArgument({
    code: 'invalid_value',
    message,
    path: [field],
    field,
    expected,
    received: describe(received),
  });
}

function checkFiller(field: string, value: unknown): string {
  if (isOneCharacter(value)) return value;
  return invalidOption(
    field,
    `The ${field} option must be one character other than a space, not "${describe(value)}".`,
    'one character other than a space',
    value
  );
}

// Validated once per calendar object: a caller reading many files with one calendar pays for it once.
const checkedCalendars = new WeakMap<object, SchoolCalendar>();

function checkCalendar(calendar: unknown): SchoolCalendar | undefined {
  if (calendar === undefined) return undefined;
  if (typeof calendar !== 'object' || calendar === null) {
    return invalidOption(
      'calendar',
      `The calendar option must be a school calendar (see defineSchoolCalendar), not ${describe(calendar)}.`,
      'a school calendar',
      calendar
    );
  }
  const known = checkedCalendars.get(calendar);
  if (known !== undefined) return known;
  let checked: SchoolCalendar;
  try {
    checked = defineSchoolCalendar(calendar);
  } catch (error) {
    const within = (issue: AttendanceIssue): AttendanceIssue => ({
      ...issue,
      message: `The calendar option is not a valid school calendar: ${issue.message}`,
      path: ['calendar', ...issue.path],
    });
    if (error instanceof AttendanceError) {
      const [first, ...rest] = error.issues;
      throw new AttendanceError([within(first), ...rest.map(within)]);
    }
    // A value no JSON could hold (a BigInt, say) trips up the description of the problem, not the check.
    return invalidOption(
      'calendar',
      'The calendar option is not a school calendar.',
      'a school calendar',
      calendar
    );
  }
  checkedCalendars.set(calendar, checked);
  return checked;
}

/**
 * Fills in the layout defaults and checks them; a bad option is a programmer error and throws at once.
 *
 * @param options - The caller's options.
 * @param allowAuto - Whether `dayModel: 'auto'` is allowed (reading only).
 * @returns The resolved layout.
 * @throws {@link AttendanceError} For an unknown day model, a code width other than 1 or 2, or filler
 *   characters that are not single, distinct, non-space characters.
 * @example
 * resolveLayout({}, true).notInSession //=> '#'
 */
export function resolveLayout(options: LayoutInput, allowAuto: boolean): ResolvedLayout {
  // Options may come from untyped callers (JSON, the command line), so their values are checked at run time.
  const input: unknown = options;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    invalidArgument({
      code: 'invalid_value',
      message: `The options must be an object, not ${describe(input)}.`,
      path: [],
      field: 'options',
      expected: 'an object of options',
      received: describe(input),
    });
  }
  const dayModel: unknown = options.dayModel ?? 'calendarDays';
  if (!DAY_MODELS.includes(dayModel) || (!allowAuto && dayModel === 'auto')) {
    invalidOption(
      'dayModel',
      `Unknown CTF day model "${describe(dayModel)}".`,
      allowAuto ? '"calendarDays", "schoolDays" or "auto"' : '"calendarDays" or "schoolDays"',
      dayModel
    );
  }
  const codeWidth: unknown = options.codeWidth ?? 1;
  if (codeWidth !== 1 && codeWidth !== 2) {
    invalidOption(
      'codeWidth',
      `A CTF code width is 1 or 2 characters per session, not ${describe(codeWidth)}.`,
      '1 or 2',
      codeWidth
    );
  }
  const notInSession = checkFiller('notInSessionCharacter', options.notInSessionCharacter ?? '#');
  const noMark = checkFiller('noMarkCharacter', options.noMarkCharacter ?? '-');
  if (notInSession === noMark) {
    invalidOption(
      'noMarkCharacter',
      `The not-in-session and no-mark characters must differ; both are "${noMark}".`,
      `a character other than "${notInSession}"`,
      noMark
    );
  }
  return {
    dayModel: dayModel as CtfDayModel | 'auto',
    calendar: checkCalendar(options.calendar),
    notInSession,
    noMark,
    codeWidth,
  };
}

/**
 * Checks the `source` option: the file name copied into every issue.
 *
 * @param source - The option as the caller gave it.
 * @returns The file name, if any.
 * @throws {@link AttendanceError} If it is given and is not a string.
 * @example
 * resolveSource('transfer.xml') //=> 'transfer.xml'
 */
export function resolveSource(source: unknown): string | undefined {
  if (source === undefined || typeof source === 'string') return source;
  return invalidOption(
    'source',
    `The source option must be a file name, not ${describe(source)}.`,
    'a file name',
    source
  );
}

/** The input limits with their defaults filled in and checked. */
export interface ResolvedLimits {
  readonly maxLineBytes: number;
  readonly maxDepth: number;
}

function checkLimit(field: string, value: unknown, fallback: number, unit: string): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1) return value;
  return invalidOption(
    field,
    `The ${field} option must be a whole number of ${unit}, 1 or more, not ${describe(value)}.`,
    `a whole number of ${unit}, 1 or more`,
    value
  );
}

/**
 * Fills in the input limits' defaults and checks them.
 *
 * @param options - The caller's options.
 * @returns The longest line (or text run) and the deepest nesting accepted.
 * @throws {@link AttendanceError} If a limit is not a whole number of 1 or more.
 * @example
 * resolveLimits({ maxDepth: 10 }) //=> { maxLineBytes: 1048576, maxDepth: 10 }
 */
export function resolveLimits(options: {
  readonly maxLineBytes?: unknown;
  readonly maxDepth?: unknown;
}): ResolvedLimits {
  return {
    maxLineBytes: checkLimit('maxLineBytes', options.maxLineBytes, DEFAULT_MAX_LINE_BYTES, 'bytes'),
    maxDepth: checkLimit('maxDepth', options.maxDepth, DEFAULT_MAX_DEPTH, 'levels'),
  };
}

/**
 * Reads the named options once into a plain object, so that a getter or proxy that throws when read comes
 * back as an invalid option (an {@link AttendanceError}) rather than as some other error. Anything that is not
 * a plain object of options is returned as it is, for the checks to refuse.
 *
 * @param options - The options as the caller gave them.
 * @param names - The option names to read.
 * @returns The options as plain values.
 * @throws {@link AttendanceError} If reading an option throws.
 * @example
 * readOptions({ codeWidth: 2, other: 1 }, ['codeWidth']) //=> { codeWidth: 2 }
 */
export function readOptions(options: unknown, names: readonly string[]): unknown {
  if (typeof options !== 'object' || options === null) return options;
  try {
    if (Array.isArray(options)) return options;
    const values: Record<string, unknown> = {};
    for (const name of names) {
      const value: unknown = (options as Record<string, unknown>)[name];
      if (value !== undefined) values[name] = value;
    }
    return values;
  } catch {
    return invalidArgument({
      code: 'invalid_value',
      message: 'The options could not be read: reading them threw an error.',
      path: [],
      field: 'options',
      expected: 'an object of options',
      received: 'an object whose properties throw when read',
    });
  }
}
