import fc from 'fast-check';
import type { CtfOptions } from '../../../src/io/index.js';
import { CALENDAR, fixtureText } from './ctfFixtures.js';

const VALID = [
  fixtureText('synthetic-example.ctf.xml'),
  fixtureText('two-pupils.ctf.xml'),
  fixtureText('school-days.ctf.xml'),
];

/** One edit of a text: delete, insert, replace or duplicate a stretch, or cut the text off. */
type Mutation =
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'replace'; at: number; text: string }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'text'; at: number; text: string };

const XML_NOISE = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 8 }),
  fc.constantFrom(
    '<',
    '>',
    '</',
    '/>',
    '&',
    '&amp;',
    '&#0;',
    ']]>',
    '<![CDATA[',
    '"',
    '<YearData>',
    '</Pupil>',
    '##',
    '\uFFFD'
  )
);

// Text that keeps the XML well-formed: codes, fillers, digits, dates and stray characters.
const ELEMENT_TEXT = fc.string({
  unit: fc.constantFrom(...'/\\LIMNOGCJY1-#*? 0123456789.-T:xé'.split('')),
  maxLength: 30,
});

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  {
    arbitrary: fc.record({ kind: fc.constant('text' as const), at: fc.nat(), text: ELEMENT_TEXT }),
    weight: 4,
  },
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: XML_NOISE }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: XML_NOISE }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 80 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() })
);

function mutate(text: string, mutations: readonly Mutation[]): string {
  let result = text;
  for (const mutation of mutations) {
    const at = result.length === 0 ? 0 : mutation.at % result.length;
    switch (mutation.kind) {
      case 'delete':
        result = result.slice(0, at) + result.slice(at + mutation.length);
        break;
      case 'insert':
        result = result.slice(0, at) + mutation.text + result.slice(at);
        break;
      case 'replace':
        result = result.slice(0, at) + mutation.text + result.slice(at + mutation.text.length);
        break;
      case 'duplicate':
        result = result.slice(0, at + mutation.length) + result.slice(at);
        break;
      case 'truncate':
        result = result.slice(0, at);
        break;
      case 'text': {
        // Replace the content of one element that holds text, leaving the markup intact.
        const texts = [...result.matchAll(/>([^<>]*[^<>\s][^<>]*)</g)];
        const chosen = texts[mutation.at % Math.max(texts.length, 1)];
        if (chosen?.index === undefined) break;
        const start = chosen.index + 1;
        result = result.slice(0, start) + mutation.text + result.slice(start + (chosen[1] ?? '').length);
        break;
      }
    }
  }
  return result;
}

export const mutatedCtfArb: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...VALID), fc.array(mutationArb, { minLength: 1, maxLength: 5 }))
  .map(([text, mutations]) => mutate(text, mutations));

export const optionsArb: fc.Arbitrary<CtfOptions> = fc.record(
  {
    dayModel: fc.constantFrom('calendarDays' as const, 'schoolDays' as const, 'auto' as const),
    calendar: fc.constant(CALENDAR),
    codeWidth: fc.constantFrom(1 as const, 2 as const),
  },
  { requiredKeys: [] }
);
