// SPEC §3 metrics, region by region, with every expected number worked by hand. The data is
// given as in-memory CSV text and goes through the real loader, so each case reads like a
// small data folder.
import { describe, expect, it } from 'vitest';
import { analyze, type AnalyzeOptions, choosePeriod, PeriodError } from '../../src/core/analyze.js';
import { regionMetrics } from '../../src/core/metrics.js';
import type { RankedRegion, Report } from '../../src/core/report-schema.js';
import { loadDataset } from '../../src/io/load-dataset.js';

interface Files {
  regions?: string;
  population: string;
  beds?: string;
  services?: string;
}

// A case without a services file says so on purpose (--services none), and its regions count
// their community capacity as 0 (--missing-community zero, flag no_community_data): missing is
// not zero unless the user says so (SPEC §8), and these cases are about beds and population.
async function load(files: Files) {
  return loadDataset({
    regions: { name: 'regions.csv', content: files.regions ?? 'region,name\nA,Alpha\n' },
    population: { name: 'population.csv', content: files.population },
    beds: files.beds === undefined ? undefined : { name: 'beds.csv', content: files.beds },
    services: files.services === undefined ? 'none' : { name: 'services.csv', content: files.services },
  });
}

async function run(files: Files, options: AnalyzeOptions = {}): Promise<Report> {
  const { dataset, weights } = await load(files);
  return analyze(dataset, { weights, ...(files.services === undefined ? { missingCommunity: 'zero' as const } : {}), ...options });
}

function region(report: Report, code = 'A'): RankedRegion {
  const found = report.regions.find((r) => r.region === code);
  if (!found) throw new Error(`region ${code} not ranked: ${JSON.stringify(report.excluded)}`);
  return found;
}

const POP_FLAT = 'region,year,population\nA,2010,100000\nA,2020,100000\n';

