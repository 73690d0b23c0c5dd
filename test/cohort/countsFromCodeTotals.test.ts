import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import {
  aggregateCohort,
  AttendanceError,
  countSessions,
  countsFromCodeTotals,
  safeCountsFromCodeTotals,
} from '../../src/index.js';
import { codeArb } from '../_arbitraries/code.js';
import { registerArb } from '../_arbitraries/register.js';

// Cohort figures from totals by code, as the school census (sessions possible and absence by reason) and DfE's
// pupil-level files give them, worked by hand from the code tables (REFERENCE §1): I, M, C1 are authorised; O, G
// are unauthorised; present and approved educational activity are attended; X is not a possible session.

describe('countsFromCodeTotals', () => {
  test('census totals: possible sessions and absence by reason, the attended sessions being the rest', () => {
    expect(
      countsFromCodeTotals({ possible: 380, byCode: { I: 10, M: 2, O: 12, G: 10 } }, { codeSet: '2024' })
    ).toEqual({ possible: 380, attended: 346, absent: 34, authorised: 12, unauthorised: 22, warnings: [] });
  });

  test('totals of every code: not-possible codes are not sessions, and presence must add up when both are given', () => {
    const byCode = { '/': 150, '\\': 148, L: 2, K: 4, I: 6, O: 10, X: 20 };
    expect(countsFromCodeTotals({ byCode }, { codeSet: '2024' })).toMatchObject({
      possible: 320,
      attended: 304,
      absent: 16,
    });
    expect(countsFromCodeTotals({ possible: 320, byCode }, { codeSet: '2024' }).attended).toBe(304);
    const wrong = safeCountsFromCodeTotals({ possible: 330, byCode }, { codeSet: '2024', id: 'A1' });
    expect(!wrong.success && wrong.error.issues[0]).toMatchObject({
      code: 'totals_mismatch',
      pupilId: 'A1',
      field: 'possible',
    });
  });

  test('the code set decides: J is approved educational activity before 2024 and no code after', () => {
    expect(
      countsFromCodeTotals({ possible: 10, byCode: { '/': 8, J: 2 } }, { codeSet: 'pre-2024' }).absent
    ).toBe(0);
    const after = countsFromCodeTotals({ possible: 10, byCode: { H: 2 } }, { codeSet: '2024' });
    expect(after.authorised).toBe(2);
    expect(after.warnings.map((issue) => issue.code)).toEqual(['code_outside_code_set']);
    expect(() => countsFromCodeTotals({ possible: 10, byCode: { Q9: 1 } }, { codeSet: '2024' })).toThrow(
      AttendanceError
    );
  });

  test('every problem is located: bad counts, more absence than possible, no way to tell attendance, unmarked sessions', () => {
    const result = safeCountsFromCodeTotals(
      { possible: 5, byCode: { I: 4, O: 2.5, U: -1, N: 3, '-': 2 } },
      { codeSet: '2024', id: 'B7' }
    );
    expect(!result.success && result.error.issues.map((issue) => issue.field)).toEqual([
      'byCode.O',
      'byCode.U',
      'byCode.-',
      'possible',
    ]);
    const noPresence = safeCountsFromCodeTotals({ byCode: { I: 4 } }, { codeSet: '2024' });
    expect(!noPresence.success && noPresence.error.issues[0].message).toContain('Give the possible sessions');
    for (const value of [
      null,
      1,
      'x',
      { byCode: [1] },
      { byCode: { I: 1n } },
      { possible: '5', byCode: {} },
    ]) {
      expect(() => safeCountsFromCodeTotals(value as never, { codeSet: '2024' })).not.toThrow();
      expect(safeCountsFromCodeTotals(value as never, { codeSet: '2024' }).success).toBe(false);
    }
    expect(safeCountsFromCodeTotals({ byCode: { '/': 1 } }, null as never).success).toBe(false);
  });

  test.prop([registerArb({ period: '2024', code: codeArb() }), fc.boolean()])(
    'two routes agree: counts from the totals of a register equal the counts of its marks',
    (marks, withPossible) => {
      const counts = countSessions(marks);
      fc.pre(counts.unmarked === 0);
      const fromTotals = countsFromCodeTotals(
        { ...(withPossible ? { possible: counts.possible } : {}), byCode: counts.byCode },
        { codeSet: '2024' }
      );
      const { possible, attended, absent, authorised, unauthorised } = counts;
      const { warnings, ...fromTotalsCounts } = fromTotals;
      expect(fromTotalsCounts).toEqual({ possible, attended, absent, authorised, unauthorised });
      // A legacy code after the cut-over is read by its own table, with a warning either way.
      expect(warnings.length > 0).toBe(counts.warnings.length > 0);
      expect(aggregateCohort([{ id: 'P', counts: fromTotals }])).toEqual(
        aggregateCohort([{ id: 'P', counts }])
      );
    }
  );
});
