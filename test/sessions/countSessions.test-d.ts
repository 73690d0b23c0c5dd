import { describe, expectTypeOf, test } from 'vitest';
import {
  classifyAbsence,
  countSessions,
  isoDate,
  POLICY_PRESETS,
  safeCountSessions,
  safeDefinePolicy,
} from '../../src/index.js';
import type {
  AbsenceClass,
  AttendanceError,
  AttendancePolicy,
  CompactRegister,
  CountSessionsOptions,
  IsoDate,
  PolicyPresetName,
  RegisterCode,
  SafeResult,
  Session,
  SessionCounts,
  SessionMark,
} from '../../src/index.js';

type NumericField = Exclude<keyof SessionCounts, 'byCode' | 'warnings'>;

describe('countSessions types', () => {
  test('countSessions takes marks or a compact register and returns SessionCounts', () => {
    expectTypeOf(countSessions).returns.toEqualTypeOf<SessionCounts>();
    expectTypeOf(countSessions).parameter(0).toEqualTypeOf<readonly SessionMark[] | CompactRegister>();
    expectTypeOf(countSessions).parameter(1).toEqualTypeOf<CountSessionsOptions | undefined>();
  });

  test('every count of SessionCounts is a number', () => {
    expectTypeOf<NumericField>().toEqualTypeOf<
      | 'possible'
      | 'attended'
      | 'present'
      | 'approvedEducationalActivity'
      | 'authorised'
      | 'unauthorised'
      | 'absent'
      | 'notPossible'
      | 'unmarked'
      | 'late'
      | 'lateAfterRegisterClosed'
    >();
    expectTypeOf<SessionCounts[NumericField]>().toEqualTypeOf<number>();
    expectTypeOf<SessionCounts['byCode']>().toEqualTypeOf<Readonly<Record<RegisterCode, number>>>();
    const counts = countSessions([]);
    expectTypeOf(counts.possible).toEqualTypeOf<number>();
    expectTypeOf(counts.lateAfterRegisterClosed).toEqualTypeOf<number>();
  });

  test('a mark is dated by a checked IsoDate; a plain string is not one', () => {
    expectTypeOf<SessionMark['date']>().toEqualTypeOf<IsoDate>();
    expectTypeOf<SessionMark['session']>().toEqualTypeOf<Session>();
    expectTypeOf<Session>().toEqualTypeOf<'AM' | 'PM'>();
    expectTypeOf<IsoDate>().toExtend<string>();
    expectTypeOf<string>().not.toExtend<IsoDate>();
    const checked: SessionMark = { date: isoDate('2024-09-02'), session: 'AM', code: '/' };
    expectTypeOf(checked).toExtend<SessionMark>();
    // @ts-expect-error - a plain string is not a checked IsoDate
    const unchecked: SessionMark = { date: '2024-09-02', session: 'AM', code: '/' };
    expectTypeOf(unchecked).toExtend<SessionMark>();
  });

  test('AbsenceClass is exactly none, persistent or severe', () => {
    expectTypeOf<AbsenceClass>().toEqualTypeOf<'none' | 'persistent' | 'severe'>();
    expectTypeOf(classifyAbsence).returns.toEqualTypeOf<AbsenceClass>();
  });

  test("POLICY_PRESETS['hcat-trust'] is an AttendancePolicy, never undefined", () => {
    expectTypeOf(POLICY_PRESETS['hcat-trust']).toEqualTypeOf<AttendancePolicy>();
    expectTypeOf(POLICY_PRESETS['hcat-trust']).not.toBeNullable();
    expectTypeOf<PolicyPresetName>().toEqualTypeOf<
      'dfe' | 'dfe-live-figures' | 'dfe-2010-to-2015' | 'dfe-2005-to-2010' | 'hcat-trust'
    >();
    expectTypeOf(POLICY_PRESETS).toHaveProperty('dfe');
    // @ts-expect-error - there is no such preset
    expectTypeOf(POLICY_PRESETS['not-a-preset']).toBeAny();
  });

  test('SafeResult narrows on success', () => {
    const result = safeCountSessions([]);
    expectTypeOf(result).toEqualTypeOf<SafeResult<SessionCounts>>();
    if (result.success) {
      expectTypeOf(result.data).toEqualTypeOf<SessionCounts>();
      expectTypeOf(result).not.toHaveProperty('error');
    } else {
      expectTypeOf(result.error).toEqualTypeOf<AttendanceError>();
      expectTypeOf(result).not.toHaveProperty('data');
    }
    const policy = safeDefinePolicy({});
    if (policy.success) expectTypeOf(policy.data).toEqualTypeOf<AttendancePolicy>();
    else expectTypeOf(policy.error.issues[0].code).toBeString();
  });
});
