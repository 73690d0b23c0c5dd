import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import {
  CODE_SET_2024_START,
  COMPACT_CODES,
  countSessions,
  createSessionSlots,
  toCompactRegister,
} from '../../src/index.js';
import type {
  AttendanceIssue,
  CountSessionsOptions,
  RegisterCode,
  SessionCounts,
  SessionMark,
} from '../../src/index.js';
import { CODES_OF_SET, categorisedCodeArb, categoryOf } from '../_arbitraries/code.js';
import type { MarkCategory } from '../_arbitraries/code.js';
import {
  disjointRegistersArb,
  registerArb,
  registerWithFreeSlotArb,
  slotAt,
  SLOT_COUNT,
} from '../_arbitraries/register.js';

type NumericField = Exclude<keyof SessionCounts, 'byCode' | 'warnings'>;

const NUMERIC_FIELDS: readonly NumericField[] = [
  'possible',
  'attended',
  'present',
  'approvedEducationalActivity',
  'authorised',
  'unauthorised',
  'absent',
  'notPossible',
  'unmarked',
  'late',
  'lateAfterRegisterClosed',
];

/** The counters a mark of each category adds one to (besides its own code in `byCode`). */
const COUNTERS_OF_CATEGORY: Readonly<Record<MarkCategory, readonly NumericField[]>> = {
  present: ['present', 'attended', 'possible'],
  'approved-educational-activity': ['approvedEducationalActivity', 'attended', 'possible'],
  authorised: ['authorised', 'absent', 'possible'],
  unauthorised: ['unauthorised', 'absent', 'possible'],
  'not-possible': ['notPossible'],
  unmarked: ['unmarked'],
};

const optionsArb: fc.Arbitrary<CountSessionsOptions> = fc.record(
  {
    codeSet: fc.constantFrom('by-date' as const, '2024' as const, 'pre-2024' as const),
    unmarked: fc.constantFrom('unmarked' as const, 'as-N' as const),
  },
  { requiredKeys: [] }
);

/** The counts a register should give, recounted mark by mark from the DfE categories. */
function naiveCounts(
  register: readonly SessionMark[],
  options: CountSessionsOptions = {}
): Record<NumericField, number> {
  const counts = Object.fromEntries(NUMERIC_FIELDS.map((field) => [field, 0])) as Record<
    NumericField,
    number
  >;
  for (const mark of register) {
    let category = categoryOf(mark.code);
    if (category === 'unmarked' && options.unmarked === 'as-N') category = 'unauthorised';
    for (const field of COUNTERS_OF_CATEGORY[category]) counts[field] += 1;
    if (mark.code === 'L') counts.late += 1;
    if (mark.code === 'U') counts.lateAfterRegisterClosed += 1;
  }
  return counts;
}

/** The number of marks with each code, `-` standing for both spellings of no mark yet. */
function naiveByCode(register: readonly SessionMark[]): Record<string, number> {
  const byCode: Record<string, number> = {};
  for (const mark of register) {
    const code = mark.code === '' ? '-' : mark.code;
    byCode[code] = (byCode[code] ?? 0) + 1;
  }
  return byCode;
}

/** The codes used at least once, with their counts. */
function usedCodes(byCode: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(byCode).filter(([, count]) => count > 0));
}

function numericFields(counts: SessionCounts): Record<NumericField, number> {
  return Object.fromEntries(NUMERIC_FIELDS.map((field) => [field, counts[field]])) as Record<
    NumericField,
    number
  >;
}

/** A warning without its path (which names an index in the input, so differs between input forms and orders). */
function located(issue: AttendanceIssue): Omit<AttendanceIssue, 'path'> {
  return Object.fromEntries(Object.entries(issue).filter(([key]) => key !== 'path')) as Omit<
    AttendanceIssue,
    'path'
  >;
}

/** Warnings without their paths, in a fixed order (the two forms list them in different orders). */
function warningSet(counts: SessionCounts): string[] {
  return counts.warnings.map((issue) => JSON.stringify(located(issue))).sort();
}

