// SPEC §3 ranking: by the sort metric descending, nulls last, ties by region code ascending in
// code-unit order (not locale order, so the result is the same on every machine).
import type { RankedRegion, RegionMetrics, SortMetric } from './report-schema.js';

/** Ranking order of two regions: by `sort` descending, nulls last, then by code. */
export function compareRegions(a: RegionMetrics, b: RegionMetrics, sort: SortMetric): number {
  const x = a[sort];
  const y = b[sort];
  if (x !== y) {
    if (x === null) return 1;
    if (y === null) return -1;
    return y - x;
  }
  return a.region < b.region ? -1 : a.region > b.region ? 1 : 0;
}

/** Regions ranked by `sort` (SPEC §3), each with its 1-based rank. */
export function rankRegions(regions: readonly RegionMetrics[], sort: SortMetric): RankedRegion[] {
  return [...regions]
    .sort((a, b) => compareRegions(a, b, sort))
    .map((metrics, index) => ({ rank: index + 1, ...metrics }));
}
