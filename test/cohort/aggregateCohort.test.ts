import { describe, expect, test } from 'vitest';
import {
  aggregateCohort,
  aggregateCohortBy,
  countSessions,
  DFE_ABSENCE_BANDS,
  DFE_LIVE_FIGURES_POLICY,
  excludeDates,
  HCAT_POLICY,
  isInDfeStatisticalCohort,
  isoDate,
  sumSessionCounts,
  toAbsenceRate,
  toPercentage,
} from '../../src/index.js';
import type { CohortEnrolment, CohortFigures, SessionRate } from '../../src/index.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

/** An enrolment with consistent counts: every absence is authorised unless `unauthorised` says otherwise. */
function enrolment(
  id: string,
  possible: number,
  absent: number,
  attributes?: CohortEnrolment['attributes'],
  unauthorised = 0
): CohortEnrolment {
  return {
    id,
    counts: {
      possible,
      attended: possible - absent,
      absent,
      authorised: absent - unauthorised,
      unauthorised,
    },
    ...(attributes === undefined ? {} : { attributes }),
  };
}

function percent(rate: SessionRate, decimals = 1): string | undefined {
  const result = toPercentage(rate, { decimals });
  return result.kind === 'percentage' ? result.text : undefined;
}

function bandCounts(figures: CohortFigures): Record<string, number> {
  return Object.fromEntries(figures.bands.map(({ band, enrolments }) => [band.id, enrolments]));
}

describe('DfE national figures (2025/26 year to date, primary)', () => {
  test('possible 1,299,079,364 and overall absence 68,548,268 give 5.2767 %', () => {
    const cohort = aggregateCohort([
      {
        id: 'national primary',
        counts: {
          possible: 1_299_079_364,
          attended: 1_299_079_364 - 68_548_268,
          absent: 68_548_268,
          authorised: 68_548_268,
          unauthorised: 0,
        },
      },
    ]);
    expect(cohort.overallAbsenceRate).toEqual({
      kind: 'rate',
      numerator: 68_548_268,
      denominator: 1_299_079_364,
    });
    expect(percent(cohort.overallAbsenceRate, 4)).toBe('5.2767');
    expect(percent(cohort.attendanceRate, 4)).toBe('94.7233');
  });
});

describe('rates are sums of sessions over sums of possible sessions, never averages of rates', () => {
  test('1 of 10 and 9 of 90 absent make 10 of 100, 10 %', () => {
    const cohort = aggregateCohort([enrolment('A', 10, 1), enrolment('B', 90, 9)]);
    expect(cohort.overallAbsenceRate).toEqual({ kind: 'rate', numerator: 10, denominator: 100 });
    expect(percent(cohort.overallAbsenceRate)).toBe('10.0');
  });

  test('1 of 10 and 0 of 90 absent make 1 %, where the mean of the two rates is 5 %', () => {
    const cohort = aggregateCohort([enrolment('A', 10, 1), enrolment('B', 90, 0)]);
    expect(percent(cohort.overallAbsenceRate)).toBe('1.0');
    const meanOfRates = (1 / 10 + 0 / 90) / 2;
    expect(meanOfRates).toBe(0.05);
  });

  test('authorised and unauthorised rates are over the summed possible sessions too', () => {
    const cohort = aggregateCohort([
      enrolment('A', 100, 10, undefined, 4),
      enrolment('B', 300, 6, undefined, 6),
    ]);
    expect(cohort.authorisedRate).toEqual({ kind: 'rate', numerator: 6, denominator: 400 });
    expect(cohort.unauthorisedRate).toEqual({ kind: 'rate', numerator: 10, denominator: 400 });
    expect(cohort.attendanceRate).toEqual({ kind: 'rate', numerator: 384, denominator: 400 });
    expect([cohort.possible, cohort.attended, cohort.absent, cohort.authorised, cohort.unauthorised]).toEqual(
      [400, 384, 16, 6, 10]
    );
  });

  test('the figures equal the rate of the counts added with sumSessionCounts', () => {
    const marks = [
      [
        { date: isoDate('2024-09-02'), session: 'AM', code: '/' },
        { date: isoDate('2024-09-02'), session: 'PM', code: 'O' },
      ],
      [
        { date: isoDate('2024-09-02'), session: 'AM', code: 'I' },
        { date: isoDate('2024-09-02'), session: 'PM', code: 'Y4' },
      ],
    ] as const;
    const counts = marks.map((register) => countSessions(register));
    const cohort = aggregateCohort(counts.map((item, index) => ({ id: String(index), counts: item })));
    const total = sumSessionCounts(counts);
    expect(total.possible).toBe(3);
    expect(total.byCode.O).toBe(1);
    expect(total.notPossible).toBe(1);
    expect(cohort.overallAbsenceRate).toEqual(toAbsenceRate(total));
  });
});

