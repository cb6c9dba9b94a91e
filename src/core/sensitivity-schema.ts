// The JSON of `servicegap report --sensitivity N`: the report of SPEC §6, each region with the
// spread of its vacuum and rank over N draws of the weights, and how the draws were made.
import { z } from 'zod';
import { RunProvenanceSchema, WeightRecordSchema } from './provenance-schema.js';
import { ExcludedRegionSchema, RankedRegionSchema, SortMetricSchema, WarningSchema } from './report-schema.js';

/** Percentiles reported for each region (SPEC: 5th, 50th, 95th). */
export const SENSITIVITY_PERCENTILES = [5, 50, 95] as const;

/**
 * One region: its metrics and rank with every weight at its value (as `report` shows them), then
 * the 5th/50th/95th percentile over the draws of `vacuum_per_100k` and of the rank, and the share
 * of draws in which it ranked 10th or better.
 */
export const SensitivityRegionSchema = RankedRegionSchema.extend({
  vacuum_per_100k_p5: z.number(),
  vacuum_per_100k_p50: z.number(),
  vacuum_per_100k_p95: z.number(),
  rank_p5: z.number().int().min(1),
  rank_p50: z.number().int().min(1),
  rank_p95: z.number().int().min(1),
  top10_share: z.number().min(0).max(1),
});
/** One region of a sensitivity run. */
export type SensitivityRegion = z.infer<typeof SensitivityRegionSchema>;

/** A weight that was drawn (low < high); weights with low = high stay at their value. The fields of a provenance weight. */
export const VariedWeightSchema = WeightRecordSchema.pick({ category: true, unit: true, value: true, low: true, high: true });
/** A weight that was drawn, with its range. */
export type VariedWeight = z.infer<typeof VariedWeightSchema>;

/** How the draws were made, so that anyone can repeat them. */
export const SensitivitySettingsSchema = z.object({
  draws: z.number().int().min(1),
  seed: z.number().int().min(0),
  /** How each weight is drawn: uniformly between its low and high, independently. */
  distribution: z.literal('uniform'),
  /** How percentiles are taken: nearest rank (every percentile is a value some draw produced). */
  percentile_method: z.literal('nearest-rank'),
  generator: z.literal('mulberry32'),
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
