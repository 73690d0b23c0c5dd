/**
 * The ladder, service-directory and window-rule schemas, value by value: every value each enumeration allows is
 * accepted where it belongs (so a misspelt value in the schema is caught), conditions nest exactly as deep as
 * allowed, and refusals carry their located code and expectation.
 */
import { describe, expect, it } from 'vitest';
import {
  DFE_POLICY,
  safeDefineEscalationLadder,
  safeDefinePolicy,
  safeDefineServiceDirectory,
  trustLadder,
} from '../../src/index.js';

const LADDER = trustLadder();

/**
 * The paths of the problems the schema finds in a ladder, as dotted text: those that quote the value refused (the
 * ladder's structural checks, which run on what the schema accepted, quote none).
 */
function ladderProblems(value: unknown): string[] {
  const result = safeDefineEscalationLadder(value);
  if (result.success) return [];
  return result.error.issues
    .filter((issue) => issue.received !== undefined)
    .map((issue) => issue.path.join('.'));
}

/** The trust ladder with its first stage changed. */
function withFirstStage(change: Record<string, unknown>): unknown {
  return {
    ...LADDER,
    stages: LADDER.stages.map((stage, index) => (index === 0 ? { ...stage, ...change } : stage)),
  };
}

/** The trust ladder with its first rule changed. */
function withFirstRule(change: Record<string, unknown>): unknown {
  return {
    ...LADDER,
    rules: LADDER.rules.map((rule, index) => (index === 0 ? { ...rule, ...change } : rule)),
  };
}

const LEAF = { test: 'support-appropriate', appropriate: true };

/** A condition of `levels` nested "all"s around a leaf. */
function nested(levels: number): unknown {
  let condition: unknown = LEAF;
  for (let level = 0; level < levels; level += 1) condition = { test: 'all', of: [condition] };
  return condition;
}

describe('the ladder schema', () => {
  it('reads the trust ladder back equal from JSON', () => {
    const result = safeDefineEscalationLadder(JSON.parse(JSON.stringify(LADDER)));
    expect(result).toEqual({ success: true, data: LADDER });
  });

  it.each([
    'expect',
    'monitor',
    'listen-and-understand',
    'facilitate-support',
    'formalise-support',
    'enforce',
  ])('accepts the step %s', (step) => {
    expect(ladderProblems(withFirstStage({ step }))).not.toContain('stages.0.step');
    expect(ladderProblems(withFirstStage({ step: `${step}!` }))).toContain('stages.0.step');
  });

  it.each(['weeks', 'school-weeks'])('accepts the review unit %s', (unit) => {
    const review = { weeks: 4, unit };
    expect(ladderProblems(withFirstStage({ review }))).not.toContain('stages.0.review.unit');
    expect(ladderProblems(withFirstStage({ review: { weeks: 4, unit: 'days' } }))).toContain(
      'stages.0.review.unit'
    );
  });

  it.each(['penalty-notice', 'continued-monitoring'])('accepts the role %s', (role) => {
    expect(ladderProblems(withFirstStage({ role }))).not.toContain('stages.0.role');
    expect(ladderProblems(withFirstStage({ role: 'other' }))).toContain('stages.0.role');
  });

  it.each([
    'letter-sent',
    'meeting-held',
    'plan-agreed',
    'referral-made',
    'penalty-notice-issued',
    'barrier-recorded',
    'support-offered',
    'action-done',
  ])('accepts an action done by %s', (doneBy) => {
    const [first, action] = Object.entries(LADDER.actions)[0]!;
    const path = `actions.${first}.doneBy`;
    expect(
      ladderProblems({ ...LADDER, actions: { ...LADDER.actions, [first]: { ...action, doneBy } } })
    ).not.toContain(path);
    expect(
      ladderProblems({ ...LADDER, actions: { ...LADDER.actions, [first]: { ...action, doneBy: 'done' } } })
    ).toContain(path);
  });

  it.each(['stage-before-improvement', 'stay'])('accepts the rule target %s', (to) => {
    expect(ladderProblems(withFirstRule({ to }))).not.toContain('rules.0.to');
    expect(ladderProblems(withFirstRule({ to: 'nowhere' }))).toContain('rules.0.to');
  });

  it.each(['penalty-threshold', 'override', 're-entry', 'improvement', 'absence-level'])(
    'accepts the jump %s',
    (jump) => {
      expect(ladderProblems(withFirstRule({ jump }))).not.toContain('rules.0.jump');
      expect(ladderProblems(withFirstRule({ jump: 'leap' }))).toContain('rules.0.jump');
    }
  );

  it('accepts "all" and "any" nested four deep around a condition, and refuses a fifth level', () => {
    for (const test of ['all', 'any']) {
      expect(ladderProblems(withFirstRule({ when: { test, of: [LEAF] } }))).toEqual([]);
    }
    expect(ladderProblems(withFirstRule({ when: nested(4) }))).toEqual([]);
    expect(ladderProblems(withFirstRule({ when: nested(5) })).length).toBeGreaterThan(0);
  });
});

