// The rules of every option value a run takes, written once: each run* checks its caller's
// options with them (so a library caller gets the checks the command line gets), and the CLI
// parses its text flags into the same schemas (cli/options.ts).
import { z } from 'zod';
import { type MissingCommunity, MissingCommunitySchema } from '../core/config.js';
import { SORT_METRICS, type SortMetric, WEIGHT_CORNERS } from '../core/report-schema.js';
import { SEED_MAX } from '../core/random.js';
import { YEAR_MAX, YEAR_MIN } from '../core/schemas.js';
import { FILL_MODES, type FillMode } from '../core/series.js';
import { MAX_DRAWS } from '../core/sensitivity.js';
import { CorrelationSchema } from '../core/sensitivity-schema.js';
import { expectedOneOf } from '../core/issues.js';
import { flagName, OptionError } from './errors.js';

/** A year B or T. */
export const YearOptionSchema = z
  .number({ error: 'expected a year' })
  .int({ error: 'expected a whole year' })
  .min(YEAR_MIN, { error: `expected a year ≥ ${YEAR_MIN}` })
  .max(YEAR_MAX, { error: `expected a year ≤ ${YEAR_MAX}` });

/** The error of an option that takes one of a few words: what it takes, and what it was given. */
export const oneOf =
  (values: readonly string[]) =>
  (issue: { readonly input?: unknown }): string =>
    expectedOneOf(values, issue.input === undefined ? 'nothing' : JSON.stringify(issue.input));

const topMessage = 'expected a whole number ≥ 1';
/** How many ranked regions to show (`top`). */
export const TopOptionSchema = z.number({ error: topMessage }).int({ error: topMessage }).min(1, { error: topMessage });

/** Level of the regions' tree to rank (1 = regions without a parent). */
export const LevelOptionSchema = z
  .number({ error: 'expected a level' })
  .int({ error: 'expected a whole number' })
  .min(1, { error: 'expected a level ≥ 1 (1 = regions without a parent)' });

const drawsMessage = `expected a number of draws 1–${MAX_DRAWS}`;
/** Number of sensitivity draws. */
export const DrawsOptionSchema = z
  .number({ error: drawsMessage })
  .int({ error: `expected a whole number of draws 1–${MAX_DRAWS}` })
  .min(1, { error: drawsMessage })
  .max(MAX_DRAWS, { error: drawsMessage });

const seedMessage = `expected a whole number 0–${SEED_MAX}`;
/** Seed of the sensitivity draws. */
export const SeedOptionSchema = z.number({ error: seedMessage }).int({ error: seedMessage }).min(0, { error: seedMessage }).max(SEED_MAX, { error: seedMessage });

/** Gate: vacuum per 100k above which a run trips (`failAbove`). */
export const FailAboveOptionSchema = z
  .number({ error: 'expected a number' })
  .min(0, { error: 'expected a number ≥ 0' });

/** Worker threads: "auto" (one per core) or a whole number ≥ 1. */
export const ThreadsOptionSchema = z.custom<number | 'auto'>(
  (v) => v === 'auto' || (typeof v === 'number' && Number.isInteger(v) && v >= 1),
  { error: 'expected "auto" or a whole number ≥ 1' },
);

/** How many threads read a large file (the runs without draws or scenarios to share). */
export interface ReadingThreadsOptions {
  /** Threads that read a file of 24 MiB or more, this one included: 'auto' (default: one per
   * core) or a whole number (1: this thread only). The result is the same for any number. */
  readonly threads?: number | 'auto' | undefined;
}

/** Every weight at its value, or at the low or high end of its range. */
export const WeightsChoiceSchema = z.enum(['value', ...WEIGHT_CORNERS], { error: oneOf(['value', ...WEIGHT_CORNERS]) });
/** One of `WeightsChoiceSchema`'s values. */
export type WeightsChoice = z.infer<typeof WeightsChoiceSchema>;

/** The options every analysing run checks (report, trend, coverage, sensitivity, compare, batch). */
export const AnalysisOptionChecks = z.object({
  from: YearOptionSchema.optional(),
  to: YearOptionSchema.optional(),
  sort: z.enum(SORT_METRICS, { error: oneOf(SORT_METRICS) }).optional(),
  top: TopOptionSchema.optional(),
  fill: z.enum(FILL_MODES, { error: oneOf(FILL_MODES) }).optional(),
  level: LevelOptionSchema.optional(),
  rollup: z.boolean().optional(),
  threads: ThreadsOptionSchema.optional(),
  missingCommunity: MissingCommunitySchema.optional(),
  provenance: z.string().min(1, { error: 'expected a file name' }).optional(),
});

/** The sensitivity checks: the analysis options, draws, seed and how the weights are drawn. */
export const SensitivityOptionChecks = AnalysisOptionChecks.extend({
  draws: DrawsOptionSchema.optional(),
  seed: SeedOptionSchema.optional(),
  correlation: CorrelationSchema.optional(),
  drawsOut: z.string().min(1).optional(),
});

/** The checks of a report's p5–p95 intervals (issue 16): on or off, and their number of draws. */
export const IntervalOptionChecks = z.object({
  interval: z.boolean().optional(),
  intervalDraws: DrawsOptionSchema.optional(),
});

