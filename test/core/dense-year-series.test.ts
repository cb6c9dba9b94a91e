// DenseYearSeries must behave exactly as a Map<number, number> of years (it stands in for one
// in every loaded dataset), apart from iterating in year order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DenseYearSeries } from '../../src/core/dense-year-series.js';

const sorted = (m: Map<number, number>) => [...m.entries()].sort((a, b) => a[0] - b[0]);

describe('DenseYearSeries', () => {
  it('gets, sets, sums and iterates years in order, growing both ways', () => {
    const s = new DenseYearSeries();
    expect(s.size).toBe(0);
    expect(s.get(2000)).toBeUndefined();
    s.set(2000, 5).set(1990, 1).set(2040, 0);
    // 2040 − 1990 + 1 = 51 slots now span the range; only three hold a figure
    expect(s.size).toBe(3);
    expect([...s]).toEqual([[1990, 1], [2000, 5], [2040, 0]]);
    expect([...s.keys()]).toEqual([1990, 2000, 2040]);
    expect([...s.values()]).toEqual([1, 5, 0]);
    expect(s.get(2040)).toBe(0); // a stored 0 is a figure, not a gap
    expect(s.has(1995)).toBe(false);
    s.set(2000, s.get(2000)! + 2.5);
    expect(s.get(2000)).toBe(7.5);
    expect(s.delete(2000)).toBe(true);
    expect(s.delete(2000)).toBe(false);
    expect(s.size).toBe(2);
    s.clear();
    expect(s.size).toBe(0);
    expect([...s]).toEqual([]);
  });

  it('refuses what a year series cannot hold', () => {
    expect(() => new DenseYearSeries().set(2000.5, 1)).toThrow(RangeError);
    expect(() => new DenseYearSeries().set(2000, NaN)).toThrow(RangeError);
  });

  it('matches a Map under any sequence of sets, adds and deletes (property test)', () => {
    const op = fc.record({
      kind: fc.constantFrom('set', 'add', 'delete'),
      year: fc.integer({ min: 1800, max: 2200 }),
      value: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const dense = new DenseYearSeries();
        const map = new Map<number, number>();
        for (const { kind, year, value } of ops) {
          if (kind === 'set') {
            dense.set(year, value);
            map.set(year, value);
          } else if (kind === 'add') {
            dense.set(year, (dense.get(year) ?? 0) + value);
            map.set(year, (map.get(year) ?? 0) + value);
          } else expect(dense.delete(year)).toBe(map.delete(year));
        }
        expect(dense.size).toBe(map.size);
        expect([...dense.entries()]).toEqual(sorted(map));
        for (const year of [1800, 1990, 2000, 2200]) expect(dense.get(year)).toBe(map.get(year));
      }),
      { seed: 20261123, numRuns: 300 },
    );
  });
});
