import type { AttendanceIssue, SafeResult } from '../../errors.js';
import { CENSUS_ABSENCE_REASONS } from './censusAbsenceReasons.js';
import { censusIssue, censusRecordIssues, reasonIssue } from './_internal/censusChecks.js';
import {
  CENSUS_PERIOD_COLUMN,
  CENSUS_PUPIL_ID_COLUMN,
  CENSUS_REASON_COLUMNS,
  CENSUS_REASON_PREFIX,
  CENSUS_TOTAL_COLUMNS,
} from './_internal/censusCsvColumns.js';
import { CENSUS_PERIOD_ELEMENTS } from './_internal/censusRecords.js';
import { excerpt } from '../../_internal/excerpt.js';
import { shortText } from './_internal/inputText.js';
import { readCsv } from './_internal/readCsv.js';
import type { CsvRecord } from './_internal/readCsv.js';
import { readSettings } from './_internal/readOptions.js';
import { notTextIssue, resultOf } from './_internal/results.js';
import { fromSpreadsheetSafe } from './_internal/spreadsheetSafe.js';
import { parseWholeNumber } from './_internal/wholeNumber.js';
import type {
  CensusAttendance,
  CensusAttendanceImport,
  CensusPeriodKind,
  CensusPupilAttendance,
  ParseExportOptions,
} from './types.js';

const PERIOD_KINDS: ReadonlySet<string> = new Set(CENSUS_PERIOD_ELEMENTS.map(([kind]) => kind));
const REASON_OF_COLUMN: ReadonlyMap<string, string> = new Map(CENSUS_REASON_COLUMNS);
const REQUIRED = [
  CENSUS_PUPIL_ID_COLUMN,
  CENSUS_PERIOD_COLUMN,
  CENSUS_TOTAL_COLUMNS.possible,
  CENSUS_TOTAL_COLUMNS.authorised,
  CENSUS_TOTAL_COLUMNS.unauthorised,
];

type MutablePupil = { -readonly [K in keyof CensusPupilAttendance]: CensusPupilAttendance[K] };

interface Layout {
  readonly index: ReadonlyMap<string, number>;
  readonly reasons: readonly (readonly [reason: string, index: number])[];
}

class CensusCsvReader {
  readonly issues: AttendanceIssue[] = [];
  private readonly pupils = new Map<string, MutablePupil>();

  constructor(private readonly source: string | undefined) {}

  private at(line: number, column?: string, pupilId?: string) {
    return { path: column === undefined ? [line] : [line, column], line, pupilId, source: this.source };
  }

  header(record: CsvRecord): Layout {
    const index = new Map<string, number>();
    const reasons: [string, number][] = [];
    const known = new Set(REQUIRED);
    for (const [position, name] of record.fields.entries()) {
      if (index.has(name)) {
        this.issues.push(
          censusIssue(
            'malformed_input',
            'error',
            `The header (line ${record.line}) names the column ${excerpt(name)} twice.`,
            this.at(record.line, name),
            { field: name, expected: 'each column named once', received: shortText(name) }
          )
        );
        continue;
      }
      index.set(name, position);
      const reason = REASON_OF_COLUMN.get(name);
      if (reason !== undefined) reasons.push([reason, position]);
      else if (name.startsWith(CENSUS_REASON_PREFIX)) {
        const code = name.slice(CENSUS_REASON_PREFIX.length);
        this.issues.push(
          reasonIssue(
            code,
            {
              ...this.at(record.line, name),
              pupilId: '(header)',
              kind: 'termly',
              names: CENSUS_TOTAL_COLUMNS,
            },
            name
          )
        );
      } else if (!known.has(name)) {
        this.issues.push(
          censusIssue(
            'malformed_input',
            'warning',
            `The column ${excerpt(name)} (line ${record.line}) is not part of a census attendance file and was ignored.`,
            this.at(record.line, name),
            { field: name, expected: 'a census attendance column', received: shortText(name) }
          )
        );
      }
    }
    for (const column of REQUIRED) {
      if (index.has(column)) continue;
      this.issues.push(
        censusIssue(
          'missing_column',
          'error',
          `The header (line ${record.line}) has no "${column}" column.`,
          this.at(record.line, column),
          { field: column, expected: `a "${column}" column`, received: shortText(record.fields.join(',')) }
        )
      );
    }
    // Reasons are kept in the census order whatever order the columns come in.
    reasons.sort(
      ([left], [right]) => CENSUS_ABSENCE_REASONS.indexOf(left) - CENSUS_ABSENCE_REASONS.indexOf(right)
    );
    return { index, reasons };
  }

