import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  AttendanceError,
  COMPACT_CODES,
  parseSessionMarks,
  safeParseSessionMarks,
} from '../../../src/index.js';
import {
  parseRegisterCsv,
  parseRegisterJson,
  safeParseRegisterCsv,
  safeParseRegisterJson,
  toRegisterCsv,
} from '../../../src/io/index.js';
import type { ImportedMark } from '../../../src/io/index.js';
import { isoDateArb } from '../../_arbitraries/isoDate.js';
import { withoutLine } from './fixtures.js';
import { anyValueArb } from '../../_arbitraries/anyValue.js';

// Issue 12 §3 and §5. A file that reads must write, and what writes must read back equal: any register the JSON
// importer accepts, whatever Unicode its texts hold (lone surrogates included), is written by toRegisterCsv and
// read back by parseRegisterCsv to the same marks. And the safe parsers never throw, whatever they are given;
// the parse functions throw only AttendanceError, exactly when their safe twin fails.

/** Any text: whole characters, and single UTF-16 units, which include lone surrogates. */
const anyTextArb = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom('=1+2', "'=x", '-', '@a', '\tx', ' a, "b" ', 'a\r\nb', '\uFEFFx', '\uFFFD', 'P\uD800')
);

/** Mostly what a register holds, sometimes any text: a register of several records is then often accepted. */
function mostly<T>(usual: fc.Arbitrary<T>): fc.Arbitrary<T | string> {
  return fc.oneof({ arbitrary: usual, weight: 3 }, { arbitrary: anyTextArb, weight: 1 });
}

const recordArb = fc.record(
  {
    pupil_id: mostly(fc.constantFrom('P1', 'P2', 'P3', ' P4 ')),
    upn: mostly(fc.constant(null)),
    date: isoDateArb(),
    session: fc.constantFrom('AM', 'PM', 'am', 'Afternoon'),
    code: mostly(fc.constantFrom(...COMPACT_CODES)),
    minutes_late: fc.oneof(fc.nat({ max: 90 }), fc.constant(null)),
    comment: mostly(fc.constant(null)),
  },
  { requiredKeys: ['pupil_id', 'date', 'session', 'code'] }
);

/** A mark without its line and the file's own code, which the generic CSV does not carry. */
function comparable(marks: readonly ImportedMark[]): object[] {
  return marks.map((mark) => {
    const copy: { -readonly [K in keyof ImportedMark]?: ImportedMark[K] } = withoutLine(mark);
    delete copy.rawCode;
    return copy;
  });
}

describe('register JSON → CSV → register: what reads writes, and reads back equal', () => {
  test.prop(
    [fc.array(recordArb, { minLength: 1, maxLength: 6 }), fc.constantFrom('\r\n' as const, '\n' as const)],
    {
      numRuns: 1000,
    }
  )(
    'every register the JSON importer accepts is written and read back to the same marks',
    (records, lineEnding) => {
      const imported = safeParseRegisterJson({ data: records });
      if (!imported.success) return;
      const csv = toRegisterCsv(imported.data.marks, { lineEnding });
      const read = parseRegisterCsv(csv);
      expect(comparable(read.marks)).toEqual(comparable(imported.data.marks));
      expect(read.rowsRejected).toBe(0);
    }
  );
});

/** A value made hostile: nested deep, made to contain itself, or left as it is. */
function hostile(value: unknown, how: 'deep' | 'circular' | 'plain', levels: number): unknown {
  if (how === 'deep') {
    let deep: unknown = value;
    for (let level = 0; level < levels; level += 1) deep = level % 2 === 0 ? [deep] : { data: deep };
    return deep;
  }
  if (how === 'circular') {
    const holder: Record<string, unknown> = { pupil_id: 'P1', value };
    holder['self'] = holder;
    return [holder, { data: [holder] }];
  }
  return value;
}

const hostileArb = fc
  .tuple(
    fc.oneof(anyValueArb, fc.array(recordArb, { maxLength: 3 })),
    fc.constantFrom('deep' as const, 'circular' as const, 'plain' as const),
    fc.integer({ min: 1, max: 3000 })
  )
  .map(([value, how, levels]) => hostile(value, how, levels));

const optionsArb = fc.oneof(
  fc.constant(undefined),
  fc.record(
    {
      mapping: fc.oneof(fc.constantFrom('generic', 'wonde', 'nope'), anyValueArb),
      maxDepth: fc.oneof(fc.integer({ min: -1, max: 100 }), anyValueArb),
      maxLineBytes: fc.oneof(fc.integer({ min: -1, max: 100 }), anyValueArb),
      source: fc.oneof(fc.string(), anyValueArb),
      codeList: anyValueArb,
      sessionNames: anyValueArb,
      dateFormat: fc.oneof(fc.constantFrom('auto', 'iso', 'dmy'), anyValueArb),
    },
    { requiredKeys: [] }
  ),
  anyValueArb
);

/** Runs the safe and the throwing twin on the same input and holds them to their contracts. */
function expectTwins<T>(
  safe: () => { success: true; data: T } | { success: false; error: AttendanceError },
  parse: () => T
): void {
  const result = safe();
  if (result.success) {
    expect(parse).not.toThrow();
    return;
  }
  expect(result.error).toBeInstanceOf(AttendanceError);
  expect(result.error.issues.length).toBeGreaterThan(0);
  expect(parse).toThrow(AttendanceError);
}

describe('safe parsers: never throw, whatever they are given', () => {
  test.prop([hostileArb, optionsArb])(
    'safeParseRegisterJson never throws; parseRegisterJson throws AttendanceError exactly when it fails',
    (value, options) => {
      const run = (): unknown => parseRegisterJson(value, options as never);
      expectTwins(
        () => safeParseRegisterJson(value, options as never),
        run as () => ReturnType<typeof parseRegisterJson>
      );
    }
  );

  test.prop([fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), hostileArb), optionsArb])(
    'safeParseRegisterCsv never throws; parseRegisterCsv throws AttendanceError exactly when it fails',
    (text, options) => {
      expectTwins(
        () => safeParseRegisterCsv(text as string, options as never),
        () => parseRegisterCsv(text as string, options as never)
      );
    }
  );

  test.prop([hostileArb])(
    'safeParseSessionMarks never throws; parseSessionMarks throws AttendanceError exactly when it fails',
    (value) => {
      expectTwins(
        () => safeParseSessionMarks(value),
        () => parseSessionMarks(value)
      );
    }
  );
});
