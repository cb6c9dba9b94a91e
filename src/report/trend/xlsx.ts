// `servicegap trend --format xlsx`: the trend as a workbook, in the long form of the trend CSV
// (one row per region and year: the region's rank, code, name and series summary, then the year's
// metrics), with the excluded regions, the warnings and what it was made from; sheets written as
// every servicegap workbook's (report/xlsx-sheet.ts).
import type { TrendRegion, TrendReport, TrendYear } from '../../core/trend-schema.js';
import { addFactsSheet, addTableSheet, newWorkbook, type SheetColumn, workbookBytes } from '../xlsx-sheet.js';
import { cellOf, EXCLUDED_COLUMNS, formatOf, sourceFacts, WARNING_COLUMNS } from '../xlsx.js';
import { TREND_CSV_COLUMNS } from './csv.js';
import type { TrendRenderContext } from './context.js';

type TrendRow = { readonly region: TrendRegion; readonly year: TrendYear };

const REGION_KEYS = new Set(['rank', 'region', 'name', 'first_vacuum_year', 'peak_vacuum_per_100k', 'peak_year', 'open']);

const TREND_COLUMNS: readonly SheetColumn<TrendRow>[] = TREND_CSV_COLUMNS.map((column) => ({
  header: column,
  format: formatOf(column),
  width: column === 'name' ? 28 : undefined,
  value: (row: TrendRow) => cellOf(REGION_KEYS.has(column) ? row.region[column as keyof TrendRegion] : row.year[column as keyof TrendYear]),
}));

/** The trend as .xlsx bytes. */
export async function renderTrendXlsx(report: TrendReport, context: Pick<TrendRenderContext, 'provenance' | 'workbookTime'>): Promise<Uint8Array> {
  const workbook = await newWorkbook(context.workbookTime);
  addTableSheet(workbook, 'Trend', TREND_COLUMNS, report.regions.flatMap((region) => region.years.map((year) => ({ region, year }))));
  addTableSheet(workbook, 'Excluded', EXCLUDED_COLUMNS, report.excluded);
  addTableSheet(workbook, 'Warnings', WARNING_COLUMNS, report.warnings);
  addFactsSheet(workbook, 'Provenance', [
    ['servicegap', report.servicegap],
    ['from', report.from],
    ['to', report.to],
    ['sort', report.sort],
    ['fill', report.fill],
    ['level', report.level],
    ['regions shown', report.regions.length],
    ...sourceFacts(report, context.provenance),
  ]);
  return workbookBytes(workbook);
}
