import { describe, expect, test } from 'vitest';
import {
  AttendanceError,
  defineServiceDirectory,
  initialEscalationState,
  isoDate,
  safeDefineServiceDirectory,
  suggestSupport,
} from '../../src/index.js';
import type { EscalationState, PartnerService, ServiceDirectory } from '../../src/index.js';
import {
  NO_SUPPORT,
  supportOf,
  withAnswer,
  withOffer,
  withReferral,
  withReferralOutcome,
} from '../../src/escalation/support/supportRecord.js';
import type { CaseSupport } from '../../src/escalation/support/types.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

// The support modules (src/escalation/support/*): the exact issues of a service directory, what the schema accepts,
// how the support record changes, and which services suggestSupport finds for a pupil's barriers, phase and age.

function service(overrides: Partial<PartnerService> & Pick<PartnerService, 'id'>): PartnerService {
  return {
    name: overrides.id,
    barriers: ['transport'],
    phases: ['primary', 'secondary'],
    howToRefer: 'the online form',
    consentNeeded: true,
    contact: 'duty line',
    ...overrides,
  };
}

const directoryOf = (...services: PartnerService[]): ServiceDirectory => ({ name: 'Example LA', services });

function caseWith(support: Partial<CaseSupport>): EscalationState {
  return { ...initialEscalationState('P1'), support: { ...NO_SUPPORT, ...support } };
}

const ON = isoDate('2024-10-01');

describe('defineServiceDirectory: what the schema cannot say', () => {
  test('an id used twice is one issue at the later service, numbered from 1', () => {
    const error = attendanceErrorOf(() =>
      defineServiceDirectory(directoryOf(service({ id: 'travel' }), service({ id: 'travel' })))
    );
    expect(error.issues).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'Service 2 has the id "travel", which an earlier service has.',
        path: ['services', 1, 'id'],
        field: 'id',
        expected: 'an id no other service has',
      },
    ]);
  });

  test('ages the wrong way round are one issue at the minimum age', () => {
    const error = attendanceErrorOf(() =>
      defineServiceDirectory(directoryOf(service({ id: 'travel', minimumAge: 12, maximumAge: 11 })))
    );
    expect(error.issues).toEqual([
      {
        code: 'invalid_value',
        severity: 'error',
        message: 'Service "travel" sees ages 12 to 11: the youngest is above the oldest.',
        path: ['services', 0, 'minimumAge'],
        field: 'minimumAge',
        expected: 'at most 11',
      },
    ]);
  });

  test('a service for one age only, or with one age limit, is accepted', () => {
    const directory = directoryOf(
      service({ id: 'one-age', minimumAge: 11, maximumAge: 11 }),
      service({ id: 'from-eleven', minimumAge: 11 }),
      service({ id: 'to-eleven', maximumAge: 11 })
    );
    expect(defineServiceDirectory(directory)).toEqual(directory);
  });
});

describe('the service directory schema', () => {
  test('every phase and both tiers are accepted', () => {
    const directory = directoryOf(
      service({ id: 'all-phases', phases: ['early-years', 'primary', 'secondary', 'post-16'] }),
      service({ id: 'voluntary-help', tier: 'voluntary' }),
      service({ id: 'formal-help', tier: 'formal' })
    );
    expect(defineServiceDirectory(directory)).toEqual(directory);
  });

  test('a tier that is neither is refused at its path', () => {
    const error = attendanceErrorOf(() =>
      defineServiceDirectory(
        directoryOf(
          service({ id: 'travel', tier: 'statutory' as unknown as PartnerService['tier'] & string })
        )
      )
    );
    expect(error.issues.map((issue) => issue.path)).toEqual([['services', 0, 'tier']]);
  });
});

describe('safeDefineServiceDirectory', () => {
  test('a directory that cannot even be read is a failure at the root, not a throw', () => {
    const unreadable = {
      name: 'Example LA',
      get services(): never {
        throw new RangeError('the file went away');
      },
    };
    const result = safeDefineServiceDirectory(unreadable);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error).toBeInstanceOf(AttendanceError);
    expect(result.error.issues).toEqual([
      { code: 'invalid_value', severity: 'error', message: 'The directory could not be read.', path: [] },
    ]);
  });
});

