// Every chart of an HTML page as a file of its own (--charts-dir), for slides and papers: each
// inline <svg class="chart"> of the rendered page, made standalone (the SVG namespace and the
// page's chart styles inside it, colours written out), named after the chart, and the map once
// per metric. Taken from the rendered page, so a chart added to the page later is written too.
// PNG: the same SVG drawn by resvg (@resvg/resvg-js, a prebuilt native module per platform),
// at twice the size; where no build installed for the platform, only the SVG files are written.
import type * as ResvgJs from '@resvg/resvg-js';
import type { Report } from '../core/report-schema.js';
import { PAGE_MAP_ID } from './map/assets.js';
import { reportMapMetrics, reportMapRegions, standaloneMaps } from './map/section.js';
import type { MapShapes } from './map/shapes.js';

/** One chart file: its name (no extension) and its standalone SVG text. */
export interface ChartFile {
  readonly name: string;
  readonly svg: string;
}

/** The page's chart styles with the colours written out (a standalone file has no page variables). */
export const STANDALONE_CHART_STYLE = [
  'text { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Helvetica Neue", Arial, sans-serif; font-size: 12px; fill: #1a1a1a; }',
  '.tick, .axis-title { font-size: 11px; fill: #595959; }',
  '.row-label, .legend-title { fill: #595959; }',
  '.grid { stroke: #d9d9d9; stroke-width: 1; }',
  '.baseline, .tick-mark { stroke: #595959; stroke-width: 1; }',
  '.seg { stroke: #fff; stroke-width: 1; }',
].join('\n');

/** File names of the page's own charts, by id; a per-region chart is named by its region's code. */
const NAMES: Readonly<Record<string, string>> = {
  'chart-vacuum': 'vacuum-per-100k',
  'chart-breakdown': 'breakdown',
  'chart-trend': 'trend',
};

/** A file name part from any text: letters and digits of any script, '.', '_' and '-'; the rest '_'. */
export function fileSlug(text: string): string {
  const slug = text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '_')
    .replace(/^[._]+/, '')
    .slice(0, 80);
  return slug === '' ? 'chart' : slug;
}

const SVG = /<svg\b[^>]*>[\s\S]*?<\/svg>/g;
const FIGURE_REGION = /<figure\b[^>]*\bdata-region="([^"]*)"[^>]*>(?:(?!<\/figure>)[\s\S])*$/;

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/**
 * The charts of a rendered page, in page order, without the page's map (written per metric by
 * the caller). Our own output: every text in it is escaped, so "<svg" and "</svg>" are only tags.
 */
export function chartsOfPage(html: string): ChartFile[] {
  const out: ChartFile[] = [];
  for (const match of html.matchAll(SVG)) {
    const svg = match[0];
    const open = /^<svg\b[^>]*>/.exec(svg)![0];
    if (!/\bclass="[^"]*\bchart\b/.test(open)) continue;
    const id = /\bid="([^"]*)"/.exec(open)?.[1] ?? 'chart';
    if (id === PAGE_MAP_ID) continue;
    const region = FIGURE_REGION.exec(html.slice(Math.max(0, match.index - 4000), match.index))?.[1];
    const base = id.replace(/-\d+$/, '');
    const name = region === undefined ? (NAMES[id] ?? id) : `${NAMES[base] ?? base}-${unescape(region)}`;
    out.push({ name, svg });
  }
  return out;
}

/** An inline chart made a file: the SVG namespace, the chart styles, and a white background under the drawing. */
export function standaloneSvg(svg: string): string {
  const open = /^<svg\b[^>]*>/.exec(svg)![0];
  const width = /\bwidth="([\d.]+)"/.exec(open)?.[1] ?? '100%';
  const height = /\bheight="([\d.]+)"/.exec(open)?.[1] ?? '100%';
  // After <title> and <desc>, which stay the first children (the accessible name and description).
  const desc = svg.indexOf('</desc>');
  const at = desc >= 0 ? desc + '</desc>'.length : open.length;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    open.replace(/^<svg\b/, '<svg xmlns="http://www.w3.org/2000/svg"') +
    svg.slice(open.length, at) +
    `<style>${STANDALONE_CHART_STYLE}</style><rect class="background" width="${width}" height="${height}" fill="#ffffff"/>` +
    svg.slice(at) +
    '\n'
  );
}

/** Unique, file-safe names (a second "trend-X" becomes "trend-X-2"). */
export function uniqueNames(files: readonly ChartFile[]): ChartFile[] {
  const seen = new Map<string, number>();
  return files.map((f) => {
    const base = fileSlug(f.name);
    const n = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), n);
    return { name: n === 1 ? base : `${base}-${n}`, svg: f.svg };
  });
}

/** SVG → PNG at `scale`, or undefined when resvg has no build for this platform. */
export async function loadPngRenderer(): Promise<((svg: string, scale?: number) => Uint8Array) | undefined> {
  let resvg: typeof ResvgJs;
  try {
    // Outside the bundles (scripts/bundle-cli.mjs); the CLI's bundle turns this import() into require().
    const module = (await import('@resvg/resvg-js')) as typeof ResvgJs & { readonly default?: typeof ResvgJs };
    resvg = module.default ?? module;
  } catch {
    return undefined;
  }
  return (svg, scale = 2) =>
    new resvg.Resvg(svg, {
      fitTo: { mode: 'zoom', value: scale },
      background: '#ffffff',
      font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    })
      .render()
      .asPng();
}

/** The report page's charts, then its map once per metric (vacuum, coverage index, rate drop). */
export function reportChartFiles(html: string, report: Report, map: MapShapes | undefined): ChartFile[] {
  return [...chartsOfPage(html), ...standaloneMaps(map, reportMapRegions(report), reportMapMetrics(report))];
}
