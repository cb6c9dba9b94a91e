// zod schemas of one input row per file (SPEC §1). A row arrives as column → raw cell text;
// the schema trims, converts and checks it, and each failure names what was expected.
//
// Numbers are read in the file's NumberFormat (src/core/numbers.ts): `rowSchemas(format)` builds
// the five schemas for one format, so zod stays the one source of truth for every rule.
//
// Missing values (an empty cell, NA, N/A, "..", ":" as Eurostat writes it, "-"): every numeric
// column is required, and a missing value there is an error of its own ("missing value …") rather
// than a skipped row, because rows of one key are summed: skipping one facility's NA would count
// it as 0 and quietly change the result. Optional text columns (name, parent, bed_type,
// facility) read a missing value as "not given".
import { z } from 'zod';
import { quoteValue } from './issues.js';
import { DEFAULT_NUMBER_FORMAT, isMissingValue, MAX_MAGNITUDE, type NumberFormat, readNumber } from './numbers.js';
import { isUnit, UNIT_CODES } from './units.js';

export const YEAR_MIN = 1800;
const MAX_MAGNITUDE_TEXT = MAX_MAGNITUDE.toExponential().replace('e+', 'e'); // "1e12"
export const YEAR_MAX = 2200;

interface NumberRule {
  readonly expected: string;
  readonly min?: number;
  readonly above?: number;
  readonly max?: number;
  readonly integer?: boolean;
}

/** A zod issue whose message already quotes the cell (the builder adds no `got "…"`). */
function complete(ctx: z.RefinementCtx, raw: string, message: string): typeof z.NEVER {
  ctx.issues.push({ code: 'custom', message, input: raw, params: { complete: true } });
  return z.NEVER;
}

/** "missing value "NA": expected … — fill it in or remove the row". */
function missing(ctx: z.RefinementCtx, raw: string, expected: string): typeof z.NEVER {
  const what = raw.trim() === '' ? '(empty cell)' : quoteValue(raw.trim());
  return complete(ctx, raw, `missing value ${what}: ${expected} — fill it in or remove the row`);
}

