// Registers for the command-line tests, built from plans whose counts can be worked out by hand. School days
// are enumerated here independently of the library: weekdays inside the half-terms of the test calendar
// (test/cli/fixtures/calendar-2024-25.json), except its one closure, the INSET day of 2 September 2024.

export type Session = 'AM' | 'PM';

/** One pupil's register: `days` school days from the first, each session's code given by `code`. */
export interface PupilPlan {
  readonly pupilId: string;
  readonly days: number;
  readonly code: (day: number, session: Session) => string;
  readonly minutesLate?: (day: number, session: Session) => number | undefined;
}

const HALF_TERMS: readonly (readonly [string, string])[] = [
  ['2024-09-02', '2024-10-25'],
  ['2024-11-04', '2024-12-20'],
  ['2025-01-06', '2025-02-14'],
  ['2025-02-24', '2025-04-04'],
  ['2025-04-22', '2025-05-23'],
  ['2025-06-02', '2025-07-22'],
];
const CLOSED = new Set(['2024-09-02']);
const DAY_MS = 86_400_000;

function utcDay(iso: string): number {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
}

/** The school days of the test calendar, in order: the first is Tuesday 3 September 2024. */
export const SCHOOL_DAYS: readonly string[] = HALF_TERMS.flatMap(([start, end]) => {
  const days: string[] = [];
  for (let time = utcDay(start); time <= utcDay(end); time += DAY_MS) {
    const date = new Date(time);
    const weekday = date.getUTCDay();
    const iso = date.toISOString().slice(0, 10);
    if (weekday >= 1 && weekday <= 5 && !CLOSED.has(iso)) days.push(iso);
  }
  return days;
});

/** A generic long-format CSV register (the `generic` mapping), one row per pupil-session. */
export function registerCsv(plans: readonly PupilPlan[]): string {
  const lines = ['pupil_id,date,session,code,minutes_late,comment'];
  for (const plan of plans) {
    for (let day = 0; day < plan.days; day += 1) {
      for (const session of ['AM', 'PM'] as const) {
        const minutes = plan.minutesLate?.(day, session);
        lines.push(
          `${plan.pupilId},${SCHOOL_DAYS[day]!},${session},${plan.code(day, session)},${minutes ?? ''},`
        );
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The same register as a JSON array of marks. */
export function registerJson(plans: readonly PupilPlan[]): string {
  const marks = plans.flatMap((plan) =>
    Array.from({ length: plan.days }, (_, day) =>
      (['AM', 'PM'] as const).map((session) => ({
        pupilId: plan.pupilId,
        date: SCHOOL_DAYS[day]!,
        session,
        code: plan.code(day, session),
      }))
    ).flat()
  );
  return JSON.stringify(marks);
}

const present = (_day: number, session: Session): string => (session === 'AM' ? '/' : '\\');

/**
 * Five pupils whose figures follow from their plans:
 *
 * - `EXACT10`: 190 days; both sessions of days 0–18 are `I` (illness). Possible 380, absent 38 (authorised):
 *   exactly 10 %, a persistent absentee. Attendance 342 of 380 = 90.0 %.
 * - `BELOW10`: as `EXACT10`, plus day 190 with `/` in the morning and `X` (not required to attend, not possible)
 *   in the afternoon. Possible 381, absent 38: 9.97 %, not persistent, though it displays as 10.0 %.
 * - `SEVERE`: 190 days; both sessions of days 0–94 are `O` (unauthorised). Absent 190 of 380: exactly 50 %,
 *   severely absent. Its tenth `O` is the afternoon of day 4, Monday 9 September 2024.
 * - `LATE`: 190 days present except `L` on the mornings of days 0–3 (3 to 6 September) and `U` on the mornings of
 *   days 10–19 (17 to 30 September). The third `L` is on 5 September, the fourth on 6 September; the fifth `U` on
 *   23 September, the tenth on 30 September. Absent 10 (unauthorised) of 380; attended 370.
 * - `FULL`: 190 days, present at every session.
 *
 * Totals: possible 1,901; attended 342 + 343 + 190 + 370 + 380 = 1,625; authorised 76; unauthorised 200.
 */
export const FIVE_PUPILS: readonly PupilPlan[] = [
  { pupilId: 'EXACT10', days: 190, code: (day, session) => (day <= 18 ? 'I' : present(day, session)) },
  {
    pupilId: 'BELOW10',
    days: 191,
    code: (day, session) => (day <= 18 ? 'I' : day === 190 && session === 'PM' ? 'X' : present(day, session)),
  },
  { pupilId: 'SEVERE', days: 190, code: (day, session) => (day <= 94 ? 'O' : present(day, session)) },
  {
    pupilId: 'LATE',
    days: 190,
    code: (day, session) =>
      session === 'AM' && day <= 3
        ? 'L'
        : session === 'AM' && day >= 10 && day <= 19
          ? 'U'
          : present(day, session),
    minutesLate: (day, session) =>
      session === 'AM' && day <= 3 ? 10 : session === 'AM' && day >= 10 && day <= 19 ? 40 : undefined,
  },
  { pupilId: 'FULL', days: 190, code: present },
];
