import { CODE_SET_2024_START } from '../codes/codeSetDates.js';
import { COMPACT_CODES, toCompactCode } from '../codes/compactCodes.js';
import type { CodeSetId, RegisterCode } from '../codes/types.js';
import type { AttendanceIssue } from '../errors.js';
import type { CompactRegister, SessionCounts, SessionMark } from '../sessions/types.js';
import { duplicateMarkIssue, outsideCodeSetIssue, unknownCodeIssue } from './codeIssues.js';
import type { MarkLocation } from './codeIssues.js';
import { invalidArgument } from './issues.js';
import { ascendingOrder, isAscending } from './markOrder.js';
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
} from './codeTables.js';

/** Options shared by both forms of the session count. */
export interface TallyOptions {
  readonly codeSet?: CodeSetId | 'by-date' | undefined;
  readonly duplicates?: 'error' | 'precedence' | undefined;
  readonly unmarked?: 'unmarked' | 'as-N' | undefined;
}

/** A histogram per code set: `histograms[set * 256 + byte]`, wide enough for any byte a caller can store. */
const HISTOGRAM_WIDTH = 256;

// Precedence for overlapping registers, highest first: a mark that shows the pupil was educated beats an
// absence, an explained absence beats an unexplained one, and any mark beats "not possible" or no mark.
const PRECEDENCE_BY_CATEGORY = new Uint8Array(256);
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

function clearedScratch(): Int32Array {
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

/** Counts an object-form register into per-set histograms; issues are pushed as found. */
function locate(mark: SessionMark, index: number, field?: string): MarkLocation {
  return {
    path: field === undefined ? [index] : [index, field],
    pupilId: mark.pupilId,
    date: mark.date,
    session: mark.session,
  };
}

export function tallyMarks(
  marks: readonly SessionMark[],
  options: TallyOptions,
  issues: AttendanceIssue[]
): Int32Array {
  const histograms = clearedScratch();
  const fixedSet = fixedSetIndex(options.codeSet);
  const resolveByPrecedence = options.duplicates === 'precedence';
  // Sorting is only needed to bring repeated sessions together; registers usually arrive in order.
  const order = isAscending(marks) ? null : ascendingOrder(marks);
  let sessionDate = '';
  let sessionName = '';
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

/** Counts a compact register into per-set histograms; issues are pushed as found. */
export function tallyCompact(
  register: CompactRegister,
  options: TallyOptions,
  issues: AttendanceIssue[]
): Int32Array {
  const { codes, slots } = register;
  if (codes.length !== slots.dates.length) {
    invalidArgument({
      code: 'invalid_value',
      message: `A compact register needs one code per session slot: ${codes.length} codes for ${slots.dates.length} slots.`,
      path: ['codes'],
      ...(register.pupilId === undefined ? {} : { pupilId: register.pupilId }),
      field: 'codes',
      expected: `${slots.dates.length} codes`,
      received: `${codes.length} codes`,
    });
  }
  const histograms = clearedScratch();
  const fixedSet = fixedSetIndex(options.codeSet);
  const length = codes.length;
  // Slots are ascending, so one split point separates the pre-2024 sessions from the 2024 ones.
  const split =
    fixedSet === SET_2024 ? 0 : fixedSet === SET_PRE_2024 ? length : Math.min(slots.first2024Index, length);
  const pre2024Offset = SET_PRE_2024 * HISTOGRAM_WIDTH;
  for (let index = 0; index < split; index += 1) {
    const slot = pre2024Offset + codes[index]!;
    histograms[slot] = histograms[slot]! + 1;
  }
  const offset2024 = SET_2024 * HISTOGRAM_WIDTH;
  for (let index = split; index < length; index += 1) {
    const slot = offset2024 + codes[index]!;
    histograms[slot] = histograms[slot]! + 1;
  }
  // The rare cases (unknown bytes, codes of the other set) are located by a second look only when the
  // segment's marks are not all accounted for by the set's own codes.
  for (const set of [SET_2024, SET_PRE_2024] as const) {
    const table = CATEGORY_BY_SET[set];
    const segmentLength = set === SET_PRE_2024 ? split : length - split;
    let inSet = 0;
    for (const byte of BYTES_IN_SET[set]) inSet += histograms[set * HISTOGRAM_WIDTH + byte]!;
    const needsLook = inSet !== segmentLength;
    if (!needsLook) continue;
    const [from, to] = set === SET_PRE_2024 ? [0, split] : [split, length];
    for (let index = from; index < to; index += 1) {
      const byte = codes[index]!;
      const location = {
        path: ['codes', index],
        pupilId: register.pupilId,
        date: slots.dates[index],
        session: slots.sessions[index],
      };
      if (byte >= CODE_COUNT) issues.push(unknownCodeIssue(`byte ${byte}`, location));
      else if (table[byte] === NOT_IN_SET) issues.push(outsideCodeSetIssue(byte, set, location));
    }
  }
  return histograms;
}

/** Turns per-set histograms into {@link SessionCounts}; the sums run over the ~40 codes, not the marks. */
export function countsFromHistograms(
  histograms: Int32Array,
  options: TallyOptions,
  warnings: readonly AttendanceIssue[]
): SessionCounts {
  const unmarkedCategory = options.unmarked === 'as-N' ? UNAUTHORISED : UNMARKED;
  let present = 0;
  let approvedEducationalActivity = 0;
  let authorised = 0;
  let unauthorised = 0;
  let notPossible = 0;
  let unmarked = 0;
  const byCode = emptyCodeCounts();
  for (let byte = 0; byte < CODE_COUNT; byte += 1) {
    const count2024 = histograms[SET_2024 * HISTOGRAM_WIDTH + byte]!;
    const countPre2024 = histograms[SET_PRE_2024 * HISTOGRAM_WIDTH + byte]!;
    if (count2024 + countPre2024 === 0) continue;
    byCode[COMPACT_CODES[byte]!] = count2024 + countPre2024;
    for (let set = 0; set < 2; set += 1) {
      const count = set === SET_2024 ? count2024 : countPre2024;
      if (count === 0) continue;
      let category = EFFECTIVE_CATEGORY_BY_SET[set]![byte]!;
      if (category === UNMARKED) category = unmarkedCategory;
      if (category === PRESENT) present += count;
      else if (category === APPROVED_EDUCATIONAL_ACTIVITY) approvedEducationalActivity += count;
      else if (category === AUTHORISED) authorised += count;
      else if (category === UNAUTHORISED) unauthorised += count;
      else if (category === NOT_POSSIBLE) notPossible += count;
      else unmarked += count;
    }
  }
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
    notPossible,
    unmarked,
    late: byCode.L,
    lateAfterRegisterClosed: byCode.U,
    byCode,
    warnings,
  };
}
