import type { Band, BandTable } from './types.js';

function absenceBand(from: number, to: number, id: string, label: string): Band {
  return { id, label, from, fromInclusive: true, to, toInclusive: to === 100 };
}

/**
 * DfE-style absence bands in steps of 5 percentage points, each `[from, to)`: under 5 %; 5 to under 10 %
 * ("approaching persistent absence"); 10 % upward in fives (persistent absence, DfE: 10 % or more); and 50 % or
 * more (severe absence, DfE: 50 % or more).
 *
 * @remarks
 * Lower ends are included because DfE thresholds are "or more": a pupil missing exactly 10 % is a persistent
 * absentee and lands in the 10–15 band.
 *
 * @example
 * classifyBand({ possible: 380, attended: 342, absent: 38 }, DFE_ABSENCE_BANDS) // band 'persistent-10-15'
 * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england} (DfE: persistent absence is 10 % or more of possible sessions)
 * @category Policy
 */
export const DFE_ABSENCE_BANDS: BandTable = {
  id: 'dfe-absence-5',
  name: 'DfE absence bands (5-point steps)',
  measure: 'absence',
  source:
    'DfE absence methodology: persistent absence at 10 % or more, severe absence at 50 % or more; 5-point steps between.',
  bands: [
    absenceBand(0, 5, 'under-5', 'Under 5 %'),
    absenceBand(5, 10, 'approaching-persistent', 'Approaching persistent absence (5 to under 10 %)'),
    ...[10, 15, 20, 25, 30, 35, 40, 45].map((from) =>
      absenceBand(
        from,
        from + 5,
        `persistent-${from}-${from + 5}`,
        `Persistent absence (${from} to under ${from + 5} %)`
      )
    ),
    absenceBand(50, 100, 'severe', 'Severe absence (50 % or more)'),
  ],
};

/**
 * The trust policy's attendance bands (Outstanding to Severely absent), with its overlaps and gaps resolved.
 *
 * @remarks
 * The policy lists 98–100 Outstanding, 97–98.9 Good, 95–96.9 Requires improvement, 92–94.9 Cause for concern,
 * 90–91.9 At risk, below 90 Persistent absentee and below 50 Severely absent. Written at one decimal place these
 * leave gaps (96.95 % is in no band) and overlap (98 % is in two), so they are read as half-open intervals:
 * - each named lower bound is included (95.0 % is Requires improvement; "falls below 95 %" triggers concern);
 * - 98.0 % is Outstanding ("98 – 100"), so Good is 97 to under 98;
 * - 90.0 % is a Persistent absentee, matching the policy's "90 % or below" and DfE's "10 % or more" missed,
 *   not its "below 90 %" band label; so At risk is above 90 to under 92;
 * - 50.0 % is Severely absent, matching DfE's "50 % or more" missed, not the band label "below 50 %".
 *
 * @example
 * classifyBand({ possible: 1000, attended: 950, absent: 50 }, HCAT_ATTENDANCE_BANDS) // band 'requires-improvement'
 * @see The HCAT trust attendance policy, attendance classification list
 * @category Policy
 */
export const HCAT_ATTENDANCE_BANDS: BandTable = {
  id: 'hcat-attendance',
  name: 'Trust attendance bands',
  measure: 'attendance',
  source:
    'Trust attendance policy band list; 98.0 owned by Outstanding, 90.0 by Persistent absentee (DfE 10 % or more), 50.0 by Severely absent (DfE 50 % or more).',
  bands: [
    {
      id: 'severely-absent',
      label: 'Severely absent',
      from: 0,
      fromInclusive: true,
      to: 50,
      toInclusive: true,
    },
    {
      id: 'persistent-absentee',
      label: 'Persistent absentee',
      from: 50,
      fromInclusive: false,
      to: 90,
      toInclusive: true,
    },
    {
      id: 'at-risk',
      label: 'At risk of persistent absenteeism',
      from: 90,
      fromInclusive: false,
      to: 92,
      toInclusive: false,
    },
    {
      id: 'cause-for-concern',
      label: 'Cause for concern',
      from: 92,
      fromInclusive: true,
      to: 95,
      toInclusive: false,
    },
    {
      id: 'requires-improvement',
      label: 'Requires improvement',
      from: 95,
      fromInclusive: true,
      to: 97,
      toInclusive: false,
    },
    { id: 'good', label: 'Good attendance', from: 97, fromInclusive: true, to: 98, toInclusive: false },
    {
      id: 'outstanding',
      label: 'Outstanding attendance',
      from: 98,
      fromInclusive: true,
      to: 100,
      toInclusive: true,
    },
  ],
};

/**
 * The trust policy's shorter "Student Attendance Classification" (no Good band), read as half-open intervals
 * with each named lower bound included.
 *
 * @example
 * classifyBand({ possible: 100, attended: 97, absent: 3 }, HCAT_CLASSIFICATION_BANDS) // band 'outstanding'
 * @see The HCAT trust attendance policy, classification page
 * @category Policy
 */
export const HCAT_CLASSIFICATION_BANDS: BandTable = {
  id: 'hcat-classification',
  name: 'Trust student attendance classification',
  measure: 'attendance',
  source:
    'Trust attendance policy classification page: 97–100, 95–96.9, 92–94.9, below 92; lower bounds included.',
  bands: [
    {
      id: 'serious-concern',
      label: 'Cause for serious concern / approaching persistent absenteeism',
      from: 0,
      fromInclusive: true,
      to: 92,
      toInclusive: false,
    },
    {
      id: 'cause-for-concern',
      label: 'Cause for concern',
      from: 92,
      fromInclusive: true,
      to: 95,
      toInclusive: false,
    },
    {
      id: 'requires-improvement',
      label: 'Requires improvement',
      from: 95,
      fromInclusive: true,
      to: 97,
      toInclusive: false,
    },
    { id: 'outstanding', label: 'Outstanding', from: 97, fromInclusive: true, to: 100, toInclusive: true },
  ],
};

/**
 * The trust policy's green/amber/red letter colours, with its boundary conflicts resolved.
 *
 * @remarks
 * The policy says Green is "over 97 %", Amber "between 90 % and 96.9 %" and Red "90 % or below". So 90.0 % is
 * Red (not also Amber), and 97.0 %, which the policy leaves in no colour, is Amber (it is not "over 97").
 *
 * @example
 * classifyBand({ possible: 100, attended: 97, absent: 3 }, HCAT_RAG_BANDS) // band 'amber'
 * @see The HCAT trust attendance policy, RAG letters
 * @category Policy
 */
export const HCAT_RAG_BANDS: BandTable = {
  id: 'hcat-rag',
  name: 'Trust RAG letter colours',
  measure: 'attendance',
  source:
    'Trust attendance policy RAG letters: Red 90 % or below; Amber above 90 % up to 97 %; Green over 97 %.',
  bands: [
    { id: 'red', label: 'Red', from: 0, fromInclusive: true, to: 90, toInclusive: true, colour: 'red' },
    {
      id: 'amber',
      label: 'Amber',
      from: 90,
      fromInclusive: false,
      to: 97,
      toInclusive: true,
      colour: 'amber',
    },
    {
      id: 'green',
      label: 'Green',
      from: 97,
      fromInclusive: false,
      to: 100,
      toInclusive: true,
      colour: 'green',
    },
  ],
};
