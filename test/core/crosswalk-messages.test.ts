// Crosswalk messages (core/crosswalk.ts) where the wording depends on counts and on where a chain
// ends: figures stranded on a code that a later reform maps only for earlier years, many years
// stranded, several unused rows, several rows without a year. Each message is written here by
// hand from the rule it states.
import { describe, expect, it } from 'vitest';
import { applyCrosswalk, buildCrosswalk, type CrosswalkRow, crosswalkResolver, strandedIssues } from '../../src/core/crosswalk.js';
import type { RegionInfo } from '../../src/core/dataset.js';
import type { InputIssue } from '../../src/core/issues.js';
import { loadDataset } from '../../src/io/load-dataset.js';
import { inputIssues, withoutField } from '../helpers/input-issues.js';

const load = (regions: string, crosswalk: string, population: string) =>
  loadDataset({
    regions: { name: 'regions.csv', content: regions },
    crosswalk: { name: 'crosswalk.csv', content: crosswalk },
    population: { name: 'population.csv', content: population },
    services: 'none',
  });

async function issuesOf(regions: string, crosswalk: string, population: string): Promise<InputIssue[]> {
  return (await inputIssues(load(regions, crosswalk, population))).map(withoutField);
}

const regionsOf = (...codes: string[]) => new Map<string, RegionInfo>(codes.map((code) => [code, { code, name: code }]));
const rows = (...r: [string, string, number, number?][]): CrosswalkRow[] => r.map(([from, to, share, year], i) => ({ from, to, share, year, line: i + 2 }));

describe('crosswalk messages', () => {
  it('figures that end through a chain on a code that is not a region name where they end', async () => {
    // OLD → MID in every year; MID → NEW only for years before 2015. OLD's figure of 2016 goes
    // to MID, which keeps its 2016 figures: MID is not a region.
    const issues = await issuesOf('region\nNEW\n', 'from,to,share,year\nOLD,MID,1,\nMID,NEW,1,2015\n', 'region,year,population\nNEW,2016,5\nOLD,2016,10\n');
    expect(issues).toEqual([
      {
        file: 'population.csv',
        line: 3,
        columns: ['region'],
        message: 'the figures of "OLD" for 2016 belong to no region: they end on "MID" through the crosswalk, and "MID" is not in regions.csv',
      },
    ]);
  });

  it('shows the first five years stranded and how many more', async () => {
    // 07 → 38 for years before 2010; 07's figures of 2010 to 2016 (seven years) stay with 07
    const population = ['region,year,population', ...[2016, 2015, 2014, 2013, 2012, 2011, 2010].map((y) => `07,${y},1`)].join('\n');
    const issues = await issuesOf('region\n38\n', 'from,to,share,year\n07,38,1,2010\n', population);
    expect(issues.map((i) => [i.line, i.message])).toEqual([
      [2, 'the figures of "07" for 2010, 2011, 2012, 2013, 2014 and 2 more belong to no region: the crosswalk maps "07" only for years before 2010, and "07" is not in regions.csv'],
    ]);
  });

  it('exactly five years stranded: all five shown, no "and 0 more"', () => {
    // 07 → 38 for years before 2010; 07's figures of 2010 to 2014 (five years) stay with 07.
    const { crosswalk } = buildCrosswalk(rows(['07', '38', 1, 2010]), regionsOf('38'), 'cw.csv');
    const stranded = new Map([['07', new Map([2014, 2012, 2010, 2013, 2011].map((y) => [y, '07']))]]);
    expect(strandedIssues(stranded, crosswalk, () => ({ file: 'population.csv', line: 4 }))).toEqual([
      {
        file: 'population.csv',
        line: 4,
        columns: ['region'],
        message: 'the figures of "07" for 2010, 2011, 2012, 2013, 2014 belong to no region: the crosswalk maps "07" only for years before 2010, and "07" is not in regions.csv',
      },
    ]);
  });

  it('rows of one code with and without a year: every row without one is named', () => {
    const { issues } = buildCrosswalk(rows(['Q', 'A', 0.5, 2020], ['Q', 'A', 0.5], ['Q', 'B', 0.5], ['Q', 'B', 0.5, 2020]), regionsOf('A', 'B'), 'cw.csv');
    expect(issues).toEqual([
      {
        file: 'cw.csv',
        line: 3,
        columns: ['year'],
        message: 'the rows of "Q" mix rows with a year and without one (lines 3, 4 have none): give every row of a code a year, or none',
      },
    ]);
  });

  it('a crosswalk code without figures: all its rows named in the warning', () => {
    const { crosswalk, issues } = buildCrosswalk(rows(['X', 'A', 0.5], ['X', 'B', 0.5]), regionsOf('A', 'B'), 'cw.csv');
    expect(issues).toEqual([]);
    const result = applyCrosswalk(
      { regions: regionsOf('A', 'B'), population: new Map(), beds: { shape: 'none' }, services: new Map(), serviceNames: new Map(), warnings: [] },
      crosswalk,
    );
    expect(result.dataset.warnings).toEqual([{ file: 'cw.csv', line: 2, message: '"X" has no figures in the data: its crosswalk rows were not used (lines 2, 3)' }]);
  });

  it('loops: each tangle of codes reported once, on the first line of the code it returns to', () => {
    // A → B and A → C (half each), B → A, C → A: the walk from A finds A → B → A first; the loop
    // A → C → A returns to A, already reported, so the tangle is one issue. P → Q → P is another.
    const { issues } = buildCrosswalk(rows(['A', 'B', 0.5], ['A', 'C', 0.5], ['B', 'A', 1], ['C', 'A', 1], ['P', 'Q', 1], ['Q', 'P', 1]), regionsOf('Z'), 'cw.csv');
    expect(issues).toEqual([
      { file: 'cw.csv', line: 2, columns: ['from', 'to'], message: 'the crosswalk loops: "A" → "B" → "A"; map each old code to the current one' },
      { file: 'cw.csv', line: 6, columns: ['from', 'to'], message: 'the crosswalk loops: "P" → "Q" → "P"; map each old code to the current one' },
    ]);
  });

  it('a code with reforms in several years: a figure follows the first reform after its year', () => {
    // S splits at 2015 (half to A, half kept), the kept S merges into B at 2020. A figure of S:
    // 2010 → half to A, half to S as of 2015, which merges into B: A 0.5, B 0.5; 2015 and later
    // (before 2020) → all to B; 2020 → S itself.
    const { crosswalk, issues } = buildCrosswalk(rows(['S', 'B', 1, 2020], ['S', 'A', 0.5, 2015], ['S', 'S', 0.5, 2015]), regionsOf('A', 'B'), 'cw.csv');
    expect(issues).toEqual([]);
    const resolve = crosswalkResolver(crosswalk);
    expect(resolve('S', 2010)).toEqual([
      { code: 'A', share: 0.5 },
      { code: 'B', share: 0.5 },
    ]);
    expect(resolve('S', 2014)).toEqual([
      { code: 'A', share: 0.5 },
      { code: 'B', share: 0.5 },
    ]);
    expect(resolve('S', 2015)).toEqual([{ code: 'B', share: 1 }]);
    expect(resolve('S', 2019)).toEqual([{ code: 'B', share: 1 }]);
    expect(resolve('S', 2020)).toEqual([{ code: 'S', share: 1 }]);
  });
});
