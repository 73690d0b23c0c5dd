import type { Session } from '../calendar/types.js';
import { CLOCK_TIME_EXPECTED, minutesOfClockTime } from '../_internal/clockTime.js';
import { invalidArgument } from '../_internal/issues.js';
import { describeValue } from '../sessions/checkMarks.js';
import type { LateMark, LatenessPolicy } from './types.js';

function registerMinutes(
  time: string,
  field: 'registerOpens' | 'registerCloses',
  afternoon: boolean,
  session: Session
): number {
  const minutes = minutesOfClockTime(time);
  if (minutes !== undefined) return minutes;
  const path = afternoon ? ['afternoonRegister', field] : [field];
  return invalidArgument({
    code: 'invalid_value',
    message: `The lateness policy's ${path.join('.')} "${time}" is not a 24-hour time as HH:MM.`,
    path: ['policy', ...path],
    session,
    field,
    expected: CLOCK_TIME_EXPECTED,
    received: time,
  });
}

/**
 * Gives the register code for a pupil who arrived at a time: on time (`/` in the morning, `\` in the afternoon)
 * up to and including the time the register opens, `L` (late, present) after it up to and including the time it
 * closes, and `U` (late after the register closed: unauthorised absence) after that, with the minutes late.
 *
 * @remarks
 * Times are 24-hour `HH:MM` strings read with integer arithmetic: no `Date`, so no time zone or clock change can
 * move an arrival. Minutes late count from the time the register opens, for `L` and `U` alike. An afternoon
 * arrival is read against the policy's `afternoonRegister` when it has one. Other absence codes that may fit a
 * late arrival better (e.g. a medical appointment) are the school's call, not this function's.
 *
 * @param arrival - The time the pupil arrived, as `HH:MM` (e.g. `'09:10'`).
 * @param session - The session the pupil arrived for.
 * @param policy - The lateness policy, e.g. {@link HCAT_LATENESS_POLICY} or one from {@link defineLatenessPolicy}.
 * @returns The code and the whole minutes late (0 when on time).
 * @throws {@link AttendanceError} When the arrival (or a policy time) is not a 24-hour `HH:MM` time, naming it.
 * @example
 * toLateMark('09:00', 'AM', HCAT_LATENESS_POLICY) //=> { code: '/', minutesLate: 0 }
 * toLateMark('09:10', 'AM', HCAT_LATENESS_POLICY) //=> { code: 'L', minutesLate: 10 }
 * toLateMark('09:30', 'AM', HCAT_LATENESS_POLICY) //=> { code: 'L', minutesLate: 30 }
 * toLateMark('09:35', 'AM', HCAT_LATENESS_POLICY) //=> { code: 'U', minutesLate: 35 }
 * @see {@link https://www.legislation.gov.uk/uksi/2024/208/regulation/10/made} (SI 2024/208 reg 10, Table 1: L, late arrival before the register closes; U, arrived in school after the register closed)
 * @see {@link https://www.gov.uk/government/publications/working-together-to-improve-school-attendance} (DfE, Working together to improve school attendance: the register stays open no longer than 30 minutes)
 * @category Lateness
 */
export function toLateMark(arrival: string, session: Session, policy: LatenessPolicy): LateMark {
  const arrivedAt = minutesOfClockTime(arrival);
  if (arrivedAt === undefined) {
    invalidArgument({
      code: 'invalid_value',
      // The arrival may be anything a caller was handed: it is named as brief text, never as it is.
      message: `Arrival time "${describeValue(arrival)}" (${describeValue(session)}) is not a 24-hour time as HH:MM.`,
      path: ['arrival'],
      ...(typeof session === 'string' ? { session } : {}),
      field: 'arrival',
      expected: CLOCK_TIME_EXPECTED,
      received: describeValue(arrival),
    });
  }
  const afternoon = session === 'PM' ? policy.afternoonRegister : undefined;
  const times = afternoon ?? policy;
  const opens = registerMinutes(times.registerOpens, 'registerOpens', afternoon !== undefined, session);
  const closes = registerMinutes(times.registerCloses, 'registerCloses', afternoon !== undefined, session);
  if (arrivedAt <= opens) return { code: session === 'AM' ? '/' : '\\', minutesLate: 0 };
  return { code: arrivedAt <= closes ? 'L' : 'U', minutesLate: arrivedAt - opens };
}
