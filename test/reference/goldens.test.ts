// The goldens of compare, batch and report --sensitivity were written by the code under test
// (UPDATE_GOLDEN=1 in test/e2e/research.test.ts). Here every number in them is checked against
// the independent reference implementation in this folder (SPEC §3, §4, §7, §8 and README's
// rules for compare, batch and sensitivity), which reads the same input CSVs with a plain split
// and imports nothing from src/. Tolerance: 1e-9 relative (absolute below 1): the reference sums
// in its own order, so the last bits of a float may differ; any real difference is far larger.
//
// SPEC §8's `provenance` is checked apart (provenanceDifferences below) and left out of the
// whole-file comparison: its input hashes and row counts are computed here from the fixture files
// with node:crypto, its weights and norms must equal the reference's tables, its options the
// period and settings of the run. Not checked, because nothing independent says what they should
// be: the `source` texts (only that each is there), the input field `thousands` and the option
// keys the SPEC does not define (`fill`, `level`, `rollup`, `scenarioConfig`).
// The SPEC states no order for `flags` and `categories_not_reported`; the reference lists flags
// in the order the SPEC names them (§3, then §8) and categories in SPEC §2's table order, and the
// goldens are compared in that order (a reordering in the code shows here).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { referenceBatch, referenceCompare, referenceSensitivity, withConfigWeights, type RefScenario } from './research.js';
import { readDataset, readPlainCsv, referenceReport, type RefDataset, type RefWeight, SPEC_CRISIS_TEAMS_LOW, SPEC_NORMS, SPEC_WEIGHTS, weightRowOf } from './spec-report.js';

const ROOT = join(import.meta.dirname, '../..');
const FIVE = 'data/examples/norway-regions-2000-2002';
const golden = (name: string) => readFileSync(join(ROOT, 'test/golden', name), 'utf8');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const TOLERANCE = 1e-9;

/** Every place where `actual` differs from `expected` (numbers within TOLERANCE), as "path: a ≠ e". */
function differences(actual: unknown, expected: unknown, path = '$'): string[] {
  if (path.endsWith('.message') && typeof actual === 'string' && typeof expected === 'string' && expected.endsWith('…')) {
    // a plausibility notice whose tail the SPEC does not word (spec-report.ts: plausibilityNotices)
    return actual.startsWith(expected.slice(0, -1)) ? [] : [`${path}: ${actual} does not start with ${expected}`];
  }
  if (path.endsWith('.reason') && typeof actual === 'string' && typeof expected === 'string') {
    // SPEC §3: "a comma-separated list of the unknown inputs", in no stated order
    const set = (x: string) => x.split(/,\s*/).sort().join(', ');
    return set(actual) === set(expected) ? [] : [`${path}: ${actual} ≠ ${expected}`];
  }
  if (typeof actual === 'number' && typeof expected === 'number') {
    return Math.abs(actual - expected) <= TOLERANCE * Math.max(1, Math.abs(expected)) ? [] : [`${path}: ${actual} ≠ ${expected}`];
  }
  if (Array.isArray(actual) && Array.isArray(expected)) {
    if (actual.length !== expected.length) return [`${path}: ${actual.length} items ≠ ${expected.length}`];
    return actual.flatMap((a, i) => differences(a, expected[i], `${path}[${i}]`));
  }
  if (actual !== null && expected !== null && typeof actual === 'object' && typeof expected === 'object') {
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    const keys = new Set([...Object.keys(a), ...Object.keys(e)]);
    return [...keys].flatMap((k) => (k in a && k in e ? differences(a[k], e[k], `${path}.${k}`) : [`${path}.${k}: only in ${k in a ? 'golden' : 'reference'}`]));
  }
  return Object.is(actual, expected) ? [] : [`${path}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`];
}

/** How many numbers a JSON value holds (so a test can say it checked them). */
function countNumbers(x: unknown): number {
  if (typeof x === 'number') return 1;
  if (Array.isArray(x)) return x.reduce((n: number, y) => n + countNumbers(y), 0);
  if (x !== null && typeof x === 'object') return Object.values(x).reduce((n: number, y) => n + countNumbers(y), 0);
  return 0;
}

