import type { IsoDate } from '../calendar/types.js';
import { aggregateCohort } from '../cohort/aggregateCohort.js';
import { DFE_ABSENCE_BANDS } from '../policy/bandTables.js';
import type { AbsenceThreshold, BandTable } from '../policy/types.js';
import type { CohortEnrolment, CohortRegisterFigures } from '../cohort/types.js';
import { COMPACT_CODES } from '../codes/compactCodes.js';
import {
  APPROVED_EDUCATIONAL_ACTIVITY,
  AUTHORISED,
  CATEGORY_BY_SET,
  CATEGORY_NUMBER,
  PRESENT,
  SET_2024,
  SET_PRE_2024,
  UNAUTHORISED,
  UNMARKED,
} from '../_internal/codeTables.js';
import { addIsoDays, isoWeekdayOf } from '../_internal/dates.js';
import { AttendanceError } from '../errors.js';
import { SESSION_CATEGORIES } from './charts/sessionCalendar.js';
import type { CohortRegister } from '../cohort/types.js';
import type { AttendanceIssue } from '../errors.js';
import type {
  AttendanceReport,
  AttendanceReportOptions,
  ReportCardSession,
  ReportCount,
  ReportDueAction,
  ReportEscalation,
  ReportEscalationInput,
  ReportPenaltyCandidate,
  ReportPupil,
  ReportPupilCard,
  ReportWeek,
} from './types.js';

/** The statistical category of each category number, for the reasons table. */
const CATEGORY_NAMES: readonly string[] = Object.entries(CATEGORY_NUMBER)
  .sort(([, left], [, right]) => left - right)
  .map(([name]) => name);

const SCHOOL = 'School';

/**
 * The counts of one table whose cells add up to its total (pupils per band, per stage), suppressed as DfE's
 * statistics are in aggregate-only mode: a count above 0 and below the limit is hidden (primary suppression);
 * then, wherever a total the report shows (the table's, or a sub-total in `subtotals`, such as the persistent
 * absentees over the bands of 10 % and more) covers exactly one hidden count, the smallest other count above 0
 * under that total is hidden too (secondary suppression), until no shown total less the counts shown gives a
 * hidden one. Outside aggregate-only mode every count is shown.
 */
function suppressTable(
  counts: readonly number[],
  aggregateOnly: boolean,
  limit: number,
  subtotals: readonly (readonly number[])[] = []
): ReportCount[] {
  if (!aggregateOnly) return [...counts];
  const shown: ReportCount[] = counts.map((count) =>
    count > 0 && count < limit ? 'fewer-than-limit' : count
  );
  const totals = [counts.map((_, index) => index), ...subtotals];
  for (let changed = true; changed;) {
    changed = false;
    for (const cells of totals) {
      if (cells.filter((cell) => typeof shown[cell] !== 'number').length !== 1) continue;
      let smallest = -1;
      for (const cell of cells) {
        const count = shown[cell];
        if (typeof count === 'number' && count > 0 && (smallest < 0 || count < counts[smallest]!))
          smallest = cell;
      }
      if (smallest >= 0) {
        shown[smallest] = 'suppressed';
        changed = true;
      }
    }
  }
  return shown;
}

/**
 * The bands wholly at or beyond the persistent-absence threshold: their pupils add up to the persistent
 * absentees the headline shows (where no pupil is below the threshold's minimum of possible sessions), so they
 * are a sub-total for suppression.
 */
function persistentBands(table: BandTable, threshold: AbsenceThreshold): number[] {
  const percent = threshold.percent;
  const strict = threshold.comparison === 'more-than';
  return table.bands.flatMap((band, index) => {
    // On absence, the band starts at or past the threshold; on attendance, it ends at or below 100 less it.
    const beyond =
      table.measure === 'absence'
        ? band.from > percent || (band.from === percent && (!strict || !band.fromInclusive))
        : band.to < 100 - percent || (band.to === 100 - percent && (!strict || !band.toInclusive));
    return beyond ? [index] : [];
  });
}

/** The actions due of every pupil as the report lists them, earliest first. */
function dueActionsOf(
  input: ReportEscalationInput,
  pupil: ReportEscalationInput['pupils'][number]
): ReportDueAction[] {
  return pupil.due.map((action) => ({
    pupilId: pupil.state.pupilId,
    stage: action.stage,
    stageName: input.stageNames[action.stage] ?? `stage ${action.stage}`,
    kind: action.kind,
    dueOn: action.dueOn,
    reason: action.reason,
  }));
}