describe('stock beds', () => {
  it('a full hand-worked region: carried beds, a service that starts later, rate view', async () => {
    const report = await run(
      {
        population: 'region,year,population\nA,2010,200000\nA,2020,250000\n',
        beds: 'region,year,beds\nA,2010,100\nA,2015,60\n',
        services: [
          'region,year,service,capacity,unit',
          'A,2010,ACT-team,1,teams', // outreach/teams, w = 10
          'A,2020,ACT-team,2,teams',
          'A,2014,botilbud,10,places', // supported_living/places, w = 1; none at 2010
        ].join('\n'),
      },
      { from: 2010, to: 2020 },
    );
    const a = region(report);
    // beds: 100 at 2010; 2020 has no row → 2015's 60 carried
    expect(a.beds_from).toBe(100);
    expect(a.beds_to).toBe(60);
    expect(a.bed_change).toBe(-40); // 60 − 100
    expect(a.beds_closed).toBe(40); // max(0, 40)
    // community at B: 10 × 1 + 1 × 0 (botilbud started later) = 10
    expect(a.community_from_be).toBe(10);
    // community at T: 10 × 2 + 1 × 10 (2014 carried to 2020) = 30
    expect(a.community_to_be).toBe(30);
    expect(a.community_change_be).toBe(20); // 30 − 10
    expect(a.net_change_be).toBe(-20); // −40 + 20
    expect(a.vacuum_be).toBe(20); // max(0, 20)
    expect(a.vacuum_per_100k).toBeCloseTo(8, 12); // 20 / 250,000 × 100,000 = 8
    expect(a.replacement_ratio).toBeCloseTo(0.5, 12); // 20 / 40
    expect(a.population).toBe(250_000);
    expect(a.capacity_per_100k_from).toBeCloseTo(55, 12); // (100 + 10) / 200,000 × 100,000 = 55
    expect(a.capacity_per_100k_to).toBeCloseTo(36, 12); // (60 + 30) / 250,000 × 100,000 = 36
    expect(a.rate_drop_per_100k).toBeCloseTo(19, 12); // 55 − 36
    expect(a.flags).toEqual(['carried_forward', 'service_started_later']);
    expect(a.rank).toBe(1);
  });

  it('beds carried to T flag carried_forward (and nothing else)', async () => {
    const a = region(
      await run({ population: POP_FLAT, beds: 'region,year,beds\nA,2010,100\nA,2015,80\n' }, { from: 2010, to: 2020 }),
    );
    expect(a.beds_to).toBe(80); // 2015 carried to 2020
    expect(a.bed_change).toBe(-20); // 80 − 100
    expect(a.vacuum_be).toBe(20);
    expect(a.vacuum_per_100k).toBeCloseTo(20, 12); // 20 / 100,000 × 100,000
    expect(a.flags).toEqual(['carried_forward', 'no_community_data']);
  });

  it('exact values everywhere give no flags', async () => {
    const a = region(await run({ population: POP_FLAT, beds: 'region,year,beds\nA,2010,100\nA,2020,80\n' }));
    expect(a.flags).toEqual(['no_community_data']);
    expect(a.bed_change).toBe(-20);
  });

  it('population at T carried from an earlier year flags carried_forward', async () => {
    const a = region(
      await run({
        population: 'region,year,population\nA,2010,100000\nA,2018,120000\n',
        beds: 'region,year,beds\nA,2010,100\nA,2020,100\n',
      }),
    );
    expect(a.population).toBe(120_000); // 2018 carried to T = 2020 (not 2010's 100,000)
    expect(a.flags).toEqual(['carried_forward', 'no_community_data']);
    expect(a.vacuum_be).toBe(0); // 100 → 100
    expect(a.capacity_per_100k_to).toBeCloseTo(83.3333, 4); // 100 / 120,000 × 100,000 = 83.333
  });

  it('population at B carried (for the rate view) flags carried_forward', async () => {
    const a = region(
      await run({
        population: 'region,year,population\nA,2005,80000\nA,2020,100000\n',
        beds: 'region,year,beds\nA,2010,100\nA,2020,100\n',
      }),
    );
    // population at B = 2010: 2005's 80,000 carried → 100 / 80,000 × 100,000 = 125
    expect(a.capacity_per_100k_from).toBeCloseTo(125, 12);
    expect(a.capacity_per_100k_to).toBeCloseTo(100, 12); // 100 / 100,000 × 100,000
    expect(a.rate_drop_per_100k).toBeCloseTo(25, 12); // 125 − 100
    expect(a.flags).toEqual(['carried_forward', 'no_community_data']);
  });

  it('population at B unknown (only later years): capacity_per_100k_from and rate_drop are null, the region is still ranked', async () => {
    const a = region(
      await run({
        population: 'region,year,population\nA,2020,100000\n',
        beds: 'region,year,beds\nA,2010,100\nA,2020,90\n',
      }),
    );
    expect(a.capacity_per_100k_from).toBeNull();
    expect(a.capacity_per_100k_to).toBeCloseTo(90, 12); // 90 / 100,000 × 100,000
    expect(a.rate_drop_per_100k).toBeNull();
    expect(a.vacuum_per_100k).toBeCloseTo(10, 12); // 10 / 100,000 × 100,000
  });

  it('a service absent at B counts 0 there and flags service_started_later', async () => {
    const a = region(
      await run({
        population: POP_FLAT,
        beds: 'region,year,beds\nA,2010,100\nA,2020,90\n',
        services: 'region,year,service,capacity,unit\nA,2020,crisis,1,teams\n',
      }),
    );
    expect(a.community_from_be).toBe(0);
    expect(a.community_to_be).toBe(12.5); // 1 team × 12.5
    expect(a.net_change_be).toBe(2.5); // −10 + 12.5
    expect(a.vacuum_be).toBe(0);
    expect(a.replacement_ratio).toBeCloseTo(1.25, 12); // 12.5 / 10
    expect(a.flags).toEqual(['service_started_later']);
  });

  it('a service with weight 0 still flags service_started_later', async () => {
    const a = region(
      await run({
        population: POP_FLAT,
        beds: 'region,year,beds\nA,2010,100\nA,2020,100\n',
        services: 'region,year,service,capacity,unit\nA,2020,vertaistuki,5,fte\n', // peer_support/fte, w = 0
      }),
    );
    expect(a.community_to_be).toBe(0); // 0 × 5
    expect(a.flags).toEqual(['service_started_later']);
  });

  it('replacement_ratio is null when no beds closed and negative when community shrank too', async () => {
    const report = await run({
      regions: 'region\nFLAT\nSHRINK\n',
      population: 'region,year,population\nFLAT,2010,100000\nFLAT,2020,100000\nSHRINK,2010,100000\nSHRINK,2020,100000\n',
      beds: 'region,year,beds\nFLAT,2010,50\nFLAT,2020,50\nSHRINK,2010,100\nSHRINK,2020,90\n',
      // FLAT reports its day places as 0: data, not missing (SPEC §8), so it is ranked.
      services: 'region,year,service,capacity,unit\nFLAT,2010,day centre,0,places\nSHRINK,2010,day centre,20,places\nSHRINK,2020,day centre,12,places\n',
    });
    const flat = region(report, 'FLAT');
    expect(flat.beds_closed).toBe(0);
    expect(flat.replacement_ratio).toBeNull();
    const shrink = region(report, 'SHRINK');
    // day_services/places w = 0.25: (12 − 20) × 0.25 = −2; beds 90 − 100 = −10
    expect(shrink.community_change_be).toBe(-2);
    expect(shrink.net_change_be).toBe(-12); // −10 + −2
    expect(shrink.vacuum_be).toBe(12);
    expect(shrink.replacement_ratio).toBeCloseTo(-0.2, 12); // −2 / 10
  });

  it('the vacuum is never negative: more community capacity than beds closed gives 0', async () => {
    const a = region(
      await run({
        population: POP_FLAT,
        beds: 'region,year,beds\nA,2010,100\nA,2020,90\n',
        services: 'region,year,service,capacity,unit\nA,2010,supported_living,0,places\nA,2020,supported_living,30,places\n',
      }),
    );
    expect(a.net_change_be).toBe(20); // −10 + 30
    expect(Object.is(a.vacuum_be, 0)).toBe(true); // max(0, −20) = 0, not −0
    expect(Object.is(a.vacuum_per_100k, 0)).toBe(true);
    expect(a.replacement_ratio).toBeCloseTo(3, 12); // 30 / 10
  });

  it('population grew, capacity flat: no vacuum, but a positive rate drop', async () => {
    const a = region(
      await run({
        population: 'region,year,population\nA,2010,100000\nA,2020,125000\n',
        beds: 'region,year,beds\nA,2010,100\nA,2020,100\n',
      }),
    );
    expect(a.vacuum_be).toBe(0);
    expect(a.vacuum_per_100k).toBe(0);
    expect(a.capacity_per_100k_from).toBeCloseTo(100, 12); // 100 / 100,000 × 100,000
    expect(a.capacity_per_100k_to).toBeCloseTo(80, 12); // 100 / 125,000 × 100,000
    expect(a.rate_drop_per_100k).toBeCloseTo(20, 12); // 100 − 80: fewer places per resident
  });

  it('population shrank, capacity flat: the rate drop is negative (signed)', async () => {
    const a = region(
      await run({
        population: 'region,year,population\nA,2010,125000\nA,2020,100000\n',
        beds: 'region,year,beds\nA,2010,100\nA,2020,100\n',
      }),
    );
    // 100 / 125,000 × 100,000 = 80 → 100 / 100,000 × 100,000 = 100; 80 − 100 = −20
    expect(a.rate_drop_per_100k).toBeCloseTo(-20, 12);
  });

  it('sums bed rows of a region and year whatever their bed_type or facility', async () => {
    const a = region(
      await run({
        population: POP_FLAT,
        beds: [
          'region,year,beds,bed_type,facility',
          'A,2010,60,acute,Hospital 1',
          'A,2010,40,long-stay,Hospital 2',
          'A,2020,30,acute,Hospital 1',
          'A,2020,20,long-stay,Hospital 1',
          'A,2020,5,acute,Hospital 1', // same key as line 4: summed too
        ].join('\n'),
      }),
    );
    expect(a.beds_from).toBe(100); // 60 + 40
    expect(a.beds_to).toBe(55); // 30 + 20 + 5
    expect(a.bed_change).toBe(-45);
    expect(a.flags).toEqual(['no_community_data']); // no services file, counted as 0 by the user's word
  });

  it('sums the local names of one category and unit; another unit is its own series', async () => {
    const { dataset } = await load({
      population: POP_FLAT,
      beds: 'region,year,beds\nA,2010,100\nA,2020,100\n',
      services: [
        'region,year,service,capacity,unit',
        'A,2010,ACT-team,1,teams',
        'A,2010,FACT,1,teams',
        'A,2010,outreach,1,teams',
        'A,2020,assertive community treatment,4,teams',
        'A,2020,FACT,50,caseload',
      ].join('\n'),
    });
    const series = dataset.services.get('A')!;
    expect([...series.keys()]).toEqual(['outreach/teams', 'outreach/caseload']);
    expect([...series.get('outreach/teams')!.years]).toEqual([
      [2010, 3], // 1 + 1 + 1
      [2020, 4],
    ]);
    const a = region(analyze(dataset));
    expect(a.community_from_be).toBe(30); // 3 teams × 10
    expect(a.community_to_be).toBe(45); // 4 × 10 + 50 × 0.1
    expect(a.community_change_be).toBe(15);
    expect(a.flags).toEqual(['service_started_later']); // caseload series starts in 2020
  });
});

