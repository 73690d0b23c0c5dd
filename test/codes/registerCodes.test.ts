import { describe, expect, test } from 'vitest';
import {
  CODE_SET_2024_START,
  CODE_SET_PRE_2024_END,
  CODE_SET_PRE_2024_START,
  COMPACT_CODES,
  REGISTER_CODES_2024,
  REGISTER_CODES_PRE_2024,
  toCompactCode,
  UNMARKED_CODES,
} from '../../src/index.js';
import type { RegisterCodeDefinition, StatisticalCategory } from '../../src/index.js';

// The 2024 code set of SI 2024/208 reg 10, in the order the DfE guidance lists it.
const EXPECTED_2024_CODES = [
  '/',
  '\\',
  'L',
  'K',
  'V',
  'P',
  'W',
  'B',
  'D',
  'C1',
  'M',
  'J1',
  'S',
  'X',
  'C2',
  'C',
  'T',
  'R',
  'I',
  'E',
  'Q',
  'Y1',
  'Y2',
  'Y3',
  'Y4',
  'Y5',
  'Y6',
  'Y7',
  'G',
  'N',
  'O',
  'U',
  'Z',
  '#',
];

// The codes of the 2006 Regulations as amended (2010, 2011, 2013, 2016).
const EXPECTED_PRE_2024_CODES = [
  '/',
  '\\',
  'L',
  'B',
  'D',
  'J',
  'P',
  'V',
  'W',
  'C',
  'E',
  'F',
  'H',
  'I',
  'M',
  'R',
  'S',
  'T',
  'G',
  'N',
  'O',
  'U',
  'X',
  'Y',
  'Z',
  '#',
];

const ALL_ROWS: readonly RegisterCodeDefinition[] = [...REGISTER_CODES_2024, ...REGISTER_CODES_PRE_2024];

const sorted = (codes: Iterable<string>): string[] => [...codes].sort();

/** The codes of both sets whose rows carry the category, each once. */
function codesInCategory(category: StatisticalCategory): string[] {
  return sorted(new Set(ALL_ROWS.filter((row) => row.category === category).map((row) => row.code)));
}

function codesOf(rows: readonly RegisterCodeDefinition[]): string[] {
  return rows.map((row) => row.code);
}

describe('REGISTER_CODES_2024: the codes of SI 2024/208 reg 10', () => {
  test('holds exactly the 34 codes of the 2024 set', () => {
    expect(EXPECTED_2024_CODES).toHaveLength(34);
    expect(REGISTER_CODES_2024).toHaveLength(34);
    expect(sorted(codesOf(REGISTER_CODES_2024))).toEqual(sorted(EXPECTED_2024_CODES));
  });

  test('has no code twice', () => {
    const codes = codesOf(REGISTER_CODES_2024);
    expect(new Set(codes).size).toBe(codes.length);
  });

  test('holds none of the codes withdrawn in 2024 (J, H, F, Y)', () => {
    expect(codesOf(REGISTER_CODES_2024)).not.toContain('J');
    expect(codesOf(REGISTER_CODES_2024)).not.toContain('H');
    expect(codesOf(REGISTER_CODES_2024)).not.toContain('F');
    expect(codesOf(REGISTER_CODES_2024)).not.toContain('Y');
  });

  test.each(REGISTER_CODES_2024.map((row) => [row.code, row] as const))(
    '%s belongs to the 2024 set, in force from 19 August 2024 with no end date',
    (_code, row) => {
      expect(row.codeSet).toBe('2024');
      expect(row.validFrom).toBe(CODE_SET_2024_START);
      expect(row.validTo).toBeNull();
    }
  );
});

