import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, runInContext } from 'node:vm';
import { describe, expect, inject, test } from 'vitest';
import { classifyAbsence, countSessions, isoDate } from '../../src/index.js';
import type { SessionMark } from '../../src/index.js';
import { snowflakeSql, udfBody } from '../../examples/warehouse-udf/udfSql.js';

// The single-file build in engines that have nothing of Node: a `node:vm` context holding no globals at all, as
// a sandbox, an edge runtime or a warehouse's JavaScript UDF is.

const library = readFileSync(join(inject('packageDist'), 'school-attendance.udf.js'), 'utf8');

/** A context with nothing in it, the library loaded as a classic script. */
function emptyEngine(): object {
  const context = createContext({});
  runInContext(library, context, { filename: 'school-attendance.udf.js' });
  return context;
}

// The README's quick start: one pupil's week, with the figures the guidance gives for it.
const QUICK_START_MARKS = [
  ['2024-09-09', 'AM', '/'],
  ['2024-09-09', 'PM', '\\'],
  ['2024-09-10', 'AM', 'L'],
  ['2024-09-10', 'PM', '\\'],
  ['2024-09-11', 'AM', 'I'],
  ['2024-09-11', 'PM', 'I'],
  ['2024-09-12', 'AM', 'Y4'],
  ['2024-09-12', 'PM', 'Y4'],
  ['2024-09-13', 'AM', '/'],
  ['2024-09-13', 'PM', 'G'],
].map(([date, session, code]) => ({ date, session, code }));

describe('the single-file build in an empty node:vm context', () => {
  test('has no Node globals to lean on, and runs the quick start', () => {
    const context = emptyEngine();
    const script = `
      const marks = ${JSON.stringify(QUICK_START_MARKS)}.map((mark) => ({ ...mark, date: SchoolAttendance.isoDate(mark.date) }));
      const counts = SchoolAttendance.countSessions(marks);
      JSON.stringify({
        globals: [typeof process, typeof require, typeof Buffer, typeof module],
        counts: [counts.possible, counts.present, counts.authorised, counts.unauthorised, counts.notPossible],
        attendance: SchoolAttendance.toPercentage(SchoolAttendance.toAttendanceRate(counts)).text,
        absence: SchoolAttendance.toPercentage(SchoolAttendance.toAbsenceRate(counts)).text,
        absenceClass: SchoolAttendance.classifyAbsence(counts),
        policy: SchoolAttendance.definePolicy({ persistentAbsence: { percent: 15 } }).persistentAbsence.percent,
      });`;
    expect(JSON.parse(runInContext(script, context) as string)).toEqual({
      globals: ['undefined', 'undefined', 'undefined', 'undefined'],
      counts: [8, 5, 2, 1, 2],
      attendance: '62.5',
      absence: '37.5',
      absenceClass: 'persistent',
      policy: 15,
    });
  });

  test('reports bad input with the library’s own error, recognised by isAttendanceError', () => {
    const context = emptyEngine();
    const script = `
      let caught;
      try { SchoolAttendance.countSessions([{ date: '2024-09-09', session: 'AM', code: 'Q9' }]); } catch (error) { caught = error; }
      JSON.stringify([SchoolAttendance.isAttendanceError(caught), caught.issues[0].code]);`;
    expect(JSON.parse(runInContext(script, context) as string)).toEqual([true, 'unknown_code']);
  });
});

describe('the warehouse UDF examples, called as each warehouse calls them', () => {
  const marks: SessionMark[] = QUICK_START_MARKS.map((mark) => ({
    date: isoDate(mark.date!),
    session: mark.session as 'AM' | 'PM',
    code: mark.code!,
  }));
  const counts = countSessions(marks);
  const expected = {
    possible: counts.possible,
    attended: counts.attended,
    authorised: counts.authorised,
    unauthorised: counts.unauthorised,
    attendance_percent: '62.5',
    absence_percent: '37.5',
    absence_class: classifyAbsence(counts),
  };

  test('BigQuery: the library file loaded first, then the body as a function of the SQL arguments', () => {
    const context = emptyEngine();
    const call = `(function (marks) {\n${udfBody('bigquery.sql')}\n})(${JSON.stringify(QUICK_START_MARKS)})`;
    expect(JSON.parse(JSON.stringify(runInContext(call, context)))).toEqual(expected);
  });

  test('Snowflake: the whole script body, library inline, as a function of MARKS', () => {
    const sql = snowflakeSql(library);
    const body = /AS\s*\$\$\n([\s\S]*?)\$\$;/.exec(sql)![1]!;
    expect(body.length).toBeGreaterThan(library.length);
    const context = createContext({});
    const call = `(function (MARKS) {\n${body}\n})(${JSON.stringify(QUICK_START_MARKS)})`;
    expect(JSON.parse(JSON.stringify(runInContext(call, context)))).toEqual(expected);
  });
});
