import { COMPACT_CODES } from '../../codes/compactCodes.js';
import type { RegisterCode } from '../../codes/types.js';
import type { AttendanceIssue, SafeResult } from '../../errors.js';
import { DFE_POLICY } from '../../policy/presets.js';
import type { AttendancePolicy } from '../../policy/types.js';
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
import { readCsv } from './_internal/readCsv.js';
import type { CsvRecord } from './_internal/readCsv.js';
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
    if (index.has(name)) {
      issues.push(
        at.issue(
          {
            code: 'malformed_input',
            severity: 'error',
            message: `The header names the column "${name}" twice (line ${header.line}).`,
            field: name,
            expected: 'each column named once',
            received: name,
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
              message: `The column "${name}" names the register code "${code}", which is in neither code set.`,
              field: name,
              expected: `${CODE_COLUMN_PREFIX}<code> for a code of the 2024 or pre-2024 code set, or ${CODE_COLUMN_PREFIX}-`,
              received: code,
            },
            header.line,
            name
          )
        );
      }
    } else if (!FIXED_COLUMNS.has(name)) attributes.push([name, position]);
  }
  const missing = (column: string, why: string): void => {
    issues.push(
      at.issue(
        {
          code: 'missing_column',
          severity: 'error',
          message: `The header (line ${header.line}) has no "${column}" column${why}.`,
          field: column,
          expected: `a "${column}" column`,
          received: header.fields.join(','),
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
  return { index, attributes, hasCodes };
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
  const base = { pupilId: context.pupilId, field: column, received: text };
  if (match === null) {
    issues.push(
      at.issue(
        {
          ...base,
          code: 'invalid_value',
          severity: 'warning',
          message: `The ${column} of pupil ${context.pupilId} (line ${context.line}) is not a percentage: "${text}". It is display only and was not used.`,
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
        message: `The ${column} of pupil ${context.pupilId} (line ${context.line}) is ${trimmed}, which disagrees with the counts (${context.numeratorName} ${numerator} of ${possible} possible); the counts are used.`,
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
  issues.push(
    at.issue(
      {
        code: known ? 'totals_mismatch' : 'invalid_value',
        severity: 'warning',
        message: known
          ? `The ${column} of pupil ${context.pupilId} (line ${context.line}) is ${value}, but the counts give ${String(actual)} under the "${context.policy.name}" policy; the counts are used.`
          : `The ${column} of pupil ${context.pupilId} (line ${context.line}) is "${text}", not true or false; it is worked out from the counts instead.`,
        pupilId: context.pupilId,
        field: column,
        expected: String(actual),
        received: text,
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
            message: `The ${column} of pupil ${pupilId} (line ${line}) must be a whole number of sessions; received "${text}".`,
            ...(pupilId === '' ? {} : { pupilId }),
            field: column,
            expected: 'a whole number, 0 or more',
            received: text,
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
  if (issues.length > before || COUNT_COLUMNS.some(([, field]) => counts[field] === undefined))
    return undefined;
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
  const attributes: Record<string, string> = {};
  for (const [name, position] of layout.attributes)
    attributes[name] = fromSpreadsheetSafe(fields[position] ?? '');
  const summaryCounts: PupilSummaryCounts = byCode === undefined ? complete : { ...complete, byCode };
  return { pupilId, attributes, counts: summaryCounts, flags, line };
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
 * Columns the summary does not define are read as attributes (text). A byte-order mark and blank lines are
 * skipped; the columns may come in any order. One leading single quote is taken off a pupil id, attribute name
 * or attribute value when a `=`, `+`, `-`, `@`, tab, carriage return or another quote follows it: the quote
 * {@link toPupilSummaryCsv} puts there so that a spreadsheet does not run the cell as a formula.
 *
 * @param text - The CSV text.
 * @param options - The file name for issues, and the policy for the flags.
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
  const { source } = options;
  const policy = options.policy ?? DFE_POLICY;
  const at = locator(source);
  const issues: AttendanceIssue[] = [];
  if (typeof text !== 'string') {
    issues.push(notTextIssue(text, source));
    return resultOf(issues, () => ({ pupils: [], warnings: [] }));
  }
  const records = readCsv(text, issues, source);
  const [header, ...rows] = records;
  const pupils: PupilSummaryRecord[] = [];
  if (header === undefined) {
    if (issues.length === 0) {
      issues.push({
        code: 'missing_column',
        severity: 'error',
        message: 'The file is empty: a per-pupil summary starts with a header row.',
        path: [],
        expected: `a header row starting ${PUPIL_ID_COLUMN}`,
        received: 'no rows',
        ...(source === undefined ? {} : { source }),
      });
    }
  } else {
    const layout = readHeader(header, at, issues);
    for (const record of rows) {
      const pupil = readRow(record, layout, header.fields.length, policy, at, issues);
      if (pupil !== undefined) pupils.push(pupil);
    }
  }
  return resultOf(issues, (warnings) => ({ pupils, warnings }));
}
