// How a table's dimensions become SPEC columns (`servicegap import … --region DIM --year DIM
// --where DIM=CODE …`), checked with zod so the CLI, the library and the presets share one shape.
// Pure; no IO.
import { z } from 'zod';
import { UnitSchema } from '../units.js';

/** The SPEC input files an import can write. */
export const IMPORT_ROLES = ['beds', 'services', 'population', 'regions'] as const;
/** zod schema of an import's role (`IMPORT_ROLES`). */
export const ImportRoleSchema = z.enum(IMPORT_ROLES);
/** beds, services, population or regions. */
export type ImportRole = z.infer<typeof ImportRoleSchema>;

/** A service type's name and unit, for one category of the service dimension (`--map CODE=SERVICE:UNIT`). */
export const ServiceTargetSchema = z.object({ service: z.string().min(1), unit: UnitSchema.optional() });
/** A service type's name and unit (`ServiceTargetSchema`). */
export type ServiceTarget = z.infer<typeof ServiceTargetSchema>;

/** zod schema of how a table's dimensions become SPEC columns (a preset's mapping, with the options laid over it). */
export const ImportMappingSchema = z.object({
  role: ImportRoleSchema,
  /** The dimension whose codes are region codes (default: the dimension the source marks as geography). */
  region: z.string().min(1).optional(),
  /** The dimension whose codes are years (default: the dimension the source marks as time). */
  year: z.string().min(1).optional(),
  /** The dimension whose categories are service types (services only). */
  service: z.string().min(1).optional(),
  /** Constants for a column the table has no dimension for (`--set region=NO --set unit=contacts`). */
  set: z
    .object({
      region: z.string().min(1).optional(),
      year: z.number().int().optional(),
      service: z.string().min(1).optional(),
      unit: UnitSchema.optional(),
    })
    .default({}),
  /** Keep only these categories of a dimension (`--where HelseTjenomr=VOP`). */
  where: z.record(z.string(), z.array(z.string().min(1)).min(1)).default({}),
  /** As `where`, for presets: a dimension that the file does not have is passed over. */
  whereIfPresent: z.record(z.string(), z.array(z.string().min(1)).min(1)).default({}),
  /** Dimensions summed over (`--sum Alder`): a missing cell makes the whole sum missing. */
  sum: z.array(z.string().min(1)).default([]),
  /** As `sum`, for presets: a dimension that the file does not have (already totalled) is passed over. */
  sumIfPresent: z.array(z.string().min(1)).default([]),
  /** Service dimension codes → service name and unit. */
  map: z.record(z.string(), ServiceTargetSchema).default({}),
  /** Keep only region codes that match this regular expression (whole code). */
  regionMatch: z.string().min(1).optional(),
  /** `-` (PC-Axis and SSB's "nil"): a reported zero by default; `missing` reads it as missing. */
  nil: z.enum(['zero', 'missing']).default('zero'),
});
/** A mapping as given (defaults not yet applied). */
export type ImportMappingInput = z.input<typeof ImportMappingSchema>;
/** A checked mapping. */
export type ImportMapping = z.output<typeof ImportMappingSchema>;

/** `A=x,y` → ['A', ['x', 'y']], or undefined when there is no `=`. */
export function splitAssignment(text: string): [string, string] | undefined {
  const eq = text.indexOf('=');
  if (eq <= 0) return undefined;
  return [text.slice(0, eq).trim(), text.slice(eq + 1).trim()];
}
