import * as z from 'zod/mini';
import { isoWeekdayOf } from '../_internal/dates.js';
import { lazy } from '../_internal/lazy.js';
import { describeValue } from '../sessions/checkMarks.js';
import type { IsoDate, SchoolCalendar } from './types.js';

/** Half-terms in a school year unless the calendar says otherwise. */
const HALF_TERMS_IN_A_YEAR = 6;
/** The most half-terms a year may be divided into. */
const MOST_HALF_TERMS = 12;

/**
 * A school calendar: shape first, then order, overlaps and closures checked against the half-terms. Built on
 * first use (see {@link lazy}), so that importing this module builds nothing.
 */
export const schoolCalendarSchema = /* @__PURE__ */ lazy(() => {
  // Checked real days, typed as IsoDate from here on.
  const isoDate = z.pipe(
    z.iso.date(),
    z.transform((value: string) => value as IsoDate)
  );
  const halfTerm = z.strictObject({
    name: z.string().check(z.minLength(1)),
    start: isoDate,
    end: isoDate,
    term: z.exactOptional(z.enum(['autumn', 'spring', 'summer'])),
  });
  const schoolYear = z.strictObject({
    name: z.string().check(z.minLength(1)),
    halfTerms: z.array(halfTerm).check(z.minLength(1), z.maxLength(MOST_HALF_TERMS)),
    partial: z.exactOptional(z.boolean()),
  });
  const closure = z.strictObject({
    date: isoDate,
    sessions: z.exactOptional(z.array(z.enum(['AM', 'PM'])).check(z.minLength(1), z.maxLength(2))),
    reason: z.enum(['inset', 'bank-holiday', 'planned', 'other']),
    label: z.exactOptional(z.string().check(z.minLength(1))),
  });
  return z
    .strictObject({
      name: z.string().check(z.minLength(1)),
      sessionsPerDay: z._default(z.union([z.literal(1), z.literal(2)]), 2),
      halfTermsPerYear: z.exactOptional(z.int().check(z.minimum(1), z.maximum(MOST_HALF_TERMS))),
      years: z.array(schoolYear).check(z.minLength(1)),
      closures: z._default(z.array(closure), []),
    })
    .check(
      z.superRefine((calendar, context) => {
        const perYear = calendar.halfTermsPerYear ?? HALF_TERMS_IN_A_YEAR;
        calendar.years.forEach((year, yearIndex) => {
          const count = year.halfTerms.length;
          if (year.partial === true ? count > perYear : count !== perYear) {
            context.addIssue({
              code: 'custom',
              path: ['years', yearIndex, 'halfTerms'],
              message:
                year.partial === true
                  ? `School year "${describeValue(year.name)}" has ${count} half-terms, more than the ${perYear} of a full year.`
                  : `School year "${describeValue(year.name)}" has ${count} half-terms; a year has ${perYear} half-terms${perYear === HALF_TERMS_IN_A_YEAR ? '' : ' (halfTermsPerYear)'}. Set halfTermsPerYear for a year divided otherwise, or mark a year the calendar holds only part of "partial": true.`,
              params: {
                code: 'invalid_value',
                expected: year.partial === true ? `at most ${perYear} half-terms` : `${perYear} half-terms`,
              },
              input: year.halfTerms,
            });
          }
        });
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
              message: `Half-term "${describeValue(halfTerm.name)}" ends (${describeValue(halfTerm.end)}) before it starts (${describeValue(halfTerm.start)}).`,
              params: {
                code: 'invalid_value',
                expected: `a date on or after ${describeValue(halfTerm.start)}`,
              },
              input: halfTerm.end,
            });
          }
          const previous = halfTerms[index - 1];
          if (previous !== undefined && halfTerm.start <= previous.end) {
            context.addIssue({
              code: 'custom',
              path: [...halfTerm.path, 'start'],
              message: `Half-term "${describeValue(halfTerm.name)}" starts (${describeValue(halfTerm.start)}) before "${describeValue(previous.name)}" ends (${describeValue(previous.end)}).`,
              params: { code: 'calendar_overlap', expected: `a date after ${describeValue(previous.end)}` },
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
              message: `Closure ${describeValue(closure.date)} is listed twice.`,
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
              message: `Closure ${describeValue(closure.date)} is not a weekday inside a half-term, so there is nothing to close.`,
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
              message: `Closure ${describeValue(closure.date)} lists sessions the day does not have, or one twice.`,
              params: {
                code: 'invalid_value',
                expected: calendar.sessionsPerDay === 1 ? '["AM"]' : 'AM, PM or both, once each',
              },
              input: sessions,
            });
          }
        });
      })
    ) satisfies z.ZodMiniType<SchoolCalendar>;
});
