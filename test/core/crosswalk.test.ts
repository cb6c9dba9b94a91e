// Crosswalks: old region codes mapped to current ones before anything is computed (merges,
// splits by share, reform years, chains), and every rule's input error. The real mergers of
// fixtures/crosswalk (Norway 2020, Finland 2023) are worked through by hand.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import type { InputIssue } from '../../src/core/issues.js';
import type { Report } from '../../src/core/report-schema.js';
import { loadDataset } from '../../src/io/load-dataset.js';
import { inputIssues, withoutField } from '../helpers/input-issues.js';

interface Files {
  regions: string;
  crosswalk: string;
  population: string;
  beds?: string;
  services?: string;
}

const load = (files: Files) =>
  loadDataset({
    regions: { name: 'regions.csv', content: files.regions },
    crosswalk: { name: 'crosswalk.csv', content: files.crosswalk },
    population: { name: 'population.csv', content: files.population },
    beds: files.beds === undefined ? undefined : { name: 'beds.csv', content: files.beds },
    services: files.services === undefined ? undefined : { name: 'services.csv', content: files.services },
  });

async function issuesOf(files: Files): Promise<InputIssue[]> {
  return (await inputIssues(load(files))).map(withoutField);
}

const region = (report: Report, code: string) => report.regions.find((r) => r.region === code)!;

describe('a merger: Norway 2020, Vestfold (07) + Telemark (08) → Vestfold og Telemark (38)', () => {
  const dir = 'fixtures/crosswalk/norway-2020';

  it('reads crosswalk.csv from the data folder and sums the old counties into the new ones, year by year', async () => {
    const { dataset, files } = await loadDataset({ data: dir });
    expect(files.crosswalk).toBe(`${dir}/crosswalk.csv`);
    // Only the regions of regions.csv hold figures now; 07, 08, 12, 14 are gone.
    expect([...dataset.population.keys()].sort()).toEqual(['38', '46']);
    // 38 in 2017–2019 = 07 + 08: 250,000 + 170,000; from 2020 its own figures
    expect(dataset.population.get('38')).toEqual(new Map([[2017, 420_000], [2018, 420_000], [2019, 420_000], [2020, 420_000], [2021, 420_000]]));
    // beds 120 + 80, 110 + 80, 100 + 70, then 160, 150
    expect(dataset.beds.shape === 'stock' && dataset.beds.byRegion.get('38')).toEqual(
      new Map([[2017, 200], [2018, 190], [2019, 170], [2020, 160], [2021, 150]]),
    );
    // services keep their category and unit: ACT teams of 07 (1, 1, 2) then 38's (3, 3)
    expect(dataset.services.get('38')?.get('outreach/teams')?.years).toEqual(
      new Map([[2017, 1], [2018, 1], [2019, 2], [2020, 3], [2021, 3]]),
    );
    expect(dataset.warnings).toEqual([]);
  });

  it('ranks the merged counties over the reform, 2017 → 2021', async () => {
    const { dataset, weights } = await loadDataset({ data: dir });
    const report = analyze(dataset, { weights });
    expect([report.from, report.to]).toEqual([2017, 2021]);
    expect(report.regions.map((r) => r.region)).toEqual(['38', '46']);
    const vt = region(report, '38');
    // beds 200 → 150: −50. Community: ACT 1 team × 10 + botilbud 10 places × 1 = 20 →
    // 3 × 10 + 22 × 1 = 52: +32. Net −18: vacuum 18 / 420,000 × 100,000 = 4.2857
    expect(vt.bed_change).toBe(-50);
    expect(vt.community_change_be).toBe(32);
    expect(vt.vacuum_be).toBe(18);
    expect(vt.vacuum_per_100k).toBeCloseTo(4.285714, 6);
    // Vestland (12 + 14 → 46): beds 360 → 320: −40; ACT 2 → 5 teams: +30; vacuum 10 / 635,000 × 100,000
    expect(region(report, '46').vacuum_per_100k).toBeCloseTo(1.574803, 6);
  });
});

