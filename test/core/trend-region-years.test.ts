// A trend's years in one walk (src/core/trend-region-years.ts, series.ts valuesOverYears) against
// the method it replaced (test/reference/trend-by-years.ts: a whole regionMetrics per region and
// year): on random datasets — stock, event or no beds, population with gaps, services starting
// late, weights of 0, every fill mode, either missingCommunity, baselines after the first year,
// series as a loaded dataset keeps them and as plain Maps in any order — every number of every
// year to the last bit, every gap and its words, every flag, the series' summary; which regions
// are ranked and in what order (any sort metric), and the words of each exclusion. `toEqual`
// compares numbers with Object.is: 0 and −0 differ, and so does any last-digit difference.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Dataset, YearSeries } from '../../src/core/dataset.js';
import { DenseYearSeries } from '../../src/core/dense-year-series.js';
import { resolveNorms } from '../../src/core/norms.js';
import { SORT_METRICS } from '../../src/core/report-schema.js';
import { CARRIED, FILL_MODES, INTERPOLATED, STARTED_LATER, UNKNOWN, valueAt, valuesOverYears } from '../../src/core/series.js';
import { trend } from '../../src/core/trend.js';
import { regionYears } from '../../src/core/trend-region-years.js';
import { YEAR_ROW_NUMBERS } from '../../src/core/trend-years.js';
import { resolveWeights, type Weight } from '../../src/core/weights.js';
import { loadDataset } from '../../src/io/load-dataset.js';
import { referenceTrendYears } from '../reference/trend-by-years.js';

const RUN = { seed: 18_2026, numRuns: 250, endOnFailure: true } as const;

describe('valuesOverYears = valueAt at every year', () => {
  const entries = fc.uniqueArray(fc.tuple(fc.integer({ min: 1990, max: 2010 }), fc.integer({ min: 0, max: 5000 }).map((n) => n / 4)), { selector: (e) => e[0], maxLength: 12 });
  it('any series (a Map in any order, a dense series, none), any years, kind and fill', () => {
    let compared = 0;
    fc.assert(
      fc.property(
        entries,
        fc.constantFrom('map', 'dense', 'none'),
        fc.integer({ min: 1985, max: 2015 }),
        fc.nat(12),
        fc.constantFrom('service' as const, 'stock' as const),
        fc.constantFrom(...FILL_MODES),
        (pairs, as, from, span, kind, fill) => {
          let series: YearSeries | undefined;
          if (as === 'map') series = new Map(pairs);
          else if (as === 'dense') {
            const dense = new DenseYearSeries();
            for (const [year, value] of pairs) dense.set(year, value);
            series = dense;
          }
          const to = from + span;
          const out = { value: new Float64Array(span + 1), state: new Uint8Array(span + 1) };
          valuesOverYears(series, from, to, kind, fill, out);
          for (let year = from; year <= to; year++) {
            const at = valueAt(series, year, kind, fill);
            const state = at === undefined ? UNKNOWN : (at.carried ? CARRIED : 0) | (at.startedLater ? STARTED_LATER : 0) | (at.interpolated ? INTERPOLATED : 0);
            expect([out.value[year - from], out.state[year - from]]).toEqual([at === undefined ? NaN : at.value, state]);
            compared++;
          }
        },
      ),
      RUN,
    );
    expect(compared).toBeGreaterThan(500);
  });

  it('by hand: carried, interpolated, started later, unknown', () => {
    // 2001: 10, 2004: 40. Years 2000–2005.
    const series: YearSeries = new Map([
      [2004, 40],
      [2001, 10],
    ]);
    const out = { value: new Float64Array(6), state: new Uint8Array(6) };
    valuesOverYears(series, 2000, 2005, 'service', 'linear', out);
    // 2000 before the series: 0, started later; 2002 and 2003 on the line 10 → 40: 20, 30; 2005 carried 40.
    expect([...out.value]).toEqual([0, 10, 20, 30, 40, 40]);
    expect([...out.state]).toEqual([STARTED_LATER, 0, INTERPOLATED, INTERPOLATED, 0, CARRIED]);
    valuesOverYears(series, 2000, 2005, 'stock', 'none', out);
    expect([...out.state]).toEqual([UNKNOWN, 0, UNKNOWN, UNKNOWN, 0, UNKNOWN]);
  });
});

