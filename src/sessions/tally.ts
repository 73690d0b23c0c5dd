import { CODE_SET_2024_START } from '../codes/codeSetDates.js';
import { assertCompactRegisterShape } from './assertCompactRegisterShape.js';
import { COMPACT_CODES, toCompactCode } from '../codes/compactCodes.js';
import type { CodeSetId, RegisterCode } from '../codes/types.js';
import type { AttendanceIssue } from '../errors.js';
import type { CompactRegister, SessionCounts, SessionMark } from './types.js';
import { duplicateMarkIssue, outsideCodeSetIssue, unknownCodeIssue } from '../_internal/codeIssues.js';
import type { MarkLocation } from '../_internal/codeIssues.js';
import { ascendingOrder } from '../_internal/markOrder.js';
import { collectHits } from '../windows/windowCollector.js';
import type { WindowCollector } from '../windows/windowCollector.js';
import {
  APPROVED_EDUCATIONAL_ACTIVITY,
  AUTHORISED,
  CATEGORY_BY_SET,
  CODE_COUNT,
  NOT_IN_SET,
  NOT_POSSIBLE,
  PRESENT,
  SET_2024,
  SET_PRE_2024,
  UNAUTHORISED,
  UNMARKED,
} from '../_internal/codeTables.js';

/** Options shared by every form of the session count. */
export interface TallyOptions {
  readonly codeSet?: CodeSetId | 'by-date' | undefined;
  readonly duplicates?: 'error' | 'precedence' | undefined;
  readonly unmarked?: 'unmarked' | 'as-N' | undefined;
}

/** A histogram per code set: `histograms[set * 256 + byte]`, wide enough for any byte a caller can store. */
export const HISTOGRAM_WIDTH = 256;

/**
 * The byte a cohort register stores for a slot inside a pupil's span that has no mark at all (a session the
 * source did not record for that pupil, e.g. another school's INSET day in a trust register). It is not part of
 * the public compact form: counts and windows pass over it, as they pass over a missing mark object.
 */
export const NO_RECORD = 255;

/**
 * Precedence for overlapping registers, by numeric category, highest first: a mark that shows the pupil was
 * educated beats an absence, an explained absence beats an unexplained one, and any mark beats "not possible" or
 * no mark. Exported for the SQL compiler, which writes the same ranks into its code table.
 *
 * @example
 * PRECEDENCE_BY_CATEGORY[PRESENT] > PRECEDENCE_BY_CATEGORY[UNAUTHORISED] //=> true
 */
export const PRECEDENCE_BY_CATEGORY = new Uint8Array(256);
PRECEDENCE_BY_CATEGORY[PRESENT] = 6;
PRECEDENCE_BY_CATEGORY[APPROVED_EDUCATIONAL_ACTIVITY] = 5;
PRECEDENCE_BY_CATEGORY[AUTHORISED] = 4;
PRECEDENCE_BY_CATEGORY[UNAUTHORISED] = 3;
PRECEDENCE_BY_CATEGORY[NOT_POSSIBLE] = 2;
PRECEDENCE_BY_CATEGORY[UNMARKED] = 1;

// One histogram reused by every count: allocating and zeroing a fresh one per pupil cost more than counting
// a pupil's year of marks. Counting is synchronous and never re-entered, and the counts are copied out of it
// before the next call, so sharing it cannot leak one register's counts into another's.
const scratch = new Int32Array(2 * HISTOGRAM_WIDTH);

/**
 * The shared histograms, zeroed.
 *
 * @returns The scratch histograms.
 * @example
 * const histograms = clearedScratch();
 */
export function clearedScratch(): Int32Array {
  return scratch.fill(0);
}

