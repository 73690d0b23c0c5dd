/** One column of a table for people. */
export interface TableColumn {
  /** The heading. */
  readonly heading: string;
  /** Numbers are right-aligned, text left-aligned. */
  readonly align?: 'left' | 'right';
}

/**
 * Lays rows out as an aligned text table: a heading line, a rule, then one line per row, columns two spaces
 * apart and trailing spaces trimmed.
 *
 * @param columns - The columns.
 * @param rows - The cells of each row, as text.
 * @returns The table's lines.
 * @example
 * formatTable([{ heading: 'Pupil' }, { heading: 'Possible', align: 'right' }], [['P01', '380']])
 * //=> ['Pupil  Possible', '---------------', 'P01         380']
 */
export function formatTable(columns: readonly TableColumn[], rows: readonly (readonly string[])[]): string[] {
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
