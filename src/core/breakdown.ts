// What the HTML report draws beyond the ranked metrics (issue 4): per region, the community
// change split by category, and yearly series of beds and community bed-equivalents. Pure: the
// same series rule (series.ts) and the same community sum (community.ts) as metrics.ts, so every
// number here adds up to the report's own.
import { CATEGORY_CODES, type Category } from './categories.js';
import { communityAt } from './community.js';
import { bedYears, type Dataset, serviceYears } from './dataset.js';
import type { Period } from './metrics.js';
import { type FillMode, valueAt } from './series.js';
import { weightKey, type WeightTable } from './weights.js';

/** One category's community capacity in bed-equivalents at B and at T. */
export interface CategoryChange {
  readonly category: Category;
  readonly from_be: number;
  readonly to_be: number;
  readonly change_be: number;
}

/** One year of a region's series. */
export interface YearPoint {
  readonly year: number;
  /** Institutional beds (stock files); null when unknown or for an events / absent beds file. */
  readonly beds: number | null;
  /** The beds figure is an earlier year's, carried forward. */
  readonly beds_carried: boolean;
  readonly community_be: number;
  /** Some service figure is an earlier year's, carried forward. */
  readonly community_carried: boolean;
}

/** One region's details for the HTML report: its community change by category and its yearly series. */
export interface RegionDetails {
  readonly region: string;
  /** Every category the region has service data for, in the taxonomy's order (weight 0 included). */
  readonly categories: readonly CategoryChange[];
  /** One point per year of ReportDetails.years. */
  readonly series: readonly YearPoint[];
}

/** What the HTML report draws beyond the ranked metrics: the years B to T and the details of each region asked for. */
export interface ReportDetails {
  /** B, T and every year of the beds or services data between them, ascending. */
  readonly years: readonly number[];
  /** Details of the regions asked for, by region code. */
  readonly regions: ReadonlyMap<string, RegionDetails>;
  /** The `category/unit` weight keys that the dataset's services use. */
  readonly weightKeysInData: readonly string[];
}

/** A region's community change by category between B and T, in bed-equivalents (`fill`: --fill, carry when not given, series.ts). */
export function categoryBreakdown(dataset: Dataset, region: string, period: Period, weights: WeightTable, fill?: FillMode): CategoryChange[] {
  const services = dataset.services.get(region);
  const atB = communityAt(services, period.from, weights, fill).byCategory;
  const atT = communityAt(services, period.to, weights, fill).byCategory;
  const out: CategoryChange[] = [];
  for (const category of CATEGORY_CODES) {
    const from = atB.get(category);
    const to = atT.get(category);
    if (from === undefined || to === undefined) continue;
    // No −0 to clean: each total starts from +0 (community.ts), so to − from is +0 when they are equal.
    out.push({ category, from_be: from, to_be: to, change_be: to - from });
  }
  return out;
}

/** A region's institutional beds and community bed-equivalents at each of `years`. */
export function yearlySeries(dataset: Dataset, region: string, years: readonly number[], weights: WeightTable, fill?: FillMode): YearPoint[] {
  // No stock (closure events, or no beds file): no series, so every year's beds are unknown.
  const bedSeries = dataset.beds.shape === 'stock' ? dataset.beds.byRegion.get(region) : undefined;
  const services = dataset.services.get(region);
  return years.map((year) => {
    // Stryker disable next-line StringLiteral: valueAt tells only 'service' apart (a service series counts 0 before its first year); any other kind is a stock
    const beds = valueAt(bedSeries, year, 'stock', fill);
    const community = communityAt(services, year, weights, fill);
    return {
      year,
      beds: beds?.value ?? null,
      beds_carried: beds?.carried ?? false,
      community_be: community.total,
      community_carried: community.carried,
    };
  });
}

/** B, T and every data year between them. */
export function detailYears(dataset: Dataset, period: Period): number[] {
  const years = new Set<number>([period.from, period.to]);
  // Stryker disable next-line EqualityOperator: B and T are in the set already, so whether the bounds count as between changes nothing
  for (const y of [...bedYears(dataset.beds), ...serviceYears(dataset)]) if (y >= period.from && y <= period.to) years.add(y);
  return [...years].sort((a, b) => a - b);
}

/** Details for each of `regions` (codes), for the period of a report, under the same fill rule (--fill) as its metrics. */
export function reportDetails(dataset: Dataset, regions: readonly string[], period: Period, weights: WeightTable, fill?: FillMode): ReportDetails {
  const years = detailYears(dataset, period);
  const byRegion = new Map<string, RegionDetails>();
  for (const region of regions) {
    byRegion.set(region, {
      region,
      categories: categoryBreakdown(dataset, region, period, weights, fill),
      series: yearlySeries(dataset, region, years, weights, fill),
    });
  }
  const keys = new Set<string>();
  for (const byKey of dataset.services.values()) for (const s of byKey.values()) keys.add(weightKey(s.category, s.unit));
  return { years, regions: byRegion, weightKeysInData: [...keys].sort() };
}
