import { AttendanceError } from '../../errors.js';
import type { PublishedFigures } from '../../report/comparison/types.js';
import type { PupilAttributes } from '../../report/pupilAttributes/types.js';
import type { CliIo, ReportComparisonOptions } from '../types.js';
import { unreadableFileIssue } from './fileIssue.js';

/** Reads a text file, reporting an unreadable one as a problem with that file. */
async function readText(io: CliIo, source: string, what: string): Promise<string> {
  try {
    return await io.readFile(source);
  } catch (error) {
    throw new AttendanceError([unreadableFileIssue(source, what, error)]);
  }
}

/**
 * The pupil-attributes file of `report --pupils`: pupil_id, then columns such as year_group, fsm, sen. Its reader
 * comes with the report entry, loaded only here.
 *
 * @param io - The file system.
 * @param source - The file, as given on the command line.
 * @returns Each pupil's attributes and the columns to group by.
 * @throws {@link AttendanceError} If the file cannot be read, or has a problem (each named with its line).
 * @example
 * const { groupColumns } = await loadPupilAttributes(io, 'pupils.csv'); //=> ['year_group', 'fsm', 'sen']
 */
export async function loadPupilAttributes(io: CliIo, source: string): Promise<PupilAttributes> {
  const text = await readText(io, source, 'pupil-attributes file');
  const { parsePupilAttributesCsv } = await import('../../report/pupilAttributes/parsePupilAttributesCsv.js');
  return parsePupilAttributesCsv(text, { source });
}

/**
 * The published figures of `report --compare`: DfE's "Pupil attendance in schools" year-to-date CSV, and the one
 * row `--compare-level` and `--compare-phase` pick.
 *
 * @param io - The file system.
 * @param comparison - The file and the level, area and phase to pick.
 * @returns The figures to show beside the school's.
 * @throws {@link AttendanceError} If the file cannot be read, has a problem, or has no row for the choice (the
 *   message lists what it has).
 * @example
 * await loadPublishedFigures(io, { file: 'EES_ytd_data.csv', level: 'national' }) //=> { label: 'England, all schools', … }
 */
export async function loadPublishedFigures(
  io: CliIo,
  comparison: ReportComparisonOptions
): Promise<PublishedFigures> {
  const text = await readText(io, comparison.file, 'published attendance figures');
  const [{ parsePublishedAttendanceCsv }, { selectPublishedFigures }] = await Promise.all([
    import('../../report/comparison/parsePublishedAttendanceCsv.js'),
    import('../../report/comparison/selectPublishedFigures.js'),
  ]);
  const data = parsePublishedAttendanceCsv(text, { source: comparison.file });
  return selectPublishedFigures(data, {
    level: comparison.level,
    ...(comparison.area === undefined ? {} : { area: comparison.area }),
    ...(comparison.phase === undefined ? {} : { phase: comparison.phase }),
  });
}