/** Pupils per stage and the actions due, from each pupil's escalation state. */
function escalationPicture(
  input: ReportEscalationInput,
  aggregateOnly: boolean,
  limit: number
): ReportEscalation {
  const perStage = input.stageNames.map(() => 0);
  const byKind = new Map<string, number>();
  const actionsDue: ReportDueAction[] = [];
  for (const pupil of input.pupils) {
    perStage[pupil.state.stage] = (perStage[pupil.state.stage] ?? 0) + 1;
    for (const action of pupil.due) byKind.set(action.kind, (byKind.get(action.kind) ?? 0) + 1);
    if (!aggregateOnly) actionsDue.push(...dueActionsOf(input, pupil));
  }
  actionsDue.sort(
    (left, right) => left.dueOn.localeCompare(right.dueOn) || left.pupilId.localeCompare(right.pupilId)
  );
  const stagePupils = suppressTable(perStage, aggregateOnly, limit);
  const kinds = [...byKind].sort(([left], [right]) => left.localeCompare(right));
  const kindCounts = suppressTable(
    kinds.map(([, count]) => count),
    aggregateOnly,
    limit
  );
  return {
    stages: perStage.map((_, stage) => ({
      stage,
      name: input.stageNames[stage] ?? `stage ${stage}`,
      pupils: stagePupils[stage]!,
    })),
    actionsByKind: kinds.map(([kind], index) => ({ kind, count: kindCounts[index]! })),
    actionsDue,
    actionsDueCount: kinds.reduce((sum, [, count]) => sum + count, 0),
  };
}

/** Every session of one pupil up to the end slot, and the pupil's weeks, for a card. */
function cardSessions(
  register: CohortRegister,
  pupil: number,
  endSlot: number
): { sessions: ReportCardSession[]; weeks: ReportWeek[] } {
  const { slots, codes, offsets, firstSlots, lengths } = register;
  const sessions: ReportCardSession[] = [];
  const weeks: { week: IsoDate; group: string; attended: number; possible: number }[] = [];
  const pupilId = register.pupilIds[pupil]!;
  const first = firstSlots[pupil]!;
  const end = Math.min(lengths[pupil]!, endSlot - first);
  for (let index = 0; index < end; index += 1) {
    const slot = first + index;
    const byte = codes[offsets[pupil]! + index]!;
    const set = slot >= slots.first2024Index ? SET_2024 : SET_PRE_2024;
    const category = CATEGORY_BY_SET[set][byte]!;
    // A slot the pupil has no mark for (between two marks) is not a session of theirs.
    if (category > UNMARKED) continue;
    const date = slots.dates[slot]!;
    sessions.push({
      date,
      session: slots.sessions[slot]!,
      code: COMPACT_CODES[byte]!,
      category: SESSION_CATEGORIES[category]!,
    });
    if (category > UNAUTHORISED) continue;
    const monday = addIsoDays(date, 1 - isoWeekdayOf(date));
    let week = weeks.at(-1);
    if (week?.week !== monday) {
      week = { week: monday, group: pupilId, attended: 0, possible: 0 };
      weeks.push(week);
    }
    week.possible += 1;
    if (category === PRESENT || category === APPROVED_EDUCATIONAL_ACTIVITY) week.attended += 1;
  }
  return { sessions, weeks };
}

/**
 * Works out everything a report shows from the cohort engine's figures, in one pass over the register's code
 * bytes for what the per-pupil columns do not hold (the weekly trend, the reasons, the weekday pattern). Pure:
 * the same figures and options give the same report.
 *
 * @param figures - The cohort engine's figures for the register (`analyseCohortRegister`), with the window rules
 *   the report names.
 * @param options - Title, pupil attributes and groups, aggregate-only mode and the penalty-notice window.
 * @returns The report's data, ready for {@link renderAttendanceReport}.
 * @example
 * const figures = analyseCohortRegister(register, { calendar, windows: [policy.penaltyNotice] });
 * const report = buildAttendanceReport(figures, { title: 'Oak Academy, autumn term' });
 * report.headline.attendanceRate //=> { numerator: 7012, denominator: 7480 }
 */
