import { describe, expect, test } from 'vitest';
import {
  AttendanceError,
  defineLatenessPolicy,
  DFE_REGISTER_MAXIMUM_OPEN_MINUTES,
  HCAT_LATENESS_POLICY,
  safeDefineLatenessPolicy,
} from '../../src/index.js';
import type { AttendanceIssue } from '../../src/index.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

function issueAt(input: unknown, path: readonly (string | number)[]): AttendanceIssue {
  const error = attendanceErrorOf(() => defineLatenessPolicy(input));
  const issue = error.issues.find((candidate) => JSON.stringify(candidate.path) === JSON.stringify(path));
  if (issue === undefined) {
    throw new Error(
      `No issue at ${JSON.stringify(path)}: ${JSON.stringify(error.issues.map((i) => i.path))}`
    );
  }
  return issue;
}

describe('defineLatenessPolicy: valid policies', () => {
  test('the trust preset is valid and comes back equal', () => {
    expect(defineLatenessPolicy(HCAT_LATENESS_POLICY)).toEqual(HCAT_LATENESS_POLICY);
  });

  test('DfE allows the register to stay open at most 30 minutes', () => {
    expect(DFE_REGISTER_MAXIMUM_OPEN_MINUTES).toBe(30);
  });

  test('a register open exactly 30 minutes is accepted', () => {
    const policy = defineLatenessPolicy({
      ...HCAT_LATENESS_POLICY,
      registerOpens: '08:40',
      registerCloses: '09:10',
    });
    expect(policy.registerCloses).toBe('09:10');
  });

  test('a register open 1 minute is accepted', () => {
    expect(() =>
      defineLatenessPolicy({ ...HCAT_LATENESS_POLICY, registerOpens: '08:59', registerCloses: '09:00' })
    ).not.toThrow();
  });

  test('an afternoon register, a one-mark range and a window with a first counted date are accepted', () => {
    const policy = defineLatenessPolicy({
      ...HCAT_LATENESS_POLICY,
      afternoonRegister: { registerOpens: '13:10', registerCloses: '13:25' },
      halfTermActions: [
        { codes: ['L', 'U'], atLeast: 1, atMost: 1, action: 'first', label: 'First late arrival' },
      ],
      persistentLateness: {
        length: 84,
        unit: 'calendar-days',
        threshold: 10,
        codes: ['U'],
        countFrom: '2024-08-19',
      },
    });
    expect(policy.afternoonRegister).toEqual({ registerOpens: '13:10', registerCloses: '13:25' });
    expect(policy.persistentLateness.unit).toBe('calendar-days');
  });

  test('no half-term actions is a valid policy', () => {
    expect(defineLatenessPolicy({ ...HCAT_LATENESS_POLICY, halfTermActions: [] }).halfTermActions).toEqual(
      []
    );
  });

  test('the window may count codes other than U, e.g. every unauthorised code', () => {
    const policy = defineLatenessPolicy({
      ...HCAT_LATENESS_POLICY,
      persistentLateness: { ...HCAT_LATENESS_POLICY.persistentLateness, codes: ['G', 'N', 'O', 'U'] },
    });
    expect(policy.persistentLateness.codes).toEqual(['G', 'N', 'O', 'U']);
  });
});

describe('defineLatenessPolicy: register times', () => {
  test.each(['9:00', '09:00:00', '24:00', '09:60', '', '0900', 'nine'])(
    'a time of %j is rejected',
    (time) => {
      const issue = issueAt({ ...HCAT_LATENESS_POLICY, registerOpens: time }, ['registerOpens']);
      expect(issue).toMatchObject({
        code: 'invalid_value',
        severity: 'error',
        field: 'registerOpens',
        received: time,
        expected: 'a 24-hour time as HH:MM, e.g. "09:00"',
      });
    }
  );

  test('a register open 31 minutes is rejected (DfE: no longer than 30)', () => {
    const issue = issueAt({ ...HCAT_LATENESS_POLICY, registerCloses: '09:31' }, ['registerCloses']);
    expect(issue).toMatchObject({ code: 'invalid_value', received: '09:31' });
    expect(issue.expected).toBe('a time no more than 30 minutes after 09:00');
    expect(issue.message).toContain('31 minutes');
  });

  test('a register that closes when it opens is rejected', () => {
    const issue = issueAt({ ...HCAT_LATENESS_POLICY, registerCloses: '09:00' }, ['registerCloses']);
    expect(issue.expected).toBe('a time after 09:00');
  });

  test('a register that closes before it opens is rejected', () => {
    expect(issueAt({ ...HCAT_LATENESS_POLICY, registerCloses: '08:55' }, ['registerCloses']).expected).toBe(
      'a time after 09:00'
    );
  });

  test('the afternoon register is checked the same way', () => {
    const input = {
      ...HCAT_LATENESS_POLICY,
      afternoonRegister: { registerOpens: '13:00', registerCloses: '13:45' },
    };
    expect(issueAt(input, ['afternoonRegister', 'registerCloses']).expected).toBe(
      'a time no more than 30 minutes after 13:00'
    );
    const badTime = {
      ...HCAT_LATENESS_POLICY,
      afternoonRegister: { registerOpens: '1pm', registerCloses: '13:10' },
    };
    expect(issueAt(badTime, ['afternoonRegister', 'registerOpens']).received).toBe('1pm');
  });
});

