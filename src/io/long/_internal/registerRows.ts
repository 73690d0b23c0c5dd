import type { Session } from '../../../calendar/types.js';
import { toCompactCode } from '../../../codes/compactCodes.js';
import { excerpt, MAX_EXCERPT_LENGTH } from '../../../_internal/excerpt.js';
import type { AttendanceIssue, AttendanceIssueCode } from '../../../errors.js';
import type { ImportedMark, RegisterImportReport } from '../../types.js';
import type { RegisterDate } from './dateReader.js';
import { hasLoneSurrogate } from '../../_internal/loneSurrogate.js';
import { MarkSlots } from './markSlots.js';
import { F_CODE, F_COMMENT, F_DATE, F_MINUTES, F_PUPIL, F_SESSION, F_UPN, FIELDS } from './resolveOptions.js';
import type { ResolvedRegisterOptions } from './resolveOptions.js';

/**
 * Which sessions each pupil already has a mark for, and the row that holds it: {@link MarkSlots} by default;
 * a reader that builds a cohort register asks the register itself.
 */
export interface SessionClaims {
  /**
   * Claims a pupil's session for the row at `position`.
   *
   * @returns 0 when the session was free (it is now taken), else the position of the row that holds it.
   */
  claim(pupilId: string, date: RegisterDate, session: 0 | 1, position: number): number;
}

/** Where rows and fields are, for issues: CSV speaks of lines and columns, JSON of paths. */
export interface RowLocator {
  /** The path of a field of a row, e.g. `[12, 'date']` (CSV) or `['data', 12, 'session_date']` (JSON). */
  path(row: number, field: number | undefined): (string | number)[];
  /** The row's place in words, e.g. `Line 13 of register.csv` or `data[12] in register.json`. */
  place(row: number, line: number | undefined): string;
  /** The field's name as the file writes it. */
  label(field: number): string;
}

type MutableMark = { -readonly [K in keyof ImportedMark]: ImportedMark[K] };

const REPLACEMENT_CHARACTER = '\uFFFD';
const CODE_EXPECTED = 'a DfE register code (2024 or pre-2024 set), or "-" for no mark yet';
const MINUTES_EXPECTED = 'a whole number of minutes, 0 or more';
const WELL_FORMED_EXPECTED = 'well-formed Unicode text (every surrogate half paired)';

/** A cell quoted in a message: at most {@link MAX_EXCERPT_LENGTH} characters of it. */
function quote(text: string): string {
  return excerpt(text);
}

/**
 * A cell as an issue's `received`: as it is when short, else quoted and cut short; quoted too when it holds a
 * lone surrogate, which the quotation writes as an escape that any output can carry.
 */
function receivedText(text: string): string {
  return text.length <= MAX_EXCERPT_LENGTH && !hasLoneSurrogate(text) ? text : excerpt(text);
}

/** A pupil id, date or session named in a message as it is, unless it is too long to name whole. */
function named(text: string): string {
  return text.length <= MAX_EXCERPT_LENGTH ? text : excerpt(text);
}

