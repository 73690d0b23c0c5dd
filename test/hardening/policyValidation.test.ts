import { describe, expect, test } from 'vitest';
import {
  AttendanceError,
  DFE_POLICY,
  defineBandTable,
  defineEscalationPolicy,
  defineLatenessPolicy,
  definePolicy,
  defineSchoolCalendar,
  HCAT_ESCALATION_POLICY,
  HCAT_LATENESS_POLICY,
  HCAT_RAG_BANDS,
  parseSessionMarks,
  safeDefineBandTable,
  safeDefineLatenessPolicy,
  safeDefinePolicy,
  safeDefineSchoolCalendar,
  safeParseSessionMarks,
} from '../../src/index.js';
import type { AttendanceIssue, SafeResult } from '../../src/index.js';
import { safeDefineEscalationPolicy } from '../../src/escalation/safeDefineEscalationPolicy.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };

// Untrusted settings and marks are described back to the user in each issue's `received`. That description must
// be total (any value, however odd, gives a short text and never an exception), and a setting of the wrong kind
// must be reported where it is, never merged away in silence.

const GOOD_MARK = { pupilId: 'P1', date: '2024-09-02', session: 'AM', code: '/' };

/** Nests `inner` `depth` levels deep in single-field objects. */
function nested(depth: number, inner: unknown = 1): unknown {
  let value = inner;
  for (let level = 0; level < depth; level += 1) value = { a: value };
  return value;
}

/** Nests `inner` `depth` levels deep in one-item arrays. */
function nestedArrays(depth: number, inner: unknown = 1): unknown {
  let value = inner;
  for (let level = 0; level < depth; level += 1) value = [value];
  return value;
}

function circular(): unknown {
  const value: Record<string, unknown> = { id: 'x' };
  value['self'] = value;
  return value;
}

/** Each validating function, with where an odd value is put: in a field that wants a string or a number. */
const PLACES: readonly {
  readonly name: string;
  readonly safe: (value: unknown) => SafeResult<unknown>;
  readonly strict: (value: unknown) => unknown;
  readonly path: readonly (string | number)[];
}[] = [
  {
    name: 'definePolicy',
    safe: (value) => safeDefinePolicy({ name: value } as never),
    strict: (value) => definePolicy({ name: value } as never),
    path: ['name'],
  },
  {
    name: 'definePolicy (nested)',
    safe: (value) => safeDefinePolicy({ persistentAbsence: { percent: value } } as never),
    strict: (value) => definePolicy({ persistentAbsence: { percent: value } } as never),
    path: ['persistentAbsence', 'percent'],
  },
  {
    name: 'defineSchoolCalendar',
    safe: (value) => safeDefineSchoolCalendar({ ...exampleCalendar, name: value }),
    strict: (value) => defineSchoolCalendar({ ...exampleCalendar, name: value }),
    path: ['name'],
  },
  {
    name: 'defineBandTable',
    safe: (value) => safeDefineBandTable({ ...HCAT_RAG_BANDS, id: value }),
    strict: (value) => defineBandTable({ ...HCAT_RAG_BANDS, id: value }),
    path: ['id'],
  },
  {
    name: 'defineLatenessPolicy',
    safe: (value) => safeDefineLatenessPolicy({ ...HCAT_LATENESS_POLICY, registerOpens: value }),
    strict: (value) => defineLatenessPolicy({ ...HCAT_LATENESS_POLICY, registerOpens: value }),
    path: ['registerOpens'],
  },
  {
    name: 'defineEscalationPolicy',
    safe: (value) => safeDefineEscalationPolicy({ monitoringWeeks: value } as never),
    strict: (value) => defineEscalationPolicy({ monitoringWeeks: value } as never),
    path: ['monitoringWeeks'],
  },
  {
    name: 'parseSessionMarks',
    safe: (value) => safeParseSessionMarks([GOOD_MARK, { ...GOOD_MARK, date: value }]),
    strict: (value) => parseSessionMarks([GOOD_MARK, { ...GOOD_MARK, date: value }]),
    path: [1, 'date'],
  },
];

