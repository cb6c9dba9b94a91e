// The reference for a trend's years (issue 18): the method servicegap used before
// src/core/trend-region-years.ts, kept here so the one-walk path is checked against it. Each year
// T′ of a ranked region is a whole regionMetrics for B → T′ (src/core/metrics.ts: every series
// valued by valueAt, summed, every rule applied as `report` applies it), with no code from
// trend-region-years.ts or series.ts's valuesOverYears; the series is summed up here.
import type { Dataset } from '../../src/core/dataset.js';
import { regionMetrics } from '../../src/core/metrics.js';
import { compareRegions } from '../../src/core/rank.js';
import type { RegionMetrics, SortMetric } from '../../src/core/report-schema.js';
import type { NormTable } from '../../src/core/norms.js';
import type { FillMode } from '../../src/core/series.js';
import type { TrendGap, TrendYear } from '../../src/core/trend-schema.js';
import type { WeightTable } from '../../src/core/weights.js';

/** A ranked region's years as the reference makes them. */
export interface ReferenceTrendRegion {
  readonly years: TrendYear[];
  readonly excluded_years: TrendGap[];
  readonly first_vacuum_year: number | null;
  readonly peak_vacuum_per_100k: number;
  readonly peak_year: number | null;
  readonly open: boolean;
}

export interface ReferenceTrendOptions {
  readonly from: number;
  readonly to: number;
  readonly weights: WeightTable;
  readonly norms: NormTable;
  readonly fill: FillMode;
  readonly missingCommunity: 'exclude' | 'zero';
  readonly sort: SortMetric;
}

/** Every region ranked at T, by code: each year's metrics from regionMetrics, one call a year;
 * their order; and the regions not ranked, in the dataset's order, with regionMetrics' reason. */
export function referenceTrendYears(dataset: Dataset, o: ReferenceTrendOptions): { ranked: Map<string, ReferenceTrendRegion>; order: string[]; excluded: { region: string; reason: string }[] } {
  const out = new Map<string, ReferenceTrendRegion>();
  const finals: RegionMetrics[] = [];
  const excluded: { region: string; reason: string }[] = [];
  const metricsOptions = { fill: o.fill, norms: o.norms, missingCommunity: o.missingCommunity };
  for (const info of dataset.regions.values()) {
    const final = regionMetrics(dataset, info, { from: o.from, to: o.to }, o.weights, metricsOptions);
    if (final.kind === 'excluded') {
      excluded.push({ region: final.region, reason: final.reason });
      continue;
    }
    finals.push(final.metrics);
    const years: TrendYear[] = [];
    const gaps: TrendGap[] = [];
    for (let year = o.from; year <= o.to; year++) {
      const outcome = regionMetrics(dataset, info, { from: o.from, to: year }, o.weights, metricsOptions);
      if (outcome.kind === 'excluded') gaps.push({ year, reason: outcome.reason });
      else {
        const { region: _code, name: _name, ...metrics } = outcome.metrics;
        years.push({ year, ...metrics });
      }
    }
    let first: number | null = null;
    let peak = 0;
    let peakYear: number | null = null;
    for (const y of years) {
      if (y.vacuum_be > 0 && first === null) first = y.year;
      if (y.vacuum_be > 0 && y.vacuum_per_100k > peak) {
        peak = y.vacuum_per_100k;
        peakYear = y.year;
      }
    }
    out.set(info.code, { years, excluded_years: gaps, first_vacuum_year: first, peak_vacuum_per_100k: peak, peak_year: peakYear, open: final.metrics.vacuum_be > 0 });
  }
  // Ranked as report ranks (rank.ts compareRegions) by the metrics at T.
  const order = finals.sort((a, b) => compareRegions(a, b, o.sort)).map((m) => m.region);
  return { ranked: out, order, excluded };
}
