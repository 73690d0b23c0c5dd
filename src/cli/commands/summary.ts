import { applyLimit, omittedLines } from '../output/applyLimit.js';
import { describeThreshold, pupils as pupilCount } from '../output/describe.js';
import { formatTable } from '../output/formatTable.js';
import { percentText, rateJson } from '../output/percent.js';
import { SESSION_COUNT_FIELDS } from '../../_internal/sessionCountFields.js';
import type { SessionCountField } from '../../_internal/sessionCountFields.js';
import type { CohortCountColumns } from '../../cohort/types.js';
import { toAbsenceRate } from '../../sessions/toAbsenceRate.js';
import { toAttendanceRate } from '../../sessions/toAttendanceRate.js';
import type { CommandReport } from '../types.js';
import type { AnalysisContext } from './context.js';
import { analyseRegister } from './analyseRegister.js';

type Totals = Record<SessionCountField, number>;

interface PupilSummary {
  readonly pupilId: string;
  readonly counts: Totals;
  readonly band: { readonly id: string; readonly label: string } | null;
  readonly persistent: boolean;
  readonly severe: boolean;
}

function totalsAt(columns: CohortCountColumns, pupil: number): Totals {
  return Object.fromEntries(SESSION_COUNT_FIELDS.map((field) => [field, columns[field][pupil]!])) as Totals;
}

function totalsOver(columns: CohortCountColumns, pupils: readonly number[]): Totals {
  return Object.fromEntries(
    SESSION_COUNT_FIELDS.map((field) => {
      const column = columns[field];
      let total = 0;
      for (const pupil of pupils) total += column[pupil]!;
      return [field, total];
    })
  ) as Totals;
}

function totalsOf(counts: Totals): Totals {
  return Object.fromEntries(SESSION_COUNT_FIELDS.map((field) => [field, counts[field]])) as Totals;
}

/**
 * `summary`: each pupil's sessions, attendance rate, band and persistent/severe absence flags, then the overall
 * figures as DfE computes them: sums of sessions over all pupils, divided once (never an average of rates).
 *
 * @param context - The register, policy and options.
 * @returns The report.
 * @throws {@link AttendanceError} If a pupil's marks cannot be counted (e.g. two marks for one session).
 * @example
 * const report = summaryCommand(context);
 * report.findings.persistent //=> the number of persistent absentees
 */
export function summaryCommand(context: AnalysisContext): CommandReport {
  const policy = context.policy.value;
  // One pass of the cohort engine over the register's bytes; objects are made only for the report's rows.
  const { figures, pupils, warnings } = analyseRegister(context);
  const { counts: columns, absenceClass, band: bands } = figures;
  const summaries = pupils.map((pupil): PupilSummary => {
    const band = policy.bands.bands[bands[pupil]!];
    return {
      pupilId: figures.register.pupilIds[pupil]!,
      counts: totalsAt(columns, pupil),
      band: band === undefined ? null : { id: band.id, label: band.label },
      persistent: absenceClass[pupil]! >= 1,
      severe: absenceClass[pupil] === 2,
    };
  });
  const overall = totalsOver(columns, pupils);
  const persistent = summaries.filter((pupil) => pupil.persistent).length;
  const severe = summaries.filter((pupil) => pupil.severe).length;
  const { shown, omitted } = applyLimit(summaries, context.options.limit);

  const cells = (label: string, counts: Totals): string[] => [
    label,
    String(counts.possible),
    String(counts.attended),
    String(counts.authorised),
    String(counts.unauthorised),
    percentText(toAttendanceRate(counts), policy),
  ];
  const table = formatTable(
    [
      { heading: 'Pupil' },
      { heading: 'Possible', align: 'right' },
      { heading: 'Attended', align: 'right' },
      { heading: 'Authorised', align: 'right' },
      { heading: 'Unauthorised', align: 'right' },
      { heading: 'Attendance %', align: 'right' },
      { heading: 'Band' },
      { heading: 'PA' },
      { heading: 'SA' },
    ],
    [
      ...shown.map((pupil) => [
        ...cells(pupil.pupilId, pupil.counts),
        pupil.band?.label ?? 'no possible sessions',
        pupil.persistent ? 'yes' : '',
        pupil.severe ? 'yes' : '',
      ]),
      cells('All pupils', overall),
    ]
  );
  const text = [
    `Attendance summary of ${context.register.source}${context.asOf === undefined ? '' : ` as of ${context.asOf}`}; policy ${context.policy.name}, bands "${policy.bands.name}".`,
    '',
    ...table.slice(0, -1),
    ...omittedLines(omitted, 'pupil'),
    table[1]!,
    table[table.length - 1]!,
    '',
    `Overall (sums of sessions over all ${pupilCount(summaries.length)}): ${overall.attended} of ${overall.possible} possible sessions attended (${percentText(toAttendanceRate(overall), policy)} %); absence ${percentText(toAbsenceRate(overall), policy)} % (authorised ${overall.authorised}, unauthorised ${overall.unauthorised}).`,
    `Persistent absentees (PA, ${describeThreshold(policy.persistentAbsence)} of possible sessions missed, severe included): ${pupilCount(persistent)}; severely absent (SA, ${describeThreshold(policy.severeAbsence)}): ${pupilCount(severe)}.`,
  ];

  const json = {
    command: 'summary',
    source: context.register.source,
    asOf: context.asOf ?? null,
    policy: context.policy.name,
    bands: policy.bands.id,
    pupilCount: summaries.length,
    pupils: shown.map((pupil) => ({
      pupilId: pupil.pupilId,
      ...totalsOf(pupil.counts),
      attendance: rateJson(toAttendanceRate(pupil.counts), policy),
      absence: rateJson(toAbsenceRate(pupil.counts), policy),
      band: pupil.band,
      persistentAbsence: pupil.persistent,
      severeAbsence: pupil.severe,
    })),
    overall: {
      pupils: summaries.length,
      ...totalsOf(overall),
      attendance: rateJson(toAttendanceRate(overall), policy),
      absence: rateJson(toAbsenceRate(overall), policy),
      persistentAbsentees: persistent,
      severelyAbsent: severe,
    },
  };

  const csvRow = (scope: string, pupilId: string, counts: Totals): (string | number)[] => [
    scope,
    pupilId,
    ...SESSION_COUNT_FIELDS.map((field) => counts[field]),
    rateJson(toAttendanceRate(counts), policy)?.percent ?? '',
    rateJson(toAbsenceRate(counts), policy)?.percent ?? '',
  ];
  const csv = {
    header: [
      'scope',
      'pupil_id',
      'possible',
      'attended',
      'present',
      'approved_educational_activity',
      'authorised',
      'unauthorised',
      'absent',
      'not_possible',
      'unmarked',
      'late',
      'late_after_register_closed',
      'attendance_percent',
      'absence_percent',
      'band_id',
      'band_label',
      'persistent_absence',
      'severe_absence',
    ],
    rows: [
      ...shown.map((pupil) => [
        ...csvRow('pupil', pupil.pupilId, pupil.counts),
        pupil.band?.id ?? '',
        pupil.band?.label ?? '',
        pupil.persistent,
        pupil.severe,
      ]),
      [...csvRow('overall', '', overall), '', '', '', ''],
    ],
  };

  return { text, json, csv, findings: { persistent, severe, issues: warnings.length }, warnings };
}
