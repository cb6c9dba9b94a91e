// `explain REGION` (SPEC §8): every value with its rule and rows, every weight, product and sum,
// down to vacuum_per_100k and the rank — equal to the report's numbers to the last digit. Hand-
// worked cases, then a property over random datasets (fast-check, fixed seed): for every region,
// explain's metrics and rank are the report's (Object.is), its steps recompute from the values it
// shows (recomputed here, independently), and the rows it cites add up to the values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ExplainRunOptions, runExplain } from '../../src/app/explain.js';
import { analyze } from '../../src/core/analyze.js';
import { OptionError } from '../../src/core/errors.js';
import { type Explanation, ExplanationSchema } from '../../src/core/explain-schema.js';
import type { FillMode } from '../../src/core/series.js';
import { type DatasetInputs, loadDataset } from '../../src/io/load-dataset.js';
import { renderExplainText } from '../../src/report/explain.js';
import { inputFiles as files } from '../helpers/input-files.js';

/** runExplain's explanation of one region (the run also returns its output and provenance). */
const explain = async (region: string, options: Omit<ExplainRunOptions, 'region'> = {}) => (await runExplain({ ...options, region })).explanation;


// A: beds 100 (2010) → 70 (2015, carried to 2020); ACT team 1 → 2 (outreach/teams, w 10);
// supported living 8 places from 2014 (started later at B, carried to T); cmhc fte weight 0.
const A_FILES = files({
  regions: 'region,name\nA,Alpha\nB,Beta\n',
  population: 'region,year,population\nA,2010,200000\nA,2020,250000\nB,2010,100000\nB,2020,100000\n',
  beds: 'region,year,beds\nA,2010,60\nA,2010,40\nA,2015,70\nB,2010,10\nB,2020,10\n',
  services: [
    'region,year,service,capacity,unit',
    'A,2010,ACT-team,1,teams',
    'A,2020,ACT-team,2,teams',
    'A,2014,botilbud,8,places',
    'A,2010,cmhc,5,fte',
    'A,2020,cmhc,5,fte',
    'B,2010,botilbud,1,places',
  ].join('\n'),
});

