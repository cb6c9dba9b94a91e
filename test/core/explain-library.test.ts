// explainRegion called from the library (core/explain.ts) rather than through runExplain: with no
// options at all it takes SPEC §4's default weights and norms and, without a loader's trace, cites
// no rows; with a weight table of the caller's own it explains with those weights. The numbers are
// worked by hand from SPEC §3.
import { describe, expect, it } from 'vitest';
import { explainRegion } from '../../src/core/explain.js';
import { resolveWeights } from '../../src/core/weights.js';
import { loadDataset } from '../../src/io/load-dataset.js';

// A, 2010 → 2020: beds 50 → 30, population 100,000 both years, crisis teams 1 → 2.
const load = async () =>
  (
    await loadDataset({
      regions: { name: 'regions.csv', content: 'region\nA\n' },
      population: { name: 'population.csv', content: 'region,year,population\nA,2010,100000\nA,2020,100000\n' },
      beds: { name: 'beds.csv', content: 'region,year,beds\nA,2010,50\nA,2020,30\n' },
      services: { name: 'services.csv', content: 'region,year,service,capacity,unit\nA,2010,crisis,1,teams\nA,2020,crisis,2,teams\n' },
    })
  ).dataset;

const stepValues = (steps: readonly { metric: string; value: number | null }[]) => Object.fromEntries(steps.map((s) => [s.metric, s.value]));

describe('explainRegion from the library', () => {
  it('no options: default weights (crisis/teams 12.5, SPEC §4), no trace so no rows cited', async () => {
    const e = explainRegion(await load(), 'A');
    // By hand: bed_change 30 − 50 = −20; community 12.5 × 1 = 12.5 at B, 12.5 × 2 = 25 at T,
    // change 12.5; net −20 + 12.5 = −7.5; vacuum 7.5; per 100k 7.5 / 100,000 × 100,000 = 7.5.
    expect(e.status).toBe('ranked');
    expect(e.community.series.map((s) => [s.category, s.unit, s.weight.value, s.from_be, s.to_be])).toEqual([['crisis', 'teams', 12.5, 12.5, 25]]);
    // (7.5 / 100,000 × 100,000 is 7.499999999999999 in binary floating point: close to, not equal.)
    expect(stepValues(e.steps)).toMatchObject({ bed_change: -20, community_change_be: 12.5, net_change_be: -7.5, vacuum_be: 7.5 });
    expect(e.metrics?.vacuum_per_100k).toBeCloseTo(7.5, 12);
    // Each value keeps its rule and year, but no loader traced the rows behind it.
    expect(e.beds.from).toEqual({ year: 2010, value: 50, rule: 'exact', source_years: [2010], rows: [] });
    expect(e.beds.to).toEqual({ year: 2020, value: 30, rule: 'exact', source_years: [2020], rows: [] });
    expect(e.population.to).toEqual({ year: 2020, value: 100000, rule: 'exact', source_years: [2020], rows: [] });
    expect(e.community.series[0]!.to).toEqual({ year: 2020, value: 2, rule: 'exact', source_years: [2020], rows: [] });
  });

  it('the caller’s own weights: crisis/teams 4 is the weight shown and the one the steps use', async () => {
    const weights = resolveWeights({ weights: { crisis: { teams: 4 } } });
    const e = explainRegion(await load(), 'A', { weights });
    // By hand: community 4 × 1 = 4 at B, 4 × 2 = 8 at T, change 4; net −20 + 4 = −16; vacuum 16;
    // per 100k 16 / 100,000 × 100,000 = 16.
    expect(e.community.series.map((s) => [s.weight.value, s.weight.source, s.from_be, s.to_be])).toEqual([[4, 'set in the config file', 4, 8]]);
    expect(stepValues(e.steps)).toMatchObject({ community_change_be: 4, net_change_be: -16, vacuum_be: 16 });
    expect(e.metrics?.vacuum_per_100k).toBeCloseTo(16, 12);
  });
});
