/**
 * The library's CSV importer feeding its per-pupil functions: `importRegisterCsv` over a file stream, then
 * `countSessions`, `classifyAbsence` and `countRollingWindow` for each pupil (libraryPaths.ts).
 */
import { createReadStream } from 'node:fs';
import type { SchoolCalendar, SessionMark } from '../../src/index.js';
import { importRegisterCsv } from '../../src/io/index.js';
import { createPupilFigures } from './figures.js';
import type { PupilFigures } from './figures.js';
import { storePupilFigures } from './libraryPaths.js';

/**
 * Streams the CSV through `importRegisterCsv` and computes each pupil's figures as soon as their marks are
 * complete. The file lists pupil after pupil, as MIS exports do, so only one pupil's marks are held at a time;
 * a pupil whose rows come back after another pupil's is an error rather than a silent split.
 */
export async function computeFiguresFromCsv(
  csvFile: string,
  pupilIds: readonly string[],
  calendar: SchoolCalendar
): Promise<PupilFigures> {
  const figures = createPupilFigures(pupilIds.length);
  const indexOf = new Map(pupilIds.map((pupilId, index) => [pupilId, index]));
  const done = new Uint8Array(pupilIds.length);
  let current = -1;
  let marks: SessionMark[] = [];
  const finishPupil = (): void => {
    if (current < 0) return;
    storePupilFigures(marks, calendar, figures, current);
    done[current] = 1;
    marks = [];
  };
  const report = await importRegisterCsv(createReadStream(csvFile, { highWaterMark: 1 << 20 }), {
    source: csvFile,
    onMarks: (batch) => {
      for (const mark of batch) {
        if (current < 0 || mark.pupilId !== pupilIds[current]) {
          finishPupil();
          const next = indexOf.get(mark.pupilId);
          if (next === undefined) throw new Error(`the CSV has pupil ${mark.pupilId}, who was not generated`);
          if (done[next] === 1) throw new Error(`pupil ${mark.pupilId}'s rows are not together in the CSV`);
          current = next;
        }
        marks.push(mark);
      }
    },
  });
  finishPupil();
  if (report.issues.length > 0 || report.rowsRejected > 0) {
    throw new Error(
      `importRegisterCsv rejected ${report.rowsRejected} rows with ${report.issues.length} issues; ` +
        `first: ${report.issues[0]?.message ?? 'none'}`
    );
  }
  const missing = done.indexOf(0);
  if (missing >= 0) throw new Error(`the CSV has no rows for pupil ${pupilIds[missing]}`);
  return figures;
}
