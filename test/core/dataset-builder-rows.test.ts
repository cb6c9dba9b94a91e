// DatasetBuilder (src/core/dataset-builder.ts) row by row, without files: what reaches the
// dataset (warnings and provenance handed to it, beds only of the shape the header chose), the
// messages of its own checks (a region listed twice, a population given twice, a loop of parent
// links), where figures moved by the crosswalk are said to come from, and --rates' check of
// figures at two levels. Every builder is made inside its test. Expected messages are written
// out by hand from the rules the code comments state.
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset.js';
import { DatasetBuilder } from '../../src/core/dataset-builder.js';
import type { InputIssue } from '../../src/core/issues.js';
import { type RawRow, type RowKind, RowValidator } from '../../src/core/row-validator.js';
import { buildTaxonomy } from '../../src/core/taxonomy.js';
import { resolveWeights } from '../../src/core/weights.js';

function make(options: { rates?: boolean; allowUnmapped?: boolean; maxIssuesPerFile?: number } = {}) {
  const b = new DatasetBuilder({ taxonomy: buildTaxonomy(), weights: resolveWeights(), ...options });
  const validator = new RowValidator();
  const add = (kind: RowKind, raw: RawRow, file: string, line: number) => {
    const row = validator.check(kind, raw, file, line, (issue) => b.addIssue(issue));
    if (row === undefined) throw new Error(`row ${file}:${line} did not pass its checks`);
    return b.addRow(kind, row, file, line);
  };
  const regions = (...rows: [string, string?][]) => {
    rows.forEach(([region, parent], i) => add('region', parent === undefined ? { region } : { region, parent }, 'regions.csv', i + 2));
    b.endRegions('regions.csv');
  };
  return { b, add, regions };
}

/** A dataset's series (dense, in the builder) as plain [year, value] pairs. */
const pairs = (series: ReadonlyMap<number, number> | undefined) => (series === undefined ? undefined : [...series]);
const bedsOf = (beds: Dataset['beds']) => (beds.shape === 'none' ? beds : { shape: beds.shape, byRegion: [...beds.byRegion].map(([code, s]) => [code, pairs(s)]) });

const messages = (issues: readonly InputIssue[]) => issues.map((i) => `${i.file}:${i.line ?? '-'}: ${i.message}`);

describe('what reaches the dataset', () => {
  it('warnings and provenance handed to the builder are in the dataset', () => {
    const { b, regions } = make();
    regions(['A']);
    b.addWarning({ file: 'services.csv', line: 4, message: 'a reader\'s warning' });
    b.setProvenance({ title: 'Test data', illustrative: true });
    const { dataset, issues } = b.finish();
    expect(issues).toEqual([]);
    expect(dataset.warnings).toEqual([{ file: 'services.csv', line: 4, message: 'a reader\'s warning' }]);
    expect(dataset.provenance).toEqual({ title: 'Test data', illustrative: true });
  });

  it('bed rows of the other shape than the header chose add nothing, but their unknown codes are still reported', () => {
    const { b, add, regions } = make();
    regions(['A']);
    b.setBedShape('stock');
    expect(add('bedEvents', { region: 'A', date: '2015-03-01', beds_closed: '4' }, 'beds.csv', 2)).toBeUndefined();
    add('bedEvents', { region: 'ZZ', date: '2015', beds_closed: '1' }, 'beds.csv', 3);
    add('bedStock', { region: 'A', year: '2015', beds: '7' }, 'beds.csv', 4);
    const { dataset, issues } = b.finish();
    expect(bedsOf(dataset.beds)).toEqual({ shape: 'stock', byRegion: [['A', [[2015, 7]]]] });
    expect(messages(issues)).toEqual(['beds.csv:3: unknown region "ZZ" (not in regions.csv; line 3)']);
  });

  it('without a beds header no bed row counts as a figure: a region and its parent with beds are no problem', () => {
    const { b, add, regions } = make();
    regions(['P'], ['A', 'P']);
    add('bedStock', { region: 'P', year: '2015', beds: '3' }, 'beds.csv', 2);
    add('bedStock', { region: 'A', year: '2015', beds: '2' }, 'beds.csv', 3);
    const { dataset, issues } = b.finish();
    expect(dataset.beds).toEqual({ shape: 'none' });
    expect(issues).toEqual([]);
  });

  it('a bed stock of an unknown region is reported, and the next rows still count', () => {
    const { b, add, regions } = make();
    regions(['A']);
    b.setBedShape('stock');
    expect(add('bedStock', { region: 'ZZ', year: '2015', beds: '7' }, 'beds.csv', 2)).toBeUndefined();
    add('bedStock', { region: 'A', year: '2015', beds: '5' }, 'beds.csv', 3);
    const { dataset, issues } = b.finish();
    expect(bedsOf(dataset.beds)).toEqual({ shape: 'stock', byRegion: [['A', [[2015, 5]]]] });
    expect(messages(issues)).toEqual(['beds.csv:2: unknown region "ZZ" (not in regions.csv; line 2)']);
  });
});

