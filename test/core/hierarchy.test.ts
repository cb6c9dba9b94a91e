// Regions in a tree (regions.csv `parent`): which regions are ranked by default, with --level N
// and with --rollup; parents' figures are the sums of their branch, never averaged rates; cycles,
// unknown parents and figures at two levels of one branch are input errors. Every expected number
// is worked by hand in the comments.
import { describe, expect, it } from 'vitest';
import { analyze, type AnalyzeOptions } from '../../src/core/analyze.js';
import { findCycles, LevelError, selectLevel } from '../../src/core/hierarchy.js';
import type { InputIssue } from '../../src/core/issues.js';
import type { RankedRegion, Report } from '../../src/core/report-schema.js';
import { trend } from '../../src/core/trend.js';
import { loadDataset } from '../../src/io/load-dataset.js';
import { inputIssues, withoutField } from '../helpers/input-issues.js';

interface Files {
  regions: string;
  population: string;
  beds?: string;
  services?: string;
}

// A case without a services file says so on purpose (--services none) and counts community
// capacity as 0 (--missing-community zero): missing is not zero unless the user says so (SPEC §8).
async function load(files: Files) {
  return loadDataset({
    regions: { name: 'regions.csv', content: files.regions },
    population: { name: 'population.csv', content: files.population },
    beds: files.beds === undefined ? undefined : { name: 'beds.csv', content: files.beds },
    services: files.services === undefined ? 'none' : { name: 'services.csv', content: files.services },
  });
}

async function run(files: Files, options: AnalyzeOptions = {}): Promise<Report> {
  const { dataset, weights } = await load(files);
  return analyze(dataset, { weights, from: 2010, to: 2020, ...(files.services === undefined ? { missingCommunity: 'zero' as const } : {}), ...options });
}

async function issuesOf(files: Files): Promise<InputIssue[]> {
  return (await inputIssues(load(files))).map(withoutField);
}

const byCode = (report: Report): Record<string, RankedRegion> => Object.fromEntries(report.regions.map((r) => [r.region, r]));

// A county C with two municipalities. M1 closes all its 10 beds and replaces nothing (it reports
// an ACT caseload of 0: missing would not be zero, SPEC §8); M2 keeps its 20 beds and grows its
// ACT caseload from 50 to 100 (outreach/caseload, weight 0.1: +5).
const COUNTY = {
  regions: 'region,name,parent\nC,County,\nM1,Small town,C\nM2,City,C\n',
  population: 'region,year,population\nM1,2010,10000\nM1,2020,10000\nM2,2010,90000\nM2,2020,90000\n',
  beds: 'region,year,beds\nM1,2010,10\nM1,2020,0\nM2,2010,20\nM2,2020,20\n',
  services: 'region,year,service,capacity,unit\nM1,2010,ACT-team,0,caseload\nM2,2010,ACT-team,50,caseload\nM2,2020,ACT-team,100,caseload\n',
};

describe('default: the regions without children', () => {
  it('ranks M1 and M2, never their parent C', async () => {
    const report = await run(COUNTY);
    expect(report.regions.map((r) => r.region)).toEqual(['M1', 'M2']);
    expect(report.excluded).toEqual([]);
    const r = byCode(report);
    // M1: beds −10, nothing replaced: vacuum 10 / 10,000 × 100,000 = 100 per 100k
    expect(r.M1!.vacuum_be).toBe(10);
    expect(r.M1!.vacuum_per_100k).toBeCloseTo(100, 12);
    // M2: beds 0, community +5: net +5, no vacuum
    expect(r.M2!.vacuum_be).toBe(0);
  });
});

