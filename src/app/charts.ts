// `chartsDir` (--charts-dir): every chart of the report's HTML page written as a standalone SVG
// file, and as PNG where resvg loads on this platform (report/chart-files.ts), into one folder.
import type { Report } from '../core/report-schema.js';
import { type ChartDirFile, writeChartFiles } from '../io/charts-dir.js';
import { loadPngRenderer, reportChartFiles, standaloneSvg, uniqueNames } from '../report/chart-files.js';
import type { RenderContext } from '../report/render-context.js';
import { loadRenderer } from '../report/registry.js';

/** The chart files a run wrote. */
export interface ChartsWritten {
  /** The folder, as given. */
  readonly dir: string;
  /** Every file written (SVG, and PNG next to each where the PNG renderer loaded), in page order. */
  readonly files: readonly string[];
  /** False when resvg has no build for this platform: only SVG files were written. */
  readonly png: boolean;
  /** How many charts (one SVG each). */
  readonly charts: number;
}

/** Write the charts of the report's page (the page's context: details, coverage and map as for 'html') into `dir`. */
export async function writeReportCharts(dir: string, report: Report, context: RenderContext): Promise<ChartsWritten> {
  const renderHtml = await loadRenderer('report', 'html');
  const charts = uniqueNames(reportChartFiles(renderHtml(report, context), report, context.map));
  const toPng = await loadPngRenderer();
  const files: ChartDirFile[] = [];
  for (const chart of charts) {
    const svg = standaloneSvg(chart.svg);
    files.push({ name: `${chart.name}.svg`, content: svg });
    if (toPng !== undefined) files.push({ name: `${chart.name}.png`, content: toPng(svg) });
  }
  return { dir, files: await writeChartFiles(dir, files), png: toPng !== undefined, charts: charts.length };
}
