import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import {
  aggregateCohort,
  aggregateCohortBy,
  countSessions,
  POLICY_PRESETS,
  sumSessionCounts,
  toAbsenceRate,
  toAttendanceRate,
  toAuthorisedAbsenceRate,
  toUnauthorisedAbsenceRate,
} from '../../src/index.js';
import type { CohortEnrolment, CohortFigures, SessionCounts } from '../../src/index.js';

/** Consistent counts of one enrolment, zero possible sessions included. */
const countsArb = fc
  .record({
    present: fc.integer({ min: 0, max: 400 }),
    authorised: fc.integer({ min: 0, max: 200 }),
    unauthorised: fc.integer({ min: 0, max: 200 }),
  })
  .map(({ present, authorised, unauthorised }) => ({
    possible: present + authorised + unauthorised,
    attended: present,
    absent: authorised + unauthorised,
    authorised,
    unauthorised,
  }));

/** Counts that break an invariant: absence beyond possible sessions. */
const inconsistentCountsArb = fc.integer({ min: 0, max: 50 }).map((possible) => ({
  possible,
  attended: 0,
  absent: possible + 1,
  authorised: possible + 1,
  unauthorised: 0,
}));

const attributesArb = fc.record(
  {
    yearGroup: fc.option(fc.integer({ min: 7, max: 11 }), { nil: null }),
    fsm: fc.boolean(),
    school: fc.constantFrom('A', 'B', 'C'),
  },
  { requiredKeys: [] }
);

const enrolmentArb: fc.Arbitrary<CohortEnrolment> = fc.record({
  id: fc.string({ maxLength: 6 }),
  counts: fc.oneof({ arbitrary: countsArb, weight: 9 }, { arbitrary: inconsistentCountsArb, weight: 1 }),
  attributes: attributesArb,
});

const enrolmentsArb = fc.array(enrolmentArb, { maxLength: 40 });
const policyArb = fc.constantFrom(...Object.values(POLICY_PRESETS));

/** Full session counts with the given consistent figures, as countSessions would give them. */
function toSessionCounts(counts: CohortEnrolment['counts']): SessionCounts {
  const empty = countSessions([]);
  return {
    ...empty,
    possible: counts.possible,
    attended: counts.attended,
    present: counts.attended,
    absent: counts.absent,
    authorised: counts.authorised,
    unauthorised: counts.unauthorised,
  };
}

/** The figures with the issue list emptied: its order and paths follow the input order. */
function withoutIssues(figures: CohortFigures): CohortFigures {
  return { ...figures, issues: [] };
}

test.prop([fc.array(fc.record({ id: fc.string(), counts: countsArb }), { maxLength: 40 })])(
  'two routes agree: cohort rates equal the rates of the counts added with sumSessionCounts',
  (enrolments) => {
    const cohort = aggregateCohort(enrolments);
    const included = enrolments.filter((item) => item.counts.possible > 0);
    const total = sumSessionCounts(included.map((item) => toSessionCounts(item.counts)));
    expect(cohort.enrolments).toBe(included.length);
    expect(cohort.overallAbsenceRate).toEqual(toAbsenceRate(total));
    expect(cohort.attendanceRate).toEqual(toAttendanceRate(total));
    expect(cohort.authorisedRate).toEqual(toAuthorisedAbsenceRate(total));
    expect(cohort.unauthorisedRate).toEqual(toUnauthorisedAbsenceRate(total));
    expect(cohort.excludedNoPossibleSessions).toBe(enrolments.length - included.length);
    expect([cohort.possible, cohort.attended, cohort.absent, cohort.authorised, cohort.unauthorised]).toEqual(
      [total.possible, total.attended, total.absent, total.authorised, total.unauthorised]
    );
  }
);

test.prop([enrolmentsArb, fc.subarray(['yearGroup', 'fsm', 'school']), policyArb])(
  'preserves the total: grouping then adding the groups gives the ungrouped figures',
  (enrolments, attributeNames, policy) => {
    const { groups, overall } = aggregateCohortBy(enrolments, attributeNames, { policy });
    expect(overall).toEqual(aggregateCohort(enrolments, { policy }));
    const sum = (pick: (figures: CohortFigures) => number): number =>
      groups.reduce((total, group) => total + pick(group), 0);
    for (const field of [
      'enrolments',
      'excludedNoPossibleSessions',
      'excludedInconsistent',
      'possible',
      'attended',
      'absent',
      'authorised',
      'unauthorised',
      'persistentAbsentees',
      'severeAbsentees',
    ] as const) {
      expect(sum((figures) => figures[field])).toBe(overall[field]);
    }
    overall.bands.forEach((band, index) => {
      expect(sum((figures) => figures.bands[index]?.enrolments ?? 0)).toBe(band.enrolments);
    });
    expect(sum((figures) => figures.issues.length)).toBe(overall.issues.length);
  }
);

test.prop([enrolmentsArb, fc.subarray(['yearGroup', 'fsm', 'school'])])(
  'groups are distinct and in strictly ascending key order',
  (enrolments, attributeNames) => {
    const { groups } = aggregateCohortBy(enrolments, attributeNames);
    const keys = groups.map((group) => JSON.stringify(attributeNames.map((name) => group.key[name])));
    expect(new Set(keys).size).toBe(keys.length);
    const again = aggregateCohortBy([...enrolments].reverse(), attributeNames);
    expect(again.groups.map((group) => group.key)).toEqual(groups.map((group) => group.key));
  }
);

test.prop([enrolmentsArb, policyArb])(
  'the band distribution adds up to the included enrolments',
  (enrolments, policy) => {
    const cohort = aggregateCohort(enrolments, { policy });
    expect(cohort.bands.reduce((total, band) => total + band.enrolments, 0)).toBe(cohort.enrolments);
    expect(cohort.enrolments + cohort.excludedNoPossibleSessions + cohort.excludedInconsistent).toBe(
      enrolments.length
    );
  }
);

test.prop([
  enrolmentsArb.chain((enrolments) =>
    fc.tuple(
      fc.constant(enrolments),
      fc.shuffledSubarray(enrolments, { minLength: enrolments.length, maxLength: enrolments.length })
    )
  ),
  policyArb,
])('is commutative: the order of enrolments never changes the figures', ([enrolments, shuffled], policy) => {
  expect(withoutIssues(aggregateCohort(shuffled, { policy }))).toEqual(
    withoutIssues(aggregateCohort(enrolments, { policy }))
  );
  const grouped = aggregateCohortBy(enrolments, ['yearGroup', 'fsm'], { policy });
  const groupedShuffled = aggregateCohortBy(shuffled, ['yearGroup', 'fsm'], { policy });
  expect(groupedShuffled.groups.map(withoutIssues)).toEqual(grouped.groups.map(withoutIssues));
  expect(groupedShuffled.overall.issues.map((issue) => issue.pupilId).sort()).toEqual(
    grouped.overall.issues.map((issue) => issue.pupilId).sort()
  );
});
