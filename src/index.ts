// servicegap's library API: load a dataset, analyse it, render it — the same code the CLI runs.

/** Load the four input files (SPEC §1) into an aggregated dataset; throws InputError with every problem. */
export { loadDataset, isEmptyInputs, FILE_NAMES } from './io/load-dataset.js';
export type { DatasetInputs, LoadOptions, LoadedDataset, FileRole } from './io/load-dataset.js';
/** Reading analysts' files: encodings, delimiters, number formats, --verbose's description. */
export { numberFormatFor } from './io/load-dataset.js';
export type { FileReadInfo } from './io/load-dataset.js';
export { describeFileRead } from './io/describe-read.js';
export { ENCODINGS } from './io/text-stream.js';
export type { Encoding, EncodingOption } from './io/text-stream.js';
export { DELIMITERS } from './io/delimiter.js';
export type { Delimiter } from './io/delimiter.js';
export { FileFormatError } from './io/errors.js';
export type { CsvInput } from './io/input-source.js';
export { loadConfig, parseConfig, CONFIG_FILE_NAME } from './io/config-file.js';
export { writeFileAtomic } from './io/atomic-write.js';
export { FileAccessError, InputSelectionError } from './io/errors.js';
export { DEFAULT_DATA_DIR } from './io/default-data.js';

/** Compute and rank every region's metrics (SPEC §3). */
export { analyze, choosePeriod, chooseTargetYear, PeriodError } from './core/analyze.js';
export type { AnalyzeOptions } from './core/analyze.js';
export { regionMetrics } from './core/metrics.js';
export type { Period, RegionOutcome } from './core/metrics.js';
export { rankRegions, compareRegions } from './core/rank.js';
export { summarize } from './core/summary.js';
export type { ReportSummary } from './core/summary.js';
export { valueAt } from './core/series.js';

/** Coverage against planning norms (SPEC §4, §7), and the regions × norms grid a heatmap draws. */
export { analyzeCoverage } from './core/analyze-coverage.js';
export type { CoverageOptions } from './core/analyze-coverage.js';
export { measureAt, normCoverage, coverageIndex, regionNormCoverage, regionCoverage } from './core/coverage.js';
export type { CoverageOutcome } from './core/coverage.js';
export { rankCoverage, compareCoverage } from './core/coverage-rank.js';
export { coverageBand, coverageHeatmap, COVERAGE_BANDS } from './core/coverage-band.js';
export type { CoverageBand, CoverageCell, CoverageHeatmap } from './core/coverage-band.js';
export { summarizeCoverage } from './core/coverage-summary.js';
export type { CoverageSummary } from './core/coverage-summary.js';
export { resolveNorms, describeMeasure } from './core/norms.js';
export type { Norm, NormTable } from './core/norms.js';
export {
  CoverageReportSchema,
  RankedCoverageSchema,
  RegionCoverageSchema,
  NormCoverageSchema,
} from './core/coverage-schema.js';
export type { CoverageReport, RankedCoverage, RegionCoverage, NormCoverage } from './core/coverage-schema.js';

export { communityAt } from './core/community.js';
export type { CommunityAtYear } from './core/community.js';
/** Per-region details the HTML report draws: community change by category, yearly series. */
export { categoryBreakdown, yearlySeries, detailYears, reportDetails } from './core/breakdown.js';
export type { CategoryChange, YearPoint, RegionDetails, ReportDetails } from './core/breakdown.js';
export { DatasetBuilder } from './core/dataset-builder.js';
export type { Dataset, RegionInfo, ServiceSeries, BedData, Provenance, ProvenanceSource, YearSeries } from './core/dataset.js';

export { buildTaxonomy, normalizeServiceName } from './core/taxonomy.js';
export type { Taxonomy, TaxonomyEntry, TaxonomyMatch } from './core/taxonomy.js';
export { BUILTIN_ALIASES } from './core/aliases.js';
export type { BuiltinAlias, AliasLanguage } from './core/aliases.js';
export { ALIAS_SOURCES } from './core/alias-sources.js';
export { UNIT_ALIASES } from './core/unit-aliases.js';
export type { UnitCell } from './core/unit-aliases.js';
export { HEADER_ALIASES } from './core/header-aliases.js';
export { canonicalCode } from './core/text-identity.js';
export { CATEGORY_CODES, CATEGORY_DESCRIPTIONS, CategorySchema } from './core/categories.js';
export type { Category } from './core/categories.js';
export { UNIT_CODES, UnitSchema } from './core/units.js';
export type { Unit } from './core/units.js';
export { DEFAULT_WEIGHTS, DEFAULT_NORMS } from './core/defaults.js';
export { resolveWeights, weightKey } from './core/weights.js';
export type { Weight, WeightTable } from './core/weights.js';
export { ConfigSchema, NormOverrideSchema, NormMeasureSchema } from './core/config.js';
export type { Config, NormOverride, NormMeasure } from './core/config.js';
export { InputError, formatIssue, formatWarning } from './core/issues.js';
export type { InputIssue, Warning } from './core/issues.js';

