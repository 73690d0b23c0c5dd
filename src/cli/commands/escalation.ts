import type { IsoDate, SchoolCalendar, SchoolYear } from '../../calendar/types.js';
import { explainEscalation } from '../../escalation/explainEscalation.js';
import { runEscalation } from '../../escalation/runEscalation.js';
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
import type { AttendanceIssue } from '../../errors.js';
import type { CaseLogEntry } from '../../io/caseLog/types.js';
import type { LoadedCaseLog } from '../load/loadCaseLog.js';
import { caseLogByPupil } from '../load/loadCaseLog.js';
import { eventsDigest, rulesDigest, STATE_FILE_FORMAT } from '../load/escalationStateFile.js';
import type { EscalationStateFile, SavedPupilState } from '../load/escalationStateFile.js';

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

/** The case log and saved states an `escalation` run continues from (`--events`, `--state`). */
export interface Casework {
  /** The case log, when `--events` is given. */
  readonly log?: LoadedCaseLog;
  /** The states saved by an earlier run, when `--state` names a file that exists. */
  readonly saved?: EscalationStateFile;
}

/** What an `escalation` run gives besides its report: the states to save, and notes on how they were reached. */
export interface EscalationRun {
  /** The report. */
  readonly report: CommandReport;
  /** The state file's content, for `--state`. */
  readonly stateFile: Omit<EscalationStateFile, 'checksum'>;
  /** Notes for stderr: which pupils were run from the start of the year instead of continued, and why. */
  readonly notes: readonly string[];
  /** Every pupil run, in file order: the state as of the date and the actions due (for `report`). */
  readonly pupils: readonly { readonly state: EscalationState; readonly due: readonly EscalationAction[] }[];
  /** The name of each stage of the ladder. */
  readonly stageNames: readonly string[];
}

interface PupilOutcome {
  readonly state: EscalationState;
  readonly due: EscalationAction[];
  readonly saved: SavedPupilState;
}

/**
 * Why a pupil's saved state cannot be continued to this run, or undefined when it can: continuing must give
 * exactly what running the year again with the whole case log gives.
 */
function whyNotContinued(
  saved: SavedPupilState,
  entries: readonly CaseLogEntry[],
  asOf: IsoDate
): string | undefined {
  // The reviews and events a state has had are those up to its latest event: every review up to the run's date
  // is one of them, so none falls between that event and the date of the run that saved it.
  const savedAsOf = saved.state.latestEventOn;
  if (savedAsOf === null) return 'the saved state has had no review';
  if (savedAsOf > asOf) return `the state was saved as of ${savedAsOf}, after this run's date`;
  if (entries.length < saved.events || eventsDigest(entries.slice(0, saved.events)) !== saved.eventsDigest) {
    return 'the case log no longer holds the events the state was saved with';
  }
  const earlier = entries.slice(saved.events).find((entry) => entry.event.on < savedAsOf);
  if (earlier !== undefined)
    return `the case log has an event dated ${earlier.event.on}, before the state was saved`;
  return undefined;
}

/**
 * `escalation`: each pupil's stage of support as of a date and the actions due, from the escalation machine run
 * over the school year to that date with a review at the end of every school week. Events recorded in the case
 * log (`--events`) are applied after the review of their day, so a letter recorded as sent is no longer listed
 * as due; an event the machine refuses (a letter that was not due) is a warning naming its line. With saved
 * states (`--state`), a pupil continues from the last run: only the reviews and events after it run.
 *
 * @param context - The register, policies, calendar and options.
 * @param calendar - The school calendar (required: reviews are on school weeks).
 * @param casework - The case log and the saved states, if any.
 * @returns The report, the states to save and notes.
 * @throws {@link UsageError} If the register is empty and no `--as-of` is given, or the date is before the calendar.
 * @throws {@link AttendanceError} If the penalty-notice window cannot place a counted session in the calendar, or
 * the case log has an event dated after the as-of date.
 * @example
 * escalationCommand(context, calendar, {}).report.findings.stages //=> each pupil's stage
 */
