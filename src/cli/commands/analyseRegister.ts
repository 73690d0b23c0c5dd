import { analyseCohortRegister } from '../../cohort/analyseCohortRegister.js';
import type { CohortRegisterFigures } from '../../cohort/types.js';
import type { AttendanceIssue } from '../../errors.js';
import type { WindowRule } from '../../windows/types.js';
import { locateIssues } from '../load/locateIssues.js';
import type { AnalysisContext } from './context.js';

/** The cohort engine's figures for the pupils a command reports on. */
export interface RegisterAnalysis {
  /** Every pupil's figures, as columns indexed by the pupil's index in the register. */
  readonly figures: CohortRegisterFigures;
  /** The pupils reported on, in file order: those asked for that have a mark up to the as-of date. */
  readonly pupils: readonly number[];
  /** The warnings of those pupils (e.g. a legacy code after the 2024 cut-over), each located in the file. */
  readonly warnings: readonly AttendanceIssue[];
  /** The indexes of the pupils with an error (a counted window session the calendar cannot place). */
  readonly pupilsWithErrors: ReadonlySet<number>;
}

/**
 * Runs the cohort engine once over the register as loaded: one pass over every pupil's bytes for their counts,
 * absence class, band and window rules, up to the as-of date. Issues are worded as the per-pupil functions word
 * them, located at the mark's file line.
 *
 * @param context - The register, policy, calendar and options.
 * @param windows - Window rules to apply (they need the calendar).
 * @returns The figures, the pupils to report and their located warnings.
 * @example
 * const { figures, pupils } = analyseRegister(context);
 * pupils.filter((pupil) => figures.absenceClass[pupil] === 2).length //=> severely absent pupils
 */
export function analyseRegister(
  context: AnalysisContext,
  windows: readonly WindowRule[] = []
): RegisterAnalysis {
  const store = context.register.marks;
  const register = store.register;
  const figures = analyseCohortRegister(register, {
    policy: context.policy.value,
    ...(context.calendar === undefined ? {} : { calendar: context.calendar }),
    ...(windows.length === 0 ? {} : { windows }),
    ...(context.asOf === undefined ? {} : { asOf: context.asOf }),
  });
  const { slots, firstSlots, lengths } = register;
  // A pupil with no marks up to the date had no register yet, as in the per-pupil commands.
  const pupils = context.pupilIndexes.filter(
    (pupil) =>
      lengths[pupil]! > 0 && (context.asOf === undefined || slots.dates[firstSlots[pupil]!]! <= context.asOf)
  );
  const reported = new Set(pupils);
  const pupilsWithErrors = new Set<number>();
  const byPupil = new Map<number, AttendanceIssue[]>();
  const pupilIndex = new Map(register.pupilIds.map((pupilId, pupil) => [pupilId, pupil]));
  for (const issue of figures.warnings) {
    const pupil = pupilIndex.get(issue.pupilId ?? '') ?? -1;
    if (!reported.has(pupil)) continue;
    if (issue.severity === 'error') pupilsWithErrors.add(pupil);
    else byPupil.set(pupil, [...(byPupil.get(pupil) ?? []), issue]);
  }
  const warnings: AttendanceIssue[] = [];
  for (const pupil of pupils) {
    const issues = byPupil.get(pupil);
    if (issues === undefined) continue;
    // Worded over the pupil's marks as objects, as countSessions words them: the mark's position, then its line.
    const marks = store.marksOfIndex(pupil, context.asOf);
    const positioned = issues.map((issue) => {
      const index = marks.findIndex((mark) => mark.date === issue.date && mark.session === issue.session);
      return { ...issue, path: [index, 'code'] };
    });
    warnings.push(...locateIssues(positioned, context.register.source, marks));
  }
  return { figures, pupils, warnings, pupilsWithErrors };
}
