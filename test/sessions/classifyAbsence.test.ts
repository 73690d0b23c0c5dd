import { describe, expect, test } from 'vitest';
import {
  AttendanceError,
  classifyAbsence,
  definePolicy,
  DFE_2005_TO_2010_POLICY,
  DFE_2010_TO_2015_POLICY,
  DFE_LIVE_FIGURES_POLICY,
  DFE_POLICY,
  HCAT_POLICY,
  isPersistentlyAbsent,
  isSeverelyAbsent,
  toAbsenceRate,
  toPercentage,
} from '../../src/index.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

describe('persistent absence (DfE: 10 % or more of possible sessions, on the unrounded rate)', () => {
  test('38 of 380 is exactly 10 % and is persistent absence', () => {
    expect(isPersistentlyAbsent({ possible: 380, absent: 38 })).toBe(true);
    expect(classifyAbsence({ possible: 380, absent: 38 })).toBe('persistent');
  });

  test('38 of 381 displays as 10.0 % but is not persistent absence', () => {
    const counts = { possible: 381, absent: 38 };
    expect(toPercentage(toAbsenceRate(counts))).toEqual({ kind: 'percentage', text: '10.0', value: 10 });
    expect(isPersistentlyAbsent(counts)).toBe(false);
    expect(classifyAbsence(counts)).toBe('none');
  });

  test('37 of 370 is exactly 10 % and is persistent absence', () => {
    expect(isPersistentlyAbsent({ possible: 370, absent: 37 })).toBe(true);
    expect(classifyAbsence({ possible: 370, absent: 37 })).toBe('persistent');
  });

  test('just under and just over the line', () => {
    expect(isPersistentlyAbsent({ possible: 380, absent: 37 })).toBe(false);
    expect(isPersistentlyAbsent({ possible: 380, absent: 39 })).toBe(true);
    expect(isPersistentlyAbsent({ possible: 10, absent: 1 })).toBe(true);
    expect(isPersistentlyAbsent({ possible: 11, absent: 1 })).toBe(false);
    expect(isPersistentlyAbsent({ possible: 1, absent: 1 })).toBe(true);
    expect(isPersistentlyAbsent({ possible: 1, absent: 0 })).toBe(false);
  });

  test('works exactly on large whole-school totals', () => {
    expect(isPersistentlyAbsent({ possible: 1_000_000_000, absent: 100_000_000 })).toBe(true);
    expect(isPersistentlyAbsent({ possible: 1_000_000_001, absent: 100_000_000 })).toBe(false);
  });
});

describe('severe absence (DfE: 50 % or more of possible sessions)', () => {
  test('190 of 380 is exactly 50 % and is severe absence', () => {
    expect(isSeverelyAbsent({ possible: 380, absent: 190 })).toBe(true);
    expect(classifyAbsence({ possible: 380, absent: 190 })).toBe('severe');
  });

  test('190 of 381 is under 50 %: not severe, but persistent', () => {
    expect(isSeverelyAbsent({ possible: 381, absent: 190 })).toBe(false);
    expect(classifyAbsence({ possible: 381, absent: 190 })).toBe('persistent');
  });

  test('severe absence is also persistent absence', () => {
    expect(isPersistentlyAbsent({ possible: 380, absent: 190 })).toBe(true);
    expect(classifyAbsence({ possible: 380, absent: 380 })).toBe('severe');
  });
});

describe('no possible sessions', () => {
  test('an enrolment with 0 possible sessions is never flagged', () => {
    expect(isPersistentlyAbsent({ possible: 0, absent: 0 })).toBe(false);
    expect(isSeverelyAbsent({ possible: 0, absent: 0 })).toBe(false);
    expect(classifyAbsence({ possible: 0, absent: 0 })).toBe('none');
  });

  test('even a policy with a minimum of 0 possible sessions does not flag 0 of 0', () => {
    const policy = definePolicy({
      persistentAbsence: { minimumPossibleSessions: 0 },
      severeAbsence: { minimumPossibleSessions: 0 },
    });
    expect(classifyAbsence({ possible: 0, absent: 0 }, policy)).toBe('none');
  });

  test('no absence at all is none', () => {
    expect(classifyAbsence({ possible: 380, absent: 0 })).toBe('none');
  });
});

