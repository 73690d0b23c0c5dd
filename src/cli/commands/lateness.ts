import type { SchoolCalendar } from '../../calendar/types.js';
import { countLateness } from '../../lateness/countLateness.js';
import type { LatenessAction, LatenessActionReached, LatenessCounts } from '../../lateness/types.js';
import { applyLimit, omittedLines } from '../output/applyLimit.js';
import { describeWindowRule, pupils } from '../output/describe.js';
import { formatTable } from '../output/formatTable.js';
import type { CommandReport } from '../types.js';
import type { AnalysisContext } from './context.js';
import { mapPupils } from './mapPupils.js';

interface PupilLateness {
  readonly pupilId: string;
  readonly counts: LatenessCounts;
}

function describeAction(action: LatenessAction): string {
  const range =
    action.atMost === undefined
      ? `${action.atLeast} or more`
      : action.atMost === action.atLeast
        ? `${action.atLeast}`
        : `${action.atLeast} to ${action.atMost}`;
  return `${range} ${action.codes.join(' or ')} in a half-term: ${action.action}`;
}

function actionsText(actions: readonly LatenessActionReached[], separator: string): string {
  return actions.map((action) => `${action.action} ${action.reachedOn}`).join(separator);
}

/**
 * `lateness`: each late pupil's `L` (late before the register closed) and `U` (after it closed) marks per
 * half-term, the lateness policy's half-term actions reached and when, and persistent lateness over the policy's
 * rolling window.
 *
 * @param context - The register, lateness policy, calendar and options.
 * @param calendar - The school calendar (required: half-terms come from it).
 * @returns The report.
 * @throws {@link AttendanceError} If a late mark falls outside the calendar or on a closed session.
 * @example
 * latenessCommand(context, calendar).findings['persistent-lateness'] //=> persistently late pupils
 */
export function latenessCommand(context: AnalysisContext, calendar: SchoolCalendar): CommandReport {
  const policy = context.latenessPolicy.value;
  const all = mapPupils(context, (pupilId, marks): PupilLateness => ({
    pupilId,
    counts: countLateness(marks, calendar, policy),
  }));
  const late = all.filter((pupil) => pupil.counts.halfTerms.length > 0);
  const withActions = late.filter((pupil) => pupil.counts.halfTerms.some((row) => row.actions.length > 0));
  const persistentlyLate = late.filter((pupil) => pupil.counts.persistentLateness.reached);
  const { shown, omitted } = applyLimit(late, context.options.limit);
  const persistentShown = applyLimit(persistentlyLate, context.options.limit);
  const windowRule = describeWindowRule(policy.persistentLateness);

  const table = formatTable(
    [
      { heading: 'Pupil' },
      { heading: 'Year' },
      { heading: 'Half-term' },
      { heading: 'L', align: 'right' },
      { heading: 'U', align: 'right' },
      { heading: 'Minutes', align: 'right' },
      { heading: 'Actions reached' },
    ],
    shown.flatMap((pupil) =>
      pupil.counts.halfTerms.map((row) => [
        pupil.pupilId,
        row.halfTerm.year,
        row.halfTerm.name,
        String(row.late),
        String(row.lateAfterRegisterClosed),
        String(row.minutesLate),
        actionsText(row.actions, ', '),
      ])
    )
  );
  const persistentTable = formatTable(
    [
      { heading: 'Pupil' },
      { heading: 'Reached on' },
      { heading: 'Window from' },
      { heading: 'Most in a window', align: 'right' },
    ],
    persistentShown.shown.map((pupil) => {
      const window = pupil.counts.persistentLateness;
      return [
        pupil.pupilId,
        window.firstReached?.periodEnd ?? '',
        window.firstReached?.periodStart ?? '',
        String(window.maximum),
      ];
    })
  );
  const text = [
    `Lateness in ${context.register.source}${context.asOf === undefined ? '' : ` as of ${context.asOf}`}; lateness policy ${context.latenessPolicy.name}: register opens ${policy.registerOpens} and closes ${policy.registerCloses}.`,
    `Half-term actions: ${policy.halfTermActions.map(describeAction).join('; ')}.`,
    '',
    `${pupils(late.length)} of ${all.length} ${late.length === 1 ? 'was' : 'were'} late at least once; ${pupils(withActions.length)} reached a half-term action.`,
    ...(late.length === 0 ? [] : [...table, ...omittedLines(omitted, 'late pupil')]),
    '',
    `Persistent lateness (${windowRule}): ${pupils(persistentlyLate.length)}.`,
    ...(persistentlyLate.length === 0
      ? []
      : [...persistentTable, ...omittedLines(persistentShown.omitted, 'pupil')]),
  ];

  const json = {
    command: 'lateness',
    source: context.register.source,
    asOf: context.asOf ?? null,
    latenessPolicy: context.latenessPolicy.name,
    rules: {
      registerOpens: policy.registerOpens,
      registerCloses: policy.registerCloses,
      halfTermActions: policy.halfTermActions,
      persistentLateness: { ...policy.persistentLateness, description: windowRule },
    },
    pupilCount: all.length,
    latePupilCount: late.length,
    actionPupilCount: withActions.length,
    persistentlyLateCount: persistentlyLate.length,
    pupils: shown.map(({ pupilId, counts }) => ({
      pupilId,
      late: counts.late,
      lateAfterRegisterClosed: counts.lateAfterRegisterClosed,
      minutesLate: counts.minutesLate,
      halfTerms: counts.halfTerms.map((row) => ({
        year: row.halfTerm.year,
        halfTerm: row.halfTerm.name,
        start: row.halfTerm.start,
        end: row.halfTerm.end,
        late: row.late,
        lateAfterRegisterClosed: row.lateAfterRegisterClosed,
        minutesLate: row.minutesLate,
        lateDates: row.lateDates,
        lateAfterRegisterClosedDates: row.lateAfterRegisterClosedDates,
        actions: row.actions,
      })),
      persistentLateness: {
        reached: counts.persistentLateness.reached,
        reachedOn: counts.persistentLateness.firstReached?.periodEnd ?? null,
        windowStart: counts.persistentLateness.firstReached?.periodStart ?? null,
        maximumInAWindow: counts.persistentLateness.maximum,
        sessions: counts.persistentLateness.firstReached?.marks ?? [],
      },
    })),
  };

  const csv = {
    header: [
      'pupil_id',
      'year',
      'half_term',
      'late',
      'late_after_register_closed',
      'minutes_late',
      'actions',
      'persistently_late',
      'persistent_lateness_reached_on',
    ],
    rows: shown.flatMap(({ pupilId, counts }) =>
      counts.halfTerms.map((row) => [
        pupilId,
        row.halfTerm.year,
        row.halfTerm.name,
        row.late,
        row.lateAfterRegisterClosed,
        row.minutesLate,
        actionsText(row.actions, ';'),
        counts.persistentLateness.reached,
        counts.persistentLateness.firstReached?.periodEnd ?? '',
      ])
    ),
  };

  return {
    text,
    json,
    csv,
    findings: { lateness: withActions.length, 'persistent-lateness': persistentlyLate.length, issues: 0 },
    warnings: [],
  };
}
