import type { DateRange, IsoDate, SchoolCalendar } from '../calendar/types.js';
import { CODE_SET_2024_START } from '../codes/codeSetDates.js';
import { toCompactCode } from '../codes/compactCodes.js';
import { DFE_POLICY } from '../policy/presets.js';
import type { AttendancePolicy } from '../policy/types.js';
import type { CompactRegister, SessionMark } from '../sessions/types.js';
import type { AttendanceIssue } from '../errors.js';
import { checkRegister, describeValue } from '../sessions/checkMarks.js';
import type { RegisterForm } from '../sessions/checkMarks.js';
import { scanRegister } from '../windows/windowScan.js';
import type { WindowMark } from '../windows/types.js';
import {
  APPROVED_EDUCATIONAL_ACTIVITY,
  AUTHORISED,
  CATEGORY_BY_SET,
  NOT_IN_SET,
  PRESENT,
  SET_2024,
  SET_PRE_2024,
  UNAUTHORISED,
} from '../_internal/codeTables.js';
import { compileCalendar } from '../_internal/compiledCalendar.js';
import { throwIfErrors } from '../_internal/issues.js';
import { eventShapeFault, isEventDate } from './checkEvent.js';
import { initialEscalationState } from './initialEscalationState.js';
import { HCAT_ESCALATION_POLICY } from './presets.js';
import { transition } from './transition.js';
import type { EscalationLadder } from './ladder/types.js';
import type {
  EscalationAction,
  EscalationEvent,
  EscalationFigures,
  EscalationPolicy,
  EscalationRefusal,
  EscalationState,
} from './types.js';

/**
 * How {@link runEscalation} runs the machine over a register.
 *
 * @category Escalation
 */
export interface RunEscalationOptions {
  /** The pupil; used for a new state and for penalty notices. */
  readonly pupilId: string;
  /** The ladder to run, or the thresholds and periods of the trust's ladder (the trust preset when left out). */
  readonly policy?: EscalationPolicy | EscalationLadder;
  /** The attendance policy whose `penaltyNotice` rule feeds the reviews. */
  readonly attendancePolicy?: AttendancePolicy;
  /**
   * The weekday of the weekly review, 1 (Monday) to 5 (Friday): each school week is reviewed on its last school
   * day on or before this weekday (or its first school day, when it has none that early).
   *
   * @defaultValue `5` (the end of each school week, as the trust policy monitors weekly)
   */
  readonly reviewWeekday?: number;
  /** The dates whose reviews run (both ends included); counts start at `from`. */
  readonly range?: DateRange;
  /** Events recorded by people (letters, meetings, plans, notices, overrides); applied after that day's review. */
  readonly events?: readonly EscalationEvent[];
  /** Where to start; a new state at stage 0 when left out. */
  readonly initialState?: EscalationState;
  /**
   * Continues a saved state: the reviews on or before this date are taken as already applied to `initialState`
   * (their counts still run from the start of `range`, so later reviews carry year-to-date figures), and only the
   * later ones run. Give the saved state as `initialState` and only the events not yet applied to it. Continuing a
   * run saved as of a date gives the same state as running the whole period again with every event.
   */
  readonly reviewedThrough?: IsoDate;
}

/**
 * One step of a timeline: an event and what it did.
 *
 * @category Escalation
 */
export interface EscalationStep {
  /** The event applied. */
  readonly event: EscalationEvent;
  /** The stage after it. */
  readonly stage: EscalationState['stage'];
  /** The actions it made due. */
  readonly actions: readonly EscalationAction[];
  /** Why it was refused, when it was. */
  readonly refusal?: EscalationRefusal;
}

/**
 * A year (or any period) of escalation for one pupil.
 *
 * @category Escalation
 */
export interface EscalationTimeline {
  /** The final state (its `history` is the full record). */
  readonly state: EscalationState;
  /** Every event applied, in order, with its result. */
  readonly steps: readonly EscalationStep[];
  /** Every action made due, in order. */
  readonly actions: readonly EscalationAction[];
}

/** A register as parallel arrays in date order: no object per mark. */
interface CategorisedRegister {
  readonly dates: readonly IsoDate[];
  readonly categories: Uint8Array;
}