/**
 * A golden CSV against the reference's rows: same header (as a set of the rows' keys), and every
 * cell equal to the reference's value (numbers within TOLERANCE; null is empty; flags joined by ";").
 * The fixtures' names hold no comma or quote, so a plain split reads the file.
 */
function csvDifferences(text: string, rows: Record<string, unknown>[]): string[] {
  const [head, ...lines] = text.split('\n').filter((l) => l !== '');
  const header = head!.split(',');
  const problems: string[] = [];
  if (lines.length !== rows.length) problems.push(`${lines.length} rows ≠ ${rows.length}`);
  const keys = Object.keys(rows[0]!);
  problems.push(...differences([...header].sort(), [...keys].sort(), 'header'));
  lines.forEach((line, i) => {
    const cells = line.split(',');
    const expected = rows[i]!;
    header.forEach((column, c) => {
      const e = expected[column];
      const cell = cells[c] ?? '';
      const where = `line ${i + 2} ${column}`;
      if (e === null) {
        if (cell !== '') problems.push(`${where}: "${cell}" ≠ empty`);
      } else if (typeof e === 'number') {
        problems.push(...differences(cell === '' ? null : Number(cell), e, where));
      } else if (Array.isArray(e)) {
        if (cell !== e.join(';')) problems.push(`${where}: "${cell}" ≠ "${e.join(';')}"`);
      } else if (cell !== String(e)) {
        problems.push(`${where}: "${cell}" ≠ "${String(e)}"`);
      }
    });
  });
  return problems;
}

