import type { AttendanceIssue, SafeResult } from '../../errors.js';
import { excerpt } from '../../_internal/excerpt.js';
import { shortText } from '../../io/export/_internal/inputText.js';
import { readCsv } from '../../io/export/_internal/readCsv.js';
import type { CsvRecord } from '../../io/export/_internal/readCsv.js';
import { readSettings } from '../../io/export/_internal/readOptions.js';
import { notTextIssue, resultOf, unwrap } from '../../io/export/_internal/results.js';
import { parseWholeNumber } from '../../io/export/_internal/wholeNumber.js';
import type {
  ParsePublishedAttendanceCsvOptions,
  PublishedAttendance,
  PublishedAttendanceLevel,
  PublishedAttendanceRow,
  PublishedAttendanceScope,
} from './types.js';

/** The columns every row needs: what the row is about, and the session counts. */
const REQUIRED_COLUMNS = [
  'time_period',
  'time_identifier',
  'geographic_level',
  'education_phase',
  'possible_sessions',
  'overall_attendance',
  'overall_absence',
  'authorised_absence',
  'unauthorised_absence',
] as const;

/** The session counts, by column, in the order they are checked. */
const COUNT_COLUMNS = [
  ['possible_sessions', 'possible'],
  ['overall_attendance', 'attended'],
  ['overall_absence', 'absent'],
  ['authorised_absence', 'authorised'],
  ['unauthorised_absence', 'unauthorised'],
] as const;

type CountField = (typeof COUNT_COLUMNS)[number][1];

/** Read where the file has them: a national file may carry no LA columns at all. */
const AREA_COLUMNS = ['country_name', 'region_name', 'la_name', 'new_la_code', 'old_la_code'] as const;

const ATTENDANCE_PERCENT_COLUMN = 'attendance_perc';
const PERSISTENT_ABSENCE_PERCENT_COLUMN = 'pa_perc';

/** Every column read; any other column is ignored, as DfE adds reason and rate columns from year to year. */
const READ_COLUMNS: ReadonlySet<string> = new Set([
  ...REQUIRED_COLUMNS,
  ...AREA_COLUMNS,
  ATTENDANCE_PERCENT_COLUMN,
  PERSISTENT_ABSENCE_PERCENT_COLUMN,
]);

/**
 * The symbols official statistics write for a figure not published: `c` confidential (small numbers, as DfE's
 * file has for the Isles of Scilly), `x` unavailable, `z` not applicable, `low` rounds to zero, `:` not
 * available (older files).
 */
const SUPPRESSION_MARKERS: ReadonlySet<string> = new Set(['c', 'x', 'z', 'low', ':']);

const LEVELS: ReadonlyMap<string, PublishedAttendanceLevel> = new Map([
  ['national', 'national'],
  ['regional', 'regional'],
  ['local authority', 'local-authority'],
]);

/** Six digits, the second year the first plus one: `202526` is 2025/26. */
const ACADEMIC_YEAR = /^(\d{4})(\d{2})$/;

/** A non-negative decimal as DfE's files write it, unrounded floats included (`1.55757077523724e-05`). */
const DECIMAL = /^(\d+)(?:\.(\d+))?(?:[eE]([-+]?\d+))?$/;

/** The smallest difference from the exact rate taken as disagreement, whatever the decimals shown. */
const PERCENT_FLOAT_TOLERANCE = 1e-9;

/** The columns of a header, by name. */
interface Layout {
  readonly index: ReadonlyMap<string, number>;
  /** Whether every required column is there; when one is not, its one `missing_column` error says so. */
  readonly complete: boolean;
}

/** Builds issues located in the file. */
interface Locator {
  issue(
    base: Omit<AttendanceIssue, 'path' | 'line' | 'source'>,
    line: number,
    column?: string
  ): AttendanceIssue;
}

