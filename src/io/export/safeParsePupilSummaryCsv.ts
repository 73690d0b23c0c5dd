import { COMPACT_CODES } from '../../codes/compactCodes.js';
import type { RegisterCode } from '../../codes/types.js';
import type { AttendanceIssue, SafeResult } from '../../errors.js';
import { DFE_POLICY } from '../../policy/presets.js';
import { attendancePolicySchema } from '../../policy/schema.js';
import type { AttendancePolicy } from '../../policy/types.js';
import { excerpt } from '../../_internal/excerpt.js';
import { fromZodIssues, ZOD_PARSE_CONTEXT } from '../../_internal/fromZodIssues.js';
import { isPersistentlyAbsent } from '../../sessions/isPersistentlyAbsent.js';
import { isSeverelyAbsent } from '../../sessions/isSeverelyAbsent.js';
import {
  ABSENCE_PERCENT_COLUMN,
  ATTENDANCE_PERCENT_COLUMN,
  CODE_COLUMN_PREFIX,
  CODE_COLUMNS,
  COUNT_COLUMNS,
  FIXED_COLUMNS,
  PERSISTENT_ABSENCE_COLUMN,
  PUPIL_ID_COLUMN,
  SEVERE_ABSENCE_COLUMN,
  columnOf,
  countIdentityIssues,
} from './_internal/pupilSummaryColumns.js';
import type { CountField } from './_internal/pupilSummaryColumns.js';
import { shortText } from './_internal/inputText.js';
import { readCsv } from './_internal/readCsv.js';
import type { CsvRecord } from './_internal/readCsv.js';
import { readSettings } from './_internal/readOptions.js';
import { notTextIssue, resultOf } from './_internal/results.js';
import { fromSpreadsheetSafe } from './_internal/spreadsheetSafe.js';
import { parseWholeNumber } from './_internal/wholeNumber.js';
import type {
  ParsePupilSummaryCsvOptions,
  PupilSummaryCounts,
  PupilSummaryFlags,
  PupilSummaryImport,
  PupilSummaryRecord,
} from './types.js';

const KNOWN_CODES: ReadonlySet<string> = new Set(COMPACT_CODES);
const PERCENT = /^(\d+)(?:\.(\d+))?\s*%?$/;

/** The columns a header names, by meaning. */
interface Layout {
  readonly index: ReadonlyMap<string, number>;
  readonly attributes: readonly (readonly [name: string, index: number])[];
  readonly hasCodes: boolean;
  /**
   * Whether every column the counts need is there. When one is missing, the header's missing_column error is
   * the one report of it: the rows' cells are still checked, but not the sums, rates or flags that would need
   * the missing column and could only repeat that error in other words.
   */
  readonly complete: boolean;
}

/** Builds issues located in the file. */
interface Locator {
  readonly source: string | undefined;
  issue(
    base: Omit<AttendanceIssue, 'path' | 'line' | 'source'>,
    line: number,
    column?: string
  ): AttendanceIssue;
}

function locator(source: string | undefined): Locator {
  return {
    source,
    issue: (base, line, column) => ({
      ...base,
      path: column === undefined ? [line] : [line, column],
      line,
      ...(source === undefined ? {} : { source }),
    }),
  };
}

function readHeader(header: CsvRecord, at: Locator, issues: AttendanceIssue[]): Layout {
  const index = new Map<string, number>();
  const attributes: [string, number][] = [];
  for (const [position, cell] of header.fields.entries()) {
    // An attribute name may carry the quote that keeps a spreadsheet from running it; the summary's own never do.
    const name = fromSpreadsheetSafe(cell);
    if (name === '') {
      // The writer cannot write an attribute without a name, so a file that has one would not write back.
      const column = position + 1;
      issues.push({
        code: 'malformed_input',
        severity: 'error',
        message: `Column ${column} of the header (line ${header.line}) has no name: a column the summary does not define is an attribute, and an attribute needs a name.`,
        path: [header.line, column],
        expected: 'a non-empty attribute name',
        received: '',
        line: header.line,
        ...(at.source === undefined ? {} : { source: at.source }),
      });
      continue;
    }
    if (index.has(name)) {
      issues.push(
        at.issue(
          {
            code: 'malformed_input',
            severity: 'error',
            message: `The header names the column ${excerpt(name)} twice (line ${header.line}).`,
            field: name,
            expected: 'each column named once',
            received: shortText(name),
          },
          header.line,
          name
        )
      );
      continue;
    }
    index.set(name, position);
    if (name.startsWith(CODE_COLUMN_PREFIX)) {
      const code = name.slice(CODE_COLUMN_PREFIX.length);
      if (!KNOWN_CODES.has(code)) {
        issues.push(
          at.issue(
            {
              code: 'unknown_code',
              severity: 'error',
              message: `The column ${excerpt(name)} names the register code ${excerpt(code)}, which is in neither code set.`,
              field: name,
              expected: `${CODE_COLUMN_PREFIX}<code> for a code of the 2024 or pre-2024 code set, or ${CODE_COLUMN_PREFIX}-`,
              received: shortText(code),
            },
            header.line,
            name
          )
        );
      }
    } else if (!FIXED_COLUMNS.has(name)) attributes.push([name, position]);
  }
  let complete = true;
  const missing = (column: string, why: string): void => {
    complete = false;
    issues.push(
      at.issue(
        {
          code: 'missing_column',
          severity: 'error',
          message: `The header (line ${header.line}) has no "${column}" column${why}.`,
          field: column,
          expected: `a "${column}" column`,
          received: shortText(header.fields.join(',')),
        },
        header.line,
        column
      )
    );
  };
  if (!index.has(PUPIL_ID_COLUMN)) missing(PUPIL_ID_COLUMN, '');
  for (const [column] of COUNT_COLUMNS) if (!index.has(column)) missing(column, '');
  const hasCodes = header.fields.some((name) => name.startsWith(CODE_COLUMN_PREFIX));
  if (hasCodes) {
    for (const [column] of CODE_COLUMNS) {
      if (!index.has(column)) missing(column, ': a summary with per-code columns needs one for every code');
    }
  }
  return { index, attributes, hasCodes, complete };
}

