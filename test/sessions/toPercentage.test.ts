import { describe, expect, test } from 'vitest';
import { AttendanceError, toPercentage } from '../../src/index.js';
import type { RoundingMode, SessionRate } from '../../src/index.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

function rate(numerator: number, denominator: number): SessionRate {
  return { kind: 'rate', numerator, denominator };
}

function textOf(numerator: number, denominator: number, decimals?: number, rounding?: RoundingMode): string {
  const result = toPercentage(rate(numerator, denominator), {
    ...(decimals === undefined ? {} : { decimals }),
    ...(rounding === undefined ? {} : { rounding }),
  });
  if (result.kind !== 'percentage') throw new Error('expected a percentage');
  return result.text;
}

describe('toPercentage defaults (DfE publishes rates to one decimal place)', () => {
  test('one decimal place, half-up', () => {
    expect(toPercentage(rate(38, 380))).toEqual({ kind: 'percentage', text: '10.0', value: 10 });
    expect(toPercentage(rate(38, 381))).toEqual({ kind: 'percentage', text: '10.0', value: 10 });
    expect(toPercentage(rate(1, 3))).toEqual({ kind: 'percentage', text: '33.3', value: 33.3 });
    expect(toPercentage(rate(2, 3))).toEqual({ kind: 'percentage', text: '66.7', value: 66.7 });
    expect(toPercentage(rate(1, 16))).toEqual({ kind: 'percentage', text: '6.3', value: 6.3 });
  });

  test('an empty format is the default format', () => {
    expect(toPercentage(rate(37, 381), {})).toEqual(toPercentage(rate(37, 381)));
    expect(toPercentage(rate(37, 381), { decimals: 1, rounding: 'half-up' })).toEqual(
      toPercentage(rate(37, 381))
    );
  });

  test('no possible sessions stays no possible sessions', () => {
    expect(toPercentage({ kind: 'no-possible-sessions' })).toEqual({ kind: 'no-possible-sessions' });
    expect(toPercentage({ kind: 'no-possible-sessions' }, { decimals: 3, rounding: 'up' })).toEqual({
      kind: 'no-possible-sessions',
    });
  });
});

describe('decimal places', () => {
  test.each([
    [0, '33'],
    [1, '33.3'],
    [2, '33.33'],
    [3, '33.333'],
    [4, '33.3333'],
    [5, '33.33333'],
    [6, '33.333333'],
  ])('1/3 at %i decimals is %s', (decimals, text) => {
    expect(textOf(1, 3, decimals)).toBe(text);
  });

  test.each([
    [0, '67'],
    [1, '66.7'],
    [2, '66.67'],
    [6, '66.666667'],
  ])('2/3 at %i decimals is %s', (decimals, text) => {
    expect(textOf(2, 3, decimals)).toBe(text);
  });

  test('the text always has exactly the asked number of places', () => {
    expect(textOf(0, 380)).toBe('0.0');
    expect(textOf(380, 380)).toBe('100.0');
    expect(textOf(0, 380, 0)).toBe('0');
    expect(textOf(380, 380, 0)).toBe('100');
    expect(textOf(380, 380, 3)).toBe('100.000');
    expect(textOf(0, 1, 6)).toBe('0.000000');
    expect(textOf(1, 2, 2)).toBe('50.00');
    for (let decimals = 0; decimals <= 6; decimals += 1) {
      for (const [numerator, denominator] of [
        [0, 7],
        [1, 7],
        [38, 381],
        [380, 380],
      ] as const) {
        const text = textOf(numerator, denominator, decimals);
        const places = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
        expect(places).toBe(decimals);
      }
    }
  });

  test('small rates keep their leading zero', () => {
    expect(textOf(1, 1000)).toBe('0.1');
    expect(textOf(1, 100_000)).toBe('0.0');
    expect(textOf(1, 100_000, 3)).toBe('0.001');
    expect(textOf(1, 100_000, 2)).toBe('0.00');
    expect(textOf(1, 3000, 2)).toBe('0.03');
  });

  test('value equals Number(text)', () => {
    for (let decimals = 0; decimals <= 6; decimals += 1) {
      for (const [numerator, denominator] of [
        [1, 3],
        [2, 3],
        [38, 381],
        [199, 2000],
        [0, 5],
        [5, 5],
        [68_548_268, 1_299_079_364],
      ] as const) {
        const result = toPercentage(rate(numerator, denominator), { decimals });
        if (result.kind !== 'percentage') throw new Error('expected a percentage');
        expect(result.value).toBe(Number(result.text));
      }
    }
  });

  test.each([-1, 21, 1.5, Number.NaN])('decimals %s throws AttendanceError', (decimals) => {
    const error = attendanceErrorOf(() => toPercentage(rate(1, 3), { decimals }));
    expect(error.issues[0].code).toBe('invalid_value');
    expect(error.issues[0].path).toEqual(['decimals']);
    expect(error.issues[0].received).toBe(String(decimals));
  });

  test('invalid decimals are rejected even when there is no rate to format', () => {
    expect(() => toPercentage({ kind: 'no-possible-sessions' }, { decimals: 21 })).toThrow(AttendanceError);
  });

  test("to as many places as DfE's files carry (13 or 14), and up to 20, exactly", () => {
    // 1 of 3 and 2 of 3: the repeating digits are exact to the last place, rounded by the chosen rule there.
    expect(textOf(1, 3, 14)).toBe('33.33333333333333');
    expect(textOf(2, 3, 13)).toBe('66.6666666666667');
    expect(textOf(2, 3, 20)).toBe('66.66666666666666666667');
    expect(textOf(2, 3, 20, 'down')).toBe('66.66666666666666666666');
    // 1 of 7 = 14.285714…: 20 places from a BigInt division, never from a float.
    expect(textOf(1, 7, 20)).toBe('14.28571428571428571429');
    // A tie at the 20th place: 1 of 2^23 is 0.000011920928955078125 %, 21 places ending in 5.
    expect(textOf(1, 8_388_608, 20, 'half-even')).toBe('0.00001192092895507812');
    expect(textOf(1, 8_388_608, 20, 'half-up')).toBe('0.00001192092895507813');
  });
});