  row(row: CsvRecord, layout: Layout, width: number): void {
    const { fields, line } = row;
    if (fields.length !== width) {
      this.issues.push(
        censusIssue(
          'malformed_input',
          'error',
          `Line ${line} has ${fields.length} fields but the header has ${width}.`,
          this.at(line),
          { expected: `${width} fields`, received: `${fields.length} fields` }
        )
      );
      return;
    }
    const cell = (column: string): string | undefined => {
      const position = layout.index.get(column);
      return position === undefined ? undefined : fields[position];
    };
    const errorsBefore = this.errorCount();
    const pupilId = fromSpreadsheetSafe(cell(CENSUS_PUPIL_ID_COLUMN) ?? '');
    if (pupilId === '' && layout.index.has(CENSUS_PUPIL_ID_COLUMN)) {
      this.issues.push(
        censusIssue(
          'invalid_value',
          'error',
          `Line ${line} has no pupil id.`,
          this.at(line, CENSUS_PUPIL_ID_COLUMN),
          {
            field: CENSUS_PUPIL_ID_COLUMN,
            expected: 'a pupil id',
            received: '',
          }
        )
      );
    }
    const periodText = cell(CENSUS_PERIOD_COLUMN);
    const kind =
      periodText !== undefined && PERIOD_KINDS.has(periodText.trim()) ? periodText.trim() : undefined;
    if (periodText !== undefined && kind === undefined) {
      this.issues.push(
        censusIssue(
          'invalid_value',
          'error',
          `The period of pupil ${shortText(pupilId)} (line ${line}) is ${excerpt(periodText)}, not termly, summerHalfTerm2 or annual.`,
          this.at(line, CENSUS_PERIOD_COLUMN, pupilId),
          {
            field: CENSUS_PERIOD_COLUMN,
            expected: 'termly, summerHalfTerm2 or annual',
            received: shortText(periodText),
          }
        )
      );
    }
    const whole = (column: string, text: string | undefined, emptyIsZero: boolean): number | undefined => {
      if (text === undefined) return undefined;
      if (emptyIsZero && text.trim() === '') return 0;
      const value = parseWholeNumber(text);
      if (value === undefined) {
        this.issues.push(
          censusIssue(
            'invalid_value',
            'error',
            `The ${column} of pupil ${shortText(pupilId)} (line ${line}) must be a whole number of sessions; received ${excerpt(text)}.`,
            this.at(line, column, pupilId),
            { field: column, expected: 'a whole number, 0 or more', received: shortText(text) }
          )
        );
      }
      return value;
    };
    const sessionsPossible = whole(CENSUS_TOTAL_COLUMNS.possible, cell(CENSUS_TOTAL_COLUMNS.possible), false);
    const sessionsAuthorised = whole(
      CENSUS_TOTAL_COLUMNS.authorised,
      cell(CENSUS_TOTAL_COLUMNS.authorised),
      false
    );
    const sessionsUnauthorised = whole(
      CENSUS_TOTAL_COLUMNS.unauthorised,
      cell(CENSUS_TOTAL_COLUMNS.unauthorised),
      false
    );
    const sessionDetails: { reason: string; absenceSessions: number }[] = [];
    for (const [reason, position] of layout.reasons) {
      const absenceSessions = whole(`${CENSUS_REASON_PREFIX}${reason}`, fields[position], true);
      if (absenceSessions !== undefined && absenceSessions > 0)
        sessionDetails.push({ reason, absenceSessions });
    }
    if (
      this.errorCount() > errorsBefore ||
      kind === undefined ||
      pupilId === '' ||
      sessionsPossible === undefined ||
      sessionsAuthorised === undefined ||
      sessionsUnauthorised === undefined
    ) {
      return;
    }
    const periodKind = kind as CensusPeriodKind;
    const record: CensusAttendance = {
      sessionsPossible,
      sessionDetails,
      sessionsAuthorised,
      sessionsUnauthorised,
    };
    let pupil = this.pupils.get(pupilId);
    if (pupil === undefined) {
      pupil = { pupilId };
      this.pupils.set(pupilId, pupil);
    } else if (pupil[periodKind] !== undefined) {
      this.issues.push(
        censusIssue(
          'invalid_value',
          'error',
          `Pupil ${shortText(pupilId)} has a second ${periodKind} row (line ${line}).`,
          this.at(line, CENSUS_PERIOD_COLUMN, pupilId),
          { field: CENSUS_PERIOD_COLUMN, expected: `one ${periodKind} row per pupil`, received: periodKind }
        )
      );
      return;
    }
    this.issues.push(
      ...censusRecordIssues(record, {
        ...this.at(line, undefined, pupilId),
        pupilId,
        kind: periodKind,
        names: CENSUS_TOTAL_COLUMNS,
      })
    );
    pupil[periodKind] = record;
  }

