import type { IsoDate } from '../../calendar/types.js';
import { addIsoDays, differenceInIsoDays, isoWeekdayOf } from '../../_internal/dates.js';
import { escapeHtml, formatWhole } from '../html.js';

/**
 * The report's category of one session: a DfE statistical category of its register code (`present` includes
 * late before the register closed, `L`), or `unmarked` when the register has no mark for it.
 *
 * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england} (DfE absence methodology)
 * @category Report
 */
export type SessionCategory =
  'present' | 'approved-educational-activity' | 'authorised' | 'unauthorised' | 'not-possible' | 'unmarked';

/**
 * One session of one pupil, as {@link sessionCalendar} draws it.
 *
 * @category Report
 */
export interface CalendarSession {
  /** The school date. */
  readonly date: IsoDate;
  /** The morning or afternoon session. */
  readonly session: 'AM' | 'PM';
  /** The register code as written (shown in the cell's title; may be empty when unmarked). */
  readonly code: string;
  /** The session's category, which chooses the cell's colour and mark. */
  readonly category: SessionCategory;
}

/**
 * How {@link sessionCalendar} labels its chart.
 *
 * @category Report
 */
export interface SessionCalendarOptions {
  /** The chart's accessible name (its `aria-label`). Default `'Session calendar'`. */
  readonly title?: string;
}

// Geometry, in px. A column is a week: 47 columns (a school year from early September to late July, holiday
// weeks included) take 34 + 47 × 16 + 10 = 796 px, inside the report's 1,000 px. A weekday is two cells, AM above PM,
// with a wider gap between days than between a day's two sessions, so the eye pairs them.
const LEFT = 34;
const TOP = 18;
const CELL_WIDTH = 13;
const CELL_HEIGHT = 10;
const COLUMN_PITCH = 16;
const SESSION_PITCH = CELL_HEIGHT + 1;
const DAY_PITCH = 2 * CELL_HEIGHT + 1 + 4;
const RIGHT = 10;
const GRID_BOTTOM = TOP + 5 * DAY_PITCH - 4;
/** The narrowest chart, so that a calendar of a week or two still has room for its legend. */
const MIN_WIDTH = 380;
/** A rough width of one character at the legend's 11 px, enough to space legend entries without measuring text. */
const CHARACTER_WIDTH = 6.2;
const LEGEND_ROW_PITCH = 18;

const WEEKDAY_NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;
const MONTH_NAMES = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

/** A relative path that draws a second shape over a cell whose top-left corner the path moved to. */
type Mark = (x: number, y: number) => string;

/** How one category is drawn: colour plus a shape or mark, so that no category is told apart by colour alone. */
interface CategoryStyle {
  /** Its name in titles (lower case) and, capitalised, in the legend. */
  readonly label: string;
  /** The `<g>` attributes its cells inherit. */
  readonly attributes: string;
  /** The cell's corner radius: rounded cells are a different shape from square ones. */
  readonly radius: number;
  /** A mark drawn over each cell, and its stroke; none for plain cells. */
  readonly mark?: { readonly path: Mark; readonly stroke: string };
}

// Three white diagonal strokes clipped by hand to a 13 × 10 cell (lines x + y = 5, 10, 15, 20): a hatch without
// an SVG <pattern>, whose id would clash between the many calendars of one report page.
const hatch: Mark = (x, y) => `M${x} ${y + 5}l5-5m-5 10l10-10m-5 10l8-8m-3 8l3-3`;
const cross: Mark = (x, y) => `M${x + 3} ${y + 2}l7 6m0-6l-7 6`;
const dash: Mark = (x, y) => `M${x + 3} ${y + 5}h7`;

// Okabe and Ito's colour-blind-safe colours (the same palette as PALETTE in plotCharts.ts), named here because a
// category needs a fixed colour, not a position in a list. Attendance is cool (sky blue, bluish green), absence
// warm (orange, vermillion); the two sessions outside the counts are grey or an outline only.
const STYLES: Readonly<Record<SessionCategory, CategoryStyle>> = {
  present: { label: 'present', attributes: 'fill="#56b4e9"', radius: 0 },
  'approved-educational-activity': {
    label: 'approved educational activity',
    attributes: 'fill="#009e73"',
    radius: 5,
  },
  authorised: {
    label: 'authorised absence',
    attributes: 'fill="#e69f00"',
    radius: 0,
    mark: { path: hatch, stroke: '#fff' },
  },
  unauthorised: {
    label: 'unauthorised absence',
    attributes: 'fill="#d55e00"',
    radius: 0,
    mark: { path: cross, stroke: '#fff' },
  },
  'not-possible': {
    label: 'not a possible session',
    attributes: 'fill="#e8e8e8" stroke="#767676"',
    radius: 0,
    mark: { path: dash, stroke: '#505a5f' },
  },
  unmarked: {
    label: 'unmarked',
    attributes: 'fill="#fff" stroke="#cc79a7" stroke-width="1.5" stroke-dasharray="2 1.5"',
    radius: 0,
  },
};

