/**
 * A count and a noun that agree in number: `1 pupil`, `0 pupils`, `3 pupils`.
 *
 * @param count - How many.
 * @param singular - The noun for one, e.g. `'pupil'` or `'late pupil'`.
 * @param plural - The noun for any other count; the singular with an `s` when left out.
 * @returns The count and the noun.
 * @example
 * plural(1, 'row') //=> '1 row'
 * plural(2, 'row') //=> '2 rows'
 */
export function plural(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
