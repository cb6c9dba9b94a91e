// A sparkline: one character per year, hand-written (eight block characters need no package).
//
// Scale: `▁` is no vacuum (0); `▂` to `█` split (0, max] into seven equal steps, so any vacuum
// above 0 shows at least `▂` and the largest shows `█`. `·` marks a year whose metrics are not
// known (a trend region's `excluded_years`). One scale for the whole table (the largest peak
// among the regions shown), so that bars of different regions compare.
import type { TrendRegion, TrendReport } from '../core/trend-schema.js';

export const SPARK_BARS = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'] as const;
export const SPARK_GAP = '·';

/** One character per value: `·` for null, `▁` for 0 or less, `▂`…`█` for (0, max]. */
export function sparkline(values: readonly (number | null)[], max: number): string {
  return values
    .map((v) => {
      if (v === null) return SPARK_GAP;
      if (!(v > 0) || !(max > 0)) return SPARK_BARS[0];
      return SPARK_BARS[Math.min(7, Math.max(1, Math.ceil((v / max) * 7)))];
    })
    .join('');
}

/** The scale of a trend's sparklines: the largest peak vacuum per 100k among the regions shown. */
export function sparkScale(report: Pick<TrendReport, 'regions'>): number {
  return report.regions.reduce((m, r) => Math.max(m, r.peak_vacuum_per_100k), 0);
}

/** A region's vacuum per 100k, year by year from B to T, as a sparkline. */
export function vacuumSparkline(region: TrendRegion, from: number, to: number, max: number): string {
  const byYear = new Map(region.years.map((y) => [y.year, y.vacuum_per_100k]));
  const values: (number | null)[] = [];
  for (let year = from; year <= to; year++) values.push(byYear.get(year) ?? null);
  return sparkline(values, max);
}
