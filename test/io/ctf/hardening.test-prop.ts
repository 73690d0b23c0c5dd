import fc from 'fast-check';
import { describe, expect } from 'vitest';
import { test } from '@fast-check/vitest';
import { importCtf, parseCtf, readCtf, safeParseCtf } from '../../../src/io/index.js';
import type { CtfOptions } from '../../../src/io/index.js';
import { AttendanceError } from '../../../src/index.js';
import { CALENDAR, fixtureBytes } from './ctfFixtures.js';

const SEEDS = ['two-pupils.ctf.xml', 'synthetic-example.ctf.xml', 'latin1.ctf.xml', 'utf8-bom.ctf.xml'].map(
  (name) => fixtureBytes(name)
);
const encoder = new TextEncoder();

/** Hostile stretches of bytes: stray Latin-1 and UTF-8 fragments, NULs, BOMs, line ends, long runs, nesting, entities. */
const hostileArb: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc
    .constantFrom(
      [0xe9],
      [0xff],
      [0xc3],
      [0x80],
      [0xf0, 0x9f, 0x98],
      [0x00],
      [0xef, 0xbb, 0xbf],
      [0x0d],
      [0x0d, 0x0a],
      [0xfe, 0xff]
    )
    .map((bytes) => new Uint8Array(bytes)),
  fc
    .tuple(
      fc.constantFrom('x', '9', '<', ' \n', '/\\', '&lol;', '<a>', '</a>', '\0'),
      fc.integer({ min: 1, max: 600 })
    )
    .map(([unit, count]) => encoder.encode(unit.repeat(count))),
  fc
    .constantFrom(
      '<!DOCTYPE CTfile [<!ENTITY lol "lollollol">]>',
      '<!DOCTYPE CTfile [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
      '<!DOCTYPE CTfile SYSTEM "ctf.dtd">',
      '<!-- a comment -->',
      '<![CDATA[/\\]]>'
    )
    .map((text) => encoder.encode(text))
);

/** A real CTF file's bytes with a few hostile stretches inserted or written over it, or cut off. */
const hostileBytesArb: fc.Arbitrary<Uint8Array> = fc
  .tuple(
    fc.constantFrom(...SEEDS),
    fc.array(fc.tuple(fc.nat(), hostileArb, fc.boolean()), { minLength: 1, maxLength: 4 }),
    fc.option(fc.nat(), { nil: undefined })
  )
  .map(([seed, edits, truncateAt]) => {
    let bytes = seed;
    for (const [at, stretch, overwrite] of edits) {
      const position = at % (bytes.length + 1);
      const rest = bytes.subarray(Math.min(bytes.length, position + (overwrite ? stretch.length : 0)));
      const joined = new Uint8Array(position + stretch.length + rest.length);
      joined.set(bytes.subarray(0, position), 0);
      joined.set(stretch, position);
      joined.set(rest, position + stretch.length);
      bytes = joined;
    }
    return truncateAt === undefined ? bytes : bytes.subarray(0, truncateAt % (bytes.length + 1));
  });

const limitsArb: fc.Arbitrary<CtfOptions> = fc.record(
  {
    maxLineBytes: fc.integer({ min: 1, max: 4096 }),
    maxDepth: fc.integer({ min: 1, max: 12 }),
    dayModel: fc.constantFrom('calendarDays' as const, 'auto' as const),
    calendar: fc.constant(CALENDAR),
  },
  { requiredKeys: [] }
);

function splitAt<T extends string | Uint8Array>(whole: T, cuts: readonly number[]): T[] {
  const points = [...new Set(cuts.map((cut) => cut % (whole.length + 1)))].sort((a, b) => a - b);
  const parts: T[] = [];
  let start = 0;
  for (const point of [...points, whole.length]) {
    parts.push(whole.slice(start, point) as T);
    start = point;
  }
  return parts;
}

