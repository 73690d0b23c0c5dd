/**
 * What the library itself computes for a register, in the shape the SQL views give it: the other side of every
 * differential test. Each pupil's register goes through the library's own route, createCohortRegister then
 * analyseCohortRegister, and the cohort through aggregateCohort; the calendar's contradictions through
 * checkMarksAgainstCalendar. Nothing here re-implements a rule.
 */
import {
  ABSENCE_CLASSES,
  aggregateCohort,
  analyseCohortRegister,
  checkMarksAgainstCalendar,
  createCohortRegister,
  DFE_POLICY,
  isAttendanceError,
} from '../../src/index.js';
import type { AttendanceIssue, SessionMark } from '../../src/index.js';
import type { RulesSqlOptions } from '../../src/sql/index.js';
import type { RawMark } from './_arbitraries.js';

/** One pupil's figures, as the `pupil_figures` and `pupil_windows` views give them. */
export interface PupilResult {
  readonly possible: number;
  readonly attended: number;
  readonly present: number;
  readonly approved_educational_activity: number;
  readonly authorised: number;
  readonly unauthorised: number;
  readonly absent: number;
  readonly not_possible: number;
  readonly unmarked: number;
  readonly late: number;
  readonly late_after_register_closed: number;
  readonly absence_class: string;
  readonly band_index: number | null;
  /** Per rule name: `counted/maximum/first reached date and session` (or `-`). */
  readonly windows: Readonly<Record<string, string>>;
}

/** The cohort, as the `cohort` and `cohort_bands` views give it. */
export interface CohortResult {
  readonly enrolments: number;
  readonly excluded_no_possible_sessions: number;
  readonly withheld_pupils: number;
  readonly possible: number;
  readonly attended: number;
  readonly absent: number;
  readonly authorised: number;
  readonly unauthorised: number;
  readonly persistent_absentees: number;
  readonly severe_absentees: number;
  readonly bands: readonly number[];
}

/** Everything compared. */
export interface RulesResult {
  readonly pupils: Readonly<Record<string, PupilResult>>;
  /** Pupils whose figures are withheld, with the distinct issue codes that withhold them. */
  readonly withheld: Readonly<Record<string, string>>;
  /** Pupils with figures: the distinct issue codes reported beside them. */
  readonly reported: Readonly<Record<string, string>>;
  readonly cohort: CohortResult;
}

/** The issues a pupil's marks have beside the figures, and those that stop them, as sorted code lists. */
function codesOf(issues: readonly AttendanceIssue[]): string {
  return [...new Set(issues.map((issue) => issue.code))].sort().join(' ');
}

/** The window result as one comparable string. */
export function windowText(
  counted: number,
  maximum: number,
  date: string | null,
  session: string | null
): string {
  return `${counted}/${maximum}/${date === null ? '-' : `${date} ${session}`}`;
}

/**
 * The library's figures for raw marks under the same options the SQL was compiled with.
 *
 * @param marks - The marks, in the register's order (a duplicate's tie goes to the earlier).
 */
export function libraryResult(
  marks: readonly RawMark[],
  options: Omit<RulesSqlOptions, 'dialect'>
): RulesResult {
  const basePolicy = options.policy ?? DFE_POLICY;
  const policy = options.bands === undefined ? basePolicy : { ...basePolicy, bands: options.bands };
  const windows = options.windows ?? [{ name: 'penalty_notice', rule: policy.penaltyNotice }];
  const asOf = options.asOf;
  const byPupil = new Map<string, SessionMark[]>();
  for (const mark of marks) {
    const list = byPupil.get(mark.pupilId) ?? [];
    list.push(mark as unknown as SessionMark);
    byPupil.set(mark.pupilId, list);
  }
  const pupils: Record<string, PupilResult> = {};
  const withheld: Record<string, string> = {};
  const reported: Record<string, string> = {};
  const enrolments: { id: string; counts: PupilResult }[] = [];
  for (const [pupilId, pupilMarks] of byPupil) {
    let register;
    try {
      register = createCohortRegister([[pupilId, pupilMarks]], {
        ...(options.duplicates === undefined ? {} : { duplicates: options.duplicates }),
      });
    } catch (error) {
      if (!isAttendanceError(error)) throw error;
      withheld[pupilId] = codesOf(error.issues);
      continue;
    }
    const figures = analyseCohortRegister(register, {
      policy,
      calendar: options.calendar,
      windows: windows.map((window) => window.rule),
      ...(asOf === undefined ? {} : { asOf }),
      ...(options.codeSet === undefined ? {} : { codeSet: options.codeSet }),
      ...(options.unmarked === undefined ? {} : { unmarked: options.unmarked }),
    });
    const counts = figures.counts;
    const band = figures.band[0]!;
    const result: PupilResult = {
      possible: counts.possible[0]!,
      attended: counts.attended[0]!,
      present: counts.present[0]!,
      approved_educational_activity: counts.approvedEducationalActivity[0]!,
      authorised: counts.authorised[0]!,
      unauthorised: counts.unauthorised[0]!,
      absent: counts.absent[0]!,
      not_possible: counts.notPossible[0]!,
      unmarked: counts.unmarked[0]!,
      late: counts.late[0]!,
      late_after_register_closed: counts.lateAfterRegisterClosed[0]!,
      absence_class: ABSENCE_CLASSES[figures.absenceClass[0]!]!,
      band_index: band < 0 ? null : band,
      windows: Object.fromEntries(
        windows.map(({ name }, index) => {
          const columns = figures.windows[index]!;
          const slot = columns.firstReachedSlot[0]!;
          return [
            name,
            windowText(
              columns.counted[0]!,
              columns.maximum[0]!,
              slot < 0 ? null : register.slots.dates[slot]!,
              slot < 0 ? null : register.slots.sessions[slot]!
            ),
          ];
        })
      ),
    };
    pupils[pupilId] = result;
    enrolments.push({ id: pupilId, counts: result });
    const calendarIssues = checkMarksAgainstCalendar(pupilMarks, options.calendar);
    reported[pupilId] = codesOf([...register.warnings, ...figures.warnings, ...calendarIssues]);
  }
  const cohort = aggregateCohort(enrolments, { policy });
  return {
    pupils,
    withheld,
    reported,
    cohort: {
      enrolments: cohort.enrolments,
      excluded_no_possible_sessions: cohort.excludedNoPossibleSessions,
      withheld_pupils: Object.keys(withheld).length,
      possible: cohort.possible,
      attended: cohort.attended,
      absent: cohort.absent,
      authorised: cohort.authorised,
      unauthorised: cohort.unauthorised,
      persistent_absentees: cohort.persistentAbsentees,
      severe_absentees: cohort.severeAbsentees,
      bands: cohort.bands.map((band) => band.enrolments),
    },
  };
}
