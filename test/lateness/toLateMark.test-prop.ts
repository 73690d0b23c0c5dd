import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import { defineLatenessPolicy, HCAT_LATENESS_POLICY, toLateMark } from '../../src/index.js';
import type { LatenessPolicy, Session } from '../../src/index.js';

const MINUTES_IN_DAY = 24 * 60;
const MAXIMUM_OPEN_MINUTES = 30;

/** A minute of the day as HH:MM. */
function clock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** Register times as minutes: opens, and closes 1 to 30 minutes later, within the day. */
const registerArb = fc
  .integer({ min: 0, max: MINUTES_IN_DAY - 2 })
  .chain((opens) =>
    fc
      .integer({ min: opens + 1, max: Math.min(opens + MAXIMUM_OPEN_MINUTES, MINUTES_IN_DAY - 1) })
      .map((closes) => ({ opens, closes }))
  );

const sessionArb = fc.constantFrom<Session>('AM', 'PM');
const minuteArb = fc.integer({ min: 0, max: MINUTES_IN_DAY - 1 });

function policyOf(opens: number, closes: number): LatenessPolicy {
  return defineLatenessPolicy({
    ...HCAT_LATENESS_POLICY,
    registerOpens: clock(opens),
    registerCloses: clock(closes),
  });
}

test.prop([registerArb, minuteArb, sessionArb])(
  'on time at or before the register opens, L after it up to and including its close, U after',
  ({ opens, closes }, arrival, session) => {
    const { code } = toLateMark(clock(arrival), session, policyOf(opens, closes));
    const expected = arrival <= opens ? (session === 'AM' ? '/' : '\\') : arrival <= closes ? 'L' : 'U';
    expect(code).toBe(expected);
  }
);

test.prop([registerArb, minuteArb, sessionArb])(
  'minutes late are the minutes after the register opened when late, 0 when on time',
  ({ opens, closes }, arrival, session) => {
    const { minutesLate } = toLateMark(clock(arrival), session, policyOf(opens, closes));
    expect(minutesLate).toBe(arrival <= opens ? 0 : arrival - opens);
    expect(Number.isInteger(minutesLate)).toBe(true);
  }
);

const LATENESS_RANK = { '/': 0, '\\': 0, L: 1, U: 2 } as const;

test.prop([registerArb, minuteArb, minuteArb, sessionArb])(
  'arriving later never gives an earlier code or fewer minutes late',
  ({ opens, closes }, first, second, session) => {
    const policy = policyOf(opens, closes);
    const [earlier, later] = first <= second ? [first, second] : [second, first];
    const early = toLateMark(clock(earlier), session, policy);
    const late = toLateMark(clock(later), session, policy);
    expect(LATENESS_RANK[late.code]).toBeGreaterThanOrEqual(LATENESS_RANK[early.code]);
    expect(late.minutesLate).toBeGreaterThanOrEqual(early.minutesLate);
  }
);

test.prop([registerArb, minuteArb])(
  'an afternoon register decides afternoon arrivals and leaves the morning alone',
  ({ opens, closes }, arrival) => {
    const morning = policyOf(9 * 60, 9 * 60 + 30);
    const split = defineLatenessPolicy({
      ...morning,
      afternoonRegister: { registerOpens: clock(opens), registerCloses: clock(closes) },
    });
    expect(toLateMark(clock(arrival), 'AM', split)).toEqual(toLateMark(clock(arrival), 'AM', morning));
    expect(toLateMark(clock(arrival), 'PM', split)).toEqual(
      toLateMark(clock(arrival), 'PM', policyOf(opens, closes))
    );
  }
);

test('every minute of the day under the trust policy: on time to 09:00, L to 09:30, U after', () => {
  const opens = 9 * 60;
  const closes = opens + 30;
  const wrong: string[] = [];
  for (let minute = 0; minute < MINUTES_IN_DAY; minute += 1) {
    const { code, minutesLate } = toLateMark(clock(minute), 'AM', HCAT_LATENESS_POLICY);
    const expectedCode = minute <= opens ? '/' : minute <= closes ? 'L' : 'U';
    const expectedMinutes = minute <= opens ? 0 : minute - opens;
    if (code !== expectedCode || minutesLate !== expectedMinutes)
      wrong.push(`${clock(minute)} ${code} ${minutesLate}`);
  }
  expect(wrong).toEqual([]);
});
