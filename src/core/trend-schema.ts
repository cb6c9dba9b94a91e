// The JSON of `servicegap trend`, as zod schemas with derived types: the vacuum over time.
// Every year T′ from B to T carries the metrics of SPEC §3 for the period B → T′ (the same
// fields as a report's region, without its code and name), so a region's series is the report
// it would have had in each year.
import { z } from 'zod';
import { ExcludedRegionSchema, RegionMetricsSchema, SortMetricSchema, WarningSchema } from './report-schema.js';
import { RunProvenanceSchema } from './provenance-schema.js';
import { FillModeSchema } from './series.js';

/** One region in one year T′: SPEC §3's metrics from the baseline B to T′. */
export const TrendYearSchema = z.object({ year: z.number().int() }).extend(RegionMetricsSchema.omit({ region: true, name: true }).shape);
/** One region in one year T′ (see `TrendYearSchema`). */
export type TrendYear = z.infer<typeof TrendYearSchema>;

/** A year of a ranked region whose metrics cannot be computed (as `excluded`, for that year only). */
export const TrendGapSchema = z.object({ year: z.number().int(), reason: z.string() });
/** A year of a ranked region whose metrics cannot be computed (see `TrendGapSchema`). */
export type TrendGap = z.infer<typeof TrendGapSchema>;

/** zod schema of one ranked region of a trend: its yearly metrics, when its vacuum opened and peaked, and whether it is still open. */
export const TrendRegionSchema = z.object({
  rank: z.number().int().min(1),
  region: z.string(),
  name: z.string(),
  /** The first year T′ with a vacuum (vacuum_be > 0); null when none opened. */
  first_vacuum_year: z.number().int().nullable(),
  /** The largest vacuum_per_100k of any year (0 when none opened). */
  peak_vacuum_per_100k: z.number(),
  /** The (first) year of the peak; null when no vacuum opened. */
  peak_year: z.number().int().nullable(),
  /** The vacuum is still open at T (vacuum_be > 0 in the final year). */
  open: z.boolean(),
  years: z.array(TrendYearSchema),
  excluded_years: z.array(TrendGapSchema),
});
/** One ranked region of a trend (see `TrendRegionSchema`). */
export type TrendRegion = z.infer<typeof TrendRegionSchema>;

/** zod schema of the JSON of `servicegap trend`: the period, sort, fill and level, the ranked regions, exclusions and warnings. */
export const TrendReportSchema = z.object({
  servicegap: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  /** Regions are ranked by this metric in the final year T, as `report` ranks them. */
  sort: SortMetricSchema,
  fill: FillModeSchema,
  /** The level of the regions' tree ranked (--level, --rollup); null: the regions without children. */
  level: z.number().int().nullable(),
  regions: z.array(TrendRegionSchema),
  excluded: z.array(ExcludedRegionSchema),
  /** Every warning, plausibility notices included (SPEC §8). */
  warnings: z.array(WarningSchema),
  /** What produced the numbers (SPEC §8). */
  provenance: RunProvenanceSchema,
});
/** The output of `servicegap trend` (see `TrendReportSchema`). */
export type TrendReport = z.infer<typeof TrendReportSchema>;
