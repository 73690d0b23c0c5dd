import { readFileSync } from 'node:fs';
import { defineSchoolCalendar } from '../../../src/index.js';
import type { AttendanceIssue, SchoolCalendar } from '../../../src/index.js';

/** The bytes of a fixture file. */
export function fixtureBytes(name: string): Uint8Array {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
}

/** The text of a fixture file (UTF-8). */
export function fixtureText(name: string): string {
  return readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
}

/** The 1-based line of the first occurrence of `needle` in `text`, searching from the first `after`. */
export function lineOf(text: string, needle: string, after = ''): number {
  const start = after === '' ? 0 : text.indexOf(after);
  const index = text.indexOf(needle, Math.max(start, 0));
  if (start < 0 || index < 0) throw new Error(`"${needle}" not found`);
  return text.slice(0, index).split('\n').length;
}

export function errorsOf(issues: readonly AttendanceIssue[]): AttendanceIssue[] {
  return issues.filter((issue) => issue.severity === 'error');
}

export function codesOf(issues: readonly AttendanceIssue[]): string[] {
  return issues.map((issue) => issue.code);
}

/**
 * A school calendar for 2023/24 to 2025/26 written for the tests: the half-terms of an example local authority,
 * with INSET days on Monday 2 September 2024 and Wednesday 3 September 2025 and the early May bank holidays.
 */
export const CALENDAR: SchoolCalendar = defineSchoolCalendar({
  name: 'Test LA 2023–26',
  years: [
    {
      name: '2023/24',
      halfTerms: [
        { name: 'Autumn 1', start: '2023-09-04', end: '2023-10-20' },
        { name: 'Autumn 2', start: '2023-10-30', end: '2023-12-20' },
        { name: 'Spring 1', start: '2024-01-04', end: '2024-02-09' },
        { name: 'Spring 2', start: '2024-02-19', end: '2024-03-28' },
        { name: 'Summer 1', start: '2024-04-15', end: '2024-05-24' },
        { name: 'Summer 2', start: '2024-06-03', end: '2024-07-23' },
      ],
    },
    {
      name: '2024/25',
      halfTerms: [
        { name: 'Autumn 1', start: '2024-09-02', end: '2024-10-25' },
        { name: 'Autumn 2', start: '2024-11-04', end: '2024-12-20' },
        { name: 'Spring 1', start: '2025-01-06', end: '2025-02-14' },
        { name: 'Spring 2', start: '2025-02-24', end: '2025-04-04' },
        { name: 'Summer 1', start: '2025-04-22', end: '2025-05-23' },
        { name: 'Summer 2', start: '2025-06-02', end: '2025-07-22' },
      ],
    },
    {
      name: '2025/26',
      halfTerms: [
        { name: 'Autumn 1', start: '2025-09-03', end: '2025-10-24' },
        { name: 'Autumn 2', start: '2025-11-03', end: '2025-12-19' },
        { name: 'Spring 1', start: '2026-01-05', end: '2026-02-13' },
        { name: 'Spring 2', start: '2026-02-23', end: '2026-03-27' },
        { name: 'Summer 1', start: '2026-04-13', end: '2026-05-22' },
        { name: 'Summer 2', start: '2026-06-01', end: '2026-07-21' },
      ],
    },
  ],
  closures: [
    { date: '2024-05-06', reason: 'bank-holiday', label: 'Early May bank holiday' },
    { date: '2024-09-02', reason: 'inset', label: 'INSET day' },
    { date: '2025-05-05', reason: 'bank-holiday', label: 'Early May bank holiday' },
    { date: '2025-09-03', reason: 'inset', label: 'INSET day' },
  ],
});
