import type { IsoDate, SchoolCalendar, Session } from '../calendar/types.js';
import { AttendanceError } from '../errors.js';
import type { AttendanceIssue } from '../errors.js';
import type { CompactRegister, SessionMark } from '../sessions/types.js';
import { checkRegister } from '../sessions/checkMarks.js';
import type { RegisterForm } from '../sessions/checkMarks.js';
import { scanRegister } from '../windows/windowScan.js';
import { throwIfErrors } from '../_internal/issues.js';
import type { RollingWindowResult } from '../windows/types.js';
import { toCompactCode } from '../codes/compactCodes.js';
import { compileCalendar, isSessionOpen } from '../_internal/compiledCalendar.js';
import type { CompiledCalendar } from '../_internal/compiledCalendar.js';
import type {
  HalfTermLateness,
  LateCode,
  LatenessActionReached,
  LatenessCounts,
  LatenessPolicy,
} from './types.js';

const LATE_BYTE = toCompactCode('L')!;
const LATE_AFTER_CLOSE_BYTE = toCompactCode('U')!;
const DAYS_IN_WEEK = 7;

/** One half-term row while it is being filled. */
interface HalfTermRow {
  halfTermIndex: number;
  row: {
    -readonly [Field in keyof HalfTermLateness]: HalfTermLateness[Field];
  } & {
    lateDates: IsoDate[];
    lateAfterRegisterClosedDates: IsoDate[];
    actions: LatenessActionReached[];
  };
}

function describeClosedSession(calendar: CompiledCalendar, day: number, session: Session): string {
  const closure = calendar.closureOfDay[day];
  if (closure !== undefined) return `a planned closure (${closure.label ?? closure.reason})`;
  if (day % DAYS_IN_WEEK >= 5) return 'a weekend';
  if ((calendar.halfTermOfDay[day] ?? -1) < 0) return 'a school holiday';
  return `a day without a ${session} session`;
}

/**
 * Adds late marks, in date order, to half-term rows, firing each half-term action when its count reaches
 * `atLeast`. Since a count only rises within a half-term, that is the mark at which it first enters the action's
 * range, and it happens at most once per half-term.
 */
class LatenessTally {
  readonly rows: HalfTermRow[] = [];
  readonly issues: AttendanceIssue[] = [];
  private readonly actionCounts: Int32Array;
  private readonly countsLate: Uint8Array;
  private readonly countsLateAfterClose: Uint8Array;

  // `compact` says whether positions are slots of a compact register (issue paths `['codes', slot]`) or indexes of
  // marks as objects (issue paths `[index, 'date']`), so that no path is built unless there is an issue.
  constructor(
    private readonly calendar: CompiledCalendar,
    private readonly calendarName: string,
    private readonly policy: LatenessPolicy,
    private readonly compact: boolean
  ) {
    const actions = policy.halfTermActions;
    this.actionCounts = new Int32Array(actions.length);
    this.countsLate = new Uint8Array(actions.map((action) => (action.codes.includes('L') ? 1 : 0)));
    this.countsLateAfterClose = new Uint8Array(actions.map((action) => (action.codes.includes('U') ? 1 : 0)));
  }

  add(
    code: LateCode,
    date: IsoDate,
    session: Session,
    minutesLate: number | undefined,
    position: number,
    pupilId: string | undefined
  ): void {
    const day = this.calendar.dayIndexByDate.get(date);
    if (day === undefined || !isSessionOpen(this.calendar, day, session)) {
      this.issues.push(this.placementIssue(code, date, session, day, position, pupilId));
      return;
    }
    const halfTermIndex = this.calendar.halfTermOfDay[day]!;
    let current = this.rows[this.rows.length - 1];
    if (current?.halfTermIndex !== halfTermIndex) {
      current = {
        halfTermIndex,
        row: {
          halfTerm: this.calendar.halfTerms[halfTermIndex]!,
          late: 0,
          lateAfterRegisterClosed: 0,
          lateDates: [],
          lateAfterRegisterClosedDates: [],
          minutesLate: 0,
          lateMarksWithMinutes: 0,
          actions: [],
        },
      };
      this.rows.push(current);
      this.actionCounts.fill(0);
    }
    const { row } = current;
    if (code === 'L') {
      row.late += 1;
      row.lateDates.push(date);
    } else {
      row.lateAfterRegisterClosed += 1;
      row.lateAfterRegisterClosedDates.push(date);
    }
    if (minutesLate !== undefined) {
      row.minutesLate += minutesLate;
      row.lateMarksWithMinutes += 1;
    }
    const counts = code === 'L' ? this.countsLate : this.countsLateAfterClose;
    const actions = this.policy.halfTermActions;
    for (let index = 0; index < actions.length; index += 1) {
      if (counts[index] === 0) continue;
      const count = (this.actionCounts[index] = this.actionCounts[index]! + 1);
      const action = actions[index]!;
      if (count === action.atLeast) {
        row.actions.push({ action: action.action, label: action.label, reachedOn: date });
      }
    }
  }

