// servicegap's library API: the runs the command line makes (src/app), their options and
// results, the error classes, the schemas, the defaults and the renderer registry. Everything
// else is internal and may change in any release; `npm run api` shows this surface
// (api/servicegap.api.md, written by api-extractor), and a test fails when it changes without that file.

// ---------------------------------------------------------------------------------------------
// The runs: one per command, plain options in, typed results (and the output to render) out.

export { runReport, type ReportRunOptions, type ReportRun, type GateResult } from './app/report.js';
export { runCoverage, type CoverageRunOptions, type CoverageRun } from './app/coverage.js';
export { runTrend, type TrendRunOptions, type TrendRun } from './app/trend.js';
export { runSensitivity, type SensitivityRunOptions, type SensitivityRun } from './app/sensitivity.js';
export { runCompare, type CompareRunOptions, type CompareRun } from './app/compare.js';
export { CompareSideSpecSchema, type CompareSideSpec } from './app/compare-side.js';
export { runBatch, type BatchRunOptions, type BatchRun } from './app/batch.js';
export { runValidate, validationFailure, type ValidateRunOptions, type ValidateRun } from './app/validate.js';
export { runTaxonomy, type TaxonomyRunOptions, type TaxonomyRun } from './app/taxonomy.js';
export { runInit, type InitRunOptions, type InitRun } from './app/init.js';
export { runImport, type ImportRunOptions, type ImportRun } from './app/import.js';
export { runMethods, type MethodsRunOptions, type MethodsRun } from './app/methods.js';
export { runExplain, type ExplainRunOptions, type ExplainRun } from './app/explain.js';
export { EXPLAIN_FORMATS, type ExplainFormat, type ExplainContext } from './report/explain.js';
export { IMPORT_FORMATS, IMPORT_PRESETS, type ImportFormat, type ImportPreset } from './core/import/presets.js';
export {
  IMPORT_ROLES,
  ImportRoleSchema,
  ImportMappingSchema,
  ServiceTargetSchema,
  type ImportRole,
  type ImportMappingInput,
  type ServiceTarget,
} from './core/import/mapping.js';
export type { DataOptions, ReadingOptions } from './app/data.js';
// Maps (issue 19): the boundaries of the HTML pages' maps (RenderContext.map, CoverageRenderContext.map),
// read from a file or the bundled set and matched to region codes, as runReport and runCoverage do.
export type { MapOptions } from './app/options.js';
export { loadMapShapes, matchShapes, mapSource, type LoadedMap, type MapSourceOptions } from './app/map.js';
export { bundledGeoSource, readGeoFile, type GeoSource, type GeoLayout, type GeoTopology, type GeoShapeProperties } from './io/geo.js';
export type { MapLayout, MapShapes, ShapeProperties } from './report/map/shapes.js';
export type { ChartsWritten } from './app/charts.js';
export { WeightsChoiceSchema, type PeriodOptions, type RankingOptions, type OutputOptions, type TrustOptions, type ReadingThreadsOptions, type WeightsChoice } from './app/options.js';
export { FILE_NAMES, EXTRA_FILE_NAMES, type DatasetInputs, type FileRole, type FileReadInfo } from './io/load-dataset.js';
export { DELIMITERS, type Delimiter } from './io/delimiter.js';
export { ENCODINGS, type Encoding, type EncodingOption } from './io/encodings.js';
export { CSV_PARSERS, type CsvParserName } from './io/read-csv.js';
export { THOUSANDS_SEPARATORS, type DecimalMark, type ThousandsSeparator, type NumberFormat } from './core/numbers.js';
export type { CsvInput } from './io/input-source.js';
export type { ReadProgress } from './io/read-table.js';
export type { TableSummary } from './io/table-handlers.js';

// ---------------------------------------------------------------------------------------------
// Errors: each run ends with one of these (the CLI maps each to its exit code, SPEC §5).

export {
  OptionError,
  ConfigError,
  InputError,
  PeriodError,
  LevelError,
  FileAccessError,
  FileFormatError,
  InputSelectionError,
  formatIssue,
  type InputIssue,
} from './app/errors.js';
export { formatWarning, type Warning } from './core/issues.js';

// ---------------------------------------------------------------------------------------------
// Rendering: every kind of output × format → its renderer, loaded on first use.

