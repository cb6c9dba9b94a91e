// explainRegion from the library (core/explain.ts) with inputs a caller may build by hand: a
// loader's trace passed without the taxonomy's lookup (the beds and population rows are cited;
// service rows cannot be matched to a category, so none is cited, and nothing fails), and a
// dataset whose year series are plain Maps with the years in any order (YearSeries is a
// Map<number, number>): a carried value cites the latest year before it, an interpolated one the
// nearest years on each side, as series.ts valueAt picks them.
import { describe, expect, it } from 'vitest';
import { RowTrace } from '../../src/core/explain-trace.js';
import { explainRegion } from '../../src/core/explain.js';
import { type DatasetInputs, loadDataset } from '../../src/io/load-dataset.js';

const inputs = (): DatasetInputs => ({
  regions: { name: 'regions.csv', content: 'region\nA\n' },
  population: { name: 'population.csv', content: 'region,year,population\nA,2010,100000\nA,2020,100000\n' },
  beds: { name: 'beds.csv', content: 'region,year,beds\nA,2010,50\nA,2020,30\n' },
  services: { name: 'services.csv', content: 'region,year,service,capacity,unit\nA,2010,crisis,1,teams\nA,2020,crisis,2,teams\n' },
});

describe('explainRegion with hand-built inputs', () => {
  it('a trace without a lookup: beds and population rows cited, service rows not', async () => {
    const trace = new RowTrace('A');
    const { dataset } = await loadDataset(inputs(), { trace });
    const e = explainRegion(dataset, 'A', { trace: { rows: trace.rows, crosswalk: trace.crosswalk } });
    expect(e.beds.from!.rows).toEqual([{ file: 'beds.csv', line: 2, region: 'A', value: 50, share: 1 }]);
    expect(e.population.to.rows).toEqual([{ file: 'population.csv', line: 3, region: 'A', value: 100000, share: 1 }]);
    // the value and its rule are still there (crisis/teams 1 at 2010, exact)
    expect(e.community.series[0]!.from).toEqual({ year: 2010, value: 1, rule: 'exact', source_years: [2010], rows: [] });
  });

  it('plain Map series with the years out of order: the years cited are the nearest ones', async () => {
    const { dataset } = await loadDataset(inputs());
    // beds of A given as 2022: 60, 2015: 70, 2008: 90, 2012: 80 (in that order). Under carry
    // (the default) B = 2014 takes 2012's 80 and T = 2020 takes 2015's 70: the latest year
    // before each. Under --fill linear each lies between the nearest years on either side:
    // 2014 between 2012 and 2015, 2020 between 2015 and 2022.
    const beds = new Map([
      [2022, 60],
      [2015, 70],
      [2008, 90],
      [2012, 80],
    ]);
    const own = { ...dataset, beds: { shape: 'stock' as const, byRegion: new Map([['A', beds]]) } };
    const carried = explainRegion(own, 'A', { from: 2014, to: 2020 });
    expect([carried.beds.from, carried.beds.to].map((v) => [v!.value, v!.rule, v!.source_years])).toEqual([
      [80, 'carried_forward', [2012]],
      [70, 'carried_forward', [2015]],
    ]);
    const linear = explainRegion(own, 'A', { from: 2014, to: 2020, fill: 'linear' });
    expect(linear.beds.from).toMatchObject({ rule: 'interpolated', source_years: [2012, 2015] });
    expect(linear.beds.from!.value).toBeCloseTo(80 + (-10 * 2) / 3, 12);
    // 2020 between 2015 and 2022: 70 + (60 − 70) × 5/7
    expect(linear.beds.to).toMatchObject({ rule: 'interpolated', source_years: [2015, 2022] });
    expect(linear.beds.to!.value).toBeCloseTo(70 - 50 / 7, 12);
  });
});
