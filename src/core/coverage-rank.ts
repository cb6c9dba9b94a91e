// SPEC §7 ranking: by coverage_index ascending (least covered first), ties by region code in
// code-unit order. A region with no known norm (index null) has no place on that scale: it is
// ranked last, after every region with an index (as §3 puts nulls last), not left out, so its
// unknown norms stay visible.
import type { RankedCoverage, RegionCoverage } from './coverage-schema.js';

/** Sort order of the coverage ranking: coverage_index ascending (null last), ties by region code. */
export function compareCoverage(a: RegionCoverage, b: RegionCoverage): number {
  const x = a.coverage_index;
  const y = b.coverage_index;
  if (x !== y) {
    if (x === null) return 1;
    if (y === null) return -1;
    return x - y;
  }
  return a.region < b.region ? -1 : a.region > b.region ? 1 : 0;
}

/** The regions sorted by `compareCoverage`, each with its rank (1 = least covered). */
export function rankCoverage(regions: readonly RegionCoverage[]): RankedCoverage[] {
  return [...regions].sort(compareCoverage).map((coverage, index) => ({ rank: index + 1, ...coverage }));
}
