// --fill carry|none|linear: how a missing year of a series is filled, value by value and through
// the metrics, every expected number worked by hand.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import type { YearSeries } from '../../src/core/dataset.js';
import type { Report } from '../../src/core/report-schema.js';
import { type FillMode, valueAt } from '../../src/core/series.js';
import { loadDataset } from '../../src/io/load-dataset.js';

const series = (entries: [number, number][]): YearSeries => new Map(entries);

describe('valueAt with a fill mode', () => {
  // Known years 2010 (100) and 2014 (60), and 2020 (80): gaps 2011–2013 and 2015–2019.
  const s = series([
    [2014, 60],
    [2010, 100],
    [2020, 80],
  ]);

  it('carry is the default and the SPEC rule', () => {
    expect(valueAt(s, 2012, 'stock')).toEqual({ value: 100, carried: true, startedLater: false });
    expect(valueAt(s, 2012, 'stock', 'carry')).toEqual({ value: 100, carried: true, startedLater: false });
  });

  it('linear: the straight line between the nearest known years around Y, flagged interpolated', () => {
    // 2011: 100 + (60 − 100) × (2011 − 2010) / (2014 − 2010) = 100 − 10 = 90
    expect(valueAt(s, 2011, 'stock', 'linear')).toEqual({ value: 90, carried: false, startedLater: false, interpolated: true });
    // 2013: 100 − 40 × 3/4 = 70
    expect(valueAt(s, 2013, 'stock', 'linear')?.value).toBe(70);
    // 2017: between 2014 (60) and 2020 (80), not 2010: 60 + 20 × 3/6 = 70
    expect(valueAt(s, 2017, 'service', 'linear')).toEqual({ value: 70, carried: false, startedLater: false, interpolated: true });
  });

  it('linear: a known year is exact, and after the last known year the value is carried', () => {
    expect(valueAt(s, 2014, 'stock', 'linear')).toEqual({ value: 60, carried: false, startedLater: false });
    expect(valueAt(s, 2023, 'stock', 'linear')).toEqual({ value: 80, carried: true, startedLater: false });
  });

  it('none: a gap is unknown, for beds, population and services alike', () => {
    expect(valueAt(s, 2012, 'stock', 'none')).toBeUndefined();
    expect(valueAt(s, 2012, 'service', 'none')).toBeUndefined();
    expect(valueAt(s, 2023, 'service', 'none')).toBeUndefined();
    expect(valueAt(s, 2014, 'service', 'none')).toEqual({ value: 60, carried: false, startedLater: false });
  });

  it('before a series begins is not a gap: service 0 (started later), stock unknown, under every mode', () => {
    for (const fill of ['carry', 'none', 'linear'] as FillMode[]) {
      expect(valueAt(s, 2009, 'service', fill)).toEqual({ value: 0, carried: false, startedLater: true });
      expect(valueAt(s, 2009, 'stock', fill)).toBeUndefined();
    }
  });
});

async function run(files: { population: string; beds?: string; services?: string }, fill: FillMode | undefined, from = 2010, to = 2014): Promise<Report> {
  const { dataset, weights } = await loadDataset({
    regions: { name: 'regions.csv', content: 'region,name\nA,Alpha\n' },
    population: { name: 'population.csv', content: files.population },
    beds: files.beds === undefined ? undefined : { name: 'beds.csv', content: files.beds },
    services: files.services === undefined ? undefined : { name: 'services.csv', content: files.services },
  });
  return analyze(dataset, { weights, from, to, fill });
}