describe('a wellbeing services county: Finland 2023, ten municipalities → Päijät-Häme (HVA09)', () => {
  const dir = 'fixtures/crosswalk/finland-2023';

  it('maps every year (no year column), with municipality codes that are not in regions.csv', async () => {
    const { dataset, weights } = await loadDataset({ data: dir });
    expect([...dataset.regions.keys()]).toEqual(['HVA09']);
    // Σ of the ten municipalities: 206,000 in 2021, 206,200 in 2024
    expect(dataset.population.get('HVA09')).toEqual(new Map([[2021, 206_000], [2024, 206_200]]));
    const a = analyze(dataset, { weights }).regions[0]!;
    // beds (Lahti, 398) 150 → HVA09 110: −40. Community 2021: asumispalvelut 40 (Lahti) + 10
    // (Heinola) = 50; 2024: 65 places + 1 crisis team × 12.5 = 77.5; +27.5. Net −12.5.
    expect(a.bed_change).toBe(-40);
    expect(a.community_change_be).toBe(27.5);
    expect(a.vacuum_be).toBe(12.5);
    expect(a.vacuum_per_100k).toBeCloseTo(6.062076, 6); // 12.5 / 206,200 × 100,000
    expect(a.replacement_ratio).toBeCloseTo(0.6875, 12); // 27.5 / 40
    expect(a.flags).toEqual(['service_started_later']);
  });
});

// A split, after Norway 2020's Snillfjord (5012), divided between Hitra, Orkland and Heim. The
// shares 0.5 / 0.3 / 0.2 are illustrative. Hitra was also renumbered (5013 → 5056).
const SPLIT = {
  regions: 'region,name\n5055,Heim\n5056,Hitra\n5059,Orkland\n',
  crosswalk: ['from,to,share,year', '5012,5056,0.5,2020', '5012,5059,0.3,2020', '5012,5055,0.2,2020', '5013,5056,1,2020'].join('\n'),
  population: [
    'region,year,population',
    '5012,2019,1000',
    '5013,2019,4500',
    '5055,2019,6000',
    '5059,2019,18000',
    '5055,2020,6200',
    '5056,2020,5000',
    '5059,2020,18300',
  ].join('\n'),
  beds: 'region,date,beds_closed\n5012,2019-06,10\n5059,2020,5\n',
  services: 'region,year,service,capacity,unit\n5012,2019,botilbud,10,places\n5056,2020,botilbud,8,places\n',
};

describe('a split: one old code to several current ones by share', () => {
  it('apportions population, bed closures and services by share, added to the current codes’ own figures', async () => {
    const { dataset } = await load(SPLIT);
    // 2019: Hitra 0.5 × 1,000 + 4,500 (5013) = 5,000; Orkland 0.3 × 1,000 + 18,000 = 18,300;
    // Heim 0.2 × 1,000 + 6,000 = 6,200. 2020: their own figures.
    expect(dataset.population.get('5056')).toEqual(new Map([[2019, 5000], [2020, 5000]]));
    expect(dataset.population.get('5059')).toEqual(new Map([[2019, 18_300], [2020, 18_300]]));
    expect(dataset.population.get('5055')).toEqual(new Map([[2019, 6200], [2020, 6200]]));
    // 10 beds closed in 2019 in Snillfjord: 5, 3 and 2; Orkland's own 5 in 2020
    expect(dataset.beds.shape === 'events' && Object.fromEntries(dataset.beds.byRegion)).toEqual({
      '5056': new Map([[2019, 5]]),
      '5059': new Map([[2019, 3], [2020, 5]]),
      '5055': new Map([[2019, 2]]),
    });
    // 10 places: 5, 3, 2
    expect(dataset.services.get('5059')?.get('supported_living/places')?.years).toEqual(new Map([[2019, 3]]));
    expect(dataset.services.get('5056')?.get('supported_living/places')?.years).toEqual(new Map([[2019, 5], [2020, 8]]));
  });

  it('the shares of a code must sum to 1 (±1e-9): the error names the code and its lines', async () => {
    const crosswalk = 'from,to,share,year\n5012,5056,0.5,2020\n5012,5059,0.3,2020\n5012,5055,0.1,2020\n5013,5056,1,2020\n';
    expect(await issuesOf({ ...SPLIT, crosswalk })).toEqual([
      {
        file: 'crosswalk.csv',
        line: 2,
        columns: ['share'],
        message: 'the shares of "5012" (year 2020) sum to 0.9, expected 1 (±1e-9) (lines 2, 3, 4): every figure of "5012" must go somewhere, once',
      },
    ]);
  });

  it('thirds written to ten decimals are within the tolerance; to eight they are not', async () => {
    const thirds = (d: string) => `from,to,share\nX,5055,${d}\nX,5056,${d}\nX,5059,${d}\n`;
    const population = 'region,year,population\nX,2019,300\n';
    const ok = await load({ regions: SPLIT.regions, crosswalk: thirds('0.3333333333'), population });
    expect(ok.dataset.population.get('5055')?.get(2019)).toBeCloseTo(100, 6);
    const issues = await issuesOf({ regions: SPLIT.regions, crosswalk: thirds('0.33333333'), population });
    expect(issues.map((i) => i.message)).toEqual([expect.stringMatching(/^the shares of "X" sum to 0\.99999999, expected 1/)]);
  });
});

