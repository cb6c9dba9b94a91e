// servicegap trend: SPEC §3's metrics for B → T′ for every year T′, with the series summed up
// (first year of a vacuum, peak, still open), worked by hand on the crosswalk fixtures and on
// small in-memory datasets.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import type { FillMode } from '../../src/core/series.js';
import { summarizeTrend, trend, type TrendOptions } from '../../src/core/trend.js';
import { TrendReportSchema, type TrendRegion, type TrendReport } from '../../src/core/trend-schema.js';
import { loadDataset } from '../../src/io/load-dataset.js';

const NORWAY = 'fixtures/crosswalk/norway-2020';
const FINLAND = 'fixtures/crosswalk/finland-2023';

async function trendOf(dir: string, options: TrendOptions = {}): Promise<TrendReport> {
  const { dataset, weights } = await loadDataset({ data: dir });
  return trend(dataset, { weights, ...options });
}

async function trendOfFiles(files: { regions?: string; population: string; beds?: string; services?: string }, options: TrendOptions = {}) {
  const { dataset, weights } = await loadDataset({
    regions: { name: 'regions.csv', content: files.regions ?? 'region,name\nA,Alpha\n' },
    population: { name: 'population.csv', content: files.population },
    beds: files.beds === undefined ? undefined : { name: 'beds.csv', content: files.beds },
    // no services file: none on purpose, counted as 0 (SPEC §8: missing is not zero unless said so)
    services: files.services === undefined ? 'none' : { name: 'services.csv', content: files.services },
  });
  return trend(dataset, { weights, ...(files.services === undefined ? { missingCommunity: 'zero' as const } : {}), ...options });
}

const byCode = (report: TrendReport, code: string): TrendRegion => report.regions.find((r) => r.region === code)!;
const column = (region: TrendRegion, key: 'vacuum_be' | 'vacuum_per_100k' | 'bed_change' | 'community_change_be') =>
  region.years.map((y) => y[key]);

describe('Norway 2017–2021 across the 2020 county reform (fixtures/crosswalk/norway-2020)', () => {
  it('every year against the baseline 2017, by hand', async () => {
    const report = await trendOf(NORWAY);
    expect([report.from, report.to, report.fill, report.level]).toEqual([2017, 2021, 'carry', null]);
    const vt = byCode(report, '38');
    expect(vt.years.map((y) => y.year)).toEqual([2017, 2018, 2019, 2020, 2021]);
    // beds 200, 190, 170, 160, 150 → change from 2017: 0, −10, −30, −40, −50
    expect(column(vt, 'bed_change')).toEqual([0, -10, -30, -40, -50]);
    // community 20, 20, 30, 45, 52 → change 0, 0, +10, +25, +32
    expect(column(vt, 'community_change_be')).toEqual([0, 0, 10, 25, 32]);
    // vacuum max(0, −(bed + community change)): 0, 10, 20, 15, 18
    expect(column(vt, 'vacuum_be')).toEqual([0, 10, 20, 15, 18]);
    // per 100k over 420,000 residents: 0, 2.381, 4.762, 3.571, 4.286
    const expected = [0, 10, 20, 15, 18].map((v) => (v / 420_000) * 100_000);
    column(vt, 'vacuum_per_100k').forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 12));
    expect(vt.first_vacuum_year).toBe(2018);
    expect(vt.peak_year).toBe(2019);
    expect(vt.peak_vacuum_per_100k).toBeCloseTo(4.761905, 6);
    expect(vt.open).toBe(true);
    expect(vt.excluded_years).toEqual([]);

    const vl = byCode(report, '46');
    // beds 360, 350, 330, 320, 320; community 20, 20, 20, 40, 50 → vacuum 0, 10, 30, 20, 10
    expect(column(vl, 'vacuum_be')).toEqual([0, 10, 30, 20, 10]);
    expect([vl.first_vacuum_year, vl.peak_year, vl.open]).toEqual([2018, 2019, true]);
    expect(vl.peak_vacuum_per_100k).toBeCloseTo(4.724409, 6); // 30 / 635,000 × 100,000
  });

  it('ranks as report does (by the final year), and the final year is the report', async () => {
    const { dataset, weights } = await loadDataset({ data: NORWAY });
    const report = analyze(dataset, { weights });
    const series = trend(dataset, { weights });
    expect(series.regions.map((r) => [r.rank, r.region])).toEqual(report.regions.map((r) => [r.rank, r.region]));
    for (const r of report.regions) {
      const { rank: _rank, region: _region, name: _name, ...metrics } = r;
      const last = byCode(series, r.region).years.at(-1)!;
      expect(last).toEqual({ year: 2021, ...metrics });
    }
  });

  it('--level 1 sums the two counties into Norge', async () => {
    const report = await trendOf(NORWAY, { level: 1 });
    expect(report.level).toBe(1);
    expect(report.regions.map((r) => r.region)).toEqual(['NO']);
    // beds 560, 540, 500, 480, 470; community 40, 40, 50, 85, 102 → vacuum 0, 20, 50, 35, 28
    expect(column(report.regions[0]!, 'vacuum_be')).toEqual([0, 20, 50, 35, 28]);
    expect((await trendOf(NORWAY, { rollup: true })).level).toBe(1);
  });

  it('the JSON passes its own schema', async () => {
    const report = await trendOf(NORWAY);
    expect(TrendReportSchema.parse(report)).toEqual(report);
    expect(summarizeTrend(report)).toEqual({ ranked: 2, opened: 2, open: 2 });
  });
});

