import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  AttendanceError,
  defineBandTable,
  defineEscalationPolicy,
  defineLatenessPolicy,
  definePolicy,
  defineSchoolCalendar,
  HCAT_LATENESS_POLICY,
  HCAT_POLICY,
  HCAT_RAG_BANDS,
  parseSessionMarks,
  safeDefineBandTable,
  safeDefineLatenessPolicy,
  safeDefinePolicy,
  safeDefineSchoolCalendar,
  safeParseSessionMarks,
} from '../../src/index.js';
import type { SafeResult } from '../../src/index.js';
import { safeDefineEscalationPolicy } from '../../src/escalation/safeDefineEscalationPolicy.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };
import { anyValueArb } from '../_arbitraries/anyValue.js';

// Whatever a safe validator is given it answers, and never throws; its throwing twin throws exactly when the safe
// one fails, and then only the same AttendanceError. Values are any JavaScript value (with BigInts, boxed values,
// dates, maps, sets, typed arrays, sparse arrays, objects without a prototype), values that contain themselves,
// values nested thousands of levels deep, functions and symbols; each is tried as the whole input and in the
// fields where configuration files put settings.

/** A value that contains itself, somewhere inside an object or an array. */
const circularArb = fc.tuple(anyValueArb, fc.boolean()).map(([inner, asArray]) => {
  if (asArray) {
    const array: unknown[] = [inner];
    array.push([array]);
    return array;
  }
  const object: Record<string, unknown> = { inner };
  object['self'] = { again: object };
  return object;
});

/** A value nested up to 6,000 levels deep in objects or arrays. */
const deepArb = fc
  .tuple(fc.integer({ min: 1, max: 6000 }), fc.boolean(), anyValueArb)
  .map(([depth, inArrays, inner]) => {
    let value: unknown = inner;
    for (let level = 0; level < depth; level += 1) value = inArrays ? [value] : { percent: value };
    return value;
  });

const oddArb = fc.constantFrom<unknown>(12n, -0, Number.NaN, Symbol('odd'), () => 1, undefined, null, '');

const valueArb = fc.oneof(anyValueArb, circularArb, deepArb, oddArb);

const GOOD_MARK = { pupilId: 'P1', date: '2024-09-02', session: 'AM', code: '/' };

interface Validator {
  readonly name: string;
  readonly safe: (...args: never[]) => SafeResult<unknown>;
  readonly strict: (...args: never[]) => unknown;
  /** Where the value goes: the arguments to call both functions with. */
  readonly places: readonly ((value: unknown) => readonly unknown[])[];
}

const VALIDATORS: readonly Validator[] = [
  {
    name: 'definePolicy',
    safe: safeDefinePolicy,
    strict: definePolicy,
    places: [
      (value) => [value],
      (value) => [{ name: value }],
      (value) => [{ persistentAbsence: value }],
      (value) => [{ severeAbsence: { percent: value } }],
      (value) => [{ display: value }],
      (value) => [{ bands: value }],
      (value) => [{ penaltyNotice: value }],
      (value) => [{}, value],
      (value) => [{ persistentAbsence: { percent: 12 } }, { ...HCAT_POLICY, persistentAbsence: value }],
    ],
  },
  {
    name: 'defineSchoolCalendar',
    safe: safeDefineSchoolCalendar,
    strict: defineSchoolCalendar,
    places: [
      (value) => [value],
      (value) => [{ ...exampleCalendar, name: value }],
      (value) => [{ ...exampleCalendar, years: value }],
      (value) => [{ ...exampleCalendar, closures: [value] }],
    ],
  },
  {
    name: 'defineBandTable',
    safe: safeDefineBandTable,
    strict: defineBandTable,
    places: [
      (value) => [value],
      (value) => [{ ...HCAT_RAG_BANDS, id: value }],
      (value) => [{ ...HCAT_RAG_BANDS, bands: [value] }],
    ],
  },
  {
    name: 'defineLatenessPolicy',
    safe: safeDefineLatenessPolicy,
    strict: defineLatenessPolicy,
    places: [
      (value) => [value],
      (value) => [{ ...HCAT_LATENESS_POLICY, registerOpens: value }],
      (value) => [{ ...HCAT_LATENESS_POLICY, afternoonRegister: value }],
      (value) => [{ ...HCAT_LATENESS_POLICY, halfTermActions: [value] }],
    ],
  },
  {
    name: 'defineEscalationPolicy',
    safe: safeDefineEscalationPolicy,
    strict: defineEscalationPolicy,
    places: [(value) => [value], (value) => [{ monitoringWeeks: value }], (value) => [{}, value]],
  },
  {
    name: 'parseSessionMarks',
    safe: safeParseSessionMarks,
    strict: parseSessionMarks,
    places: [
      (value) => [value],
      (value) => [[GOOD_MARK, value]],
      (value) => [[{ ...GOOD_MARK, date: value }]],
      (value) => [[{ ...GOOD_MARK, code: value }]],
    ],
  },
];

describe.each(VALIDATORS)('$name', ({ safe, strict, places }) => {
  const placeArb = fc.integer({ min: 0, max: places.length - 1 });

  test.prop([valueArb, placeArb])('the safe form never throws, and describes what it got', (value, place) => {
    const args = places[place]!(value) as never[];
    const result = safe(...args);
    expect(typeof result.success).toBe('boolean');
    if (result.success) return;
    expect(result.error).toBeInstanceOf(AttendanceError);
    expect(result.error.issues.length).toBeGreaterThan(0);
    for (const issue of result.error.issues) {
      expect(typeof issue.message).toBe('string');
      if (issue.received !== undefined) expect(issue.received.length).toBeLessThanOrEqual(80);
    }
  });

  test.prop([valueArb, placeArb])(
    'the throwing form throws only an AttendanceError, exactly when the safe form fails',
    (value, place) => {
      const args = places[place]!(value) as never[];
      const result = safe(...args);
      let thrown: unknown;
      let threw = false;
      try {
        strict(...args);
      } catch (error) {
        thrown = error;
        threw = true;
      }
      expect(threw).toBe(!result.success);
      if (!threw) return;
      expect(thrown).toBeInstanceOf(AttendanceError);
      if (!result.success) expect((thrown as AttendanceError).issues).toEqual(result.error.issues);
    }
  );
});
