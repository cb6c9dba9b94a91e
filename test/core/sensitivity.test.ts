// Sensitivity to the weights (src/core/sensitivity.ts): draws, percentiles, corners — checked
// against a fixture worked by hand, and the corner bounds checked region by region.
import { OptionError } from '../../src/core/errors.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import type { Dataset } from '../../src/core/dataset.js';
import { analyzeCorner, cornerWeights, nearestRank, planSensitivity, sensitivity, summarizeDraws } from '../../src/core/sensitivity.js';
import { drawWeights, runDraws, variedWeightKeys } from '../../src/core/weight-draws.js';
import { SensitivityReportSchema } from '../../src/core/sensitivity-schema.js';
import { valueAt } from '../../src/core/series.js';
import { resolveWeights, type WeightTable } from '../../src/core/weights.js';
import { loadDataset } from '../../src/io/load-dataset.js';

const corners = () => loadDataset({ data: 'fixtures/sensitivity-corners' });

describe('nearestRank (percentile = x_k, k = ⌈p/100 × n⌉)', () => {
  const oneToTwenty = Array.from({ length: 20 }, (_, i) => i + 1);
  it('takes the k-th smallest value', () => {
    // n = 20: p5 → k = 1, p50 → k = 10, p95 → k = 19, p100 → k = 20
    expect(nearestRank(oneToTwenty, 5)).toBe(1);
    expect(nearestRank(oneToTwenty, 50)).toBe(10);
    expect(nearestRank(oneToTwenty, 95)).toBe(19);
    expect(nearestRank(oneToTwenty, 100)).toBe(20);
    // n = 1000: p5 → the 50th value, p95 → the 950th
    const thousand = Array.from({ length: 1000 }, (_, i) => i);
    expect(nearestRank(thousand, 5)).toBe(49);
    expect(nearestRank(thousand, 95)).toBe(949);
    // n = 3: p5 → ⌈0.15⌉ = 1, p50 → ⌈1.5⌉ = 2, p95 → ⌈2.85⌉ = 3
    expect([5, 50, 95].map((p) => nearestRank([10, 20, 30], p))).toEqual([10, 20, 30]);
    expect(nearestRank([7], 5)).toBe(7);
  });

  it('refuses an empty list', () => {
    expect(() => nearestRank([], 50)).toThrow(RangeError);
  });
});

describe('drawing weights', () => {
  let weights: WeightTable;
  beforeAll(() => {
    weights = resolveWeights();
  });

  it('varies only weights with low < high, in key order', () => {
    const keys = variedWeightKeys(weights);
    expect(keys).toEqual([...keys].sort());
    expect(keys).toContain('crisis/teams');
    expect(keys).not.toContain('general_hospital/beds'); // 1.0–1.0
    expect(keys).not.toContain('peer_support/teams'); // 0–0
  });

  it('draws each varied weight in [low, high) and leaves the fixed ones at their value', () => {
    for (let i = 0; i < 200; i++) {
      const drawn = drawWeights(weights, 1, i);
      for (const [key, w] of weights) {
        const v = drawn.get(key)!.value;
        if (w.low < w.high) {
          expect(v).toBeGreaterThanOrEqual(w.low);
          expect(v).toBeLessThan(w.high);
        } else expect(v).toBe(w.value);
      }
    }
  });

  it('depends only on (seed, draw): the same draw whatever was drawn before', () => {
    const later = drawWeights(weights, 9, 500);
    for (let i = 0; i < 10; i++) drawWeights(weights, 9, i);
    expect(drawWeights(weights, 9, 500)).toEqual(later);
    expect(drawWeights(weights, 10, 500)).not.toEqual(later);
  });

  it('corners set every weight to its low or its high end', () => {
    const low = cornerWeights(weights, 'low');
    const high = cornerWeights(weights, 'high');
    expect(low.get('crisis/teams')!.value).toBe(5);
    expect(high.get('crisis/teams')!.value).toBe(25);
    expect(low.get('general_hospital/beds')!.value).toBe(1);
  });
});

