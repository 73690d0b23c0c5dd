import { safeDefineSchoolCalendar } from '../../calendar/safeDefineSchoolCalendar.js';
import type { SchoolCalendar } from '../../calendar/types.js';
import { AttendanceError } from '../../errors.js';
import type { CliIo } from '../types.js';
import { locateIssues } from './locateIssues.js';
import type { JsonLimits } from './jsonLimits.js';
import { readJsonFile } from './readJsonFile.js';

/**
 * Reads a school calendar from a JSON file and validates it with `safeDefineSchoolCalendar`.
 *
 * @param io - The file system.
 * @param source - The file, as given on the command line.
 * @param limits - `--max-depth` and `--max-line-bytes`, checked before the calendar is validated.
 * @returns The calendar.
 * @throws {@link AttendanceError} If the file cannot be read, is not JSON or is not a valid calendar; every issue
 * names the file.
 * @example
 * const calendar = await loadCalendar(io, 'examples/calendars/example-la-2024-2026.json', limits);
 */
export async function loadCalendar(io: CliIo, source: string, limits: JsonLimits): Promise<SchoolCalendar> {
  const result = safeDefineSchoolCalendar(await readJsonFile(io, source, 'school calendar', limits));
  if (result.success) return result.data;
  const [first, ...rest] = locateIssues(result.error.issues, source);
  throw new AttendanceError([first!, ...rest]);
}
