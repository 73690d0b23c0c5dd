import type { SessionRate } from '../sessions/types.js';
import { toPercentage } from '../sessions/toPercentage.js';
import type { AttendanceReport, ReportCount } from './types.js';
import { escapeHtml, formatWhole } from './html.js';
import { loadChartLibrary } from './charts/loadChartLibrary.js';
import type { ChartLibrary } from './charts/loadChartLibrary.js';
import { bandsChart, weeklyTrendChart } from './charts/plotCharts.js';
import { weekdayHeatMap } from './charts/weekdayHeatMap.js';
import { REPORT_STYLE } from './style.js';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

/** A rate as the library displays it (one decimal, half up), or "–" with no possible sessions. */
function percentText({
  numerator,
  denominator,
}: {
  readonly numerator: number;
  readonly denominator: number;
}): string {
  const rate: SessionRate =
    denominator === 0 ? { kind: 'no-possible-sessions' } : { kind: 'rate', numerator, denominator };
  const percentage = toPercentage(rate);
  return percentage.kind === 'percentage' ? `${percentage.text} %` : '–';
}

/** What a report shows of a count: the number, or "fewer than N" where aggregate-only mode suppresses it. */
function countText(report: AttendanceReport, count: ReportCount): string {
  if (count === null) return '–';
  if (isSuppressed(report, count)) return `fewer than ${report.smallNumbers}`;
  return formatWhole(count);
}

function isSuppressed(report: AttendanceReport, count: number): boolean {
  return report.aggregateOnly && count > 0 && count < report.smallNumbers;
}

/** A headline figure: the percentage, its exact fraction on hover and in the footnote line beneath. */
function headlineCard(label: string, numerator: number, denominator: number, unit: string): string {
  const exact = `${formatWhole(numerator)} of ${formatWhole(denominator)} ${unit}`;
  return `<div class="card"><div class="label">${escapeHtml(label)}</div>
<div class="value" data-figure="${escapeHtml(label)}" title="${escapeHtml(exact)}">${percentText({ numerator, denominator })}</div>
<div class="exact">${escapeHtml(exact)}</div></div>`;
}

/** A count headline whose rate is suppressed with it when the count is small. */
function countCard(report: AttendanceReport, label: string, count: number, enrolments: number): string {
  if (isSuppressed(report, count)) {
    return `<div class="card"><div class="label">${escapeHtml(label)}</div>
<div class="value" data-figure="${escapeHtml(label)}">${countText(report, count)}</div>
<div class="exact">pupils (suppressed: a small number)</div></div>`;
  }
  return headlineCard(label, count, enrolments, 'pupils');
}

