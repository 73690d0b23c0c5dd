import { CODE_SET_2024_START } from '../codes/codeSetDates.js';
import type { WindowRule } from './types.js';

/**
 * The national penalty-notice framework's threshold, in force from 19 August 2024: 10 sessions of unauthorised
 * absence (G, N, O and U in any mix, consecutive or not) within a rolling period of 10 school weeks. A school week
 * is any week with at least one session, so the window runs on across holidays, terms and school years. Reaching
 * it means a notice **must be considered**, not that one is issued.
 *
 * @example
 * NATIONAL_PENALTY_NOTICE_RULE.length //=> 10 (school weeks)
 * @see {@link https://www.legislation.gov.uk/uksi/2024/210/contents/made} (SI 2024/210, the Education (Penalty Notices) (England) (Amendment) Regulations 2024, and the national framework in the DfE guidance)
 * @category Windows
 */
export const NATIONAL_PENALTY_NOTICE_RULE: WindowRule = {
  length: 10,
  unit: 'school-weeks',
  threshold: 10,
  codes: ['G', 'N', 'O', 'U'],
  countFrom: CODE_SET_2024_START,
};

/**
 * The trust policy's penalty-notice threshold: 10 sessions (5 days) recorded as O, U or G within a 12-week
 * period. The policy does not say school weeks, so the period is read as 12 Monday-to-Sunday weeks, holidays
 * included; `{ unit: 'calendar-days', length: 84 }` is the other reading. Unlike the national framework it does
 * not count N.
 *
 * @example
 * HCAT_PENALTY_NOTICE_RULE.codes //=> ['O', 'U', 'G']
 * @see The HCAT trust attendance policy, stage 4 of managing absence
 * @category Windows
 */
export const HCAT_PENALTY_NOTICE_RULE: WindowRule = {
  length: 12,
  unit: 'calendar-weeks',
  threshold: 10,
  codes: ['O', 'U', 'G'],
};
