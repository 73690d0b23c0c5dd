import { fc, test } from '@fast-check/vitest';
import { expect } from 'vitest';
import {
  AttendanceError,
  classifyBand,
  defineBandTable,
  DFE_ABSENCE_BANDS,
  HCAT_ATTENDANCE_BANDS,
  HCAT_CLASSIFICATION_BANDS,
  HCAT_RAG_BANDS,
  POLICY_PRESETS,
} from '../../src/index.js';
import type { Band, BandTable } from '../../src/index.js';
import { countsArb } from '../_arbitraries/counts.js';

/** A rate to classify: `numerator` of `possible` sessions (attended for attendance tables, absent for absence). */
interface Rate {
  readonly possible: number;
  readonly numerator: number;
}

const PRESET_TABLES: readonly BandTable[] = [
  DFE_ABSENCE_BANDS,
  HCAT_ATTENDANCE_BANDS,
  HCAT_CLASSIFICATION_BANDS,
  HCAT_RAG_BANDS,
  ...Object.values(POLICY_PRESETS).flatMap((policy) =>
    policy.letterColours === undefined ? [policy.bands] : [policy.bands, policy.letterColours]
  ),
];

/** A two-decimal percentage as a whole number of hundredths, read from its decimal text (not by float scaling). */
function hundredthsOf(percent: number): bigint {
  const [whole = '0', fraction = ''] = percent.toFixed(2).split('.');
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
}

/** Whether a band contains the rate, compared exactly: numerator / possible against from/100 and to/100. */
function contains(band: Band, { possible, numerator }: Rate): boolean {
  const rate = BigInt(numerator) * 10_000n;
  const from = hundredthsOf(band.from) * BigInt(possible);
  const to = hundredthsOf(band.to) * BigInt(possible);
  const aboveFrom = band.fromInclusive ? rate >= from : rate > from;
  const belowTo = band.toInclusive ? rate <= to : rate < to;
  return aboveFrom && belowTo;
}