describe('--level and --rollup: parents get the sums of their branch', () => {
  it('--level 1 ranks C with populations, beds and capacities summed, not rates averaged', async () => {
    const report = await run(COUNTY, { level: 1 });
    expect(report.regions.map((r) => r.region)).toEqual(['C']);
    const c = report.regions[0]!;
    expect(c.name).toBe('County');
    // population 10,000 + 90,000 = 100,000; beds (10 + 20) → (0 + 20): 30 → 20 = −10
    expect(c.population).toBe(100_000);
    expect([c.beds_from, c.beds_to, c.bed_change]).toEqual([30, 20, -10]);
    // community 0.1 × 50 = 5 → 0.1 × 100 = 10: +5; net −10 + 5 = −5: vacuum 5
    expect([c.community_from_be, c.community_to_be, c.community_change_be]).toEqual([5, 10, 5]);
    expect(c.vacuum_be).toBe(5);
    // 5 / 100,000 × 100,000 = 5 per 100k. Averaging M1's 100 and M2's 0 would give 50, and even
    // a population-weighted average of the two vacuums ((10 + 0) / 100,000 → 10) is wrong: M2's
    // new capacity serves the county that M1 is part of.
    expect(c.vacuum_per_100k).toBeCloseTo(5, 12);
    expect(c.replacement_ratio).toBeCloseTo(0.5, 12); // 5 / 10
    // rate view: (30 + 5) / 100,000 × 100,000 = 35 → (20 + 10) / 100,000 × 100,000 = 30; drop 5
    expect(c.capacity_per_100k_from).toBeCloseTo(35, 12);
    expect(c.capacity_per_100k_to).toBeCloseTo(30, 12);
    expect(c.rate_drop_per_100k).toBeCloseTo(5, 12);
  });

  it('--rollup ranks the parents of the leaves: here level 1, the same as --level 1', async () => {
    const { dataset, weights } = await load(COUNTY);
    const { provenance: byRollup, warnings: rollupWarnings, ...rollup } = analyze(dataset, { weights, rollup: true });
    const { provenance: byLevel, warnings: levelWarnings, ...level1 } = analyze(dataset, { weights, level: 1 });
    expect(rollup).toEqual(level1);
    // The same warnings, each naming the option that asked for the sums.
    expect(rollupWarnings.map((w) => w.message.replace('--rollup (level 1)', '--level 1'))).toEqual(levelWarnings.map((w) => w.message));
    // provenance says how the level was chosen: --rollup resolved to level 1
    expect([byRollup.options.level, byRollup.options.rollup]).toEqual([1, true]);
    expect([byLevel.options.level, byLevel.options.rollup]).toEqual([1, false]);
  });

  // NO ─┬─ C1 ─┬─ M1
  //     │      └─ M2
  //     ├─ C2 ─── M3
  //     └─ C3          (no municipalities listed: figures of its own)
  const NATION = {
    regions: 'region,name,parent\nNO,Nation,\nC1,County 1,NO\nM1,M1,C1\nM2,M2,C1\nC2,County 2,NO\nM3,M3,C2\nC3,County 3,NO\n',
    population: ['region,year,population', 'M1,2010,1000', 'M2,2010,2000', 'M3,2010,3000', 'C3,2010,4000'].join('\n'),
    beds: ['region,year,beds', 'M1,2010,1', 'M1,2020,0', 'M2,2010,2', 'M2,2020,0', 'M3,2010,3', 'M3,2020,0', 'C3,2010,4', 'C3,2020,0'].join('\n'),
  };
  const ranked = async (options: AnalyzeOptions) => (await run(NATION, options)).regions.map((r) => `${r.region}:${r.population}:${r.bed_change}`).sort();

  it('levels count from the top: 1 = the regions without a parent', async () => {
    expect(await ranked({ level: 1 })).toEqual(['NO:10000:-10']);
    expect(await ranked({ level: 2 })).toEqual(['C1:3000:-3', 'C2:3000:-3', 'C3:4000:-4']);
    // level 3 holds M1–M3; C3 has no children and is counted as itself, so nothing is lost
    expect(await ranked({ level: 3 })).toEqual(['C3:4000:-4', 'M1:1000:-1', 'M2:2000:-2', 'M3:3000:-3']);
    expect(await ranked({})).toEqual(await ranked({ level: 3 }));
  });

  it('--rollup is one level above the deepest regions (level 2 here)', async () => {
    expect(await ranked({ rollup: true })).toEqual(await ranked({ level: 2 }));
  });

  it('every level counts every figure exactly once', async () => {
    for (const level of [1, 2, 3]) {
      const report = await run(NATION, { level });
      expect(report.regions.reduce((sum, r) => sum + r.population, 0)).toBe(10_000);
      expect(report.regions.reduce((sum, r) => sum + r.bed_change, 0)).toBe(-10);
    }
  });

  it('a level the tree does not have, or --level with --rollup, is a usage error', async () => {
    const { dataset } = await load(NATION);
    expect(() => selectLevel(dataset, { level: 4 })).toThrow(new LevelError("--level 4: the regions' tree has levels 1 to 3 (1 = the regions without a parent)"));
    expect(() => selectLevel(dataset, { level: 1, rollup: true })).toThrow(LevelError);
    const flat = await load({ regions: 'region\nA\nB\n', population: 'region,year,population\nA,2010,1\n' });
    expect(() => selectLevel(flat.dataset, { rollup: true })).toThrow(/--rollup: no region in regions.csv has a parent/);
    expect(() => selectLevel(flat.dataset, { level: 2 })).toThrow(/only level 1/);
  });

  it('a parent whose branch has no population at T is excluded as usual', async () => {
    const report = await run(
      {
        regions: 'region,parent\nC1,\nM1,C1\nC2,\nM2,C2\n',
        population: 'region,year,population\nM1,2010,1000\nM1,2020,1000\n',
        beds: 'region,year,beds\nM1,2010,1\nM1,2020,1\nM2,2010,1\nM2,2020,1\n',
      },
      { level: 1 },
    );
    expect(report.regions.map((r) => r.region)).toEqual(['C1']);
    expect(report.excluded).toEqual([{ region: 'C2', reason: 'population' }]);
  });

  it('a region with no figure in a year counts as SPEC §3 values it there (carried forward), never as 0, and says so', async () => {
    const { dataset } = await load({
      regions: 'region,parent\nC,\nM1,C\nM2,C\n',
      // M2 has no 2015 figure. Summed as rows are, C's 2015 population would be M1's alone (1000);
      // M2 counted as it is on its own — its 2010 figure carried to 2015 — gives 1000 + 500 = 1500.
      population: 'region,year,population\nM1,2010,1000\nM1,2015,1000\nM2,2010,500\n',
    });
    const rolled = selectLevel(dataset, { level: 1 });
    expect(rolled.population.get('C')).toEqual(new Map([[2010, 1500], [2015, 1500]]));
    expect(rolled.warnings.slice(dataset.warnings.length)).toEqual([
      {
        file: 'population.csv',
        line: null,
        message:
          '--level 1: the population of "C" sums regions of which "M2" has no figure in some years, never counted as 0 for that (SPEC §8): ' +
          'in 2015 it counts its latest earlier figure (carried forward, or as --fill says; flag carried_forward). Give every region a figure for the same years to sum only figures given',
      },
    ]);
    // Under --fill none M2's 2015 is unknown, and so C's: the year is left out of C's sums.
    expect(selectLevel(dataset, { level: 1, fill: 'none' }).population.get('C')).toEqual(new Map([[2010, 1500]]));
  });

  it("the unit's year keeps the rule: a report at that year flags the unit carried_forward, and explain cites each region's own year", async () => {
    const files = {
      regions: 'region,parent\nP,\nC1,P\nC2,P\n',
      population: 'region,year,population\nC1,2015,100000\nC2,2015,100000\n',
      // C1 has no 2015 beds: its 2010 figure (100) carries forward, as it does for C1 ranked alone.
      beds: 'region,year,beds\nC1,2010,100\nC1,2020,60\nC2,2010,50\nC2,2015,50\nC2,2020,50\n',
      // Services given for 2010 and 2015 alike: the only figure carried is C1's beds.
      services: 'region,year,service,capacity,unit\nC1,2010,crisis,1,teams\nC1,2015,crisis,1,teams\nC2,2010,crisis,1,teams\nC2,2015,crisis,1,teams\n',
    };
    const leaves = await run(files, { to: 2015 });
    const unit = await run(files, { to: 2015, level: 1 });
    // Leaves: C1 100 → 100 (carried), C2 50 → 50: no vacuum. P: 150 → 150, not 150 → 50 (a vacuum of 100 made of a region that did not report).
    expect(leaves.regions.map((r) => [r.region, r.beds_to, r.vacuum_be])).toEqual([
      ['C1', 100, 0],
      ['C2', 50, 0],
    ]);
    expect(unit.regions.map((r) => [r.region, r.beds_from, r.beds_to, r.vacuum_be, r.flags])).toEqual([['P', 150, 150, 0, ['carried_forward']]]);
    // A trend's year says the same (its only year: the population is given for 2015 alone): 150
    // beds, C1's carried figure flagged.
    const { dataset, weights, norms } = await load(files);
    const years = trend(dataset, { weights, norms, level: 1, to: 2015 }).regions[0]!.years;
    expect(years.map((y) => [y.year, y.beds_to, y.flags])).toEqual([[2015, 150, ['carried_forward']]]);
  });
});

