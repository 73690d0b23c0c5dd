/**
 * The report's figures from small registers worked out by hand (not from the library's output), and the HTML it
 * draws: self-contained, every chart with its data as a table, pupils named only when allowed, small numbers
 * suppressed in aggregate-only mode.
 */
import { describe, expect, it } from 'vitest';
import {
  analyseCohortRegister,
  createCohortRegister,
  defineSchoolCalendar,
  DFE_POLICY,
  isoDate,
} from '../../src/index.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };
import type { SessionMark } from '../../src/index.js';
import { buildAttendanceReport, renderAttendanceReport } from '../../src/report/index.js';

/** A pupil's marks on the weekdays from Monday 9 September 2024, AM and PM, one code per session. */
function weekMarks(codes: string): SessionMark[] {
  const days = [
    '2024-09-09',
    '2024-09-10',
    '2024-09-11',
    '2024-09-12',
    '2024-09-13',
    '2024-09-16',
    '2024-09-17',
  ];
  return Array.from(codes, (code) => code).map((code, index) => ({
    date: isoDate(days[Math.floor(index / 2)]!),
    session: index % 2 === 0 ? 'AM' : 'PM',
    code,
  }));
}

// Week of 9 September: A absent (O) on Monday morning and Friday afternoon; B present throughout.
// Week of 16 September: A absent both sessions of Monday (I, N); B absent Tuesday morning (M).
const register = createCohortRegister([
  ['A', weekMarks('O////////OIN//')],
  ['B', weekMarks('////////////M/')],
]);
const figures = analyseCohortRegister(register, {
  calendar: defineSchoolCalendar(exampleCalendar),
  windows: [{ ...DFE_POLICY.penaltyNotice, threshold: 3 }],
});

describe('buildAttendanceReport', () => {
  const report = buildAttendanceReport(figures, {
    title: 'Two pupils',
    penaltyWindow: 0,
    pupilAttributes: new Map([
      ['A', { year: '7' }],
      ['B', { year: '8' }],
    ]),
  });

  it('gives the headline figures by the DfE method: 28 possible sessions, 5 missed, 2 of them authorised', () => {
    expect(report.headline).toMatchObject({
      enrolments: 2,
      possible: 28,
      attended: 23,
      absent: 5,
      authorised: 2,
      unauthorised: 3,
      // A missed 4 of 14 (28.6 %): persistent; B 1 of 14: neither.
      persistentAbsentees: 1,
      severeAbsentees: 0,
    });
  });

  it('counts attendance week by week for the school and each group', () => {
    expect(report.weeks).toEqual([
      { week: '2024-09-09', group: 'School', attended: 18, possible: 20 },
      { week: '2024-09-09', group: 'year = 7', attended: 8, possible: 10 },
      { week: '2024-09-09', group: 'year = 8', attended: 10, possible: 10 },
      { week: '2024-09-16', group: 'School', attended: 5, possible: 8 },
      { week: '2024-09-16', group: 'year = 7', attended: 2, possible: 4 },
      { week: '2024-09-16', group: 'year = 8', attended: 3, possible: 4 },
    ]);
    expect(report.groups).toEqual([
      { name: 'School', pupils: 2 },
      { name: 'year = 7', pupils: 1 },
      { name: 'year = 8', pupils: 1 },
    ]);
  });

  it('counts sessions by code and weekday', () => {
    expect(report.reasons).toEqual([
      { code: '/', category: 'present', sessions: 23 },
      { code: 'O', category: 'unauthorised', sessions: 2 },
      { code: 'I', category: 'authorised', sessions: 1 },
      { code: 'M', category: 'authorised', sessions: 1 },
      { code: 'N', category: 'unauthorised', sessions: 1 },
    ]);
    const monday = report.weekdays.filter((cell) => cell.weekday === 1);
    // Mondays: 2 pupils x 2 weeks per session; A missed both Monday mornings and the second Monday afternoon.
    expect(monday).toEqual([
      { weekday: 1, session: 'AM', absent: 2, possible: 4 },
      { weekday: 1, session: 'PM', absent: 1, possible: 4 },
    ]);
    expect(report.weekdays.find((cell) => cell.weekday === 2 && cell.session === 'AM')).toEqual({
      weekday: 2,
      session: 'AM',
      absent: 1,
      possible: 4,
    });
  });

  it('lists the absentees and the penalty-notice candidates (3 unauthorised sessions in the window)', () => {
    expect(report.absentees).toEqual([{ pupilId: 'A', possible: 14, absent: 4, absenceClass: 'persistent' }]);
    expect(report.penaltyCandidates).toEqual([
      { pupilId: 'A', maximum: 3, firstReached: { date: '2024-09-16', session: 'PM' } },
    ]);
    expect(report.penaltyThresholdReached).toBe(1);
  });

  it('draws no mark after the as-of date', () => {
    const toFriday = buildAttendanceReport(figures, { asOf: isoDate('2024-09-13') });
    expect(toFriday.weeks).toEqual([{ week: '2024-09-09', group: 'School', attended: 18, possible: 20 }]);
    expect(toFriday.period).toEqual({ from: '2024-09-09', to: '2024-09-13' });
  });

  it('names no pupil in aggregate-only mode', () => {
    const aggregate = buildAttendanceReport(figures, { aggregateOnly: true, penaltyWindow: 0 });
    expect(aggregate.absentees).toEqual([]);
    expect(aggregate.penaltyCandidates).toEqual([]);
    expect(aggregate.penaltyThresholdReached).toBe(1);
  });
});

