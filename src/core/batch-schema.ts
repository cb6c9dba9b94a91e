// `servicegap batch scenarios.json`: the scenario file (input) and the combined result (output),
// as zod schemas with derived types.
import { z } from 'zod';
import { ConfigSchema } from './config.js';
import { RunProvenanceSchema } from './provenance-schema.js';
import {
  ExcludedRegionSchema,
  RankedRegionSchema,
  SortMetricSchema,
  WarningSchema,
} from './report-schema.js';
import { YEAR_MAX, YEAR_MIN } from './schemas.js';

const year = z.number().int().min(YEAR_MIN).max(YEAR_MAX);
const path = z.string().trim().min(1);

/** Single input files of a scenario (SPEC §1), relative to the scenario file; "-" is standard input. */
export const ScenarioInputsSchema = z
  .object({ regions: path.optional(), population: path.optional(), beds: path.optional(), services: path.optional() })
  .strict();

/**
 * One named scenario. Inputs: `data` (a folder) and/or `inputs` (single files, which win over the
 * folder's); a scenario that names no input uses the command line's (or the bundled data).
 * `config`: a config file path or an inline config object, applied over the command line's
 * config (weights per category and unit, aliases per name). `from`/`to`: the period (SPEC §3).
 * Paths are relative to the scenario file.
 */
export const ScenarioSchema = z
  .object({
    name: z.string().trim().min(1),
    description: z.string().optional(),
    data: path.optional(),
    inputs: ScenarioInputsSchema.optional(),
    config: z.union([path, ConfigSchema]).optional(),
    from: year.optional(),
    to: year.optional(),
    delimiter: z.enum(['auto', ',', ';', 'tab', '|']).optional(),
    allowUnmapped: z.boolean().optional(),
  })
  .strict()
  .refine((s) => s.from === undefined || s.to === undefined || s.from <= s.to, {
    error: 'expected from ≤ to',
    path: ['from'],
  });
/** One checked scenario. */
export type Scenario = z.output<typeof ScenarioSchema>;

/** zod schema of a scenario file (`servicegap schema scenarios`): named scenarios, names unique. */
export const ScenarioFileSchema = z
  .object({
    $schema: z.string().optional(),
    scenarios: z.array(ScenarioSchema).min(1, { error: 'expected at least one scenario' }),
  })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Map<string, number>();
    file.scenarios.forEach((s, i) => {
      const first = seen.get(s.name);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          message: `scenario name "${s.name}" is already used by scenarios.${first}`,
          path: ['scenarios', i, 'name'],
        });
      } else seen.set(s.name, i);
    });
  });
/** A checked scenario file. */
export type ScenarioFile = z.output<typeof ScenarioFileSchema>;

/**
 * One row of the long table: a scenario's period and one of its ranked regions with every metric,
 * then its rank in the first scenario and the change of rank against it (rank − rank_first, so
 * negative is a move towards rank 1; null when the region is not ranked in the first scenario).
 */
export const BatchRowSchema = z
  .object({ scenario: z.string(), from: z.number().int(), to: z.number().int() })
  .extend(RankedRegionSchema.shape)
  .extend({ rank_first: z.number().int().min(1).nullable(), rank_change: z.number().int().nullable() });
/** One row of the long table. */
export type BatchRow = z.infer<typeof BatchRowSchema>;

/** A scenario as run: its period, how many regions were ranked, what was excluded and warned. */
export const BatchScenarioSchema = z.object({
  name: z.string(),
  from: z.number().int(),
  to: z.number().int(),
  ranked: z.number().int().min(0),
  excluded: z.array(ExcludedRegionSchema),
  warnings: z.array(WarningSchema),
});
/** One scenario as run. */
export type BatchScenario = z.infer<typeof BatchScenarioSchema>;

/** Rank changes of one scenario against the first. */
export const BatchSummarySchema = z.object({
  scenario: z.string(),
  /** Regions ranked in both whose rank differs. */
  regions_moved: z.number().int().min(0),
  /** Largest |rank change| over regions ranked in both; 0 when none moved. */
  largest_rank_change: z.number().int().min(0),
  /** Codes entering / leaving the top N against the first scenario. */
  entered_top: z.array(z.string()),
  left_top: z.array(z.string()),
});
/** One scenario's rank changes against the first. */
export type BatchSummary = z.infer<typeof BatchSummarySchema>;

/** A scenario that could not be run, and why (issue 16): the batch runs every other one. */
export const BatchFailureSchema = z.object({
  scenario: z.string(),
  /** Each problem, located as in the command's error output (file, line, column …). */
  problems: z.array(z.string()),
});
/** A scenario that could not be run. */
export type BatchFailure = z.infer<typeof BatchFailureSchema>;

/** zod schema of the JSON of `batch FILE` (`servicegap schema batch`). */
export const BatchResultSchema = z.object({
  servicegap: z.string(),
  sort: SortMetricSchema,
  /** N of "top N" in the summary. */
  top: z.number().int().min(1),
  /** The scenario every rank change is measured against. */
  first: z.string(),
  scenarios: z.array(BatchScenarioSchema),
  rows: z.array(BatchRowSchema),
  summary: z.array(BatchSummarySchema),
  /** Scenarios that could not be run (present only when some failed; the command then exits 3). */
  failed: z.array(BatchFailureSchema).optional(),
  /** What produced each scenario's numbers (SPEC §8), in scenario order. */
  provenance: z.object({ scenarios: z.array(z.object({ scenario: z.string() }).extend(RunProvenanceSchema.shape)) }),
});
/** The result of a batch. */
export type BatchResult = z.infer<typeof BatchResultSchema>;
