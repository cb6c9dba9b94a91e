// The goldens of compare, batch and report --sensitivity were written by the code under test
// (UPDATE_GOLDEN=1 in test/e2e/research.test.ts). Here every number in them is checked against
// the independent reference implementation in this folder (SPEC §3, §4, §7 and README's rules
// for compare, batch and sensitivity), which reads the same input CSVs with a plain split and
// imports nothing from src/. Tolerance: 1e-9 relative (absolute below 1): the reference sums in
// its own order, so the last bits of a float may differ; any real difference is far larger.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { referenceBatch, referenceCompare, referenceSensitivity, type RefScenario } from './research.js';
import { readDataset, referenceReport } from './spec-report.js';

const ROOT = join(import.meta.dirname, '../..');
const FIVE = 'data/examples/norway-regions-2000-2002';
const golden = (name: string) => readFileSync(join(ROOT, 'test/golden', name), 'utf8');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const TOLERANCE = 1e-9;

/**
 * Where the code on main and SPEC disagree in these goldens (both fixed by issue 13 on branch
 * trust; the last tests below fail once the code follows the SPEC: then delete MAIN and its uses).
 *
 * 1. main's crisis-team norm
 * is a rounded 0.667 per 100k (src/core/defaults.ts), SPEC §4 says "exactly 100000 / 150000, not a
 * rounded 0.667". It moves only `coverage_index` (e.g. NO-MIDT 0.82462 by SPEC, 0.82454 in the
 * golden). Issue 13 item 8.
 * 2. SPEC §3 and §8: "a region that has beds but not one row in services.csv is not ranked either
 *    (reason `community`)"; main does not know missing community yet, so FI-KAI of the
 *    worked-stock scenario (no population, no services rows) is excluded for `population` only.
 */
const MAIN = { crisisTeamsLow: 0.667, missingCommunityExcluded: false };

/** Every place where `actual` differs from `expected` (numbers within TOLERANCE), as "path: a ≠ e". */
function differences(actual: unknown, expected: unknown, path = '$'): string[] {
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
    expect(midt.flags).toEqual(['carried_forward']);
    const vs = referenceReport(readDataset(join(ROOT, 'fixtures/worked-stock'), 'fixtures/worked-stock')).regions.find((r) => r.region === 'FI-VS')!;
    // beds 200 (2018, carried to 2022) / 483,000 = 41.4 per 100k ≥ 28.1 → 1; no supported living
    // and no crisis team rows for FI-VS → 0 and 0: index (1 + 0 + 0) / 3
    expect(vs.coverage_index).toBeCloseTo(1 / 3, 12);
  });
});

describe('goldens against the reference', () => {
  const five = readDataset(join(ROOT, FIVE), FIVE);

  it('compare-periods.json and .csv: compare 2000-2001 2001-2002 on the five regions', () => {
    const expected = {
      servicegap: VERSION,
      ...referenceCompare(referenceReport(five, { ...MAIN, from: 2000, to: 2001 }), referenceReport(five, { ...MAIN, from: 2001, to: 2002 })),
    };
    const json = JSON.parse(golden('compare-periods.json')) as Record<string, unknown>;
    // The sides' labels are the command line's arguments, not numbers to compute.
    expect(json.a).toEqual({ label: '2000-2001', kind: 'years', from: 2000, to: 2001 });
    expect(json.b).toEqual({ label: '2001-2002', kind: 'years', from: 2001, to: 2002 });
    expect(differences({ ...json, a: undefined, b: undefined }, { ...expected, a: undefined, b: undefined })).toEqual([]);
    // 5 regions × (3 ranks + 16 metrics × A, B, B − A), less the 6 nulls of replacement_ratio
    // (no beds closed: NO-NORD in A, NO-SOR and NO-VEST in B, each with its delta)
    expect(countNumbers(json.regions)).toBe(5 * (3 + 16 * 3) - 6);
    expect(csvDifferences(golden('compare-periods.csv'), expected.regions)).toEqual([]);
  });

  it('batch-example.json and .csv: examples/scenarios.json', () => {
    const file = JSON.parse(readFileSync(join(ROOT, 'examples/scenarios.json'), 'utf8')) as {
      scenarios: { name: string; data: string; from?: number; to?: number; config?: { weights: RefScenario['weights'] } }[];
    };
    const scenarios: RefScenario[] = file.scenarios.map((s) => {
      const dir = join(ROOT, 'examples', s.data);
      return { name: s.name, data: readDataset(dir, join('examples', s.data)), from: s.from, to: s.to, weights: s.config?.weights };
    });
    const expected = { servicegap: VERSION, ...referenceBatch(scenarios, MAIN) };
    const json = JSON.parse(golden('batch-example.json')) as { rows: unknown[] };
    expect(differences(json, expected)).toEqual([]);
    expect(json.rows).toHaveLength(5 * 5 + 4);
    expect(csvDifferences(golden('batch-example.csv'), expected.rows)).toEqual([]);
  });

  it('sensitivity-default-seed1.json: report --sensitivity --seed 1 (1,000 draws) on the five regions', () => {
    const expected = { servicegap: VERSION, ...referenceSensitivity(five, 1000, 1, MAIN) };
    const json = JSON.parse(golden('sensitivity-default-seed1.json')) as Record<string, unknown>;
    expect(differences(json, expected)).toEqual([]);
  });

  it('known deviation 2: FI-KAI (no population, no services rows) is excluded for population only, not also community', () => {
    const json = JSON.parse(golden('batch-example.json')) as { scenarios: { name: string; excluded: unknown }[] };
    expect(json.scenarios.find((s) => s.name === 'worked-stock')!.excluded).toEqual([{ region: 'FI-KAI', reason: 'population' }]);
  });

  it('known deviation 1: the goldens\' coverage_index uses the rounded crisis norm 0.667, not SPEC §4\'s exact 2/3', () => {
    // NO-MIDT 2002: 2 teams / 633,118 × 10⁵ = 0.315897 per 100k; beds and supported living cover
    // fully, so the index is (1 + 1 + 0.315897 / low) / 3: 0.824615 with low = 2/3 (SPEC),
    // 0.824536 with 0.667. When this fails the code follows SPEC: remove MAIN's crisisTeamsLow.
    const midt = (JSON.parse(golden('sensitivity-default-seed1.json')) as { regions: { region: string; coverage_index: number }[] }).regions.find((r) => r.region === 'NO-MIDT')!;
    expect(midt.coverage_index).toBeCloseTo((2 + 2 / 6.33118 / 0.667) / 3, 12);
    expect(midt.coverage_index).not.toBeCloseTo((2 + (2 / 6.33118) * 1.5) / 3, 6);
  });
});