describe('metrics under --fill', () => {
  const files = {
    population: 'region,year,population\nA,2010,100000\nA,2014,200000\n',
    beds: 'region,year,beds\nA,2010,100\nA,2014,60\n',
    // ACT-team (outreach/teams, weight 10): 1 team in 2010, 3 in 2014.
    services: 'region,year,service,capacity,unit\nA,2010,ACT-team,1,teams\nA,2014,ACT-team,3,teams\n',
  };

  it('linear, T inside the gap: every stock and service value interpolated', async () => {
    const report = await run(files, 'linear', 2010, 2012);
    const a = report.regions[0]!;
    // beds at 2012: 100 + (60 − 100) × 2/4 = 80; change −20
    expect(a.beds_to).toBe(80);
    expect(a.bed_change).toBe(-20);
    // teams at 2012: 1 + 2 × 2/4 = 2 → 20 bed-eq.; at 2010: 10; change +10
    expect(a.community_to_be).toBe(20);
    expect(a.community_change_be).toBe(10);
    // net −10 → vacuum 10; population at 2012: 100,000 + 100,000 × 2/4 = 150,000
    expect(a.vacuum_be).toBe(10);
    expect(a.population).toBe(150_000);
    expect(a.vacuum_per_100k).toBeCloseTo(6.6667, 4); // 10 / 150,000 × 100,000
    expect(a.flags).toEqual(['interpolated']);
  });

  it('carry, the same period: the 2010 values carried to 2012, so no change at all', async () => {
    const a = (await run(files, 'carry', 2010, 2012)).regions[0]!;
    expect(a.beds_to).toBe(100);
    expect(a.community_change_be).toBe(0);
    expect(a.vacuum_be).toBe(0);
    expect(a.population).toBe(100_000);
    expect(a.flags).toEqual(['carried_forward']);
  });

  it('none, the same period: beds, population and services unknown at T, so the region is excluded', async () => {
    const report = await run(files, 'none', 2010, 2012);
    expect(report.regions).toEqual([]);
    expect(report.excluded).toEqual([{ region: 'A', reason: 'beds_to, population, community_to_be' }]);
  });

  it('none with every value known at B and T ranks as carry does, without a flag', async () => {
    const a = (await run(files, 'none')).regions[0]!;
    // beds −40; teams 1 → 3: +20; net −20; vacuum 20 / 200,000 × 100,000 = 10
    expect(a.vacuum_be).toBe(20);
    expect(a.vacuum_per_100k).toBeCloseTo(10, 12);
    expect(a.flags).toEqual([]);
  });

  it('none: a service that starts after B still counts 0 at B (not a gap)', async () => {
    const a = (
      await run(
        { ...files, services: 'region,year,service,capacity,unit\nA,2014,ACT-team,3,teams\n' },
        'none',
      )
    ).regions[0]!;
    expect(a.community_from_be).toBe(0);
    expect(a.community_to_be).toBe(30);
    expect(a.flags).toEqual(['service_started_later']);
  });

  it('none, B inside a gap of the services only: community unknown at B, the region is excluded for it', async () => {
    // Beds and population are known in 2012 and 2014; the ACT-team series has 2010 and 2014 but
    // not 2012 (B): under none its value at B is unknown, so community_from_be is (not 0: the
    // series began in 2010, before B, so this is a gap, not a later start).
    const report = await run(
      {
        population: 'region,year,population\nA,2012,100000\nA,2014,100000\n',
        beds: 'region,year,beds\nA,2012,100\nA,2014,60\n',
        services: files.services,
      },
      'none',
      2012,
      2014,
    );
    expect(report.regions).toEqual([]);
    expect(report.excluded).toEqual([{ region: 'A', reason: 'community_from_be' }]);
  });

  it('linear: only a service interpolated, at B or at T, flags the region interpolated', async () => {
    // Beds and population are known every year used; the ACT-team series (2010: 1, 2014: 3) is
    // interpolated at one end only.
    const known = {
      population: 'region,year,population\nA,2010,100000\nA,2012,100000\nA,2014,100000\n',
      beds: 'region,year,beds\nA,2010,100\nA,2012,90\nA,2014,60\n',
      services: files.services,
    };
    // B = 2012 (teams 1 + 2 × 2/4 = 2 → 20 bed-eq.), T = 2014 (3 teams → 30): only B interpolated
    const atB = (await run(known, 'linear', 2012, 2014)).regions[0]!;
    expect(atB.community_from_be).toBe(20);
    expect(atB.community_to_be).toBe(30);
    expect(atB.flags).toEqual(['interpolated']);
    // B = 2010 (1 team → 10), T = 2012 (2 teams → 20): only T interpolated
    const atT = (await run(known, 'linear', 2010, 2012)).regions[0]!;
    expect([atT.community_from_be, atT.community_to_be]).toEqual([10, 20]);
    expect(atT.flags).toEqual(['interpolated']);
  });
});
