import type { EscalationState } from '../types.js';
import { BARRIERS } from './barriers.js';
import { supportOf } from './supportRecord.js';
import type { BarrierKind, PartnerService, SchoolPhase, ServiceDirectory } from './types.js';

/**
 * Who the pupil is, for the services that fit: the phase, and the age if known.
 *
 * @category Escalation
 */
export interface SuggestSupportOptions {
  /** The pupil's phase. */
  readonly phase: SchoolPhase;
  /** The pupil's age in whole years, when the services' age limits should be applied. */
  readonly age?: number;
}

/**
 * A service that fits a case, and why.
 *
 * @category Escalation
 */
export interface SupportSuggestion {
  /** The service. */
  readonly service: PartnerService;
  /** The pupil's recorded barriers it addresses. */
  readonly barriers: readonly BarrierKind[];
  /** Whether it was already offered or referred to in this case. */
  readonly alreadyInvolved: boolean;
  /** Why, in plain English: the barriers it addresses, and what a referral needs. */
  readonly why: string;
}

function labelOf(kind: BarrierKind): string {
  return BARRIERS.find((barrier) => barrier.kind === kind)?.label ?? kind.replace(/-/g, ' ');
}

function fitsPupil(service: PartnerService, { phase, age }: SuggestSupportOptions): boolean {
  if (!service.phases.includes(phase)) return false;
  if (age === undefined) return true;
  return (service.minimumAge ?? 0) <= age && age <= (service.maximumAge ?? Number.POSITIVE_INFINITY);
}

/**
 * The partner services that fit a case: those addressing any barrier recorded for the pupil, working with the
 * pupil's phase (and age, when given), each with the barriers it addresses and why. Services addressing more of
 * the pupil's barriers come first, then those not yet involved, then by name. A case with no barrier recorded
 * has no suggestion: listening and understanding comes first.
 *
 * The suggestions are built from special-category data (the pupil's barriers): show them to the people working
 * on the case, not in reports or logs.
 *
 * @param state - The pupil's escalation state, with its support record.
 * @param directory - The local directory of partner services.
 * @param options - The pupil's phase, and age if known.
 * @returns The suggestions, best first.
 * @example
 * suggestSupport(state, directory, { phase: 'secondary' }).map((suggestion) => suggestion.service.id)
 * //=> ['young-carers']
 * @category Escalation
 */
export function suggestSupport(
  state: EscalationState,
  directory: ServiceDirectory,
  options: SuggestSupportOptions
): SupportSuggestion[] {
  const record = supportOf(state);
  const recorded = new Set(record.barriers.map((barrier) => barrier.barrier));
  const involved = new Set<string>([
    ...record.offers.map((offer) => offer.support),
    ...record.referrals.flatMap((referral) => (referral.service === null ? [] : [referral.service])),
  ]);
  const suggestions: SupportSuggestion[] = [];
  for (const service of directory.services) {
    const barriers = service.barriers.filter((barrier) => recorded.has(barrier));
    if (barriers.length === 0 || !fitsPupil(service, options)) continue;
    const alreadyInvolved = involved.has(service.id);
    const addresses = barriers.map(labelOf).join(', ');
    const how = `refer by ${service.howToRefer}${service.consentNeeded ? ', with the family’s consent' : ''}; contact ${service.contact}`;
    suggestions.push({
      service,
      barriers,
      alreadyInvolved,
      why: `${service.name} addresses ${addresses} and works with ${options.phase} pupils${alreadyInvolved ? '; already involved in this case' : ''}: ${how}.`,
    });
  }
  return suggestions.sort(
    (left, right) =>
      right.barriers.length - left.barriers.length ||
      Number(left.alreadyInvolved) - Number(right.alreadyInvolved) ||
      left.service.name.localeCompare(right.service.name, 'en')
  );
}
