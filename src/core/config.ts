// The user's configuration file (servicegap.config.json), validated with zod. Pure: reading
// and discovering the file is src/io/config-file.ts.
import { z } from 'zod';
import { CATEGORY_CODES, CategorySchema } from './categories.js';
import { DEFAULT_NORMS } from './defaults.js';
import { ConfigError } from './errors.js';
import { FILE_ROLES, FileOptionsSchema, FilesSchema } from './file-options.js';
import { expectedOneOf, type InputIssue } from './issues.js';
import { MIN_DIVISOR } from './numbers.js';
import { nearest } from './suggest.js';
import { UNIT_CODES, UnitSchema } from './units.js';

// zod 4's number() refuses NaN and ±Infinity itself (its .finite() is a no-op).
const finiteNonNegative = z
  .number({ error: 'expected a number ≥ 0 (bed-equivalents per unit)' })
  .min(0, { error: 'expected a number ≥ 0: a weight cannot be negative' });

/**
 * A weight override: a bare number, or value with an optional range and source. A bare number
 * (or an object without `low` / `high`) keeps the default's range when the value lies inside it,
 * and widens it to the value otherwise (SPEC §8; weights.ts).
 */
export const WeightOverrideSchema = z.union(
  [
    finiteNonNegative,
    z
      .object({
        value: finiteNonNegative,
        low: finiteNonNegative.optional(),
        high: finiteNonNegative.optional(),
        source: z.string().min(1).optional(),
      })
      .strict()
      .refine((w) => (w.low ?? w.value) <= w.value && w.value <= (w.high ?? w.value), {
        error: 'expected low ≤ value ≤ high',
      }),
  ],
  // A weight that is neither (text, null, an object without a number value): without this zod
  // says only "Invalid input".
  { error: 'expected a weight: a number ≥ 0 (bed-equivalents per unit) or an object { value, low, high, source }' },
);

/** A norm's name: used as a JSON value, a CSV cell and a column head, so kept to snake_case. */
export const NORM_NAME = /^[a-z][a-z0-9_]*$/;

const finitePositive = z
  .number({ error: 'expected a number > 0' })
  .positive({ error: 'expected a number > 0 (coverage divides by low)', abort: true })
  .min(MIN_DIVISOR, { error: `expected a number > 0 (coverage divides by low), at least ${MIN_DIVISOR.toExponential()}` });

/** A problem at `path` of the config, in words: configIssue shows a custom issue by its message. */
function problem(ctx: z.RefinementCtx, path: PropertyKey[], message: string): void {
  // Stryker disable next-line StringLiteral: the code is not shown; only unrecognized_keys issues are worded by code
  ctx.addIssue({ code: 'custom', path, message });
}

/** One series a norm counts: a (category, unit) pair of services.csv (SPEC §1, §2). */
export const NormMeasureSchema = z
  .object({
    category: z.enum(CATEGORY_CODES, {
      error: (issue) => `unknown category ${JSON.stringify(issue.input)}: expected one of ${CATEGORY_CODES.join(', ')}`,
    }),
    unit: z.enum(UNIT_CODES, {
      error: (issue) => `unknown unit ${JSON.stringify(issue.input)}: expected one of ${UNIT_CODES.join(', ')}`,
    }),
  })
  .strict();

/**
 * A norm in the config: changes a default norm (any field given replaces the default's) or adds
 * a new one (which needs `low`, `high`, and `measures` or `institutional_beds`). Per 100,000.
 */
export const NormOverrideSchema = z
  .object({
    low: finitePositive.optional(),
    high: finitePositive.optional(),
    measures: z
      .array(NormMeasureSchema)
      .superRefine((measures, ctx) => {
        const seen = new Set<string>();
        for (const [i, m] of measures.entries()) {
          const key = `${m.category}/${m.unit}`;
          if (seen.has(key)) problem(ctx, [i], `${key} is listed twice (it would be counted twice)`);
          seen.add(key);
        }
      })
      .optional(),
    /** Whether beds.csv (institutional) beds count towards the measure. */
    institutional_beds: z.boolean().optional(),
    /** The norm's own unit, for gaps: "26.6 supported-living places short". */
    unit_label: z.string().trim().min(1).optional(),
    source: z.string().trim().min(1).optional(),
  })
  .strict();

