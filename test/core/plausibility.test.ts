// SPEC §8 plausibility notices: a change of more than a factor 3 between two consecutive reported
// years, a weight-0 series that changed between B and T, a population that changed by more than
// 30 % — warnings with kind "plausibility" that never change a number or an exit code.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, analyzeRanking, withNotices } from '../../src/core/analyze.js';
import { analyzeCorner, analyzeCornerRanking } from '../../src/core/sensitivity.js';
import type { Category } from '../../src/core/categories.js';
import type { Dataset, ServiceSeries } from '../../src/core/dataset.js';
import type { Warning } from '../../src/core/issues.js';
import { type NoticeOptions, noticeMessageBytes, plausibilityNotices, show } from '../../src/core/plausibility.js';
import type { Unit } from '../../src/core/units.js';
import { resolveWeights } from '../../src/core/weights.js';
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

describe('numbers in messages (show)', () => {
  /** The rule as written before the shortcut for hundredths: the shortest text when it has at
   * most 6 significant digits, else the number rounded to 6 (an independent oracle). */
  function oracle(x: number): string {
    const text = String(x);
    const digits = /e/.test(text) ? Infinity : text.replace(/[^0-9]/g, '').replace(/^0+/, '').length;
    return digits <= 6 ? text : String(Number(x.toPrecision(6)));
  }

  it('writes what the rule writes: whole numbers, tenths and hundredths on both sides of 10,000, any double', () => {
    const hundredths = fc.integer({ min: -2_000_000, max: 2_000_000 }).map((h) => h / 100);
    const tenths = fc.integer({ min: -200_000, max: 200_000 }).map((t) => t / 10);
    const factors = fc.double({ min: 0, max: 1000, noNaN: true }).map((f) => Number(f.toFixed(2)));
    const any = fc.double({ noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(fc.oneof(hundredths, tenths, factors, any, fc.integer()), (x) => {
        expect(show(x)).toBe(oracle(x));
      }),
      { seed: 20261201, numRuns: 20_000 },
    );
    for (const x of [0, -0, 0.1, 0.07, -0.05, 262.2, 9999.99, -9999.99, 10_000, 10_000.01, 999_999, 1e6, 0.005, 1.005, 2.675, 0.30000000000000004, 5e-324, 1e21]) {
      expect(show(x), String(x)).toBe(oracle(x));
    }
  });
});

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
    // And JavaScript that changes it (the type says readonly) gets a plain property, not a TypeError.
    (notice as { message: string }).message = `beds.csv: ${plain.message}`;
    expect(notice!.message).toBe(`beds.csv: ${plain.message}`);
    expect(JSON.parse(JSON.stringify(notice))).toEqual({ ...plain, message: `beds.csv: ${plain.message}` });
  });
});