export function buildAttendanceReport(
  figures: CohortRegisterFigures,
  options: AttendanceReportOptions = {}
): AttendanceReport {
  const { register, counts, policy } = figures;
  const pupils = register.pupilIds.length;
  const aggregateOnly = options.aggregateOnly === true;
  const smallNumbers = options.smallNumbers ?? 5;
  const attributes = options.pupilAttributes ?? new Map<string, Readonly<Record<string, string>>>();
  const groupBy = options.groupBy ?? [
    ...new Set([...attributes.values()].flatMap((row) => Object.keys(row))),
  ];

  const enrolments: CohortEnrolment[] = [];
  for (let pupil = 0; pupil < pupils; pupil += 1) {
    enrolments.push({
      id: register.pupilIds[pupil]!,
      counts: {
        possible: counts.possible[pupil]!,
        attended: counts.attended[pupil]!,
        absent: counts.absent[pupil]!,
        authorised: counts.authorised[pupil]!,
        unauthorised: counts.unauthorised[pupil]!,
      },
    });
  }
  const headline = aggregateCohort(enrolments, { policy });
  // The distribution is drawn over DfE's 5-point absence bands whatever the policy's own bands, as DfE's
  // dashboards draw it, so that schools with different policies can be set side by side.
  const bandTable = options.bands ?? DFE_ABSENCE_BANDS;
  const distribution =
    bandTable === policy.bands
      ? headline
      : aggregateCohort(enrolments, { policy: { ...policy, bands: bandTable } });

  // Each pupil's groups, as indexes into the weekly series (0 is the school).
  const groupNames = [SCHOOL];
  const groupKeys: (readonly [attribute: string, value: string] | null)[] = [null];
  const groupIndex = new Map<string, number>([[SCHOOL, 0]]);
  const groupsOf: number[][] = [];
  const groupSizes: number[] = [];
  for (let pupil = 0; pupil < pupils; pupil += 1) {
    const row = attributes.get(register.pupilIds[pupil]!) ?? {};
    const groups = [0];
    for (const attribute of groupBy) {
      const value = row[attribute];
      if (value === undefined || value === '') continue;
      const name = `${attribute} = ${value}`;
      let index = groupIndex.get(name);
      if (index === undefined) {
        index = groupNames.length;
        groupNames.push(name);
        groupKeys.push([attribute, value]);
        groupIndex.set(name, index);
      }
      groups.push(index);
    }
    groupsOf.push(groups);
    for (const group of groups) groupSizes[group] = (groupSizes[group] ?? 0) + 1;
  }

  // One pass over the code bytes: per slot's week and group, attended and possible; per code, sessions; per
  // weekday and session, absent and possible.
  const { slots, codes, offsets, firstSlots, lengths } = register;
  // Everything a mark's slot decides is worked out once per slot, not once per mark: its week, its weekday cell
  // (-1 at weekends) and whether it is after the as-of date.
  const weekOfSlot = new Int32Array(slots.dates.length);
  const cellOfSlot = new Int8Array(slots.dates.length);
  const asOf = options.asOf;
  let endSlot = slots.dates.length;
  const weekStarts: IsoDate[] = [];
  const weekIndex = new Map<IsoDate, number>();
  for (let slot = 0; slot < slots.dates.length; slot += 1) {
    const date = slots.dates[slot]!;
    const monday = addIsoDays(date, 1 - isoWeekdayOf(date));
    let index = weekIndex.get(monday);
    if (index === undefined) {
      index = weekStarts.length;
      weekStarts.push(monday);
      weekIndex.set(monday, index);
    }
    weekOfSlot[slot] = index;
    const weekday = isoWeekdayOf(date);
    cellOfSlot[slot] = weekday <= 5 ? (weekday - 1) * 2 + (slots.sessions[slot] === 'PM' ? 1 : 0) : -1;
    if (asOf !== undefined && date > asOf && slot < endSlot) endSlot = slot;
  }
  const weekCount = weekStarts.length;
  const weekAttended = new Int32Array(weekCount * groupNames.length);
  const weekPossible = new Int32Array(weekCount * groupNames.length);
  const byCode = [new Float64Array(COMPACT_CODES.length), new Float64Array(COMPACT_CODES.length)];
  const weekdayAbsent = new Int32Array(10);
  const weekdayPossible = new Int32Array(10);
  let firstSlot = Number.POSITIVE_INFINITY;
  let lastSlot = -1;
  for (let pupil = 0; pupil < pupils; pupil += 1) {
    const start = offsets[pupil]!;
    const first = firstSlots[pupil]!;
    const groups = groupsOf[pupil]!;
    const end = Math.min(lengths[pupil]!, endSlot - first);
    for (let index = 0; index < end; index += 1) {
      const slot = first + index;
      const byte = codes[start + index]!;
      const set = slot >= slots.first2024Index ? SET_2024 : SET_PRE_2024;
      const category = CATEGORY_BY_SET[set][byte]!;
      byCode[set]![byte] = byCode[set]![byte]! + 1;
      if (category > UNAUTHORISED) continue;
      if (slot < firstSlot) firstSlot = slot;
      if (slot > lastSlot) lastSlot = slot;
      const attended = category === PRESENT || category === APPROVED_EDUCATIONAL_ACTIVITY ? 1 : 0;
      const week = weekOfSlot[slot]! * groupNames.length;
      for (const group of groups) {
        weekAttended[week + group] = weekAttended[week + group]! + attended;
        weekPossible[week + group] = weekPossible[week + group]! + 1;
      }
      const cell = cellOfSlot[slot]!;
      if (cell >= 0) {
        weekdayPossible[cell] = weekdayPossible[cell]! + 1;
        if (category === AUTHORISED || category === UNAUTHORISED)
          weekdayAbsent[cell] = weekdayAbsent[cell]! + 1;
      }
    }
  }

  const weeks: ReportWeek[] = [];
  for (let week = 0; week < weekCount; week += 1) {
    for (let group = 0; group < groupNames.length; group += 1) {
      const possible = weekPossible[week * groupNames.length + group]!;
      if (possible === 0) continue;
      weeks.push({
        week: weekStarts[week]!,
        group: groupNames[group]!,
        attended: weekAttended[week * groupNames.length + group]!,
        possible,
      });
    }
  }

  const reasons: { code: string; category: string; sessions: number }[] = [];
  for (const set of [SET_2024, SET_PRE_2024] as const) {
    for (let byte = 0; byte < COMPACT_CODES.length; byte += 1) {
      const sessions = byCode[set]![byte]!;
      if (sessions === 0) continue;
      const category = CATEGORY_BY_SET[set][byte]!;
      const code = COMPACT_CODES[byte]!;
      const existing = reasons.find((reason) => reason.code === code);
      if (existing === undefined) {
        reasons.push({ code, category: CATEGORY_NAMES[category] ?? 'unknown', sessions });
      } else {
        existing.sessions += sessions;
      }
    }
  }
  reasons.sort((left, right) => right.sessions - left.sessions || left.code.localeCompare(right.code));

  const absentees: ReportPupil[] = [];
  const penaltyCandidates: ReportPenaltyCandidate[] = [];
  const penalty = options.penaltyWindow === undefined ? undefined : figures.windows[options.penaltyWindow];
  let penaltyThresholdReached = 0;
  for (let pupil = 0; pupil < pupils; pupil += 1) {
    const absenceClass = figures.absenceClass[pupil]!;
    if (absenceClass > 0 && !aggregateOnly) {
      absentees.push({
        pupilId: register.pupilIds[pupil]!,
        possible: counts.possible[pupil]!,
        absent: counts.absent[pupil]!,
        absenceClass: absenceClass === 2 ? 'severe' : 'persistent',
      });
    }
    const reached = penalty?.firstReachedSlot[pupil] ?? -1;
    if (reached < 0) continue;
    penaltyThresholdReached += 1;
    if (aggregateOnly) continue;
    penaltyCandidates.push({
      pupilId: register.pupilIds[pupil]!,
      maximum: penalty!.maximum[pupil]!,
      firstReached: { date: slots.dates[reached]!, session: slots.sessions[reached]! },
    });
  }
  // Highest absence first; then by pupil id, so that the order never depends on the file's.
  absentees.sort(
    (left, right) =>
      right.absent * left.possible - left.absent * right.possible || left.pupilId.localeCompare(right.pupilId)
  );
  penaltyCandidates.sort(
    (left, right) =>
      left.firstReached.date.localeCompare(right.firstReached.date) ||
      left.pupilId.localeCompare(right.pupilId)
  );

  const escalationInput = options.escalation;
  const escalation =
    escalationInput === undefined ? null : escalationPicture(escalationInput, aggregateOnly, smallNumbers);
  const cards: ReportPupilCard[] = [];
  if (!aggregateOnly && (options.pupilCards?.length ?? 0) > 0) {
    const indexOf = new Map(register.pupilIds.map((pupilId, pupil) => [pupilId, pupil]));
    const escalationOf = new Map(escalationInput?.pupils.map((pupil) => [pupil.state.pupilId, pupil]));
    const [first, ...rest] = (options.pupilCards ?? [])
      .filter((pupilId) => !indexOf.has(pupilId))
      .map((pupilId): AttendanceIssue => ({
        code: 'invalid_value',
        severity: 'error',
        message: `No pupil ${pupilId} in the register, so there is no card to draw for them.`,
        path: ['pupilCards'],
        pupilId,
        expected: 'a pupil of the register',
        received: pupilId,
      }));
    if (first !== undefined) throw new AttendanceError([first, ...rest]);
    for (const pupilId of new Set(options.pupilCards)) {
      const pupil = indexOf.get(pupilId)!;
      const { sessions, weeks: pupilWeeks } = cardSessions(register, pupil, endSlot);
      const absenceClass = figures.absenceClass[pupil]!;
      const pupilEscalation = escalationOf.get(pupilId);
      const state = pupilEscalation?.state;
      cards.push({
        pupilId,
        // Only the attributes the report groups by: a card may be printed, and a UPN or a date of birth is not
        // needed to read it.
        attributes: Object.fromEntries(
          groupBy.flatMap((attribute) => {
            const value = attributes.get(pupilId)?.[attribute];
            return value === undefined ? [] : [[attribute, value]];
          })
        ),
        counts: {
          possible: counts.possible[pupil]!,
          attended: counts.attended[pupil]!,
          authorised: counts.authorised[pupil]!,
          unauthorised: counts.unauthorised[pupil]!,
          absent: counts.absent[pupil]!,
        },
        absenceClass: absenceClass === 2 ? 'severe' : absenceClass === 1 ? 'persistent' : 'none',
        sessions,
        weeks: pupilWeeks,
        stage:
          state === undefined
            ? null
            : {
                stage: state.stage,
                name: escalationInput?.stageNames[state.stage] ?? `stage ${state.stage}`,
                since: state.enteredOn,
              },
        // A weekly review that moved nothing is not news: the history lists moves and events people recorded.
        history: (state?.history ?? [])
          .filter((entry) => entry.event !== 'review' || entry.from !== entry.to)
          .map((entry) => ({
            on: entry.on,
            event: entry.event,
            from: entry.from,
            to: entry.to,
            reason: entry.reason,
          })),
        dueActions:
          pupilEscalation === undefined || escalationInput === undefined
            ? []
            : dueActionsOf(escalationInput, pupilEscalation),
      });
    }
  }

  const bandCounts = suppressTable(
    distribution.bands.map(({ enrolments }) => enrolments),
    aggregateOnly,
    smallNumbers,
    [persistentBands(bandTable, policy.persistentAbsence)]
  );

  return {
    title: options.title ?? 'Attendance report',
    aggregateOnly,
    smallNumbers,
    policyName: policy.name,
    period: lastSlot < 0 ? null : { from: slots.dates[firstSlot]!, to: slots.dates[lastSlot]! },
    headline,
    bandTableName: bandTable.name,
    bands: distribution.bands.map(({ band }, index) => ({
      id: band.id,
      label: band.label,
      enrolments: bandCounts[index]!,
    })),
    groups: groupNames.map((name, index) => ({
      name,
      attribute: groupKeys[index]?.[0] ?? null,
      value: groupKeys[index]?.[1] ?? null,
      pupils: groupSizes[index] ?? 0,
    })),
    weeks,
    reasons,
    weekdays: Array.from({ length: 10 }, (_, cell) => ({
      weekday: Math.floor(cell / 2) + 1,
      session: cell % 2 === 0 ? ('AM' as const) : ('PM' as const),
      absent: weekdayAbsent[cell]!,
      possible: weekdayPossible[cell]!,
    })),
    absentees,
    penaltyCandidates,
    penaltyThresholdReached:
      penalty === undefined
        ? null
        : suppressTable([penaltyThresholdReached], aggregateOnly, smallNumbers)[0]!,
    escalation,
    comparison: options.comparison ?? null,
    cards,
  };
}
