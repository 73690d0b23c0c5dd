import type { AttendanceIssue } from '../../errors.js';
import { DFE_POLICY } from '../../policy/presets.js';
import { isPersistentlyAbsent } from '../../sessions/isPersistentlyAbsent.js';
import { isSeverelyAbsent } from '../../sessions/isSeverelyAbsent.js';
import { toAbsenceRate } from '../../sessions/toAbsenceRate.js';
import { toAttendanceRate } from '../../sessions/toAttendanceRate.js';
import { toPercentage } from '../../sessions/toPercentage.js';
import type { Percentage } from '../../sessions/toPercentage.js';
import { throwIfErrors } from '../../_internal/issues.js';
import { csvRow } from './_internal/csvText.js';
import {
  CODE_COLUMN_PREFIX,
  CODE_COLUMNS,
  COUNT_COLUMNS,
  DISPLAY_COLUMNS,
  FIXED_COLUMNS,
  PUPIL_ID_COLUMN,
  countIdentityIssues,
} from './_internal/pupilSummaryColumns.js';
import { excerpt } from '../../_internal/excerpt.js';
import { hasLoneSurrogate } from '../_internal/loneSurrogate.js';
import { shortText } from './_internal/inputText.js';
import { describeValue } from './_internal/results.js';
import { freeTextCell } from './_internal/spreadsheetSafe.js';
import { isWholeCount } from './_internal/wholeNumber.js';
import type { PupilSummaryAttributeValue, PupilSummaryInput, ToPupilSummaryCsvOptions } from './types.js';

function percentText(percentage: Percentage): string {
  return percentage.kind === 'percentage' ? percentage.text : '';
}

/** An attribute's cell: text through `text` (formula safety), numbers and flags as they are. */
function attributeText(
  value: PupilSummaryAttributeValue | undefined,
  text: (value: string) => string
): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? text(value) : String(value);
}

function attributeColumnsOf(
  rows: readonly PupilSummaryInput[],
  chosen: readonly string[] | undefined,
  issues: AttendanceIssue[]
): readonly string[] {
  const columns = chosen ?? [...new Set(rows.flatMap((row) => Object.keys(row.attributes ?? {})))];
  const seen = new Set<string>();
  for (const [index, column] of columns.entries()) {
    const path = chosen === undefined ? ['attributes', column] : ['attributeColumns', index];
    if (typeof column === 'string' && hasLoneSurrogate(column)) {
      issues.push(notUtf8Issue(`The attribute name ${excerpt(column)}`, path, 'attributes', column));
      continue;
    }
    const clash = FIXED_COLUMNS.has(column) || column.startsWith(CODE_COLUMN_PREFIX);
    if (column !== '' && !clash && !seen.has(column)) {
      seen.add(column);
      continue;
    }
    issues.push({
      code: 'invalid_value',
      severity: 'error',
      message:
        column === ''
          ? 'An attribute column needs a name.'
          : seen.has(column)
            ? `The attribute column ${excerpt(column)} is listed twice.`
            : `The attribute ${excerpt(column)} cannot be a column: the name is taken by the summary's own columns.`,
      path,
      field: 'attributes',
      expected: `a unique, non-empty name that is not a summary column and does not start with "${CODE_COLUMN_PREFIX}"`,
      received: shortText(column),
    });
  }
  return columns;
}

/**
 * The issue for text that holds an unpaired surrogate: a JavaScript string can, but UTF-8 cannot, so the text
 * would be written changed (as U+FFFD) and read back different.
 */
function notUtf8Issue(
  what: string,
  path: readonly (string | number)[],
  field: string,
  text: string,
  pupilId?: string
): AttendanceIssue {
  return {
    code: 'invalid_value',
    severity: 'error',
    message: `${what} holds an unpaired surrogate, which UTF-8 cannot carry: it would be written changed.`,
    path,
    ...(pupilId === undefined ? {} : { pupilId }),
    field,
    expected: 'text without unpaired surrogates',
    received: excerpt(text),
  };
}

/** A row's attribute for a column: only its own property (a name such as `toString` is not inherited). */
function attributeOf(row: PupilSummaryInput, column: string): PupilSummaryAttributeValue | undefined {
  // Typed as an object, but a caller from JavaScript may pass null.
  const attributes: unknown = row.attributes;
  if (typeof attributes !== 'object' || attributes === null || !Object.hasOwn(attributes, column))
    return undefined;
  return (attributes as Readonly<Record<string, PupilSummaryAttributeValue>>)[column];
}