describe('partial sums over several years', () => {
  it('names the years in order, whatever order the regions give them in; a year before a region\'s first figure is unknown', async () => {
    const { dataset } = await load({
      regions: 'region,parent\nC,\nM1,C\nM2,C\n',
      // M1 has 2001 and 2003, M2 only 2002: every year lacks one of them. 2001 is before M2's first
      // figure (unknown: left out); 2002: M1's 2001 carried, 1000 + 500; 2003: M2's 2002 carried,
      // 1000 + 500. Met region by region the years come as 2001, 2003, 2002; the warning lists them
      // in calendar order, and the regions in the order their gaps are met (M2 in 2001, M1 in 2002).
      population: 'region,year,population\nM1,2001,1000\nM1,2003,1000\nM2,2002,500\n',
    });
    const rolled = selectLevel(dataset, { level: 1 });
    expect(rolled.population.get('C')).toEqual(new Map([[2002, 1500], [2003, 1500]]));
    expect(rolled.warnings.slice(dataset.warnings.length).map((w) => w.message)).toEqual([
      '--level 1: the population of "C" sums regions of which "M2", "M1" have no figure in some years, never counted as 0 for that (SPEC §8): ' +
        'in 2002, 2003 they count their latest earlier figure (carried forward, or as --fill says; flag carried_forward); in 2001 the sum is unknown, as their figures are. ' +
        'Give every region a figure for the same years to sum only figures given',
    ]);
  });
});

