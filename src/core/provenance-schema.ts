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

/** One input file as read: its role, the path as the user gave it, its SHA-256 and how it was read. */
export const InputRecordSchema = z.object({
  /** regions, population, beds, services or crosswalk. */
  role: z.string(),
  /** As the user gave it (relative stays relative); "-" for standard input; data/… for the bundled data. */
  path: z.string(),
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

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * The options of the run, with the values in force (defaults included): `from`, `to` (the
 * period used), `fill`, `sort`, `missingCommunity`, `level`, `rollup`, `services` ("none" when
 * run without community data on purpose), `allowUnmapped`, `weights` (value, low or high), and
 * per command others (draws, seed, top, threads are never listed: they cannot change a number).
 */
export const RunOptionsSchema = z.record(z.string(), scalar);
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
