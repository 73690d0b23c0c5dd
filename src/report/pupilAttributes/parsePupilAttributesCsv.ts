import { AttendanceError } from '../../errors.js';
import type { AttendanceIssue } from '../../errors.js';
import { excerpt } from '../../_internal/excerpt.js';
import { readCsv } from '../../io/export/_internal/readCsv.js';
import type { PupilAttributes, PupilAttributesOptions } from './types.js';

/** The column that names the pupil, as the register CSV names it. */
const PUPIL_ID = 'pupil_id';

/**
 * A column with more values than this is not a grouping (a UPN, a date of birth, a name): it gets no weekly
 * trend unless asked for by name. Twenty covers year groups (Reception to Year 13), FSM, SEN and ethnicity's
 * major groups.
 */
export const MOST_GROUP_VALUES = 20;

/**
 * Reads a pupil-attributes CSV: a header with `pupil_id` and any other columns (year group, FSM, SEN…), then one
 * row per pupil. Every problem is found before failing: a missing `pupil_id` column, a row with another number
 * of fields than the header, a pupil with no id or with two rows, a header naming a column twice, or a CSV
 * syntax error; each issue names the file, line and column.
 *
 * @param text - The CSV text.
 * @param options - The file's name, for issues.
 * @returns Each pupil's attributes by id, the attribute columns in file order, and those few-valued enough to
 *   group by: at most {@link MOST_GROUP_VALUES} distinct values, and some value shared by two pupils.
 * @throws {@link "school-attendance"!AttendanceError | AttendanceError} Listing every problem.
 * @example
 * const { attributes, groupColumns } = parsePupilAttributesCsv('pupil_id,year_group,fsm\nP1,7,true\nP2,7,false\n');
 * attributes.get('P1') //=> { year_group: '7', fsm: 'true' }
 * groupColumns //=> ['year_group'] (fsm has a different value for every pupil)
 */
export function parsePupilAttributesCsv(text: string, options: PupilAttributesOptions = {}): PupilAttributes {
  const source = options.source;
  const issues: AttendanceIssue[] = [];
  const at = (
    line: number,
    field: string | undefined
  ): Pick<AttendanceIssue, 'line' | 'source' | 'field'> => ({
    ...(source === undefined ? {} : { source }),
    line,
    ...(field === undefined ? {} : { field }),
  });
  const records = readCsv(text, issues, source);
  const [header, ...rows] = records;
  const named = source === undefined ? 'The pupil-attributes file' : `The pupil-attributes file "${source}"`;
  if (header === undefined) {
    throw new AttendanceError([
      issues[0] ?? {
        code: 'missing_column',
        severity: 'error',
        message: `${named} is empty: it needs a header with ${PUPIL_ID} and a row per pupil.`,
        path: [],
        ...at(1, PUPIL_ID),
        expected: `a header such as ${PUPIL_ID},year_group,fsm,sen`,
        received: 'an empty file',
      },
    ]);
  }
  const columns = header.fields.map((field) => field.trim());
  const idColumn = columns.findIndex((column) => column.toLowerCase() === PUPIL_ID);
  if (idColumn < 0) {
    issues.push({
      code: 'missing_column',
      severity: 'error',
      message: `${named} has no ${PUPIL_ID} column: its header is ${excerpt(columns.join(','))}.`,
      path: [0],
      ...at(header.line, PUPIL_ID),
      expected: `a header with a ${PUPIL_ID} column`,
      received: excerpt(columns.join(',')),
    });
  }
  columns.forEach((column, index) => {
    if (column === '' || columns.indexOf(column) !== index) {
      issues.push({
        code: 'invalid_value',
        severity: 'error',
        message: `${named} names ${column === '' ? 'a column with no name' : `the column ${excerpt(column)} twice`} in its header (column ${index + 1}).`,
        path: [0, index],
        ...at(header.line, column),
        expected: 'a distinct name for every column',
        received: excerpt(column),
      });
    }
  });
  const attributeColumns = columns.filter((_, index) => index !== idColumn);
  const attributes = new Map<string, Readonly<Record<string, string>>>();
  const lineOf = new Map<string, number>();
  if (idColumn >= 0) {
    rows.forEach((row, rowIndex) => {
      if (row.fields.length !== columns.length) {
        issues.push({
          code: 'malformed_input',
          severity: 'error',
          message: `${named}, line ${row.line}: the row has ${row.fields.length} fields where the header has ${columns.length}.`,
          path: [rowIndex + 1],
          ...at(row.line, undefined),
          expected: `${columns.length} fields`,
          received: `${row.fields.length} fields`,
        });
        return;
      }
      const pupilId = row.fields[idColumn]!.trim();
      const earlier = lineOf.get(pupilId);
      if (pupilId === '' || earlier !== undefined) {
        issues.push({
          code: 'invalid_value',
          severity: 'error',
          message:
            pupilId === ''
              ? `${named}, line ${row.line}: the row has no ${PUPIL_ID}.`
              : `${named}, line ${row.line}: pupil ${excerpt(pupilId)} already has a row, on line ${earlier}.`,
          path: [rowIndex + 1, PUPIL_ID],
          ...at(row.line, PUPIL_ID),
          ...(pupilId === '' ? {} : { pupilId }),
          expected: 'one row per pupil, each with an id',
          received: pupilId === '' ? 'an empty id' : excerpt(pupilId),
        });
        return;
      }
      lineOf.set(pupilId, row.line);
      const values: Record<string, string> = {};
      columns.forEach((column, index) => {
        if (index !== idColumn) values[column] = row.fields[index]!.trim();
      });
      attributes.set(pupilId, values);
    });
  }
  const [first, ...rest] = issues;
  if (first !== undefined) throw new AttendanceError([first, ...rest]);
  const groupColumns = attributeColumns.filter((column) => {
    const values = new Set<string>();
    let given = 0;
    for (const row of attributes.values()) {
      const value = row[column] ?? '';
      if (value === '') continue;
      given += 1;
      values.add(value);
      if (values.size > MOST_GROUP_VALUES) return false;
    }
    // A column whose every value is a different pupil's (a UPN in a small file) identifies, it does not group.
    return values.size > 0 && values.size < given;
  });
  return { attributes, columns: attributeColumns, groupColumns };
}
