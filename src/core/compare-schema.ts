// The JSON of `servicegap compare A B`: two reports side by side, per region the value of every
// metric in A and in B and its change (B − A), the change of rank, and the regions that entered or
// left the top N.
import { z } from 'zod';
import { RunProvenanceSchema } from './provenance-schema.js';
import { SORT_METRICS, SortMetricSchema, type SortMetric } from './report-schema.js';

const nullableNumber = z.number().nullable();

/** Metrics compared: every numeric metric of a region (the --sort metrics), in that order. */
export const COMPARE_METRICS = SORT_METRICS;
/** A metric compared (every sort metric). */
export type CompareMetric = SortMetric;

type MetricColumn = `${CompareMetric}_a` | `${CompareMetric}_b` | `${CompareMetric}_delta`;

/** `vacuum_per_100k_a`, `vacuum_per_100k_b`, `vacuum_per_100k_delta`, … for every metric. */
const metricColumns = Object.fromEntries(
  COMPARE_METRICS.flatMap((m) => [
    [`${m}_a`, nullableNumber],
    [`${m}_b`, nullableNumber],
    [`${m}_delta`, nullableNumber],
  ]),
) as Record<MetricColumn, typeof nullableNumber>;

/** Where a region was ranked: in both reports, or only in A, or only in B. */
export const PRESENCE = ['both', 'a_only', 'b_only'] as const;

/**
 * One region of a comparison. `rank_change` and every `<metric>_delta` are B − A (a negative
 * rank change is a move up, towards rank 1); null when the region is not ranked on both sides or
 * the metric is null on either side.
 */
export const ComparedRegionSchema = z.object({
  region: z.string(),
  name: z.string(),
  present: z.enum(PRESENCE),
  rank_a: z.number().int().min(1).nullable(),
  rank_b: z.number().int().min(1).nullable(),
  rank_change: z.number().int().nullable(),
  ...metricColumns,
});
/** One region of a comparison. */
export type ComparedRegion = z.infer<typeof ComparedRegionSchema>;

/** What one side of the comparison was: the argument as given, what it set, and its period. */
export const CompareSideSchema = z.object({
  label: z.string(),
  kind: z.enum(['data', 'config', 'years', 'same']),
  from: z.number().int(),
  to: z.number().int(),
});
/** One side of a comparison. */
export type CompareSide = z.infer<typeof CompareSideSchema>;

export const SideExcludedSchema = z.object({ side: z.enum(['a', 'b']), region: z.string(), reason: z.string() });
/** A warning of one side, or of both when both sides gave the same one (e.g. the same data). */
export const SideWarningSchema = z.object({
  side: z.enum(['a', 'b', 'both']),
  file: z.string(),
  line: z.number().int().nullable(),
  message: z.string(),
  kind: z.literal('plausibility').optional(),
});

/** zod schema of the JSON of `compare A B` (`servicegap schema compare`). */
export const ComparisonSchema = z.object({
  servicegap: z.string(),
  sort: SortMetricSchema,
  /** N of "top N" for entered_top / left_top. */
  top: z.number().int().min(1),
  a: CompareSideSchema,
  b: CompareSideSchema,
  /** Ranked in B, then only in A; each by rank, ties by code. */
  regions: z.array(ComparedRegionSchema),
  /** Codes of regions in B's top N that were not in A's, by rank in B. */
  entered_top: z.array(z.string()),
  /** Codes of regions in A's top N that are not in B's, by rank in A. */
  left_top: z.array(z.string()),
  excluded: z.array(SideExcludedSchema),
  warnings: z.array(SideWarningSchema),
  /** What produced each side's numbers (SPEC §8): the provenance of report A and of report B. */
  provenance: z.object({ a: RunProvenanceSchema, b: RunProvenanceSchema }),
});
/** The result of `compare`. */
export type Comparison = z.infer<typeof ComparisonSchema>;
