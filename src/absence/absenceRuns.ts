import type { ContinuousAbsenceRun, OtherAbsenceTreatment } from './types.js';
import { assertCompactRegisterShape } from '../sessions/assertCompactRegisterShape.js';
import type { IsoDate, SchoolCalendar, Session } from '../calendar/types.js';
import { COMPACT_CODES, toCompactCode } from '../codes/compactCodes.js';
import type { RegisterCode } from '../codes/types.js';
import type { AttendanceIssue } from '../errors.js';
import type { CompactRegister, SessionMark } from '../sessions/types.js';
import { duplicateMarkIssue, unknownCodeIssue } from '../_internal/codeIssues.js';
import {
  AUTHORISED,
  CATEGORY_BY_SET,
  CODE_COUNT,
  NOT_IN_SET,
  NOT_POSSIBLE,
  SET_2024,
  SET_PRE_2024,
  UNAUTHORISED,
} from '../_internal/codeTables.js';
import { AM_OPEN, compileCalendar, PM_OPEN } from '../_internal/compiledCalendar.js';
import type { CompiledCalendar } from '../_internal/compiledCalendar.js';
import { invalidArgument, throwIfErrors } from '../_internal/issues.js';
import { ascendingOrder } from '../_internal/markOrder.js';
import { checkRegister } from '../sessions/checkMarks.js';

/** What a run is looked for with. */
export interface RunScanOptions {
  readonly codes: readonly RegisterCode[];
  readonly otherAbsence?: OtherAbsenceTreatment | undefined;
}

// What one session (and then one day) does to a run.
const COUNTS = 0;
const NEUTRAL = 1;
const BREAKS = 2;

/** The class-table index of a session with no mark in the register; byte 0 is a mark of "no mark yet". */
const MISSING = 256;
const NOT_IN_CALENDAR = -1;

/**
 * Every code has the same statistical category in both code sets (J, H, F and Y exist only in the pre-2024 set;
 * K, C1, C2, J1, Q and Y1–Y7 only in the 2024 set), so one table classifies a code whatever the session's date.
 */
const CATEGORY_OF_BYTE: Uint8Array = CATEGORY_BY_SET[SET_2024].map((category, byte) =>
  category === NOT_IN_SET ? CATEGORY_BY_SET[SET_PRE_2024][byte]! : category
);

/** `true` when a byte is a code the library knows and not "no mark yet". */
function isKnownMarkByte(byte: number): boolean {
  return byte > 0 && byte < CODE_COUNT;
}

function isList(value: unknown): value is readonly string[] {
  return Array.isArray(value);
}

/**
 * Checks run options made by hand (the types already rule most mistakes out for TypeScript callers); a broken
 * option is a programmer error, thrown at once with every problem found.
 *
 * @param options - The options.
 * @param path - Where they are in the caller's arguments, for issues.
 * @example
 * checkRunOptions(options, ['options']);
 */
export function checkRunOptions(options: RunScanOptions, path: readonly (string | number)[] = []): void {
  const issues: AttendanceIssue[] = [];
  // Options may come from JavaScript or JSON, so their shapes are checked as unknown values.
  const codes: unknown = options.codes;
  if (!isList(codes) || codes.length === 0) {
    issues.push({
      code: 'invalid_value',
      severity: 'error',
      message: 'A run needs at least one register code to look for.',
      path: [...path, 'codes'],
      field: 'codes',
      expected: 'one or more register codes',
      received: isList(codes) ? 'an empty list' : typeof codes,
    });
  } else {
    codes.forEach((code, index) => {
      const byte = toCompactCode(code);
      if (byte === undefined) {
        issues.push(unknownCodeIssue(code, { path: [...path, 'codes', index] }));
      } else if (byte === 0) {
        issues.push({
          code: 'invalid_value',
          severity: 'error',
          message:
            'A run cannot be made of sessions with no mark yet: an unmarked session is not known to be an absence.',
          path: [...path, 'codes', index],
          field: 'codes',
          expected: 'a register code',
          received: code,
        });
      }
    });
  }
  const otherAbsence: unknown = options.otherAbsence;
  if (otherAbsence !== undefined && otherAbsence !== 'breaks' && otherAbsence !== 'continues') {
    const received = typeof otherAbsence === 'string' ? otherAbsence : typeof otherAbsence;
    issues.push({
      code: 'invalid_value',
      severity: 'error',
      message: `otherAbsence must be "breaks" or "continues", not "${received}".`,
      path: [...path, 'otherAbsence'],
      field: 'otherAbsence',
      expected: '"breaks" or "continues"',
      received,
    });
  }
  throwIfErrors(issues);
}

