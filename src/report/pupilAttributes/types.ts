/**
 * How a pupil-attributes CSV is read.
 *
 * @category Report
 */
export interface PupilAttributesOptions {
  /** The file's name, for issues. */
  readonly source?: string;
}

/**
 * Each pupil's attributes, as a pupil-attributes CSV gives them.
 *
 * @category Report
 */
export interface PupilAttributes {
  /** Each pupil's attributes (column name to value, trimmed), by pupil id. */
  readonly attributes: ReadonlyMap<string, Readonly<Record<string, string>>>;
  /** The attribute columns (every column but `pupil_id`), in file order. */
  readonly columns: readonly string[];
  /** The columns with few enough distinct values to group pupils by (year group, FSM, SEN; not a UPN). */
  readonly groupColumns: readonly string[];
}
