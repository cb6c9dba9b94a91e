// servicegap's library API: load a dataset, analyse it, render it — the same code the CLI runs.

/** Load the four input files (SPEC §1) into an aggregated dataset; throws InputError with every problem. */
export { loadDataset, isEmptyInputs, FILE_NAMES } from './io/load-dataset.js';
export type { DatasetInputs, LoadOptions, LoadedDataset, FileRole } from './io/load-dataset.js';
export type { CsvInput } from './io/input-source.js';
export { loadConfig, parseConfig, CONFIG_FILE_NAME } from './io/config-file.js';
export { writeFileAtomic } from './io/atomic-write.js';
export { FileAccessError, InputSelectionError } from './io/errors.js';
export { DEFAULT_DATA_DIR } from './io/default-data.js';

/** Compute and rank every region's metrics (SPEC §3). */
export { analyze, choosePeriod, PeriodError } from './core/analyze.js';
export type { AnalyzeOptions } from './core/analyze.js';
export { regionMetrics } from './core/metrics.js';
export type { Period, RegionOutcome } from './core/metrics.js';
export { rankRegions, compareRegions } from './core/rank.js';
export { valueAt } from './core/series.js';
export { DatasetBuilder } from './core/dataset-builder.js';
export type { Dataset, RegionInfo, ServiceSeries, BedData, Provenance, YearSeries } from './core/dataset.js';

export { buildTaxonomy, normalizeServiceName } from './core/taxonomy.js';
export type { Taxonomy, TaxonomyEntry } from './core/taxonomy.js';
export { BUILTIN_ALIASES } from './core/aliases.js';
export { CATEGORY_CODES, CATEGORY_DESCRIPTIONS, CategorySchema } from './core/categories.js';
export type { Category } from './core/categories.js';
export { UNIT_CODES, UnitSchema } from './core/units.js';
export type { Unit } from './core/units.js';
export { DEFAULT_WEIGHTS, DEFAULT_NORMS } from './core/defaults.js';
export { resolveWeights, weightKey } from './core/weights.js';
export type { Weight, WeightTable } from './core/weights.js';
export { ConfigSchema } from './core/config.js';
export type { Config } from './core/config.js';
export { InputError, formatIssue, formatWarning } from './core/issues.js';
export type { InputIssue, Warning } from './core/issues.js';

/** zod schemas of input rows and of the JSON report, with derived types. */
export {
  RegionRowSchema,
  PopulationRowSchema,
  BedStockRowSchema,
  BedEventRowSchema,
  ServiceRowSchema,
} from './core/schemas.js';
export {
  ReportSchema,
  RankedRegionSchema,
  RegionMetricsSchema,
  ExcludedRegionSchema,
  SORT_METRICS,
  SortMetricSchema,
  FLAG_CODES,
} from './core/report-schema.js';
export type { Report, RankedRegion, RegionMetrics, ExcludedRegion, SortMetric, Flag } from './core/report-schema.js';

export { RENDERERS, formatFromPath } from './report/renderers.js';
export { REPORT_FORMATS } from './report/render-context.js';
export type { ReportFormat, RenderContext, Renderer } from './report/render-context.js';
export { VERSION } from './version.js';

/** Time and geography: --fill, regions as a tree (--level, --rollup), crosswalks, trend. */
export { FILL_MODES, FillModeSchema } from './core/series.js';
export type { FillMode, ValueAtYear } from './core/series.js';
export { selectLevel, chosenLevel, LevelError } from './core/hierarchy.js';
export type { LevelChoice } from './core/hierarchy.js';
export { CrosswalkRowSchema, applyCrosswalk, buildCrosswalk, crosswalkResolver, SHARE_TOLERANCE } from './core/crosswalk.js';
export type { Crosswalk, CrosswalkRow } from './core/crosswalk.js';
export { EXTRA_FILE_NAMES } from './io/load-dataset.js';
export { trend, summarizeTrend } from './core/trend.js';
export type { TrendOptions, TrendSummary } from './core/trend.js';
export { TrendReportSchema, TrendRegionSchema, TrendYearSchema, TrendGapSchema } from './core/trend-schema.js';
export type { TrendReport, TrendRegion, TrendYear, TrendGap } from './core/trend-schema.js';
export { TREND_RENDERERS } from './report/trend/renderers.js';
export { TREND_FORMATS } from './report/trend/context.js';
export type { TrendFormat, TrendRenderContext, TrendRenderer } from './report/trend/context.js';