/** The bytes each set classifies itself (including "no mark yet"), for the cheap completeness check. */
const BYTES_IN_SET: readonly [readonly number[], readonly number[]] = [
  [...CATEGORY_BY_SET[SET_2024].keys()].filter((byte) => CATEGORY_BY_SET[SET_2024][byte] !== NOT_IN_SET),
  [...CATEGORY_BY_SET[SET_PRE_2024].keys()].filter(
    (byte) => CATEGORY_BY_SET[SET_PRE_2024][byte] !== NOT_IN_SET
  ),
];

/**
 * A count for every code, all zero. Written as one literal so that every result shares one object shape:
 * adding only the codes present gave each pupil's counts a different shape and cost more than the count itself.
 */
function emptyCodeCounts(): Record<RegisterCode, number> {
  return {
    '-': 0,
    '/': 0,
    '\\': 0,
    L: 0,
    K: 0,
    V: 0,
    P: 0,
    W: 0,
    B: 0,
    D: 0,
    C1: 0,
    M: 0,
    J1: 0,
    S: 0,
    X: 0,
    C2: 0,
    C: 0,
    T: 0,
    R: 0,
    I: 0,
    E: 0,
    Q: 0,
    Y1: 0,
    Y2: 0,
    Y3: 0,
    Y4: 0,
    Y5: 0,
    Y6: 0,
    Y7: 0,
    G: 0,
    N: 0,
    O: 0,
    U: 0,
    Z: 0,
    '#': 0,
    J: 0,
    F: 0,
    H: 0,
    Y: 0,
  };
}

/** Each set's category per byte, with the other set's table filling the codes a set does not have. */
const EFFECTIVE_CATEGORY_BY_SET: readonly [Uint8Array, Uint8Array] = [
  CATEGORY_BY_SET[SET_2024].map((category, byte) =>
    category === NOT_IN_SET ? CATEGORY_BY_SET[SET_PRE_2024][byte]! : category
  ),
  CATEGORY_BY_SET[SET_PRE_2024].map((category, byte) =>
    category === NOT_IN_SET ? CATEGORY_BY_SET[SET_2024][byte]! : category
  ),
];

function fixedSetIndex(codeSet: TallyOptions['codeSet']): number {
  if (codeSet === '2024') return SET_2024;
  if (codeSet === 'pre-2024') return SET_PRE_2024;
  return -1;
}

/** The category of a byte in a set, falling back to the other set's table (the caller has warned). */
function categoryOf(set: 0 | 1, byte: number): number {
  const category = CATEGORY_BY_SET[set][byte] ?? NOT_IN_SET;
  return category === NOT_IN_SET ? (CATEGORY_BY_SET[(1 - set) as 0 | 1][byte] ?? NOT_IN_SET) : category;
}

/** Where a mark is, for its issues. */
function locate(mark: SessionMark, index: number, field?: string): MarkLocation {
  return {
    path: field === undefined ? [index] : [index, field],
    pupilId: mark.pupilId,
    date: mark.date,
    session: mark.session,
  };
}

/**
 * Counts an object-form register into per-set histograms; issues are pushed as found.
 *
 * @param marks - The marks, in any order, each checked by {@link checkMarks}.
 * @param options - The code set and duplicates options.
 * @param issues - Receives unknown codes, codes of the other set and second marks for a session.
 * @param inOrder - Whether the marks already run in register order (as {@link checkMarks} found).
 * @returns The shared histograms, filled.
 * @example
 * const histograms = tallyMarks(marks, {}, issues, checkMarks(marks, issues));
 */
