import type { IsoDate } from '../calendar/types.js';
import { CODE_SET_2024_START } from '../codes/codeSetDates.js';
import { COMPACT_CODES, toCompactCode } from '../codes/compactCodes.js';
import type { AttendanceIssue } from '../errors.js';
import { checkMark, checkMarks, checkSlots, dateTextOf, describeValue } from '../sessions/checkMarks.js';
import { isIsoDateText } from '../calendar/isIsoDate.js';
import { beatsByPrecedence } from '../sessions/tally.js';
import type { SessionMark, SessionSlots } from '../sessions/types.js';
import { duplicateMarkIssue, unknownCodeIssue } from '../_internal/codeIssues.js';
import type { MarkLocation } from '../_internal/codeIssues.js';
import { SET_2024, SET_PRE_2024 } from '../_internal/codeTables.js';
import { throwIfErrors } from '../_internal/issues.js';
import { CohortRegisterBuilder } from './cohortRegisterBuilder.js';
import type { CohortRegister } from './types.js';

/**
 * How {@link createCohortRegister} lays out and checks the marks.
 *
 * @category Cohorts
 */
export interface CreateCohortRegisterOptions {
  /**
   * The session slots to lay the register over (e.g. `toSessionSlots(calendar)`); a mark on any other session is
   * an error. By default the slots are the sessions the marks use, so every mark has a place.
   */
  readonly slots?: SessionSlots;
  /**
   * What two marks for one pupil's session mean: `'error'` reports them; `'precedence'` keeps one by DfE
   * precedence (present, approved educational activity, authorised, unauthorised, not possible, no mark) with a
   * warning, as {@link countSessions} does.
   *
   * @defaultValue `'error'`
   */
  readonly duplicates?: 'error' | 'precedence';
}

/**
 * The pupils' marks, each as `[pupilId, marks]`: a `Map` from {@link groupMarksByPupil}, or any iterable of pairs.
 *
 * @category Cohorts
 */
export type PupilMarks = Iterable<readonly [pupilId: string, marks: readonly SessionMark[]]>;

/**
 * Builds a {@link CohortRegister} from each pupil's marks as objects: every code is looked up once, into the byte
 * that counts, windows and bands then all read, and every mark is checked here, once, so the analysis can trust
 * the bytes.
 *
 * @remarks
 * Dates are checked to be real days once per distinct date string, so the cost per mark is a map look-up, not a
 * date parse. A pupil with no marks keeps a place (with no sessions). Marks need not be in order.
 *
 * @param pupils - Each pupil's marks.
 * @param options - Fixed slots, and what a second mark for a session means.
 * @returns The register, with any precedence resolutions as warnings.
 * @throws {@link AttendanceError} Listing every value that is not a well-formed mark (as {@link countSessions}
 * finds them: not an object, a date that names no real day, a session other than AM or PM, a code that is not
 * text), every unknown code, mark outside the slots and (by default) every second mark for a session, each with
 * its pupil, date and session; and pupils or fixed slots that are malformed.
 * @example
 * const register = createCohortRegister(groupMarksByPupil(marks));
 * const figures = analyseCohortRegister(register, { calendar, windows: [DFE_POLICY.penaltyNotice] });
 * figures.counts.possible[0] //=> the first pupil's possible sessions
 * @category Cohorts
 */