/** zod schemas of input rows and of the JSON report, with derived types. */
export { rowSchemas } from './core/schemas.js';
export type { RowSchemas } from './core/schemas.js';
export { readNumber, isMissingValue, DEFAULT_NUMBER_FORMAT, MAX_MAGNITUDE, THOUSANDS_SEPARATORS } from './core/numbers.js';
export type { NumberFormat, NumberReading, DecimalMark, ThousandsSeparator } from './core/numbers.js';
export {
  RegionRowSchema,
  PopulationRowSchema,
  BedStockRowSchema,
  BedEventRowSchema,
  ServiceRowSchema,
} from './core/row-schema-constants.js';
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
export { renderExcelCsv, csvRenderer, STANDARD_CSV, EXCEL_CSV } from './report/csv.js';
export type { CsvDialect } from './report/csv.js';
export { REPORT_FORMATS } from './report/render-context.js';
export type { ReportFormat, RenderContext, Renderer, CoverageView } from './report/render-context.js';
export { COVERAGE_RENDERERS } from './report/coverage-renderers.js';
export { COVERAGE_FORMATS } from './report/coverage-context.js';
export type { CoverageFormat, CoverageRenderContext, CoverageRenderer } from './report/coverage-context.js';
export { VERSION } from './version.js';

// ---------------------------------------------------------------------------------------------
// Research workflows (issue 6): sensitivity to the weights, comparisons, batches of scenarios,
// JSON Schemas. Each function is the one its command runs.

/** Sensitivity of the ranking to the weights (`report --sensitivity N`), in this thread. */
export {
  sensitivity,
  analyzeCorner,
  cornerWeights,
  drawWeights,
  variedWeightKeys,
  nearestRank,
  planSensitivity,
  runDraws,
  summarizeDraws,
  DEFAULT_DRAWS,
  DEFAULT_SEED,
  MAX_DRAWS,
  TOP_SHARE_RANK,
  drawPlan,
  drawValues,
  nearestRanks,
} from './core/sensitivity.js';
export type { SensitivityOptions, DrawOptions, DrawPlan, DrawChunk } from './core/sensitivity.js';
/** Issue 16: every report's p5–p95 intervals, and the analysis as arrays behind every draw. */
export { withInterval, DEFAULT_INTERVAL_DRAWS, DEFAULT_INTERVAL_SEED, INTERVAL_PERCENTILES } from './core/interval.js';
export { linearModel, evaluate, rankInto, weightVector } from './core/linear-model.js';
export type { LinearModel } from './core/linear-model.js';
export { IntervalFieldsSchema, IntervalSettingsSchema, ReportRegionSchema, CORRELATIONS } from './core/report-schema.js';
export type { IntervalFields, IntervalSettings, ReportRegion, Correlation } from './core/report-schema.js';
/** The same draws spread over worker threads; identical results for any thread count. */
export { sensitivityParallel, SENSITIVITY_AUTO_THRESHOLD } from './parallel/sensitivity.js';
export type { ParallelSensitivityOptions } from './parallel/sensitivity.js';
/** The seeded generator behind the draws. */
export { drawRandom, drawSeed, mulberry32, SEED_MAX } from './core/random.js';
export {
  SensitivityReportSchema,
  SensitivityRegionSchema,
  SensitivitySettingsSchema,
  VariedWeightSchema,
  SENSITIVITY_PERCENTILES,
} from './core/sensitivity-schema.js';
export type { SensitivityReport, SensitivityRegion, SensitivitySettings, VariedWeight } from './core/sensitivity-schema.js';
export { WEIGHT_CORNERS, WeightCornerSchema, WarningSchema } from './core/report-schema.js';
export type { WeightCorner } from './core/report-schema.js';

