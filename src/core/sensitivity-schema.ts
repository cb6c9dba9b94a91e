// The JSON of `servicegap report --sensitivity N`: the report of SPEC §6, each region with the
// spread of its vacuum and rank over N draws of the weights, and how the draws were made.
import { z } from 'zod';
import { RunProvenanceSchema } from './provenance-schema.js';
import { DrawSettingsSchema, ExcludedRegionSchema, RankedRegionSchema, SortMetricSchema, VariedWeightSchema, WarningSchema } from './report-schema.js';

/** Percentiles reported for each region (SPEC: 5th, 50th, 95th). */
export const SENSITIVITY_PERCENTILES = [5, 50, 95] as const;

/**
 * One region: its metrics and rank with every weight at its value (as `report` shows them), then
 * the 5th/50th/95th percentile over the draws of `vacuum_per_100k` and of the rank, and the share
 * of draws in which it ranked `top`-th or better (10 unless --top says otherwise).
 */
export const SensitivityRegionSchema = RankedRegionSchema.extend({
  vacuum_per_100k_p5: z.number(),
  vacuum_per_100k_p50: z.number(),
  vacuum_per_100k_p95: z.number(),
  rank_p5: z.number().int().min(1),
  rank_p50: z.number().int().min(1),
  rank_p95: z.number().int().min(1),
  /** Share of draws in which the region ranked `sensitivity.top`-th or better. */
  top_share: z.number().min(0).max(1),
});
/** One region of a sensitivity run. */
export type SensitivityRegion = z.infer<typeof SensitivityRegionSchema>;

export { CorrelationSchema, VariedWeightSchema } from './report-schema.js';
export type { Correlation, VariedWeight } from './report-schema.js';

/** How the draws were made, so that anyone can repeat them. */
export const SensitivitySettingsSchema = DrawSettingsSchema.extend({
  /** `top_share` counts the draws with a rank at or above this (the report's --top, else 10). */
  top: z.number().int().min(1),
  varied_weights: z.array(VariedWeightSchema),
});
/** How a sensitivity run drew its weights. */
export type SensitivitySettings = z.infer<typeof SensitivitySettingsSchema>;

/** zod schema of the JSON of `report --sensitivity N` (`servicegap schema sensitivity`). */
export const SensitivityReportSchema = z.object({
  servicegap: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  sort: SortMetricSchema,
  sensitivity: SensitivitySettingsSchema,
  regions: z.array(SensitivityRegionSchema),
  excluded: z.array(ExcludedRegionSchema),
  warnings: z.array(WarningSchema),
  /** What produced the numbers (SPEC §8): the report's, with the draws and seed among the options. */
  provenance: RunProvenanceSchema,
});
/** The result of a sensitivity run. */
export type SensitivityReport = z.infer<typeof SensitivityReportSchema>;
