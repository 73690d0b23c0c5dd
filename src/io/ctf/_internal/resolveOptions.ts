import type { SchoolCalendar } from '../../../calendar/types.js';
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

const DAY_MODELS: readonly string[] = ['calendarDays', 'schoolDays', 'auto'];

function isOneCharacter(value: string): boolean {
  return value.length === 1 && value !== ' ';
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
  const dayModel = options.dayModel ?? 'calendarDays';
  if (!DAY_MODELS.includes(dayModel) || (!allowAuto && dayModel === 'auto')) {
    invalidArgument({
      code: 'invalid_value',
      message: `Unknown CTF day model "${dayModel}".`,
      path: ['dayModel'],
      field: 'dayModel',
      expected: allowAuto ? '"calendarDays", "schoolDays" or "auto"' : '"calendarDays" or "schoolDays"',
      received: dayModel,
    });
  }
  const codeWidth: number = options.codeWidth ?? 1;
  if (codeWidth !== 1 && codeWidth !== 2) {
    invalidArgument({
      code: 'invalid_value',
      message: `A CTF code width is 1 or 2 characters per session, not ${codeWidth}.`,
      path: ['codeWidth'],
      field: 'codeWidth',
      expected: '1 or 2',
      received: String(codeWidth),
    });
  }
  const notInSession = options.notInSessionCharacter ?? '#';
  const noMark = options.noMarkCharacter ?? '-';
  for (const [field, value] of [
    ['notInSessionCharacter', notInSession],
    ['noMarkCharacter', noMark],
  ] as const) {
    if (!isOneCharacter(value)) {
      invalidArgument({
        code: 'invalid_value',
        message: `The ${field} option must be one character other than a space, not "${value}".`,
        path: [field],
        field,
        expected: 'one character other than a space',
        received: value,
      });
    }
  }
  if (notInSession === noMark) {
    invalidArgument({
      code: 'invalid_value',
      message: `The not-in-session and no-mark characters must differ; both are "${noMark}".`,
      path: ['noMarkCharacter'],
      field: 'noMarkCharacter',
      expected: `a character other than "${notInSession}"`,
      received: noMark,
    });
  }
  return { dayModel, calendar: options.calendar, notInSession, noMark, codeWidth: codeWidth === 2 ? 2 : 1 };
}
