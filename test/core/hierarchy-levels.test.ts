// Levels of the regions' tree (core/hierarchy.ts) on datasets built in memory, as a library user
// may build them: a parent not among the regions counts as none (the region is a root, level 1),
// and regionLevel gives each region's level counted from the top.
import { describe, expect, it } from 'vitest';
import type { Dataset, RegionInfo } from '../../src/core/dataset.js';
import { levelSelection, regionLevel, selectLevel } from '../../src/core/hierarchy.js';

const regions = (...rows: [string, string?][]) => new Map<string, RegionInfo>(rows.map(([code, parent]) => [code, { code, name: code, parent }]));

function dataset(r: Map<string, RegionInfo>, population: [string, number][]): Dataset {
  return {
    regions: r,
    population: new Map(population.map(([code, p]) => [code, new Map([[2010, p]])])),
    beds: { shape: 'none' },
    services: new Map(),
    serviceNames: new Map(),
    warnings: [],
  };
}

describe('levels of the tree', () => {
  it('regionLevel counts from the top: 1 for a region without a parent', () => {
    // W ⊃ C ⊃ M, listed child first; V alone
    const r = regions(['M', 'C'], ['C', 'W'], ['W'], ['V']);
    expect(['W', 'C', 'M', 'V', 'nowhere'].map((c) => regionLevel(r, c))).toEqual([1, 2, 3, 1, undefined]);
  });

  it('a parent not among the regions counts as none: the region is a root', () => {
    // A's parent GONE is not a region: A is at level 1, its child B at level 2
    const r = regions(['A', 'GONE'], ['B', 'A']);
    expect([regionLevel(r, 'A'), regionLevel(r, 'B')]).toEqual([1, 2]);
    const d = dataset(r, [['B', 100]]);
    // --rollup ranks one level above the deepest data leaf B (level 2): level 1, A with B's figures
    expect(levelSelection(d, { rollup: true }).level).toBe(1);
    const rolled = selectLevel(d, { rollup: true });
    expect([...rolled.regions.keys()]).toEqual(['A']);
    expect(rolled.population.get('A')).toEqual(new Map([[2010, 100]]));
    // levelSelection: the same units from the same plan, with the level ranked.
    for (const choice of [{}, { rollup: true }, { level: 1 }, { level: 2 }]) expect(levelSelection(d, choice).dataset).toEqual(selectLevel(d, choice));
    expect(levelSelection(d, { level: 2 }).level).toBe(2);
    expect(levelSelection(d).level).toBeUndefined();
  });
});