function locator(source: string | undefined): Locator {
  return {
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
  header.fields.forEach((field, position) => {
    // DfE writes the names in lower case; a spreadsheet round trip may not.
    const name = field.trim().toLowerCase();
    if (!READ_COLUMNS.has(name)) return;
    if (index.has(name)) {
      issues.push(
        at.issue(
          {
            code: 'malformed_input',
            severity: 'error',
            message: `The header (line ${header.line}) names the column "${name}" twice.`,
            field: name,
            expected: 'each column named once',
            received: shortText(field),
          },
          header.line,
          name
        )
      );
      return;
    }
    index.set(name, position);
  });
  let complete = true;
  for (const column of REQUIRED_COLUMNS) {
    if (index.has(column)) continue;
    complete = false;
    // The 2022/23 file named the phase `school_type`: say so rather than leave the reader guessing.
    const hint =
      column === 'education_phase' &&
      header.fields.some((field) => field.trim().toLowerCase() === 'school_type')
        ? ' (files before 2023/24 call it "school_type"; rename it to read one)'
        : '';
    issues.push(
      at.issue(
        {
          code: 'missing_column',
          severity: 'error',
          message: `The header (line ${header.line}) has no "${column}" column${hint}.`,
          field: column,
          expected: `a "${column}" column`,
          received: shortText(header.fields.join(',')),
        },
        header.line,
        column
      )
    );
  }
  return { index, complete };
}

/** A percentage cell: a number from 0 to 100, or null where blank or suppressed; undefined when it is neither. */
function parsePercent(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || SUPPRESSION_MARKERS.has(trimmed.toLowerCase())) return null;
  if (!DECIMAL.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) && value <= 100 ? value : undefined;
}

/** Half a unit in the last decimal place a percentage is written to: how far rounding may have moved it. */
function roundingAllowance(text: string): number {
  const match = DECIMAL.exec(text.trim());
  const decimals = (match?.[2]?.length ?? 0) - Number(match?.[3] ?? 0);
  return Math.max(0.5 * 10 ** -Math.max(decimals, 0), PERCENT_FLOAT_TOLERANCE);
}

/** The key two rows of the same figures share, so that a repeated row is caught before a choice meets it. */
function scopeKey(scope: PublishedAttendanceScope): string {
  const area = scope.level === 'local-authority' ? (scope.newLaCode ?? scope.laName) : scope.regionName;
  return JSON.stringify([
    scope.timePeriod,
    scope.timeIdentifier.toLowerCase(),
    scope.level,
    area?.toLowerCase() ?? null,
    scope.phase.toLowerCase(),
  ]);
}

type ReadRow =
  | { readonly kind: 'figures'; readonly row: PublishedAttendanceRow }
  | { readonly kind: 'suppressed'; readonly scope: PublishedAttendanceScope };

