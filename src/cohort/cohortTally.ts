import type { CohortEnrolment, CohortFigures } from './types.js';
import type { AttendanceIssue } from '../errors.js';
import type { AttendancePolicy } from '../policy/types.js';
import { classifyBand } from '../sessions/classifyBand.js';
import { isPersistentlyAbsent } from '../sessions/isPersistentlyAbsent.js';
import { isSeverelyAbsent } from '../sessions/isSeverelyAbsent.js';
import { rateOf } from '../_internal/exactRate.js';
import { invalidArgument } from '../_internal/issues.js';

/** What one enrolment contributes to cohort figures; worked out once, however many groups it is added to. */
export type EnrolmentOutcome =
  | { readonly kind: 'no-possible-sessions' }
  | { readonly kind: 'inconsistent'; readonly issue: AttendanceIssue }
  | {
      readonly kind: 'included';
      readonly persistent: boolean;
      readonly severe: boolean;
      readonly bandIndex: number;
    };

/** Running totals for one cohort or group; mutated only while a cohort is being read. */
export interface CohortTally {
  enrolments: number;
  excludedNoPossibleSessions: number;
  excludedInconsistent: number;
  readonly issues: AttendanceIssue[];
  possible: number;
  attended: number;
  absent: number;
  authorised: number;
  unauthorised: number;
  persistentAbsentees: number;
  severeAbsentees: number;
  readonly bandCounts: number[];
}

const COUNT_FIELDS = ['possible', 'attended', 'absent', 'authorised', 'unauthorised'] as const;

const NO_POSSIBLE_SESSIONS: EnrolmentOutcome = { kind: 'no-possible-sessions' };

function inconsistent(
  enrolment: CohortEnrolment,
  index: number,
  problem: string,
  expected: string,
  field?: string
): EnrolmentOutcome {
  const { possible, attended, absent, authorised, unauthorised } = enrolment.counts;
  return {
    kind: 'inconsistent',
    issue: {
      code: 'invalid_counts',
      severity: 'warning',
      message: `Enrolment "${enrolment.id}" is left out of the cohort: ${problem}.`,
      path: field === undefined ? [index, 'counts'] : [index, 'counts', field],
      pupilId: enrolment.id,
      ...(field === undefined ? {} : { field }),
      expected,
      received: `possible ${String(possible)}, attended ${String(attended)}, absent ${String(absent)}, authorised ${String(authorised)}, unauthorised ${String(unauthorised)}`,
    },
  };
}

/**
 * Checks one enrolment's counts and classifies it against the policy.
 *
 * @param enrolment - The enrolment.
 * @param index - Its position in the input, for issues.
 * @param policy - The policy.
 * @returns What it contributes to cohort figures.
 * @example
 * classifyEnrolment(enrolment, 0, DFE_POLICY).kind //=> 'included'
 */
export function classifyEnrolment(
  enrolment: CohortEnrolment,
  index: number,
  policy: AttendancePolicy
): EnrolmentOutcome {
  const counts = enrolment.counts;
  for (const field of COUNT_FIELDS) {
    const value = counts[field];
    if (!Number.isSafeInteger(value) || value < 0) {
      return inconsistent(
        enrolment,
        index,
        `${field} is ${String(value)}, not a whole number of sessions`,
        'a whole number, 0 or more',
        field
      );
    }
  }
  if (counts.absent > counts.possible) {
    return inconsistent(
      enrolment,
      index,
      `absence (${counts.absent}) is more than possible sessions (${counts.possible})`,
      'absent <= possible'
    );
  }
  if (counts.attended + counts.absent !== counts.possible) {
    return inconsistent(
      enrolment,
      index,
      `attended (${counts.attended}) and absent (${counts.absent}) sessions do not add up to possible sessions (${counts.possible})`,
      'attended + absent = possible'
    );
  }
  if (counts.authorised + counts.unauthorised !== counts.absent) {
    return inconsistent(
      enrolment,
      index,
      `authorised (${counts.authorised}) and unauthorised (${counts.unauthorised}) absence do not add up to absent sessions (${counts.absent})`,
      'authorised + unauthorised = absent'
    );
  }
  if (counts.possible === 0) return NO_POSSIBLE_SESSIONS;
  const band = classifyBand(counts, policy.bands);
  return {
    kind: 'included',
    persistent: isPersistentlyAbsent(counts, policy),
    severe: isSeverelyAbsent(counts, policy),
    // Stryker disable next-line UnaryOperator: possible is more than 0 here, so classifyBand gives a band or throws; the -1 arm is unreachable
    bandIndex: band.kind === 'band' ? policy.bands.bands.indexOf(band.band) : -1,
  };
}