function categoryOf(date: IsoDate, byte: number | undefined): number {
  if (byte === undefined) return NOT_IN_SET;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: no code has different categories in the two sets and the other set is tried next, so the set tried first cannot change the category
  const set = date >= CODE_SET_2024_START ? SET_2024 : SET_PRE_2024;
  const category = CATEGORY_BY_SET[set][byte] ?? NOT_IN_SET;
  return category === NOT_IN_SET ? (CATEGORY_BY_SET[(1 - set) as 0 | 1][byte] ?? NOT_IN_SET) : category;
}

/** The register's statistical categories in date order, read once. */
function categorise(
  register: readonly SessionMark[] | CompactRegister,
  form: RegisterForm
): CategorisedRegister {
  if (form === 'compact') {
    const { codes, slots } = register as CompactRegister;
    const categories = new Uint8Array(codes.length);
    for (let slot = 0; slot < codes.length; slot += 1)
      categories[slot] = categoryOf(slots.dates[slot]!, codes[slot]);
    return { dates: slots.dates, categories };
  }
  const marks = register as readonly SessionMark[];
  const order = Array.from(marks.keys());
  // Only the date matters here, and a stable sort keeps equal dates in register order.
  if (form !== 'marks-in-order') {
    order.sort((left, right) =>
      marks[left]!.date < marks[right]!.date ? -1 : marks[left]!.date > marks[right]!.date ? 1 : 0
    );
  }
  const dates = order.map((index) => marks[index]!.date);
  const categories = new Uint8Array(marks.length);
  order.forEach((index, position) => {
    const mark = marks[index]!;
    categories[position] = categoryOf(mark.date, toCompactCode(mark.code));
  });
  return { dates, categories };
}

/** The review day of each school week: the last open weekday on or before `weekday`, else the first open one. */
// A trust's pupils share one calendar, review day and range: the review dates are worked out once for them all.
let lastReviewDates:
  | {
      calendar: SchoolCalendar;
      weekday: number;
      from: string | undefined;
      to: string | undefined;
      dates: IsoDate[];
    }
  | undefined;

function reviewDates(calendar: SchoolCalendar, weekday: number, range: DateRange): readonly IsoDate[] {
  const last = lastReviewDates;
  if (
    last?.calendar === calendar &&
    last.weekday === weekday &&
    last.from === range.from &&
    last.to === range.to
    // Stryker disable next-line BlockStatement: the cache is a fast path; recomputing gives the same dates
  ) {
    return last.dates;
  }
  const dates = computeReviewDates(calendar, weekday, range);
  // Stryker disable next-line ObjectLiteral: the cache is a fast path; never hitting it gives the same dates
  lastReviewDates = { calendar, weekday, from: range.from, to: range.to, dates };
  return dates;
}

function computeReviewDates(calendar: SchoolCalendar, weekday: number, range: DateRange): IsoDate[] {
  const compiled = compileCalendar(calendar);
  const dates: IsoDate[] = [];
  for (let monday = 0; monday < compiled.dates.length; monday += 7) {
    let chosen = -1;
    for (let day = monday; day < monday + 5; day += 1) {
      if (compiled.openSessions[day] === 0) continue;
      if (day - monday < weekday || chosen < 0) chosen = day;
    }
    const date = chosen < 0 ? undefined : compiled.dates[chosen];
    if (date === undefined) continue;
    if ((range.from !== undefined && date < range.from) || (range.to !== undefined && date > range.to))
      continue;
    dates.push(date);
  }
  return dates;
}

/** Each distinct reach of the threshold: the date it was reached and the sessions that reached it. */
function thresholdReaches(
  register: readonly SessionMark[] | CompactRegister,
  form: RegisterForm,
  calendar: SchoolCalendar,
  policy: AttendancePolicy
): { readonly on: IsoDate; readonly sessions: readonly WindowMark[] }[] {
  const { windows, rule } = scanRegister(register, form, calendar, policy.penaltyNotice);
  // A further notice is considered only for a further set of sessions: a window counts as a new reach when all
  // its sessions come after the date the previous reach was made.
  const reaches: { on: IsoDate; sessions: readonly WindowMark[] }[] = [];
  for (const window of windows) {
    const previous = reaches[reaches.length - 1];
    const fresh =
      previous === undefined ? window.marks : window.marks.filter((mark) => mark.date > previous.on);
    if (fresh.length < rule.threshold) continue;
    const sessions = fresh.slice(0, rule.threshold);
    reaches.push({ on: sessions[sessions.length - 1]!.date, sessions });
  }
  return reaches;
}