describe('the service directory schema', () => {
  const service = {
    id: 'school-nurse',
    name: 'School nurse',
    barriers: ['health'],
    phases: ['primary'],
    howToRefer: 'Form on the portal',
    consentNeeded: true,
    contact: 'nurse@example.org',
  };
  it.each(['early-years', 'primary', 'secondary', 'post-16'])('accepts the phase %s', (phase) => {
    const result = safeDefineServiceDirectory({
      name: 'Directory',
      services: [{ ...service, phases: [phase] }],
    });
    expect(result.success).toBe(true);
  });
  it.each(['voluntary', 'formal'])('accepts the tier %s and refuses another', (tier) => {
    expect(safeDefineServiceDirectory({ name: 'D', services: [{ ...service, tier }] }).success).toBe(true);
    expect(
      safeDefineServiceDirectory({ name: 'D', services: [{ ...service, tier: 'statutory' }] }).success
    ).toBe(false);
  });
});

describe('the window rule schema', () => {
  const rule = DFE_POLICY.penaltyNotice;
  /** The national policy with another penalty-notice rule, as untyped input (a policy file's JSON). */
  const policyWith = (penaltyNotice: Record<string, unknown>): ReturnType<typeof safeDefinePolicy> =>
    safeDefinePolicy(JSON.parse(JSON.stringify({ ...DFE_POLICY, penaltyNotice })) as never);
  it.each(['school-weeks', 'calendar-weeks', 'calendar-days'])('accepts the unit %s', (unit) => {
    const result = policyWith({ ...rule, unit });
    expect(result.success && result.data.penaltyNotice).toEqual({ ...rule, unit });
  });

  it('keeps the codes and the date it counts from as given', () => {
    const result = policyWith({ ...rule, codes: ['N', 'O'], countFrom: '2024-09-02' });
    expect(result.success && result.data.penaltyNotice).toEqual({
      ...rule,
      codes: ['N', 'O'],
      countFrom: '2024-09-02',
    });
  });

  it('refuses an unknown code and a code listed twice, each located with what was expected', () => {
    const unknown = policyWith({ ...rule, codes: ['N', 'Q9'] });
    expect(unknown.success ? [] : unknown.error.issues).toEqual([
      expect.objectContaining({
        code: 'unknown_code',
        path: ['penaltyNotice', 'codes', 1],
        expected: 'a register code of either code set',
        message: expect.stringContaining('Expected a register code of either code set;') as unknown,
      }),
    ]);
    const twice = policyWith({ ...rule, codes: ['N', 'N'] });
    expect(twice.success ? [] : twice.error.issues).toEqual([
      expect.objectContaining({
        code: 'invalid_value',
        path: ['penaltyNotice', 'codes'],
        expected: 'each code once',
        message: expect.stringContaining('Each code is listed once;') as unknown,
      }),
    ]);
  });
});
