import type { IsoDate, SchoolCalendar, SchoolYear } from '../../calendar/types.js';
import { explainEscalation } from '../../escalation/explainEscalation.js';
import { runEscalation } from '../../escalation/runEscalation.js';
import type { EscalationTimeline } from '../../escalation/runEscalation.js';
import { ladderOf } from '../../escalation/ladder/ladderOf.js';
import type { EscalationLadder } from '../../escalation/ladder/types.js';
import type { EscalationAction, EscalationPolicy, EscalationState } from '../../escalation/types.js';
import { toAttendanceRate } from '../../sessions/toAttendanceRate.js';
import { applyLimit, omittedLines } from '../output/applyLimit.js';
import { formatTable } from '../output/formatTable.js';
import { percentText, rateJson } from '../output/percent.js';
import type { CommandReport } from '../types.js';
import { UsageError } from '../usageError.js';
import type { AnalysisContext } from './context.js';
import { mapPupils } from './mapPupils.js';
import { AttendanceError } from '../../errors.js';

// The trust's stages as the command line has always named them (its golden output depends on them).
const TRUST_STAGE_NAMES: readonly string[] = [
  'universal monitoring',
  'letter and monitoring',
  'attendance panel and plan',
  'education welfare referral',
  'penalty notice',
  'continued monitoring',
];

/** The stages of the ladder being run: their names, and the order to list pupils in. */
interface StageListing {
  readonly names: readonly string[];
  /** Each stage's place in the listing, most serious first. */
  readonly rank: readonly number[];
}

/**
 * Listing order, most serious first: the later stages before the earlier, then continued monitoring after
 * attendance improved (it comes after the stages still in progress), then pupils with no concern (stage 0). For
 * the trust's ladder: 4, 3, 2, 1, 5, 0.
 */
function stageListing(policy: EscalationPolicy | EscalationLadder): StageListing {
  const ladder = ladderOf(policy);
  const names = 'stages' in policy ? ladder.stages.map((stage) => stage.name) : TRUST_STAGE_NAMES;
  const indexes = ladder.stages.map((_, index) => index);
  const monitoring = (index: number): boolean => ladder.stages[index]?.role === 'continued-monitoring';
  const order = [
    ...indexes.filter((index) => index !== 0 && !monitoring(index)).reverse(),
    ...indexes.filter((index) => index !== 0 && monitoring(index)),
    0,
  ];
  const rank: number[] = [];
  order.forEach((stage, place) => (rank[stage] = place));
  return { names, rank };
}

interface PupilEscalation {
  readonly pupilId: string;
  readonly state: EscalationState;
  readonly due: readonly EscalationAction[];
  readonly order: number;
}

/** The school year an as-of date belongs to: the last one starting on or before it. */
function schoolYearOf(calendar: SchoolCalendar, asOf: IsoDate): { year: SchoolYear; start: IsoDate } {
  let found: { year: SchoolYear; start: IsoDate } | undefined;
  for (const year of calendar.years) {
    const start = year.halfTerms[0]?.start;
    if (start !== undefined && start <= asOf) found = { year, start };
  }
  if (found === undefined) {
    throw new UsageError(
      `The date the figures are as of, ${asOf}, is before the first school year of the calendar "${calendar.name}".`,
      'escalation'
    );
  }
  return found;
}

/**
 * `escalation`: each pupil's stage of support (0 to 5) as of a date and the actions due, from the escalation
 * machine run over the school year to that date with a review at the end of every school week. No letters,
 * meetings or referrals are recorded from the command line, so every action made due in the current stage is
 * listed as due.
 *
 * @param context - The register, policies, calendar and options.
 * @param calendar - The school calendar (required: reviews are on school weeks).
 * @returns The report.
 * @throws {@link UsageError} If the register is empty and no `--as-of` is given, or the date is before the calendar.
 * @throws {@link AttendanceError} If the penalty-notice window cannot place a counted session in the calendar.
 * @example
 * escalationCommand(context, calendar).findings.stages //=> each pupil's stage
 */