/**
 * Throws when a policy count (a school day number, a threshold) is not a positive whole number.
 *
 * @param value - The count.
 * @param path - Where it is in the options.
 * @param what - What it counts, for the message.
 * @example
 * checkPositiveInteger(policy.days, ['days'], 'school days');
 */
export function checkPositiveInteger(value: number, path: readonly (string | number)[], what: string): void {
  if (Number.isSafeInteger(value) && value >= 1) return;
  invalidArgument({
    code: 'invalid_value',
    message: `${what} must be a whole number of school days, 1 or more; received ${String(value)}.`,
    path,
    field: String(path[path.length - 1] ?? ''),
    expected: 'a positive whole number',
    received: String(value),
  });
}

const ordinalsByCalendar = new WeakMap<CompiledCalendar, Int32Array>();

/** Each calendar day's place among the calendar's school days (0 for the first), or -1 for a day without sessions. */
function schoolDayOrdinals(calendar: CompiledCalendar): Int32Array {
  let ordinals = ordinalsByCalendar.get(calendar);
  if (ordinals === undefined) {
    ordinals = new Int32Array(calendar.openSessions.length).fill(-1);
    let next = 0;
    for (let day = 0; day < ordinals.length; day += 1) {
      if (calendar.openSessions[day] !== 0) {
        ordinals[day] = next;
        next += 1;
      }
    }
    ordinalsByCalendar.set(calendar, ordinals);
  }
  return ordinals;
}

/**
 * The run-finding state machine, fed one register day at a time in date order. Each day costs a constant amount
 * of work, so a scan is linear in the register's length.
 */
class RunScanner {
  readonly runs: ContinuousAbsenceRun[] = [];
  readonly issues: AttendanceIssue[] = [];
  readonly compiled: CompiledCalendar;
  private readonly ordinals: Int32Array;
  /** What a session with each byte (and MISSING) does to a run. */
  private readonly classes = new Uint8Array(MISSING + 1);
  /** For each counted byte, its place in `countedCodes` plus one; 0 for bytes not counted. */
  private readonly countedPlace = new Uint8Array(256);
  private readonly countedCodes: RegisterCode[] = [];
  private readonly seen: Uint8Array;
  private dates: IsoDate[] = [];
  private sessions = 0;
  private lastOrdinal = -2;
  private readonly calendarName: string;

  constructor(calendar: SchoolCalendar, options: RunScanOptions) {
    this.calendarName = calendar.name;
    this.compiled = compileCalendar(calendar);
    this.ordinals = schoolDayOrdinals(this.compiled);
    const otherAbsence = options.otherAbsence === 'continues' ? NEUTRAL : BREAKS;
    for (let byte = 0; byte <= MISSING; byte += 1) {
      const category = byte < CODE_COUNT ? CATEGORY_OF_BYTE[byte]! : NOT_IN_SET;
      // Present, approved educational activity, no mark yet, a missing session and unknown bytes (errors anyway)
      // all break a run.
      let sessionClass = BREAKS;
      if (category === NOT_POSSIBLE) sessionClass = NEUTRAL;
      else if (category === AUTHORISED || category === UNAUTHORISED) sessionClass = otherAbsence;
      this.classes[byte] = sessionClass;
    }
    for (const code of options.codes) {
      const byte = toCompactCode(code);
      if (byte === undefined || !isKnownMarkByte(byte) || this.countedPlace[byte] !== 0) continue;
      this.countedCodes.push(COMPACT_CODES[byte]!);
      this.countedPlace[byte] = this.countedCodes.length;
      this.classes[byte] = COUNTS;
    }
    this.seen = new Uint8Array(this.countedCodes.length);
  }