describe('bed events', () => {
  const events = [
    'region,date,beds_closed',
    'A,2010-06-01,10', // year 2010 = B: does not count
    'A,2015,20', // counts
    'A,2018-03,-8', // an opening: counts as −8 closed
    'A,2020-12-31,5', // year 2020 = T: counts
    'A,2021-01-01,100', // after T: does not count
    'B,2015-02-02,-30', // B only opened beds
  ].join('\n');
  const files: Files = {
    regions: 'region\nA\nB\nC\n',
    population: 'region,year,population\nA,2020,50000\nB,2020,100000\nC,2020,100000\n',
    beds: events,
    // B and C report 0 places: explicit zeros are data, so they are ranked (SPEC §8).
    services: 'region,year,service,capacity,unit\nA,2010,botilbud,5,places\nA,2020,botilbud,12,places\nB,2010,botilbud,0,places\nC,2010,botilbud,0,places\n',
  };

  it('counts closures with B < year(date) ≤ T, openings as negative closures', async () => {
    const a = region(await run(files, { from: 2010, to: 2020 }));
    expect(a.bed_change).toBe(-17); // −(20 − 8 + 5)
    expect(a.beds_closed).toBe(17);
    expect(a.community_change_be).toBe(7); // (12 − 5) × 1
    expect(a.net_change_be).toBe(-10); // −17 + 7
    expect(a.vacuum_be).toBe(10);
    expect(a.vacuum_per_100k).toBeCloseTo(20, 12); // 10 / 50,000 × 100,000
    expect(a.replacement_ratio).toBeCloseTo(7 / 17, 12); // 0.41176
  });

  it('event files have null beds_from/to and null capacity and rate metrics', async () => {
    const a = region(await run(files, { from: 2010, to: 2020 }));
    expect(a.beds_from).toBeNull();
    expect(a.beds_to).toBeNull();
    expect(a.capacity_per_100k_from).toBeNull();
    expect(a.capacity_per_100k_to).toBeNull();
    expect(a.rate_drop_per_100k).toBeNull();
  });

  it('a region that only opened beds: bed_change positive, beds_closed 0, replacement null', async () => {
    const b = region(await run(files, { from: 2010, to: 2020 }), 'B');
    expect(b.bed_change).toBe(30); // −(−30)
    expect(b.beds_closed).toBe(0);
    expect(b.replacement_ratio).toBeNull();
    expect(b.vacuum_be).toBe(0);
  });

  it('a region without events has bed_change 0 (not −0) and is ranked', async () => {
    const c = region(await run(files, { from: 2010, to: 2020 }), 'C');
    expect(Object.is(c.bed_change, 0)).toBe(true);
    expect(Object.is(c.beds_closed, 0)).toBe(true);
  });

  it('moving B past a closure year makes it count or not: B = 2014 keeps the 2015 closure, B = 2015 drops it', async () => {
    // B = 2014: 2015 (20), 2018 (−8), 2020 (5) → 17, as before
    expect(region(await run(files, { from: 2014, to: 2020 })).bed_change).toBe(-17);
    // B = 2015: the 2015 closure is in the baseline year → −(−8 + 5) = +3
    expect(region(await run(files, { from: 2015, to: 2020 })).bed_change).toBe(3);
    // T = 2021: the 2021 closure of 100 now counts too → −(20 − 8 + 5 + 100) = −117
    expect(region(await run(files, { from: 2010, to: 2021 })).bed_change).toBe(-117);
  });

  it('defaults B to the first event year − 1 and T to the last, so that every closure counts', async () => {
    const report = await run(files);
    // event years 2010, 2015, 2018, 2020, 2021 (B's event 2015) → B = 2010 − 1 = 2009, T = 2021 (SPEC §3)
    expect([report.from, report.to]).toEqual([2009, 2021]);
    // every closure of A counts, the 2010 one too: −(10 + 20 − 8 + 5 + 100) = −127
    expect(region(report).bed_change).toBe(-127);
  });
});

