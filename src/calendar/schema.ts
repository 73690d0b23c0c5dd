import { z } from 'zod';
import { isoWeekdayOf } from '../_internal/dates.js';
import type { IsoDate, SchoolCalendar } from './types.js';

// Checked real days, typed as IsoDate from here on.
const IsoDateSchema = z.iso.date().transform((value) => value as IsoDate);
const SessionSchema = z.enum(['AM', 'PM']);
const HALF_TERMS_IN_A_YEAR = 6;

const HalfTermSchema = z.strictObject({ name: z.string().min(1), start: IsoDateSchema, end: IsoDateSchema });

const SchoolYearSchema = z.strictObject({
  name: z.string().min(1),
  halfTerms: z.array(HalfTermSchema).length(HALF_TERMS_IN_A_YEAR, {
    message: `A school year has ${HALF_TERMS_IN_A_YEAR} half-terms.`,
  }),
});

const ClosureSchema = z.strictObject({
  date: IsoDateSchema,
  sessions: z.array(SessionSchema).min(1).max(2).exactOptional(),
  reason: z.enum(['inset', 'bank-holiday', 'planned', 'other']),
  label: z.string().min(1).exactOptional(),
});

/** A school calendar: shape first, then order, overlaps and closures checked against the half-terms. */
export const SchoolCalendarSchema = z
  .strictObject({
    name: z.string().min(1),
    sessionsPerDay: z.union([z.literal(1), z.literal(2)]).default(2),
    years: z.array(SchoolYearSchema).min(1),
    closures: z.array(ClosureSchema).default([]),
  })
  .superRefine((calendar, context) => {
    const halfTerms = calendar.years.flatMap((year, yearIndex) =>
      year.halfTerms.map((halfTerm, halfTermIndex) => ({
        ...halfTerm,
        path: ['years', yearIndex, 'halfTerms', halfTermIndex],
      }))
    );
    halfTerms.forEach((halfTerm, index) => {
      if (halfTerm.end < halfTerm.start) {
        context.addIssue({
          code: 'custom',
          path: [...halfTerm.path, 'end'],
          message: `Half-term "${halfTerm.name}" ends (${halfTerm.end}) before it starts (${halfTerm.start}).`,
          params: { code: 'invalid_value', expected: `a date on or after ${halfTerm.start}` },
          input: halfTerm.end,
        });
      }
      const previous = halfTerms[index - 1];
      if (previous !== undefined && halfTerm.start <= previous.end) {
        context.addIssue({
          code: 'custom',
          path: [...halfTerm.path, 'start'],
          message: `Half-term "${halfTerm.name}" starts (${halfTerm.start}) before "${previous.name}" ends (${previous.end}).`,
          params: { code: 'calendar_overlap', expected: `a date after ${previous.end}` },
          input: halfTerm.start,
        });
      }
    });
    const seen = new Set<string>();
    calendar.closures.forEach((closure, index) => {
      const path = ['closures', index];
      if (seen.has(closure.date)) {
        context.addIssue({
          code: 'custom',
          path: [...path, 'date'],
          message: `Closure ${closure.date} is listed twice.`,
          params: { code: 'calendar_overlap', expected: 'one entry per closed date' },
          input: closure.date,
        });
      }
      seen.add(closure.date);
      const inside = halfTerms.some(
        (halfTerm) => halfTerm.start <= closure.date && closure.date <= halfTerm.end
      );
      if (!inside || isoWeekdayOf(closure.date) > 5) {
        context.addIssue({
          code: 'custom',
          path: [...path, 'date'],
          message: `Closure ${closure.date} is not a weekday inside a half-term, so there is nothing to close.`,
          params: { code: 'outside_calendar', expected: 'a weekday inside a half-term' },
          input: closure.date,
        });
      }
      const sessions = closure.sessions ?? [];
      if (
        new Set(sessions).size !== sessions.length ||
        (calendar.sessionsPerDay === 1 && sessions.includes('PM'))
      ) {
        context.addIssue({
          code: 'custom',
          path: [...path, 'sessions'],
          message: `Closure ${closure.date} lists sessions the day does not have, or one twice.`,
          params: {
            code: 'invalid_value',
            expected: calendar.sessionsPerDay === 1 ? '["AM"]' : 'AM, PM or both, once each',
          },
          input: sessions,
        });
      }
    });
  }) satisfies z.ZodType<SchoolCalendar>;