describe('reform years', () => {
  it('a row with a year maps figures of earlier years; later figures of an unlisted code are an error', async () => {
    const issues = await issuesOf({
      regions: 'region\n38\n',
      crosswalk: 'from,to,share,year\n07,38,1,2020\n',
      population: 'region,year,population\n07,2019,250000\n07,2020,251000\n38,2020,420000\n',
    });
    expect(issues).toEqual([
      {
        file: 'population.csv',
        line: 2,
        columns: ['region'],
        message: 'the figures of "07" for 2020 belong to no region: the crosswalk maps "07" only for years before 2020, and "07" is not in regions.csv',
      },
    ]);
  });

  it('a code that lives on keeps its figures from the reform year on', async () => {
    // A gives 40% of itself to B in 2020 (and keeps 60%); A's 2020 figure is its own.
    const { dataset } = await load({
      regions: 'region\nA\nB\n',
      crosswalk: 'from,to,share,year\nA,A,0.6,2020\nA,B,0.4,2020\n',
      population: 'region,year,population\nA,2019,1000\nA,2020,650\nB,2019,100\nB,2020,500\n',
    });
    expect(dataset.population.get('A')).toEqual(new Map([[2019, 600], [2020, 650]]));
    expect(dataset.population.get('B')).toEqual(new Map([[2019, 500], [2020, 500]]));
  });

  it('chains of reforms are followed year by year: Andebu 0719 → Sandefjord 0710 (2017) → 3804 (2020)', async () => {
    const { dataset } = await load({
      regions: 'region,name\n3804,Sandefjord\n',
      crosswalk: 'from,to,share,year\n0719,0710,1,2017\n0706,0710,1,2017\n0720,0710,1,2017\n0710,3804,1,2020\n',
      population: [
        'region,year,population',
        '0706,2016,45000', // Sandefjord (old)
        '0719,2016,5500', // Andebu
        '0720,2016,11000', // Stokke
        '0710,2019,63000', // Sandefjord 2017–2019
        '3804,2020,63500', // Sandefjord from 2020
      ].join('\n'),
    });
    expect(dataset.population.get('3804')).toEqual(new Map([[2016, 61_500], [2019, 63_000], [2020, 63_500]]));
  });

  it('a code with several reform years: a figure follows the first reform after it', async () => {
    // X gives half to B in 2015 (keeping half), then all of itself to C in 2020.
    const { dataset } = await load({
      regions: 'region\nB\nC\n',
      crosswalk: 'from,to,share,year\nX,X,0.5,2015\nX,B,0.5,2015\nX,C,1,2020\n',
      population: 'region,year,population\nX,2010,100\nX,2016,60\n',
    });
    // 2010 < 2015: 50 stays X, whose 2010 figure then follows X's 2020 row to C; 50 to B.
    // 2016 (2015 ≤ 2016 < 2020): all to C.
    expect(dataset.population.get('B')).toEqual(new Map([[2010, 50]]));
    expect(dataset.population.get('C')).toEqual(new Map([[2010, 50], [2016, 60]]));
  });
});

