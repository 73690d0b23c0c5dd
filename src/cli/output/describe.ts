import type { AbsenceThreshold } from '../../policy/types.js';
import type { WindowRule } from '../../windows/types.js';
import { plural } from './plural.js';

const UNITS: Readonly<Record<WindowRule['unit'], string>> = {
  'school-weeks': 'school weeks',
  'calendar-weeks': 'calendar weeks',
  'calendar-days': 'calendar days',
};

/**
 * An absence threshold in words.
 *
 * @param threshold - The threshold.
 * @returns E.g. `'10 % or more'`, or `'more than 10 %'`.
 * @example
 * describeThreshold(DFE_POLICY.persistentAbsence) //=> '10 % or more'
 */
export function describeThreshold(threshold: AbsenceThreshold): string {
  return threshold.comparison === 'at-least'
    ? `${threshold.percent} % or more`
    : `more than ${threshold.percent} %`;
}

/**
 * A rolling-window rule in words.
 *
 * @param rule - The rule.
 * @returns E.g. `'10 sessions of G, N, O, U within 10 school weeks, counted from 2024-08-19'`.
 * @example
 * describeWindowRule(NATIONAL_PENALTY_NOTICE_RULE)
 * //=> '10 sessions of G, N, O, U within 10 school weeks, counted from 2024-08-19'
 */
export function describeWindowRule(rule: WindowRule): string {
  const from = rule.countFrom === undefined ? '' : `, counted from ${rule.countFrom}`;
  return `${rule.threshold} sessions of ${rule.codes.join(', ')} within ${rule.length} ${UNITS[rule.unit]}${from}`;
}

/**
 * A count of pupils in words.
 *
 * @param count - How many.
 * @returns E.g. `'1 pupil'`, `'3 pupils'`.
 * @example
 * pupils(1) //=> '1 pupil'
 */
export function pupils(count: number): string {
  return plural(count, 'pupil');
}
