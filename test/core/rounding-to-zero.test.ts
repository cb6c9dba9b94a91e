// A change that is 0 in decimal arithmetic stays 0 through binary floating point (formulas.ts
// NOISE). Every expected number is worked by hand below; the IEEE results the rule exists for
// (0.1 × 43 − 0.1 × 23 = 1.9999999999999996, 0.1 + 0.2 = 0.30000000000000004) are asserted first,
// so that a test does not pass because the data happened to be exact.
import { describe, expect, it } from 'vitest';
import { analyze, type AnalyzeOptions } from '../../src/core/analyze.js';
import { explainRegion } from '../../src/core/explain.js';
import { changeOf, NOISE, netChangeOf, roundingToZero } from '../../src/core/formulas.js';
import type { Report } from '../../src/core/report-schema.js';
import { trend } from '../../src/core/trend.js';
import { loadDataset } from '../../src/io/load-dataset.js';
import { inputFiles } from '../helpers/input-files.js';

describe('the arithmetic the rule is for', () => {
  it('binary floating point leaves a remainder where decimals leave none', () => {
    expect(0.1 * 43 - 0.1 * 23).toBe(1.9999999999999996);
    expect(0.1 + 0.2).toBe(0.30000000000000004);
    expect(-2 + (0.1 * 43 - 0.1 * 23)).toBe(-4.440892098500626e-16);
  });
});

describe('roundingToZero, changeOf, netChangeOf', () => {
  it('takes a remainder of rounding to 0, and keeps a real change however small', () => {
    // 4.4e-16 against numbers of size 4.3: 4.4e-16 ≤ 2^-40 × 4.3 ≈ 3.9e-12 → 0.
    expect(roundingToZero(-4.440892098500626e-16, 4.3)).toBe(0);
    // 1e-9 of a change in numbers of size 4.3 is far above rounding (3.9e-12): kept.
    expect(roundingToZero(1e-9, 4.3)).toBe(1e-9);
    // The bound itself: exactly NOISE × scale counts as rounding, twice it does not.
    expect(roundingToZero(NOISE * 8, 8)).toBe(0);
    expect(roundingToZero(2 * NOISE * 8, 8)).toBe(2 * NOISE * 8);
  });

  it('changeOf: 0.3 against 0.1 + 0.2 is no change; 0.3 against 0.2 is', () => {
    expect(changeOf(0.3, 0.1 + 0.2)).toBe(0);
    // 0.3 − 0.2 = 0.09999999999999998 in doubles: a real change, kept as computed.
    expect(changeOf(0.3, 0.2)).toBe(0.3 - 0.2);
  });

  it('netChangeOf: 2 beds closed, 2 bed-equivalents added (0.1 × 43 − 0.1 × 23) → 0', () => {
    expect(netChangeOf(-2, 0.1 * 23, 0.1 * 43, 50)).toBe(0);
    // One bed closed and the same 2 added: +1 (1.0000000000000004 in doubles, kept: not near 0).
    expect(netChangeOf(-1, 0.1 * 23, 0.1 * 43, 50)).toBeCloseTo(1, 12);
  });
});

// Two regions that each closed 2 beds and added 2 bed-equivalents: A as 12 − 10 supported-living
// places (weight 1), B as 43 − 23 ACT caseload (weight 0.1: 4.3 − 2.3000000000000003 =
// 1.9999999999999996 in doubles). In decimals both have net change 0, vacuum 0, replacement 1.
const TWO_REPLACED = {
  regions: 'region,name\nA,Region A\nB,Region B\n',
  population: 'region,year,population\nA,2022,100000\nB,2022,100000\n',
  beds: 'region,year,beds\nA,2015,50\nA,2022,48\nB,2015,50\nB,2022,48\n',
  services: 'region,year,service,capacity,unit\nA,2015,supported_living,10,places\nA,2022,supported_living,12,places\nB,2015,ACT,23,caseload\nB,2022,ACT,43,caseload\n',
};

const load = (files: { regions: string; population: string; beds: string; services: string }) => loadDataset(inputFiles(files));