export function tallyMarks(
  marks: readonly SessionMark[],
  options: TallyOptions,
  issues: AttendanceIssue[],
  inOrder: boolean
): Int32Array {
  const histograms = clearedScratch();
  const fixedSet = fixedSetIndex(options.codeSet);
  const resolveByPrecedence = options.duplicates === 'precedence';
  // Sorting is only needed to bring repeated sessions together; registers usually arrive in order.
  const order = inOrder ? null : ascendingOrder(marks);
  // The session being counted: none before the first mark (undefined matches no mark's date, where '' would match
  // a mark with an empty date and send the first mark to look for an earlier one).
  let sessionDate: string | undefined;
  let sessionName: string | undefined;
  let sessionFirstIndex = -1;
  // The histogram slot of the mark currently counted for this session, or -1 when none is.
  let winnerSlot = -1;
  for (let position = 0; position < marks.length; position += 1) {
    const index = order === null ? position : order[position]!;
    const mark = marks[index]!;
    const byte = toCompactCode(mark.code);
    const set =
      fixedSet >= 0 ? (fixedSet as 0 | 1) : mark.date >= CODE_SET_2024_START ? SET_2024 : SET_PRE_2024;
    if (byte === undefined) issues.push(unknownCodeIssue(mark.code, locate(mark, index, 'code')));
    else if (CATEGORY_BY_SET[set][byte] === NOT_IN_SET) {
      issues.push(outsideCodeSetIssue(byte, set, locate(mark, index, 'code')));
    }
    if (mark.date === sessionDate && mark.session === sessionName) {
      const firstCode = marks[sessionFirstIndex]!.code;
      if (!resolveByPrecedence || byte === undefined || winnerSlot < 0) {
        issues.push(
          duplicateMarkIssue(sessionFirstIndex, index, firstCode, mark.code, locate(mark, index), undefined)
        );
        continue;
      }
      const winnerSet = winnerSlot >= HISTOGRAM_WIDTH ? SET_PRE_2024 : SET_2024;
      const winnerByte = winnerSlot - winnerSet * HISTOGRAM_WIDTH;
      const challengerWins =
        PRECEDENCE_BY_CATEGORY[categoryOf(set, byte)]! >
        PRECEDENCE_BY_CATEGORY[categoryOf(winnerSet, winnerByte)]!;
      if (challengerWins) {
        histograms[winnerSlot] = histograms[winnerSlot]! - 1;
        winnerSlot = set * HISTOGRAM_WIDTH + byte;
        histograms[winnerSlot] = histograms[winnerSlot]! + 1;
      }
      const resolvedTo = challengerWins ? mark.code : COMPACT_CODES[winnerByte]!;
      issues.push(
        duplicateMarkIssue(sessionFirstIndex, index, firstCode, mark.code, locate(mark, index), resolvedTo)
      );
      continue;
    }
    sessionDate = mark.date;
    sessionName = mark.session;
    sessionFirstIndex = index;
    if (byte === undefined) {
      winnerSlot = -1;
      continue;
    }
    winnerSlot = set * HISTOGRAM_WIDTH + byte;
    histograms[winnerSlot] = histograms[winnerSlot]! + 1;
  }
  return histograms;
}

/**
 * Whether a challenger mark beats the mark already counted for a session under DfE precedence (present, then
 * approved educational activity, then authorised, then unauthorised absence, then not possible, then no mark);
 * the earlier mark wins a tie. Shared by the object count and the cohort register's ingest.
 *
 * @param set - The code set the challenger is read in (0 for 2024, 1 for pre-2024).
 * @param byte - The challenger's byte.
 * @param winnerSet - The code set of the mark counted so far.
 * @param winnerByte - Its byte.
 * @returns True when the challenger is to be counted instead.
 * @example
 * beatsByPrecedence(SET_2024, toCompactCode('/')!, SET_2024, toCompactCode('O')!) //=> true
 */
export function beatsByPrecedence(set: 0 | 1, byte: number, winnerSet: 0 | 1, winnerByte: number): boolean {
  return (
    PRECEDENCE_BY_CATEGORY[categoryOf(set, byte)]! >
    PRECEDENCE_BY_CATEGORY[categoryOf(winnerSet, winnerByte)]!
  );
}