describe('enrolments left out, never silently', () => {
  test('enrolments with no possible sessions are left out and counted', () => {
    const cohort = aggregateCohort([enrolment('A', 0, 0), enrolment('B', 100, 20), enrolment('C', 0, 0)]);
    expect(cohort.enrolments).toBe(1);
    expect(cohort.excludedNoPossibleSessions).toBe(2);
    expect(cohort.persistentAbsenceRate).toEqual({ kind: 'rate', numerator: 1, denominator: 1 });
    expect(cohort.issues).toEqual([]);
  });

  test('absence greater than possible sessions is left out and reported with the enrolment id', () => {
    const cohort = aggregateCohort([
      enrolment('A', 100, 5),
      { id: 'B', counts: { possible: 3, attended: 0, absent: 5, authorised: 5, unauthorised: 0 } },
    ]);
    expect(cohort.enrolments).toBe(1);
    expect(cohort.excludedInconsistent).toBe(1);
    expect(cohort.possible).toBe(100);
    expect(cohort.issues).toHaveLength(1);
    expect(cohort.issues[0]).toMatchObject({
      code: 'invalid_counts',
      severity: 'warning',
      pupilId: 'B',
      path: [1, 'counts'],
      expected: 'absent <= possible',
    });
    expect(cohort.issues[0]?.message).toContain('"B"');
  });

  test.each([
    [
      'attended and absent not adding up to possible',
      { possible: 10, attended: 8, absent: 1, authorised: 1, unauthorised: 0 },
    ],
    [
      'authorised and unauthorised not adding up to absent',
      { possible: 10, attended: 8, absent: 2, authorised: 1, unauthorised: 0 },
    ],
    ['a negative count', { possible: 10, attended: 11, absent: -1, authorised: -1, unauthorised: 0 }],
    ['a fractional count', { possible: 10.5, attended: 10, absent: 0.5, authorised: 0.5, unauthorised: 0 }],
    [
      'absence with no possible sessions',
      { possible: 0, attended: -2, absent: 2, authorised: 2, unauthorised: 0 },
    ],
  ])('%s is reported as inconsistent', (_label, counts) => {
    const cohort = aggregateCohort([{ id: 'X', counts }]);
    expect(cohort.enrolments).toBe(0);
    expect(cohort.excludedInconsistent).toBe(1);
    expect(cohort.excludedNoPossibleSessions).toBe(0);
    expect(cohort.issues.map((issue) => issue.pupilId)).toEqual(['X']);
  });

  test('an empty cohort has no rates', () => {
    const cohort = aggregateCohort([]);
    expect(cohort.enrolments).toBe(0);
    expect(cohort.overallAbsenceRate).toEqual({ kind: 'no-possible-sessions' });
    expect(cohort.persistentAbsenceRate).toEqual({ kind: 'no-possible-sessions' });
    expect(cohort.bands.every((band) => band.enrolments === 0)).toBe(true);
  });
});

