// --charts-dir DIR: every chart of a page written to DIR as NAME.svg (and NAME.png where the PNG
// renderer loads), each file atomically (io/atomic-write.ts), the folder made if missing.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type ChartFile, loadPngRenderer, standaloneSvg, uniqueNames } from '../report/chart-files.js';
import { writeFileAtomic } from './atomic-write.js';
import { FileAccessError } from './errors.js';

/** What was written, for the note on standard error. */
export interface WrittenCharts {
  readonly files: readonly string[];
  /** False when no PNG renderer loaded on this platform (only SVG written). */
  readonly png: boolean;
}

export async function writeChartFiles(dir: string, charts: readonly ChartFile[]): Promise<WrittenCharts> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new FileAccessError(dir, 'write', error);
  }
  const toPng = loadPngRenderer();
  const files: string[] = [];
  for (const chart of uniqueNames(charts)) {
    const svg = standaloneSvg(chart.svg);
    const svgFile = join(dir, `${chart.name}.svg`);
    await writeFileAtomic(svgFile, svg);
    files.push(svgFile);
    if (toPng) {
      const pngFile = join(dir, `${chart.name}.png`);
      await writeFileAtomic(pngFile, toPng(svg));
      files.push(pngFile);
    }
  }
  return { files, png: toPng !== undefined };
}
