// How much a ranking moves when the weights move (issue 6): draw every weight uniformly from its
// low–high range (SPEC §4) N times, evaluate each draw, and summarise each region's vacuum per
// 100k and rank by percentiles. Each draw is evaluated on the linear model of the analysis
// (linear-model.ts, issue 16): the same numbers as a whole analysis per draw, to the last bit,
// at a fraction of the cost. Pure; no IO, no threads (src/parallel/ splits the same draws
// across worker threads and gets the same numbers).
//
// Rules, stated once:
// - Draw i uses the generator of (seed, i) (random.ts) and takes one number per varied weight,
//   in code-unit order of the weight key (`crisis/teams`, …), so a draw's weights depend only on
//   (seed, i, the weight table): any split of the draws across threads gives the same draws.
// - Correlated draws (`correlation: 'category'`, an option, not the default): one number per
//   category instead, in the same key order (a category's keys are adjacent), shared by every
//   varied weight of that category: each of them sits at the same fraction of its range.
// - A weight with low = high is not drawn and stays at its value.
// - Each draw ranks the regions by the report's sort metric (SPEC §3 ranking).
// - Percentiles are nearest-rank: the p-th percentile of n sorted values x₁ ≤ … ≤ xₙ is x_k with
//   k = ⌈p/100 × n⌉ (k ≥ 1). Every percentile is a value that some draw produced, so rank
//   percentiles are whole ranks, and with the vacuum monotone in the weights the all-high and
//   all-low corners bound every percentile.
// - `top_share`: the share of draws in which the region ranked N-th or better, N = `top` (the
//   report's --top; 10 when not given).
import { choosePeriod, type AnalyzeOptions, analyze, analyzeRanking, type RankedReport, withNotices } from './analyze.js';
import type { Dataset } from './dataset.js';
import { selectLevel } from './hierarchy.js';
import { linearModel } from './linear-model.js';
import { checkCorrelation, checkWhole } from './option-checks.js';
import { SEED_MAX } from './random.js';
import type { Report, WeightCorner } from './report-schema.js';
import { type Correlation, SENSITIVITY_PERCENTILES, type SensitivityRegion, type SensitivityReport, type VariedWeight } from './sensitivity-schema.js';
import { type DrawChunk, type DrawPlan, runDraws, variedWeightKeys } from './weight-draws.js';
import { resolveWeights, type Weight, type WeightTable } from './weights.js';

/** Draws when none are asked for. */
export const DEFAULT_DRAWS = 1000;
/** Seed when none is given. */
export const DEFAULT_SEED = 1;
/** `top_share` counts draws with a rank at or above this when no --top is given. */
export const TOP_SHARE_RANK = 10;
/** Most draws one run may make (memory: 12 bytes per region per draw). */
export const MAX_DRAWS = 1_000_000;

/** Every weight set to its `low` (or `high`) end: one corner of the weight ranges, no sampling. */
export function cornerWeights(weights: WeightTable, corner: WeightCorner): WeightTable {
  const table = new Map<string, Weight>();
  for (const [key, w] of weights) {
    const value = corner === 'low' ? w.low : w.high;
    // Provenance (SPEC §8): a weight the option moved was set by the option.
    table.set(key, { ...w, value, origin: value === w.value ? w.origin : 'option' });
  }
  return table;
}

/**
 * The report with every weight at its low (or high) end (`report --weights low|high`); the
 * report's `weights` field says which. When community capacity only grew, the high corner gives
 * each region its smallest vacuum and the low corner its largest.
 */
export function analyzeCorner(dataset: Dataset, corner: WeightCorner, options: AnalyzeOptions = {}): Report {
  return withNotices(analyzeCornerRanking(dataset, corner, options));
}

/** `analyzeCorner`, its plausibility notices left to be made (analyze.ts RankedReport). */
export function analyzeCornerRanking(dataset: Dataset, corner: WeightCorner, options: AnalyzeOptions = {}): RankedReport {
  const { report, notices } = analyzeRanking(dataset, { ...options, weights: cornerWeights(options.weights ?? resolveWeights(), corner) });
  return { report: { ...report, weights: corner, provenance: { ...report.provenance, options: { ...report.provenance.options, weights: corner } } }, notices };
}