describe('persistent and severe absentees, at the boundaries', () => {
  test('38 of 380 is a persistent absentee; 38 of 381 is not', () => {
    const cohort = aggregateCohort([enrolment('A', 380, 38), enrolment('B', 381, 38)]);
    expect(cohort.persistentAbsentees).toBe(1);
    expect(cohort.persistentAbsenceRate).toEqual({ kind: 'rate', numerator: 1, denominator: 2 });
  });

  test('190 of 380 is severely absent (and persistent); 189 of 380 is persistent only', () => {
    const cohort = aggregateCohort([
      enrolment('A', 380, 190),
      enrolment('B', 380, 189),
      enrolment('C', 380, 0),
    ]);
    expect(cohort.severeAbsentees).toBe(1);
    expect(cohort.persistentAbsentees).toBe(2);
    expect(cohort.severeAbsenceRate).toEqual({ kind: 'rate', numerator: 1, denominator: 3 });
  });

  test('a PA rate of 13.77 % is counted in enrolments: 1,377 of 10,000', () => {
    const enrolments = Array.from({ length: 10_000 }, (_, index) =>
      enrolment(String(index), 380, index < 1377 ? 38 : 37)
    );
    const cohort = aggregateCohort(enrolments);
    expect(percent(cohort.persistentAbsenceRate, 2)).toBe('13.77');
  });

  test('the policy sets the thresholds: live figures leave out 10 or fewer possible sessions', () => {
    const enrolments = [enrolment('A', 10, 5), enrolment('B', 11, 6)];
    expect(aggregateCohort(enrolments).severeAbsentees).toBe(2);
    const live = aggregateCohort(enrolments, { policy: DFE_LIVE_FIGURES_POLICY });
    expect(live.severeAbsentees).toBe(1);
    expect(live.persistentAbsenceRate).toEqual({ kind: 'rate', numerator: 1, denominator: 2 });
  });
});

describe('band distribution', () => {
  test('counts the enrolments in each DfE absence band, boundaries in the upper band', () => {
    const cohort = aggregateCohort([
      enrolment('A', 100, 0),
      enrolment('B', 100, 4),
      enrolment('C', 100, 5),
      enrolment('D', 380, 38),
      enrolment('E', 381, 38),
      enrolment('F', 100, 50),
      enrolment('G', 100, 100),
      enrolment('H', 0, 0),
    ]);
    expect(cohort.bands.map(({ band }) => band.id)).toEqual(DFE_ABSENCE_BANDS.bands.map((band) => band.id));
    expect(bandCounts(cohort)).toMatchObject({
      'under-5': 2,
      'approaching-persistent': 2,
      'persistent-10-15': 1,
      severe: 2,
    });
    expect(cohort.bands.reduce((sum, band) => sum + band.enrolments, 0)).toBe(cohort.enrolments);
  });

  test("uses the policy's own band table", () => {
    const cohort = aggregateCohort([enrolment('A', 100, 10), enrolment('B', 100, 1)], {
      policy: HCAT_POLICY,
    });
    expect(cohort.bands.map(({ band }) => band.id)).toEqual(HCAT_POLICY.bands.bands.map((band) => band.id));
    expect(bandCounts(cohort)['persistent-absentee']).toBe(1);
    expect(bandCounts(cohort)['outstanding']).toBe(1);
  });
});

