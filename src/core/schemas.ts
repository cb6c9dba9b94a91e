// zod schemas of one input row per file (SPEC §1). A row arrives as column → raw cell text;
// the schema trims, converts and checks it, and each failure names what was expected.
//
// One table, ROW_COLUMNS, says which kind of cell each column holds; each kind of cell
// (cellTypes) is one rule in two forms side by side: its zod schema and `accept`, the hot path's
// reading of a valid cell. The zod schemas (`rowSchemas`), the compiled checkers (`rowCheckers`),
// the files' required and optional columns (INPUT_FILES) and the byte-level reader
// (`cellReaders`, io/piece-parser.ts) are all made from that table, so a rule is written once.
// A checker only ever accepts a row the schema accepts, with the same output
// (test/core/row-checkers.test.ts); for anything else it answers undefined and the reader asks the
// zod schema, which words the problems — so a row's issues are word for word the same either way.
//
// Numbers are read in the file's NumberFormat (src/core/numbers.ts): both forms are built for one
// format at a time.
//
// Missing values (an empty cell, NA, N/A, "..", ":" as Eurostat writes it, "-"): every numeric
// column is required, and a missing value there is an error of its own ("missing value …") rather
// than a skipped row, because rows of one key are summed: skipping one facility's NA would count
// it as 0 and quietly change the result. Optional text columns (name, parent, bed_type,
// facility) read a missing value as "not given".
import { z } from 'zod';
import { quoteValue } from './issues.js';
import { DEFAULT_NUMBER_FORMAT, isMissingValue, MAX_MAGNITUDE, MIN_DIVISOR, type NumberFormat, type NumberReading, readNumber, readNumberValue } from './numbers.js';
import { RecentStrings } from './recent-strings.js';
import { unitCellOf, type UnitCell, unknownUnitMessage } from './unit-aliases.js';
import { type Unit, UNIT_CODES } from './units.js';

export const YEAR_MIN = 1800;
const MAX_MAGNITUDE_TEXT = MAX_MAGNITUDE.toExponential().replace('e+', 'e'); // "1e12"
const MIN_DIVISOR_TEXT = MIN_DIVISOR.toExponential(); // "1e-12"
export const YEAR_MAX = 2200;

/** What a number cell must hold, and how to say so. */
export interface NumberRule {
  readonly expected: string;
  readonly min?: number;
  readonly above?: number;
  readonly max?: number;
  readonly integer?: boolean;
  /** A number servicegap divides by: above `above`, yet below this, it is too small (numbers.ts MIN_DIVISOR). */
  readonly divisorAtLeast?: number;
}

/** Does a number that was read satisfy the rule's bounds? */
export function passesRule(rule: NumberRule, value: number): boolean {
  return (
    (rule.min === undefined || value >= rule.min) &&
    (rule.above === undefined || value > rule.above) &&
    (rule.max === undefined || value <= rule.max) &&
    (rule.divisorAtLeast === undefined || value >= rule.divisorAtLeast) &&
    (!rule.integer || Number.isInteger(value))
  );
}

/** The rules of the number columns (SPEC §1). */
export const NUMBER_RULES = {
  year: { expected: `expected a year (a whole number ${YEAR_MIN}–${YEAR_MAX})`, min: YEAR_MIN, max: YEAR_MAX, integer: true },
  nonNegative: { expected: 'expected a number ≥ 0', min: 0 },
  // Populations: divided by (rates per 100,000), so at least MIN_DIVISOR.
  positive: { expected: 'expected a number > 0', above: 0, divisorAtLeast: MIN_DIVISOR },
  change: { expected: 'expected a number (negative for an opening)' },
  share: { expected: 'expected a share: a number above 0 and at most 1', above: 0, max: 1 },
} as const satisfies Record<string, NumberRule>;

/** A required text cell, trimmed; undefined when blank (or, with `markers`, a missing-value marker). */
export function requiredTextValue(raw: string, markers: boolean): string | undefined {
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
    if (!reading.ok) return refuseNumber(ctx, raw, rule, reading);
    const value = reading.value;
    if (!passesRule(rule, value)) {
      // Above 0 but below the smallest divisor: say so, as a number too large is told.
      if (rule.divisorAtLeast !== undefined && value > (rule.above ?? -Infinity) && value < rule.divisorAtLeast) {
        return complete(ctx, raw, `${rule.expected}, got ${quoteValue(raw)}: too small (servicegap divides by it, and accepts at least ${MIN_DIVISOR_TEXT})`);
      }
      ctx.issues.push({ code: 'custom', message: rule.expected, input: raw });
      return z.NEVER;
    }
    return value;
  });
}