/** Whole, non-negative minutes written as digits, or -1. */
function readMinutes(text: string): number {
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > 15) return -1;
  let value = 0;
  for (let index = 0; index < trimmed.length; index += 1) {
    const digit = trimmed.charCodeAt(index) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * Reads rows of cell values into marks: checks each field, rejects bad rows with located issues, rejects a
 * second mark for a pupil's session, and counts every row as used or rejected.
 *
 * Shared by the CSV and JSON importers; the caller turns its rows into one reusable array of cell values
 * (`undefined` for an absent field), so nothing is allocated per row except the mark.
 */
export class RegisterRows {
  rowsRead = 0;
  rowsUsed = 0;
  rowsRejected = 0;
  /** Every issue, in row order. */
  readonly issues: AttendanceIssue[] = [];
  /**
   * Whether cells are checked for U+FFFD, the replacement character, and why: `'bytes'` once the input had
   * bytes that were not valid in its encoding, `'text'` once its text holds a U+FFFD (text mis-decoded before
   * it reached the library). The check costs nothing while the input is clean.
   */
  checkEncoding: false | 'bytes' | 'text' = false;
  private readonly options: ResolvedRegisterOptions;
  private readonly locator: RowLocator;
  private readonly onMark: (mark: ImportedMark) => void;
  private readonly slots: SessionClaims;

  constructor(
    options: ResolvedRegisterOptions,
    locator: RowLocator,
    onMark: (mark: ImportedMark) => void,
    claims: SessionClaims = new MarkSlots()
  ) {
    this.slots = claims;
    this.options = options;
    this.locator = locator;
    this.onMark = onMark;
  }

  /** The report so far. */
  report(marks: readonly ImportedMark[]): RegisterImportReport {
    return {
      rowsRead: this.rowsRead,
      rowsUsed: this.rowsUsed,
      rowsRejected: this.rowsRejected,
      marks,
      issues: this.issues,
    };
  }

  /**
   * Claims a pupil's session for a row that a fast path read itself (its fields already checked).
   *
   * @param pupilId - The pupil.
   * @param date - The date.
   * @param pm - The afternoon session.
   * @param position - The row's line.
   * @returns 0 when the session was free (it is now taken), else the position of the row that holds it.
   */
  claimSession(pupilId: string, date: RegisterDate, pm: boolean, position: number): number {
    return this.slots.claim(pupilId, date, pm ? 1 : 0, position);
  }

  /** Counts a row that could not be read at all, with the one issue that says why. */
  rejectRow(issue: AttendanceIssue): void {
    this.rowsRead += 1;
    this.rowsRejected += 1;
    this.issues.push(issue);
  }

  /** Builds an issue located at a row (and field), with the row's pupil, date and session where known. */
  issue(
    code: AttendanceIssueCode,
    severity: 'error' | 'warning',
    row: number,
    line: number | undefined,
    field: number | undefined,
    detail: string,
    expected: string | undefined,
    received: string | undefined,
    context: { pupilId?: string | undefined; date?: string | undefined; session?: string | undefined } = {}
  ): AttendanceIssue {
    const { source } = this.options;
    const parts = [
      context.pupilId === undefined ? undefined : `pupil ${named(context.pupilId)}`,
      context.date === undefined ? undefined : named(context.date),
      context.session === undefined ? undefined : named(context.session),
    ].filter((part): part is string => part !== undefined && part !== '');
    const where = parts.length > 0 ? ` (${parts.join(', ')})` : '';
    const label = field === undefined ? undefined : this.locator.label(field);
    const expectation = expected === undefined ? '' : `; expected ${expected}`;
    return {
      code,
      severity,
      message: `${this.locator.place(row, line)}${where}: ${detail}${expectation}.`,
      path: this.locator.path(row, field),
      ...(context.pupilId === undefined || context.pupilId === '' ? {} : { pupilId: context.pupilId }),
      ...(context.date === undefined || context.date === '' ? {} : { date: context.date }),
      ...(context.session === undefined || context.session === '' ? {} : { session: context.session }),
      ...(label === undefined ? {} : { field: label }),
      ...(expected === undefined ? {} : { expected }),
      ...(received === undefined ? {} : { received }),
      ...(source === undefined ? {} : { source }),
      ...(line === undefined ? {} : { line }),
    };
  }

  /**
   * Reads one row.
   *
   * @param row - The 0-based data row (CSV) or record index (JSON).
   * @param position - An increasing positive number locating the row for duplicate reports (line or index + 1).
   * @param line - The 1-based file line where the row starts (CSV only).
   * @param values - The cell of each field of `FIELDS`, `undefined` when absent.
   * @param wrongType - A bit per field whose JSON value was not text or a number (its cell holds the JSON).
   * @param illFormed - A bit per field whose JSON text holds a lone UTF-16 surrogate: text no file encoding can
   * carry, which a CSV written from it would change to U+FFFD, so it is refused here rather than kept.
   */
  read(
    row: number,
    position: number,
    line: number | undefined,
    values: readonly (string | undefined)[],
    wrongType = 0,
    illFormed = 0
  ): void {
    this.rowsRead += 1;
    const { dates, sessions, codeList } = this.options;
    if (this.checkEncoding !== false)
      this.checkReplacementCharacters(row, line, values, wrongType | illFormed);

    const pupilText = values[F_PUPIL];
    const pupilId = pupilText === undefined ? '' : pupilText.trim();
    const dateText = values[F_DATE];
    const date: RegisterDate | string = dateText === undefined ? 'is missing' : dates.read(dateText);
    const sessionText = values[F_SESSION];
    const session: Session | null = sessionText === undefined ? null : sessions.read(sessionText);
    const rawCode = values[F_CODE] === undefined ? '' : values[F_CODE].trim();
    const mapped = codeList?.get(rawCode);
    const code = (mapped ?? rawCode) === '' ? '-' : (mapped ?? rawCode);
    const codeKnown = toCompactCode(code) !== undefined;
    const minutesText = values[F_MINUTES];
    const minutesGiven = minutesText !== undefined && minutesText.trim() !== '';
    const minutes = minutesGiven ? readMinutes(minutesText) : 0;

    const dateOk = typeof date !== 'string';
    if (
      (wrongType | illFormed) !== 0 ||
      pupilId === '' ||
      !dateOk ||
      session === null ||
      !codeKnown ||
      minutes < 0
    ) {
      this.reportRowErrors(row, line, values, wrongType, illFormed, {
        pupilId,
        date,
        session,
        rawCode,
        code,
        codeKnown,
        mapped: mapped !== undefined,
        minutes,
      });
      return;
    }

    const held = this.slots.claim(pupilId, date, session === 'AM' ? 0 : 1, position);
    if (held !== 0) {
      this.rowsRejected += 1;
      const context = { pupilId, date: date.iso, session };
      const earlier = line === undefined ? this.locator.place(held - 1, undefined) : `line ${held}`;
      this.issues.push(
        this.issue(
          'duplicate_mark',
          'error',
          row,
          line,
          undefined,
          `a second mark for this session (code ${quote(code)}); ${earlier} already has one, so this row is not used`,
          'one mark per pupil, date and session',
          code,
          context
        )
      );
      return;
    }

    const mark: MutableMark = { pupilId, date: date.iso, session, code };
    const upnText = values[F_UPN];
    if (upnText !== undefined) {
      const upn = upnText.trim();
      if (upn !== '') mark.upn = upn;
    }
    if (rawCode !== code && rawCode !== '') mark.rawCode = rawCode;
    const comment = values[F_COMMENT];
    if (comment !== undefined && comment !== '') mark.comment = comment;
    if (minutesGiven) mark.minutesLate = minutes;
    if (line !== undefined) mark.line = line;
    this.rowsUsed += 1;
    this.onMark(mark);
  }

  private checkReplacementCharacters(
    row: number,
    line: number | undefined,
    values: readonly (string | undefined)[],
    wrongType: number
  ) {
    for (let field = 0; field < FIELDS.length; field += 1) {
      const value = values[field];
      // A value of the wrong type (JSON) has its own error; only text is checked here.
      if (value?.includes(REPLACEMENT_CHARACTER) !== true || (wrongType & (1 << field)) !== 0) continue;
      const label = this.locator.label(field);
      const [detail, expected] =
        this.checkEncoding === 'bytes'
          ? [
              `${label} ${quote(value)} has bytes that are not UTF-8 text (shown as \uFFFD)`,
              'UTF-8 text; if the file was saved as Latin-1 or Windows-1252, read it with encoding "latin1"',
            ]
          : [
              // Kept short: the value is quoted, and the advice (in `expected`) is part of the message too. The command
              // line rewrites the advice's last words ("decode its bytes as …") in its own terms.
              `${label} ${quote(value)} holds U+FFFD (\uFFFD), so the text was probably decoded with the wrong encoding before it was read here`,
              'text decoded with its own encoding: for a Latin-1 file, decode its bytes as windows-1252 (or stream them to importRegisterCsv with encoding "latin1")',
            ];
      this.issues.push(
        this.issue('encoding', 'warning', row, line, field, detail, expected, receivedText(value), {
          pupilId: values[F_PUPIL]?.trim(),
        })
      );
    }
  }

  /** Reports every error of a row and counts it as rejected. */
  private reportRowErrors(
    row: number,
    line: number | undefined,
    values: readonly (string | undefined)[],
    wrongType: number,
    illFormed: number,
    read: {
      pupilId: string;
      date: RegisterDate | string;
      session: Session | null;
      rawCode: string;
      code: string;
      codeKnown: boolean;
      mapped: boolean;
      minutes: number;
    }
  ): void {
    // A value of the wrong type or ill-formed text (JSON) is shown in its own issue, not as the row's pupil,
    // date or session, and not checked further.
    const unusable = wrongType | illFormed;
    const usable = (field: number): boolean => (unusable & (1 << field)) === 0;
    const context = {
      pupilId: read.pupilId === '' || !usable(F_PUPIL) ? undefined : read.pupilId,
      date: !usable(F_DATE)
        ? undefined
        : typeof read.date === 'string'
          ? values[F_DATE]?.trim()
          : read.date.iso,
      session: !usable(F_SESSION) ? undefined : (read.session ?? values[F_SESSION]?.trim()),
    };
    const label = (field: number): string => this.locator.label(field);
    const found = (field: number): string => {
      const value = values[field];
      return value === undefined || value.trim() === '' ? 'is empty' : quote(value);
    };
    const errors: AttendanceIssue[] = [];
    const add = (code: AttendanceIssueCode, field: number, detail: string, expected: string): void => {
      const received = receivedText(values[field] ?? '');
      errors.push(this.issue(code, 'error', row, line, field, detail, expected, received, context));
    };
    for (let field = 0; field < FIELDS.length; field += 1) {
      if ((wrongType & (1 << field)) !== 0) {
        add(
          'invalid_value',
          field,
          `${label(field)} is ${quote(values[field] ?? '')}, not text or a number`,
          'text or a number'
        );
      } else if ((illFormed & (1 << field)) !== 0) {
        add(
          'invalid_value',
          field,
          `${label(field)} ${quote(values[field] ?? '')} holds a lone UTF-16 surrogate (half of a character's pair), which no file encoding can carry: written to a CSV file it would come back changed`,
          WELL_FORMED_EXPECTED
        );
      }
    }
    if (read.pupilId === '' && usable(F_PUPIL)) {
      add('invalid_value', F_PUPIL, `${label(F_PUPIL)} is empty`, 'a pupil id');
    }
    if (typeof read.date === 'string' && usable(F_DATE)) {
      const text = values[F_DATE];
      const detail =
        text === undefined || text.trim() === ''
          ? `${label(F_DATE)} is empty`
          : `${label(F_DATE)} ${quote(text)} ${read.date}`;
      add('invalid_date', F_DATE, detail, this.options.dates.expected);
    }
    if (read.session === null && usable(F_SESSION)) {
      const detail =
        found(F_SESSION) === 'is empty'
          ? `${label(F_SESSION)} is empty`
          : `${label(F_SESSION)} ${found(F_SESSION)} names neither session`;
      add('invalid_session', F_SESSION, detail, this.options.sessions.expected);
    }
    if (!read.codeKnown && usable(F_CODE)) {
      const detail = read.mapped
        ? `${label(F_CODE)} ${quote(read.rawCode)} maps to ${quote(read.code)} in the code list, which is not a register code`
        : `${label(F_CODE)} ${quote(read.rawCode)} is not a register code${this.options.codeList === undefined ? ' (a system code or id needs a code list: the codeList option, or --code-list on the command line)' : ' and is not in the code list'}`;
      add('unknown_code', F_CODE, detail, CODE_EXPECTED);
    }
    if (read.minutes < 0 && usable(F_MINUTES)) {
      add(
        'invalid_value',
        F_MINUTES,
        `${label(F_MINUTES)} ${found(F_MINUTES)} is not a whole number of minutes`,
        MINUTES_EXPECTED
      );
    }
    this.issues.push(...errors);
    this.rowsRejected += 1;
  }
}
