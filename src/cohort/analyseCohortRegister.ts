import { COMPACT_CODES } from '../codes/compactCodes.js';
import type { AttendanceIssue } from '../errors.js';
import { DFE_POLICY } from '../policy/presets.js';
import type { AttendancePolicy } from '../policy/types.js';
import type { AbsenceClass } from '../sessions/classifyAbsence.js';
import { bandIndexOf } from '../sessions/classifyBand.js';
import { firstSlotFrom } from '../sessions/slotSearch.js';
import {
  categoryTotals,
  clearedScratch,
  countsFromHistograms,
  HISTOGRAM_WIDTH,
  locateOddCodes,
  NO_RECORD,
  splitFor,
  tallySpan,
  TOTAL_APPROVED_EDUCATIONAL_ACTIVITY,
  TOTAL_IN_SET_2024,
  TOTAL_IN_SET_PRE_2024,
  TOTAL_AUTHORISED,
  TOTAL_NOT_POSSIBLE,
  TOTAL_PRESENT,
  TOTAL_UNAUTHORISED,
  TOTAL_UNMARKED,
  TOTALS_LENGTH,
} from '../sessions/tally.js';
import { emptySlideOutcome, slideWindow } from '../windows/slideWindow.js';
import {
  createWindowCollector,
  MAX_COLLECTED_RULES,
  membershipOf,
  NOT_IN_CALENDAR,
  resetWindowCollector,
} from '../windows/windowCollector.js';
import type { WindowCollector } from '../windows/windowCollector.js';
import { outsideCodeSetIssue, unknownCodeIssue } from '../_internal/codeIssues.js';
import { absenceMeetsThreshold } from '../_internal/absenceThreshold.js';
import { invalidArgument } from '../_internal/issues.js';
import type {
  AnalyseCohortRegisterOptions,
  CohortCountColumns,
  CohortPupilFigures,
  CohortRegister,
  CohortRegisterFigures,
  CohortWindowColumns,
} from './types.js';

/**
 * The absence classes by their number in {@link CohortRegisterFigures.absenceClass}.
 *
 * @example
 * ABSENCE_CLASSES[figures.absenceClass[0]!] //=> 'none', 'persistent' or 'severe'
 * @category Cohorts
 */
export const ABSENCE_CLASSES: readonly AbsenceClass[] = Object.freeze([
  'none',
  'persistent',
  'severe',
] as const);

const LATE = COMPACT_CODES.indexOf('L');
const LATE_AFTER_REGISTER_CLOSED = COMPACT_CODES.indexOf('U');

function countColumns(pupils: number): CohortCountColumns {
  return {
    possible: new Int32Array(pupils),
    attended: new Int32Array(pupils),
    present: new Int32Array(pupils),
    approvedEducationalActivity: new Int32Array(pupils),
    authorised: new Int32Array(pupils),
    unauthorised: new Int32Array(pupils),
    absent: new Int32Array(pupils),
    notPossible: new Int32Array(pupils),
    unmarked: new Int32Array(pupils),
    late: new Int32Array(pupils),
    lateAfterRegisterClosed: new Int32Array(pupils),
  };
}

/**
 * Every pupil's figures from a {@link CohortRegister}, in one pass over each pupil's bytes: session counts,
 * persistent and severe absence, the band of the policy's table, and each window rule's largest count and the
 * session at which it first reached its threshold. The results are typed-array columns, one entry per pupil;
 * `figures.pupil(i)` gives one pupil's as an object.
 *
 * @remarks
 * The rules are the ones the per-pupil functions apply, not copies: the same counting pass as
 * {@link countSessions}, the same sliding window as {@link countRollingWindow}, the same threshold and band
 * tests as {@link classifyAbsence} and {@link classifyBand}, so the columns equal what those give pupil by pupil.
 * Nothing is allocated per pupil or per mark, apart from an issue when there is one.
 *
 * Issues never stop the analysis: a code of the other code set is counted by its own table with a warning; a
 * counted window session the calendar cannot place (outside it, or in a week without sessions when counting
 * school weeks) is left out of that window with an error naming the pupil, date and session, where
 * {@link countRollingWindow} would throw.
 *
 * @param register - The cohort register, from {@link createCohortRegister} or an importer.
 * @param options - The policy, the calendar and window rules, and the counting options.
 * @returns The columns.
 * @throws {@link AttendanceError} If window rules are given without a calendar, or more than 32 of them.
 * @example
 * const figures = analyseCohortRegister(register, {
 *   policy: HCAT_POLICY,
 *   calendar,
 *   windows: [HCAT_POLICY.penaltyNotice],
 * });
 * figures.absenceClass.filter((absenceClass) => absenceClass > 0).length //=> persistent absentees
 * figures.windows[0]!.firstReachedSlot[0] //=> the slot where pupil 0 first reached the penalty threshold, or -1
 * @category Cohorts
 */