describe('explain, by hand', () => {
  it('every value with its rule, rows, weights, products and sums, down to the rank', async () => {
    const e = await explain('A', { inputs: A_FILES, from: 2010, to: 2020 });
    expect(ExplanationSchema.parse(e)).toEqual(e);
    expect([e.region, e.name, e.status, e.from, e.to, e.from_rule, e.to_rule]).toEqual(['A', 'Alpha', 'ranked', 2010, 2020, 'option', 'option']);
    // beds at B: two rows of 2010 summed (60 + 40, lines 2 and 3); at T: 2015's 70 carried forward
    expect(e.beds.from).toEqual({
      year: 2010,
      value: 100,
      rule: 'exact',
      source_years: [2010],
      rows: [
        { file: 'beds.csv', line: 2, region: 'A', value: 60, share: 1 },
        { file: 'beds.csv', line: 3, region: 'A', value: 40, share: 1 },
      ],
    });
    expect(e.beds.to).toMatchObject({ year: 2020, value: 70, rule: 'carried_forward', source_years: [2015], rows: [{ line: 4, value: 70 }] });
    expect(e.population.to).toMatchObject({ value: 250_000, rule: 'exact', rows: [{ file: 'population.csv', line: 3, value: 250_000 }] });
    expect(e.population.from).toMatchObject({ value: 200_000, rule: 'exact', rows: [{ line: 2 }] });
    // community, in the order the series first appear: outreach/teams, supported_living/places, cmhc/fte
    expect(e.community.series.map((s) => [s.category, s.unit, s.weight.value, s.from.value, s.from.rule, s.to.value, s.to.rule, s.from_be, s.to_be])).toEqual([
      ['outreach', 'teams', 10, 1, 'exact', 2, 'exact', 10, 20],
      ['supported_living', 'places', 1, 0, 'service_started_later', 8, 'carried_forward', 0, 8],
      ['cmhc', 'fte', 0, 5, 'exact', 5, 'exact', 0, 0],
    ]);
    expect(e.community.series[1]!.to.rows).toEqual([{ file: 'services.csv', line: 4, region: 'A', value: 8, share: 1, service: 'botilbud' }]);
    expect(e.community.series[0]!.weight).toMatchObject({ low: 5, high: 20, set_by: 'default' });
    // the steps: bed change 70 − 100 = −30; closed 30; community 10 + 0 + 0 = 10 → 20 + 8 + 0 = 28;
    // change +18; net −30 + 18 = −12; vacuum 12; 12 / 250,000 × 100,000 = 4.8; replacement 18 / 30 = 0.6;
    // capacity (100 + 10) / 200,000 × 1e5 = 55 → (70 + 28) / 250,000 × 1e5 = 39.2; drop 15.8
    const step = Object.fromEntries(e.steps.map((s) => [s.metric, s]));
    expect(step.bed_change).toMatchObject({ formula: 'beds_to − beds_from', computation: '70 − 100', value: -30 });
    expect(step.community_from_be!.computation).toBe('10 × 1 + 1 × 0 + 0 × 5');
    expect(step.community_to_be).toMatchObject({ computation: '10 × 2 + 1 × 8 + 0 × 5', value: 28 });
    expect(step.net_change_be).toMatchObject({ computation: '(-30) + 18', value: -12 });
    expect(step.vacuum_per_100k).toMatchObject({ computation: '12 / 250000 × 100000', value: 4.8 });
    expect(step.replacement_ratio!.value).toBeCloseTo(0.6, 15);
    expect(step.capacity_per_100k_from!.value).toBeCloseTo(55, 12);
    expect(step.capacity_per_100k_to!.value).toBeCloseTo(39.2, 12);
    // the rank: A 4.8 per 100k above B (no vacuum)
    expect(e.rank).toEqual({ rank: 1, of: 2, sort: 'vacuum_per_100k', value: 4.8, above: null, below: { rank: 2, region: 'B', value: 0 } });
    // the text shows the same
    const text = renderExplainText(e);
    expect(text).toContain('beds.csv:2  A  60');
    expect(text).toContain('at T 2020: 70 (carried forward from 2015)');
    expect(text).toContain('= 12 / 250000 × 100000 = 4.8');
    expect(text).toContain('Rank 1 of 2 by vacuum_per_100k');
  });

  it('sums in the report\'s order, so the last digit agrees: (0.1 + 0.2) + 0.3 = 0.6000000000000001', async () => {
    const e = await explain('A', {
      inputs: files({
        regions: 'region\nA\n',
        population: 'region,year,population\nA,2010,100000\n',
        beds: 'region,year,beds\nA,2010,1\nA,2011,1\n',
        // three series of weight 1, in this order: 0.1 + 0.2 + 0.3 in floating point is
        // 0.6000000000000001 left to right, and 0.6 right to left
        services: 'region,year,service,capacity,unit\nA,2010,botilbud,0.1,places\nA,2010,crisis,0.2,beds\nA,2010,supported_living,0.3,beds\n',
      }),
    });
    expect(e.steps.find((s) => s.metric === 'community_from_be')).toMatchObject({ computation: '1 × 0.1 + 1 × 0.2 + 1 × 0.3', value: 0.6000000000000001 });
    expect(e.metrics!.community_from_be).toBe(0.6000000000000001);
  });

  it('an excluded region says which inputs are unknown, with the rows it does have', async () => {
    const e = await explain('B', { inputs: files({ ...Object.fromEntries(Object.entries(A_FILES).map(([k, v]) => [k, (v as { content: string }).content])), beds: 'region,year,beds\nA,2010,100\nB,2015,10\n' }), from: 2010, to: 2020 });
    expect([e.status, e.reason, e.rank, e.metrics, e.steps]).toEqual(['excluded', 'beds_from', null, null, []]);
    expect(e.beds.from).toMatchObject({ value: null, rule: 'unknown', rows: [] });
    expect(e.beds.to).toMatchObject({ value: 10, rule: 'carried_forward', rows: [{ line: 3 }] });
    expect(renderExplainText(e)).toContain('Not ranked: unknown beds_from.');
  });

  it('a region unknown or not ranked at this level is an OptionError saying what to do', async () => {
    await expect(explain('Alpha', { inputs: A_FILES })).rejects.toThrow(OptionError);
    await expect(explain('AA', { inputs: A_FILES })).rejects.toThrow('REGION: unknown region "AA" (not in regions.csv); did you mean "A"?');
    const tree = files({
      regions: 'region,parent\nC,\nM1,C\nM2,C\n',
      population: 'region,year,population\nM1,2010,10\nM2,2010,10\n',
      beds: 'region,year,beds\nM1,2010,1\nM1,2020,0\nM2,2010,1\nM2,2020,1\n',
      services: 'region,year,service,capacity,unit\nM1,2010,crisis,1,teams\nM2,2010,crisis,1,teams\n',
    });
    await expect(explain('C', { inputs: tree })).rejects.toThrow(/REGION: region "C" is not one of the units this run ranks .*--level 1 ranks its level/);
    // with --level 1, C is the unit: its members are summed and their rows cited
    const c = await explain('C', { inputs: tree, level: 1 });
    expect(c.members).toEqual(['C', 'M1', 'M2']);
    expect(c.beds.from).toMatchObject({ value: 2, rows: [{ region: 'M1', line: 2 }, { region: 'M2', line: 4 }] });
  });

  it('a crosswalk: rows of old codes, with the share that reaches the region', async () => {
    const e = await explain('NEW', {
      inputs: files({
        regions: 'region\nNEW\nOTHER\n',
        crosswalk: 'from,to,share,year\nOLD,NEW,0.25,2020\nOLD,OTHER,0.75,2020\n',
        population: 'region,year,population\nNEW,2018,1000\nOLD,2018,4000\nOTHER,2018,3000\n',
        beds: 'region,year,beds\nNEW,2018,2\nOLD,2018,8\nNEW,2020,3\nOTHER,2018,1\nOTHER,2020,1\n',
        services: 'region,year,service,capacity,unit\nNEW,2018,crisis,1,teams\nOTHER,2018,crisis,1,teams\n',
      }),
    });
    // beds at B = 2018: NEW's own 2 + a quarter of OLD's 8 = 4
    expect(e.beds.from).toMatchObject({
      value: 4,
      rows: [
        { region: 'NEW', value: 2, share: 1, line: 2 },
        { region: 'OLD', value: 8, share: 0.25, line: 3 },
      ],
    });
    expect(e.population.to).toMatchObject({ value: 2000, rule: 'carried_forward', source_years: [2018] }); // 1000 + 4000 / 4
  });

  it('events: B defaults to the first event year − 1 and every closure is listed with its rows', async () => {
    const e = await explain('A', {
      inputs: files({
        regions: 'region\nA\n',
        population: 'region,year,population\nA,2012,50000\n',
        beds: 'region,date,beds_closed\nA,2012-03,10\nA,2014,5\nA,2014-11-30,-2\n',
        services: 'region,year,service,capacity,unit\nA,2012,crisis,1,teams\n',
      }),
    });
    expect([e.from, e.from_rule, e.to, e.to_rule]).toEqual([2011, 'earliest event year − 1', 2014, 'latest beds year']);
    expect(e.beds.closures.map((c) => [c.year, c.beds_closed, c.rows.map((r) => r.line)])).toEqual([
      [2012, 10, [2]],
      [2014, 3, [3, 4]],
    ]);
    const step = e.steps.find((s) => s.metric === 'bed_change')!;
    // −(10 + 3) = −13; community 0 (started later at 2011) → 12.5: net −0.5 → vacuum 0.5 → 1 per 100k
    expect(step).toMatchObject({ computation: '−(10 + 3)', value: -13 });
    expect(e.metrics!.vacuum_per_100k).toBeCloseTo(1, 12);
  });
});

