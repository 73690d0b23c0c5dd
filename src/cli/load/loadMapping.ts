import { AttendanceError } from '../../errors.js';
import { REGISTER_COLUMN_PRESETS } from '../../io/long/registerColumnPresets.js';
import type { RegisterColumnMapping, RegisterColumnPresetName } from '../../io/long/types.js';
import type { CliIo } from '../types.js';
import type { JsonLimits } from './jsonLimits.js';
import { readJsonFile } from './readJsonFile.js';

/**
 * The column mapping named by `--mapping`: a preset name as it is, or a custom mapping read from a JSON file
 * (an object naming the column of each field, e.g. `{ "pupilId": "Adno", "date": "Date", … }`), which the
 * importer then checks.
 *
 * @param io - The file system.
 * @param spec - The option's value: a preset name or a `.json` file.
 * @param limits - `--max-depth` and `--max-line-bytes`, for a file.
 * @returns The preset name or the mapping.
 * @throws {@link AttendanceError} If the file cannot be read or does not hold a JSON object.
 * @example
 * await loadMapping(io, 'arbor', limits) //=> 'arbor'
 */
export async function loadMapping(
  io: CliIo,
  spec: string,
  limits: JsonLimits
): Promise<RegisterColumnPresetName | RegisterColumnMapping> {
  if (Object.hasOwn(REGISTER_COLUMN_PRESETS, spec)) return spec as RegisterColumnPresetName;
  const value = await readJsonFile(io, spec, 'column mapping', limits);
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AttendanceError([
      {
        code: 'invalid_value',
        severity: 'error',
        message: `The column mapping "${spec}" must hold a JSON object naming the column of each field.`,
        path: [],
        source: spec,
        expected:
          'a JSON object such as { "pupilId": "Adno", "date": "Date", "session": "Session", "code": "Mark" }',
        received: Array.isArray(value) ? 'an array' : value === null ? 'null' : typeof value,
      },
    ]);
  }
  // The importer checks every field of the mapping and names any that is wrong.
  return value as RegisterColumnMapping;
}