/**
 * Check `options` with `schema` (which ignores keys it does not name); the first problem is an
 * OptionError naming the option as the command line spells it (`--fail-above: expected …`).
 */
export function checkOptions<S extends z.ZodType>(schema: S, options: unknown): z.output<S> {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new OptionError(undefined, `options: expected an object of options, got ${options === undefined ? 'nothing' : describeValue(options)}`);
  }
  const parsed = schema.safeParse(options);
  if (parsed.success) return parsed.data;
  const first = parsed.error.issues[0]!;
  const option = first.path.length ? String(first.path[0]) : undefined;
  throw new OptionError(option, `${option === undefined ? 'options' : flagName(option)}: ${first.message}`);
}

/**
 * A run's required argument (the command line's positional one: explain's region, compare's two
 * sides, batch's scenarios), checked as the options are: a JavaScript caller that leaves it out
 * or gives the wrong kind of value gets an OptionError naming it, not a TypeError from deep inside.
 */
export function checkArgument<S extends z.ZodType>(name: string, schema: S, value: unknown, expected: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  // Inside an object or list: where, and the schema's own words; the value itself: what it should be.
  if (issue.path.length > 0) throw new OptionError(name, `${name}.${issue.path.join('.')}: ${issue.message}`);
  throw new OptionError(name, `${name}: expected ${expected}, got ${value === undefined ? 'nothing' : describeValue(value)}`);
}

/** A short description of a value a caller gave, for messages. */
function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : String(value);
}

/** The period of an analysis (SPEC §3). */
export interface PeriodOptions {
  /** Baseline year B; default: the earliest year in the beds data. */
  readonly from?: number | undefined;
  /** Target year T; default: the latest year in the beds data. */
  readonly to?: number | undefined;
}

/** What is ranked, and how missing years are filled. */
export interface RankingOptions {
  /** Metric to rank by, descending; default 'vacuum_per_100k'. */
  readonly sort?: SortMetric | undefined;
  /** How a missing year of a series is filled; default 'carry' (SPEC §3). */
  readonly fill?: FillMode | undefined;
  /** Rank the regions at this level of regions.csv's tree (1 = regions without a parent), branches summed. */
  readonly level?: number | undefined;
  /** Rank one level above the deepest regions. */
  readonly rollup?: boolean | undefined;
}

/** How the output is chosen: its format, or the file it goes to, and colour. */
export interface OutputOptions<F extends string> {
  /** Output format; default: from the extension of `out`, else 'table'. */
  readonly format?: F | undefined;
  /** The file the output will be written to, if any: its extension picks the format when `format` is not given. */
  readonly out?: string | undefined;
  /** Colour the terminal table (only a table going to standard output is coloured); default false. */
  readonly color?: boolean | undefined;
}

/** The HTML map's boundaries (issue 19): `report` and `coverage` with format 'html' (and `report`'s chart files). */
export interface MapOptions {
  /**
   * Boundaries for the map: a GeoJSON or TopoJSON file in WGS 84 longitude/latitude (relative to
   * the process's working folder); default: the config's `map.geo`, else the bundled boundaries
   * (countries by ISO 3166-1 code, US states by postal or FIPS code) that match most region codes.
   */
  readonly geo?: string | undefined;
  /** The shapes' property holding the region code; default: the config's `map.geo_key`, else the feature's id. Only with a boundary file. */
  readonly geoKey?: string | undefined;
}

/** The map options' values: a file name and a property name, each not empty. */
export const MapOptionChecks = z.object({
  geo: z.string().min(1, { error: 'expected a file name' }).optional(),
  geoKey: z.string().min(1, { error: 'expected a property name' }).optional(),
});

/** What a run does with regions that have no community data, and where its provenance goes (SPEC §8). */
export interface TrustOptions {
  /**
   * A region with no row at all in services.csv: 'exclude' it (reason `community`) or count its
   * community capacity as 'zero' (flag `no_community_data`); default: the config's
   * `missingCommunity`, else 'exclude'.
   */
  readonly missingCommunity?: MissingCommunity | undefined;
  /**
   * The file the output's provenance JSON will be written to beside the output (`--provenance`;
   * the run checks the name, its caller writes the run's `provenance` there). Not standard output
   * ("-"), which carries the output, and not the output file itself.
   */
  readonly provenance?: string | undefined;
}

/** `provenance` cannot be standard output or the `out` file: the second write would replace the first. */
export function checkProvenanceTarget(options: Pick<TrustOptions, 'provenance'> & { readonly out?: string | undefined }): void {
  const file = options.provenance;
  if (file === undefined) return;
  if (file === '-') throw new OptionError('provenance', '--provenance: expected a file (standard output carries the output itself)');
  if (file === options.out) throw new OptionError('provenance', '--provenance: the same file as --out');
}

/** The missing-community mode in force: the option, else the config's, else 'exclude' (SPEC §8). */
export function missingCommunityOf(option: MissingCommunity | undefined, loaded: { readonly missingCommunity?: MissingCommunity | undefined }): MissingCommunity {
  return option ?? loaded.missingCommunity ?? 'exclude';
}
