// How much a ranking moves when the weights move (issue 6): draw every weight uniformly from its
// low–high range (SPEC §4) N times, analyse each draw, and summarise each region's vacuum per
// 100k and rank by percentiles. Pure; no IO, no threads (src/parallel/ splits the same draws
// across worker threads and gets the same numbers).
//
// Rules, stated once:
// - Draw i uses the generator of (seed, i) (random.ts) and takes one number per varied weight,
//   in code-unit order of the weight key (`crisis/teams`, …), so a draw's weights depend only on
//   (seed, i, the weight table): any split of the draws across threads gives the same draws.
// - A weight with low = high is not drawn and stays at its value.
// - Each draw ranks the regions by the report's sort metric (SPEC §3 ranking).
// - Percentiles are nearest-rank: the p-th percentile of n sorted values x₁ ≤ … ≤ xₙ is x_k with
//   k = ⌈p/100 × n⌉ (k ≥ 1). Every percentile is a value that some draw produced, so rank
//   percentiles are whole ranks, and with the vacuum monotone in the weights the all-high and
//   all-low corners bound every percentile.
// - `top10_share`: the share of draws in which the region ranked 10th or better.
import { choosePeriod, type AnalyzeOptions, analyze } from './analyze.js';
import type { MissingCommunity } from './config.js';
import type { Dataset, RegionInfo } from './dataset.js';
import { regionMetrics, type Period } from './metrics.js';
import { checkWhole } from './option-checks.js';
import type { FillMode } from './series.js';
import { drawRandom, SEED_MAX } from './random.js';
import { rankRegions } from './rank.js';
import type { RegionMetrics, Report, SortMetric, WeightCorner } from './report-schema.js';
import type { SensitivityRegion, SensitivityReport, VariedWeight } from './sensitivity-schema.js';
import { resolveWeights, type Weight, type WeightTable } from './weights.js';

/** Draws when none are asked for. */
export const DEFAULT_DRAWS = 1000;
/** Seed when none is given. */
export const DEFAULT_SEED = 1;
/** `top10_share` counts draws with a rank at or above this. */
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
  const report = analyze(dataset, { ...options, weights: cornerWeights(options.weights ?? resolveWeights(), corner) });
  return { ...report, weights: corner, provenance: { ...report.provenance, options: { ...report.provenance.options, weights: corner } } };
}

/** The weights that are drawn (low < high), in the order draws use them: by key, code-unit order. */
export function variedWeightKeys(weights: WeightTable): string[] {
  return [...weights.keys()].filter((k) => weights.get(k)!.low < weights.get(k)!.high).sort(codeUnitOrder);
}

function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The weights of draw `draw` in a run seeded with `seed`: each varied weight uniform in [low, high). */
export function drawWeights(weights: WeightTable, seed: number, draw: number, keys = variedWeightKeys(weights)): WeightTable {
  const random = drawRandom(seed, draw);
  const table = new Map(weights);
  for (const key of keys) {
    const w = weights.get(key)!;
    table.set(key, { ...w, value: w.low + random() * (w.high - w.low) });
  }
  return table;
}

/** Everything a run of draws needs besides the dataset; plain data, so it can go to a worker. */
export interface DrawPlan {
  readonly weights: WeightTable;
  readonly seed: number;
  readonly from: number;
  readonly to: number;
  readonly sort: SortMetric;
  /** Codes of the ranked regions, in the order results are stored. */
  readonly regions: readonly string[];
  /** The fill rule and the missing-community rule of the report (each draw computes as it did). */
  readonly fill?: FillMode | undefined;
  readonly missingCommunity?: MissingCommunity | undefined;
}

/**
 * The results of draws `start` ≤ i < `end`: for draw i and region r (index in plan.regions),
 * `vacuum[(i − start) × R + r]` is its vacuum per 100k and `rank[…]` its rank.
 */
export interface DrawChunk {
  readonly start: number;
  readonly end: number;
  readonly vacuum: Float64Array;
  readonly rank: Int32Array;
}

/** Run draws `start` ≤ i < `end` of a plan. */
export function runDraws(dataset: Dataset, plan: DrawPlan, start: number, end: number): DrawChunk {
  const R = plan.regions.length;
  const n = Math.max(0, end - start);
  const vacuum = new Float64Array(n * R);
  const rank = new Int32Array(n * R);
  const infos: RegionInfo[] = plan.regions.map((code) => {
    const info = dataset.regions.get(code);
    if (info === undefined) throw new Error(`sensitivity: region ${code} is not in the dataset`);
    return info;
  });
  const index = new Map(plan.regions.map((code, i) => [code, i]));
  const period: Period = { from: plan.from, to: plan.to };
  const keys = variedWeightKeys(plan.weights);
  for (let i = start; i < end; i++) {
    const weights = drawWeights(plan.weights, plan.seed, i, keys);
    const metrics: RegionMetrics[] = infos.map((info) => {
      const outcome = regionMetrics(dataset, info, period, weights, { fill: plan.fill, missingCommunity: plan.missingCommunity });
      // Whether a region is ranked depends on beds and population only, never on the weights.
      if (outcome.kind !== 'ranked') throw new Error(`sensitivity: region ${info.code} was not ranked in draw ${i}`);
      return outcome.metrics;
    });
    const base = (i - start) * R;
    for (const ranked of rankRegions(metrics, plan.sort)) {
      const r = index.get(ranked.region)!;
      vacuum[base + r] = ranked.vacuum_per_100k;
      rank[base + r] = ranked.rank;
    }
  }
  return { start, end, vacuum, rank };
}

