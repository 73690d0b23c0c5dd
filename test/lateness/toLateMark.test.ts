import { describe, expect, test } from 'vitest';
import { AttendanceError, defineLatenessPolicy, HCAT_LATENESS_POLICY, toLateMark } from '../../src/index.js';
import type { LatenessPolicy } from '../../src/index.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

describe('toLateMark: the trust policy (register opens 09:00, closes 09:30)', () => {
  test('worked example: arriving at 09:10 is L, 10 minutes late (present)', () => {
    expect(toLateMark('09:10', 'AM', HCAT_LATENESS_POLICY)).toEqual({ code: 'L', minutesLate: 10 });
  });

  test('worked example: arriving at 09:35 is U, after the register closed', () => {
    expect(toLateMark('09:35', 'AM', HCAT_LATENESS_POLICY)).toEqual({ code: 'U', minutesLate: 35 });
  });

  test('arriving exactly when the register opens (09:00) is on time', () => {
    expect(toLateMark('09:00', 'AM', HCAT_LATENESS_POLICY)).toEqual({ code: '/', minutesLate: 0 });
  });

  test('one minute after the register opens (09:01) is late', () => {
    expect(toLateMark('09:01', 'AM', HCAT_LATENESS_POLICY)).toEqual({ code: 'L', minutesLate: 1 });
  });

  test('arriving exactly when the register closes (09:30) is still L', () => {
    expect(toLateMark('09:30', 'AM', HCAT_LATENESS_POLICY)).toEqual({ code: 'L', minutesLate: 30 });
  });

  test('one minute after the register closes (09:31) is U', () => {
    expect(toLateMark('09:31', 'AM', HCAT_LATENESS_POLICY)).toEqual({ code: 'U', minutesLate: 31 });
  });

  test('arriving before the register opens is on time with 0 minutes late', () => {
    expect(toLateMark('08:15', 'AM', HCAT_LATENESS_POLICY)).toEqual({ code: '/', minutesLate: 0 });
    expect(toLateMark('00:00', 'AM', HCAT_LATENESS_POLICY)).toEqual({ code: '/', minutesLate: 0 });
  });

  test('minutes late for U still count from when the register opened', () => {
    expect(toLateMark('11:05', 'AM', HCAT_LATENESS_POLICY)).toEqual({ code: 'U', minutesLate: 125 });
    expect(toLateMark('23:59', 'AM', HCAT_LATENESS_POLICY)).toEqual({ code: 'U', minutesLate: 899 });
  });
});

describe('toLateMark: sessions', () => {
  test('on time in the afternoon is \\ (present, PM), not /', () => {
    expect(toLateMark('09:00', 'PM', HCAT_LATENESS_POLICY)).toEqual({ code: '\\', minutesLate: 0 });
  });

  test('without an afternoon register, afternoon arrivals are read against the same times', () => {
    expect(toLateMark('09:20', 'PM', HCAT_LATENESS_POLICY)).toEqual({ code: 'L', minutesLate: 20 });
  });

  test('with an afternoon register, afternoon arrivals are read against its times', () => {
    const policy: LatenessPolicy = defineLatenessPolicy({
      ...HCAT_LATENESS_POLICY,
      afternoonRegister: { registerOpens: '13:15', registerCloses: '13:30' },
    });
    expect(toLateMark('13:15', 'PM', policy)).toEqual({ code: '\\', minutesLate: 0 });
    expect(toLateMark('13:16', 'PM', policy)).toEqual({ code: 'L', minutesLate: 1 });
    expect(toLateMark('13:30', 'PM', policy)).toEqual({ code: 'L', minutesLate: 15 });
    expect(toLateMark('13:31', 'PM', policy)).toEqual({ code: 'U', minutesLate: 16 });
    // The morning keeps its own times.
    expect(toLateMark('09:20', 'AM', policy)).toEqual({ code: 'L', minutesLate: 20 });
  });

  test('a register open for one minute: only that minute is L', () => {
    const policy = defineLatenessPolicy({
      ...HCAT_LATENESS_POLICY,
      registerOpens: '08:45',
      registerCloses: '08:46',
    });
    expect(toLateMark('08:45', 'AM', policy).code).toBe('/');
    expect(toLateMark('08:46', 'AM', policy).code).toBe('L');
    expect(toLateMark('08:47', 'AM', policy).code).toBe('U');
  });
});

describe('toLateMark: invalid times', () => {
  test.each(['9:10', '09:10:00', '24:00', '09:60', '', 'ab:cd', '0910', '09-10', ' 09:10', '+9:10'])(
    'an arrival of %j is an AttendanceError naming the value',
    (arrival) => {
      const error = attendanceErrorOf(() => toLateMark(arrival, 'AM', HCAT_LATENESS_POLICY));
      expect(error).toBeInstanceOf(AttendanceError);
      expect(error.issues).toHaveLength(1);
      expect(error.issues[0]).toMatchObject({
        code: 'invalid_value',
        severity: 'error',
        path: ['arrival'],
        field: 'arrival',
        session: 'AM',
        received: arrival,
      });
      expect(error.message).toContain(`"${arrival}"`);
    }
  );

  test('a policy time that is not HH:MM (a policy not checked by defineLatenessPolicy) is reported with its path', () => {
    const policy = { ...HCAT_LATENESS_POLICY, registerCloses: '9.30' };
    const error = attendanceErrorOf(() => toLateMark('09:10', 'AM', policy));
    expect(error.issues[0]).toMatchObject({ path: ['policy', 'registerCloses'], received: '9.30' });
  });

  test('an afternoon register time that is not HH:MM is reported for afternoon arrivals only', () => {
    const policy = {
      ...HCAT_LATENESS_POLICY,
      afternoonRegister: { registerOpens: '1.15pm', registerCloses: '13:30' },
    };
    expect(toLateMark('09:10', 'AM', policy).code).toBe('L');
    const error = attendanceErrorOf(() => toLateMark('13:20', 'PM', policy));
    expect(error.issues[0]).toMatchObject({
      path: ['policy', 'afternoonRegister', 'registerOpens'],
      field: 'registerOpens',
      received: '1.15pm',
    });
  });
});