describe('sensitivity-corners fixture, worked by hand', () => {
  // XA: pop 100,000; beds 100 → 60 (−40); outreach teams 1 → 3 (+2); crisis teams 0 → 1 (+1)
  // XB: pop 200,000; beds 80 → 50 (−30); supported_living places 10 → 30 (+20); day_services places 0 → 40 (+40)
  // XC: pop  50,000; beds 30 → 20 (−10); crisis beds 0 → 5 (+5)
  const per100k = (report: { regions: { region: string; vacuum_per_100k: number }[] }) =>
    Object.fromEntries(report.regions.map((r) => [r.region, r.vacuum_per_100k]));

  it('at the values: XA 2×10 + 1×12.5 = 32.5 → 7.5; XB 20×1 + 40×0.25 = 30 → 0; XC 5×1 → 5 of 50,000 = 10', async () => {
    const { dataset, weights } = await corners();
    const report = analyze(dataset, { weights });
    const v = per100k(report);
    expect(v.XC).toBeCloseTo(10, 12);
    expect(v.XA).toBeCloseTo(7.5, 12);
    expect(v.XB).toBe(0);
    expect(report.regions.map((r) => r.region)).toEqual(['XC', 'XA', 'XB']);
    expect(report.weights).toBeUndefined();
  });

  it('all low: XA 2×5 + 1×5 = 15 → 25; XB 20×0.5 + 40×0.1 = 14 → 16 of 200,000 = 8; XC 5×0.8 = 4 → 6 of 50,000 = 12', async () => {
    const { dataset, weights } = await corners();
    const report = analyzeCorner(dataset, 'low', { weights });
    expect(report.weights).toBe('low');
    expect(report.regions.map((r) => r.region)).toEqual(['XA', 'XC', 'XB']);
    const v = per100k(report);
    expect(v.XA).toBeCloseTo(25, 12);
    expect(v.XB).toBeCloseTo(8, 12);
    expect(v.XC).toBeCloseTo(12, 12);
  });

  it('all high: XA 2×20 + 1×25 = 65 → 0; XB 20×1 + 40×0.5 = 40 → 0; XC 5×1 → 10', async () => {
    const { dataset, weights } = await corners();
    const report = analyzeCorner(dataset, 'high', { weights });
    expect(report.weights).toBe('high');
    const v = per100k(report);
    expect(v.XC).toBeCloseTo(10, 12);
    expect([v.XA, v.XB]).toEqual([0, 0]);
    // the tie at 0 goes by code
    expect(report.regions.map((r) => r.region)).toEqual(['XC', 'XA', 'XB']);
  });

  it('every percentile lies between the all-high corner (smallest vacuum) and the all-low corner (largest)', async () => {
    const { dataset, weights } = await corners();
    const s = sensitivity(dataset, { weights, draws: 1000, seed: 1 });
    const low = per100k(analyzeCorner(dataset, 'low', { weights }));
    const high = per100k(analyzeCorner(dataset, 'high', { weights }));
    expect(s.regions).toHaveLength(3);
    for (const r of s.regions) {
      expect(high[r.region]!).toBeLessThanOrEqual(r.vacuum_per_100k_p5);
      expect(r.vacuum_per_100k_p5).toBeLessThanOrEqual(r.vacuum_per_100k_p50);
      expect(r.vacuum_per_100k_p50).toBeLessThanOrEqual(r.vacuum_per_100k_p95);
      expect(r.vacuum_per_100k_p95).toBeLessThanOrEqual(low[r.region]!);
      expect(r.rank_p5).toBeLessThanOrEqual(r.rank_p50);
      expect(r.rank_p50).toBeLessThanOrEqual(r.rank_p95);
      expect(r.rank_p95).toBeLessThanOrEqual(3);
      // three regions: every draw puts every region in the top 10
      expect(r.top_share).toBe(1);
    }
    // XC's only drawn weight is crisis/beds 0.8–1.0: vacuum (10 − 5w) / 50,000 in (10, 12]
    const xc = s.regions.find((r) => r.region === 'XC')!;
    expect(xc.vacuum_per_100k_p5).toBeGreaterThan(10);
    expect(xc.vacuum_per_100k_p95).toBeLessThanOrEqual(12);
    // the spread is real: XA moves between 0 and 25 per 100k across draws
    const xa = s.regions.find((r) => r.region === 'XA')!;
    expect(xa.vacuum_per_100k_p95 - xa.vacuum_per_100k_p5).toBeGreaterThan(5);
    expect(SensitivityReportSchema.parse(s)).toEqual(s);
  });

  it('is the point report plus the spread, with the settings that repeat it', async () => {
    const { dataset, weights } = await corners();
    const s = sensitivity(dataset, { weights, draws: 50, seed: 3 });
    const report = analyze(dataset, { weights });
    expect(s.regions.map(({ region, rank, vacuum_per_100k }) => ({ region, rank, vacuum_per_100k }))).toEqual(
      report.regions.map(({ region, rank, vacuum_per_100k }) => ({ region, rank, vacuum_per_100k })),
    );
    expect(s.sensitivity).toMatchObject({ draws: 50, seed: 3, distribution: 'uniform', percentile_method: 'nearest-rank' });
    // used by the fixture and drawn: crisis/beds, crisis/teams, day_services/places, outreach/teams, supported_living/places
    expect(s.sensitivity.varied_weights.map((w) => `${w.category}/${w.unit}`)).toEqual(variedWeightKeys(weights));
  });
});