/**
 * Runs the escalation machine over a pupil's register and calendar, with a review at the end of every school
 * week (and any events people recorded), and returns the whole timeline: each stage entered, when and why, and
 * each action.
 *
 * @remarks
 * Each review carries the register facts as of its date: year-to-date possible, attended and absent sessions
 * and school weeks (from the start of `range`) and the latest date the policy's penalty-notice window reached its threshold. The
 * register is read once; the reviews run in date order. Recorded events are applied after the review of their day.
 * The result is the same as applying every event one by one with {@link transition}.
 *
 * @param register - The pupil's marks (any order) or compact register.
 * @param calendar - The school calendar.
 * @param options - The pupil, policies, review day, range and recorded events.
 * @returns The timeline and the final state.
 * Events are checked as {@link transition} checks them: one it cannot apply (not an object, an unknown type, a
 * date that names no real day, figures that are not whole sessions) is reported as a refused step, never thrown
 * on; events without a real date, which cannot be put in order, are refused first.
 * @throws {@link AttendanceError} Listing every mark that is not a well-formed mark (as {@link countSessions}
 * does), options that are not options (a pupil id that is not text, events that are not a list, a review weekday
 * other than 1 to 5, a range whose dates name no real day), and counted sessions the penalty-notice window cannot
 * place in the calendar.
 * @example
 * const timeline = runEscalation(marks, calendar, { pupilId: 'P1' });
 * timeline.state.stage //=> the stage at the end of the year
 * timeline.actions.map((action) => `${action.dueOn} ${action.kind}`) // every letter, meeting and referral due
 * @category Escalation
 */
export function runEscalation(
  register: readonly SessionMark[] | CompactRegister,
  calendar: SchoolCalendar,
  options: RunEscalationOptions
): EscalationTimeline {
  const issues: AttendanceIssue[] = [];
  checkEscalationOptions(options, issues);
  const form = checkRegister(register, issues);
  throwIfErrors(issues);
  const policy = options.policy ?? HCAT_ESCALATION_POLICY;
  const range = options.range ?? {};
  const { dates, categories } = categorise(register, form);
  // A threshold reached before the period under review belongs to an earlier run.
  const reaches = thresholdReaches(register, form, calendar, options.attendancePolicy ?? DFE_POLICY).filter(
    (reach) => range.from === undefined || reach.on >= range.from
  );
  // An event that is not one, or has no real date, cannot be put in date order: it is refused before the others
  // (the machine refuses it, the state unchanged), so the timeline reports it rather than the run failing.
  const given: readonly unknown[] = options.events ?? [];
  const unplaceable = given.filter((event) => eventShapeFault(event) !== null) as EscalationEvent[];
  const events = (given.filter((event) => eventShapeFault(event) === null) as EscalationEvent[]).sort(
    (left, right) => (left.on < right.on ? -1 : left.on > right.on ? 1 : 0)
  );
  let state = options.initialState ?? initialEscalationState(options.pupilId);
  const steps: EscalationStep[] = [];
  const actions: EscalationAction[] = [];
  const apply = (event: EscalationEvent): void => {
    const result = transition(state, event, policy);
    state = result.state;
    if (result.ok) {
      actions.push(...result.actions);
      steps.push({ event, stage: state.stage, actions: result.actions });
    } else {
      steps.push({ event, stage: state.stage, actions: [], refusal: result.refusal });
    }
  };
  for (const event of unplaceable) apply(event);
  let markIndex = 0;
  let reachIndex = 0;
  let eventIndex = 0;
  let attended = 0;
  let absent = 0;
  let latestReach: (typeof reaches)[number] | undefined;
  // One review per school week, so the reviews so far are the school weeks to date.
  let schoolWeeks = 0;
  const { reviewedThrough } = options;
  for (const on of reviewDates(calendar, options.reviewWeekday ?? 5, range)) {
    schoolWeeks += 1;
    while (eventIndex < events.length && events[eventIndex]!.on < on) apply(events[eventIndex++]!);
    for (; markIndex < dates.length && dates[markIndex]! <= on; markIndex += 1) {
      // Counts run from the start of the range.
      if (range.from !== undefined && dates[markIndex]! < range.from) continue;
      const category = categories[markIndex]!;
      if (category === PRESENT || category === APPROVED_EDUCATIONAL_ACTIVITY) attended += 1;
      else if (category === AUTHORISED || category === UNAUTHORISED) absent += 1;
    }
    for (; reachIndex < reaches.length && reaches[reachIndex]!.on <= on; reachIndex += 1)
      latestReach = reaches[reachIndex];
    const figures: EscalationFigures = {
      possible: attended + absent,
      attended,
      absent,
      schoolWeeks,
      ...(latestReach === undefined
        ? {}
        : { penaltyThresholdReachedOn: latestReach.on, penaltyThresholdSessions: latestReach.sessions }),
    };
    // A review the saved state has already had is not applied again; its counts above still carry forward.
    if (reviewedThrough === undefined || on > reviewedThrough) apply({ type: 'review', on, figures });
    while (eventIndex < events.length && events[eventIndex]!.on === on) apply(events[eventIndex++]!);
  }
  while (eventIndex < events.length) apply(events[eventIndex++]!);
  return { state, steps, actions };
}

