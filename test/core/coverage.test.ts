// SPEC §7 coverage against norms, with every expected number worked by hand. As in
// metrics.test.ts, the data is in-memory CSV text that goes through the real loader.
import { describe, expect, it } from 'vitest';
import { analyze, chooseTargetYear, PeriodError } from '../../src/core/analyze.js';
import { analyzeCoverage } from '../../src/core/analyze-coverage.js';
import { coverageBand, coverageHeatmap } from '../../src/core/coverage-band.js';
import { compareCoverage, rankCoverage } from '../../src/core/coverage-rank.js';
import type { CoverageReport, NormCoverage, RankedCoverage } from '../../src/core/coverage-schema.js';
import { summarizeCoverage } from '../../src/core/coverage-summary.js';
import { coverageIndex, regionCoverageIndex, regionNormCoverage, regionNormSeries } from '../../src/core/coverage.js';
import { parseConfig } from '../../src/io/config-file.js';
import { loadDataset } from '../../src/io/load-dataset.js';

interface Files {
  regions?: string;
  population: string;
  beds?: string;
  services?: string;
}

// A case without a services file says so on purpose (--services none) and counts its regions'
// community capacity as 0 (--missing-community zero): missing is not zero unless the user says
// so (SPEC §8), and these cases are about beds.
async function load(files: Files, config: unknown = {}) {
  return loadDataset(
    {
      regions: { name: 'regions.csv', content: files.regions ?? 'region,name\nA,Alpha\n' },
      population: { name: 'population.csv', content: files.population },
      beds: files.beds === undefined ? undefined : { name: 'beds.csv', content: files.beds },
      services: files.services === undefined ? 'none' : { name: 'services.csv', content: files.services },
    },
    { config: parseConfig(JSON.stringify(config), 'c.json') },
  );
}

async function coverage(files: Files, options: { to?: number; config?: unknown } = {}): Promise<CoverageReport> {
  const { dataset, norms } = await load(files, options.config);
  return analyzeCoverage(dataset, { norms, to: options.to, missingCommunity: files.services === undefined ? 'zero' : 'exclude' });
}

/** The crisis-team norm, exactly one team per 150,000 people (SPEC §4): 100,000 / 150,000 per 100k. */
const CRISIS = 100_000 / 150_000;

function region(report: CoverageReport, code = 'A'): RankedCoverage {
  const found = report.regions.find((r) => r.region === code);
  if (!found) throw new Error(`region ${code} not ranked: ${JSON.stringify(report.excluded)}`);
  return found;
}

function norm(r: RankedCoverage, name: string): NormCoverage {
  const found = r.norms.find((n) => n.norm === name);
  if (!found) throw new Error(`no norm ${name}`);
  return found;
}

// One region A of 200,000 people at T = 2020, so per 100k = value / 2.
const FULL: Files = {
  population: 'region,year,population\nA,2020,200000\n',
  beds: 'region,year,beds\nA,2010,60\nA,2020,40\n',
  services: [
    'region,year,service,capacity,unit',
    'A,2020,general_hospital,10,beds',
    'A,2020,crisis,2,beds',
    'A,2020,cmhc,4,beds',
    'A,2020,cmhc,900,fte', // cmhc in fte: not a bed, not in any norm
    'A,2020,botilbud,30,places', // supported_living
    'A,2020,supported_living,3,beds',
    'A,2020,ambulant akutteam,1,teams', // crisis teams
    'A,2020,day_services,50,places', // in no default norm
  ].join('\n'),
};

