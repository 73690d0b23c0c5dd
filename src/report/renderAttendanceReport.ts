import type { AttendanceReport } from './types.js';
import { escapeHtml, formatWhole } from './html.js';
import { chartCount, countCard, countText, figure, headlineCard, percentText, table } from './markup.js';
import { loadChartLibrary } from './charts/loadChartLibrary.js';
import type { ChartLibrary } from './charts/loadChartLibrary.js';
import { bandsChart, groupTrendChart, reasonsChart, weeklyTrendChart } from './charts/plotCharts.js';
import { weekdayHeatMap } from './charts/weekdayHeatMap.js';
import { REPORT_STYLE } from './style.js';
import { comparisonSection } from './sections/comparisonSection.js';
import { escalationSection } from './sections/escalationSection.js';
import { pupilCardsSection } from './sections/pupilCards.js';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];

/** The school's weekly-trend chart, with its data table. */
function trendFigure(
  charts: ChartLibrary,
  id: string,
  title: string,
  weeks: AttendanceReport['weeks']
): string {
  return figure(
    id,
    title,
    weeklyTrendChart(charts, weeks),
    table(
      title,
      ['Week starting', 'Attended', 'Possible', 'Attendance'],
      weeks.map((week) => [
        week.week,
        formatWhole(week.attended),
        formatWhole(week.possible),
        percentText({ numerator: week.attended, denominator: week.possible }),
      ])
    )
  );
}

/**
 * The weekly trend of the school, then one chart per attribute with a line for each of its groups beside the
 * school's (in aggregate-only mode, a group smaller than the small-number limit is left out).
 */
function trendSections(charts: ChartLibrary, report: AttendanceReport): string {
  const school = report.weeks.filter((week) => week.group === 'School');
  const sections = [trendFigure(charts, 'weekly-trend', 'Attendance week by week', school)];
  const attributes = [
    ...new Set(report.groups.flatMap((group) => (group.attribute === null ? [] : [group.attribute]))),
  ];
  attributes.forEach((attribute, index) => {
    const groups = report.groups
      .filter(
        (group) =>
          group.attribute === attribute && (!report.aggregateOnly || group.pupils >= report.smallNumbers)
      )
      // Year groups 2 before 10: values compared as numbers where they are numbers.
      .sort((left, right) => (left.value ?? '').localeCompare(right.value ?? '', 'en', { numeric: true }));
    if (groups.length === 0) return;
    const names = groups.map((group) => group.name);
    const shown = new Set(names);
    const weeks = report.weeks.filter((week) => shown.has(week.group));
    const title = `Attendance week by week, by ${attribute}`;
    sections.push(
      figure(
        `weekly-trend-${index + 1}`,
        title,
        groupTrendChart(charts, school, names, weeks),
        table(
          title,
          ['Group', 'Week starting', 'Attended', 'Possible', 'Attendance'],
          names.flatMap((name) =>
            weeks
              .filter((week) => week.group === name)
              .map((week) => [
                name,
                week.week,
                formatWhole(week.attended),
                formatWhole(week.possible),
                percentText({ numerator: week.attended, denominator: week.possible }),
              ])
          )
        )
      )
    );
  });
  return sections.join('\n');
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

  const trend = trendSections(charts, report);

  const bands = figure(
    'bands',
    `Pupils by absence band (${report.bandTableName})`,
    bandsChart(
      charts,
      report.bands.map((band) => {
        const { value, label } = chartCount(report, band.enrolments);
        return { label: band.label, value, text: label };
      })
    ),
    table(
      'Pupils by absence band',
      ['Band', 'Pupils'],
      report.bands.map((band) => [band.label, countText(report, band.enrolments)])
    )
  );

  const categories = new Map<string, number>();
  for (const reason of report.reasons) {
    categories.set(reason.category, (categories.get(reason.category) ?? 0) + reason.sessions);
  }
  const reasons = figure(
    'reasons',
    'Sessions missed by reason',
    reasonsChart(
      charts,
      report.reasons.filter(
        (reason) => reason.category === 'authorised' || reason.category === 'unauthorised'
      )
    ),
    `${table(
      'Sessions by statistical category',
      ['Category', 'Sessions'],
      [...categories].map(([category, sessions]) => [category, formatWhole(sessions)])
    )}
${table(
  'Sessions by register code',
  ['Code', 'Category', 'Sessions'],
  report.reasons.map((reason) => [reason.code, reason.category, formatWhole(reason.sessions)])
)}`
  );

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

  // The penalty-notice count is said once: in the escalation picture when there is one, else here.
  const penaltyLine =
    report.escalation !== null || report.penaltyThresholdReached === null
      ? ''
      : `<p data-figure="Penalty-notice threshold reached">Pupils who reached the penalty-notice threshold: <strong>${escapeHtml(countText(report, report.penaltyThresholdReached))}</strong>.</p>`;
  // The lists are folded: the overview prints on a few pages, and a list prints when it is opened.
  const list = (summary: string, body: string): string =>
    `<details class="list"><summary>${escapeHtml(summary)}</summary>${body}</details>`;
  const lists = report.aggregateOnly
    ? `<section id="pupils"><h2>Pupils</h2><p>This report is aggregate only: it names no pupils.</p>
${penaltyLine}</section>`
    : `<section id="pupils"><h2>Pupils</h2>
${penaltyLine}
${list(
  `Persistent and severe absentees, highest absence first (${formatWhole(report.absentees.length)})`,
  table(
    'Persistent and severe absentees, highest absence first',
    ['Pupil', 'Absent', 'Possible', 'Absence', 'Class'],
    report.absentees.map((pupil) => [
      pupil.pupilId,
      formatWhole(pupil.absent),
      formatWhole(pupil.possible),
      percentText({ numerator: pupil.absent, denominator: pupil.possible }),
      pupil.absenceClass,
    ])
  )
)}
${
  report.penaltyThresholdReached === null
    ? '<p>No penalty-notice rule was applied.</p>'
    : list(
        `Penalty-notice candidates, earliest first (${formatWhole(report.penaltyCandidates.length)})`,
        table(
          'Pupils whose penalty-notice window reached its threshold',
          ['Pupil', 'Most sessions in a window', 'Threshold first reached'],
          report.penaltyCandidates.map((candidate) => [
            candidate.pupilId,
            formatWhole(candidate.maximum),
            `${candidate.firstReached.date} ${candidate.firstReached.session}`,
          ])
        )
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
${comparisonSection(charts, report)}
${trend}
${bands}
${reasons}
${heat}
${escalationSection(charts, report)}
${lists}
${pupilCardsSection(charts, report)}
</main>
</body>
</html>
`;
}