  result(): CensusPupilAttendance[] {
    // Records are keyed by period; rebuild each pupil with its periods in file-layout order.
    return [...this.pupils.values()].map((pupil) => {
      const ordered: MutablePupil = { pupilId: pupil.pupilId };
      for (const [kind] of CENSUS_PERIOD_ELEMENTS) {
        const record = pupil[kind];
        if (record !== undefined) ordered[kind] = record;
      }
      return ordered;
    });
  }

  private errorCount(): number {
    let count = 0;
    for (const issue of this.issues) if (issue.severity === 'error') count += 1;
    return count;
  }
}

/**
 * Reads a census attendance CSV (as {@link toCensusAttendanceCsv} writes it) back into records, without
 * throwing: the pupils, or an error listing every problem with its line and column.
 *
 * @remarks
 * Needs the columns `pupil_id`, `period`, `sessions_possible`, `sessions_authorised` and
 * `sessions_unauthorised`; the `reason_<code>` columns may be any of {@link CENSUS_ABSENCE_REASONS}, in any
 * order (an empty reason cell is 0). A bad whole number, an unknown period or reason column, a second row for
 * the same pupil and period, or more absence than possible sessions is an error; reasons that do not sum to
 * their totals are `totals_mismatch` warnings; columns the layout does not define are ignored with a warning.
 * Pupils come in the order of their first row, each record's reasons in {@link CENSUS_ABSENCE_REASONS} order
 * with zero reasons left out. A byte-order mark and blank lines (also lines of white space or bare commas) are
 * skipped; a file with no header line is one `missing_column` error at line 1. It never throws: a line longer
 * than `maxLineBytes` (1 MiB by default, in UTF-8 bytes) is one `too_long` error at its line, and text holding
 * an unpaired surrogate (which no UTF-8 file can hold) one `encoding` error at its line, the lines after either
 * left unread; messages quote at most about 80 characters of any cell. One leading single quote is taken off a pupil id when a `=`, `+`, `-`, `@`, tab,
 * carriage return or another quote follows it: the quote {@link toCensusAttendanceCsv} puts there so that a
 * spreadsheet does not run the id as a formula.
 *
 * @param text - The CSV text.
 * @param options - The file name for issues, and the line limit.
 * @returns `{ success: true, data }` with the pupils and warnings, or `{ success: false, error }`.
 * @example
 * const result = safeParseCensusAttendanceCsv('pupil_id,period,sessions_possible\nP1,termly,x\n');
 * result.success //=> false
 * @category Export
 */
export function safeParseCensusAttendanceCsv(
  text: string,
  options: ParseExportOptions = {}
): SafeResult<CensusAttendanceImport> {
  const optionIssues: AttendanceIssue[] = [];
  const { source, maxLineBytes } = readSettings(options, optionIssues);
  if (typeof text !== 'string')
    return resultOf([...optionIssues, notTextIssue(text, source)], () => ({ pupils: [], warnings: [] }));
  const reader = new CensusCsvReader(source);
  reader.issues.push(...optionIssues);
  const [header, ...rows] = readCsv(text, reader.issues, source, maxLineBytes);
  if (header === undefined) {
    if (!reader.issues.some((issue) => issue.line !== undefined)) {
      const nothing = text === '' || text === '\uFEFF';
      reader.issues.push({
        code: 'missing_column',
        severity: 'error',
        message: `Line 1${source === undefined ? '' : ` of ${source}`}: the file ${nothing ? 'is empty' : 'holds only blank lines'}: it has no header line; a census attendance CSV starts with one naming its columns.`,
        path: [1],
        expected: `a header line naming the columns ${REQUIRED.join(', ')}`,
        received: nothing ? 'nothing' : 'only blank lines',
        line: 1,
        ...(source === undefined ? {} : { source }),
      });
    }
  } else {
    const layout = reader.header(header);
    for (const record of rows) reader.row(record, layout, header.fields.length);
  }
  const pupils = reader.result();
  return resultOf(reader.issues, (warnings) => ({ pupils, warnings }));
}
