/**
 * The report's figures from small registers worked out by hand (not from the library's output), and the HTML it
 * draws: self-contained, every chart with its data as a table, pupils named only when allowed, small numbers
 * suppressed in aggregate-only mode.
 */
import { describe, expect, it } from 'vitest';
import {
  analyseCohortRegister,
  AttendanceError,
  createCohortRegister,
  defineSchoolCalendar,
  DFE_POLICY,
  HCAT_ATTENDANCE_BANDS,
  isoDate,
} from '../../src/index.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };
import type { SessionMark } from '../../src/index.js';
import { buildAttendanceReport, renderAttendanceReport } from '../../src/report/index.js';
import { loadChartLibrary } from '../../src/report/charts/loadChartLibrary.js';

/** The date `days` after an ISO date. */
function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

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
      { name: 'School', attribute: null, value: null, pupils: 2 },
      { name: 'year = 7', attribute: 'year', value: '7', pupils: 1 },
      { name: 'year = 8', attribute: 'year', value: '8', pupils: 1 },
    ]);
  });

  it("counts pupils across DfE's 5-point absence bands, or the bands asked for", () => {
    // A missed 4 of 14 (28.6 %), B 1 of 14 (7.1 %).
    const counted = report.bands.filter((band) => band.enrolments !== 0);
    expect(counted).toEqual([
      {
        id: 'approaching-persistent',
        label: 'Approaching persistent absence (5 to under 10 %)',
        enrolments: 1,
      },
      { id: 'persistent-25-30', label: 'Persistent absence (25 to under 30 %)', enrolments: 1 },
    ]);
    expect(report.bands).toHaveLength(11);
    const own = buildAttendanceReport(figures, { bands: HCAT_ATTENDANCE_BANDS });
    expect(own.bandTableName).toBe(HCAT_ATTENDANCE_BANDS.name);
    expect(own.bands.map((band) => band.id)).toEqual(HCAT_ATTENDANCE_BANDS.bands.map((band) => band.id));
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
    expect(aggregate.penaltyThresholdReached).toBe('fewer-than-limit');
  });
});

