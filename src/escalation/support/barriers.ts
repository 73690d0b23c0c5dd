import type { BarrierKind } from './types.js';

/**
 * A barrier of the vocabulary, with its label.
 *
 * @category Escalation
 */
export interface BarrierEntry {
  /** The kind, as events and directories write it. */
  readonly kind: BarrierKind;
  /** The kind in words, for people. */
  readonly label: string;
}

/**
 * The library's vocabulary of barriers to attendance, each with a label for people: the barriers DfE's guidance
 * and the multi-agency charters name. A school's own kinds (kebab-case) are accepted beside these.
 *
 * @example
 * BARRIERS.find((barrier) => barrier.kind === 'young-carer')?.label //=> 'caring for a family member (young carer)'
 * @see REFERENCE §7.3: barriers named in summaries of the guidance; seeds 000–003
 * @category Escalation
 */
export const BARRIERS: readonly BarrierEntry[] = [
  { kind: 'physical-health', label: 'physical health' },
  { kind: 'mental-health', label: 'mental health' },
  { kind: 'emotionally-based-school-avoidance', label: 'emotionally based school avoidance' },
  { kind: 'send', label: 'special educational needs and disabilities' },
  { kind: 'family-circumstances', label: 'family or home circumstances' },
  { kind: 'young-carer', label: 'caring for a family member (young carer)' },
  { kind: 'bereavement', label: 'bereavement' },
  { kind: 'bullying', label: 'bullying' },
  { kind: 'transport', label: 'transport to school' },
  { kind: 'housing', label: 'housing' },
  { kind: 'exploitation-or-safeguarding', label: 'exploitation or another safeguarding concern' },
  { kind: 'in-school', label: 'a barrier in school (curriculum, relationships, the environment)' },
];
