// Missing is not zero (SPEC §8, core/completeness.ts): a series with no year in it is no row. A
// dataset the core is handed (here built by hand, as a library caller or a regrouping may hand
// one) can hold a region's series or bed stock with no year; each answer about community data,
// categories reported and norms measured counts only series with at least one year.
import { describe, expect, it } from 'vitest';
import { categoriesNotReported, hasCommunityData, normMeasured, reportedCategories } from '../../src/core/completeness.js';
import type { Dataset, ServiceSeries } from '../../src/core/dataset.js';
import { resolveNorms } from '../../src/core/norms.js';

const series = (category: ServiceSeries['category'], unit: ServiceSeries['unit'], years: [number, number][]): [string, ServiceSeries] => [
  `${category}/${unit}`,
  { category, unit, years: new Map(years) },
];

describe('a series with no year is no row', () => {
  it('community data, categories reported and not reported', () => {
    // A: crisis teams in 2010. B: a crisis-team series and a supported-living series, both empty.
    const dataset: Dataset = {
      regions: new Map([
        ['A', { code: 'A', name: 'A' }],
        ['B', { code: 'B', name: 'B' }],
      ]),
      population: new Map(),
      beds: { shape: 'none' },
      services: new Map([
        ['A', new Map([series('crisis', 'teams', [[2010, 1]])])],
        ['B', new Map([series('crisis', 'teams', []), series('supported_living', 'places', [])])],
      ]),
      serviceNames: new Map(),
      warnings: [],
    };
    expect(hasCommunityData(dataset, 'A')).toBe(true);
    expect(hasCommunityData(dataset, 'B')).toBe(false);
    // Only A's crisis series has a year: supported_living is reported by no region.
    expect(reportedCategories(dataset)).toEqual(['crisis']);
    // B has no crisis row (its crisis series is empty): crisis is a category B does not report.
    expect(categoriesNotReported(dataset, 'B')).toEqual(['crisis']);
    expect(categoriesNotReported(dataset, 'A')).toEqual([]);
  });

  it('a norm is not measured by empty series or an empty bed stock', () => {
    // psychiatric_beds counts beds.csv beds (a stock) and crisis/beds among others;
    // supported_living counts supported_living/places (defaults.ts, SPEC §7).
    const [beds, living] = resolveNorms();
    const dataset: Dataset = {
      regions: new Map([['A', { code: 'A', name: 'A' }]]),
      population: new Map(),
      beds: { shape: 'stock', byRegion: new Map([['A', new Map()]]) },
      services: new Map([['A', new Map([series('crisis', 'beds', []), series('supported_living', 'places', [])])]]),
      serviceNames: new Map(),
      warnings: [],
    };
    expect(beds!.norm).toBe('psychiatric_beds');
    expect(living!.norm).toBe('supported_living');
    expect(normMeasured(dataset, beds!)).toBe(false);
    expect(normMeasured(dataset, living!)).toBe(false);
    // One region with a bed count is enough, whatever the others hold: A 60 beds in 2020, B none.
    const oneRegion: Dataset = {
      ...dataset,
      regions: new Map([
        ['A', { code: 'A', name: 'A' }],
        ['B', { code: 'B', name: 'B' }],
      ]),
      beds: {
        shape: 'stock',
        byRegion: new Map([
          ['A', new Map([[2020, 60]])],
          ['B', new Map()],
        ]),
      },
    };
    expect(normMeasured(oneRegion, beds!)).toBe(true);
  });
});
