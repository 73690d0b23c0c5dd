import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  BARRIERS,
  defineServiceDirectory,
  DFE_SUPPORT_FIRST_LADDER,
  explainEscalation,
  initialEscalationState,
  isoDate,
  safeDefineServiceDirectory,
  suggestSupport,
  transition,
} from '../../src/index.js';
import type { EscalationEvent, EscalationState, PartnerService, ServiceDirectory } from '../../src/index.js';
import { parseServiceDirectoryCsv, safeParseServiceDirectoryCsv } from '../../src/io/index.js';

const EXAMPLE_CSV = readFileSync(
  new URL('../../examples/support/partner-services.csv', import.meta.url),
  'utf8'
);

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

function caseWith(events: readonly EscalationEvent[]): EscalationState {
  return events.reduce((state, event) => {
    const result = transition(state, event, DFE_SUPPORT_FIRST_LADDER);
    if (!result.ok) throw new Error(result.refusal.message);
    return result.state;
  }, initialEscalationState('P1'));
}

const barrier = (kind: string, on = '2024-10-01'): EscalationEvent => ({
  type: 'barrier-recorded',
  on: isoDate(on),
  barrier: kind,
});

describe('the barrier vocabulary', () => {
  test('has the barriers the guidance and the charters name, in kebab-case', () => {
    expect(BARRIERS.map((known) => known.kind)).toEqual(
      expect.arrayContaining([
        'physical-health',
        'mental-health',
        'emotionally-based-school-avoidance',
        'send',
        'family-circumstances',
        'young-carer',
        'bereavement',
        'bullying',
        'transport',
        'housing',
        'exploitation-or-safeguarding',
        'in-school',
      ])
    );
    for (const known of BARRIERS) expect(known.kind).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  test("a school's own kind is accepted; text that is not a kind is refused", () => {
    expect(caseWith([barrier('school-refusal-after-move')]).support.barriers).toHaveLength(1);
    const result = transition(initialEscalationState('P1'), barrier('Housing '), DFE_SUPPORT_FIRST_LADDER);
    expect(!result.ok && result.refusal.field).toBe('barrier');
  });
});

describe('defineServiceDirectory', () => {
  test('accepts a directory and gives it back', () => {
    const directory = {
      name: 'Example LA',
      services: [service({ id: 'travel', minimumAge: 4, maximumAge: 19 })],
    };
    expect(defineServiceDirectory(directory)).toEqual(directory);
  });

  test('refuses duplicate ids, ages the wrong way round, unknown phases and fields, each with its path', () => {
    const result = safeDefineServiceDirectory({
      name: 'Example LA',
      services: [service({ id: 'travel' }), service({ id: 'travel', minimumAge: 12, maximumAge: 8 })],
    });
    expect(!result.success && result.error.issues.map((issue) => issue.path)).toEqual([
      ['services', 1, 'id'],
      ['services', 1, 'minimumAge'],
    ]);
    const shape = safeDefineServiceDirectory({
      name: 'Example LA',
      services: [{ ...service({ id: 'x' }), phases: ['college'], email: 'a@b' }],
    });
    expect(!shape.success && shape.error.issues.map((issue) => issue.path.join('.'))).toEqual([
      'services.0.phases.0',
      'services.0.email',
    ]);
  });

  test.each([null, 'directory', 42, { name: 'x', services: [null] }, { name: 'x', services: {} }])(
    'the safe form never throws: %o',
    (value) => {
      expect(safeDefineServiceDirectory(value).success).toBe(false);
    }
  );
});

describe('suggestSupport', () => {
  const directory: ServiceDirectory = {
    name: 'Example LA',
    services: [
      service({
        id: 'travel',
        name: 'Travel Assistance',
        barriers: ['transport', 'send'],
        consentNeeded: false,
      }),
      service({
        id: 'carers',
        name: 'Young Carers',
        barriers: ['young-carer'],
        minimumAge: 8,
        maximumAge: 18,
      }),
      service({ id: 'hub', name: 'Early Help Hub', barriers: ['young-carer', 'transport', 'housing'] }),
      service({ id: 'infants', name: 'Infant Outreach', barriers: ['transport'], phases: ['early-years'] }),
      service({ id: 'nursing', name: 'School Nursing', barriers: ['physical-health'] }),
    ],
  };

  test('no barrier recorded, no suggestion: listening comes first', () => {
    expect(suggestSupport(initialEscalationState('P1'), directory, { phase: 'secondary' })).toEqual([]);
  });

  test('the services that address a recorded barrier and see the pupil, the best fits first, each with why', () => {
    const state = caseWith([barrier('young-carer'), barrier('transport')]);
    const suggestions = suggestSupport(state, directory, { phase: 'secondary', age: 13 });
    expect(suggestions.map((suggestion) => [suggestion.service.id, suggestion.barriers])).toEqual([
      ['hub', ['young-carer', 'transport']],
      ['travel', ['transport']],
      ['carers', ['young-carer']],
    ]);
    expect(suggestions[0]!.why).toBe(
      'Early Help Hub addresses caring for a family member (young carer), transport to school and works with secondary pupils: refer by the online form, with the family’s consent; contact duty line.'
    );
    expect(suggestions[1]!.why).not.toContain('consent');
  });

  test('ages outside a service’s range, and phases it does not work with, leave it out', () => {
    const state = caseWith([barrier('young-carer'), barrier('transport')]);
    expect(
      suggestSupport(state, directory, { phase: 'primary', age: 6 }).map(
        (suggestion) => suggestion.service.id
      )
    ).toEqual(['hub', 'travel']);
    expect(
      suggestSupport(state, directory, { phase: 'early-years' }).map((suggestion) => suggestion.service.id)
    ).toEqual(['infants']);
  });

  test('a service already offered or referred to comes after the others that fit as well, and says so', () => {
    // Early Help Hub would come first by name; referred to already, it follows Young Carers.
    const state = caseWith([
      barrier('young-carer'),
      { type: 'referral-made', on: isoDate('2024-10-02'), service: 'hub' },
    ]);
    const suggestions = suggestSupport(state, directory, { phase: 'secondary' });
    expect(suggestions.map((suggestion) => [suggestion.service.id, suggestion.alreadyInvolved])).toEqual([
      ['carers', false],
      ['hub', true],
    ]);
    expect(suggestions[1]!.why).toContain('already involved in this case');
    const offered = caseWith([
      barrier('young-carer'),
      { type: 'support-offered', on: isoDate('2024-10-02'), support: 'carers', tier: 'voluntary' },
    ]);
    expect(suggestSupport(offered, directory, { phase: 'secondary' })[1]).toMatchObject({
      service: { id: 'carers' },
      alreadyInvolved: true,
    });
  });
});

describe('the explanation lists the support record only when asked', () => {
  const state = caseWith([
    { type: 'review', on: isoDate('2024-09-27'), figures: { possible: 40, attended: 36, absent: 4 } },
    {
      type: 'barrier-recorded',
      on: isoDate('2024-10-01'),
      barrier: 'young-carer',
      details: 'cares for a parent',
    },
    { type: 'support-offered', on: isoDate('2024-10-02'), support: 'early-help', tier: 'voluntary' },
    { type: 'referral-made', on: isoDate('2024-10-02'), service: 'young-carers' },
    { type: 'support-declined', on: isoDate('2024-10-09'), support: 'early-help' },
  ]);

  test('by default, no barrier, detail or service appears', () => {
    const text = explainEscalation(state, DFE_SUPPORT_FIRST_LADDER);
    for (const secret of ['young carer', 'young-carer', 'cares for a parent', 'early-help']) {
      expect(text).not.toContain(secret);
    }
  });

  test('with { support: true }, barriers, offers with their answers, and referrals, alongside the history', () => {
    const lines = explainEscalation(state, DFE_SUPPORT_FIRST_LADDER, { support: true }).split('\n');
    expect(lines.slice(lines.indexOf('Support record:'))).toEqual([
      'Support record:',
      '- 2024-10-01: barrier recorded: caring for a family member (young carer) (cares for a parent).',
      '- 2024-10-02: voluntary support offered: early-help; declined on 2024-10-09.',
      '- 2024-10-02: referral to young-carers; no outcome yet.',
    ]);
  });
});

describe('parseServiceDirectoryCsv (school-attendance/io)', () => {
  test('reads the fictional example directory', () => {
    const directory = parseServiceDirectoryCsv(EXAMPLE_CSV, { name: 'Riverside' });
    expect(directory.services).toHaveLength(7);
    expect(directory.services[0]).toEqual({
      id: 'early-help-hub',
      name: 'Riverside Early Help Hub (fictional)',
      barriers: ['family-circumstances', 'housing', 'bereavement', 'young-carer'],
      phases: ['early-years', 'primary', 'secondary'],
      minimumAge: 0,
      maximumAge: 18,
      howToRefer: 'the early help request form on the LA portal',
      consentNeeded: true,
      contact: 'Early Help duty line 01234 000000',
      tier: 'voluntary',
    });
    // No ages given: no limits.
    expect(directory.services[5]).not.toHaveProperty('minimumAge');
  });

  test('a bad row is an issue at its line and column; a missing column is one issue', () => {
    const csv = EXAMPLE_CSV.replace('school-nursing,', 'School Nursing,').replace(
      ',yes,school.nursing',
      ',perhaps,school.nursing'
    );
    const result = safeParseServiceDirectoryCsv(csv, { name: 'Riverside', source: 'services.csv' });
    expect(
      !result.success && result.error.issues.map((issue) => [issue.line, issue.field, issue.source])
    ).toEqual([
      [3, 'id', 'services.csv'],
      [3, 'consent_needed', 'services.csv'],
    ]);
    const missing = safeParseServiceDirectoryCsv('id,name\nx,y\n', { name: 'R' });
    expect(!missing.success && missing.error.issues.map((issue) => issue.field)).toEqual([
      'barriers',
      'phases',
      'how_to_refer',
      'consent_needed',
      'contact',
    ]);
  });

  test.each([null, 42, '', '\u0000\u0000'])('the safe form never throws: %o', (value) => {
    expect(safeParseServiceDirectoryCsv(value, { name: 'R' }).success).toBe(false);
  });
});