export function analyseCohortRegister(
  register: CohortRegister,
  options: AnalyseCohortRegisterOptions = {}
): CohortRegisterFigures {
  const policy = options.policy ?? DFE_POLICY;
  const rules = options.windows ?? [];
  const { calendar } = options;
  if (rules.length > 0 && calendar === undefined) {
    invalidArgument({
      code: 'invalid_value',
      message: 'Window rules need the calendar that places sessions in weeks; pass options.calendar.',
      path: ['calendar'],
      field: 'calendar',
      expected: 'a school calendar',
      received: 'undefined',
    });
  }
  if (rules.length > MAX_COLLECTED_RULES) {
    invalidArgument({
      code: 'invalid_value',
      message: `At most ${MAX_COLLECTED_RULES} window rules can be applied in one pass; received ${rules.length}.`,
      path: ['windows'],
      field: 'windows',
      expected: `at most ${MAX_COLLECTED_RULES} rules`,
      received: `${rules.length} rules`,
    });
  }
  const { codes, offsets, firstSlots, lengths, slots, pupilIds } = register;
  const pupils = pupilIds.length;
  let longest = 0;
  // Stryker disable next-line MethodExpression: only sizes the collector up front; resetWindowCollector grows it for any longer span
  for (let pupil = 0; pupil < pupils; pupil += 1) longest = Math.max(longest, lengths[pupil]!);
  const collector: WindowCollector | null =
    // Stryker disable next-line LogicalOperator: rules without a calendar have thrown above, and a collector for no rules collects nothing
    rules.length > 0 && calendar !== undefined
      ? createWindowCollector(rules, slots, calendar, longest)
      : null;

  const counts = countColumns(pupils);
  const absenceClass = new Uint8Array(pupils);
  const band = new Int16Array(pupils);
  const windows: CohortWindowColumns[] = rules.map((rule) => ({
    rule,
    counted: new Int32Array(pupils),
    maximum: new Int32Array(pupils),
    firstReachedSlot: new Int32Array(pupils),
  }));
  const issues: AttendanceIssue[] = [];
  const totals = new Int32Array(TOTALS_LENGTH);
  const outcome = emptySlideOutcome();
  const split2024 = splitFor(options.codeSet, slots.dates.length, slots.first2024Index);
  const { persistentAbsence, severeAbsence } = policy;
  const bandTable = policy.bands;
  const attendanceBands = bandTable.measure === 'attendance';
  const histograms = clearedScratch();
  const endSlot = endSlotOf(register, options.asOf);

  for (let pupil = 0; pupil < pupils; pupil += 1) {
    const from = offsets[pupil]!;
    const firstSlot = firstSlots[pupil]!;
    const length = Math.max(0, Math.min(lengths[pupil]!, endSlot - firstSlot));
    const to = from + length;
    // Bytes from `split` on are read against the 2024 code set.
    const split = from + split2024 - firstSlot;
    if (collector !== null) resetWindowCollector(collector, length);
    tallySpan(codes, from, to, split, histograms, collector, firstSlot - from);
    const late = histograms[LATE]! + histograms[HISTOGRAM_WIDTH + LATE]!;
    const lateAfterRegisterClosed =
      histograms[LATE_AFTER_REGISTER_CLOSED]! + histograms[HISTOGRAM_WIDTH + LATE_AFTER_REGISTER_CLOSED]!;
    // One look at the ~40 codes of each set sums the outcomes, counts the bytes each set knows, and clears them.
    categoryTotals(histograms, options.unmarked, totals, true);
    // Stryker disable next-line MethodExpression,ArithmeticOperator: a wrong length can only fail the cheap check below (the known bytes cannot then add up to the span), and the byte-by-byte look finds the same codes
    const pre2024Length = Math.min(Math.max(split - from, 0), length);
    // Stryker disable next-line ArithmeticOperator: as above, a smaller known count only sends the span to the byte-by-byte look, which skips no-record bytes
    const known2024 = totals[TOTAL_IN_SET_2024]! + histograms[NO_RECORD]!;
    // Stryker disable next-line ArithmeticOperator: as above; histograms[1] was cleared by categoryTotals, so reading it instead only leaves the gaps out
    const knownPre2024 = totals[TOTAL_IN_SET_PRE_2024]! + histograms[HISTOGRAM_WIDTH + NO_RECORD]!;
    // Stryker disable next-line ArithmeticOperator: as above, a failed check only sends a clean span to the byte-by-byte look, which finds nothing
    const inSet = known2024 === length - pre2024Length && knownPre2024 === pre2024Length;
    histograms[NO_RECORD] = 0;
    histograms[HISTOGRAM_WIDTH + NO_RECORD] = 0;
    if (!inSet) {
      // Rare: unknown bytes or codes of the other set, located by a second look at the pupil's bytes.
      reportOddCodes(register, pupil, length, split, issues);
      histograms.fill(0);
    }

    const present = totals[TOTAL_PRESENT]!;
    const approved = totals[TOTAL_APPROVED_EDUCATIONAL_ACTIVITY]!;
    const authorised = totals[TOTAL_AUTHORISED]!;
    const unauthorised = totals[TOTAL_UNAUTHORISED]!;
    const attended = present + approved;
    const absent = authorised + unauthorised;
    const possible = attended + absent;
    counts.possible[pupil] = possible;
    counts.attended[pupil] = attended;
    counts.present[pupil] = present;
    counts.approvedEducationalActivity[pupil] = approved;
    counts.authorised[pupil] = authorised;
    counts.unauthorised[pupil] = unauthorised;
    counts.absent[pupil] = absent;
    counts.notPossible[pupil] = totals[TOTAL_NOT_POSSIBLE]!;
    counts.unmarked[pupil] = totals[TOTAL_UNMARKED]!;
    counts.late[pupil] = late;
    counts.lateAfterRegisterClosed[pupil] = lateAfterRegisterClosed;
    absenceClass[pupil] = absenceMeetsThreshold(absent, possible, severeAbsence)
      ? 2
      : absenceMeetsThreshold(absent, possible, persistentAbsence)
        ? 1
        : 0;
    band[pupil] = possible === 0 ? -1 : bandIndexOf(attendanceBands ? attended : absent, possible, bandTable);

    if (collector === null) continue;
    for (let rule = 0; rule < rules.length; rule += 1) {
      const { length: ruleLength, threshold } = rules[rule]!;
      const counted = collector.counted[rule]!;
      slideWindow(collector.countedPositions[rule]!, counted, ruleLength, threshold, outcome, null);
      const columns = windows[rule]!;
      columns.counted[pupil] = counted;
      columns.maximum[pupil] = outcome.maximum;
      columns.firstReachedSlot[pupil] =
        outcome.firstReachedEnd < 0 ? -1 : collector.countedSlots[rule]![outcome.firstReachedEnd]!;
      if (collector.unplaced[rule]! > 0) reportUnplaced(register, pupil, length, collector, rule, issues);
    }
  }

  return {
    register,
    counts,
    absenceClass,
    band,
    windows,
    warnings: issues,
    policy,
    pupil: (pupil) =>
      pupilFigures(register, pupil, options, { counts, absenceClass, band, windows, issues, policy }),
  };
}

