import { describe, expect, test } from 'vitest';
import {
  defineEscalationPolicy,
  HCAT_ESCALATION_POLICY,
  safeDefineEscalationPolicy,
} from '../../src/index.js';
import type { EscalationPolicy } from '../../src/index.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

// defineEscalationPolicy's schema (src/escalation/schema.ts) and its safe form: the exact issue for a stage 1 line
// above the warning line, the boundary where they are equal, and errors that are not the library's own.

describe('the escalation policy schema: stage 1 and the warning line', () => {
  test('a stage 1 line equal to the warning line is accepted', () => {
    expect(defineEscalationPolicy({ stageOneBelowPercent: 95 })).toEqual({
      ...HCAT_ESCALATION_POLICY,
      stageOneBelowPercent: 95,
    });
  });

  test('a stage 1 line above the warning line is one issue, with its code, message and expected value', () => {
    const error = attendanceErrorOf(() => defineEscalationPolicy({ stageOneBelowPercent: 96 }));
    expect(error.issues).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message:
          'stageOneBelowPercent: Stage 1 (below 96 %) would start before the warning (below 95 %); received 96.',
        path: ['stageOneBelowPercent'],
        field: 'stageOneBelowPercent',
        expected: 'at most 95',
        received: '96',
      },
    ]);
  });
});

describe('defineEscalationPolicy: overrides that are not an object', () => {
  test('are one error at the root naming the fields expected', () => {
    const error = attendanceErrorOf(() => defineEscalationPolicy(5 as unknown as Partial<EscalationPolicy>));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ code: 'invalid_value', path: [], received: '5' });
  });
});

describe('safeDefineEscalationPolicy', () => {
  test('a valid policy is a success', () => {
    expect(safeDefineEscalationPolicy({ monitoringWeeks: 6 })).toEqual({
      success: true,
      data: { ...HCAT_ESCALATION_POLICY, monitoringWeeks: 6 },
    });
  });

  test('an error that is not an AttendanceError is thrown on, not returned as a failure', () => {
    const overrides = {
      get monitoringWeeks(): number {
        throw new RangeError('the configuration could not be read');
      },
    };
    expect(() => safeDefineEscalationPolicy(overrides)).toThrow(RangeError);
  });
});
