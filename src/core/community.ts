// SPEC §3: a region's community capacity in bed-equivalents at one year, Σ w(category, unit) ×
// capacity over its service series, each series valued by the series rule (series.ts). The one
// place where that sum is made: metrics.ts takes it at B and T, breakdown.ts splits it by
// category and takes it at every year.
import type { Category } from './categories.js';
import type { ServiceSeries } from './dataset.js';
import { type FillMode, valueAt, type ValueAtYear } from './series.js';
import { weightKey, type WeightTable } from './weights.js';

/** A region's community capacity in bed-equivalents at one year, with flags saying how its series were valued. */
export interface CommunityTotal {
  /** Σ w × capacity over every service series. */
  readonly total: number;
  /** Some series' value was carried forward from an earlier year. */
  readonly carried: boolean;
  /** Some series had no total at or before the year and counted 0. */
  readonly startedLater: boolean;
  /** Some series' value was interpolated between two known years (--fill linear). */
  readonly interpolated: boolean;
  /** Some series has no value at the year (only under --fill none): the total is not known. */
  readonly unknown: boolean;
}

/** A region's community capacity at one year in total and by category (CommunityTotal). */
export interface CommunityAtYear extends CommunityTotal {
  /** The same sum per category, in the order the series first appear. */
  readonly byCategory: ReadonlyMap<Category, number>;
}

/**
 * Bed-equivalents per unit of a (category, unit) pair. The loader rejects a pair with no weight
 * (SPEC §3), so the 0 fallback is never reached on loaded data.
 */
export function weightValue(weights: WeightTable, category: Category, unit: ServiceSeries['unit']): number {
  return weights.get(weightKey(category, unit))?.value ?? 0;
}

/** One term of the sum: a service series' value at the year, its weight and their product (explain.ts). */
export interface CommunityTerm {
  readonly series: ServiceSeries;
  /** The series' value at the year; undefined: unknown (only under --fill none). */
  readonly at: ValueAtYear | undefined;
  readonly weight: number;
  /** weight × value, as added to the total; undefined when the value is unknown. */
  readonly be: number | undefined;
}

/**
 * A region's community capacity at `year`, from its service series (`category/unit` → series).
 * `terms`, when given, receives each term in the order it was added (for explain: the same sum,
 * shown step by step).
 */
export function communityAt(
  services: ReadonlyMap<string, ServiceSeries> | undefined,
  year: number,
  weights: WeightTable,
  fill: FillMode = 'carry',
  terms?: CommunityTerm[],
): CommunityAtYear {
  const byCategory = new Map<Category, number>();
  return { ...sumAt(services, year, weights, fill, terms, byCategory), byCategory };
}

/**
 * `communityAt` without the sums by category, which only the page's breakdown reads: the metrics
 * take a total at B and T for every region (and a trend for every year), and a Map per call was
 * most of the cost of the sum (issue 18).
 */
export function communityTotalAt(
  services: ReadonlyMap<string, ServiceSeries> | undefined,
  year: number,
  weights: WeightTable,
  fill: FillMode = 'carry',
  terms?: CommunityTerm[],
): CommunityTotal {
  return sumAt(services, year, weights, fill, terms, undefined);
}

/** Each series' weight, in the order of `services` (for a region whose sum is taken at many
 * years: a trend's, trend-region-years.ts). */
export function seriesWeights(services: ReadonlyMap<string, ServiceSeries> | undefined, weights: WeightTable): number[] {
  return [...(services?.values() ?? [])].map((series) => weightValue(weights, series.category, series.unit));
}

/** The sum of communityAt, and by category into `byCategory` when given. */
function sumAt(
  services: ReadonlyMap<string, ServiceSeries> | undefined,
  year: number,
  weights: WeightTable,
  fill: FillMode,
  terms: CommunityTerm[] | undefined,
  byCategory: Map<Category, number> | undefined,
): CommunityTotal {
  let total = 0;
  let carried = false;
  let startedLater = false;
  let interpolated = false;
  let unknown = false;
  for (const series of services?.values() ?? []) {
    const weight = weightValue(weights, series.category, series.unit);
    const at = valueAt(series.years, year, 'service', fill);
    if (at === undefined) {
      unknown = true;
      terms?.push({ series, at, weight, be: undefined });
      continue;
    }
    if (at.carried) carried = true;
    if (at.startedLater) startedLater = true;
    if (at.interpolated) interpolated = true;
    const be = weight * at.value;
    terms?.push({ series, at, weight, be });
    total += be;
    byCategory?.set(series.category, (byCategory.get(series.category) ?? 0) + be);
  }
  return { total, carried, startedLater, interpolated, unknown };
}