describe('the reference itself, on numbers worked by hand', () => {
  it('SPEC §3 for NO-MIDT 2000–2002 and SPEC §7 for FI-VS 2022', () => {
    const midt = referenceReport(readDataset(join(ROOT, FIVE), FIVE)).regions.find((r) => r.region === 'NO-MIDT')!;
    // beds 761 → 679; community 2000: 320 botilbud × 1 + 2 akutteam × 12.5 + 108 værested × 0.25
    // = 372, 2002: 320 + 25 + 100 × 0.25 = 370 (cmhc fte weighs 0); net −82 − 2 = −84;
    // population 633,118 (2000, carried): 84 / 633118 × 100000 = 13.2677…
    expect([midt.bed_change, midt.community_from_be, midt.community_to_be, midt.vacuum_be]).toEqual([-82, 372, 370, 84]);
    expect(midt.vacuum_per_100k).toBeCloseTo(13.2677, 4);
    // the other four report FACT (outreach caseload) in 2002; NO-MIDT has no outreach row at all
    expect(midt.flags).toEqual(['carried_forward', 'partial_community']);
    expect(midt.categories_not_reported).toEqual(['outreach']);
    const vs = referenceReport(readDataset(join(ROOT, 'fixtures/worked-stock'), 'fixtures/worked-stock')).regions.find((r) => r.region === 'FI-VS')!;
    // beds 200 (2018, carried to 2022) / 483,000 = 41.4 per 100k ≥ 28.1 → 1; no supported living
    // and no crisis team rows for FI-VS → 0 and 0: index (1 + 0 + 0) / 3
    expect(vs.coverage_index).toBeCloseTo(1 / 3, 12);
  });

  it('SPEC §8 on worked-stock: categories not reported, missing community excluded or counted as zero, the weight-0 notice', () => {
    const data = readDataset(join(ROOT, 'fixtures/worked-stock'), 'fixtures/worked-stock');
    // services.csv rows: FI-PIR supported_living, crisis; FI-VS outreach, peer_support;
    // FI-KS day_services; FI-LAP supported_living, general_hospital; FI-KAI none.
    // FI-KS lacks, in SPEC §2's order: crisis, general_hospital, outreach, peer_support, supported_living
    const report = referenceReport(data);
    const ks = report.regions.find((r) => r.region === 'FI-KS')!;
    expect(ks.categories_not_reported).toEqual(['crisis', 'general_hospital', 'outreach', 'peer_support', 'supported_living']);
    expect(ks.flags).toEqual(['partial_community']);
    expect(report.excluded).toEqual([{ region: 'FI-KAI', reason: 'population, community' }]);
    // FI-VS peer support (weight 0): none until 2022, 12 fte in 2022 (B = 2015, T = 2022)
    expect(report.warnings).toEqual([
      {
        file: 'fixtures/worked-stock/services.csv',
        line: null,
        kind: 'plausibility',
        message: 'FI-VS: peer_support fte +12 (none at the baseline) is not counted: weight 0 (0 in 2015 → 12 in 2022; a config can set weights.peer_support.fte to count it)',
      },
    ]);
    // --missing-community zero: FI-KAI is still unranked for its population, but no longer for community
    expect(referenceReport(data, { missingCommunity: 'zero' }).excluded).toEqual([{ region: 'FI-KAI', reason: 'population' }]);
  });

  it('SPEC §8 on a made-up dataset: no_community_data, a factor-3 step, a population change over 30 %', () => {
    const series = (entries: [number, number][]) => new Map(entries);
    const data: RefDataset = {
      regions: [{ code: 'A', name: 'A' }, { code: 'B', name: 'B' }],
      // A: 100,000 → 131,000 (+31 %); B: 100,000 → 130,000 (exactly 30 %: not more than 30 %)
      population: new Map([['A', series([[2010, 100000], [2012, 131000]])], ['B', series([[2010, 100000], [2012, 130000]])]]),
      // A: 100 → 20 → 10 beds (the first step is a factor 5); B: 50 → 40
      beds: new Map([['A', series([[2010, 100], [2011, 20], [2012, 10]])], ['B', series([[2010, 50], [2012, 40]])]]),
      services: new Map([['A', new Map([['supported_living/places', series([[2010, 10], [2012, 30]])]])]]),
      serviceKeys: new Set(['supported_living/places']),
      notice: null,
      noticeFile: 'd/dataset.json',
      shown: 'd',
    };
    expect(referenceReport(data).excluded).toEqual([{ region: 'B', reason: 'community' }]);
    const zero = referenceReport(data, { missingCommunity: 'zero' });
    const b = zero.regions.find((r) => r.region === 'B')!;
    // B: beds 50 → 40, community 0 and 0: vacuum 10 / 130,000 × 10⁵ = 7.6923…
    expect([b.community_from_be, b.community_to_be, b.vacuum_be]).toEqual([0, 0, 10]);
    expect(b.vacuum_per_100k).toBeCloseTo(7.6923, 4);
    expect(b.flags).toEqual(['no_community_data', 'partial_community']);
    expect(b.categories_not_reported).toEqual(['supported_living']);
    // supported living 10 → 30 is exactly a factor 3, not more: no notice for it
    expect(zero.warnings).toEqual([
      { file: 'd/beds.csv', line: null, kind: 'plausibility', message: 'A institutional beds: 100 in 2010 → 20 in 2011…' },
      { file: 'd/population.csv', line: null, kind: 'plausibility', message: 'A: population 100000 in 2010 → 131000 in 2012 (+31 %)…' },
    ]);
  });
});

/** What a run's provenance must say, as the test knows it without the code. */
interface ExpectedRun {
  /** The data folder: absolute, and as the command line gave it. */
  dir: string;
  shown: string;
  from: number;
  to: number;
  /** The weight table the run used, and the `category/unit` keys a config set. */
  weights: Readonly<Record<string, RefWeight>>;
  setByConfig?: readonly string[];
  /** Further options the run was given (sensitivity's draws and seed). */
  options?: Record<string, unknown>;
  /** The config record expected (default null): a config given as an object is named "<config object>", with the SHA-256 of its JSON, keys sorted. */
  config?: { path: string; sha256: string } | null;
}

