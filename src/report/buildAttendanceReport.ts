import type { IsoDate } from '../calendar/types.js';
import { aggregateCohort } from '../cohort/aggregateCohort.js';
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
} from '../_internal/codeTables.js';
import { addIsoDays, isoWeekdayOf } from '../_internal/dates.js';
import type {
  AttendanceReport,
  AttendanceReportOptions,
  ReportPenaltyCandidate,
  ReportPupil,
  ReportWeek,
} from './types.js';

/** The statistical category of each category number, for the reasons table. */
const CATEGORY_NAMES: readonly string[] = Object.entries(CATEGORY_NUMBER)
  .sort(([, left], [, right]) => left - right)
  .map(([name]) => name);

const SCHOOL = 'School';

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

  // Each pupil's groups, as indexes into the weekly series (0 is the school).
  const groupNames = [SCHOOL];
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

  return {
    title: options.title ?? 'Attendance report',
    aggregateOnly,
    smallNumbers,
    policyName: policy.name,
    period: lastSlot < 0 ? null : { from: slots.dates[firstSlot]!, to: slots.dates[lastSlot]! },
    headline,
    bands: headline.bands.map(({ band, enrolments }) => ({ id: band.id, label: band.label, enrolments })),
    groups: groupNames.map((name, index) => ({ name, pupils: groupSizes[index] ?? 0 })),
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
    penaltyThresholdReached: penalty === undefined ? null : penaltyThresholdReached,
  };
}
