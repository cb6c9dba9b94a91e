// The notices `explain REGION` lists (SPEC §8): the data's warnings, and of the plausibility
// notices only the region's own — a region's code opens its notice ("A: …", "A beds: …"), so a
// region "AB" is not "A".
import { describe, expect, it } from 'vitest';
import { runExplain } from '../../src/app/explain.js';
import { inputFiles as files } from '../helpers/input-files.js';

describe('explain notices', () => {
  it('the region’s own plausibility notices and every data warning, none of another region’s', async () => {
    // A: beds 10 → 40 from 2010 to 2015 (×4: more than a factor 3, SPEC §8), population
    // 100,000 → 200,000 (+100 %). AB: population 100,000 → 300,000 (+200 %). The crosswalk row
    // of X, a code with no figures, is a data warning (not a plausibility notice).
    const inputs = files({
      regions: 'region\nA\nAB\n',
      crosswalk: 'from,to,share\nX,A,1\n',
      population: 'region,year,population\nA,2010,100000\nA,2020,200000\nAB,2010,100000\nAB,2020,300000\n',
      beds: 'region,year,beds\nA,2010,10\nA,2015,40\nA,2020,40\nAB,2010,10\nAB,2020,10\n',
      services: 'region,year,service,capacity,unit\nA,2010,crisis,1,beds\nAB,2010,crisis,1,beds\n',
    });
    const shown = async (region: string) => (await runExplain({ region, inputs, config: false })).explanation.warnings.map((w) => [w.kind ?? 'data', w.message.slice(0, 30)]);
    const unused = ['data', '"X" has no figures in the data'];
    // (the notices' wording is plausibility.ts's; here only whose they are)
    expect(await shown('A')).toEqual([unused, ['plausibility', 'A institutional beds: 10 in 20'], ['plausibility', 'A: population 100000 in 2010 →']]);
    expect(await shown('AB')).toEqual([unused, ['plausibility', 'AB: population 100000 in 2010 ']]);
  });
});
