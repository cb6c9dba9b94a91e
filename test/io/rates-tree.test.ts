// --rates (issue 16) with a tree of regions (regions.csv `parent`, issue 14's summing up the tree):
// a rate per 100,000 is never summed, so the regions ranked are those with rates of their own,
// and rates at two levels of one branch are an input error, whatever their kind.
// Worked by hand as in fixtures/rates/README.md: supported_living/places weighs 1, crisis/teams 12.5.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { InputError } from '../../src/core/issues.js';
import { loadDataset } from '../../src/io/load-dataset.js';

const REGIONS = 'region,name,parent\nP,Parent,\nA,Alpha,P\nB,Beta,P\n';
const BEDS = 'region,year,beds\nA,2010,60\nA,2020,40\nB,2010,50\nB,2020,45\n';
const SERVICES = 'region,year,service,capacity,unit\nA,2010,supported_living,10,places\nA,2020,supported_living,18,places\nB,2010,crisis,0.5,teams\nB,2020,crisis,1,teams\n';

const load = (services: string) =>
  loadDataset(
    {
      regions: { name: 'regions.csv', content: REGIONS },
      beds: { name: 'beds.csv', content: BEDS },
      services: { name: 'services.csv', content: services },
    },
    { rates: true },
  );

describe('--rates with a tree of regions', () => {
  it('ranks the regions with rates of their own, never their parent with the rates summed', async () => {
    const { dataset, weights } = await load(SERVICES);
    const report = analyze(dataset, { weights });
    // A: beds 60 → 40 (−20), supported living +8 × 1 → net −12, vacuum 12 per 100,000.
    // B: beds −5, crisis teams +0.5 × 12.5 = +6.25 → net +1.25, vacuum 0.
    expect(report.regions.map((r) => [r.region, r.vacuum_per_100k])).toEqual([
      ['A', 12],
      ['B', 0],
    ]);
    expect(report.warnings.some((w) => /summed up/.test(w.message))).toBe(false);
  });

  it('rates for a region and for a region inside it are an input error, even of different kinds', async () => {
    const error = await load(`${SERVICES}P,2010,supported_living,5,places\n`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const issue = (error as InputError).issues.find((i) => /region "P"/.test(i.message));
    expect(issue?.message).toMatch(/has rates of its own and so do regions inside it: "A" .*Rates per 100,000 \(--rates\) cannot be summed up the tree/);
  });
});
