import type { IsoDate, SchoolCalendar, Session } from '../calendar/types.js';
import { COMPACT_CODES, toCompactCode } from '../codes/compactCodes.js';
import type { AttendanceIssue } from '../errors.js';
import type { CompactRegister, SessionMark, SessionSlots } from '../sessions/types.js';
import type {
  RollingWindowResult,
  WindowMark,
  WindowMatch,
  WindowRule,
  WindowUnit,
} from '../windows/types.js';
import { duplicateMarkIssue } from './codeIssues.js';
import { compileCalendar } from './compiledCalendar.js';
import type { CompiledCalendar } from './compiledCalendar.js';
import { addIsoDays } from './dates.js';
import { throwIfErrors } from './issues.js';
import { slideWindow } from './slideWindow.js';
import { ascendingOrder, isAscending } from './markOrder.js';

const DAYS_IN_WEEK = 7;
const NOT_IN_CALENDAR = -1;

// Working memory reused across pupils (counting is synchronous and never re-entered).
let countedIndexes = new Int32Array(1024);
let countedPositions = new Int32Array(1024);

function ensureCapacity(size: number): void {
  if (countedIndexes.length >= size) return;
  countedIndexes = new Int32Array(size * 2);
  countedPositions = new Int32Array(size * 2);
}

const membershipByRule = new WeakMap<WindowRule, Uint8Array>();

/** A 256-entry table: 1 for the bytes of the codes the rule counts. Remembered per rule object. */
export function membershipOf(rule: WindowRule): Uint8Array {
  let membership = membershipByRule.get(rule);
  if (membership === undefined) {
    membership = new Uint8Array(256);
    for (const code of rule.codes) {
      const byte = toCompactCode(code);
      if (byte !== undefined && byte !== 0) membership[byte] = 1;
    }
    membershipByRule.set(rule, membership);
  }
  return membership;
}

/** The position of a day in a unit; NOT_IN_CALENDAR for a school-week position in a week without sessions. */
export function positionOfDay(calendar: CompiledCalendar, day: number, unit: WindowUnit): number {
  if (unit === 'school-weeks') return calendar.schoolWeekOfDay[day] ?? NOT_IN_CALENDAR;
  if (unit === 'calendar-weeks') return Math.floor(day / DAYS_IN_WEEK);
  return day;
}

/** The first day of the period of `length` units that ends with `position`. */
function periodStartOf(calendar: CompiledCalendar, position: number, rule: WindowRule): IsoDate {
  const firstDate = calendar.dates[0]!;
  if (rule.unit === 'school-weeks') {
    return calendar.schoolWeekMondays[Math.max(0, position - rule.length + 1)] ?? firstDate;
  }
  const firstDay =
    rule.unit === 'calendar-weeks' ? (position - rule.length + 1) * DAYS_IN_WEEK : position - rule.length + 1;
  return calendar.dates[firstDay] ?? addIsoDays(firstDate, firstDay);
}

interface SlotDays {
  readonly calendar: SchoolCalendar;
  readonly days: Int32Array;
  readonly positions: Record<WindowUnit, Int32Array>;
}
const slotDaysBySlots = new WeakMap<SessionSlots, SlotDays>();

/** Each slot's day and unit positions in a calendar, computed once per shared slots object. */
function slotDaysOf(slots: SessionSlots, calendar: SchoolCalendar): SlotDays {
  const known = slotDaysBySlots.get(slots);
  if (known?.calendar === calendar) return known;
  const compiled = compileCalendar(calendar);
  const days = new Int32Array(slots.dates.length);
  const positions: Record<WindowUnit, Int32Array> = {
    'school-weeks': new Int32Array(slots.dates.length),
    'calendar-weeks': new Int32Array(slots.dates.length),
    'calendar-days': new Int32Array(slots.dates.length),
  };
  slots.dates.forEach((date, slot) => {
    const day = compiled.dayIndexByDate.get(date) ?? NOT_IN_CALENDAR;
    days[slot] = day;
    for (const unit of ['school-weeks', 'calendar-weeks', 'calendar-days'] as const) {
      positions[unit][slot] = day === NOT_IN_CALENDAR ? NOT_IN_CALENDAR : positionOfDay(compiled, day, unit);
    }
  });
  const result = { calendar, days, positions };
  slotDaysBySlots.set(slots, result);
  return result;
}

function notInSchoolWeekIssue(
  location: { path: (string | number)[]; pupilId?: string | undefined; date: IsoDate; session: Session },
  code: string,
  calendarName: string,
  outside: boolean
): AttendanceIssue {
  return {
    code: outside ? 'outside_calendar' : 'mark_on_closed_session',
    severity: 'error',
    message: outside
      ? `Counted mark "${code}" (${location.date} ${location.session}) is outside the calendar "${calendarName}".`
      : `Counted mark "${code}" (${location.date} ${location.session}) falls in a week without school sessions.`,
    path: location.path,
    ...(location.pupilId === undefined ? {} : { pupilId: location.pupilId }),
    date: location.date,
    session: location.session,
    field: 'date',
    expected: outside ? 'a date within the calendar' : 'a date in a school week',
    received: location.date,
  };
}