async function* fromPieces<T>(parts: readonly T[]): AsyncGenerator<T> {
  for (const part of parts) {
    await Promise.resolve();
    yield part;
  }
}

const cutsArb = fc.array(fc.nat(), { maxLength: 12 });

describe('hostile bytes: the same result however the stream is cut', () => {
  test.prop([hostileBytesArb, cutsArb, limitsArb])('bytes', async (bytes, cuts, options) => {
    expect(await importCtf(fromPieces(splitAt(bytes, cuts)), options)).toEqual(readCtf(bytes, options));
  });

  test.prop([hostileBytesArb, cutsArb, limitsArb])('the same file as text', async (bytes, cuts, options) => {
    const text = new TextDecoder('latin1').decode(bytes);
    expect(await importCtf(fromPieces(splitAt(text, cuts)), options)).toEqual(readCtf(text, options));
  });
});

describe('hostile bytes: every issue located and short', () => {
  test.prop([hostileBytesArb, limitsArb])('issues have a line and quote little', (bytes, options) => {
    const report = readCtf(bytes, options);
    expect(report.rowsRead).toBe(report.rowsUsed + report.rowsRejected);
    for (const issue of report.issues) {
      // Only the note on what dayModel "auto" chose is about the whole file rather than a place in it.
      if (issue.code !== 'inferred_format') expect(issue.line).toBeGreaterThanOrEqual(1);
      expect(issue.message.length).toBeLessThan(600);
      expect(issue.received?.length ?? 0).toBeLessThan(200);
    }
    expect(
      report.issues.filter((issue) => issue.code === 'too_long' || issue.code === 'too_deep').length
    ).toBeLessThanOrEqual(1);
  });
});

/** Values an untyped caller might pass as the input or as an option, hostile ones included. */
const anyValueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({
    withBigInt: true,
    withNullPrototype: true,
    withBoxedValues: true,
    withMap: true,
    withSet: true,
  }),
  fc.constantFrom<unknown>(0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60, '64', 1, 64),
  fc.constant(Symbol('value'))
);

function circular(): Record<string, unknown> {
  const value: Record<string, unknown> = { maxDepth: 8 };
  value['self'] = value;
  return value;
}

function throwing(): object {
  return new Proxy(
    {},
    {
      get() {
        throw new TypeError('hostile getter');
      },
    }
  );
}

const anyOptionsArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    {
      dayModel: anyValueArb,
      codeWidth: anyValueArb,
      source: anyValueArb,
      maxLineBytes: anyValueArb,
      maxDepth: anyValueArb,
    },
    { requiredKeys: [] }
  ),
  limitsArb,
  fc.constant(undefined),
  fc.constant(null),
  fc.constant(0),
  fc.constant(null).map(circular),
  fc.constant(null).map(throwing)
);

const anyInputArb: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileBytesArb },
  { weight: 2, arbitrary: hostileBytesArb.map((bytes) => new TextDecoder('latin1').decode(bytes)) },
  { weight: 1, arbitrary: anyValueArb },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 300 }) }
);

describe('safeParseCtf never throws; parseCtf throws an AttendanceError exactly when it fails', () => {
  test.prop([anyInputArb, anyOptionsArb])('any input, any options', (input, options) => {
    let result: ReturnType<typeof safeParseCtf> | undefined;
    expect(() => {
      result = safeParseCtf(input as string, options as CtfOptions);
    }).not.toThrow();
    if (result === undefined) return;
    let thrown: unknown;
    let parsed: unknown;
    try {
      parsed = parseCtf(input as string, options as CtfOptions);
    } catch (error) {
      thrown = error;
    }
    if (result.success) {
      expect(thrown).toBeUndefined();
      expect(parsed).toEqual(result.data);
    } else {
      expect(thrown).toBeInstanceOf(AttendanceError);
      expect((thrown as AttendanceError).issues).toEqual(result.error.issues);
    }
  });
});