/** Nearest-rank percentile p (0 < p ≤ 100) of values sorted ascending: x_k, k = ⌈p/100 × n⌉. */
export function nearestRank(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('nearestRank: no values');
  // p × n is a whole number here, so (p × n) / 100 is exact whenever it is whole.
  const k = Math.min(n, Math.max(1, Math.ceil((p * n) / 100)));
  return sorted[k - 1]!;
}

/** Options of `sensitivity`: those of `analyze`, the number of draws and the seed. */
export interface SensitivityOptions extends AnalyzeOptions {
  /** Number of draws; default 1,000. */
  readonly draws?: number | undefined;
  /** Seed, a whole number 0 … 2^32 − 1; default 1. */
  readonly seed?: number | undefined;
}

/** The point-estimate report (every weight at its value) and the plan of the draws. */
export function planSensitivity(dataset: Dataset, options: SensitivityOptions = {}): { base: Report; plan: DrawPlan; draws: number } {
  const draws = options.draws ?? DEFAULT_DRAWS;
  const seed = options.seed ?? DEFAULT_SEED;
  // The CLI's checks, with its messages (an OptionError names --sensitivity / --seed).
  checkWhole('draws', draws, 1, MAX_DRAWS, 'a whole number of draws');
  checkWhole('seed', seed, 0, SEED_MAX);
  const weights = options.weights ?? resolveWeights();
  const period = choosePeriod(dataset, options.from, options.to);
  const base = analyze(dataset, { ...options, weights, from: period.from, to: period.to });
  const plan: DrawPlan = {
    weights,
    seed,
    from: period.from,
    to: period.to,
    sort: base.sort,
    regions: base.regions.map((r) => r.region),
    fill: options.fill,
    missingCommunity: options.missingCommunity,
  };
  return { base, plan, draws };
}

/** Summarise draws 0 … draws − 1 (given as chunks in any order) into the sensitivity report. */
export function summarizeDraws(base: Report, plan: DrawPlan, draws: number, chunks: readonly DrawChunk[]): SensitivityReport {
  const R = plan.regions.length;
  const ordered = [...chunks].sort((a, b) => a.start - b.start);
  let next = 0;
  for (const chunk of ordered) {
    if (chunk.start !== next) throw new Error(`sensitivity: draws ${next}–${chunk.start - 1} are missing`);
    next = chunk.end;
  }
  if (next !== draws) throw new Error(`sensitivity: expected ${draws} draws, got ${next}`);

  const vacuum = new Float64Array(draws);
  const rank = new Float64Array(draws);
  const regions: SensitivityRegion[] = base.regions.map((region, r) => {
    let top = 0;
    let i = 0;
    for (const chunk of ordered) {
      for (let d = 0; d < chunk.end - chunk.start; d++, i++) {
        vacuum[i] = chunk.vacuum[d * R + r]!;
        rank[i] = chunk.rank[d * R + r]!;
        if (rank[i]! <= TOP_SHARE_RANK) top++;
      }
    }
    vacuum.sort();
    rank.sort();
    return {
      ...region,
      vacuum_per_100k_p5: nearestRank(vacuum, 5),
      vacuum_per_100k_p50: nearestRank(vacuum, 50),
      vacuum_per_100k_p95: nearestRank(vacuum, 95),
      rank_p5: nearestRank(rank, 5),
      rank_p50: nearestRank(rank, 50),
      rank_p95: nearestRank(rank, 95),
      top10_share: top / draws,
    };
  });

  const varied: VariedWeight[] = variedWeightKeys(plan.weights).map((key) => {
    const w = plan.weights.get(key)!;
    return { category: w.category, unit: w.unit, value: w.value, low: w.low, high: w.high };
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
      percentile_method: 'nearest-rank',
      generator: 'mulberry32',
      varied_weights: varied,
    },
    regions,
    excluded: base.excluded,
    warnings: base.warnings,
    provenance: { ...base.provenance, options: { ...base.provenance.options, draws, seed: plan.seed } },
  };
}

/**
 * Sensitivity of the ranking to the weights, in this thread: `draws` draws of every weight
 * uniformly from its low–high range (seeded, reproducible), summarised per region.
 */
export function sensitivity(dataset: Dataset, options: SensitivityOptions = {}): SensitivityReport {
  const { base, plan, draws } = planSensitivity(dataset, options);
  return summarizeDraws(base, plan, draws, [runDraws(dataset, plan, 0, draws)]);
}