/** Nearest-rank percentile p (0 < p ≤ 100) of values sorted ascending: x_k, k = ⌈p/100 × n⌉. */
export function nearestRank(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('nearestRank: no values');
  // p × n is a whole number here, so (p × n) / 100 is exact whenever it is whole.
  const k = Math.min(n, Math.max(1, Math.ceil((p * n) / 100)));
  return sorted[k - 1]!;
}

/**
 * Nearest-rank percentiles `ps` (each 0 < p ≤ 100) of `values`, as nearestRank would give them
 * on the sorted values, without sorting: each is the k-th smallest value, found by selection
 * (quickselect, median-of-three pivots), in ascending order of k, each search in the part the
 * previous one left above it. Reorders `values`. Linear on average where a sort costs n log n,
 * and a run takes these for every region.
 */
export function nearestRanks(values: Float64Array | Int32Array, ps: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) throw new RangeError('nearestRanks: no values');
  const ks = ps.map((p) => Math.min(n, Math.max(1, Math.ceil((p * n) / 100))) - 1);
  const order = ks.map((_, i) => i).sort((a, b) => ks[a]! - ks[b]!);
  const out = new Array<number>(ps.length);
  let lo = 0;
  for (const i of order) {
    const k = ks[i]!;
    out[i] = selectKth(values, lo, n - 1, k);
    lo = k;
  }
  return out;
}

