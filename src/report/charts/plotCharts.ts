import type { ReportWeek } from '../types.js';
import type { ChartLibrary } from './loadChartLibrary.js';

/** Okabe and Ito's colour-blind-safe palette (black left out: it is the text colour). */
export const PALETTE: readonly [string, ...string[]] = [
  '#0072b2',
  '#e69f00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#d55e00',
  '#f0e442',
];
/** The text colour, for the school's line. */
const INK = '#1b1b1b';
/** Line styles, so that no line is told apart by its colour alone. */
const DASHES: readonly [string, ...string[]] = ['none', '6 3', '2 2', '8 3 2 3', '1 3', '10 4'];

/** The part of the element Plot returns that the report uses: its attributes and its markup. */
interface MarkupElement {
  setAttribute(name: string, value: string): void;
  readonly outerHTML: string;
}

/** Plot's SVG as text, with a title and a description for screen readers. */
function svgText(element: MarkupElement, title: string, description: string): string {
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', title);
  element.setAttribute('aria-description', description);
  return element.outerHTML;
}

/**
 * Attendance week by week, one line per group, with the 90 % and 95 % lines: 90 % attendance is the persistent
 * absence threshold (DfE: 10 % or more of possible sessions missed, Pupil absence in schools in England,
 * methodology); 95 % is the second reference line the report draws (issue 15 of this project asks for both).
 *
 * @param charts - The chart library.
 * @param weeks - The weeks to draw.
 * @returns The chart as SVG text.
 * @example
 * weeklyTrendChart(charts, [{ week: '2024-09-09', group: 'School', attended: 18, possible: 20 }]) //=> '<svg …'
 */
export function weeklyTrendChart({ Plot, document }: ChartLibrary, weeks: readonly ReportWeek[]): string {
  const groups = [...new Set(weeks.map((week) => week.group))];
  const rows = weeks.map((week) => ({
    week: new Date(`${week.week}T00:00:00Z`),
    group: week.group,
    rate: (week.attended / week.possible) * 100,
  }));
  // The first line (the school, or a pupil) is drawn in ink and thicker; each group after it takes the next
  // colour and the next dash pattern, so that two lines sharing a colour (past the palette's seven) differ in dash.
  const style = (index: number): { colour: string; dash: string; width: number } =>
    index === 0
      ? { colour: INK, dash: 'none', width: 3 }
      : {
          colour: PALETTE[(index - 1) % PALETTE.length] ?? INK,
          dash: DASHES[(index - 1) % DASHES.length] ?? 'none',
          width: 2,
        };
  const chart = Plot.plot({
    document,
    width: 1000,
    height: 320,
    marginLeft: 50,
    marginRight: 20,
    x: { type: 'utc', label: 'Week starting' },
    y: { label: 'Attendance (%)', domain: [Math.min(80, ...rows.map((row) => row.rate)), 100], grid: true },
    color: {
      domain: groups,
      range: groups.map((_, index) => style(index).colour),
      legend: groups.length > 1,
    },
    marks: [
      Plot.ruleY([90, 95], { stroke: '#505a5f', strokeDasharray: '4 4' }),
      Plot.text([90, 95], {
        frameAnchor: 'left',
        y: (value: number) => value,
        text: (value: number) => `${value} %`,
        dy: -6,
        fill: '#505a5f',
      }),
      ...groups.map((group, index) =>
        Plot.line(
          rows.filter((row) => row.group === group),
          {
            x: 'week',
            y: 'rate',
            stroke: 'group',
            strokeWidth: style(index).width,
            strokeDasharray: style(index).dash,
          }
        )
      ),
      Plot.dot(rows, { x: 'week', y: 'rate', stroke: 'group', r: 2 }),
    ],
  });
  return svgText(
    chart,
    'Attendance week by week',
    `Weekly attendance of ${groups.join(', ')}, with reference lines at 90 % and 95 %.`
  );
}

/**
 * Attendance week by week of each group of one attribute, as small multiples: a panel per group, titled with its
 * name, with the group's line over the school's (grey, dashed) and the 90 % and 95 % lines. Lines are told
 * apart by their panel, never by colour, however many groups there are (eleven year groups stay readable).
 *
 * @param charts - The chart library.
 * @param school - The school's weeks.
 * @param groups - The groups' names, in the order of the panels.
 * @param weeks - The groups' weeks.
 * @returns The chart as SVG text.
 * @example
 * groupTrendChart(charts, schoolWeeks, ['fsm = true', 'fsm = false'], groupWeeks) //=> '<svg …'
 */
