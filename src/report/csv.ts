// CSV (SPEC §6): one row per region shown, the JSON region columns in the JSON order, unrounded
// numbers in JavaScript's shortest round-trip form, null as an empty cell, flags and
// categories_not_reported joined by ";"; then the p5–p95 interval columns when the report has
// intervals (issue 16); then one row per excluded region (issue 14): empty rank, figures and
// interval, and the reason in the last column, `excluded_reason` (empty for every ranked region),
// so that no region vanishes.
// RFC 4180 quoting; text cells are neutralised against formula injection (safe-cell.ts).
//
// Two dialects:
// - standard (`--format csv`): "," between fields, a decimal point, LF line ends, no byte-order mark;
// - Excel (`--excel`): what a spreadsheet in the Nordic and most European locales opens directly:
//   a UTF-8 byte-order mark (so Excel does not read the names as Windows-1252), ";" between
//   fields, a decimal comma, CRLF line ends. The numbers are the same digits, still unrounded.
import { IntervalFieldsSchema, type RankedRegion, RankedRegionSchema, type ReportRegion } from '../core/report-schema.js';
import type { Renderer } from './render-context.js';
import { csvCell } from './safe-cell.js';

/** The JSON region fields, in the same order (SPEC §6): taken from the schema, not listed again. */
export const CSV_COLUMNS = Object.keys(RankedRegionSchema.shape) as (keyof RankedRegion)[];
/** The interval columns, after those, when the report has intervals (issue 16). */
export const CSV_INTERVAL_COLUMNS = Object.keys(IntervalFieldsSchema.shape) as (keyof ReportRegion)[];

/** How a CSV is written: field delimiter, decimal mark, line end and whether it starts with a UTF-8 byte-order mark. */
export interface CsvDialect {
  readonly delimiter: ',' | ';';
  readonly decimal: '.' | ',';
  readonly lineEnd: '\n' | '\r\n';
  readonly byteOrderMark: boolean;
}

/** The standard dialect (`--format csv`): ",", decimal point, LF, no byte-order mark. */
export const STANDARD_CSV: CsvDialect = { delimiter: ',', decimal: '.', lineEnd: '\n', byteOrderMark: false };
/** The Excel dialect (`--excel`): byte-order mark, ";", decimal comma, CRLF. */
export const EXCEL_CSV: CsvDialect = { delimiter: ';', decimal: ',', lineEnd: '\r\n', byteOrderMark: true };

function cellValue(region: ReportRegion, column: keyof ReportRegion): string | number | null {
  const value = region[column];
  return Array.isArray(value) ? value.join(';') : (value ?? null);
}

/** The last column: why a region is not ranked (empty for a ranked region). */
export const EXCLUDED_REASON_COLUMN = 'excluded_reason';

/** A renderer that writes a report's ranked regions as CSV in `dialect`, then its excluded regions:
 * a row each with an empty rank, empty figures, and the reason in the last column. */
export function csvRenderer(dialect: CsvDialect): Renderer {
  return (report) => {
    const { delimiter, decimal, lineEnd } = dialect;
    const columns: (keyof ReportRegion)[] = report.interval === undefined ? CSV_COLUMNS : [...CSV_COLUMNS, ...CSV_INTERVAL_COLUMNS];
    const lines = [[...columns, EXCLUDED_REASON_COLUMN].join(delimiter)];
    for (const region of report.regions) {
      lines.push([...columns.map((c) => csvCell(cellValue(region, c), delimiter, decimal)), ''].join(delimiter));
    }
    for (const excluded of report.excluded) {
      const cells = columns.map((c) => (c === 'region' ? csvCell(excluded.region, delimiter, decimal) : ''));
      lines.push([...cells, csvCell(excluded.reason, delimiter, decimal)].join(delimiter));
    }
    return `${dialect.byteOrderMark ? '\uFEFF' : ''}${lines.join(lineEnd)}${lineEnd}`;
  };
}

export const renderCsv: Renderer = csvRenderer(STANDARD_CSV);
/** CSV for spreadsheets (`--excel`): byte-order mark, ";", decimal comma, CRLF. */
export const renderExcelCsv: Renderer = csvRenderer(EXCEL_CSV);