describe('determinism', () => {
  it('the same seed gives the same report; another seed another', async () => {
    const { dataset, weights } = await corners();
    const a = sensitivity(dataset, { weights, draws: 300, seed: 11 });
    expect(sensitivity(dataset, { weights, draws: 300, seed: 11 })).toEqual(a);
    expect(sensitivity(dataset, { weights, draws: 300, seed: 12 })).not.toEqual(a);
  });

  it('any split of the draws into chunks, in any order, gives the same report', async () => {
    const { dataset, weights } = await corners();
    const { base, plan, draws } = planSensitivity(dataset, { weights, draws: 97, seed: 5 });
    const whole = summarizeDraws(base, plan, draws, [runDraws(plan, 0, draws)]);
    const chunks = [
      runDraws(plan, 60, 97),
      runDraws(plan, 0, 1),
      runDraws(plan, 1, 33),
      runDraws(plan, 33, 60),
    ];
    expect(summarizeDraws(base, plan, draws, chunks)).toEqual(whole);
    expect(() => summarizeDraws(base, plan, draws, chunks.slice(1))).toThrow(/missing|expected/);
  });

  it('refuses a bad number of draws or seed', async () => {
    const { dataset } = await corners();
    // The CLI's checks, with its messages: an OptionError names --sensitivity or --seed (SPEC §8).
    expect(() => sensitivity(dataset, { draws: 0 })).toThrow(OptionError);
    expect(() => sensitivity(dataset, { draws: 1.5 })).toThrow('--sensitivity: expected a whole number of draws 1–1000000, got 1.5');
    expect(() => sensitivity(dataset, { seed: -1 })).toThrow(OptionError);
    expect(() => sensitivity(dataset, { seed: 2 ** 32 })).toThrow(`--seed: expected a whole number 0–${2 ** 32 - 1}, got ${2 ** 32}`);
  });
});

/** Whether every drawn service series of a region is at least as large at T as at B. */
function communityOnlyGrew(dataset: Dataset, region: string, weights: WeightTable, from: number, to: number): boolean {
  for (const [key, series] of dataset.services.get(region) ?? []) {
    const w = weights.get(key)!;
    if (w.low === w.high) continue;
    if (valueAt(series.years, to, 'service')!.value < valueAt(series.years, from, 'service')!.value) return false;
  }
  return true;
}

describe('corner bounds on the bundled data, region by region', () => {
  it('where community capacity only grew, all-high ≤ p5 ≤ p95 ≤ all-low', async () => {
    const { dataset, weights } = await loadDataset();
    const s = sensitivity(dataset, { weights, draws: 1000, seed: 1 });
    const low = analyzeCorner(dataset, 'low', { weights });
    const high = analyzeCorner(dataset, 'high', { weights });
    let checked = 0;
    for (const r of s.regions) {
      if (!communityOnlyGrew(dataset, r.region, weights, s.from, s.to)) continue;
      checked++;
      const lo = low.regions.find((x) => x.region === r.region)!.vacuum_per_100k;
      const hi = high.regions.find((x) => x.region === r.region)!.vacuum_per_100k;
      expect(hi, r.region).toBeLessThanOrEqual(r.vacuum_per_100k_p5);
      expect(r.vacuum_per_100k_p95, r.region).toBeLessThanOrEqual(lo);
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });

  it('for every region, the percentiles lie within the extremes over all 2^k corners of the weight box', async () => {
    // The vacuum is max(0, −(bed change + Σ w × Δcapacity)): convex and piecewise linear in the
    // weights, so its largest and smallest values over the box are at corners, whether or not a
    // series shrank (where community capacity fell, all-high is not the minimum). A weight that no
    // series of the data uses changes nothing, so the corners of the used ones give every value the
    // box can give (the bundled data uses 2 of the 12 varied weights: 4 corners, not 4,096).
    const { dataset, weights } = await loadDataset();
    const s = sensitivity(dataset, { weights, draws: 1000, seed: 1 });
    const used = new Set([...dataset.services.values()].flatMap((byKey) => [...byKey.keys()]));
    const keys = variedWeightKeys(weights).filter((key) => used.has(key));
    expect(keys.length).toBeGreaterThan(0);
    const min = new Map<string, number>();
    const max = new Map<string, number>();
    for (let mask = 0; mask < 2 ** keys.length; mask++) {
      const corner = new Map(weights);
      keys.forEach((key, bit) => {
        const w = weights.get(key)!;
        corner.set(key, { ...w, value: mask & (1 << bit) ? w.high : w.low });
      });
      for (const r of analyze(dataset, { weights: corner }).regions) {
        min.set(r.region, Math.min(min.get(r.region) ?? Infinity, r.vacuum_per_100k));
        max.set(r.region, Math.max(max.get(r.region) ?? -Infinity, r.vacuum_per_100k));
      }
    }
    for (const r of s.regions) {
      expect(min.get(r.region)!, r.region).toBeLessThanOrEqual(r.vacuum_per_100k_p5 + 1e-9);
      expect(r.vacuum_per_100k_p95, r.region).toBeLessThanOrEqual(max.get(r.region)! + 1e-9);
    }
  });
});