describe('rounding modes on exact ties', () => {
  test('1/8 = 12.5 % at 0 dp: half-up 13, half-even 12, down 12, up 13', () => {
    expect(textOf(1, 8, 0, 'half-up')).toBe('13');
    expect(textOf(1, 8, 0, 'half-even')).toBe('12');
    expect(textOf(1, 8, 0, 'down')).toBe('12');
    expect(textOf(1, 8, 0, 'up')).toBe('13');
  });

  test('3/8 = 37.5 % at 0 dp: half-up 38, half-even 38, down 37, up 38', () => {
    expect(textOf(3, 8, 0, 'half-up')).toBe('38');
    expect(textOf(3, 8, 0, 'half-even')).toBe('38');
    expect(textOf(3, 8, 0, 'down')).toBe('37');
    expect(textOf(3, 8, 0, 'up')).toBe('38');
  });

  test('199/2000 = 9.95 % at 1 dp rounds exactly, not as binary floating point falls', () => {
    expect(textOf(199, 2000, 1, 'half-up')).toBe('10.0');
    expect(textOf(199, 2000)).toBe('10.0');
    expect(textOf(199, 2000, 1, 'half-even')).toBe('10.0');
    expect(textOf(199, 2000, 1, 'down')).toBe('9.9');
    expect(textOf(199, 2000, 1, 'up')).toBe('10.0');
  });

  test('1.005 % at 2 dp half-up is 1.01 (a float would give 1.00)', () => {
    expect(textOf(201, 20_000, 2, 'half-up')).toBe('1.01');
    expect(textOf(201, 20_000, 2, 'half-even')).toBe('1.00');
  });

  test('0.125 % at 2 dp: half-up 0.13, half-even 0.12', () => {
    expect(textOf(1, 800, 2, 'half-up')).toBe('0.13');
    expect(textOf(1, 800, 2, 'half-even')).toBe('0.12');
  });

  test('half-even rounds 0.5 to 0 and 2.5 to 2, half-up to 1 and 3', () => {
    expect(textOf(1, 200, 0, 'half-even')).toBe('0');
    expect(textOf(1, 200, 0, 'half-up')).toBe('1');
    expect(textOf(1, 40, 0, 'half-even')).toBe('2');
    expect(textOf(1, 40, 0, 'half-up')).toBe('3');
  });
});

describe('rounding modes away from ties', () => {
  test('1/3 = 33.33… % at 0 dp: up rounds any remainder up; the others round down', () => {
    expect(textOf(1, 3, 0, 'half-up')).toBe('33');
    expect(textOf(1, 3, 0, 'half-even')).toBe('33');
    expect(textOf(1, 3, 0, 'down')).toBe('33');
    expect(textOf(1, 3, 0, 'up')).toBe('34');
  });

  test('2/3 = 66.66… % at 0 dp: down truncates; the others round up', () => {
    expect(textOf(2, 3, 0, 'half-up')).toBe('67');
    expect(textOf(2, 3, 0, 'half-even')).toBe('67');
    expect(textOf(2, 3, 0, 'down')).toBe('66');
    expect(textOf(2, 3, 0, 'up')).toBe('67');
  });

  test('exact values are never moved by any mode', () => {
    for (const rounding of ['half-up', 'half-even', 'down', 'up'] as const) {
      expect(textOf(38, 380, 1, rounding)).toBe('10.0');
      expect(textOf(0, 380, 1, rounding)).toBe('0.0');
      expect(textOf(380, 380, 1, rounding)).toBe('100.0');
      expect(textOf(1, 8, 1, rounding)).toBe('12.5');
    }
  });

  test('38/381 = 9.97 % at 1 dp: down gives 9.9, the others 10.0', () => {
    expect(textOf(38, 381, 1, 'down')).toBe('9.9');
    expect(textOf(38, 381, 1, 'half-even')).toBe('10.0');
    expect(textOf(38, 381, 1, 'up')).toBe('10.0');
    expect(textOf(38, 381, 2, 'half-up')).toBe('9.97');
  });

  test('a rate a hair under 100 % rounds to 100.0 with half-up, 99.9 with down', () => {
    expect(textOf(1_999_999, 2_000_000, 1, 'half-up')).toBe('100.0');
    expect(textOf(1_999_999, 2_000_000, 1, 'down')).toBe('99.9');
  });
});
