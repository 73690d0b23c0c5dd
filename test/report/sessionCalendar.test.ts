/**
 * The session calendar from small inputs worked out by hand: which cells it draws and where, its month labels,
 * its legend's counts and its titles; then a property over random weekday sessions.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { isoDate } from '../../src/index.js';
import { sessionCalendar } from '../../src/report/charts/sessionCalendar.js';
import type { CalendarSession, SessionCategory } from '../../src/report/charts/sessionCalendar.js';
import { dateFromOffset, isWeekdayOffset } from '../_arbitraries/isoDate.js';

/** A session from its date, session, code and category. */
function entry(date: string, session: 'AM' | 'PM', code: string, category: SessionCategory): CalendarSession {
  return { date: isoDate(date), session, code, category };
}

/** A present session (`/`). */
function present(date: string, session: 'AM' | 'PM'): CalendarSession {
  return entry(date, session, '/', 'present');
}

interface DrawnCell {
  readonly session: string;
  readonly x: number;
  readonly y: number;
  readonly title: string;
}

/** The cells of a calendar, read back from its markup by the `data-session` hook. */
function cellsOf(svg: string): DrawnCell[] {
  return [
    ...svg.matchAll(/<rect data-session="([^"]*)" x="(\d+)" y="(\d+)"[^>]*><title>([^<]*)<\/title><\/rect>/g),
  ].map((match) => ({
    session: match[1]!,
    x: Number(match[2]),
    y: Number(match[3]),
    title: match[4]!,
  }));
}

/** The cell of one session (`'2024-09-09 AM'`); fails the test when there is none. */
function cellOf(svg: string, session: string): DrawnCell {
  const cell = cellsOf(svg).find((candidate) => candidate.session === session);
  if (cell === undefined) throw new Error(`no cell for ${session}`);
  return cell;
}

/** The month labels, in order, with their x positions. */
function monthLabelsOf(svg: string): { name: string; x: number }[] {
  return [
    ...svg.matchAll(/<text x="(\d+)" y="\d+">(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)<\/text>/g),
  ].map((match) => ({ name: match[2]!, x: Number(match[1]) }));
}

const LEGEND_NAMES: Record<SessionCategory, string> = {
  present: 'Present',
  'approved-educational-activity': 'Approved educational activity',
  authorised: 'Authorised absence',
  unauthorised: 'Unauthorised absence',
  'not-possible': 'Not a possible session',
  unmarked: 'Unmarked',
};

/** The legend's count for each category. */
function legendCountsOf(svg: string): Record<SessionCategory, number> {
  const counts = {} as Record<SessionCategory, number>;
  for (const [category, name] of Object.entries(LEGEND_NAMES) as [SessionCategory, string][]) {
    const match = new RegExp(`>${name}: ([\\d,]+)</text>`).exec(svg);
    if (match === null) throw new Error(`no legend entry for ${name}`);
    counts[category] = Number(match[1]!.replaceAll(',', ''));
  }
  return counts;
}

// Two school weeks from Monday 9 September 2024. Week 1 has all ten sessions; week 2 only Monday and Tuesday AM.
// By hand: present /, L (Mon 9 AM and PM), Thu 12 PM, Fri 13 AM and PM, Mon 16 PM = 6; authorised I (Tue 10 AM),
// M (Tue 17 AM) = 2; unauthorised O (Tue 10 PM), N (Mon 16 AM) = 2; B 1; # 1; unmarked (Thu 12 AM) 1. Total 13.
const twoWeeks: CalendarSession[] = [
  present('2024-09-09', 'AM'),
  entry('2024-09-09', 'PM', 'L', 'present'),
  entry('2024-09-10', 'AM', 'I', 'authorised'),
  entry('2024-09-10', 'PM', 'O', 'unauthorised'),
  entry('2024-09-11', 'AM', 'B', 'approved-educational-activity'),
  entry('2024-09-11', 'PM', '#', 'not-possible'),
  entry('2024-09-12', 'AM', '', 'unmarked'),
  present('2024-09-12', 'PM'),
  present('2024-09-13', 'AM'),
  present('2024-09-13', 'PM'),
  entry('2024-09-16', 'AM', 'N', 'unauthorised'),
  present('2024-09-16', 'PM'),
  entry('2024-09-17', 'AM', 'M', 'authorised'),
];