/** The issue for a cell that is no number: missing, ambiguous, too large or not a number. */
function refuseNumber(ctx: z.RefinementCtx, raw: string, rule: NumberRule, reading: Extract<NumberReading, { ok: false }>): typeof z.NEVER {
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
  // No match leaves year NaN, which fails every comparison below.
  const valid =
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

/**
 * The kinds of cell a row column can hold. Each is one rule, given once in both its forms: the zod
 * schema (which words every problem) and `accept`, the hot path's reading of a valid cell (a
 * value, or REJECT: ask the schema). `number`: the rule of a number cell, for readers that parse
 * numbers from bytes (io/piece-parser.ts); `anyText`: every text is valid (its value may be
 * undefined, never REJECT).
 */
function cellTypes(format: NumberFormat) {
  // Each zod schema is made when first asked for: the compiled checkers and the byte-level reader
  // take only `accept`, and making every cell's schema for every file was most of a small file's
  // set-up (the command line's start-up).
  const number = (rule: NumberRule) => {
    let schema: ReturnType<typeof numberCell> | undefined;
    return {
      get schema() {
        return (schema ??= numberCell(rule, format));
      },
      number: rule,
      anyText: false,
      accept: (raw: string | undefined): number | Reject => {
        if (typeof raw !== 'string') return REJECT;
        const value = readNumberValue(raw, format);
        return value !== undefined && passesRule(rule, value) ? value : REJECT;
      },
    };
  };
  const text = (schema: z.ZodType<string, string>, markers: boolean) => ({
    schema,
    number: undefined,
    anyText: false,
    accept: (raw: string | undefined): string | Reject => (typeof raw === 'string' ? (requiredTextValue(raw, markers) ?? REJECT) : REJECT),
  });
  const year = number(NUMBER_RULES.year);
  let optionalYear: ReturnType<typeof optionalYearCell> | undefined;
  return {
    code: text(regionCode, false),
    name: text(requiredText('expected a service name or category code'), true),
    optionalText: {
      schema: optionalText,
      number: undefined,
      anyText: true,
      // A value that is not text (never from a CSV file) goes to the schema.
      accept: (raw: string | undefined): string | undefined | Reject => (raw === undefined || typeof raw === 'string' ? optionalTextValue(raw) : REJECT),
    },
    year,
    nonNegative: number(NUMBER_RULES.nonNegative),
    positive: number(NUMBER_RULES.positive),
    // Negative numbers are openings (SPEC §1), so any finite number is valid.
    change: number(NUMBER_RULES.change),
    share: number(NUMBER_RULES.share),
    date: {
      schema: eventDate,
      number: undefined,
      anyText: false,
      // A missing-value marker is no date (eventYear answers undefined), so the schema words it.
      accept: (raw: string | undefined): number | Reject => (typeof raw === 'string' ? (eventYear(raw) ?? REJECT) : REJECT),
    },
    unit: {
      schema: unitCell,
      number: undefined,
      anyText: false,
      accept: (raw: string | undefined): UnitCell | Reject => (typeof raw === 'string' ? (unitValue(raw) ?? REJECT) : REJECT),
    },
    // crosswalk.csv's reform year: blank means every year.
    optionalYear: {
      get schema() {
        return (optionalYear ??= optionalYearCell(year.schema));
      },
      number: undefined,
      anyText: false,
      accept: (raw: string | undefined): number | undefined | Reject => {
        if (raw === undefined || (typeof raw === 'string' && !raw.trim())) return undefined;
        return year.accept(raw);
      },
    },
  };
}

/** crosswalk.csv's reform year, read by `year`: blank means every year. */
function optionalYearCell(year: ReturnType<typeof numberCell>) {
  return z
    .string()
    .optional()
    .transform((raw) => (raw?.trim() ? raw : undefined))
    .pipe(year.optional());
}

/** What a compiled check answers for a cell it does not accept: ask the zod schema. */
export const REJECT: unique symbol = Symbol('reject');
type Reject = typeof REJECT;

type CellTypes = ReturnType<typeof cellTypes>;
/** The name of a kind of cell (see cellTypes). */
export type CellType = keyof CellTypes;

/**
 * The columns of one row of each input file (SPEC §1) and the kind of cell each holds: the one
 * table the zod schemas, the compiled checkers, the files' required and optional columns and the
 * byte-level reader are all made from. Optional columns are those whose cell may be absent.
 */
export const ROW_COLUMNS = {
  region: { region: 'code', name: 'optionalText', parent: 'optionalText' },
  population: { region: 'code', year: 'year', population: 'positive' },
  bedStock: { region: 'code', year: 'year', beds: 'nonNegative', bed_type: 'optionalText', facility: 'optionalText' },
  bedEvents: { region: 'code', date: 'date', beds_closed: 'change', bed_type: 'optionalText', facility: 'optionalText' },
  services: { region: 'code', year: 'year', service: 'name', capacity: 'nonNegative', unit: 'unit' },
  // crosswalk.csv (crosswalk.ts): an old region code's share that goes to a current one.
  crosswalk: { from: 'code', to: 'code', share: 'share', year: 'optionalYear' },
} as const satisfies Record<string, Record<string, CellType>>;

/** The kinds of row: one per input file, the beds file in either of its shapes. */
export type RowKindName = keyof typeof ROW_COLUMNS;

/** Cells that may be absent: their column is optional in the file. */
const OPTIONAL_CELLS: ReadonlySet<CellType> = new Set<CellType>(['optionalText', 'optionalYear']);

type ColumnsOf<K extends RowKindName> = (typeof ROW_COLUMNS)[K];
type Shape<K extends RowKindName> = {
  -readonly [C in keyof ColumnsOf<K>]: ColumnsOf<K>[C] extends CellType ? CellTypes[ColumnsOf<K>[C]]['schema'] : never;
};

/** The row schemas of every input file, reading numbers in `format`. */
export function rowSchemas(format: NumberFormat = DEFAULT_NUMBER_FORMAT): { [K in RowKindName]: z.ZodObject<Shape<K>, z.core.$strip> } {
  const cells = cellTypes(format);
  const schemas: Record<string, z.ZodObject> = {};
  for (const [kind, columns] of Object.entries(ROW_COLUMNS)) {
    schemas[kind] = z.object(Object.fromEntries(Object.entries(columns).map(([column, type]) => [column, cells[type].schema])));
  }
  return schemas as { [K in RowKindName]: z.ZodObject<Shape<K>, z.core.$strip> };
}

/** The row schemas of every input file, as `rowSchemas` returns them. */
export type RowSchemas = ReturnType<typeof rowSchemas>;

/** A compiled row check: the schema's output for a row it accepts, or undefined (ask the schema). */
export type RowChecker<K extends keyof RowSchemas> = (raw: Readonly<Record<string, string | undefined>>) => z.output<RowSchemas[K]> | undefined;

/** The compiled checkers of every kind of row, reading numbers in `format` (see the top): each
 * reads its columns with the `accept` of their cell types, in ROW_COLUMNS' order. */
export function rowCheckers(format: NumberFormat = DEFAULT_NUMBER_FORMAT): { [K in RowKindName]: RowChecker<K> } {
  const cells = cellTypes(format);
  const checkers: Record<string, RowChecker<RowKindName>> = {};
  for (const [kind, columns] of Object.entries(ROW_COLUMNS)) {
    const names = Object.keys(columns);
    const accepts = Object.values(columns).map((type: CellType) => cells[type].accept);
    // An indexed loop: `for (const [column, accept] of …)` makes two iterators per cell, which
    // costs while the code is still cold (a small file is read before it warms up).
    checkers[kind] = (raw) => {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < names.length; i++) {
        const column = names[i]!;
        const value = accepts[i]!(raw[column]);
        if (value === REJECT) return undefined;
        row[column] = value;
      }
      return row as z.output<RowSchemas[RowKindName]>;
    };
  }
  return checkers as { [K in RowKindName]: RowChecker<K> };
}

