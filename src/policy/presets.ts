import { HCAT_PENALTY_NOTICE_RULE, NATIONAL_PENALTY_NOTICE_RULE } from '../windows/penaltyNoticeRules.js';
import { DFE_ABSENCE_BANDS, HCAT_ATTENDANCE_BANDS, HCAT_RAG_BANDS } from './bandTables.js';
import type { AttendancePolicy } from './types.js';

/**
 * The DfE defaults, used wherever no policy is passed.
 *
 * - Persistent absence: 10 % or more of the enrolment's own possible sessions (`at-least`), the "exact" method
 *   used since 2015/16.
 * - Severe absence: 50 % or more of possible sessions (`at-least`).
 * - Minimum possible sessions: 1, so an enrolment with no possible sessions is never flagged (DfE leaves
 *   zero-possible enrolments out).
 * - Display: one decimal place (DfE publishes rates to 1 dp), rounded half-up.
 * - Bands: {@link DFE_ABSENCE_BANDS}.
 * - Penalty-notice threshold: {@link NATIONAL_PENALTY_NOTICE_RULE} (10 sessions of G, N, O, U within 10 school weeks).
 *
 * @example
 * isPersistentlyAbsent({ possible: 380, absent: 38 }, DFE_POLICY) //=> true
 * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england} (DfE absence methodology: PA 10 % or more; rates to 1 dp)
 * @category Policy
 */
export const DFE_POLICY: AttendancePolicy = {
  name: 'dfe',
  persistentAbsence: { percent: 10, comparison: 'at-least', minimumPossibleSessions: 1 },
  severeAbsence: { percent: 50, comparison: 'at-least', minimumPossibleSessions: 1 },
  display: { decimals: 1, rounding: 'half-up' },
  bands: DFE_ABSENCE_BANDS,
  penaltyNotice: NATIONAL_PENALTY_NOTICE_RULE,
};

/**
 * DfE defaults as applied in DfE's in-year (live) attendance figures, which leave out pupils with 10 or fewer
 * possible sessions: both thresholds need at least 11.
 *
 * @example
 * isPersistentlyAbsent({ possible: 10, absent: 5 }, DFE_LIVE_FIGURES_POLICY) //=> false
 * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-attendance-in-schools} (DfE pupil attendance methodology)
 * @category Policy
 */
export const DFE_LIVE_FIGURES_POLICY: AttendancePolicy = {
  ...DFE_POLICY,
  name: 'dfe-live-figures',
  persistentAbsence: { ...DFE_POLICY.persistentAbsence, minimumPossibleSessions: 11 },
  severeAbsence: { ...DFE_POLICY.severeAbsence, minimumPossibleSessions: 11 },
};

/**
 * The persistent-absence threshold DfE used from 2010/11 to 2014/15: 15 %, for historic comparisons. (DfE then
 * applied it as fixed session counts per period, e.g. 46 sessions over five half terms, which approximate 15 %.)
 *
 * @example
 * isPersistentlyAbsent({ possible: 380, absent: 50 }, DFE_2010_TO_2015_POLICY) //=> false
 * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england} (DfE absence methodology, historic thresholds)
 * @category Policy
 */
export const DFE_2010_TO_2015_POLICY: AttendancePolicy = {
  ...DFE_POLICY,
  name: 'dfe-2010-to-2015',
  persistentAbsence: { ...DFE_POLICY.persistentAbsence, percent: 15 },
};

/**
 * The persistent-absence threshold DfE used from 2005/06 to 2009/10: about 20 %, for historic comparisons.
 *
 * @example
 * isPersistentlyAbsent({ possible: 380, absent: 76 }, DFE_2005_TO_2010_POLICY) //=> true
 * @see {@link https://explore-education-statistics.service.gov.uk/methodology/pupil-absence-in-schools-in-england} (DfE absence methodology, historic thresholds)
 * @category Policy
 */
export const DFE_2005_TO_2010_POLICY: AttendancePolicy = {
  ...DFE_POLICY,
  name: 'dfe-2005-to-2010',
  persistentAbsence: { ...DFE_POLICY.persistentAbsence, percent: 20 },
};

/**
 * The trust attendance policy's preset: DfE thresholds (it defines persistent absence as missing "10 % or more",
 * and attendance of "90 % or below" as persistent), its attendance bands, its RAG letter colours and its own
 * penalty-notice rule ({@link HCAT_PENALTY_NOTICE_RULE}: 10 O, U or G sessions within 12 weeks). Since 19 August
 * 2024 the national framework ({@link NATIONAL_PENALTY_NOTICE_RULE}) is what the local authority applies; use
 * `definePolicy({ penaltyNotice: NATIONAL_PENALTY_NOTICE_RULE }, HCAT_POLICY)` to combine them.
 *
 * @example
 * classifyBand({ possible: 100, attended: 90, absent: 10 }, HCAT_POLICY.bands) // band 'persistent-absentee'
 * @see The HCAT trust attendance policy
 * @category Policy
 */
export const HCAT_POLICY: AttendancePolicy = {
  ...DFE_POLICY,
  name: 'hcat-trust',
  bands: HCAT_ATTENDANCE_BANDS,
  letterColours: HCAT_RAG_BANDS,
  penaltyNotice: HCAT_PENALTY_NOTICE_RULE,
};

/**
 * Every named policy preset, by name, for configuration files and the command line.
 *
 * @example
 * POLICY_PRESETS['hcat-trust'].bands.id //=> 'hcat-attendance'
 * @category Policy
 */
export const POLICY_PRESETS = {
  /** {@link DFE_POLICY}. */
  dfe: DFE_POLICY,
  /** {@link DFE_LIVE_FIGURES_POLICY}. */
  'dfe-live-figures': DFE_LIVE_FIGURES_POLICY,
  /** {@link DFE_2010_TO_2015_POLICY}. */
  'dfe-2010-to-2015': DFE_2010_TO_2015_POLICY,
  /** {@link DFE_2005_TO_2010_POLICY}. */
  'dfe-2005-to-2010': DFE_2005_TO_2010_POLICY,
  /** {@link HCAT_POLICY}. */
  'hcat-trust': HCAT_POLICY,
} as const satisfies Readonly<Record<string, AttendancePolicy>>;

/**
 * The name of a policy preset in {@link POLICY_PRESETS}.
 *
 * @category Policy
 */
export type PolicyPresetName = keyof typeof POLICY_PRESETS;
