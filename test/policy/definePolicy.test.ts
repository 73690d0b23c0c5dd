import { describe, expect, test } from 'vitest';
import {
  AttendanceError,
  DFE_ABSENCE_BANDS,
  DFE_POLICY,
  definePolicy,
  HCAT_ATTENDANCE_BANDS,
  HCAT_POLICY,
  HCAT_RAG_BANDS,
  isPersistentlyAbsent,
  POLICY_PRESETS,
  safeDefinePolicy,
} from '../../src/index.js';
import type { AttendanceIssue, BandTable, PolicyOverrides } from '../../src/index.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

function issueAt(error: AttendanceError, path: readonly (string | number)[]): AttendanceIssue {
  const issue = error.issues.find((candidate) => JSON.stringify(candidate.path) === JSON.stringify(path));
  if (issue === undefined) {
    throw new Error(
      `No issue at ${JSON.stringify(path)}: ${JSON.stringify(error.issues.map((i) => i.path))}`
    );
  }
  return issue;
}

const TWO_BANDS: BandTable = {
  id: 'two-bands',
  name: 'Two bands',
  measure: 'attendance',
  source: 'School policy',
  bands: [
    { id: 'low', label: 'Below 90 %', from: 0, fromInclusive: true, to: 90, toInclusive: false },
    { id: 'high', label: '90 % or more', from: 90, fromInclusive: true, to: 100, toInclusive: true },
  ],
};

describe('definePolicy defaults', () => {
  test('with no overrides it is the DfE policy', () => {
    expect(definePolicy()).toEqual(DFE_POLICY);
    expect(definePolicy({})).toEqual(DFE_POLICY);
  });

  test('DfE defaults: persistent 10 % at-least, severe 50 % at-least, minimum 1 possible session, 1 dp half-up', () => {
    const policy = definePolicy();
    expect(policy.name).toBe('dfe');
    expect(policy.persistentAbsence).toEqual({
      percent: 10,
      comparison: 'at-least',
      minimumPossibleSessions: 1,
    });
    expect(policy.severeAbsence).toEqual({ percent: 50, comparison: 'at-least', minimumPossibleSessions: 1 });
    expect(policy.display).toEqual({ decimals: 1, rounding: 'half-up' });
    expect(policy.bands).toBe(DFE_ABSENCE_BANDS);
    expect(policy.letterColours).toBeUndefined();
  });
});

describe('definePolicy merging', () => {
  test('a threshold field is merged onto the DfE threshold, keeping the other fields', () => {
    const policy = definePolicy({ persistentAbsence: { comparison: 'more-than' } });
    expect(policy.persistentAbsence).toEqual({
      percent: 10,
      comparison: 'more-than',
      minimumPossibleSessions: 1,
    });
    expect(policy.severeAbsence).toEqual(DFE_POLICY.severeAbsence);
    expect(isPersistentlyAbsent({ possible: 380, absent: 38 }, policy)).toBe(false);
  });

  test('severe and persistent thresholds merge independently', () => {
    const policy = definePolicy({
      persistentAbsence: { percent: 15 },
      severeAbsence: { minimumPossibleSessions: 11 },
    });
    expect(policy.persistentAbsence).toEqual({
      percent: 15,
      comparison: 'at-least',
      minimumPossibleSessions: 1,
    });
    expect(policy.severeAbsence).toEqual({
      percent: 50,
      comparison: 'at-least',
      minimumPossibleSessions: 11,
    });
  });

  test('display settings merge field by field', () => {
    expect(definePolicy({ display: { decimals: 2 } }).display).toEqual({ decimals: 2, rounding: 'half-up' });
    expect(definePolicy({ display: { rounding: 'half-even' } }).display).toEqual({
      decimals: 1,
      rounding: 'half-even',
    });
  });

  test('a new name replaces the old one', () => {
    expect(definePolicy({ name: 'my-school' }).name).toBe('my-school');
  });

  test('band tables are replaced whole, not merged band by band', () => {
    const policy = definePolicy({ bands: TWO_BANDS });
    expect(policy.bands).toEqual(TWO_BANDS);
    expect(policy.bands.bands).toHaveLength(2);
    expect(definePolicy({ bands: HCAT_ATTENDANCE_BANDS }).bands).toBe(HCAT_ATTENDANCE_BANDS);
    expect(definePolicy({ letterColours: HCAT_RAG_BANDS }).letterColours).toBe(HCAT_RAG_BANDS);
  });

  test('another base policy can be built on', () => {
    const policy = definePolicy(
      { name: 'hcat-strict', persistentAbsence: { comparison: 'more-than' } },
      HCAT_POLICY
    );
    expect(policy.bands).toBe(HCAT_ATTENDANCE_BANDS);
    expect(policy.letterColours).toBe(HCAT_RAG_BANDS);
    expect(policy.persistentAbsence).toEqual({
      percent: 10,
      comparison: 'more-than',
      minimumPossibleSessions: 1,
    });
    expect(policy.name).toBe('hcat-strict');
  });

  test('the base policy is not changed', () => {
    const before = JSON.stringify(DFE_POLICY);
    definePolicy({ persistentAbsence: { percent: 12 }, display: { decimals: 3 }, bands: TWO_BANDS });
    expect(JSON.stringify(DFE_POLICY)).toBe(before);
  });

  test('percentages with two decimals are accepted', () => {
    expect(definePolicy({ persistentAbsence: { percent: 12.25 } }).persistentAbsence.percent).toBe(12.25);
    expect(
      definePolicy({ persistentAbsence: { percent: 0 }, severeAbsence: { percent: 100 } })
    ).toMatchObject({
      persistentAbsence: { percent: 0 },
      severeAbsence: { percent: 100 },
    });
  });

  test('a severe threshold equal to the persistent one is accepted', () => {
    expect(definePolicy({ persistentAbsence: { percent: 50 } }).persistentAbsence.percent).toBe(50);
  });
});