const DEFAULT_NORM_NAMES = DEFAULT_NORMS.map((n) => n.norm);

/**
 * norms.<name>: `false` drops a default norm; an object changes a default norm or adds a new one.
 * Checked entry by entry so every message names its key (a zod union would only say "invalid input").
 */
const NormsSchema = z.record(z.string(), z.unknown()).transform((record, ctx) => {
  const out: Record<string, NormOverride | false> = {};
  for (const [name, value] of Object.entries(record)) {
    const builtin = DEFAULT_NORMS.find((n) => n.norm === name);
    if (!NORM_NAME.test(name)) {
      problem(ctx, [name], 'expected a norm name of lower-case letters, digits and "_", beginning with a letter');
      continue;
    }
    if (value === false) {
      if (builtin === undefined) {
        problem(ctx, [name], `unknown norm "${name}": only a default norm (${DEFAULT_NORM_NAMES.join(', ')}) can be dropped with false`);
      } else out[name] = false;
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      problem(ctx, [name], 'expected false (drop the norm) or an object { low, high, measures, institutional_beds, unit_label, source }');
      continue;
    }
    const parsed = NormOverrideSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const message =
          issue.code === 'unrecognized_keys'
            ? unknownKeys(issue.keys, issue.path.length === 0 ? Object.keys(NormOverrideSchema.shape) : ['category', 'unit'])
            : issue.message;
        problem(ctx, [name, ...issue.path], message);
      }
      continue;
    }
    const o = parsed.data;
    if (builtin === undefined) {
      const missing: string[] = (['low', 'high'] as const).filter((k) => o[k] === undefined);
      if (o.measures === undefined && o.institutional_beds !== true) missing.push('measures');
      if (missing.length > 0) {
        problem(ctx, [name], `new norm "${name}" needs ${missing.join(', ')} (a default norm is one of ${DEFAULT_NORM_NAMES.join(', ')})`);
        continue;
      }
    }
    const low = o.low ?? builtin!.low;
    const high = o.high ?? builtin!.high;
    if (low > high) {
      problem(ctx, [name], `expected low ≤ high, got low ${low} and high ${high}`);
      continue;
    }
    const measures = o.measures ?? builtin?.measures;
    if (!measures?.length && !(o.institutional_beds ?? builtin?.includesInstitutionalBeds ?? false)) {
      problem(ctx, [name, 'measures'], 'expected at least one measure (or institutional_beds: true)');
      continue;
    }
    out[name] = o;
  }
  return out;
});

/**
 * What a run does with a region that has no row at all in services.csv (SPEC §8): `exclude`
 * (the default: its community capacity is unknown, reason `community`) or `zero` (ranked with
 * community capacity 0 and flag `no_community_data`).
 */
export const MISSING_COMMUNITY = ['exclude', 'zero'] as const;
/** zod schema of `missingCommunity` / `--missing-community`. */
export const MissingCommunitySchema = z.enum(MISSING_COMMUNITY, {
  error: (issue) => expectedOneOf(MISSING_COMMUNITY, JSON.stringify(issue.input)),
});
/** `exclude` or `zero` (see MISSING_COMMUNITY). */
export type MissingCommunity = z.infer<typeof MissingCommunitySchema>;

/** map.geo, map.geo_key of the config. */
const MapConfigSchema = z
  .object({
    geo: z.string().trim().min(1).optional(),
    geo_key: z.string().trim().min(1).optional(),
  })
  .strict();

