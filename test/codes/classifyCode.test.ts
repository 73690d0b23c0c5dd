import { describe, expect, test } from 'vitest';
import { AttendanceError, classifyCode, isoDate } from '../../src/index.js';
import type { CodeClassification, CodeGroup, IsoDate, StatisticalCategory } from '../../src/index.js';

/** Narrows a classification to the `classified` outcome, failing the test otherwise. */
function expectClassified(result: CodeClassification) {
  if (result.outcome !== 'classified') {
    throw new Error(`expected a classified code, got outcome "${result.outcome}"`);
  }
  return result;
}

/** Narrows a classification to the `unknown` outcome, failing the test otherwise. */
function expectUnknown(result: CodeClassification) {
  if (result.outcome !== 'unknown') {
    throw new Error(`expected an unknown code, got outcome "${result.outcome}"`);
  }
  return result;
}

interface ExpectedRow {
  readonly code: string;
  readonly category: StatisticalCategory;
  readonly possible: boolean;
  readonly penalty: boolean;
}

interface Expected2024Row extends ExpectedRow {
  readonly group: CodeGroup;
}

// The 2024 code set (SI 2024/208 reg 10, in force from 19 August 2024), as the DfE guidance groups it, with
// the statistical treatment DfE's published attendance data uses. Possible sessions are the codes counted as
// attendance or absence; D, X, Q, Y1–Y7, Z and # are not. The national penalty-notice framework counts any mix
// of G, N, O and U.
const CODES_2024: readonly Expected2024Row[] = [
  // "Present at the start of the morning register" — attending the school; attendance (present)
  { code: '/', group: 'attending-the-school', category: 'present', possible: true, penalty: false },
  // "Present at the start of the afternoon register" — attending the school; attendance (present)
  { code: '\\', group: 'attending-the-school', category: 'present', possible: true, penalty: false },
  // "Absent when register began but arrived before it closed" — attending the school; attendance (present)
  { code: 'L', group: 'attending-the-school', category: 'present', possible: true, penalty: false },
  // "Attending education provision arranged by the local authority … at a place other than the school"
  // — attendance (approved educational activity)
  {
    code: 'K',
    group: 'attending-a-place-other-than-the-school',
    category: 'approved-educational-activity',
    possible: true,
    penalty: false,
  },
  // "On an educational visit/trip arranged by the school and supervised by school staff" — attendance (AEA)
  {
    code: 'V',
    group: 'attending-a-place-other-than-the-school',
    category: 'approved-educational-activity',
    possible: true,
    penalty: false,
  },
  // "Approved sporting activity" — attendance (AEA)
  {
    code: 'P',
    group: 'attending-a-place-other-than-the-school',
    category: 'approved-educational-activity',
    possible: true,
    penalty: false,
  },
  // "Work experience" — attendance (AEA)
  {
    code: 'W',
    group: 'attending-a-place-other-than-the-school',
    category: 'approved-educational-activity',
    possible: true,
    penalty: false,
  },
  // "Any other approved educational activity" — attendance (AEA)
  {
    code: 'B',
    group: 'attending-a-place-other-than-the-school',
    category: 'approved-educational-activity',
    possible: true,
    penalty: false,
  },
  // "Dual registered — attending the other school at which also registered" — not counted, not possible
  {
    code: 'D',
    group: 'attending-a-place-other-than-the-school',
    category: 'not-possible',
    possible: false,
    penalty: false,
  },
  // "Leave to take part in a regulated performance or regulated employment abroad" — authorised absence
  { code: 'C1', group: 'leave-of-absence', category: 'authorised', possible: true, penalty: false },
  // "Leave for a medical or dental appointment" — authorised absence
  { code: 'M', group: 'leave-of-absence', category: 'authorised', possible: true, penalty: false },
  // "Leave to attend an interview for employment or admission to another educational institution"
  // — authorised absence (was AEA as J before 2024)
  { code: 'J1', group: 'leave-of-absence', category: 'authorised', possible: true, penalty: false },
  // "Study leave" — authorised absence
  { code: 'S', group: 'leave-of-absence', category: 'authorised', possible: true, penalty: false },
  // "Non-compulsory-school-age pupil not required to attend this session" — not counted, not possible
  { code: 'X', group: 'leave-of-absence', category: 'not-possible', possible: false, penalty: false },
  // "Leave for a compulsory-school-age pupil on a temporary part-time timetable" — authorised absence
  { code: 'C2', group: 'leave-of-absence', category: 'authorised', possible: true, penalty: false },
  // "Leave of absence for exceptional circumstances" — authorised absence
  { code: 'C', group: 'leave-of-absence', category: 'authorised', possible: true, penalty: false },
  // "Parent travelling for occupational purposes" — absent, other authorised reasons; authorised absence
  {
    code: 'T',
    group: 'absent-other-authorised-reasons',
    category: 'authorised',
    possible: true,
    penalty: false,
  },
  // "Religious observance on a day set apart by the parent's religious body" — authorised absence
  {
    code: 'R',
    group: 'absent-other-authorised-reasons',
    category: 'authorised',
    possible: true,
    penalty: false,
  },
  // "Illness (physical or mental; not appointments)" — authorised absence
  {
    code: 'I',
    group: 'absent-other-authorised-reasons',
    category: 'authorised',
    possible: true,
    penalty: false,
  },
  // "Suspended or permanently excluded and no alternative provision made" — authorised absence
  {
    code: 'E',
    group: 'absent-other-authorised-reasons',
    category: 'authorised',
    possible: true,
    penalty: false,
  },
  // "Unable to attend because the LA has not made access arrangements" — not counted, not possible
  {
    code: 'Q',
    group: 'unable-to-attend-unavoidable-cause',
    category: 'not-possible',
    possible: false,
    penalty: false,
  },
  // "Transport normally provided not available and home not within walking distance" — not counted
  {
    code: 'Y1',
    group: 'unable-to-attend-unavoidable-cause',
    category: 'not-possible',
    possible: false,
    penalty: false,
  },
  // "Widespread travel disruption from a local, national or international emergency" — not counted
  {
    code: 'Y2',
    group: 'unable-to-attend-unavoidable-cause',
    category: 'not-possible',
    possible: false,
    penalty: false,
  },
  // "Part of the premises unavoidably out of use" — not counted
  {
    code: 'Y3',
    group: 'unable-to-attend-unavoidable-cause',
    category: 'not-possible',
    possible: false,
    penalty: false,
  },
  // "Whole school site unexpectedly closed; session cancelled" — not counted
  {
    code: 'Y4',
    group: 'unable-to-attend-unavoidable-cause',
    category: 'not-possible',
    possible: false,
    penalty: false,
  },
  // "In criminal-justice detention" — not counted
  {
    code: 'Y5',
    group: 'unable-to-attend-unavoidable-cause',
    category: 'not-possible',
    possible: false,
    penalty: false,
  },
  // "Attendance/travel would breach public-health guidance or law on infection" — not counted
  {
    code: 'Y6',
    group: 'unable-to-attend-unavoidable-cause',
    category: 'not-possible',
    possible: false,
    penalty: false,
  },
  // "Any other unavoidable cause" — not counted
  {
    code: 'Y7',
    group: 'unable-to-attend-unavoidable-cause',
    category: 'not-possible',
    possible: false,
    penalty: false,
  },
  // "Holiday taken without leave (or beyond the leave granted)" — unauthorised; counts toward a PN
  { code: 'G', group: 'unauthorised-absence', category: 'unauthorised', possible: true, penalty: true },
  // "Reason for absence not yet established" — unauthorised; counts toward a PN
  { code: 'N', group: 'unauthorised-absence', category: 'unauthorised', possible: true, penalty: true },
  // "Absent in other or unknown circumstances" — unauthorised; counts toward a PN
  { code: 'O', group: 'unauthorised-absence', category: 'unauthorised', possible: true, penalty: true },
  // "Arrived after the register closed but before the session ended" — unauthorised; counts toward a PN
  { code: 'U', group: 'unauthorised-absence', category: 'unauthorised', possible: true, penalty: true },
  // "Prospective pupil not yet on the admission register" — administrative; not counted
  { code: 'Z', group: 'administrative', category: 'not-possible', possible: false, penalty: false },
  // "Planned school closure (non-teaching/holiday/INSET)" — administrative; not counted
  { code: '#', group: 'administrative', category: 'not-possible', possible: false, penalty: false },
];

