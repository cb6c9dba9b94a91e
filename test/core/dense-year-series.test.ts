// DenseYearSeries must behave exactly as a Map<number, number> of years (it stands in for one
// in every loaded dataset), apart from iterating in year order — whether its figures are kept as
// 32-bit hundredths in a shared block or as doubles, and across the switch from one to the other.
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

  // Figures of every kind the two storages meet: whole hundredths (kept in 32 bits), the largest
  // and smallest of them (±(2^31 − 1) / 100), just past them, −0 (a 32-bit slot would give +0),
  // tenths whose sums are not hundredths (0.1 + 0.2), thirds, populations over 21 million.
  const figure = fc.oneof(
    fc.integer({ min: -100_000, max: 100_000 }).map((h) => h / 100),
    fc.integer({ min: 0, max: 5000 }),
    fc.constantFrom(0, -0, 0.1, 0.2, 1 / 3, 2.5, 21474836.47, -21474836.47, 21474836.48, -21474836.48, 21474836, -21474836, 21474837, -21474837, 2 ** 31, 39_000_000, 1e-7, Number.MAX_VALUE, Infinity, -Infinity),
    fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  );

  it('matches a Map, every figure exactly the double stored, in hundredths or doubles, under sets, adds and deletes (property test)', () => {
    const op = fc.record({
      kind: fc.constantFrom('set', 'add', 'add', 'sum', 'delete'),
      // mostly within a lifetime, sometimes anywhere a row may be (a series grown both ways)
      year: fc.oneof({ arbitrary: fc.integer({ min: 1990, max: 2060 }), weight: 4 }, { arbitrary: fc.integer({ min: 1800, max: 2200 }), weight: 1 }),
      value: figure,
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const dense = new DenseYearSeries();
        const map = new Map<number, number>();
        for (const { kind, year, value } of ops) {
          if (kind === 'set') {
            dense.set(year, value);
            map.set(year, value);
          } else if (kind === 'add') {
            // what a loader does with each row: the year's figure (0 if none) plus the value
            dense.add(year, value);
            map.set(year, (map.get(year) ?? 0) + value);
          } else if (kind === 'sum') {
            // the same through get and set, as a library caller would
            dense.set(year, (dense.get(year) ?? 0) + value);
            map.set(year, (map.get(year) ?? 0) + value);
          } else expect(dense.delete(year)).toBe(map.delete(year));
        }
        // Object.is: −0 must stay −0, and every double bit for bit
        const same = (a: unknown, b: unknown) => expect(Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b))).toBe(true);
        expect(dense.size).toBe(map.size);
        const want = sorted(map);
        const got = [...dense.entries()];
        expect(got.map(([y]) => y)).toEqual(want.map(([y]) => y));
        got.forEach(([, v], i) => same(v, want[i]![1]));
        const walked: [number, number][] = [];
        dense.forEach((v, y) => walked.push([y, v]));
        expect(walked.map(([y]) => y)).toEqual(want.map(([y]) => y));
        walked.forEach(([, v], i) => same(v, want[i]![1]));
        expect([...dense.keys()]).toEqual(want.map(([y]) => y));
        // known(): into arrays reused from an earlier, longer series (what lies past the count is not read)
        const years = Array.from({ length: 90 }, () => -1);
        const values = Array.from({ length: 90 }, () => -1);
        const count = dense.known(years, values);
        expect(count).toBe(want.length);
        expect(years.slice(0, count)).toEqual(want.map(([y]) => y));
        values.slice(0, count).forEach((v, i) => same(v, want[i]![1]));
        [...dense.values()].forEach((v, i) => same(v, want[i]![1]));
        for (let year = 1985; year <= 2065; year++) same(dense.get(year), map.get(year));
        for (const year of [1800, 1801, 2199, 2200]) same(dense.get(year), map.get(year));
      }),
      { seed: 20261201, numRuns: 400 },
    );
  });

  it('keeps many series apart while they are made, turn to doubles, grow and clear, slots given back taken again (property test)', () => {
    // Several series filled in turn, as a loader fills a region's: a series that turns to doubles
    // or grows gives its slots back, and the next new one takes them; none may see another's figures.
    const op = fc.record({
      kind: fc.constantFrom('new', 'add', 'add', 'add', 'clear'),
      which: fc.nat(),
      year: fc.integer({ min: 1940, max: 2080 }),
      value: figure,
    });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const dense: DenseYearSeries[] = [];
        const maps: Map<number, number>[] = [];
        for (const { kind, which, year, value } of ops) {
          if (kind === 'new' || dense.length === 0) {
            dense.push(new DenseYearSeries());
            maps.push(new Map());
          }
          const k = kind === 'new' ? dense.length - 1 : which % dense.length;
          if (kind === 'clear') {
            dense[k]!.clear();
            maps[k]!.clear();
          } else {
            dense[k]!.add(year, value);
            maps[k]!.set(year, (maps[k]!.get(year) ?? 0) + value);
          }
        }
        dense.forEach((series, k) => {
          const want = sorted(maps[k]!);
          const got = [...series.entries()];
          expect(got.map(([y]) => y)).toEqual(want.map(([y]) => y));
          got.forEach(([, v], i) => expect(Object.is(v, want[i]![1])).toBe(true));
        });
      }),
      { seed: 20261202, numRuns: 400 },
    );
  });

  it('keeps −0, the edges of 32-bit hundredths and sums that are not hundredths exactly', () => {
    const s = new DenseYearSeries();
    s.set(2000, 0.1);
    s.add(2000, 0.2); // 0.30000000000000004, not 30 hundredths
    expect(s.get(2000)).toBe(0.1 + 0.2);
    s.set(2001, -0);
    expect(Object.is(s.get(2001), -0)).toBe(true);
    const edges = new DenseYearSeries().set(2000, 21474836.47).set(2001, -21474836.47);
    expect([...edges.values()]).toEqual([21474836.47, -21474836.47]);
    edges.set(2002, -21474836.48).set(2003, 21474836.48); // 2^31 hundredths: past a 32-bit slot
    expect([...edges.values()]).toEqual([21474836.47, -21474836.47, -21474836.48, 21474836.48]);
    // whole numbers: 21,474,836 is 2,147,483,600 hundredths, 21,474,837 past a 32-bit slot
    const whole = new DenseYearSeries().set(2000, 21474836).set(2001, -21474836).set(2002, -0);
    expect(Object.is(whole.get(2002), -0)).toBe(true);
    whole.set(2003, 21474837).set(2004, -21474837);
    expect([...whole.values()]).toEqual([21474836, -21474836, -0, 21474837, -21474837]);
    const grown = new DenseYearSeries().set(2000, 1.25);
    grown.set(1900, 2.5).set(2100, 3); // grown both ways, 201 slots
    expect([...grown]).toEqual([[1900, 2.5], [2000, 1.25], [2100, 3]]);
  });

  it('keeps each of many series apart, across the blocks their slots are cut from', () => {
    // 2,000 series × 32 slots, blocks of 16,384 slots: the last block is begun by this test,
    // whatever the tests before it took.
    const filled = (k: number) => {
      const s = new DenseYearSeries();
      for (let year = 2000; year < 2030; year++) s.add(year, k + (year - 2000) / 100);
      return s;
    };
    const all = Array.from({ length: 2000 }, (_, k) => filled(k));
    all[7]!.set(1950, 1 / 3); // one series of an earlier block grows and turns to doubles
    all[1990]!.add(2001, 1 / 3); // one of the block being cut turns to doubles
    // 600 new series (more than a block): the first takes series 1990's slots again, the rest are
    // cut further; series 7's slots, in an earlier block, are never taken (their place in this
    // block is another's, or will be).
    for (let k = 2000; k < 2600; k++) all.push(filled(k));
    all.forEach((s, k) => {
      expect(s.size).toBe(k === 7 ? 31 : 30);
      expect(s.get(2000)).toBe(k);
      expect(s.get(2001)).toBe(k === 1990 ? k + 0.01 + 1 / 3 : k + 0.01);
      expect(s.get(2029)).toBe(k + 0.29);
    });
    expect(all[7]!.get(1950)).toBe(1 / 3);
    expect(all[6]!.has(1950)).toBe(false);
  });

  it('comes back whole from a structured clone, series sharing a block included', () => {
    const a = new DenseYearSeries().set(2000, 1.5).set(2001, 2);
    const b = new DenseYearSeries().set(2000, 1 / 3).set(1999, 7);
    const c = new DenseYearSeries().set(2010, 4);
    const [ra, rb, rc] = structuredClone([a, b, c]).map((x) => DenseYearSeries.revive(x as unknown as Map<number, number>));
    expect(ra).toBeInstanceOf(DenseYearSeries);
    expect([...ra!]).toEqual([[2000, 1.5], [2001, 2]]);
    expect([...rb!]).toEqual([[1999, 7], [2000, 1 / 3]]);
    expect([...rc!]).toEqual([[2010, 4]]);
    (ra as DenseYearSeries).add(2001, 1); // a revived series is a working one; its block's neighbour is untouched
    expect(ra!.get(2001)).toBe(3);
    expect([...rc!]).toEqual([[2010, 4]]);
    expect(DenseYearSeries.revive(new Map([[2000, 1]]))).toBeInstanceOf(Map);
  });

  it('equals another series with the same figures wherever their slots are (test/series-equality.ts), and no other', () => {
    const a = new DenseYearSeries().set(2000, 1).set(2001, 2.5);
    new DenseYearSeries().set(1990, 9); // slots taken in between: b's are at another place
    const b = new DenseYearSeries().set(2001, 2.5).set(2000, 1);
    expect(a).toEqual(b);
    expect(a).not.toEqual(new DenseYearSeries().set(2000, 1).set(2001, 2.51));
    expect(a).not.toEqual(new DenseYearSeries().set(2000, 1).set(2002, 2.5));
    expect(a).not.toEqual(new DenseYearSeries().set(2000, 1));
    expect(new DenseYearSeries().set(2000, 1 / 3)).not.toEqual(new DenseYearSeries().set(2000, 0.33));
  });
});