/** zod schema of the config file (servicegap.config.json): weights, aliases, norms, missing community data. */
export const ConfigSchema = z
  .object({
    $schema: z.string().optional(),
    /** weights.<category>.<unit>: bed-equivalents per unit (SPEC §4). */
    weights: z.partialRecord(CategorySchema, z.partialRecord(UnitSchema, WeightOverrideSchema)).optional(),
    /** aliases.<local service name>: category code (SPEC §2). */
    aliases: z.record(z.string().trim().min(1), CategorySchema).optional(),
    /** norms.<name>: change, drop (false) or add a planning norm per 100,000 (SPEC §4, §7). */
    norms: NormsSchema.optional(),
    /** A region with no row in services.csv: excluded (default) or counted with 0 (SPEC §8). */
    missingCommunity: MissingCommunitySchema.optional(),
    /** files.<input>: how one input file is read (encoding, delimiter, decimal, thousands, sheet). */
    files: FilesSchema.optional(),
    /** map.geo, map.geo_key: the HTML map's boundary file (relative to the config file) and its code property, as --geo and --geo-key. */
    map: MapConfigSchema.optional(),
  })
  .strict();

/** A checked config. */
export type Config = z.output<typeof ConfigSchema>;
export type WeightOverride = z.output<typeof WeightOverrideSchema>;
/** A checked norm entry of the config: changes a default norm or adds a new one (per 100,000). */
export type NormOverride = z.output<typeof NormOverrideSchema>;
/** A checked (category, unit) pair of services.csv that a norm counts. */
export type NormMeasure = z.output<typeof NormMeasureSchema>;

/**
 * The keys an object at a JSON path of the config may have: for "did you mean" hints. (norms.*
 * never gets here: NormsSchema checks each entry itself and words its unknown keys.)
 */
function keysAt(path: readonly PropertyKey[]): readonly string[] {
  const [section] = path;
  if (path.length === 0) return Object.keys(ConfigSchema.shape);
  if (section === 'weights') {
    if (path.length === 1) return CATEGORY_CODES;
    if (path.length === 2) return UNIT_CODES;
    return ['value', 'low', 'high', 'source'];
  }
  // files.<input> holds only plain values: an unknown key is at depth 1 or 2.
  if (section === 'files') return path.length === 1 ? FILE_ROLES : Object.keys(FileOptionsSchema.shape);
  // map is the only other object with fixed keys (aliases is a record; norms.* words its own).
  return Object.keys(MapConfigSchema.shape);
}

/** `unknown key "weigths"; did you mean "weights"? (expected weights, aliases, …)` */
function unknownKeys(keys: readonly string[], known: readonly string[]): string {
  const parts = keys.map((key) => {
    const hint = nearest(key, known);
    return `unknown key ${JSON.stringify(key)}${hint ? `; did you mean ${JSON.stringify(hint)}?` : ''}`;
  });
  const listed = known.filter((k) => k !== '$schema');
  // Stryker disable next-line ConditionalExpression,EqualityOperator,StringLiteral: never empty: every object with an unknown key has its keys in keysAt or NormsSchema
  return `${parts.join('; ')}${listed.length > 0 ? ` (expected ${listed.join(', ')})` : ''}`;
}

/** One zod issue of a config as a located message: the JSON path, then what is wrong. */
function configIssue(issue: z.core.$ZodIssue, file: string): InputIssue {
  const where = issue.path.length ? issue.path.join('.') : '(top level)';
  const message = issue.code === 'unrecognized_keys' ? unknownKeys(issue.keys, keysAt(issue.path)) : issue.message;
  return { file, message: `${where}: ${message}` };
}

/**
 * Check a config (parsed JSON, or an object given to the library) against ConfigSchema: the
 * checked config, or a ConfigError with every problem, each with its JSON path. `file` names it
 * in messages (default "config": an object given to the library).
 */
export function checkConfig(value: unknown, file = 'config'): Config {
  const parsed = ConfigSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new ConfigError(parsed.error.issues.map((issue) => configIssue(issue, file)));
}
