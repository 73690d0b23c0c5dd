/**
 * The benchmark's one table: a row per timing, with its rate, the peak resident memory of the process that ran
 * it, and its time as a multiple of three references (the DuckDB warm query, DuckDB end to end, the typed loop).
 * A ratio above 1 is slower than the reference.
 */

/** A timing's role as a reference for the ratio columns. */
export type ReferenceRole = 'duckdb-warm' | 'duckdb-end-to-end' | 'typed-loop';

/** One row of the table. */
export interface TableRow {
  readonly path: string;
  /** What the timed work starts from, e.g. `'compact bytes'` or `'CSV file'`. */
  readonly input: string;
  readonly seconds: number;
  readonly marks: number;
  /** The peak resident set size of the process (or processes) that ran the path; undefined when unknown. */
  readonly peakRssBytes: number | undefined;
  /** CPU time (user + system, all threads) of the timed work, where measured. */
  readonly cpuSeconds: number | undefined;
  readonly role?: ReferenceRole;
}

const MB = 1024 * 1024;

/** `0.0123` as `'12.3 ms'`, `2.5` as `'2.50 s'`. Exported for bench/sql.bench.ts. */
export function formatSeconds(seconds: number): string {
  if (seconds < 1) return `${(seconds * 1000).toFixed(seconds < 0.1 ? 1 : 0)} ms`;
  return `${seconds.toFixed(seconds < 10 ? 2 : 1)} s`;
}

function formatRate(perSecond: number): string {
  if (perSecond >= 1e9) return `${(perSecond / 1e9).toFixed(2)}G`;
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(perSecond >= 1e8 ? 0 : 1)}M`;
  return `${(perSecond / 1e3).toFixed(0)}k`;
}

/** `seconds ÷ reference` as `'1.23×'`; `'–'` without a reference. Exported for bench/sql.bench.ts. */
export function formatRatio(seconds: number, reference: number | undefined): string {
  if (reference === undefined || reference <= 0) return '–';
  const ratio = seconds / reference;
  return `${ratio.toFixed(ratio < 10 ? 2 : ratio < 100 ? 1 : 0)}×`;
}

function formatBytes(bytes: number | undefined): string {
  return bytes === undefined ? '–' : `${Math.round(bytes / MB).toLocaleString('en-GB')} MB`;
}

/** Lays out rows as a Markdown table (pipes and a separator line), right-aligning numbers. */
export function formatTable(rows: readonly TableRow[]): string {
  const referenceSeconds = (role: ReferenceRole): number | undefined =>
    rows.find((row) => row.role === role)?.seconds;
  const duckDbWarm = referenceSeconds('duckdb-warm');
  const duckDbEndToEnd = referenceSeconds('duckdb-end-to-end');
  const typedLoop = referenceSeconds('typed-loop');
  const header = [
    'path',
    'time',
    'marks/s',
    'peak RSS',
    '× DuckDB warm query',
    '× DuckDB end-to-end',
    '× typed loop',
    'input',
    'CPU',
  ];
  const body = rows.map((row) => [
    row.path,
    formatSeconds(row.seconds),
    formatRate(row.marks / row.seconds),
    formatBytes(row.peakRssBytes),
    formatRatio(row.seconds, duckDbWarm),
    formatRatio(row.seconds, duckDbEndToEnd),
    formatRatio(row.seconds, typedLoop),
    row.input,
    row.cpuSeconds === undefined ? '–' : formatSeconds(row.cpuSeconds),
  ]);
  return formatMarkdownTable(header, body, new Set([0, 7]));
}

/**
 * Lays out a header and rows of cells as a Markdown table, the columns in `leftAligned` to the left and the others
 * (numbers) to the right. Used by {@link formatTable}; exported for bench/sql.bench.ts, whose table has other
 * columns.
 */
export function formatMarkdownTable(
  header: readonly string[],
  body: readonly (readonly string[])[],
  leftAligned: ReadonlySet<number>
): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...body.map((cells) => cells[column]!.length))
  );
  const line = (cells: readonly string[]): string =>
    `| ${cells
      .map((cell, column) =>
        leftAligned.has(column) ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!)
      )
      .join(' | ')} |`;
  const separator = `|${widths
    .map((width, column) =>
      leftAligned.has(column) ? `:${'-'.repeat(width + 1)}` : `${'-'.repeat(width + 1)}:`
    )
    .join('|')}|`;
  return [line(header), separator, ...body.map(line)].join('\n');
}