describe('exclusions', () => {
  it('names the unknown inputs, joined by ", ", and does not rank those regions', async () => {
    const report = await run(
      {
        regions: 'region\nOK\nNOBEDS\nLATEBEDS\nNOPOP\nNOTHING\n',
        population: [
          'region,year,population',
          'OK,2010,1000',
          'NOBEDS,2010,1000',
          'LATEBEDS,2010,1000',
          'NOPOP,2021,1000', // only after T: unknown at T
        ].join('\n'),
        beds: [
          'region,year,beds',
          'OK,2010,10',
          'OK,2020,10',
          'LATEBEDS,2015,10', // nothing at or before B = 2010
          'NOPOP,2010,10',
          'NOPOP,2020,10',
        ].join('\n'),
      },
      { from: 2010, to: 2020 },
    );
    expect(report.regions.map((r) => r.region)).toEqual(['OK']);
    expect(report.excluded).toEqual([
      { region: 'NOBEDS', reason: 'beds_from, beds_to' },
      { region: 'LATEBEDS', reason: 'beds_from' },
      { region: 'NOPOP', reason: 'population' },
      { region: 'NOTHING', reason: 'beds_from, beds_to, population' },
    ]);
  });

  it('an events file never excludes for beds, only for population', async () => {
    const report = await run(
      {
        regions: 'region\nA\nB\n',
        population: 'region,year,population\nA,2020,1000\n',
        beds: 'region,date,beds_closed\nA,2015,3\n',
      },
      { from: 2010, to: 2020 },
    );
    expect(report.regions.map((r) => r.region)).toEqual(['A']);
    expect(report.excluded).toEqual([{ region: 'B', reason: 'population' }]);
  });

  it('regionMetrics returns the excluded outcome directly', async () => {
    const { dataset, weights } = await load({ population: 'region,year,population\nA,2030,5\n', beds: 'region,year,beds\nA,2010,1\n' });
    const outcome = regionMetrics(dataset, dataset.regions.get('A')!, { from: 2010, to: 2020 }, weights);
    // no population at or before T, and (--services none) no community data: both unknown
    expect(outcome).toEqual({ kind: 'excluded', region: 'A', reason: 'population, community' });
  });
});