describe('presets', () => {
  test.each(Object.entries(POLICY_PRESETS))('preset %s is accepted unchanged', (_name, preset) => {
    expect(definePolicy({}, preset)).toEqual(preset);
    expect(definePolicy(preset)).toEqual(preset);
    expect(safeDefinePolicy({}, preset)).toEqual({ success: true, data: preset });
  });

  test('the presets are keyed by their names', () => {
    for (const [name, preset] of Object.entries(POLICY_PRESETS)) expect(preset.name).toBe(name);
    expect(Object.keys(POLICY_PRESETS).sort()).toEqual([
      'dfe',
      'dfe-2005-to-2010',
      'dfe-2010-to-2015',
      'dfe-live-figures',
      'hcat-trust',
    ]);
  });
});

describe('definePolicy rejects invalid values with located issues', () => {
  test('a percentage above 100', () => {
    const error = attendanceErrorOf(() => definePolicy({ persistentAbsence: { percent: 120 } }));
    const issue = issueAt(error, ['persistentAbsence', 'percent']);
    expect(issue.severity).toBe('error');
    expect(issue.received).toBe('120');
    expect(issue.expected).toEqual(expect.any(String));
  });

  test('a percentage with three decimals (10.125)', () => {
    const error = attendanceErrorOf(() => definePolicy({ persistentAbsence: { percent: 10.125 } }));
    expect(error.issues).toHaveLength(1);
    const issue = issueAt(error, ['persistentAbsence', 'percent']);
    expect(issue.received).toBe('10.125');
    expect(issue.expected).toMatch(/two decimal/);
  });

  test('a negative minimum of possible sessions', () => {
    const error = attendanceErrorOf(() =>
      definePolicy({ persistentAbsence: { minimumPossibleSessions: -1 } })
    );
    expect(error.issues).toHaveLength(1);
    const issue = issueAt(error, ['persistentAbsence', 'minimumPossibleSessions']);
    expect(issue.received).toBe('-1');
    expect(issue.expected).toEqual(expect.any(String));
  });

  test('a fractional minimum of possible sessions', () => {
    const error = attendanceErrorOf(() => definePolicy({ severeAbsence: { minimumPossibleSessions: 1.5 } }));
    expect(issueAt(error, ['severeAbsence', 'minimumPossibleSessions']).received).toBe('1.5');
  });

  test('a severe threshold below the persistent one', () => {
    const error = attendanceErrorOf(() => definePolicy({ severeAbsence: { percent: 5 } }));
    expect(error.issues).toHaveLength(1);
    const issue = issueAt(error, ['severeAbsence', 'percent']);
    expect(issue.received).toBe('5');
    expect(issue.expected).toContain('10');
    expect(issue.message).toContain('persistent');
  });

  test('raising the persistent threshold above the severe one is caught too', () => {
    const error = attendanceErrorOf(() => definePolicy({ persistentAbsence: { percent: 60 } }));
    expect(issueAt(error, ['severeAbsence', 'percent']).expected).toContain('60');
  });

  test('display decimals outside 0 to 6', () => {
    const error = attendanceErrorOf(() => definePolicy({ display: { decimals: 7 } }));
    expect(issueAt(error, ['display', 'decimals']).received).toBe('7');
  });

  test('an invalid band table, located inside the policy', () => {
    const gappy: BandTable = {
      ...TWO_BANDS,
      bands: [
        { id: 'low', label: 'Low', from: 0, fromInclusive: true, to: 80, toInclusive: false },
        { id: 'high', label: 'High', from: 90, fromInclusive: true, to: 100, toInclusive: true },
      ],
    };
    const error = attendanceErrorOf(() => definePolicy({ bands: gappy }));
    const issue = issueAt(error, ['bands', 'bands', 1, 'from']);
    expect(issue.code).toBe('band_gap');
    expect(issue.expected).toEqual(expect.any(String));
    expect(issue.received).toEqual(expect.any(String));

    const letterError = attendanceErrorOf(() => definePolicy({ letterColours: gappy }));
    expect(issueAt(letterError, ['letterColours', 'bands', 1, 'from']).code).toBe('band_gap');
  });

  test('every problem is reported at once', () => {
    const error = attendanceErrorOf(() =>
      definePolicy({
        persistentAbsence: { percent: 10.125, minimumPossibleSessions: -1 },
        display: { decimals: 9 },
      })
    );
    expect(error.issues.length).toBeGreaterThanOrEqual(3);
    issueAt(error, ['persistentAbsence', 'percent']);
    issueAt(error, ['persistentAbsence', 'minimumPossibleSessions']);
    issueAt(error, ['display', 'decimals']);
    expect(error.issues.every((issue) => issue.severity === 'error')).toBe(true);
  });

  test('values from untrusted JSON of the wrong type are rejected with their path', () => {
    const overrides = JSON.parse(
      '{"persistentAbsence":{"percent":"10"},"display":{"rounding":"nearest"}}'
    ) as PolicyOverrides;
    const error = attendanceErrorOf(() => definePolicy(overrides));
    issueAt(error, ['persistentAbsence', 'percent']);
    issueAt(error, ['display', 'rounding']);
  });
});

