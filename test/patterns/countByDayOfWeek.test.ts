import { describe, expect, test } from 'vitest';
import {
  AttendanceError,
  countByDayOfWeek,
  countSessions,
  createSessionSlots,
  isoDate,
  toCompactRegister,
} from '../../src/index.js';
import type { SessionMark } from '../../src/index.js';
import { attendanceErrorOf } from '../_support/attendanceErrorOf.js';

// Written from the library's rules: present and approved educational activity are attended; authorised and
// unauthorised absence are absent; possible = attended + absent; not-possible codes and no mark yet count in
// nothing. 9 September 2024 is a Monday; 7 September 2024 a Saturday.

function mark(date: string, session: 'AM' | 'PM', code: string): SessionMark {
  return { date: isoDate(date), session, code };
}

const register: SessionMark[] = [
  mark('2024-09-09', 'AM', 'N'), // Monday
  mark('2024-09-09', 'PM', 'I'),
  mark('2024-09-10', 'AM', '/'), // Tuesday
  mark('2024-09-10', 'PM', 'L'),
  mark('2024-09-11', 'AM', 'Y1'), // Wednesday: not possible
  mark('2024-09-11', 'PM', '-'), // no mark yet
  mark('2024-09-12', 'AM', 'K'), // Thursday: approved educational activity
  mark('2024-09-13', 'PM', 'G'), // Friday
  mark('2024-09-16', 'AM', 'O'), // Monday
  mark('2024-09-16', 'PM', '/'),
];

describe('countByDayOfWeek', () => {
  test('counts possible sessions and absences for each weekday and session', () => {
    const byDay = countByDayOfWeek(register);
    expect(byDay.days.map((day) => day.name)).toEqual([
      'Monday',
      'Tuesday',
      'Wednesday',
      'Thursday',
      'Friday',
    ]);
    expect(byDay.days[0]).toEqual({
      weekday: 1,
      name: 'Monday',
      possible: 4,
      absent: 3,
      authorised: 1,
      unauthorised: 2,
      AM: { possible: 2, absent: 2, authorised: 0, unauthorised: 2 },
      PM: { possible: 2, absent: 1, authorised: 1, unauthorised: 0 },
    });
    expect(byDay.days[1]).toMatchObject({ possible: 2, absent: 0 });
    expect(byDay.days[2]).toMatchObject({ possible: 0, absent: 0 });
    expect(byDay.days[3]).toMatchObject({ possible: 1, absent: 0, AM: { possible: 1 } });
    expect(byDay.days[4]).toMatchObject({ possible: 1, unauthorised: 1, PM: { unauthorised: 1 } });
    expect(byDay.weekend).toEqual({ possible: 0, absent: 0, authorised: 0, unauthorised: 0 });
    expect(byDay.totals).toEqual({ possible: 8, absent: 4, authorised: 1, unauthorised: 3 });
  });

  test('its totals equal countSessions', () => {
    const counts = countSessions(register);
    const { totals } = countByDayOfWeek(register);
    expect(totals).toEqual({
      possible: counts.possible,
      absent: counts.absent,
      authorised: counts.authorised,
      unauthorised: counts.unauthorised,
    });
  });

  test('does not depend on the order of the marks', () => {
    expect(countByDayOfWeek([...register].reverse())).toEqual(countByDayOfWeek(register));
  });

  test('gives identical counts for the compact form', () => {
    const compact = toCompactRegister(register, createSessionSlots(register));
    expect(countByDayOfWeek(compact)).toEqual(countByDayOfWeek(register));
  });

  test('keeps weekend sessions in their own bucket so that nothing is dropped', () => {
    const byDay = countByDayOfWeek([mark('2024-09-07', 'AM', 'N'), mark('2024-09-09', 'AM', '/')]);
    expect(byDay.weekend).toEqual({ possible: 1, absent: 1, authorised: 0, unauthorised: 1 });
    expect(byDay.totals).toEqual({ possible: 2, absent: 1, authorised: 0, unauthorised: 1 });
  });

  test('reads each date against the code set in force on it', () => {
    // H (authorised holiday) is a pre-2024 code: authorised before 19 August 2024. 4 September 2023 is a Monday.
    const byDay = countByDayOfWeek([mark('2023-09-04', 'AM', 'H')]);
    expect(byDay.days[0]).toMatchObject({ possible: 1, authorised: 1 });
  });

  test('an empty register has zero counts', () => {
    expect(countByDayOfWeek([]).totals).toEqual({ possible: 0, absent: 0, authorised: 0, unauthorised: 0 });
  });

  test('throws for unknown codes and repeated sessions, as countSessions does', () => {
    const unknown = attendanceErrorOf(() => countByDayOfWeek([mark('2024-09-09', 'AM', 'Q9')]));
    expect(unknown.issues[0].code).toBe('unknown_code');
    const repeated = attendanceErrorOf(() =>
      countByDayOfWeek([mark('2024-09-09', 'AM', '/'), mark('2024-09-09', 'AM', 'N')])
    );
    expect(repeated).toBeInstanceOf(AttendanceError);
    expect(repeated.issues[0].code).toBe('duplicate_mark');
  });
});
