// Research workflows end to end (issue 6): report --sensitivity / --weights, compare, batch and
// schema, run as a user would run them, against golden files. To regenerate the golden files
// after a deliberate change of output: UPDATE_GOLDEN=1 npx vitest run test/e2e/research.test.ts
// (then read the diff). Every number in the sensitivity, compare and batch goldens is also checked
// against an independent reference implementation (test/reference/goldens.test.ts), so a golden
// rewritten from wrong code fails there.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMA_NAMES } from '../../src/core/json-schema.js';
import { FIVE_REGIONS, ROOT, runCli, tempDir } from './run-cli.js';

/** Compare with a golden file byte for byte (or write it, with UPDATE_GOLDEN=1). */
function expectGolden(name: string, actual: string): void {
  const path = join(ROOT, 'test/golden', name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    if (process.env.UPDATE_GOLDEN !== '1') throw new Error(`missing golden file ${name}: run with UPDATE_GOLDEN=1`);
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

function ok(args: string[], options: Parameters<typeof runCli>[1] = {}): string {
  const r = runCli(args, options);
  expect(r.code, r.context).toBe(0);
  return r.stdout;
}

const corners = join(ROOT, 'fixtures/sensitivity-corners');

describe('report: p5–p95 intervals by default (issue 16)', () => {
  it('every format carries them; --no-interval leaves them out', () => {
    const json = JSON.parse(ok(['report', '--data', corners, '--format', 'json', '--quiet']));
    expect(json.interval).toMatchObject({ draws: 500, seed: 1, percentiles: [5, 95] });
    for (const r of json.regions) expect(Object.keys(r).slice(-4)).toEqual(['vacuum_per_100k_p5', 'vacuum_per_100k_p95', 'rank_p5', 'rank_p95']);
    // the same p5 and p95 as report --sensitivity 500 (the same draws)
    const sens = JSON.parse(ok(['report', '--data', corners, '--sensitivity', '500', '--format', 'json', '--quiet']));
    expect(json.regions.map((r: Record<string, number>) => [r.vacuum_per_100k_p5, r.rank_p95])).toEqual(
      sens.regions.map((r: Record<string, number>) => [r.vacuum_per_100k_p5, r.rank_p95]),
    );
    const csv = ok(['report', '--data', corners, '--format', 'csv', '--quiet']).split('\n')[0];
    // the interval columns after the JSON columns; excluded_reason (issue 14) stays the last column
    expect(csv).toMatch(/,flags,categories_not_reported,vacuum_per_100k_p5,vacuum_per_100k_p95,rank_p5,rank_p95,excluded_reason$/);
    const md = ok(['report', '--data', corners, '--format', 'markdown', '--quiet']);
    expect(md).toContain('| Vacuum per 100k | Per 100k p5–p95 | Rank p5–p95 |');
    expect(md).toContain('p5–p95: the 5th–95th percentile over 500 draws (seed 1) of 12 weights');
    const table = ok(['report', '--data', corners, '--quiet']);
    expect(table).toMatch(/XC .*10\.0 │ +10\.1–11\.9 │/);
    const html = ok(['report', '--data', corners, '--format', 'html', '--quiet']);
    expect(html).toContain('>Per 100k p5–p95</th>');

    const off = JSON.parse(ok(['report', '--data', corners, '--format', 'json', '--quiet', '--no-interval']));
    expect(off.interval).toBeUndefined();
    expect(off.regions[0]).not.toHaveProperty('vacuum_per_100k_p5');
    expect(ok(['report', '--data', corners, '--format', 'csv', '--quiet', '--no-interval'])).not.toContain('_p5');
    expect(ok(['report', '--data', corners, '--format', 'markdown', '--quiet', '--no-interval'])).not.toContain('p5–p95');
  });

  it('--seed, --interval-draws and --correlation set the draws, and the output says so', () => {
    const json = JSON.parse(ok(['report', '--data', corners, '--format', 'json', '--quiet', '--seed', '5', '--interval-draws', '300', '--correlation', 'category']));
    expect(json.interval).toMatchObject({ draws: 300, seed: 5, correlation: 'category' });
    // and the provenance (SPEC §8) records the same settings
    expect(json.provenance.options).toMatchObject({ interval: true, intervalDraws: 300, seed: 5, correlation: 'category' });
  });
});

describe('report --sensitivity', () => {
  it('fixed seed: JSON matches the golden file, with the settings that repeat it', () => {
    const out = ok(['report', '--data', FIVE_REGIONS, '--sensitivity', '--seed', '1', '--format', 'json', '--quiet']);
    expectGolden('sensitivity-default-seed1.json', out);
    const s = JSON.parse(out);
    expect(s.sensitivity).toMatchObject({ draws: 1000, seed: 1, distribution: 'uniform', percentile_method: 'nearest-rank', generator: 'mulberry32' });
    // the defaults: 1,000 draws and seed 1
    expect(ok(['report', '--data', FIVE_REGIONS, '--sensitivity', '--format', 'json', '--quiet'])).toBe(out);
  });

  it('the same for 1 and for 2 worker threads, byte for byte', () => {
    const args = ['report', '--data', corners, '--sensitivity', '2000', '--seed', '77', '--format', 'csv', '--quiet'];
    const one = ok([...args, '--threads', '1']);
    expect(ok([...args, '--threads', '2'])).toBe(one);
    expect(ok([...args, '--threads', 'auto'])).toBe(one);
  });

  it('another seed gives other draws', () => {
    const a = ok(['report', '--data', corners, '--sensitivity', '100', '--seed', '1', '--format', 'csv', '--quiet']);
    const b = ok(['report', '--data', corners, '--sensitivity', '100', '--seed', '2', '--format', 'csv', '--quiet']);
    expect(a).not.toBe(b);
  });

  it('the table shows each rank as "rank N (p5–p95)"; CSV adds the seven columns', () => {
    const table = ok(['report', '--data', corners, '--sensitivity', '--quiet']);
    // XA's vacuum ranges from 0 to 25 per 100k, so its rank moves between 1 and 3
    expect(table).toMatch(/XA .*rank [123] \([12]–[23]\)/);
    expect(table).toContain('1,000 draws (seed 1)');
    const csv = ok(['report', '--data', corners, '--sensitivity', '50', '--format', 'csv', '--quiet']).split('\n')[0];
    expect(csv).toMatch(/,flags,categories_not_reported,vacuum_per_100k_p5,vacuum_per_100k_p50,vacuum_per_100k_p95,rank_p5,rank_p50,rank_p95,top_share$/);
  });

  it('--top N: top_share counts the draws ranked N-th or better, and the settings say N', () => {
    // corners: XA moves between ranks 1 and 3 (vacuum 0–25), XC is 1st or 2nd, XB 2nd or 3rd
    const one = JSON.parse(ok(['report', '--data', corners, '--sensitivity', '400', '--top', '1', '--format', 'json', '--quiet']));
    const ten = JSON.parse(ok(['report', '--data', corners, '--sensitivity', '400', '--format', 'json', '--quiet']));
    expect(one.sensitivity.top).toBe(1);
    expect(ten.sensitivity.top).toBe(10);
    // three regions: all are always in the top 10; in the top 1 only sometimes
    expect(ten.regions.map((r: { top_share: number }) => r.top_share)).toEqual([1, 1, 1]);
    expect(one.regions[0].top_share).toBeGreaterThan(0);
    expect(one.regions[0].top_share).toBeLessThan(1);
    const table = ok(['report', '--data', corners, '--sensitivity', '50', '--top', '2', '--quiet']);
    expect(table).toContain('Top 2: share of draws in which the region ranked 2nd or better.');
  });

  it('--draws-out FILE writes every draw: region, draw, each drawn weight, vacuum per 100k, rank', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-draws-'));
    try {
      const file = join(dir, 'draws.csv');
      const summary = JSON.parse(ok(['report', '--data', corners, '--sensitivity', '40', '--seed', '9', '--draws-out', file, '--format', 'json', '--quiet']));
      const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
      const head = lines[0]!.split(',');
      expect(head).toEqual([
        'region',
        'draw',
        ...summary.sensitivity.varied_weights.map((w: { category: string; unit: string }) => `weight_${w.category}_${w.unit}`),
        'vacuum_per_100k',
        'rank',
      ]);
      expect(lines).toHaveLength(1 + 40 * 3);
      // each region's 5th percentile (nearest rank: the 2nd smallest of 40) is among its draws
      const rows = lines.slice(1).map((l) => l.split(','));
      for (const r of summary.regions) {
        const mine = rows.filter((row) => row[0] === r.region).map((row) => Number(row.at(-2)));
        expect(mine).toHaveLength(40);
        // the CSV writes 12 significant digits (no binary noise)
        expect(mine.sort((a, b) => a - b)[1]).toBe(Number(r.vacuum_per_100k_p5.toPrecision(12)));
      }
      // within a draw, ranks are 1…3 and the weights are the same on every row
      const draw7 = rows.filter((row) => row[1] === '7');
      expect(draw7.map((row) => Number(row.at(-1))).sort()).toEqual([1, 2, 3]);
      expect(new Set(draw7.map((row) => row.slice(2, -2).join(','))).size).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--correlation category: one number per category, so a category’s weights sit at the same fraction of their ranges', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-draws-'));
    try {
      const file = join(dir, 'draws.csv');
      const s = JSON.parse(ok(['report', '--data', corners, '--sensitivity', '30', '--correlation', 'category', '--draws-out', file, '--format', 'json', '--quiet']));
      expect(s.sensitivity.correlation).toBe('category');
      const [head, ...rows] = readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => l.split(','));
      // crisis/beds 0.8–1 and crisis/teams 5–25 share one number u: (beds − 0.8)/0.2 = (teams − 5)/20
      const beds = head!.indexOf('weight_crisis_beds');
      const teams = head!.indexOf('weight_crisis_teams');
      for (const row of rows) expect((Number(row[beds]) - 0.8) / 0.2).toBeCloseTo((Number(row[teams]) - 5) / 20, 9);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('--draws-out needs a .csv name, and --sensitivity', () => {
    expect(runCli(['report', '--data', corners, '--sensitivity', '5', '--draws-out', 'x.txt']).stderr).toMatch(/--draws-out x\.txt: the draws are written as/);
    expect(runCli(['report', '--data', corners, '--draws-out', 'x.csv']).code).toBe(2);
    expect(runCli(['report', '--data', corners, '--correlation', 'category', '--no-interval']).code).toBe(2);
  });

  it('--top shows fewer rows; gates still judge the whole ranking at the values', () => {
    const r = runCli(['report', '--data', corners, '--sensitivity', '20', '--top', '1', '--format', 'json', '--fail-above', '9']);
    expect(r.code, r.context).toBe(1);
    expect(JSON.parse(r.stdout).regions).toHaveLength(1);
    expect(r.stderr).toContain('--fail-above 9: 1 region(s) above it: XC (10.0)');
  });

  it.each([
    [['--seed', '3', '--no-interval'], /--seed: nothing is drawn under --no-interval without --sensitivity/],
    [['--interval-draws', '30', '--no-interval'], /--interval-draws and --no-interval exclude each other/],
    [['--interval-draws', '0'], /--interval-draws: expected a number of draws/],
    [['--sensitivity', '--weights', 'low'], /--weights low and --sensitivity exclude each other/],
    [['--sensitivity', '0'], /--sensitivity: expected a number of draws/],
    [['--sensitivity', 'many'], /--sensitivity: expected a number of draws/],
    [['--sensitivity', '--seed', '-1'], /--seed/],
    [['--sensitivity', '--seed', '4294967296'], /--seed: expected a whole number 0–4294967295/],
    [['--sensitivity', '--threads', '0'], /--threads: expected "auto" or a whole number ≥ 1/],
    [['--weights', 'middle'], /--weights/],
  ])('report %j is a usage error (exit 2)', (args, message) => {
    const r = runCli(['report', '--data', FIVE_REGIONS, ...args]);
    expect(r.code, r.context).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});

describe('report --weights low|high', () => {
  it('every weight at one end of its range, as worked by hand; the JSON says which', () => {
    const low = JSON.parse(ok(['report', '--data', corners, '--weights', 'low', '--format', 'json']));
    expect(Object.keys(low).slice(0, 5)).toEqual(['servicegap', 'from', 'to', 'sort', 'weights']);
    expect(low.weights).toBe('low');
    expect(low.regions.map((r: { region: string; vacuum_per_100k: number }) => [r.region, r.vacuum_per_100k])).toEqual([
      ['XA', 25],
      ['XC', 12],
      ['XB', 8],
    ]);
    const high = JSON.parse(ok(['report', '--data', corners, '--weights', 'high', '--format', 'json']));
    expect(high.weights).toBe('high');
    expect(high.regions.map((r: { region: string; vacuum_per_100k: number }) => [r.region, r.vacuum_per_100k])).toEqual([
      ['XC', 10],
      ['XA', 0],
      ['XB', 0],
    ]);
    expect(ok(['report', '--data', corners, '--weights', 'low'])).toContain('Every weight at the low end of its range (--weights low).');
    // --weights value is the plain report
    expect(ok(['report', '--data', FIVE_REGIONS, '--weights', 'value', '--format', 'json'])).toBe(readFileSync(join(ROOT, 'test/golden/default-report.json'), 'utf8'));
  });
});

describe('compare A B', () => {
  it('two periods: JSON and CSV match the golden files', () => {
    const json = ok(['compare', '--data', FIVE_REGIONS, '2000-2001', '2001-2002', '--format', 'json', '--quiet']);
    expectGolden('compare-periods.json', json);
    expectGolden('compare-periods.csv', ok(['compare', '--data', FIVE_REGIONS, '2000-2001', '2001-2002', '--format', 'csv', '--quiet']));
    const c = JSON.parse(json);
    expect(c.a).toEqual({ label: '2000-2001', kind: 'years', from: 2000, to: 2001 });
    expect(c.b).toEqual({ label: '2001-2002', kind: 'years', from: 2001, to: 2002 });
    // YYYY:YYYY is the same period
    expect(ok(['compare', '--data', FIVE_REGIONS, '2000:2001', '2001:2002', '--format', 'json', '--quiet']).replace(/:/g, '-')).toBe(json.replace(/:/g, '-'));
  });

  it('NO-MIDT by hand: vacuum 68 → 16 bed-equivalents between the two periods', () => {
    const c = JSON.parse(ok(['compare', '--data', FIVE_REGIONS, '2000-2001', '2001-2002', '--format', 'json', '--quiet']));
    const midt = c.regions.find((r: { region: string }) => r.region === 'NO-MIDT');
    // the per-period vacuums are those `report --from --to` gives for each period
    const a = JSON.parse(ok(['report', '--data', FIVE_REGIONS, '--from', '2000', '--to', '2001', '--format', 'json'])).regions.find((r: { region: string }) => r.region === 'NO-MIDT');
    const b = JSON.parse(ok(['report', '--data', FIVE_REGIONS, '--from', '2001', '--to', '2002', '--format', 'json'])).regions.find((r: { region: string }) => r.region === 'NO-MIDT');
    expect(midt.vacuum_be_a).toBe(a.vacuum_be);
    expect(midt.vacuum_be_b).toBe(b.vacuum_be);
    expect(midt.vacuum_be_delta).toBeCloseTo(b.vacuum_be - a.vacuum_be, 12);
    expect([midt.rank_a, midt.rank_b, midt.rank_change]).toEqual([a.rank, b.rank, b.rank - a.rank]);
  });

  it('--top N names the regions entering and leaving the top N', () => {
    const c = JSON.parse(ok(['compare', '--data', FIVE_REGIONS, '2000-2001', '2001-2002', '--top', '2', '--format', 'json', '--quiet']));
    expect(c.top).toBe(2);
    expect(c.entered_top).toEqual(['NO-NORD']);
    expect(c.left_top).toEqual(['NO-SOR']);
    const md = ok(['compare', '--data', FIVE_REGIONS, '2000-2001', '2001-2002', '--top', '2', '--format', 'markdown', '--quiet']);
    expect(md).toContain('- Entered the top 2: NO-NORD.');
    expect(md).toContain('- Left the top 2: NO-SOR.');
  });

  it('two data folders, and two config files', () => {
    const folders = JSON.parse(ok(['compare', 'fixtures/worked-stock', corners, '--format', 'json', '--quiet']));
    expect(folders.a.kind).toBe('data');
    expect(folders.regions.every((r: { present: string }) => r.present !== 'both')).toBe(true);
    expect(folders.excluded).toEqual([{ side: 'a', region: 'FI-KAI', reason: 'population, community' }]); // SPEC §8: no service rows either

    const dir = tempDir();
    writeFileSync(join(dir, 'low.json'), JSON.stringify({ weights: { crisis: { teams: 5 }, outreach: { teams: 5 } } }));
    writeFileSync(join(dir, 'high.json'), JSON.stringify({ weights: { crisis: { teams: 25 }, outreach: { teams: 20 } } }));
    const c = JSON.parse(ok(['compare', join(dir, 'low.json'), join(dir, 'high.json'), '--data', corners, '--format', 'json']));
    expect([c.a.kind, c.b.kind]).toEqual(['config', 'config']);
    // XA: 15 → 65 bed-equivalents of community growth, vacuum 25 → 0 per 100k
    const xa = c.regions.find((r: { region: string }) => r.region === 'XA');
    expect([xa.vacuum_per_100k_a, xa.vacuum_per_100k_b, xa.vacuum_per_100k_delta]).toEqual([25, 0, -25]);
    expect([xa.rank_a, xa.rank_b]).toEqual([1, 2]);
  });

  it('every format renders; the table lists both sides', () => {
    const table = ok(['compare', '--data', FIVE_REGIONS, '2000-2001', '2001-2002']);
    expect(table).toContain('A: 2000-2001 (period), 2000–2001');
    expect(table).toContain('Rank A → B');
    // in 2001–2002 four regions have no vacuum: their order is by code, and the table says so
    expect(table).toContain('Regions with equal values (e.g. no vacuum) are ranked by code (SPEC §3)');
    const distinct = ok(['compare', 'fixtures/worked-stock', 'fixtures/worked-stock']);
    expect(distinct).not.toContain('ranked by code');
  });

  it('an argument that is no folder, .json file or period is a usage error saying what is expected', () => {
    const r = runCli(['compare', 'nowhere', '2000-2001']);
    expect(r.code, r.context).toBe(2);
    expect(r.stderr).toContain('A "nowhere": no such folder; expected a data folder, a config file (.json) or a period (YYYY-YYYY or YYYY:YYYY, e.g. 2010-2015)');
    expect(runCli(['compare', '--data', FIVE_REGIONS, '2001-2000', '2000-2001']).stderr).toContain('A "2001-2000": the first year is after the second');
    expect(runCli(['compare', '--data', FIVE_REGIONS, '2000-2001']).code).toBe(2);
    // a .json config that does not exist is a file that cannot be read
    expect(runCli(['compare', 'missing.json', '2000-2001']).code).toBe(4);
  });

  it('a folder named like a period is ambiguous; ./ makes it a folder', () => {
    const dir = tempDir();
    cpSync(corners, join(dir, '2010-2020'), { recursive: true });
    const r = runCli(['compare', '--data', join(ROOT, FIVE_REGIONS), '2010-2020', './2010-2020'], { cwd: dir });
    expect(r.code, r.context).toBe(2);
    expect(r.stderr).toContain('A "2010-2020" is both a folder and a period: write ./2010-2020 for the folder');
    const c = JSON.parse(ok(['compare', './2010-2020', './2010-2020', '--format', 'json'], { cwd: dir }));
    expect(c.regions.every((x: { rank_change: number }) => x.rank_change === 0)).toBe(true);
  });
});

describe('batch', () => {
  it('examples/scenarios.json: JSON and CSV match the golden files', () => {
    expectGolden('batch-example.json', ok(['batch', 'examples/scenarios.json', '--format', 'json', '--quiet']));
    expectGolden('batch-example.csv', ok(['batch', 'examples/scenarios.json', '--format', 'csv', '--quiet']));
  });

  it('the long table holds every scenario\'s regions; the summary is against the first', () => {
    const b = JSON.parse(ok(['batch', 'examples/scenarios.json', '--format', 'json', '--quiet']));
    expect(b.first).toBe('baseline');
    expect(b.scenarios.map((s: { name: string }) => s.name)).toEqual([
      'baseline', 'first-year', 'second-year', 'crisis-teams-low', 'supported-living-half', 'worked-stock',
    ]);
    // baseline is the plain report
    const report = JSON.parse(readFileSync(join(ROOT, 'test/golden/default-report.json'), 'utf8'));
    const base = b.rows.filter((r: { scenario: string }) => r.scenario === 'baseline');
    // (the report's p5–p95 intervals are the report's own: a batch row has none)
    const point = report.regions.map(({ vacuum_per_100k_p5: _a, vacuum_per_100k_p95: _b, rank_p5: _c, rank_p95: _d, ...rest }: Record<string, unknown>) => rest);
    expect(base.map(({ scenario: _s, from: _f, to: _t, rank_first: _r, rank_change: _c, ...rest }: Record<string, unknown>) => rest)).toEqual(point);
    // second-year: NO-NORD moves 4 → 2
    const nord = b.rows.find((r: { scenario: string; region: string }) => r.scenario === 'second-year' && r.region === 'NO-NORD');
    expect([nord.rank, nord.rank_first, nord.rank_change]).toEqual([2, 4, -2]);
    expect(b.summary[2]).toEqual({ scenario: 'second-year', regions_moved: 3, largest_rank_change: 2, entered_top: [], left_top: [] });
    // the worked-stock scenario has its own regions: none ranked in the first scenario
    expect(b.rows.filter((r: { scenario: string }) => r.scenario === 'worked-stock').every((r: { rank_first: null }) => r.rank_first === null)).toBe(true);
  });

  it('the same output for 1 and 2 worker threads, byte for byte', () => {
    const dir = tempDir();
    const scenarios = Array.from({ length: 12 }, (_, i) => ({
      name: `crisis-teams-${5 + i * 2}`,
      data: i % 3 === 0 ? corners : join(ROOT, 'fixtures/worked-stock'),
      config: { weights: { crisis: { teams: 5 + i * 2 } } },
      ...(i % 4 === 1 ? { from: 2018 } : {}),
    }));
    writeFileSync(join(dir, 'many.json'), JSON.stringify({ scenarios }));
    for (const format of ['csv', 'json']) {
      const one = ok(['batch', join(dir, 'many.json'), '--threads', '1', '--format', format, '--quiet']);
      expect(ok(['batch', join(dir, 'many.json'), '--threads', '2', '--format', format, '--quiet'])).toBe(one);
    }
  });

  it('table and Markdown show the summary and the rank matrix', () => {
    const table = ok(['batch', 'examples/scenarios.json', '--quiet']);
    expect(table).toContain('6 scenarios:');
    expect(table).toContain('Rank by scenario:');
    expect(table).toMatch(/NO-NORD .* 4 .* 5 \(\+1\) .* 2 \(-2\)/);
    const md = ok(['batch', 'examples/scenarios.json', '--format', 'markdown', '--quiet']);
    expect(md).toContain('## Rank by scenario');
    expect(md).toContain('FI-KAI: population');
  });

  it('a broken scenario file is exit 3 naming the file and the JSON path; a missing one exit 4', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 's.json'), JSON.stringify({ scenarios: [{ name: 'x', years: [2000, 2010] }] }));
    const r = runCli(['batch', join(dir, 's.json')]);
    expect(r.code, r.context).toBe(3);
    expect(r.stderr).toContain(`${join(dir, 's.json')}: scenarios.0: Unrecognized key: "years"`);
    writeFileSync(join(dir, 'bad.json'), '{ "scenarios": [');
    expect(runCli(['batch', join(dir, 'bad.json')]).stderr).toMatch(/bad\.json:1: column \d+: not valid JSON \([a-z ]+\): expected a JSON object/);
    // a syntax error is located by line and column (issue 16): line 3 `    { "name": "a", },` — the } is at column 20
    writeFileSync(join(dir, 'bad3.json'), '{\n  "scenarios": [\n    { "name": "a", },\n  ]\n}\n');
    expect(runCli(['batch', join(dir, 'bad3.json')]).stderr).toContain('bad3.json:3: column 20: not valid JSON (property name expected)');
    expect(runCli(['batch', join(dir, 'none.json')]).code).toBe(4);
    // a scenario's data folder without files: that scenario fails, named (exit 3)
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'e.json'), JSON.stringify({ scenarios: [{ name: 'e', data: 'empty' }] }));
    const e = runCli(['batch', join(dir, 'e.json')]);
    expect(e.code, e.context).toBe(3);
    expect(e.stderr).toMatch(/scenario "e": .*empty\/regions\.csv/);
  });

  it('runs every scenario: the good ones are written, each failed one is named with its problems, exit 3 (issue 16)', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'bad-config.json'), '{ "weights": { "crisis": { "teams": "many" } } }');
    const scenarios = {
      scenarios: [
        { name: 'baseline' },
        { name: 'no-data', data: 'empty' },
        { name: 'bad-config', config: 'bad-config.json' },
        { name: 'late', from: 2100, to: 2200 },
        { name: 'crisis-low', config: { weights: { crisis: { teams: 5 } } } },
      ],
    };
    writeFileSync(join(dir, 's.json'), JSON.stringify(scenarios));
    const out = join(dir, 'out.json');
    const r = runCli(['batch', join(dir, 's.json'), '--out', out]);
    expect(r.code, r.context).toBe(3);
    for (const name of ['no-data', 'bad-config']) expect(r.stderr).toContain(`scenario "${name}" failed:`);
    const written = JSON.parse(readFileSync(out, 'utf8'));
    expect(written.scenarios.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['baseline', 'crisis-low']));
    expect(written.scenarios.map((s: { name: string }) => s.name)).not.toContain('no-data');
    expect(written.failed.map((f: { scenario: string }) => f.scenario)).toEqual(expect.arrayContaining(['no-data', 'bad-config']));
    expect(written.failed.find((f: { scenario: string }) => f.scenario === 'bad-config').problems[0]).toMatch(/weights\.crisis\.teams/);
  });
});

