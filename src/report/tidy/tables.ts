// The tables behind the tidy outputs (issue 16), one per result:
// - wide (`--format parquet`): the CSV's rows and columns, typed — report: one row per ranked
//   region; coverage: one per region × norm; trend: one per region × year; draws: one per
//   region × draw;
// - long (`--format long`): one row per region × metric (× norm or year) with its value and
//   unit, for R's tidyr/ggplot2 and pandas. A metric that is not known (null) keeps its row, with
//   an empty value: missing is not zero, and the row says so. The region's flags and its
//   categories_not_reported (SPEC §8; each joined by ";") are text, not metrics: two columns of
//   their own on each of its rows, so a filter on a metric keeps them beside its value.
import type { CoverageReport } from '../../core/coverage-schema.js';
import { coverageUnits, type InputScale, reportUnits } from '../../core/metric-units.js';
import type { NormTable } from '../../core/norms.js';
import { IntervalFieldsSchema, RankedRegionSchema, type Report, type ReportRegion } from '../../core/report-schema.js';
import type { DrawChunk, DrawPlan } from '../../core/weight-draws.js';
import { variedWeightKeys } from '../../core/weight-draws.js';
import type { TrendReport } from '../../core/trend-schema.js';
import { type TrendYear, TrendYearSchema } from '../../core/trend-schema.js';
import { EXCLUDED_REASON_COLUMN } from '../csv.js';
import { weightColumn } from '../draws.js';
import type { Cell, Column, ColumnType, DataTable } from './data-table.js';

const INT_COLUMNS = new Set(['rank', 'rank_p5', 'rank_p95', 'year', 'from', 'to', 'draw', 'first_vacuum_year', 'peak_year']);
const TEXT_COLUMNS = new Set(['region', 'name', 'flags', 'categories_not_reported', 'norm', 'metric', 'unit', 'excluded_reason']);
/** The long tables' text columns that describe the region's numbers (SPEC §3, §8), after the unit. */
const LONG_NOTES = ['flags', 'categories_not_reported'] as const;
/** An excluded region's notes: none (it carries no flags). */
const NO_NOTES: readonly Cell[] = LONG_NOTES.map(() => null);
const notesOf = (r: { readonly flags: readonly string[]; readonly categories_not_reported: readonly string[] }): Cell[] => LONG_NOTES.map((n) => cell(r[n]));

/** A column's type by its name: codes and names are text, ranks and years whole numbers, the rest doubles. */
function typeOf(name: string): ColumnType {
  if (TEXT_COLUMNS.has(name)) return 'string';
  if (name === 'open') return 'boolean';
  return INT_COLUMNS.has(name) ? 'int' : 'double';
}

const cell = (v: unknown): Cell => (Array.isArray(v) ? v.join(';') : v === undefined ? null : (v as Cell));

function columnsOf<R>(rows: readonly R[], names: readonly string[], get: (row: R, name: string) => unknown): Column[] {
  return names.map((name) => ({ name, type: typeOf(name), values: rows.map((r) => cell(get(r, name))) }));
}

const REPORT_COLUMNS = Object.keys(RankedRegionSchema.shape);
const INTERVAL_COLUMNS = Object.keys(IntervalFieldsSchema.shape);

/** The report's columns (SPEC §6 order; the intervals last when the report has them). */
function reportColumnNames(report: Report): string[] {
  return report.interval === undefined ? REPORT_COLUMNS : [...REPORT_COLUMNS, ...INTERVAL_COLUMNS];
}

/**
 * Wide: the CSV's rows and columns, typed (csv.ts): one row per ranked region, then one per
 * excluded region — its code, every figure null, and why it is not ranked in the last column,
 * `excluded_reason` (null for a ranked region), so that no region vanishes from the file.
 */