function withoutWarnings(counts: SessionCounts): Omit<SessionCounts, 'warnings'> {
  return Object.fromEntries(Object.entries(counts).filter(([key]) => key !== 'warnings')) as Omit<
    SessionCounts,
    'warnings'
  >;
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

test.prop([registerArb({ period: 'straddle', maxLength: 80 }), optionsArb])(
  'counts equal a mark-by-mark recount by the DfE statistical categories',
  (register, options) => {
    const counts = countSessions(register, options);
    expect(numericFields(counts)).toEqual(naiveCounts(register, options));
    expect(usedCodes(counts.byCode)).toEqual(naiveByCode(register));
  }
);

test.prop([registerArb({ maxLength: 80 }), optionsArb])(
  'attended + absent = possible',
  (register, options) => {
    const counts = countSessions(register, options);
    expect(counts.attended + counts.absent).toBe(counts.possible);
  }
);

test.prop([registerArb({ maxLength: 80 }), optionsArb])(
  'present + approved educational activity = attended',
  (register, options) => {
    const counts = countSessions(register, options);
    expect(counts.present + counts.approvedEducationalActivity).toBe(counts.attended);
  }
);

test.prop([registerArb({ maxLength: 80 }), optionsArb])(
  'authorised + unauthorised = absent',
  (register, options) => {
    const counts = countSessions(register, options);
    expect(counts.authorised + counts.unauthorised).toBe(counts.absent);
  }
);

test.prop([registerArb({ maxLength: 80 }), optionsArb])(
  'possible + not possible + unmarked = number of marks',
  (register, options) => {
    const counts = countSessions(register, options);
    expect(counts.possible + counts.notPossible + counts.unmarked).toBe(register.length);
  }
);

test.prop([registerArb({ maxLength: 80 }), optionsArb])(
  'the per-code counts add up to the number of marks',
  (register, options) => {
    const counts = countSessions(register, options);
    expect(sum(Object.values(counts.byCode))).toBe(register.length);
  }
);

test.prop([registerArb({ maxLength: 80 }), optionsArb])(
  'the per-code counts name every code of both code sets, zero where unused',
  (register, options) => {
    const counts = countSessions(register, options);
    expect(Object.keys(counts.byCode).sort()).toEqual([...COMPACT_CODES].sort());
  }
);

test.prop([registerArb({ maxLength: 80 })])(
  'late is the number of L marks and late after the register closed the number of U marks',
  (register) => {
    const counts = countSessions(register);
    const lateMarks = register.filter((mark) => mark.code === 'L').length;
    const afterCloseMarks = register.filter((mark) => mark.code === 'U').length;
    expect(counts.late).toBe(counts.byCode.L);
    expect(counts.lateAfterRegisterClosed).toBe(counts.byCode.U);
    expect(counts.late).toBe(lateMarks);
    expect(counts.lateAfterRegisterClosed).toBe(afterCloseMarks);
  }
);

test.prop([
  registerArb({ period: 'straddle', maxLength: 80 }).chain((register) =>
    fc.tuple(
      fc.constant(register),
      fc.shuffledSubarray(register, { minLength: register.length, maxLength: register.length })
    )
  ),
  optionsArb,
])('counts do not depend on the order of the marks', (pair, options) => {
  const [register, permuted] = pair;
  const inOrder = countSessions(register, options);
  const shuffled = countSessions(permuted, options);
  expect(withoutWarnings(shuffled)).toEqual(withoutWarnings(inOrder));
  expect(warningSet(shuffled)).toEqual(warningSet(inOrder));
});

test.prop([registerArb({ period: 'straddle', maxLength: 80 }), optionsArb])(
  'the compact form over the same slots gives the same counts as the object form',
  (register, options) => {
    const slots = createSessionSlots(register.map(({ date, session }) => ({ date, session })));
    const compact = toCompactRegister(register, slots);
    const fromObjects = countSessions(register, options);
    const fromCompact = countSessions(compact, options);
    expect(withoutWarnings(fromCompact)).toEqual(withoutWarnings(fromObjects));
    expect(warningSet(fromCompact)).toEqual(warningSet(fromObjects));
  }
);

test.prop([
  registerArb({ period: 'straddle', maxLength: 40 }),
  fc.uniqueArray(fc.integer({ min: 0, max: SLOT_COUNT - 1 }), { maxLength: 40 }),
])('in the compact form, slots with no mark count as unmarked and nothing else', (register, extra) => {
  const taken = new Set(register.map(({ date, session }) => `${date} ${session}`));
  const extraSlots = extra.map(slotAt).filter(({ date, session }) => !taken.has(`${date} ${session}`));
  const allSlots = [...register.map(({ date, session }) => ({ date, session })), ...extraSlots].sort(
    (left, right) =>
      left.date === right.date ? left.session.localeCompare(right.session) : left.date < right.date ? -1 : 1
  );
  const compact = toCompactRegister(register, createSessionSlots(allSlots));
  const expected = naiveCounts(register);
  expected.unmarked += extraSlots.length;
  const counts = countSessions(compact);
  expect(numericFields(counts)).toEqual(expected);
});

test.prop([
  registerWithFreeSlotArb({ period: 'straddle', maxLength: 60 }),
  categorisedCodeArb(),
  fc.constantFrom('unmarked' as const, 'as-N' as const),
])(
  'one more mark in a new session adds one to exactly the counters of its category',
  ({ register, freeSlot }, { category, code }, unmarked) => {
    const before = countSessions(register, { unmarked });
    const after = countSessions([...register, { ...freeSlot, code }], { unmarked });
    const counted: MarkCategory = category === 'unmarked' && unmarked === 'as-N' ? 'unauthorised' : category;
    const expected = numericFields(before);
    for (const field of COUNTERS_OF_CATEGORY[counted]) expected[field] += 1;
    if (code === 'L') expected.late += 1;
    if (code === 'U') expected.lateAfterRegisterClosed += 1;
    expect(numericFields(after)).toEqual(expected);
    const key = (code === '' ? '-' : code) as RegisterCode;
    expect(after.byCode).toEqual({ ...before.byCode, [key]: before.byCode[key] + 1 });
  }
);

test.prop([disjointRegistersArb({ period: 'straddle', maxLength: 80 }), optionsArb])(
  'counting two registers over disjoint periods together gives the field-wise sum',
  ([first, second], options) => {
    const together = countSessions([...first, ...second], options);
    const a = countSessions(first, options);
    const b = countSessions(second, options);
    for (const field of NUMERIC_FIELDS) expect(together[field], field).toBe(a[field] + b[field]);
    const byCode = Object.fromEntries(
      Object.entries(a.byCode).map(([code, count]) => [code, count + b.byCode[code as RegisterCode]])
    );
    expect(together.byCode).toEqual(byCode);
    expect(together.warnings.length).toBe(a.warnings.length + b.warnings.length);
  }
);

test.prop([
  registerArb({ period: 'straddle', maxLength: 80, code: fc.constantFrom(...COMPACT_CODES) }),
  fc.constantFrom('by-date' as const, '2024' as const, 'pre-2024' as const),
])(
  'each mark whose code is not in the code set in force gets exactly one code_outside_code_set warning',
  (register, codeSet) => {
    const counts = countSessions(register, { codeSet });
    const outside = register.filter((mark) => {
      if (mark.code === '-') return false;
      const set = codeSet !== 'by-date' ? codeSet : mark.date >= CODE_SET_2024_START ? '2024' : 'pre-2024';
      return !CODES_OF_SET[set].has(mark.code);
    });
    expect(counts.warnings.map((issue) => [issue.code, issue.date, issue.session, issue.received])).toEqual(
      outside.map((mark) => ['code_outside_code_set', mark.date, mark.session, mark.code])
    );
  }
);
