import type { SessionMark } from './types.js';

/**
 * Splits marks of many pupils into one list per pupil, keeping each pupil's marks in their original order.
 * Pupils appear in the order of their first mark.
 *
 * @param marks - Marks that each carry a `pupilId`.
 * @returns A map from pupil id to that pupil's marks.
 * @example
 * const byPupil = groupMarksByPupil([
 *   { pupilId: 'A', date: isoDate('2024-09-02'), session: 'AM', code: '/' },
 *   { pupilId: 'B', date: isoDate('2024-09-02'), session: 'AM', code: 'I' },
 * ]);
 * [...byPupil.keys()] //=> ['A', 'B']
 * @category Sessions
 */
export function groupMarksByPupil(
  marks: readonly (SessionMark & { readonly pupilId: string })[]
): Map<string, SessionMark[]> {
  const byPupil = new Map<string, SessionMark[]>();
  for (const mark of marks) {
    const list = byPupil.get(mark.pupilId);
    if (list === undefined) byPupil.set(mark.pupilId, [mark]);
    else list.push(mark);
  }
  return byPupil;
}
