import { describe, expect, test } from 'vitest';
import {
  classifyBand,
  DFE_ABSENCE_BANDS,
  DFE_POLICY,
  HCAT_ATTENDANCE_BANDS,
  HCAT_CLASSIFICATION_BANDS,
  HCAT_POLICY,
  HCAT_RAG_BANDS,
} from '../../src/index.js';
import type { BandTable } from '../../src/index.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

/** Counts for an attendance rate given in tenths or hundredths of a percent, so boundaries are hit exactly. */
function attendanceOf(
  percent: number,
  possible = 1000
): { possible: number; attended: number; absent: number } {
  const attended = Math.round((percent * possible) / 100);
  return { possible, attended, absent: possible - attended };
}

function absenceOf(percent: number, possible = 1000): { possible: number; attended: number; absent: number } {
  const absent = Math.round((percent * possible) / 100);
  return { possible, attended: possible - absent, absent };
}

function bandId(counts: { possible: number; attended: number; absent: number }, table: BandTable): string {
  const result = classifyBand(counts, table);
  return result.kind === 'band' ? result.band.id : result.kind;
}

describe('DfE absence bands (5-point steps; persistent from 10 %, severe from 50 %)', () => {
  test.each([
    [0, 'under-5'],
    [4.99, 'under-5'],
    [5, 'approaching-persistent'],
    [9.99, 'approaching-persistent'],
    [10, 'persistent-10-15'],
    [14.99, 'persistent-10-15'],
    [15, 'persistent-15-20'],
    [45, 'persistent-45-50'],
    [49.99, 'persistent-45-50'],
    [50, 'severe'],
    [75, 'severe'],
    [100, 'severe'],
  ])('absence of %s per cent is in band %s', (percent, id) => {
    expect(bandId(absenceOf(percent, 10_000), DFE_ABSENCE_BANDS)).toBe(id);
  });

  test('5 % absence on 1000 sessions is approaching persistent absence', () => {
    expect(bandId({ possible: 1000, attended: 950, absent: 50 }, DFE_ABSENCE_BANDS)).toBe(
      'approaching-persistent'
    );
  });

  test('exactly 10 % absence (38 of 380) lands in a persistent band; 38 of 381 does not', () => {
    expect(bandId({ possible: 380, attended: 342, absent: 38 }, DFE_ABSENCE_BANDS)).toBe('persistent-10-15');
    expect(bandId({ possible: 381, attended: 343, absent: 38 }, DFE_ABSENCE_BANDS)).toBe(
      'approaching-persistent'
    );
  });

  test('the band returned is the band of the table', () => {
    const result = classifyBand({ possible: 380, attended: 190, absent: 190 }, DFE_ABSENCE_BANDS);
    expect(result).toEqual({
      kind: 'band',
      band: DFE_ABSENCE_BANDS.bands[DFE_ABSENCE_BANDS.bands.length - 1],
    });
  });

  test('the default DfE policy uses these bands', () => {
    expect(bandId({ possible: 1000, attended: 900, absent: 100 }, DFE_POLICY.bands)).toBe('persistent-10-15');
  });
});

describe('trust attendance bands', () => {
  test('attendance 95.0 % is Requires improvement, 94.9 % Cause for concern, 89.9 % Persistent absentee', () => {
    expect(bandId({ possible: 1000, attended: 950, absent: 50 }, HCAT_ATTENDANCE_BANDS)).toBe(
      'requires-improvement'
    );
    expect(bandId({ possible: 1000, attended: 949, absent: 51 }, HCAT_ATTENDANCE_BANDS)).toBe(
      'cause-for-concern'
    );
    expect(bandId({ possible: 1000, attended: 899, absent: 101 }, HCAT_ATTENDANCE_BANDS)).toBe(
      'persistent-absentee'
    );
  });

  test.each([
    [100, 'outstanding'],
    [98.0, 'outstanding'],
    [97.9, 'good'],
    [97.0, 'good'],
    [96.9, 'requires-improvement'],
    [95.0, 'requires-improvement'],
    [94.9, 'cause-for-concern'],
    [92.0, 'cause-for-concern'],
    [91.9, 'at-risk'],
    [90.1, 'at-risk'],
    [90.0, 'persistent-absentee'],
    [89.9, 'persistent-absentee'],
    [50.1, 'persistent-absentee'],
    [50.0, 'severely-absent'],
    [49.9, 'severely-absent'],
    [0, 'severely-absent'],
  ])('attendance of %s per cent is %s', (percent, id) => {
    expect(bandId(attendanceOf(percent), HCAT_ATTENDANCE_BANDS)).toBe(id);
  });

  test('rates between the policy’s one-decimal bands fall in a band (96.95 % is Requires improvement)', () => {
    expect(bandId(attendanceOf(96.95, 10_000), HCAT_ATTENDANCE_BANDS)).toBe('requires-improvement');
    expect(bandId(attendanceOf(97.95, 10_000), HCAT_ATTENDANCE_BANDS)).toBe('good');
    expect(bandId(attendanceOf(90.05, 10_000), HCAT_ATTENDANCE_BANDS)).toBe('at-risk');
    expect(bandId(attendanceOf(89.99, 10_000), HCAT_ATTENDANCE_BANDS)).toBe('persistent-absentee');
  });

  test('attendance exactly 90 % (342 of 380) is a persistent absentee, as DfE’s 10 % or more missed', () => {
    expect(bandId({ possible: 380, attended: 342, absent: 38 }, HCAT_ATTENDANCE_BANDS)).toBe(
      'persistent-absentee'
    );
    expect(bandId({ possible: 381, attended: 343, absent: 38 }, HCAT_ATTENDANCE_BANDS)).toBe('at-risk');
  });

  test('the trust preset uses these bands', () => {
    expect(bandId({ possible: 100, attended: 90, absent: 10 }, HCAT_POLICY.bands)).toBe(
      'persistent-absentee'
    );
  });
});