/** Whether a percentage text is the exact rate rounded some way to its own number of decimals. */
function percentAgrees(whole: string, decimals: string, numerator: number, denominator: number): boolean {
  const scale = 10n ** BigInt(decimals.length);
  const shown = BigInt(whole + decimals);
  const exact = BigInt(numerator) * 100n * scale;
  const gap = shown * BigInt(denominator) - exact;
  return (gap < 0n ? -gap : gap) < BigInt(denominator);
}

function checkPercent(
  text: string,
  column: string,
  numerator: number,
  possible: number,
  context: { pupilId: string; line: number; numeratorName: string },
  at: Locator,
  issues: AttendanceIssue[]
): void {
  const trimmed = text.trim();
  if (trimmed === '') return;
  const match = PERCENT.exec(trimmed);
  const base = { pupilId: context.pupilId, field: column, received: shortText(text) };
  const pupil = shortText(context.pupilId);
  if (match === null) {
    issues.push(
      at.issue(
        {
          ...base,
          code: 'invalid_value',
          severity: 'warning',
          message: `The ${column} of pupil ${pupil} (line ${context.line}) is not a percentage: ${excerpt(text)}. It is display only and was not used.`,
          expected: 'a percentage such as 94.7, or empty',
        },
        context.line,
        column
      )
    );
    return;
  }
  const agrees = possible > 0 && percentAgrees(match[1] ?? '', match[2] ?? '', numerator, possible);
  if (agrees) return;
  const expected =
    possible === 0
      ? 'empty: there are no possible sessions'
      : `${numerator} / ${possible} × 100 to ${match[2]?.length ?? 0} decimal places`;
  issues.push(
    at.issue(
      {
        ...base,
        code: 'totals_mismatch',
        severity: 'warning',
        message: `The ${column} of pupil ${pupil} (line ${context.line}) is ${trimmed}, which disagrees with the counts (${context.numeratorName} ${numerator} of ${possible} possible); the counts are used.`,
        expected,
      },
      context.line,
      column
    )
  );
}

function checkFlag(
  text: string,
  column: string,
  actual: boolean,
  context: { pupilId: string; line: number; policy: AttendancePolicy },
  at: Locator,
  issues: AttendanceIssue[]
): void {
  const value = text.trim().toLowerCase();
  if (value === '' || value === String(actual)) return;
  const known = value === 'true' || value === 'false';
  const pupil = shortText(context.pupilId);
  issues.push(
    at.issue(
      {
        code: known ? 'totals_mismatch' : 'invalid_value',
        severity: 'warning',
        message: known
          ? `The ${column} of pupil ${pupil} (line ${context.line}) is ${value}, but the counts give ${String(actual)} under the "${context.policy.name}" policy; the counts are used.`
          : `The ${column} of pupil ${pupil} (line ${context.line}) is ${excerpt(text)}, not true or false; it is worked out from the counts instead.`,
        pupilId: context.pupilId,
        field: column,
        expected: String(actual),
        received: shortText(text),
      },
      context.line,
      column
    )
  );
}

