// The user's configuration file (servicegap.config.json), validated with zod. Pure: reading
// and discovering the file is src/io/config-file.ts.
import { z } from 'zod';
import { CategorySchema } from './categories.js';
import { UnitSchema } from './units.js';

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

/** zod schema of the config file (servicegap.config.json): weights and aliases. */
export const ConfigSchema = z
  .object({
    $schema: z.string().optional(),
    /** weights.<category>.<unit>: bed-equivalents per unit (SPEC §4). */
    weights: z.partialRecord(CategorySchema, z.partialRecord(UnitSchema, WeightOverrideSchema)).optional(),
    /** aliases.<local service name>: category code (SPEC §2). */
    aliases: z.record(z.string().trim().min(1), CategorySchema).optional(),
  })
  .strict();

/** A checked config. */
export type Config = z.output<typeof ConfigSchema>;
export type WeightOverride = z.output<typeof WeightOverrideSchema>;
