import { describe, expect, test } from 'vitest';
import { explainEscalation, initialEscalationState, isoDate, trustLadder } from '../../src/index.js';
import type { EscalationHistoryEntry, EscalationState } from '../../src/index.js';
import type { CaseSupport } from '../../src/escalation/support/types.js';

// The case note explainEscalation writes, for states built by hand: stages and actions the ladder does not name,
// every kind of jump, and each line of the support record.

const LADDER = trustLadder();

function entry(overrides: Partial<EscalationHistoryEntry>): EscalationHistoryEntry {
  return {
    on: isoDate('2024-10-04'),
    event: 'override',
    from: 1,
    to: 2,
    jump: null,
    reason: 'the panel said so',
    actions: [],
    ...overrides,
  };
}

function stateWith(overrides: Partial<EscalationState>): EscalationState {
  return { ...initialEscalationState('P1'), ...overrides };
}

function supportLines(support: Partial<CaseSupport>): string[] {
  const record: CaseSupport = { barriers: [], assessment: null, offers: [], referrals: [], ...support };
  const lines = explainEscalation(stateWith({ support: record }), LADDER, { support: true }).split('\n');
  return lines.slice(lines.indexOf('Support record:'));
}

describe('explainEscalation: stages and actions the ladder does not name', () => {
  test('a stage beyond the ladder is named by its number only', () => {
    expect(explainEscalation(stateWith({ stage: 9, enteredOn: isoDate('2024-10-04') }), LADDER)).toBe(
      'Pupil P1, now at stage 9 since 2024-10-04.\nNo reviews or events recorded yet.'
    );
  });

  test('an action the ladder does not name is shown by its kind; a named one by its description', () => {
    const state = stateWith({
      stage: 1,
      history: [entry({ from: 1, to: 1, reason: 'a review', actions: ['1:home-visit', '1:letter-1'] })],
    });
    expect(explainEscalation(state, LADDER).split('\n')[1]).toBe(
      '2024-10-04: A review. Due: home-visit; Letter 1.'
    );
  });
});

describe('explainEscalation: jumps', () => {
  test('a jump that leaves the stage as it was is still written as a move', () => {
    const state = stateWith({ stage: 2, history: [entry({ from: 2, to: 2, jump: 'override' })] });
    expect(explainEscalation(state, LADDER).split('\n')[1]).toBe(
      '2024-10-04: Stage 2 (attendance panel and plan) to stage 2 (attendance panel and plan) (by hand), ' +
        'because the panel said so.'
    );
  });

  test('the threshold jump to the penalty-notice stage says so', () => {
    const state = stateWith({ stage: 4, history: [entry({ from: 1, to: 4, jump: 'penalty-threshold' })] });
    expect(explainEscalation(state, LADDER).split('\n')[1]).toBe(
      '2024-10-04: Stage 1 (letter and monitoring) to stage 4 (penalty notice) ' +
        '(straight to the penalty-notice stage), because the panel said so.'
    );
  });

  test('the threshold jump to a stage that is not the penalty-notice stage says only why', () => {
    const state = stateWith({ stage: 2, history: [entry({ from: 1, to: 2, jump: 'penalty-threshold' })] });
    expect(explainEscalation(state, LADDER).split('\n')[1]).toBe(
      '2024-10-04: Stage 1 (letter and monitoring) to stage 2 (attendance panel and plan) ' +
        '(the penalty-notice threshold was reached), because the panel said so.'
    );
  });

  test('the threshold jump to a stage beyond the ladder says only why', () => {
    const state = stateWith({ stage: 9, history: [entry({ from: 1, to: 9, jump: 'penalty-threshold' })] });
    expect(explainEscalation(state, LADDER).split('\n')[1]).toBe(
      '2024-10-04: Stage 1 (letter and monitoring) to stage 9 ' +
        '(the penalty-notice threshold was reached), because the panel said so.'
    );
  });
});

describe('explainEscalation: the support record', () => {
  test('an empty record says nothing is recorded', () => {
    expect(supportLines({})).toEqual(['Support record:', '- nothing recorded.']);
  });

  test('barriers are named by their label, or by their kind when the vocabulary lacks them, with details', () => {
    expect(
      supportLines({
        barriers: [
          { on: isoDate('2024-10-01'), barrier: 'transport' },
          { on: isoDate('2024-10-02'), barrier: 'school-refusal-after-move', details: 'moved in August' },
        ],
      })
    ).toEqual([
      'Support record:',
      '- 2024-10-01: barrier recorded: transport to school.',
      '- 2024-10-02: barrier recorded: school-refusal-after-move (moved in August).',
    ]);
  });

  test('an assessment says whether support is appropriate', () => {
    expect(supportLines({ assessment: { on: isoDate('2024-10-03'), appropriate: true } })).toEqual([
      'Support record:',
      '- 2024-10-03: support assessed as appropriate.',
    ]);
    expect(supportLines({ assessment: { on: isoDate('2024-10-03'), appropriate: false } })).toEqual([
      'Support record:',
      '- 2024-10-03: support assessed as not appropriate.',
    ]);
  });

  test('offers show the tier, the support and the answer, if any', () => {
    expect(
      supportLines({
        offers: [
          {
            support: 'early-help',
            tier: 'voluntary',
            offeredOn: isoDate('2024-10-04'),
            response: null,
            respondedOn: null,
          },
          {
            support: 'attendance-contract',
            tier: 'formal',
            offeredOn: isoDate('2024-10-05'),
            response: 'accepted',
            respondedOn: isoDate('2024-10-07'),
          },
        ],
      })
    ).toEqual([
      'Support record:',
      '- 2024-10-04: voluntary support offered: early-help; no answer yet.',
      '- 2024-10-05: formal support offered: attendance-contract; accepted on 2024-10-07.',
    ]);
  });

  test('referrals show the service, or the ladder’s own, and the outcome, if any', () => {
    expect(
      supportLines({
        referrals: [
          { service: 'school-nursing', madeOn: isoDate('2024-10-08'), outcome: null, outcomeOn: null },
          {
            service: null,
            madeOn: isoDate('2024-10-09'),
            outcome: 'completed',
            outcomeOn: isoDate('2024-11-01'),
          },
        ],
      })
    ).toEqual([
      'Support record:',
      '- 2024-10-08: referral to school-nursing; no outcome yet.',
      '- 2024-10-09: referral to the ladder’s service; completed on 2024-11-01.',
    ]);
  });

  test('an answer or outcome stored without its date still reads, with no date', () => {
    expect(
      supportLines({
        offers: [
          {
            support: 'early-help',
            tier: 'voluntary',
            offeredOn: isoDate('2024-10-04'),
            response: 'declined',
            respondedOn: null,
          },
        ],
        referrals: [
          { service: 'school-nursing', madeOn: isoDate('2024-10-08'), outcome: 'accepted', outcomeOn: null },
        ],
      })
    ).toEqual([
      'Support record:',
      '- 2024-10-04: voluntary support offered: early-help; declined on .',
      '- 2024-10-08: referral to school-nursing; accepted on .',
    ]);
  });

  test('the record is left out unless asked for', () => {
    const state = stateWith({
      support: {
        barriers: [],
        assessment: { on: isoDate('2024-10-03'), appropriate: true },
        offers: [],
        referrals: [],
      },
    });
    expect(explainEscalation(state, LADDER)).not.toContain('Support record:');
  });
});