/**
 * Counts bytes `from` to `to` of a code buffer into per-set histograms and, when a collector is given, notes the
 * sessions each of its window rules counts, in the same pass. This loop is the one place a register's bytes
 * are read: {@link countSessions} and {@link countRollingWindow} run it over one compact register, the cohort
 * engine over each pupil's span of a cohort register.
 *
 * @param codes - The code buffer.
 * @param from - The first byte to count.
 * @param to - One past the last byte.
 * @param split - The first byte read against the 2024 code set; bytes before it use the pre-2024 set.
 * @param histograms - Two histograms of {@link HISTOGRAM_WIDTH} entries (2024 set first), added to.
 * @param collector - The window rules to collect counted sessions for, or null.
 * @param slotOffset - Added to a byte's index to give its session slot (for the collector's positions).
 * @example
 * tallySpan(register.codes, 0, register.codes.length, register.slots.first2024Index, clearedScratch(), null, 0);
 */
export function tallySpan(
  codes: Uint8Array,
  from: number,
  to: number,
  split: number,
  histograms: Int32Array,
  collector: WindowCollector | null,
  slotOffset: number
): void {
  const middle = Math.min(Math.max(split, from), to);
  const pre2024Offset = SET_PRE_2024 * HISTOGRAM_WIDTH;
  const offset2024 = SET_2024 * HISTOGRAM_WIDTH;
  if (collector === null) {
    for (let index = from; index < middle; index += 1) histograms[pre2024Offset + codes[index]!]! += 1;
    for (let index = middle; index < to; index += 1) histograms[offset2024 + codes[index]!]! += 1;
    return;
  }
  // The hot loop only notes where a counted code is; the rules sort those few sessions out afterwards.
  const counts = collector.countsAny;
  const hits = collector.hits;
  let hitCount = 0;
  for (let index = from; index < middle; index += 1) {
    const byte = codes[index]!;
    histograms[pre2024Offset + byte]! += 1;
    if (counts[byte] !== 0) hits[hitCount++] = index;
  }
  for (let index = middle; index < to; index += 1) {
    const byte = codes[index]!;
    histograms[offset2024 + byte]! += 1;
    if (counts[byte] !== 0) hits[hitCount++] = index;
  }
  collectHits(collector, codes, hitCount, slotOffset);
}

/**
 * Whether a span's bytes are all codes of the set they are read in (or {@link NO_RECORD} where allowed), judged
 * from the histograms alone: the sum over the ~40 codes of each set, compared with the span's length. Only when
 * this is false does a caller look at the bytes again to locate the odd ones.
 *
 * @param histograms - The span's histograms, from {@link tallySpan}.
 * @param pre2024Length - Bytes read against the pre-2024 set.
 * @param length2024 - Bytes read against the 2024 set.
 * @param allowNoRecord - Whether {@link NO_RECORD} is a valid byte (cohort registers).
 * @returns True when every byte is accounted for.
 * @example
 * if (!spanCodesInSet(histograms, split, length - split, false)) locateOddBytes();
 */
export function spanCodesInSet(
  histograms: Int32Array,
  pre2024Length: number,
  length2024: number,
  allowNoRecord: boolean
): boolean {
  for (const set of [SET_2024, SET_PRE_2024] as const) {
    const offset = set * HISTOGRAM_WIDTH;
    let inSet = allowNoRecord ? histograms[offset + NO_RECORD]! : 0;
    for (const byte of BYTES_IN_SET[set]) inSet += histograms[offset + byte]!;
    if (inSet !== (set === SET_PRE_2024 ? pre2024Length : length2024)) return false;
  }
  return true;
}

/**
 * Reports each byte of a span that is not a code of the set it is read in: an unknown byte is an error, a code of
 * the other set a warning (it is still counted, by the other set's table).
 *
 * @param codes - The code buffer.
 * @param from - The span's first byte.
 * @param to - One past its last byte.
 * @param split - The first byte read against the 2024 set.
 * @param allowNoRecord - Whether {@link NO_RECORD} is a valid byte.
 * @param report - Called with the byte's index, the byte and whether it is unknown (else outside its set).
 * @example
 * locateOddCodes(codes, 0, codes.length, split, false, (index, byte, unknown) => issues.push(...));
 */