describe('sessionCalendar', () => {
  const svg = sessionCalendar(twoWeeks, { title: 'Sessions of pupil A' });

  it('draws one cell per session of the two weeks: 13, each named by its date and session', () => {
    expect(cellsOf(svg).map((cell) => cell.session)).toEqual([
      // The cells are grouped by category, in the legend's order, and by date within each group.
      '2024-09-09 AM',
      '2024-09-09 PM',
      '2024-09-12 PM',
      '2024-09-13 AM',
      '2024-09-13 PM',
      '2024-09-16 PM',
      '2024-09-11 AM',
      '2024-09-10 AM',
      '2024-09-17 AM',
      '2024-09-10 PM',
      '2024-09-16 AM',
      '2024-09-11 PM',
      '2024-09-12 AM',
    ]);
  });

  it('puts the Monday of week 2 in column 2, and Monday to Friday of week 1 together in column 1', () => {
    const columns = [...new Set(cellsOf(svg).map((cell) => cell.x))].sort((left, right) => left - right);
    expect(columns).toHaveLength(2);
    expect(cellOf(svg, '2024-09-16 AM').x).toBe(columns[1]);
    expect(cellOf(svg, '2024-09-17 AM').x).toBe(columns[1]);
    expect(cellOf(svg, '2024-09-09 AM').x).toBe(columns[0]);
    expect(cellOf(svg, '2024-09-13 PM').x).toBe(columns[0]);
  });

  it('puts a day in its weekday row, AM above PM, Monday at the top and Friday at the bottom', () => {
    const rows = [...new Set(cellsOf(svg).map((cell) => cell.y))].sort((top, bottom) => top - bottom);
    expect(rows).toHaveLength(10);
    expect(cellOf(svg, '2024-09-09 AM').y).toBe(rows[0]);
    expect(cellOf(svg, '2024-09-09 PM').y).toBe(rows[1]);
    expect(cellOf(svg, '2024-09-10 AM').y).toBe(rows[2]);
    expect(cellOf(svg, '2024-09-16 PM').y).toBe(rows[1]);
    expect(cellOf(svg, '2024-09-13 PM').y).toBe(rows[9]);
  });

  it('leaves a week without sessions as an empty column, not a squeezed-out one', () => {
    // Weeks of 9, 16 (nothing) and 23 September: the third week's column is two column widths from the first.
    const gap = sessionCalendar([
      present('2024-09-09', 'AM'),
      present('2024-09-10', 'AM'),
      present('2024-09-24', 'AM'),
    ]);
    const withEveryWeek = sessionCalendar([
      present('2024-09-09', 'AM'),
      present('2024-09-16', 'AM'),
      present('2024-09-23', 'AM'),
    ]);
    expect(cellOf(gap, '2024-09-24 AM').x).toBe(cellOf(withEveryWeek, '2024-09-23 AM').x);
    expect(cellOf(gap, '2024-09-24 AM').x).toBeGreaterThan(cellOf(withEveryWeek, '2024-09-16 AM').x);
  });

  it("gives the legend each category's number of sessions, as counted by hand", () => {
    expect(legendCountsOf(svg)).toEqual({
      present: 6,
      'approved-educational-activity': 1,
      authorised: 2,
      unauthorised: 2,
      'not-possible': 1,
      unmarked: 1,
    });
  });

  it('marks each absence with a shape, not only a colour: authorised hatched, unauthorised crossed', () => {
    const group = (category: string): string =>
      new RegExp(`<g data-category="${category}"[^>]*>.*?</g>`).exec(svg)?.[0] ?? '';
    const strokes = (category: string): number =>
      /<path d="([^"]*)"/.exec(group(category))?.[1]?.match(/l/g)?.length ?? 0;
    // Two authorised cells: the hatch is four strokes per cell, each a move then a line.
    expect(strokes('authorised')).toBe(8);
    // Two unauthorised cells: the cross is two strokes per cell.
    expect(strokes('unauthorised')).toBe(4);
    expect(group('approved-educational-activity')).toContain('rx="5"');
    expect(group('present')).not.toContain('<path');
  });

  it('titles each cell with its day, session, code and category', () => {
    expect(cellOf(svg, '2024-09-10 AM').title).toBe('Tue 10 Sep 2024 AM: I (authorised absence)');
    expect(cellOf(svg, '2024-09-09 PM').title).toBe('Mon 9 Sep 2024 PM: L (present)');
    expect(cellOf(svg, '2024-09-11 AM').title).toBe('Wed 11 Sep 2024 AM: B (approved educational activity)');
    expect(cellOf(svg, '2024-09-11 PM').title).toBe('Wed 11 Sep 2024 PM: # (not a possible session)');
    expect(cellOf(svg, '2024-09-12 AM').title).toBe('Thu 12 Sep 2024 AM: unmarked');
    expect(
      cellOf(sessionCalendar([entry('2024-11-12', 'PM', 'I', 'authorised')]), '2024-11-12 PM').title
    ).toBe('Tue 12 Nov 2024 PM: I (authorised absence)');
  });

  it('escapes codes and the title, so that neither reaches the markup as markup', () => {
    const hostile = sessionCalendar([entry('2024-09-09', 'AM', '<', 'unauthorised')], {
      title: 'Pupil "A" <b> & co',
    });
    expect(cellOf(hostile, '2024-09-09 AM').title).toBe('Mon 9 Sep 2024 AM: &lt; (unauthorised absence)');
    expect(hostile).toContain('aria-label="Pupil &quot;A&quot; &lt;b&gt; &amp; co"');
    expect(hostile).not.toContain('AM: <');
    expect(hostile).not.toContain('<b>');
    const script = sessionCalendar([entry('2024-09-09', 'AM', '"><script>', 'unmarked')]);
    expect(script).not.toContain('<script');
  });

  it('is an accessible, self-describing SVG root', () => {
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" role="img" aria-label="Sessions of pupil A" viewBox="0 0 (\d+) (\d+)" width="\1" height="\2" font-family="system-ui, sans-serif"/
    );
    expect(svg.endsWith('</svg>')).toBe(true);
    expect(sessionCalendar(twoWeeks)).toContain('aria-label="Session calendar"');
  });

  it('says "No sessions" for no sessions', () => {
    const empty = sessionCalendar([], { title: 'Pupil B' });
    expect(empty).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" role="img" aria-label="Pupil B" viewBox=/
    );
    expect(empty).toContain('>No sessions</text>');
    expect(empty).not.toContain('<rect');
  });

  it('labels the month of the first session over the first week, and each later month over its first week', () => {
    // Wed 25 September to Tue 8 October 2024: weeks of 23 September, 30 September (a September Monday), 7 October.
    const calendar = sessionCalendar([
      present('2024-09-25', 'AM'),
      present('2024-10-01', 'AM'),
      present('2024-10-08', 'PM'),
    ]);
    expect(monthLabelsOf(calendar)).toEqual([
      { name: 'Sep', x: cellOf(calendar, '2024-09-25 AM').x },
      { name: 'Oct', x: cellOf(calendar, '2024-10-08 PM').x },
    ]);
  });

  it('labels a later month, and every month between, even with no session in them', () => {
    // 9 September and 5 November 2024: October has no session but still has its label over the week of 7 October.
    const calendar = sessionCalendar([present('2024-09-09', 'AM'), present('2024-11-05', 'AM')]);
    const labels = monthLabelsOf(calendar);
    expect(labels.map((label) => label.name)).toEqual(['Sep', 'Oct', 'Nov']);
    expect(labels[0]!.x).toBe(cellOf(calendar, '2024-09-09 AM').x);
    // The week of Monday 4 November is the first that begins in November.
    expect(labels[2]!.x).toBe(cellOf(calendar, '2024-11-05 AM').x);
  });

  it('labels the first column with the month of the first session, not of its Monday', () => {
    // Tuesday 1 October 2024 is in the week of Monday 30 September.
    const calendar = sessionCalendar([present('2024-10-01', 'AM'), present('2024-10-08', 'AM')]);
    expect(monthLabelsOf(calendar)).toEqual([{ name: 'Oct', x: cellOf(calendar, '2024-10-01 AM').x }]);
  });

  it("drops the first column's label when the next month's label follows in the very next column", () => {
    // Wednesday 30 October 2024, then the week of Monday 4 November: "Oct" and "Nov" would overlap.
    const calendar = sessionCalendar([present('2024-10-30', 'AM'), present('2024-11-05', 'AM')]);
    expect(monthLabelsOf(calendar)).toEqual([{ name: 'Nov', x: cellOf(calendar, '2024-11-05 AM').x }]);
  });

  it('counts weekend sessions in the legend but does not draw them, and says so', () => {
    const calendar = sessionCalendar([
      present('2024-09-13', 'AM'),
      entry('2024-09-14', 'AM', 'B', 'approved-educational-activity'),
      entry('2024-09-15', 'PM', 'B', 'approved-educational-activity'),
    ]);
    expect(cellsOf(calendar).map((cell) => cell.session)).toEqual(['2024-09-13 AM']);
    expect(legendCountsOf(calendar)['approved-educational-activity']).toBe(2);
    expect(calendar).toContain('2 weekend sessions are counted in the legend but not drawn.');
    expect(sessionCalendar(twoWeeks)).not.toContain('weekend');
  });

  it('draws and counts a session given twice once, with its last entry', () => {
    const calendar = sessionCalendar([
      entry('2024-09-09', 'AM', 'N', 'unauthorised'),
      entry('2024-09-09', 'AM', 'I', 'authorised'),
    ]);
    expect(cellsOf(calendar)).toHaveLength(1);
    expect(cellOf(calendar, '2024-09-09 AM').title).toBe('Mon 9 Sep 2024 AM: I (authorised absence)');
    expect(legendCountsOf(calendar)).toMatchObject({ authorised: 1, unauthorised: 0 });
  });

  it('draws the same calendar whatever the order of its input', () => {
    expect(sessionCalendar([...twoWeeks].reverse(), { title: 'Sessions of pupil A' })).toBe(svg);
  });

  it('throws a RangeError for a date that is no real day', () => {
    const notADay = { ...present('2024-09-09', 'AM'), date: '2024-09-31' } as unknown as CalendarSession;
    expect(() =>
      sessionCalendar([present('2024-09-09', 'AM'), notADay, present('2024-10-09', 'AM')])
    ).toThrow(RangeError);
  });

  it('fits a full school year of 380 sessions in under 1,000 px and 64 KB', () => {
    // 2024/25 from Monday 2 September, without its half-terms and holidays: 190 days, the last Friday 11 July 2025.
    const holidays = [
      ['2024-10-28', '2024-11-01'],
      ['2024-12-23', '2025-01-03'],
      ['2025-02-17', '2025-02-21'],
      ['2025-04-07', '2025-04-18'],
      ['2025-05-26', '2025-05-30'],
    ] as const;
    const year: CalendarSession[] = [];
    for (let offset = 0; year.length < 380; offset++) {
      const date = dateFromOffset(732 + offset); // 2022-09-01 + 732 days = 2024-09-02
      if (!isWeekdayOffset(732 + offset) || holidays.some(([from, to]) => date >= from && date <= to))
        continue;
      year.push(
        present(date, 'AM'),
        entry(date, 'PM', offset % 9 === 0 ? 'O' : '/', offset % 9 === 0 ? 'unauthorised' : 'present')
      );
    }
    expect(year[0]!.date).toBe('2024-09-02');
    const calendar = sessionCalendar(year, { title: 'A school year' });
    expect(cellsOf(calendar)).toHaveLength(380);
    const [, width] = /width="(\d+)"/.exec(calendar)!;
    expect(Number(width)).toBeLessThanOrEqual(1000);
    expect(calendar.length).toBeLessThan(64 * 1024);
  });
});

