import { describe, expect, test } from 'vitest';
import {
  countSessions,
  isoDate,
  toAbsenceRate,
  toAttendanceRate,
  toAuthorisedAbsenceRate,
  toPercentage,
  toUnauthorisedAbsenceRate,
} from '../../src/index.js';
import type { SessionRate } from '../../src/index.js';

describe('rates as exact fractions of possible sessions', () => {
  test('attendance rate is attended / possible', () => {
    expect(toAttendanceRate({ attended: 342, possible: 380 })).toEqual({
      kind: 'rate',
      numerator: 342,
      denominator: 380,
    });
  });

  test('absence rate is absent / possible', () => {
    expect(toAbsenceRate({ absent: 38, possible: 380 })).toEqual({
      kind: 'rate',
      numerator: 38,
      denominator: 380,
    });
  });

  test('authorised absence rate is authorised / possible', () => {
    expect(toAuthorisedAbsenceRate({ authorised: 20, possible: 380 })).toEqual({
      kind: 'rate',
      numerator: 20,
      denominator: 380,
    });
  });

  test('unauthorised absence rate is unauthorised / possible', () => {
    expect(toUnauthorisedAbsenceRate({ unauthorised: 18, possible: 380 })).toEqual({
      kind: 'rate',
      numerator: 18,
      denominator: 380,
    });
  });

  test('fractions are kept in whole sessions, not reduced or turned into floats', () => {
    expect(toAbsenceRate({ absent: 1, possible: 3 })).toEqual({ kind: 'rate', numerator: 1, denominator: 3 });
    expect(toAttendanceRate({ attended: 0, possible: 7 })).toEqual({
      kind: 'rate',
      numerator: 0,
      denominator: 7,
    });
    expect(toAttendanceRate({ attended: 7, possible: 7 })).toEqual({
      kind: 'rate',
      numerator: 7,
      denominator: 7,
    });
  });

  test('rates from a counted register: / \\ L L U I M G Y1 #', () => {
    const codes = ['/', '\\', 'L', 'L', 'U', 'I', 'M', 'G', 'Y1', '#'];
    const counts = countSessions(
      codes.map((code, index) => ({
        date: isoDate(`2024-09-0${2 + Math.floor(index / 2)}`),
        session: index % 2 === 0 ? ('AM' as const) : ('PM' as const),
        code,
      }))
    );
    expect(toAttendanceRate(counts)).toEqual({ kind: 'rate', numerator: 4, denominator: 8 });
    expect(toAbsenceRate(counts)).toEqual({ kind: 'rate', numerator: 4, denominator: 8 });
    expect(toAuthorisedAbsenceRate(counts)).toEqual({ kind: 'rate', numerator: 2, denominator: 8 });
    expect(toUnauthorisedAbsenceRate(counts)).toEqual({ kind: 'rate', numerator: 2, denominator: 8 });
  });

  test('attendance and absence rates share the denominator and add up to the whole', () => {
    const counts = { possible: 370, attended: 333, absent: 37, authorised: 25, unauthorised: 12 };
    const attendance = toAttendanceRate(counts);
    const absence = toAbsenceRate(counts);
    const authorised = toAuthorisedAbsenceRate(counts);
    const unauthorised = toUnauthorisedAbsenceRate(counts);
    if (
      attendance.kind !== 'rate' ||
      absence.kind !== 'rate' ||
      authorised.kind !== 'rate' ||
      unauthorised.kind !== 'rate'
    )
      throw new Error('expected rates');
    expect(attendance.numerator + absence.numerator).toBe(370);
    expect(authorised.numerator + unauthorised.numerator).toBe(absence.numerator);
    expect(new Set([attendance, absence, authorised, unauthorised].map((rate) => rate.denominator))).toEqual(
      new Set([370])
    );
  });
});

describe('zero possible sessions', () => {
  const none: SessionRate = { kind: 'no-possible-sessions' };

  test('every rate says there were no possible sessions, never NaN', () => {
    expect(toAttendanceRate({ attended: 0, possible: 0 })).toEqual(none);
    expect(toAbsenceRate({ absent: 0, possible: 0 })).toEqual(none);
    expect(toAuthorisedAbsenceRate({ authorised: 0, possible: 0 })).toEqual(none);
    expect(toUnauthorisedAbsenceRate({ unauthorised: 0, possible: 0 })).toEqual(none);
  });

  test('a register of only not-possible and unmarked sessions has no rate and no percentage', () => {
    const counts = countSessions([
      { date: isoDate('2024-09-02'), session: 'AM', code: '#' },
      { date: isoDate('2024-09-02'), session: 'PM', code: '-' },
      { date: isoDate('2024-09-03'), session: 'AM', code: 'Y4' },
    ]);
    expect(toAttendanceRate(counts)).toEqual(none);
    expect(toAbsenceRate(counts)).toEqual(none);
    expect(toPercentage(toAttendanceRate(counts))).toEqual({ kind: 'no-possible-sessions' });
    expect(JSON.stringify(toAbsenceRate(counts))).not.toContain('NaN');
    expect(JSON.stringify(toAbsenceRate(counts))).not.toContain('null');
  });
});

describe('the DfE national primary figures (2025/26 year to date)', () => {
  const possible = 1_299_079_364;
  const overallAbsence = 68_548_268;

  test('overall absence 68,548,268 of 1,299,079,364 possible sessions is 5.2767 %', () => {
    const rate = toAbsenceRate({ absent: overallAbsence, possible });
    expect(rate).toEqual({ kind: 'rate', numerator: overallAbsence, denominator: possible });
    expect(toPercentage(rate, { decimals: 4 })).toEqual({
      kind: 'percentage',
      text: '5.2767',
      value: 5.2767,
    });
    expect(toPercentage(rate)).toEqual({ kind: 'percentage', text: '5.3', value: 5.3 });
  });

  test('attendance is 94.7233 %', () => {
    const rate = toAttendanceRate({ attended: possible - overallAbsence, possible });
    expect(toPercentage(rate, { decimals: 4 })).toEqual({
      kind: 'percentage',
      text: '94.7233',
      value: 94.7233,
    });
    expect(toPercentage(rate)).toEqual({ kind: 'percentage', text: '94.7', value: 94.7 });
  });
});
