import type { SchoolCalendar } from '../../calendar/types.js';
import type { AttendanceIssue } from '../../errors.js';
import type { AttendanceReport } from '../../report/types.js';
import type { PublishedFigures } from '../../report/comparison/types.js';
import type { PupilAttributes } from '../../report/pupilAttributes/types.js';
import type { ReportCommandOptions } from '../types.js';
import { UsageError } from '../usageError.js';
import { analyseRegister } from './analyseRegister.js';
import type { AnalysisContext } from './context.js';
import type { Casework } from './escalation.js';
import { escalationCommand } from './escalation.js';

/** What `report` draws from besides the register: the files its options name, read and checked. */
export interface ReportInputs {
  /** The command's options. */
  readonly report: ReportCommandOptions;
  /** The pupil attributes (`--pupils`). */
  readonly pupils?: PupilAttributes;
  /** The published figures (`--compare`). */
  readonly comparison?: PublishedFigures;
  /** The case log (`--events`). */
  readonly casework: Casework;
}

/** The report drawn, the data behind it and the warnings to show. */
export interface ReportRun {
  /** The HTML document. */
  readonly html: string;
  /** The report's data. */
  readonly report: AttendanceReport;
  /** Warnings (located), for stderr. */
  readonly warnings: readonly AttendanceIssue[];
  /** Notes for stderr, e.g. pupils of the register with no row in the pupil-attributes file. */
  readonly notes: readonly string[];
}

/**
 * `report`: the register read once through the cohort engine (counts, bands, the penalty-notice window), the
 * escalation machine run to the as-of date for the escalation picture, and the report built and drawn by the
 * `school-attendance/report` entry, which is loaded here and only here, with its chart library, so that no other
 * command pays for them.
 *
 * @param context - The register, policies, calendar and options.
 * @param calendar - The school calendar.
 * @param inputs - The report's options and the files they name.
 * @returns The HTML, the data and the warnings.
 * @throws {@link UsageError} If a pupil asked for a card is not in the register, a `--group-by` column is not in
 *   the pupil-attributes file, or there is no date to run the escalation to (an empty register without `--as-of`,
 *   or a date before the calendar).
 * @throws `AttendanceError` If the register cannot be analysed, or the chart library is missing.
 * @example
 * const { html } = await reportCommand(context, calendar, { report: { aggregateOnly: false, cards: [] }, casework: {} });
 */
export async function reportCommand(
  context: AnalysisContext,
  calendar: SchoolCalendar,
  inputs: ReportInputs
): Promise<ReportRun> {
  const { report: options } = inputs;
  const store = context.register.marks;
  const unknown = options.cards.filter((pupilId) => !store.pupilIds.includes(pupilId));
  if (unknown.length > 0) {
    throw new UsageError(`No pupil ${unknown.join(', ')} in ${context.register.source}.`, 'report');
  }
  const columns = inputs.pupils?.columns ?? [];
  const missing = (options.groupBy ?? []).filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    throw new UsageError(
      `--group-by: the pupil-attributes file has no column ${missing.join(', ')}; its columns are ${columns.join(', ')}.`,
      'report'
    );
  }
  const { buildAttendanceReport, renderAttendanceReport } = await import('../../report/index.js');
  const policy = context.policy.value;
  const { figures, warnings } = analyseRegister(context, [policy.penaltyNotice]);
  const escalation = (() => {
    try {
      return escalationCommand(context, calendar, inputs.casework);
    } catch (error) {
      // The same mistake (no date to run to, a date before the calendar) is this command's to explain.
      if (error instanceof UsageError) throw new UsageError(error.message, 'report');
      throw error;
    }
  })();
  const notes: string[] = [];
  if (inputs.pupils !== undefined) {
    const without = store.pupilIds.filter((pupilId) => !inputs.pupils!.attributes.has(pupilId)).length;
    if (without > 0) {
      notes.push(
        `${without === 1 ? 'one pupil' : `${without} pupils`} of the register ${without === 1 ? 'has' : 'have'} no row in the pupil-attributes file, so ${without === 1 ? 'is' : 'are'} in no group.`
      );
    }
  }
  const report = buildAttendanceReport(figures, {
    ...(options.title === undefined ? {} : { title: options.title }),
    ...(inputs.pupils === undefined
      ? {}
      : {
          pupilAttributes: inputs.pupils.attributes,
          groupBy: options.groupBy ?? inputs.pupils.groupColumns,
        }),
    aggregateOnly: options.aggregateOnly,
    ...(options.smallNumbers === undefined ? {} : { smallNumbers: options.smallNumbers }),
    ...(context.asOf === undefined ? {} : { asOf: context.asOf }),
    penaltyWindow: 0,
    escalation: { stageNames: escalation.stageNames, pupils: escalation.pupils },
    ...(inputs.comparison === undefined ? {} : { comparison: inputs.comparison }),
    pupilCards: options.cards,
  });
  return {
    html: await renderAttendanceReport(report),
    report,
    warnings: [...warnings, ...escalation.report.warnings],
    notes: [...notes, ...escalation.notes],
  };
}
