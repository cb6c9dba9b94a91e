// zod schemas of one input row per file (SPEC §1). A row arrives as column → raw cell text;
// the schema trims, converts and checks it, and each failure names what was expected.
//
// Numbers are read in the file's NumberFormat (src/core/numbers.ts): `rowSchemas(format)` builds
// the five schemas for one format, so zod stays the one source of truth for every rule.
//
// The hot path: `rowCheckers(format)` compiles, from the same rule objects and the same cell
// functions the schemas use, one plain function per file that reads a valid row without zod. It
// only ever accepts a row the schema accepts, with the same output (test/core/row-checkers.test.ts);
// for anything else it answers undefined and the builder asks the zod schema, which gives the
// messages — so a row's issues are word for word the same either way.
//
// Missing values (an empty cell, NA, N/A, "..", ":" as Eurostat writes it, "-"): every numeric
// column is required, and a missing value there is an error of its own ("missing value …") rather
// than a skipped row, because rows of one key are summed: skipping one facility's NA would count
// it as 0 and quietly change the result. Optional text columns (name, parent, bed_type,
// facility) read a missing value as "not given".
import { z } from 'zod';
import { quoteValue } from './issues.js';
import { DEFAULT_NUMBER_FORMAT, isMissingValue, MAX_MAGNITUDE, type NumberFormat, readNumber, readNumberValue } from './numbers.js';
import { RecentStrings } from './recent-strings.js';
import { unitCellOf, type UnitCell, unknownUnitMessage } from './unit-aliases.js';
import { type Unit, UNIT_CODES } from './units.js';

export const YEAR_MIN = 1800;
const MAX_MAGNITUDE_TEXT = MAX_MAGNITUDE.toExponential().replace('e+', 'e'); // "1e12"
export const YEAR_MAX = 2200;

/** What a number cell must hold, and how to say so. */
export interface NumberRule {
  readonly expected: string;
  readonly min?: number;
  readonly above?: number;
  readonly max?: number;
  readonly integer?: boolean;
}

/** Does a number that was read satisfy the rule's bounds? */
export function passesRule(rule: NumberRule, value: number): boolean {
  return (
    (rule.min === undefined || value >= rule.min) &&
    (rule.above === undefined || value > rule.above) &&
    (rule.max === undefined || value <= rule.max) &&
    (!rule.integer || Number.isInteger(value))
  );
}

/** The rules of the number columns (SPEC §1). */
export const NUMBER_RULES = {
  year: { expected: `expected a year (a whole number ${YEAR_MIN}–${YEAR_MAX})`, min: YEAR_MIN, max: YEAR_MAX, integer: true },
  nonNegative: { expected: 'expected a number ≥ 0', min: 0 },
  positive: { expected: 'expected a number > 0', above: 0 },
  change: { expected: 'expected a number (negative for an opening)' },
  share: { expected: 'expected a share: a number above 0 and at most 1', above: 0, max: 1 },
} as const satisfies Record<string, NumberRule>;

/** A required text cell, trimmed; undefined when blank (or, with `markers`, a missing-value marker). */
export function requiredTextValue(raw: string, markers = true): string | undefined {
  const trimmed = raw.trim();
  return trimmed === '' || (markers && isMissingValue(trimmed)) ? undefined : trimmed;
}

/** An optional text cell: trimmed, or undefined when absent, blank or a missing-value marker. */
export function optionalTextValue(raw: string | undefined): string | undefined {
  const trimmed = raw?.trim();
  return trimmed && !isMissingValue(trimmed) ? trimmed : undefined;
}

const UNIT_BY_CODE: ReadonlyMap<string, Unit> = new Map(UNIT_CODES.map((code) => [code, code]));
/** Cells seen lately and their unit: a file repeats a handful of units millions of times. */
const recentUnits = new RecentStrings<UnitCell>();