const ODD_VALUES: readonly {
  readonly label: string;
  readonly value: () => unknown;
  readonly received: RegExp;
}[] = [
  { label: 'a BigInt', value: () => 12n, received: /^12n$/ },
  { label: 'an object holding a BigInt', value: () => ({ sessions: 12n }), received: /^\{"sessions":12n\}$/ },
  { label: 'a circular object', value: circular, received: /^\{"id":"x","self":\[Circular\]\}$/ },
  { label: 'an object nested 5,000 deep', value: () => nested(5000), received: /^\{"a":\{"a":.*\.\.\./ },
  { label: 'an array nested 5,000 deep', value: () => nestedArrays(5000), received: /^\[\[\[.*\.\.\.\]/ },
  { label: 'a function', value: () => () => 1, received: /^function$/ },
  { label: 'an object holding a symbol', value: () => ({ s: Symbol('s') }), received: /^\{"s":symbol\}$/ },
  {
    label: 'a long array',
    value: () => Array.from({ length: 10_000 }, () => 1),
    received: /^\[1,1,1.*\.\.\.$/,
  },
];

function issueAt(issues: readonly AttendanceIssue[], path: readonly (string | number)[]): AttendanceIssue {
  const issue = issues.find((candidate) => JSON.stringify(candidate.path) === JSON.stringify(path));
  if (issue === undefined) throw new Error(`No issue at ${JSON.stringify(path)}`);
  return issue;
}

describe('an odd value is described, not thrown over', () => {
  for (const place of PLACES) {
    test.each(ODD_VALUES)(`${place.name}: $label`, ({ value, received }) => {
      const result = place.safe(value());
      expect(result.success).toBe(false);
      if (result.success) return;
      const issue = issueAt(result.error.issues, place.path);
      expect(issue.received).toMatch(received);
      expect(issue.received!.length).toBeLessThanOrEqual(80);
      expect(issue.message.length).toBeLessThan(400);
      // The throwing twin throws the same error, and only an AttendanceError.
      expect(attendanceErrorOf(() => place.strict(value())).issues).toEqual(result.error.issues);
    });
  }

  test.each([
    {
      name: 'a number field',
      run: () => safeDefinePolicy({ severeAbsence: { percent: 'x'.repeat(10_000) } } as never),
    },
    {
      name: 'a time',
      run: () => safeDefineLatenessPolicy({ ...HCAT_LATENESS_POLICY, registerOpens: 'x'.repeat(10_000) }),
    },
    { name: 'an unknown field', run: () => safeDefineEscalationPolicy({ ['x'.repeat(10_000)]: 1 }) },
  ])('a long string in $name is cut to 80 characters', ({ run }) => {
    const result = run();
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error.issues[0].received).toMatch(/^x{77}\.\.\.$/);
  });

  test('a cut never splits a character in two', () => {
    const result = safeDefineLatenessPolicy({
      ...HCAT_LATENESS_POLICY,
      registerOpens: `${'x'.repeat(76)}${'😀'.repeat(9)}`,
    });
    expect(result.success || result.error.issues[0].received).toBe(`${'x'.repeat(76)}...`);
  });

  test('plain JSON values are still shown as JSON', () => {
    const result = safeDefinePolicy({ display: { decimals: [1, { a: 'b' }, null] } } as never);
    expect(result.success || issueAt(result.error.issues, ['display', 'decimals']).received).toBe(
      '[1,{"a":"b"},null]'
    );
  });
});

describe('definePolicy: an override of the wrong kind is a located error, not ignored', () => {
  test.each([
    { label: 'a number', value: 15, received: '15' },
    { label: 'a string', value: 'high', received: 'high' },
    { label: 'null', value: null, received: 'null' },
    { label: 'an array', value: [12], received: '[12]' },
    { label: 'true', value: true, received: 'true' },
  ])('persistentAbsence as $label gives one issue naming the field and its shape', ({ value, received }) => {
    const { issues } = attendanceErrorOf(() => definePolicy({ persistentAbsence: value } as never));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'invalid_value',
      severity: 'error',
      path: ['persistentAbsence'],
      field: 'persistentAbsence',
      received,
    });
    for (const key of ['percent', 'comparison', 'minimumPossibleSessions']) {
      expect(issues[0].expected).toContain(key);
      expect(issues[0].message).toContain(key);
    }
    expect(issues[0].message).toMatch(/^persistentAbsence: /);
  });

  test.each(['severeAbsence', 'display'])('%s as a number or a string is an error too', (group) => {
    for (const value of [15, 'high']) {
      const { issues } = attendanceErrorOf(() => definePolicy({ [group]: value }));
      expect(issues.map((issue) => issue.path)).toEqual([[group]]);
    }
  });

  test('every malformed group is reported at once, beside the other problems', () => {
    const { issues } = attendanceErrorOf(() =>
      definePolicy({ persistentAbsence: 15, severeAbsence: 'x', display: { decimals: 9 } } as never)
    );
    expect(issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'display.decimals',
      'persistentAbsence',
      'severeAbsence',
    ]);
  });

  test.each([15, 'high', null, [1, 2], true, 12n])(
    'overrides that are not an object (%s) give one issue',
    (value) => {
      const result = safeDefinePolicy(value as never);
      expect(result.success).toBe(false);
      if (result.success) return;
      expect(result.error.issues).toHaveLength(1);
      expect(result.error.issues[0]).toMatchObject({ code: 'invalid_value', path: [] });
      expect(result.error.issues[0].expected).toContain('persistentAbsence');
    }
  );

  test('a group left out, or given as an object, still merges field by field', () => {
    expect(definePolicy({ persistentAbsence: { percent: 12 } }).persistentAbsence).toEqual({
      ...DFE_POLICY.persistentAbsence,
      percent: 12,
    });
    expect(definePolicy(JSON.parse('{"display":{"decimals":2}}') as never).display).toEqual({
      ...DFE_POLICY.display,
      decimals: 2,
    });
  });

  test('a malformed base policy is reported, not thrown over', () => {
    const result = safeDefinePolicy({ persistentAbsence: { percent: 12 } }, null as never);
    expect(result.success).toBe(false);
  });
});

describe('defineEscalationPolicy: overrides that are not an object are one located error', () => {
  test.each([15, 'high', null, [1], false])('%s', (value) => {
    const { issues } = attendanceErrorOf(() => defineEscalationPolicy(value as never));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'invalid_value', path: [] });
    expect(issues[0].expected).toContain('monitoringWeeks');
    const result = safeDefineEscalationPolicy(value as never);
    expect(result.success || result.error.issues).toEqual(issues);
  });

  test('a valid change still merges onto the preset', () => {
    expect(safeDefineEscalationPolicy({ monitoringWeeks: 6 })).toEqual({
      success: true,
      data: { ...HCAT_ESCALATION_POLICY, monitoringWeeks: 6 },
    });
  });
});