export function locateOddCodes(
  codes: Uint8Array,
  from: number,
  to: number,
  split: number,
  allowNoRecord: boolean,
  report: (index: number, byte: number, set: 0 | 1, unknown: boolean) => void
): void {
  for (let index = from; index < to; index += 1) {
    const byte = codes[index]!;
    if (allowNoRecord && byte === NO_RECORD) continue;
    const set = index < split ? SET_PRE_2024 : SET_2024;
    if (byte >= CODE_COUNT) report(index, byte, set, true);
    else if (CATEGORY_BY_SET[set][byte] === NOT_IN_SET) report(index, byte, set, false);
  }
}

/**
 * The split point of a register's slots between the pre-2024 and 2024 sets, for a code-set option.
 *
 * @param codeSet - The option: one set for every mark, or by date.
 * @param length - The number of slots.
 * @param first2024Index - The first slot on or after the 2024 cut-over.
 * @returns The first slot read against the 2024 set.
 * @example
 * splitFor('by-date', slots.dates.length, slots.first2024Index)
 */
export function splitFor(codeSet: TallyOptions['codeSet'], length: number, first2024Index: number): number {
  const fixedSet = fixedSetIndex(codeSet);
  return fixedSet === SET_2024 ? 0 : fixedSet === SET_PRE_2024 ? length : Math.min(first2024Index, length);
}

/**
 * Counts a compact register into per-set histograms; issues are pushed as found.
 *
 * @param register - The compact register.
 * @param options - The code set and unmarked options.
 * @param issues - Receives unknown bytes (errors) and codes of the other set (warnings).
 * @param collector - Window rules to collect counted sessions for in the same pass, or null.
 * @returns The shared histograms, filled.
 * @example
 * const histograms = tallyCompact(register, {}, issues, null);
 */
export function tallyCompact(
  register: CompactRegister,
  options: TallyOptions,
  issues: AttendanceIssue[],
  collector: WindowCollector | null = null
): Int32Array {
  const { codes, slots } = register;
  assertCompactRegisterShape(register);
  const histograms = clearedScratch();
  const length = codes.length;
  const split = splitFor(options.codeSet, length, slots.first2024Index);
  tallySpan(codes, 0, length, split, histograms, collector, 0);
  if (!spanCodesInSet(histograms, split, length - split, false)) {
    locateOddCodes(codes, 0, length, split, false, (index, byte, set, unknown) => {
      const location = {
        path: ['codes', index],
        pupilId: register.pupilId,
        date: slots.dates[index],
        session: slots.sessions[index],
      };
      issues.push(
        unknown ? unknownCodeIssue(`byte ${byte}`, location) : outsideCodeSetIssue(byte, set, location)
      );
    });
  }
  return histograms;
}

/** Index of present sessions in the totals {@link categoryTotals} writes. */
export const TOTAL_PRESENT = 0;
/** Index of approved educational activity in the totals. */
export const TOTAL_APPROVED_EDUCATIONAL_ACTIVITY = 1;
/** Index of authorised absence in the totals. */
export const TOTAL_AUTHORISED = 2;
/** Index of unauthorised absence in the totals. */
export const TOTAL_UNAUTHORISED = 3;
/** Index of sessions that are not possible in the totals. */
export const TOTAL_NOT_POSSIBLE = 4;
/** Index of sessions with no mark yet in the totals. */
export const TOTAL_UNMARKED = 5;
/** Index of the bytes read against the 2024 set that are its own codes. */
export const TOTAL_IN_SET_2024 = 6;
/** Index of the bytes read against the pre-2024 set that are its own codes. */
export const TOTAL_IN_SET_PRE_2024 = 7;
/** The length of the totals {@link categoryTotals} writes. */
export const TOTALS_LENGTH = 8;

