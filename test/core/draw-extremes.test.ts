// DrawExtremes (src/core/draw-extremes.ts): the few smallest and largest draws per region, kept as
// the draws come, give exactly the nearest-rank percentiles of all the values sorted
// (sensitivity.ts nearestRank, the definition), whatever the order of the draws, the blocks they
// come in, and how they are shared between threads and merged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DrawExtremes, nearestRankIndex } from '../../src/core/draw-extremes.js';
import { nearestRank } from '../../src/core/sensitivity.js';

/** Draw-major arrays (value of draw d, region r at d × R + r) of draws [from, to). */
function block(values: readonly number[][], ranks: readonly number[][], from: number, to: number): [Float64Array, Int32Array] {
  const R = values.length;
  const v = new Float64Array((to - from) * R);
  const k = new Int32Array((to - from) * R);
  for (let d = from; d < to; d++) {
    for (let r = 0; r < R; r++) {
      v[(d - from) * R + r] = values[r]![d]!;
      k[(d - from) * R + r] = ranks[r]![d]!;
    }
  }
  return [v, k];
}

const sorted = (xs: readonly number[]) => [...xs].sort((a, b) => a - b);

describe('DrawExtremes', () => {
  it('gives nearest rank on the sorted values, for any values with ties, any block sizes and any split between shares', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom<[number, number]>([5, 95], [5, 95], [10, 90], [50, 50], [1, 100]),
        (R, n, blockSize, seed, [lower, upper]) => {
          // Few distinct values (ties), negative and zero included; ranks 1 … R.
          let s = seed + 1;
          const next = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
          const values = Array.from({ length: R }, () => Array.from({ length: n }, () => Math.round(next() * 20 - 5) / 4 + 0)); // (+ 0: no −0, which a vacuum never is)
          const ranks = Array.from({ length: R }, () => Array.from({ length: n }, () => 1 + Math.floor(next() * R)));
          // One share in blocks, or two shares (cut anywhere) merged either way round.
          const cut = Math.floor(next() * (n + 1));
          const whole = new DrawExtremes(R, n, lower, upper);
          for (let from = 0; from < n; from += blockSize) whole.addDraws(...block(values, ranks, from, Math.min(n, from + blockSize)), Math.min(n, from + blockSize) - from);
          const first = new DrawExtremes(R, n, lower, upper);
          const second = new DrawExtremes(R, n, lower, upper);
          first.addDraws(...block(values, ranks, 0, cut), cut);
          second.addDraws(...block(values, ranks, cut, n), n - cut);
          const merged = next() < 0.5 ? first : second;
          merged.merge(merged === first ? second : first);
          for (let r = 0; r < R; r++) {
            const expected = {
              vacuumLower: nearestRank(sorted(values[r]!), lower),
              vacuumUpper: nearestRank(sorted(values[r]!), upper),
              rankLower: nearestRank(sorted(ranks[r]!), lower),
              rankUpper: nearestRank(sorted(ranks[r]!), upper),
            };
            expect(whole.percentiles(r)).toEqual(expected);
            expect(merged.percentiles(r)).toEqual(expected);
          }
        },
      ),
      { seed: 20261201, numRuns: 400 },
    );
  });

  it('500 draws: p5 is the 25th smallest and p95 the 26th largest (k = ⌈0.05 × 500⌉ = 25, ⌈0.95 × 500⌉ = 475)', () => {
    expect([nearestRankIndex(5, 500), nearestRankIndex(95, 500)]).toEqual([25, 475]);
    const e = new DrawExtremes(1, 500, 5, 95);
    expect([e.low, e.high]).toEqual([25, 26]);
    // values 1 … 500 in a shuffled order: p5 = 25, p95 = 475
    const order = Array.from({ length: 500 }, (_, i) => ((i * 367) % 500) + 1);
    e.addDraws(Float64Array.from(order), Int32Array.from(order), 500);
    expect(e.percentiles(0)).toEqual({ vacuumLower: 25, vacuumUpper: 475, rankLower: 25, rankUpper: 475 });
  });

  it('refuses percentiles before every draw is in, and extremes of another run', () => {
    const e = new DrawExtremes(2, 10, 5, 95);
    e.addDraws(new Float64Array(2), new Int32Array(2), 1);
    expect(() => e.percentiles(0)).toThrow('1 of 10 draws seen');
    expect(() => e.merge(new DrawExtremes(3, 10, 5, 95))).toThrow(RangeError);
    // 0 stays 0 at both ends (the largest are kept negated: −0 is written back as 0)
    const zeros = new DrawExtremes(1, 3, 5, 95);
    zeros.addDraws(new Float64Array(3), new Int32Array(3), 3);
    expect(Object.is(zeros.percentiles(0).vacuumUpper, 0)).toBe(true);
  });
});