describe('the support record', () => {
  test('a state without a record has the empty one', () => {
    const stored = Object.fromEntries(
      Object.entries(initialEscalationState('P1')).filter(([key]) => key !== 'support')
    );
    expect(supportOf(stored as unknown as EscalationState)).toBe(NO_SUPPORT);
    expect(supportOf({ ...initialEscalationState('P1'), support: null } as unknown as EscalationState)).toBe(
      NO_SUPPORT
    );
  });

  test('an answer goes to the offer of that support only', () => {
    const offered = withOffer(
      withOffer(NO_SUPPORT, 'early-help', 'voluntary', ON),
      'attendance-contract',
      'formal',
      ON
    );
    expect(withAnswer(offered, 'early-help', 'accepted', isoDate('2024-10-02'))?.offers).toEqual([
      {
        support: 'early-help',
        tier: 'voluntary',
        offeredOn: ON,
        response: 'accepted',
        respondedOn: '2024-10-02',
      },
      { support: 'attendance-contract', tier: 'formal', offeredOn: ON, response: null, respondedOn: null },
    ]);
  });

  test('an answer goes to the latest offer of a support offered twice', () => {
    const offered = withOffer(
      withOffer(NO_SUPPORT, 'early-help', 'voluntary', ON),
      'early-help',
      'formal',
      ON
    );
    expect(
      withAnswer(offered, 'early-help', 'declined', isoDate('2024-10-03'))?.offers.map(
        (offer) => offer.response
      )
    ).toEqual([null, 'declined']);
  });

  test('an answer to support never offered is null', () => {
    expect(
      withAnswer(withOffer(NO_SUPPORT, 'early-help', 'voluntary', ON), 'mentoring', 'accepted', ON)
    ).toBeNull();
  });

  test('an outcome goes to the latest referral to that service only', () => {
    const referred = withReferral(
      withReferral(withReferral(NO_SUPPORT, 'school-nursing', ON), 'school-nursing', isoDate('2024-10-02')),
      'young-carers',
      isoDate('2024-10-03')
    );
    expect(
      withReferralOutcome(referred, 'school-nursing', 'completed', isoDate('2024-11-01'))?.referrals
    ).toEqual([
      { service: 'school-nursing', madeOn: ON, outcome: null, outcomeOn: null },
      { service: 'school-nursing', madeOn: '2024-10-02', outcome: 'completed', outcomeOn: '2024-11-01' },
      { service: 'young-carers', madeOn: '2024-10-03', outcome: null, outcomeOn: null },
    ]);
  });

  test('an outcome of a referral never made is null', () => {
    expect(
      withReferralOutcome(withReferral(NO_SUPPORT, 'young-carers', ON), 'school-nursing', 'accepted', ON)
    ).toBeNull();
  });
});

describe('suggestSupport', () => {
  const recorded = (...kinds: string[]): Partial<CaseSupport> => ({
    barriers: kinds.map((barrier) => ({ on: ON, barrier })),
  });

  test('a barrier outside the vocabulary is named by its kind, with spaces for hyphens', () => {
    const state = caseWith(recorded('school-refusal-after-move'));
    const directory = directoryOf(
      service({ id: 'movers', name: 'Movers', barriers: ['school-refusal-after-move'], consentNeeded: false })
    );
    expect(suggestSupport(state, directory, { phase: 'primary' })).toEqual([
      {
        service: directory.services[0],
        barriers: ['school-refusal-after-move'],
        alreadyInvolved: false,
        why: 'Movers addresses school refusal after move and works with primary pupils: refer by the online form; contact duty line.',
      },
    ]);
  });

  test("a pupil of a service's youngest or oldest age is seen; one outside them is not", () => {
    const state = caseWith(recorded('transport'));
    const directory = directoryOf(service({ id: 'travel', minimumAge: 11, maximumAge: 16 }));
    const ids = (age: number): string[] =>
      suggestSupport(state, directory, { phase: 'secondary', age }).map(
        (suggestion) => suggestion.service.id
      );
    expect(ids(10)).toEqual([]);
    expect(ids(11)).toEqual(['travel']);
    expect(ids(16)).toEqual(['travel']);
    expect(ids(17)).toEqual([]);
  });

  test('a service referred to in the case is already involved; the ladder’s own referral involves none', () => {
    const state = caseWith({
      ...recorded('transport'),
      referrals: [
        { service: null, madeOn: ON, outcome: null, outcomeOn: null },
        { service: 'travel', madeOn: ON, outcome: null, outcomeOn: null },
      ],
    });
    const directory = directoryOf(service({ id: 'travel' }), service({ id: 'buses' }));
    expect(
      suggestSupport(state, directory, { phase: 'primary' }).map((suggestion) => [
        suggestion.service.id,
        suggestion.alreadyInvolved,
      ])
    ).toEqual([
      ['buses', false],
      ['travel', true],
    ]);
  });
});
