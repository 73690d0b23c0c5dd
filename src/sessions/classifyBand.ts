import { assertAbsenceCounts } from '../_internal/absenceThreshold.js';
import {
  BASIS_POINTS_IN_WHOLE,
  compareRateToPercent,
  LARGEST_EXACT_DENOMINATOR,
  toBasisPoints,
} from '../_internal/exactRate.js';
import { invalidArgument } from '../_internal/issues.js';
import type { Band, BandTable } from '../policy/types.js';
import type { SessionCounts } from './types.js';

/**
 * The band a rate falls in, or the statement that there were no possible sessions to rate.
 *
 * @category Sessions
 */
export type BandClassification =
  | {
      /** The rate fell in a band. */
      readonly kind: 'band';
      /** The band. */
      readonly band: Band;
    }
  | {
      /** There were no possible sessions, so there is no rate to band. */
      readonly kind: 'no-possible-sessions';
    };

/**
 * Finds the band of a band table that an enrolment's attendance or absence rate falls in, comparing the exact
 * rate with each boundary in whole numbers.
 *
 * @param counts - The enrolment's possible, attended and absent sessions.
 * @param table - A validated band table, e.g. {@link DFE_ABSENCE_BANDS} or a policy's `bands`.
 * @returns The band, or `{ kind: 'no-possible-sessions' }`.
 * @throws {@link AttendanceError} If attended plus absent is not possible, or an unvalidated table has no band for the rate.
 * @example
 * const result = classifyBand({ possible: 380, attended: 342, absent: 38 }, HCAT_ATTENDANCE_BANDS);
 * result.kind === 'band' && result.band.id //=> 'persistent-absentee' (attendance exactly 90 %)
 * @category Sessions
 */
export function classifyBand(
  counts: Pick<SessionCounts, 'possible' | 'attended' | 'absent'>,
  table: BandTable
): BandClassification {
  assertAbsenceCounts(counts);
  if (counts.attended + counts.absent !== counts.possible) {
    return invalidArgument({
      code: 'invalid_counts',
      message: `Attended (${counts.attended}) and absent (${counts.absent}) sessions must add up to possible sessions (${counts.possible}).`,
      path: [],
      expected: 'attended + absent = possible',
      received: `attended ${counts.attended}, absent ${counts.absent}, possible ${counts.possible}`,
    });
  }
  if (counts.possible === 0) return { kind: 'no-possible-sessions' };
  const numerator = table.measure === 'attendance' ? counts.attended : counts.absent;
  const index = bandIndexOf(numerator, counts.possible, table);
  if (index >= 0) return { kind: 'band', band: table.bands[index]! };
  return invalidArgument({
    code: 'band_gap',
    message: `Band table "${table.id}" has no band for ${numerator} of ${counts.possible} sessions; validate it with defineBandTable.`,
    path: ['bands'],
    expected: 'a band table covering 0–100 % (see defineBandTable)',
    received: `${numerator} of ${counts.possible}`,
  });
}

/**
 * The index of the band a rate of `numerator` in `possible` sessions falls in (the measure the table names), or
 * -1 when the table has no band for it. The one band rule both {@link classifyBand} and the cohort engine apply.
 *
 * @param numerator - Attended or absent sessions, as the table measures.
 * @param possible - Possible sessions, more than 0.
 * @param table - The band table.
 * @returns The band's index in `table.bands`, or -1.
 * @example
 * bandIndexOf(19, 20, HCAT_ATTENDANCE_BANDS) //=> the index of the band holding 95 % attendance
 */
export function bandIndexOf(numerator: number, possible: number, table: BandTable): number {
  const compiled = compiledBands(table);
  const bounds = compiled.bounds;
  const count = compiled.inclusive.length;
  if (possible <= LARGEST_EXACT_DENOMINATOR) {
    // Whole numbers: the rate compared with each bound as numerator × 10 000 against basis points × possible.
    const scaled = numerator * BASIS_POINTS_IN_WHOLE;
    for (let index = 0; index < count; index += 1) {
      const fromDifference = scaled - bounds[index * 2]! * possible;
      const toDifference = scaled - bounds[index * 2 + 1]! * possible;
      const flags = compiled.inclusive[index]!;
      const aboveFrom = (flags & FROM_INCLUSIVE) !== 0 ? fromDifference >= 0 : fromDifference > 0;
      const belowTo = (flags & TO_INCLUSIVE) !== 0 ? toDifference <= 0 : toDifference < 0;
      if (aboveFrom && belowTo) return index;
    }
    return -1;
  }
  const bands = table.bands;
  for (let index = 0; index < bands.length; index += 1) {
    const band = bands[index]!;
    const fromDifference = compareRateToPercent(numerator, possible, band.from);
    const toDifference = compareRateToPercent(numerator, possible, band.to);
    const aboveFrom = band.fromInclusive ? fromDifference >= 0 : fromDifference > 0;
    const belowTo = band.toInclusive ? toDifference <= 0 : toDifference < 0;
    if (aboveFrom && belowTo) return index;
  }
  return -1;
}

const FROM_INCLUSIVE = 1;
const TO_INCLUSIVE = 2;

interface CompiledBands {
  /** Each band's bounds in basis points: from, to. */
  readonly bounds: Float64Array;
  readonly inclusive: Uint8Array;
}

// A band table's bounds in basis points, worked out once per table object rather than twice per band per
// pupil: the cohort engine bands every pupil of a trust.
const compiledByTable = new WeakMap<BandTable, CompiledBands>();

function compiledBands(table: BandTable): CompiledBands {
  let compiled = compiledByTable.get(table);
  if (compiled === undefined) {
    compiled = {
      bounds: Float64Array.from(
        table.bands.flatMap((band) => [toBasisPoints(band.from), toBasisPoints(band.to)])
      ),
      inclusive: Uint8Array.from(
        table.bands,
        (band) => (band.fromInclusive ? FROM_INCLUSIVE : 0) | (band.toInclusive ? TO_INCLUSIVE : 0)
      ),
    };
    compiledByTable.set(table, compiled);
  }
  return compiled;
}
