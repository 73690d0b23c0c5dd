import type { SessionCounts } from '../sessions/types.js';

/** The whole-number fields of {@link SessionCounts} that add up across enrolments, in display order. */
export const SESSION_COUNT_FIELDS = [
  'possible',
  'attended',
  'present',
  'approvedEducationalActivity',
  'authorised',
  'unauthorised',
  'absent',
  'notPossible',
  'unmarked',
  'late',
  'lateAfterRegisterClosed',
] as const satisfies readonly (keyof SessionCounts)[];

/** One of {@link SESSION_COUNT_FIELDS}. */
export type SessionCountField = (typeof SESSION_COUNT_FIELDS)[number];