/** The date as the titles write it, worked out here through UTC fields (a second route to the same text). */
function readableDate(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][day.getUTCDay()]!;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][
    day.getUTCMonth()
  ]!;
  return `${weekday} ${day.getUTCDate()} ${month} ${day.getUTCFullYear()}`;
}

const categoryArb = fc.constantFrom<SessionCategory>(
  'present',
  'approved-educational-activity',
  'authorised',
  'unauthorised',
  'not-possible',
  'unmarked'
);

// Weekday sessions within about a school year and a half, repeats of a session included.
const weekdaySessionsArb = fc.array(
  fc.record({
    date: fc.integer({ min: 0, max: 550 }).filter(isWeekdayOffset).map(dateFromOffset),
    session: fc.constantFrom<'AM' | 'PM'>('AM', 'PM'),
    code: fc.constantFrom('/', 'L', 'I', 'O', 'B', '#', '', '<&>'),
    category: categoryArb,
  }),
  { maxLength: 120 }
);

describe('sessionCalendar (properties)', () => {
  test.prop([weekdaySessionsArb])(
    'draws one cell per distinct (date, session), each titled with its date, and the legend counts them',
    (sessions) => {
      const calendar = sessionCalendar(sessions);
      const lastEntry = new Map(sessions.map((session) => [`${session.date} ${session.session}`, session]));
      const cells = cellsOf(calendar);
      expect(cells).toHaveLength(lastEntry.size);
      expect(new Set(cells.map((cell) => cell.session))).toEqual(new Set(lastEntry.keys()));
      for (const cell of cells) {
        const [date, session] = cell.session.split(' ');
        expect(cell.title.startsWith(`${readableDate(date!)} ${session!}: `)).toBe(true);
      }
      if (sessions.length > 0) {
        const expected = {
          present: 0,
          'approved-educational-activity': 0,
          authorised: 0,
          unauthorised: 0,
          'not-possible': 0,
          unmarked: 0,
        };
        for (const session of lastEntry.values()) expected[session.category] += 1;
        expect(legendCountsOf(calendar)).toEqual(expected);
      }
    }
  );
});
