import { describe, expect, test } from 'vitest';
import { defineEscalationPolicy, initialEscalationState, isoDate, transition } from '../../src/index.js';
import type { EscalationEvent, EscalationPolicy, EscalationState } from '../../src/index.js';

// The trust policy (REFERENCE §7.2) monitors for 4 weeks at stage 1 and reviews the plan and the referral after 4
// weeks; REFERENCE §9 (item 12) lists the monitoring length and review windows as policy values, and §7.3 gives
// 6 school weeks as a common improvement period. A policy that sets each period differently must get each one
// exactly, and a review is due on its due date, not a day before.

function review(on: string, possible: number, attended: number): EscalationEvent {
  return { type: 'review', on: isoDate(on), figures: { possible, attended, absent: possible - attended } };
}

function applyAll(state: EscalationState, events: readonly EscalationEvent[], policy: EscalationPolicy) {
  return events.reduce((current, event) => {
    const result = transition(current, event, policy);
    if (!result.ok) throw new Error(`Refused ${event.type} on ${event.on}: ${result.refusal.message}`);
    return result.state;
  }, state);
}

/**
 * Six weeks of stage 1 monitoring, a 3-week plan review and a 5-week referral review; no extension of monitoring
 * for further absence, so that each due date is the period alone.
 */
const POLICY = defineEscalationPolicy({
  monitoringWeeks: 6,
  planReviewWeeks: 3,
  referralReviewWeeks: 5,
  extensionWeeksPerAbsentDay: 0,
});

/** Stage 1 on Friday 11 October 2024 at 52 of 58 sessions (89.7 %, below 90 %). */
const STAGE_ONE = applyAll(initialEscalationState('P1'), [review('2024-10-11', 58, 52)], POLICY);

describe('review periods other than 4 weeks', () => {
  test('stage 1 monitoring of 6 weeks is reviewed 6 weeks after entry (22 November 2024)', () => {
    expect(STAGE_ONE).toMatchObject({ stage: 1, enteredOn: '2024-10-11', reviewDueOn: '2024-11-22' });
  });

  test('a plan reviewed after 3 weeks: stage 2 entered on 22 November 2024 is reviewed on 13 December', () => {
    // 48 of 60 sessions (80 %) since stage 1 began: no improvement (below 95 %) at the end of monitoring.
    const stageTwo = applyAll(STAGE_ONE, [review('2024-11-22', 118, 100)], POLICY);
    expect(stageTwo).toMatchObject({ stage: 2, enteredOn: '2024-11-22', reviewDueOn: '2024-12-13' });
  });

  test('a referral reviewed after 5 weeks: stage 3 entered on 13 December 2024 is reviewed on 17 January 2025', () => {
    const stageTwo = applyAll(STAGE_ONE, [review('2024-11-22', 118, 100)], POLICY);
    // 20 of 30 sessions since stage 2 began: no improvement at the plan review.
    const stageThree = applyAll(stageTwo, [review('2024-12-13', 148, 120)], POLICY);
    expect(stageThree).toMatchObject({ stage: 3, enteredOn: '2024-12-13', reviewDueOn: '2025-01-17' });
  });
});

describe('a review is due on its due date, not before', () => {
  // 4-week monitoring (the trust's own figure) from 11 October 2024: due on Friday 8 November 2024. Every session
  // since stage 1 began is attended, so at the review the pupil has improved (at least 95 %) and moves to stage 5.
  const fourWeeks = defineEscalationPolicy({ monitoringWeeks: 4 });
  const stageOne = applyAll(initialEscalationState('P1'), [review('2024-10-11', 58, 52)], fourWeeks);

  test('the day before the review is due nothing moves, however good attendance has been', () => {
    expect(stageOne.reviewDueOn).toBe('2024-11-08');
    const dayBefore = applyAll(stageOne, [review('2024-11-07', 96, 90)], fourWeeks);
    expect(dayBefore.stage).toBe(1);
  });

  test('on the due date the review applies: improvement leads to stage 5', () => {
    const onTheDay = applyAll(stageOne, [review('2024-11-08', 98, 92)], fourWeeks);
    expect(onTheDay).toMatchObject({ stage: 5, enteredOn: '2024-11-08' });
  });

  test('on the due date without improvement: stage 2; the day before: still stage 1', () => {
    // 20 more sessions, 16 attended (80 %): no improvement. Further absence would extend the monitoring, so this
    // policy has no extension and the boundary is the plain 4 weeks.
    const noExtension = defineEscalationPolicy({ monitoringWeeks: 4, extensionWeeksPerAbsentDay: 0 });
    const start = applyAll(initialEscalationState('P1'), [review('2024-10-11', 58, 52)], noExtension);
    expect(applyAll(start, [review('2024-11-07', 78, 68)], noExtension).stage).toBe(1);
    expect(applyAll(start, [review('2024-11-08', 78, 68)], noExtension)).toMatchObject({
      stage: 2,
      enteredOn: '2024-11-08',
    });
  });
});
