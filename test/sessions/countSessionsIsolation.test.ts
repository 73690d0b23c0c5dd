import { expect, test } from 'vitest';
import {
  countSessions,
  createSessionSlots,
  isoDate,
  safeCountSessions,
  toCompactRegister,
} from '../../src/index.js';
import type { SessionMark } from '../../src/index.js';

// Counting reuses internal working memory for speed; these tests pin that one count never leaks into the next.

const monday = isoDate('2024-09-02');
const tuesday = isoDate('2024-09-03');

const allPresent: SessionMark[] = [
  { date: monday, session: 'AM', code: '/' },
  { date: monday, session: 'PM', code: '\\' },
];
const allAbsent: SessionMark[] = [
  { date: tuesday, session: 'AM', code: 'I' },
  { date: tuesday, session: 'PM', code: 'O' },
];

test('counting one register after another gives each its own counts', () => {
  const first = countSessions(allPresent);
  const second = countSessions(allAbsent);
  expect(first.present).toBe(2);
  expect(first.absent).toBe(0);
  expect(second.present).toBe(0);
  expect(second.absent).toBe(2);
  expect(countSessions(allPresent)).toEqual(first);
});

test('a count that fails part-way leaves nothing behind for the next count', () => {
  const broken: SessionMark[] = [...allAbsent, { date: tuesday, session: 'PM', code: 'Q9' }];
  expect(safeCountSessions(broken).success).toBe(false);
  const after = countSessions(allPresent);
  expect(after.possible).toBe(2);
  expect(after.absent).toBe(0);
  expect(after.byCode.I).toBe(0);
});

test('results returned earlier are not changed by later counts', () => {
  const slots = createSessionSlots([...allPresent, ...allAbsent]);
  const first = countSessions(toCompactRegister(allPresent, slots));
  const snapshot = JSON.stringify(first);
  countSessions(toCompactRegister(allAbsent, slots));
  expect(JSON.stringify(first)).toBe(snapshot);
});
