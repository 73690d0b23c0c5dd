import type { AttendanceIssue } from '../../../errors.js';
import type { ImportedMark } from '../../types.js';
import { RegisterRows } from './registerRows.js';
import type { RowLocator } from './registerRows.js';
import { F_DATE, FIELDS, normaliseColumnName, REQUIRED_FIELDS } from './resolveOptions.js';
import type { ResolvedRegisterOptions } from './resolveOptions.js';

const FIELD_WORDS = ['pupil id', 'UPN', 'date', 'session', 'code', 'minutes late', 'comment'] as const;
const MAX_SHOWN = 80;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A path in words, e.g. `data[12].session_date`. */
function describePath(path: readonly (string | number)[]): string {
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join('');
}

function shown(value: unknown): string {
  const text = JSON.stringify(value) as string | undefined;
  if (text === undefined) return String(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 3)}...` : text;
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
    return this.current[field]!.join('.');
  }

  /** Reads every record. */
  readAll(records: readonly unknown[]): void {
    const firstObject = records.findIndex(isObject);
    if (firstObject !== -1 && !this.checkFields(records[firstObject] as JsonObject, firstObject)) {
      this.rows.rowsRead = records.length;
      this.rows.rowsRejected = records.length;
      return;
    }
    records.forEach((record, row) => {
      if (!isObject(record)) {
        this.rows.rejectRow(
          this.rows.issue(
            'malformed_input',
            'error',
            row,
            undefined,
            undefined,
            `the record is ${shown(record)}, not an object`,
            'an object with one mark',
            shown(record)
          )
        );
        return;
      }
      let wrongType = 0;
      for (let field = 0; field < FIELDS.length; field += 1) {
        const value = this.find(record, field);
        if (value === undefined || value === null) {
          this.values[field] = undefined;
        } else if (typeof value === 'string') {
          this.values[field] = value;
        } else if (typeof value === 'number' || typeof value === 'bigint') {
          this.values[field] = String(value);
        } else if (field === F_DATE && isObject(value) && typeof value['date'] === 'string') {
          // A date object such as Wonde's { date: 'YYYY-MM-DD hh:mm:ss.uuuuuu', timezone }: the date as written.
          this.values[field] = value['date'];
        } else {
          this.values[field] = shown(value);
          wrongType |= 1 << field;
        }
      }
      this.rows.read(row, row + 1, undefined, this.values, wrongType);
    });
  }

  /** Checks that the first record has every required field; if not, reports it once for the whole input. */
  private checkFields(record: JsonObject, row: number): boolean {
    const missing = REQUIRED_FIELDS.filter((field) => this.find(record, field) === undefined);
    if (missing.length === 0) return true;
    const wanted = missing
      .map((field) => `the ${FIELD_WORDS[field]!} (${this.options.names[field]!.join(' or ')})`)
      .join(', ');
    const found = Object.keys(record).join(', ');
    const expected = `keys ${REQUIRED_FIELDS.map((field) => this.options.names[field]!.join(' or ')).join(', ')}`;
    const { source } = this.options;
    const issue: AttendanceIssue = {
      code: 'missing_column',
      severity: 'error',
      message: `${this.place(row)}: the records have no key for ${wanted}, looking with ${this.options.mappingName}; the keys found are ${found}; expected ${expected}.`,
      path: [...this.prefix, row],
      field: this.options.names[missing[0]!]![0]!,
      expected,
      received: found,
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