export function reportTable(report: Report): DataTable {
  const ranked = columnsOf(report.regions, reportColumnNames(report), (r, name) => r[name as keyof ReportRegion]);
  const columns: Column[] = ranked.map((c) => ({ ...c, values: [...c.values, ...report.excluded.map((e) => (c.name === 'region' ? e.region : null))] }));
  columns.push({ name: EXCLUDED_REASON_COLUMN, type: 'string', values: [...report.regions.map(() => null), ...report.excluded.map((e) => e.reason)] });
  return { columns };
}

/** A long table as its column names and its rows, made as they are read: written as CSV row by
 * row (render.ts; a trend of 5,000 regions has 2.85 million), or made into a DataTable (longTable). */
export interface LongRows {
  readonly names: readonly string[];
  readonly rows: () => Iterable<readonly Cell[]>;
}

/**
 * Long: region, name, from, to, metric, value, unit, flags, categories_not_reported,
 * excluded_reason — one row per region × numeric metric: the ranked regions', then the excluded
 * regions' with every value empty (missing is not zero) and the reason they are not ranked.
 */
export function reportLongRows(report: Report, scale: InputScale = report.scale ?? 'counts'): LongRows {
  const units = reportUnits(scale);
  const metrics = reportColumnNames(report).filter((c) => !TEXT_COLUMNS.has(c));
  return {
    names: ['region', 'name', 'from', 'to', 'metric', 'value', 'unit', ...LONG_NOTES, EXCLUDED_REASON_COLUMN],
    *rows() {
      for (const r of report.regions) {
        const notes = notesOf(r);
        for (const metric of metrics) yield [r.region, r.name, report.from, report.to, metric, cell(r[metric as keyof ReportRegion]), units[metric] ?? null, ...notes, null];
      }
      for (const e of report.excluded) {
        for (const metric of metrics) yield [e.region, null, report.from, report.to, metric, null, units[metric] ?? null, ...NO_NOTES, e.reason];
      }
    },
  };
}

/** reportLongRows as a typed table (Parquet). */
export function reportLong(report: Report, scale?: InputScale): DataTable {
  return longTable(reportLongRows(report, scale));
}

function longTable({ names, rows }: LongRows): DataTable {
  const all = [...rows()];
  return {
    columns: names.map((name, i) => ({ name, type: name === 'value' ? 'double' : typeOf(name), values: all.map((row) => row[i]!) })),
  };
}

const COVERAGE_REGION = ['rank', 'region', 'name', 'population', 'coverage_index'] as const;
const COVERAGE_NORM = ['norm', 'value', 'per_100k', 'norm_low', 'norm_high', 'coverage', 'gap'] as const;

/** Wide: one row per region × norm, as the coverage CSV. */
export function coverageTable(report: CoverageReport): DataTable {
  // Object.assign: a spread's copies each get a hidden class of their own in V8 (core/interval.ts).
  const rows = report.regions.flatMap((r) => r.norms.map((n) => Object.assign({}, r, n)));
  return { columns: columnsOf(rows, [...COVERAGE_REGION, ...COVERAGE_NORM], (row, name) => row[name as keyof typeof row]) };
}

/** Long: region, name, to, norm, metric, value, unit — per region × norm × metric, and each region's coverage_index (norm empty). */
export function coverageLongRows(report: CoverageReport, norms: NormTable): LongRows {
  return {
    names: ['region', 'name', 'to', 'norm', 'metric', 'value', 'unit'],
    *rows() {
      for (const r of report.regions) {
        yield [r.region, r.name, report.to, null, 'coverage_index', r.coverage_index, coverageUnits('').coverage_index!];
        for (const n of r.norms) {
          const units = coverageUnits(norms.find((x) => x.norm === n.norm)?.unitLabel ?? 'places');
          for (const metric of COVERAGE_NORM.slice(1)) yield [r.region, r.name, report.to, n.norm, metric, n[metric], units[metric]!];
        }
      }
    },
  };
}