// ---------------------------------------------------------------------------------------------
// Property: explain = report, on random datasets.

const CODES = ['R1', 'R2', 'R3', 'R4'];
const NAMES = [
  ['ACT-team', 'teams', 10],
  ['botilbud', 'places', 1],
  ['værested', 'places', 0.25],
  ['crisis', 'beds', 1],
  ['cmhc', 'fte', 0],
] as const;
const YEARS = [2010, 2011, 2012, 2013, 2014];

// Whole numbers, short decimals, and doubles in full (so that the order of a sum shows in its
// last digit: explain must add in the report's order). Written in JavaScript's shortest
// round-trip form, they read back exactly.
const num = fc.oneof(
  fc.integer({ min: 0, max: 500 }),
  fc.double({ min: 0, max: 500, noNaN: true }).map((x) => Math.round(x * 1000) / 1000),
  fc.double({ min: 0.001, max: 500, noNaN: true, noDefaultInfinity: true }),
);
const rowsOf = <T>(arb: fc.Arbitrary<T>) => fc.array(arb, { maxLength: 12 });

const datasetArb = fc.record({
  // most regions have a population from the first year, some only later, some none
  basePopulation: fc.array(fc.option(fc.integer({ min: 1, max: 2_000_000 }), { freq: 5 }), { minLength: CODES.length, maxLength: CODES.length }),
  population: rowsOf(fc.tuple(fc.constantFrom(...CODES), fc.constantFrom(...YEARS), fc.integer({ min: 1, max: 2_000_000 }))),
  stock: fc.boolean(),
  beds: rowsOf(fc.tuple(fc.constantFrom(...CODES), fc.constantFrom(...YEARS), num)),
  // enough rows that a region often has three or more series (where the order of a sum matters)
  services: fc.array(fc.tuple(fc.constantFrom(...CODES), fc.constantFrom(...YEARS), fc.constantFrom(...NAMES), num), { maxLength: 40 }),
  fill: fc.constantFrom<FillMode>('carry', 'none', 'linear'),
  missingCommunity: fc.constantFrom('exclude' as const, 'zero' as const),
  period: fc.option(fc.tuple(fc.constantFrom(...YEARS), fc.constantFrom(...YEARS)).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const)),
});

