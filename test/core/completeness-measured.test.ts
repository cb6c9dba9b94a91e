// Whether a norm is measured anywhere in a dataset (core/completeness.ts, normMeasured; SPEC §8:
// a norm measured nowhere is null, never a gap): by beds.csv beds (a stock, with a count) when the
// norm counts them, or by a service row in one of its own (category, unit) series.
import { describe, expect, it } from 'vitest';
import { normMeasured } from '../../src/core/completeness.js';
import { resolveNorms } from '../../src/core/norms.js';
import { loadDataset } from '../../src/io/load-dataset.js';

async function dataset(beds: string, services: string) {
  const { dataset } = await loadDataset({
    regions: { name: 'regions.csv', content: 'region\nA\n' },
    population: { name: 'population.csv', content: 'region,year,population\nA,2010,100000\nA,2020,100000\n' },
    beds: { name: 'beds.csv', content: beds },
    services: { name: 'services.csv', content: `region,year,service,capacity,unit\n${services}` },
  });
  return dataset;
}

describe('normMeasured', () => {
  it('psychiatric_beds (counts beds.csv beds): measured by a stock, not by an events file alone', async () => {
    const [beds] = resolveNorms();
    // a stock file with a count, and no service beds at all
    expect(normMeasured(await dataset('region,year,beds\nA,2020,60\n', 'A,2020,botilbud,30,places\n'), beds!)).toBe(true);
    // an events file: closures, no stock; and no service in unit beds of its categories
    expect(normMeasured(await dataset('region,date,beds_closed\nA,2015,10\n', 'A,2020,botilbud,30,places\n'), beds!)).toBe(false);
    // an events file, but a crisis bed row (crisis/beds is one of its measures)
    expect(normMeasured(await dataset('region,date,beds_closed\nA,2015,10\n', 'A,2020,crisis,2,beds\n'), beds!)).toBe(true);
  });

  it('a norm that does not count beds.csv beds is measured only by its own service series', async () => {
    const [, living, teams] = resolveNorms();
    const d = await dataset('region,year,beds\nA,2020,60\n', 'A,2020,botilbud,30,places\n');
    // supported_living counts supported_living/places; crisis_teams counts crisis/teams only
    expect(normMeasured(d, living!)).toBe(true);
    expect(normMeasured(d, teams!)).toBe(false);
    // crisis beds are not crisis teams
    expect(normMeasured(await dataset('region,year,beds\nA,2020,60\n', 'A,2020,crisis,2,beds\n'), teams!)).toBe(false);
  });
});