describe('the builder\'s own checks', () => {
  it('a code in another Unicode form that is no known code either is an unknown region, and its figure goes nowhere', () => {
    const { b, add, regions } = make();
    regions(['A']);
    // "ZZ" + zero-width space: without it, "ZZ", still not in regions.csv. Twice: the second
    // row meets the code's form worked out already.
    expect(add('population', { region: 'ZZ\u200B', year: '2015', population: '9' }, 'population.csv', 2)).toBeUndefined();
    expect(add('population', { region: 'ZZ\u200B', year: '2016', population: '9' }, 'population.csv', 3)).toBeUndefined();
    add('population', { region: 'A\u200B', year: '2015', population: '4' }, 'population.csv', 4);
    const { dataset, issues } = b.finish();
    expect([...dataset.population.keys()]).toEqual(['A']);
    // Quoted with the zero-width space as an escape (issues.ts quoteValue): "ZZ" alone would not say why.
    expect(messages(issues)).toEqual(['population.csv:2: unknown region "ZZ\\u200b" (not in regions.csv; lines 2, 3)']);
  });

  it('a region listed twice: as written, and the same code in another Unicode form', () => {
    const { b, add } = make();
    add('region', { region: 'A' }, 'regions.csv', 2);
    add('region', { region: 'Å' }, 'regions.csv', 3);
    add('region', { region: 'A' }, 'regions.csv', 4);
    add('region', { region: 'A\u030A' }, 'regions.csv', 5); // Å decomposed
    b.endRegions('regions.csv');
    const { dataset, issues } = b.finish();
    expect([...dataset.regions.keys()]).toEqual(['A', 'Å']);
    expect(issues.map((i) => [i.line, i.columns, i.message])).toEqual([
      [4, ['region'], 'region "A" is listed twice (first on line 2)'],
      [5, ['region'], 'region "A\u030A" is listed twice (the same code once Unicode forms and zero-width characters are set aside) (first on line 3)'],
    ]);
  });

  it('a population given twice for a region and year names the first line; other years and regions are fine', () => {
    const { b, add, regions } = make();
    regions(['A'], ['B']);
    add('population', { region: 'A', year: '2010', population: '100' }, 'population.csv', 2);
    add('population', { region: 'B', year: '2010', population: '50' }, 'population.csv', 3);
    add('population', { region: 'A', year: '2011', population: '110' }, 'population.csv', 4);
    add('population', { region: 'A', year: '2010', population: '999' }, 'population.csv', 5);
    const { dataset, issues } = b.finish();
    expect(issues).toEqual([{ file: 'population.csv', line: 5, columns: ['region', 'year'], message: 'population of "A" in 2010 is given twice (first on line 2)' }]);
    // the first figure is kept: 100, not 100 + 999
    expect(pairs(dataset.population.get('A'))).toEqual([[2010, 100], [2011, 110]]);
  });

  it('a loop of parent links, on the line of its first region', () => {
    const { b, regions } = make();
    regions(['R'], ['X', 'Y'], ['Y', 'X']);
    expect(b.finish().issues).toEqual([
      { file: 'regions.csv', line: 3, columns: ['parent'], message: 'the parent links loop: "X" → "Y" → "X"; a region cannot lie inside itself' },
    ]);
  });

  it('an unknown parent names the nearest known code while issues are shown', () => {
    const { b, regions } = make();
    regions(['NORTH'], ['N1', 'NORHT']);
    expect(b.finish().issues).toEqual([{ file: 'regions.csv', line: 3, columns: ['parent'], message: 'unknown parent region "NORHT"; did you mean "NORTH"?' }]);
  });

  it('an unknown parent that differs from a known code only invisibly says where the difference is', () => {
    // U+200E (left-to-right mark; shown by its number) is not one of the zero-width characters codes are read without.
    const { b, regions } = make();
    regions(['NO'], ['N1', 'NO\u200E']);
    expect(b.finish().issues).toEqual([
      {
        file: 'regions.csv',
        line: 3,
        columns: ['parent'],
        message: 'unknown parent region "NO\u200E"; did you mean "NO"? (they differ only in characters that cannot be seen: U+200E here, nothing in regions.csv)',
      },
    ]);
  });

  it('a service name that maps to nothing: an issue, or with allowUnmapped a warning and no figure', () => {
    for (const allowUnmapped of [false, true]) {
      const { b, add, regions } = make({ allowUnmapped });
      regions(['A']);
      expect(add('services', { region: 'A', year: '2015', service: 'no such service', capacity: '3', unit: 'teams' }, 'services.csv', 2)).toBeUndefined();
      const { dataset, issues } = b.finish();
      expect(dataset.services.size).toBe(0);
      expect(issues.length).toBe(allowUnmapped ? 0 : 1);
      expect(dataset.warnings.length).toBe(allowUnmapped ? 1 : 0);
      expect([...issues.map((i) => i.message), ...dataset.warnings.map((w) => w.message)][0]).toContain('"no such service"');
    }
  });

  it('a category counted in a unit without a weight: an issue, and no series', () => {
    // crisis services have default weights in teams, not in facilities (core/weights.ts)
    const { b, add, regions } = make();
    regions(['A']);
    expect(add('services', { region: 'A', year: '2015', service: 'crisis team', capacity: '2', unit: 'facilities' }, 'services.csv', 2)).toBeUndefined();
    const { dataset, issues } = b.finish();
    expect(dataset.services.get('A')?.size ?? 0).toBe(0);
    expect(messages(issues)).toEqual(['services.csv:2: no weight for category "crisis" in unit "facilities" (line 2); set weights.crisis.facilities in the config']);
  });

  it('service rows of two regions in turn each go to their own region', () => {
    const { b, add, regions } = make();
    regions(['A'], ['B']);
    add('services', { region: 'A', year: '2015', service: 'ACT-team', capacity: '1', unit: 'teams' }, 'services.csv', 2);
    add('services', { region: 'B', year: '2015', service: 'ACT-team', capacity: '2', unit: 'teams' }, 'services.csv', 3);
    add('services', { region: 'A', year: '2016', service: 'ACT-team', capacity: '4', unit: 'teams' }, 'services.csv', 4);
    const { dataset, issues } = b.finish();
    expect(issues).toEqual([]);
    expect(pairs(dataset.services.get('A')?.get('outreach/teams')?.years)).toEqual([[2015, 1], [2016, 4]]);
    expect(pairs(dataset.services.get('B')?.get('outreach/teams')?.years)).toEqual([[2015, 2]]);
  });
});

