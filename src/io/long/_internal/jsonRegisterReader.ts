import { excerpt, MAX_EXCERPT_LENGTH } from '../../../_internal/excerpt.js';
import type { AttendanceIssue } from '../../../errors.js';
import type { ImportedMark } from '../../types.js';
import { describeValue } from './describeValue.js';
import { JsonLimitCheck, utf8Length } from '../../limits/jsonLimits.js';
import type { JsonLimitProblem } from '../../limits/jsonLimits.js';
import { hasLoneSurrogate } from '../../_internal/loneSurrogate.js';
import { foundNames, foundNamesInMessage, missingFieldWords } from './missingFields.js';
import { RegisterRows } from './registerRows.js';
import type { RowLocator } from './registerRows.js';
import { F_DATE, FIELDS, normaliseColumnName, REQUIRED_FIELDS } from './resolveOptions.js';
import type { ResolvedRegisterOptions } from './resolveOptions.js';

/** The longest key a path in words shows whole. */
const MAX_SHOWN_KEY = 40;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A path in words, e.g. `data[12].session_date`. Keys come from the input, so a long one is cut short, and so is
 * a path many levels deep (its start and its end are shown).
 */
function describePath(path: readonly (string | number)[]): string {
  const text = path
    .map((part, index) => {
      if (typeof part === 'number') return `[${part}]`;
      const key = part.length > MAX_SHOWN_KEY ? `${part.slice(0, MAX_SHOWN_KEY)}…` : part;
      return index === 0 ? key : `.${key}`;
    })
    .join('');
  return text.length > 2 * MAX_EXCERPT_LENGTH
    ? `${text.slice(0, MAX_EXCERPT_LENGTH)}…${text.slice(-MAX_EXCERPT_LENGTH / 2)}`
    : text;
}

interface Candidate {
  /** The path as the mapping writes it, split at dots. */
  readonly written: readonly string[];
  /** The same, normalised for matching. */
  readonly normalised: readonly string[];
}

/**
 * Reads the records of a long-format register held as JSON (an array, or `{ data: [...] }`). Keys match like CSV
 * columns (ignoring case, spaces, underscores and hyphens) and may be dotted paths into nested objects. The
 * actual keys found for each field are remembered and tried first on the next record, since a file's records
 * share one shape.
 */
export class JsonRegisterReader implements RowLocator {
  /** The rows read so far. */
  readonly rows: RegisterRows;
  private readonly options: ResolvedRegisterOptions;
  private readonly prefix: readonly (string | number)[];
  private readonly candidates: readonly (readonly Candidate[])[];
  /** Per field, the actual keys used for the current record (the mapping's first name when absent). */
  private readonly current: (readonly string[])[];
  private readonly lastFound: (readonly string[] | undefined)[];
  private readonly normalisedKeys = new Map<string, string>();
  private readonly values: (string | undefined)[] = FIELDS.map(() => undefined);
  private readonly limits: JsonLimitCheck;

  constructor(
    options: ResolvedRegisterOptions,
    prefix: readonly (string | number)[],
    onMark: (mark: ImportedMark) => void
  ) {
    this.options = options;
    this.prefix = prefix;
    this.candidates = options.names.map((names) =>
      names.map((name) => {
        const written = name.split('.');
        return { written, normalised: written.map(normaliseColumnName) };
      })
    );
    this.current = this.candidates.map((candidates, field) => candidates[0]?.written ?? [FIELDS[field]!]);
    this.lastFound = this.candidates.map(() => undefined);
    this.rows = new RegisterRows(options, this, onMark);
    this.limits = new JsonLimitCheck(options.maxDepth, options.maxLineBytes);
    // JSON values are text already decoded, so a U+FFFD in one is the mark a wrong decoding left. A few
    // short includes per record cost nothing beside finding the keys.
    this.rows.checkEncoding = 'text';
  }

