import { AttendanceError } from '../errors.js';
import { fromZodIssues, ZOD_PARSE_CONTEXT } from '../_internal/fromZodIssues.js';
import { schoolCalendarSchema } from './schema.js';
import type { SchoolCalendar } from './types.js';

/**
 * Validates a school calendar (e.g. parsed from JSON) and fills in its defaults (two sessions a day, no
 * closures).
 *
 * @remarks
 * Checks that every date is a real day, that each school year has its half-terms (six, or the calendar's `halfTermsPerYear`; fewer in a year marked
 * `partial`), that half-terms run in date
 * order without overlapping (within a year and across years), and that each closure is a weekday inside a
 * half-term, listed once, closing sessions the day has. Every problem is reported with its path.
 *
 * @param input - The calendar, e.g. `JSON.parse` of a calendar file.
 * @returns The validated calendar.
 * @throws {@link AttendanceError} Listing every problem with its path.
 * @example
 * const calendar = defineSchoolCalendar({
 *   name: 'Example school',
 *   years: [{ name: '2024/25', halfTerms: [
 *     { name: 'Autumn 1', start: '2024-09-02', end: '2024-10-25' },
 *     { name: 'Autumn 2', start: '2024-11-04', end: '2024-12-20' },
 *     { name: 'Spring 1', start: '2025-01-06', end: '2025-02-14' },
 *     { name: 'Spring 2', start: '2025-02-24', end: '2025-04-04' },
 *     { name: 'Summer 1', start: '2025-04-22', end: '2025-05-23' },
 *     { name: 'Summer 2', start: '2025-06-02', end: '2025-07-22' },
 *   ] }],
 *   closures: [{ date: '2024-09-02', reason: 'inset', label: 'INSET day' }],
 * });
 * calendar.sessionsPerDay //=> 2
 * @category Calendar
 */
export function defineSchoolCalendar(input: unknown): SchoolCalendar {
  const result = schoolCalendarSchema().safeParse(input, ZOD_PARSE_CONTEXT);
  if (result.success) return result.data;
  const [first, ...rest] = fromZodIssues(result.error.issues);
  throw new AttendanceError(
    // Stryker disable next-line ConditionalExpression: zod fails a parse only with an issue, so first is always set
    first === undefined
      ? // Stryker disable next-line all: unreachable for the same reason; kept so the error always has an issue
        [{ code: 'invalid_value', severity: 'error', message: 'Invalid school calendar.', path: [] }]
      : [first, ...rest]
  );
}