/**
 * Empty running totals for a cohort or group.
 *
 * @param policy - The policy, whose band table sets the band counts.
 * @returns The totals.
 * @example
 * const tally = createTally(DFE_POLICY);
 */
export function createTally(policy: AttendancePolicy): CohortTally {
  return {
    enrolments: 0,
    excludedNoPossibleSessions: 0,
    excludedInconsistent: 0,
    issues: [],
    possible: 0,
    attended: 0,
    absent: 0,
    authorised: 0,
    unauthorised: 0,
    persistentAbsentees: 0,
    severeAbsentees: 0,
    bandCounts: policy.bands.bands.map(() => 0),
  };
}

/**
 * Adds one enrolment's outcome to running totals.
 *
 * @param tally - The totals.
 * @param enrolment - The enrolment.
 * @param outcome - What {@link classifyEnrolment} made of it.
 * @example
 * addToTally(tally, enrolment, classifyEnrolment(enrolment, 0, policy));
 */
export function addToTally(tally: CohortTally, enrolment: CohortEnrolment, outcome: EnrolmentOutcome): void {
  switch (outcome.kind) {
    case 'no-possible-sessions':
      tally.excludedNoPossibleSessions += 1;
      return;
    case 'inconsistent':
      tally.excludedInconsistent += 1;
      tally.issues.push(outcome.issue);
      return;
    case 'included': {
      const counts = enrolment.counts;
      tally.enrolments += 1;
      tally.possible += counts.possible;
      tally.attended += counts.attended;
      tally.absent += counts.absent;
      tally.authorised += counts.authorised;
      tally.unauthorised += counts.unauthorised;
      if (outcome.persistent) tally.persistentAbsentees += 1;
      if (outcome.severe) tally.severeAbsentees += 1;
      if (outcome.bandIndex >= 0)
        tally.bandCounts[outcome.bandIndex] = tally.bandCounts[outcome.bandIndex]! + 1;
      return;
    }
  }
}

/**
 * Turns running totals into figures; every other sum is at most `possible`, so one check keeps them all exact.
 *
 * @param tally - The totals.
 * @param policy - The policy.
 * @returns The figures.
 * @example
 * toCohortFigures(tally, DFE_POLICY).persistentAbsenceRate
 */
export function toCohortFigures(tally: CohortTally, policy: AttendancePolicy): CohortFigures {
  if (!Number.isSafeInteger(tally.possible)) {
    invalidArgument({
      code: 'invalid_counts',
      message: `The cohort's possible sessions add up to more than ${Number.MAX_SAFE_INTEGER}, beyond exact whole numbers.`,
      path: [],
      field: 'possible',
      expected: `a total of at most ${Number.MAX_SAFE_INTEGER}`,
      received: String(tally.possible),
    });
  }
  return {
    enrolments: tally.enrolments,
    excludedNoPossibleSessions: tally.excludedNoPossibleSessions,
    excludedInconsistent: tally.excludedInconsistent,
    issues: tally.issues,
    possible: tally.possible,
    attended: tally.attended,
    absent: tally.absent,
    authorised: tally.authorised,
    unauthorised: tally.unauthorised,
    attendanceRate: rateOf(tally.attended, tally.possible),
    overallAbsenceRate: rateOf(tally.absent, tally.possible),
    authorisedRate: rateOf(tally.authorised, tally.possible),
    unauthorisedRate: rateOf(tally.unauthorised, tally.possible),
    persistentAbsentees: tally.persistentAbsentees,
    severeAbsentees: tally.severeAbsentees,
    persistentAbsenceRate: rateOf(tally.persistentAbsentees, tally.enrolments),
    severeAbsenceRate: rateOf(tally.severeAbsentees, tally.enrolments),
    bands: policy.bands.bands.map((band, index) => ({ band, enrolments: tally.bandCounts[index] ?? 0 })),
  };
}
