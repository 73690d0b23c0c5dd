import { defineEscalationPolicy } from '../../escalation/defineEscalationPolicy.js';
import { defineEscalationLadder } from '../../escalation/ladder/defineEscalationLadder.js';
import { DFE_SUPPORT_FIRST_LADDER, supportFirstLadder } from '../../escalation/ladder/supportFirstLadder.js';
import type { EscalationLadder } from '../../escalation/ladder/types.js';
import { HCAT_ESCALATION_POLICY } from '../../escalation/presets.js';
import type { EscalationPolicy } from '../../escalation/types.js';
import { defineLatenessPolicy } from '../../lateness/defineLatenessPolicy.js';
import { HCAT_LATENESS_POLICY } from '../../lateness/presets.js';
import type { LatenessPolicy } from '../../lateness/types.js';
import { definePolicy } from '../../policy/definePolicy.js';
import { POLICY_PRESETS } from '../../policy/presets.js';
import type { AttendancePolicy } from '../../policy/types.js';
import type { PolicyKind } from './loadPolicySetting.js';

/** `--policy`: the attendance policy presets (and `trust` for the trust preset), or overrides of one. */
export const ATTENDANCE_POLICY_KIND: PolicyKind<AttendancePolicy> = {
  what: 'attendance policy',
  option: '--policy',
  presets: { ...POLICY_PRESETS, trust: POLICY_PRESETS['hcat-trust'] },
  defaultBase: 'dfe',
  // definePolicy validates every field of untrusted settings and reports unknown ones.
  define: (settings, base) => definePolicy(settings, base),
};

/** `--lateness-policy`: the trust's lateness rules, or changes to them. */
export const LATENESS_POLICY_KIND: PolicyKind<LatenessPolicy> = {
  what: 'lateness policy',
  option: '--lateness-policy',
  presets: { 'hcat-trust': HCAT_LATENESS_POLICY, trust: HCAT_LATENESS_POLICY },
  defaultBase: 'hcat-trust',
  define: (settings, base) => defineLatenessPolicy({ ...base, ...settings }),
};

/**
 * `--escalation-policy`: the trust's stages of support, DfE's support-first ladder, changes to either's numbers
 * (a file that `"extends"` one), or a ladder of the school's, trust's or LA's own (a file with `stages`,
 * `actions` and `rules`; see `defineEscalationLadder`).
 */
export const ESCALATION_POLICY_KIND: PolicyKind<EscalationPolicy | EscalationLadder> = {
  what: 'escalation policy',
  option: '--escalation-policy',
  presets: {
    'hcat-trust': HCAT_ESCALATION_POLICY,
    trust: HCAT_ESCALATION_POLICY,
    'dfe-support-first': DFE_SUPPORT_FIRST_LADDER,
    'support-first': DFE_SUPPORT_FIRST_LADDER,
  },
  defaultBase: 'hcat-trust',
  // A file of settings changes the numbers of the ladder it extends (the trust's by default, as it always has);
  // a file with stages is a ladder.
  define: (settings, base) =>
    Object.hasOwn(settings, 'stages')
      ? defineEscalationLadder(settings)
      : 'stages' in base
        ? supportFirstLadder(settings)
        : defineEscalationPolicy(settings, base),
};