export function groupTrendChart(
  { Plot, document }: ChartLibrary,
  school: readonly ReportWeek[],
  groups: readonly string[],
  weeks: readonly ReportWeek[]
): string {
  const columns = Math.min(4, Math.max(1, groups.length));
  const panel = new Map(groups.map((group, index) => [group, index]));
  const toRow = (week: ReportWeek) => {
    const index = panel.get(week.group) ?? 0;
    return {
      week: new Date(`${week.week}T00:00:00Z`),
      rate: (week.attended / week.possible) * 100,
      group: week.group,
      column: index % columns,
      row: Math.floor(index / columns),
    };
  };
  const rows = weeks.filter((week) => panel.has(week.group)).map(toRow);
  const schoolRows = school.map((week) => ({
    week: new Date(`${week.week}T00:00:00Z`),
    rate: (week.attended / week.possible) * 100,
  }));
  const titles = groups.map((group, index) => ({
    group,
    column: index % columns,
    row: Math.floor(index / columns),
  }));
  const panelRows = Math.ceil(groups.length / columns);
  const lowest = Math.min(80, ...rows.map((row) => row.rate), ...schoolRows.map((row) => row.rate));
  const chart = Plot.plot({
    document,
    width: 1000,
    height: 50 + 150 * panelRows,
    marginLeft: 45,
    marginTop: 36,
    x: { type: 'utc', label: null, ticks: 4 },
    y: { label: 'Attendance (%)', domain: [Math.floor(lowest), 100], grid: true, ticks: 4 },
    fx: { axis: null, paddingInner: 0.08 },
    fy: { axis: null, paddingInner: 0.25 },
    marks: [
      Plot.frame({ stroke: '#b1b4b6' }),
      Plot.ruleY([90, 95], { stroke: '#505a5f', strokeDasharray: '2 3' }),
      // No facet channels: the school's line is drawn in every panel, for reference.
      Plot.line(schoolRows, {
        x: 'week',
        y: 'rate',
        stroke: '#6f777b',
        strokeDasharray: '5 3',
        strokeWidth: 1.5,
      }),
      Plot.line(rows, { x: 'week', y: 'rate', fx: 'column', fy: 'row', stroke: PALETTE[0], strokeWidth: 2 }),
      Plot.text(titles, {
        fx: 'column',
        fy: 'row',
        text: 'group',
        frameAnchor: 'top-left',
        dx: 4,
        dy: -14,
        fontWeight: 'bold',
      }),
    ],
  });
  return svgText(
    chart,
    'Attendance week by week, by group',
    `Weekly attendance of ${groups.join(', ')}, each in its own panel over the school's (dashed), with reference lines at 90 % and 95 %.`
  );
}

/** A bar of a count chart: its category, its length and its label (suppressed counts have length 0). */
export interface CountBar {
  /** The category, e.g. a band's label. */
  readonly label: string;
  /** The bar's length: the count, or 0 where it is suppressed. */
  readonly value: number;
  /** The text beside the bar: the count as the tables show it. */
  readonly text: string;
}

/** A horizontal bar per category with its count written beside it. */
function countBars(
  { Plot, document }: ChartLibrary,
  bars: readonly CountBar[],
  fill: string,
  xLabel: string
): MarkupElement {
  return Plot.plot({
    document,
    width: 1000,
    height: 40 + 28 * Math.max(1, bars.length),
    marginLeft: 300,
    // Room for the longest label beside the longest bar ("fewer than 5").
    marginRight: 110,
    x: { label: xLabel, grid: true },
    y: { label: null, domain: bars.map((bar) => bar.label) },
    marks: [
      Plot.barX(bars, { x: 'value', y: 'label', fill }),
      Plot.text(bars, { x: 'value', y: 'label', text: 'text', dx: 4, textAnchor: 'start' }),
      Plot.ruleX([0]),
    ],
  });
}

/**
 * Pupils across the band table's bands, as DfE's absence-distribution dashboard shows them.
 *
 * @param charts - The chart library.
 * @param bands - Each band's label, bar length and count text.
 * @returns The chart as SVG text.
 * @example
 * bandsChart(charts, [{ label: 'Under 5 %', value: 120, text: '120' }]) //=> '<svg …'
 */
