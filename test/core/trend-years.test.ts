// A trend region keeps its years as numbers and makes them into objects when read (issue 18,
// src/core/trend-years.ts): what is read must be exactly the years it was given — every field, nulls,
// flags and key order — and the region must behave as a plain object to JSON, zod, spread,
// structured clone (worker threads) and equality.
import { describe, expect, it } from 'vitest';
import { TrendRegionSchema, type TrendYear } from '../../src/core/trend-schema.js';
import { trendRegion } from '../../src/core/trend-years.js';
import { yearRows } from '../helpers/year-rows.js';

const year = (y: number, overrides: Partial<TrendYear> = {}): TrendYear => ({
  year: y,
  population: 26073,
  beds_from: 19,
  beds_to: 18,
  bed_change: -1,
  beds_closed: 1,
  community_from_be: 3215.7300000000005,
  community_to_be: 2591.8550000000005,
  community_change_be: -623.875,
  net_change_be: -624.875,
  vacuum_be: 624.875,
  vacuum_per_100k: 2387.1146426252053,
  replacement_ratio: -623.875,
  capacity_per_100k_from: 12406.435776473749,
  capacity_per_100k_to: 9970.03094319441,
  rate_drop_per_100k: 2436.404833279339,
  coverage_index: 1,
  flags: [],
  categories_not_reported: [],
  ...overrides,
});

const YEARS: TrendYear[] = [
  year(2015),
  // Every nullable field null, a flag and a category not reported, a negative zero and a tiny fraction.
  year(2016, {
    beds_from: null,
    beds_to: null,
    replacement_ratio: null,
    capacity_per_100k_from: null,
    capacity_per_100k_to: null,
    rate_drop_per_100k: null,
    coverage_index: null,
    bed_change: -0,
    community_change_be: 5e-324,
    flags: ['carried_forward', 'partial_community'],
    categories_not_reported: ['crisis'],
  }),
  year(2018, { population: 1e9, vacuum_per_100k: 0.1 + 0.2 }),
];
const HEAD = { region: 'R1', name: 'Åland region 1 → القاهرة', first_vacuum_year: 2015, peak_vacuum_per_100k: 2387.1146426252053, peak_year: 2015, open: true };
const GAPS = [{ year: 2017, reason: 'population' }];

describe('trendRegion', () => {
  const region = trendRegion(3, HEAD, yearRows(YEARS), GAPS);
  const plain = { rank: 3, ...HEAD, years: YEARS, excluded_years: GAPS };

  it('gives back exactly the years it was given: every value, null, flag and key order', () => {
    expect(region.years).toStrictEqual(YEARS);
    expect(JSON.stringify(region.years)).toBe(JSON.stringify(YEARS));
    expect(region.years.map((y) => Object.keys(y))).toEqual(YEARS.map((y) => Object.keys(y)));
    expect(Object.is(region.years[1]!.bed_change, -0)).toBe(true);
    expect(region.years[1]!.community_change_be).toBe(5e-324);
    expect(region.years[2]!.vacuum_per_100k).toBe(0.30000000000000004);
  });

  it('is a plain region to JSON, zod, spread, structured clone and equality; keys in the schema order', () => {
    expect(Object.keys(region)).toEqual(Object.keys(TrendRegionSchema.shape));
    expect(JSON.stringify(region)).toBe(JSON.stringify(plain));
    expect(TrendRegionSchema.parse(region)).toStrictEqual(plain);
    expect({ ...region }).toStrictEqual(plain);
    expect(structuredClone(region)).toStrictEqual(plain);
    expect(region).toEqual(plain);
  });

  it('each reading is a fresh array: changing one leaves the next as it was', () => {
    const first = region.years;
    first[1]!.flags.push('interpolated');
    first.pop();
    expect(region.years).toStrictEqual(YEARS);
    expect(region.years).not.toBe(region.years);
  });

  it('a region without years reads as an empty array', () => {
    expect(trendRegion(1, HEAD, yearRows([]), []).years).toEqual([]);
  });
});
