// The report as an Excel workbook (`--format xlsx`, or `--out report.xlsx`): one sheet per table,
// each written by xlsx-sheet.ts (frozen header, filters, numbers as numbers, % formatted).
//
// Sheets: Ranking (every ranked region, the JSON columns in the JSON order and "% lost", see
// core/share-lost.ts, and, when the report has them, the p5–p95 intervals beside the vacuum
// per 100k they qualify, as in the table and HTML: issue 16), Excluded (regions not ranked, and why), Coverage (each region against each
// norm at T, when the caller computed it), Weights and Norms (the values in force, their ranges,
// sources and where each was set), Warnings, and Provenance (what the report was made from).
// `servicegap coverage --format xlsx` writes the Coverage, Excluded, Norms, Warnings and
// Provenance sheets of the same shapes.
import type { Workbook } from 'exceljs';
import type { CoverageReport, RankedCoverage, NormCoverage } from '../core/coverage-schema.js';
import type { Norm, NormTable } from '../core/norms.js';
import type { RankedRegion, Report, ReportRegion } from '../core/report-schema.js';
import { shareLost } from '../core/share-lost.js';
import type { Weight } from '../core/weights.js';
import { CSV_COLUMNS, CSV_INTERVAL_COLUMNS } from './csv.js';
import type { RenderContext } from './render-context.js';
import { addFactsSheet, addTableSheet, type CellFormat, newWorkbook, type SheetColumn, workbookBytes } from './xlsx-sheet.js';

/** How each report column is shown: by its name (a column added to the schema later gets one too). */
export function formatOf(column: string): CellFormat {
  if (column === 'region' || column === 'name' || column === 'flags' || column === 'open') return 'text';
  if (column === 'rank' || column.startsWith('rank_') || column === 'population') return 'integer';
  if (column === 'year' || column.endsWith('_year')) return 'general';
  if (column === 'coverage_index') return 'percent';
  if (column === 'replacement_ratio') return 'ratio';
  if (column.includes('per_100k')) return 'per100k';
  return 'beds';
}

/** A cell's value: arrays (flags, categories) joined by "; ", booleans as TRUE/FALSE text. */
export function cellOf(value: unknown): string | number | null {
  if (Array.isArray(value)) return value.join('; ');
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return null;
}

/** One Ranking column per report field, by its name. */
const rankingColumn = (column: keyof ReportRegion): SheetColumn<ReportRegion> => ({
  header: column,
  format: formatOf(column),
  width: column === 'name' ? 28 : column === 'flags' ? 30 : undefined,
  value: (r) => cellOf(r[column]),
});

/** The Ranking sheet's columns; `interval`: the report has p5–p95 intervals (issue 16). */
function rankingColumns(interval: boolean): SheetColumn<ReportRegion>[] {
  return CSV_COLUMNS.flatMap((column): SheetColumn<ReportRegion>[] => {
    if (column !== 'vacuum_per_100k') return [rankingColumn(column)];
    // "% lost" beside the vacuum it is a share of, then the intervals that qualify it.
    const share: SheetColumn<RankedRegion> = { header: 'share_lost', format: 'percent', value: (r) => shareLost(r) };
    return [rankingColumn(column), share, ...(interval ? CSV_INTERVAL_COLUMNS.map(rankingColumn) : [])];
  });
}

const WEIGHT_COLUMNS: readonly SheetColumn<Weight>[] = [
  { header: 'category', format: 'text', width: 18, value: (w) => w.category },
  { header: 'unit', format: 'text', value: (w) => w.unit },
  { header: 'value', format: 'general', value: (w) => w.value },
  { header: 'low', format: 'general', value: (w) => w.low },
  { header: 'high', format: 'general', value: (w) => w.high },
  { header: 'source', format: 'text', width: 90, value: (w) => w.source },
  { header: 'set_by', format: 'text', value: (w) => w.origin },
];

const NORM_COLUMNS: readonly SheetColumn<Norm>[] = [
  { header: 'norm', format: 'text', width: 20, value: (n) => n.norm },
  { header: 'measured_as', format: 'text', width: 50, value: (n) => n.description },
  { header: 'unit', format: 'text', width: 22, value: (n) => n.unitLabel },
  { header: 'low_per_100k', format: 'general', value: (n) => n.low },
  { header: 'high_per_100k', format: 'general', value: (n) => n.high },
  { header: 'source', format: 'text', width: 90, value: (n) => n.source },
  { header: 'set_by', format: 'text', value: (n) => n.origin },
];

type CoverageRow = { readonly region: RankedCoverage; readonly norm: NormCoverage | undefined };

/** One row per region and norm: long ("tidy") form, which a filter or pivot table takes as it is. */
const COVERAGE_COLUMNS: readonly SheetColumn<CoverageRow>[] = [
  { header: 'rank', format: 'integer', value: (r) => r.region.rank },
  { header: 'region', format: 'text', value: (r) => r.region.region },
  { header: 'name', format: 'text', width: 28, value: (r) => r.region.name },
  { header: 'population', format: 'integer', value: (r) => r.region.population },
  { header: 'coverage_index', format: 'percent', value: (r) => r.region.coverage_index },
  { header: 'norm', format: 'text', width: 20, value: (r) => r.norm?.norm },
  { header: 'value', format: 'beds', value: (r) => r.norm?.value },
  { header: 'per_100k', format: 'per100k', value: (r) => r.norm?.per_100k },
  { header: 'norm_low', format: 'general', value: (r) => r.norm?.norm_low },
  { header: 'norm_high', format: 'general', value: (r) => r.norm?.norm_high },
  { header: 'coverage', format: 'percent', value: (r) => r.norm?.coverage },
  { header: 'gap', format: 'beds', value: (r) => r.norm?.gap },
];

