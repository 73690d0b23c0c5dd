import fc from 'fast-check';
import type { SessionCounts } from '../../../src/index.js';
import type { PupilSummaryCounts } from '../../../src/io/index.js';

/** The independent parts a consistent set of counts is built from. */
export interface CountParts {
  readonly present: number;
  readonly approvedEducationalActivity: number;
  readonly authorised: number;
  readonly unauthorised: number;
  readonly notPossible?: number;
  readonly unmarked?: number;
  readonly late?: number;
  readonly lateAfterRegisterClosed?: number;
}

/**
 * Counts that satisfy the DfE identities by construction: attended = present + AEA, absent = authorised +
 * unauthorised, possible = attended + absent; late within present, late after close within unauthorised.
 * @param parts - The independent counts.
 */
export function countsOf(parts: CountParts): PupilSummaryCounts {
  const attended = parts.present + parts.approvedEducationalActivity;
  const absent = parts.authorised + parts.unauthorised;
  return {
    possible: attended + absent,
    attended,
    present: parts.present,
    approvedEducationalActivity: parts.approvedEducationalActivity,
    authorised: parts.authorised,
    unauthorised: parts.unauthorised,
    absent,
    notPossible: parts.notPossible ?? 0,
    unmarked: parts.unmarked ?? 0,
    late: parts.late ?? 0,
    lateAfterRegisterClosed: parts.lateAfterRegisterClosed ?? 0,
  };
}

/**
 * Consistent counts of any size (up to ~a decade of sessions per part), built from independent parts.
 * @param max - The largest value of each part.
 */
export function summaryCountsArb(max = 4000): fc.Arbitrary<PupilSummaryCounts> {
  const part = fc.integer({ min: 0, max });
  return fc
    .record({
      present: part,
      approvedEducationalActivity: part,
      authorised: part,
      unauthorised: part,
      notPossible: part,
      unmarked: part,
      lateShare: fc.double({ min: 0, max: 1, noNaN: true }),
      lateAfterShare: fc.double({ min: 0, max: 1, noNaN: true }),
    })
    .map(({ lateShare, lateAfterShare, ...parts }) =>
      countsOf({
        ...parts,
        late: Math.floor(parts.present * lateShare),
        lateAfterRegisterClosed: Math.floor(parts.unauthorised * lateAfterShare),
      })
    );
}

/**
 * A full count's integer fields and per-code counts: what a summary file carries (its warnings are not data).
 * @param counts - A result of countSessions.
 */
export function withoutWarnings(counts: SessionCounts): PupilSummaryCounts {
  return Object.fromEntries(
    Object.entries(counts).filter(([key]) => key !== 'warnings')
  ) as unknown as PupilSummaryCounts;
}
