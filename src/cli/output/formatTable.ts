import { printable, shortMessage, shortValue } from './displayText.js';

/** One column of a table for people. */
export interface TableColumn {
  /** The heading. */
  readonly heading: string;
  /** Numbers are right-aligned, text left-aligned. */
  readonly align?: 'left' | 'right';
  /**
   * A column of sentences (a message), cut to a few hundred characters rather than to a value's excerpt.
   *
   * @defaultValue `false`
   */
  readonly sentences?: boolean;
}

/**
 * Lays rows out as an aligned text table: a heading line, a rule, then one line per row, columns two spaces
 * apart and trailing spaces trimmed. A cell echoes input (a pupil id, a value from the register), so it is cut to
 * a short excerpt (a sentence column to a few hundred characters) and its control characters are escaped: a
 * 20 MB value would otherwise set the width of every row of its column.
 *
 * @param columns - The columns.
 * @param rawRows - The cells of each row, as text (from the input, where they quote it).
 * @returns The table's lines.
 * @example
 * formatTable([{ heading: 'Pupil' }, { heading: 'Possible', align: 'right' }], [['P01', '380']])
 * //=> ['Pupil  Possible', '---------------', 'P01         380']
 */
export function formatTable(
  columns: readonly TableColumn[],
  rawRows: readonly (readonly string[])[]
): string[] {
  const rows = rawRows.map((row) =>
    row.map((cell, index) =>
      printable(columns[index]?.sentences === true ? shortMessage(cell) : shortValue(cell))
    )
  );
  const widths = columns.map((column, index) =>
    rows.reduce((width, row) => Math.max(width, (row[index] ?? '').length), column.heading.length)
  );
  const line = (cells: readonly string[]): string =>
    columns
      .map((column, index) => {
        const cell = cells[index] ?? '';
        const width = widths[index] ?? 0;
        return column.align === 'right' ? cell.padStart(width) : cell.padEnd(width);
      })
      .join('  ')
      .trimEnd();
  const heading = line(columns.map((column) => column.heading));
  return [heading, '-'.repeat(heading.length), ...rows.map(line)];
}
