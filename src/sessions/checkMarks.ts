import { MAX_EXCERPT_LENGTH } from '../_internal/excerpt.js';
import { CODE_SET_2024_START } from '../codes/codeSetDates.js';
import type { AttendanceIssue } from '../errors.js';
import { isIsoDateText } from '../calendar/isIsoDate.js';
import type { SessionSlots } from './types.js';

// The one check of register input that every function reading marks makes before it trusts them: marks as
// objects (`{ date, session, code }`), the slots of compact registers, and the register argument itself. Each
// reader keeps its own rules about codes (an unknown code is an error to a count, and of no interest to a window
// that does not count it); what is checked here is that a mark is a mark at all: an object whose date names a real
// day, whose session is AM or PM and whose code is text.

/** Where a list of marks sits in the caller's arguments, and whose they are. */
export interface MarkContext {
  /** Put before each mark's index in issue paths, e.g. `[pupilId]` for one pupil's marks in a cohort. */
  readonly pathPrefix?: readonly (string | number)[];
  /** The pupil the marks belong to, when the caller knows it; a mark's own `pupilId` is named first. */
  readonly pupilId?: string | undefined;
}

const NO_CONTEXT: MarkContext = {};

/**
 * A value as issue text: strings as they are (cut to their first {@link MAX_EXCERPT_LENGTH} characters when
 * longer), other values named by their kind, never by calling their own conversion (an object without a
 * prototype has none, and a symbol refuses a template literal).
 *
 * @param value - Anything.
 * @returns Text for `received` and messages.
 * @example
 * describeValue(null) //=> 'null'
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value.length <= MAX_EXCERPT_LENGTH ? value : shortened(value);
    case 'undefined':
      return 'nothing';
    case 'number':
    case 'boolean':
      return String(value);
    case 'bigint':
      return `${value.toString()}n`;
    case 'symbol':
      return value.toString();
    case 'function':
      return 'a function';
    default:
      return value === null ? 'null' : Array.isArray(value) ? 'an array' : 'an object';
  }
}

/**
 * The first {@link MAX_EXCERPT_LENGTH} characters of a long text and how many more there were: a huge value
 * (a whole file passed as a date) must never flood a message.
 */
