// What `explain REGION` says about a region besides its values (SPEC §8): its rank with the
// regions just above and below it, the level asked for (null without --level), why it is not
// ranked (null when it is), whether it has community data, and the fill and missing-community
// rules in force (SPEC §3 defaults: carry, exclude). From the library, a weight table without a
// pair of the data gives that series a weight of 0, shown as "no weight".
import { describe, expect, it } from 'vitest';
import { runExplain } from '../../src/app/explain.js';
import { explainRegion } from '../../src/core/explain.js';
import { loadDataset } from '../../src/io/load-dataset.js';
import { inputFiles as files } from '../helpers/input-files.js';


// A, B, C: 100,000 people in 2010 and 2020; crisis beds 1 in 2010 (carried: community change 0).
// Beds 50 → 20 (A), 50 → 40 (B), 10 → 10 (C): vacuum 30, 10 and 0 bed-equivalents.
const THREE = () =>
  files({
    regions: 'region\nA\nB\nC\n',
    population: 'region,year,population\nA,2010,100000\nA,2020,100000\nB,2010,100000\nB,2020,100000\nC,2010,100000\nC,2020,100000\n',
    beds: 'region,year,beds\nA,2010,50\nA,2020,20\nB,2010,50\nB,2020,40\nC,2010,10\nC,2020,10\n',
    services: 'region,year,service,capacity,unit\nA,2010,crisis,1,beds\nB,2010,crisis,1,beds\nC,2010,crisis,1,beds\n',
  });

// SPEC §3's order: divide by the population, then multiply by 100,000 (in floating point 30 / 1e5
// × 1e5 may miss 30 by the last digit: the expected values are these expressions).
const perCapita = (x: number) => (x / 100_000) * 100_000;

describe('explain, rank and the fields around the values', () => {
  it('the rank of the middle region, with the region above and the one below and their values', async () => {
    const e = (await runExplain({ region: 'B', inputs: THREE(), config: false })).explanation;
    // by vacuum_per_100k, largest first: A (30), B (10), C (0)
    expect(e.rank).toEqual({
      rank: 2,
      of: 3,
      sort: 'vacuum_per_100k',
      value: perCapita(10),
      above: { rank: 1, region: 'A', value: perCapita(30) },
      below: { rank: 3, region: 'C', value: 0 },
    });
    expect([e.status, e.reason, e.level, e.community.has_data]).toEqual(['ranked', null, null, true]);
  });

  it('from the library with no options: the rules in force are carry and exclude (SPEC §3)', async () => {
    const { dataset } = await loadDataset(THREE());
    const e = explainRegion(dataset, 'A');
    expect([e.fill, e.missing_community, e.rank?.rank, e.rank?.above]).toEqual(['carry', 'exclude', 1, null]);
  });

  it('from the library, a weight table without the data\'s pair: weight 0, "no weight"', async () => {
    const { dataset } = await loadDataset(THREE());
    const e = explainRegion(dataset, 'A', { weights: new Map() });
    expect(e.community.series.map((s) => [s.weight, s.from_be, s.to_be])).toEqual([
      [{ category: 'crisis', unit: 'beds', value: 0, low: 0, high: 0, source: 'no weight', set_by: 'default' }, 0, 0],
    ]);
  });
});
