// Summarising sensitivity draws (core/sensitivity.ts, summarizeDraws): per region, nearest-rank
// percentiles of its vacuum and rank over the draws, and top_share, the share of draws in which it
// ranked `top` or better (the bound included). The draws are written by hand here, so every
// expected figure is worked from the rules in sensitivity.ts's file comment.
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/report-schema.js';
import { orderedChunks, summarizeDraws } from '../../src/core/sensitivity.js';
import { type DrawChunk, type DrawPlan } from '../../src/core/weight-draws.js';
import { resolveWeights } from '../../src/core/weights.js';

/** Draws [start, end) of two regions: vacuum and rank per draw, region-major within a draw. */
function chunk(start: number, rows: readonly (readonly [number, number, number, number])[]): DrawChunk {
  // each row: vacuum A, rank A, vacuum B, rank B
  return {
    start,
    end: start + rows.length,
    vacuum: Float64Array.from(rows.flatMap(([va, , vb]) => [va, vb])),
    rank: Int32Array.from(rows.flatMap(([, ra, , rb]) => [ra, rb])),
    weights: new Float64Array(0),
  };
}

const base = {
  servicegap: '0.1.0',
  from: 2000,
  to: 2002,
  sort: 'vacuum_per_100k',
  regions: [
    { region: 'A', name: 'Alpha' },
    { region: 'B', name: 'Beta' },
  ],
  excluded: [],
  warnings: [],
  provenance: { options: { from: 2000 } },
} as unknown as Report;
const plan = () => ({ weights: resolveWeights(), seed: 7, correlation: 'none', regions: ['A', 'B'] }) as unknown as DrawPlan;

describe('summarizeDraws', () => {
  it('percentiles and top_share from draws given out of order', () => {
    // four draws; A ranks 1, 2, 2, 1 and B 2, 1, 1, 2
    const chunks = [
      chunk(2, [
        [30, 2, 40, 1],
        [50, 1, 5, 2],
      ]),
      chunk(0, [
        [10, 1, 8, 2],
        [20, 2, 35, 1],
      ]),
    ];
    const report = summarizeDraws(base, plan(), 4, chunks, 1);
    // n = 4: p5 → k = ⌈0.2⌉ = 1, p50 → k = 2, p95 → k = ⌈3.8⌉ = 4
    // A's vacuum sorted 10, 20, 30, 50; ranks 1, 1, 2, 2; ranked 1st (top 1) in 2 of 4 draws
    expect(report.regions[0]).toMatchObject({
      region: 'A',
      name: 'Alpha',
      vacuum_per_100k_p5: 10,
      vacuum_per_100k_p50: 20,
      vacuum_per_100k_p95: 50,
      rank_p5: 1,
      rank_p50: 1,
      rank_p95: 2,
      top_share: 0.5,
    });
    // B's vacuum sorted 5, 8, 35, 40
    expect(report.regions[1]).toMatchObject({ vacuum_per_100k_p5: 5, vacuum_per_100k_p50: 8, vacuum_per_100k_p95: 40, top_share: 0.5 });
    expect(report.sensitivity).toMatchObject({ draws: 4, seed: 7, correlation: 'none', top: 1, distribution: 'uniform', percentile_method: 'nearest-rank' });
    expect(report.provenance.options).toEqual({ from: 2000, draws: 4, seed: 7, correlation: 'none', top: 1 });
  });

  it('top_share counts a rank equal to top: ranked 2nd is in the top 2', () => {
    const chunks = [
      chunk(0, [
        [1, 2, 2, 1],
        [1, 2, 2, 1],
        [3, 1, 2, 2],
      ]),
    ];
    const report = summarizeDraws(base, plan(), 3, chunks, 2);
    // every draw has both regions at rank ≤ 2
    expect(report.regions.map((r) => r.top_share)).toEqual([1, 1]);
    // top 1: A in 1 of 3 draws, B in 2 of 3
    const one = summarizeDraws(base, plan(), 3, chunks, 1);
    expect(one.regions.map((r) => r.top_share)).toEqual([1 / 3, 2 / 3]);
  });

  it('the default top is 10', () => {
    const ranks = [9, 10, 11, 12];
    const chunks = [chunk(0, ranks.map((r) => [1, r, 1, 1] as const))];
    // ranks 9 and 10 are in the top 10: 2 of 4
    expect(summarizeDraws(base, plan(), 4, chunks).regions[0]!.top_share).toBe(0.5);
    expect(summarizeDraws(base, plan(), 4, chunks).sensitivity.top).toBe(10);
  });
});

describe('orderedChunks', () => {
  it('names the draws missing, or the count that does not add up', () => {
    const a = chunk(0, [[1, 1, 1, 1]]);
    const c = chunk(3, [[1, 1, 1, 1]]);
    expect(() => orderedChunks([c, a], 4)).toThrow('sensitivity: draws 1–2 are missing');
    expect(() => orderedChunks([a], 3)).toThrow('sensitivity: expected 3 draws, got 1');
    expect(orderedChunks([c, chunk(1, [[1, 1, 1, 1], [1, 1, 1, 1]]), a], 4).map((x) => x.start)).toEqual([0, 1, 3]);
  });
});