/** coverageLongRows as a typed table (Parquet). */
export function coverageLong(report: CoverageReport, norms: NormTable): DataTable {
  return longTable(coverageLongRows(report, norms));
}

const TREND_REGION = ['rank', 'region', 'name', 'first_vacuum_year', 'peak_vacuum_per_100k', 'peak_year', 'open'] as const;
const TREND_YEAR = Object.keys(TrendYearSchema.shape);

/** Wide: one row per region × year, as the trend CSV. Its columns filled straight from each region
 * and year: an object per row made by spreading the two (150,000 at 5,000 regions, 26 fields each)
 * took 4.8 s and 770 MB (issue 18). */
export function trendTable(report: TrendReport): DataTable {
  const names = [...TREND_REGION, ...TREND_YEAR];
  const values: Cell[][] = names.map(() => []);
  for (const region of report.regions) {
    const regionCells = TREND_REGION.map((name) => cell(region[name]));
    // `years` read once per region (a trend makes them when read: core/trend-years.ts).
    for (const year of region.years) {
      for (let i = 0; i < regionCells.length; i++) values[i]!.push(regionCells[i]!);
      for (let j = 0; j < TREND_YEAR.length; j++) values[TREND_REGION.length + j]!.push(cell(year[TREND_YEAR[j] as keyof TrendYear]));
    }
  }
  return { columns: names.map((name, i) => ({ name, type: typeOf(name), values: values[i]! })) };
}

/** Long: region, name, from, year, metric, value, unit, flags, categories_not_reported — per region × year × numeric metric (B → that year). */
export function trendLongRows(report: TrendReport, scale: InputScale = 'counts'): LongRows {
  const units = reportUnits(scale);
  const metrics = TREND_YEAR.filter((c) => c !== 'year' && !TEXT_COLUMNS.has(c));
  return {
    names: ['region', 'name', 'from', 'year', 'metric', 'value', 'unit', ...LONG_NOTES],
    *rows() {
      for (const r of report.regions) {
        for (const y of r.years) {
          const notes = notesOf(y);
          for (const metric of metrics) yield [r.region, r.name, report.from, y.year, metric, cell(y[metric as keyof typeof y]), units[metric] ?? null, ...notes];
        }
      }
    },
  };
}

/** trendLongRows as a typed table (Parquet). */
export function trendLong(report: TrendReport, scale?: InputScale): DataTable {
  return longTable(trendLongRows(report, scale));
}

/** Every draw of a sensitivity run: region, draw, each drawn weight, vacuum per 100k, rank (as the draws CSV). */
export function drawsTable(plan: DrawPlan, chunks: readonly DrawChunk[]): DataTable {
  const keys = variedWeightKeys(plan.weights);
  const K = keys.length;
  const R = plan.regions.length;
  const total = chunks.reduce((n, c) => n + (c.end - c.start) * R, 0);
  const region = new Array<string>(total);
  const draw = new Array<number>(total);
  const weights = keys.map(() => new Array<number>(total));
  const vacuum = new Array<number>(total);
  const rank = new Array<number>(total);
  let i = 0;
  for (const chunk of chunks) {
    for (let d = 0; d < chunk.end - chunk.start; d++) {
      for (let r = 0; r < R; r++, i++) {
        region[i] = plan.regions[r]!;
        draw[i] = chunk.start + d;
        for (let j = 0; j < K; j++) weights[j]![i] = chunk.weights[d * K + j]!;
        vacuum[i] = chunk.vacuum[d * R + r]!;
        rank[i] = chunk.rank[d * R + r]!;
      }
    }
  }
  return {
    columns: [
      { name: 'region', type: 'string', values: region },
      { name: 'draw', type: 'int', values: draw },
      ...keys.map((key, j) => ({ name: weightColumn(key), type: 'double' as const, values: weights[j]! })),
      { name: 'vacuum_per_100k', type: 'double', values: vacuum },
      { name: 'rank', type: 'int', values: rank },
    ],
  };
}