describe('figures at two levels of a branch', () => {
  it('each service series is its own kind, also when a region\'s rows follow each other', () => {
    // P has crisis teams; A (inside P) has ACT teams then crisis teams on the next row: the
    // second series of A is noted although A's checks were kept from the row before.
    const { b, add, regions } = make();
    regions(['P'], ['A', 'P']);
    add('services', { region: 'P', year: '2015', service: 'crisis team', capacity: '1', unit: 'teams' }, 'services.csv', 2);
    add('services', { region: 'A', year: '2015', service: 'ACT-team', capacity: '1', unit: 'teams' }, 'services.csv', 3);
    add('services', { region: 'A', year: '2015', service: 'crisis team', capacity: '2', unit: 'teams' }, 'services.csv', 4);
    expect(messages(b.finish().issues)).toEqual([
      'services.csv:2: region "P" has services crisis in teams of its own and so does a region inside it: "A" (services.csv line 4). ' +
        'The same services would be counted twice: give each branch of the tree its services crisis in teams at one level only ' +
        '(other figures may be at other levels: they are summed up the tree).',
    ]);
  });

  it('population and beds are different kinds: each is checked on its own', () => {
    const { b, add, regions } = make();
    regions(['P'], ['A', 'P']);
    b.setBedShape('stock');
    add('population', { region: 'A', year: '2015', population: '10' }, 'population.csv', 2);
    add('bedStock', { region: 'P', year: '2015', beds: '3' }, 'beds.csv', 2);
    add('bedStock', { region: 'A', year: '2015', beds: '1' }, 'beds.csv', 3);
    expect(messages(b.finish().issues)).toEqual([
      'beds.csv:2: region "P" has beds of its own and so does a region inside it: "A" (beds.csv line 3). ' +
        'The same beds would be counted twice: give each branch of the tree its beds at one level only ' +
        '(other figures may be at other levels: they are summed up the tree).',
    ]);
  });

  it('with --rates any two kinds at two levels are a problem, on the line of the region\'s first kind', () => {
    // P: population (line 2) and beds (line 2 of beds.csv); A inside P: beds. The issue is on
    // population.csv line 2 (P's population was noted first).
    const { b, add, regions } = make({ rates: true });
    regions(['P'], ['A', 'P']);
    b.setBedShape('stock');
    add('population', { region: 'P', year: '2015', population: '10' }, 'population.csv', 2);
    add('bedStock', { region: 'P', year: '2015', beds: '3' }, 'beds.csv', 2);
    add('bedStock', { region: 'A', year: '2015', beds: '1' }, 'beds.csv', 3);
    expect(messages(b.finish().issues)).toEqual([
      'population.csv:2: region "P" has rates of its own and so does a region inside it: "A" (beds.csv line 3). ' +
        'Rates per 100,000 (--rates) cannot be summed up the tree: give each branch of the tree all its figures at one level only.',
    ]);
  });

  it('figures moved by the crosswalk: the first code mapped onto a region is named, a code kept as itself is not "mapped"', () => {
    // P ⊃ X, Y, N. Crosswalk: X keeps half as X and gives half to Y; OLD1 and OLD2 both → N.
    // P has population too: X (its own line), Y (as "X") and N (as OLD1, the first noted) are named.
    const { b, add, regions } = make();
    regions(['P'], ['X', 'P'], ['Y', 'P'], ['N', 'P']);
    for (const [line, from, to, share] of [[2, 'X', 'X', '0.5'], [3, 'X', 'Y', '0.5'], [4, 'OLD1', 'N', '1'], [5, 'OLD2', 'N', '1']] as const) {
      add('crosswalk', { from, to, share }, 'crosswalk.csv', line);
    }
    b.endCrosswalk('crosswalk.csv');
    add('population', { region: 'P', year: '2015', population: '10' }, 'population.csv', 2);
    add('population', { region: 'X', year: '2015', population: '100' }, 'population.csv', 3);
    add('population', { region: 'OLD1', year: '2015', population: '5' }, 'population.csv', 4);
    add('population', { region: 'OLD2', year: '2015', population: '6' }, 'population.csv', 5);
    const { dataset, issues } = b.finish();
    // X: 100 × 0.5 = 50; Y: 100 × 0.5 = 50; N: 5 + 6 = 11.
    expect(pairs(dataset.population.get('X'))).toEqual([[2015, 50]]);
    expect(pairs(dataset.population.get('Y'))).toEqual([[2015, 50]]);
    expect(pairs(dataset.population.get('N'))).toEqual([[2015, 11]]);
    expect(messages(issues)).toEqual([
      'population.csv:2: region "P" has population of its own and so do regions inside it: "X" (population.csv line 3), ' +
        '"Y" (population.csv line 3, as "X" mapped by the crosswalk), "N" (population.csv line 4, as "OLD1" mapped by the crosswalk). ' +
        'The same residents would be counted twice: give each branch of the tree its population at one level only ' +
        '(other figures may be at other levels: they are summed up the tree).',
    ]);
  });
});
