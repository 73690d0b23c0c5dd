import type { SchoolCalendar } from '../../calendar/types.js';
import { assessPenaltyNoticeThreshold } from '../../windows/assessPenaltyNoticeThreshold.js';
import type { WindowMark, WindowMatch } from '../../windows/types.js';
import { applyLimit, omittedLines } from '../output/applyLimit.js';
import { describeWindowRule, pupils } from '../output/describe.js';
import { formatTable } from '../output/formatTable.js';
import type { CommandReport } from '../types.js';
import { analyseRegister } from './analyseRegister.js';
import type { AnalysisContext, PupilRegisters } from './context.js';
import { mapPupils } from './mapPupils.js';

interface Reached {
  readonly pupilId: string;
  readonly first: WindowMatch;
  readonly maximum: number;
  readonly windows: number;
  readonly order: number;
}

function sessionText(mark: WindowMark): string {
  return `${mark.date} ${mark.session} ${mark.code}`;
}

/**
 * `penalty`: who reached the policy's penalty-notice threshold (nationally, 10 unauthorised sessions within a
 * rolling 10 school weeks), the date it was first reached, and the sessions in that window, which a letter lists.
 *
 * @param context - The register, policy, calendar and options.
 * @param calendar - The school calendar (required: windows are counted in its weeks).
 * @returns The report.
 * @throws {@link AttendanceError} If a counted session falls outside the calendar or on a closed session.
 * @example
 * penaltyCommand(context, calendar).findings.penalty //=> the number of pupils who reached the threshold
 */
export function penaltyCommand(context: AnalysisContext, calendar: SchoolCalendar): CommandReport {
  const policy = context.policy.value;
  const rule = policy.penaltyNotice;
  // One pass of the cohort engine finds who reached the threshold; only their windows (and those of any pupil
  // whose marks the calendar cannot place, to word the error) are worked out again from objects, for the letter.
  const { figures, pupils: results, pupilsWithErrors } = analyseRegister(context, [rule]);
  const firstReached = figures.windows[0]!.firstReachedSlot;
  const store = context.register.marks;
  const needed: PupilRegisters = {
    *[Symbol.iterator]() {
      for (const pupil of results) {
        if (firstReached[pupil]! < 0 && !pupilsWithErrors.has(pupil)) continue;
        yield [store.pupilIds[pupil]!, store.marksOfIndex(pupil, context.asOf)] as const;
      }
    },
  };
  // Only what the report shows is kept of each result, not every window's marks.
  const details = new Map(
    mapPupils({ ...context, pupils: needed }, (pupilId, marks) => {
      const result = assessPenaltyNoticeThreshold(marks, calendar, policy);
      const kept = {
        firstReached: result.firstReached,
        maximum: result.maximum,
        windows: result.windows.length,
      };
      return [pupilId, kept] as const;
    })
  );
  const reached: Reached[] = [];
  results.forEach((pupil, order) => {
    const pupilId = figures.register.pupilIds[pupil]!;
    const result = details.get(pupilId);
    if (result?.firstReached === undefined) return;
    reached.push({
      pupilId,
      first: result.firstReached,
      maximum: result.maximum,
      windows: result.windows,
      order,
    });
  });
  reached.sort((left, right) =>
    left.first.periodEnd === right.first.periodEnd
      ? left.order - right.order
      : left.first.periodEnd < right.first.periodEnd
        ? -1
        : 1
  );
  const { shown, omitted } = applyLimit(reached, context.options.limit);

  const table = formatTable(
    [
      { heading: 'Pupil' },
      { heading: 'Reached on' },
      { heading: 'Window from' },
      { heading: 'Sessions', align: 'right' },
      { heading: 'Most in a window', align: 'right' },
      { heading: 'Windows', align: 'right' },
    ],
    shown.map((pupil) => [
      pupil.pupilId,
      pupil.first.periodEnd,
      pupil.first.periodStart,
      String(pupil.first.count),
      String(pupil.maximum),
      String(pupil.windows),
    ])
  );
  const text = [
    `Penalty-notice threshold in ${context.register.source}${context.asOf === undefined ? '' : ` as of ${context.asOf}`}; policy ${context.policy.name}: ${describeWindowRule(rule)}.`,
    'Reaching it means a penalty notice must be considered, not that one is issued.',
    '',
    `${pupils(reached.length)} of ${results.length} reached the threshold.`,
    ...(reached.length === 0
      ? []
      : [
          ...table,
          ...omittedLines(omitted, 'pupil'),
          '',
          'Sessions in the window where the threshold was first reached:',
          ...shown.map((pupil) => `${pupil.pupilId}: ${pupil.first.marks.map(sessionText).join(', ')}`),
        ]),
  ];

  const json = {
    command: 'penalty',
    source: context.register.source,
    asOf: context.asOf ?? null,
    policy: context.policy.name,
    rule: { ...rule, description: describeWindowRule(rule) },
    pupilCount: results.length,
    reachedCount: reached.length,
    pupils: shown.map((pupil) => ({
      pupilId: pupil.pupilId,
      reachedOn: pupil.first.periodEnd,
      windowStart: pupil.first.periodStart,
      sessionsInWindow: pupil.first.count,
      maximumInAWindow: pupil.maximum,
      windows: pupil.windows,
      sessions: pupil.first.marks,
    })),
  };

  const csv = {
    header: [
      'pupil_id',
      'reached_on',
      'window_start',
      'sessions_in_window',
      'maximum_in_a_window',
      'windows',
      'sessions',
    ],
    rows: shown.map((pupil) => [
      pupil.pupilId,
      pupil.first.periodEnd,
      pupil.first.periodStart,
      pupil.first.count,
      pupil.maximum,
      pupil.windows,
      pupil.first.marks.map(sessionText).join(';'),
    ]),
  };

  return { text, json, csv, findings: { penalty: reached.length, issues: 0 }, warnings: [] };
}
