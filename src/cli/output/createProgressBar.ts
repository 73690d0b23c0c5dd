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

/**
 * Draws a progress bar for reading a file on a terminal, redrawn only when the whole percentage changes (so a
 * large file costs at most a hundred redraws, and no clock is read). A bar that is not wanted costs nothing.
 *
 * @param stream - Where to draw (stderr).
 * @param label - What is being read, e.g. the file name.
 * @param totalBytes - The file's size.
 * @param enabled - Whether to draw at all (stderr is a terminal, and neither `--quiet` nor `--no-progress`).
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
  enabled: boolean
): ProgressBar {
  if (!enabled || totalBytes <= 0) return { update: () => undefined, done: () => undefined };
  let shownPercent = -1;
  let drawn = false;
  return {
    update(bytesRead, rowsRead) {
      const percent = Math.min(100, Math.floor((bytesRead * 100) / totalBytes));
      if (percent === shownPercent) return;
      shownPercent = percent;
      drawn = true;
      const filled = Math.round((percent * BAR_WIDTH) / 100);
      const rows = rowsRead === undefined ? '' : `, ${plural(rowsRead, 'row')}`;
      const line =
        `Reading ${label} [${'#'.repeat(filled)}${' '.repeat(BAR_WIDTH - filled)}] ${String(percent).padStart(3)} %` +
        `  ${megabytes(bytesRead)} of ${megabytes(totalBytes)} MB${rows}`;
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
