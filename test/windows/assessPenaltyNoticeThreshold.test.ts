import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  assessPenaltyNoticeThreshold,
  defineSchoolCalendar,
  definePolicy,
  DFE_POLICY,
  HCAT_PENALTY_NOTICE_RULE,
  HCAT_POLICY,
  isoDate,
  NATIONAL_PENALTY_NOTICE_RULE,
} from '../../src/index.js';
import type { SessionMark } from '../../src/index.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

const calendar = defineSchoolCalendar(
  JSON.parse(
    readFileSync(new URL('../../examples/calendars/example-la-2024-2026.json', import.meta.url), 'utf8')
  )
);

/** Both sessions of each date, recorded with one code. */
function wholeDays(code: string, ...dates: string[]): SessionMark[] {
  return dates.flatMap((date) => [
    { date: isoDate(date), session: 'AM' as const, code },
    { date: isoDate(date), session: 'PM' as const, code },
  ]);
}

describe('the two presets', () => {
  test('the national framework counts G, N, O and U within 10 school weeks, from 19 August 2024', () => {
    expect(NATIONAL_PENALTY_NOTICE_RULE).toEqual({
      length: 10,
      unit: 'school-weeks',
      threshold: 10,
      codes: ['G', 'N', 'O', 'U'],
      countFrom: '2024-08-19',
    });
    expect(DFE_POLICY.penaltyNotice).toBe(NATIONAL_PENALTY_NOTICE_RULE);
  });

  test('the trust policy counts O, U and G within 12 weeks', () => {
    expect(HCAT_PENALTY_NOTICE_RULE).toMatchObject({ length: 12, threshold: 10, codes: ['O', 'U', 'G'] });
    expect(HCAT_POLICY.penaltyNotice).toBe(HCAT_PENALTY_NOTICE_RULE);
  });
});