function rowIssues(
  row: PupilSummaryInput,
  index: number,
  byCode: boolean,
  attributeColumns: readonly string[]
): AttendanceIssue[] {
  const issues: AttendanceIssue[] = [];
  const pupilId = typeof row.pupilId === 'string' && row.pupilId !== '' ? row.pupilId : undefined;
  const pupil = pupilId === undefined ? {} : { pupilId };
  const who = pupilId === undefined ? `row ${index}` : `pupil ${shortText(pupilId)}`;
  if (pupilId !== undefined && hasLoneSurrogate(pupilId)) {
    issues.push(notUtf8Issue(`The id of row ${index}`, [index, 'pupilId'], 'pupilId', pupilId, pupilId));
  }
  for (const column of attributeColumns) {
    const value = attributeOf(row, column);
    if (typeof value === 'string' && hasLoneSurrogate(value)) {
      issues.push(
        notUtf8Issue(
          `The ${excerpt(column)} attribute of ${who}`,
          [index, 'attributes', column],
          `attributes.${column}`,
          value,
          pupilId
        )
      );
    }
  }
  if (pupilId === undefined) {
    issues.push({
      code: 'invalid_value',
      severity: 'error',
      message: `Row ${index} has no pupil id.`,
      path: [index, 'pupilId'],
      field: 'pupilId',
      expected: 'a non-empty string',
      received: describeValue(row.pupilId),
    });
  }
  const bad = (field: string, value: unknown): void => {
    issues.push({
      code: 'invalid_counts',
      severity: 'error',
      message: `The ${field} count of row ${index}${pupilId === undefined ? '' : ` (${who})`} must be a whole number of sessions, 0 or more; received ${String(value)}.`,
      path: [index, 'counts', field],
      ...pupil,
      field,
      expected: 'a whole number, 0 or more',
      received: String(value),
    });
  };
  for (const [, field] of COUNT_COLUMNS) {
    if (!isWholeCount(row.counts[field])) bad(field, row.counts[field]);
  }
  if (byCode) {
    if (row.counts.byCode === undefined) bad('byCode', undefined);
    else {
      for (const [, code] of CODE_COLUMNS) {
        if (!isWholeCount(row.counts.byCode[code])) bad(`byCode.${code}`, row.counts.byCode[code]);
      }
    }
  }
  if (issues.length > 0) return issues;
  return countIdentityIssues(row.counts, byCode ? row.counts.byCode : undefined, {
    path: [index, 'counts'],
    name: (field) => field,
    ...pupil,
  });
}

/**
 * Writes a per-pupil summary as CSV: one row per pupil with their descriptive columns, integer session
 * counts, attendance and absence percentages, persistent and severe absence flags and, optionally, the
 * number of sessions of each register code.
 *
 * @remarks
 * Columns, in order: `pupil_id`; the attribute columns; `possible`, `present`,
 * `approved_educational_activity`, `attended`, `authorised`, `unauthorised`, `absent`, `not_possible`,
 * `unmarked`, `late`, `late_after_register_closed`; `attendance_percent` and `absence_percent` (the policy's
 * display format, by {@link "school-attendance"!toPercentage | toPercentage}; empty when there are no possible sessions); `persistent_absence` and
 * `severe_absence` (`true` or `false`, by {@link "school-attendance"!isPersistentlyAbsent | isPersistentlyAbsent} and {@link "school-attendance"!isSeverelyAbsent | isSeverelyAbsent} on the
 * unrounded counts); then, with `byCode`, one `code_<code>` column per code in {@link "school-attendance"!COMPACT_CODES | COMPACT_CODES} order
 * (`code_-` is no mark yet). The integers are the record; the percentages and flags are for people and are
 * worked out again from the integers by {@link parsePupilSummaryCsv}. Fields holding a comma, quote or line
 * break are quoted as RFC 4180 says. A pupil id, attribute name or text attribute value that a spreadsheet would
 * run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a carriage return) is written with a single quote
 * before it, as OWASP advises against CSV injection, unless `formulaSafe: false`;
 * {@link parsePupilSummaryCsv} takes the quote off again.
 *
 * @param rows - One entry per pupil, e.g. ids with {@link "school-attendance"!countSessions | countSessions} results.
 * @param options - Line ending, policy, per-code columns, attribute columns and formula safety.
 * @returns The CSV text, with a header row.
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} Listing every row whose pupil id is empty or whose counts are not whole
 * numbers or do not add up, every attribute name that clashes with a summary column, and every pupil id,
 * attribute name or text value holding an unpaired surrogate (UTF-8 cannot carry one, so it would be written
 * changed).
 * @example
 * const csv = toPupilSummaryCsv([{ pupilId: 'P1', counts: countSessions(marks), attributes: { yearGroup: 9 } }]);
 * csv.split('\r\n')[0] //=> 'pupil_id,yearGroup,possible,present,approved_educational_activity,attended,authorised,unauthorised,absent,not_possible,unmarked,late,late_after_register_closed,attendance_percent,absence_percent,persistent_absence,severe_absence'
 * @category Export
 */
export function toPupilSummaryCsv(
  rows: readonly PupilSummaryInput[],
  options: ToPupilSummaryCsvOptions = {}
): string {
  const lineEnding = options.lineEnding ?? '\r\n';
  const policy = options.policy ?? DFE_POLICY;
  const byCode = options.byCode ?? false;
  const issues: AttendanceIssue[] = [];
  const attributeColumns = attributeColumnsOf(rows, options.attributeColumns, issues);
  for (const [index, row] of rows.entries()) issues.push(...rowIssues(row, index, byCode, attributeColumns));
  throwIfErrors(issues);
  const text = freeTextCell(options.formulaSafe);
  const header = [
    PUPIL_ID_COLUMN,
    ...attributeColumns.map(text),
    ...COUNT_COLUMNS.map(([column]) => column),
    ...DISPLAY_COLUMNS,
    ...(byCode ? CODE_COLUMNS.map(([column]) => column) : []),
  ];
  const lines = [csvRow(header, lineEnding)];
  for (const row of rows) {
    const { counts } = row;
    const fields = [
      text(row.pupilId),
      ...attributeColumns.map((column) => attributeText(attributeOf(row, column), text)),
      ...COUNT_COLUMNS.map(([, field]) => String(counts[field])),
      percentText(toPercentage(toAttendanceRate(counts), policy.display)),
      percentText(toPercentage(toAbsenceRate(counts), policy.display)),
      String(isPersistentlyAbsent(counts, policy)),
      String(isSeverelyAbsent(counts, policy)),
    ];
    if (byCode && counts.byCode !== undefined) {
      const codeCounts = counts.byCode;
      for (const [, code] of CODE_COLUMNS) fields.push(String(codeCounts[code]));
    }
    lines.push(csvRow(fields, lineEnding));
  }
  return lines.join('');
}