export const EXCLUDED_COLUMNS: readonly SheetColumn<{ readonly region: string; readonly reason: string }>[] = [
  { header: 'region', format: 'text', value: (e) => e.region },
  { header: 'reason', format: 'text', width: 50, value: (e) => e.reason },
];

export const WARNING_COLUMNS: readonly SheetColumn<Report['warnings'][number]>[] = [
  { header: 'file', format: 'text', width: 30, value: (w) => w.file },
  { header: 'line', format: 'integer', value: (w) => w.line },
  { header: 'message', format: 'text', width: 120, value: (w) => w.message },
];

/** Add the coverage sheet (also the whole of `servicegap coverage --format xlsx`). */
export function addCoverageSheet(workbook: Workbook, coverage: CoverageReport): void {
  const rows = coverage.regions.flatMap((region): CoverageRow[] => (region.norms.length === 0 ? [{ region, norm: undefined }] : region.norms.map((norm) => ({ region, norm }))));
  addTableSheet(workbook, 'Coverage', COVERAGE_COLUMNS, rows);
}

/** Add the norms in force. */
export function addNormsSheet(workbook: Workbook, norms: NormTable): void {
  addTableSheet(workbook, 'Norms', NORM_COLUMNS, norms);
}

/** Nested facts as dotted fields: { inputs: [{ role }] } → "inputs.1.role". */
function flatten(prefix: string, value: unknown, out: [string, string | number | null][]): void {
  if (value === null || value === undefined) out.push([prefix, null]);
  else if (Array.isArray(value)) value.forEach((v, i) => flatten(`${prefix}.${i + 1}`, v, out));
  else if (typeof value === 'object') for (const [k, v] of Object.entries(value)) flatten(prefix ? `${prefix}.${k}` : k, v, out);
  else out.push([prefix, typeof value === 'number' ? value : String(value)]);
}

/**
 * What the report was made from, as field/value rows: the run (version, period, sort), the
 * dataset's own description (dataset.json), and — when the report carries SPEC §8's
 * `provenance` object (inputs with their hashes, config, weights, options) — every field of it,
 * flattened, so that the workbook says what the JSON says.
 */
export function provenanceFacts(report: Report, context: RenderContext): [string, string | number | null][] {
  const facts: [string, string | number | null][] = [
    ['servicegap', report.servicegap],
    ['from', report.from],
    ['to', report.to],
    ['sort', report.sort],
    ['weights', report.weights ?? 'value (each weight at its value)'],
    ['scale', report.scale === 'rates' ? 'rates (the input was per 100,000 residents, --rates)' : 'counts'],
    ['regions ranked', context.summary.ranked],
    ['regions shown', report.regions.length],
    ['regions excluded', report.excluded.length],
  ];
  // How the intervals were drawn (seed, draws, the weights varied), so that they can be repeated.
  if (report.interval !== undefined) flatten('interval', report.interval, facts);
  return [...facts, ...sourceFacts(report, context.provenance)];
}

/** The dataset's own description and the report's SPEC §8 `provenance`, when it carries one, flattened. */
export function sourceFacts(report: object, dataset: RenderContext['provenance']): [string, string | number | null][] {
  const facts: [string, string | number | null][] = [];
  if (dataset !== undefined) flatten('dataset', { title: dataset.title, illustrative: dataset.illustrative, notice: dataset.notice, sources: dataset.sources }, facts);
  const attached = (report as { provenance?: unknown }).provenance;
  if (attached !== undefined) flatten('provenance', attached, facts);
  return facts;
}

/** The report as .xlsx bytes (see the file comment). */
export async function renderXlsx(report: Report, context: RenderContext): Promise<Uint8Array> {
  const workbook = await newWorkbook(context.workbookTime);
  addTableSheet(workbook, 'Ranking', rankingColumns(report.interval !== undefined), report.regions);
  addTableSheet(workbook, 'Excluded', EXCLUDED_COLUMNS, report.excluded);
  if (context.coverageReport !== undefined) addCoverageSheet(workbook, context.coverageReport);
  addTableSheet(workbook, 'Weights', WEIGHT_COLUMNS, [...context.weights.values()]);
  if (context.norms !== undefined) addNormsSheet(workbook, context.norms);
  addTableSheet(workbook, 'Warnings', WARNING_COLUMNS, report.warnings);
  addFactsSheet(workbook, 'Provenance', provenanceFacts(report, context));
  return workbookBytes(workbook);
}

/** `servicegap coverage --format xlsx`: the Coverage sheet, the norms in force, warnings and what it was made from. */
export async function renderCoverageXlsx(
  report: CoverageReport,
  context: { readonly norms: NormTable; readonly provenance?: RenderContext['provenance']; readonly workbookTime?: Date | undefined },
): Promise<Uint8Array> {
  const workbook = await newWorkbook(context.workbookTime);
  addCoverageSheet(workbook, report);
  addTableSheet(workbook, 'Excluded', EXCLUDED_COLUMNS, report.excluded);
  addNormsSheet(workbook, context.norms);
  addTableSheet(workbook, 'Warnings', WARNING_COLUMNS, report.warnings);
  const facts: [string, string | number | null][] = [
    ['servicegap', report.servicegap],
    ['to', report.to],
    ['regions ranked', report.regions.length],
    ['regions excluded', report.excluded.length],
  ];
  addFactsSheet(workbook, 'Provenance', [...facts, ...sourceFacts(report, context.provenance)]);
  return workbookBytes(workbook);
}
