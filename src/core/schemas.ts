// zod schemas of one input row per file (SPEC §1). A row arrives as column → raw cell text;
// the schema trims, converts and checks it, and each failure names what was expected.
import { z } from 'zod';
import { parseNumber } from './numbers.js';
import { isUnit, UNIT_CODES } from './units.js';

export const YEAR_MIN = 1800;
export const YEAR_MAX = 2200;

interface NumberRule {
  readonly expected: string;
  readonly min?: number;
  readonly above?: number;
  readonly max?: number;
  readonly integer?: boolean;
}

function numberCell(rule: NumberRule) {
  return z.string().transform((raw, ctx) => {
    const value = parseNumber(raw);
    const ok =
      value !== undefined &&
      (rule.min === undefined || value >= rule.min) &&
      (rule.above === undefined || value > rule.above) &&
      (rule.max === undefined || value <= rule.max) &&
      (!rule.integer || Number.isInteger(value));
    if (!ok) {
      ctx.issues.push({ code: 'custom', message: rule.expected, input: raw });
      return z.NEVER;
    }
    return value;
  });
}

const requiredText = (expected: string) =>
  z.string().trim().min(1, { error: expected });

/** Optional text columns: absent or blank both mean "not given". */
const optionalText = z
  .string()
  .optional()
  .transform((raw) => {
    const trimmed = raw?.trim();
    return trimmed ? trimmed : undefined;
  });

export const regionCode = requiredText('expected a region code');
export const yearCell = numberCell({
  expected: `expected a year (a whole number ${YEAR_MIN}–${YEAR_MAX})`,
  min: YEAR_MIN,
  max: YEAR_MAX,
  integer: true,
});
const nonNegative = numberCell({ expected: 'expected a number ≥ 0', min: 0 });

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` → its year (SPEC §1, bed events). */
export const eventDate = z.string().transform((raw, ctx) => {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(raw.trim());
  const year = match ? Number(match[1]) : NaN;
  const month = match?.[2] === undefined ? 1 : Number(match[2]);
  const day = match?.[3] === undefined ? 1 : Number(match[3]);
  const valid =
    match !== null &&
    year >= YEAR_MIN &&
    year <= YEAR_MAX &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!valid) {
    ctx.issues.push({
      code: 'custom',
      message: `expected a date YYYY, YYYY-MM or YYYY-MM-DD (years ${YEAR_MIN}–${YEAR_MAX})`,
      input: raw,
    });
    return z.NEVER;
  }
  return year;
});

export const unitCell = z.string().transform((raw, ctx) => {
  const unit = raw.trim().toLowerCase();
  if (isUnit(unit)) return unit;
  ctx.issues.push({ code: 'custom', message: `expected one of ${UNIT_CODES.join(', ')}`, input: raw });
  return z.NEVER;
});

/** zod schema of a row of regions.csv (raw cell text in, typed values out). */
export const RegionRowSchema = z.object({
  region: regionCode,
  name: optionalText,
  parent: optionalText,
});

/** zod schema of a row of population.csv. */
export const PopulationRowSchema = z.object({
  region: regionCode,
  year: yearCell,
  population: numberCell({ expected: 'expected a number > 0', above: 0 }),
});

/** zod schema of a row of a stock beds.csv (column `beds`). */
export const BedStockRowSchema = z.object({
  region: regionCode,
  year: yearCell,
  beds: nonNegative,
  bed_type: optionalText,
  facility: optionalText,
});

/** zod schema of a row of an events beds.csv (column `beds_closed`). */
export const BedEventRowSchema = z.object({
  region: regionCode,
  date: eventDate,
  // Negative numbers are openings (SPEC §1), so any finite number is valid.
  beds_closed: numberCell({ expected: 'expected a number (negative for an opening)' }),
  bed_type: optionalText,
  facility: optionalText,
});

/** zod schema of a row of services.csv. */
export const ServiceRowSchema = z.object({
  region: regionCode,
  year: yearCell,
  service: requiredText('expected a service name or category code'),
  capacity: nonNegative,
  unit: unitCell,
});

export type RegionRow = z.output<typeof RegionRowSchema>;
export type PopulationRow = z.output<typeof PopulationRowSchema>;
export type BedStockRow = z.output<typeof BedStockRowSchema>;
export type BedEventRow = z.output<typeof BedEventRowSchema>;
export type ServiceRow = z.output<typeof ServiceRowSchema>;

/** The input files of SPEC §1 and the columns each needs. */
export const INPUT_FILES = {
  regions: { schema: RegionRowSchema, required: ['region'], optional: ['name', 'parent'] },
  population: { schema: PopulationRowSchema, required: ['region', 'year', 'population'], optional: [] },
  bedStock: { schema: BedStockRowSchema, required: ['region', 'year', 'beds'], optional: ['bed_type', 'facility'] },
  bedEvents: {
    schema: BedEventRowSchema,
    required: ['region', 'date', 'beds_closed'],
    optional: ['bed_type', 'facility'],
  },
  services: {
    schema: ServiceRowSchema,
    required: ['region', 'year', 'service', 'capacity', 'unit'],
    optional: [],
  },
} as const;

export type InputFileKind = keyof typeof INPUT_FILES;
