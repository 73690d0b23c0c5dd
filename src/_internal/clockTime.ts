const DIGIT_ZERO = 48;
const COLON = 58;
const HOURS_IN_DAY = 24;
const MINUTES_IN_HOUR = 60;

function digitAt(text: string, index: number): number {
  const digit = text.charCodeAt(index) - DIGIT_ZERO;
  return digit >= 0 && digit <= 9 ? digit : -1;
}

/**
 * Minutes since midnight of a 24-hour `HH:MM` time ('00:00' to '23:59'), read with integer arithmetic so that no
 * clock, date or time zone is involved; `undefined` for anything else ('9:05', '24:00', '09:60', '09:00:00').
 */
export function minutesOfClockTime(text: unknown): number | undefined {
  if (typeof text !== 'string' || text.length !== 5 || text.charCodeAt(2) !== COLON) return undefined;
  const tensOfHours = digitAt(text, 0);
  const hours = digitAt(text, 1);
  const tensOfMinutes = digitAt(text, 3);
  const minutes = digitAt(text, 4);
  if (tensOfHours < 0 || hours < 0 || tensOfMinutes < 0 || minutes < 0) return undefined;
  const hour = tensOfHours * 10 + hours;
  const minute = tensOfMinutes * 10 + minutes;
  if (hour >= HOURS_IN_DAY || minute >= MINUTES_IN_HOUR) return undefined;
  return hour * MINUTES_IN_HOUR + minute;
}

/** What a clock time must look like, in words, for issues. */
export const CLOCK_TIME_EXPECTED = 'a 24-hour time as HH:MM, e.g. "09:00"';