describe('crosswalk input errors', () => {
  const base = { regions: 'region\nA\nB\n', population: 'region,year,population\nA,2010,1\n' };

  it('a share must be above 0 and at most 1', async () => {
    const issues = await issuesOf({ ...base, crosswalk: 'from,to,share\nX,A,0\nY,A,1.5\nZ,A,half\n' });
    expect(issues).toEqual([
      { file: 'crosswalk.csv', line: 2, columns: ['share'], message: 'expected a share: a number above 0 and at most 1, got "0"' },
      { file: 'crosswalk.csv', line: 3, columns: ['share'], message: 'expected a share: a number above 0 and at most 1, got "1.5"' },
      { file: 'crosswalk.csv', line: 4, columns: ['share'], message: 'expected a share: a number above 0 and at most 1, got "half"' },
    ]);
  });

  it('a `to` code must be a region (or mapped on by the crosswalk itself)', async () => {
    expect(await issuesOf({ ...base, crosswalk: 'from,to,share\nX,AA,1\n' })).toEqual([
      { file: 'crosswalk.csv', line: 2, columns: ['to'], message: 'unknown region "AA" (not in regions.csv, and not mapped on by the crosswalk); did you mean "A"?' },
    ]);
  });

  it('a loop, a repeated pair, and rows of one code with and without a year', async () => {
    const issues = await issuesOf({
      ...base,
      crosswalk: ['from,to,share,year', 'X,Y,1,', 'Y,X,1,', 'P,A,1,2020', 'P,A,1,2020', 'Q,A,1,2020', 'Q,B,1,'].join('\n'),
    });
    // Sorted by line (issue 14).
    expect(issues).toEqual([
      { file: 'crosswalk.csv', line: 2, columns: ['from', 'to'], message: 'the crosswalk loops: "X" → "Y" → "X"; map each old code to the current one' },
      { file: 'crosswalk.csv', line: 5, columns: ['from', 'to'], message: '"P" → "A" (year 2020) is listed twice (first on line 4)' },
      {
        file: 'crosswalk.csv',
        line: 7,
        columns: ['year'],
        message: 'the rows of "Q" mix rows with a year and without one (line 7 has none): give every row of a code a year, or none',
      },
    ]);
  });

  it('a data code that is neither a region nor a crosswalk code is still unknown, with a hint among both', async () => {
    const issues = await issuesOf({ ...base, crosswalk: 'from,to,share\nOLD1,A,1\n', population: 'region,year,population\nOLD2,2010,1\n' });
    expect(issues).toEqual([
      { file: 'population.csv', line: 2, columns: ['region'], message: 'unknown region "OLD2" (not in regions.csv; line 2); did you mean "OLD1"?' },
    ]);
  });

  it('figures mapped onto a parent whose children have figures are data at two levels', async () => {
    const issues = await issuesOf({
      regions: 'region,parent\n38,\n3801,38\n',
      crosswalk: 'from,to,share\n07,38,1\n',
      population: 'region,year,population\n07,2019,250000\n3801,2020,27000\n',
    });
    expect(issues).toEqual([
      {
        file: 'population.csv',
        line: 2,
        columns: ['region'],
        message:
          'region "38" has population of its own (population.csv line 2, as "07" mapped by the crosswalk) and so does a region inside it: "3801" (population.csv line 3). ' +
          'The same residents would be counted twice: give each branch of the tree its population at one level only ' +
          '(other figures may be at other levels: they are summed up the tree).',
      },
    ]);
  });

  it('a share a code keeps of itself needs the code in regions.csv', async () => {
    const issues = await issuesOf({ ...base, crosswalk: 'from,to,share\nX,X,0.5\nX,A,0.5\n', population: 'region,year,population\nX,2010,10\n' });
    expect(issues).toEqual([
      {
        file: 'population.csv',
        line: 2,
        columns: ['region'],
        message: 'the figures of "X" for 2010 belong to no region: the crosswalk keeps a share of "X" as "X", which is not in regions.csv',
      },
    ]);
  });

  it('a crosswalk code with no figures is a warning (probably a typo), not an error', async () => {
    const { dataset } = await load({ ...base, crosswalk: 'from,to,share\nX,A,1\n' });
    expect(dataset.warnings).toContainEqual({
      file: 'crosswalk.csv',
      line: 2,
      message: '"X" has no figures in the data: its crosswalk row was not used (line 2)',
    });
  });
});
