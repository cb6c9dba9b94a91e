// The hand-written pieces of the linear sensitivity (src/core/linear-model.ts, sensitivity.ts):
// the per-draw ranking and the percentile selection, each against the plain method it replaces
// (rank.ts's comparator sort; nearest rank on fully sorted values) on random inputs built to hit
// their edge cases: many equal values (vacuum floored at 0), clustered values (one crowded
// bucket), nulls, infinities, −0, one region, large counts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankInto, rankScratch } from '../../src/core/linear-model-eval.js';
import { nearestRank, nearestRanks } from '../../src/core/sensitivity.js';

const RUN = { seed: 1_616, numRuns: 300 } as const;

/** SPEC §3 by the book: sort by value descending, nulls last, ties by code (code-unit order). */
function bookRanks(values: readonly number[], codes: readonly string[]): number[] {
  const idx = values.map((_, i) => i);
  idx.sort((a, b) => {
    const x = values[a]!;
    const y = values[b]!;
    const xn = Number.isNaN(x);
    const yn = Number.isNaN(y);
    if (xn !== yn) return xn ? 1 : -1;
    if (!xn && x !== y) return y > x ? 1 : -1;
    return codes[a]! < codes[b]! ? -1 : codes[a]! > codes[b]! ? 1 : 0;
  });
  const rank = new Array<number>(values.length);
  idx.forEach((r, i) => (rank[r] = i + 1));
  return rank;
}

function fastRanks(values: readonly number[], codes: readonly string[]): number[] {
  const codeOrder = Int32Array.from(codes.keys()).sort((a, b) => (codes[a]! < codes[b]! ? -1 : codes[a]! > codes[b]! ? 1 : 0));
  const codePosition = new Int32Array(codes.length);
  codeOrder.forEach((r, i) => (codePosition[r] = i));
  const rank = new Int32Array(values.length);
  rankInto(Float64Array.from(values), { codeOrder, codePosition }, rank, rankScratch(values.length));
  return [...rank];
}

const value = fc.oneof(
  { weight: 4, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 4, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.constantFrom(-0, Number.NaN, Infinity, -Infinity, 5e-324, 1e308) },
  // clustered: many distinct values in a tiny part of a wide range
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 1000 }).map((i) => 1 + i * 1e-9) },
);

describe('rankInto = SPEC §3 ranking', () => {
  it('on random values with ties, nulls, infinities and clusters', () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 400 }), fc.boolean(), (values, shuffledCodes) => {
        // codes whose code-unit order differs from index order (and from locale order: "B" < "a")
        const codes = values.map((_, i) => (shuffledCodes ? `${String.fromCharCode(65 + ((i * 7) % 26))}${(i * 31) % 97}` : `R${i}`));
        if (new Set(codes).size !== codes.length) return;
        expect(fastRanks(values, codes)).toEqual(bookRanks(values, codes));
      }),
      RUN,
    );
  });

  it('on enough regions for the radix sort, with short runs of equal values and of values within a millionth', () => {
    // 96–300 regions whose values come from a pool of 12: runs of about 10–30 equal keys, and of
    // keys that share their high word (1 + a billionth apart) but not their low word.
    const pooled = fc.constantFrom(0, 3.5, -2, 1, 1 + 1e-9, 1 + 2e-9, 1 + 3e-9, 7e5, 7e5 + 1e-7, Number.NaN, -0, 42);
    fc.assert(
      fc.property(fc.array(pooled, { minLength: 96, maxLength: 300 }), (values) => {
        const codes = values.map((_, i) => `${String.fromCharCode(65 + ((i * 11) % 26))}${(i * 37) % 101}`);
        if (new Set(codes).size !== codes.length) return;
        expect(fastRanks(values, codes)).toEqual(bookRanks(values, codes));
      }),
      RUN,
    );
  });

  it('a large draw: 5,000 regions, 40 % exactly 0, a clustered group, the rest spread', () => {
    const values: number[] = [];
    let x = 12345;
    const next = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let i = 0; i < 5000; i++) values.push(i % 5 < 2 ? 0 : i % 5 === 2 ? 7 + next() * 1e-6 : next() * 300);
    const codes = values.map((_, i) => `NO-${(i * 7919) % 5000}`.padEnd(8, 'x'));
    expect(fastRanks(values, codes)).toEqual(bookRanks(values, codes));
  });
});

describe('nearestRanks = nearestRank on the sorted values', () => {
  it('on random values, any percentiles, any order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.integer({ min: 1, max: 9 })), { minLength: 1, maxLength: 300 }),
        fc.array(fc.integer({ min: 1, max: 100 }), { minLength: 1, maxLength: 5 }),
        (values, ps) => {
          const sorted = [...values].sort((a, b) => a - b);
          const got = nearestRanks(Float64Array.from(values), ps);
          // −0 and 0 compare equal in both methods; compare as numbers
          expect(got.map((v) => v + 0)).toEqual(ps.map((p) => nearestRank(sorted, p) + 0));
        },
      ),
      RUN,
    );
  });

  it('worked: 1…20 → p5 = 1, p50 = 10, p95 = 19 (k = ⌈p × 20 / 100⌉)', () => {
    const values = Float64Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(nearestRanks(values, [95, 5, 50])).toEqual([19, 1, 10]);
  });
});