function countsFor(table: BandTable, { possible, numerator }: Rate) {
  return table.measure === 'attendance'
    ? { possible, attended: numerator, absent: possible - numerator }
    : { possible, attended: possible - numerator, absent: numerator };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** Any rate: possible 1..5000, numerator 0..possible. */
const rateArb: fc.Arbitrary<Rate> = countsArb().map(({ possible, absent }) => ({
  possible,
  numerator: absent,
}));

/**
 * A rate exactly on a boundary of `hundredths`/100 %, or one session either side of it: possible is the smallest
 * denominator that hits the boundary exactly, times 1..k (kept within 5000 where the boundary allows).
 */
function rateNearBoundaryArb(hundredths: number): fc.Arbitrary<Rate> {
  const step = 10_000 / gcd(hundredths, 10_000);
  const maxMultiple = Math.max(1, Math.floor(5000 / step));
  return fc
    .tuple(fc.integer({ min: 1, max: maxMultiple }), fc.constantFrom(-1, 0, 1))
    .map(([multiple, side]) => {
      const possible = step * multiple;
      const onBoundary = (hundredths * possible) / 10_000;
      return { possible, numerator: Math.min(possible, Math.max(0, onBoundary + side)) };
    });
}

/** Any rate, or a rate on or next to one of the table's boundaries. */
function rateForTableArb(table: BandTable): fc.Arbitrary<Rate> {
  const boundaries = [...new Set(table.bands.flatMap((band) => [band.from, band.to]))].map((percent) =>
    Number(hundredthsOf(percent))
  );
  return fc.oneof(
    rateArb,
    fc.constantFrom(...boundaries).chain((hundredths) => rateNearBoundaryArb(hundredths))
  );
}

function expectExactlyOneBand(table: BandTable, rate: Rate): void {
  const holding = table.bands.filter((band) => contains(band, rate));
  expect(holding.map((band) => band.id)).toHaveLength(1);
  const result = classifyBand(countsFor(table, rate), table);
  expect(result).toEqual({ kind: 'band', band: holding[0] });
}

test.prop([
  fc.constantFrom(...PRESET_TABLES).chain((table) => fc.tuple(fc.constant(table), rateForTableArb(table))),
])(
  'every preset band table puts every rate in exactly one band, the one classifyBand returns',
  ([table, rate]) => {
    expectExactlyOneBand(table, rate);
  }
);

test.prop([fc.constantFrom(...PRESET_TABLES)])(
  'every preset band table is accepted by defineBandTable',
  (table) => {
    expect(defineBandTable(table)).toEqual(table);
  }
);

/** How a random table is cut: boundaries in hundredths of a percent, and which band owns each one. */
interface Cuts {
  readonly measure: 'attendance' | 'absence';
  readonly boundaries: readonly { readonly hundredths: number; readonly lowerOwns: boolean }[];
}

const cutsArb: fc.Arbitrary<Cuts> = fc
  .record({
    measure: fc.constantFrom('attendance' as const, 'absence' as const),
    points: fc.uniqueArray(fc.integer({ min: 1, max: 9999 }), { maxLength: 8 }),
    owners: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
  })
  .map(({ measure, points, owners }) => ({
    measure,
    boundaries: [...points]
      .sort((a, b) => a - b)
      .map((hundredths, index) => ({ hundredths, lowerOwns: owners[index] ?? false })),
  }));

/** The band table cut at the given boundaries, each boundary owned by exactly one of its two bands. */
function tableFrom({ measure, boundaries }: Cuts): {
  id: string;
  name: string;
  measure: 'attendance' | 'absence';
  source: string;
  bands: Band[];
} {
  const ends = [{ hundredths: 0, lowerOwns: false }, ...boundaries, { hundredths: 10_000, lowerOwns: true }];
  const bands: Band[] = [];
  for (let index = 0; index + 1 < ends.length; index += 1) {
    const from = ends[index]!;
    const to = ends[index + 1]!;
    bands.push({
      id: `band-${index}`,
      label: `Band ${index}`,
      from: from.hundredths / 100,
      fromInclusive: !from.lowerOwns,
      to: to.hundredths / 100,
      toInclusive: to.lowerOwns,
    });
  }
  return { id: 'random', name: 'Random bands', measure, source: 'generated', bands };
}

const randomTableArb = cutsArb.map(tableFrom);

test.prop([randomTableArb])(
  'band tables cut at any two-decimal points with one owner per boundary are accepted',
  (table) => {
    expect(defineBandTable(table)).toEqual(table);
  }
);

test.prop([randomTableArb.chain((table) => fc.tuple(fc.constant(table), rateForTableArb(table)))])(
  'a valid random band table puts every rate in exactly one band, the one classifyBand returns',
  ([raw, rate]) => {
    const table = defineBandTable(raw);
    expectExactlyOneBand(table, rate);
  }
);

/** A random table with at least one inner boundary, and the index of the band ending at one of them. */
const tableWithBoundaryArb = cutsArb
  .filter((cuts) => cuts.boundaries.length > 0)
  .chain((cuts) => fc.tuple(fc.constant(tableFrom(cuts)), fc.nat({ max: cuts.boundaries.length - 1 })));

function issuesOf(table: unknown): readonly { code: string; path: readonly (string | number)[] }[] {
  try {
    defineBandTable(table);
  } catch (error) {
    if (error instanceof AttendanceError) return error.issues;
    throw error;
  }
  return [];
}

test.prop([tableWithBoundaryArb])(
  "a boundary owned by neither band (both ends exclusive) is rejected with 'band_gap'",
  ([table, index]) => {
    const bands = table.bands.map((band, at) =>
      at === index
        ? { ...band, toInclusive: false }
        : at === index + 1
          ? { ...band, fromInclusive: false }
          : band
    );
    const issues = issuesOf({ ...table, bands });
    expect(issues.map((issue) => issue.code)).toEqual(['band_gap']);
    expect(issues[0]?.path).toEqual(['bands', index + 1, 'from']);
  }
);

test.prop([tableWithBoundaryArb])(
  "a boundary owned by both bands (both ends inclusive) is rejected with 'band_overlap'",
  ([table, index]) => {
    const bands = table.bands.map((band, at) =>
      at === index
        ? { ...band, toInclusive: true }
        : at === index + 1
          ? { ...band, fromInclusive: true }
          : band
    );
    const issues = issuesOf({ ...table, bands });
    expect(issues.map((issue) => issue.code)).toEqual(['band_overlap']);
    expect(issues[0]?.path).toEqual(['bands', index + 1, 'from']);
  }
);
