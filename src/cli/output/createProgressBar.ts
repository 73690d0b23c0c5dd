import type { CliOutput } from '../types.js';
import { plural } from './plural.js';

/** A progress bar on stderr: updated with bytes read, cleared when done. */
export interface ProgressBar {
  /** Reports progress: bytes read so far and, where known, rows read. */
  update(bytesRead: number, rowsRead?: number): void;
  /** Clears the bar. */
  done(): void;
}

const BAR_WIDTH = 30;
const MEGABYTE = 1024 * 1024;

function megabytes(bytes: number): string {
  return (bytes / MEGABYTE).toFixed(1);
}

// The time left is a straight-line guess from the bytes read so far; before a second has passed, or before
// 1 % is read, it would mostly be start-up noise, so it is not shown.
const FIRST_ESTIMATE_MS = 1000;

function timeLeft(milliseconds: number): string {
  const seconds = Math.max(1, Math.round(milliseconds / 1000));
  if (seconds < 60) return `about ${seconds} s left`;
  const minutes = Math.floor(seconds / 60);
  return `about ${minutes} min ${String(seconds % 60).padStart(2, '0')} s left`;
}

/**
 * Draws a progress bar for reading a file on a terminal, redrawn only when the whole percentage changes (so a
 * large file costs at most a hundred redraws, and no clock is read). A bar that is not wanted costs nothing.
 *
 * @param stream - Where to draw (stderr).
 * @param label - What is being read, e.g. the file name.
 * @param totalBytes - The file's size.
 * @param enabled - Whether to draw at all (stderr is a terminal, and neither `--quiet` nor `--no-progress`).
 * @param now - A monotonic clock in milliseconds; with one, the bar shows the time left.
 * @returns The bar.
 * @example
 * const bar = createProgressBar(process.stderr, 'register.csv', 27_000_000, process.stderr.isTTY === true);
 * bar.update(13_500_000, 120_000); // [###############               ]  50 %
 * bar.done();
 */
export function createProgressBar(
  stream: CliOutput,
  label: string,
  totalBytes: number,
  enabled: boolean,
  now?: () => number
): ProgressBar {
  if (!enabled || totalBytes <= 0) return { update: () => undefined, done: () => undefined };
  let shownPercent = -1;
  let drawn = false;
  const started = now?.();
  return {
    update(bytesRead, rowsRead) {
      const percent = Math.min(100, Math.floor((bytesRead * 100) / totalBytes));
      if (percent === shownPercent) return;
      shownPercent = percent;
      drawn = true;
      const filled = Math.round((percent * BAR_WIDTH) / 100);
      const rows = rowsRead === undefined ? '' : `, ${plural(rowsRead, 'row')}`;
      const elapsed = started === undefined || now === undefined ? 0 : now() - started;
      const left =
        elapsed >= FIRST_ESTIMATE_MS && percent >= 1 && percent < 100
          ? `, ${timeLeft((elapsed * (totalBytes - bytesRead)) / bytesRead)}`
          : '';
      const line =
        `Reading ${label} [${'#'.repeat(filled)}${' '.repeat(BAR_WIDTH - filled)}] ${String(percent).padStart(3)} %` +
        `  ${megabytes(bytesRead)} of ${megabytes(totalBytes)} MB${rows}${left}`;
      // A line wider than the terminal would wrap, and the carriage return could no longer redraw it.
      const width = stream.columns;
      stream.write(`\r${width === undefined || width < 2 ? line : line.slice(0, width - 1)}`);
    },
    done() {
      // Erase the bar's line so that what follows starts on a clean line.
      if (drawn) stream.write('\r\u001b[2K');
    },
  };
}
