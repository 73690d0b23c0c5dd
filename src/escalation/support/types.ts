import type { IsoDate } from '../../calendar/types.js';

/**
 * A barrier to attendance, from the vocabulary of DfE's guidance and the multi-agency charters: physical and
 * mental health, emotionally based school avoidance, special educational needs and disabilities, family
 * circumstances, caring for someone, bereavement, bullying, transport, housing, exploitation or another
 * safeguarding concern, and barriers in school. A school may add its own (kebab-case, like these).
 *
 * A barrier is special-category data (health, SEND, safeguarding): the library never puts it in an error
 * message, a refusal or a case history's reasons; it is kept in the case's support record only.
 *
 * @see DfE, Working together to improve school attendance (2024): "barriers to attendance"
 * @category Escalation
 */
export type BarrierKind =
  | 'physical-health'
  | 'mental-health'
  | 'emotionally-based-school-avoidance'
  | 'send'
  | 'family-circumstances'
  | 'young-carer'
  | 'bereavement'
  | 'bullying'
  | 'transport'
  | 'housing'
  | 'exploitation-or-safeguarding'
  | 'in-school'
  // `string & {}` keeps the vocabulary offered by editors while a school's own kinds are accepted.
  | (string & {});

/**
 * DfE's three tiers of intervention that involve support: voluntary (helping the family reach services, a
 * whole-family plan such as early help) and formal (a written attendance contract; an education supervision
 * order if that is not engaged with). The third tier, statutory, is enforcement, not support.
 *
 * @see REFERENCE §7.3: three tiers of intervention
 * @category Escalation
 */
export type SupportTier = 'voluntary' | 'formal';

/**
 * What became of a referral to a partner service.
 *
 * @category Escalation
 */
export type ReferralOutcome = 'accepted' | 'declined' | 'not-engaged' | 'completed' | 'no-further-action';

/**
 * A barrier recorded for a pupil.
 *
 * @category Escalation
 */
export interface RecordedBarrier {
  /** The date it was recorded. */
  readonly on: IsoDate;
  /** Which barrier. */
  readonly barrier: BarrierKind;
  /** Free-text details, if any (special-category data). */
  readonly details?: string;
}

/**
 * Support offered to a pupil's family, and their answer.
 *
 * @category Escalation
 */
export interface SupportOffer {
  /** What was offered: a service id from a directory, or a kind of support (e.g. `'early-help'`). */
  readonly support: string;
  /** The tier of the offer. */
  readonly tier: SupportTier;
  /** The date it was offered. */
  readonly offeredOn: IsoDate;
  /** The family's latest answer; `null` while there is none. */
  readonly response: 'accepted' | 'declined' | null;
  /** The date of that answer. */
  readonly respondedOn: IsoDate | null;
}

/**
 * A referral to a partner service, and its outcome.
 *
 * @category Escalation
 */
export interface ReferralRecord {
  /** The service referred to; `null` for the ladder's own referral when no service was named. */
  readonly service: string | null;
  /** The date it was made. */
  readonly madeOn: IsoDate;
  /** The outcome; `null` while there is none. */
  readonly outcome: ReferralOutcome | null;
  /** The date of the outcome. */
  readonly outcomeOn: IsoDate | null;
}

/**
 * A case's support record: barriers, whether support is appropriate, support offered and referrals made.
 *
 * @category Escalation
 */
export interface CaseSupport {
  /** Barriers recorded, in order. */
  readonly barriers: readonly RecordedBarrier[];
  /**
   * The latest assessment of whether support is appropriate; `null` when none was made, and support is then
   * presumed appropriate (DfE's support first).
   */
  readonly assessment: {
    /** The date of the assessment. */
    readonly on: IsoDate;
    /** Whether support is appropriate. */
    readonly appropriate: boolean;
  } | null;
  /** Support offered, in order. */
  readonly offers: readonly SupportOffer[];
  /** Referrals made, in order. */
  readonly referrals: readonly ReferralRecord[];
}

/**
 * A phase of education a service works with.
 *
 * @category Escalation
 */
export type SchoolPhase = 'early-years' | 'primary' | 'secondary' | 'post-16';

/**
 * A partner service in a local directory: who they are, the barriers they address, whom they see, how to refer
 * and whom to contact (the multi-agency charters ask partners to share exactly this with schools).
 *
 * @category Escalation
 */
export interface PartnerService {
  /** A short id, unique in the directory (kebab-case), used by `support-offered` and `referral-made` events. */
  readonly id: string;
  /** The service's name. */
  readonly name: string;
  /** The barriers it addresses. */
  readonly barriers: readonly BarrierKind[];
  /** The phases it works with. */
  readonly phases: readonly SchoolPhase[];
  /** The youngest age it sees, if it has one. */
  readonly minimumAge?: number;
  /** The oldest age it sees, if it has one. */
  readonly maximumAge?: number;
  /** How to refer: a form, a portal, a phone call (text). */
  readonly howToRefer: string;
  /** Whether the family's consent is needed before referring. */
  readonly consentNeeded: boolean;
  /** The contact point for schools. */
  readonly contact: string;
  /** The tier of support it offers (voluntary by default). */
  readonly tier?: SupportTier;
}

/**
 * A validated directory of partner services ({@link defineServiceDirectory}); JSON-safe.
 *
 * @category Escalation
 */
export interface ServiceDirectory {
  /** The area or trust it covers, e.g. `'Example LA'`. */
  readonly name: string;
  /** The services, in the order given. */
  readonly services: readonly PartnerService[];
}
