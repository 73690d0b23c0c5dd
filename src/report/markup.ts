import type { SessionRate } from '../sessions/types.js';
import { toPercentage } from '../sessions/toPercentage.js';
import type { AttendanceReport, ReportCount } from './types.js';
import { escapeHtml, formatWhole } from './html.js';

/**
 * A rate as the library displays it (one decimal place, half up, by `toPercentage`), or "–" with no possible
 * sessions: the one rounding rule of every percentage in the report.
 *
 * @param fraction - The numerator and denominator, whole numbers.
 * @returns The percentage as text.
 * @example
 * percentText({ numerator: 7012, denominator: 7480 }) //=> '93.7 %'
 */
export function percentText(fraction: { readonly numerator: number; readonly denominator: number }): string {
  const { numerator, denominator } = fraction;
  const rate: SessionRate =
    denominator === 0 ? { kind: 'no-possible-sessions' } : { kind: 'rate', numerator, denominator };
  const percentage = toPercentage(rate);
  return percentage.kind === 'percentage' ? `${percentage.text} %` : '–';
}

/**
 * Whether a count is hidden: in aggregate-only mode, a count above 0 and below the small-number limit.
 *
 * @param report - The report (its mode and limit).
 * @param count - The count.
 * @returns True when the count must not be shown.
 * @example
 * isSuppressed({ ...report, aggregateOnly: true, smallNumbers: 5 }, 3) //=> true
 */
export function isSuppressed(report: AttendanceReport, count: number): boolean {
  return report.aggregateOnly && count > 0 && count < report.smallNumbers;
}

/**
 * What a report shows of a count: the number, "fewer than N" where aggregate-only mode suppresses a small count,
 * or "suppressed" where a larger one is hidden with it.
 *
 * @param report - The report (its small-number limit).
 * @param count - The count, or null for none.
 * @returns The text.
 * @example
 * countText(report, 1234) //=> '1,234'
 */
export function countText(report: AttendanceReport, count: ReportCount | null): string {
  if (count === null) return '–';
  if (count === 'fewer-than-limit') return `fewer than ${report.smallNumbers}`;
  if (count === 'suppressed') return 'suppressed';
  if (isSuppressed(report, count)) return `fewer than ${report.smallNumbers}`;
  return formatWhole(count);
}

/**
 * A count for a chart: a bar's length (0 where the count is suppressed) and its label (the count as the tables
 * show it), so that no bar states a number the report hides.
 *
 * @param report - The report.
 * @param count - The count.
 * @returns The length and the label.
 * @example
 * chartCount(report, 'fewer-than-limit') //=> { value: 0, label: 'fewer than 5' }
 */
export function chartCount(report: AttendanceReport, count: ReportCount): { value: number; label: string } {
  return { value: typeof count === 'number' ? count : 0, label: countText(report, count) };
}

/**
 * A headline figure: the percentage, with its exact fraction on hover and in the line beneath.
 *
 * @param label - The figure's name, also its `data-figure` attribute.
 * @param numerator - The sessions or pupils counted.
 * @param denominator - Out of how many.
 * @param unit - What the denominator counts, e.g. `'possible sessions'`.
 * @returns The card's HTML.
 * @example
 * headlineCard('Attendance', 7012, 7480, 'possible sessions') //=> '<div class="card">…93.7 %…'
 */
export function headlineCard(label: string, numerator: number, denominator: number, unit: string): string {
  const exact = `${formatWhole(numerator)} of ${formatWhole(denominator)} ${unit}`;
  return `<div class="card"><div class="label">${escapeHtml(label)}</div>
<div class="value" data-figure="${escapeHtml(label)}" title="${escapeHtml(exact)}">${percentText({ numerator, denominator })}</div>
<div class="exact">${escapeHtml(exact)}</div></div>`;
}

/**
 * A headline count of pupils, whose rate is suppressed with it when the count is small.
 *
 * @param report - The report (its mode and limit).
 * @param label - The figure's name.
 * @param count - The pupils counted.
 * @param enrolments - Out of how many enrolments.
 * @returns The card's HTML.
 * @example
 * countCard(report, 'Persistent absence', 41, 280) //=> '<div class="card">…14.6 %…'
 */
export function countCard(
  report: AttendanceReport,
  label: string,
  count: number,
  enrolments: number
): string {
  if (isSuppressed(report, count)) {
    return `<div class="card"><div class="label">${escapeHtml(label)}</div>
<div class="value" data-figure="${escapeHtml(label)}">${countText(report, count)}</div>
<div class="exact">pupils (suppressed: a small number)</div></div>`;
  }
  return headlineCard(label, count, enrolments, 'pupils');
}

/**
 * A table with a caption and column headers; every cell escaped.
 *
 * @param caption - The caption.
 * @param headers - The column headers.
 * @param rows - The rows of cells.
 * @returns The table's HTML.
 * @example
 * table('Bands', ['Band', 'Pupils'], [['Under 5 %', '120']]) //=> '<table><caption>Bands</caption>…'
 */
export function table(
  caption: string,
  headers: readonly string[],
  rows: readonly (readonly string[])[]
): string {
  const head = headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>`;
}

/**
 * A chart and its data as a table, in a details element: every chart can be read without its picture.
 *
 * @param id - The section's id and `data-chart` attribute.
 * @param title - The heading and caption.
 * @param svg - The chart.
 * @param data - The data's HTML (one or more tables).
 * @param note - HTML shown under the chart, outside the details (a source, a caveat).
 * @returns The section's HTML.
 * @example
 * figure('bands', 'Pupils by absence band', svg, table(…)) //=> '<section class="chart" id="bands" …'
 */
export function figure(id: string, title: string, svg: string, data: string, note = ''): string {
  return `<section class="chart" id="${id}" data-chart="${id}"><h2>${escapeHtml(title)}</h2>
<figure>${svg}<figcaption>${escapeHtml(title)}</figcaption></figure>${note}
<details><summary>The data of this chart</summary>${data}</details></section>`;
}
