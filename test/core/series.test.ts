// SPEC §3 "value of a series at year Y": exact total, else the latest earlier total (carried),
// else 0 for a service series (started later), else unknown for beds and population.
import { describe, expect, it } from 'vitest';
import type { YearSeries } from '../../src/core/dataset.js';
import { valueAt } from '../../src/core/series.js';

const series = (entries: [number, number][]): YearSeries => new Map(entries);

describe('valueAt', () => {
  // Years deliberately out of order: the rule is about years, not about insertion order.
  const s = series([
    [2020, 7],
    [2010, 3],
    [2015, 5],
  ]);

  it('returns the exact total of the year, not carried', () => {
    expect(valueAt(s, 2015, 'stock')).toEqual({ value: 5, carried: false, startedLater: false });
    expect(valueAt(s, 2015, 'service')).toEqual({ value: 5, carried: false, startedLater: false });
  });

  it('an exact total of 0 is a value, not a gap', () => {
    // A facility that closed appears with 0 beds: 0 is exact, nothing is carried from 2010.
    expect(valueAt(series([[2010, 40], [2012, 0]]), 2012, 'stock')).toEqual({ value: 0, carried: false, startedLater: false });
  });

  it('carries the latest earlier total, not the nearest year', () => {
    // Y = 2019: earlier years 2010 (3) and 2015 (5) → latest is 2015 → 5,
    // even though 2020 (7) is nearer (1 year away vs 4).
    expect(valueAt(s, 2019, 'stock')).toEqual({ value: 5, carried: true, startedLater: false });
    // Y = 2014: earlier is only 2010 → 3 (2015 is nearer but later).
    expect(valueAt(s, 2014, 'service')).toEqual({ value: 3, carried: true, startedLater: false });
    // Y after the last year: 2020 carried.
    expect(valueAt(s, 2030, 'stock')).toEqual({ value: 7, carried: true, startedLater: false });
  });

  it('a service series that starts after Y counts 0 (started later)', () => {
    expect(valueAt(s, 2009, 'service')).toEqual({ value: 0, carried: false, startedLater: true });
  });

  it('a stock series (beds, population) that starts after Y is unknown', () => {
    expect(valueAt(s, 2009, 'stock')).toBeUndefined();
  });

  it('a missing series: service → 0 started later, stock → unknown', () => {
    expect(valueAt(undefined, 2015, 'service')).toEqual({ value: 0, carried: false, startedLater: true });
    expect(valueAt(undefined, 2015, 'stock')).toBeUndefined();
    expect(valueAt(new Map(), 2015, 'stock')).toBeUndefined();
  });

  it('a series with only later years: never borrows from the future', () => {
    const later = series([[2021, 9], [2025, 11]]);
    expect(valueAt(later, 2020, 'stock')).toBeUndefined();
    expect(valueAt(later, 2020, 'service')).toEqual({ value: 0, carried: false, startedLater: true });
    // 2023 lies between: 2021 is carried (9), not 2025.
    expect(valueAt(later, 2023, 'stock')).toEqual({ value: 9, carried: true, startedLater: false });
  });
});