describe('REGISTER_CODES_PRE_2024: the codes of the 2006 Regulations as amended', () => {
  test('holds exactly the 26 codes of the pre-2024 set', () => {
    expect(EXPECTED_PRE_2024_CODES).toHaveLength(26);
    expect(REGISTER_CODES_PRE_2024).toHaveLength(26);
    expect(sorted(codesOf(REGISTER_CODES_PRE_2024))).toEqual(sorted(EXPECTED_PRE_2024_CODES));
  });

  test('has no code twice', () => {
    const codes = codesOf(REGISTER_CODES_PRE_2024);
    expect(new Set(codes).size).toBe(codes.length);
  });

  test('holds none of the codes new in 2024 (K, C1, C2, J1, Q, Y1–Y7)', () => {
    for (const code of ['K', 'C1', 'C2', 'J1', 'Q', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7']) {
      expect(codesOf(REGISTER_CODES_PRE_2024)).not.toContain(code);
    }
  });

  test.each(REGISTER_CODES_PRE_2024.map((row) => [row.code, row] as const))(
    '%s belongs to the pre-2024 set, valid from 1 September 2006 and ending by 18 August 2024',
    (_code, row) => {
      expect(row.codeSet).toBe('pre-2024');
      expect(row.validFrom).toBe(CODE_SET_PRE_2024_START);
      expect(row.validTo).not.toBeNull();
      expect(row.validTo! <= CODE_SET_PRE_2024_END).toBe(true);
      expect(row.validFrom <= row.validTo!).toBe(true);
    }
  );

  test('every code except F is valid up to the last day of the 2006 Regulations', () => {
    for (const row of REGISTER_CODES_PRE_2024.filter((definition) => definition.code !== 'F')) {
      expect(row.validTo, row.code).toBe(CODE_SET_PRE_2024_END);
    }
  });

  test('F (agreed extended family holiday) ends before the spring 2014 census, withdrawn by the 2013 amendment', () => {
    const f = REGISTER_CODES_PRE_2024.find((row) => row.code === 'F');
    expect(f).toBeDefined();
    expect(f!.validTo).not.toBeNull();
    expect(f!.validTo! < '2014-01-01').toBe(true);
  });
});

describe('the cut-over dates', () => {
  test('the 2024 set starts on 19 August 2024 and the pre-2024 set ends on 18 August 2024', () => {
    expect(CODE_SET_2024_START).toBe('2024-08-19');
    expect(CODE_SET_PRE_2024_END).toBe('2024-08-18');
  });

  test('the pre-2024 set starts when the 2006 Regulations came into force, 1 September 2006', () => {
    expect(CODE_SET_PRE_2024_START).toBe('2006-09-01');
  });
});

describe('every row of both tables', () => {
  test.each(ALL_ROWS.map((row) => [row.codeSet, row.code, row] as const))(
    '%s %s has a meaning and a source',
    (_set, _code, row) => {
      expect(row.meaning.trim()).not.toBe('');
      expect(row.source.trim()).not.toBe('');
    }
  );

  test.each(ALL_ROWS.map((row) => [row.codeSet, row.code, row] as const))(
    '%s %s is a possible session exactly when it counts as attendance or absence',
    (_set, _code, row) => {
      expect(row.possibleSession).toBe(row.category !== 'not-possible');
    }
  );

  test('only G, N, O and U count toward the penalty-notice threshold, in both sets', () => {
    expect(sorted(REGISTER_CODES_2024.filter((r) => r.countsTowardPenaltyNotice).map((r) => r.code))).toEqual(
      sorted(['G', 'N', 'O', 'U'])
    );
    expect(
      sorted(REGISTER_CODES_PRE_2024.filter((r) => r.countsTowardPenaltyNotice).map((r) => r.code))
    ).toEqual(sorted(['G', 'N', 'O', 'U']));
  });
});

describe('DfE data identities: which codes make up each sum', () => {
  // DfE's published attendance data satisfy present = / + \ + L, AEA = B + J + P + V + W + K,
  // unauthorised = G + U + O + N, authorised = I + M + R + S + T + H + E + C + C1 + J1 + C2 (F is a legacy
  // authorised code folded into H), and codes in none of those sums are not possible sessions.
  test('present is exactly / \\ L', () => {
    expect(codesInCategory('present')).toEqual(sorted(['/', '\\', 'L']));
  });

  test('approved educational activity is exactly B J P V W K across both sets', () => {
    expect(codesInCategory('approved-educational-activity')).toEqual(sorted(['B', 'J', 'P', 'V', 'W', 'K']));
  });

  test('unauthorised absence is exactly G U O N', () => {
    expect(codesInCategory('unauthorised')).toEqual(sorted(['G', 'U', 'O', 'N']));
  });

  test('authorised absence is exactly I M R S T H E C C1 J1 C2, plus the legacy F', () => {
    expect(codesInCategory('authorised')).toEqual(
      sorted(['I', 'M', 'R', 'S', 'T', 'H', 'E', 'C', 'C1', 'J1', 'C2', 'F'])
    );
  });

  test('not a possible session is exactly D X Q Y1–Y7 Z # and the legacy Y', () => {
    expect(codesInCategory('not-possible')).toEqual(
      sorted(['D', 'X', 'Q', 'Y1', 'Y2', 'Y3', 'Y4', 'Y5', 'Y6', 'Y7', 'Z', '#', 'Y'])
    );
  });

  test('a code in both sets keeps the same category in both', () => {
    const pre2024 = new Map(REGISTER_CODES_PRE_2024.map((row) => [row.code, row.category]));
    for (const row of REGISTER_CODES_2024) {
      if (pre2024.has(row.code)) expect(row.category, row.code).toBe(pre2024.get(row.code));
    }
  });
});

describe('COMPACT_CODES and toCompactCode', () => {
  test('byte 0 is "no mark yet"', () => {
    expect(COMPACT_CODES[0]).toBe('-');
    expect(toCompactCode('-')).toBe(0);
    expect(toCompactCode('')).toBe(0);
  });

  test('a second character beyond ASCII never reads another pair: "B\u00b1" is not C1', () => {
    // 'B' * 128 + 177 is the index of 'C' * 128 + '1'.
    expect(toCompactCode('C1')).toBeDefined();
    expect(toCompactCode('B\u00b1')).toBeUndefined();
    expect(toCompactCode('\u00e9')).toBeUndefined();
  });

  test('"-" and "" are the spellings of no mark yet', () => {
    expect(sorted(UNMARKED_CODES)).toEqual(sorted(['-', '']));
  });

  test.each(sorted(new Set(codesOf(ALL_ROWS))))('%s appears in COMPACT_CODES exactly once', (code) => {
    expect(COMPACT_CODES.filter((compact) => compact === code)).toHaveLength(1);
  });

  test('holds every code of both sets and "-", and nothing else', () => {
    expect(sorted(COMPACT_CODES)).toEqual(sorted(new Set(['-', ...codesOf(ALL_ROWS)])));
    expect(COMPACT_CODES).toHaveLength(1 + 34 + 4);
  });

  test.each(COMPACT_CODES.map((code, index) => [index, code] as const))(
    'byte %i (%s) round-trips through toCompactCode',
    (index, code) => {
      expect(toCompactCode(code)).toBe(index);
    }
  );

  test('codes in neither set have no byte', () => {
    for (const code of ['Q9', 'l', ' /', 'j1', 'Y8', '--', 'A']) {
      expect(toCompactCode(code), code).toBeUndefined();
    }
  });

  test('is frozen, so stored compact registers keep their meaning', () => {
    expect(Object.isFrozen(COMPACT_CODES)).toBe(true);
  });
});