function buildResult(
  rule: WindowRule,
  calendar: CompiledCalendar,
  counted: number,
  markAt: (countedIndex: number) => WindowMark
): RollingWindowResult {
  const slide = slideWindow(countedPositions, counted, rule.length, rule.threshold);
  const matchOf = (first: number, last: number): WindowMatch => {
    const marks: WindowMark[] = [];
    for (let index = first; index <= last; index += 1) marks.push(markAt(index));
    return {
      count: last - first + 1,
      periodStart: periodStartOf(calendar, countedPositions[last]!, rule),
      periodEnd: marks[marks.length - 1]!.date,
      marks,
    };
  };
  const windows: WindowMatch[] = [];
  for (let pair = 0; pair < slide.windows.length; pair += 2) {
    windows.push(matchOf(slide.windows[pair]!, slide.windows[pair + 1]!));
  }
  const reached = slide.firstReachedEnd >= 0;
  return {
    rule,
    counted,
    maximum: slide.maximum,
    reached,
    ...(reached ? { firstReached: matchOf(slide.firstReachedStart, slide.firstReachedEnd) } : {}),
    windows,
  };
}

/** The rolling window over marks as objects, in any order. */
export function scanMarks(
  marks: readonly SessionMark[],
  calendar: SchoolCalendar,
  rule: WindowRule
): RollingWindowResult {
  const compiled = compileCalendar(calendar);
  const membership = membershipOf(rule);
  const order = isAscending(marks) ? null : ascendingOrder(marks);
  ensureCapacity(marks.length);
  const issues: AttendanceIssue[] = [];
  let counted = 0;
  let previous: SessionMark | undefined;
  let previousIndex = -1;
  for (let position = 0; position < marks.length; position += 1) {
    const index = order === null ? position : order[position]!;
    const mark = marks[index]!;
    if (previous?.date === mark.date && previous.session === mark.session) {
      issues.push(
        duplicateMarkIssue(
          previousIndex,
          index,
          previous.code,
          mark.code,
          { path: [index], pupilId: mark.pupilId, date: mark.date, session: mark.session },
          undefined
        )
      );
      continue;
    }
    previous = mark;
    previousIndex = index;
    const byte = toCompactCode(mark.code);
    if (byte === undefined || membership[byte] === 0) continue;
    if (rule.countFrom !== undefined && mark.date < rule.countFrom) continue;
    const day = compiled.dayIndexByDate.get(mark.date);
    const unitPosition = day === undefined ? NOT_IN_CALENDAR : positionOfDay(compiled, day, rule.unit);
    if (unitPosition === NOT_IN_CALENDAR) {
      const location = {
        path: [index, 'date'],
        pupilId: mark.pupilId,
        date: mark.date,
        session: mark.session,
      };
      issues.push(notInSchoolWeekIssue(location, mark.code, calendar.name, day === undefined));
      continue;
    }
    countedIndexes[counted] = index;
    countedPositions[counted] = unitPosition;
    counted += 1;
  }
  throwIfErrors(issues);
  return buildResult(rule, compiled, counted, (countedIndex) => {
    const mark = marks[countedIndexes[countedIndex]!]!;
    return { date: mark.date, session: mark.session, code: COMPACT_CODES[toCompactCode(mark.code)!]! };
  });
}

/** The first slot on or after a date, by binary search over the ascending slot dates. */
function firstSlotFrom(slots: SessionSlots, date: IsoDate | undefined): number {
  if (date === undefined) return 0;
  let low = 0;
  let high = slots.dates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (slots.dates[middle]! < date) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The rolling window over a compact register: one scan of one byte per session, then a pass over the counted. */
export function scanCompact(
  register: CompactRegister,
  calendar: SchoolCalendar,
  rule: WindowRule
): RollingWindowResult {
  const { codes, slots } = register;
  const compiled = compileCalendar(calendar);
  const membership = membershipOf(rule);
  const unitPositions = slotDaysOf(slots, calendar).positions[rule.unit];
  const length = Math.min(codes.length, slots.dates.length);
  ensureCapacity(length);
  let counted = 0;
  for (let slot = firstSlotFrom(slots, rule.countFrom); slot < length; slot += 1) {
    if (membership[codes[slot]!] !== 0) {
      countedIndexes[counted] = slot;
      countedPositions[counted] = unitPositions[slot]!;
      counted += 1;
    }
  }
  const issues: AttendanceIssue[] = [];
  for (let index = 0; index < counted; index += 1) {
    if (countedPositions[index] !== NOT_IN_CALENDAR) continue;
    const slot = countedIndexes[index]!;
    const date = slots.dates[slot]!;
    const location = {
      path: ['codes', slot],
      pupilId: register.pupilId,
      date,
      session: slots.sessions[slot]!,
    };
    issues.push(
      notInSchoolWeekIssue(
        location,
        COMPACT_CODES[codes[slot]!] ?? '',
        calendar.name,
        !compiled.dayIndexByDate.has(date)
      )
    );
  }
  throwIfErrors(issues);
  return buildResult(rule, compiled, counted, (countedIndex) => {
    const slot = countedIndexes[countedIndex]!;
    return { date: slots.dates[slot]!, session: slots.sessions[slot]!, code: COMPACT_CODES[codes[slot]!]! };
  });
}