/** One past the last slot on or before `asOf` (all slots without it). */
function endSlotOf(register: CohortRegister, asOf: string | undefined): number {
  return asOf === undefined ? register.slots.dates.length : firstSlotFrom(register.slots, asOf, true);
}

/** Locates the bytes of a pupil's span that are not codes of the set they are read in (rare). */
function reportOddCodes(
  register: CohortRegister,
  pupil: number,
  length: number,
  split: number,
  issues: AttendanceIssue[]
): void {
  const from = register.offsets[pupil]!;
  const slotOffset = register.firstSlots[pupil]! - from;
  const pupilId = register.pupilIds[pupil]!;
  locateOddCodes(register.codes, from, from + length, split, true, (index, byte, set, unknown) => {
    const slot = index + slotOffset;
    const location = {
      path: ['codes', index],
      pupilId,
      date: register.slots.dates[slot],
      session: register.slots.sessions[slot],
    };
    issues.push(
      unknown ? unknownCodeIssue(`byte ${byte}`, location) : outsideCodeSetIssue(byte, set, location)
    );
  });
}

/** Locates a pupil's counted sessions that a rule's unit cannot place (rare). */
function reportUnplaced(
  register: CohortRegister,
  pupil: number,
  length: number,
  collector: WindowCollector,
  rule: number,
  issues: AttendanceIssue[]
): void {
  const windowRule = collector.rules[rule]!;
  const membership = membershipOf(windowRule);
  const positions = collector.unitPositions[rule]!;
  const from = register.offsets[pupil]!;
  const firstSlot = register.firstSlots[pupil]!;
  for (let index = 0; index < length; index += 1) {
    const slot = firstSlot + index;
    const byte = register.codes[from + index]!;
    if (membership[byte] === 0 || slot < collector.firstSlots[rule]! || positions[slot] !== NOT_IN_CALENDAR)
      continue;
    const date = register.slots.dates[slot]!;
    const session = register.slots.sessions[slot]!;
    issues.push({
      code: 'mark_on_closed_session',
      severity: 'error',
      message: `Counted mark "${COMPACT_CODES[byte]!}" (pupil ${register.pupilIds[pupil]!}, ${date} ${session}) cannot be placed in the rule's ${windowRule.unit}: it is outside the calendar or in a week without school sessions, so it is left out of the window.`,
      path: ['codes', from + index],
      pupilId: register.pupilIds[pupil]!,
      date,
      session,
      field: 'date',
      expected: 'a date in a school week of the calendar',
      received: date,
    });
  }
}