export function escalationCommand(context: AnalysisContext, calendar: SchoolCalendar): CommandReport {
  const { asOf } = context;
  if (asOf === undefined) {
    throw new UsageError(
      'The register has no marks, so there is no date to run to: give --as-of.',
      'escalation'
    );
  }
  const policy = context.policy.value;
  const { names: STAGE_NAMES, rank: LISTING_RANK } = stageListing(context.escalationPolicy.value);
  const { year, start } = schoolYearOf(calendar, asOf);
  const store = context.register.marks;
  const options = {
    policy: context.escalationPolicy.value,
    attendancePolicy: policy,
    range: { from: start, to: asOf },
  };
  // Each pupil's bytes are reviewed as a compact register, with no object per mark. A pupil whose register
  // the escalation cannot read (a counted session outside the calendar) is read again from objects, so that
  // the error names the mark's line as every command's errors do.
  // Only the final state and the actions due are kept of each pupil's timeline, not every weekly step.
  const outcomeOf = (timeline: EscalationTimeline): { state: EscalationState; due: EscalationAction[] } => {
    const actions = new Map(timeline.actions.map((action) => [action.id, action]));
    const due = timeline.state.dueActions
      .filter((id) => !timeline.state.completedActions.includes(id))
      .map((id) => actions.get(id))
      .filter((action) => action !== undefined);
    return { state: timeline.state, due };
  };
  const outcomes = new Map<number, { state: EscalationState; due: EscalationAction[] }>();
  const failed: number[] = [];
  for (const pupil of context.pupilIndexes) {
    const register = store.compactOf(pupil, asOf);
    if (register === undefined) continue;
    try {
      outcomes.set(
        pupil,
        outcomeOf(runEscalation(register, calendar, { pupilId: store.pupilIds[pupil]!, ...options }))
      );
    } catch (error) {
      if (!(error instanceof AttendanceError)) throw error;
      failed.push(pupil);
    }
  }
  if (failed.length > 0) {
    // Throws with every failed pupil's issues, located; a pupil it can read after all is kept.
    const again = mapPupils(
      {
        ...context,
        pupils: failed.map((pupil) => [store.pupilIds[pupil]!, store.marksOfIndex(pupil, asOf)] as const),
      },
      (pupilId, marks) => outcomeOf(runEscalation(marks, calendar, { pupilId, ...options }))
    );
    failed.forEach((pupil, index) => outcomes.set(pupil, again[index]!));
  }
  const all = context.pupilIndexes.flatMap((pupil) => {
    const outcome = outcomes.get(pupil);
    return outcome === undefined ? [] : [{ pupilId: store.pupilIds[pupil]!, ...outcome }];
  });
  const ranked: PupilEscalation[] = all.map((pupil, order) => ({ ...pupil, order }));
  ranked.sort(
    (left, right) =>
      (LISTING_RANK[left.state.stage] ?? 0) - (LISTING_RANK[right.state.stage] ?? 0) ||
      left.order - right.order
  );
  const { shown, omitted } = applyLimit(ranked, context.options.limit);
  const stages = STAGE_NAMES.map((_, stage) => stage);
  const stageCounts = stages.map((stage) => ranked.filter((pupil) => pupil.state.stage === stage).length);

  const figuresOf = (state: EscalationState): { possible: number; attended: number; absent: number } =>
    state.latestFigures ?? { possible: 0, attended: 0, absent: 0 };
  const dueText = (due: readonly EscalationAction[], separator: string): string =>
    due.map((action) => `${action.kind} ${action.dueOn}`).join(separator);

  const table = formatTable(
    [
      { heading: 'Pupil' },
      { heading: 'Stage' },
      { heading: 'Since' },
      { heading: 'Attendance %', align: 'right' },
      { heading: 'Attended', align: 'right' },
      { heading: 'Possible', align: 'right' },
      { heading: 'Due actions' },
    ],
    shown.map(({ pupilId, state, due }) => {
      const figures = figuresOf(state);
      return [
        pupilId,
        `${state.stage} ${STAGE_NAMES[state.stage]}`,
        state.enteredOn ?? '',
        percentText(toAttendanceRate(figures), policy),
        String(figures.attended),
        String(figures.possible),
        dueText(due, ', '),
      ];
    })
  );
  const text = [
    `Escalation in ${context.register.source} as of ${asOf}: weekly reviews of the school year ${year.name} from ${start}; escalation policy ${context.escalationPolicy.name}, penalty-notice rule of policy ${context.policy.name}.`,
    `Pupils by stage: ${stages.map((stage) => `${stage} ${STAGE_NAMES[stage]}: ${stageCounts[stage]}`).join('; ')}.`,
    'Actions are listed as due until done; the command line records no letters or meetings.',
    '',
    ...table,
    ...omittedLines(omitted, 'pupil'),
    ...(context.options.explain
      ? shown.flatMap(({ state }) => ['', ...explainEscalation(state).split('\n')])
      : []),
  ];

  const json = {
    command: 'escalation',
    source: context.register.source,
    asOf,
    schoolYear: year.name,
    from: start,
    escalationPolicy: context.escalationPolicy.name,
    policy: context.policy.name,
    pupilCount: ranked.length,
    stageCounts: Object.fromEntries(stages.map((stage) => [stage, stageCounts[stage]])),
    pupils: shown.map(({ pupilId, state, due }) => {
      const figures = figuresOf(state);
      return {
        pupilId,
        stage: state.stage,
        stageName: STAGE_NAMES[state.stage],
        since: state.enteredOn,
        reviewDueOn: state.reviewDueOn,
        yearToDate: {
          possible: figures.possible,
          attended: figures.attended,
          absent: figures.absent,
          attendance: rateJson(toAttendanceRate(figures), policy),
        },
        dueActions: due.map((action) => ({
          id: action.id,
          kind: action.kind,
          stage: action.stage,
          dueOn: action.dueOn,
          reason: action.reason,
        })),
        ...(context.options.explain ? { explanation: explainEscalation(state) } : {}),
      };
    }),
  };

  const csv = {
    header: [
      'pupil_id',
      'stage',
      'stage_name',
      'since',
      'review_due_on',
      'possible',
      'attended',
      'attendance_percent',
      'due_actions',
    ],
    rows: shown.map(({ pupilId, state, due }) => {
      const figures = figuresOf(state);
      return [
        pupilId,
        state.stage,
        STAGE_NAMES[state.stage],
        state.enteredOn,
        state.reviewDueOn,
        figures.possible,
        figures.attended,
        rateJson(toAttendanceRate(figures), policy)?.percent ?? '',
        dueText(due, ';'),
      ];
    }),
  };

  return {
    text,
    json,
    csv,
    findings: { stages: ranked.map((pupil) => pupil.state.stage), issues: 0 },
    warnings: [],
  };
}
