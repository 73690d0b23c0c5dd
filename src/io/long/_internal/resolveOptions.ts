import { excerpt, MAX_EXCERPT_LENGTH } from '../../../_internal/excerpt.js';
import { AttendanceError } from '../../../errors.js';
import type { AttendanceIssue } from '../../../errors.js';
import { DEFAULT_MAX_DEPTH, DEFAULT_MAX_LINE_BYTES } from '../../limits/inputLimits.js';
import { REGISTER_COLUMN_PRESETS } from '../registerColumnPresets.js';
import type { RegisterColumnMapping, RegisterColumnNames, RegisterReadOptions } from '../types.js';
import { RegisterDateReader } from './dateReader.js';
import { describeValue } from './describeValue.js';
import { RegisterSessionReader } from './sessionReader.js';

/** The fields of a mark that a mapping names, in the order rows are read. */
export const FIELDS = ['pupilId', 'upn', 'date', 'session', 'code', 'minutesLate', 'comment'] as const;

/** One field of {@link FIELDS}. */
export type RegisterField = (typeof FIELDS)[number];

/** Field indexes into {@link FIELDS}, for the per-row arrays. */
export const F_PUPIL = 0;
/** See {@link F_PUPIL}. */
export const F_UPN = 1;
/** See {@link F_PUPIL}. */
export const F_DATE = 2;
/** See {@link F_PUPIL}. */
export const F_SESSION = 3;
/** See {@link F_PUPIL}. */
export const F_CODE = 4;
/** See {@link F_PUPIL}. */
export const F_MINUTES = 5;
/** See {@link F_PUPIL}. */
export const F_COMMENT = 6;

/** The fields a file must have a column for. */
export const REQUIRED_FIELDS: readonly number[] = [F_PUPIL, F_DATE, F_SESSION, F_CODE];

/** Options checked and turned into the readers every row uses. */
export interface ResolvedRegisterOptions {
  /** The mapping in words for messages, e.g. `the arbor preset`. */
  readonly mappingName: string;
  /** For each field of {@link FIELDS}, the names accepted in order of preference (empty when not mapped). */
  readonly names: readonly (readonly string[])[];
  /** The file name for issues. */
  readonly source: string | undefined;
  /** Reads date cells. */
  readonly dates: RegisterDateReader;
  /** Reads session cells. */
  readonly sessions: RegisterSessionReader;
  /** The code list, if any. */
  readonly codeList: ReadonlyMap<string, string> | undefined;
  /** The longest CSV line or JSON text value, in UTF-8 bytes. */
  readonly maxLineBytes: number;
  /** The deepest nesting of JSON arrays and objects. */
  readonly maxDepth: number;
}

/**
 * A column name as compared: ignoring case, spaces, underscores and hyphens.
 *
 * @param name - The name as written.
 * @returns The name compared.
 * @example
 * normaliseColumnName('Pupil ID') //=> 'pupilid'
 */
export function normaliseColumnName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '');
}

function invalidOption(path: string, expected: string, received: unknown): never {
  const text = typeof received === 'string' ? excerpt(received) : describeValue(received);
  const issue: AttendanceIssue = {
    code: 'invalid_value',
    severity: 'error',
    // A code list's keys come from a file: the path quotes one, so it is cut short in words as well.
    message: `Option ${path.length > MAX_EXCERPT_LENGTH ? `${path.slice(0, MAX_EXCERPT_LENGTH)}...` : path} must be ${expected}; received ${text}.`,
    path: path.split('.'),
    field: path,
    expected,
    received: typeof received === 'string' && received.length <= MAX_EXCERPT_LENGTH ? received : text,
  };
  throw new AttendanceError([issue]);
}

function namesOf(mapping: RegisterColumnMapping, field: RegisterField, required: boolean): readonly string[] {
  const value: RegisterColumnNames | undefined = mapping[field];
  if (value === undefined && !required) return [];
  const names = typeof value === 'string' ? [value] : value;
  if (
    !Array.isArray(names) ||
    (required && names.length === 0) ||
    !names.every((name) => typeof name === 'string' && name.trim() !== '')
  ) {
    return invalidOption(`mapping.${field}`, 'a column name or a list of column names', value);
  }
  return names as readonly string[];
}

/**
 * Checks the importer options and builds the readers that every row uses.
 *
 * @param options - The options as the caller gave them.
 * @returns The options checked, with their readers.
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} If an option is not valid (an unknown preset, a bad date format…).
 * @example
 * resolveRegisterOptions({ mapping: 'sims' }).mappingName //=> 'the sims preset'
 */
export function resolveRegisterOptions(options: RegisterReadOptions = {}): ResolvedRegisterOptions {
  // Options may come from a file or a caller without types: anything but an object is one clear error.
  if (typeof options !== 'object' || (options as unknown) === null) {
    return invalidOption('options', 'an object of options', options);
  }
  const mappingOption = options.mapping ?? 'generic';
  let mapping: RegisterColumnMapping;
  let mappingName: string;
  if (typeof mappingOption === 'string') {
    if (!Object.hasOwn(REGISTER_COLUMN_PRESETS, mappingOption)) {
      return invalidOption(
        'mapping',
        `one of ${Object.keys(REGISTER_COLUMN_PRESETS).join(', ')}, or a mapping`,
        mappingOption
      );
    }
    mapping = REGISTER_COLUMN_PRESETS[mappingOption];
    mappingName = `the ${mappingOption} preset`;
  } else if (typeof mappingOption === 'object' && (mappingOption as unknown) !== null) {
    mapping = mappingOption;
    mappingName = 'the custom mapping';
  } else {
    return invalidOption('mapping', 'a preset name or a mapping', mappingOption);
  }
  const names = FIELDS.map((field, index) => namesOf(mapping, field, REQUIRED_FIELDS.includes(index)));
  const dateFormat = options.dateFormat ?? 'auto';
  if (!['auto', 'iso', 'dmy'].includes(dateFormat)) {
    return invalidOption('dateFormat', "'auto', 'iso' or 'dmy'", dateFormat);
  }
  if (options.sessionNames !== undefined) {
    for (const [name, session] of Object.entries(options.sessionNames)) {
      if ((session as string) !== 'AM' && (session as string) !== 'PM') {
        invalidOption(`sessionNames.${name}`, "'AM' or 'PM'", session);
      }
    }
  }
  let codeList: Map<string, string> | undefined;
  if (options.codeList !== undefined) {
    codeList = new Map();
    for (const [raw, code] of Object.entries(options.codeList)) {
      if (typeof code !== 'string') invalidOption(`codeList.${raw}`, 'a register code', code);
      codeList.set(raw, code);
    }
  }
  if (options.source !== undefined && typeof options.source !== 'string') {
    invalidOption('source', 'a file name', options.source);
  }
  const maxLineBytes = limit(options, 'maxLineBytes', DEFAULT_MAX_LINE_BYTES);
  const maxDepth = limit(options, 'maxDepth', DEFAULT_MAX_DEPTH);
  return {
    mappingName,
    names,
    source: options.source,
    dates: new RegisterDateReader(dateFormat),
    sessions: new RegisterSessionReader(options.sessionNames),
    codeList,
    maxLineBytes,
    maxDepth,
  };
}

/** An input limit of the options, checked: a whole number of 1 or more. */
function limit(options: RegisterReadOptions, name: 'maxLineBytes' | 'maxDepth', fallback: number): number {
  const value: unknown = options[name];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    return invalidOption(name, 'a whole number of 1 or more', value);
  }
  return value;
}