function readRow(
  record: CsvRecord,
  layout: Layout,
  width: number,
  policy: AttendancePolicy,
  at: Locator,
  issues: AttendanceIssue[]
): PupilSummaryRecord | undefined {
  const { line, fields } = record;
  if (fields.length !== width) {
    issues.push(
      at.issue(
        {
          code: 'malformed_input',
          severity: 'error',
          message: `Line ${line} has ${fields.length} fields but the header has ${width}.`,
          expected: `${width} fields`,
          received: `${fields.length} fields`,
        },
        line
      )
    );
    return undefined;
  }
  const cell = (column: string): string | undefined => {
    const position = layout.index.get(column);
    return position === undefined ? undefined : fields[position];
  };
  const pupilIdCell = cell(PUPIL_ID_COLUMN);
  const pupilIdText = pupilIdCell === undefined ? undefined : fromSpreadsheetSafe(pupilIdCell);
  const pupilId = pupilIdText ?? '';
  const before = issues.length;
  if (pupilIdText === '') {
    issues.push(
      at.issue(
        {
          code: 'invalid_value',
          severity: 'error',
          message: `Line ${line} has no pupil id.`,
          field: PUPIL_ID_COLUMN,
          expected: 'a pupil id',
          received: '',
        },
        line,
        PUPIL_ID_COLUMN
      )
    );
  }
  const whole = (column: string): number | undefined => {
    const text = cell(column);
    if (text === undefined) return undefined;
    const value = parseWholeNumber(text);
    if (value === undefined) {
      issues.push(
        at.issue(
          {
            code: 'invalid_value',
            severity: 'error',
            message: `The ${column} of pupil ${shortText(pupilId)} (line ${line}) must be a whole number of sessions; received ${excerpt(text)}.`,
            ...(pupilId === '' ? {} : { pupilId }),
            field: column,
            expected: 'a whole number, 0 or more',
            received: shortText(text),
          },
          line,
          column
        )
      );
    }
    return value;
  };
  const counts: Partial<Record<CountField, number>> = {};
  for (const [column, field] of COUNT_COLUMNS) {
    const value = whole(column);
    if (value !== undefined) counts[field] = value;
  }
  let byCode: Record<RegisterCode, number> | undefined;
  if (layout.hasCodes) {
    const codeCounts: Partial<Record<RegisterCode, number>> = {};
    for (const [column, code] of CODE_COLUMNS) {
      const value = whole(column);
      if (value !== undefined) codeCounts[code] = value;
    }
    byCode = codeCounts as Record<RegisterCode, number>;
  }
  if (issues.length > before || !layout.complete) return undefined;
  const complete = counts as Record<CountField, number>;
  const identityIssues = countIdentityIssues(complete, byCode, {
    path: [line],
    name: columnOf,
    pupilId,
    line,
    ...(at.source === undefined ? {} : { source: at.source }),
  });
  issues.push(...identityIssues);
  if (identityIssues.length > 0) return undefined;
  const context = { pupilId, line };
  const attendancePercent = cell(ATTENDANCE_PERCENT_COLUMN);
  if (attendancePercent !== undefined) {
    checkPercent(
      attendancePercent,
      ATTENDANCE_PERCENT_COLUMN,
      complete.attended,
      complete.possible,
      { ...context, numeratorName: 'attended' },
      at,
      issues
    );
  }
  const absencePercent = cell(ABSENCE_PERCENT_COLUMN);
  if (absencePercent !== undefined) {
    checkPercent(
      absencePercent,
      ABSENCE_PERCENT_COLUMN,
      complete.absent,
      complete.possible,
      { ...context, numeratorName: 'absent' },
      at,
      issues
    );
  }
  const flags: PupilSummaryFlags = {
    persistentAbsence: isPersistentlyAbsent(complete, policy),
    severeAbsence: isSeverelyAbsent(complete, policy),
  };
  const persistent = cell(PERSISTENT_ABSENCE_COLUMN);
  if (persistent !== undefined) {
    checkFlag(
      persistent,
      PERSISTENT_ABSENCE_COLUMN,
      flags.persistentAbsence,
      { ...context, policy },
      at,
      issues
    );
  }
  const severe = cell(SEVERE_ABSENCE_COLUMN);
  if (severe !== undefined) {
    checkFlag(severe, SEVERE_ABSENCE_COLUMN, flags.severeAbsence, { ...context, policy }, at, issues);
  }
  // Built from entries so that an attribute named like an Object property (`__proto__`) is kept as data.
  const attributes: Record<string, string> = Object.fromEntries(
    layout.attributes.map(([name, position]) => [name, fromSpreadsheetSafe(fields[position] ?? '')])
  );
  const summaryCounts: PupilSummaryCounts = byCode === undefined ? complete : { ...complete, byCode };
  return { pupilId, attributes, counts: summaryCounts, flags, line };
}