/**
 * The categories in the legend's order: attendance, absence, then the sessions outside the counts. It is also
 * the order of the library's category numbers (present 0 … not possible 4, unmarked 5), so the report reads a
 * session's category from it by number.
 *
 * @category Report
 */
export const SESSION_CATEGORIES: readonly SessionCategory[] = [
  'present',
  'approved-educational-activity',
  'authorised',
  'unauthorised',
  'not-possible',
  'unmarked',
];

/** A date as people read it, e.g. `'Tue 12 Nov 2024'`, from its digits: no `Date`, so no time zone moves it. */
function formatDate(date: IsoDate): string {
  const weekday = WEEKDAY_NAMES[isoWeekdayOf(date) - 1] ?? '';
  const month = MONTH_NAMES[Number(date.slice(5, 7)) - 1] ?? '';
  return `${weekday} ${Number(date.slice(8, 10))} ${month} ${date.slice(0, 4)}`;
}

/** One cell's title, e.g. `'Tue 12 Nov 2024 PM: I (authorised absence)'`. */
function cellTitle(entry: CalendarSession): string {
  const label = STYLES[entry.category].label;
  const code = entry.code === '' ? label : `${entry.code} (${label})`;
  return `${formatDate(entry.date)} ${entry.session}: ${code}`;
}

/** A cell to draw: where, and the attributes and children that make it a session's cell or a legend swatch. */
interface Cell {
  readonly x: number;
  readonly y: number;
  readonly attributes: string;
  readonly children: string;
}

/** One category's cells as a group that carries their shared style, with their marks as a single path. */
function drawCategory(category: SessionCategory, cells: readonly Cell[]): string {
  if (cells.length === 0) return '';
  const style = STYLES[category];
  const radius = style.radius === 0 ? '' : ` rx="${style.radius}"`;
  const parts = [`<g data-category="${category}" ${style.attributes}>`];
  for (const cell of cells) {
    parts.push(
      `<rect${cell.attributes} x="${cell.x}" y="${cell.y}" width="${CELL_WIDTH}" height="${CELL_HEIGHT}"${radius}>${cell.children}</rect>`
    );
  }
  if (style.mark !== undefined) {
    const { path, stroke } = style.mark;
    // The marks let the pointer through to the cell beneath, so that hovering anywhere on a cell shows its title.
    parts.push(
      `<path d="${cells.map((cell) => path(cell.x, cell.y)).join('')}" fill="none" stroke="${stroke}" stroke-width="1.2" pointer-events="none"/>`
    );
  }
  parts.push('</g>');
  return parts.join('');
}

/** The root element around a chart's parts. */
function svg(label: string, width: number, height: number, content: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeHtml(label)}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, sans-serif" font-size="11">${content}</svg>`;
}

/**
 * One pupil's sessions as a calendar, drawn by hand: a column per school week (Monday to Friday), each weekday
 * two cells (AM above PM), each cell coloured by its category and, for all but attendance at school, given a
 * shape or mark too (approved educational activity rounded, authorised absence hatched, unauthorised absence
 * crossed, not a possible session greyed with a dash, unmarked a dashed outline), so colour carries nothing
 * the shapes do not. Every cell has a `<title>` naming its date, session, code and category; the legend names
 * each category with its number of sessions.
 *
 * @remarks
 * - Columns run from the week of the earliest session to the week of the latest; the input need not be sorted.
 *   Days without a session (holidays, days not given) have no cell. A month's label stands over the first week
 *   that begins in it (weeks are named by their Monday, as a school's "week beginning" is); the first column is
 *   labelled with the month of the earliest session, unless the next month's label follows in the very next
 *   column, where the two would overlap.
 * - Weekend sessions (a Saturday school, a residential trip) are counted in the legend but not drawn, so that
 *   the grid keeps the five rows a school week has; a note under the legend says how many there are.
 * - A session given twice is drawn and counted once, with its last entry: a later mark corrects an earlier one.
 * - The work and the output are linear in the number of sessions plus the number of weeks spanned. A full
 *   school year of 380 sessions (190 days from 2 September 2024 to 11 July 2025, holidays left out: 45 columns)
 *   is about 50 KB of SVG, 764 × 203 px, drawn in about 2 ms; nearly all of it is the cells' titles, which are
 *   what a screen reader reads.
 * - No `<pattern>`, `<style>` or `id` is used, so any number of calendars can share one HTML page.
 *
 * @param sessions - The pupil's sessions, in any order.
 * @param options - The chart's title.
 * @returns The calendar as SVG text; for no sessions, a small SVG that says "No sessions".
 * @throws RangeError when a date is not a real day (the `IsoDate` type promises one).
 * @example
 * sessionCalendar(
 *   [{ date: isoDate('2024-11-12'), session: 'PM', code: 'I', category: 'authorised' }],
 *   { title: 'Sessions of Ada' }
 * ) //=> '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Sessions of Ada" …'
 * @category Report
 */