export { renderOutput, loadRenderer } from './report/registry.js';
export type { FormatOf, OutputOf, RendererOf, RenderedOf } from './report/registry.js';
export type { Output, OutputKind } from './report/output.js';
export { REPORT_FORMATS, REPORT_OUTPUT_FORMATS, WORKBOOK_FORMATS } from './report/render-context.js';
export type { ReportFormat, ReportOutputFormat, WorkbookFormat, RenderContext, CoverageView } from './report/render-context.js';
export { COVERAGE_FORMATS, COVERAGE_OUTPUT_FORMATS } from './report/coverage/context.js';
export type { CoverageFormat, CoverageOutputFormat, CoverageRenderContext } from './report/coverage/context.js';
export { TREND_FORMATS, TREND_OUTPUT_FORMATS } from './report/trend/context.js';
export type { TrendFormat, TrendOutputFormat, TrendRenderContext } from './report/trend/context.js';
export { RESEARCH_FORMATS } from './report/research-format-names.js';
export type { ResearchFormat } from './report/research-format-names.js';
export type { ResearchContext } from './report/research-formats.js';
export { VALIDATION_FORMATS } from './report/validation.js';
export type { ValidationFormat, ValidationResult, ValidationContext } from './report/validation.js';
/** Write a rendered output safely: atomically, never over a file the run read, symlinks, devices, FIFOs and modes respected. */
export { writeOutput, type OutputContent, type WriteOutputOptions } from './io/output-writer.js';
/** The tidy formats of report, coverage and trend (issue 16): long (CSV, or Parquet to a .parquet file) and parquet. */
export { TIDY_FORMATS, type TidyFormat, type TidyOptions } from './report/tidy/formats.js';
/** What the methods paragraph (`runMethods`) describes besides the report. */
export type { MethodsContext } from './report/methods.js';
/** The formats of the draws file (`drawsOut`), chosen by its extension. */
export { DRAWS_FORMATS, type DrawsFormat } from './app/draws.js';
export { LISTING_FORMATS } from './report/listing.js';
export type { ListingFormat, Listing, ListingContext, ListingRow } from './report/listing.js';

// ---------------------------------------------------------------------------------------------
// Schemas: zod schemas of the inputs, the config, the scenario file and every result, with the
// types derived from them; and their JSON Schemas (shipped in schema/).

