import type { AttendanceIssue } from '../errors.js';
import { throwIfErrors } from '../_internal/issues.js';
import { checkMarks } from './checkMarks.js';
import type { SessionMark } from './types.js';

/**
 * Splits marks of many pupils into one list per pupil, keeping each pupil's marks in their original order.
 * Pupils appear in the order of their first mark.
 *
 * @param marks - Marks that each carry a `pupilId`, e.g. from {@link parseSessionMarks}.
 * @returns A map from pupil id to that pupil's marks.
 * @throws {@link AttendanceError} Listing every mark that is not a well-formed mark (as {@link countSessions}
 * does); once they are well formed, every mark without a `pupilId` (it cannot be given to a pupil).
 * @example
 * const byPupil = groupMarksByPupil([
 *   { pupilId: 'A', date: isoDate('2024-09-02'), session: 'AM', code: '/' },
 *   { pupilId: 'B', date: isoDate('2024-09-02'), session: 'AM', code: 'I' },
 * ]);
 * [...byPupil.keys()] //=> ['A', 'B']
 * @category Sessions
 */
export function groupMarksByPupil(marks: readonly SessionMark[]): Map<string, SessionMark[]> {
  const byPupil = new Map<string, SessionMark[]>();
  const issues: AttendanceIssue[] = [];
  checkMarks(marks, issues);
  throwIfErrors(issues);
  marks.forEach((mark, index) => {
    if (mark.pupilId === undefined) {
      issues.push({
        code: 'invalid_value',
        severity: 'error',
        message: `Mark ${index} (${mark.date}, ${mark.session}) has no pupilId, so it cannot be given to a pupil.`,
        path: [index, 'pupilId'],
        date: mark.date,
        session: mark.session,
        field: 'pupilId',
        expected: 'a pupil id',
        received: 'nothing',
      });
      return;
    }
    const list = byPupil.get(mark.pupilId);
    if (list === undefined) byPupil.set(mark.pupilId, [mark]);
    else list.push(mark);
  });
  throwIfErrors(issues);
  return byPupil;
}
