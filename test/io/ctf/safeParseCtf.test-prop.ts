import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import { safeParseCtf } from '../../../src/io/index.js';
import type { CtfOptions } from '../../../src/io/index.js';
import { AttendanceError } from '../../../src/index.js';
import { CALENDAR, fixtureBytes, fixtureText } from './ctfFixtures.js';

const TEXT = fixtureText('two-pupils.ctf.xml');
const BYTES = fixtureBytes('two-pupils.ctf.xml');

/** Values an untyped caller (JSON, a command line, plain JavaScript) might put in an option. */
const anyValueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    withBigInt: true,
    withNullPrototype: true,
    withBoxedValues: true,
    withMap: true,
    withSet: true,
  }),
  fc.constantFrom<unknown>('calendarDays', 'schoolDays', 'auto', 1, 2, 3, '#', '-', ' ', '', CALENDAR),
  fc.string({ maxLength: 3 }),
  fc.constant(Symbol('option'))
);

/** Option objects with the real option names and any values, plus unknown names. */
const anyOptionsArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    {
      dayModel: anyValueArb,
      calendar: anyValueArb,
      notInSessionCharacter: anyValueArb,
      noMarkCharacter: anyValueArb,
      codeWidth: anyValueArb,
      source: anyValueArb,
    },
    { requiredKeys: [] }
  ),
  fc.object({ withNullPrototype: true, withBigInt: true }),
  anyValueArb
);

function expectResult(run: () => unknown): void {
  let result: unknown;
  expect(() => (result = run())).not.toThrow();
  const { success, error } = result as { success: unknown; error?: unknown };
  expect(typeof success).toBe('boolean');
  if (success === false) expect(error).toBeInstanceOf(AttendanceError);
}

describe('safeParseCtf never throws, whatever the options', () => {
  test.prop([anyOptionsArb])('text input', (options) => {
    expectResult(() => safeParseCtf(TEXT, options as CtfOptions));
  });

  test.prop([anyOptionsArb])('byte input', (options) => {
    expectResult(() => safeParseCtf(BYTES, options as CtfOptions));
  });

  test.prop([anyValueArb, anyOptionsArb])('any input at all', (input, options) => {
    expectResult(() => safeParseCtf(input as string, options as CtfOptions));
  });

  test.prop([anyOptionsArb])(
    'a valid file with valid options reads; an invalid option fails it',
    (options) => {
      const result = safeParseCtf(TEXT, options as CtfOptions);
      // A failure must come from an option, since the file itself is valid.
      if (!result.success) {
        const first = result.error.issues[0];
        expect(first.code).toBe('invalid_value');
        expect(first.path.length === 0 || typeof first.path[0] === 'string').toBe(true);
      }
    }
  );
});