const YEARS = [2000, 2001, 2002, 2003, 2004, 2005];
const amount = fc.integer({ min: 0, max: 50_000 }).map((n) => n / 100);

const filesArb = (keys: readonly string[]) =>
  fc
    .record({
      regions: fc.integer({ min: 1, max: 6 }),
      beds: fc.constantFrom('stock', 'events', 'none'),
      bedRows: fc.array(fc.tuple(fc.nat(5), fc.constantFrom(...YEARS), amount), { minLength: 1, maxLength: 30 }),
      population: fc.array(fc.tuple(fc.nat(5), fc.constantFrom(...YEARS), fc.integer({ min: 1_000, max: 900_000 })), { maxLength: 20 }),
      services: fc.array(fc.tuple(fc.nat(5), fc.constantFrom(...YEARS), fc.constantFrom(...keys), amount), { maxLength: 50 }),
    })
    .map((g) => {
      const codes = Array.from({ length: g.regions }, (_, i) => `R${i}`);
      const regions = `region,name\n${codes.map((c) => `${c},Område ${c}`).join('\n')}\n`;
      // Population at the first and last years for most regions (so most are ranked), other years at random.
      const pop = new Map<string, number>();
      codes.forEach((c, i) => {
        if (i !== 3) pop.set(`${c},${YEARS.at(-1)}`, 50_000 + i);
        if (i !== 1) pop.set(`${c},${YEARS[0]}`, 48_000 + i); // region 1: years without population
      });
      for (const [r, y, n] of g.population) pop.set(`${codes[r % g.regions]},${y}`, n);
      const population = `region,year,population\n${[...pop].map(([k, n]) => `${k},${n}`).join('\n')}\n`;
      // Beds at the first and the last year for most regions (so most are ranked), other years at random.
      const bedRows = [
        ...codes.flatMap((c, i) => (i === 4 ? [] : [[c, YEARS[0]!, 300 + i] as const, [c, YEARS.at(-1)!, 200 + i] as const])),
        ...g.bedRows.map(([r, y, n]) => [codes[r % g.regions]!, y, n] as const),
      ];
      const beds =
        g.beds === 'none'
          ? undefined
          : g.beds === 'events'
            ? `region,date,beds_closed\n${bedRows.map(([c, y, n]) => `${c},${y}-06,${n - 100}`).join('\n')}\n`
            : `region,year,beds\n${bedRows.map(([c, y, n]) => `${c},${y},${n}`).join('\n')}\n`;
      const services = `region,year,service,capacity,unit\n${g.services
        .map(([r, y, key, n]) => {
          const [category, unit] = key.split('/');
          return `${codes[r % g.regions]},${y},${category},${n},${unit}`;
        })
        .join('\n')}\n`;
      return { regions, population, beds, services };
    });

/** Some weights set to 0 or another value (a weight of 0 counts nothing; the sums change). */
const weightsArb = (keys: readonly string[]) =>
  fc.array(fc.tuple(fc.constantFrom(...keys), fc.constantFrom(0, 0.25, 1.5)), { maxLength: 5 }).map((overrides) => {
    const table = new Map<string, Weight>(resolveWeights());
    for (const [key, value] of overrides) table.set(key, { ...table.get(key)!, low: value, high: value, value, origin: 'config' });
    return table;
  });