/** The policy option, checked whole (a caller from JavaScript may pass anything); the DfE policy in its place. */
function readPolicy(value: unknown, issues: AttendanceIssue[]): AttendancePolicy {
  if (value === undefined || value === DFE_POLICY) return DFE_POLICY;
  const result = attendancePolicySchema().safeParse(value, ZOD_PARSE_CONTEXT);
  if (result.success) return value as AttendancePolicy;
  const located = result.error.issues.map((issue) => ({ ...issue, path: ['policy', ...issue.path] }));
  issues.push(...fromZodIssues(located));
  return DFE_POLICY;
}

/** The one error of a file with no header line: empty, or only a byte order mark, white space and blank lines. */
function noHeaderIssue(text: string, source: string | undefined): AttendanceIssue {
  const nothing = text === '' || text === '\uFEFF';
  return {
    code: 'missing_column',
    severity: 'error',
    message: `Line 1${source === undefined ? '' : ` of ${source}`}: the file ${nothing ? 'is empty' : 'holds only blank lines'}: it has no header line; a per-pupil summary starts with one naming its columns.`,
    path: [1],
    expected: `a header line naming the columns ${PUPIL_ID_COLUMN}, ${COUNT_COLUMNS.map(([column]) => column).join(', ')}`,
    received: nothing ? 'nothing' : 'only blank lines',
    line: 1,
    ...(source === undefined ? {} : { source }),
  };
}

/**
 * Reads a per-pupil summary CSV (as {@link toPupilSummaryCsv} writes it) back into integer counts, without
 * throwing: the pupils, or an error listing every problem with its line and column.
 *
 * @remarks
 * The integer columns are the record and must be whole numbers that add up as {@link "school-attendance"!SessionCounts | SessionCounts} does
 * (`present + approved_educational_activity = attended`, `authorised + unauthorised = absent`,
 * `attended + absent = possible`, lateness within present and unauthorised, and with per-code columns each
 * category equal to the sum of its codes); any breach is an error. The percentages and flags are display only:
 * they are checked against the counts (a percentage agrees when it is the exact rate rounded either way to its
 * own number of decimals) and a disagreement is a `totals_mismatch` warning, never a change to the counts.
 * Columns the summary does not define are read as attributes (text); a column with no name is an error, as
 * {@link toPupilSummaryCsv} could not write it. A missing column is one `missing_column` error: the sums that
 * would need it are not checked. A byte-order mark and blank lines (also lines of white space or bare commas)
 * are skipped; the columns may come in any order; a file with no header line is one `missing_column` error at
 * line 1. One leading single quote is taken off a pupil id, attribute name or attribute value when a `=`, `+`,
 * `-`, `@`, tab, carriage return or another quote follows it: the quote {@link toPupilSummaryCsv} puts there so
 * that a spreadsheet does not run the cell as a formula.
 *
 * Whatever it is given, it never throws. A line longer than `maxLineBytes` (1 MiB by default, counted in UTF-8
 * bytes) is one `too_long` error at its line, and text holding an unpaired surrogate (which a JavaScript string
 * can hold but no UTF-8 file can) one `encoding` error at its line; the lines after either are not read. So a
 * file that reads is one {@link toPupilSummaryCsv} writes, and it reads back equal. Messages quote at most about
 * 80 characters of any cell.
 *
 * @param text - The CSV text.
 * @param options - The file name for issues, the policy for the flags, and the line limit.
 * @returns `{ success: true, data }` with the pupils and warnings, or `{ success: false, error }`.
 * @example
 * const result = safeParsePupilSummaryCsv('pupil_id,possible\nP1,abc\n');
 * result.success //=> false
 * result.success || result.error.issues.map((issue) => issue.code) // 'missing_column' for each absent count column, then 'invalid_value' for "abc"
 * @category Export
 */
export function safeParsePupilSummaryCsv(
  text: string,
  options: ParsePupilSummaryCsvOptions = {}
): SafeResult<PupilSummaryImport> {
  const issues: AttendanceIssue[] = [];
  const settings = readSettings(options, issues);
  const { source } = settings;
  const policy = readPolicy(settings.given['policy'], issues);
  if (typeof text !== 'string') {
    issues.push(notTextIssue(text, source));
    return resultOf(issues, () => ({ pupils: [], warnings: [] }));
  }
  const at = locator(source);
  const records = readCsv(text, issues, source, settings.maxLineBytes);
  const [header, ...rows] = records;
  const pupils: PupilSummaryRecord[] = [];
  if (header === undefined) {
    if (!issues.some((issue) => issue.line !== undefined)) issues.push(noHeaderIssue(text, source));
  } else {
    const layout = readHeader(header, at, issues);
    for (const record of rows) {
      const pupil = readRow(record, layout, header.fields.length, policy, at, issues);
      if (pupil !== undefined) pupils.push(pupil);
    }
  }
  return resultOf(issues, (warnings) => ({ pupils, warnings }));
}