describe('a region with figures of its own is a leaf of data', () => {
  it('is ranked by default although it has children; the children (without figures) are not', async () => {
    const report = await run({
      regions: 'region,name,parent\nC,County,\nM1,M1,C\nM2,M2,C\nD,Other county,\n',
      population: 'region,year,population\nC,2010,5000\nC,2020,5000\nD,2010,1000\nD,2020,1000\n',
      beds: 'region,year,beds\nC,2010,5\nC,2020,4\nD,2010,1\nD,2020,1\n',
    });
    expect(report.regions.map((r) => r.region)).toEqual(['C', 'D']);
    expect(report.excluded).toEqual([]);
    // C: beds −1 → vacuum 1 / 5,000 × 100,000 = 20 per 100k
    expect(report.regions[0]!.vacuum_per_100k).toBeCloseTo(20, 12);
  });
});

describe('different figures at different levels are summed up the tree (issue 14)', () => {
  // H1 (health region) holds counties C1 and C2; H2 holds C3. Beds are given per health region,
  // population per county, as analysts get them from two statistics offices.
  const files: Files = {
    regions: 'region,name,parent\nH1,Health region 1,\nC1,County 1,H1\nC2,County 2,H1\nH2,Health region 2,\nC3,County 3,H2\n',
    population: 'region,year,population\nC1,2010,1000\nC1,2020,1000\nC2,2010,3000\nC2,2020,3000\nC3,2010,2000\nC3,2020,2000\n',
    beds: 'region,year,beds\nH1,2010,10\nH1,2020,6\nH2,2010,5\nH2,2020,5\n',
  };

  it('population given per county is summed to the health region that has the beds, with a notice', async () => {
    const report = await run(files);
    expect(report.regions.map((r) => r.region)).toEqual(['H1', 'H2']);
    // H1: population 1,000 + 3,000 = 4,000; beds 10 → 6, vacuum 4 → 4 / 4,000 × 100,000 = 100 per 100k.
    expect(byCode(report).H1!.population).toBe(4000);
    expect(byCode(report).H1!.vacuum_per_100k).toBeCloseTo(100, 12);
    // H2: population 2,000, no bed change: no vacuum.
    expect(byCode(report).H2!.population).toBe(2000);
    expect(byCode(report).H2!.vacuum_be).toBe(0);
    expect(report.warnings).toContainEqual({
      file: 'population.csv',
      line: null,
      message: 'population is given for regions inside the regions ranked, and summed up to them: "H1" from "C1", "C2"; "H2" from "C3"',
    });
  });

  it('the other way round (beds per county, population per health region) gives the same numbers', async () => {
    const report = await run({
      regions: files.regions,
      population: 'region,year,population\nH1,2010,4000\nH1,2020,4000\nH2,2010,2000\nH2,2020,2000\n',
      beds: 'region,year,beds\nC1,2010,4\nC1,2020,3\nC2,2010,6\nC2,2020,3\nC3,2010,5\nC3,2020,5\n',
    });
    // H1: beds 4 + 6 = 10 → 3 + 3 = 6: the same vacuum of 4 on 4,000 people.
    expect(byCode(report).H1!.vacuum_per_100k).toBeCloseTo(100, 12);
    expect(report.warnings.map((w) => w.message)).toContain('beds is given for regions inside the regions ranked, and summed up to them: "H1" from "C1", "C2"; "H2" from "C3"');
  });
});