/** The dataset with every year series a plain Map whose entries are in a shuffled order. */
function asShuffledMaps(dataset: Dataset, seed: number): Dataset {
  let s = seed >>> 0;
  const shuffled = (series: YearSeries): YearSeries => {
    const e = [...series.entries()];
    for (let i = e.length - 1; i > 0; i--) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      const j = s % (i + 1);
      [e[i], e[j]] = [e[j]!, e[i]!];
    }
    return new Map(e);
  };
  const remap = (byRegion: Map<string, YearSeries>) => new Map([...byRegion].map(([k, v]) => [k, shuffled(v)]));
  return {
    ...dataset,
    population: remap(dataset.population),
    beds: dataset.beds.shape === 'none' ? dataset.beds : { shape: dataset.beds.shape, byRegion: remap(dataset.beds.byRegion) },
    services: new Map([...dataset.services].map(([region, byKey]) => [region, new Map([...byKey].map(([k, v]) => [k, { ...v, years: shuffled(v.years) }]))])),
  };
}

describe('a trend’s years = regionMetrics year by year, to the last bit', () => {
  it('random datasets, weights, fill, missingCommunity, baselines, series kept either way', async () => {
    const keys = [...resolveWeights().keys()];
    const norms = resolveNorms();
    let years = 0;
    let gaps = 0;
    let indexes = 0;
    let excluded = 0;
    const flags = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        filesArb(keys),
        weightsArb(keys),
        fc.constantFrom(...FILL_MODES),
        fc.constantFrom('exclude' as const, 'zero' as const),
        fc.constantFrom(undefined, 2001, 2002),
        fc.boolean(),
        fc.nat(),
        fc.constantFrom(...SORT_METRICS),
        async (files, weights, fill, missingCommunity, from, plain, seed, sort) => {
          const inputs = Object.fromEntries(Object.entries(files).map(([role, content]) => [role, content === undefined ? undefined : { name: `${role}.csv`, content }]));
          let dataset: Dataset;
          try {
            dataset = (await loadDataset(inputs, { allowUnmapped: false })).dataset;
          } catch {
            return; // e.g. a file with no year in common: not what this test is about
          }
          if (plain) dataset = asShuffledMaps(dataset, seed);
          let report;
          try {
            report = trend(dataset, { weights, norms, fill, missingCommunity, from, sort });
          } catch (error) {
            if (error instanceof Error && /--from|--to|year/.test(error.message)) return; // a baseline after the data's last year
            throw error;
          }
          const reference = referenceTrendYears(dataset, { from: report.from, to: report.to, weights, norms, fill, missingCommunity, sort });
          expect(report.regions.map((r) => r.region)).toEqual(reference.order);
          expect(report.excluded).toEqual(reference.excluded);
          excluded += report.excluded.length;
          for (const region of report.regions) {
            const { rank: _rank, region: code, name: _name, ...rest } = region;
            expect({ ...rest }).toEqual(reference.ranked.get(code));
            years += region.years.length;
            gaps += region.excluded_years.length;
            for (const y of region.years) {
              if (y.coverage_index !== null) indexes++;
              for (const f of y.flags) flags.add(f);
            }
          }
        },
      ),
      RUN,
    );
    // The generator makes real work: years compared, gaps, coverage indexes and every flag met.
    expect(years).toBeGreaterThan(1500);
    expect(gaps).toBeGreaterThan(200);
    expect(indexes).toBeGreaterThan(500);
    expect(excluded).toBeGreaterThan(100);
    expect([...flags].sort()).toEqual(['carried_forward', 'interpolated', 'no_community_data', 'partial_community', 'service_started_later']);
  });
});

