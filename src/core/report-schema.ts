// The machine contract of SPEC §6: the JSON report, as zod schemas with derived types.
import { z } from 'zod';
import { CategorySchema } from './categories.js';
import { RunProvenanceSchema, WeightRecordSchema } from './provenance-schema.js';

const nullableNumber = z.number().nullable();

/**
 * Flags a region's numbers can carry (SPEC §3, §8): `interpolated`, a value on the line between
 * two known years entered a metric (--fill linear); `no_community_data`, the region has no row in
 * services.csv and was counted with 0 on the user's word (--missing-community zero);
 * `partial_community`, it has no row for a category that some other region reports.
 */
export const FLAG_CODES = ['carried_forward', 'service_started_later', 'interpolated', 'no_community_data', 'partial_community'] as const;
/** zod schema of a flag: one of `FLAG_CODES`. */
export const FlagSchema = z.enum(FLAG_CODES);
/** A flag code. */
export type Flag = z.infer<typeof FlagSchema>;

/** One region's metrics (SPEC §3), without its rank. */
export const RegionMetricsSchema = z.object({
  region: z.string(),
  name: z.string(),
  population: z.number(),
  beds_from: nullableNumber,
  beds_to: nullableNumber,
  bed_change: z.number(),
  beds_closed: z.number(),
  community_from_be: z.number(),
  community_to_be: z.number(),
  community_change_be: z.number(),
  net_change_be: z.number(),
  vacuum_be: z.number(),
  vacuum_per_100k: z.number(),
  replacement_ratio: nullableNumber,
  capacity_per_100k_from: nullableNumber,
  capacity_per_100k_to: nullableNumber,
  rate_drop_per_100k: nullableNumber,
  /** SPEC §7 coverage index at T against the norms in force; null when no norm is known. */
  coverage_index: nullableNumber,
  flags: z.array(FlagSchema),
  /** SPEC §8: categories some other region reports (any year) and this one has no row for, in the taxonomy's order. */
  categories_not_reported: z.array(CategorySchema),
});
/** One region's metrics without its rank. */
export type RegionMetrics = z.infer<typeof RegionMetricsSchema>;

/** One ranked region: its rank and metrics. */
export const RankedRegionSchema = z.object({ rank: z.number().int().min(1) }).extend(RegionMetricsSchema.shape);
/** One ranked region of a report. */
export type RankedRegion = z.infer<typeof RankedRegionSchema>;

/**
 * Metrics a report can be sorted by (`--sort`): every numeric field of a region. Sorting is
 * descending, so `coverage_index` puts the best covered first (`servicegap coverage` ranks the
 * least covered first).
 */
export const SORT_METRICS = [
  'vacuum_per_100k',
  'vacuum_be',
  'population',
  'beds_from',
  'beds_to',
  'bed_change',
  'beds_closed',
  'community_from_be',
  'community_to_be',
  'community_change_be',
  'net_change_be',
  'replacement_ratio',
  'capacity_per_100k_from',
  'capacity_per_100k_to',
  'rate_drop_per_100k',
  'coverage_index',
] as const satisfies readonly (keyof RegionMetrics)[];
/** zod schema of a sort metric. */
export const SortMetricSchema = z.enum(SORT_METRICS);
/** A metric a report can be sorted by. */
export type SortMetric = z.infer<typeof SortMetricSchema>;

/**
 * Why a region could not be ranked: the inputs that are unknown, joined by ", " (SPEC §3):
 * `beds_from`, `beds_to`, `population`, `community` (no row in services.csv, SPEC §8), and under
 * --fill none `community_from_be` / `community_to_be`.
 */
export const ExcludedRegionSchema = z.object({ region: z.string(), reason: z.string() });
/** A region that could not be ranked, and why. */
export type ExcludedRegion = z.infer<typeof ExcludedRegionSchema>;

/**
 * zod schema of a warning: file, line (null for the whole file), message; `kind: "plausibility"`
 * on a plausibility notice (SPEC §8), which never changes a number or an exit code.
 */
export const WarningSchema = z.object({
  file: z.string(),
  line: z.number().int().nullable(),
  message: z.string(),
  kind: z.literal('plausibility').optional(),
});