export {
  RegionRowSchema,
  PopulationRowSchema,
  BedStockRowSchema,
  BedEventRowSchema,
  ServiceRowSchema,
  CrosswalkRowSchema,
} from './core/row-schema-constants.js';
export { ConfigSchema, NormOverrideSchema, NormMeasureSchema } from './core/config.js';
export type { Config, NormOverride, NormMeasure } from './core/config.js';
export { FileOptionsSchema, type FileOptions } from './core/file-options.js';
export { CategorySchema, CATEGORY_CODES, CATEGORY_DESCRIPTIONS } from './core/categories.js';
export type { Category } from './core/categories.js';
export { UnitSchema, UNIT_CODES } from './core/units.js';
export type { Unit } from './core/units.js';
export { FillModeSchema, FILL_MODES } from './core/series.js';
export type { FillMode } from './core/series.js';
export {
  ReportSchema,
  RankedRegionSchema,
  RegionMetricsSchema,
  ExcludedRegionSchema,
  WarningSchema,
  SortMetricSchema,
  SORT_METRICS,
  FLAG_CODES,
  FlagSchema,
  WeightCornerSchema,
  WEIGHT_CORNERS,
} from './core/report-schema.js';
export type { Report, RankedRegion, RegionMetrics, ExcludedRegion, SortMetric, Flag, WeightCorner } from './core/report-schema.js';
export { CoverageReportSchema, RankedCoverageSchema, RegionCoverageSchema, NormCoverageSchema } from './core/coverage-schema.js';
export type { CoverageReport, RankedCoverage, RegionCoverage, NormCoverage } from './core/coverage-schema.js';
export { TrendReportSchema, TrendRegionSchema, TrendYearSchema, TrendGapSchema } from './core/trend-schema.js';
export type { TrendReport, TrendRegion, TrendYear, TrendGap } from './core/trend-schema.js';
/** Issue 16: each ranked region's p5–p95 interval of vacuum per 100k and of rank (on by default), and how it was drawn. */
export { IntervalFieldsSchema, IntervalSettingsSchema, ReportRegionSchema, CORRELATIONS, CorrelationSchema } from './core/report-schema.js';
export type { IntervalFields, IntervalSettings, ReportRegion, Correlation } from './core/report-schema.js';
export {
  SensitivityReportSchema,
  SensitivityRegionSchema,
  SensitivitySettingsSchema,
  VariedWeightSchema,
  SENSITIVITY_PERCENTILES,
} from './core/sensitivity-schema.js';
export type { SensitivityReport, SensitivityRegion, SensitivitySettings, VariedWeight } from './core/sensitivity-schema.js';
export { ComparisonSchema, ComparedRegionSchema, CompareSideSchema, COMPARE_METRICS, PRESENCE } from './core/compare-schema.js';
export type { Comparison, ComparedRegion, CompareSide, CompareMetric } from './core/compare-schema.js';
export {
  ScenarioFileSchema,
  ScenarioSchema,
  ScenarioInputsSchema,
  BatchResultSchema,
  BatchRowSchema,
  BatchScenarioSchema,
  BatchSummarySchema,
  BatchFailureSchema,
} from './core/batch-schema.js';
export type { ScenarioFile, Scenario, BatchResult, BatchRow, BatchScenario, BatchSummary, BatchFailure } from './core/batch-schema.js';
export { MISSING_COMMUNITY, MissingCommunitySchema, checkConfig } from './core/config.js';
export type { MissingCommunity } from './core/config.js';
export {
  RunProvenanceSchema,
  InputRecordSchema,
  ConfigRecordSchema,
  WeightRecordSchema,
  NormRecordSchema,
  RunOptionsSchema,
  SET_BY,
  SetBySchema,
} from './core/provenance-schema.js';
export type { RunProvenance, InputRecord, ConfigRecord, WeightRecord, NormRecord, RunOptions } from './core/provenance-schema.js';
export type { RunSources } from './core/run-provenance.js';
export type { SetBy } from './core/weights.js';
export {
  ExplanationSchema,
  SeriesValueSchema,
  SourceRowSchema,
  ExplainedServiceSchema,
  ExplainStepSchema,
  VALUE_RULES,
} from './core/explain-schema.js';
export type { Explanation, SeriesValue, SourceRow, ExplainedService, ExplainStep } from './core/explain-schema.js';
export type { ChosenPeriod, PeriodRule } from './core/analyze.js';
export type { Period } from './core/metrics.js';
export { jsonSchema, jsonSchemaText, JSON_SCHEMA_NAMES, type JsonSchemaName } from './app/schema.js';
export { JSON_SCHEMAS } from './core/json-schema.js';
export type { Provenance, ProvenanceSource } from './core/dataset.js';
export type { ReportSummary } from './core/summary.js';
export type { TrendSummary } from './core/trend.js';
export type { ReportDetails, RegionDetails, CategoryChange, YearPoint } from './core/breakdown.js';
export type { CoverageHeatmap, CoverageCell, CoverageBand } from './core/coverage-band.js';
export type { Weight, WeightTable } from './core/weights.js';
export type { Norm, NormTable } from './core/norms.js';

// ---------------------------------------------------------------------------------------------
// Defaults, each with its source: weights (bed-equivalents), planning norms, built-in aliases,
// and the defaults of the sensitivity draws and comparisons.

export { DEFAULT_WEIGHTS, DEFAULT_NORMS } from './core/defaults.js';
export type { DefaultWeight, DefaultNorm } from './core/defaults.js';
export { BUILTIN_ALIASES } from './core/aliases.js';
export type { BuiltinAlias, AliasLanguage } from './core/aliases.js';
export { ALIAS_LANGUAGES } from './core/alias-table.js';
export type { AliasOrigin, AliasEntry } from './core/alias-table.js';
export type { UnitAliasName } from './core/unit-aliases.js';
export { SPEC_COLUMNS } from './core/header-aliases.js';
export type { SpecColumn, HeaderMapping } from './core/header-aliases.js';
export type { AliasSourceId } from './core/alias-sources.js';
/** Where the built-in aliases' terms come from, by key (each alias names one). */
export { ALIAS_SOURCES } from './core/alias-sources.js';
/** Local names of the SPEC's units (`årsverk` → fte) and columns (`år` → year), with their languages. */
export { UNIT_ALIASES } from './core/unit-aliases.js';
export { HEADER_ALIASES } from './core/header-aliases.js';
export { DEFAULT_DRAWS, DEFAULT_SEED, MAX_DRAWS, TOP_SHARE_RANK } from './core/sensitivity.js';
export { DEFAULT_COMPARE_TOP } from './core/compare.js';
/** Plausibility notices (warnings of kind "plausibility", SPEC §8): the thresholds that raise them; they change no number and no exit code. */
export { DEFINITION_CHANGE_FACTOR, POPULATION_CHANGE_PERCENT } from './core/plausibility.js';
/** `services: "none"` in DatasetInputs: a run without community data on purpose (SPEC §8). */
export { NO_SERVICES } from './io/load-dataset.js';
export { VERSION } from './version.js';
