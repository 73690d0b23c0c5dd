import { isoDate } from '../../../src/index.js';
import type { IsoDate, SessionMark } from '../../../src/index.js';

const MS_PER_DAY = 86_400_000;

/** The date `days` after `date` (UTC arithmetic on the calendar date, so no time zone moves it). */
export function addDays(date: string, days: number): IsoDate {
  return isoDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * MS_PER_DAY).toISOString().slice(0, 10));
}

/**
 * One pupil's register over consecutive weekdays from `start`: each code in turn fills the next session
 * (AM then PM), so `codes.length` sessions are marked.
 * @param start - The first date (a weekday).
 * @param codes - The code of each session, in order.
 * @param pupilId - The pupil, when the marks should carry one.
 */
export function registerFrom(start: string, codes: readonly string[], pupilId?: string): SessionMark[] {
  const marks: SessionMark[] = [];
  let date = isoDate(start);
  for (let index = 0; index < codes.length; index += 1) {
    while ([0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay())) date = addDays(date, 1);
    marks.push({
      ...(pupilId === undefined ? {} : { pupilId }),
      date,
      session: index % 2 === 0 ? 'AM' : 'PM',
      code: codes[index]!,
    });
    if (index % 2 === 1) date = addDays(date, 1);
  }
  return marks;
}

/** `count` copies of a code. */
export function times(code: string, count: number): string[] {
  return Array.from({ length: count }, () => code);
}

/**
 * Present marks alternating `/` (morning) and `\` (afternoon), `count` sessions.
 * @param count - The number of sessions.
 */
export function present(count: number): string[] {
  return Array.from({ length: count }, (_, index) => (index % 2 === 0 ? '/' : '\\'));
}
