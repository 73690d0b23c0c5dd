import type { ChartLibrary } from '../charts/loadChartLibrary.js';
import { weeklyTrendChart } from '../charts/plotCharts.js';
import { sessionCalendar } from '../charts/sessionCalendar.js';
import { escapeHtml, formatWhole } from '../html.js';
import { figure, headlineCard, percentText, table } from '../markup.js';
import type { AttendanceReport, ReportPupilCard } from '../types.js';

const CATEGORY_NAMES: Readonly<Record<ReportPupilCard['sessions'][number]['category'], string>> = {
  present: 'present',
  'approved-educational-activity': 'approved educational activity',
  authorised: 'authorised absence',
  unauthorised: 'unauthorised absence',
  'not-possible': 'not possible',
  unmarked: 'unmarked',
};

/** One pupil's card: their figures, every session, the weekly trend, the case history and the actions due. */
function pupilCard(charts: ChartLibrary, card: ReportPupilCard, number: number): string {
  const id = `pupil-${number}`;
  const { counts } = card;
  const attributes = Object.entries(card.attributes)
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
  const stage =
    card.stage === null
      ? ''
      : `; stage ${card.stage.stage} ${card.stage.name}${card.stage.since === null ? '' : ` since ${card.stage.since}`}`;
  const byCategory = new Map<string, number>();
  for (const session of card.sessions) {
    const name = CATEGORY_NAMES[session.category];
    byCategory.set(name, (byCategory.get(name) ?? 0) + 1);
  }
  const missed = card.sessions.filter(
    (session) => session.category === 'authorised' || session.category === 'unauthorised'
  );
  const calendar = figure(
    `${id}-calendar`,
    `Every session of pupil ${card.pupilId}`,
    sessionCalendar(card.sessions, { title: `Every session of pupil ${card.pupilId}, by category` }),
    table(
      'Sessions by category',
      ['Category', 'Sessions'],
      [...byCategory].map(([name, sessions]) => [name, formatWhole(sessions)])
    ) +
      table(
        'Sessions missed',
        ['Date', 'Session', 'Code', 'Category'],
        missed.map((session) => [
          session.date,
          session.session,
          session.code,
          CATEGORY_NAMES[session.category],
        ])
      )
  );
  const trend = figure(
    `${id}-trend`,
    `Attendance of pupil ${card.pupilId} week by week`,
    weeklyTrendChart(charts, card.weeks),
    table(
      'Attendance week by week',
      ['Week starting', 'Attended', 'Possible', 'Attendance'],
      card.weeks.map((week) => [
        week.week,
        formatWhole(week.attended),
        formatWhole(week.possible),
        percentText({ numerator: week.attended, denominator: week.possible }),
      ])
    )
  );
  const history =
    card.history.length === 0
      ? '<p>No change of stage and no event recorded.</p>'
      : table(
          'Case history: changes of stage and events recorded',
          ['Date', 'Event', 'Stage', 'Why'],
          card.history.map((entry) => [
            entry.on,
            entry.event,
            entry.from === entry.to ? String(entry.to) : `${entry.from} → ${entry.to}`,
            entry.reason,
          ])
        );
  const due =
    card.dueActions.length === 0
      ? ''
      : table(
          'Actions due',
          ['Action', 'Due on', 'Why'],
          card.dueActions.map((action) => [action.kind, action.dueOn, action.reason])
        );
  return `<article class="pupil-card" id="${id}" data-pupil-card="${escapeHtml(card.pupilId)}">
<h2>Pupil ${escapeHtml(card.pupilId)}</h2>
<p class="meta">${escapeHtml(`${attributes === '' ? 'No attributes given' : attributes}; ${card.absenceClass === 'none' ? 'not persistently absent' : `${card.absenceClass} absence`}${stage}.`)}</p>
<div class="cards">${[
    headlineCard('Attendance', counts.attended, counts.possible, 'possible sessions'),
    headlineCard('Authorised absence', counts.authorised, counts.possible, 'possible sessions'),
    headlineCard('Unauthorised absence', counts.unauthorised, counts.possible, 'possible sessions'),
  ].join('\n')}</div>
${calendar}
${trend}
<section id="${id}-history"><h3>Case history</h3>
${history}
${due}</section>
</article>`;
}

/**
 * The pupil cards asked for, one page each when printed.
 *
 * @param charts - The chart library.
 * @param report - The report.
 * @returns The cards' HTML (empty without cards).
 * @example
 * pupilCardsSection(charts, report) //=> '<article class="pupil-card" …'
 */
export function pupilCardsSection(charts: ChartLibrary, report: AttendanceReport): string {
  return report.cards.map((card, index) => pupilCard(charts, card, index + 1)).join('\n');
}
