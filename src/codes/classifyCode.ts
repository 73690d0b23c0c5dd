import type { IsoDate } from '../calendar/types.js';
import { outsideCodeSetIssue, unknownCodeIssue } from '../_internal/codeIssues.js';
import { CATEGORY_BY_SET, DEFINITION_BY_SET, NOT_IN_SET, UNMARKED } from '../_internal/codeTables.js';
import { codeSetIndexFor } from '../_internal/codeSetIndex.js';
import { invalidArgument } from '../_internal/issues.js';
import { isIsoDateText } from '../calendar/isIsoDate.js';
import { describeValue } from '../sessions/checkMarks.js';
import type { AttendanceIssue } from '../errors.js';
import { toCompactCode } from './compactCodes.js';
import type { CodeSetId, RegisterCodeDefinition } from './types.js';

/**
 * Which code set to read a code against: an explicit set, or the set in force on the session's date.
 *
 * @category Codes
 */
export interface ClassifyCodeOptions {
  /** The session's date; chooses the set when `codeSet` is `'by-date'` (the default). */
  readonly date?: IsoDate;
  /**
   * The code set: `'2024'`, `'pre-2024'`, or `'by-date'` (the 2024 set from 19 August 2024, the pre-2024 set before).
   *
   * @defaultValue `'by-date'`
   */
  readonly codeSet?: CodeSetId | 'by-date';
}

/**
 * What {@link classifyCode} found: a classified code (perhaps with a warning), no mark yet, or an unknown code.
 *
 * @category Codes
 */
export type CodeClassification =
  | {
      /** The code was found in a table. */
      readonly outcome: 'classified';
      /** The table row the code was read from. */
      readonly definition: RegisterCodeDefinition;
      /** The set whose table classified the code (the other set's table when the warning is set). */
      readonly codeSet: CodeSetId;
      /** Set when the code is not in the chosen set and was read from the other set's table. */
      readonly warning?: AttendanceIssue;
    }
  | {
      /** No mark has been entered yet (`-` or empty): neither present nor absent. */
      readonly outcome: 'unmarked';
      /** The code as given. */
      readonly code: string;
    }
  | {
      /** The code is in neither code set. */
      readonly outcome: 'unknown';
      /** The code as given. */
      readonly code: string;
      /** An `unknown_code` error naming the code. */
      readonly issue: AttendanceIssue;
    };

/**
 * Reads a register code against the code set in force (or the one chosen) and says how it counts.
 *
 * @remarks
 * A code of the other set (a legacy `H` in a 2025 register, say) is classified by that set's table and comes
 * with a `code_outside_code_set` warning: late-migrated registers still carry old codes, and DfE's own files
 * count them by the legacy table. No mark yet (`-` or empty) is its own outcome, never present or absent.
 *
 * @param code - The register code, e.g. `'L'` or `'C1'`.
 * @param options - The session date, or an explicit code set.
 * @returns The classification, `unmarked`, or `unknown` with an issue naming the code.
 * @throws {@link AttendanceError} If neither a date nor an explicit code set is given (as when the options are
 * missing or not an object), if the date names no real day, if the code set is none of the three, or if the code
 * is not text.
 * @example
 * const result = classifyCode('J1', { date: isoDate('2024-09-02') });
 * result.outcome === 'classified' && result.definition.category //=> 'authorised'
 *
 * classifyCode('J', { codeSet: 'pre-2024' }) // classified: approved-educational-activity
 * classifyCode('-', { codeSet: '2024' })     //=> { outcome: 'unmarked', code: '-' }
 * @see {@link https://www.legislation.gov.uk/uksi/2024/208/regulation/10/made} (SI 2024/208 reg 10)
 * @category Codes
 */
export function classifyCode(code: string, options: ClassifyCodeOptions): CodeClassification {
  checkArguments(code, options);
  const setIndex = codeSetIndexFor(options);
  const byte = toCompactCode(code);
  const location = { path: [], date: options.date };
  if (byte === undefined) return { outcome: 'unknown', code, issue: unknownCodeIssue(code, location) };
  const category = CATEGORY_BY_SET[setIndex][byte];
  if (category === UNMARKED) return { outcome: 'unmarked', code };
  if (category !== NOT_IN_SET) {
    const definition = DEFINITION_BY_SET[setIndex][byte];
    if (definition !== undefined) return { outcome: 'classified', definition, codeSet: definition.codeSet };
  }
  const otherSet = (1 - setIndex) as 0 | 1;
  const definition = DEFINITION_BY_SET[otherSet][byte];
  if (definition === undefined) return { outcome: 'unknown', code, issue: unknownCodeIssue(code, location) };
  return {
    outcome: 'classified',
    definition,
    codeSet: definition.codeSet,
    warning: outsideCodeSetIssue(byte, setIndex, location),
  };
}

const CODE_SETS: readonly unknown[] = ['2024', 'pre-2024', 'by-date', undefined];

/** The code and options as the contract has them, or an {@link AttendanceError}: never a TypeError. */
function checkArguments(code: unknown, options: unknown): void {
  if (typeof options !== 'object' || options === null) {
    invalidArgument({
      code: 'invalid_value',
      message: `classifyCode needs a date to choose the code set by date, or an explicit codeSet; received options ${describeValue(options)}.`,
      path: ['date'],
      field: 'date',
      expected: 'an IsoDate, or codeSet "2024" or "pre-2024"',
      received: describeValue(options),
    });
  }
  const { date, codeSet } = options as { date?: unknown; codeSet?: unknown };
  if (!CODE_SETS.includes(codeSet)) {
    invalidArgument({
      code: 'invalid_value',
      message: `classifyCode's codeSet must be "2024", "pre-2024" or "by-date"; received ${describeValue(codeSet)}.`,
      path: ['codeSet'],
      field: 'codeSet',
      expected: '"2024", "pre-2024" or "by-date"',
      received: describeValue(codeSet),
    });
  }
  const byDate = codeSet === undefined || codeSet === 'by-date';
  // A date that names no real day is bad input whether or not it chooses the set: never taken in silence.
  if (date !== undefined && !(typeof date === 'string' && isIsoDateText(date))) {
    invalidArgument({
      code: 'invalid_date',
      message: `classifyCode's date ${describeValue(date)} is not a real day in YYYY-MM-DD form${byDate ? ', so it chooses no code set' : ''}.`,
      path: ['date'],
      field: 'date',
      expected: 'a real day as YYYY-MM-DD',
      received: describeValue(date),
    });
  }
  if (typeof code !== 'string') {
    invalidArgument({
      code: 'invalid_value',
      message: `classifyCode reads a register code as text; received ${describeValue(code)}.`,
      path: ['code'],
      field: 'code',
      expected: 'a register code as text',
      received: describeValue(code),
    });
  }
}