export function createCohortRegister(
  pupils: PupilMarks,
  options: CreateCohortRegisterOptions = {}
): CohortRegister {
  // Stryker disable next-line ArrayDeclaration: throwIfErrors throws only issues of severity error, so a stray entry changes nothing
  const errors: AttendanceIssue[] = [];
  checkArguments(pupils, options, errors);
  throwIfErrors(errors);
  const precedence = options.duplicates === 'precedence';
  // Stryker disable next-line StringLiteral: only read by location(), after the loop has set it
  let pupilId = '';
  let markIndex = 0;
  // Stryker disable next-line ArrayDeclaration: only read by location() and the resolver, after the loop has set it
  let marks: readonly SessionMark[] = [];
  const location = (field?: string): MarkLocation => {
    const mark = marks[markIndex]!;
    return {
      path: field === undefined ? [pupilId, markIndex] : [pupilId, markIndex, field],
      pupilId,
      date: mark.date,
      session: mark.session,
    };
  };
  const builder = new CohortRegisterBuilder({
    ...(options.slots === undefined ? {} : { slots: options.slots }),
    resolve: (_pupil, dateIndex, pm, kept, incoming) => {
      const mark = marks[markIndex]!;
      const date = builder.dateOf(dateIndex);
      // Stryker disable next-line ConditionalExpression,EqualityOperator: no code has a different category in the two sets (a code outside a set is ranked by the other), so the set cannot change the winner
      const set = date >= CODE_SET_2024_START ? SET_2024 : SET_PRE_2024;
      const earlier = findEarlier(marks, markIndex, date, pm);
      if (!precedence) {
        errors.push(
          // Stryker disable next-line OptionalChaining,StringLiteral: findEarlier returns at most the current index, so the earlier mark always exists
          duplicateMarkIssue(earlier, markIndex, marks[earlier]?.code ?? '', mark.code, location(), undefined)
        );
        return kept;
      }
      const wins = beatsByPrecedence(set, incoming, set, kept);
      const resolvedTo = COMPACT_CODES[wins ? incoming : kept]!;
      builder.warnings.push(
        // Stryker disable next-line OptionalChaining,StringLiteral: findEarlier returns at most the current index, so the earlier mark always exists
        duplicateMarkIssue(earlier, markIndex, marks[earlier]?.code ?? '', mark.code, location(), resolvedTo)
      );
      return wins ? incoming : kept;
    },
  });
  // The buffer is made once at its size when the pupils can be counted without being consumed: growing it step
  // by step allocated memory that made the garbage collector walk the caller's marks again and again.
  if (Array.isArray(pupils) || pupils instanceof Map) {
    let expected = 0;
    for (const entry of pupils as Iterable<unknown>) {
      const pupilMarks: unknown = Array.isArray(entry) ? entry[1] : undefined;
      if (Array.isArray(pupilMarks)) expected += pupilMarks.length;
    }
    builder.expectMarks(expected);
  }
  const fixedSlots = options.slots !== undefined;
  // Each distinct date string is checked once: its index, or -1 (not a real day), or -2 (no slot on it).
  const dateIndexByText = new Map<string, number>();
  let position = -1;
  for (const entry of pupils as Iterable<unknown>) {
    position += 1;
    if (!isPupilEntry(entry, position, errors)) continue;
    const [id, pupilMarks] = entry;
    // The shared check of marks (sessions/checkMarks.ts), made here mark by mark inside the one pass.
    const context = { pathPrefix: [id], pupilId: id };
    if (!Array.isArray(pupilMarks)) {
      checkMarks(pupilMarks, errors, context);
      continue;
    }
    pupilId = id;
    marks = pupilMarks;
    const pupil = builder.pupil(id);
    let previousDate: string | undefined;
    // Stryker disable next-line UnaryOperator: only read when the date equals previousDate, which is set with it
    let previousIndex = -1;
    const count = pupilMarks.length;
    // A local counter: `markIndex`, which the issue builders and the resolver read, is set only before them.
    for (let index = 0; index < count; index += 1) {
      const mark: unknown = pupilMarks[index];
      const date = dateTextOf(mark);
      let dateIndex = -1;
      if (date !== undefined) {
        if (date === previousDate) dateIndex = previousIndex;
        else {
          dateIndex = dateIndexByText.get(date) ?? indexOfDate(date);
          previousDate = date;
          previousIndex = dateIndex;
        }
      }
      if (!checkMark(mark, index, dateIndex !== -1, errors, context)) continue;
      const { code, session } = mark as SessionMark;
      const byte = toCompactCode(code);
      const pm = session === 'PM';
      // Open slots take every session; only fixed ones can refuse a mark.
      if (fixedSlots && dateIndex >= 0 && !builder.hasSession(dateIndex, pm)) dateIndex = -2;
      markIndex = index;
      if (byte === undefined || dateIndex < 0) {
        if (byte === undefined) errors.push(unknownCodeIssue(code, location('code')));
        if (dateIndex === -2) errors.push(outsideSlots(location('date'), date!, session));
        continue;
      }
      builder.add(pupil, dateIndex, pm, byte);
    }
  }
  throwIfErrors(errors);
  return builder.finish();

  function indexOfDate(date: string): number {
    const real = isIsoDateText(date);
    const index = real ? builder.dateIndex(date as IsoDate) : -1;
    const known = index === -1 && real ? -2 : index;
    dateIndexByText.set(date, known);
    return known;
  }
}

/** The pupils are an iterable of pairs, and the options an object with well-formed slots, if any. */
function checkArguments(pupils: unknown, options: unknown, errors: AttendanceIssue[]): void {
  const iterable =
    typeof pupils === 'object' &&
    pupils !== null &&
    typeof (pupils as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';
  if (!iterable) {
    errors.push({
      code: 'invalid_value',
      severity: 'error',
      message: `The pupils must be an iterable of [pupilId, marks] pairs (e.g. a Map from groupMarksByPupil); received ${describeValue(pupils)}.`,
      path: [],
      expected: 'an iterable of [pupilId, marks] pairs',
      received: describeValue(pupils),
    });
  }
  if (typeof options !== 'object' || options === null) {
    errors.push({
      code: 'invalid_value',
      severity: 'error',
      message: `The options must be an object; received ${describeValue(options)}.`,
      path: ['options'],
      expected: 'an object of options, or nothing',
      received: describeValue(options),
    });
    return;
  }
  const { slots } = options as { slots?: unknown };
  if (slots !== undefined) checkSlots(slots, errors, ['options', 'slots']);
}

/** Whether an entry of the pupils is a `[pupilId, marks]` pair with a text id; else an issue at its position. */
function isPupilEntry(
  entry: unknown,
  position: number,
  errors: AttendanceIssue[]
): entry is [string, unknown] {
  if (Array.isArray(entry) && typeof entry[0] === 'string') return true;
  errors.push({
    code: 'invalid_value',
    severity: 'error',
    message: `Entry ${position} of the pupils is not a [pupilId, marks] pair with the pupil id as text; received ${describeValue(Array.isArray(entry) ? entry[0] : entry)}.`,
    path: [position],
    expected: 'a [pupilId, marks] pair',
    received: describeValue(Array.isArray(entry) ? entry[0] : entry),
  });
  return false;
}

/** The earlier mark for the same session, for the duplicate report. */
function findEarlier(marks: readonly SessionMark[], before: number, date: IsoDate, pm: boolean): number {
  for (let index = 0; index < before; index += 1) {
    const mark = marks[index]!;
    if (mark.date === date && (mark.session === 'PM') === pm) return index;
  }
  return before;
}

function outsideSlots(location: MarkLocation, date: string, session: string): AttendanceIssue {
  return {
    code: 'invalid_value',
    severity: 'error',
    message: `Mark ${String(location.path[1])} of pupil ${location.pupilId ?? ''} (${date} ${session}) falls outside the session slots of the register.`,
    path: location.path,
    ...(location.pupilId === undefined ? {} : { pupilId: location.pupilId }),
    date,
    field: 'date',
    expected: 'a date and session among the register’s session slots',
    received: `${date} ${session}`,
  };
}