export function escalationCommand(
  context: AnalysisContext,
  calendar: SchoolCalendar,
  casework: Casework
): EscalationRun {
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
  const { log } = casework;
  const { byPupil, warnings } =
    log === undefined
      ? { byPupil: new Map<string, readonly CaseLogEntry[]>(), warnings: [] as AttendanceIssue[] }
      : caseLogByPupil(log, store.pupilIds, asOf);
  // Saved states continue only under the same rules and school year; otherwise every pupil runs afresh.
  const rules = rulesDigest([ladderOf(context.escalationPolicy.value), policy]);
  const savedFile = casework.saved;
  const savedUsable = savedFile?.rulesDigest === rules && savedFile.from === start;
  const notes: string[] = [];
  if (savedFile !== undefined && !savedUsable) {
    notes.push(
      savedFile.from === start
        ? `the saved states were made with other rules (escalation policy ${savedFile.escalationPolicy} or another attendance policy), so every pupil was run from ${start}.`
        : `the saved states are of the school year from ${savedFile.from}, so every pupil was run from ${start}.`
    );
  }
  const replayed: string[] = [];
  const refusals: AttendanceIssue[] = [];

  // Each pupil's bytes are reviewed as a compact register, with no object per mark. A pupil whose register
  // the escalation cannot read (a counted session outside the calendar) is read again from objects, so that
  // the error names the mark's line as every command's errors do.
  // Only the final state and the actions due are kept of each pupil's timeline, not every weekly step.
  const runPupil = (pupilId: string, register: Parameters<typeof runEscalation>[0]): PupilOutcome => {
    const entries = byPupil.get(pupilId) ?? [];
    const saved = savedUsable ? savedFile.pupils[pupilId] : undefined;
    const why = saved === undefined ? undefined : whyNotContinued(saved, entries, asOf);
    if (saved !== undefined && why !== undefined) replayed.push(`${pupilId} (${why})`);
    const continued = saved !== undefined && why === undefined ? saved : undefined;
    const fresh = continued === undefined ? entries : entries.slice(continued.events);
    const timeline = runEscalation(register, calendar, {
      pupilId,
      ...options,
      events: fresh.map((entry) => entry.event),
      ...(continued === undefined
        ? {}
        : { initialState: continued.state, reviewedThrough: continued.state.latestEventOn! }),
    });
    // An event the machine refused is said at its line of the log: a person recorded something it cannot take.
    const lineOf = new Map(fresh.map((entry) => [entry.event, entry.line]));
    for (const step of timeline.steps) {
      const line = lineOf.get(step.event as CaseLogEntry['event']);
      if (step.refusal === undefined || line === undefined || log === undefined) continue;
      refusals.push({
        code: 'invalid_value',
        severity: 'warning',
        message: `The ${step.event.type} event of ${step.event.on} for pupil ${pupilId} was not applied: ${step.refusal.message}`,
        path: log.format === 'csv' ? ['event'] : [line - 1, 'event'],
        source: log.source,
        line,
        pupilId,
        date: step.event.on,
        field: 'event',
        expected: "an event the pupil's stage can take",
        received: step.refusal.code,
      });
    }
    const known = new Map(
      [...(continued?.due ?? []), ...timeline.actions].map((action) => [action.id, action])
    );
    const due = timeline.state.dueActions
      .filter((id) => !timeline.state.completedActions.includes(id))
      .map((id) => known.get(id))
      .filter((action) => action !== undefined);
    return {
      state: timeline.state,
      due,
      saved: { state: timeline.state, due, events: entries.length, eventsDigest: eventsDigest(entries) },
    };
  };
  const outcomes = new Map<number, PupilOutcome>();
  const failed: number[] = [];
  for (const pupil of context.pupilIndexes) {
    const register = store.compactOf(pupil, asOf);
    if (register === undefined) continue;
    try {
      outcomes.set(pupil, runPupil(store.pupilIds[pupil]!, register));
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
      (pupilId, marks) => runPupil(pupilId, marks)
    );
    failed.forEach((pupil, index) => outcomes.set(pupil, again[index]!));
  }
  if (replayed.length > 0) {
    notes.push(
      `${replayed.length === 1 ? 'one pupil was' : `${replayed.length} pupils were`} run from ${start} instead of continued from the saved state: ${replayed.slice(0, 5).join('; ')}${replayed.length > 5 ? `; and ${replayed.length - 5} more` : ''}.`
    );
  }
  const all = context.pupilIndexes.flatMap((pupil) => {
    const outcome = outcomes.get(pupil);
    return outcome === undefined ? [] : [{ pupilId: store.pupilIds[pupil]!, ...outcome }];
  });
  const ranked: PupilEscalation[] = all.map((pupil, order) => ({ ...pupil, order }));
  const { dueSince } = context.options;
  ranked.sort(
    (left, right) =>
      (LISTING_RANK[left.state.stage] ?? 0) - (LISTING_RANK[right.state.stage] ?? 0) ||
      left.order - right.order
  );
  // --due-since lists the actions due on or after the date, and only the pupils with one.
  const listed =
    dueSince === undefined
      ? ranked
      : ranked.flatMap((pupil) => {
          const due = pupil.due.filter((action) => action.dueOn >= dueSince);
          return due.length === 0 ? [] : [{ ...pupil, due }];
        });
  const { shown, omitted } = applyLimit(listed, context.options.limit);
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
    log === undefined
      ? 'Actions are listed as due until done: give --events with a case log to record letters sent, meetings held and referrals made.'
      : `Actions are listed as due until the case log ${log.source} (${log.entries.length} ${log.entries.length === 1 ? 'event' : 'events'}) records them done.`,
    ...(dueSince === undefined
      ? []
      : [
          `Listed: the ${listed.length} ${listed.length === 1 ? 'pupil' : 'pupils'} with an action due on or after ${dueSince}.`,
        ]),
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
    ...(log === undefined ? {} : { caseLog: { source: log.source, events: log.entries.length } }),
    ...(dueSince === undefined ? {} : { dueSince, listedCount: listed.length }),
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

  // Pupils of the saved file not run this time (another --pupil) keep their saved states.
  const pupils: Record<string, SavedPupilState> = savedUsable ? { ...savedFile.pupils } : {};
  for (const [pupil, outcome] of outcomes) pupils[store.pupilIds[pupil]!] = outcome.saved;
  return {
    report: {
      text,
      json,
      csv,
      findings: { stages: ranked.map((pupil) => pupil.state.stage), issues: 0 },
      warnings: [...warnings, ...refusals],
    },
    stateFile: {
      format: STATE_FILE_FORMAT,
      version: 1,
      escalationPolicy: context.escalationPolicy.name,
      rulesDigest: rules,
      from: start,
      asOf,
      pupils,
    },
    notes,
    pupils: all.map(({ state, due }) => ({ state, due })),
    stageNames: STAGE_NAMES,
  };
}
