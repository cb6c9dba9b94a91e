// A trend region's years, kept as numbers and made into objects each time they are read (issue 18).
// A trend holds every region × year: 150,000 year objects of 19 fields at 5,000 regions, about
// 500 bytes each in V8 (every fraction boxed on its own), most of the memory of a trend run; as
// one row of 16 numbers per year in a Float64Array, 128 bytes. `years` is an own, enumerable
// property of the region (a getter), so JSON.stringify, zod, spread and structured clone all see
// the array; each reading gives a fresh array of fresh objects, equal to the last. Pure.
import type { Category } from './categories.js';
import type { weightedMetrics } from './formulas.js';
import type { Flag } from './report-schema.js';
import { type TrendGap, type TrendRegion, type TrendYear, TrendYearSchema } from './trend-schema.js';

/** Fields of a year kept otherwise than as a number. */
const NOT_NUMBERS = new Set(['year', 'flags', 'categories_not_reported']);
/** The numbers of a year, in its key order (the schema's, which is also the order `regionMetrics` makes them in). */
const NUMBERS = Object.keys(TrendYearSchema.shape).filter((k) => !NOT_NUMBERS.has(k)) as readonly Exclude<keyof TrendYear, 'year' | 'flags' | 'categories_not_reported'>[];
const N = NUMBERS.length;

/** A region's years as numbers: the year, its row of NUMBERS (NaN: null), and its flags and categories where there are any. */
export interface YearRows {
  readonly years: readonly number[];
  readonly values: Float64Array;
  readonly flags: readonly (readonly Flag[] | undefined)[];
  readonly categories: readonly (readonly Category[] | undefined)[];
}

/** Where a region keeps its years' numbers (not enumerable: JSON, zod, spread and `toEqual` see `years` only). */
const ROWS = Symbol('trend years');

const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

/**
 * Year `i` of `rows` as a fresh object, its keys in the schema's order: one object literal, made
 * from the schema's keys when this module loads. A literal is made in one step with every
 * property in place; the same object built key by key took a keyed store per number (100 ms of a
 * trend of 5,000 regions, issue 18). NaN stands for null: no metric is ever NaN (the schema refuses it).
 */
export const yearAt = new Function(
  'orNull',
  'N',
  `return function yearAt(rows, i) {
    const v = rows.values;
    const at = i * N;
    return {
      year: rows.years[i],
      ${NUMBERS.map((key, k) => `${JSON.stringify(key)}: orNull(v[at + ${k}]),`).join('\n      ')}
      flags: [...(rows.flags[i] ?? [])],
      categories_not_reported: [...(rows.categories[i] ?? [])],
    };
  };`,
)(orNull, N) as (rows: YearRows, i: number) => TrendYear;

/**
 * The one getter of every region's years (one for all, so that every region has the same shape);
 * a caller that assigns years gets a plain data property, as on a plain region.
 */
const YEARS: PropertyDescriptor = {
  get(this: { readonly [ROWS]: YearRows }): TrendYear[] {
    const rows = this[ROWS];
    return rows.years.map((_, i) => yearAt(rows, i));
  },
  set(this: object, years: TrendYear[]) {
    Object.defineProperty(this, 'years', { value: years, writable: true, enumerable: true, configurable: true });
  },
  enumerable: true,
  configurable: true,
};

/** What regionMetrics adds to the weighted metrics of a year: its own numbers (null: NaN). */
const OWN_NUMBERS: Readonly<Record<string, string>> = { population: 'population', beds_from: 'bedsFrom', beds_to: 'bedsTo', coverage_index: 'coverage' };

/**
 * Row `i` of `values` from a year's numbers as regionMetrics makes them (population, beds at B and
 * T′, the weighted metrics of formulas.ts, the coverage index; null: NaN), in NUMBERS' order,
 * without a metrics object (trend-region-years.ts). Made from the schema's keys when this module
 * loads, as yearAt is.
 */
export const writeYearRow = new Function(
  'N',
  `return function writeYearRow(values, i, population, bedsFrom, bedsTo, weighted, coverage) {
    const at = i * N;
    ${NUMBERS.map((key, k) => `values[at + ${k}] = ${OWN_NUMBERS[key] ?? `weighted[${JSON.stringify(key)}]`} ?? NaN;`).join('\n    ')}
  };`,
)(N) as (values: Float64Array, i: number, population: number, bedsFrom: number | null, bedsTo: number | null, weighted: Readonly<ReturnType<typeof weightedMetrics>>, coverage: number | null) => void;

/** The numbers of a year row (`writeYearRow`). */
export const YEAR_ROW_NUMBERS = N;

/** A region of a trend whose `years` are kept as `rows` (see the file comment); its keys in TrendRegionSchema's order. */
export function trendRegion(rank: number, region: Omit<TrendRegion, 'rank' | 'years' | 'excluded_years'>, rows: YearRows, gaps: TrendGap[]): TrendRegion {
  // Every property added in the same order, the getter as a new property: every region shares one shape.
  const out = {
    rank,
    region: region.region,
    name: region.name,
    first_vacuum_year: region.first_vacuum_year,
    peak_vacuum_per_100k: region.peak_vacuum_per_100k,
    peak_year: region.peak_year,
    open: region.open,
  };
  Object.defineProperty(out, 'years', YEARS);
  (out as { excluded_years?: TrendGap[] }).excluded_years = gaps;
  Object.defineProperty(out, ROWS, { value: rows });
  return out as TrendRegion;
}