describe('trust RAG letter colours', () => {
  test.each([
    [0, 'red'],
    [90.0, 'red'],
    [90.1, 'amber'],
    [96.9, 'amber'],
    [97.0, 'amber'],
    [97.1, 'green'],
    [100, 'green'],
  ])('attendance of %s per cent is %s', (percent, id) => {
    expect(bandId(attendanceOf(percent), HCAT_RAG_BANDS)).toBe(id);
  });

  test('the band carries its colour', () => {
    const result = classifyBand({ possible: 100, attended: 97, absent: 3 }, HCAT_RAG_BANDS);
    expect(result.kind === 'band' && result.band.colour).toBe('amber');
  });

  test('the trust preset uses these letter colours', () => {
    const letterColours = HCAT_POLICY.letterColours;
    expect(letterColours).toBe(HCAT_RAG_BANDS);
    if (letterColours === undefined) return;
    expect(bandId({ possible: 1000, attended: 971, absent: 29 }, letterColours)).toBe('green');
  });
});

describe('trust student attendance classification', () => {
  test.each([
    [100, 'outstanding'],
    [97.0, 'outstanding'],
    [96.9, 'requires-improvement'],
    [95.0, 'requires-improvement'],
    [94.9, 'cause-for-concern'],
    [92.0, 'cause-for-concern'],
    [91.9, 'serious-concern'],
    [0, 'serious-concern'],
  ])('attendance of %s per cent is %s', (percent, id) => {
    expect(bandId(attendanceOf(percent), HCAT_CLASSIFICATION_BANDS)).toBe(id);
  });
});

describe('classifyBand edge cases', () => {
  test('zero possible sessions is no-possible-sessions for every table', () => {
    for (const table of [
      DFE_ABSENCE_BANDS,
      HCAT_ATTENDANCE_BANDS,
      HCAT_RAG_BANDS,
      HCAT_CLASSIFICATION_BANDS,
    ]) {
      expect(classifyBand({ possible: 0, attended: 0, absent: 0 }, table)).toEqual({
        kind: 'no-possible-sessions',
      });
    }
  });

  test('attendance tables read attended sessions and absence tables read absent sessions', () => {
    const counts = { possible: 100, attended: 40, absent: 60 };
    expect(bandId(counts, HCAT_ATTENDANCE_BANDS)).toBe('severely-absent');
    expect(bandId(counts, DFE_ABSENCE_BANDS)).toBe('severe');
    const good = { possible: 100, attended: 99, absent: 1 };
    expect(bandId(good, HCAT_ATTENDANCE_BANDS)).toBe('outstanding');
    expect(bandId(good, DFE_ABSENCE_BANDS)).toBe('under-5');
  });

  test('counts with absence or attendance above possible, or not whole, throw invalid_counts', () => {
    for (const counts of [
      { possible: 100, attended: 50, absent: 101 },
      { possible: 100, attended: 101, absent: 0 },
      { possible: 100, attended: -1, absent: 0 },
      { possible: 100, attended: 95.5, absent: 4.5 },
    ]) {
      const error = attendanceErrorOf(() => classifyBand(counts, HCAT_ATTENDANCE_BANDS));
      expect(error.issues[0].code).toBe('invalid_counts');
    }
  });

  test('counts whose attended and absent do not add up to possible are inconsistent and throw', () => {
    const error = attendanceErrorOf(() =>
      classifyBand({ possible: 100, attended: 95, absent: 50 }, HCAT_ATTENDANCE_BANDS)
    );
    expect(error.issues[0].code).toBe('invalid_counts');
  });

  test('an unvalidated table with a gap throws band_gap instead of returning no band', () => {
    const withGap: BandTable = {
      id: 'gappy',
      name: 'Gappy',
      measure: 'attendance',
      source: 'test',
      bands: [
        { id: 'low', label: 'Low', from: 0, fromInclusive: true, to: 90, toInclusive: false },
        { id: 'high', label: 'High', from: 95, fromInclusive: true, to: 100, toInclusive: true },
      ],
    };
    expect(bandId({ possible: 100, attended: 97, absent: 3 }, withGap)).toBe('high');
    const error = attendanceErrorOf(() => classifyBand({ possible: 100, attended: 92, absent: 8 }, withGap));
    expect(error.issues[0].code).toBe('band_gap');
  });
});
