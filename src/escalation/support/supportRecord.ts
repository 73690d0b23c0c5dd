import type { IsoDate } from '../../calendar/types.js';
import type { EscalationState } from '../types.js';
import type { CaseSupport, ReferralOutcome, SupportOffer, SupportTier } from './types.js';

// A case's support record, changed only by events: each function returns a new record (or null when the event
// names an offer or referral the record does not have), never changing the one it is given.

/** The index of the last item that matches, or -1 (the library targets ES2022, before `findLastIndex`). */
function lastIndexWhere<T>(items: readonly T[], matches: (item: T) => boolean): number {
  for (let index = items.length - 1; index >= 0; index -= 1) if (matches(items[index]!)) return index;
  return -1;
}

/** The support record of a case with nothing recorded. */
export const NO_SUPPORT: CaseSupport = { barriers: [], assessment: null, offers: [], referrals: [] };

/**
 * A state's support record; a state stored before the record existed has none.
 *
 * @param state - A pupil's escalation state.
 * @returns Its support record.
 * @example
 * supportOf(initialEscalationState('P1')).offers //=> []
 */
export function supportOf(state: EscalationState): CaseSupport {
  const given: unknown = (state as { support?: unknown }).support;
  return typeof given === 'object' && given !== null ? (given as CaseSupport) : NO_SUPPORT;
}

/**
 * The record with support offered.
 *
 * @param record - The support record.
 * @param support - What was offered.
 * @param tier - Its tier.
 * @param on - The date.
 * @returns The new record.
 * @example
 * withOffer(NO_SUPPORT, 'early-help', 'voluntary', '2024-10-01').offers.length //=> 1
 */
export function withOffer(record: CaseSupport, support: string, tier: SupportTier, on: IsoDate): CaseSupport {
  const offer: SupportOffer = { support, tier, offeredOn: on, response: null, respondedOn: null };
  return { ...record, offers: [...record.offers, offer] };
}

/**
 * The record with the family's answer to the latest offer of a support; null when it was never offered.
 *
 * @param record - The support record.
 * @param support - The support, as named when offered.
 * @param response - Accepted or declined.
 * @param on - The date.
 * @returns The new record, or null.
 * @example
 * withAnswer(NO_SUPPORT, 'early-help', 'accepted', '2024-10-02') //=> null
 */
export function withAnswer(
  record: CaseSupport,
  support: string,
  response: 'accepted' | 'declined',
  on: IsoDate
): CaseSupport | null {
  const index = lastIndexWhere(record.offers, (offer) => offer.support === support);
  if (index === -1) return null;
  return {
    ...record,
    offers: record.offers.map((offer, at) =>
      at === index ? { ...offer, response, respondedOn: on } : offer
    ),
  };
}

/**
 * The record with a referral made.
 *
 * @param record - The support record.
 * @param service - The service referred to, or null for the ladder's own referral.
 * @param on - The date.
 * @returns The new record.
 * @example
 * withReferral(NO_SUPPORT, 'school-nursing', '2024-10-03').referrals[0]?.outcome //=> null
 */
export function withReferral(record: CaseSupport, service: string | null, on: IsoDate): CaseSupport {
  return {
    ...record,
    referrals: [...record.referrals, { service, madeOn: on, outcome: null, outcomeOn: null }],
  };
}

/**
 * The record with the outcome of the latest referral to a service; null when none was made.
 *
 * @param record - The support record.
 * @param service - The service, as named when referred.
 * @param outcome - The outcome.
 * @param on - The date.
 * @returns The new record, or null.
 * @example
 * withReferralOutcome(NO_SUPPORT, 'school-nursing', 'accepted', '2024-10-09') //=> null
 */
export function withReferralOutcome(
  record: CaseSupport,
  service: string,
  outcome: ReferralOutcome,
  on: IsoDate
): CaseSupport | null {
  const index = lastIndexWhere(record.referrals, (referral) => referral.service === service);
  if (index === -1) return null;
  return {
    ...record,
    referrals: record.referrals.map((referral, at) =>
      at === index ? { ...referral, outcome, outcomeOn: on } : referral
    ),
  };
}