  /** The calendar day of a date, or NOT_IN_CALENDAR. */
  dayOf(date: IsoDate): number {
    return this.compiled.dayIndexByDate.get(date) ?? NOT_IN_CALENDAR;
  }

  /** Checks that a counted mark falls on a session the calendar has open; marks not counted are not looked at. */
  checkPlaced(
    day: number,
    byte: number,
    code: string,
    location: {
      path: (string | number)[];
      pupilId?: string | undefined;
      date: IsoDate;
      session: Session;
    }
  ): void {
    if (byte >= MISSING || this.classes[byte] !== COUNTS) return;
    const bit = location.session === 'AM' ? AM_OPEN : PM_OPEN;
    if (day !== NOT_IN_CALENDAR && (this.compiled.openSessions[day]! & bit) !== 0) return;
    const outside = day === NOT_IN_CALENDAR;
    this.issues.push({
      code: outside ? 'outside_calendar' : 'mark_on_closed_session',
      severity: 'error',
      message: outside
        ? `Counted mark "${code}" (${location.date} ${location.session}) is outside the calendar "${this.calendarName}".`
        : `Counted mark "${code}" (${location.date} ${location.session}) falls on a session the calendar "${this.calendarName}" has closed (a weekend, a holiday or a closure).`,
      path: location.path,
      ...(location.pupilId === undefined ? {} : { pupilId: location.pupilId }),
      date: location.date,
      session: location.session,
      field: 'date',
      expected: outside ? 'a date within the calendar' : 'a session the calendar has open',
      received: `${location.date} ${location.session}`,
    });
  }

  /** Feeds one register day: the bytes of its morning and afternoon marks, or MISSING where there is none. */
  day(day: number, date: IsoDate, morning: number, afternoon: number): void {
    if (day === NOT_IN_CALENDAR) return;
    const open = this.compiled.openSessions[day]!;
    // Weekends, holidays and whole-day closures are not school days: they neither count nor break a run.
    if (open === 0) return;
    const ordinal = this.ordinals[day]!;
    // A school day between the last one fed and this one is not in the register: nothing shows absence on it.
    if (ordinal !== this.lastOrdinal + 1) this.close();
    this.lastOrdinal = ordinal;
    const morningClass = (open & AM_OPEN) === 0 ? COUNTS : this.classes[morning]!;
    const afternoonClass = (open & PM_OPEN) === 0 ? COUNTS : this.classes[afternoon]!;
    const dayClass = Math.max(morningClass, afternoonClass);
    if (dayClass === BREAKS) {
      this.close();
      return;
    }
    // A day counts only when every open session counts; a day mixing counted and neutral sessions is neutral.
    if (dayClass === NEUTRAL) return;
    this.dates.push(date);
    if ((open & AM_OPEN) !== 0) this.count(morning);
    if ((open & PM_OPEN) !== 0) this.count(afternoon);
  }

  private count(byte: number): void {
    this.sessions += 1;
    this.seen[this.countedPlace[byte]! - 1] = 1;
  }

  /** Ends the current run, if there is one. */
  close(): void {
    if (this.dates.length === 0) return;
    const dates = this.dates;
    this.runs.push({
      startDate: dates[0]!,
      endDate: dates[dates.length - 1]!,
      schoolDays: dates.length,
      sessions: this.sessions,
      codes: this.countedCodes.filter((_, place) => this.seen[place] === 1),
      dates,
    });
    this.dates = [];
    this.sessions = 0;
    this.seen.fill(0);
  }
}

