import { describe, expect, test } from 'vitest';
import { createCohortRegister, isoDate } from '../../src/index.js';
import type { CohortRegister, Session, SessionMark } from '../../src/index.js';
import { joinCohortRegisters } from '../../src/cohort/joinCohortRegisters.js';

// joinCohortRegisters (src/cohort/joinCohortRegisters.ts): joining the registers of two consecutive parts of one
// input gives the register of the whole input, whatever the parts hold: slots in date order with AM before PM, the
// index of the first slot of the 2024 code set, pupils only in one part, pupils with no marks, gaps inside a
// pupil's span, and the warnings of both parts; and it gives up when both parts mark one session.

type Pupils = readonly (readonly [string, readonly SessionMark[]])[];

const mark = (date: string, session: Session, code = '/'): SessionMark => ({
  date: isoDate(date),
  session,
  code,
});

/** The whole input: each pupil once, in order of first appearance, with the marks of both parts. */
function concatenate(first: Pupils, second: Pupils): Pupils {
  const whole = new Map<string, SessionMark[]>();
  for (const [pupilId, marks] of [...first, ...second])
    whole.set(pupilId, [...(whole.get(pupilId) ?? []), ...marks]);
  return [...whole];
}

/** Joins the registers of the two parts, and checks the result is the register of the whole input. */
function expectJoinIsWhole(first: Pupils, second: Pupils): CohortRegister {
  const joined = joinCohortRegisters(createCohortRegister(first), createCohortRegister(second));
  expect(joined).not.toBeNull();
  expect(joined).toEqual(createCohortRegister(concatenate(first, second)));
  return joined!;
}

/** The slots as "date session". */
function slotsOf(register: CohortRegister): string[] {
  return register.slots.dates.map((date, slot) => `${date} ${register.slots.sessions[slot]!}`);
}

describe('joinCohortRegisters lays out the slots of both parts in order', () => {
  test('slots of the first part after the last slot of the second are kept', () => {
    const joined = expectJoinIsWhole(
      [['A', [mark('2025-01-06', 'AM'), mark('2025-01-10', 'PM')]]],
      [['B', [mark('2025-01-07', 'AM')]]]
    );
    expect(slotsOf(joined)).toEqual(['2025-01-06 AM', '2025-01-07 AM', '2025-01-10 PM']);
  });

  test('on one date, the first part AM and the second PM are two slots, AM first', () => {
    const joined = expectJoinIsWhole(
      [['A', [mark('2025-01-06', 'AM')]]],
      [['B', [mark('2025-01-06', 'PM')]]]
    );
    expect(slotsOf(joined)).toEqual(['2025-01-06 AM', '2025-01-06 PM']);
  });

  test('on one date, the first part PM and the second AM are two slots, AM first', () => {
    const joined = expectJoinIsWhole(
      [['A', [mark('2025-01-06', 'PM')]]],
      [['B', [mark('2025-01-06', 'AM')]]]
    );
    expect(slotsOf(joined)).toEqual(['2025-01-06 AM', '2025-01-06 PM']);
  });
});

describe('joinCohortRegisters finds the first slot of the 2024 code set', () => {
  test('the first slot on 19 August 2024 (the first day of the 2024 set) is the first of the set', () => {
    const joined = expectJoinIsWhole(
      [['A', [mark('2024-07-15', 'AM'), mark('2024-08-19', 'PM')]]],
      [['B', [mark('2024-07-16', 'PM'), mark('2024-08-20', 'AM')]]]
    );
    expect(slotsOf(joined)).toEqual(['2024-07-15 AM', '2024-07-16 PM', '2024-08-19 PM', '2024-08-20 AM']);
    expect(joined.slots.first2024Index).toBe(2);
  });

  test('slots all before the 2024 set put its first slot at the end', () => {
    const joined = expectJoinIsWhole(
      [['A', [mark('2023-09-04', 'AM')]]],
      [['B', [mark('2023-09-05', 'AM')]]]
    );
    expect(joined.slots.first2024Index).toBe(2);
  });
});

describe('joinCohortRegisters joins the pupils of both parts', () => {
  test('a pupil only in the first part and one only in the second keep their own marks', () => {
    const joined = expectJoinIsWhole(
      [['A', [mark('2025-01-06', 'AM', '/')]]],
      [['C', [mark('2025-01-07', 'AM', 'O')]]]
    );
    expect(joined.pupilIds).toEqual(['A', 'C']);
    expect([...joined.firstSlots]).toEqual([0, 1]);
    expect([...joined.lengths]).toEqual([1, 1]);
  });

  test('pupils with no marks keep their place, with no sessions, in either part', () => {
    const joined = expectJoinIsWhole(
      [
        ['empty first', []],
        ['A', [mark('2025-01-06', 'AM'), mark('2025-01-07', 'AM')]],
        ['empty in both', []],
      ],
      [
        ['empty in both', []],
        ['B', [mark('2025-01-08', 'PM')]],
        ['empty second', []],
      ]
    );
    expect(joined.pupilIds).toEqual(['empty first', 'A', 'empty in both', 'B', 'empty second']);
    expect([...joined.lengths]).toEqual([0, 2, 0, 1, 0]);
    expect(joined.codes.length).toBe(3);
  });

  test('a pupil with no marks in one part and marks in the other keeps the marks', () => {
    const joined = expectJoinIsWhole(
      [
        ['A', []],
        ['B', [mark('2025-01-06', 'AM')]],
      ],
      [['A', [mark('2025-01-07', 'AM', 'O')]]]
    );
    expect([...joined.firstSlots]).toEqual([1, 0]);
    expect([...joined.lengths]).toEqual([1, 1]);
  });

  test("a gap in the second part's span over a session the first part marked keeps the first part's mark", () => {
    // In the second part, A's span runs from 6 to 8 January, with no mark on the 7th (B's slot there).
    const joined = expectJoinIsWhole(
      [['A', [mark('2025-01-07', 'AM', 'O')]]],
      [
        ['A', [mark('2025-01-06', 'AM', '/'), mark('2025-01-08', 'AM', 'I')]],
        ['B', [mark('2025-01-07', 'AM', '/')]],
      ]
    );
    expect([...joined.lengths]).toEqual([3, 1]);
  });

  test('a session marked in both parts is a question for the whole input: the join gives up', () => {
    const first = createCohortRegister([
      ['A', [mark('2025-01-06', 'AM', '/'), mark('2025-01-08', 'AM', '/')]],
    ]);
    const second = createCohortRegister([['A', [mark('2025-01-08', 'AM', 'O')]]]);
    expect(joinCohortRegisters(first, second)).toBeNull();
  });
});

describe('joinCohortRegisters keeps the warnings of both parts', () => {
  test("the first part's warnings, then the second's", () => {
    const first = createCohortRegister(
      [['A', [mark('2025-01-06', 'AM', 'O'), mark('2025-01-06', 'AM', '/')]]],
      {
        duplicates: 'precedence',
      }
    );
    const second = createCohortRegister(
      [['B', [mark('2025-01-07', 'PM', 'I'), mark('2025-01-07', 'PM', 'O')]]],
      {
        duplicates: 'precedence',
      }
    );
    expect(first.warnings).toHaveLength(1);
    expect(second.warnings).toHaveLength(1);
    const joined = joinCohortRegisters(first, second)!;
    expect(joined.warnings).toEqual([...first.warnings, ...second.warnings]);
  });
});