describe('buildAttendanceReport: escalation picture and pupil cards', () => {
  const history = [
    { on: '2024-09-13', event: 'review', from: 0, to: 0, jump: null, reason: 'no concern', actions: [] },
    {
      on: '2024-09-16',
      event: 'review',
      from: 0,
      to: 1,
      jump: null,
      reason: 'attendance 71.4 %',
      actions: ['1:letter-1'],
    },
    {
      on: '2024-09-17',
      event: 'letter-sent',
      from: 1,
      to: 1,
      jump: null,
      reason: 'letter 1 sent',
      actions: [],
    },
  ] as const;
  const stateOf = (pupilId: string, stage: number) =>
    ({
      pupilId,
      stage,
      enteredOn: stage === 0 ? null : '2024-09-16',
      history: pupilId === 'A' ? history : [],
    }) as never;
  const due = (pupilId: string, kind: string, dueOn: string) => ({
    id: `1:${kind}`,
    kind,
    stage: 1,
    dueOn: isoDate(dueOn),
    reason: `${kind} for ${pupilId}`,
    figures: null,
  });
  const escalation = {
    stageNames: ['universal', 'letter', 'panel'],
    pupils: [
      {
        state: stateOf('A', 1),
        due: [due('A', 'meeting', '2024-09-20'), due('A', 'letter-2', '2024-09-18')],
      },
      { state: stateOf('B', 0), due: [] },
    ],
  };
  const report = buildAttendanceReport(figures, { escalation, pupilCards: ['A'], penaltyWindow: 0 });

  it('counts pupils per stage and the actions due, earliest first', () => {
    expect(report.escalation?.stages).toEqual([
      { stage: 0, name: 'universal', pupils: 1 },
      { stage: 1, name: 'letter', pupils: 1 },
      { stage: 2, name: 'panel', pupils: 0 },
    ]);
    expect(report.escalation?.actionsByKind).toEqual([
      { kind: 'letter-2', count: 1 },
      { kind: 'meeting', count: 1 },
    ]);
    expect(report.escalation?.actionsDue.map((action) => action.dueOn)).toEqual(['2024-09-18', '2024-09-20']);
  });

  it("draws a card of every session of the pupil, their weeks, and the history's moves and recorded events", () => {
    const [card] = report.cards;
    expect(card?.pupilId).toBe('A');
    // A: O////////OIN// — 14 sessions, 4 missed (O, O unauthorised; I authorised; N unauthorised).
    expect(card?.sessions).toHaveLength(14);
    expect(card?.sessions[0]).toEqual({
      date: '2024-09-09',
      session: 'AM',
      code: 'O',
      category: 'unauthorised',
    });
    expect(card?.sessions.filter((session) => session.category === 'authorised')).toHaveLength(1);
    expect(card?.counts).toEqual({ possible: 14, attended: 10, authorised: 1, unauthorised: 3, absent: 4 });
    expect(card?.absenceClass).toBe('persistent');
    expect(card?.weeks).toEqual([
      { week: '2024-09-09', group: 'A', attended: 8, possible: 10 },
      { week: '2024-09-16', group: 'A', attended: 2, possible: 4 },
    ]);
    // The review that moved nothing is left out.
    expect(card?.history.map((entry) => entry.on)).toEqual(['2024-09-16', '2024-09-17']);
    expect(card?.stage).toEqual({ stage: 1, name: 'letter', since: '2024-09-16' });
    expect(card?.dueActions.map((action) => action.kind)).toEqual(['meeting', 'letter-2']);
  });

  it('draws no card in aggregate-only mode, and refuses a pupil not in the register', () => {
    expect(buildAttendanceReport(figures, { aggregateOnly: true, pupilCards: ['A'] }).cards).toEqual([]);
    expect(
      buildAttendanceReport(figures, { aggregateOnly: true, escalation }).escalation?.actionsDue
    ).toEqual([]);
    expect(() => buildAttendanceReport(figures, { pupilCards: ['Z'] })).toThrow('No pupil Z in the register');
  });

  it('suppresses a small count and, when it is alone in its table, the next smallest with it', () => {
    const pupils = [...Array.from({ length: 7 }, () => 0), 1, ...Array.from({ length: 6 }, () => 2)].map(
      (stage, index) => ({ state: stateOf(`P${index}`, stage), due: [] })
    );
    const picture = (smallNumbers: number) =>
      buildAttendanceReport(figures, {
        aggregateOnly: true,
        smallNumbers,
        escalation: { stageNames: ['universal', 'letter', 'panel', 'referral'], pupils },
      }).escalation?.stages.map((stage) => stage.pupils);
    // 7, 1, 6, 0: the 1 is hidden, and the 6 with it (the total less 7 and 6 would give it); 0 is no pupil.
    expect(picture(5)).toEqual([7, 'fewer-than-limit', 'suppressed', 0]);
    // Below 7, two counts are hidden, so neither can be worked out from the other and the total.
    expect(picture(7)).toEqual([7, 'fewer-than-limit', 'fewer-than-limit', 0]);
    // Outside aggregate-only mode every count is shown.
    expect(
      buildAttendanceReport(figures, {
        escalation: { stageNames: ['a', 'b', 'c'], pupils },
      }).escalation?.stages.map((stage) => stage.pupils)
    ).toEqual([7, 1, 6]);
  });

  it('hides a band that would give a hidden one away through the persistent absentees shown', () => {
    // 20 sessions from Monday 9 September: 8 pupils miss none, 6 miss one (5 %), 6 miss two (10 %), one misses 12.
    const days = Array.from({ length: 10 }, (_, index) =>
      addDays('2024-09-09', index + 2 * Math.floor(index / 5))
    );
    const pupil = (absences: number) =>
      days.flatMap((date, day) =>
        (['AM', 'PM'] as const).map((session, half) => ({
          date: isoDate(date),
          session,
          code: day * 2 + half < absences ? 'O' : '/',
        }))
      );
    const plan: number[] = [
      ...Array<number>(8).fill(0),
      ...Array<number>(6).fill(1),
      ...Array<number>(6).fill(2),
      12,
    ];
    const cohort = analyseCohortRegister(
      createCohortRegister(plan.map((absences, index) => [`P${index}`, pupil(absences)]))
    );
    const bands = buildAttendanceReport(cohort, { aggregateOnly: true }).bands.map((band) => band.enrolments);
    // Under 5 %, 5-10 %, 10-15 % … severe. The severe 1 is hidden; the whole table then hides the smallest other
    // count (6, of 5-10 %), and the persistent absentees the headline shows (7) hide the 10-15 % band's 6 as well.
    expect(bands).toEqual([8, 'suppressed', 'suppressed', 0, 0, 0, 0, 0, 0, 0, 'fewer-than-limit']);
    expect(buildAttendanceReport(cohort).bands.map((band) => band.enrolments)).toEqual([
      8, 6, 6, 0, 0, 0, 0, 0, 0, 0, 1,
    ]);
  });

  it('renders the escalation section and the card', async () => {
    const html = await renderAttendanceReport(report);
    expect(html).toContain('data-chart="escalation"');
    expect(html).toContain('data-pupil-card="A"');
    expect(html.match(/<rect[^>]*data-session="/g)).toHaveLength(14);
    expect(html).toContain('<td>letter-sent</td>');
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
    expect(html).toContain('Pupils who reached the penalty-notice threshold: <strong>fewer than 5</strong>');
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

describe('loadChartLibrary', () => {
  it('names the packages to install when the chart library is missing', async () => {
    const missing = () => Promise.reject(new Error("Cannot find package '@observablehq/plot'"));
    const error = await loadChartLibrary(missing).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AttendanceError);
    const [issue] = (error as AttendanceError).issues;
    expect(issue.code).toBe('missing_dependency');
    expect(issue.message).toContain('npm install @observablehq/plot linkedom');
    expect(issue.received).toContain('@observablehq/plot');
  });
});
