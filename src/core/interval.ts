// Uncertainty by default (issue 16): every report carries, per ranked region, the 5th–95th
// percentile of its vacuum per 100k and of its rank over the weights' low–high ranges. The
// report's own figures (the point estimate) use every weight at its value; the interval comes
// from DEFAULT_INTERVAL_DRAWS draws seeded with DEFAULT_INTERVAL_SEED — the first draws of
// `report --sensitivity` with the same seed, so `report --sensitivity 500` gives the same p5 and
// p95. Each draw is evaluated on the linear model (linear-model.ts). Pure; no IO.
import type { AnalyzeOptions } from './analyze.js';
import type { Dataset } from './dataset.js';
import type { IntervalSettings, Report } from './report-schema.js';
import { DEFAULT_SEED, type DrawChunk, type DrawOptions, type DrawPlan, drawPlan, nearestRanks, runDrawsInto, variedWeights } from './sensitivity.js';

/**
 * Draws behind a report's intervals when none are asked for. 500 keeps `report` on 5,000 regions
 * within 1.2× of its time without intervals (bench/RESULTS-research.md); the nearest-rank p5 of
 * 500 draws is the 25th smallest, whose own spread is about ±1 percentile point. More:
 * --interval-draws N.
 */
export const DEFAULT_INTERVAL_DRAWS = 500;
/** Seed of a report's intervals when none is given: the sensitivity run's default. */
export const DEFAULT_INTERVAL_SEED = DEFAULT_SEED;
/** Block rows (draw-major, n × R) into columns of `out` (region-major, R × draws) at draw `start`; one copy per array type keeps each monomorphic. */
function transposeDoubles(block: Float64Array, out: Float64Array, R: number, draws: number, start: number, n: number): void {
  for (let r = 0; r < R; r++) {
    const at = r * draws + start;
    for (let d = 0; d < n; d++) out[at + d] = block[d * R + r]!;
  }
}

function transposeInts(block: Int32Array, out: Int32Array, R: number, draws: number, start: number, n: number): void {
  for (let r = 0; r < R; r++) {
    const at = r * draws + start;
    for (let d = 0; d < n; d++) out[at + d] = block[d * R + r]!;
  }
}

/**
 * Nearest-rank p5 and p95 of one region's ranks (whole numbers 1 … R): counted, over the span of
 * ranks the region took, instead of selected — linear in the draws plus that span. `counts` holds
 * R + 1 zeros and is left all zero again, so one array serves every region.
 */
export function rankPercentiles(ranks: Int32Array, counts: Int32Array): [number, number] {
  const n = ranks.length;
  let min = Infinity;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const x = ranks[i]!;
    counts[x]!++;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  const [k5, k95] = INTERVAL_PERCENTILES.map((p) => Math.min(n, Math.max(1, Math.ceil((p * n) / 100))));
  let seen = 0;
  let p5 = max;
  let p95 = max;
  for (let x = min; x <= max; x++) {
    const before = seen;
    seen += counts[x]!;
    if (before < k5! && seen >= k5!) p5 = x;
    if (before < k95! && seen >= k95!) p95 = x;
    counts[x] = 0;
  }
  return [p5, p95];
}

/** Draws evaluated together before they are laid out region by region. */
const BLOCK = 64;

/** The interval's percentiles. */
export const INTERVAL_PERCENTILES = [5, 95] as const;

/** The draws behind a report's intervals: their plan, number and seed (intervalDraws). */
export interface IntervalRun {
  readonly plan: DrawPlan;
  readonly draws: number;
  readonly seed: number;
}

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
 * Every region's draws side by side (region-major): chunks of draws (DrawChunk, draw-major, from
 * this thread or a worker, in any order) are laid out here as they come, so that the percentiles
 * read one contiguous run per region instead of striding through every draw.
 */
export class IntervalDrawTable {
  readonly vacuum: Float64Array;
  readonly rank: Int32Array;
  private readonly R: number;

  constructor(readonly run: IntervalRun) {
    this.R = run.plan.regions.length;
    this.vacuum = new Float64Array(this.R * run.draws);
    this.rank = new Int32Array(this.R * run.draws);
  }

  /** Lay out the draws of `chunk`. */
  add(chunk: DrawChunk): void {
    transposeDoubles(chunk.vacuum, this.vacuum, this.R, this.run.draws, chunk.start, chunk.end - chunk.start);
    transposeInts(chunk.rank, this.rank, this.R, this.run.draws, chunk.start, chunk.end - chunk.start);
  }

  /** Run draws start ≤ i < end here, a block at a time, and lay them out. */
  runHere(start: number, end: number): void {
    const { plan } = this.run;
    const block = { vacuum: new Float64Array(BLOCK * this.R), rank: new Int32Array(BLOCK * this.R), weights: new Float64Array(BLOCK * plan.weights.size) };
    for (let from = start; from < end; from += BLOCK) {
      const chunk = { ...block, start: from, end: Math.min(end, from + BLOCK) };
      runDrawsInto(plan, chunk);
      this.add(chunk);
    }
  }
}

/**
 * `report` with each ranked region's p5–p95 interval of vacuum per 100k and of rank, and the
 * report's `interval` settings, from a table that holds every draw of its run.
 */
export function intervalReport(report: Report, table: IntervalDrawTable): Report {
  const { plan, draws, seed } = table.run;
  const R = plan.regions.length;
  const counts = new Int32Array(R + 1);
  const regions = report.regions.map((region, r) => {
    const [v5, v95] = nearestRanks(table.vacuum.subarray(r * draws, (r + 1) * draws), INTERVAL_PERCENTILES);
    const [r5, r95] = rankPercentiles(table.rank.subarray(r * draws, (r + 1) * draws), counts);
    return { ...region, vacuum_per_100k_p5: v5!, vacuum_per_100k_p95: v95!, rank_p5: r5, rank_p95: r95 };
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
  const table = new IntervalDrawTable(intervalRun(dataset, report, options));
  table.runHere(0, table.run.draws);
  return intervalReport(report, table);
}