export function sessionCalendar(
  sessions: readonly CalendarSession[],
  options: SessionCalendarOptions = {}
): string {
  const title = options.title ?? 'Session calendar';
  if (sessions.length === 0) return svg(title, 160, 24, '<text x="4" y="16">No sessions</text>');

  // ISO dates order as strings, so the span is one pass with no parsing.
  let first = sessions[0]!.date;
  let last = first;
  for (const entry of sessions) {
    if (entry.date < first) first = entry.date;
    if (entry.date > last) last = entry.date;
  }
  const firstMonday = addIsoDays(first, 1 - isoWeekdayOf(first));
  const columns = Math.floor(differenceInIsoDays(last, firstMonday) / 7) + 1;

  // One slot per weekday session of the span, in date order: filling slots deduplicates and sorts in one pass.
  const slots: (CalendarSession | undefined)[] = new Array<CalendarSession | undefined>(columns * 10);
  const weekend = new Map<string, CalendarSession>();
  for (const entry of sessions) {
    const offset = differenceInIsoDays(entry.date, firstMonday);
    if (!Number.isInteger(offset)) throw new RangeError(`Invalid date: ${entry.date}`);
    const weekday = offset % 7;
    if (weekday >= 5) weekend.set(`${entry.date} ${entry.session}`, entry);
    else slots[Math.floor(offset / 7) * 10 + weekday * 2 + (entry.session === 'AM' ? 0 : 1)] = entry;
  }

  const counts = new Map<SessionCategory, number>(SESSION_CATEGORIES.map((category) => [category, 0]));
  const cellsByCategory = new Map<SessionCategory, Cell[]>(
    SESSION_CATEGORIES.map((category) => [category, []])
  );
  slots.forEach((entry, slot) => {
    if (entry === undefined) return;
    const column = Math.floor(slot / 10);
    const row = slot % 10;
    cellsByCategory.get(entry.category)!.push({
      x: LEFT + column * COLUMN_PITCH,
      y: TOP + Math.floor(row / 2) * DAY_PITCH + (row % 2) * SESSION_PITCH,
      attributes: ` data-session="${escapeHtml(`${entry.date} ${entry.session}`)}"`,
      children: `<title>${escapeHtml(cellTitle(entry))}</title>`,
    });
    counts.set(entry.category, counts.get(entry.category)! + 1);
  });
  for (const entry of weekend.values()) counts.set(entry.category, counts.get(entry.category)! + 1);

  const parts: string[] = [];
  WEEKDAY_NAMES.slice(0, 5).forEach((name, day) => {
    parts.push(`<text x="0" y="${TOP + day * DAY_PITCH + CELL_HEIGHT + 4}">${name}</text>`);
  });

  const labels: { column: number; month: string }[] = [{ column: 0, month: first.slice(0, 7) }];
  for (let column = 1; column < columns; column++) {
    const month = addIsoDays(firstMonday, column * 7).slice(0, 7);
    if (month !== labels[labels.length - 1]!.month) labels.push({ column, month });
  }
  if (labels[1]?.column === 1) labels.shift();
  for (const { column, month } of labels) {
    const name = MONTH_NAMES[Number(month.slice(5, 7)) - 1] ?? '';
    parts.push(`<text x="${LEFT + column * COLUMN_PITCH}" y="${TOP - 6}">${escapeHtml(name)}</text>`);
  }

  for (const category of SESSION_CATEGORIES)
    parts.push(drawCategory(category, cellsByCategory.get(category)!));

  // The legend wraps inside the chart's width; entries are spaced by an estimate of their text's width.
  // The right margin leaves room for a month label over the last column.
  const width = Math.max(LEFT + columns * COLUMN_PITCH + RIGHT, MIN_WIDTH);
  let x = 0;
  let y = GRID_BOTTOM + 14;
  for (const category of SESSION_CATEGORIES) {
    const label = STYLES[category].label;
    const text = `${label.charAt(0).toUpperCase()}${label.slice(1)}: ${formatWhole(counts.get(category)!)}`;
    const entryWidth = CELL_WIDTH + 5 + Math.ceil(text.length * CHARACTER_WIDTH) + 14;
    if (x > 0 && x + entryWidth > width) {
      x = 0;
      y += LEGEND_ROW_PITCH;
    }
    parts.push(
      `<g data-legend="${category}">${drawCategory(category, [{ x, y, attributes: '', children: '' }])}<text x="${x + CELL_WIDTH + 5}" y="${y + CELL_HEIGHT - 1}">${escapeHtml(text)}</text></g>`
    );
    x += entryWidth;
  }
  y += LEGEND_ROW_PITCH + CELL_HEIGHT - 1;
  parts.push(`<text x="0" y="${y}" fill="#505a5f">Each weekday: AM above, PM below.</text>`);
  if (weekend.size > 0) {
    y += LEGEND_ROW_PITCH;
    const sessionsText = weekend.size === 1 ? '1 weekend session is' : `${weekend.size} weekend sessions are`;
    parts.push(
      `<text x="0" y="${y}" fill="#505a5f">${escapeHtml(`${sessionsText} counted in the legend but not drawn.`)}</text>`
    );
  }
  return svg(title, width, y + 5, parts.join(''));
}
