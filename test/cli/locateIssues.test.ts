import { describe, expect, test } from 'vitest';
import { checkMarksAgainstCalendar } from '../../src/calendar/checkMarksAgainstCalendar.js';
import { defineSchoolCalendar } from '../../src/calendar/defineSchoolCalendar.js';
import { isoDate } from '../../src/calendar/isoDate.js';
import { locateIssues } from '../../src/cli/load/locateIssues.js';
import { AttendanceError } from '../../src/errors.js';
import type { ImportedMark } from '../../src/io/types.js';
import { countSessions } from '../../src/sessions/countSessions.js';
import { fixture } from './_support/memoryIo.js';

const calendar = defineSchoolCalendar(JSON.parse(fixture('calendar-2024-25.json')) as unknown);

// One pupil's marks as an importer gives them: each knows its file line, and the list index is not the line.
const MARKS: readonly ImportedMark[] = [
  { pupilId: 'P1', date: isoDate('2024-09-06'), session: 'AM', code: '/', line: 40 },
  { pupilId: 'P1', date: isoDate('2024-09-07'), session: 'AM', code: 'O', line: 57 },
  { pupilId: 'P1', date: isoDate('2024-09-06'), session: 'AM', code: 'N', line: 61 },
];

describe('locateIssues', () => {
  test('names the file line of a mark on a closed session, never its index among the pupil’s marks', () => {
    const [issue] = locateIssues(checkMarksAgainstCalendar(MARKS, calendar), 'export.csv', MARKS);
    expect(issue).toMatchObject({
      code: 'mark_on_closed_session',
      source: 'export.csv',
      line: 57,
      path: ['date'],
      message: 'Line 57 of export.csv (pupil P1, 2024-09-07 AM): the mark "O" falls on a weekend.',
    });
  });

  test('names both file lines of two marks for one session', () => {
    let issues: readonly AttendanceError['issues'][number][] = [];
    try {
      countSessions(MARKS);
    } catch (error) {
      if (!(error instanceof AttendanceError)) throw error;
      issues = error.issues;
    }
    const duplicate = locateIssues(issues, 'export.csv', MARKS).find(
      (issue) => issue.code === 'duplicate_mark'
    );
    expect(duplicate?.line).toBe(61);
    expect(duplicate?.message).toMatch(/^Line 61 of export\.csv \(pupil P1, 2024-09-06 AM\): /);
    expect(duplicate?.message).toContain('lines 40 ("/") and 61 ("N")');
    expect(duplicate?.message).not.toMatch(/\bmarks? [0-2]\b/);
  });

  test('leaves issues that are not about a mark as they are, adding only the file', () => {
    const issue = {
      code: 'invalid_value' as const,
      severity: 'error' as const,
      message: 'Mark 3 of the policy is wrong.',
      path: ['bands', 3],
    };
    expect(locateIssues([issue], 'policy.json')).toEqual([{ ...issue, source: 'policy.json' }]);
  });
});
