import { applyLimit, omittedLines } from '../output/applyLimit.js';
import { describeThreshold, pupils } from '../output/describe.js';
import { formatTable } from '../output/formatTable.js';
import { percentText, rateJson } from '../output/percent.js';
import { toAbsenceRate } from '../../sessions/toAbsenceRate.js';
import type { CommandReport } from '../types.js';
import type { AnalysisContext } from './context.js';
import { analyseRegister } from './analyseRegister.js';

interface Absentee {
  readonly pupilId: string;
  readonly possible: number;
  readonly absent: number;
  readonly severe: boolean;
  readonly order: number;
}

// Highest exact absence rate first (a/b > c/d when a·d > c·b, in whole numbers), then file order.
function byRateDescending(left: Absentee, right: Absentee): number {
  const difference = right.absent * left.possible - left.absent * right.possible;
  return difference === 0 ? left.order - right.order : difference;
}

/**
 * `persistent`: the severely absent and the persistent absentees (severe included), each with possible sessions,
 * sessions missed and absence rate, highest rate first. Thresholds are compared on whole sessions: 38 of 380 is
 * persistent absence, 38 of 381 (which displays as 10.0 %) is not.
 *
 * @param context - The register, policy and options.
 * @returns The report.
 * @throws {@link AttendanceError} If a pupil's marks cannot be counted.
 * @example
 * persistentCommand(context).findings.severe //=> the number of severely absent pupils
 */
export function persistentCommand(context: AnalysisContext): CommandReport {
  const policy = context.policy.value;
  // One pass of the cohort engine over the register's bytes; objects are made only for the absentees.
  const { figures, pupils: all, warnings } = analyseRegister(context);
  const { counts, absenceClass } = figures;
  const absentees: Absentee[] = [];
  all.forEach((pupil, order) => {
    if (absenceClass[pupil] === 0) return;
    absentees.push({
      pupilId: figures.register.pupilIds[pupil]!,
      possible: counts.possible[pupil]!,
      absent: counts.absent[pupil]!,
      severe: absenceClass[pupil] === 2,
      order,
    });
  });
  absentees.sort(byRateDescending);
  const severe = absentees.filter((pupil) => pupil.severe);
  const persistentShown = applyLimit(absentees, context.options.limit);
  const severeShown = applyLimit(severe, context.options.limit);
  const rate = (pupil: Absentee): string => percentText(toAbsenceRate(pupil), policy);

  const severeTable = formatTable(
    [
      { heading: 'Pupil' },
      { heading: 'Possible', align: 'right' },
      { heading: 'Missed', align: 'right' },
      { heading: 'Absence %', align: 'right' },
    ],
    severeShown.shown.map((pupil) => [
      pupil.pupilId,
      String(pupil.possible),
      String(pupil.absent),
      rate(pupil),
    ])
  );
  const persistentTable = formatTable(
    [
      { heading: 'Pupil' },
      { heading: 'Possible', align: 'right' },
      { heading: 'Missed', align: 'right' },
      { heading: 'Absence %', align: 'right' },
      { heading: 'Severe' },
    ],
    persistentShown.shown.map((pupil) => [
      pupil.pupilId,
      String(pupil.possible),
      String(pupil.absent),
      rate(pupil),
      pupil.severe ? 'yes' : '',
    ])
  );
  const text = [
    `Persistent and severe absence in ${context.register.source}${context.asOf === undefined ? '' : ` as of ${context.asOf}`}; policy ${context.policy.name}. Rates are of each pupil's own possible sessions; thresholds are compared on whole sessions.`,
    '',
    `Severely absent (${describeThreshold(policy.severeAbsence)} of possible sessions missed): ${pupils(severe.length)} of ${all.length}.`,
    ...(severe.length === 0 ? [] : [...severeTable, ...omittedLines(severeShown.omitted, 'pupil')]),
    '',
    `Persistent absentees (${describeThreshold(policy.persistentAbsence)} of possible sessions missed, severe included): ${pupils(absentees.length)} of ${all.length}.`,
    ...(absentees.length === 0
      ? []
      : [...persistentTable, ...omittedLines(persistentShown.omitted, 'pupil')]),
  ];

  const pupilJson = (pupil: Absentee): Record<string, unknown> => ({
    pupilId: pupil.pupilId,
    possible: pupil.possible,
    absent: pupil.absent,
    absence: rateJson(toAbsenceRate(pupil), policy),
    severe: pupil.severe,
  });
  const thresholdJson = (threshold: typeof policy.persistentAbsence): Record<string, unknown> => ({
    ...threshold,
  });
  const json = {
    command: 'persistent',
    source: context.register.source,
    asOf: context.asOf ?? null,
    policy: context.policy.name,
    thresholds: {
      persistent: thresholdJson(policy.persistentAbsence),
      severe: thresholdJson(policy.severeAbsence),
    },
    pupilCount: all.length,
    persistentCount: absentees.length,
    severeCount: severe.length,
    severe: severeShown.shown.map(pupilJson),
    persistent: persistentShown.shown.map(pupilJson),
  };

  const csv = {
    header: ['class', 'pupil_id', 'possible', 'absent', 'absence_percent'],
    rows: persistentShown.shown.map((pupil) => [
      pupil.severe ? 'severe' : 'persistent',
      pupil.pupilId,
      pupil.possible,
      pupil.absent,
      rateJson(toAbsenceRate(pupil), policy)?.percent ?? '',
    ]),
  };

  return {
    text,
    json,
    csv,
    findings: { persistent: absentees.length, severe: severe.length, issues: warnings.length },
    warnings,
  };
}