function readRow(
  record: CsvRecord,
  layout: Layout,
  width: number,
  at: Locator,
  issues: AttendanceIssue[]
): ReadRow | undefined {
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
  const before = issues.length;
  const cell = (column: string): string | undefined => {
    const position = layout.index.get(column);
    return position === undefined ? undefined : fields[position];
  };
  const invalid = (column: string, text: string, what: string, expected: string): void => {
    issues.push(
      at.issue(
        {
          code: 'invalid_value',
          severity: 'error',
          message: `Line ${line}: the ${column} ${what}; received ${excerpt(text)}.`,
          field: column,
          expected,
          received: shortText(text),
        },
        line,
        column
      )
    );
  };
  const optional = (column: string): string | null => {
    const text = cell(column)?.trim() ?? '';
    return text === '' ? null : text;
  };

  const timePeriodText = cell('time_period') ?? '';
  const timePeriod = timePeriodText.trim();
  const year = ACADEMIC_YEAR.exec(timePeriod);
  if (year !== null && Number(year[2]) !== (Number(year[1]) + 1) % 100) {
    invalid('time_period', timePeriodText, 'is not an academic year', 'two consecutive years, e.g. 202526');
  } else if (year === null && layout.index.has('time_period')) {
    invalid('time_period', timePeriodText, 'is not an academic year', 'six digits, e.g. 202526 for 2025/26');
  }
  const timeIdentifierText = cell('time_identifier') ?? '';
  const timeIdentifier = timeIdentifierText.trim();
  if (timeIdentifier === '' && layout.index.has('time_identifier')) {
    invalid('time_identifier', timeIdentifierText, 'is empty', 'the part of the period, e.g. Academic year');
  }
  const levelText = cell('geographic_level') ?? '';
  const level = LEVELS.get(levelText.trim().toLowerCase());
  if (level === undefined && layout.index.has('geographic_level')) {
    invalid(
      'geographic_level',
      levelText,
      'is not a level this reader knows',
      'National, Regional or Local authority'
    );
  }
  const phaseText = cell('education_phase') ?? '';
  const phase = phaseText.trim();
  if (phase === '' && layout.index.has('education_phase')) {
    invalid('education_phase', phaseText, 'is empty', 'a phase, e.g. Primary, Secondary, Special or Total');
  }
  const regionName = optional('region_name');
  const laName = optional('la_name');
  // A row must name the area it is about, or no choice could ever find it.
  if (level === 'regional' && regionName === null) {
    invalid(
      'region_name',
      cell('region_name') ?? '',
      'of a regional row is empty',
      'the region, e.g. London'
    );
  }
  if (level === 'local-authority' && laName === null) {
    invalid('la_name', cell('la_name') ?? '', 'of a local-authority row is empty', 'the local authority');
  }

  const counts: Partial<Record<CountField, number>> = {};
  const suppressedColumns: string[] = [];
  for (const [column, field] of COUNT_COLUMNS) {
    const text = cell(column);
    if (text === undefined) continue;
    if (SUPPRESSION_MARKERS.has(text.trim().toLowerCase())) {
      suppressedColumns.push(column);
      continue;
    }
    const value = parseWholeNumber(text);
    if (value === undefined) {
      invalid(
        column,
        text,
        'must be a whole number of sessions (a sum of sessions is never negative or fractional)',
        'a whole number, 0 or more, or a suppression marker (c, x, z, low, :)'
      );
    } else counts[field] = value;
  }
  const percent = (column: string): number | null => {
    const text = cell(column);
    if (text === undefined) return null;
    const value = parsePercent(text);
    if (value !== undefined) return value;
    invalid(
      column,
      text,
      'is not a percentage',
      'a number from 0 to 100, empty, or a suppression marker (c, x, z, low, :)'
    );
    return null;
  };
  const attendancePercent = percent(ATTENDANCE_PERCENT_COLUMN);
  const persistentAbsencePercent = percent(PERSISTENT_ABSENCE_PERCENT_COLUMN);
  if (issues.length > before || !layout.complete || level === undefined) return undefined;

  const scope: PublishedAttendanceScope = {
    timePeriod,
    timeIdentifier,
    level,
    countryName: optional('country_name'),
    regionName,
    laName,
    newLaCode: optional('new_la_code'),
    oldLaCode: optional('old_la_code'),
    phase,
    line,
  };
  const [firstSuppressed] = suppressedColumns;
  if (firstSuppressed !== undefined) {
    const marker = cell(firstSuppressed)?.trim() ?? '';
    issues.push(
      at.issue(
        {
          code: 'invalid_value',
          severity: 'warning',
          message: `Line ${line}: DfE suppressed the session counts (${excerpt(marker)} in ${suppressedColumns.join(', ')}), so the row has no figures to compare with; it is listed as suppressed.`,
          field: firstSuppressed,
          expected: 'a whole number of sessions',
          received: shortText(marker),
        },
        line,
        firstSuppressed
      )
    );
    return { kind: 'suppressed', scope };
  }
  const whole = counts as Record<CountField, number>;
  const mismatch = (total: string, parts: readonly [string, string], sum: number, value: number): void => {
    issues.push(
      at.issue(
        {
          code: 'totals_mismatch',
          severity: 'error',
          message: `Line ${line}: ${parts[0]} + ${parts[1]} is ${sum}, but ${total} is ${value}.`,
          field: total,
          expected: `${total} = ${parts[0]} + ${parts[1]} = ${sum}`,
          received: String(value),
        },
        line,
        total
      )
    );
  };
  if (whole.attended + whole.absent !== whole.possible) {
    mismatch(
      'possible_sessions',
      ['overall_attendance', 'overall_absence'],
      whole.attended + whole.absent,
      whole.possible
    );
  }
  if (whole.authorised + whole.unauthorised !== whole.absent) {
    mismatch(
      'overall_absence',
      ['authorised_absence', 'unauthorised_absence'],
      whole.authorised + whole.unauthorised,
      whole.absent
    );
  }
  if (issues.length > before) return undefined;
  if (attendancePercent !== null && whole.possible > 0) {
    // DfE publishes the rate unrounded; a copy may round it. Either agrees within its own last decimal place.
    const exact = (whole.attended / whole.possible) * 100;
    const text = cell(ATTENDANCE_PERCENT_COLUMN) ?? '';
    if (Math.abs(attendancePercent - exact) > roundingAllowance(text)) {
      issues.push(
        at.issue(
          {
            code: 'totals_mismatch',
            severity: 'warning',
            message: `Line ${line}: the attendance_perc is ${text.trim()}, but overall_attendance / possible_sessions × 100 is ${exact}; the counts are used.`,
            field: ATTENDANCE_PERCENT_COLUMN,
            expected: `${whole.attended} / ${whole.possible} × 100 = ${exact}`,
            received: shortText(text),
          },
          line,
          ATTENDANCE_PERCENT_COLUMN
        )
      );
    }
  }
  return { kind: 'figures', row: { ...scope, ...whole, attendancePercent, persistentAbsencePercent } };
}

