// The machine contract of SPEC §7: the JSON coverage report, as zod schemas with derived types.
import { z } from 'zod';
import { RunProvenanceSchema } from './provenance-schema.js';
import { ExcludedRegionSchema, WarningSchema } from './report-schema.js';

const nullableNumber = z.number().nullable();

/**
 * One region against one norm at T. `value`, `per_100k`, `coverage` and `gap` are null when the
 * measure is unknown at T (its bed part, for an events beds file or a region without bed data),
 * and for every region when no row of the whole dataset measures the norm (SPEC §8).
 */
export const NormCoverageSchema = z.object({
  norm: z.string(),
  /** The measure at T, in the norm's own unit. */
  value: nullableNumber,
  per_100k: nullableNumber,
  norm_low: z.number(),
  norm_high: z.number(),
  /** per_100k / norm_low: 1 = exactly the low end of the norm. */
  coverage: nullableNumber,
  /** What is missing to reach the low end, in the norm's own unit; 0 when at or above it. */
  gap: nullableNumber,
});
/** One region against one norm at T (see `NormCoverageSchema`). */
export type NormCoverage = z.infer<typeof NormCoverageSchema>;

/** One region's coverage, without its rank. */
export const RegionCoverageSchema = z.object({
  region: z.string(),
  name: z.string(),
  population: z.number(),
  /** Mean over norms with a known coverage of min(coverage, 1); null when no norm is known. */
  coverage_index: nullableNumber,
  norms: z.array(NormCoverageSchema),
});
/** One region's coverage, without its rank (see `RegionCoverageSchema`). */
export type RegionCoverage = z.infer<typeof RegionCoverageSchema>;

/** zod schema of one ranked region of the coverage report: its rank and its coverage. */
export const RankedCoverageSchema = z.object({ rank: z.number().int().min(1) }).extend(RegionCoverageSchema.shape);
/** One ranked region of the coverage report (see `RankedCoverageSchema`). */
export type RankedCoverage = z.infer<typeof RankedCoverageSchema>;

/** zod schema of the JSON coverage report (SPEC §7): target year, ranked regions, excluded regions and warnings. */
export const CoverageReportSchema = z.object({
  servicegap: z.string(),
  to: z.number().int(),
  regions: z.array(RankedCoverageSchema),
  excluded: z.array(ExcludedRegionSchema),
  /** Every warning, plausibility notices included (SPEC §8). */
  warnings: z.array(WarningSchema),
  /** What produced the numbers (SPEC §8). */
  provenance: RunProvenanceSchema,
});
/** The coverage report of SPEC §7 (see `CoverageReportSchema`). */
export type CoverageReport = z.infer<typeof CoverageReportSchema>;