/** The k-th smallest of values[lo … hi] (k an index in that range), values partitioned around it. */
function selectKth(a: Float64Array | Int32Array, lo: number, hi: number, k: number): number {
  // Stryker disable next-line EqualityOperator: one more pass over a single value (hi = lo = k) partitions nothing and returns a[k] as the loop's end does
  while (hi > lo) {
    // Median of three as the pivot, so sorted or reversed input is no worse than random.
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < a[lo]!) swap(a, mid, lo);
    if (a[hi]! < a[lo]!) swap(a, hi, lo);
    if (a[hi]! < a[mid]!) swap(a, hi, mid);
    const pivot = a[mid]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        swap(a, i, j);
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

function swap(a: Float64Array | Int32Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** How draws are made: their number, seed and correlation. */
export interface DrawOptions {
  /** Number of draws; default 1,000. */
  readonly draws?: number | undefined;
  /** Seed, a whole number 0 … 2^32 − 1; default 1. */
  readonly seed?: number | undefined;
  /** `none` (default): every weight drawn on its own; `category`: one draw per category shared by its weights. */
  readonly correlation?: Correlation | undefined;
}

/** Options of `sensitivity`: those of `analyze`, the draws, and the rank `top_share` counts. */
export interface SensitivityOptions extends AnalyzeOptions, DrawOptions {
  /** `top_share` is the share of draws ranked this or better; default 10 (the report's --top). */
  readonly top?: number | undefined;
}

/** The draws, seed and correlation of a run, checked (RangeError when out of range). */
export function checkDraws(options: DrawOptions): { draws: number; seed: number; correlation: Correlation } {
  const draws = options.draws ?? DEFAULT_DRAWS;
  const seed = options.seed ?? DEFAULT_SEED;
  const correlation = checkCorrelation(options.correlation) ?? 'none';
  // The CLI's checks, with its messages (an OptionError names --sensitivity / --seed / --correlation).
  checkWhole('draws', draws, 1, MAX_DRAWS, 'a whole number of draws');
  checkWhole('seed', seed, 0, SEED_MAX);
  return { draws, seed, correlation };
}

/**
 * The plan of draws over `base`, a report made by `analyze(dataset, options)` (its regions in
 * the order results are stored).
 */
export function drawPlan(dataset: Dataset, base: Report, options: AnalyzeOptions & DrawOptions = {}): DrawPlan {
  const { seed, correlation } = checkDraws(options);
  const weights = options.weights ?? resolveWeights();
  const period = { from: base.from, to: base.to };
  const model = linearModel(selectLevel(dataset, options), base.regions, period, options.fill ?? 'carry', base.sort, weights);
  return { weights, seed, from: base.from, to: base.to, sort: base.sort, correlation, regions: model.regions, model };
}

/** The point-estimate report (every weight at its value) and the plan of the draws. */
export function planSensitivity(dataset: Dataset, options: SensitivityOptions = {}): { base: Report; plan: DrawPlan; draws: number; top: number } {
  const { draws } = checkDraws(options);
  const top = options.top ?? TOP_SHARE_RANK;
  checkWhole('top', top, 1);
  const weights = options.weights ?? resolveWeights();
  const period = choosePeriod(dataset, options.from, options.to);
  const base = analyze(dataset, { ...options, weights, from: period.from, to: period.to });
  return { base, plan: drawPlan(dataset, base, { ...options, weights }), draws, top };
}

/** Chunks in draw order, checked to cover draws 0 … draws − 1 exactly. */
export function orderedChunks(chunks: readonly DrawChunk[], draws: number): DrawChunk[] {
  const ordered = [...chunks].sort((a, b) => a.start - b.start);
  let next = 0;
  for (const chunk of ordered) {
    if (chunk.start !== next) throw new Error(`sensitivity: draws ${next}–${chunk.start - 1} are missing`);
    next = chunk.end;
  }
  if (next !== draws) throw new Error(`sensitivity: expected ${draws} draws, got ${next}`);
  return ordered;
}

/** Region r's values over every draw, in draw order, gathered from the chunks into `vacuum` and `rank`. */
export function gatherRegion(ordered: readonly DrawChunk[], R: number, r: number, vacuum: Float64Array, rank: Float64Array): void {
  let i = 0;
  for (const chunk of ordered) {
    for (let d = 0; d < chunk.end - chunk.start; d++, i++) {
      vacuum[i] = chunk.vacuum[d * R + r]!;
      rank[i] = chunk.rank[d * R + r]!;
    }
  }
}

/** The varied weights of a plan as the reports list them. */
export function variedWeights(weights: WeightTable): VariedWeight[] {
  return variedWeightKeys(weights).map((key) => {
    const w = weights.get(key)!;
    return { category: w.category, unit: w.unit, value: w.value, low: w.low, high: w.high };
  });
}

/** Summarise draws 0 … draws − 1 (given as chunks in any order) into the sensitivity report. */
export function summarizeDraws(base: Report, plan: DrawPlan, draws: number, chunks: readonly DrawChunk[], top = TOP_SHARE_RANK): SensitivityReport {
  const R = plan.regions.length;
  const ordered = orderedChunks(chunks, draws);
  const vacuum = new Float64Array(draws);
  const rank = new Float64Array(draws);
  const regions: SensitivityRegion[] = base.regions.map((region, r) => {
    gatherRegion(ordered, R, r, vacuum, rank);
    let inTop = 0;
    for (let i = 0; i < draws; i++) if (rank[i]! <= top) inTop++;
    const [v5, v50, v95] = nearestRanks(vacuum, SENSITIVITY_PERCENTILES);
    const [r5, r50, r95] = nearestRanks(rank, SENSITIVITY_PERCENTILES);
    return {
      ...region,
      vacuum_per_100k_p5: v5!,
      vacuum_per_100k_p50: v50!,
      vacuum_per_100k_p95: v95!,
      rank_p5: r5!,
      rank_p50: r50!,
      rank_p95: r95!,
      top_share: inTop / draws,
    };
  });

  return {
    servicegap: base.servicegap,
    from: base.from,
    to: base.to,
    sort: base.sort,
    sensitivity: {
      draws,
      seed: plan.seed,
      distribution: 'uniform',
      correlation: plan.correlation,
      percentile_method: 'nearest-rank',
      generator: 'mulberry32',
      top,
      varied_weights: variedWeights(plan.weights),
    },
    regions,
    excluded: base.excluded,
    warnings: base.warnings,
    provenance: { ...base.provenance, options: { ...base.provenance.options, draws, seed: plan.seed, correlation: plan.correlation, top } },
  };
}

/**
 * Sensitivity of the ranking to the weights, in this thread: `draws` draws of every weight
 * uniformly from its low–high range (seeded, reproducible), summarised per region.
 */
export function sensitivity(dataset: Dataset, options: SensitivityOptions = {}): SensitivityReport {
  const { base, plan, draws, top } = planSensitivity(dataset, options);
  return summarizeDraws(base, plan, draws, [runDraws(plan, 0, draws)], top);
}
