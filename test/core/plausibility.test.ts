// SPEC §8 plausibility notices: a change of more than a factor 3 between two consecutive reported
// years, a weight-0 series that changed between B and T, a population that changed by more than
// 30 % — warnings with kind "plausibility" that never change a number or an exit code.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import type { Warning } from '../../src/core/issues.js';
import { loadDataset } from '../../src/io/load-dataset.js';

async function report(files: { regions?: string; population: string; beds: string; services: string }, from?: number, to?: number) {
  const { dataset, weights } = await loadDataset({
    regions: { name: 'regions.csv', content: files.regions ?? 'region\nA\n' },
    population: { name: 'population.csv', content: files.population },
    beds: { name: 'beds.csv', content: files.beds },
    services: { name: 'services.csv', content: files.services },
  });
  return analyze(dataset, { weights, from, to });
}

const notices = (warnings: readonly Warning[]) => warnings.filter((w) => w.kind === 'plausibility');

const POP = 'region,year,population\nA,2000,100000\nA,2004,100000\n';
const SERVICES = 'region,year,service,capacity,unit\nA,2000,botilbud,10,places\n';

describe('a change of definition: more than a factor 3 between two consecutive reported years', () => {
  it('beds 120 → 35 (×0.29) between 2002 and 2003 is a notice naming both years and values', async () => {
    const r = await report({ population: POP, beds: 'region,year,beds\nA,2000,130\nA,2002,120\nA,2003,35\nA,2004,34\n', services: SERVICES });
    expect(notices(r.warnings)).toEqual([
      {
        file: 'beds.csv',
        line: null,
        kind: 'plausibility',
        // 35 / 120 = 0.2917 → "×0.29"
        message:
          'A institutional beds: 120 in 2002 → 35 in 2003 (×0.29), more than a factor 3 between two reported years: ' +
          'a change of definition or coverage? Check the source; the numbers are used as given',
      },
    ]);
    // the numbers are those of the data: 130 → 34 = −96; vacuum 96 − 0 = 96 per 100,000
    expect(r.regions[0]!.bed_change).toBe(-96);
    expect(r.regions[0]!.vacuum_per_100k).toBeCloseTo(96, 12);
  });

  it('exactly a factor 3 is not more than 3; a step to or from 0 is an opening or closure, not a factor', async () => {
    const r = await report({ population: POP, beds: 'region,year,beds\nA,2000,30\nA,2002,10\nA,2003,0\nA,2004,0\n', services: SERVICES });
    expect(notices(r.warnings)).toEqual([]);
  });

  it('a service series rising more than 3-fold is a notice too; years with no figure between do not matter', async () => {
    const r = await report({
      population: POP,
      beds: 'region,year,beds\nA,2000,10\nA,2004,10\n',
      services: 'region,year,service,capacity,unit\nA,2000,botilbud,10,places\nA,2004,botilbud,40,places\n',
    });
    // 2000 and 2004 are consecutive reported years: 40 / 10 = ×4
    expect(notices(r.warnings).map((w) => w.message)).toEqual([
      'A supported_living places: 10 in 2000 → 40 in 2004 (×4), more than a factor 3 between two reported years: a change of definition or coverage? Check the source; the numbers are used as given',
    ]);
  });

  it('only steps that bear on the period B–T are checked', async () => {
    // the jump is between 1990 and 1995, both before B = 2000: it does not enter the numbers
    const r = await report(
      { population: POP, beds: 'region,year,beds\nA,1990,400\nA,1995,100\nA,2000,100\nA,2004,90\n', services: SERVICES },
      2000,
      2004,
    );
    expect(notices(r.warnings)).toEqual([]);
  });
});