describe('renderAttendanceReport', () => {
  it('draws one self-contained file: no script, no link, no request; every chart with its data table', async () => {
    const html = await renderAttendanceReport(buildAttendanceReport(figures, { penaltyWindow: 0 }));
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/iu);
    // The only address is SVG's namespace, which is a name, not a request.
    const addresses = html.match(/https?:\/\/[^"'\s)]+/gu) ?? [];
    expect(new Set(addresses)).toEqual(new Set(['http://www.w3.org/2000/svg']));
    for (const chart of ['weekly-trend', 'bands', 'weekday-heat-map']) {
      const section = html.slice(html.indexOf(`data-chart="${chart}"`));
      expect(section.slice(0, section.indexOf('</section>'))).toMatch(/<svg[\s\S]*<details>[\s\S]*<table>/u);
    }
    expect(html).toContain('title="23 of 28 possible sessions">82.1 %');
    expect(html).toMatch(/<td>A<\/td><td>4<\/td><td>14<\/td><td>28.6 %<\/td><td>persistent<\/td>/u);
  });

  it('in aggregate-only mode names no pupil and shows counts below 5 as "fewer than 5"', async () => {
    const html = await renderAttendanceReport(
      buildAttendanceReport(figures, { aggregateOnly: true, penaltyWindow: 0 })
    );
    expect(html).not.toMatch(/<td>[AB]<\/td>/u);
    expect(html).toContain('data-figure="Persistent absence">fewer than 5');
    expect(html).toContain('Pupils who reached the penalty-notice threshold: fewer than 5');
    // Groups of fewer than 5 pupils get no trend line of their own.
    expect(html).not.toContain('year = 7');
  });

  it('draws a register of one day, where most weekday cells have no possible sessions', async () => {
    const oneDay = analyseCohortRegister(createCohortRegister([['A', weekMarks('/O')]]));
    const html = await renderAttendanceReport(buildAttendanceReport(oneDay));
    expect(html).toContain('<td>Tuesday</td><td>AM</td><td>0</td><td>0</td><td>–</td>');
    expect(html).toContain('title="1 of 2 possible sessions">50.0 %');
  });

  it('escapes what it is given', async () => {
    const html = await renderAttendanceReport(
      buildAttendanceReport(figures, { title: '<script>alert(1)</script> & "Oak"' })
    );
    expect(html).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Oak&quot;</h1>');
  });
});
