import { describe, expect, test } from 'vitest';
import {
  AttendanceError,
  classifyBand,
  DFE_ABSENCE_BANDS,
  defineBandTable,
  HCAT_ATTENDANCE_BANDS,
  HCAT_CLASSIFICATION_BANDS,
  HCAT_RAG_BANDS,
} from '../../src/index.js';
import type { Band, BandTable } from '../../src/index.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

function band(id: string, from: number, fromInclusive: boolean, to: number, toInclusive: boolean): Band {
  return { id, label: id, from, fromInclusive, to, toInclusive };
}

function table(bands: readonly Band[]): BandTable {
  return { id: 'school', name: 'School bands', measure: 'attendance', source: 'School policy', bands };
}

function codesOf(error: AttendanceError): string[] {
  return error.issues.map((issue) => issue.code);
}

describe('defineBandTable accepts', () => {
  test.each([
    ['DfE absence bands', DFE_ABSENCE_BANDS],
    ['trust attendance bands', HCAT_ATTENDANCE_BANDS],
    ['trust classification', HCAT_CLASSIFICATION_BANDS],
    ['trust RAG colours', HCAT_RAG_BANDS],
  ])('the %s preset', (_name, preset) => {
    expect(defineBandTable(preset)).toEqual(preset);
  });

  test('a table whose bands meet with exactly one end inclusive', () => {
    const valid = table([band('low', 0, true, 90, false), band('high', 90, true, 100, true)]);
    expect(defineBandTable(valid)).toEqual(valid);
    const otherOwner = table([band('low', 0, true, 90, true), band('high', 90, false, 100, true)]);
    expect(defineBandTable(otherOwner)).toEqual(otherOwner);
  });

  test('a single band covering everything', () => {
    expect(defineBandTable(table([band('all', 0, true, 100, true)])).bands).toHaveLength(1);
  });

  test('a single-rate band with both ends inclusive', () => {
    const valid = table([
      band('low', 0, true, 50, false),
      band('half', 50, true, 50, true),
      band('high', 50, false, 100, true),
    ]);
    expect(defineBandTable(valid).bands).toHaveLength(3);
  });

  test('boundaries with two decimals, and a colour', () => {
    const valid = table([
      { ...band('low', 0, true, 92.5, false), colour: 'red' },
      { ...band('high', 92.5, true, 100, true), colour: 'green' },
    ]);
    expect(defineBandTable(valid)).toEqual(valid);
  });

  test('an accepted table classifies every rate, with boundaries owned as declared', () => {
    const valid = defineBandTable(
      table([band('low', 0, true, 90, true), band('high', 90, false, 100, true)])
    );
    const at90 = classifyBand({ possible: 10, attended: 9, absent: 1 }, valid);
    expect(at90.kind === 'band' && at90.band.id).toBe('low');
  });
});