/** The one error of a file with no header line: empty, or only a byte-order mark and blank lines. */
function noHeaderIssue(text: string, source: string | undefined): AttendanceIssue {
  const nothing = text === '' || text === '\uFEFF';
  return {
    code: 'missing_column',
    severity: 'error',
    message: `Line 1${source === undefined ? '' : ` of ${source}`}: the file ${nothing ? 'is empty' : 'holds only blank lines'}; a published attendance file starts with a header line naming its columns.`,
    path: [1],
    expected: `a header line naming the columns ${REQUIRED_COLUMNS.join(', ')}`,
    received: nothing ? 'nothing' : 'only blank lines',
    line: 1,
    ...(source === undefined ? {} : { source }),
  };
}

/**
 * Reads DfE's published "Pupil attendance in schools" year-to-date CSV (`EES_ytd_data.csv`) without throwing:
 * the national, regional and local-authority rows with their session counts, or an error listing every problem
 * with its line and column.
 *
 * @remarks
 * The columns read are `time_period`, `time_identifier`, `geographic_level`, `education_phase`, the session
 * counts `possible_sessions`, `overall_attendance`, `overall_absence`, `authorised_absence` and
 * `unauthorised_absence`, the area columns `country_name`, `region_name`, `la_name`, `new_la_code` and
 * `old_la_code` where present, and the optional percentages `attendance_perc` and `pa_perc`. Every other
 * column is ignored, in any order. A missing required column is one `missing_column` error.
 *
 * Each row's counts must be whole numbers that add up as DfE's file does on every row:
 * `overall_attendance + overall_absence = possible_sessions` and
 * `authorised_absence + unauthorised_absence = overall_absence`; a breach is a `totals_mismatch` error naming
 * the line and the columns. A row whose counts DfE suppressed (`c`, `x`, `z`, `low` or `:`) has no figures: it
 * is a warning and is listed in `suppressed`. A percentage may be a number from 0 to 100, blank or a
 * suppression marker (read as null); an `attendance_perc` that disagrees with the counts beyond its own last
 * decimal place is a `totals_mismatch` warning, and the counts stand. `time_period` must be an academic year
 * such as `202526`; `geographic_level` is `National`, `Regional` or `Local authority` (any case); a regional row
 * needs a `region_name` and a local-authority row an `la_name`. Two rows for the same period, area and phase
 * are an error, as a comparison could not choose between them.
 *
 * Whatever it is given, it never throws: text that is not a string, bad options, a line over `maxLineBytes`
 * and broken CSV are all issues.
 *
 * @param text - The CSV text.
 * @param options - The file name for issues, and the line limit.
 * @returns `{ success: true, data }` with the rows, the suppressed rows and the warnings, or
 *   `{ success: false, error }` whose `error.issues` lists every problem.
 * @example
 * const result = safeParsePublishedAttendanceCsv(text, { source: 'EES_ytd_data.csv' });
 * if (result.success) result.data.rows.length; //=> 12
 * else result.error.issues.map((issue) => `${issue.line}: ${issue.message}`);
 * @category Report
 */