/** The runs of a register of marks as objects, in any order: sorted once when needed, then one pass. */
function scanMarks(
  marks: readonly SessionMark[],
  calendar: SchoolCalendar,
  options: RunScanOptions,
  inOrder: boolean
): ContinuousAbsenceRun[] {
  const scanner = new RunScanner(calendar, options);
  const order = inOrder ? null : ascendingOrder(marks);
  let date: IsoDate | undefined;
  let day = NOT_IN_CALENDAR;
  let morning = MISSING;
  let afternoon = MISSING;
  let morningIndex = -1;
  let afternoonIndex = -1;
  for (let position = 0; position < marks.length; position += 1) {
    const index = order === null ? position : order[position]!;
    const mark = marks[index]!;
    if (mark.date !== date) {
      if (date !== undefined) scanner.day(day, date, morning, afternoon);
      date = mark.date;
      day = scanner.dayOf(date);
      morning = MISSING;
      afternoon = MISSING;
      morningIndex = -1;
      afternoonIndex = -1;
    }
    const location = { path: [index], pupilId: mark.pupilId, date: mark.date, session: mark.session };
    const earlier = mark.session === 'AM' ? morningIndex : afternoonIndex;
    if (earlier >= 0) {
      const earlierCode = marks[earlier]!.code;
      scanner.issues.push(duplicateMarkIssue(earlier, index, earlierCode, mark.code, location, undefined));
      continue;
    }
    let byte = toCompactCode(mark.code);
    if (byte === undefined) {
      scanner.issues.push(unknownCodeIssue(mark.code, { ...location, path: [index, 'code'] }));
      byte = MISSING;
    }
    scanner.checkPlaced(day, byte, mark.code, { ...location, path: [index, 'date'] });
    if (mark.session === 'AM') {
      morning = byte;
      morningIndex = index;
    } else {
      afternoon = byte;
      afternoonIndex = index;
    }
  }
  if (date !== undefined) scanner.day(day, date, morning, afternoon);
  scanner.close();
  throwIfErrors(scanner.issues);
  return scanner.runs;
}

/** The runs of a compact register: one pass over its slots, which are in register order by construction. */
function scanCompact(
  register: CompactRegister,
  calendar: SchoolCalendar,
  options: RunScanOptions
): ContinuousAbsenceRun[] {
  const { codes, slots } = register;
  assertCompactRegisterShape(register);
  const scanner = new RunScanner(calendar, options);
  let date: IsoDate | undefined;
  let day = NOT_IN_CALENDAR;
  let morning = MISSING;
  let afternoon = MISSING;
  for (let slot = 0; slot < codes.length; slot += 1) {
    const slotDate = slots.dates[slot]!;
    const session = slots.sessions[slot]!;
    if (slotDate !== date) {
      if (date !== undefined) scanner.day(day, date, morning, afternoon);
      date = slotDate;
      day = scanner.dayOf(date);
      morning = MISSING;
      afternoon = MISSING;
    }
    let byte: number = codes[slot]!;
    const location = { path: ['codes', slot], pupilId: register.pupilId, date: slotDate, session };
    if (byte >= CODE_COUNT) {
      scanner.issues.push(unknownCodeIssue(`byte ${byte}`, location));
      byte = MISSING;
    }
    scanner.checkPlaced(day, byte, COMPACT_CODES[byte] ?? '', location);
    if (session === 'AM') morning = byte;
    else afternoon = byte;
  }
  if (date !== undefined) scanner.day(day, date, morning, afternoon);
  scanner.close();
  throwIfErrors(scanner.issues);
  return scanner.runs;
}

/**
 * The runs of continuous absence in a register of either form; options are checked first.
 *
 * @param register - The pupil's marks or compact register.
 * @param calendar - The calendar whose school days the runs cross.
 * @param options - What counts as absence and how other marks are treated.
 * @param optionsPath - Where the options are in the caller's arguments, for issues.
 * @returns The runs, in date order.
 * @example
 * scanRuns(marks, calendar, { codes: ['I'] }, ['options']);
 */
export function scanRuns(
  register: readonly SessionMark[] | CompactRegister,
  calendar: SchoolCalendar,
  options: RunScanOptions,
  optionsPath: readonly (string | number)[] = []
): ContinuousAbsenceRun[] {
  checkRunOptions(options, optionsPath);
  const issues: AttendanceIssue[] = [];
  const form = checkRegister(register, issues);
  throwIfErrors(issues);
  return form === 'compact'
    ? scanCompact(register as CompactRegister, calendar, options)
    : scanMarks(register as readonly SessionMark[], calendar, options, form === 'marks-in-order');
}