export type RowCheckers = ReturnType<typeof rowCheckers>;

/** How a reader of raw bytes takes each column of a kind: a number cell's rule, or (text, dates,
 * units) the cell's `accept` of the decoded text (io/piece-parser.ts interns those). */
export function cellReaders(
  kind: RowKindName,
  format: NumberFormat,
): readonly { readonly column: string; readonly number: NumberRule | undefined; readonly anyText: boolean; readonly accept: (raw: string) => unknown }[] {
  const cells = cellTypes(format);
  return Object.entries(ROW_COLUMNS[kind]).map(([column, type]) => {
    const cell = cells[type];
    return { column, number: cell.number, anyText: cell.anyText, accept: cell.accept };
  });
}

let defaultSchemas: RowSchemas | undefined;

/** The schemas in the default number format (plain decimals with a point), built on first use:
 * a file whose rows are all valid never needs them (the compiled checkers read it), and building
 * them costs start-up time. */
export function defaultRowSchemas(): RowSchemas {
  return (defaultSchemas ??= rowSchemas());
}

/** A kind's required and optional columns (ROW_COLUMNS). */
export interface FileColumns<K extends RowKindName = RowKindName> {
  readonly required: readonly (keyof (typeof ROW_COLUMNS)[K] & string)[];
  readonly optional: readonly (keyof (typeof ROW_COLUMNS)[K] & string)[];
}

/** A kind's required and optional columns, from ROW_COLUMNS. */
export function fileColumns<K extends RowKindName>(kind: K): FileColumns<K> {
  const columns = Object.entries(ROW_COLUMNS[kind]) as [keyof (typeof ROW_COLUMNS)[K] & string, CellType][];
  return {
    required: columns.filter(([, type]) => !OPTIONAL_CELLS.has(type)).map(([column]) => column),
    optional: columns.filter(([, type]) => OPTIONAL_CELLS.has(type)).map(([column]) => column),
  };
}

/** The input files of SPEC §1 and the columns each needs (from ROW_COLUMNS). */
export const INPUT_FILES = {
  regions: fileColumns('region'),
  population: fileColumns('population'),
  bedStock: fileColumns('bedStock'),
  bedEvents: fileColumns('bedEvents'),
  services: fileColumns('services'),
  crosswalk: fileColumns('crosswalk'),
};