export function bandsChart(charts: ChartLibrary, bands: readonly CountBar[]): string {
  return svgText(
    countBars(charts, bands, PALETTE[0], 'Pupils'),
    'Pupils by absence band',
    `The number of pupils in each of ${bands.length} absence bands.`
  );
}

/**
 * Pupils at each stage of the escalation ladder, one bar per stage, labelled with its number.
 *
 * @param charts - The chart library.
 * @param stages - Each stage's label (number and name), bar length and count text.
 * @returns The chart as SVG text.
 * @example
 * stagesChart(charts, [{ label: '0 universal monitoring', value: 230, text: '230' }]) //=> '<svg …'
 */
export function stagesChart(charts: ChartLibrary, stages: readonly CountBar[]): string {
  return svgText(
    countBars(charts, stages, PALETTE[1] ?? PALETTE[0], 'Pupils'),
    'Pupils by stage of support',
    `The number of pupils at each of ${stages.length} stages of the escalation ladder.`
  );
}

/**
 * Sessions missed by register code, authorised and unauthorised told apart by colour and by the category
 * written in each bar's label.
 *
 * @param charts - The chart library.
 * @param codes - Each absence code with its category and sessions, most first.
 * @returns The chart as SVG text.
 * @example
 * reasonsChart(charts, [{ code: 'I', category: 'authorised', sessions: 3120 }]) //=> '<svg …'
 */
export function reasonsChart(
  { Plot, document }: ChartLibrary,
  codes: readonly { readonly code: string; readonly category: string; readonly sessions: number }[]
): string {
  const bars = codes.map((code) => ({ ...code, label: `${code.code} (${code.category})` }));
  const chart = Plot.plot({
    document,
    width: 1000,
    height: 40 + 22 * Math.max(1, bars.length),
    marginLeft: 200,
    marginRight: 80,
    x: { label: 'Sessions missed', grid: true },
    y: { label: null, domain: bars.map((bar) => bar.label) },
    color: {
      domain: ['authorised', 'unauthorised'],
      range: [PALETTE[4] ?? PALETTE[0], PALETTE[5] ?? PALETTE[0]],
    },
    marks: [
      Plot.barX(bars, { x: 'sessions', y: 'label', fill: 'category' }),
      Plot.text(bars, {
        x: 'sessions',
        y: 'label',
        text: (bar: { sessions: number }) => bar.sessions.toLocaleString('en-GB'),
        dx: 4,
        textAnchor: 'start',
      }),
      Plot.ruleX([0]),
    ],
  });
  return svgText(
    chart,
    'Sessions missed by reason',
    `Sessions missed under each of ${bars.length} absence codes, authorised and unauthorised.`
  );
}

/**
 * The school's figures beside published ones: for each measure a bar for the school and one for the comparison,
 * each labelled with whose it is and its value, so that the two are told apart without colour.
 *
 * @param charts - The chart library.
 * @param rows - Each measure, whose figures (`School` or the comparison's label) and percentage.
 * @returns The chart as SVG text.
 * @example
 * comparisonChart(charts, [{ measure: 'Attendance', whose: 'School', percent: 93.1 }]) //=> '<svg …'
 */
export function comparisonChart(
  { Plot, document }: ChartLibrary,
  rows: readonly { readonly measure: string; readonly whose: string; readonly percent: number }[]
): string {
  const whose = [...new Set(rows.map((row) => row.whose))];
  const bars = rows.map((row) => ({ ...row, bar: `${row.measure}: ${row.whose}` }));
  const chart = Plot.plot({
    document,
    width: 1000,
    height: 50 + 26 * Math.max(1, bars.length),
    marginLeft: 380,
    marginRight: 70,
    x: { label: 'Per cent', grid: true },
    y: { label: null, domain: bars.map((bar) => bar.bar) },
    color: { domain: whose, range: [PALETTE[0], PALETTE[1] ?? PALETTE[0]], legend: true },
    marks: [
      Plot.barX(bars, { x: 'percent', y: 'bar', fill: 'whose' }),
      Plot.text(bars, {
        x: 'percent',
        y: 'bar',
        text: (bar: { percent: number }) => `${bar.percent.toFixed(1)} %`,
        dx: 4,
        textAnchor: 'start',
      }),
      Plot.ruleX([0]),
    ],
  });
  return svgText(
    chart,
    'The school beside published figures',
    `Attendance and absence of ${whose.join(' and ')}, per cent, measure by measure.`
  );
}