// The pre-2024 code set (SI 2006/1751 as amended 2010, 2011, 2013, 2016), with the DfE statistical groups.
// Only the unauthorised codes G, N, O and U count toward a penalty notice by default.
const CODES_PRE_2024: readonly ExpectedRow[] = [
  // "Present AM" — present
  { code: '/', category: 'present', possible: true, penalty: false },
  // "Present PM" — present
  { code: '\\', category: 'present', possible: true, penalty: false },
  // "Late before registers closed" — present
  { code: 'L', category: 'present', possible: true, penalty: false },
  // "Educated off site (not dual registration)" — AEA (attendance)
  { code: 'B', category: 'approved-educational-activity', possible: true, penalty: false },
  // "Dual registered" — not counted (from Sept 2011)
  { code: 'D', category: 'not-possible', possible: false, penalty: false },
  // "Interview" — AEA (attendance); its 2024 equivalent J1 is authorised absence
  { code: 'J', category: 'approved-educational-activity', possible: true, penalty: false },
  // "Sporting activity" — AEA
  { code: 'P', category: 'approved-educational-activity', possible: true, penalty: false },
  // "Trip" — AEA
  { code: 'V', category: 'approved-educational-activity', possible: true, penalty: false },
  // "Work experience" — AEA
  { code: 'W', category: 'approved-educational-activity', possible: true, penalty: false },
  // "Other authorised circumstances / leave authorised by the school" — authorised
  { code: 'C', category: 'authorised', possible: true, penalty: false },
  // "Excluded, no alternative provision" — authorised
  { code: 'E', category: 'authorised', possible: true, penalty: false },
  // "Agreed extended family holiday" — authorised (discontinued from spring 2014)
  { code: 'F', category: 'authorised', possible: true, penalty: false },
  // "Agreed family holiday" — authorised
  { code: 'H', category: 'authorised', possible: true, penalty: false },
  // "Illness" — authorised
  { code: 'I', category: 'authorised', possible: true, penalty: false },
  // "Appointment" — authorised
  { code: 'M', category: 'authorised', possible: true, penalty: false },
  // "Religious observance" — authorised
  { code: 'R', category: 'authorised', possible: true, penalty: false },
  // "Study leave" — authorised
  { code: 'S', category: 'authorised', possible: true, penalty: false },
  // "Traveller absence" — authorised
  { code: 'T', category: 'authorised', possible: true, penalty: false },
  // "Family holiday not agreed / beyond agreement" — unauthorised
  { code: 'G', category: 'unauthorised', possible: true, penalty: true },
  // "No reason yet provided" — unauthorised
  { code: 'N', category: 'unauthorised', possible: true, penalty: true },
  // "Other unauthorised absence" — unauthorised
  { code: 'O', category: 'unauthorised', possible: true, penalty: true },
  // "Arrived after registers closed" — unauthorised
  { code: 'U', category: 'unauthorised', possible: true, penalty: true },
  // "Non-compulsory school age not required to attend" — not counted
  { code: 'X', category: 'not-possible', possible: false, penalty: false },
  // "Unable to attend due to exceptional circumstances" — not counted
  { code: 'Y', category: 'not-possible', possible: false, penalty: false },
  // "Pupil not yet on roll" — not counted
  { code: 'Z', category: 'not-possible', possible: false, penalty: false },
  // "Planned whole or partial school closure" — not counted
  { code: '#', category: 'not-possible', possible: false, penalty: false },
];