  private placementIssue(
    code: LateCode,
    date: IsoDate,
    session: Session,
    day: number | undefined,
    position: number,
    pupilId: string | undefined
  ): AttendanceIssue {
    const located = {
      severity: 'error' as const,
      path: this.compact ? ['codes', position] : [position, 'date'],
      ...(pupilId === undefined ? {} : { pupilId }),
      date,
      session,
      field: 'date',
    };
    return day === undefined
      ? {
          ...located,
          code: 'outside_calendar',
          message: `Late mark "${code}" (${date} ${session}) is outside the calendar "${this.calendarName}", so it belongs to no half-term.`,
          expected: 'a date within the calendar’s school years',
          received: date,
        }
      : {
          ...located,
          code: 'mark_on_closed_session',
          message: `Late mark "${code}" (${date} ${session}) falls on ${describeClosedSession(this.calendar, day, session)}, when no register is taken.`,
          expected: 'a session the calendar has open',
          received: `${date} ${session} "${code}"`,
        };
  }
}

function isLateCode(code: string): code is LateCode {
  return code === 'L' || code === 'U';
}

// True when `mark` comes before `previous` in register order (date, then AM before PM).
function comesBefore(mark: SessionMark, previous: SessionMark): boolean {
  return (
    mark.date < previous.date ||
    (mark.date === previous.date && previous.session === 'PM' && mark.session === 'AM')
  );
}

function addMark(tally: LatenessTally, mark: SessionMark, index: number, code: LateCode): void {
  tally.add(code, mark.date, mark.session, mark.minutesLate, index, mark.pupilId);
}

// Marks as objects: one pass in register order, or, when the late marks are out of order, sorted first.
function tallyMarks(marks: readonly SessionMark[], fresh: () => LatenessTally): LatenessTally {
  let tally = fresh();
  let previous: SessionMark | undefined;
  for (let index = 0; index < marks.length; index += 1) {
    const mark = marks[index]!;
    const { code } = mark;
    if (!isLateCode(code)) continue;
    if (previous !== undefined && comesBefore(mark, previous)) {
      tally = fresh();
      const lateIndexes: number[] = [];
      marks.forEach((candidate, candidateIndex) => {
        if (isLateCode(candidate.code)) lateIndexes.push(candidateIndex);
      });
      lateIndexes.sort((left, right) => {
        const a = marks[left]!;
        const b = marks[right]!;
        if (a.date !== b.date) return a.date < b.date ? -1 : 1;
        if (a.session !== b.session) return a.session === 'AM' ? -1 : 1;
        return left - right;
      });
      for (const lateIndex of lateIndexes) {
        const lateMark = marks[lateIndex]!;
        addMark(tally, lateMark, lateIndex, lateMark.code as LateCode);
      }
      return tally;
    }
    previous = mark;
    addMark(tally, mark, index, code);
  }
  return tally;
}

// A compact register: one scan of one byte per session; only late marks are looked at further.
function tallyCompact(register: CompactRegister, tally: LatenessTally): LatenessTally {
  const { codes, slots } = register;
  const length = Math.min(codes.length, slots.dates.length);
  for (let slot = 0; slot < length; slot += 1) {
    const byte = codes[slot]!;
    if (byte !== LATE_BYTE && byte !== LATE_AFTER_CLOSE_BYTE) continue;
    const code = byte === LATE_BYTE ? 'L' : 'U';
    tally.add(code, slots.dates[slot]!, slots.sessions[slot]!, undefined, slot, register.pupilId);
  }
  return tally;
}

function persistentLatenessOf(
  register: readonly SessionMark[] | CompactRegister,
  form: RegisterForm,
  calendar: SchoolCalendar,
  policy: LatenessPolicy
): RollingWindowResult | AttendanceError {
  try {
    return scanRegister(register, form, calendar, policy.persistentLateness);
  } catch (error) {
    if (error instanceof AttendanceError) return error;
    throw error;
  }
}