describe('defineLatenessPolicy: half-term actions', () => {
  const [letter] = HCAT_LATENESS_POLICY.halfTermActions;

  test.each([0, -1, 1.5])('atLeast %j is rejected: thresholds are positive whole numbers', (atLeast) => {
    const issue = issueAt({ ...HCAT_LATENESS_POLICY, halfTermActions: [{ ...letter, atLeast, atMost: 6 }] }, [
      'halfTermActions',
      0,
      'atLeast',
    ]);
    expect(issue.code).toBe('invalid_value');
  });

  test('atMost below atLeast is rejected', () => {
    const issue = issueAt(
      { ...HCAT_LATENESS_POLICY, halfTermActions: [{ ...letter, atLeast: 4, atMost: 3 }] },
      ['halfTermActions', 0, 'atMost']
    );
    expect(issue).toMatchObject({ code: 'invalid_value', expected: 'at least 4', received: '3' });
  });

  test('atMost equal to atLeast is accepted', () => {
    expect(() =>
      defineLatenessPolicy({
        ...HCAT_LATENESS_POLICY,
        halfTermActions: [{ ...letter, atLeast: 4, atMost: 4 }],
      })
    ).not.toThrow();
  });

  test('an action counts L, U or both, each once, and at least one', () => {
    for (const codes of [['N'], [], ['L', 'L']]) {
      const input = { ...HCAT_LATENESS_POLICY, halfTermActions: [{ ...letter, codes }] };
      const error = attendanceErrorOf(() => defineLatenessPolicy(input));
      expect(error.issues[0].path.slice(0, 3)).toEqual(['halfTermActions', 0, 'codes']);
    }
  });

  test('an action needs an identifier and a label', () => {
    const input = { ...HCAT_LATENESS_POLICY, halfTermActions: [{ ...letter, action: '', label: '' }] };
    const error = attendanceErrorOf(() => defineLatenessPolicy(input));
    expect(error.issues.map((issue) => issue.path)).toEqual([
      ['halfTermActions', 0, 'action'],
      ['halfTermActions', 0, 'label'],
    ]);
  });
});

describe('defineLatenessPolicy: persistent-lateness window', () => {
  const rule = HCAT_LATENESS_POLICY.persistentLateness;

  test.each([
    ['length', 0],
    ['length', 12.5],
    ['threshold', 0],
    ['threshold', -10],
    ['unit', 'weeks'],
    ['countFrom', '2024-02-30'],
  ] as const)('%s %j is rejected', (field, value) => {
    const issue = issueAt({ ...HCAT_LATENESS_POLICY, persistentLateness: { ...rule, [field]: value } }, [
      'persistentLateness',
      field,
    ]);
    expect(issue.severity).toBe('error');
  });

  test('unknown codes are rejected, each located', () => {
    const input = { ...HCAT_LATENESS_POLICY, persistentLateness: { ...rule, codes: ['U', 'Q9', '-'] } };
    const error = attendanceErrorOf(() => defineLatenessPolicy(input));
    expect(error.issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['unknown_code', ['persistentLateness', 'codes', 1]],
      ['unknown_code', ['persistentLateness', 'codes', 2]],
    ]);
  });

  test('no codes is rejected', () => {
    expect(
      issueAt({ ...HCAT_LATENESS_POLICY, persistentLateness: { ...rule, codes: [] } }, [
        'persistentLateness',
        'codes',
      ]).code
    ).toBe('invalid_value');
  });
});

describe('defineLatenessPolicy: reporting', () => {
  test('a misspelt field is reported, not ignored', () => {
    const error = attendanceErrorOf(() =>
      defineLatenessPolicy({ ...HCAT_LATENESS_POLICY, registerClose: '09:30' })
    );
    expect(error.issues[0]).toMatchObject({ code: 'invalid_value', expected: 'no other fields' });
  });

  test('a missing field is reported with its path', () => {
    const withoutWindow = Object.fromEntries(
      Object.entries(HCAT_LATENESS_POLICY).filter(([field]) => field !== 'persistentLateness')
    );
    expect(issueAt(withoutWindow, ['persistentLateness']).severity).toBe('error');
  });

  test('every problem is reported at once, the register times included', () => {
    const error = attendanceErrorOf(() =>
      defineLatenessPolicy({
        ...HCAT_LATENESS_POLICY,
        registerCloses: '10:00',
        halfTermActions: [{ ...HCAT_LATENESS_POLICY.halfTermActions[0], atLeast: 0 }],
        persistentLateness: { ...HCAT_LATENESS_POLICY.persistentLateness, length: 0 },
      })
    );
    expect(error.issues.map((issue) => issue.path)).toEqual(
      expect.arrayContaining([
        ['registerCloses'],
        ['halfTermActions', 0, 'atLeast'],
        ['persistentLateness', 'length'],
      ])
    );
    expect(error.issues).toHaveLength(3);
  });

  test('input that is not an object is one located issue', () => {
    const error = attendanceErrorOf(() => defineLatenessPolicy('09:00'));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0].path).toEqual([]);
  });
});

describe('safeDefineLatenessPolicy', () => {
  test('returns the policy when it is valid', () => {
    expect(safeDefineLatenessPolicy(HCAT_LATENESS_POLICY)).toEqual({
      success: true,
      data: HCAT_LATENESS_POLICY,
    });
  });

  test('returns the error, never throws, when it is not', () => {
    const result = safeDefineLatenessPolicy({ ...HCAT_LATENESS_POLICY, registerOpens: '9:00' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error).toBeInstanceOf(AttendanceError);
    expect(result.error.issues[0].path).toEqual(['registerOpens']);
  });
});