// A Monday of the 2024/25 school year, and one of 2012/13 (after D stopped counting in September 2011, and
// while F was still a code in use).
const DATE_2024_SET = isoDate('2024-09-02');
const DATE_PRE_2024_SET = isoDate('2012-09-03');
const CUT_OVER = isoDate('2024-08-19');
const DAY_BEFORE_CUT_OVER = isoDate('2024-08-18');

describe('classifyCode: every code of the 2024 code set (SI 2024/208 reg 10, DfE statistics)', () => {
  test('the 2024 table covers 34 codes', () => {
    expect(CODES_2024).toHaveLength(34);
  });

  test.each(CODES_2024)(
    '$code is $category (possible session: $possible, counts toward a penalty notice: $penalty)',
    ({ code, group, category, possible, penalty }) => {
      const result = expectClassified(classifyCode(code, { date: DATE_2024_SET }));
      expect(result.codeSet).toBe('2024');
      expect(result.warning).toBeUndefined();
      expect(result.definition.code).toBe(code);
      expect(result.definition.codeSet).toBe('2024');
      expect(result.definition.group).toBe(group);
      expect(result.definition.category).toBe(category);
      expect(result.definition.possibleSession).toBe(possible);
      expect(result.definition.countsTowardPenaltyNotice).toBe(penalty);
    }
  );
});

