// The tidy renderers of report, coverage and trend (issue 16; formats.ts): the table of the
// result (tables.ts) as CSV text or Parquet bytes. The Parquet writer is loaded only when used.
import type { CoverageReport } from '../../core/coverage-schema.js';
import type { Report } from '../../core/report-schema.js';
import type { TrendReport } from '../../core/trend-schema.js';
import type { CoverageRenderContext } from '../coverage/context.js';
import type { RenderContext } from '../render-context.js';
import type { TrendRenderContext } from '../trend/context.js';
import { textPieces } from '../byte-pieces.js';
import { csvLines, type DataTable, tableCsv } from './data-table.js';
import type { TidyOptions } from './formats.js';
import { coverageLong, coverageLongRows, coverageTable, type LongRows, reportLong, reportLongRows, reportTable, trendLong, trendLongRows, trendTable } from './tables.js';

/**
 * Key-value metadata of a Parquet file: the servicegap version, and the result without its rows
 * (period, sort, interval settings, excluded regions, warnings …) as JSON, so the file carries
 * how it was made.
 */
export function tidyMetadata(result: { readonly servicegap: string; readonly regions: readonly unknown[] }): Record<string, string> {
  const { regions: _rows, ...rest } = result;
  return { servicegap: result.servicegap, 'servicegap.result': JSON.stringify(rest) };
}

async function parquet(table: DataTable, metadata: Readonly<Record<string, string>>): Promise<Uint8Array> {
  const { tableParquet } = await import('./parquet.js');
  return tableParquet(table, metadata);
}

/** The long table as CSV, or as Parquet when the context says so. */
function long(table: DataTable, context: TidyOptions, metadata: Readonly<Record<string, string>>): Promise<string | Uint8Array> {
  return context.longAsParquet ? parquet(table, metadata) : Promise.resolve(tableCsv(table));
}

/** report --format long: one row per region × metric, with its unit. */
export const renderReportLong = (report: Report, context: RenderContext): Promise<string | Uint8Array> => long(reportLong(report), context, tidyMetadata(report));
/** report --format parquet: the CSV's table, typed. */
export const renderReportParquet = (report: Report): Promise<Uint8Array> => parquet(reportTable(report), tidyMetadata(report));
/** coverage --format long: one row per region × norm × metric. */
export const renderCoverageLong = (report: CoverageReport, context: CoverageRenderContext): Promise<string | Uint8Array> =>
  long(coverageLong(report, context.norms), context, tidyMetadata(report));
/** coverage --format parquet. */
export const renderCoverageParquet = (report: CoverageReport): Promise<Uint8Array> => parquet(coverageTable(report), tidyMetadata(report));
/** trend --format long: one row per region × year × metric. */
export const renderTrendLong = (report: TrendReport, context: TrendRenderContext): Promise<string | Uint8Array> => long(trendLong(report), context, tidyMetadata(report));
/** trend --format parquet. */
export const renderTrendParquet = (report: TrendReport): Promise<Uint8Array> => parquet(trendTable(report), tidyMetadata(report));

/**
 * A long table's CSV as UTF-8 bytes in pieces, its rows made one at a time as they are written
 * (the command line's output); undefined when it goes to Parquet (a file's columns are written
 * whole). trend --format long on 5,000 regions is 2.85 million rows: held as a table and joined
 * into one text it took the run to 2.7 GB at its peak (issue 18).
 */
function longPieces({ names, rows }: LongRows, context: TidyOptions): Iterable<Uint8Array> | undefined {
  return context.longAsParquet ? undefined : textPieces(csvLines(names, rows()));
}

/** report --format long as CSV in pieces (longPieces). */
export const renderReportLongPieces = (report: Report, context: RenderContext): Iterable<Uint8Array> | undefined => longPieces(reportLongRows(report), context);
/** coverage --format long as CSV in pieces (longPieces). */
export const renderCoverageLongPieces = (report: CoverageReport, context: CoverageRenderContext): Iterable<Uint8Array> | undefined =>
  longPieces(coverageLongRows(report, context.norms), context);
/** trend --format long as CSV in pieces (longPieces). */
export const renderTrendLongPieces = (report: TrendReport, context: TrendRenderContext): Iterable<Uint8Array> | undefined => longPieces(trendLongRows(report), context);
