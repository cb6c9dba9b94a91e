// Sensitivity as linear algebra over the weights (issue 16). A region's community capacity at a
// year is Σ w(category, unit) × capacity over its service series, so for a fixed period
// everything the weights change is linear in them until the vacuum is floored at 0 (SPEC §3):
// the series values at B and T are read once, and each draw of the weights is two dot products
// per region, a floor, a division and a ranking (linear-model-eval.ts; this file builds the
// model from the dataset). Pure; no IO.
//
// Exactness. The model keeps, per region, the capacity of each series at B and at T (not only
// their difference) and sums w × capacity in the order metrics.ts does (communityAt: the
// region's series in map order, from 0, one product at a time), then applies the same formulas
// (metrics.ts weightedMetrics). Each draw therefore performs the same floating-point operations
// as a whole analysis with those weights, and gives the same numbers to the last bit. Summing
// w × (capacity at T − capacity at B) instead would be the same in exact arithmetic but round
// differently; it would save one multiply-add per series, which is not worth numbers that
// differ from the report's in the last digit.
import type { Dataset } from './dataset.js';
import { bedsScaleOf, type RegionFacts } from './formulas.js';
import { factsOf, type Period, regionBasics } from './metrics.js';
import { type RankedRegion, SORT_METRICS, type SortMetric } from './report-schema.js';
import { type FillMode, valueAt } from './series.js';
import type { WeightTable } from './weights.js';

/** Sort metrics the weights do not move (beds, population, the coverage index against norms). */
const WEIGHT_FREE_SORTS: ReadonlySet<SortMetric> = new Set(['population', 'beds_from', 'beds_to', 'bed_change', 'beds_closed', 'coverage_index']);
/** Metrics that move with the weights; every other sort metric ranks the same in every draw. */
const WEIGHTED_SORTS: ReadonlySet<SortMetric> = new Set(SORT_METRICS.filter((m) => !WEIGHT_FREE_SORTS.has(m)));

/**
 * The ranked regions of one analysis as arrays, ready to be evaluated for any weights. Plain
 * typed arrays and strings: structured-clone-able, so it goes to a worker without the dataset.
 */
export interface LinearModel {
  /** Codes of the ranked regions, in the order results are stored. */
  readonly regions: readonly string[];
  /** The weight keys (`category/unit`) a weight vector holds, in code-unit order; one more slot, always 0, stands for a pair with no weight. */
  readonly keys: readonly string[];
  /** Region r's series are entries start[r] … start[r + 1] − 1, in the order communityAt sums them. */
  readonly start: Int32Array;
  /** Per series entry: its weight's index in `keys`. */
  readonly weightIndex: Int32Array;
  /** Per series entry: its capacity at B and at T by the series rule (fill). */
  readonly atFrom: Float64Array;
  readonly atTo: Float64Array;
  /** Per region: the facts the weighted formulas need (metrics.ts). */
  readonly facts: readonly RegionFacts[];
  /** Per region: its facts' bed change, the size of its beds figures (formulas.ts bedsScaleOf) and its population, as arrays for the draw loop. */
  readonly bedChange: Float64Array;
  readonly bedsScale: Float64Array;
  readonly population: Float64Array;
  /** Per region: the sort metric when it does not depend on the weights (NaN = null); undefined when it does. */
  readonly fixedSort: Float64Array | undefined;
  readonly sort: SortMetric;
  /** Region indices in code-unit order of their codes: the ranking's order among equal values. */
  readonly codeOrder: Int32Array;
  /** Per region: its position in codeOrder. */
  readonly codePosition: Int32Array;
}

/**
 * The model of `ranked` (the regions of an analysis of `dataset` for `period`, `fill` and
 * `sort`, in the order their results are to be stored). `dataset` is the one the analysis ranked
 * (after --level / --rollup). Every region in `ranked` must be ranked there.
 */
export function linearModel(
  dataset: Dataset,
  ranked: readonly RankedRegion[],
  period: Period,
  fill: FillMode,
  sort: SortMetric,
  weights: WeightTable,
): LinearModel {
  const keys = [...weights.keys()].sort(codeUnitOrder);
  const keyIndex = new Map(keys.map((k, i) => [k, i]));
  const start = new Int32Array(ranked.length + 1);
  const weightIndex: number[] = [];
  const atFrom: number[] = [];
  const atTo: number[] = [];
  const facts: RegionFacts[] = [];
  ranked.forEach((region, r) => {
    start[r] = weightIndex.length;
    const fact = factsOf(regionBasics(dataset, region.region, period, fill));
    if (fact === undefined) throw new Error(`linear model: region ${region.region} has no population at ${period.to}`);
    facts.push(fact);
    for (const [key, series] of dataset.services.get(region.region) ?? []) {
      const from = valueAt(series.years, period.from, 'service', fill);
      const to = valueAt(series.years, period.to, 'service', fill);
      if (from === undefined || to === undefined) throw new Error(`linear model: region ${region.region} has no ${key} at B or T`);
      // A term whose weight is 0 in every draw (low = high = 0, or no weight: the 0 slot) adds
      // exactly 0 to a sum of finite values: left out of the sums each draw makes.
      const weight = weights.get(key);
      if (weight === undefined || (weight.low === 0 && weight.high === 0)) continue;
      weightIndex.push(keyIndex.get(key) ?? keys.length);
      atFrom.push(from.value);
      atTo.push(to.value);
    }
  });
  start[ranked.length] = weightIndex.length;
  const regions = ranked.map((r) => r.region);
  const codeOrder = Int32Array.from(regions.keys()).sort((a, b) => codeUnitOrder(regions[a]!, regions[b]!));
  const codePosition = new Int32Array(regions.length);
  codeOrder.forEach((r, i) => (codePosition[r] = i));
  const fixedSort = WEIGHTED_SORTS.has(sort) ? undefined : Float64Array.from(ranked, (r) => r[sort] ?? Number.NaN);
  return {
    regions,
    keys,
    start,
    weightIndex: Int32Array.from(weightIndex),
    atFrom: Float64Array.from(atFrom),
    atTo: Float64Array.from(atTo),
    facts,
    bedChange: Float64Array.from(facts, (f) => f.bedChange),
    bedsScale: Float64Array.from(facts, bedsScaleOf),
    population: Float64Array.from(facts, (f) => f.population),
    fixedSort,
    sort,
    codeOrder,
    codePosition,
  };
}

function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