describe('a trend’s years on the worked example and on odd regions, every fill', () => {
  it('= regionMetrics year by year (the worked example measures norms: its coverage index is not null)', async () => {
    // The bundled fixtures' worked example (SPEC §3), and a folder with a region that has no
    // service at B, one with a series that starts later, and one without services rows.
    const worked = await loadDataset({ data: 'fixtures/worked-stock' });
    const odd = await loadDataset({
      regions: { name: 'regions.csv', content: 'region,name\nA,Alpha\nB,Beta\nC,Gamma\n' },
      population: { name: 'population.csv', content: 'region,year,population\nA,2010,100000\nA,2020,120000\nB,2010,50000\nB,2020,50000\nC,2010,1000\nC,2020,1000\n' },
      beds: { name: 'beds.csv', content: 'region,year,beds\nA,2010,100\nA,2020,40\nB,2010,30\nB,2020,30\nC,2010,5\nC,2020,1\n' },
      services: { name: 'services.csv', content: 'region,year,service,capacity,unit\nA,2010,crisis,3,teams\nA,2015,cmhc,2,facilities\nA,2020,crisis,4,teams\nB,2014,act,1,teams\n' },
    });
    let compared = 0;
    let indexes = 0;
    for (const { dataset, weights, norms } of [worked, odd]) {
      for (const fill of FILL_MODES) {
        for (const missingCommunity of ['exclude', 'zero'] as const) {
          const report = trend(dataset, { weights, norms, fill, missingCommunity });
          const reference = referenceTrendYears(dataset, { from: report.from, to: report.to, weights, norms, fill, missingCommunity, sort: 'vacuum_per_100k' });
          expect(report.regions.map((r) => r.region)).toEqual(reference.order);
          expect(report.excluded).toEqual(reference.excluded);
          for (const { rank: _rank, region, name: _name, ...rest } of report.regions) {
            expect({ ...rest }).toEqual(reference.ranked.get(region));
            compared += rest.years.length;
            indexes += rest.years.filter((y) => y.coverage_index !== null).length;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(60);
    expect(indexes).toBeGreaterThan(10);
  });
});

describe('regionYears keeps of a region what its years need', () => {
  it('rows for the years with metrics only, flags and categories only where there are some', async () => {
    // A: population in 2010 and 2020 only; under --fill none the years between are gaps (population unknown).
    const { dataset, weights, norms } = await loadDataset({
      regions: { name: 'regions.csv', content: 'region,name\nA,Alpha\nB,Beta\n' },
      population: { name: 'population.csv', content: 'region,year,population\nA,2010,100000\nA,2020,120000\nB,2010,50000\nB,2015,50000\nB,2020,50000\n' },
      beds: { name: 'beds.csv', content: 'region,year,beds\nA,2010,100\nA,2020,40\nB,2010,30\nB,2015,30\nB,2020,30\n' },
      services: { name: 'services.csv', content: 'region,year,service,capacity,unit\nA,2010,crisis,3,teams\nA,2020,crisis,4,teams\nB,2010,act,1,teams\nB,2015,act,1,teams\nB,2020,act,1,teams\n' },
    });
    const a = regionYears(dataset, dataset.regions.get('A')!, { from: 2010, to: 2020 }, { weights, norms, fill: 'none' });
    expect(a.rows.years).toEqual([2010, 2020]);
    expect(a.rows.values.length).toBe(2 * YEAR_ROW_NUMBERS); // not a row for each of the eleven years
    expect(a.gaps.map((g) => [g.year, g.reason])).toEqual([2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019].map((y) => [y, 'beds_to, population, community_to_be']));
    // B under carry: 2011–2014 and 2016–2019 carried, 2010, 2015 and 2020 exact; each reports
    // what the other does not (A crisis teams, B ACT teams): partial_community every year.
    const b = regionYears(dataset, dataset.regions.get('B')!, { from: 2010, to: 2020 }, { weights, norms, fill: 'carry' });
    expect(b.rows.years.length).toBe(11);
    expect(b.rows.flags.map((f) => f?.join(' '))).toEqual([2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020].map((y) => (y % 5 === 0 ? 'partial_community' : 'carried_forward partial_community')));
    expect(new Set(b.rows.categories).size).toBe(1); // one list for all its years
    expect(b.rows.categories[0]).toEqual(['crisis']);
  });
});