  path(row: number, field: number | undefined): (string | number)[] {
    return field === undefined ? [...this.prefix, row] : [...this.prefix, row, ...this.current[field]!];
  }

  place(row: number): string {
    const source = this.options.source;
    return `${describePath([...this.prefix, row])}${source === undefined ? '' : ` in ${source}`}`;
  }

  label(field: number): string {
    const label = this.current[field]!.join('.');
    // The key as the input writes it, unless padding makes it too long to quote: then as the mapping names it.
    return label.length <= MAX_EXCERPT_LENGTH ? label : (this.options.names[field]![0] ?? FIELDS[field]!);
  }

  /**
   * Reads every record. Each is first held to the input limits (depth, circularity, length of its texts), so
   * that nothing later recurses into or quotes a value beyond them.
   */
  readAll(records: readonly unknown[]): void {
    const recordDepth = this.prefix.length + 2;
    const refused = records.map((record) => this.limits.check(record, recordDepth));
    const firstObject = records.findIndex((record, row) => isObject(record) && refused[row] === undefined);
    if (firstObject !== -1 && !this.checkFields(records[firstObject] as JsonObject, firstObject)) {
      this.rows.rowsRead = records.length;
      this.rows.rowsRejected = records.length;
      return;
    }
    records.forEach((record, row) => {
      const problem = refused[row];
      if (problem !== undefined) {
        this.rows.rejectRow(this.limitIssue(row, problem));
        return;
      }
      if (!isObject(record)) {
        this.rows.rejectRow(
          this.rows.issue(
            'malformed_input',
            'error',
            row,
            undefined,
            undefined,
            `the record is ${describeValue(record)}, not an object`,
            'an object with one mark',
            describeValue(record)
          )
        );
        return;
      }
      let wrongType = 0;
      let illFormed = 0;
      for (let field = 0; field < FIELDS.length; field += 1) {
        const value = this.find(record, field);
        if (value === undefined || value === null) {
          this.values[field] = undefined;
        } else if (typeof value === 'string') {
          this.values[field] = value;
          // Text the CSV writer could not write back as it is: see RegisterRows.read.
          if (hasLoneSurrogate(value)) illFormed |= 1 << field;
        } else if (typeof value === 'number' || typeof value === 'bigint') {
          this.values[field] = String(value);
        } else if (field === F_DATE && isObject(value) && typeof value['date'] === 'string') {
          // A date object such as Wonde's { date: 'YYYY-MM-DD hh:mm:ss.uuuuuu', timezone }: the date as written.
          this.values[field] = value['date'];
          if (hasLoneSurrogate(value['date'])) illFormed |= 1 << field;
        } else {
          this.values[field] = describeValue(value);
          wrongType |= 1 << field;
        }
      }
      this.rows.read(row, row + 1, undefined, this.values, wrongType, illFormed);
    });
  }

  /** The issue for a record over an input limit. */
  private limitIssue(row: number, problem: JsonLimitProblem): AttendanceIssue {
    const { maxDepth, maxLineBytes, source } = this.options;
    const path = [...this.prefix, row, ...problem.path];
    const where = `${describePath(path)}${source === undefined ? '' : ` in ${source}`}`;
    let code: 'too_deep' | 'too_long' = 'too_long';
    let detail: string;
    let expected: string;
    let received: string;
    if (problem.kind === 'depth' || problem.kind === 'circular') {
      code = 'too_deep';
      expected = `arrays and objects nested at most ${maxDepth} levels deep`;
      if (problem.kind === 'depth') {
        detail = `arrays or objects are nested more than ${maxDepth} levels deep here, so the record was not read`;
        received = `more than ${maxDepth} levels`;
      } else {
        detail =
          'the value contains itself (a circular reference), so it is nested without end and the record was not read';
        received = 'a circular value';
      }
    } else {
      const text = problem.text ?? '';
      const bytes = utf8Length(text);
      const what = problem.kind === 'key' ? 'a key' : 'the text';
      detail = `${what} is ${bytes} bytes long, over the limit of ${maxLineBytes} bytes, so the record was not read`;
      expected = `text of at most ${maxLineBytes} bytes`;
      received = `${excerpt(text)} (${bytes} bytes)`;
    }
    const field = [...problem.path].reverse().find((part): part is string => typeof part === 'string');
    return {
      code,
      severity: 'error',
      message: `${where}: ${detail}; expected ${expected}.`,
      path,
      ...(field === undefined || field.length > MAX_EXCERPT_LENGTH ? {} : { field }),
      expected,
      received,
      ...(source === undefined ? {} : { source }),
    };
  }

