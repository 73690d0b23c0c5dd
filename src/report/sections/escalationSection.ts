import type { ChartLibrary } from '../charts/loadChartLibrary.js';
import { stagesChart } from '../charts/plotCharts.js';
import { escapeHtml } from '../html.js';
import { chartCount, countText, figure, table } from '../markup.js';
import type { AttendanceReport } from '../types.js';

/**
 * The escalation picture: pupils per stage of the ladder (a chart and its table), the actions due by kind, how
 * many pupils reached the penalty-notice threshold, and, unless the report is aggregate only, every action due
 * with its pupil, earliest first.
 *
 * @param charts - The chart library.
 * @param report - The report.
 * @returns The section's HTML, or an empty string without an escalation picture.
 * @example
 * escalationSection(charts, report) //=> '<section class="chart" id="escalation" …'
 */
export function escalationSection(charts: ChartLibrary, report: AttendanceReport): string {
  const { escalation } = report;
  if (escalation === null) return '';
  const stages = figure(
    'escalation',
    'Pupils by stage of support',
    stagesChart(
      charts,
      escalation.stages.map((stage) => {
        const { value, label } = chartCount(report, stage.pupils);
        return { label: `${stage.stage} ${stage.name}`, value, text: label };
      })
    ),
    table(
      'Pupils by stage of support',
      ['Stage', 'Name', 'Pupils'],
      escalation.stages.map((stage) => [String(stage.stage), stage.name, countText(report, stage.pupils)])
    )
  );
  const byKind =
    escalation.actionsByKind.length === 0
      ? '<p>No action is due.</p>'
      : table(
          'Actions due, by kind',
          ['Action', 'Due'],
          escalation.actionsByKind.map((kind) => [kind.kind, countText(report, kind.count)])
        );
  const penalty =
    report.penaltyThresholdReached === null
      ? ''
      : `<p data-figure="Penalty-notice threshold reached">Pupils who reached the penalty-notice threshold: <strong>${escapeHtml(countText(report, report.penaltyThresholdReached))}</strong>.</p>`;
  const list = report.aggregateOnly
    ? ''
    : `<details class="list"><summary>Every action due (${escapeHtml(countText(report, escalation.actionsDueCount))})</summary>${table(
        'Actions due, earliest first',
        ['Pupil', 'Stage', 'Action', 'Due on', 'Why'],
        escalation.actionsDue.map((action) => [
          action.pupilId,
          `${action.stage} ${action.stageName}`,
          action.kind,
          action.dueOn,
          action.reason,
        ])
      )}</details>`;
  return `${stages}
<section id="actions"><h2>Actions due</h2>
<p>Actions made due by the escalation ladder and not yet recorded as done: ${escapeHtml(countText(report, escalation.actionsDueCount))}.</p>
${penalty}
${byKind}
${list}</section>`;
}