describe('classifyCode: every code of the pre-2024 code set (2006 Regulations as amended)', () => {
  test('the pre-2024 table covers 26 codes', () => {
    expect(CODES_PRE_2024).toHaveLength(26);
  });

  test.each(CODES_PRE_2024)(
    '$code is $category (possible session: $possible, counts toward a penalty notice: $penalty)',
    ({ code, category, possible, penalty }) => {
      const result = expectClassified(classifyCode(code, { date: DATE_PRE_2024_SET }));
      expect(result.codeSet).toBe('pre-2024');
      expect(result.warning).toBeUndefined();
      expect(result.definition.code).toBe(code);
      expect(result.definition.codeSet).toBe('pre-2024');
      expect(result.definition.category).toBe(category);
      expect(result.definition.possibleSession).toBe(possible);
      expect(result.definition.countsTowardPenaltyNotice).toBe(penalty);
    }
  );
});

describe('classifyCode: the code set in force is chosen by the session date', () => {
  test('19 August 2024, the day the 2024 Regulations came into force, reads the 2024 set', () => {
    const k = expectClassified(classifyCode('K', { date: CUT_OVER }));
    expect(k.codeSet).toBe('2024');
    expect(k.warning).toBeUndefined();
    const j = expectClassified(classifyCode('J', { date: CUT_OVER }));
    expect(j.codeSet).toBe('pre-2024');
    expect(j.warning?.code).toBe('code_outside_code_set');
  });

  test('18 August 2024, the last day of the 2006 Regulations, reads the pre-2024 set', () => {
    const j = expectClassified(classifyCode('J', { date: DAY_BEFORE_CUT_OVER }));
    expect(j.codeSet).toBe('pre-2024');
    expect(j.warning).toBeUndefined();
    const k = expectClassified(classifyCode('K', { date: DAY_BEFORE_CUT_OVER }));
    expect(k.codeSet).toBe('2024');
    expect(k.warning?.code).toBe('code_outside_code_set');
  });

  test('a code in both sets is read from the set in force on either side of the cut-over', () => {
    expect(expectClassified(classifyCode('/', { date: CUT_OVER })).definition.codeSet).toBe('2024');
    expect(expectClassified(classifyCode('/', { date: DAY_BEFORE_CUT_OVER })).definition.codeSet).toBe(
      'pre-2024'
    );
    expect(expectClassified(classifyCode('T', { date: DATE_2024_SET })).definition.codeSet).toBe('2024');
    expect(expectClassified(classifyCode('T', { date: DATE_PRE_2024_SET })).definition.codeSet).toBe(
      'pre-2024'
    );
  });

  test("'by-date' given explicitly behaves as the default", () => {
    const result = expectClassified(classifyCode('J', { date: DAY_BEFORE_CUT_OVER, codeSet: 'by-date' }));
    expect(result.codeSet).toBe('pre-2024');
    expect(result.warning).toBeUndefined();
  });
});

