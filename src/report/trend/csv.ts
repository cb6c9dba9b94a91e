// Trend CSV, long format: one row per region and year (a region's years that cannot be computed
// have no row). Each row starts with the region's rank, code, name and its series summary, then
// the year and the metrics of that year, in the JSON order (taken from the schemas). Unrounded
// numbers, null as an empty cell, flags joined by ";", RFC 4180 quoting and formula-safe text
// cells (safe-cell.ts), as the report's CSV.
import { type TrendRegion, TrendRegionSchema, type TrendReport, type TrendYear, TrendYearSchema } from '../../core/trend-schema.js';
import { textPieces } from '../byte-pieces.js';
import { csvCell } from '../safe-cell.js';
import type { TrendRenderer } from './context.js';

type RegionColumn = Exclude<keyof TrendRegion, 'years' | 'excluded_years'>;

const REGION_COLUMNS = (Object.keys(TrendRegionSchema.shape) as (keyof TrendRegion)[]).filter(
  (c): c is RegionColumn => c !== 'years' && c !== 'excluded_years',
);
const YEAR_COLUMNS = Object.keys(TrendYearSchema.shape) as (keyof TrendYear)[];

/** The columns of the trend CSV, in order. */
export const TREND_CSV_COLUMNS: readonly string[] = [...REGION_COLUMNS, ...YEAR_COLUMNS];

function regionCell(region: TrendRegion, column: RegionColumn): string | number | null {
  const value = region[column];
  return typeof value === 'boolean' ? String(value) : value;
}

function yearCell(year: TrendYear, column: keyof TrendYear): string | number | null {
  const value = year[column];
  return Array.isArray(value) ? value.join(';') : value;
}

/** The CSV's lines, each with its line feed: the header, then a row per region and year. */
function* trendCsvLines(report: TrendReport): Generator<string> {
  yield `${TREND_CSV_COLUMNS.join(',')}\n`;
  for (const region of report.regions) {
    const head = REGION_COLUMNS.map((c) => csvCell(regionCell(region, c))).join(',');
    for (const year of region.years) yield `${head},${YEAR_COLUMNS.map((c) => csvCell(yearCell(year, c))).join(',')}\n`;
  }
}

export const renderTrendCsv: TrendRenderer = (report) => [...trendCsvLines(report)].join('');

/**
 * The same CSV as UTF-8 bytes in pieces, made as they are written (the command line's output): a
 * trend of 5,000 regions is 150,000 lines, which joined into one text took the run to about
 * 460 MB at its peak, against 243 MB for its JSON, also written in pieces (issue 18).
 */
export function renderTrendCsvPieces(report: TrendReport): Iterable<Uint8Array> {
  return textPieces(trendCsvLines(report));
}