describe('policy options', () => {
  test('comparison "more-than": exactly 10 % is not persistent absence, more than 10 % is', () => {
    const policy = definePolicy({ persistentAbsence: { comparison: 'more-than' } });
    expect(isPersistentlyAbsent({ possible: 380, absent: 38 }, policy)).toBe(false);
    expect(isPersistentlyAbsent({ possible: 380, absent: 39 }, policy)).toBe(true);
    expect(classifyAbsence({ possible: 380, absent: 38 }, policy)).toBe('none');
    expect(classifyAbsence({ possible: 380, absent: 39 }, policy)).toBe('persistent');
  });

  test('comparison "more-than" on severe absence: exactly 50 % is only persistent', () => {
    const policy = definePolicy({ severeAbsence: { comparison: 'more-than' } });
    expect(isSeverelyAbsent({ possible: 380, absent: 190 }, policy)).toBe(false);
    expect(classifyAbsence({ possible: 380, absent: 190 }, policy)).toBe('persistent');
    expect(classifyAbsence({ possible: 380, absent: 191 }, policy)).toBe('severe');
  });

  test('the 2010/11 to 2014/15 threshold of 15 %', () => {
    expect(isPersistentlyAbsent({ possible: 380, absent: 57 }, DFE_2010_TO_2015_POLICY)).toBe(true);
    expect(isPersistentlyAbsent({ possible: 380, absent: 56 }, DFE_2010_TO_2015_POLICY)).toBe(false);
    expect(isPersistentlyAbsent({ possible: 380, absent: 50 }, DFE_2010_TO_2015_POLICY)).toBe(false);
    expect(classifyAbsence({ possible: 380, absent: 38 }, DFE_2010_TO_2015_POLICY)).toBe('none');
    expect(classifyAbsence({ possible: 380, absent: 190 }, DFE_2010_TO_2015_POLICY)).toBe('severe');
  });

  test('the 2005/06 to 2009/10 threshold of 20 %', () => {
    expect(isPersistentlyAbsent({ possible: 380, absent: 76 }, DFE_2005_TO_2010_POLICY)).toBe(true);
    expect(isPersistentlyAbsent({ possible: 380, absent: 75 }, DFE_2005_TO_2010_POLICY)).toBe(false);
    expect(classifyAbsence({ possible: 380, absent: 57 }, DFE_2005_TO_2010_POLICY)).toBe('none');
  });

  test('DfE live figures leave out enrolments with 10 or fewer possible sessions', () => {
    expect(classifyAbsence({ possible: 10, absent: 10 }, DFE_LIVE_FIGURES_POLICY)).toBe('none');
    expect(isPersistentlyAbsent({ possible: 10, absent: 5 }, DFE_LIVE_FIGURES_POLICY)).toBe(false);
    expect(isSeverelyAbsent({ possible: 10, absent: 5 }, DFE_LIVE_FIGURES_POLICY)).toBe(false);
    expect(classifyAbsence({ possible: 11, absent: 2 }, DFE_LIVE_FIGURES_POLICY)).toBe('persistent');
    expect(classifyAbsence({ possible: 11, absent: 6 }, DFE_LIVE_FIGURES_POLICY)).toBe('severe');
    // The default DfE policy flags the same short enrolment.
    expect(classifyAbsence({ possible: 10, absent: 5 }, DFE_POLICY)).toBe('severe');
  });

  test('a threshold with two decimal places is compared exactly', () => {
    const policy = definePolicy({ persistentAbsence: { percent: 12.25 } });
    expect(isPersistentlyAbsent({ possible: 400, absent: 49 }, policy)).toBe(true);
    expect(isPersistentlyAbsent({ possible: 401, absent: 49 }, policy)).toBe(false);
  });

  test('the trust preset uses the DfE thresholds', () => {
    expect(classifyAbsence({ possible: 380, absent: 38 }, HCAT_POLICY)).toBe('persistent');
    expect(classifyAbsence({ possible: 381, absent: 38 }, HCAT_POLICY)).toBe('none');
    expect(classifyAbsence({ possible: 380, absent: 190 }, HCAT_POLICY)).toBe('severe');
  });
});

describe('invalid counts', () => {
  const invalid = [
    { possible: 10, absent: 11 },
    { possible: 10, absent: -1 },
    { possible: -1, absent: 0 },
    { possible: 10.5, absent: 1 },
    { possible: 10, absent: 1.5 },
    { possible: Number.NaN, absent: 1 },
    { possible: Number.POSITIVE_INFINITY, absent: 1 },
  ];

  test.each(invalid)('possible $possible, absent $absent throws invalid_counts', (counts) => {
    for (const classify of [isPersistentlyAbsent, isSeverelyAbsent, classifyAbsence]) {
      const error = attendanceErrorOf(() => classify(counts));
      expect(error.issues[0].code).toBe('invalid_counts');
      expect(error.issues[0].severity).toBe('error');
    }
  });

  test('the error says what was received', () => {
    const error = attendanceErrorOf(() => classifyAbsence({ possible: 10, absent: 11 }));
    expect(error.issues[0].received).toContain('11');
    expect(error.issues[0].received).toContain('10');
  });

  test('invalid counts throw even under a policy that would leave the enrolment out', () => {
    expect(() => classifyAbsence({ possible: 5, absent: 6 }, DFE_LIVE_FIGURES_POLICY)).toThrow(
      AttendanceError
    );
  });
});
