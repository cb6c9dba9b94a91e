// The draws of the weights and what each draw runs (issue 16): draw i's weights, each uniform in
// its low–high range (SPEC §4) from a generator seeded by (seed, i), evaluated on the linear model
// and ranked. Every run of draws goes through here: a sensitivity run's chunks and a report's
// interval blocks, on any thread. Apart from the runs' planning and summaries (sensitivity.ts),
// which need the dataset and the schemas, so that the draws' worker thread
// (parallel/draws-worker.ts) loads only this, the model's evaluation and the formulas. Pure.
import type { Category } from './categories.js';
import { evaluate, rankInto, rankScratch, weightVector } from './linear-model-eval.js';
import type { LinearModel } from './linear-model.js';
import { drawRandom } from './random.js';
import type { SortMetric } from './report-schema.js';
import type { Correlation } from './sensitivity-schema.js';
import type { WeightTable } from './weights.js';

/** The weights that are drawn (low < high), in the order draws use them: by key, code-unit order. */
export function variedWeightKeys(weights: WeightTable): string[] {
  return [...weights.keys()].filter((k) => weights.get(k)!.low < weights.get(k)!.high).sort(codeUnitOrder);
}

function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A varied weight's range, in draw order. */
interface Range {
  readonly category: Category;
  readonly low: number;
  readonly high: number;
}

/**
 * The values of the varied weights (`ranges`, in draw order) in draw `draw` of a run seeded with
 * `seed`, into `out`: each uniform in [low, high); under `category` correlation, one uniform
 * number per category, shared by its weights. The one place where draws are made.
 */
export function drawValues(ranges: readonly Range[], seed: number, draw: number, correlation: Correlation, out: Float64Array): void {
  const random = drawRandom(seed, draw);
  let category: Category | undefined;
  let u = 0;
  for (let j = 0; j < ranges.length; j++) {
    const { low, high } = ranges[j]!;
    if (correlation === 'none') u = random();
    else if (ranges[j]!.category !== category) {
      category = ranges[j]!.category;
      u = random();
    }
    out[j] = low + u * (high - low);
  }
}

/** The weights of draw `draw` in a run seeded with `seed`: each varied weight in [low, high). */
export function drawWeights(weights: WeightTable, seed: number, draw: number, keys = variedWeightKeys(weights), correlation: Correlation = 'none'): WeightTable {
  const ranges = keys.map((key) => weights.get(key)!);
  const values = new Float64Array(keys.length);
  drawValues(ranges, seed, draw, correlation, values);
  const table = new Map(weights);
  keys.forEach((key, j) => table.set(key, { ...weights.get(key)!, value: values[j]! }));
  return table;
}

/** Everything a run of draws needs; plain data, so it can go to a worker without the dataset. */
export interface DrawPlan {
  readonly weights: WeightTable;
  readonly seed: number;
  readonly from: number;
  readonly to: number;
  readonly sort: SortMetric;
  readonly correlation: Correlation;
  /** Codes of the ranked regions, in the order results are stored. */
  readonly regions: readonly string[];
  /** The analysis as arrays (linear-model.ts). */
  readonly model: LinearModel;
}

/**
 * The results of draws `start` ≤ i < `end`: for draw i and region r (index in plan.regions),
 * `vacuum[(i − start) × R + r]` is its vacuum per 100k and `rank[…]` its rank; `weights[(i −
 * start) × K + j]` is the value of varied weight j (variedWeightKeys order) in draw i.
 */
export interface DrawChunk {
  readonly start: number;
  readonly end: number;
  readonly vacuum: Float64Array;
  readonly rank: Int32Array;
  readonly weights: Float64Array;
}

/** Run draws `start` ≤ i < `end` of a plan. */
export function runDraws(plan: DrawPlan, start: number, end: number): DrawChunk {
  const n = Math.max(0, end - start);
  const R = plan.model.regions.length;
  const chunk: DrawChunk = {
    start,
    end,
    vacuum: new Float64Array(n * R),
    rank: new Int32Array(n * R),
    weights: new Float64Array(n * variedWeightKeys(plan.weights).length),
  };
  runDrawsInto(plan, chunk);
  return chunk;
}

/**
 * Run draws chunk.start ≤ i < chunk.end of a plan into the chunk's arrays (laid out as DrawChunk
 * says), which may be reused from call to call (the report's intervals run their draws a block at
 * a time into the same arrays).
 */
export function runDrawsInto(plan: DrawPlan, chunk: DrawChunk): void {
  const { model } = plan;
  const { start, end, vacuum, rank, weights: drawn } = chunk;
  const R = model.regions.length;
  const keys = variedWeightKeys(plan.weights);
  const K = keys.length;
  const ranges = keys.map((key) => plan.weights.get(key)!);
  const slots = keys.map((key) => model.keys.indexOf(key));
  const w = weightVector(model, plan.weights);
  const sortValue = plan.sort === 'vacuum_per_100k' ? undefined : new Float64Array(R);
  const scratch = rankScratch(R);
  for (let i = start; i < end; i++) {
    const d = i - start;
    const values = drawn.subarray(d * K, (d + 1) * K);
    drawValues(ranges, plan.seed, i, plan.correlation, values);
    for (let j = 0; j < K; j++) w[slots[j]!] = values[j]!;
    const v = vacuum.subarray(d * R, (d + 1) * R);
    evaluate(model, w, v, sortValue ?? v);
    rankInto(sortValue ?? v, model, rank.subarray(d * R, (d + 1) * R), scratch);
  }
}