async function report(files: typeof TWO_REPLACED, options: AnalyzeOptions = {}): Promise<Report> {
  const { dataset, weights, norms } = await load(files);
  return analyze(dataset, { weights, norms, ...options });
}

describe('a region whose closed beds were all replaced has no vacuum', () => {
  it('report: both regions vacuum 0, ranked by code (the tie rule), not by the remainder', async () => {
    const r = await report(TWO_REPLACED);
    expect(r.regions.map((x) => [x.rank, x.region, x.net_change_be, x.vacuum_be, x.vacuum_per_100k])).toEqual([
      [1, 'A', 0, 0, 0],
      [2, 'B', 0, 0, 0],
    ]);
  });

  it('trend: no year with a vacuum, none open', async () => {
    const { dataset, weights, norms } = await load(TWO_REPLACED);
    const t = trend(dataset, { weights, norms });
    for (const region of t.regions) {
      expect(region.first_vacuum_year).toBeNull();
      expect(region.open).toBe(false);
      expect(region.years.every((y) => y.vacuum_be === 0)).toBe(true);
    }
  });

  it('explain: the same 0, and the remainder shown as rounding', async () => {
    const { dataset, weights, norms } = await load(TWO_REPLACED);
    const e = explainRegion(dataset, 'B', { weights, norms });
    const net = e.steps.find((s) => s.metric === 'net_change_be')!;
    expect(net.value).toBe(0);
    expect(net.computation).toBe('(-2) + 1.9999999999999996 = -4.440892098500626e-16 (within rounding of 0: counted as 0)');
    expect(e.steps.find((s) => s.metric === 'vacuum_be')!.value).toBe(0);
  });

  it('decimal beds that sum to the same total: 0.1 + 0.2 at B against 0.3 at T is no change', async () => {
    const r = await report({
      regions: 'region,name\nA,Region A\n',
      population: 'region,year,population\nA,2022,1000\n',
      // Two bed rows of 2015 summed (SPEC §1): 0.30000000000000004; 2022: 0.3.
      beds: 'region,year,beds,facility\nA,2015,0.1,x\nA,2015,0.2,y\nA,2022,0.3,x\n',
      services: 'region,year,service,capacity,unit\nA,2015,supported_living,1,places\n',
    });
    expect(r.regions[0]).toMatchObject({ bed_change: 0, beds_closed: 0, vacuum_be: 0, replacement_ratio: null });
  });

  it('trend: the same decimal beds, year by year', async () => {
    const { dataset, weights, norms } = await load({
      regions: 'region,name\nA,Region A\n',
      population: 'region,year,population\nA,2015,1000\nA,2022,1000\n',
      beds: 'region,year,beds,facility\nA,2015,0.1,x\nA,2015,0.2,y\nA,2022,0.3,x\n',
      services: 'region,year,service,capacity,unit\nA,2015,supported_living,1,places\n',
    });
    const years = trend(dataset, { weights, norms }).regions[0]!.years;
    // Every year 2015–2022 (2016–2021 carry 2015's figures): no change, no vacuum.
    expect(years.map((y) => y.year)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022]);
    expect(years.map((y) => [y.bed_change, y.vacuum_be])).toEqual(years.map(() => [0, 0]));
  });

  it('events: closures and a reopening that cancel in decimals (0.1 + 0.2 − 0.3) close nothing', async () => {
    expect(0.1 + 0.2 - 0.3).toBe(5.551115123125783e-17);
    const r = await report({
      regions: 'region,name\nA,Region A\n',
      population: 'region,year,population\nA,2016,1000\nA,2020,1000\n',
      beds: 'region,date,beds_closed\nA,2017,0.1\nA,2018,0.2\nA,2019,-0.3\n',
      services: 'region,year,service,capacity,unit\nA,2016,supported_living,1,places\n',
    }, { from: 2016, to: 2020 });
    expect(r.regions[0]).toMatchObject({ bed_change: 0, beds_closed: 0, vacuum_be: 0 });
  });
});
