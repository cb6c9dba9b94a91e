// The rows `explain REGION` cites for each value (SPEC §8: every value with the rule used and the
// input rows it came from): a service series cites only the rows of its own category and unit; a
// beds or population row carries no service field; a value that started later or is unknown
// cites no year and no row; a --level unit cites the rows of every region of its branch, at any
// depth and whatever the order of regions.csv, and none of a region outside it.
import { describe, expect, it } from 'vitest';
import { type ExplainRunOptions, runExplain } from '../../src/app/explain.js';
import { inputFiles as files } from '../helpers/input-files.js';

const explain = async (region: string, options: Omit<ExplainRunOptions, 'region'> = {}) => (await runExplain({ ...options, region, config: false })).explanation;


describe('explain, the rows cited for each value', () => {
  it('a service series cites the rows of its own category and unit only', async () => {
    // A in 2010: crisis in beds (line 2) and in teams (line 3): one category, two units;
    // botilbud (supported_living, line 4) and værested (day_services, line 5) in places: one unit,
    // two categories. B's crisis beds (line 6) are another region's. Each value at T = 2020 is
    // 2010's carried forward, so it cites the same row.
    const e = await explain('A', {
      inputs: files({
        regions: 'region\nA\nB\n',
        population: 'region,year,population\nA,2010,100000\nA,2020,100000\nB,2010,1000\nB,2020,1000\n',
        beds: 'region,year,beds\nA,2010,50\nA,2020,40\nB,2010,5\nB,2020,5\n',
        services: 'region,year,service,capacity,unit\nA,2010,crisis,2,beds\nA,2010,crisis,1,teams\nA,2010,botilbud,4,places\nA,2010,værested,8,places\nB,2010,crisis,1,beds\n',
      }),
      from: 2010,
      to: 2020,
    });
    expect(e.community.series.map((s) => [s.category, s.unit, s.from.rows.map((r) => [r.line, r.service, r.value]), s.to.rule, s.to.rows.map((r) => r.line)])).toEqual([
      ['crisis', 'beds', [[2, 'crisis', 2]], 'carried_forward', [2]],
      ['crisis', 'teams', [[3, 'crisis', 1]], 'carried_forward', [3]],
      ['supported_living', 'places', [[4, 'botilbud', 4]], 'carried_forward', [4]],
      ['day_services', 'places', [[5, 'værested', 8]], 'carried_forward', [5]],
    ]);
    // a beds or population row has no service field at all (not even an undefined one)
    expect(e.beds.from!.rows).toStrictEqual([{ file: 'beds.csv', line: 2, region: 'A', value: 50, share: 1 }]);
    expect(e.population.to.rows).toStrictEqual([{ file: 'population.csv', line: 3, region: 'A', value: 100000, share: 1 }]);
  });

  it('a service that started later, and an unknown value, cite no year and no row', async () => {
    // A: botilbud only from 2020, so 0 at B = 2010 (started later). B: beds only from 2015, so
    // beds at B = 2010 are unknown and B is not ranked; its population at B is then not looked up.
    const inputs = files({
      regions: 'region\nA\nB\n',
      population: 'region,year,population\nA,2010,1000\nA,2020,1000\nB,2010,1000\nB,2020,1000\n',
      beds: 'region,year,beds\nA,2010,5\nA,2020,4\nB,2015,5\nB,2020,5\n',
      services: 'region,year,service,capacity,unit\nA,2020,botilbud,3,places\nB,2010,botilbud,1,places\n',
    });
    const a = await explain('A', { inputs, from: 2010, to: 2020 });
    expect(a.community.series[0]!.from).toEqual({ year: 2010, value: 0, rule: 'service_started_later', source_years: [], rows: [] });
    expect(a.population.from).toMatchObject({ value: 1000, rule: 'exact', source_years: [2010] });
    const b = await explain('B', { inputs, from: 2010, to: 2020 });
    expect([b.status, b.reason]).toEqual(['excluded', 'beds_from']);
    expect(b.beds.from).toEqual({ year: 2010, value: null, rule: 'unknown', source_years: [], rows: [] });
    expect(b.population.from).toBeNull();
  });

  it('closure events: no population at B is looked up (no rate view)', async () => {
    const e = await explain('A', {
      inputs: files({
        regions: 'region\nA\n',
        population: 'region,year,population\nA,2011,50000\n',
        beds: 'region,date,beds_closed\nA,2012,4\n',
        services: 'region,year,service,capacity,unit\nA,2011,crisis,1,teams\n',
      }),
    });
    expect(e.status).toBe('ranked');
    expect(e.population.from).toBeNull();
    expect(e.population.to).toMatchObject({ year: 2012, value: 50000, rule: 'carried_forward', source_years: [2011] });
  });

  it('a row of a code that reaches the region only in some years is cited only for those years', async () => {
    // A reform in 2020 gave half of OLD to NEW: OLD's figures of years before 2020 are split half
    // to NEW, half kept by OLD; from 2020 on OLD's figures are OLD's own. Beds at B = 2018: NEW's
    // 2 (line 2) + half of OLD's 4 (line 4) = 4. At T = 2021: NEW's 3 (line 3) only; OLD's 2021
    // row (line 5) reaches NEW with no share, so it is not cited.
    const e = await explain('NEW', {
      inputs: files({
        regions: 'region\nNEW\nOLD\n',
        crosswalk: 'from,to,share,year\nOLD,NEW,0.5,2020\nOLD,OLD,0.5,2020\n',
        population: 'region,year,population\nNEW,2018,1000\nNEW,2021,1500\nOLD,2018,2000\nOLD,2021,1000\n',
        beds: 'region,year,beds\nNEW,2018,2\nNEW,2021,3\nOLD,2018,4\nOLD,2021,2\n',
        services: 'region,year,service,capacity,unit\nNEW,2018,crisis,1,beds\nOLD,2018,crisis,1,beds\n',
      }),
      from: 2018,
      to: 2021,
    });
    expect(e.beds.from).toMatchObject({ value: 4, rule: 'exact' });
    expect(e.beds.from!.rows.map((r) => [r.region, r.line, r.value, r.share])).toEqual([
      ['NEW', 2, 2, 1],
      ['OLD', 4, 4, 0.5],
    ]);
    expect(e.beds.to).toMatchObject({ value: 3, rule: 'exact' });
    expect(e.beds.to!.rows.map((r) => [r.region, r.line, r.value, r.share])).toEqual([['NEW', 3, 3, 1]]);
  });

  it('a --level unit: its whole branch, a grandchild listed before its parent, no region outside it', async () => {
    // C ⊃ M1 ⊃ G, C ⊃ M2; X is another root. regions.csv lists G before M1 (its parent) and C.
    // --level 1 ranks C and X; C's members in regions.csv order: G, C, M1, M2.
    const e = await explain('C', {
      inputs: files({
        regions: 'region,parent\nG,M1\nC,\nM1,C\nM2,C\nX,\n',
        population: 'region,year,population\nG,2010,1000\nM2,2010,2000\nX,2010,500\n',
        beds: 'region,year,beds\nG,2010,3\nG,2020,1\nM2,2010,4\nM2,2020,4\nX,2010,1\nX,2020,1\n',
        services: 'region,year,service,capacity,unit\nG,2010,crisis,1,beds\nM2,2010,crisis,1,beds\nX,2010,crisis,1,beds\n',
      }),
      level: 1,
    });
    expect([e.level, e.members]).toEqual([1, ['G', 'C', 'M1', 'M2']]);
    // beds at B = 2010: G's 3 + M2's 4 = 7, each row cited; X's row (line 6) is not
    expect(e.beds.from).toMatchObject({ value: 7, rows: [{ region: 'G', line: 2, value: 3 }, { region: 'M2', line: 4, value: 4 }] });
    expect(e.beds.from!.rows).toHaveLength(2);
  });
});
