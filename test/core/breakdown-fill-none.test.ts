// The HTML report's community change by category (core/breakdown.ts) under --fill none: a
// category whose value is unknown at B or at T (no figure for that year, nothing carried) has no
// change to show and is left out, never shown as a change from or to 0 (missing is not zero,
// SPEC §8).
import { describe, expect, it } from 'vitest';
import { categoryBreakdown, reportDetails } from '../../src/core/breakdown.js';
import { loadDataset } from '../../src/io/load-dataset.js';

async function load() {
  return loadDataset({
    regions: { name: 'regions.csv', content: 'region\nA\n' },
    population: { name: 'population.csv', content: 'region,year,population\nA,2010,1000\n' },
    beds: { name: 'beds.csv', content: 'region,year,beds\nA,2010,10\nA,2020,5\n' },
    // crisis beds (w 1): 2010 and 2020, nothing in 2015; supported_living places (botilbud, w 1):
    // 2010 and 2015, nothing in 2020; outreach teams (ACT-team, w 10): 2015 and 2020.
    services: {
      name: 'services.csv',
      content: [
        'region,year,service,capacity,unit',
        'A,2010,crisis,4,beds',
        'A,2020,crisis,10,beds',
        'A,2010,botilbud,3,places',
        'A,2015,botilbud,2,places',
        'A,2015,ACT-team,1,teams',
        'A,2020,ACT-team,2,teams',
      ].join('\n'),
    },
  });
}

describe('categoryBreakdown under --fill none', () => {
  it('leaves out a category unknown at B or at T', async () => {
    const { dataset, weights } = await load();
    // 2015 → 2020: crisis is unknown at 2015 (between 2010 and 2020, not carried), supported
    // living unknown at 2020; outreach 1 → 2 teams × 10 = 10 → 20.
    expect(categoryBreakdown(dataset, 'A', { from: 2015, to: 2020 }, weights, 'none')).toEqual([{ category: 'outreach', from_be: 10, to_be: 20, change_be: 10 }]);
    // Carried forward instead (the default), every category has a value at B and T, in the
    // taxonomy's order: crisis 4 (2010, carried) → 10; outreach 10 → 20; supported living 2 → 2 (carried).
    expect(categoryBreakdown(dataset, 'A', { from: 2015, to: 2020 }, weights)).toEqual([
      { category: 'crisis', from_be: 4, to_be: 10, change_be: 6 },
      { category: 'outreach', from_be: 10, to_be: 20, change_be: 10 },
      { category: 'supported_living', from_be: 2, to_be: 2, change_be: 0 },
    ]);
  });

  it('reportDetails passes the fill rule on to the categories and the yearly series', async () => {
    const { dataset, weights } = await load();
    const none = reportDetails(dataset, ['A'], { from: 2015, to: 2020 }, weights, 'none').regions.get('A')!;
    expect(none.categories.map((c) => c.category)).toEqual(['outreach']);
    // years 2015 and 2020; beds are unknown at 2015 under none (2010's 10 not carried), 5 at 2020
    // an unknown value is not a carried one
    expect(none.series.map((p) => [p.year, p.beds, p.beds_carried])).toEqual([
      [2015, null, false],
      [2020, 5, false],
    ]);
    const carry = reportDetails(dataset, ['A'], { from: 2015, to: 2020 }, weights).regions.get('A')!;
    expect(carry.categories.map((c) => c.category)).toEqual(['crisis', 'outreach', 'supported_living']);
    expect(carry.series.map((p) => [p.year, p.beds, p.beds_carried])).toEqual([
      [2015, 10, true],
      [2020, 5, false],
    ]);
  });
});