describe('no beds file', () => {
  it('bed change counts 0 and the period comes from the service years', async () => {
    const report = await run({
      population: 'region,year,population\nA,2012,200000\nA,2018,200000\n',
      services: 'region,year,service,capacity,unit\nA,2012,ACT,1,teams\nA,2018,ACT,0,teams\n',
    });
    expect([report.from, report.to]).toEqual([2012, 2018]);
    const a = region(report);
    expect(a.bed_change).toBe(0);
    expect(a.beds_from).toBeNull();
    expect(a.beds_to).toBeNull();
    expect(a.community_change_be).toBe(-10); // (0 − 1) × 10
    expect(a.vacuum_be).toBe(10);
    expect(a.vacuum_per_100k).toBeCloseTo(5, 12); // 10 / 200,000 × 100,000
    expect(a.replacement_ratio).toBeNull(); // nothing closed
    expect(a.capacity_per_100k_from).toBeNull();
    expect(report.warnings).toContainEqual({ file: 'beds.csv', line: null, message: 'no beds file: institutional bed change counts as 0' });
  });

  it('with neither beds nor services and no years given → PeriodError', async () => {
    const { dataset } = await load({ population: POP_FLAT });
    expect(() => analyze(dataset)).toThrow(PeriodError);
    // explicit years make it run: no beds, no services (counted as zero on the user's word) → all zero
    const a = region(analyze(dataset, { from: 2010, to: 2020, missingCommunity: 'zero' }));
    expect(a.vacuum_be).toBe(0);
  });
});