/** A unit cell's unit code or the name of the local unit it is (unit-aliases.ts: "årsverk",
 * mapped to fte by the loader, which says so), or undefined when it holds neither. The string
 * returned is the table's constant, not the cell's copy, so that later Map lookups need not hash
 * it again. */
export function unitValue(raw: string): UnitCell | undefined {
  const recent = recentUnits.get(raw);
  if (recent !== undefined) return recent;
  const exact = UNIT_BY_CODE.get(raw); // the common case: no marker is a unit code
  if (exact !== undefined) {
    recentUnits.set(raw, exact);
    return exact;
  }
  if (isMissingValue(raw)) return undefined;
  const cell = unitCellOf(raw);
  if (cell !== undefined) recentUnits.set(raw, cell);
  return cell;
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
    if (!passesRule(rule, value)) {
      ctx.issues.push({ code: 'custom', message: rule.expected, input: raw });
      return z.NEVER;
    }
    return value;
  });
}

/** Required text: a missing value is an error. Region codes only treat a blank cell as missing
 * ("NA" is Namibia's code). */
const requiredText = (expected: string, markers = true) =>
  z.string().transform((raw, ctx) => requiredTextValue(raw, markers) ?? missing(ctx, raw, expected));

/** Optional text columns: absent, blank or a missing-value marker all mean "not given". */
const optionalText = z
  .string()
  .optional()
  .transform(optionalTextValue);

export const regionCode = requiredText('expected a region code', false);