describe('classifyCode: an explicit code set overrides the date', () => {
  test("codeSet 'pre-2024' reads J as the 2006-era interview code in a 2025 session, without a warning", () => {
    const result = expectClassified(classifyCode('J', { date: isoDate('2025-01-06'), codeSet: 'pre-2024' }));
    expect(result.codeSet).toBe('pre-2024');
    expect(result.definition.category).toBe('approved-educational-activity');
    expect(result.warning).toBeUndefined();
  });

  test("codeSet '2024' reads J1 in a 2023 session as authorised absence, without a warning", () => {
    const result = expectClassified(classifyCode('J1', { date: isoDate('2023-09-04'), codeSet: '2024' }));
    expect(result.codeSet).toBe('2024');
    expect(result.definition.category).toBe('authorised');
    expect(result.warning).toBeUndefined();
  });

  test("codeSet '2024' warns about H even for a session dated before the cut-over", () => {
    const result = expectClassified(classifyCode('H', { date: isoDate('2023-09-04'), codeSet: '2024' }));
    expect(result.codeSet).toBe('pre-2024');
    expect(result.warning?.code).toBe('code_outside_code_set');
  });

  test('an explicit code set needs no date', () => {
    expect(expectClassified(classifyCode('C2', { codeSet: '2024' })).definition.category).toBe('authorised');
    expect(expectClassified(classifyCode('H', { codeSet: 'pre-2024' })).definition.category).toBe(
      'authorised'
    );
  });
});

describe('classifyCode: legacy codes in registers dated on or after 19 August 2024', () => {
  // DfE files still carry legacy H, J, Y and F columns after 2024; an importer must accept them, classify them
  // by the legacy table, and warn.
  test.each([
    { code: 'J', category: 'approved-educational-activity', possible: true },
    { code: 'H', category: 'authorised', possible: true },
    { code: 'F', category: 'authorised', possible: true },
    { code: 'Y', category: 'not-possible', possible: false },
  ] as const)(
    '$code is classified by the pre-2024 table as $category, with a code_outside_code_set warning',
    ({ code, category, possible }) => {
      const result = expectClassified(classifyCode(code, { date: DATE_2024_SET }));
      expect(result.codeSet).toBe('pre-2024');
      expect(result.definition.codeSet).toBe('pre-2024');
      expect(result.definition.category).toBe(category);
      expect(result.definition.possibleSession).toBe(possible);
      expect(result.definition.countsTowardPenaltyNotice).toBe(false);
      expect(result.warning).toBeDefined();
      expect(result.warning?.code).toBe('code_outside_code_set');
      expect(result.warning?.severity).toBe('warning');
      expect(result.warning?.received).toBe(code);
      expect(result.warning?.message).toContain(`"${code}"`);
    }
  );
});

describe('classifyCode: 2024-only codes in registers dated before 19 August 2024', () => {
  test.each([
    { code: 'K', category: 'approved-educational-activity', possible: true },
    { code: 'C1', category: 'authorised', possible: true },
    { code: 'C2', category: 'authorised', possible: true },
    { code: 'J1', category: 'authorised', possible: true },
    { code: 'Q', category: 'not-possible', possible: false },
    { code: 'Y1', category: 'not-possible', possible: false },
    { code: 'Y2', category: 'not-possible', possible: false },
    { code: 'Y3', category: 'not-possible', possible: false },
    { code: 'Y4', category: 'not-possible', possible: false },
    { code: 'Y5', category: 'not-possible', possible: false },
    { code: 'Y6', category: 'not-possible', possible: false },
    { code: 'Y7', category: 'not-possible', possible: false },
  ] as const)(
    '$code is classified by the 2024 table as $category, with a code_outside_code_set warning',
    ({ code, category, possible }) => {
      const result = expectClassified(classifyCode(code, { date: DAY_BEFORE_CUT_OVER }));
      expect(result.codeSet).toBe('2024');
      expect(result.definition.codeSet).toBe('2024');
      expect(result.definition.category).toBe(category);
      expect(result.definition.possibleSession).toBe(possible);
      expect(result.definition.countsTowardPenaltyNotice).toBe(false);
      expect(result.warning?.code).toBe('code_outside_code_set');
      expect(result.warning?.severity).toBe('warning');
      expect(result.warning?.received).toBe(code);
      expect(result.warning?.message).toContain(`"${code}"`);
    }
  );
});

