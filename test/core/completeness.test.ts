// SPEC §8 "missing is not zero": a region without a row in services.csv is excluded with reason
// `community` (or ranked with 0 and flag no_community_data when the user says so), explicit zeros
// are data, categories other regions report are listed per region (partial_community), and a
// norm measured nowhere in the data is null everywhere. Every number is worked by hand.
import { describe, expect, it } from 'vitest';
import { analyze, type AnalyzeOptions } from '../../src/core/analyze.js';
import { analyzeCoverage } from '../../src/core/analyze-coverage.js';
import { categoriesNotReported, hasCommunityData, normMeasured, reportedCategories } from '../../src/core/completeness.js';
import type { Report } from '../../src/core/report-schema.js';
import { resolveNorms } from '../../src/core/norms.js';
import { trend } from '../../src/core/trend.js';
import { loadDataset } from '../../src/io/load-dataset.js';
import { parseConfig } from '../../src/io/config-file.js';

// Four regions of 100,000 people, each closing 10 beds between 2010 and 2020:
// - FULL reports supported living (5 → 10 places: +5) and crisis teams (0 → 1: +12.5);
// - ZERO reports supported living as 0 in both years: an explicit zero, ranked as usual;
// - PART reports supported living only (5 → 8: +3), not crisis, which FULL reports;
// - NONE has no row at all in services.csv: its community capacity is unknown.
const FILES = {
  regions: 'region,name\nFULL,Full\nZERO,Zero\nPART,Part\nNONE,None\n',
  population: 'region,year,population\nFULL,2010,100000\nZERO,2010,100000\nPART,2010,100000\nNONE,2010,100000\n',
  beds: 'region,year,beds\nFULL,2010,50\nFULL,2020,40\nZERO,2010,50\nZERO,2020,40\nPART,2010,50\nPART,2020,40\nNONE,2010,50\nNONE,2020,40\n',
  services: [
    'region,year,service,capacity,unit',
    'FULL,2010,botilbud,5,places',
    'FULL,2020,botilbud,10,places',
    'FULL,2020,crisis,1,teams',
    'ZERO,2010,supported_living,0,places',
    'ZERO,2020,supported_living,0,places',
    'PART,2010,botilbud,5,places',
    'PART,2020,botilbud,8,places',
  ].join('\n'),
};

async function load(config: unknown = {}) {
  return loadDataset(
    {
      regions: { name: 'regions.csv', content: FILES.regions },
      population: { name: 'population.csv', content: FILES.population },
      beds: { name: 'beds.csv', content: FILES.beds },
      services: { name: 'services.csv', content: FILES.services },
    },
    { config: parseConfig(JSON.stringify(config), 'c.json') },
  );
}

async function run(options: AnalyzeOptions = {}): Promise<Report> {
  const { dataset, weights } = await load();
  return analyze(dataset, { weights, ...options });
}

const find = (report: Report, code: string) => report.regions.find((r) => r.region === code);

describe('a region with beds but no row in services.csv', () => {
  it('is excluded with reason "community" by default; explicit zeros are ranked as usual', async () => {
    const report = await run();
    expect(report.regions.map((r) => r.region).sort()).toEqual(['FULL', 'PART', 'ZERO']);
    expect(report.excluded).toEqual([{ region: 'NONE', reason: 'community' }]);
    // ZERO: beds −10, community 0 → 0: vacuum 10 / 100,000 × 100,000 = 10 per 100k
    const zero = find(report, 'ZERO')!;
    expect(zero.vacuum_per_100k).toBeCloseTo(10, 12);
    expect(zero.flags).not.toContain('no_community_data');
  });

  it('--missing-community zero ranks it with community 0 and flag no_community_data', async () => {
    const report = await run({ missingCommunity: 'zero' });
    expect(report.excluded).toEqual([]);
    const none = find(report, 'NONE')!;
    // beds −10, community 0 → 0: vacuum 10 → 10 per 100k, the same as ZERO's, but flagged
    expect([none.community_from_be, none.community_to_be, none.vacuum_be]).toEqual([0, 0, 10]);
    // (population 2010 carried to T = 2020: carried_forward)
    expect(none.flags).toEqual(['carried_forward', 'no_community_data', 'partial_community']);
    // others report supported_living (FULL, ZERO, PART) and crisis (FULL)
    expect(none.categories_not_reported).toEqual(['crisis', 'supported_living']);
    // the choice is in the provenance
    expect(report.provenance.options.missingCommunity).toBe('zero');
  });

  it('the config can say it too: "missingCommunity": "zero"', async () => {
    const loaded = await load({ missingCommunity: 'zero' });
    expect(loaded.missingCommunity).toBe('zero');
    const report = analyze(loaded.dataset, { weights: loaded.weights, missingCommunity: loaded.missingCommunity });
    expect(find(report, 'NONE')?.flags).toContain('no_community_data');
  });

  it('the reason lists every unknown input, community included', async () => {
    const { dataset, weights } = await loadDataset({
      regions: { name: 'regions.csv', content: 'region\nA\nB\n' },
      population: { name: 'population.csv', content: 'region,year,population\nA,2010,1000\n' },
      beds: { name: 'beds.csv', content: 'region,year,beds\nA,2010,5\nA,2020,4\n' },
      services: { name: 'services.csv', content: 'region,year,service,capacity,unit\nA,2010,crisis,1,teams\n' },
    });
    // B: no beds at B or T, no population at T, no service row
    expect(analyze(dataset, { weights, from: 2010, to: 2020 }).excluded).toEqual([{ region: 'B', reason: 'beds_from, beds_to, population, community' }]);
  });

  it('trend and coverage exclude it the same way', async () => {
    const { dataset, weights, norms } = await load();
    expect(trend(dataset, { weights, norms }).excluded).toEqual([{ region: 'NONE', reason: 'community' }]);
    expect(analyzeCoverage(dataset, { norms }).excluded).toEqual([{ region: 'NONE', reason: 'community' }]);
    expect(analyzeCoverage(dataset, { norms, missingCommunity: 'zero' }).excluded).toEqual([]);
  });
});

