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
  const chart = Plot.plot({
    document,
    width: 1000,
    height: 320,
    marginLeft: 50,
    x: { type: 'utc', label: 'Week starting' },
    y: { label: 'Attendance (%)', domain: [Math.min(80, ...rows.map((row) => row.rate)), 100], grid: true },
    color: { domain: groups, range: PALETTE, legend: groups.length > 1 },
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
            strokeWidth: 2,
            strokeDasharray: DASHES[index % DASHES.length] ?? 'none',
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
 * Pupils across the band table's bands, as DfE's absence-distribution dashboard shows them.
 *
 * @param charts - The chart library.
 * @param bands - Each band's label and number of pupils (suppressed numbers drawn as 0).
 * @returns The chart as SVG text.
 * @example
 * bandsChart(charts, [{ label: 'Under 5 %', enrolments: 120 }]) //=> '<svg …'
 */
export function bandsChart(
  { Plot, document }: ChartLibrary,
  bands: readonly { readonly label: string; readonly enrolments: number }[]
): string {
  const chart = Plot.plot({
    document,
    width: 1000,
    height: 40 + 28 * Math.max(1, bands.length),
    marginLeft: 380,
    x: { label: 'Pupils', grid: true },
    y: { label: null, domain: bands.map((band) => band.label) },
    marks: [
      Plot.barX(bands, { x: 'enrolments', y: 'label', fill: PALETTE[0] }),
      Plot.text(bands, {
        x: 'enrolments',
        y: 'label',
        text: (band: { enrolments: number }) => String(band.enrolments),
        dx: 4,
        textAnchor: 'start',
      }),
      Plot.ruleX([0]),
    ],
  });
  return svgText(
    chart,
    'Pupils by absence band',
    `The number of pupils in each of ${bands.length} absence bands.`
  );
}
