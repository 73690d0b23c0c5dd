import type { AttendanceReport } from '../types.js';
import { escapeHtml } from '../html.js';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'];

/**
 * Absence by weekday and session as a grid of ten cells, drawn by hand (no chart library draws a table of
 * shaded cells more plainly): each cell shaded by its absence rate and labelled with it, so that the colour
 * carries no meaning the text does not.
 *
 * @param cells - The report's weekday cells.
 * @returns The heat map as SVG text.
 * @example
 * weekdayHeatMap(report.weekdays) //=> '<svg xmlns="http://www.w3.org/2000/svg" role="img" …'
 */
export function weekdayHeatMap(cells: AttendanceReport['weekdays']): string {
  const width = 100;
  const height = 40;
  const left = 40;
  const top = 24;
  const rates = cells.map((cell) => (cell.possible === 0 ? 0 : cell.absent / cell.possible));
  const highest = Math.max(0.0001, ...rates);
  const parts: string[] = [];
  WEEKDAYS.forEach((day, index) => {
    parts.push(`<text x="${left + index * width + width / 2}" y="16" text-anchor="middle">${day}</text>`);
  });
  ['AM', 'PM'].forEach((session, row) => {
    parts.push(`<text x="4" y="${top + row * height + height / 2 + 5}">${session}</text>`);
  });
  cells.forEach((cell, index) => {
    const x = left + (cell.weekday - 1) * width;
    const y = top + (cell.session === 'PM' ? height : 0);
    const share = rates[index]! / highest;
    // From white to the palette's blue; dark text on light cells, white on dark.
    const shade = `rgb(${Math.round(255 - share * 255)}, ${Math.round(255 - share * 141)}, ${Math.round(255 - share * 77)})`;
    const label = cell.possible === 0 ? '–' : `${((cell.absent / cell.possible) * 100).toFixed(1)} %`;
    parts.push(
      `<rect x="${x}" y="${y}" width="${width - 2}" height="${height - 2}" fill="${shade}" stroke="#b1b4b6"><title>${escapeHtml(`${WEEKDAYS[cell.weekday - 1]} ${cell.session}: ${cell.absent} of ${cell.possible} sessions missed`)}</title></rect>`,
      `<text x="${x + width / 2 - 1}" y="${y + height / 2 + 4}" text-anchor="middle" fill="${share > 0.6 ? '#fff' : '#1b1b1b'}">${label}</text>`
    );
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Absence by weekday and session" viewBox="0 0 ${left + 5 * width} ${top + 2 * height + 4}" width="${left + 5 * width}" height="${top + 2 * height + 4}" font-family="system-ui, sans-serif" font-size="13">${parts.join('')}</svg>`;
}