function pupilFigures(
  register: CohortRegister,
  pupil: number,
  options: AnalyseCohortRegisterOptions,
  columns: {
    counts: CohortCountColumns;
    absenceClass: Uint8Array;
    band: Int16Array;
    windows: readonly CohortWindowColumns[];
    issues: readonly AttendanceIssue[];
    policy: AttendancePolicy;
  }
): CohortPupilFigures {
  const pupilId = register.pupilIds[pupil]!;
  const from = register.offsets[pupil]!;
  const firstSlot = register.firstSlots[pupil]!;
  const split =
    // Stryker disable next-line ArithmeticOperator: a code has the same category in both sets (a code of one set is counted by the other's table), so the split cannot change the counts
    from + splitFor(options.codeSet, register.slots.dates.length, register.slots.first2024Index) - firstSlot;
  const histograms = clearedScratch();
  const length = Math.max(
    0,
    Math.min(register.lengths[pupil]!, endSlotOf(register, options.asOf) - firstSlot)
  );
  tallySpan(register.codes, from, from + length, split, histograms, null, 0);
  const warnings = columns.issues.filter(
    (issue) => issue.pupilId === pupilId && issue.severity === 'warning'
  );
  const counts = countsFromHistograms(histograms, options, warnings);
  histograms.fill(0);
  const bandIndex = columns.band[pupil]!;
  const { dates, sessions } = register.slots;
  return {
    pupilId,
    counts,
    absenceClass: ABSENCE_CLASSES[columns.absenceClass[pupil]!]!,
    band: bandIndex < 0 ? null : columns.policy.bands.bands[bandIndex]!,
    windows: columns.windows.map((window) => {
      const slot = window.firstReachedSlot[pupil]!;
      return {
        rule: window.rule,
        counted: window.counted[pupil]!,
        maximum: window.maximum[pupil]!,
        firstReached: slot < 0 ? null : { date: dates[slot]!, session: sessions[slot]! },
      };
    }),
  };
}
