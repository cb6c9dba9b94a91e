// Missing is not zero (SPEC §8): which community data a region has, which categories it does not
// report that others do, and which norms the dataset measures at all. Pure; answers about a
// whole dataset are kept per dataset object (a dataset is never changed once built), so asking
// for every region of every sensitivity draw costs one pass.
import { CATEGORY_CODES, type Category } from './categories.js';
import type { Dataset } from './dataset.js';
import type { Norm } from './norms.js';
import { weightKey } from './weights.js';

/** Whether a region has any row in services.csv (any category, unit or year). */
export function hasCommunityData(dataset: Dataset, region: string): boolean {
  const byKey = dataset.services.get(region);
  if (byKey === undefined) return false;
  for (const series of byKey.values()) if (series.years.size > 0) return true;
  return false;
}

const reportedCache = new WeakMap<Dataset, readonly Category[]>();

/** The categories some region of the dataset reports (any unit, any year), in the taxonomy's order. */
export function reportedCategories(dataset: Dataset): readonly Category[] {
  let reported = reportedCache.get(dataset);
  // Stryker disable next-line ConditionalExpression: a cache; working the answer out again gives the same answer
  if (reported === undefined) {
    const seen = new Set<Category>();
    for (const byKey of dataset.services.values()) for (const series of byKey.values()) if (series.years.size > 0) seen.add(series.category);
    reported = CATEGORY_CODES.filter((c) => seen.has(c));
    reportedCache.set(dataset, reported);
  }
  return reported;
}

/**
 * SPEC §8 `categories_not_reported`: the categories that some other region reports (any year)
 * and this region has no row for, in the taxonomy's order.
 */
export function categoriesNotReported(dataset: Dataset, region: string): Category[] {
  const own = new Set<Category>();
  for (const series of dataset.services.get(region)?.values() ?? []) if (series.years.size > 0) own.add(series.category);
  return reportedCategories(dataset).filter((c) => !own.has(c));
}

const measuredCache = new WeakMap<Dataset, WeakMap<Norm, boolean>>();

/**
 * Whether a norm's measure has any row in the whole dataset (SPEC §8): beds.csv beds (a stock)
 * when the norm counts them, or any service series of one of its (category, unit) pairs. A norm
 * measured nowhere is null for every region — not measured, left out of the coverage index —
 * never a gap.
 */
export function normMeasured(dataset: Dataset, norm: Norm): boolean {
  // Kept per norm object: a run's norm table is made once and asked for every region (and every
  // sensitivity draw), and a config that changes a norm's measure makes a new object.
  let byNorm = measuredCache.get(dataset);
  // Stryker disable next-line ConditionalExpression: a cache; working the answer out again gives the same answer
  if (byNorm === undefined) measuredCache.set(dataset, (byNorm = new WeakMap()));
  let measured = byNorm.get(norm);
  // Stryker disable next-line ConditionalExpression: a cache; working the answer out again gives the same answer
  if (measured === undefined) {
    measured = (norm.includesInstitutionalBeds && bedsMeasured(dataset)) || servicesMeasured(dataset, norm);
    byNorm.set(norm, measured);
  }
  return measured;
}

/** Whether beds.csv holds a stock with a count for some region. */
function bedsMeasured(dataset: Dataset): boolean {
  return dataset.beds.shape === 'stock' && [...dataset.beds.byRegion.values()].some((s) => s.size > 0);
}

/** Whether some region has a row in one of the norm's (category, unit) service series. */
function servicesMeasured(dataset: Dataset, norm: Norm): boolean {
  const keys = new Set(norm.measures.map((m) => weightKey(m.category, m.unit)));
  for (const byKey of dataset.services.values()) {
    for (const [k, series] of byKey) if (keys.has(k) && series.years.size > 0) return true;
  }
  return false;
}
