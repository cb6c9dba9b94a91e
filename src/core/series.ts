// SPEC §3, "value of a series at year Y", and the other ways of filling a missing year (--fill).
import { z } from 'zod';
import type { YearSeries } from './dataset.js';
import { DenseYearSeries } from './dense-year-series.js';
import { filledYears } from './filled-parts.js';

/**
 * How a year with no total is filled (--fill):
 * - `carry` (SPEC §3, the default): the latest earlier total (flag `carried_forward`);
 * - `none`: not at all: the value is unknown;
 * - `linear`: between two known years, the straight line through them (flag `interpolated`);
 *   after the last known year, carried as under `carry`.
 * Under every mode, a service series with no total at or before Y counts 0 (flag
 * `service_started_later`) and a stock series (beds, population) with none is unknown: a year
 * before a series begins is not a gap to fill.
 */
export const FILL_MODES = ['carry', 'none', 'linear'] as const;
/** zod schema of a fill mode: one of `FILL_MODES`. */
export const FillModeSchema = z.enum(FILL_MODES);
/** How a year with no total is filled (--fill): carry, none or linear. */
export type FillMode = z.infer<typeof FillModeSchema>;

/** A series' value at a year, with flags saying whether it was carried, started later or interpolated. */
export interface ValueAtYear {
  readonly value: number;
  /** The value is the latest earlier year's total (flag `carried_forward`). */
  readonly carried: boolean;
  /** A service series with no total at or before Y counts 0 (flag `service_started_later`). */
  readonly startedLater: boolean;
  /** The value lies on the line between the nearest known years (flag `interpolated`); only set when true. */
  readonly interpolated?: boolean;
}

/**
 * A series' total for `year`; else, by `fill`, its latest earlier total (carried), the value
 * interpolated between the nearest known years around it, or nothing (undefined: unknown); a
 * series with no total at or before `year` is 0 for a service (started later) and undefined for
 * beds and population.
 */
export function valueAt(
  series: YearSeries | undefined,
  year: number,
  kind: 'service' | 'stock',
  fill: FillMode = 'carry',
): ValueAtYear | undefined {
  const exact = series?.get(year);
  if (exact !== undefined) {
    // A rolled-up unit's sum that holds a region's carried or interpolated figure (filled-parts.ts).
    const parts = filledYears(series)?.get(year);
    if (parts === undefined) return { value: exact, carried: false, startedLater: false };
    return { value: exact, carried: (parts.state & CARRIED) !== 0, startedLater: false, ...((parts.state & INTERPOLATED) !== 0 ? { interpolated: true } : {}) };
  }
  let before: number | undefined;
  let after: number | undefined;
  for (const y of series?.keys() ?? []) {
    if (y < year && (before === undefined || y > before)) before = y;
    if (y > year && (after === undefined || y < after)) after = y;
  }
  if (before === undefined) return kind === 'service' ? { value: 0, carried: false, startedLater: true } : undefined;
  const earlier = series!.get(before)!;
  if (fill === 'none') return undefined;
  if (fill === 'linear' && after !== undefined) {
    const later = series!.get(after)!;
    return { value: earlier + ((later - earlier) * (year - before)) / (after - before), carried: false, startedLater: false, interpolated: true };
  }
  return { value: earlier, carried: true, startedLater: false };
}

/**
 * The year(s) of `series` a value filled in at `year` came from (valueAt): the latest earlier
 * year, and for an interpolated value the next later one too. For a value that was filled, so
 * those years exist.
 */
export function filledFrom(series: YearSeries, year: number, interpolated: boolean): number[] {
  let before = -Infinity;
  let after = Infinity;
  for (const y of series.keys()) {
    if (y < year && y > before) before = y;
    if (y > year && y < after) after = y;
  }
  return interpolated ? [before, after] : [before];
}

/** `YearValues.state` bits: how each year's value was found (valueAt's flags). */
export const CARRIED = 1;
export const STARTED_LATER = 2;
export const INTERPOLATED = 4;
/** No value: unknown (a stock series before it begins; any series under --fill none). */
export const UNKNOWN = 8;

/** A series' values at the years `from` … `to` (index year − from), each with its state bits. */
export interface YearValues {
  readonly value: Float64Array;
  readonly state: Uint8Array;
}

/** A series' known years and values in year order (knownPairs), `count` of them. */
export interface KnownPairs {
  years: number[];
  values: number[];
  count: number;
}

// Reused from series to series: knownPairs' callers are synchronous and keep nothing.
const pairs: KnownPairs = { years: [], values: [], count: 0 };
/** The pairs of no series. */
const NO_PAIRS: KnownPairs = { years: [], values: [], count: 0 };

/**
 * The known (year, value) pairs of `series` in year order, in arrays shared by every call (read
 * them before the next). A loaded dataset's series are dense and copy theirs in year order in one
 * loop (dense-year-series.ts known); a Map a library caller built, perhaps out of order, is sorted.
 */
export function knownPairs(series: YearSeries): KnownPairs {
  // Stryker disable next-line ConditionalExpression: the walk below gives the same pairs, slower
  if (series instanceof DenseYearSeries) {
    pairs.count = series.known(pairs.years, pairs.values);
    return pairs;
  }
  let n = 0;
  series.forEach((value, year) => {
    pairs.years[n] = year;
    pairs.values[n] = value;
    n++;
  });
  const sorted = pairs.years.slice(0, n).map((year, i) => [year, pairs.values[i]!] as const).sort((a, b) => a[0] - b[0]);
  pairs.years = sorted.map((p) => p[0]);
  pairs.values = sorted.map((p) => p[1]);
  pairs.count = n;
  return pairs;
}

/**
 * `valueAt(series, year, kind, fill)` for every year from `from` to `to`, into `out` (index year −
 * from): the same values and flags, found in one walk of the series instead of a search per year —
 * a trend values every series of every region in every year (150,000 region-years, ~18 series
 * each, at 5,000 regions; issue 18). test/core/trend-region-years.test.ts holds it to valueAt.
 */
export function valuesOverYears(series: YearSeries | undefined, from: number, to: number, kind: 'service' | 'stock', fill: FillMode, out: YearValues): void {
  const { years: ys, values: vs, count } = series === undefined ? NO_PAIRS : knownPairs(series);
  // A rolled-up unit's years whose sums hold filled figures of its regions (filled-parts.ts).
  const filled = filledYears(series);
  let k = 0; // the first known year ≥ the year
  for (let year = from; year <= to; year++) {
    const i = year - from;
    while (k < count && ys[k]! < year) k++;
    if (k < count && ys[k] === year) {
      out.value[i] = vs[k]!;
      out.state[i] = filled === undefined ? 0 : (filled.get(year)?.state ?? 0);
    } else if (k === 0) {
      // Nothing at or before the year: a service started later (0), a stock is unknown.
      out.value[i] = kind === 'service' ? 0 : NaN;
      out.state[i] = kind === 'service' ? STARTED_LATER : UNKNOWN;
    } else if (fill === 'none') {
      out.value[i] = NaN;
      out.state[i] = UNKNOWN;
    } else if (fill === 'linear' && k < count) {
      const before = ys[k - 1]!;
      const after = ys[k]!;
      const earlier = vs[k - 1]!;
      const later = vs[k]!;
      out.value[i] = earlier + ((later - earlier) * (year - before)) / (after - before);
      out.state[i] = INTERPOLATED;
    } else {
      out.value[i] = vs[k - 1]!;
      out.state[i] = CARRIED;
    }
  }
}