const DATE_EXPECTED = `expected a date YYYY, YYYY-MM or YYYY-MM-DD (years ${YEAR_MIN}–${YEAR_MAX})`;

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` → its year (SPEC §1, bed events). */
export const eventDate = z.string().transform((raw, ctx) => {
  if (isMissingValue(raw)) return missing(ctx, raw, DATE_EXPECTED);
  const year = eventYear(raw);
  if (year === undefined) {
    ctx.issues.push({ code: 'custom', message: DATE_EXPECTED, input: raw });
    return z.NEVER;
  }
  return year;
});

/** The year of a valid `YYYY`, `YYYY-MM` or `YYYY-MM-DD` cell, else undefined. */
export function eventYear(raw: string): number | undefined {
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
  return valid ? year : undefined;
}

const UNIT_EXPECTED = `expected one of ${UNIT_CODES.join(', ')}`;

export const unitCell = z.string().transform((raw, ctx) => {
  if (isMissingValue(raw)) return missing(ctx, raw, UNIT_EXPECTED);
  const unit = unitValue(raw);
  if (unit !== undefined) return unit;
  // The same unknown unit on many lines is one problem: `group` lets the loader list the lines
  // in one message.
  ctx.issues.push({ code: 'custom', message: unknownUnitMessage(raw), input: raw, params: { complete: true, group: raw.trim() } });
  return z.NEVER;
});

/** The row schemas of every input file, reading numbers in `format`. */
export function rowSchemas(format: NumberFormat = DEFAULT_NUMBER_FORMAT) {
  const year = numberCell(NUMBER_RULES.year, format);
  const nonNegative = numberCell(NUMBER_RULES.nonNegative, format);
  return {
    region: z.object({
      region: regionCode,
      name: optionalText,
      parent: optionalText,
    }),
    population: z.object({
      region: regionCode,
      year,
      population: numberCell(NUMBER_RULES.positive, format),
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
      beds_closed: numberCell(NUMBER_RULES.change, format),
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
      share: numberCell(NUMBER_RULES.share, format),
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

/** A compiled row check: the schema's output for a row it accepts, or undefined (ask the schema). */
export type RowChecker<K extends keyof RowSchemas> = (raw: Readonly<Record<string, string | undefined>>) => z.output<RowSchemas[K]> | undefined;

/** The hot-path checkers of the files with many rows, reading numbers in `format` (see the top). */
export function rowCheckers(format: NumberFormat = DEFAULT_NUMBER_FORMAT) {
  const number = (raw: string | undefined, rule: NumberRule): number | undefined => {
    if (typeof raw !== 'string') return undefined;
    const value = readNumberValue(raw, format);
    return value !== undefined && passesRule(rule, value) ? value : undefined;
  };
  const text = (raw: string | undefined, markers: boolean): string | undefined =>
    typeof raw === 'string' ? requiredTextValue(raw, markers) : undefined;
  // Optional columns: a value that is not text (never from a CSV file) goes to the schema.
  const optional = (raw: string | undefined): string | undefined | null =>
    raw === undefined || typeof raw === 'string' ? optionalTextValue(raw) : null;
  const region: RowChecker<'region'> = (raw) => {
    const code = text(raw.region, false);
    if (code === undefined) return undefined;
    const name = optional(raw.name);
    const parent = optional(raw.parent);
    if (name === null || parent === null) return undefined;
    return { region: code, name, parent };
  };
  const population: RowChecker<'population'> = (raw) => {
    const code = text(raw.region, false);
    const year = number(raw.year, NUMBER_RULES.year);
    const value = number(raw.population, NUMBER_RULES.positive);
    if (code === undefined || year === undefined || value === undefined) return undefined;
    return { region: code, year, population: value };
  };
  const bedStock: RowChecker<'bedStock'> = (raw) => {
    const code = text(raw.region, false);
    const year = number(raw.year, NUMBER_RULES.year);
    const beds = number(raw.beds, NUMBER_RULES.nonNegative);
    const bedType = optional(raw.bed_type);
    const facility = optional(raw.facility);
    if (code === undefined || year === undefined || beds === undefined || bedType === null || facility === null) return undefined;
    return { region: code, year, beds, bed_type: bedType, facility };
  };
  const bedEvents: RowChecker<'bedEvents'> = (raw) => {
    const code = text(raw.region, false);
    const date = typeof raw.date === 'string' && !isMissingValue(raw.date) ? eventYear(raw.date) : undefined;
    const closed = number(raw.beds_closed, NUMBER_RULES.change);
    const bedType = optional(raw.bed_type);
    const facility = optional(raw.facility);
    if (code === undefined || date === undefined || closed === undefined || bedType === null || facility === null) return undefined;
    return { region: code, date, beds_closed: closed, bed_type: bedType, facility };
  };
  const services: RowChecker<'services'> = (raw) => {
    const code = text(raw.region, false);
    const year = number(raw.year, NUMBER_RULES.year);
    const service = text(raw.service, true);
    const capacity = number(raw.capacity, NUMBER_RULES.nonNegative);
    const unit = typeof raw.unit === 'string' ? unitValue(raw.unit) : undefined;
    if (code === undefined || year === undefined || service === undefined || capacity === undefined || unit === undefined) return undefined;
    return { region: code, year, service, capacity, unit };
  };
  return { region, population, bedStock, bedEvents, services };
}

export type RowCheckers = ReturnType<typeof rowCheckers>;

let defaultSchemas: RowSchemas | undefined;

/** The schemas in the default number format (plain decimals with a point), built on first use:
 * a file whose rows are all valid never needs them (the compiled checkers read it), and building
 * them costs start-up time. */
export function defaultRowSchemas(): RowSchemas {
  return (defaultSchemas ??= rowSchemas());
}

/** The input files of SPEC §1 and the columns each needs (the keys of its schema's rows). */
export const INPUT_FILES = {
  regions: { required: ['region'], optional: ['name', 'parent'] },
  population: { required: ['region', 'year', 'population'], optional: [] },
  bedStock: { required: ['region', 'year', 'beds'], optional: ['bed_type', 'facility'] },
  bedEvents: { required: ['region', 'date', 'beds_closed'], optional: ['bed_type', 'facility'] },
  services: { required: ['region', 'year', 'service', 'capacity', 'unit'], optional: [] },
} as const;