export function safeParsePublishedAttendanceCsv(
  text: string,
  options: ParsePublishedAttendanceCsvOptions = {}
): SafeResult<PublishedAttendance> {
  const issues: AttendanceIssue[] = [];
  const { source, maxLineBytes } = readSettings(options, issues);
  const rows: PublishedAttendanceRow[] = [];
  const suppressed: PublishedAttendanceScope[] = [];
  const data = (warnings: readonly AttendanceIssue[]): PublishedAttendance => ({
    rows,
    suppressed,
    warnings,
  });
  if (typeof text !== 'string') {
    issues.push(notTextIssue(text, source));
    return resultOf(issues, data);
  }
  const at = locator(source);
  const [header, ...records] = readCsv(text, issues, source, maxLineBytes);
  if (header === undefined) {
    // A reader fault (an unpaired surrogate, an overlong first line) already says why there is no header.
    if (!issues.some((issue) => issue.line !== undefined)) issues.push(noHeaderIssue(text, source));
    return resultOf(issues, data);
  }
  const layout = readHeader(header, at, issues);
  const seen = new Map<string, number>();
  for (const record of records) {
    const read = readRow(record, layout, header.fields.length, at, issues);
    if (read === undefined) continue;
    const scope = read.kind === 'figures' ? read.row : read.scope;
    const key = scopeKey(scope);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issues.push(
        at.issue(
          {
            code: 'malformed_input',
            severity: 'error',
            message: `Line ${scope.line} repeats the period, area and phase of line ${earlier} (${scope.timePeriod}, ${scope.regionName ?? scope.laName ?? scope.countryName ?? 'national'}, ${scope.phase}).`,
            expected: 'one row for each period, area and phase',
            received: `the same as line ${earlier}`,
          },
          scope.line
        )
      );
      continue;
    }
    seen.set(key, scope.line);
    if (read.kind === 'figures') rows.push(read.row);
    else suppressed.push(read.scope);
  }
  return resultOf(issues, data);
}

/**
 * Reads DfE's published "Pupil attendance in schools" year-to-date CSV (`EES_ytd_data.csv`), or throws one error
 * listing every problem. See {@link safeParsePublishedAttendanceCsv} for what is checked.
 *
 * @param text - The CSV text.
 * @param options - The file name for issues, and the line limit.
 * @returns The rows with figures, the suppressed rows and every warning.
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} Listing every missing column, bad count,
 * bad percentage, malformed row and set of counts that does not add up, each with its line and column.
 * @example
 * const published = parsePublishedAttendanceCsv(text, { source: 'EES_ytd_data.csv' });
 * published.rows.find((row) => row.level === 'national' && row.phase === 'Total')?.possible; //=> 2445419687
 * @see {@link https://explore-education-statistics.service.gov.uk/find-statistics/pupil-attendance-in-schools} (the
 *   publication)
 * @category Report
 */
export function parsePublishedAttendanceCsv(
  text: string,
  options: ParsePublishedAttendanceCsvOptions = {}
): PublishedAttendance {
  return unwrap(safeParsePublishedAttendanceCsv(text, options));
}