/** The options of {@link runEscalation}, checked before the register is read. */
function checkEscalationOptions(options: unknown, issues: AttendanceIssue[]): void {
  const fault = (field: string, message: string, expected: string, received: unknown): void => {
    issues.push({
      code: 'invalid_value',
      severity: 'error',
      message,
      path: field === '' ? ['options'] : ['options', ...field.split('.')],
      ...(field === '' ? {} : { field }),
      expected,
      received: describeValue(received),
    });
  };
  if (typeof options !== 'object' || options === null) {
    fault(
      '',
      `runEscalation needs options with the pupil's id; received ${describeValue(options)}.`,
      'an object of options',
      options
    );
    return;
  }
  const { pupilId, events, reviewWeekday, range, reviewedThrough } = options as Record<string, unknown>;
  if (reviewedThrough !== undefined && !isEventDate(reviewedThrough)) {
    fault(
      'reviewedThrough',
      `The date reviews were saved through, ${describeValue(reviewedThrough)}, is not a real day in YYYY-MM-DD form.`,
      'a real day as YYYY-MM-DD',
      reviewedThrough
    );
  }
  if (typeof pupilId !== 'string') {
    fault(
      'pupilId',
      `The pupil id must be text; received ${describeValue(pupilId)}.`,
      'a pupil id as text',
      pupilId
    );
  }
  if (events !== undefined && !Array.isArray(events)) {
    fault(
      'events',
      `The recorded events must be a list; received ${describeValue(events)}.`,
      'an array of events',
      events
    );
  }
  const weekdayValid =
    reviewWeekday === undefined ||
    (typeof reviewWeekday === 'number' &&
      Number.isInteger(reviewWeekday) &&
      reviewWeekday >= 1 &&
      reviewWeekday <= 5);
  if (!weekdayValid) {
    fault(
      'reviewWeekday',
      `The review weekday must be 1 (Monday) to 5 (Friday); received ${describeValue(reviewWeekday)}.`,
      'a whole number from 1 to 5',
      reviewWeekday
    );
  }
  if (range === undefined) return;
  if (typeof range !== 'object' || range === null) {
    fault(
      'range',
      `The range must be an object with from and to dates; received ${describeValue(range)}.`,
      'a date range',
      range
    );
    return;
  }
  for (const end of ['from', 'to'] as const) {
    const date = (range as Record<string, unknown>)[end];
    if (date !== undefined && !isEventDate(date)) {
      fault(
        `range.${end}`,
        `The range's ${end} date ${describeValue(date)} is not a real day in YYYY-MM-DD form.`,
        'a real day as YYYY-MM-DD',
        date
      );
    }
  }
}