/**
 * Sums per-set histograms into the six statistical outcomes, each byte by the table of the set it was read in
 * (falling back to the other set's table for a code of the other set), and counts the bytes each set knows as
 * its own. The sums run over the ~40 codes, not the marks; both {@link countSessions} and the cohort engine
 * make their totals here.
 *
 * @param histograms - Per-set histograms.
 * @param unmarked - How no mark yet counts: as its own outcome, or as `N`.
 * @param totals - {@link TOTALS_LENGTH} entries, overwritten: present, approved educational activity,
 * authorised, unauthorised, not possible, unmarked, then the bytes of the 2024 set's codes read against it and of
 * the pre-2024 set's read against that (see the `TOTAL_` indexes).
 * @param clear - Whether to zero the code entries read, so that the histograms can count the next register.
 * @example
 * categoryTotals(histograms, 'unmarked', totals, false);
 * totals[TOTAL_AUTHORISED] //=> authorised sessions
 */
export function categoryTotals(
  histograms: Int32Array,
  unmarked: TallyOptions['unmarked'],
  totals: Int32Array,
  clear: boolean
): void {
  const unmarkedCategory = unmarked === 'as-N' ? UNAUTHORISED : UNMARKED;
  totals.fill(0, 0, TOTALS_LENGTH);
  for (let set = 0; set < 2; set += 1) {
    const table = EFFECTIVE_CATEGORY_BY_SET[set]!;
    const own = CATEGORY_BY_SET[set]!;
    const offset = set * HISTOGRAM_WIDTH;
    let inSet = 0;
    for (let byte = 0; byte < CODE_COUNT; byte += 1) {
      const count = histograms[offset + byte]!;
      if (count === 0) continue;
      if (clear) histograms[offset + byte] = 0;
      if (own[byte] !== NOT_IN_SET) inSet += count;
      const category = table[byte]!;
      // The category numbers are the totals' indexes (codeTables.ts keeps them 0–5 in this order).
      totals[category === UNMARKED ? unmarkedCategory : category]! += count;
    }
    totals[set === SET_2024 ? TOTAL_IN_SET_2024 : TOTAL_IN_SET_PRE_2024] = inSet;
  }
}

const totalsScratch = new Int32Array(TOTALS_LENGTH);

/**
 * Turns per-set histograms into {@link SessionCounts}.
 *
 * @param histograms - Per-set histograms.
 * @param options - The unmarked option.
 * @param warnings - The warnings to carry.
 * @returns The counts.
 * @example
 * const counts = countsFromHistograms(tallyCompact(register, {}, issues), {}, issues);
 */
export function countsFromHistograms(
  histograms: Int32Array,
  options: TallyOptions,
  warnings: readonly AttendanceIssue[]
): SessionCounts {
  categoryTotals(histograms, options.unmarked, totalsScratch, false);
  const byCode = emptyCodeCounts();
  for (let byte = 0; byte < CODE_COUNT; byte += 1) {
    const count =
      histograms[SET_2024 * HISTOGRAM_WIDTH + byte]! + histograms[SET_PRE_2024 * HISTOGRAM_WIDTH + byte]!;
    if (count !== 0) byCode[COMPACT_CODES[byte]!] = count;
  }
  const present = totalsScratch[TOTAL_PRESENT]!;
  const approvedEducationalActivity = totalsScratch[TOTAL_APPROVED_EDUCATIONAL_ACTIVITY]!;
  const authorised = totalsScratch[TOTAL_AUTHORISED]!;
  const unauthorised = totalsScratch[TOTAL_UNAUTHORISED]!;
  const attended = present + approvedEducationalActivity;
  const absent = authorised + unauthorised;
  return {
    possible: attended + absent,
    attended,
    present,
    approvedEducationalActivity,
    authorised,
    unauthorised,
    absent,
    notPossible: totalsScratch[TOTAL_NOT_POSSIBLE]!,
    unmarked: totalsScratch[TOTAL_UNMARKED]!,
    late: byCode.L,
    lateAfterRegisterClosed: byCode.U,
    byCode,
    warnings,
  };
}
