// The JSON of `servicegap explain REGION` (SPEC §8): the whole arithmetic of SPEC §3 for one
// region, as the report did it, each number with the rule that picked it and the rows it was
// read from. zod schemas with derived types.
import { z } from 'zod';
import { CategorySchema } from './categories.js';
import { MissingCommunitySchema } from './config.js';
import { RunProvenanceSchema, WeightRecordSchema } from './provenance-schema.js';
import { RegionMetricsSchema, SortMetricSchema, WarningSchema } from './report-schema.js';
import { FillModeSchema } from './series.js';
import { UnitSchema } from './units.js';

/** How a series' value at a year was found (SPEC §3 series rule, --fill). */
export const VALUE_RULES = ['exact', 'carried_forward', 'service_started_later', 'interpolated', 'unknown'] as const;

/** One input row behind a value: its file and line, the code it was given for, its figure, and the share of it that reaches the region. */
export const SourceRowSchema = z.object({
  file: z.string(),
  line: z.number().int().min(1),
  /** The region code in the file: the region, a region inside it, or an old code a crosswalk maps onto it. */
  region: z.string(),
  /** The figure as read (population, beds, beds_closed or capacity). */
  value: z.number(),
  /** The part of it that reaches the region (1 but for a crosswalk split). */
  share: z.number(),
  /** services.csv: the local service name. */
  service: z.string().optional(),
});
/** One input row behind a value. */
export type SourceRow = z.infer<typeof SourceRowSchema>;

/** A series' value at one year, how it was found, and the rows of the year(s) it came from. */
export const SeriesValueSchema = z.object({
  /** The year asked for (B or T). */
  year: z.number().int(),
  /** null: unknown (the region is then not ranked). */
  value: z.number().nullable(),
  rule: z.enum(VALUE_RULES),
  /** The year(s) whose figure(s) the value is: the year itself, the earlier year carried, the two years interpolated between; none for a service not yet started. */
  source_years: z.array(z.number().int()),
  /** The rows of those years (summed per year; for a crosswalk, each × its share). */
  rows: z.array(SourceRowSchema),
});
/** A series' value at one year. */
export type SeriesValue = z.infer<typeof SeriesValueSchema>;

/** One service series (a category in a unit): its weight, its values at B and T and their bed-equivalents. */
export const ExplainedServiceSchema = z.object({
  category: CategorySchema,
  unit: UnitSchema,
  weight: WeightRecordSchema,
  from: SeriesValueSchema,
  to: SeriesValueSchema,
  /** weight × value at B, as added to community_from_be; null when the value is unknown. */
  from_be: z.number().nullable(),
  to_be: z.number().nullable(),
});
/** One service series of the region. */
export type ExplainedService = z.infer<typeof ExplainedServiceSchema>;

/** One step of the arithmetic: the metric, its formula, the formula with the numbers, the result. */
export const ExplainStepSchema = z.object({
  metric: z.string(),
  formula: z.string(),
  computation: z.string(),
  value: z.number().nullable(),
});
/** One step of the arithmetic. */
export type ExplainStep = z.infer<typeof ExplainStepSchema>;

/** A neighbour in the ranking, for context. */
const NeighbourSchema = z.object({ rank: z.number().int(), region: z.string(), value: z.number().nullable() });

/** zod schema of the JSON of `servicegap explain REGION` (`servicegap schema explain`). */
export const ExplanationSchema = z.object({
  servicegap: z.string(),
  region: z.string(),
  name: z.string(),
  /** The level of the regions' tree ranked (--level, --rollup); null: the regions without children. */
  level: z.number().int().nullable(),
  /** The regions whose figures are summed into this one (itself and the regions inside it), in regions.csv order. */
  members: z.array(z.string()),
  from: z.number().int(),
  to: z.number().int(),
  /** Why B and T are what they are: "option", "earliest beds year", "earliest event year − 1", … */
  from_rule: z.string(),
  to_rule: z.string(),
  sort: SortMetricSchema,
  fill: FillModeSchema,
  missing_community: MissingCommunitySchema,
  /** ranked, or excluded with `reason` (the unknown inputs). */
  status: z.enum(['ranked', 'excluded']),
  reason: z.string().nullable(),
  beds: z.object({
    /** stock (beds at the end of each year), events (closures), or none (no beds file). */
    shape: z.enum(['stock', 'events', 'none']),
    from: SeriesValueSchema.nullable(),
    to: SeriesValueSchema.nullable(),
    /** Events: the closures of each year B < year ≤ T, in the order they were summed. */
    closures: z.array(z.object({ year: z.number().int(), beds_closed: z.number(), rows: z.array(SourceRowSchema) })),
  }),
  population: z.object({ from: SeriesValueSchema.nullable(), to: SeriesValueSchema }),
  community: z.object({
    /** The region has a row in services.csv (SPEC §8). */
    has_data: z.boolean(),
    /** In the order the sums were made. */
    series: z.array(ExplainedServiceSchema),
    categories_not_reported: z.array(CategorySchema),
  }),
  /** Every metric of SPEC §3, in order, as computed from the values above. */
  steps: z.array(ExplainStepSchema),
  /** The region's metrics exactly as the report has them (null when excluded). */
  metrics: RegionMetricsSchema.nullable(),
  rank: z
    .object({
      rank: z.number().int().min(1),
      of: z.number().int().min(1),
      sort: SortMetricSchema,
      value: z.number().nullable(),
      above: NeighbourSchema.nullable(),
      below: NeighbourSchema.nullable(),
    })
    .nullable(),
  /** Plausibility notices about this region, and the dataset's warnings. */
  warnings: z.array(WarningSchema),
  provenance: RunProvenanceSchema,
});
/** The result of `explain`. */
export type Explanation = z.infer<typeof ExplanationSchema>;
