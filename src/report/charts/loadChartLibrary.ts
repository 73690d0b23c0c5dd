import type * as PlotModule from '@observablehq/plot';
import type * as LinkedomModule from 'linkedom';
import { AttendanceError } from '../../errors.js';

/** The document Plot draws into, as Plot's options name it (the DOM's `Document`, which linkedom provides). */
type PlotDocument = NonNullable<NonNullable<Parameters<typeof PlotModule.plot>[0]>['document']>;

/** The two optional peer dependencies, imported when a report is first drawn. */
function importChartModules(): Promise<readonly [typeof PlotModule, typeof LinkedomModule]> {
  return Promise.all([import('@observablehq/plot'), import('linkedom')]);
}

/** What the charts are drawn with: Observable Plot and a document to draw into. */
export interface ChartLibrary {
  /** Observable Plot's module. */
  readonly Plot: typeof PlotModule;
  /** A document, from linkedom: Plot builds its SVG with it, and the SVG is read back as text. */
  readonly document: PlotDocument;
}

/**
 * Loads the chart library, which the report alone uses. Observable Plot was chosen over Vega-Lite (rendered by
 * Vega's headless `toSVG`), measured on the same weekly-trend chart: 16 MB installed with linkedom against 25 MB,
 * about 45 ms a chart against 130 ms, and SVG a third the size (6 KB against 21 KB), which keeps the report
 * small. Both are optional peer dependencies (together over 5 MB), so a library-only install stays light.
 *
 * @param load - How the two modules are imported (a test gives one that fails, as a missing package does).
 * @returns Plot and a fresh document.
 * @throws `AttendanceError` (`missing_dependency`) naming the packages to install when either is missing.
 * @example
 * const { Plot, document } = await loadChartLibrary();
 * Plot.plot({ document, marks: [Plot.barX([1, 2])] }).outerHTML //=> '<svg …'
 */
export async function loadChartLibrary(
  load: () => Promise<readonly [typeof PlotModule, typeof LinkedomModule]> = importChartModules
): Promise<ChartLibrary> {
  try {
    const [Plot, { parseHTML }] = await load();
    const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
    return { Plot, document };
  } catch (error) {
    throw new AttendanceError([
      {
        code: 'missing_dependency',
        severity: 'error',
        message:
          'The report draws its charts with @observablehq/plot and linkedom, optional peer dependencies that are not installed: run npm install @observablehq/plot linkedom.',
        path: [],
        expected: '@observablehq/plot and linkedom installed',
        received: error instanceof Error ? error.message.slice(0, 80) : 'a failed import',
      },
    ]);
  }
}
