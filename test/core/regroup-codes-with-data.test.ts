// codesWithData (core/regroup.ts): the codes with a figure of any kind, which makes a region a
// data leaf of the tree (hierarchy.ts). A code present in a map with no year in its series has
// no figure: it must not count, whatever the kind.
import { describe, expect, it } from 'vitest';
import type { Dataset, ServiceSeries } from '../../src/core/dataset.js';
import { codesWithData } from '../../src/core/regroup.js';

const series = (...pairs: [number, number][]) => new Map(pairs);
const service = (years: Map<number, number>): ServiceSeries => ({ category: 'crisis', unit: 'beds', years });

function dataset(parts: Partial<Pick<Dataset, 'population' | 'beds' | 'services'>>): Dataset {
  return {
    regions: new Map(),
    population: parts.population ?? new Map(),
    beds: parts.beds ?? { shape: 'none' },
    services: parts.services ?? new Map(),
    serviceNames: new Map(),
    warnings: [],
  };
}

describe('codesWithData', () => {
  it('counts a code with at least one year of population, beds or services', () => {
    const d = dataset({
      population: new Map([
        ['P', series([2010, 5])],
        ['P0', series()],
      ]),
      beds: {
        shape: 'stock',
        byRegion: new Map([
          ['B', series([2010, 0])],
          ['B0', series()],
        ]),
      },
      services: new Map([
        ['S', new Map([['crisis/beds', service(series())], ['crisis/teams', service(series([2012, 1]))]])],
        ['S0', new Map([['crisis/beds', service(series())]])],
        ['SX', new Map()],
      ]),
    });
    // P, B (a figure of 0 beds is a figure) and S (one of its two series has a year); not P0,
    // B0, S0 or SX, whose series are empty
    expect([...codesWithData(d)].sort()).toEqual(['B', 'P', 'S']);
  });

  it('closure events are figures too; no beds file has none', () => {
    const events = dataset({ beds: { shape: 'events', byRegion: new Map([['E', series([2012, -3])], ['E0', series()]]) } });
    expect([...codesWithData(events)]).toEqual(['E']);
    expect([...codesWithData(dataset({}))]).toEqual([]);
  });
});
