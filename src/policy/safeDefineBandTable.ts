import { AttendanceError } from '../errors.js';
import type { SafeResult } from '../errors.js';
import { defineBandTable } from './defineBandTable.js';
import type { BandTable } from './types.js';

/**
 * {@link defineBandTable} without throwing: the table, or the error listing every gap, overlap and malformed band.
 *
 * @param table - The table, e.g. parsed from a configuration file.
 * @returns `{ success: true, data }` or `{ success: false, error }`.
 * @example
 * const result = safeDefineBandTable({ ...HCAT_RAG_BANDS, bands: HCAT_RAG_BANDS.bands.slice(1) });
 * result.success //=> false
 * result.success || result.error.issues[0].code //=> 'band_bounds' (no longer starts at 0 %)
 * @category Policy
 */
export function safeDefineBandTable(table: unknown): SafeResult<BandTable> {
  try {
    return { success: true, data: defineBandTable(table) };
  } catch (error) {
    if (error instanceof AttendanceError) return { success: false, error };
    throw error;
  }
}
