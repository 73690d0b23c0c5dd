import { classifyCode } from '../../../codes/classifyCode.js';
import { toCompactCode } from '../../../codes/compactCodes.js';
import type { CodeSetId } from '../../../codes/types.js';
import type { ResolvedLayout } from './resolveOptions.js';

/** What one session's characters of a mark string say. */
export type SlotReading =
  | { readonly kind: 'not-in-session' }
  | { readonly kind: 'unknown' }
  | {
      readonly kind: 'mark';
      /** The register code, `'-'` for no mark recorded. */
      readonly code: string;
      /** The characters as written, when they differ from `code` beyond padding. */
      readonly rawCode: string | undefined;
      /** Whether the code is a possible session in the 2024 code set. */
      readonly possible2024: boolean;
      /** Whether the code is a possible session in the pre-2024 code set. */
      readonly possiblePre2024: boolean;
      /** A one-character `C`, `J` or `Y`, which may stand for a 2024 sub-code. */
      readonly mayBeSubCode: boolean;
    };

/** The letters that stand for 2024 sub-codes when a string has one character per session. */
export const SUB_CODE_LETTERS: ReadonlySet<string> = new Set(['C', 'J', 'Y']);

const NOT_IN_SESSION: SlotReading = { kind: 'not-in-session' };
const UNKNOWN: SlotReading = { kind: 'unknown' };

function isPossible(code: string, codeSet: CodeSetId): boolean {
  const result = classifyCode(code, { codeSet });
  return result.outcome === 'classified' && result.definition.category !== 'not-possible';
}

function markReading(code: string, raw: string, width: 1 | 2): SlotReading {
  const written = width === 2 && raw.endsWith(' ') ? raw.slice(0, 1) : raw;
  return {
    kind: 'mark',
    code,
    rawCode: written === code ? undefined : written,
    possible2024: isPossible(code, '2024'),
    possiblePre2024: isPossible(code, 'pre-2024'),
    mayBeSubCode: width === 1 && SUB_CODE_LETTERS.has(code),
  };
}

function readSlot(raw: string, layout: ResolvedLayout): SlotReading {
  const { notInSession, noMark, codeWidth } = layout;
  if (raw === notInSession || raw === `${notInSession} ` || raw === notInSession + notInSession) {
    return NOT_IN_SESSION;
  }
  if (raw === noMark || raw === `${noMark} ` || raw === noMark + noMark)
    return markReading('-', raw, codeWidth);
  const code = codeWidth === 2 && raw.endsWith(' ') ? raw.slice(0, 1) : raw;
  if (code.includes(' ') || code === '' || toCompactCode(code) === undefined) return UNKNOWN;
  return markReading(code, raw, codeWidth);
}

/**
 * Makes a reader of session slots for one layout. Readings are remembered per distinct slot text, so a file
 * costs one code-table lookup per distinct character, not one per session.
 *
 * @param layout - The resolved layout options.
 * @returns A function from a slot's characters to what they say.
 * @example
 * const read = createSlotReader(resolveLayout({}, true));
 * read('#') //=> { kind: 'not-in-session' }
 */
export function createSlotReader(layout: ResolvedLayout): (raw: string) => SlotReading {
  const readings = new Map<string, SlotReading>();
  return (raw) => {
    let reading = readings.get(raw);
    if (reading === undefined) {
      reading = readSlot(raw, layout);
      readings.set(raw, reading);
    }
    return reading;
  };
}
