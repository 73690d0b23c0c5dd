import type { IsoDate } from '../calendar/types.js';

/**
 * The first day of the 2024 code set: the School Attendance (Pupil Registration) (England) Regulations 2024
 * came into force on 19 August 2024 and revoked the 2006 Regulations.
 *
 * @example
 * CODE_SET_2024_START //=> '2024-08-19'
 * @see {@link https://www.legislation.gov.uk/uksi/2024/208/contents/made} (SI 2024/208)
 * @category Codes
 */
export const CODE_SET_2024_START = '2024-08-19' as IsoDate;

/**
 * The last day of the pre-2024 code set (the day before {@link CODE_SET_2024_START}).
 *
 * @example
 * CODE_SET_PRE_2024_END //=> '2024-08-18'
 * @category Codes
 */
export const CODE_SET_PRE_2024_END = '2024-08-18' as IsoDate;

/**
 * The first day of the pre-2024 code set: the Education (Pupil Registration) (England) Regulations 2006
 * came into force on 1 September 2006.
 *
 * @example
 * CODE_SET_PRE_2024_START //=> '2006-09-01'
 * @see {@link https://www.legislation.gov.uk/uksi/2006/1751/contents/made} (SI 2006/1751)
 * @category Codes
 */
export const CODE_SET_PRE_2024_START = '2006-09-01' as IsoDate;
