// SPEC §8 provenance, as zod schemas with derived types: what produced the numbers of one JSON
// output — every input file with its hash and how it was read, the config file, every weight and
// norm in force with its range, source and who set it, and the options. Every JSON output
// carries it (report, coverage, trend, compare, batch, sensitivity, explain).
import { z } from 'zod';
import { CategorySchema } from './categories.js';
import { UnitSchema } from './units.js';

/** Who set a weight or norm: the SPEC §4 defaults, the config, or an option (`--weights low|high`). */
export const SET_BY = ['default', 'config', 'option'] as const;
/** zod schema of `set_by`. */
export const SetBySchema = z.enum(SET_BY);

/** One input file as read: its role, the path as the user gave it (and the sheet of a workbook), its SHA-256 and how it was read. */
export const InputRecordSchema = z.object({
  /** regions, population, beds, services or crosswalk. */
  role: z.string(),
  /** As the user gave it (relative stays relative); "-" for standard input; data/… for the bundled data. */
  path: z.string(),
  /** For an Excel workbook (.xlsx): the worksheet read; absent for a text file. */
  sheet: z.string().optional(),
  /** SHA-256 of the file's bytes, lower-case hex (of the UTF-8 text for content given as a string). */
  sha256: z.string(),
  /** Data rows read (the header not counted). */
  rows: z.number().int().min(0),
  /** The text encoding used (utf8, utf16le, utf16be, windows-1252; "text" for a string given to the library). */
  encoding: z.string().nullable(),
  /** The field delimiter used: ",", ";", "\t" or "|". */
  delimiter: z.string().nullable(),
  /** The decimal mark: ".", ",", or "auto" (either, a number that reads two ways being an error). */
  decimal: z.string().nullable(),
  /** The thousands separator ("none" when none was allowed). */
  thousands: z.string().nullable(),
});
/** One input file as read (see InputRecordSchema). */
export type InputRecord = z.infer<typeof InputRecordSchema>;

/** The config file in force: its path (or "package.json#servicegap") and the SHA-256 of its bytes. */
export const ConfigRecordSchema = z.object({ path: z.string(), sha256: z.string() });
/** The config file in force. */
export type ConfigRecord = z.infer<typeof ConfigRecordSchema>;

/** One weight in force: w(category, unit), the range used (sensitivity draws, --weights), its source and who set it. */
export const WeightRecordSchema = z.object({
  category: CategorySchema,
  unit: UnitSchema,
  value: z.number(),
  low: z.number(),
  high: z.number(),
  source: z.string(),
  set_by: SetBySchema,
});
/** One weight in force. */
export type WeightRecord = z.infer<typeof WeightRecordSchema>;

/** One planning norm in force, per 100,000 population: what it measures, its range, source and who set it. */
export const NormRecordSchema = z.object({
  norm: z.string(),
  /** What it counts, e.g. "beds.csv beds + service beds of general_hospital, crisis and cmhc". */
  measure: z.string(),
  /** The unit of its value and gap, e.g. "beds". */
  unit: z.string(),
  low: z.number(),
  high: z.number(),
  source: z.string(),
  set_by: SetBySchema,
});
/** One norm in force. */
export type NormRecord = z.infer<typeof NormRecordSchema>;

/**
 * The options of the run, with the values in force (defaults included). Threads are never
 * listed: they cannot change a number. Each command sets the keys it has.
 */
export const RunOptionsSchema = z.object({
  /** Baseline year B and target year T used (coverage has T only). */
  from: z.number().int().optional(),
  to: z.number().int().optional(),
  sort: z.string().optional(),
  /** How missing years were filled: carry, none or linear. */
  fill: z.string().optional(),
  /** A region with no row in services.csv: exclude or zero (SPEC §8). */
  missingCommunity: z.string().optional(),
  /** The level of the regions' tree ranked; null: the regions without children. */
  level: z.number().int().nullable().optional(),
  rollup: z.boolean().optional(),
  /** "none" when the run has no community data on purpose (--services none). */
  services: z.string().optional(),
  allowUnmapped: z.boolean().optional(),
  /** --weights low|high: every weight at that end of its range. */
  weights: z.string().optional(),
  /** Sensitivity draws and their seed (the seed also seeds the intervals' draws). */
  draws: z.number().int().optional(),
  seed: z.number().int().optional(),
  /** Intervals (issue 16): on or off (--no-interval), and the draws they were made from. */
  interval: z.boolean().optional(),
  intervalDraws: z.number().int().optional(),
  /** How the weights were drawn (intervals and sensitivity): none or category. */
  correlation: z.string().optional(),
  /** Sensitivity: top_share counts the draws that ranked this or better. */
  top: z.number().int().optional(),
  /** The figures were rates per 100,000 (--rates) rather than counts with a population. */
  rates: z.boolean().optional(),
  /** batch: "inline" when the scenario's config was given in the scenario file. */
  scenarioConfig: z.string().optional(),
});
/** The options of a run (see RunOptionsSchema). */
export type RunOptions = z.infer<typeof RunOptionsSchema>;

/** zod schema of `provenance` (SPEC §8). */
export const RunProvenanceSchema = z.object({
  servicegap: z.string(),
  inputs: z.array(InputRecordSchema),
  config: ConfigRecordSchema.nullable(),
  weights: z.array(WeightRecordSchema),
  norms: z.array(NormRecordSchema),
  options: RunOptionsSchema,
});
/** What produced one output's numbers (SPEC §8). */
export type RunProvenance = z.infer<typeof RunProvenanceSchema>;