describe('cohort filters', () => {
  test('include keeps only the enrolments of the DfE statistical cohort (aged 5 to 15)', () => {
    const enrolments = [4, 5, 15, 16].map((age) => enrolment(`age ${age}`, 100, age, { age }));
    const cohort = aggregateCohort(enrolments, {
      include: (item) => {
        const age = item.attributes?.['age'];
        return typeof age === 'number' && isInDfeStatisticalCohort(age);
      },
    });
    expect(cohort.enrolments).toBe(2);
    expect(cohort.absent).toBe(20);
    expect(cohort.excludedNoPossibleSessions + cohort.excludedInconsistent).toBe(0);
  });

  test('isInDfeStatisticalCohort covers ages 5 to 15 inclusive', () => {
    expect([3, 4, 5, 10, 15, 16, 17].map(isInDfeStatisticalCohort)).toEqual([
      false,
      false,
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  test('isInDfeStatisticalCohort rejects an age that is not a whole number', () => {
    expect(attendanceErrorOf(() => isInDfeStatisticalCohort(5.5)).issues[0].code).toBe('invalid_value');
    expect(attendanceErrorOf(() => isInDfeStatisticalCohort(-1)).issues[0].field).toBe('ageAtStartOfYear');
  });
});

describe('grouping by attributes', () => {
  const enrolments = [
    enrolment('A', 100, 12, { yearGroup: 7, fsm: true }),
    enrolment('B', 100, 2, { yearGroup: 7, fsm: false }),
    enrolment('C', 100, 5, { yearGroup: 8, fsm: true }),
    enrolment('D', 100, 60, { yearGroup: 7 }),
    enrolment('E', 100, 1),
    enrolment('F', 0, 0, { yearGroup: 8, fsm: true }),
    enrolment('G', 100, 0, { yearGroup: 7, fsm: null }),
  ];

  test('by one attribute: a group for each value present, missing values as null, in key order', () => {
    const { groups, overall, attributes } = aggregateCohortBy(enrolments, ['fsm']);
    expect(attributes).toEqual(['fsm']);
    expect(groups.map((group) => group.key)).toEqual([{ fsm: null }, { fsm: false }, { fsm: true }]);
    expect(groups.map((group) => group.enrolments)).toEqual([3, 1, 2]);
    expect(groups[2]?.excludedNoPossibleSessions).toBe(1);
    expect(groups[2]?.overallAbsenceRate).toEqual({ kind: 'rate', numerator: 17, denominator: 200 });
    expect(overall).toEqual(aggregateCohort(enrolments));
  });

  test('by two attributes: every combination present, sorted by the first attribute then the second', () => {
    const { groups } = aggregateCohortBy(enrolments, ['yearGroup', 'fsm']);
    expect(groups.map((group) => [group.key['yearGroup'], group.key['fsm'], group.enrolments])).toEqual([
      [null, null, 1],
      [7, null, 2],
      [7, false, 1],
      [7, true, 1],
      [8, true, 1],
    ]);
    const yearSevenNull = groups[1]!;
    expect(yearSevenNull.severeAbsentees).toBe(1);
    expect(yearSevenNull.overallAbsenceRate).toEqual({ kind: 'rate', numerator: 60, denominator: 200 });
  });

  test('the groups add up to the overall figures', () => {
    const { groups, overall } = aggregateCohortBy(enrolments, ['yearGroup', 'fsm']);
    const sum = (pick: (figures: CohortFigures) => number): number =>
      groups.reduce((total, group) => total + pick(group), 0);
    expect(sum((figures) => figures.enrolments)).toBe(overall.enrolments);
    expect(sum((figures) => figures.possible)).toBe(overall.possible);
    expect(sum((figures) => figures.absent)).toBe(overall.absent);
    expect(sum((figures) => figures.persistentAbsentees)).toBe(overall.persistentAbsentees);
    expect(sum((figures) => figures.excludedNoPossibleSessions)).toBe(overall.excludedNoPossibleSessions);
  });

  test('values of different types are different groups: null, booleans, numbers, then strings', () => {
    const { groups } = aggregateCohortBy(
      [
        enrolment('A', 10, 0, { school: '9' }),
        enrolment('B', 10, 0, { school: 9 }),
        enrolment('C', 10, 0, { school: 'Abbey' }),
        enrolment('D', 10, 0, { school: 10 }),
        enrolment('E', 10, 0, { school: true }),
        enrolment('F', 10, 0),
      ],
      ['school']
    );
    expect(groups.map((group) => group.key['school'])).toEqual([null, true, 9, 10, '9', 'Abbey']);
  });

  test('an attribute inherited from Object.prototype counts as missing', () => {
    const { groups } = aggregateCohortBy([enrolment('A', 10, 0, { fsm: true })], ['constructor']);
    expect(groups.map((group) => group.key)).toEqual([{ constructor: null }]);
  });

  test('no attributes give one group of the whole cohort', () => {
    const { groups, overall } = aggregateCohortBy(enrolments, []);
    expect(groups).toHaveLength(1);
    expect(groups[0]?.key).toEqual({});
    expect(groups[0]?.possible).toBe(overall.possible);
  });

  test('include filters before grouping; rejected enrolments form no group', () => {
    const { groups } = aggregateCohortBy(enrolments, ['yearGroup'], {
      include: (item) => item.attributes?.['yearGroup'] === 8,
    });
    expect(groups.map((group) => group.key)).toEqual([{ yearGroup: 8 }]);
  });

  test('naming an attribute twice is an error', () => {
    const error = attendanceErrorOf(() => aggregateCohortBy(enrolments, ['fsm', 'fsm']));
    expect(error.issues[0].path).toEqual(['attributeNames', 1]);
  });
});

describe('sumSessionCounts', () => {
  test('adds every field and the number of each code, and keeps the warnings', () => {
    const first = countSessions([
      { date: isoDate('2024-09-02'), session: 'AM', code: '/' },
      { date: isoDate('2024-09-02'), session: 'PM', code: 'L' },
    ]);
    const second = countSessions([
      { date: isoDate('2024-09-03'), session: 'AM', code: 'H' },
      { date: isoDate('2024-09-03'), session: 'PM', code: 'U' },
    ]);
    expect(second.warnings.length).toBeGreaterThan(0);
    const total = sumSessionCounts([first, second]);
    expect(total).toMatchObject({
      possible: 4,
      attended: 2,
      present: 2,
      absent: 2,
      authorised: 1,
      unauthorised: 1,
      late: 1,
      lateAfterRegisterClosed: 1,
    });
    expect(total.byCode.L).toBe(1);
    expect(total.byCode.H).toBe(1);
    expect(total.byCode['/']).toBe(1);
    expect(total.warnings).toEqual([...first.warnings, ...second.warnings]);
  });

  test('no counts give zeros', () => {
    const total = sumSessionCounts([]);
    expect(total.possible).toBe(0);
    expect(Object.values(total.byCode).every((count) => count === 0)).toBe(true);
    expect(Object.keys(total.byCode)).toEqual(Object.keys(countSessions([]).byCode));
    expect(total.warnings).toEqual([]);
  });

  test('a count that is not a whole number is an error naming it', () => {
    const counts = countSessions([{ date: isoDate('2024-09-02'), session: 'AM', code: '/' }]);
    const error = attendanceErrorOf(() => sumSessionCounts([counts, { ...counts, possible: 1.5 }]));
    expect(error.issues[0].path).toEqual([1, 'possible']);
  });

  test('sums beyond exact whole numbers are an error', () => {
    const counts = countSessions([]);
    const huge = { ...counts, possible: Number.MAX_SAFE_INTEGER };
    const error = attendanceErrorOf(() => sumSessionCounts([huge, huge]));
    expect(error.issues[0].field).toBe('possible');
  });
});

describe('excludeDates (Year 11: second half of the summer term removed)', () => {
  const marks = [
    { date: isoDate('2025-05-23'), session: 'AM', code: 'O' },
    { date: isoDate('2025-06-02'), session: 'AM', code: 'O' },
    { date: isoDate('2025-07-22'), session: 'PM', code: '/' },
    { date: isoDate('2025-07-23'), session: 'AM', code: '/' },
  ] as const;

  test('leaves out the marks from the first to the last date, both included, before counting', () => {
    const kept = excludeDates(marks, isoDate('2025-06-02'), isoDate('2025-07-22'));
    expect(kept.map((mark) => mark.date)).toEqual(['2025-05-23', '2025-07-23']);
    expect(countSessions(kept)).toMatchObject({ possible: 2, unauthorised: 1 });
  });

  test('a last date before the first is an error', () => {
    const error = attendanceErrorOf(() => excludeDates(marks, isoDate('2025-07-22'), isoDate('2025-06-02')));
    expect(error.issues[0].field).toBe('to');
  });
});
