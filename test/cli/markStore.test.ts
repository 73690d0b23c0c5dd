import { describe, expect, test } from 'vitest';
import { isoDate } from '../../src/calendar/isoDate.js';
import type { ImportedMark } from '../../src/io/types.js';
import { MarkStore } from '../../src/cli/load/markStore.js';

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

describe('MarkStore', () => {
  test("gives back each pupil's marks as they were added, in file order, however the pupils interleave", () => {
    const marks = [
      mark('B', '2024-09-04', 'PM', 'L', { minutesLate: 12, line: 2 }),
      mark('A', '2024-09-03', 'AM', '/', { line: 3 }),
      mark('B', '2024-09-03', 'AM', 'C1', { line: 4 }),
      mark('A', '2024-09-03', 'PM', '\\', { minutesLate: 0, line: 5 }),
      mark('C', '2024-09-05', 'AM', '-'),
    ];
    const store = new MarkStore();
    for (const each of marks.slice(0, 3)) store.add(each);
    // Reading in between must not stop later marks from being found.
    expect(store.marksOf('B')).toHaveLength(2);
    for (const each of marks.slice(3)) store.add(each);
    expect(store.size).toBe(5);
    expect(store.pupilIds).toEqual(['B', 'A', 'C']);
    expect(store.lastDate).toBe('2024-09-05');
    expect(store.marksOf('A')).toEqual([marks[1], marks[3]]);
    expect(store.marksOf('B')).toEqual([marks[0], marks[2]]);
    expect(store.marksOf('C')).toEqual([marks[4]]);
    expect(store.marksOf('nobody')).toEqual([]);
  });

  test('leaves out marks after the as-of date', () => {
    const store = new MarkStore();
    store.add(mark('A', '2024-09-03', 'AM', '/'));
    store.add(mark('A', '2024-09-04', 'AM', 'O'));
    expect(store.marksOf('A', isoDate('2024-09-03')).map((each) => each.date)).toEqual(['2024-09-03']);
  });

  test('grows past its first capacity', () => {
    const store = new MarkStore();
    for (let index = 0; index < 10_000; index += 1)
      store.add(mark(`P${index % 7}`, '2024-09-03', index % 2 === 0 ? 'AM' : 'PM', '/', { line: index + 2 }));
    expect(store.size).toBe(10_000);
    const lines = store.marksOf('P3').map((each) => each.line);
    // Indexes 3, 10, …, 9999: 3 + 7k for k from 0 to 1428.
    expect(lines).toHaveLength(1429);
    expect(lines.slice(0, 3)).toEqual([5, 12, 19]);
  });
});
