// `explain` under --fill linear (SPEC §8: each value with the rule used and the rows it came
// from): an interpolated value cites both years it lies between and the rows of each.
import { describe, expect, it } from 'vitest';
import { runExplain } from '../../src/app/explain.js';
import { inputFiles as files } from '../helpers/input-files.js';


describe('explain, interpolated values', () => {
  it('cites the year before and the year after, with their rows', async () => {
    const e = (
      await runExplain({
        region: 'A',
        inputs: files({
          regions: 'region\nA\n',
          population: 'region,year,population\nA,2010,1000\n',
          // beds 100 (2010), 40 (2018), 60 (2022): at 2014, between 2010 and 2018: 100 + (40 − 100) × 4/8 = 70
          beds: 'region,year,beds\nA,2022,60\nA,2010,100\nA,2018,40\n',
          services: 'region,year,service,capacity,unit\nA,2010,crisis,1,beds\n',
        }),
        from: 2014,
        to: 2022,
        fill: 'linear',
        config: false,
      })
    ).explanation;
    expect(e.beds.from).toEqual({
      year: 2014,
      value: 70,
      rule: 'interpolated',
      source_years: [2010, 2018],
      rows: [
        { file: 'beds.csv', line: 3, region: 'A', value: 100, share: 1 },
        { file: 'beds.csv', line: 4, region: 'A', value: 40, share: 1 },
      ],
    });
    // population at T 2022: 2010's 1000 carried (nothing after to interpolate towards)
    expect(e.population.to).toMatchObject({ value: 1000, rule: 'carried_forward', source_years: [2010] });
  });
});
