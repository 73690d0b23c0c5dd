import { CENSUS_ABSENCE_REASONS } from '../censusAbsenceReasons.js';

/** The column naming the pupil. */
export const CENSUS_PUPIL_ID_COLUMN = 'pupil_id';
/** The column naming the period: `termly`, `summerHalfTerm2` or `annual`. */
export const CENSUS_PERIOD_COLUMN = 'period';
/** The columns of the totals. */
export const CENSUS_TOTAL_COLUMNS = {
  possible: 'sessions_possible',
  authorised: 'sessions_authorised',
  unauthorised: 'sessions_unauthorised',
} as const;
/** The start of every reason column's name. */
export const CENSUS_REASON_PREFIX = 'reason_';

/** The reason columns, in {@link CENSUS_ABSENCE_REASONS} order, with the reason each carries. */
export const CENSUS_REASON_COLUMNS: readonly (readonly [column: string, reason: string])[] =
  CENSUS_ABSENCE_REASONS.map((reason) => [`${CENSUS_REASON_PREFIX}${reason}`, reason] as const);

/** Every column of a census attendance CSV, in file order. */
export const CENSUS_CSV_HEADER: readonly string[] = [
  CENSUS_PUPIL_ID_COLUMN,
  CENSUS_PERIOD_COLUMN,
  CENSUS_TOTAL_COLUMNS.possible,
  CENSUS_TOTAL_COLUMNS.authorised,
  CENSUS_TOTAL_COLUMNS.unauthorised,
  ...CENSUS_REASON_COLUMNS.map(([column]) => column),
];