export function numberCell(rule: NumberRule, format: NumberFormat) {
  return z.string().transform((raw, ctx) => {
    const reading = readNumber(raw, format);
    if (!reading.ok) {
      switch (reading.problem) {
        case 'missing':
          return missing(ctx, raw, rule.expected);
        case 'ambiguous':
          return complete(ctx, raw, `${rule.expected}, got ${quoteValue(raw)}, which reads two ways: ${reading.hint}; give the option that fits the file`);
        case 'too-large':
          return complete(ctx, raw, `${rule.expected}, got ${quoteValue(raw)}: too large (servicegap accepts at most ${MAX_MAGNITUDE_TEXT})`);
        case 'invalid':
          return complete(ctx, raw, `${rule.expected}, got ${quoteValue(raw)}${reading.hint ? ` (${reading.hint})` : ''}`);
      }
    }
    const value = reading.value;
    const ok =
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

/** Required text: a missing value is an error. Region codes only treat a blank cell as missing
 * ("NA" is Namibia's code). */
const requiredText = (expected: string, markers = true) =>
  z.string().transform((raw, ctx) => {
    const trimmed = raw.trim();
    if (trimmed === '' || (markers && isMissingValue(trimmed))) return missing(ctx, raw, expected);
    return trimmed;
  });

/** Optional text columns: absent, blank or a missing-value marker all mean "not given". */
const optionalText = z
  .string()
  .optional()
  .transform((raw) => {
    const trimmed = raw?.trim();
    return trimmed && !isMissingValue(trimmed) ? trimmed : undefined;
  });

export const regionCode = requiredText('expected a region code', false);

const DATE_EXPECTED = `expected a date YYYY, YYYY-MM or YYYY-MM-DD (years ${YEAR_MIN}–${YEAR_MAX})`;

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` → its year (SPEC §1, bed events). */
export const eventDate = z.string().transform((raw, ctx) => {
  if (isMissingValue(raw)) return missing(ctx, raw, DATE_EXPECTED);
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
    ctx.issues.push({ code: 'custom', message: DATE_EXPECTED, input: raw });
    return z.NEVER;
  }
  return year;
});

const UNIT_EXPECTED = `expected one of ${UNIT_CODES.join(', ')}`;

export const unitCell = z.string().transform((raw, ctx) => {
  if (isMissingValue(raw)) return missing(ctx, raw, UNIT_EXPECTED);
  const unit = raw.trim().toLowerCase();
  if (isUnit(unit)) return unit;
  ctx.issues.push({ code: 'custom', message: UNIT_EXPECTED, input: raw });
  return z.NEVER;
});

/** The row schemas of every input file, reading numbers in `format`. */
export function rowSchemas(format: NumberFormat = DEFAULT_NUMBER_FORMAT) {
  const year = numberCell(
    { expected: `expected a year (a whole number ${YEAR_MIN}–${YEAR_MAX})`, min: YEAR_MIN, max: YEAR_MAX, integer: true },
    format,
  );
  const nonNegative = numberCell({ expected: 'expected a number ≥ 0', min: 0 }, format);
  return {
    region: z.object({
      region: regionCode,
      name: optionalText,
      parent: optionalText,
    }),
    population: z.object({
      region: regionCode,
      year,
      population: numberCell({ expected: 'expected a number > 0', above: 0 }, format),
    }),
    bedStock: z.object({
      region: regionCode,
      year,
      beds: nonNegative,
      bed_type: optionalText,
      facility: optionalText,
    }),
    bedEvents: z.object({
      region: regionCode,
      date: eventDate,
      // Negative numbers are openings (SPEC §1), so any finite number is valid.
      beds_closed: numberCell({ expected: 'expected a number (negative for an opening)' }, format),
      bed_type: optionalText,
      facility: optionalText,
    }),
    services: z.object({
      region: regionCode,
      year,
      service: requiredText('expected a service name or category code'),
      capacity: nonNegative,
      unit: unitCell,
    }),
    // crosswalk.csv (crosswalk.ts): an old region code's share that goes to a current one.
    crosswalk: z.object({
      from: regionCode,
      to: regionCode,
      share: numberCell({ expected: 'expected a share: a number above 0 and at most 1', above: 0, max: 1 }, format),
      year: z
        .string()
        .optional()
        .transform((raw) => (raw?.trim() ? raw : undefined))
        .pipe(year.optional()),
    }),
  };
}

/** The row schemas of every input file, as `rowSchemas` returns them. */
export type RowSchemas = ReturnType<typeof rowSchemas>;

/** The schemas in the default number format (plain decimals with a point). */
export const DEFAULT_ROW_SCHEMAS: RowSchemas = rowSchemas();
/** zod schema of a regions.csv row (default number format). */
export const RegionRowSchema = DEFAULT_ROW_SCHEMAS.region;
/** zod schema of a population.csv row (default number format). */
export const PopulationRowSchema = DEFAULT_ROW_SCHEMAS.population;
/** zod schema of a beds.csv row of bed stock by year (default number format). */
export const BedStockRowSchema = DEFAULT_ROW_SCHEMAS.bedStock;
/** zod schema of a beds.csv row of dated bed closures or openings (default number format). */
export const BedEventRowSchema = DEFAULT_ROW_SCHEMAS.bedEvents;
/** zod schema of a services.csv row (default number format). */
export const ServiceRowSchema = DEFAULT_ROW_SCHEMAS.services;
/** The year column's schema in the default format. */
export const yearCell = PopulationRowSchema.shape.year;

export type RegionRow = z.output<typeof RegionRowSchema>;
export type PopulationRow = z.output<typeof PopulationRowSchema>;
export type BedStockRow = z.output<typeof BedStockRowSchema>;
export type BedEventRow = z.output<typeof BedEventRowSchema>;
export type ServiceRow = z.output<typeof ServiceRowSchema>;

/** The input files of SPEC §1 and the columns each needs (schemas in the default number format). */
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
