import { describe, expect, test } from 'vitest';
import { defineEscalationPolicy, HCAT_ESCALATION_POLICY } from '../../src/index.js';
import type { EscalationPolicy } from '../../src/index.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

describe('defineEscalationPolicy', () => {
  test('the trust preset is valid as it is', () => {
    expect(defineEscalationPolicy()).toEqual(HCAT_ESCALATION_POLICY);
  });

  test('changes merge onto the preset', () => {
    const policy = defineEscalationPolicy({ monitoringWeeks: 6, maximumExtensionWeeks: 4 });
    expect(policy).toEqual({ ...HCAT_ESCALATION_POLICY, monitoringWeeks: 6, maximumExtensionWeeks: 4 });
  });

  test('every invalid value is reported with its path', () => {
    const error = attendanceErrorOf(() =>
      defineEscalationPolicy({
        monitoringWeeks: 0,
        improvementAtLeastPercent: 95.555,
        sessionsPerAbsentDay: 1.5,
      })
    );
    expect(error.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'improvementAtLeastPercent',
      'monitoringWeeks',
      'sessionsPerAbsentDay',
    ]);
  });

  test('a stage 1 line above the warning line is rejected', () => {
    const error = attendanceErrorOf(() => defineEscalationPolicy({ stageOneBelowPercent: 96 }));
    expect(error.issues[0]).toMatchObject({ path: ['stageOneBelowPercent'], expected: 'at most 95' });
  });

  test('a misspelt setting is reported, not ignored', () => {
    const overrides = JSON.parse('{"monitoringWeek":5}') as Partial<EscalationPolicy>;
    const error = attendanceErrorOf(() => defineEscalationPolicy(overrides));
    expect(error.issues[0]).toMatchObject({ path: ['monitoringWeek'], field: 'monitoringWeek' });
  });
});