describe('Finland 2021–2024 under --fill (fixtures/crosswalk/finland-2023)', () => {
  const vacuum = async (fill: FillMode) => (await trendOf(FINLAND, { fill })).regions[0]!;

  it('carry: the 2021 population is carried to 2022 and 2023', async () => {
    const a = await vacuum('carry');
    // beds 150, 140, 120, 110; community 50, 55, 72.5, 77.5 → vacuum 0, 5, 7.5, 12.5
    expect(column(a, 'vacuum_be')).toEqual([0, 5, 7.5, 12.5]);
    expect(a.years.map((y) => y.population)).toEqual([206_000, 206_000, 206_000, 206_200]);
    expect(a.years[1]!.flags).toEqual(['carried_forward', 'service_started_later']);
  });

  it('linear: the population between 2021 and 2024 on the line, flagged interpolated', async () => {
    const a = await vacuum('linear');
    // 206,000 + 200 × 1/3 and × 2/3
    expect(a.years[1]!.population).toBeCloseTo(206_066.6667, 3);
    expect(a.years[2]!.population).toBeCloseTo(206_133.3333, 3);
    expect(a.years[1]!.vacuum_per_100k).toBeCloseTo((5 / (206_000 + 200 / 3)) * 100_000, 12);
    expect(a.years[1]!.flags).toEqual(['service_started_later', 'interpolated']);
    expect(a.years[3]!.flags).toEqual(['service_started_later']);
  });

  it('none: no population in 2022 and 2023, so those years are not known', async () => {
    const a = await vacuum('none');
    expect(a.years.map((y) => y.year)).toEqual([2021, 2024]);
    expect(a.excluded_years).toEqual([
      { year: 2022, reason: 'population' },
      { year: 2023, reason: 'population' },
    ]);
    // the series summary uses the known years only: first vacuum 2024
    expect([a.first_vacuum_year, a.peak_year, a.open]).toEqual([2024, 2024, true]);
  });
});

describe('the series summed up', () => {
  const POP = 'region,year,population\nA,2010,100000\nB,2010,100000\nC,2010,100000\n';
  const REGIONS = 'region\nA\nB\nC\n';

  it('a vacuum that closes again is not open; ties for the peak go to the first year; none at all', async () => {
    const report = await trendOfFiles({
      regions: REGIONS,
      population: POP,
      // A: 10 beds closed in 2011, replaced by an ACT team (10 bed-eq.) in 2013
      // B: 5 beds closed in 2011 and 5 more in 2013; an ACT team (10 bed-eq.) from 2012
      // C: nothing changes
      beds: 'region,year,beds\nA,2010,50\nA,2011,40\nB,2010,50\nB,2011,45\nB,2013,40\nC,2010,10\n',
      // C reports no ACT team (0): data, not missing
      services: 'region,year,service,capacity,unit\nA,2013,ACT-team,1,teams\nB,2012,ACT-team,1,teams\nC,2010,ACT-team,0,teams\n',
    }, { from: 2010, to: 2013 });
    const [a, b, c] = ['A', 'B', 'C'].map((code) => byCode(report, code));
    // A: vacuum 0, 10, 10, 0 (the team replaces the beds in 2013): peak 10 first in 2011; closed
    expect(column(a!, 'vacuum_be')).toEqual([0, 10, 10, 0]);
    expect([a!.first_vacuum_year, a!.peak_year, a!.open]).toEqual([2011, 2011, false]);
    expect(a!.peak_vacuum_per_100k).toBe(10);
    // B: vacuum 0, 5, 0 (−5 + 10 = +5), 0 (−10 + 10 = 0): opened 2011, closed
    expect(column(b!, 'vacuum_be')).toEqual([0, 5, 0, 0]);
    expect([b!.first_vacuum_year, b!.peak_year, b!.open]).toEqual([2011, 2011, false]);
    // C: never
    expect([c!.first_vacuum_year, c!.peak_vacuum_per_100k, c!.peak_year, c!.open]).toEqual([null, 0, null, false]);
  });

  it('years before a population series begins are not known; a region unknown at T is excluded', async () => {
    const report = await trendOfFiles({
      regions: 'region\nA\nB\n',
      population: 'region,year,population\nA,2012,100000\n',
      beds: 'region,year,beds\nA,2010,10\nA,2013,5\nB,2010,10\nB,2013,5\n',
    }, { from: 2010, to: 2013 });
    const a = report.regions[0]!;
    expect(a.years.map((y) => y.year)).toEqual([2012, 2013]);
    expect(a.excluded_years).toEqual([
      { year: 2010, reason: 'population' },
      { year: 2011, reason: 'population' },
    ]);
    expect(report.excluded).toEqual([{ region: 'B', reason: 'population' }]);
  });

  it('--sort ranks by another metric of the final year', async () => {
    const report = await trendOf(NORWAY, { sort: 'bed_change' });
    // bed change by 2021: 38 −50, 46 −40: descending puts 46 first
    expect(report.regions.map((r) => r.region)).toEqual(['46', '38']);
    expect(report.sort).toBe('bed_change');
  });
});
