import { defineEscalationPolicy } from '../../escalation/defineEscalationPolicy.js';
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

/** `--escalation-policy`: the trust's stages of support, or changes to them. */
export const ESCALATION_POLICY_KIND: PolicyKind<EscalationPolicy> = {
  what: 'escalation policy',
  option: '--escalation-policy',
  presets: { 'hcat-trust': HCAT_ESCALATION_POLICY, trust: HCAT_ESCALATION_POLICY },
  defaultBase: 'hcat-trust',
  define: (settings, base) => defineEscalationPolicy(settings, base),
};