describe('a weight-0 series that changed between B and T', () => {
  it('"cmhc fte +23 % is not counted: weight 0", with the two values', async () => {
    const r = await report({
      population: POP,
      beds: 'region,year,beds\nA,2000,10\nA,2004,10\n',
      services: 'region,year,service,capacity,unit\nA,2000,botilbud,10,places\nA,2000,cmhc,100,fte\nA,2004,cmhc,123,fte\n',
    });
    // (123 − 100) / 100 = +23 %
    expect(notices(r.warnings).map((w) => w.message)).toEqual([
      'A: cmhc fte +23 % is not counted: weight 0 (100 in 2000 → 123 in 2004; a config can set weights.cmhc.fte to count it)',
    ]);
    // and it is indeed not counted: community 10 → 10
    expect(r.regions[0]!.community_change_be).toBe(0);
  });

  it('an unchanged weight-0 series says nothing', async () => {
    const r = await report({
      population: POP,
      beds: 'region,year,beds\nA,2000,10\nA,2004,10\n',
      services: 'region,year,service,capacity,unit\nA,2000,cmhc,100,fte\nA,2004,cmhc,100,fte\n',
    });
    expect(notices(r.warnings)).toEqual([]);
  });
});

describe('a population that changed by more than 30 % between B and T', () => {
  it('is a notice; 30 % itself is not', async () => {
    const grew = await report({
      population: 'region,year,population\nA,2000,100000\nA,2004,140000\n',
      beds: 'region,year,beds\nA,2000,10\nA,2004,10\n',
      services: SERVICES,
    });
    // 140,000 / 100,000 − 1 = +40 %
    expect(notices(grew.warnings).map((w) => w.message)).toEqual([
      'A: population 100000 in 2000 → 140000 in 2004 (+40 %), more than 30 % between B and T: do both figures count the same area? The per-100k rates of B and T rest on them',
    ]);
    const thirty = await report({
      population: 'region,year,population\nA,2000,100000\nA,2004,130000\n',
      beds: 'region,year,beds\nA,2000,10\nA,2004,10\n',
      services: SERVICES,
    });
    expect(notices(thirty.warnings)).toEqual([]);
  });
});

describe('notices change no number', () => {
  it('the same report with or without a notice-worthy series has the same metrics', async () => {
    const base = { population: POP, beds: 'region,year,beds\nA,2000,10\nA,2004,8\n' };
    const quiet = await report({ ...base, services: 'region,year,service,capacity,unit\nA,2000,botilbud,10,places\n' });
    const loud = await report({ ...base, services: 'region,year,service,capacity,unit\nA,2000,botilbud,10,places\nA,2000,peer support,1,fte\nA,2004,peer support,9,fte\n' });
    expect(notices(loud.warnings)).toHaveLength(2); // ×9 between 2000 and 2004, and weight 0
    const metrics = (r: typeof quiet) => {
      const { categories_not_reported: _c, flags: _f, ...rest } = r.regions[0]!;
      return rest;
    };
    expect(metrics(loud)).toEqual(metrics(quiet));
  });
});

describe('a notice is written when read (issue 18), and behaves as a plain warning everywhere', () => {
  it('JSON, spread, structured clone (worker threads), keys and equality all see its message as text', async () => {
    const r = await report({ population: POP, beds: 'region,year,beds\nA,2000,130\nA,2002,120\nA,2003,35\nA,2004,34\n', services: SERVICES });
    const [notice] = notices(r.warnings);
    const plain = {
      file: 'beds.csv',
      line: null,
      message:
        'A institutional beds: 120 in 2002 → 35 in 2003 (×0.29), more than a factor 3 between two reported years: ' +
        'a change of definition or coverage? Check the source; the numbers are used as given',
      kind: 'plausibility',
    };
    expect(Object.keys(notice!)).toEqual(['file', 'line', 'message', 'kind']);
    expect(JSON.stringify(notice)).toBe(JSON.stringify(plain));
    expect({ ...notice }).toStrictEqual(plain);
    expect(structuredClone(notice)).toStrictEqual(plain);
    expect(notice).toEqual(plain);
    // The same text at every reading.
    expect(notice!.message).toBe(notice!.message);
  });
});