// The rules above once more, on datasets built by hand (a Dataset is plain maps: SPEC §3's series
// per region), so that each rule's edge can be set exactly: years out of order, a step after T,
// a year with no figure under --fill none, a pair with no weight at all.
describe('plausibilityNotices on a dataset built by hand', () => {
  type Series = [number, number][];
  const FILES = { population: 'population.csv', beds: 'beds.csv', services: 'services.csv' };

  /** One region A: its population, institutional beds (a stock) and service series by `category/unit`. */
  function datasetOf(population: Series, beds: Series, services: Record<string, Series> = {}): Dataset {
    const serviceMap = new Map<string, ServiceSeries>();
    for (const [key, years] of Object.entries(services)) {
      const [category, unit] = key.split('/') as [Category, Unit];
      serviceMap.set(key, { category, unit, years: new Map(years) });
    }
    return {
      regions: new Map([['A', { code: 'A', name: 'Alpha' }]]),
      population: new Map([['A', new Map(population)]]),
      beds: { shape: 'stock', byRegion: new Map([['A', new Map(beds)]]) },
      services: new Map([['A', serviceMap]]),
      serviceNames: new Map(),
      warnings: [],
    };
  }

  const POPULATION: Series = [
    [2000, 100000],
    [2004, 100000],
  ];
  const BEDS: Series = [
    [2000, 50],
    [2004, 50],
  ];
  /** Beds 100 → 20 (×0.2) → 100 (×5): a step of more than a factor 3, and 1 more. */
  const BEDS_TWO_STEPS: Series = [
    [2000, 100],
    [2001, 20],
    [2002, 100],
  ];
  /** Crisis teams 1 → 4 (×4) → 1 (×0.25) → 5 (×5): a step of more than a factor 3, and 2 more. */
  const TEAMS_THREE_STEPS: Series = [
    [2000, 1],
    [2001, 4],
    [2002, 1],
    [2003, 5],
  ];
  const messages = (dataset: Dataset, options: Partial<NoticeOptions> = {}) =>
    plausibilityNotices(dataset, { regions: ['A'], period: { from: 2000, to: 2004 }, weights: resolveWeights(), files: FILES, ...options }).map((w) => w.message);
  const TAIL = 'a change of definition or coverage? Check the source; the numbers are used as given';

  describe('a change of definition', () => {
    it('compares consecutive years in year order, whatever order the series holds them in', () => {
      // held as 2004, 2000, 2002; in year order 10 → 12 (×1.2) → 40 (40 / 12 = 3.333 → ×3.33)
      const d = datasetOf(POPULATION, BEDS, {
        'supported_living/places': [
          [2004, 40],
          [2000, 10],
          [2002, 12],
        ],
      });
      expect(messages(d)).toEqual([`A supported_living places: 12 in 2002 → 40 in 2004 (×3.33), more than a factor 3 between two reported years: ${TAIL}`]);
    });

    it('writes each number with at most 6 significant digits, as Number(x.toPrecision(6)) reads', () => {
      // 1,234,567.8 → 1.23457e6 = 1234570; 0.1 + 0.2 (0.30000000000000004) → 0.3; 262.2 and 0.000125
      // have fewer digits and stay; 4,000,000.5 → 4e6 = 4000000; the factor 0.3 / 1234567.8 → ×0
      const d = datasetOf(
        [
          [2000, 1234567.8],
          [2004, 1234567.8],
        ],
        [
          [2000, 262.2],
          [2001, 0.000125],
          [2002, 4000000.5],
          [2003, 0.1 + 0.2],
          [2004, 0.1 + 0.2],
        ],
      );
      expect(messages(d)).toEqual([
        `A institutional beds: 262.2 in 2000 → 0.000125 in 2001 (×0), more than a factor 3 between two reported years (and 2 more such steps): ${TAIL}`,
      ]);
      const p = datasetOf(
        [
          [2000, 1234567.8],
          [2004, 4000000.5],
        ],
        BEDS,
      );
      // 4000000.5 / 1234567.8 = 3.24 (×3.24); +224 %
      expect(messages(p)).toEqual([
        `A population: 1234570 in 2000 → 4000000 in 2004 (×3.24), more than a factor 3 between two reported years: ${TAIL}`,
        'A: population 1234570 in 2000 → 4000000 in 2004 (+224 %), more than 30 % between B and T: do both figures count the same area? The per-100k rates of B and T rest on them',
      ]);
      const q = datasetOf(POPULATION, [
        [2000, 0.1 + 0.2],
        [2004, 12345.678],
      ]);
      // 12345.678 → 12345.7; 12345.678 / 0.3 = 41152.26 → ×41152.3
      expect(messages(q)).toEqual([`A institutional beds: 0.3 in 2000 → 12345.7 in 2004 (×41152.3), more than a factor 3 between two reported years: ${TAIL}`]);
    });

    it('a step that begins at or after T does not bear on B–T; one that straddles T does', () => {
      // T = 2004: 2004 → 2006 (×4) lies after T; 2003 → 2005 (×4) has its earlier year before T
      // and its later after B
      const after = datasetOf(POPULATION, [
        [2000, 10],
        [2004, 10],
        [2006, 40],
      ]);
      expect(messages(after)).toEqual([]);
      const straddles = datasetOf(POPULATION, [
        [2000, 10],
        [2003, 10],
        [2005, 40],
      ]);
      expect(messages(straddles)).toEqual([`A institutional beds: 10 in 2003 → 40 in 2005 (×4), more than a factor 3 between two reported years: ${TAIL}`]);
    });

    it('a step that ends at B lies wholly before the period; one that ends a year after B does not', () => {
      // B = 2000: 1995 → 2000 (400 → 100, ×0.25) ends at B: the value at B is already the later one
      const atB = datasetOf(POPULATION, [
        [1995, 400],
        [2000, 100],
        [2004, 100],
      ]);
      expect(messages(atB)).toEqual([]);
      const afterB = datasetOf(POPULATION, [
        [1995, 400],
        [2001, 100],
        [2004, 100],
      ]);
      expect(messages(afterB)).toEqual([`A institutional beds: 400 in 1995 → 100 in 2001 (×0.25), more than a factor 3 between two reported years: ${TAIL}`]);
    });

    it('a step from 0 is an opening, not a factor; exactly ×3 upwards is not more than 3, ×3.1 is', () => {
      // 0 → 10: an opening; 10 → 30: ×3 exactly; 30 → 93: 93 / 30 = ×3.1
      const d = datasetOf(POPULATION, BEDS, {
        'crisis/teams': [
          [2000, 0],
          [2001, 10],
        ],
        'outreach/teams': [
          [2000, 10],
          [2002, 30],
        ],
        'day_services/places': [
          [2000, 30],
          [2003, 93],
        ],
      });
      expect(messages(d)).toEqual([`A day_services places: 30 in 2000 → 93 in 2003 (×3.1), more than a factor 3 between two reported years: ${TAIL}`]);
    });

    it('names the first such step and counts the others: "1 more such step", "2 more such steps"', () => {
      // beds 100 → 20 (×0.2) → 100 (×5): the first, and 1 more
      // crisis teams 1 → 4 (×4) → 1 (×0.25) → 5 (×5): the first, and 2 more
      const d = datasetOf(POPULATION, BEDS_TWO_STEPS, { 'crisis/teams': TEAMS_THREE_STEPS });
      expect(messages(d)).toEqual([
        `A institutional beds: 100 in 2000 → 20 in 2001 (×0.2), more than a factor 3 between two reported years (and 1 more such step): ${TAIL}`,
        `A crisis teams: 1 in 2000 → 4 in 2001 (×4), more than a factor 3 between two reported years (and 2 more such steps): ${TAIL}`,
      ]);
    });

    it('a population series too, named "population", before the B–T population check', () => {
      // 100,000 → 400,000 between 2000 and 2002 (×4); between B and T 100,000 → 400,000 = +300 %
      const d = datasetOf(
        [
          [2000, 100000],
          [2002, 400000],
          [2004, 400000],
        ],
        BEDS,
      );
      expect(plausibilityNotices(d, { regions: ['A'], period: { from: 2000, to: 2004 }, weights: resolveWeights(), files: FILES })).toEqual([
        {
          file: 'population.csv',
          line: null,
          kind: 'plausibility',
          message: `A population: 100000 in 2000 → 400000 in 2002 (×4), more than a factor 3 between two reported years: ${TAIL}`,
        },
        {
          file: 'population.csv',
          line: null,
          kind: 'plausibility',
          message:
            'A: population 100000 in 2000 → 400000 in 2004 (+300 %), more than 30 % between B and T: do both figures count the same area? ' +
            'The per-100k rates of B and T rest on them',
        },
      ]);
    });
  });

  describe('a weight-0 series that changed between B and T', () => {
    it('one that starts after B was none at the baseline: "+5 (none at the baseline)"', () => {
      // cmhc fte (weight 0, SPEC §4): no figure at or before 2000, so 0 (started later); 5 in 2002, carried to 2004
      const d = datasetOf(POPULATION, BEDS, { 'cmhc/fte': [[2002, 5]] });
      expect(messages(d)).toEqual(['A: cmhc fte +5 (none at the baseline) is not counted: weight 0 (0 in 2000 → 5 in 2004; a config can set weights.cmhc.fte to count it)']);
    });

    it('a fall is "-40 %"; a change that rounds to 0 % has no sign', () => {
      // peer support fte 50 → 30: (30 − 50) / 50 = −40 %; self help places 1000 → 1004: +0.4 % → 0 %
      const d = datasetOf(POPULATION, BEDS, {
        'peer_support/fte': [
          [2000, 50],
          [2004, 30],
        ],
        'self_help/places': [
          [2000, 1000],
          [2004, 1004],
        ],
      });
      expect(messages(d)).toEqual([
        'A: peer_support fte -40 % is not counted: weight 0 (50 in 2000 → 30 in 2004; a config can set weights.peer_support.fte to count it)',
        'A: self_help places 0 % is not counted: weight 0 (1000 in 2000 → 1004 in 2004; a config can set weights.self_help.places to count it)',
      ]);
    });

    it('a pair with no weight at all counts as weight 0 (SPEC §4 has none for crisis facilities)', () => {
      // crisis/facilities 2 → 3: +50 %
      const d = datasetOf(POPULATION, BEDS, {
        'crisis/facilities': [
          [2000, 2],
          [2004, 3],
        ],
      });
      expect(resolveWeights().has('crisis/facilities')).toBe(false);
      expect(messages(d)).toEqual(['A: crisis facilities +50 % is not counted: weight 0 (2 in 2000 → 3 in 2004; a config can set weights.crisis.facilities to count it)']);
    });
  });

  describe('a notice\'s message as the bytes of its JSON string (noticeMessageBytes, for the JSON output)', () => {
    /** `d` with region A named `code`. */
    const renamed = (d: Dataset, code: string): Dataset => ({
      ...d,
      regions: new Map([[code, { code, name: 'Alpha' }]]),
      population: new Map([[code, d.population.get('A')!]]),
      beds: { shape: 'stock', byRegion: new Map([[code, (d.beds as { byRegion: Map<string, Map<number, number>> }).byRegion.get('A')!]]) },
      services: new Map([[code, d.services.get('A')!]]),
    });
    // Every kind of message: a change of definition (population, beds with "1 more such step",
    // a service with "2 more such steps"), a weight-0 series (none at the baseline, and a fall in
    // per cent), a population change between B and T.
    const every = datasetOf(
      [
        [2000, 100000],
        [2002, 400000],
        [2004, 400000],
      ],
      BEDS_TWO_STEPS,
      {
        'crisis/teams': TEAMS_THREE_STEPS,
        'cmhc/fte': [[2002, 5]],
        'peer_support/fte': [
          [2000, 50],
          [2004, 30],
        ],
      },
    );
    const asUtf8 = (bytes: string) => Buffer.from(bytes, 'latin1').toString('utf8');

    it('is JSON.stringify(message) between its quotes in UTF-8, for every kind of message and region codes that need escaping', () => {
      for (const code of ['A', 'Førde "HF" \\ → القاهرة', 'x\ud800y', 'tab\there\n']) {
        const found = plausibilityNotices(renamed(every, code), { regions: [code], period: { from: 2000, to: 2004 }, weights: resolveWeights(), files: FILES });
        expect(found).toHaveLength(6);
        for (const notice of found) {
          expect(notice.message).toContain(code);
          const bytes = noticeMessageBytes(notice)!;
          expect([...bytes].every((c) => c.charCodeAt(0) < 256)).toBe(true);
          expect(asUtf8(bytes)).toBe(JSON.stringify(notice.message).slice(1, -1));
        }
      }
    });

    it('is undefined for a notice whose message a caller set, for a copy of a notice, and for any other warning', () => {
      const [first, second] = plausibilityNotices(every, { regions: ['A'], period: { from: 2000, to: 2004 }, weights: resolveWeights(), files: FILES });
      expect(noticeMessageBytes({ ...first! })).toBeUndefined();
      expect(noticeMessageBytes(structuredClone(first!))).toBeUndefined();
      expect(noticeMessageBytes({ file: 'beds.csv', line: 3, message: 'a warning' })).toBeUndefined();
      expect(noticeMessageBytes(second!)).toBeDefined();
      (second as { message: string }).message = 'set by a caller';
      expect(noticeMessageBytes(second!)).toBeUndefined();
      expect(second!.message).toBe('set by a caller');
    });
  });

  describe('--fill: a year with no figure at B or T', () => {
    // B = 2002, T = 2004. cmhc fte has 2000 and 2004: no figure at B; peer support fte has 2002
    // and 2006: none at T; the population has 2000 (100,000) and 2006 (150,000): neither.
    function gaps(): Dataset {
      return datasetOf(
        [
          [2000, 100000],
          [2006, 150000],
        ],
        BEDS,
        {
          'cmhc/fte': [
            [2000, 100],
            [2004, 150],
          ],
          'peer_support/fte': [
            [2002, 10],
            [2006, 12],
          ],
        },
      );
    }
    const period = { from: 2002, to: 2004 };

    it('under the default (carry) the latest earlier figure stands in', () => {
      // cmhc fte 100 (2000, carried to 2002) → 150 = +50 %; peer support 10 → 10 (carried): no change;
      // population 100,000 → 100,000 (both carried): no change
      expect(messages(gaps(), { period })).toEqual([
        'A: cmhc fte +50 % is not counted: weight 0 (100 in 2002 → 150 in 2004; a config can set weights.cmhc.fte to count it)',
      ]);
    });

    it('under fill none an unknown value at B or T is no change to report', () => {
      expect(messages(gaps(), { period, fill: 'none' })).toEqual([]);
      // the population is unknown at B and T alike; at B alone (2002 has a figure) the same
      const d = gaps();
      d.population.get('A')!.set(2002, 100000);
      expect(messages(d, { period, fill: 'none' })).toEqual([]);
    });
  });

  it('seriesOnly: the change-of-definition check alone (coverage looks at T alone)', () => {
    // population 100,000 → 140,000 (+40 %) and cmhc fte 10 → 20 (weight 0) would be notices for
    // a report; beds 90 → 20 (×0.22) is the one change of definition
    const d = datasetOf(
      [
        [2000, 100000],
        [2004, 140000],
      ],
      [
        [2000, 90],
        [2004, 20],
      ],
      {
        'cmhc/fte': [
          [2000, 10],
          [2004, 20],
        ],
      },
    );
    // 20 / 90 = 0.2222 → ×0.22
    const definition = `A institutional beds: 90 in 2000 → 20 in 2004 (×0.22), more than a factor 3 between two reported years: ${TAIL}`;
    expect(messages(d, { seriesOnly: true })).toEqual([definition]);
    expect(messages(d)).toEqual([
      definition,
      'A: cmhc fte +100 % is not counted: weight 0 (10 in 2000 → 20 in 2004; a config can set weights.cmhc.fte to count it)',
      'A: population 100000 in 2000 → 140000 in 2004 (+40 %), more than 30 % between B and T: do both figures count the same area? The per-100k rates of B and T rest on them',
    ]);
  });
});

