import { CohortRegisterBuilder } from '../../../cohort/cohortRegisterBuilder.js';
import { toCompactCode } from '../../../codes/compactCodes.js';
import type { CohortMarkSink } from './csvCohortReader.js';

/**
 * A cohort register builder for a CSV import, and the sink the CSV reader fills it through. The importer has
 * already refused a second mark for a session, so the builder never has to choose between two.
 *
 * @returns The builder (call `finish()` once the input is read) and its sink.
 * @example
 * const { builder, sink } = builderSink();
 * await readCsvIntoSink(source, options, sink);
 * const register = builder.finish();
 */
export function builderSink(): { readonly builder: CohortRegisterBuilder; readonly sink: CohortMarkSink } {
  const builder = new CohortRegisterBuilder({ resolve: (_pupil, _date, _pm, kept) => kept });
  const sink: CohortMarkSink = {
    pupil: (pupilId) => builder.pupil(pupilId),
    dateIndex: (date) => builder.dateIndex(date),
    has: (pupil, dateIndex, pm) => builder.has(pupil, dateIndex, pm),
    forEachMark: (pupil, visit) => {
      builder.forEachMark(pupil, visit);
    },
    marksBefore: (pupil, workingSlot) => builder.marksBefore(pupil, workingSlot),
    addMark: (pupil, dateIndex, pm, byte) => {
      builder.add(pupil, dateIndex, pm, byte);
    },
    add: (mark) => {
      builder.add(
        builder.pupil(mark.pupilId),
        builder.dateIndex(mark.date),
        mark.session === 'PM',
        toCompactCode(mark.code) ?? 0
      );
    },
  };
  return { builder, sink };
}