  /** Checks that the first record has every required field; if not, reports it once for the whole input. */
  private checkFields(record: JsonObject, row: number): boolean {
    const missing = REQUIRED_FIELDS.filter((field) => this.find(record, field) === undefined);
    if (missing.length === 0) return true;
    const keys = Object.keys(record).join(', ');
    const expected = `keys ${REQUIRED_FIELDS.map((field) => this.options.names[field]!.join(' or ')).join(', ')}`;
    const { source } = this.options;
    // The message names what is missing and which mapping looked; the names each field may have go in
    // `expected` (a preset's alternatives run to hundreds of characters), the keys as found in `received`.
    const issue: AttendanceIssue = {
      code: 'missing_column',
      severity: 'error',
      message: `${this.place(row)}: the records have no key for ${missingFieldWords(missing)}, looking with ${this.options.mappingName}; the keys found are ${foundNamesInMessage(keys)}.`,
      path: [...this.prefix, row],
      field: this.options.names[missing[0]!]![0]!,
      expected,
      received: foundNames(keys),
      ...(source === undefined ? {} : { source }),
    };
    this.rows.issues.push(issue);
    return false;
  }

  /**
   * The value of a field in a record (`undefined` when absent), remembering which keys held it. A value that
   * can be read (text, a number, a date object for the date) wins over a `null` or an object found under an
   * earlier name, so `attendance_code: null` does not hide an `attendance_code_id`.
   */
  private find(record: JsonObject, field: number): unknown {
    const last = this.lastFound[field];
    if (last !== undefined) {
      const value = walkExact(record, last);
      if (readable(value, field)) {
        this.current[field] = last;
        return value;
      }
    }
    let fallback: { value: unknown; keys: readonly string[] } | undefined;
    for (const candidate of this.candidates[field]!) {
      const keys: string[] = [];
      let value: unknown = record;
      for (const segment of candidate.normalised) {
        const key = isObject(value) ? this.keyOf(value, segment) : undefined;
        if (key === undefined) {
          value = undefined;
          break;
        }
        keys.push(key);
        value = (value as JsonObject)[key];
      }
      if (value === undefined) continue;
      if (readable(value, field)) {
        this.lastFound[field] = keys;
        this.current[field] = keys;
        return value;
      }
      fallback ??= { value, keys };
    }
    this.current[field] = fallback?.keys ?? this.candidates[field]![0]?.written ?? [FIELDS[field]!];
    return fallback?.value;
  }

  private keyOf(object: JsonObject, normalised: string): string | undefined {
    for (const key of Object.keys(object)) {
      let name = this.normalisedKeys.get(key);
      if (name === undefined) {
        name = normaliseColumnName(key);
        if (this.normalisedKeys.size < 10_000) this.normalisedKeys.set(key, name);
      }
      if (name === normalised) return key;
    }
    return undefined;
  }
}

function readable(value: unknown, field: number): boolean {
  if (typeof value === 'string' || typeof value === 'number') return true;
  return field === F_DATE && isObject(value) && typeof value['date'] === 'string';
}

function walkExact(record: JsonObject, keys: readonly string[]): unknown {
  let value: unknown = record;
  for (const key of keys) {
    if (!isObject(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}