describe('coverage of each norm, by hand', () => {
  it('psychiatric_beds: beds.csv beds + general_hospital, crisis and cmhc beds', async () => {
    const n = norm(region(await coverage(FULL)), 'psychiatric_beds');
    // 40 + 10 + 2 + 4 = 56 beds; 56 / 200,000 × 100,000 = 28 per 100k
    expect(n.value).toBe(56);
    expect(n.per_100k).toBeCloseTo(28, 12);
    expect([n.norm_low, n.norm_high]).toEqual([28.1, 41.7]);
    // 28 / 28.1 = 0.99644; just under the low end
    expect(n.coverage).toBeCloseTo(28 / 28.1, 12);
    expect(n.coverage).toBeCloseTo(0.99644, 5);
    // (28.1 − 28) × 200,000 / 100,000 = 0.2 beds short
    expect(n.gap).toBeCloseTo(0.2, 9);
    expect(coverageBand(n)).toBe('under');
  });

  it('supported_living: places + beds', async () => {
    const n = norm(region(await coverage(FULL)), 'supported_living');
    // 30 + 3 = 33; 33 / 2 = 16.5 per 100k; 16.5 / 10 = 1.65; within 10–20, no gap
    expect(n.value).toBe(33);
    expect(n.per_100k).toBeCloseTo(16.5, 12);
    expect(n.coverage).toBeCloseTo(1.65, 12);
    expect(n.gap).toBe(0);
    expect(coverageBand(n)).toBe('within');
  });

  it('crisis_teams: crisis teams', async () => {
    const n = norm(region(await coverage(FULL)), 'crisis_teams');
    // 1 team / 2 = 0.5 per 100k; the norm is exactly 2/3 per 100k (one team per 150,000):
    // 0.5 / (2/3) = 0.75; (2/3 − 0.5) × 2 = 1/3 team short (not the 0.334 of a rounded 0.667)
    expect(n.value).toBe(1);
    expect(n.per_100k).toBeCloseTo(0.5, 12);
    expect([n.norm_low, n.norm_high]).toEqual([CRISIS, CRISIS]);
    expect(n.coverage).toBeCloseTo(0.75, 12);
    expect(n.gap).toBeCloseTo(1 / 3, 12);
    expect(coverageBand(n)).toBe('under');
  });

  it('coverage_index: the mean of min(coverage, 1) over the norms', async () => {
    const a = region(await coverage(FULL));
    // (0.99644 + min(1.65, 1) + 0.75) / 3 = 2.74644 / 3 = 0.91548
    expect(a.coverage_index).toBeCloseTo((28 / 28.1 + 1 + 0.75) / 3, 12);
    expect(a.coverage_index).toBeCloseTo(0.91548, 5);
    expect(a.population).toBe(200_000);
    expect(a.rank).toBe(1);
    expect(a.norms.map((n) => n.norm)).toEqual(['psychiatric_beds', 'supported_living', 'crisis_teams']);
  });

  it('above the high end: coverage above 1 counts as 1 in the index, band "above"', async () => {
    const a = region(
      await coverage({
        population: 'region,year,population\nA,2020,100000\n',
        beds: 'region,year,beds\nA,2020,100\n', // 100 per 100k > 41.7
        services: 'region,year,service,capacity,unit\nA,2020,botilbud,25,places\nA,2020,crisis,2,teams\n',
      }),
    );
    expect(norm(a, 'psychiatric_beds').coverage).toBeCloseTo(100 / 28.1, 12); // 3.5587
    expect(coverageBand(norm(a, 'psychiatric_beds'))).toBe('above');
    expect(coverageBand(norm(a, 'supported_living'))).toBe('above'); // 25 > 20
    expect(coverageBand(norm(a, 'crisis_teams'))).toBe('above'); // 2 > 0.667
    expect(a.coverage_index).toBe(1); // (1 + 1 + 1) / 3
    expect(a.norms.every((n) => n.gap === 0)).toBe(true);
  });
});

describe('values at T follow the SPEC §3 series rule', () => {
  it('beds and services carried from an earlier year; a service not yet started counts 0', async () => {
    const a = region(
      await coverage(
        {
          population: 'region,year,population\nA,2010,100000\n', // carried to 2020
          beds: 'region,year,beds\nA,2015,30\nA,2022,10\n', // 2015 carried to 2020
          services: [
            'region,year,service,capacity,unit',
            'A,2012,botilbud,12,places', // carried to 2020
            'A,2021,crisis,1,teams', // only after T: 0 at T
          ].join('\n'),
        },
        { to: 2020 },
      ),
    );
    expect(norm(a, 'psychiatric_beds').value).toBe(30);
    expect(norm(a, 'supported_living').value).toBe(12);
    const crisis = norm(a, 'crisis_teams');
    expect(crisis.value).toBe(0);
    expect(crisis.coverage).toBe(0);
    expect(crisis.gap).toBeCloseTo(2 / 3, 12); // (2/3 − 0) × 1
    // (min(30 / 28.1, 1) + min(1.2, 1) + 0) / 3 = 2 / 3
    expect(a.coverage_index).toBeCloseTo(2 / 3, 12);
  });
});