function table(caption: string, headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const head = headers.map((header) => `<th scope="col">${escapeHtml(header)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table><caption>${escapeHtml(caption)}</caption><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>`;
}

/** A chart and its data as a table, in a details element: every chart can be read without its picture. */
function figure(id: string, title: string, svg: string, data: string): string {
  return `<section class="chart" id="${id}" data-chart="${id}"><h2>${escapeHtml(title)}</h2>
<figure>${svg}<figcaption>${escapeHtml(title)}</figcaption></figure>
<details><summary>The data of this chart</summary>${data}</details></section>`;
}

/**
 * Draws a report as one self-contained HTML file: inline CSS and SVG, no scripts, no network requests, printable
 * on A4. The charts are drawn when the report is rendered, with Observable Plot over linkedom's document (both
 * optional peer dependencies, loaded here and only here); the session heat map is drawn by hand.
 *
 * @param report - The report's data, from {@link buildAttendanceReport}.
 * @returns The HTML document.
 * @throws `AttendanceError` (`missing_dependency`) when `@observablehq/plot` or `linkedom` is not installed.
 * @example
 * const html = await renderAttendanceReport(buildAttendanceReport(figures, { title: 'Oak Academy' }));
 * writeFileSync('report.html', html);
 */
export async function renderAttendanceReport(report: AttendanceReport): Promise<string> {
  const charts: ChartLibrary = await loadChartLibrary();
  const { headline } = report;
  const period =
    report.period === null ? 'no sessions counted' : `${report.period.from} to ${report.period.to}`;

  const cards = [
    headlineCard('Attendance', headline.attended, headline.possible, 'possible sessions'),
    headlineCard('Overall absence', headline.absent, headline.possible, 'possible sessions'),
    headlineCard('Authorised absence', headline.authorised, headline.possible, 'possible sessions'),
    headlineCard('Unauthorised absence', headline.unauthorised, headline.possible, 'possible sessions'),
    countCard(report, 'Persistent absence', headline.persistentAbsentees, headline.enrolments),
    countCard(report, 'Severe absence', headline.severeAbsentees, headline.enrolments),
  ];

  const shownGroups = report.groups.filter(
    (group) => !report.aggregateOnly || group.pupils >= report.smallNumbers
  );
  const shown = new Set(shownGroups.map((group) => group.name));
  const weeks = report.weeks.filter((week) => shown.has(week.group));
  const trend = figure(
    'weekly-trend',
    'Attendance week by week',
    weeklyTrendChart(charts, weeks),
    table(
      'Attendance week by week',
      ['Week starting', 'Group', 'Attended', 'Possible', 'Attendance'],
      weeks.map((week) => [
        week.week,
        week.group,
        formatWhole(week.attended),
        formatWhole(week.possible),
        percentText({ numerator: week.attended, denominator: week.possible }),
      ])
    )
  );

  const bandRows = report.bands.map((band) => [band.label, countText(report, band.enrolments)]);
  const bands = figure(
    'bands',
    'Pupils by absence band',
    bandsChart(
      charts,
      report.bands.map((band) => ({
        label: band.label,
        enrolments: band.enrolments === null || isSuppressed(report, band.enrolments) ? 0 : band.enrolments,
      }))
    ),
    table('Pupils by absence band', ['Band', 'Pupils'], bandRows)
  );

  const categories = new Map<string, number>();
  for (const reason of report.reasons) {
    categories.set(reason.category, (categories.get(reason.category) ?? 0) + reason.sessions);
  }
  const reasons = `<section id="reasons" data-chart="reasons"><h2>Sessions by reason</h2>
${table(
  'Sessions by statistical category',
  ['Category', 'Sessions'],
  [...categories].map(([category, sessions]) => [category, formatWhole(sessions)])
)}
${table(
  'Sessions by register code',
  ['Code', 'Category', 'Sessions'],
  report.reasons.map((reason) => [reason.code, reason.category, formatWhole(reason.sessions)])
)}</section>`;

  const heat = figure(
    'weekday-heat-map',
    'Absence by weekday and session',
    weekdayHeatMap(report.weekdays),
    table(
      'Absence by weekday and session',
      ['Weekday', 'Session', 'Absent', 'Possible', 'Absence'],
      report.weekdays.map((cell) => [
        WEEKDAYS[cell.weekday - 1]!,
        cell.session,
        formatWhole(cell.absent),
        formatWhole(cell.possible),
        percentText({ numerator: cell.absent, denominator: cell.possible }),
      ])
    )
  );

  const lists = report.aggregateOnly
    ? `<section id="pupils"><h2>Pupils</h2><p>This report is aggregate only: it names no pupils.</p>
<p>Pupils who reached the penalty-notice threshold: ${escapeHtml(countText(report, report.penaltyThresholdReached))}</p></section>`
    : `<section id="pupils"><h2>Persistent and severe absentees</h2>
${table(
  'Persistent and severe absentees, highest absence first',
  ['Pupil', 'Absent', 'Possible', 'Absence', 'Class'],
  report.absentees.map((pupil) => [
    pupil.pupilId,
    formatWhole(pupil.absent),
    formatWhole(pupil.possible),
    percentText({ numerator: pupil.absent, denominator: pupil.possible }),
    pupil.absenceClass,
  ])
)}
<h2>Penalty-notice candidates</h2>
${
  report.penaltyThresholdReached === null
    ? '<p>No penalty-notice rule was applied.</p>'
    : table(
        'Pupils whose penalty-notice window reached its threshold',
        ['Pupil', 'Most sessions in a window', 'Threshold first reached'],
        report.penaltyCandidates.map((candidate) => [
          candidate.pupilId,
          formatWhole(candidate.maximum),
          `${candidate.firstReached.date} ${candidate.firstReached.session}`,
        ])
      )
}</section>`;

  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.title)}</title>
<style>${REPORT_STYLE}</style>
</head>
<body>
<header><h1>${escapeHtml(report.title)}</h1>
<p class="meta">Policy ${escapeHtml(report.policyName)}; ${escapeHtml(period)}; ${formatWhole(headline.enrolments)} enrolments with possible sessions.
Rates are sessions over possible sessions by the DfE method, shown to one decimal place (half up); the exact fraction is beneath each.</p></header>
<main>
<section id="headline"><h2>Headline figures</h2><div class="cards">${cards.join('\n')}</div></section>
${trend}
${bands}
${reasons}
${heat}
${lists}
</main>
</body>
</html>
`;
}