describe('defineBandTable rejects', () => {
  test('a gap between bands (band_gap)', () => {
    const error = attendanceErrorOf(() =>
      defineBandTable(table([band('low', 0, true, 80, false), band('high', 90, true, 100, true)]))
    );
    expect(codesOf(error)).toEqual(['band_gap']);
    expect(error.issues[0].path).toEqual(['bands', 1, 'from']);
    expect(error.issues[0].message).toContain('low');
    expect(error.issues[0].message).toContain('high');
  });

  test('a shared boundary excluded on both sides is a gap (band_gap)', () => {
    const error = attendanceErrorOf(() =>
      defineBandTable(table([band('low', 0, true, 90, false), band('high', 90, false, 100, true)]))
    );
    expect(codesOf(error)).toEqual(['band_gap']);
    expect(error.issues[0].path).toEqual(['bands', 1, 'from']);
  });

  test('a shared boundary inclusive on both sides is an overlap (band_overlap)', () => {
    const error = attendanceErrorOf(() =>
      defineBandTable(table([band('low', 0, true, 90, true), band('high', 90, true, 100, true)]))
    );
    expect(codesOf(error)).toEqual(['band_overlap']);
    expect(error.issues[0].path).toEqual(['bands', 1, 'from']);
  });

  test('ranges that overlap (band_overlap)', () => {
    const error = attendanceErrorOf(() =>
      defineBandTable(table([band('low', 0, true, 95, false), band('high', 90, true, 100, true)]))
    );
    expect(codesOf(error)).toEqual(['band_overlap']);
    expect(error.issues[0].path).toEqual(['bands', 1, 'from']);
  });

  test('the trust’s literal band list, where 98 % is in two bands, overlaps', () => {
    const error = attendanceErrorOf(() =>
      defineBandTable(
        table([
          band('requires-improvement', 0, true, 97, false),
          band('good', 97, true, 98.9, true),
          band('outstanding', 98, true, 100, true),
        ])
      )
    );
    expect(codesOf(error)).toEqual(['band_overlap']);
  });

  test('a table not starting at 0 inclusive (band_bounds)', () => {
    const notZero = attendanceErrorOf(() =>
      defineBandTable(table([band('low', 5, true, 90, false), band('high', 90, true, 100, true)]))
    );
    expect(codesOf(notZero)).toEqual(['band_bounds']);
    expect(notZero.issues[0].path).toEqual(['bands', 0, 'from']);
    const zeroExclusive = attendanceErrorOf(() =>
      defineBandTable(table([band('low', 0, false, 90, false), band('high', 90, true, 100, true)]))
    );
    expect(codesOf(zeroExclusive)).toEqual(['band_bounds']);
    expect(zeroExclusive.issues[0].path).toEqual(['bands', 0, 'from']);
  });

  test('a table not ending at 100 inclusive (band_bounds)', () => {
    const short = attendanceErrorOf(() =>
      defineBandTable(table([band('low', 0, true, 90, false), band('high', 90, true, 99, true)]))
    );
    expect(codesOf(short)).toEqual(['band_bounds']);
    expect(short.issues[0].path).toEqual(['bands', 1, 'to']);
    const hundredExclusive = attendanceErrorOf(() =>
      defineBandTable(table([band('low', 0, true, 90, false), band('high', 90, true, 100, false)]))
    );
    expect(codesOf(hundredExclusive)).toEqual(['band_bounds']);
    expect(hundredExclusive.issues[0].path).toEqual(['bands', 1, 'to']);
  });

  test('an empty band that contains no rate', () => {
    const pointExclusive = attendanceErrorOf(() =>
      defineBandTable(
        table([
          band('low', 0, true, 50, true),
          band('empty', 50, false, 50, false),
          band('high', 50, false, 100, true),
        ])
      )
    );
    expect(
      pointExclusive.issues.some((issue) => issue.code === 'band_bounds' && issue.path.join() === 'bands,1')
    ).toBe(true);
    const reversed = attendanceErrorOf(() =>
      defineBandTable(
        table([
          band('low', 0, true, 60, false),
          band('backwards', 60, true, 40, false),
          band('high', 40, true, 100, true),
        ])
      )
    );
    expect(
      reversed.issues.some((issue) => issue.code === 'band_bounds' && issue.path.join() === 'bands,1')
    ).toBe(true);
  });

  test('a table with no bands at all', () => {
    const error = attendanceErrorOf(() => defineBandTable(table([])));
    expect(error.issues[0].path).toEqual(['bands']);
  });

  test('boundaries outside 0 to 100 or with three decimals', () => {
    const error = attendanceErrorOf(() =>
      defineBandTable(table([band('low', 0, true, 90.125, false), band('high', 90.125, true, 120, true)]))
    );
    const paths = error.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['bands.0.to', 'bands.1.from', 'bands.1.to']));
  });

  test('input that is not a band table', () => {
    for (const input of [null, undefined, 'bands', 42, {}, { ...DFE_ABSENCE_BANDS, measure: 'lateness' }]) {
      expect(() => defineBandTable(input)).toThrow(AttendanceError);
    }
  });

  test('a band with an empty id or label', () => {
    const error = attendanceErrorOf(() =>
      defineBandTable(
        table([{ ...band('low', 0, true, 90, false), label: '' }, band('', 90, true, 100, true)])
      )
    );
    const paths = error.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['bands.0.label', 'bands.1.id']));
  });
});

describe('defineBandTable rejects unknown fields', () => {
  test('a misspelt field on the table or on a band is reported, not ignored', () => {
    const onTable = attendanceErrorOf(() => defineBandTable({ ...DFE_ABSENCE_BANDS, measures: 'absence' }));
    expect(onTable.issues.some((issue) => issue.message.includes('measures'))).toBe(true);
    const onBand = attendanceErrorOf(() =>
      defineBandTable(
        table([
          { ...band('low', 0, true, 90, false), toInclusve: true } as Band,
          band('high', 90, true, 100, true),
        ])
      )
    );
    expect(onBand.issues.some((issue) => issue.message.includes('toInclusve'))).toBe(true);
  });
});

describe('defineBandTable reports every problem in one error', () => {
  test('a bad start, a gap, an overlap and a bad end together give four located issues', () => {
    const error = attendanceErrorOf(() =>
      defineBandTable(
        table([
          band('a', 1, true, 20, false),
          band('b', 30, true, 60, false),
          band('c', 50, true, 80, false),
          band('d', 80, true, 99, true),
        ])
      )
    );
    expect(error.issues).toHaveLength(4);
    expect(error.issues.map((issue) => [issue.code, issue.path.join('.')])).toEqual(
      expect.arrayContaining([
        ['band_bounds', 'bands.0.from'],
        ['band_gap', 'bands.1.from'],
        ['band_overlap', 'bands.2.from'],
        ['band_bounds', 'bands.3.to'],
      ])
    );
    expect(error.message).toContain('3 more issues');
    for (const issue of error.issues) {
      expect(issue.severity).toBe('error');
      expect(issue.expected).toEqual(expect.any(String));
      expect(issue.received).toEqual(expect.any(String));
    }
  });

  test('a malformed band and a gap elsewhere are both reported', () => {
    const error = attendanceErrorOf(() =>
      defineBandTable(
        table([{ ...band('a', 0, true, 50, false), label: '' }, band('b', 60, true, 100, true)])
      )
    );
    expect(error.issues.map((issue) => issue.code)).toEqual(
      expect.arrayContaining(['invalid_value', 'band_gap'])
    );
  });
});