function shortened(text: string): string {
  // Never cut a surrogate pair in two: the quotation must itself be well-formed text.
  const end = isHighSurrogate(text.charCodeAt(MAX_EXCERPT_LENGTH - 1))
    ? MAX_EXCERPT_LENGTH - 1
    : MAX_EXCERPT_LENGTH;
  return `${text.slice(0, end)}… (${text.length - end} more characters)`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function quoted(value: unknown): string {
  return typeof value === 'string' ? `"${describeValue(value)}"` : describeValue(value);
}

/** A whole number of minutes, 0 or more. */
function isMinutes(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** The fields of a mark as read once, for the issue builders. */
interface MarkFields {
  readonly date: unknown;
  readonly session: unknown;
  readonly code: unknown;
  readonly pupilId: unknown;
  readonly minutesLate: unknown;
}

/**
 * Pushes one located issue for each malformed field of a mark (or one for a value that is not a mark at all).
 * Only called once a mark has failed the check, so nothing here is on the counting path.
 */
function reportMark(
  mark: unknown,
  index: number,
  issues: AttendanceIssue[],
  context: MarkContext,
  dateValid: boolean
): void {
  const prefix = context.pathPrefix ?? [];
  const label = `Mark ${index}${context.pupilId === undefined ? '' : ` of pupil ${describeValue(context.pupilId)}`}`;
  if (typeof mark !== 'object' || mark === null) {
    issues.push({
      code: 'invalid_value',
      severity: 'error',
      message: `${label} is ${describeValue(mark)}, not a mark: an object with a date, a session and a code.`,
      path: [...prefix, index],
      ...(context.pupilId === undefined ? {} : { pupilId: context.pupilId }),
      expected: 'a mark: an object with date, session and code',
      received: describeValue(mark),
    });
    return;
  }
  const fields = mark as MarkFields;
  const { date, session, code, minutesLate } = fields;
  const ownPupil = typeof fields.pupilId === 'string' ? fields.pupilId : undefined;
  const pupilId = ownPupil ?? context.pupilId;
  // Each part is untrusted text, named briefly (describeValue cuts a long one) so no message quotes a flood.
  const where = [
    ...(pupilId === undefined ? [] : [`pupil ${describeValue(pupilId)}`]),
    ...(typeof date === 'string' && date !== '' ? [describeValue(date)] : []),
    ...(typeof session === 'string' && session !== '' ? [describeValue(session)] : []),
  ];
  const named = `Mark ${index}${where.length === 0 ? '' : ` (${where.join(', ')})`}`;
  const located = (field: string): Omit<AttendanceIssue, 'code' | 'message' | 'expected' | 'received'> => ({
    severity: 'error',
    path: [...prefix, index, field],
    ...(pupilId === undefined ? {} : { pupilId }),
    ...(typeof date === 'string' ? { date } : {}),
    ...(typeof session === 'string' ? { session } : {}),
    field,
  });
  if (!dateValid) {
    issues.push({
      ...located('date'),
      code: 'invalid_date',
      message: `${named} has date ${quoted(date)}, which is not a real day in YYYY-MM-DD form.`,
      expected: 'a real day as YYYY-MM-DD',
      received: describeValue(date),
    });
  }
  if (session !== 'AM' && session !== 'PM') {
    issues.push({
      ...located('session'),
      code: 'invalid_session',
      message: `${named} has session ${quoted(session)}; expected AM or PM.`,
      expected: 'AM or PM',
      received: describeValue(session),
    });
  }
  if (typeof code !== 'string') {
    issues.push({
      ...located('code'),
      code: 'invalid_value',
      message: `${named} has code ${quoted(code)}; a register code is text, e.g. "/" or "C1" ("-" or "" for no mark yet).`,
      expected: 'a register code as text',
      received: describeValue(code),
    });
  }
  if (fields.pupilId !== undefined && ownPupil === undefined) {
    issues.push({
      ...located('pupilId'),
      code: 'invalid_value',
      message: `${named} has pupilId ${quoted(fields.pupilId)}; a pupil id is text.`,
      expected: 'a pupil id as text',
      received: describeValue(fields.pupilId),
    });
  }
  if (minutesLate !== undefined && !isMinutes(minutesLate)) {
    issues.push({
      ...located('minutesLate'),
      code: 'invalid_value',
      message: `${named} has minutesLate ${quoted(minutesLate)}; expected a whole number of minutes, 0 or more.`,
      expected: 'a whole number of minutes, 0 or more',
      received: describeValue(minutesLate),
    });
  }
}

/**
 * Checks one mark, for a reader that keeps its own loop (the cohort register's build): the same rules and issues
 * as {@link checkMarks}. The caller says whether the date is a real day, so that it can check each distinct date
 * once in its own way.
 *
 * @param mark - The value in the mark's place.
 * @param index - Its index, for the issue path.
 * @param dateValid - Whether its date is a real day (see {@link isIsoDateText}).
 * @param issues - Receives an issue for each malformed field.
 * @param context - The path prefix and pupil of the marks.
 * @returns True when the mark is well formed.
 * @example
 * if (!checkMark(mark, index, isIsoDateText(mark.date), issues, { pathPrefix: [pupilId], pupilId })) continue;
 */
export function checkMark(
  mark: unknown,
  index: number,
  dateValid: boolean,
  issues: AttendanceIssue[],
  context: MarkContext = NO_CONTEXT
): boolean {
  if (dateValid && typeof mark === 'object' && mark !== null) {
    const fields = mark as MarkFields;
    const { session, pupilId, minutesLate } = fields;
    if (
      (session === 'AM' || session === 'PM') &&
      typeof fields.code === 'string' &&
      (pupilId === undefined || typeof pupilId === 'string') &&
      (minutesLate === undefined || isMinutes(minutesLate))
    ) {
      return true;
    }
  }
  reportMark(mark, index, issues, context, dateValid);
  return false;
}

/**
 * The date of a value in a mark's place, when it is a string (else undefined), without trusting the value.
 *
 * @param mark - Anything.
 * @returns The `date` field when the value is an object with a string there.
 * @example
 * dateTextOf({ date: '2024-09-02' }) //=> '2024-09-02'
 */
export function dateTextOf(mark: unknown): string | undefined {
  if (typeof mark !== 'object' || mark === null) return undefined;
  const date = (mark as MarkFields).date;
  return typeof date === 'string' ? date : undefined;
}

// The real days of a recent list of marks, in date order, and a spare list. A cohort's registers share their
// dates, so most dates of the next pupil's marks are found here by one comparison with the next entry, without
// reading their characters again; a date not found is read by isIsoDateText. Only dates that passed isIsoDateText are
// ever stored, so a match can only ever be a real day. Nothing is allocated per mark: the lists are reused.
let recentDates: string[] = [];
let recentCount = 0;
let spareDates: string[] = [];

/**
 * Checks that every element of an object-form register is a well-formed mark, pushing a located issue (path,
 * pupil, date, session, field, expected and received) for each field that is not, and says whether the marks
 * already run in register order, so that the reader need not look at them again to know.
 *
 * @remarks
 * One pass, allocating nothing unless an issue is found: it takes the place of the order check every reader
 * made, at about its cost. Each distinct date is checked once: a mark with the previous mark's date string is not
 * checked again, and a date the previous list of marks had is found by one comparison (a cohort's registers
 * share their dates); any other date is read by {@link isIsoDateText}, which reads character codes.
 *
 * @param marks - The marks as given.
 * @param issues - Receives the issues.
 * @param context - The path prefix and pupil of the marks.
 * @returns True when the marks are in register order (date, then AM before PM); meaningful only when no issue
 * was pushed.
 * @example
 * const inOrder = checkMarks(marks, issues);
 * throwIfErrors(issues);
 */
export function checkMarks(
  marks: unknown,
  issues: AttendanceIssue[],
  context: MarkContext = NO_CONTEXT
): boolean {
  if (!Array.isArray(marks)) {
    issues.push(
      shapeIssue(
        [...(context.pathPrefix ?? [])],
        `Marks are a list of { date, session, code }; received ${describeValue(marks)}.`,
        'an array of marks',
        describeValue(marks)
      )
    );
    return false;
  }
  const list = marks as readonly unknown[];
  // Where the next date is expected in the recent dates. Both lists run in date order (mostly), so a date not at
  // the cursor is looked for further on (a pupil who joined mid-year), and the cursor never moves back.
  let cursor = 0;
  let found = 0;
  let read = 0;
  let inOrder = true;
  // The date and session of the previous well-formed mark; before the first (none yet found or read) there is
  // none, and '' must not pass for it: a mark dated '' would then skip the date check.
  let previousDate = '';
  let previousPm = false;
  const length = list.length;
  for (let index = 0; index < length; index += 1) {
    const mark = list[index];
    if (typeof mark === 'object' && mark !== null) {
      const { date, session, code, pupilId, minutesLate } = mark as MarkFields;
      const pm = session === 'PM';
      if (
        typeof date === 'string' &&
        (pm || session === 'AM') &&
        typeof code === 'string' &&
        (pupilId === undefined || typeof pupilId === 'string') &&
        (minutesLate === undefined || isMinutes(minutesLate))
      ) {
        if (date === previousDate && found + read !== 0) {
          if (previousPm && !pm) inOrder = false;
          previousPm = pm;
          continue;
        }
        if (cursor < recentCount && date === recentDates[cursor]) {
          cursor += 1;
          found += 1;
        } else {
          while (cursor < recentCount && recentDates[cursor]! < date) cursor += 1;
          if (cursor < recentCount && date === recentDates[cursor]) {
            cursor += 1;
            found += 1;
          } else if (isIsoDateText(date)) {
            spareDates[read] = date;
            read += 1;
          } else {
            reportMark(mark, index, issues, context, false);
            continue;
          }
        }
        if (date < previousDate) inOrder = false;
        previousDate = date;
        previousPm = pm;
        continue;
      }
    }
    // Not a well-formed mark: say what is wrong with it.
    const date = dateTextOf(mark);
    reportMark(mark, index, issues, context, date !== undefined && isIsoDateText(date));
  }
  // Dates mostly read rather than found: this list's own read dates serve the next list better.
  if (read > found) {
    const spare = recentDates;
    recentDates = spareDates;
    recentCount = read;
    spareDates = spare;
  }
  return inOrder;
}

/** Slots already checked: those {@link createSessionSlots} made, and any other set the first time it is read. */
const checkedSlots = new WeakSet();

/**
 * Records slots as checked, so that registers over them are not checked again.
 *
 * @param slots - Slots that have passed {@link checkSlotArrays}.
 * @example
 * trustSlots(slots);
 */
export function trustSlots(slots: SessionSlots): void {
  checkedSlots.add(slots);
}

/**
 * Checks the dates and sessions of a period's session slots: each date a real day, each session AM or PM, and
 * (when asked) strictly ascending (date, then AM before PM), so that no session appears twice.
 *
 * @param dates - The slot dates.
 * @param sessions - The slot sessions, as long as `dates`.
 * @param issues - Receives the issues.
 * @param pathOf - The issue path of a slot's field (or of the slot, for one out of order).
 * @param requireOrder - Whether to report slots out of order (as {@link createSessionSlots} does).
 * @returns The index of the first slot on or after the 2024 cut-over (the length when there is none).
 * @example
 * const first2024Index = checkSlotArrays(dates, sessions, issues, (index, field) => [index, field ?? 'date'], true);
 */
export function checkSlotArrays(
  dates: readonly unknown[],
  sessions: readonly unknown[],
  issues: AttendanceIssue[],
  pathOf: (index: number, field: 'date' | 'session' | undefined) => (string | number)[],
  requireOrder: boolean
): number {
  const length = dates.length;
  let first2024Index = length;
  let previous = -1;
  for (let index = 0; index < length; index += 1) {
    const date = dates[index];
    const session = sessions[index];
    const dateValid = typeof date === 'string' && isIsoDateText(date);
    const sessionValid = session === 'AM' || session === 'PM';
    const where = `Session slot ${index} (${describeValue(date)} ${describeValue(session)})`;
    const located = {
      severity: 'error' as const,
      ...(typeof date === 'string' ? { date } : {}),
      ...(typeof session === 'string' ? { session } : {}),
    };
    if (!dateValid) {
      issues.push({
        ...located,
        code: 'invalid_date',
        message: `${where} has date ${quoted(date)}, which is not a real day in YYYY-MM-DD form.`,
        path: pathOf(index, 'date'),
        field: 'date',
        expected: 'a real day as YYYY-MM-DD',
        received: describeValue(date),
      });
    }
    if (!sessionValid) {
      issues.push({
        ...located,
        code: 'invalid_session',
        message: `${where} has session ${quoted(session)}; expected AM or PM.`,
        path: pathOf(index, 'session'),
        field: 'session',
        expected: 'AM or PM',
        received: describeValue(session),
      });
    }
    if (!dateValid || !sessionValid) continue;
    if (first2024Index === length && date >= CODE_SET_2024_START) first2024Index = index;
    if (requireOrder && previous >= 0) {
      const previousDate = dates[previous] as string;
      const previousSession = sessions[previous] as string;
      const ascending =
        date > previousDate || (date === previousDate && previousSession === 'AM' && session === 'PM');
      if (!ascending) {
        issues.push({
          ...located,
          code: 'unsorted_slots',
          message: `Session slot ${index} (${date} ${session}) does not come after slot ${previous} (${previousDate} ${previousSession}).`,
          path: pathOf(index, undefined),
          expected: `a session after ${previousDate} ${previousSession}`,
          received: `${date} ${session}`,
        });
      }
    }
    previous = index;
  }
  return first2024Index;
}

function shapeIssue(
  path: (string | number)[],
  message: string,
  expected: string,
  received: string
): AttendanceIssue {
  return {
    code: 'invalid_value',
    severity: 'error',
    message,
    path,
    ...(typeof path[path.length - 1] === 'string' ? { field: path[path.length - 1] as string } : {}),
    expected,
    received,
  };
}

/**
 * Checks a compact register's session slots: their shape, and (once per slots object) every date and session.
 *
 * @param slots - The slots as given.
 * @param issues - Receives the issues.
 * @param path - Where the slots are in the caller's arguments.
 * @returns True when the slots can be read.
 * @example
 * if (checkSlots(options.slots, issues, ['options', 'slots'])) readOver(options.slots);
 */
export function checkSlots(slots: unknown, issues: AttendanceIssue[], path: (string | number)[]): boolean {
  if (typeof slots === 'object' && slots !== null && checkedSlots.has(slots)) return true;
  const { dates, sessions, first2024Index } = (typeof slots === 'object' && slots !== null ? slots : {}) as {
    dates?: unknown;
    sessions?: unknown;
    first2024Index?: unknown;
  };
  if (!Array.isArray(dates) || !Array.isArray(sessions) || dates.length !== sessions.length) {
    issues.push(
      shapeIssue(
        path,
        'Session slots need a list of dates and a list of sessions of the same length (use createSessionSlots).',
        'session slots from createSessionSlots',
        describeValue(slots)
      )
    );
    return false;
  }
  const before = issues.length;
  // The order is createSessionSlots' to check; slots made by hand have only ever been read in the order given.
  const expectedFirst2024 = checkSlotArrays(
    dates,
    sessions,
    issues,
    (index, field) => [...path, field === 'session' ? 'sessions' : 'dates', index],
    false
  );
  if (issues.length === before && first2024Index !== expectedFirst2024) {
    issues.push(
      shapeIssue(
        [...path, 'first2024Index'],
        `Session slots give first2024Index ${describeValue(first2024Index)}, but their first slot on or after ${CODE_SET_2024_START} is ${expectedFirst2024}.`,
        String(expectedFirst2024),
        describeValue(first2024Index)
      )
    );
  }
  if (issues.length !== before) return false;
  checkedSlots.add(slots as object);
  return true;
}

/** What {@link checkRegister} found a register to be. */
export type RegisterForm = 'marks-in-order' | 'marks' | 'compact' | 'malformed';

/**
 * Checks the register argument of a function that takes marks as objects or a compact register: marks by
 * {@link checkMarks}; a compact register's shape (a byte per slot, slots checked once by {@link checkSlots}).
 *
 * @param register - The register as given.
 * @param issues - Receives the issues.
 * @returns The register's form: marks (already in register order or not), compact, or malformed (with issues).
 * @example
 * const form = checkRegister(register, issues);
 * throwIfErrors(issues);
 */
export function checkRegister(register: unknown, issues: AttendanceIssue[]): RegisterForm {
  const before = issues.length;
  if (Array.isArray(register)) {
    const inOrder = checkMarks(register, issues);
    return issues.length !== before ? 'malformed' : inOrder ? 'marks-in-order' : 'marks';
  }
  if (typeof register !== 'object' || register === null) {
    issues.push(
      shapeIssue(
        [],
        `A register is a list of marks or a compact register; received ${describeValue(register)}.`,
        'an array of marks, or a compact register',
        describeValue(register)
      )
    );
    return 'malformed';
  }
  const { codes, slots, pupilId } = register as { codes?: unknown; slots?: unknown; pupilId?: unknown };
  if (!(codes instanceof Uint8Array)) {
    issues.push(
      shapeIssue(
        ['codes'],
        'A compact register needs its codes as a Uint8Array, one byte per session slot.',
        'a Uint8Array',
        describeValue(codes)
      )
    );
  }
  if (pupilId !== undefined && typeof pupilId !== 'string') {
    issues.push(shapeIssue(['pupilId'], 'A pupil id is text.', 'a pupil id as text', describeValue(pupilId)));
  }
  const slotsValid = checkSlots(slots, issues, ['slots']);
  if (issues.length !== before) return 'malformed';
  const slotCount = (slots as SessionSlots).dates.length;
  if (slotsValid && (codes as Uint8Array).length !== slotCount) {
    issues.push({
      code: 'invalid_value',
      severity: 'error',
      message: `A compact register needs one code per session slot: ${(codes as Uint8Array).length} codes for ${slotCount} slots.`,
      path: ['codes'],
      ...(pupilId === undefined ? {} : { pupilId: pupilId as string }),
      field: 'codes',
      expected: `${slotCount} codes`,
      received: `${(codes as Uint8Array).length} codes`,
    });
    return 'malformed';
  }
  return 'compact';
}