/**
 * Counts a pupil's late marks in each half-term, reports the half-term actions of a lateness policy that they
 * reached and when, and applies the policy's persistent-lateness window over the whole register.
 *
 * @remarks
 * `L` is late before the register closed (present); `U` is late after it closed (unauthorised absence). Each
 * half-term action counts its codes within one half-term and is reached on the mark that brings the count to its
 * `atLeast`; as a count only rises, that is where it first enters the range `atLeast`–`atMost`, and an action is
 * reached at most once per half-term. With {@link HCAT_LATENESS_POLICY}, a third `L` reaches the letter, a fourth
 * the meeting, and a seventh nothing more. Counts start again in each half-term; the persistent-lateness window
 * (from {@link countRollingWindow}) runs across half-terms, holidays and school years.
 *
 * Rows are given only for half-terms with at least one `L` or `U` mark. Minutes late are summed from marks that
 * record `minutesLate`; a {@link CompactRegister} records none, so its `minutesLate` totals are always 0 (count
 * marks as objects to keep them).
 *
 * Marks as objects are read in one pass when their late marks are in date order (otherwise those are sorted
 * first); a compact register is read in one pass of one byte per session. Nothing is allocated per mark except
 * the result's date lists. An `L` or `U` mark outside the calendar, or on a session the calendar has closed (a
 * weekend, a holiday, a closure), belongs to no half-term and is an error, never dropped silently.
 *
 * @param register - The pupil's marks (any order) or compact register.
 * @param calendar - The school calendar the dates belong to, from {@link defineSchoolCalendar}.
 * @param policy - The lateness policy, e.g. {@link HCAT_LATENESS_POLICY} or one from {@link defineLatenessPolicy}.
 * @returns The per half-term rows in date order, the totals and the persistent-lateness window.
 * @throws {@link AttendanceError} Listing every mark that is not a well-formed mark (as {@link countSessions} does,
 * including `minutesLate` that is not a whole number of minutes, 0 or more); once they are well formed, every late
 * mark the calendar cannot place in a half-term, every repeated
 * session, and every mark counted by the persistent-lateness window that the calendar cannot place.
 * @example
 * const counts = countLateness(
 *   [
 *     { date: isoDate('2024-09-09'), session: 'AM', code: 'L' },
 *     { date: isoDate('2024-09-10'), session: 'AM', code: 'L' },
 *     { date: isoDate('2024-09-11'), session: 'AM', code: 'L' },
 *   ],
 *   calendar,
 *   HCAT_LATENESS_POLICY
 * );
 * counts.halfTerms[0].late //=> 3
 * counts.halfTerms[0].actions //=> [{ action: 'lateness-letter', label: 'Letter to parents/carers …', reachedOn: '2024-09-11' }]
 * counts.persistentLateness.reached //=> false
 * @see The HCAT trust attendance policy ("How we manage lateness": late marks are monitored in each half term)
 * @category Lateness
 */
export function countLateness(
  register: readonly SessionMark[] | CompactRegister,
  calendar: SchoolCalendar,
  policy: LatenessPolicy
): LatenessCounts {
  const markIssues: AttendanceIssue[] = [];
  const form = checkRegister(register, markIssues);
  throwIfErrors(markIssues);
  const compiled = compileCalendar(calendar);
  const tally =
    form === 'compact'
      ? tallyCompact(register as CompactRegister, new LatenessTally(compiled, calendar.name, policy, true))
      : tallyMarks(
          register as readonly SessionMark[],
          () => new LatenessTally(compiled, calendar.name, policy, false)
        );
  const persistentLateness = persistentLatenessOf(register, form, calendar, policy);
  // Late marks are read in date order; issues are reported in the order of the register, as elsewhere.
  const position = (issue: AttendanceIssue): number =>
    issue.path.find((part) => typeof part === 'number') ?? 0;
  const issues = [...tally.issues].sort((left, right) => position(left) - position(right));
  if (persistentLateness instanceof AttendanceError) {
    // A late mark the calendar cannot place is found by both scans; report it once.
    const known = new Set(issues.map((issue) => `${issue.code} ${JSON.stringify(issue.path)}`));
    for (const issue of persistentLateness.issues) {
      if (!known.has(`${issue.code} ${JSON.stringify(issue.path)}`)) issues.push(issue);
    }
  }
  const [first, ...rest] = issues;
  if (first !== undefined) throw new AttendanceError([first, ...rest]);
  if (persistentLateness instanceof AttendanceError) throw persistentLateness;
  const halfTerms = tally.rows.map(({ row }) => row);
  let late = 0;
  let lateAfterRegisterClosed = 0;
  let minutesLate = 0;
  let lateMarksWithMinutes = 0;
  for (const row of halfTerms) {
    late += row.late;
    lateAfterRegisterClosed += row.lateAfterRegisterClosed;
    minutesLate += row.minutesLate;
    lateMarksWithMinutes += row.lateMarksWithMinutes;
  }
  return { halfTerms, late, lateAfterRegisterClosed, minutesLate, lateMarksWithMinutes, persistentLateness };
}
