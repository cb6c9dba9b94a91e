// Where a region's capacity stands against a norm's range, and the regions × norms grid of
// coverage a heatmap draws (HTML report) or a table colours (terminal). Pure; no colour here.
import type { CoverageReport, NormCoverage } from './coverage-schema.js';

/**
 * `under`: below the norm's low end (coverage < 1, a gap); `within`: low ≤ per 100k ≤ high;
 * `above`: above the high end; `unknown`: the measure is unknown at T.
 */
export type CoverageBand = 'under' | 'within' | 'above' | 'unknown';

/** The band of one region × norm, from the unrounded per-100k value and the norm's range. */
export function coverageBand(n: Pick<NormCoverage, 'per_100k' | 'norm_low' | 'norm_high'>): CoverageBand {
  if (n.per_100k === null) return 'unknown';
  if (n.per_100k < n.norm_low) return 'under';
  return n.per_100k > n.norm_high ? 'above' : 'within';
}

/** One region × norm cell of the coverage heatmap: the norm, its coverage (null when unknown) and its band. */
export interface CoverageCell {
  readonly norm: string;
  readonly coverage: number | null;
  readonly band: CoverageBand;
}

/** The regions × norms grid of coverage: the norms as columns, the ranked regions as rows. */
export interface CoverageHeatmap {
  /** Column order: the norms in force, in their order. */
  readonly norms: readonly string[];
  /** Row order: the coverage ranking (least covered first). */
  readonly rows: readonly {
    readonly rank: number;
    readonly region: string;
    readonly name: string;
    readonly coverage_index: number | null;
    readonly cells: readonly CoverageCell[];
  }[];
}

/** The regions × norms grid of coverage and band, in ranking order. */
export function coverageHeatmap(report: Pick<CoverageReport, 'regions'>): CoverageHeatmap {
  const norms: string[] = [];
  for (const r of report.regions) for (const n of r.norms) if (!norms.includes(n.norm)) norms.push(n.norm);
  return {
    norms,
    rows: report.regions.map((r) => ({
      rank: r.rank,
      region: r.region,
      name: r.name,
      coverage_index: r.coverage_index,
      cells: norms.map((norm) => {
        const n = r.norms.find((x) => x.norm === norm);
        return { norm, coverage: n?.coverage ?? null, band: n === undefined ? 'unknown' : coverageBand(n) };
      }),
    })),
  };
}
