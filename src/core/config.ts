// The user's configuration file (servicegap.config.json), validated with zod. Pure: reading
// and discovering the file is src/io/config-file.ts.
import { z } from 'zod';
import { CATEGORY_CODES, CategorySchema } from './categories.js';
import { DEFAULT_NORMS } from './defaults.js';
import { FilesSchema } from './file-options.js';
import { UNIT_CODES, UnitSchema } from './units.js';

const finiteNonNegative = z.number().finite().min(0);

/** A weight override: a bare number, or value with an optional range and source. */
export const WeightOverrideSchema = z.union([
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
]);

/** A norm's name: used as a JSON value, a CSV cell and a column head, so kept to snake_case. */
export const NORM_NAME = /^[a-z][a-z0-9_]*$/;

const finitePositive = z.number({ error: 'expected a number > 0' }).finite().positive({ error: 'expected a number > 0 (coverage divides by low)' });

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
          if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i], message: `${key} is listed twice (it would be counted twice)` });
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
      ctx.addIssue({ code: 'custom', path: [name], message: 'expected a norm name of lower-case letters, digits and "_", beginning with a letter' });
      continue;
    }
    if (value === false) {
      if (builtin === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `unknown norm "${name}": only a default norm (${DEFAULT_NORM_NAMES.join(', ')}) can be dropped with false`,
        });
      } else out[name] = false;
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      ctx.addIssue({ code: 'custom', path: [name], message: 'expected false (drop the norm) or an object { low, high, measures, institutional_beds, unit_label, source }' });
      continue;
    }
    const parsed = NormOverrideSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', path: [name, ...issue.path], message: issue.message });
      continue;
    }
    const o = parsed.data;
    if (builtin === undefined) {
      const missing: string[] = (['low', 'high'] as const).filter((k) => o[k] === undefined);
      if (o.measures === undefined && o.institutional_beds !== true) missing.push('measures');
      if (missing.length > 0) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `new norm "${name}" needs ${missing.join(', ')} (a default norm is one of ${DEFAULT_NORM_NAMES.join(', ')})`,
        });
        continue;
      }
    }
    const low = o.low ?? builtin!.low;
    const high = o.high ?? builtin!.high;
    if (low > high) {
      ctx.addIssue({ code: 'custom', path: [name], message: `expected low ≤ high, got low ${low} and high ${high}` });
      continue;
    }
    const measures = o.measures ?? builtin?.measures ?? [];
    if (measures.length === 0 && !(o.institutional_beds ?? builtin?.includesInstitutionalBeds ?? false)) {
      ctx.addIssue({ code: 'custom', path: [name, 'measures'], message: 'expected at least one measure (or institutional_beds: true)' });
      continue;
    }
    out[name] = o;
  }
  return out;
});

/** zod schema of the config file (servicegap.config.json): weights and aliases. */
export const ConfigSchema = z
  .object({
    $schema: z.string().optional(),
    /** weights.<category>.<unit>: bed-equivalents per unit (SPEC §4). */
    weights: z.partialRecord(CategorySchema, z.partialRecord(UnitSchema, WeightOverrideSchema)).optional(),
    /** aliases.<local service name>: category code (SPEC §2). */
    aliases: z.record(z.string().trim().min(1), CategorySchema).optional(),
    /** norms.<name>: change, drop (false) or add a planning norm per 100,000 (SPEC §4, §7). */
    norms: NormsSchema.optional(),
    /** files.<input>: how one input file is read (encoding, delimiter, decimal, thousands, sheet). */
    files: FilesSchema.optional(),
  })
  .strict();

/** A checked config. */
export type Config = z.output<typeof ConfigSchema>;
export type WeightOverride = z.output<typeof WeightOverrideSchema>;
/** A checked norm entry of the config: changes a default norm or adds a new one (per 100,000). */
export type NormOverride = z.output<typeof NormOverrideSchema>;
/** A checked (category, unit) pair of services.csv that a norm counts. */
export type NormMeasure = z.output<typeof NormMeasureSchema>;
