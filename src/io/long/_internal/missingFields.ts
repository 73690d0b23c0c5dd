import { excerpt, MAX_EXCERPT_LENGTH } from '../../../_internal/excerpt.js';

/** Each field of the long format in words, by field index (the order of `FIELDS`). */
const FIELD_WORDS = ['pupil id', 'UPN', 'date', 'session', 'code', 'minutes late', 'comment'] as const;

/**
 * How much of the columns (or keys) found a missing-column message quotes when they are too long to show whole:
 * less than the usual excerpt, so the message stays short with a source name and a delimiter hint beside it
 * (the `received` of the issue keeps the full excerpt).
 */
const FOUND_IN_MESSAGE = 60;

/**
 * The fields a header or record lacks, in words for a message: `the pupil id, date and session`. The names each
 * field may have are left to the issue's `expected`, since a preset's alternatives (`attendance_code.data.code
 * or attendance_code.code or …`) would make the message several hundred characters long.
 *
 * @param missing - Field indexes (of `FIELDS`), at least one.
 * @returns The words.
 * @example
 * missingFieldWords([0, 2, 3]) //=> 'the pupil id, date and session'
 * missingFieldWords([4]) //=> 'the code'
 */
export function missingFieldWords(missing: readonly number[]): string {
  const words = missing.map((field) => FIELD_WORDS[field]!);
  const last = words.pop()!;
  return `the ${words.length === 0 ? last : `${words.join(', ')} and ${last}`}`;
}

/**
 * The column names (or keys) found, as `received` shows them: as written when short, otherwise an excerpt of
 * at most {@link MAX_EXCERPT_LENGTH} characters, so a binary "header" never floods an issue.
 *
 * @param names - The names joined with `, `.
 * @example
 * foundNames('Pupil, Day') //=> 'Pupil, Day'
 * foundNames('x'.repeat(200)).length < 120 //=> true
 */
export function foundNames(names: string): string {
  return names.length <= MAX_EXCERPT_LENGTH ? names : excerpt(names);
}

/**
 * The column names (or keys) found, as a missing-column message quotes them: as written when short, otherwise
 * a shorter excerpt than `received` holds, to keep the message within about 300 characters.
 *
 * @param names - The names joined with `, `.
 * @example
 * foundNamesInMessage('Pupil, Day') //=> 'Pupil, Day'
 * foundNamesInMessage('x'.repeat(200)).length < 90 //=> true
 */
export function foundNamesInMessage(names: string): string {
  return names.length <= FOUND_IN_MESSAGE ? names : excerpt(names, FOUND_IN_MESSAGE);
}
