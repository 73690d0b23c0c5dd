declare const isoDateBrand: unique symbol;

/**
 * A school (calendar) date as an ISO `YYYY-MM-DD` string, checked to be a real day.
 *
 * @remarks
 * A register mark belongs to a day, not an instant, so dates are never `Date` objects here: a time zone
 * can never move a mark. ISO strings also sort correctly as strings and survive JSON unchanged. Obtain one
 * with {@link isoDate} (or the parsers), which check the value.
 *
 * @category Calendar
 */
export type IsoDate = string & {
  /** A compile-time brand only: it marks a string as a checked date and does not exist at run time. */
  readonly [isoDateBrand]: true;
};

/**
 * A register session: the morning (`AM`) or afternoon (`PM`) half of a school day.
 *
 * @see {@link https://www.legislation.gov.uk/uksi/2024/208/regulation/10/made} (SI 2024/208 reg 10: registers are taken at the start of the morning session and once during the afternoon session)
 * @category Calendar
 */
export type Session = 'AM' | 'PM';
