// A trend region keeps its years as numbers (core/trend-years.ts, issue 18): one row of numbers
// per year (null as NaN) written by writeYearRow in the schema's key order, read back by the
// region's years getter.
import { describe, expect, it } from 'vitest';
import type { TrendYear } from '../../src/core/trend-schema.js';
import { trendRegion, writeYearRow } from '../../src/core/trend-years.js';
import { yearRows } from '../helpers/year-rows.js';

const year = (y: number, flags: TrendYear['flags'], categories: TrendYear['categories_not_reported']): TrendYear => ({
  year: y,
  population: 1000,
  beds_from: 10,
  beds_to: 8,
  bed_change: -2,
  beds_closed: 2,
  community_from_be: 1,
  community_to_be: 1.5,
  community_change_be: 0.5,
  net_change_be: -1.5,
  vacuum_be: 1.5,
  vacuum_per_100k: 150,
  replacement_ratio: 0.25,
  capacity_per_100k_from: null,
  capacity_per_100k_to: 950,
  rate_drop_per_100k: null,
  coverage_index: 0.5,
  flags,
  categories_not_reported: categories,
});

describe('writeYearRow', () => {
  it('one row of numbers per year, in the schema’s key order, null as NaN', () => {
    const values = new Float64Array(2 * 16).fill(7);
    const y = year(2015, [], []);
    writeYearRow(values, 1, y.population, y.beds_from, y.beds_to, y, y.coverage_index);
    // The 16 numbers of the year above from population to coverage_index (TrendYearSchema's
    // order), in the second row; the first untouched.
    expect([...values.subarray(16)]).toEqual([1000, 10, 8, -2, 2, 1, 1.5, 0.5, -1.5, 1.5, 150, 0.25, NaN, 950, NaN, 0.5]);
    expect([...values.subarray(0, 16)]).toEqual(new Array(16).fill(7));
  });

  it('the years read back from the rows are the year objects: every field, null and key order', () => {
    const years = [year(2015, [], []), year(2016, ['carried_forward'], ['crisis']), { ...year(2017, [], []), vacuum_per_100k: null as never, population: 1234.5, beds_from: null }];
    const region = trendRegion(1, { region: 'A', name: 'Agder', first_vacuum_year: 2015, peak_vacuum_per_100k: 150, peak_year: 2015, open: true }, yearRows(years), []);
    expect(region.years).toEqual(years);
    expect(region.years.map((y) => Object.keys(y))).toEqual(years.map((y) => Object.keys(y)));
  });
});

describe('a trend region’s years, changed by a caller', () => {
  it('can be assigned and deleted as on a plain region (no TypeError in strict mode)', () => {
    const kept = [year(2015, [], [])];
    const region = trendRegion(1, { region: 'A', name: 'A', first_vacuum_year: 2015, peak_vacuum_per_100k: 150, peak_year: 2015, open: true }, yearRows(kept), []);
    expect(region.years).toEqual(kept);
    const replaced = [year(2020, ['interpolated'], ['crisis'])];
    region.years = replaced;
    expect(region.years).toBe(replaced);
    expect(Object.keys(region)).toEqual(['rank', 'region', 'name', 'first_vacuum_year', 'peak_vacuum_per_100k', 'peak_year', 'open', 'years', 'excluded_years']);
    expect(JSON.parse(JSON.stringify(region)).years).toEqual(replaced);
    // and again, as a plain property can be
    region.years = [];
    expect(region.years).toEqual([]);
    delete (region as Partial<typeof region>).years;
    expect('years' in region).toBe(false);
  });
});