describe('unknown measures: nulls, left out of the index', () => {
  const nullNorm = (name: string, low: number, high: number): NormCoverage => ({
    norm: name,
    value: null,
    per_100k: null,
    norm_low: low,
    norm_high: high,
    coverage: null,
    gap: null,
  });

  it('an events beds file: psychiatric_beds is unknown, the index is over the other norms', async () => {
    const a = region(
      await coverage({
        population: 'region,year,population\nA,2020,100000\n',
        beds: 'region,date,beds_closed\nA,2015,10\nA,2020,5\n',
        services: 'region,year,service,capacity,unit\nA,2020,general_hospital,30,beds\nA,2020,botilbud,5,places\nA,2020,crisis,1,teams\n',
      }),
    );
    expect(norm(a, 'psychiatric_beds')).toEqual(nullNorm('psychiatric_beds', 28.1, 41.7));
    expect(coverageBand(norm(a, 'psychiatric_beds'))).toBe('unknown');
    // supported_living 5 / 10 = 0.5; crisis 1 / 0.667 → 1; (0.5 + 1) / 2 = 0.75 (not / 3)
    expect(a.coverage_index).toBeCloseTo(0.75, 12);
  });

  it('a stock file with no bed row for the region at or before T, or no beds file at all', async () => {
    const files: Files = {
      regions: 'region\nA\nB\n',
      population: 'region,year,population\nA,2020,100000\nB,2020,100000\n',
      beds: 'region,year,beds\nA,2010,50\nA,2020,40\nB,2021,40\n', // B: only after T
      services: 'region,year,service,capacity,unit\nA,2020,botilbud,15,places\nB,2020,botilbud,15,places\n',
    };
    const report = await coverage(files, { to: 2020 });
    expect(norm(region(report, 'A'), 'psychiatric_beds').value).toBe(40);
    expect(norm(region(report, 'B'), 'psychiatric_beds').value).toBeNull();
    // B is not excluded: coverage needs only the population at T (and community data)
    expect(report.excluded).toEqual([]);
    // no crisis-team row anywhere in the data: not measured, null for every region (SPEC §8)
    expect(norm(region(report, 'A'), 'crisis_teams')).toEqual(nullNorm('crisis_teams', CRISIS, CRISIS));
    // B: supported_living 15 → 1; crisis_teams left out; 1 / 1 = 1
    expect(region(report, 'B').coverage_index).toBeCloseTo(1, 12);

    const noBeds = await coverage({ ...files, beds: undefined }, { to: 2020 });
    expect(norm(region(noBeds, 'A'), 'psychiatric_beds').coverage).toBeNull();
  });

  it('a region with no known norm has a null index and is ranked last, ties by code', async () => {
    const report = await coverage(
      {
        regions: 'region\nNONE2\nLOW\nNONE1\nHIGH\n',
        population: 'region,year,population\nNONE2,2020,100000\nLOW,2020,100000\nNONE1,2020,100000\nHIGH,2020,100000\n',
        beds: 'region,year,beds\nLOW,2020,14.05\nHIGH,2020,28.1\n', // LOW: 14.05 / 28.1 = 0.5; HIGH: 1
      },
      { config: { norms: { supported_living: false, crisis_teams: false } } },
    );
    expect(report.regions.map((r) => [r.rank, r.region, r.coverage_index])).toEqual([
      [1, 'LOW', 0.5],
      [2, 'HIGH', 1],
      [3, 'NONE1', null],
      [4, 'NONE2', null],
    ]);
    expect(region(report, 'NONE1').norms).toEqual([nullNorm('psychiatric_beds', 28.1, 41.7)]);
  });

  it('coverageIndex of no norms, or of unknown norms only, is null', () => {
    expect(coverageIndex([])).toBeNull();
    expect(coverageIndex([nullNorm('x', 1, 2)])).toBeNull();
  });
});