describe('period', () => {
  const files: Files = {
    population: 'region,year,population\nA,2010,100000\n',
    beds: 'region,year,beds\nA,2010,100\nA,2015,70\nA,2020,40\n',
  };

  it('defaults to the first and last beds year', async () => {
    const report = await run(files);
    expect([report.from, report.to]).toEqual([2010, 2020]);
    expect(region(report).bed_change).toBe(-60); // 40 − 100
  });

  it('explicit from and to override the defaults', async () => {
    const report = await run(files, { from: 2015, to: 2020 });
    expect([report.from, report.to]).toEqual([2015, 2020]);
    expect(region(report).bed_change).toBe(-30); // 40 − 70
    const early = await run(files, { to: 2015 });
    expect([early.from, early.to]).toEqual([2010, 2015]);
    expect(region(early).bed_change).toBe(-30); // 70 − 100
  });

  it('--from after --to is a PeriodError naming both years', async () => {
    const { dataset } = await load(files);
    expect(() => analyze(dataset, { from: 2020, to: 2010 })).toThrow(PeriodError);
    expect(() => choosePeriod(dataset, 2020, 2010)).toThrow('--from (2020) is after --to (2010)');
    // only --from given, after the data's last year (2020)
    expect(() => choosePeriod(dataset, 2021)).toThrow('--from (2021) is after --to (2020)');
    // B = T is allowed: nothing changes
    expect(choosePeriod(dataset, 2015, 2015)).toEqual({ from: 2015, to: 2015 });
  });
});

describe('analyze', () => {
  it('ranks by vacuum_per_100k and can sort by another metric', async () => {
    const files: Files = {
      regions: 'region\nS\nM\nL\n',
      population: 'region,year,population\nS,2020,50000\nM,2020,100000\nL,2020,400000\n',
      beds: 'region,year,beds\nS,2010,20\nS,2020,10\nM,2010,50\nM,2020,30\nL,2010,100\nL,2020,60\n',
    };
    const report = await run(files);
    // vacuum: S 10 → 10/50,000 × 100,000 = 20; M 20 → 20; L 40 → 10. S and M tie at 20: by code, M < S.
    expect(report.regions.map((r) => [r.rank, r.region, r.vacuum_per_100k])).toEqual([
      [1, 'M', 20],
      [2, 'S', 20],
      [3, 'L', 10],
    ]);
    const byBe = await run(files, { sort: 'vacuum_be' });
    expect(byBe.sort).toBe('vacuum_be');
    expect(byBe.regions.map((r) => r.region)).toEqual(['L', 'M', 'S']); // 40, 20, 10
  });
});