describe('assessPenaltyNoticeThreshold', () => {
  test('ten unauthorised sessions in one week: a notice must be considered, dated on the tenth', () => {
    const marks = wholeDays('O', '2024-09-09', '2024-09-10', '2024-09-11', '2024-09-12', '2024-09-13');
    const result = assessPenaltyNoticeThreshold(marks, calendar);
    expect(result.outcome).toBe('consider-penalty-notice');
    expect(result.firstReached?.periodEnd).toBe('2024-09-13');
    expect(result.firstReached?.marks).toHaveLength(10);
  });

  test('nine sessions are below the threshold', () => {
    const marks = wholeDays('G', '2024-09-09', '2024-09-10', '2024-09-11', '2024-09-12').concat(
      wholeDays('G', '2024-09-13').slice(0, 1)
    );
    const result = assessPenaltyNoticeThreshold(marks, calendar);
    expect(result.outcome).toBe('below-threshold');
    expect(result.maximum).toBe(9);
    expect(result.firstReached).toBeUndefined();
  });

  test('N counts nationally but not under the trust rule', () => {
    const marks = wholeDays('N', '2024-09-09', '2024-09-10', '2024-09-11', '2024-09-12', '2024-09-13');
    expect(assessPenaltyNoticeThreshold(marks, calendar, DFE_POLICY).outcome).toBe('consider-penalty-notice');
    expect(assessPenaltyNoticeThreshold(marks, calendar, HCAT_POLICY).outcome).toBe('below-threshold');
  });

  test('across the summer holiday: within 10 school weeks but not within 12 calendar weeks', () => {
    // Week of 30 June 2025 and week of 22 September 2025: twelve calendar weeks apart, but the six holiday weeks
    // are not school weeks, so they are only eight school weeks apart.
    const marks = [
      ...wholeDays('G', '2025-06-30', '2025-07-01'),
      ...wholeDays('O', '2025-07-02'),
      ...wholeDays('O', '2025-09-22', '2025-09-23'),
      ...wholeDays('U', '2025-09-24'),
    ];
    expect(assessPenaltyNoticeThreshold(marks, calendar, DFE_POLICY).outcome).toBe('consider-penalty-notice');
    expect(assessPenaltyNoticeThreshold(marks, calendar, HCAT_POLICY).outcome).toBe('below-threshold');
  });

  test('through the autumn term: within 12 calendar weeks but across 11 school weeks', () => {
    // Week of 2 September 2024 is school week 0; week of 18 November 2024 is school week 10 (one half-term week
    // between): eleven calendar weeks apart, so inside 12 calendar weeks but not inside 10 school weeks.
    const marks = [
      ...wholeDays('O', '2024-09-03', '2024-09-04'),
      ...wholeDays('U', '2024-09-05'),
      ...wholeDays('G', '2024-11-18', '2024-11-19', '2024-11-20'),
    ];
    expect(assessPenaltyNoticeThreshold(marks, calendar, HCAT_POLICY).outcome).toBe(
      'consider-penalty-notice'
    );
    const national = assessPenaltyNoticeThreshold(marks, calendar, DFE_POLICY);
    expect(national.outcome).toBe('below-threshold');
    expect(national.maximum).toBe(6);
  });

  test('the national framework does not count sessions before 19 August 2024', () => {
    const calendarAroundCutOver = defineSchoolCalendar({
      name: 'Two school years around the cut-over',
      years: [
        {
          name: '2023/24',
          halfTerms: [
            { name: 'Autumn 1', start: '2023-09-04', end: '2023-10-20' },
            { name: 'Autumn 2', start: '2023-10-30', end: '2023-12-20' },
            { name: 'Spring 1', start: '2024-01-04', end: '2024-02-09' },
            { name: 'Spring 2', start: '2024-02-19', end: '2024-03-28' },
            { name: 'Summer 1', start: '2024-04-15', end: '2024-05-24' },
            { name: 'Summer 2', start: '2024-06-03', end: '2024-07-23' },
          ],
        },
        {
          name: '2024/25',
          halfTerms: [
            { name: 'Autumn 1', start: '2024-09-02', end: '2024-10-25' },
            { name: 'Autumn 2', start: '2024-11-04', end: '2024-12-20' },
            { name: 'Spring 1', start: '2025-01-06', end: '2025-02-14' },
            { name: 'Spring 2', start: '2025-02-24', end: '2025-04-04' },
            { name: 'Summer 1', start: '2025-04-22', end: '2025-05-23' },
            { name: 'Summer 2', start: '2025-06-02', end: '2025-07-22' },
          ],
        },
      ],
    });
    const marks = [
      ...wholeDays('O', '2024-07-22', '2024-07-23'),
      ...wholeDays('O', '2024-09-02', '2024-09-03', '2024-09-04'),
    ];
    const national = assessPenaltyNoticeThreshold(marks, calendarAroundCutOver);
    expect(national.counted).toBe(6);
    expect(national.outcome).toBe('below-threshold');
    const fromJanuary = definePolicy({
      penaltyNotice: { ...NATIONAL_PENALTY_NOTICE_RULE, countFrom: isoDate('2024-01-01') },
    });
    expect(assessPenaltyNoticeThreshold(marks, calendarAroundCutOver, fromJanuary).outcome).toBe(
      'consider-penalty-notice'
    );
  });
});

describe('penalty-notice rules in a policy are validated', () => {
  test('a zero length, a fractional threshold and an unknown code are all reported', () => {
    const error = attendanceErrorOf(() =>
      definePolicy({
        penaltyNotice: { length: 0, unit: 'school-weeks', threshold: 9.5, codes: ['O', 'Q9' as 'O'] },
      })
    );
    expect(error.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'penaltyNotice.codes.1',
      'penaltyNotice.length',
      'penaltyNotice.threshold',
    ]);
    expect(error.issues.find((issue) => issue.path.join('.') === 'penaltyNotice.codes.1')?.code).toBe(
      'unknown_code'
    );
  });

  test('a rule listing a code twice is rejected', () => {
    const error = attendanceErrorOf(() =>
      definePolicy({ penaltyNotice: { ...NATIONAL_PENALTY_NOTICE_RULE, codes: ['O', 'O'] } })
    );
    expect(error.issues[0].path).toEqual(['penaltyNotice', 'codes']);
  });
});