describe('analyzeRanking: the notices made later, where analyze has them', () => {
  it('a report without the plausibility notices, the notices when asked, and withNotices = analyze (both weight corners too)', async () => {
    const { dataset, weights } = await loadDataset({
      regions: { name: 'regions.csv', content: 'region\nA\n' },
      population: { name: 'population.csv', content: 'region,year,population\nA,2000,100000\nA,2004,140000\n' },
      beds: { name: 'beds.csv', content: 'region,year,beds\nA,2000,130\nA,2002,120\nA,2003,35\nA,2004,34\n' },
      services: { name: 'services.csv', content: SERVICES },
    });
    const whole = analyze(dataset, { weights });
    // The beds' step and the population's +40 %: two notices, after the dataset's warnings.
    expect(notices(whole.warnings)).toHaveLength(2);
    const ranked = analyzeRanking(dataset, { weights });
    expect(notices(ranked.report.warnings)).toEqual([]);
    expect(ranked.report.warnings).toEqual(dataset.warnings);
    // Made one at a time as they are iterated, the same each time.
    expect([...ranked.notices()]).toEqual(notices(whole.warnings));
    expect(withNotices(ranked)).toEqual(whole);
    expect(whole.warnings.slice(-2)).toEqual([...ranked.notices()]);
    for (const corner of ['low', 'high'] as const) {
      const cornerRanked = analyzeCornerRanking(dataset, corner, { weights });
      expect(notices(cornerRanked.report.warnings)).toEqual([]);
      expect(withNotices(cornerRanked)).toEqual(analyzeCorner(dataset, corner, { weights }));
    }
  });
});