/** `--weights low|high`: every weight at the low or the high end of its range (SPEC §4). */
export const WEIGHT_CORNERS = ['low', 'high'] as const;
/** zod schema of a weight corner. */
export const WeightCornerSchema = z.enum(WEIGHT_CORNERS);
/** `low` or `high`: every weight at that end of its range. */
export type WeightCorner = z.infer<typeof WeightCornerSchema>;

/**
 * The uncertainty of a ranked region's figures over the weights' ranges (issue 16): the 5th and
 * 95th percentile of `vacuum_per_100k` and of the rank over the draws of the report's `interval`.
 * Absent under --no-interval.
 */
export const IntervalFieldsSchema = z.object({
  vacuum_per_100k_p5: z.number(),
  vacuum_per_100k_p95: z.number(),
  rank_p5: z.number().int().min(1),
  rank_p95: z.number().int().min(1),
});
/** A region's p5–p95 interval of vacuum per 100k and rank. */
export type IntervalFields = z.infer<typeof IntervalFieldsSchema>;

/** A region of the report: ranked, with its interval when the report has one. */
export const ReportRegionSchema = RankedRegionSchema.extend(IntervalFieldsSchema.partial().shape);
/** A region of the report. */
export type ReportRegion = z.infer<typeof ReportRegionSchema>;

/**
 * How the varied weights move together: `none` (default), each drawn on its own; `category`,
 * one draw per category shared by all its varied weights (each at the same fraction of its range).
 */
export const CORRELATIONS = ['none', 'category'] as const;
/** zod schema of a correlation: one of CORRELATIONS. */
export const CorrelationSchema = z.enum(CORRELATIONS);
/** `none` or `category`. */
export type Correlation = z.infer<typeof CorrelationSchema>;

/** A weight that was drawn (low < high); weights with low = high stay at their value. The fields of a provenance weight. */
export const VariedWeightSchema = WeightRecordSchema.pick({ category: true, unit: true, value: true, low: true, high: true });
/** A weight that was drawn, with its range. */
export type VariedWeight = z.infer<typeof VariedWeightSchema>;

/** How draws of the weights were made, so that anyone can repeat them: shared by a report's intervals and a sensitivity run. */
export const DrawSettingsSchema = z.object({
  draws: z.number().int().min(1),
  seed: z.number().int().min(0),
  /** How each weight is drawn: uniformly between its low and high. */
  distribution: z.literal('uniform'),
  correlation: CorrelationSchema,
  /** How percentiles are taken: nearest rank (every percentile is a value some draw produced). */
  percentile_method: z.literal('nearest-rank'),
  generator: z.literal('mulberry32'),
});

/** How a report's intervals were drawn (the draws' settings, the percentiles and the weights drawn). */
export const IntervalSettingsSchema = z
  .object({
    /** Which percentiles the intervals are: 5th–95th. */
    percentiles: z.tuple([z.literal(5), z.literal(95)]),
  })
  .extend(DrawSettingsSchema.shape)
  .extend({ varied_weights: z.array(VariedWeightSchema) });
/** How a report's intervals were drawn. */
export type IntervalSettings = z.infer<typeof IntervalSettingsSchema>;

/** zod schema of the JSON report (SPEC §6), the machine contract; key order is the output order. */
export const ReportSchema = z.object({
  servicegap: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  sort: SortMetricSchema,
  /** Present only when every weight was set to one end of its range (`--weights low|high`). */
  weights: WeightCornerSchema.optional(),
  /** `rates`: the input was per 100,000 residents, with no population (--rates); absent: counts. */
  scale: z.literal('rates').optional(),
  /** How the regions' p5–p95 intervals were drawn; absent under --no-interval (issue 16). */
  interval: IntervalSettingsSchema.optional(),
  regions: z.array(ReportRegionSchema),
  excluded: z.array(ExcludedRegionSchema),
  /** Every warning, plausibility notices included (SPEC §8). */
  warnings: z.array(WarningSchema),
  /** What produced the numbers: inputs, config, weights, norms and options (SPEC §8). */
  provenance: RunProvenanceSchema,
});
/** The JSON report. */
export type Report = z.infer<typeof ReportSchema>;