describe('input errors in the tree', () => {
  it('the same figure for a region and for a region inside it: the parent, the child and the files are named', async () => {
    const issues = await issuesOf({
      regions: 'region,parent\nNO,\nC1,NO\nM1,C1\nM2,C1\n',
      population: 'region,year,population\nNO,2010,5000\nM1,2010,1000\nM2,2010,2000\n',
      beds: 'region,year,beds\nC1,2010,3\n',
    });
    // Beds in C1 and population in M1, M2 inside it are different figures: summed up, no error.
    expect(issues).toEqual([
      {
        file: 'population.csv',
        line: 2,
        columns: ['region'],
        message:
          'region "NO" has population of its own and so do regions inside it: "M1" (population.csv line 3), "M2" (population.csv line 4). ' +
          'The same residents would be counted twice: give each branch of the tree its population at one level only ' +
          '(other figures may be at other levels: they are summed up the tree).',
      },
    ]);
  });

  it('the same service series at two levels is an error; another series at another level is not', async () => {
    const issues = await issuesOf({
      regions: 'region,parent\nH,\nM,H\n',
      population: 'region,year,population\nH,2010,5000\n',
      services: 'region,year,service,capacity,unit\nH,2010,DPS,100,contacts\nM,2010,botilbud,4,places\nM,2010,DPS,9,contacts\n',
    });
    expect(issues).toEqual([
      {
        file: 'services.csv',
        line: 2,
        columns: ['region'],
        message:
          'region "H" has services cmhc in contacts of its own and so does a region inside it: "M" (services.csv line 4). ' +
          'The same services would be counted twice: give each branch of the tree its services cmhc in contacts at one level only ' +
          '(other figures may be at other levels: they are summed up the tree).',
      },
    ]);
  });

  it('a loop of parent links is an error at the line of the first region in it', async () => {
    const issues = await issuesOf({
      regions: 'region,parent\nA,C\nB,A\nC,B\nD,\nE,E\n',
      population: 'region,year,population\nD,2010,1\n',
    });
    expect(issues).toEqual([
      { file: 'regions.csv', line: 2, columns: ['parent'], message: 'the parent links loop: "A" → "C" → "B" → "A"; a region cannot lie inside itself' },
      { file: 'regions.csv', line: 6, columns: ['parent'], message: 'the parent links loop: "E" → "E"; a region cannot lie inside itself' },
    ]);
  });

  it('an unknown parent is an error naming the nearest known code', async () => {
    const issues = await issuesOf({ regions: 'region,parent\nNO,\nNO-38,NOO\n', population: 'region,year,population\nNO-38,2020,1\n' });
    expect(issues).toEqual([{ file: 'regions.csv', line: 3, columns: ['parent'], message: 'unknown parent region "NOO"; did you mean "NO"?' }]);
  });

  it('findCycles: each loop once, a chain into a loop is not itself a loop', () => {
    const parents = new Map<string, string | undefined>([
      ['X', 'A'], // X leads into the loop but is not in it
      ['A', 'B'],
      ['B', 'A'],
      ['R', undefined],
    ]);
    expect(findCycles(parents)).toEqual([['A', 'B']]);
  });
});