describe('schema', () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  const compile = (name: string) => ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schema', `${name}.schema.json`), 'utf8')));

  it('prints exactly the shipped schema/<name>.schema.json for every name (report by default)', () => {
    expect(ok(['schema'])).toBe(readFileSync(join(ROOT, 'schema/report.schema.json'), 'utf8'));
    for (const name of JSON_SCHEMA_NAMES) {
      expect(ok(['schema', name]), name).toBe(readFileSync(join(ROOT, 'schema', `${name}.schema.json`), 'utf8'));
    }
    expect(runCli(['schema', 'nonsense']).code).toBe(2);
  });

  it('the default report and every golden report validate against their schemas', () => {
    const report = compile('report');
    for (const file of ['default-report.json']) {
      const ok1 = report(JSON.parse(readFileSync(join(ROOT, 'test/golden', file), 'utf8')));
      expect(ok1, JSON.stringify(report.errors)).toBe(true);
    }
    const corner = JSON.parse(ok(['report', '--weights', 'high', '--format', 'json', '--data', corners]));
    expect(report(corner), JSON.stringify(report.errors)).toBe(true);
    // issue 16: coverage and trend have schemas too
    for (const name of ['coverage', 'trend']) {
      const validate = compile(name);
      const out = JSON.parse(ok([name, '--format', 'json']));
      expect(validate(out), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(validate({ ...out, regions: 'none' })).toBe(false);
    }
    const cases: [string, string][] = [
      ['sensitivity', 'sensitivity-default-seed1.json'],
      ['compare', 'compare-periods.json'],
      ['batch', 'batch-example.json'],
    ];
    for (const [name, file] of cases) {
      const validate = compile(name);
      expect(validate(JSON.parse(readFileSync(join(ROOT, 'test/golden', file), 'utf8'))), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('the input schemas accept the example files and reject a wrong one', () => {
    const scenarios = compile('scenarios');
    expect(scenarios(JSON.parse(readFileSync(join(ROOT, 'examples/scenarios.json'), 'utf8'))), JSON.stringify(scenarios.errors)).toBe(true);
    const config = compile('config');
    const sample = { weights: { crisis: { teams: 10 }, day_services: { places: { value: 0.3, low: 0.1, high: 0.5, source: 'x' } } }, aliases: { 'Akutteam Nord': 'crisis' } };
    expect(config(sample), JSON.stringify(config.errors)).toBe(true);
    expect(config({ weights: { crisis: { boats: 1 } } })).toBe(false);
  });

  it('a report that breaks the contract does not validate', () => {
    const report = compile('report');
    const golden = JSON.parse(readFileSync(join(ROOT, 'test/golden/default-report.json'), 'utf8'));
    delete golden.regions[0].rank;
    expect(report(golden)).toBe(false);
    expect(report({ ...JSON.parse(readFileSync(join(ROOT, 'test/golden/default-report.json'), 'utf8')), weights: 'middle' })).toBe(false);
  });
});
