import type { IsoDate, SchoolCalendar, Session } from '../calendar/types.js';
import { COMPACT_CODES, toCompactCode } from '../codes/compactCodes.js';
import type { AttendanceIssue } from '../errors.js';
import type { CompactRegister, SessionMark, SessionSlots } from '../sessions/types.js';
import type { RollingWindowResult, WindowMark, WindowMatch, WindowRule } from './types.js';
import { duplicateMarkIssue } from '../_internal/codeIssues.js';
import { compileCalendar } from '../_internal/compiledCalendar.js';
import type { CompiledCalendar } from '../_internal/compiledCalendar.js';
import { addIsoDays } from '../_internal/dates.js';
import { throwIfErrors } from '../_internal/issues.js';
import { emptySlideOutcome, slideWindow } from './slideWindow.js';
import { clearedScratch, tallySpan } from '../sessions/tally.js';
import {
  createWindowCollector,
  NOT_IN_CALENDAR,
  positionOfDay,
  membershipOf,
  resetWindowCollector,
} from './windowCollector.js';
import type { WindowCollector } from './windowCollector.js';
import { ascendingOrder } from '../_internal/markOrder.js';
import type { RegisterForm } from '../sessions/checkMarks.js';

const DAYS_IN_WEEK = 7;

// Working memory for the object form, reused across pupils (counting is synchronous and never re-entered).
let countedIndexes = new Int32Array(1024);
let countedPositions = new Int32Array(1024);

function ensureCapacity(size: number): void {
  if (countedIndexes.length >= size) return;
  countedIndexes = new Int32Array(size * 2);
  countedPositions = new Int32Array(size * 2);
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

/** The full result for one register: the window slid once, every reaching window listed with its marks. */
function buildResult(
  rule: WindowRule,
  calendar: CompiledCalendar,
  positions: Int32Array,
  counted: number,
  markAt: (countedIndex: number) => WindowMark
): RollingWindowResult {
  const slide = emptySlideOutcome();
  const pairs: number[] = [];
  slideWindow(positions, counted, rule.length, rule.threshold, slide, pairs);
  const matchOf = (first: number, last: number): WindowMatch => {
    const marks: WindowMark[] = [];
    for (let index = first; index <= last; index += 1) marks.push(markAt(index));
    return {
      count: last - first + 1,
      periodStart: periodStartOf(calendar, positions[last]!, rule),
      periodEnd: marks[marks.length - 1]!.date,
      marks,
    };
  };
  const windows: WindowMatch[] = [];
  for (let pair = 0; pair < pairs.length; pair += 2) {
    windows.push(matchOf(pairs[pair]!, pairs[pair + 1]!));
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

/**
 * The rolling window over marks as objects, in any order.
 *
 * @param marks - The pupil's marks, checked by {@link checkMarks}.
 * @param calendar - The calendar.
 * @param rule - The rule.
 * @param inOrder - Whether the marks already run in register order (as {@link checkMarks} found).
 * @returns What the window found.
 * @example
 * scanMarks(marks, calendar, NATIONAL_PENALTY_NOTICE_RULE, true).maximum
 */
export function scanMarks(
  marks: readonly SessionMark[],
  calendar: SchoolCalendar,
  rule: WindowRule,
  inOrder: boolean
): RollingWindowResult {
  const compiled = compileCalendar(calendar);
  const membership = membershipOf(rule);
  const order = inOrder ? null : ascendingOrder(marks);
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
  return buildResult(rule, compiled, countedPositions, counted, (countedIndex) => {
    const mark = marks[countedIndexes[countedIndex]!]!;
    return { date: mark.date, session: mark.session, code: COMPACT_CODES[toCompactCode(mark.code)!]! };
  });
}

// The collector of the last compact scan, kept for the next: a trust's pupils share one rule, slots and calendar.
let lastCollector:
  { rule: WindowRule; slots: SessionSlots; calendar: SchoolCalendar; collector: WindowCollector } | undefined;

function collectorFor(rule: WindowRule, slots: SessionSlots, calendar: SchoolCalendar): WindowCollector {
  if (lastCollector?.rule !== rule || lastCollector.slots !== slots || lastCollector.calendar !== calendar) {
    lastCollector = {
      rule,
      slots,
      calendar,
      collector: createWindowCollector([rule], slots, calendar, slots.dates.length),
    };
  }
  resetWindowCollector(lastCollector.collector, slots.dates.length);
  return lastCollector.collector;
}

/**
 * The rolling window over a compact register: the counting pass every register form shares
 * ({@link tallyCompact}) collects the counted sessions, then one slide over them.
 *
 * @param register - The compact register.
 * @param calendar - The calendar.
 * @param rule - The rule.
 * @returns What the window found.
 * @throws {@link AttendanceError} Listing counted sessions the calendar cannot place.
 * @example
 * scanCompact(register, calendar, NATIONAL_PENALTY_NOTICE_RULE).firstReached?.periodEnd
 */
export function scanCompact(
  register: CompactRegister,
  calendar: SchoolCalendar,
  rule: WindowRule
): RollingWindowResult {
  const { codes, slots } = register;
  const compiled = compileCalendar(calendar);
  const collector = collectorFor(rule, slots, calendar);
  const length = Math.min(codes.length, slots.dates.length);
  // The histograms are not used here: unknown bytes and code sets are countSessions' to report.
  tallySpan(codes, 0, length, slots.first2024Index, clearedScratch(), collector, 0);
  const issues: AttendanceIssue[] = [];
  if (collector.unplaced[0]! > 0) {
    const membership = membershipOf(rule);
    const positions = collector.unitPositions[0]!;
    for (let slot = collector.firstSlots[0]!; slot < length; slot += 1) {
      if (membership[codes[slot]!] === 0 || positions[slot] !== NOT_IN_CALENDAR) continue;
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
  }
  throwIfErrors(issues);
  const countedSlots = collector.countedSlots[0]!;
  return buildResult(
    rule,
    compiled,
    collector.countedPositions[0]!,
    collector.counted[0]!,
    (countedIndex) => {
      const slot = countedSlots[countedIndex]!;
      return { date: slots.dates[slot]!, session: slots.sessions[slot]!, code: COMPACT_CODES[codes[slot]!]! };
    }
  );
}

/**
 * The rolling window over a register that {@link checkRegister} has found well formed, in whichever form it is.
 *
 * @param register - The register.
 * @param form - Its form, from {@link checkRegister} (never `'malformed'`).
 * @param calendar - The calendar.
 * @param rule - The rule.
 * @returns What the window found.
 * @example
 * scanRegister(register, checkRegister(register, issues), calendar, rule)
 */
export function scanRegister(
  register: readonly SessionMark[] | CompactRegister,
  form: RegisterForm,
  calendar: SchoolCalendar,
  rule: WindowRule
): RollingWindowResult {
  return form === 'compact'
    ? scanCompact(register as CompactRegister, calendar, rule)
    : scanMarks(register as readonly SessionMark[], calendar, rule, form === 'marks-in-order');
}