describe('classifyCode: the statistically material change from J to J1 at 19 August 2024', () => {
  test('J (pre-2024 interview) is approved educational activity, counted as attendance', () => {
    const result = expectClassified(classifyCode('J', { codeSet: 'pre-2024' }));
    expect(result.definition.category).toBe('approved-educational-activity');
    expect(result.definition.possibleSession).toBe(true);
  });

  test('J1 (2024 interview leave) is authorised absence', () => {
    const result = expectClassified(classifyCode('J1', { codeSet: '2024' }));
    expect(result.definition.category).toBe('authorised');
    expect(result.definition.possibleSession).toBe(true);
  });

  test('an interview on either side of the cut-over counts differently', () => {
    const before = expectClassified(classifyCode('J', { date: DAY_BEFORE_CUT_OVER }));
    const after = expectClassified(classifyCode('J1', { date: CUT_OVER }));
    expect(before.definition.category).not.toBe(after.definition.category);
  });
});

describe('classifyCode: no mark yet', () => {
  test.each([
    { code: '-', options: { codeSet: '2024' } },
    { code: '-', options: { codeSet: 'pre-2024' } },
    { code: '', options: { codeSet: '2024' } },
    { code: '', options: { codeSet: 'pre-2024' } },
    { code: '-', options: { date: DATE_2024_SET } },
    { code: '', options: { date: DATE_PRE_2024_SET } },
  ] as const)('"$code" with $options is unmarked, neither present nor absent', ({ code, options }) => {
    expect(classifyCode(code, options)).toEqual({ outcome: 'unmarked', code });
  });
});

describe('classifyCode: unknown codes', () => {
  test.each([
    { code: 'Q9', label: 'a code in neither set' },
    { code: 'l', label: 'a lower-case letter (codes are case-sensitive)' },
    { code: ' /', label: 'a code with a leading space' },
    { code: 'y1', label: 'a lower-case 2024 code' },
    { code: 'A', label: 'a letter no code set uses' },
  ])('"$code" ($label) gives outcome unknown and an unknown_code issue naming it', ({ code }) => {
    for (const options of [
      { date: DATE_2024_SET },
      { date: DATE_PRE_2024_SET },
      { codeSet: '2024' as const },
    ]) {
      const result = expectUnknown(classifyCode(code, options));
      expect(result.code).toBe(code);
      expect(result.issue.code).toBe('unknown_code');
      expect(result.issue.severity).toBe('error');
      expect(result.issue.message).toContain(`"${code}"`);
      expect(result.issue.received).toBe(code);
      expect(result.issue.field).toBe('code');
    }
  });

  test('the unknown_code issue carries the session date when one was given', () => {
    const result = expectUnknown(classifyCode('Q9', { date: DATE_2024_SET }));
    expect(result.issue.date).toBe('2024-09-02');
  });
});

describe('classifyCode: a code set must be chosen', () => {
  test('neither a date nor a code set throws AttendanceError', () => {
    expect(() => classifyCode('/', {})).toThrow(AttendanceError);
  });

  test("codeSet 'by-date' without a date throws AttendanceError naming the date field", () => {
    let caught: unknown;
    try {
      classifyCode('/', { codeSet: 'by-date' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AttendanceError);
    const issue = (caught as AttendanceError).issues[0];
    expect(issue.code).toBe('invalid_value');
    expect(issue.severity).toBe('error');
    expect(issue.field).toBe('date');
  });

  test('the missing code set is reported even for a code that would be unknown or unmarked', () => {
    expect(() => classifyCode('Q9', {})).toThrow(AttendanceError);
    expect(() => classifyCode('-', {})).toThrow(AttendanceError);
  });
});

test('a date that names no real day is bad input even when the code set is chosen explicitly', () => {
  expect(() => classifyCode('/', { codeSet: '2024', date: '2024-02-30' as IsoDate })).toThrow(
    "classifyCode's date 2024-02-30 is not a real day in YYYY-MM-DD form."
  );
  expect(() => classifyCode('/', { date: '2024-02-30' as IsoDate })).toThrow('so it chooses no code set');
});
