// Uncertainty by default (issue 16): every report carries, per ranked region, the 5th–95th
// percentile of its vacuum per 100k and of its rank over the weights' low–high ranges. The
// report's own figures (the point estimate) use every weight at its value; the interval comes
// from DEFAULT_INTERVAL_DRAWS draws seeded with DEFAULT_INTERVAL_SEED — the first draws of
// `report --sensitivity` with the same seed, so `report --sensitivity 500` gives the same p5 and
// p95. Each draw is evaluated on the linear model (linear-model.ts); the draws themselves run a
// block at a time (interval-blocks.ts). Pure; no IO.
import type { AnalyzeOptions } from './analyze.js';
import type { Dataset } from './dataset.js';
import type { IntervalSettings, Report } from './report-schema.js';
import type { DrawExtremes } from './draw-extremes.js';
import { intervalExtremes, type IntervalRun, runIntervalDraws } from './interval-blocks.js';
import { DEFAULT_SEED, type DrawOptions, drawPlan, variedWeights } from './sensitivity.js';

/**
 * Draws behind a report's intervals when none are asked for. 500 cost `report` on 5,000 regions
 * about a fifth of its time without intervals (1.20× when chosen; 1.16–1.22× of the wall time,
 * 1.24–1.29× of the CPU time in the eighth session's three runs, the notices made while a worker
 * draws; 1.15–1.23× and 1.20–1.24× in the ninth's four, the draws on a worker that loads no
 * zod: bench/RESULTS-research.md); the nearest-rank p5 of 500 draws is the 25th smallest,
 * whose own spread is about ±1 percentile point. More: --interval-draws N.
 */
export const DEFAULT_INTERVAL_DRAWS = 500;
/** Seed of a report's intervals when none is given: the sensitivity run's default. */
export const DEFAULT_INTERVAL_SEED = DEFAULT_SEED;

/**
 * The draws of `report`'s intervals (made by `analyze(dataset, options)`): `options` are the
 * analysis options the report was made with (weights, level, fill …) and the draws (default
 * DEFAULT_INTERVAL_DRAWS, seed DEFAULT_INTERVAL_SEED).
 */
export function intervalRun(dataset: Dataset, report: Report, options: AnalyzeOptions & DrawOptions = {}): IntervalRun {
  const draws = options.draws ?? DEFAULT_INTERVAL_DRAWS;
  const seed = options.seed ?? DEFAULT_INTERVAL_SEED;
  // A report with every weight at one end (--weights low|high) has the same ranges to draw from.
  const plan = drawPlan(dataset, { ...report, weights: undefined }, { ...options, draws, seed });
  return { plan, draws, seed };
}

/**
 * `report` with each ranked region's p5–p95 interval of vacuum per 100k and of rank, and the
 * report's `interval` settings, from the extremes of every draw of its run.
 */
export function intervalReport(report: Report, run: IntervalRun, extremes: DrawExtremes): Report {
  const { plan, draws, seed } = run;
  const regions = report.regions.map((region, r) => {
    const p = extremes.percentiles(r);
    // Object.assign, not `{ ...region, … }`: V8 (Node 20) gives every object made by a spread and
    // then extended a hidden class of its own (5,000 regions: 5,000 classes, about 5 MB, and every
    // later reading of a region megamorphic); copied onto `{}`, they share one. The same keys in the
    // same order.
    return Object.assign({}, region, { vacuum_per_100k_p5: p.vacuumLower, vacuum_per_100k_p95: p.vacuumUpper, rank_p5: p.rankLower, rank_p95: p.rankUpper });
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
  // Provenance records the draws too (SPEC §8), so a published interval can be traced and repeated.
  const provenance = { ...report.provenance, options: { ...report.provenance.options, interval: true, intervalDraws: draws, seed, correlation: plan.correlation } };
  return { ...report, interval, regions, provenance };
}

/**
 * `report` (made by `analyze(dataset, options)`) with each ranked region's p5–p95 interval of
 * vacuum per 100k and of rank, and the report's `interval` settings. `options` are the analysis
 * options the report was made with (weights, level, fill …) and the draws (default 500, seed 1).
 * Every draw on this thread; parallel/interval.ts spreads them over worker threads (same numbers).
 */
export function withInterval(dataset: Dataset, report: Report, options: AnalyzeOptions & DrawOptions = {}): Report {
  const run = intervalRun(dataset, report, options);
  const extremes = intervalExtremes(run);
  runIntervalDraws(run, extremes);
  return intervalReport(report, run, extremes);
}
