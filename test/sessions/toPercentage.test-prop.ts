import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { countSessions, toAbsenceRate, toAttendanceRate, toPercentage } from '../../src/index.js';
import type { RoundingMode, SessionRate } from '../../src/index.js';
import { countsArb } from '../_arbitraries/counts.js';
import { registerArb } from '../_arbitraries/register.js';

/** An exact rate: numerator 0..denominator, denominator (possible sessions) 1..5000. */
const rateArb = countsArb().map(({ possible, absent }): SessionRate & { kind: 'rate' } => ({
  kind: 'rate',
  numerator: absent,
  denominator: possible,
}));

const decimalsArb = fc.integer({ min: 0, max: 4 });

/** Rates that are, or may well be, exact ties at the given number of decimals: denominators dividing 2·100·10^d. */
const tieRateArb = fc
  .tuple(
    decimalsArb,
    fc.constantFrom(1, 2, 4, 5, 8, 16, 25, 40, 80, 125, 200, 400, 625, 1000, 2000, 2500, 5000),
    fc.nat()
  )
  .map(([decimals, denominator, pick]) => ({
    decimals,
    rate: { kind: 'rate' as const, numerator: pick % (denominator + 1), denominator },
  }));

const anyRateArb = fc.oneof(
  fc.tuple(rateArb, decimalsArb).map(([rate, decimals]) => ({ rate, decimals })),
  tieRateArb
);

/** The percentage text as a whole number of units of the last decimal place, checking its shape first. */
function unitsOf(rate: SessionRate, decimals: number, rounding: RoundingMode): bigint {
  const result = toPercentage(rate, { decimals, rounding });
  if (result.kind !== 'percentage') throw new Error('expected a percentage');
  const shape = decimals === 0 ? /^(0|[1-9]\d*)$/ : new RegExp(`^(0|[1-9]\\d*)\\.\\d{${decimals}}$`);
  expect(result.text).toMatch(shape);
  return BigInt(result.text.replace('.', ''));
}

/** numerator · 100 · 10^decimals: the exact percentage in units of the last decimal place, times the denominator. */
function scaledExact(rate: { numerator: number }, decimals: number): bigint {
  return BigInt(rate.numerator) * 100n * 10n ** BigInt(decimals);
}

test.prop([anyRateArb])(
  'half-up text is within half a unit of the exact percentage',
  ({ rate, decimals }) => {
    const units = unitsOf(rate, decimals, 'half-up');
    const denominator = BigInt(rate.denominator);
    const error = units * denominator - scaledExact(rate, decimals);
    const absolute = error < 0n ? -error : error;
    expect(2n * absolute <= denominator).toBe(true);
    // A tie goes up: the error is then exactly +half a unit, never −half.
    expect(2n * error === -denominator).toBe(false);
  }
);

test.prop([anyRateArb])(
  "'down' <= exact <= 'up', one unit apart unless the percentage is exact",
  ({ rate, decimals }) => {
    const down = unitsOf(rate, decimals, 'down');
    const up = unitsOf(rate, decimals, 'up');
    const denominator = BigInt(rate.denominator);
    const exact = scaledExact(rate, decimals);
    expect(down * denominator <= exact).toBe(true);
    expect(exact <= up * denominator).toBe(true);
    expect(up - down).toBe(exact % denominator === 0n ? 0n : 1n);
  }
);

test.prop([anyRateArb])(
  'half-even and half-up differ only on exact ties, where half-even keeps the even digit',
  ({ rate, decimals }) => {
    const halfUp = unitsOf(rate, decimals, 'half-up');
    const halfEven = unitsOf(rate, decimals, 'half-even');
    const denominator = BigInt(rate.denominator);
    const exact = scaledExact(rate, decimals);
    const tie = 2n * (exact % denominator) === denominator;
    if (!tie) expect(halfEven).toBe(halfUp);
    else {
      const floor = exact / denominator;
      expect(halfUp).toBe(floor + 1n);
      expect(halfEven).toBe(floor % 2n === 0n ? floor : floor + 1n);
    }
  }
);

test.prop([anyRateArb, fc.constantFrom<RoundingMode>('half-up', 'half-even', 'down', 'up')])(
  'the text has exactly `decimals` decimals and the value is the number it shows',
  ({ rate, decimals }, rounding) => {
    const result = toPercentage(rate, { decimals, rounding });
    if (result.kind !== 'percentage') throw new Error('expected a percentage');
    const fraction = result.text.split('.')[1];
    expect(fraction?.length ?? 0).toBe(decimals);
    expect(result.value).toBe(Number(result.text));
  }
);

test.prop([countsArb()])(
  'attendance and absence rates share the denominator and their numerators add up to it (100 % exactly)',
  ({ possible, absent }) => {
    const counts = { possible, attended: possible - absent, absent };
    const attendance = toAttendanceRate(counts);
    const absence = toAbsenceRate(counts);
    if (attendance.kind !== 'rate' || absence.kind !== 'rate') throw new Error('expected rates');
    expect(attendance.denominator).toBe(possible);
    expect(absence.denominator).toBe(possible);
    expect(attendance.numerator + absence.numerator).toBe(attendance.denominator);
  }
);

test.prop([registerArb({ maxLength: 60 })])(
  "a register's attendance and absence rates add up to exactly 100 %, or both say there were no possible sessions",
  (register) => {
    const counts = countSessions(register);
    const attendance = toAttendanceRate(counts);
    const absence = toAbsenceRate(counts);
    if (attendance.kind === 'rate' && absence.kind === 'rate') {
      expect(attendance.denominator).toBe(absence.denominator);
      expect(attendance.numerator + absence.numerator).toBe(attendance.denominator);
    } else {
      expect(counts.possible).toBe(0);
      expect([attendance.kind, absence.kind]).toEqual(['no-possible-sessions', 'no-possible-sessions']);
    }
  }
);

test.prop([countsArb(), decimalsArb])(
  "attendance rounded 'down' and absence rounded 'up' add up to exactly 100",
  ({ possible, absent }, decimals) => {
    const counts = { possible, attended: possible - absent, absent };
    const attendance = unitsOf(toAttendanceRate(counts), decimals, 'down');
    const absence = unitsOf(toAbsenceRate(counts), decimals, 'up');
    expect(attendance + absence).toBe(100n * 10n ** BigInt(decimals));
  }
);
