// The reference for the sensitivity run (issue 16): the per-draw method servicegap used before the
// linear model, kept here so the fast path is checked against it. Each draw builds its own weight
// table and runs the whole analysis (`analyze`: every region's series valued, summed, floored and
// ranked exactly as `report` does); the percentiles are taken here, by nearest rank, with no code
// from src/core/sensitivity.ts or src/core/linear-model.ts. Only the seeded generator is shared
// (src/core/random.ts, checked against its published vectors in test/core/random.test.ts).
import { analyze, type AnalyzeOptions } from '../../src/core/analyze.js';
import type { Dataset } from '../../src/core/dataset.js';
import { drawRandom } from '../../src/core/random.js';
import type { WeightTable } from '../../src/core/weights.js';

export interface ReferenceOptions extends AnalyzeOptions {
  readonly weights: WeightTable;
  readonly draws: number;
  readonly seed: number;
  readonly correlation?: 'none' | 'category';
  readonly top?: number;
}

/** One draw's outcome: the varied weights' values (key order) and each region's vacuum and rank. */
export interface ReferenceDraw {
  readonly weights: number[];
  readonly vacuum: Map<string, number>;
  readonly rank: Map<string, number>;
}

/** The varied weight keys: low < high, sorted by UTF-16 code units. */
export function referenceVariedKeys(weights: WeightTable): string[] {
  const keys = [...weights.keys()].filter((k) => weights.get(k)!.low < weights.get(k)!.high);
  return keys.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Draw `i`: every varied weight low + u × (high − low), u from the draw's generator (one per weight, or one per category). */
export function referenceDrawWeights(weights: WeightTable, seed: number, i: number, correlation: 'none' | 'category' = 'none'): WeightTable {
  const random = drawRandom(seed, i);
  const table = new Map(weights);
  const perCategory = new Map<string, number>();
  for (const key of referenceVariedKeys(weights)) {
    const w = weights.get(key)!;
    let u: number;
    if (correlation === 'none') u = random();
    else {
      if (!perCategory.has(w.category)) perCategory.set(w.category, random());
      u = perCategory.get(w.category)!;
    }
    table.set(key, { ...w, value: w.low + u * (w.high - w.low) });
  }
  return table;
}

/** Every draw, analysed whole. */
export function referenceDraws(dataset: Dataset, options: ReferenceOptions): ReferenceDraw[] {
  const keys = referenceVariedKeys(options.weights);
  const out: ReferenceDraw[] = [];
  for (let i = 0; i < options.draws; i++) {
    const weights = referenceDrawWeights(options.weights, options.seed, i, options.correlation);
    const report = analyze(dataset, { ...options, weights });
    out.push({
      weights: keys.map((k) => weights.get(k)!.value),
      vacuum: new Map(report.regions.map((r) => [r.region, r.vacuum_per_100k])),
      rank: new Map(report.regions.map((r) => [r.region, r.rank])),
    });
  }
  return out;
}

/** x_k of the values sorted ascending, k = ⌈p/100 × n⌉ (at least 1). */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p * sorted.length) / 100)) - 1]!;
}

/** Per region: p5, p50, p95 of vacuum per 100k and of rank, and the share of draws ranked `top` or better. */
export function referenceSummary(dataset: Dataset, options: ReferenceOptions) {
  const draws = referenceDraws(dataset, options);
  const base = analyze(dataset, options);
  const top = options.top ?? 10;
  return base.regions.map((r) => {
    const vacuum = draws.map((d) => d.vacuum.get(r.region)!);
    const rank = draws.map((d) => d.rank.get(r.region)!);
    return {
      region: r.region,
      vacuum_per_100k_p5: percentile(vacuum, 5),
      vacuum_per_100k_p50: percentile(vacuum, 50),
      vacuum_per_100k_p95: percentile(vacuum, 95),
      rank_p5: percentile(rank, 5),
      rank_p50: percentile(rank, 50),
      rank_p95: percentile(rank, 95),
      top_share: rank.filter((x) => x <= top).length / draws.length,
    };
  });
}