describe('ranking: coverage_index ascending, ties by region code (code-unit order)', () => {
  it('least covered first; equal indexes by code, upper case before lower case', async () => {
    // crisis teams only: index = min(teams / 0.667, 1) with 100,000 people
    const report = await coverage(
      {
        regions: 'region\nb\nZ\nMID\nTOP\n',
        population: 'region,year,population\nb,2020,100000\nZ,2020,100000\nMID,2020,100000\nTOP,2020,100000\n',
        services: 'region,year,service,capacity,unit\nb,2020,crisis,0.2,teams\nZ,2020,crisis,0.2,teams\nMID,2020,crisis,0.5,teams\nTOP,2020,crisis,3,teams\n',
      },
      { to: 2020, config: { norms: { psychiatric_beds: false, supported_living: false } } },
    );
    // b and Z: 0.2 / 0.667 = 0.29985 (a tie: "Z" < "b" in code units); MID 0.74963; TOP 1
    expect(report.regions.map((r) => r.region)).toEqual(['Z', 'b', 'MID', 'TOP']);
    expect(report.regions.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
    expect(report.regions[0]!.coverage_index).toBe(report.regions[1]!.coverage_index);
  });

  it('compareCoverage and rankCoverage directly', () => {
    const r = (region: string, coverage_index: number | null) => ({ region, name: region, population: 1, coverage_index, norms: [] });
    expect(compareCoverage(r('A', 0.2), r('B', 0.9))).toBeLessThan(0);
    expect(compareCoverage(r('A', null), r('B', 0))).toBeGreaterThan(0);
    expect(compareCoverage(r('B', 0.5), r('A', 0.5))).toBeGreaterThan(0);
    expect(rankCoverage([r('C', null), r('B', 1), r('A', 0)]).map((x) => [x.rank, x.region])).toEqual([
      [1, 'A'],
      [2, 'B'],
      [3, 'C'],
    ]);
  });
});

describe('exclusions and T', () => {
  it('a region whose population at T is unknown is excluded with the reason, as in report', async () => {
    const report = await coverage(
      {
        regions: 'region\nA\nLATE\n',
        population: 'region,year,population\nA,2020,100000\nLATE,2021,5000\n',
        beds: 'region,year,beds\nA,2020,30\nLATE,2020,3\n',
      },
      { to: 2020 },
    );
    expect(report.regions.map((r) => r.region)).toEqual(['A']);
    expect(report.excluded).toEqual([{ region: 'LATE', reason: 'population' }]);
  });

  it('T defaults to the latest beds year; --to picks another, even before the first beds year', async () => {
    const files: Files = {
      population: 'region,year,population\nA,2000,100000\n',
      beds: 'region,year,beds\nA,2010,40\nA,2020,20\n',
    };
    expect((await coverage(files)).to).toBe(2020);
    expect(norm(region(await coverage(files)), 'psychiatric_beds').value).toBe(20);
    expect(norm(region(await coverage(files, { to: 2015 })), 'psychiatric_beds').value).toBe(40); // 2010 carried
    const early = await coverage(files, { to: 2005 }); // before any bed row: the bed part is unknown
    expect(early.to).toBe(2005);
    expect(norm(region(early), 'psychiatric_beds').value).toBeNull();
  });

  it('no beds file: T is the latest services year; no years at all is a PeriodError', async () => {
    const { dataset } = await load({
      population: 'region,year,population\nA,2000,100000\n',
      services: 'region,year,service,capacity,unit\nA,2012,crisis,1,teams\nA,2018,crisis,2,teams\n',
    });
    expect(chooseTargetYear(dataset)).toBe(2018);
    const empty = await load({ population: 'region,year,population\nA,2000,100000\n' });
    expect(() => chooseTargetYear(empty.dataset)).toThrow(PeriodError);
    expect(() => chooseTargetYear(empty.dataset)).toThrow('give --to');
    expect(chooseTargetYear(empty.dataset, 2001)).toBe(2001);
  });

  it('carries the dataset warnings and the version', async () => {
    const { dataset } = await load({ population: 'region,year,population\nA,2000,1000\n' });
    const report = analyzeCoverage(dataset, { to: 2000, version: '9.9.9' });
    expect(report.servicegap).toBe('9.9.9');
    expect(report.warnings).toEqual([{ file: 'beds.csv', line: null, message: 'no beds file: institutional bed change counts as 0' }]);
  });
});

describe('plausibility notices in a coverage report (SPEC §8)', () => {
  it('a change of definition at any step up to T, for ranked regions only; no B–T checks, since coverage has no B', async () => {
    const report = await coverage(
      {
        regions: 'region\nA\nB\n',
        // A: 100,000 → 140,000 (+40 %, a B–T notice in a report, not here)
        population: 'region,year,population\nA,2010,100000\nA,2020,140000\nB,2020,50000\n',
        // A: 120 → 30 (×0.25) long before T, then 30 → 100 (×3.33) after T = 2020: only the first
        // bears on T. B: 80 → 10 (×0.125), but B has no services row and is excluded.
        beds: 'region,year,beds\nA,2005,120\nA,2010,30\nA,2020,30\nA,2022,100\nB,2010,80\nB,2020,10\n',
        // cmhc fte (weight 0) 100 → 200: a report's weight-0 notice, not coverage's
        services: 'region,year,service,capacity,unit\nA,2010,cmhc,100,fte\nA,2020,cmhc,200,fte\nA,2020,botilbud,10,places\n',
      },
      { to: 2020 },
    );
    expect(report.excluded).toEqual([{ region: 'B', reason: 'community' }]);
    expect(report.warnings.filter((w) => w.kind === 'plausibility')).toEqual([
      {
        file: 'beds.csv',
        line: null,
        kind: 'plausibility',
        // 30 / 120 = 0.25
        message:
          'A institutional beds: 120 in 2005 → 30 in 2010 (×0.25), more than a factor 3 between two reported years: ' +
          'a change of definition or coverage? Check the source; the numbers are used as given',
      },
    ]);
  });
});

describe('config overrides change the numbers', () => {
  it('a changed range, a dropped norm and an added norm', async () => {
    const a = region(
      await coverage(FULL, {
        config: {
          norms: {
            supported_living: { low: 20, high: 30 },
            crisis_teams: false,
            day_places: { measures: [{ category: 'day_services', unit: 'places' }], low: 40, high: 60, unit_label: 'day places' },
          },
        },
      }),
    );
    expect(a.norms.map((n) => n.norm)).toEqual(['psychiatric_beds', 'supported_living', 'day_places']);
    const living = norm(a, 'supported_living');
    // 16.5 per 100k against low 20: 16.5 / 20 = 0.825; (20 − 16.5) × 2 = 7 places short
    expect([living.norm_low, living.norm_high]).toEqual([20, 30]);
    expect(living.coverage).toBeCloseTo(0.825, 12);
    expect(living.gap).toBeCloseTo(7, 12);
    const day = norm(a, 'day_places');
    // 50 places / 2 = 25 per 100k; 25 / 40 = 0.625; (40 − 25) × 2 = 30 day places short
    expect(day.value).toBe(50);
    expect(day.coverage).toBeCloseTo(0.625, 12);
    expect(day.gap).toBeCloseTo(30, 12);
    // (28 / 28.1 + 0.825 + 0.625) / 3 = 0.81548
    expect(a.coverage_index).toBeCloseTo((28 / 28.1 + 0.825 + 0.625) / 3, 12);
  });
});

describe('coverage_index in the report (SPEC §7 in §6)', () => {
  it('is the coverage command\'s index at the report\'s T, with the norms in force', async () => {
    const { dataset, weights, norms } = await load(FULL, { norms: { crisis_teams: false } });
    const report = analyze(dataset, { weights, norms, from: 2010 });
    const cov = analyzeCoverage(dataset, { norms, to: report.to });
    expect(report.regions[0]!.coverage_index).toBe(cov.regions[0]!.coverage_index);
    // (28 / 28.1 + 1) / 2 = 0.99822
    expect(report.regions[0]!.coverage_index).toBeCloseTo((28 / 28.1 + 1) / 2, 12);
    // default norms when none are given: all three (0.91548, as worked above)
    expect(analyze(dataset, { weights, from: 2010 }).regions[0]!.coverage_index).toBeCloseTo(0.91548, 5);
  });

  it('is a --sort metric, descending (best covered first; nulls last as for every metric)', async () => {
    const { dataset } = await load({
      regions: 'region\nA\nB\nC\n',
      population: 'region,year,population\nA,2020,100000\nB,2020,100000\nC,2020,100000\n',
      beds: 'region,date,beds_closed\nA,2015,1\n', // events: no psychiatric_beds anywhere
      // C reports 0 places: an explicit 0 is data (a region with no row at all would be excluded)
      services: 'region,year,service,capacity,unit\nA,2020,botilbud,5,places\nB,2020,botilbud,8,places\nC,2020,botilbud,0,places\n',
    });
    const norms = (await load({ population: 'region,year,population\nA,2020,1\n' }, { norms: { crisis_teams: false } })).norms;
    const report = analyze(dataset, { norms, from: 2010, to: 2020, sort: 'coverage_index' });
    // psychiatric_beds unknown (events), crisis_teams dropped: supported_living alone.
    // B 8 / 10 = 0.8; A 5 / 10 = 0.5; C 0 / 10 = 0
    expect(report.regions.map((r) => [r.region, r.coverage_index])).toEqual([
      ['B', 0.8],
      ['A', 0.5],
      ['C', 0],
    ]);
  });
});

describe('bands, heatmap grid and summary', () => {
  it('bands at the edges: low and high themselves are within', () => {
    const at = (per_100k: number | null) => coverageBand({ per_100k, norm_low: 10, norm_high: 20 });
    expect([at(9.99), at(10), at(15), at(20), at(20.01), at(null)]).toEqual(['under', 'within', 'within', 'within', 'above', 'unknown']);
  });

  it('the heatmap grid has a row per region in rank order and a cell per norm', async () => {
    const report = await coverage({
      regions: 'region,name\nA,Alpha\nB,Beta\n',
      population: 'region,year,population\nA,2020,100000\nB,2020,100000\n',
      beds: 'region,year,beds\nA,2020,30\n',
      services: 'region,year,service,capacity,unit\nA,2020,botilbud,25,places\nB,2020,botilbud,5,places\n',
    });
    const grid = coverageHeatmap(report);
    expect(grid.norms).toEqual(['psychiatric_beds', 'supported_living', 'crisis_teams']);
    // No crisis-team row in the data: crisis_teams is not measured, unknown everywhere (SPEC §8).
    // B: 5 / 10 = 0.5 alone (beds unknown); A: (min(30 / 28.1, 1) + min(2.5, 1)) / 2 = 1
    expect(grid.rows.map((r) => [r.rank, r.region, r.name])).toEqual([
      [1, 'B', 'Beta'],
      [2, 'A', 'Alpha'],
    ]);
    expect(grid.rows[0]!.cells.map((c) => [c.norm, c.band])).toEqual([
      ['psychiatric_beds', 'unknown'],
      ['supported_living', 'under'],
      ['crisis_teams', 'unknown'],
    ]);
    expect(grid.rows[1]!.cells.map((c) => c.band)).toEqual(['within', 'above', 'unknown']);
    expect(grid.rows[1]!.cells[0]!.coverage).toBeCloseTo(30 / 28.1, 12);
    expect(summarizeCoverage(report)).toEqual({ ranked: 2, under: 1 });
  });
});

describe('regionCoverageIndex: the index without a NormCoverage per norm', () => {
  it('equals coverageIndex(regionNormCoverage(…)) bit for bit, with and without the region\'s series looked up once: every bundled and worked-example region and year, an events beds file, a region without rows, population 0', async () => {
    let compared = 0;
    let nulls = 0;
    let known = 0;
    // The bundled data (no norm measured: every index null) and the worked example (measured).
    for (const { dataset, norms } of [await loadDataset(), await loadDataset({ data: 'fixtures/worked-stock' })]) {
      for (const code of dataset.regions.keys()) {
        const series = regionNormSeries(dataset, code, norms);
        for (let year = 2010; year <= 2025; year++) {
          for (const population of [dataset.population.get(code)?.get(year) ?? 123_456, 0, 1.5]) {
            const expected = coverageIndex(regionNormCoverage(dataset, code, year, population, norms));
            expect(Object.is(regionCoverageIndex(dataset, code, year, population, norms), expected)).toBe(true);
            expect(Object.is(regionCoverageIndex(dataset, code, year, population, norms, series), expected)).toBe(true);
            compared++;
            if (expected === null) nulls++;
            else known++;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(500);
    expect(known).toBeGreaterThan(20);
    // Unknown norms: an events beds file leaves psychiatric_beds out; no norm known gives null.
    const events = await load({
      regions: 'region,name\nA,Alpha\nB,Beta\n',
      population: 'region,year,population\nA,2020,50000\nB,2020,50000\n',
      beds: 'region,date,beds_closed\nA,2020,3\n',
      services: 'region,year,service,capacity,unit\nA,2020,crisis team,2,teams\n',
    });
    for (const code of ['A', 'B', 'C']) {
      for (const population of [50_000, 0]) {
        const expected = coverageIndex(regionNormCoverage(events.dataset, code, 2020, population, events.norms));
        expect(Object.is(regionCoverageIndex(events.dataset, code, 2020, population, events.norms), expected)).toBe(true);
        const series = regionNormSeries(events.dataset, code, events.norms);
        expect(Object.is(regionCoverageIndex(events.dataset, code, 2020, population, events.norms, series), expected)).toBe(true);
        if (expected === null) nulls++;
      }
    }
    expect(nulls).toBeGreaterThan(0);
  });

  it('does not use series looked up for another region, another norm table or another dataset', async () => {
    // The worked example (SPEC §3): its norms are measured (the bundled data measures none).
    const { dataset, norms } = await loadDataset({ data: 'fixtures/worked-stock' });
    const codes = [...dataset.regions.keys()];
    const population = 100_000;
    // A year and two regions whose indexes differ (else this test would prove nothing).
    const index = (code: string, year: number) => regionCoverageIndex(dataset, code, year, population, norms);
    const year = [2025, 2024, 2023, 2022, 2021, 2020, 2015].find((y) => index(codes[0]!, y) !== null && codes.some((c) => index(c, y) !== null && index(c, y) !== index(codes[0]!, y)))!;
    expect(year).toBeDefined();
    const a = codes[0]!;
    const b = codes.find((c) => index(c, year) !== null && index(c, year) !== index(a, year))!;
    const expected = index(a, year);
    // A's code in another dataset, with other figures.
    const elsewhere = await load({
      regions: `region,name\n${a},Elsewhere\n`,
      population: `region,year,population\n${a},${year},50000\n`,
      beds: `region,year,beds\n${a},${year},7\n`,
      services: `region,year,service,capacity,unit\n${a},${year},crisis team,9,teams\n`,
    });
    // Looked up for B, for A in that other dataset.
    const others = [regionNormSeries(dataset, b, norms), regionNormSeries(elsewhere.dataset, a, norms)];
    for (const other of others) expect(Object.is(regionCoverageIndex(dataset, a, year, population, norms, other), expected)).toBe(true);
    // Looked up for another norm table: two one-norm tables whose indexes differ for a region
    // (at a population large enough that a coverage stays under 1).
    const tables = norms.map((norm) => [norm]);
    const pairs = codes.flatMap((code) =>
      tables.flatMap((ti, i) =>
        tables.map((tj, j) => ({ code, ti, tj, x: regionCoverageIndex(dataset, code, year, 1e6, ti), y: regionCoverageIndex(dataset, code, year, 1e6, tj), i, j })),
      ),
    );
    const pair = pairs.find((p) => p.i !== p.j && p.x !== null && p.y !== null && p.x !== p.y)!;
    expect(pair).toBeDefined();
    expect(Object.is(regionCoverageIndex(dataset, pair.code, year, 1e6, pair.ti, regionNormSeries(dataset, pair.code, pair.tj)), pair.x)).toBe(true);
    // And used when it is the region's own.
    expect(Object.is(regionCoverageIndex(dataset, b, year, population, norms, regionNormSeries(dataset, b, norms)), index(b, year))).toBe(true);
  });
});
