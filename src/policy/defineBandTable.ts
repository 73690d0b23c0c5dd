import { AttendanceError } from '../errors.js';
import { fromZodIssues, ZOD_PARSE_CONTEXT } from '../_internal/fromZodIssues.js';
import { bandTableSchema } from './schema.js';
import type { BandTable } from './types.js';

/**
 * Validates a band table: every band well formed, in ascending order, covering 0–100 % with no gap and no
 * overlap, each boundary owned by exactly one of the two bands that meet there.
 *
 * @param table - The table, e.g. parsed from a configuration file.
 * @returns The same table, typed.
 * @throws {@link AttendanceError} Listing every gap, overlap and malformed band with its path.
 * @example
 * defineBandTable({
 *   id: 'simple', name: 'Simple', measure: 'attendance', source: 'School policy',
 *   bands: [
 *     { id: 'low', label: 'Below 90 %', from: 0, fromInclusive: true, to: 90, toInclusive: false },
 *     { id: 'high', label: '90 % or more', from: 90, fromInclusive: true, to: 100, toInclusive: true },
 *   ],
 * }).bands.length //=> 2
 * @category Policy
 */
export function defineBandTable(table: unknown): BandTable {
  const result = bandTableSchema().safeParse(table, ZOD_PARSE_CONTEXT);
  if (result.success) return result.data;
  const [first, ...rest] = fromZodIssues(result.error.issues);
  throw new AttendanceError(
    first === undefined
      ? [{ code: 'invalid_value', severity: 'error', message: 'Invalid band table.', path: [] }]
      : [first, ...rest]
  );
}