/** JSON with every object's keys sorted, written here apart from the code under test (app/config-object.ts). */
function keysSorted(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(keysSorted).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${keysSorted((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * SPEC §8's `provenance` of one run against what the test computes itself: the version from
 * package.json, each input file's path as given, SHA-256 of its bytes (node:crypto) and data rows
 * (its lines less the header), the plain UTF-8 / comma / point these fixtures are written in; no
 * config file; every weight and norm with the reference's value, low and high (SPEC §4; a weight
 * the SPEC puts at 0 for a whole category in every unit), `set_by` `config` exactly for what the
 * config set; the period, the sort, the missing-community rule. Not checked: the `source` texts
 * (only that each weight and norm has one) and option keys the SPEC does not define.
 */
function provenanceDifferences(provenance: unknown, run: ExpectedRun): string[] {
  const p = provenance as {
    servicegap: string;
    inputs: Record<string, unknown>[];
    config: unknown;
    weights: { category: string; unit: string; value: number; low: number; high: number; source: string; set_by: string }[];
    norms: { norm: string; low: number; high: number; source: string; set_by: string }[];
    options: Record<string, unknown>;
  };
  const problems: string[] = [];
  if (p.servicegap !== VERSION) problems.push(`servicegap: ${p.servicegap} ≠ ${VERSION}`);
  const roles = ['regions', 'population', 'beds', 'services'];
  problems.push(
    ...differences(
      p.inputs.map(({ role, path, sha256: hash, rows, encoding, delimiter, decimal }) => ({ role, path, sha256: hash, rows, encoding, delimiter, decimal })),
      roles.map((role) => {
        const file = join(run.dir, `${role}.csv`);
        return { role, path: `${run.shown}/${role}.csv`, sha256: sha256(file), rows: readPlainCsv(file).length, encoding: 'utf8', delimiter: ',', decimal: '.' };
      }),
      'inputs',
    ),
  );
  const config = run.config ?? null;
  if (JSON.stringify(p.config) !== JSON.stringify(config)) problems.push(`config: ${JSON.stringify(p.config)} ≠ ${JSON.stringify(config)}`);
  const seen = new Set<string>();
  for (const w of p.weights) {
    const key = `${w.category}/${w.unit}`;
    if (seen.has(key)) problems.push(`weights: ${key} twice`);
    seen.add(key);
    const expected = weightRowOf(run.weights, w.category, w.unit);
    if (expected === undefined) problems.push(`weights: ${key} is not in SPEC §4`);
    else problems.push(...differences({ value: w.value, low: w.low, high: w.high }, { ...expected }, `weights ${key}`));
    const setBy = run.setByConfig?.includes(key) ? 'config' : 'default';
    if (w.set_by !== setBy) problems.push(`weights ${key}.set_by: ${w.set_by} ≠ ${setBy}`);
    if (typeof w.source !== 'string' || w.source.trim() === '') problems.push(`weights ${key}: no source`);
  }
  for (const key of Object.keys(run.weights)) if (!seen.has(key)) problems.push(`weights: ${key} missing`);
  problems.push(
    ...differences(
      p.norms.map(({ norm, low, high, set_by }) => ({ norm, low, high, set_by })),
      SPEC_NORMS.map(({ name, low, high }) => ({ norm: name, low, high, set_by: 'default' })),
      'norms',
    ),
  );
  for (const n of p.norms) if (typeof n.source !== 'string' || n.source.trim() === '') problems.push(`norms ${n.norm}: no source`);
  const options = { from: run.from, to: run.to, sort: 'vacuum_per_100k', missingCommunity: 'exclude', ...run.options };
  problems.push(...differences(Object.fromEntries(Object.keys(options).map((k) => [k, p.options[k]])), options, 'options'));
  return problems;
}

describe('goldens against the reference', () => {
  let five: RefDataset;
  beforeAll(() => {
    five = readDataset(join(ROOT, FIVE), FIVE);
  });
  const fiveRun = { dir: join(ROOT, FIVE), shown: FIVE, weights: SPEC_WEIGHTS };

  it('compare-periods.json and .csv: compare 2000-2001 2001-2002 on the five regions', () => {
    const expected = {
      servicegap: VERSION,
      ...referenceCompare(referenceReport(five, { from: 2000, to: 2001 }), referenceReport(five, { from: 2001, to: 2002 })),
    };
    const json = JSON.parse(golden('compare-periods.json')) as Record<string, unknown> & { provenance: { a: unknown; b: unknown } };
    // The sides' labels are the command line's arguments, not numbers to compute.
    expect(json.a).toEqual({ label: '2000-2001', kind: 'years', from: 2000, to: 2001 });
    expect(json.b).toEqual({ label: '2001-2002', kind: 'years', from: 2001, to: 2002 });
    expect(differences({ ...json, a: undefined, b: undefined, provenance: undefined }, { ...expected, a: undefined, b: undefined, provenance: undefined })).toEqual([]);
    // 5 regions × (3 ranks + 16 metrics × A, B, B − A), less the 6 nulls of replacement_ratio
    // (no beds closed: NO-NORD in A, NO-SOR and NO-VEST in B, each with its delta)
    expect(countNumbers(json.regions)).toBe(5 * (3 + 16 * 3) - 6);
    expect(csvDifferences(golden('compare-periods.csv'), expected.regions)).toEqual([]);
    // one provenance per side: two runs of the same data over different periods
    expect(Object.keys(json.provenance)).toEqual(['a', 'b']);
    expect(provenanceDifferences(json.provenance.a, { ...fiveRun, from: 2000, to: 2001 })).toEqual([]);
    expect(provenanceDifferences(json.provenance.b, { ...fiveRun, from: 2001, to: 2002 })).toEqual([]);
  });

  it('batch-example.json and .csv: examples/scenarios.json', () => {
    const file = JSON.parse(readFileSync(join(ROOT, 'examples/scenarios.json'), 'utf8')) as {
      scenarios: { name: string; data: string; from?: number; to?: number; config?: { weights: RefScenario['weights'] } }[];
    };
    const datasets = new Map<string, RefDataset>();
    const scenarios: RefScenario[] = file.scenarios.map((s) => {
      const dir = join(ROOT, 'examples', s.data);
      const data = datasets.get(dir) ?? readDataset(dir, join('examples', s.data));
      datasets.set(dir, data);
      return { name: s.name, data, from: s.from, to: s.to, weights: s.config?.weights };
    });
    const expected = { servicegap: VERSION, ...referenceBatch(scenarios) };
    const json = JSON.parse(golden('batch-example.json')) as { rows: unknown[]; provenance: { scenarios: ({ scenario: string } & Record<string, unknown>)[] } };
    expect(differences({ ...json, provenance: undefined }, { ...expected, provenance: undefined })).toEqual([]);
    expect(json.rows).toHaveLength(5 * 5 + 4);
    expect(csvDifferences(golden('batch-example.csv'), expected.rows)).toEqual([]);
    // one provenance per scenario, in the file's order; a scenario's inline config is a config object
    expect(json.provenance.scenarios.map((p) => p.scenario)).toEqual(file.scenarios.map((s) => s.name));
    json.provenance.scenarios.forEach((p, i) => {
      const s = scenarios[i]!;
      const report = referenceReport(s.data, { from: s.from, to: s.to });
      const setByConfig = Object.entries(s.weights ?? {}).flatMap(([category, units]) => Object.keys(units).map((unit) => `${category}/${unit}`));
      const inline = file.scenarios[i]!.config;
      const config = inline === undefined ? null : { path: '<config object>', sha256: createHash('sha256').update(keysSorted(inline)).digest('hex') };
      const run = { dir: join(ROOT, 'examples', file.scenarios[i]!.data), shown: s.data.shown, from: report.from, to: report.to, weights: withConfigWeights(s.weights), setByConfig, config };
      expect(provenanceDifferences(p, run), s.name).toEqual([]);
    });
  });

  it('sensitivity-default-seed1.json: report --sensitivity --seed 1 (1,000 draws) on the five regions', () => {
    const expected = { servicegap: VERSION, ...referenceSensitivity(five, 1000, 1) };
    const json = JSON.parse(golden('sensitivity-default-seed1.json')) as Record<string, unknown>;
    expect(differences({ ...json, provenance: undefined }, { ...expected, provenance: undefined })).toEqual([]);
    expect(provenanceDifferences(json.provenance, { ...fiveRun, from: 2000, to: 2002, options: { draws: 1000, seed: 1, correlation: 'none', top: 10 } })).toEqual([]);
  });

  it('the provenance check finds a changed input hash, row count, weight range, set_by, norm and period', () => {
    const json = JSON.parse(golden('sensitivity-default-seed1.json')) as { provenance: Record<string, unknown> & { inputs: Record<string, unknown>[]; weights: Record<string, unknown>[]; norms: Record<string, unknown>[] } };
    const run = { ...fiveRun, from: 2000, to: 2002, options: { draws: 1000, seed: 1, correlation: 'none', top: 10 } };
    expect(provenanceDifferences(json.provenance, run)).toEqual([]);
    const p = structuredClone(json.provenance);
    p.inputs[3]!.sha256 = '0'.repeat(64);
    p.inputs[2]!.rows = 14;
    p.weights.find((w) => w.category === 'crisis' && w.unit === 'teams')!.low = 4;
    p.weights.find((w) => w.category === 'self_help' && w.unit === 'fte')!.set_by = 'config';
    p.norms.find((n) => n.norm === 'crisis_teams')!.low = 0.667;
    expect(provenanceDifferences(p, { ...run, to: 2001 })).toEqual([
      expect.stringMatching(/^inputs\[2\]\.rows: 14 ≠ 15$/),
      expect.stringMatching(/^inputs\[3\]\.sha256: "0+" ≠ "[0-9a-f]{64}"$/),
      'weights crisis/teams.low: 4 ≠ 5',
      'weights self_help/fte.set_by: config ≠ default',
      'norms[2].low: 0.667 ≠ 0.6666666666666666',
      'options.to: 2002 ≠ 2001',
    ]);
  });

  it('the goldens use SPEC §4\'s exact crisis-team norm 100000 / 150000, not a rounded 0.667', () => {
    // NO-MIDT 2002: 2 teams / 633,118 × 10⁵ = 0.315897 per 100k; beds and supported living cover
    // fully, so the index is (1 + 1 + 0.315897 / (2/3)) / 3 = 0.824615 (0.824536 with 0.667).
    const json = JSON.parse(golden('sensitivity-default-seed1.json')) as { regions: { region: string; coverage_index: number }[]; provenance: { norms: { norm: string; low: number; high: number }[] } };
    const midt = json.regions.find((r) => r.region === 'NO-MIDT')!;
    expect(midt.coverage_index).toBeCloseTo((2 + (2 / 6.33118) * 1.5) / 3, 12);
    expect(midt.coverage_index).not.toBeCloseTo((2 + 2 / 6.33118 / 0.667) / 3, 6);
    const crisis = json.provenance.norms.find((n) => n.norm === 'crisis_teams')!;
    expect([crisis.low, crisis.high]).toEqual([100000 / 150000, 100000 / 150000]);
    expect(SPEC_CRISIS_TEAMS_LOW).toBe(100000 / 150000);
  });

  it('the goldens exclude a region without one services row for `community` too (SPEC §3, §8)', () => {
    // worked-stock's FI-KAI: beds 40 → 30 but no population row and no services row
    const json = JSON.parse(golden('batch-example.json')) as { scenarios: { name: string; excluded: unknown }[]; rows: { scenario: string; region: string }[] };
    expect(json.scenarios.find((s) => s.name === 'worked-stock')!.excluded).toEqual([{ region: 'FI-KAI', reason: 'population, community' }]);
    expect(json.rows.filter((r) => r.region === 'FI-KAI')).toEqual([]);
  });
});
