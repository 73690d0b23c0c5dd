import type { IsoDate } from '../../../calendar/types.js';
import { isIsoDate } from '../../../calendar/isIsoDate.js';
import { differenceInIsoDays } from '../../../_internal/dates.js';
import type { RegisterDateFormat } from '../types.js';

/** A register date read from a file: the ISO date and its day number (days since 1970-01-01). */
export interface RegisterDate {
  /** The date as `YYYY-MM-DD`. */
  readonly iso: IsoDate;
  /** Whole days since 1970-01-01 (a Thursday); negative before it. */
  readonly day: number;
}

const EPOCH = '1970-01-01' as IsoDate;
const ISO_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DMY_PATTERN = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const SHORT_YEAR_PATTERN = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2})$/;
// A time after the date: hh:mm, optional seconds and fraction, optional zone designator (ignored on purpose).
const TIME_PATTERN = /^\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?$/;
// Distinct date strings in a register are few (one per school day); the cap only bounds hostile input.
const CACHE_LIMIT = 100_000;

const NOT_A_DATE = 'is not a date';
const NOT_A_DAY = 'names no real day';
const US_STYLE = 'reads as month/day (US style), which cannot be day/month';
const SHORT_YEAR = 'has a two-digit year';
const NOT_ISO = 'is not written as YYYY-MM-DD';
const NOT_DMY = 'is not written as DD/MM/YYYY';

const EXPECTED: Readonly<Record<RegisterDateFormat, string>> = {
  auto: 'a real day as YYYY-MM-DD or DD/MM/YYYY',
  iso: 'a real day as YYYY-MM-DD',
  dmy: 'a real day as DD/MM/YYYY',
};

/**
 * Reads register dates in one format, caching each distinct string: a file repeats each date once per pupil
 * and session, so the parsing runs once per school day, not once per row.
 */
export class RegisterDateReader {
  /** What a date cell should hold, in words. */
  readonly expected: string;
  private readonly format: RegisterDateFormat;
  private readonly cache = new Map<string, RegisterDate | string>();

  constructor(format: RegisterDateFormat) {
    this.format = format;
    this.expected = EXPECTED[format];
  }

  /** The date, or a phrase saying what is wrong with the text (e.g. `'names no real day'`). */
  read(text: string): RegisterDate | string {
    const cached = this.cache.get(text);
    if (cached !== undefined) return cached;
    const result = this.parse(text.trim());
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(text, result);
    return result;
  }

  private parse(text: string): RegisterDate | string {
    const cut = firstTimeSeparator(text);
    if (cut !== -1 && !TIME_PATTERN.test(text.slice(cut + 1).trim())) return NOT_A_DATE;
    const datePart = cut === -1 ? text : text.slice(0, cut);
    const iso = ISO_PATTERN.exec(datePart);
    if (iso !== null) {
      if (this.format === 'dmy') return NOT_DMY;
      return toRegisterDate(datePart);
    }
    const dmy = DMY_PATTERN.exec(datePart);
    if (dmy !== null) {
      if (this.format === 'iso') return NOT_ISO;
      const first = Number(dmy[1]);
      const second = Number(dmy[3]);
      if (second > 12 && second <= 31 && first >= 1 && first <= 12) return US_STYLE;
      return toRegisterDate(`${dmy[4]!}-${dmy[3]!.padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`);
    }
    if (SHORT_YEAR_PATTERN.test(datePart)) return SHORT_YEAR;
    return NOT_A_DATE;
  }
}

/** Where a time follows the date: the first space or `T` after the date part, or -1. */
function firstTimeSeparator(text: string): number {
  const space = text.indexOf(' ');
  const t = text.indexOf('T');
  if (space === -1) return t;
  if (t === -1) return space;
  return Math.min(space, t);
}

function toRegisterDate(text: string): RegisterDate | string {
  if (!isIsoDate(text)) return NOT_A_DAY;
  return { iso: text, day: differenceInIsoDays(text, EPOCH) };
}
