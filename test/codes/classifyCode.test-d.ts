import { describe, expectTypeOf, test } from 'vitest';
import { classifyCode, COMPACT_CODES, isoDate } from '../../src/index.js';
import type {
  AttendanceIssue,
  ClassifyCodeOptions,
  CodeClassification,
  CodeSetId,
  IsoDate,
  RegisterCodeDefinition,
  StatisticalCategory,
} from '../../src/index.js';

describe('classifyCode types', () => {
  test('classifyCode takes a code and options and returns a CodeClassification', () => {
    expectTypeOf(classifyCode).parameters.toEqualTypeOf<[string, ClassifyCodeOptions]>();
    expectTypeOf(classifyCode).returns.toEqualTypeOf<CodeClassification>();
  });

  test('the options take a checked IsoDate, not a plain string', () => {
    expectTypeOf<ClassifyCodeOptions['date']>().toEqualTypeOf<IsoDate | undefined>();
    expectTypeOf<ClassifyCodeOptions['codeSet']>().toEqualTypeOf<CodeSetId | 'by-date' | undefined>();
    classifyCode('/', { date: isoDate('2024-09-02') });
    // @ts-expect-error - a plain string is not a checked IsoDate
    classifyCode('/', { date: '2024-09-02' });
  });

  test('the result narrows on outcome', () => {
    const result = classifyCode(COMPACT_CODES[1] ?? '/', { codeSet: '2024' });
    expectTypeOf(result.outcome).toEqualTypeOf<'classified' | 'unmarked' | 'unknown'>();
    if (result.outcome === 'classified') {
      expectTypeOf(result.definition).toEqualTypeOf<RegisterCodeDefinition>();
      expectTypeOf(result.definition.category).toEqualTypeOf<StatisticalCategory>();
      expectTypeOf(result.codeSet).toEqualTypeOf<CodeSetId>();
      expectTypeOf(result.warning).toEqualTypeOf<AttendanceIssue | undefined>();
      expectTypeOf(result).not.toHaveProperty('issue');
    } else if (result.outcome === 'unmarked') {
      expectTypeOf(result.code).toEqualTypeOf<string>();
      expectTypeOf(result).not.toHaveProperty('definition');
      expectTypeOf(result).not.toHaveProperty('issue');
    } else {
      expectTypeOf(result.outcome).toEqualTypeOf<'unknown'>();
      expectTypeOf(result.issue).toEqualTypeOf<AttendanceIssue>();
      expectTypeOf(result).not.toHaveProperty('definition');
    }
  });

  test('a statistical category is one of the five DfE categories', () => {
    expectTypeOf<StatisticalCategory>().toEqualTypeOf<
      'present' | 'approved-educational-activity' | 'authorised' | 'unauthorised' | 'not-possible'
    >();
    expectTypeOf<CodeSetId>().toEqualTypeOf<'2024' | 'pre-2024'>();
  });

  test('a code definition is read-only', () => {
    const definition = {} as RegisterCodeDefinition;
    // @ts-expect-error - definitions are read-only
    definition.possibleSession = false;
    expectTypeOf(definition.validTo).toEqualTypeOf<IsoDate | null>();
  });
});
