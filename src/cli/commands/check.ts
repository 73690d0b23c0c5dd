import { checkMarksAgainstCalendar } from '../../calendar/checkMarksAgainstCalendar.js';
import type { SchoolCalendar } from '../../calendar/types.js';
import { AttendanceError } from '../../errors.js';
import type { AttendanceIssue } from '../../errors.js';
import { countSessions } from '../../sessions/countSessions.js';
import type { LoadedRegister } from '../load/loadRegister.js';
import { locateIssues } from '../load/locateIssues.js';
import { applyLimit, omittedLines } from '../output/applyLimit.js';
import { formatLocation } from '../output/formatIssue.js';
import { formatTable } from '../output/formatTable.js';
import { presentIssue } from '../output/presentIssue.js';
import { plural } from '../output/plural.js';
import type { CommandReport } from '../types.js';

/** What `check` looks at: the registers as read, and the calendar and policy files with their problems. */
export interface CheckInput {
  /** Each register file, read tolerantly. */
  readonly registers: readonly LoadedRegister[];
  /** The calendar, when one was given and is valid (marks are then checked against it). */
  readonly calendar?: SchoolCalendar;
  /** Problems found in the calendar and policy files. */
  readonly settingsIssues: readonly AttendanceIssue[];
  /** The `--limit` option. */
  readonly limit?: number;
}

/** `check`'s report, and whether any problem is an error. */
export interface CheckReport extends CommandReport {
  /** The number of errors (the exit code is 2 when there are any). */
  readonly errors: number;
}

// Problems that only show when a pupil's marks are taken together: two marks for one session, codes of the
// other code set; and, with a calendar, marks on days the school is closed.
function registerIssues(register: LoadedRegister, calendar: SchoolCalendar | undefined): AttendanceIssue[] {
  const issues: AttendanceIssue[] = [];
  register.marks.pupilIds.forEach((pupilId, pupil) => {
    const marks = register.marks.marksOfIndex(pupil);
    try {
      issues.push(...locateIssues(countSessions(marks).warnings, register.source, marks));
    } catch (error) {
      if (!(error instanceof AttendanceError)) throw error;
      issues.push(
        ...locateIssues(error.issues, register.source, marks).map((issue) => ({
          ...issue,
          pupilId: issue.pupilId ?? pupilId,
        }))
      );
    }
    if (calendar !== undefined) {
      issues.push(...locateIssues(checkMarksAgainstCalendar(marks, calendar), register.source, marks));
    }
  });
  return issues;
}

function byLine(left: AttendanceIssue, right: AttendanceIssue): number {
  return (left.line ?? Number.MAX_SAFE_INTEGER) - (right.line ?? Number.MAX_SAFE_INTEGER);
}

/**
 * `check`: validates register files (and the calendar and policy files given with them) and lists every
 * problem with its file, line, pupil, date, session and field, what was expected and what was found, with a
 * summary of the rows read, used and rejected. Two marks for one session and, with a calendar, marks on closed
 * days are found as well as problems within single rows.
 *
 * @param input - The registers, calendar and settings problems.
 * @returns The report and the number of errors.
 * @example
 * const { errors } = checkCommand({ registers: [register], settingsIssues: [] });
 * errors //=> 0 for a clean file
 */
export function checkCommand(input: CheckInput): CheckReport {
  const files = input.registers.map((register) => {
    const issues = [...register.issues, ...registerIssues(register, input.calendar).map(presentIssue)].sort(
      byLine
    );
    return {
      register,
      issues,
      errors: issues.filter((issue) => issue.severity === 'error').length,
      warnings: issues.filter((issue) => issue.severity === 'warning').length,
    };
  });
  const issues = [...files.flatMap((file) => file.issues), ...input.settingsIssues.map(presentIssue)];
  const errors = issues.filter((issue) => issue.severity === 'error').length;
  const warnings = issues.length - errors;
  const { shown, omitted } = applyLimit(issues, input.limit);

  const fileLines = files.map(
    ({ register, errors: fileErrors, warnings: fileWarnings }) =>
      `${register.source} (${register.format}): ${plural(register.rowsRead, 'row')} read, ${register.rowsUsed} used, ${register.rowsRejected} rejected; ${plural(fileErrors, 'error')}, ${plural(fileWarnings, 'warning')}.`
  );
  const table = formatTable(
    [
      { heading: 'Location' },
      { heading: 'Severity' },
      { heading: 'Problem' },
      { heading: 'Pupil' },
      { heading: 'Date' },
      { heading: 'Session' },
      { heading: 'Field' },
      { heading: 'Expected', sentences: true },
      { heading: 'Received' },
      { heading: 'Message', sentences: true },
    ],
    shown.map((issue) => [
      formatLocation(issue),
      issue.severity,
      issue.code,
      issue.pupilId ?? '',
      issue.date ?? '',
      issue.session ?? '',
      issue.field ?? '',
      issue.expected ?? '',
      issue.received ?? '',
      issue.message,
    ])
  );
  const text = [
    ...fileLines,
    ...(input.settingsIssues.length === 0
      ? []
      : [`Calendar and policy files: ${plural(input.settingsIssues.length, 'problem')}.`]),
    '',
    issues.length === 0
      ? 'No problems found.'
      : `${plural(errors, 'error')} and ${plural(warnings, 'warning')}${errors === 0 ? '' : `: fix the ${errors === 1 ? 'error' : 'errors'} before the file can be used`}.`,
    ...(issues.length === 0 ? [] : ['', ...table, ...omittedLines(omitted, 'problem')]),
  ];

  const json = {
    command: 'check',
    valid: errors === 0,
    errorCount: errors,
    warningCount: warnings,
    files: files.map(({ register, errors: fileErrors, warnings: fileWarnings }) => ({
      source: register.source,
      format: register.format,
      rowsRead: register.rowsRead,
      rowsUsed: register.rowsUsed,
      rowsRejected: register.rowsRejected,
      errors: fileErrors,
      warnings: fileWarnings,
    })),
    issues: shown.map((issue) => ({
      severity: issue.severity,
      code: issue.code,
      source: issue.source ?? null,
      line: issue.line ?? null,
      pupilId: issue.pupilId ?? null,
      date: issue.date ?? null,
      session: issue.session ?? null,
      field: issue.field ?? null,
      expected: issue.expected ?? null,
      received: issue.received ?? null,
      message: issue.message,
      path: issue.path,
    })),
  };

  const csv = {
    header: [
      'source',
      'line',
      'severity',
      'code',
      'pupil_id',
      'date',
      'session',
      'field',
      'expected',
      'received',
      'message',
    ],
    rows: shown.map((issue) => [
      issue.source,
      issue.line,
      issue.severity,
      issue.code,
      issue.pupilId,
      issue.date,
      issue.session,
      issue.field,
      issue.expected,
      issue.received,
      issue.message,
    ]),
  };

  return { text, json, csv, findings: { issues: issues.length }, warnings: [], errors };
}
