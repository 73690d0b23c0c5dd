import { describe, expect, test } from 'vitest';
import { aggregateCohortBy } from '../../src/index.js';
import type { CohortAttributeValue, CohortEnrolment } from '../../src/index.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

// aggregateCohortBy (src/cohort/aggregateCohortBy.ts): the error for an attribute named twice, and the order of the
// groups, attribute by attribute: null, then false and true, then numbers ascending with NaN (one group) last,
// then strings in code-unit order.

/** An enrolment with consistent counts and the given attributes. */
function enrolment(
  id: string,
  attributes: Readonly<Record<string, CohortAttributeValue>>,
  possible = 10,
  absent = 1
): CohortEnrolment {
  return {
    id,
    counts: { possible, attended: possible - absent, absent, authorised: absent, unauthorised: 0 },
    attributes,
  };
}

/** The groups' keys in order, each as the list of its values for `names`. */
function keysOf(enrolments: readonly CohortEnrolment[], names: readonly string[]): CohortAttributeValue[][] {
  return aggregateCohortBy(enrolments, names).groups.map((group) => names.map((name) => group.key[name]!));
}

describe('aggregateCohortBy refuses an attribute named twice', () => {
  test('the error names the repeated attribute, its position and what was expected', () => {
    const error = attendanceErrorOf(() => aggregateCohortBy([], ['yearGroup', 'fsm', 'yearGroup']));
    expect(error.issues).toStrictEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'Attribute "yearGroup" is named more than once; name each attribute to group by once.',
        path: ['attributeNames', 2],
        expected: 'distinct attribute names',
        received: 'yearGroup',
      },
    ]);
  });
});

describe('aggregateCohortBy sorts NaN after every other number', () => {
  test('NaN given first still comes after the numbers', () => {
    const enrolments = [enrolment('A', { score: Number.NaN }), enrolment('B', { score: 1 })];
    expect(keysOf(enrolments, ['score'])).toEqual([[1], [Number.NaN]]);
  });

  test('NaN given last stays after the numbers', () => {
    const enrolments = [enrolment('A', { score: 1 }), enrolment('B', { score: Number.NaN })];
    expect(keysOf(enrolments, ['score'])).toEqual([[1], [Number.NaN]]);
  });

  test('NaN among several numbers, in any input order, is one group after them all', () => {
    const enrolments = [
      enrolment('A', { score: 3 }),
      enrolment('B', { score: Number.NaN }),
      enrolment('C', { score: -2 }),
      enrolment('D', { score: Number.NaN }, 20, 4),
      enrolment('E', { score: 0 }),
    ];
    const { groups } = aggregateCohortBy(enrolments, ['score']);
    expect(groups.map((group) => group.key['score'])).toEqual([-2, 0, 3, Number.NaN]);
    expect(groups[3]!.enrolments).toBe(2);
    expect(groups[3]!.possible).toBe(30);
    expect(groups[3]!.absent).toBe(5);
  });

  test('NaN in the first attribute decides before the second attribute is read', () => {
    const enrolments = [
      enrolment('A', { score: Number.NaN, school: 'a' }),
      enrolment('B', { score: 7, school: 'z' }),
      enrolment('C', { score: Number.NaN, school: 'b' }),
    ];
    expect(keysOf(enrolments, ['score', 'school'])).toEqual([
      [7, 'z'],
      [Number.NaN, 'a'],
      [Number.NaN, 'b'],
    ]);
  });
});

describe('aggregateCohortBy sorts values of one type in ascending order', () => {
  test('numbers ascending, whatever the input order', () => {
    const enrolments = [5, -1, 10, 2, 0].map((yearGroup, index) => enrolment(`P${index}`, { yearGroup }));
    expect(keysOf(enrolments, ['yearGroup'])).toEqual([[-1], [0], [2], [5], [10]]);
  });

  test('strings in code-unit order, whatever the input order', () => {
    const enrolments = ['b', 'B', 'a', 'ab', 'A'].map((school, index) => enrolment(`P${index}`, { school }));
    expect(keysOf(enrolments, ['school'])).toEqual([['A'], ['B'], ['a'], ['ab'], ['b']]);
  });

  test('many numbers (enough for the sort to merge runs) come out ascending', () => {
    // 200 distinct year groups in a scrambled order: 37 is coprime with 200, so this visits each of 0..199 once.
    const values = Array.from({ length: 200 }, (_, index) => (index * 37) % 200);
    const enrolments = values.map((yearGroup, index) => enrolment(`P${index}`, { yearGroup }));
    expect(keysOf(enrolments, ['yearGroup'])).toEqual(Array.from({ length: 200 }, (_, index) => [index]));
  });

  test('a greater first value sorts the key after, whatever the second value and the input order', () => {
    const enrolments = [
      enrolment('A', { yearGroup: 2, school: 'a' }),
      enrolment('B', { yearGroup: 1, school: 'b' }),
      enrolment('C', { yearGroup: 'x', school: 'a' }),
      enrolment('D', { yearGroup: 'w', school: 'b' }),
      enrolment('E', { yearGroup: true, school: 'a' }),
      enrolment('F', { yearGroup: false, school: 'b' }),
    ];
    const sorted = [
      [false, 'b'],
      [true, 'a'],
      [1, 'b'],
      [2, 'a'],
      ['w', 'b'],
      ['x', 'a'],
    ];
    expect(keysOf(enrolments, ['yearGroup', 'school'])).toEqual(sorted);
    expect(keysOf([...enrolments].reverse(), ['yearGroup', 'school'])).toEqual(sorted);
  });

  test('false before true', () => {
    const enrolments = [enrolment('A', { fsm: true }), enrolment('B', { fsm: false })];
    expect(keysOf(enrolments, ['fsm'])).toEqual([[false], [true]]);
  });

  test('a tie in the first attribute is broken by the second, for nulls and for equal values', () => {
    const enrolments = [
      enrolment('A', { yearGroup: 9, fsm: true }),
      enrolment('B', { fsm: true }),
      enrolment('C', { yearGroup: 9, fsm: false }),
      enrolment('D', { fsm: false }),
    ];
    expect(keysOf(enrolments, ['yearGroup', 'fsm'])).toEqual([
      [null, false],
      [null, true],
      [9, false],
      [9, true],
    ]);
  });
});