describe('whole-value validators: a string where an object is expected is one error', () => {
  test.each([
    { name: 'band table', run: () => defineBandTable('high'), path: [] },
    {
      name: 'band in a table',
      run: () => defineBandTable({ ...HCAT_RAG_BANDS, bands: ['high'] }),
      path: ['bands', 0],
    },
    { name: 'lateness policy', run: () => defineLatenessPolicy('high'), path: [] },
    {
      name: 'afternoon register',
      run: () => defineLatenessPolicy({ ...HCAT_LATENESS_POLICY, afternoonRegister: 'high' }),
      path: ['afternoonRegister'],
    },
    { name: 'calendar', run: () => defineSchoolCalendar('high'), path: [] },
    {
      name: 'school years',
      run: () => defineSchoolCalendar({ ...exampleCalendar, years: 'high' }),
      path: ['years'],
    },
    { name: 'policy bands', run: () => definePolicy({ bands: 'high' } as never), path: ['bands'] },
    { name: 'mark row', run: () => parseSessionMarks(['high']), path: [0] },
  ])('$name', ({ run, path }) => {
    const { issues } = attendanceErrorOf(run);
    expect(issues.map((issue) => issue.path)).toEqual([path]);
    expect(issues[0].received).toBe('high');
  });
});

test('AttendanceError is what the throwing twins throw', () => {
  expect(() => definePolicy({ persistentAbsence: 15 } as never)).toThrow(AttendanceError);
  expect(() => defineEscalationPolicy(null as never)).toThrow(AttendanceError);
});
