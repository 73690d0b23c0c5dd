import type { ChartLibrary } from '../charts/loadChartLibrary.js';
import { comparisonChart } from '../charts/plotCharts.js';
import { escapeHtml } from '../html.js';
import { figure, percentText, table } from '../markup.js';
import type { AttendanceReport } from '../types.js';

/** One decimal place, half up, as the percentages of the rest of the report (DfE publishes them unrounded). */
function publishedText(percent: number | null): string {
  if (percent === null) return '–';
  return `${(Math.round(percent * 10 + Number.EPSILON) / 10).toFixed(1)} %`;
}

/**
 * The school's figures beside published ones (DfE's "Pupil attendance in schools"), measure by measure: a chart
 * and a table with the difference in percentage points.
 *
 * @param charts - The chart library.
 * @param report - The report.
 * @returns The section's HTML, or an empty string without a comparison.
 * @example
 * comparisonSection(charts, report) //=> '<section class="chart" id="comparison" …'
 */
export function comparisonSection(charts: ChartLibrary, report: AttendanceReport): string {
  const published = report.comparison;
  if (published === null) return '';
  const { headline } = report;
  const measures: readonly {
    readonly measure: string;
    readonly school: readonly [number, number];
    readonly published: number | null;
  }[] = [
    {
      measure: 'Attendance',
      school: [headline.attended, headline.possible],
      published: rate(published.attended),
    },
    {
      measure: 'Overall absence',
      school: [headline.absent, headline.possible],
      published: rate(published.absent),
    },
    {
      measure: 'Authorised absence',
      school: [headline.authorised, headline.possible],
      published: rate(published.authorised),
    },
    {
      measure: 'Unauthorised absence',
      school: [headline.unauthorised, headline.possible],
      published: rate(published.unauthorised),
    },
    {
      measure: 'Persistent absence',
      school: [headline.persistentAbsentees, headline.enrolments],
      published: published.persistentAbsencePercent,
    },
  ];
  function rate(sessions: number): number | null {
    return published!.possible === 0 ? null : (sessions / published!.possible) * 100;
  }
  const rows = measures.flatMap(({ measure, school: [numerator, denominator], published: percent }) => [
    ...(denominator === 0 ? [] : [{ measure, whose: 'School', percent: (numerator / denominator) * 100 }]),
    ...(percent === null ? [] : [{ measure, whose: published.label, percent }]),
  ]);
  const difference = (numerator: number, denominator: number, percent: number | null): string => {
    if (percent === null || denominator === 0) return '–';
    const points = (numerator / denominator) * 100 - percent;
    const rounded = Math.round(Math.abs(points) * 10) / 10;
    // A difference that rounds to nothing has no sign.
    return rounded === 0 ? '0.0' : `${points > 0 ? '+' : '−'}${rounded.toFixed(1)}`;
  };
  // A school year runs from September: the year the report's first date belongs to, as DfE writes it (2024/25).
  const from = report.period?.from;
  const start =
    from === undefined ? undefined : Number(from.slice(0, 4)) - (Number(from.slice(5, 7)) < 8 ? 1 : 0);
  const schoolYear =
    start === undefined ? undefined : `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
  const years =
    schoolYear === undefined || schoolYear === published.timePeriod
      ? ''
      : ` The school's figures are of ${schoolYear} (${report.period!.from} to ${report.period!.to}), the published ones of ${published.timePeriod}: different years, so read the difference as a guide only.`;
  return figure(
    'comparison',
    `The school beside ${published.label}, ${published.timePeriod}`,
    comparisonChart(charts, rows),
    table(
      `The school beside ${published.label} (${published.timePeriod}, year to date)`,
      ['Measure', 'School', published.label, 'Difference (percentage points)'],
      measures.map(({ measure, school: [numerator, denominator], published: percent }) => [
        measure,
        percentText({ numerator, denominator }),
        publishedText(percent),
        difference(numerator, denominator, percent),
      ])
    ),
    `<p class="note">Published figures: DfE, "Pupil attendance in schools", ${escapeHtml(published.label)}, ${escapeHtml(published.timePeriod)} year to date${published.note === undefined ? '' : ` (${escapeHtml(published.note)})`}. The school's persistent absence is its persistent absentees (by the policy's threshold) over its enrolments.${escapeHtml(years)}</p>`
  );
}
