import { defineSchoolCalendar } from '../../../calendar/defineSchoolCalendar.js';
import type { SchoolCalendar } from '../../../calendar/types.js';
import { AttendanceError } from '../../../errors.js';
import type { AttendanceIssue } from '../../../errors.js';
import { invalidArgument } from '../../../_internal/issues.js';
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
  if (typeof value === 'string') return value;
  if (typeof value === 'symbol') return value.toString();
  if (typeof value === 'function') return 'a function';
  if (typeof value !== 'object' || value === null) return String(value);
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    text = undefined;
  }
  if (text === undefined) return Array.isArray(value) ? 'an array' : 'an object';
  return text.length > MAX_DESCRIPTION_LENGTH ? `${text.slice(0, MAX_DESCRIPTION_LENGTH - 3)}...` : text;
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