describe('categories_not_reported and partial_community', () => {
  it('lists the categories some other region reports and this one has no row for', async () => {
    const report = await run();
    expect(find(report, 'FULL')!.categories_not_reported).toEqual([]);
    expect(find(report, 'FULL')!.flags).not.toContain('partial_community');
    // PART and ZERO report supported living only; FULL reports crisis teams
    for (const code of ['PART', 'ZERO']) {
      expect(find(report, code)!.categories_not_reported).toEqual(['crisis']);
      expect(find(report, code)!.flags).toContain('partial_community');
    }
    // PART: beds −10, community +3 → vacuum 7 → 7 per 100k; the numbers are unchanged by the flag
    expect(find(report, 'PART')!.vacuum_per_100k).toBeCloseTo(7, 12);
  });

  it('the helpers answer per dataset', async () => {
    const { dataset } = await load();
    expect(reportedCategories(dataset)).toEqual(['crisis', 'supported_living']);
    expect(categoriesNotReported(dataset, 'NONE')).toEqual(['crisis', 'supported_living']);
    expect(hasCommunityData(dataset, 'ZERO')).toBe(true);
    expect(hasCommunityData(dataset, 'NONE')).toBe(false);
  });
});

describe('coverage: a norm measured nowhere in the data', () => {
  it('is null for every region and left out of the index — never a gap', async () => {
    const { dataset, norms } = await loadDataset({
      regions: { name: 'regions.csv', content: 'region\nA\n' },
      population: { name: 'population.csv', content: 'region,year,population\nA,2020,150000\n' },
      beds: { name: 'beds.csv', content: 'region,year,beds\nA,2020,60\n' },
      services: { name: 'services.csv', content: 'region,year,service,capacity,unit\nA,2020,botilbud,30,places\n' },
    });
    const crisis = norms.find((n) => n.norm === 'crisis_teams')!;
    expect(normMeasured(dataset, crisis)).toBe(false);
    const a = analyzeCoverage(dataset, { norms }).regions[0]!;
    expect(a.norms[2]).toEqual({ norm: 'crisis_teams', value: null, per_100k: null, norm_low: 2 / 3, norm_high: 2 / 3, coverage: null, gap: null });
    // psychiatric_beds 60 / 1.5 = 40 per 100k → min(40 / 28.1, 1) = 1; supported_living 30 / 1.5 = 20 → 1; mean 1
    expect(a.coverage_index).toBe(1);
    // with one crisis-team row anywhere the norm is measured, and A, with none, is 1 team short:
    // 2/3 per 100k × 1.5 = 1 team
    const measured = await loadDataset({
      regions: { name: 'regions.csv', content: 'region\nA\nB\n' },
      population: { name: 'population.csv', content: 'region,year,population\nA,2020,150000\nB,2020,150000\n' },
      beds: { name: 'beds.csv', content: 'region,year,beds\nA,2020,60\nB,2020,60\n' },
      services: { name: 'services.csv', content: 'region,year,service,capacity,unit\nA,2020,botilbud,30,places\nB,2020,crisis,1,teams\n' },
    });
    const withB = analyzeCoverage(measured.dataset, { norms: resolveNorms() });
    expect(withB.regions.find((r) => r.region === 'A')!.norms[2]!.gap).toBeCloseTo(1, 12);
  });
});