type DatasetCase = typeof datasetArb extends fc.Arbitrary<infer T> ? T : never;

function inputsOf(d: DatasetCase): DatasetInputs {
  // one population row per region and year (a repeat is an input error)
  const population = new Map(d.population.map(([c, y, p]) => [`${c},${y}`, p]));
  d.basePopulation.forEach((p, i) => {
    if (p !== null) population.set(`${CODES[i]},${YEARS[0]}`, p);
  });
  return files({
    regions: `region\n${CODES.join('\n')}\n`,
    population: `region,year,population\n${[...population].map(([k, p]) => `${k},${p}`).join('\n')}\n`,
    beds: d.stock
      ? `region,year,beds\n${d.beds.map(([c, y, b]) => `${c},${y},${b}`).join('\n')}\n`
      : `region,date,beds_closed\n${d.beds.map(([c, y, b], i) => `${c},${y}-0${(i % 9) + 1},${i % 3 === 0 ? -b : b}`).join('\n')}\n`,
    services: `region,year,service,capacity,unit\n${d.services.map(([c, y, [name, unit], cap]) => `${c},${y},${name},${cap},${unit}`).join('\n')}\n`,
  });
}

/** Recompute the steps from the values explain shows, here, as SPEC §3 states them. */
function recomputed(e: Explanation): Record<string, number | null> {
  const clean = (x: number) => (x === 0 ? 0 : x);
  const bedChange =
    e.beds.shape === 'stock' ? e.beds.to!.value! - e.beds.from!.value! : -e.beds.closures.reduce((s, c) => s + c.beds_closed, 0);
  let from = 0;
  let to = 0;
  for (const s of e.community.series) {
    from += s.weight.value * s.from.value!;
    to += s.weight.value * s.to.value!;
  }
  const change = to - from;
  const net = bedChange + change;
  const closed = Math.max(0, -bedChange);
  const vacuum = Math.max(0, -net);
  return {
    bed_change: clean(bedChange),
    beds_closed: clean(closed),
    community_from_be: clean(from),
    community_to_be: clean(to),
    community_change_be: clean(change),
    net_change_be: clean(net),
    vacuum_be: clean(vacuum),
    vacuum_per_100k: clean((vacuum / e.population.to.value!) * 100_000),
    replacement_ratio: closed === 0 ? null : clean(change / closed),
  };
}

describe('explain equals the report, to the last digit (property)', () => {
  it('for every region of random datasets, any fill rule, missing-community rule and period', async () => {
    let rankedCount = 0;
    let excludedCount = 0;
    await fc.assert(
      fc.asyncProperty(datasetArb, async (d) => {
        const inputs = inputsOf(d);
        const options = { fill: d.fill, missingCommunity: d.missingCommunity, from: d.period?.[0], to: d.period?.[1] };
        let report;
        try {
          const { dataset, weights } = await loadDataset(inputs);
          report = analyze(dataset, { weights, ...options });
        } catch {
          return; // no years to default to, and the like: explain refuses the same way (checked below)
        }
        for (const code of CODES) {
          const e = await explain(code, { inputs, ...options });
          expect([e.from, e.to]).toEqual([report.from, report.to]);
          const excluded = report.excluded.find((x) => x.region === code);
          const ranked = report.regions.find((r) => r.region === code);
          if (excluded) {
            expect([e.status, e.reason]).toEqual(['excluded', excluded.reason]);
            excludedCount++;
            continue;
          }
          rankedCount++;
          const { rank, ...metrics } = ranked!;
          expect(e.status).toBe('ranked');
          expect(e.metrics).toEqual(metrics);
          expect(e.rank!.rank).toBe(rank);
          // every step's value is the report's, bit for bit
          for (const s of e.steps) expect(Object.is(s.value, (metrics as Record<string, unknown>)[s.metric]), `${code} ${s.metric}`).toBe(true);
          // and follows from the values shown
          for (const [metric, value] of Object.entries(recomputed(e))) expect(Object.is(value, (metrics as Record<string, unknown>)[metric]), `${code} ${metric} recomputed`).toBe(true);
          // the rows cited for an exact value add up to it (no crosswalk here: shares are 1)
          for (const v of [e.beds.from, e.beds.to, e.population.to, ...e.community.series.flatMap((s) => [s.from, s.to])]) {
            if (v === null || v.rule !== 'exact') continue;
            expect(v.rows.reduce((sum, r) => sum + r.value * r.share, 0)).toBeCloseTo(v.value!, 9);
          }
        }
      }),
      { seed: 20_250_113, numRuns: 60, endOnFailure: true },
    );
    // the property saw both kinds of region, many times
    expect(rankedCount).toBeGreaterThan(30);
    expect(excludedCount).toBeGreaterThan(10);
  }, 60_000);
});