/** Two reports side by side (`compare A B`). */
export { compare, topChanges, DEFAULT_COMPARE_TOP } from './core/compare.js';
export type { CompareOptions } from './core/compare.js';
export {
  ComparisonSchema,
  ComparedRegionSchema,
  CompareSideSchema,
  COMPARE_METRICS,
  PRESENCE,
} from './core/compare-schema.js';
export type { Comparison, ComparedRegion, CompareSide, CompareMetric } from './core/compare-schema.js';

/** Many named scenarios in one run (`batch FILE`). */
export { runBatch, runScenarios, readScenarioFile, parseScenarioFile, batchThreads, BATCH_AUTO_THRESHOLD, BATCH_AUTO_MIN_VALUES } from './io/batch.js';
export type { BatchOptions, BatchDefaults } from './io/batch.js';
export { combineBatch } from './core/batch.js';
export type { ScenarioReport } from './core/batch.js';
export { mergeConfig } from './core/config-merge.js';
export {
  ScenarioFileSchema,
  ScenarioSchema,
  ScenarioInputsSchema,
  BatchResultSchema,
  BatchRowSchema,
  BatchScenarioSchema,
  BatchSummarySchema,
} from './core/batch-schema.js';
export type { ScenarioFile, Scenario, BatchResult, BatchRow, BatchScenario, BatchSummary } from './core/batch-schema.js';

/** JSON Schemas generated from the zod schemas (`servicegap schema`; shipped in schema/). */
export { jsonSchema, jsonSchemaText, JSON_SCHEMAS, JSON_SCHEMA_NAMES } from './core/json-schema.js';
export type { JsonSchemaName } from './core/json-schema.js';

/** Renderers of the research outputs, one per format. */
export { SENSITIVITY_RENDERERS } from './report/sensitivity.js';
export { COMPARE_RENDERERS } from './report/compare.js';
export { BATCH_RENDERERS } from './report/batch.js';
export { RESEARCH_FORMATS } from './report/research-formats.js';
export type { ResearchFormat, ResearchContext, ResearchRenderer } from './report/research-formats.js';

// ---------------------------------------------------------------------------------------------
// Time and geography (issue 5): --fill, regions as a tree (--level, --rollup), crosswalks, trend.

/** How missing years are filled (`--fill`). */
export { FILL_MODES, FillModeSchema } from './core/series.js';
export type { FillMode, ValueAtYear } from './core/series.js';
/** Regions as a tree: the units a run ranks (`--level`, `--rollup`). */
export { selectLevel, chosenLevel, LevelError } from './core/hierarchy.js';
export type { LevelChoice } from './core/hierarchy.js';
/** Crosswalks: old region codes mapped to current ones by share. */
export { CrosswalkRowSchema } from './core/row-schema-constants.js';
export { applyCrosswalk, buildCrosswalk, crosswalkResolver, SHARE_TOLERANCE } from './core/crosswalk.js';
export type { Crosswalk, CrosswalkRow } from './core/crosswalk.js';
/** Optional input files beyond the four of SPEC §1 (crosswalk.csv). */
export { EXTRA_FILE_NAMES } from './io/load-dataset.js';
/** The vacuum year by year (`servicegap trend`). */
export { trend, summarizeTrend } from './core/trend.js';
export type { TrendOptions, TrendSummary } from './core/trend.js';
/** zod schemas of the trend JSON. */
export { TrendReportSchema, TrendRegionSchema, TrendYearSchema, TrendGapSchema } from './core/trend-schema.js';
export type { TrendReport, TrendRegion, TrendYear, TrendGap } from './core/trend-schema.js';
/** Renderers of the trend report, one per format. */
export { TREND_RENDERERS } from './report/trend/renderers.js';
/** Formats of `servicegap trend`. */
export { TREND_FORMATS } from './report/trend/context.js';
export type { TrendFormat, TrendRenderContext, TrendRenderer } from './report/trend/context.js';

/** Statistics offices' files (JSON-stat, PC-Axis, Eurostat TSV, SDMX-CSV, WHO GHO, N-MHSS) → SPEC input CSV: `servicegap import`. */
export { runImport } from './app/import.js';
export type { ImportOptions, ImportResult } from './app/import.js';
export { IMPORT_FORMATS, IMPORT_PRESETS } from './core/import/presets.js';
export type { ImportFormat, ImportPreset } from './core/import/presets.js';
export { IMPORT_ROLES } from './core/import/mapping.js';
export type { ImportRole } from './core/import/mapping.js';
