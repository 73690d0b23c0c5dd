import type { IsoDate } from '../../../calendar/types.js';

/**
 * Easter Sunday of a Gregorian year, by the Gregorian computus (the "anonymous Gregorian" arithmetic: the
 * paschal full moon from the year's place in the 19-year Metonic cycle with the century corrections, then the
 * following Sunday).
 *
 * @param year - A year from 1583 (the first full Gregorian year) to 9999.
 * @returns The date of Easter Sunday.
 * @example
 * easterSunday(2025) //=> '2025-04-20'
 */
export function easterSunday(year: number): IsoDate {
  const golden = year % 19;
  const century = Math.floor(year / 100);
  const yearOfCentury = year % 100;
  const skippedLeapDays = Math.floor(century / 4);
  const centuryRemainder = century % 4;
  const lunarCorrection = Math.floor((century + 8) / 25);
  const moonCorrection = Math.floor((century - lunarCorrection + 1) / 3);
  const epact = (19 * golden + century - skippedLeapDays - moonCorrection + 15) % 30;
  const leapDaysOfCentury = Math.floor(yearOfCentury / 4);
  const yearRemainder = yearOfCentury % 4;
  const toSunday = (32 + 2 * centuryRemainder + 2 * leapDaysOfCentury - epact - yearRemainder) % 7;
  const lateCorrection = Math.floor((golden + 11 * epact + 22 * toSunday) / 451);
  const daysFromMarch = epact + toSunday - 7 * lateCorrection + 114;
  const month = Math.floor(daysFromMarch / 31);
  const day = (daysFromMarch % 31) + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` as IsoDate;
}
