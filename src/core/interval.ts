// Uncertainty by default (issue 16): every report carries, per ranked region, the 5th–95th
// percentile of its vacuum per 100k and of its rank over the weights' low–high ranges. The
// report's own figures (the point estimate) use every weight at its value; the interval comes
// from DEFAULT_INTERVAL_DRAWS draws seeded with DEFAULT_INTERVAL_SEED — the same draws, and so
// the same p5 and p95, as `report --sensitivity` with its defaults. Each draw is evaluated on the
// linear model (linear-model.ts), so the interval costs a fraction of the analysis. Pure; no IO.
import type { AnalyzeOptions } from './analyze.js';
import type { Dataset } from './dataset.js';
import type { IntervalSettings, Report } from './report-schema.js';
import { DEFAULT_DRAWS, DEFAULT_SEED, type DrawOptions, drawPlan, gatherRegion, nearestRanks, runDraws, variedWeights } from './sensitivity.js';

/** Draws behind a report's intervals when none are asked for: the sensitivity run's default. */
export const DEFAULT_INTERVAL_DRAWS = DEFAULT_DRAWS;
/** Seed of a report's intervals when none is given: the sensitivity run's default. */
export const DEFAULT_INTERVAL_SEED = DEFAULT_SEED;
/** The interval's percentiles. */
export const INTERVAL_PERCENTILES = [5, 95] as const;

/**
 * `report` (made by `analyze(dataset, options)`) with each ranked region's p5–p95 interval of
 * vacuum per 100k and of rank, and the report's `interval` settings. `options` are the analysis
 * options the report was made with (weights, level, fill …) and the draws (default 1,000, seed 1).
 */
export function withInterval(dataset: Dataset, report: Report, options: AnalyzeOptions & DrawOptions = {}): Report {
  const draws = options.draws ?? DEFAULT_INTERVAL_DRAWS;
  const seed = options.seed ?? DEFAULT_INTERVAL_SEED;
  // A report with every weight at one end (--weights low|high) has the same ranges to draw from.
  const plan = drawPlan(dataset, { ...report, weights: undefined }, { ...options, draws, seed });
  const chunk = runDraws(plan, 0, draws);
  const R = plan.regions.length;
  const vacuum = new Float64Array(draws);
  const rank = new Float64Array(draws);
  const regions = report.regions.map((region, r) => {
    gatherRegion([chunk], R, r, vacuum, rank);
    const [v5, v95] = nearestRanks(vacuum, INTERVAL_PERCENTILES);
    const [r5, r95] = nearestRanks(rank, INTERVAL_PERCENTILES);
    return { ...region, vacuum_per_100k_p5: v5!, vacuum_per_100k_p95: v95!, rank_p5: r5!, rank_p95: r95! };
  });
  const interval: IntervalSettings = {
    percentiles: [5, 95],
    draws,
    seed,
    distribution: 'uniform',
    correlation: plan.correlation,
    percentile_method: 'nearest-rank',
    generator: 'mulberry32',
    varied_weights: variedWeights(plan.weights),
  };
  return { ...report, interval, regions };
}
