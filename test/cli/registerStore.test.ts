import { describe, expect, test } from 'vitest';
import { isoDate } from '../../src/calendar/isoDate.js';
import { defineSchoolCalendar } from '../../src/calendar/defineSchoolCalendar.js';
import type { ImportedMark } from '../../src/io/types.js';
import { RegisterStore } from '../../src/cli/load/registerStore.js';
import exampleCalendar from '../../examples/calendars/example-la-2024-2026.json' with { type: 'json' };

const mark = (
  pupilId: string,
  date: string,
  session: 'AM' | 'PM',
  code: string,
  extra: Partial<ImportedMark> = {}
): ImportedMark => ({
  pupilId,
  date: isoDate(date),
  session,
  code,
  ...extra,
});

describe('RegisterStore', () => {
  test("gives back each pupil's marks in date and session order, with their minutes late, however the rows interleave", () => {
    const store = new RegisterStore();
    store.add(mark('B', '2024-09-04', 'PM', 'L', { minutesLate: 12, line: 2 }));
    store.add(mark('A', '2024-09-03', 'AM', '/', { line: 3 }));
    store.add(mark('B', '2024-09-03', 'AM', 'C1', { line: 4 }));
    store.add(mark('A', '2024-09-03', 'PM', '\\', { minutesLate: 0, line: 5 }));
    store.add(mark('C', '2024-09-05', 'AM', '-'));
    store.finish();
    expect(store.size).toBe(5);
    expect(store.pupilIds).toEqual(['B', 'A', 'C']);
    expect(store.lastDate).toBe('2024-09-05');
    expect(store.marksOf('A')).toEqual([
      mark('A', '2024-09-03', 'AM', '/'),
      mark('A', '2024-09-03', 'PM', '\\', { minutesLate: 0 }),
    ]);
    expect(store.marksOf('B')).toEqual([
      mark('B', '2024-09-03', 'AM', 'C1'),
      mark('B', '2024-09-04', 'PM', 'L', { minutesLate: 12 }),
    ]);
    expect(store.marksOf('C')).toEqual([mark('C', '2024-09-05', 'AM', '-')]);
    expect(store.marksOf('nobody')).toEqual([]);
    // One byte per mark, over each pupil's span of the sessions the file uses.
    expect(store.register.codes.length).toBeLessThanOrEqual(12);
  });

  test('leaves out marks after the as-of date', () => {
    const store = new RegisterStore();
    store.add(mark('A', '2024-09-03', 'AM', '/'));
    store.add(mark('A', '2024-09-04', 'AM', 'O'));
    expect(store.marksOf('A', isoDate('2024-09-03')).map((each) => each.date)).toEqual(['2024-09-03']);
  });

  test('keeps the file line of each mark a check or count may report, and only of those', () => {
    const store = new RegisterStore(defineSchoolCalendar(exampleCalendar));
    store.add(mark('A', '2024-09-03', 'AM', '/', { line: 2 }));
    // A Saturday, a legacy code after the 2024 cut-over, and a planned closure marked as such.
    store.add(mark('A', '2024-09-07', 'AM', 'O', { line: 3 }));
    store.add(mark('A', '2024-09-04', 'AM', 'F', { line: 4 }));
    store.add(mark('A', '2024-09-08', 'AM', '#', { line: 5 }));
    expect(store.marksOf('A').map((each) => [each.date, each.line])).toEqual([
      ['2024-09-03', undefined],
      ['2024-09-04', 4],
      ['2024-09-07', 3],
      ['2024-09-08', undefined],
    ]);
  });

  test('grows past its first capacity, for pupils and for a long register', () => {
    const store = new RegisterStore();
    for (let pupil = 0; pupil < 3000; pupil += 1) {
      for (let day = 0; day < 5; day += 1) store.add(mark(`P${pupil}`, `2024-09-0${day + 2}`, 'AM', '/'));
    }
    expect(store.size).toBe(15_000);
    expect(store.marksOf('P2999')).toHaveLength(5);
  });
});
