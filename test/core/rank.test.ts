// SPEC §3 ranking: by the sort metric descending, nulls last, ties by region code ascending in
// code-unit order; rank is the 1-based position.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareRegions, rankRegions } from '../../src/core/rank.js';
import type { RegionMetrics } from '../../src/core/report-schema.js';

function metrics(region: string, over: Partial<RegionMetrics> = {}): RegionMetrics {
  return {
    region,
    name: region,
    population: 100_000,
    beds_from: 100,
    beds_to: 100,
    bed_change: 0,
    beds_closed: 0,
    community_from_be: 0,
    community_to_be: 0,
    community_change_be: 0,
    net_change_be: 0,
    vacuum_be: 0,
    vacuum_per_100k: 0,
    replacement_ratio: null,
    capacity_per_100k_from: 100,
    capacity_per_100k_to: 100,
    rate_drop_per_100k: 0,
    coverage_index: 1,
    flags: [],
    categories_not_reported: [],
    ...over,
  };
}

describe('rankRegions', () => {
  it('sorts by the metric descending and numbers ranks from 1', () => {
    const ranked = rankRegions(
      [metrics('A', { vacuum_per_100k: 2 }), metrics('B', { vacuum_per_100k: 8.5 }), metrics('C', { vacuum_per_100k: 4 })],
      'vacuum_per_100k',
    );
    expect(ranked.map((r) => [r.rank, r.region])).toEqual([
      [1, 'B'], // 8.5
      [2, 'C'], // 4
      [3, 'A'], // 2
    ]);
  });

  it('breaks ties by region code in code-unit order, not locale order', () => {
    // Code units: '-' 0x2D < '0' 0x30 < '3' 0x33; 'Z' 0x5A < 'a' 0x61; 'Ø' 0xD8 > 'z'.
    // So: 'NO-03' < 'NO-3' (at index 3, '0' < '3'), 'Z' < 'a' < 'Ø'.
    // A locale compare would put 'a' before 'Z' and could put 'Ø' next to 'O'.
    const codes = ['a', 'NO-3', 'Ø', 'Z', 'NO-03'];
    const ranked = rankRegions(codes.map((c) => metrics(c, { vacuum_per_100k: 1 })), 'vacuum_per_100k');
    expect(ranked.map((r) => r.region)).toEqual(['NO-03', 'NO-3', 'Z', 'a', 'Ø']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it('the input order does not matter', () => {
    const list = [metrics('b', { vacuum_per_100k: 3 }), metrics('a', { vacuum_per_100k: 3 }), metrics('c', { vacuum_per_100k: 5 })];
    const forward = rankRegions(list, 'vacuum_per_100k').map((r) => r.region);
    const backward = rankRegions([...list].reverse(), 'vacuum_per_100k').map((r) => r.region);
    expect(forward).toEqual(['c', 'a', 'b']);
    expect(backward).toEqual(forward);
  });

  it('puts nulls last when sorting by replacement_ratio, ties among nulls by code', () => {
    const ranked = rankRegions(
      [
        metrics('N2', { replacement_ratio: null }),
        metrics('LOW', { replacement_ratio: -0.2 }),
        metrics('N1', { replacement_ratio: null }),
        metrics('HIGH', { replacement_ratio: 1.5 }),
        metrics('ZERO', { replacement_ratio: 0 }),
      ],
      'replacement_ratio',
    );
    // 1.5 > 0 > −0.2, then the two nulls by code: N1 < N2.
    expect(ranked.map((r) => r.region)).toEqual(['HIGH', 'ZERO', 'LOW', 'N1', 'N2']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
  });

  it('sorts negative metrics descending too (bed_change: −5 before −60)', () => {
    const ranked = rankRegions([metrics('A', { bed_change: -60 }), metrics('B', { bed_change: -5 })], 'bed_change');
    expect(ranked.map((r) => r.region)).toEqual(['B', 'A']);
  });

  it('keeps every metric and does not mutate its input', () => {
    const input = [metrics('A', { vacuum_per_100k: 1, vacuum_be: 1 }), metrics('B', { vacuum_per_100k: 2 })];
    const ranked = rankRegions(input, 'vacuum_per_100k');
    expect(input.map((r) => r.region)).toEqual(['A', 'B']);
    expect(ranked[1]).toEqual({ rank: 2, ...input[0] });
  });

  it('compareRegions: a null sorts after any number, equal values fall back to the code', () => {
    expect(compareRegions(metrics('A', { replacement_ratio: null }), metrics('B', { replacement_ratio: -100 }), 'replacement_ratio')).toBeGreaterThan(0);
    expect(compareRegions(metrics('B', { replacement_ratio: -100 }), metrics('A', { replacement_ratio: null }), 'replacement_ratio')).toBeLessThan(0);
    expect(compareRegions(metrics('A'), metrics('B'), 'vacuum_per_100k')).toBeLessThan(0);
    expect(compareRegions(metrics('A'), metrics('A'), 'vacuum_per_100k')).toBe(0);
  });
});

describe('rankRegions, both ways (property)', () => {
  // Regions with values from a small set (so ties and nulls are common) and distinct codes.
  const regions = fc
    .uniqueArray(fc.string({ unit: fc.constantFrom('A', 'a', 'Z', '-', '0', '3', 'Ø'), minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 12 })
    .chain((codes) => fc.tuple(...codes.map((code) => fc.constantFrom(null, -2.5, 0, 0, 1, 7.25).map((v) => metrics(code, { replacement_ratio: v })))));
  const before = (a: RegionMetrics, b: RegionMetrics): boolean => {
    const x = a.replacement_ratio;
    const y = b.replacement_ratio;
    if (x !== y) return y === null || (x !== null && x > y);
    return a.region < b.region;
  };

  it('a region that SPEC §3 puts first is ranked first, and a region ranked first is one SPEC §3 puts first', () => {
    fc.assert(
      fc.property(regions, (list) => {
        const ranked = rankRegions(list, 'replacement_ratio');
        expect(ranked.map((r) => r.rank)).toEqual(list.map((_, i) => i + 1));
        expect(ranked.map((r) => r.region).sort()).toEqual(list.map((r) => r.region).sort());
        for (const a of ranked) {
          for (const b of ranked) {
            if (a === b) continue;
            // SPEC order ⇒ rank order, and rank order ⇒ SPEC order
            expect(before(a, b), `${a.region} ${a.rank} vs ${b.region} ${b.rank}`).toBe(a.rank < b.rank);
            expect(Math.sign(compareRegions(a, b, 'replacement_ratio'))).toBe(before(a, b) ? -1 : 1);
          }
        }
      }),
      { seed: 3, numRuns: 300 },
    );
  });
});