describe('definePolicy rejects misspelt settings instead of ignoring them', () => {
  test('an unknown field inside a threshold is reported with its path and name', () => {
    const overrides = JSON.parse('{"persistentAbsence":{"percentage":12}}') as PolicyOverrides;
    const error = attendanceErrorOf(() => definePolicy(overrides));
    const issue = issueAt(error, ['persistentAbsence', 'percentage']);
    expect(issue.message).toContain('percentage');
    expect(issue).toMatchObject({ field: 'percentage', expected: 'no other fields', received: 'percentage' });
  });

  test('an unknown top-level field is reported', () => {
    const overrides = JSON.parse('{"treshold":12}') as PolicyOverrides;
    const error = attendanceErrorOf(() => definePolicy(overrides));
    expect(error.issues.some((issue) => issue.message.includes('treshold'))).toBe(true);
  });
});

describe('safeDefinePolicy', () => {
  test('returns the policy as data', () => {
    const result = safeDefinePolicy({ persistentAbsence: { percent: 15 } });
    expect(result).toEqual({ success: true, data: definePolicy({ persistentAbsence: { percent: 15 } }) });
  });

  test('returns the error as a value instead of throwing', () => {
    const result = safeDefinePolicy({ persistentAbsence: { percent: 120 } });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error).toBeInstanceOf(AttendanceError);
    expect(result.error.issues[0].path).toEqual(['persistentAbsence', 'percent']);
  });

  test('uses the base policy it is given', () => {
    const result = safeDefinePolicy({ name: 'x' }, HCAT_POLICY);
    expect(result.success && result.data.bands).toBe(HCAT_ATTENDANCE_BANDS);
  });
});
