// End-to-end: `servicegap trend`, and --fill, --level, --rollup and crosswalks on report and
// validate, through the built binary.
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIVE_REGIONS, runCli, tempDir } from './run-cli.js';

const NORWAY = 'fixtures/crosswalk/norway-2020';
const FINLAND = 'fixtures/crosswalk/finland-2023';

describe('servicegap trend', () => {
  it('prints a table with a sparkline per region (no colour when piped)', () => {
    const r = runCli(['trend', '--data', NORWAY]);
    expect(r.code, r.context).toBe(0);
    expect(r.stdout).not.toContain('\u001b[');
    // 38: vacuum per 100k 0, 2.4, 4.8, 3.6, 4.3 on a scale up to 4.8 → ▁ ▅ █ ▇ █
    expect(r.stdout).toMatch(/│ 1 │ 38 +│ Vestfold og Telemark │ ▁▅█▇█ +│ +2018 │ +4\.8 \(2019\) │ +4\.3 │ yes/);
    expect(r.stdout).toMatch(/│ 2 │ 46 +│ Vestland +│ ▁▄█▆▄ +│/);
    expect(r.stderr).toBe('');
  });

  it('CSV: one row per region-year', () => {
    const r = runCli(['trend', '--data', NORWAY, '--format', 'csv']);
    expect(r.code, r.context).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + 2 * 5);
    expect(lines[0]).toMatch(/^rank,region,name,first_vacuum_year,peak_vacuum_per_100k,peak_year,open,year,population,/);
    expect(lines.slice(1).map((l) => l.split(',').slice(1, 2).concat(l.split(',')[7]!).join(' '))).toEqual([
      '38 2017', '38 2018', '38 2019', '38 2020', '38 2021', '46 2017', '46 2018', '46 2019', '46 2020', '46 2021',
    ]);
  });

  it('--out picks JSON from the extension and writes atomically; --level 1 ranks the country', () => {
    const dir = tempDir();
    const out = join(dir, 'trend.json');
    const r = runCli(['trend', '--data', NORWAY, '--level', '1', '--out', out]);
    expect(r.code, r.context).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`wrote ${out} (json, 1 regions, 5 years)`);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect([json.level, json.fill, json.from, json.to]).toEqual([1, 'carry', 2017, 2021]);
    expect(json.regions[0].region).toBe('NO');
    expect(json.regions[0].years.map((y: { vacuum_be: number }) => y.vacuum_be)).toEqual([0, 20, 50, 35, 28]);
    expect(readdirSync(dir)).toEqual(['trend.json']);
  });

  it('--fill linear interpolates the Finnish population and says so in the flags', () => {
    const r = runCli(['trend', '--data', FINLAND, '--fill', 'linear', '--format', 'json']);
    expect(r.code, r.context).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.fill).toBe('linear');
    const y2022 = json.regions[0].years[1];
    expect(y2022.population).toBeCloseTo(206_066.667, 2);
    expect(y2022.flags).toContain('interpolated');
  });

  it('markdown works on the bundled data, with the notice', () => {
    const r = runCli(['trend', '--data', FIVE_REGIONS, '--format', 'markdown']);
    expect(r.code, r.context).toBe(0);
    expect(r.stdout).toContain('# Service vacuum over time 2000–2002');
    expect(r.stdout).toMatch(/Illustrative data/);
  });

  it('an --out extension with no trend format is a usage error', () => {
    const dir = tempDir();
    const r = runCli(['trend', '--data', NORWAY, '--out', join(dir, 'trend.xyz')]);
    expect(r.code, r.context).toBe(2);
    expect(r.stderr).toMatch(/cannot tell the trend format/);
  });
});

describe('--level, --rollup and --fill on report', () => {
  it('--rollup ranks Norge, the sum of its counties', () => {
    const r = runCli(['report', '--data', NORWAY, '--rollup', '--format', 'json']);
    expect(r.code, r.context).toBe(0);
    const no = JSON.parse(r.stdout).regions;
    expect(no.map((x: { region: string }) => x.region)).toEqual(['NO']);
    // beds 560 → 470 (−90), community 40 → 102 (+62): vacuum 28 / 1,055,000 × 100,000
    expect(no[0].vacuum_per_100k).toBeCloseTo((28 / 1_055_000) * 1e5, 9);
  });

  it('--level with --rollup, a level the tree lacks, a bad --fill: usage errors (exit 2)', () => {
    for (const args of [['--level', '1', '--rollup'], ['--level', '3'], ['--level', '0'], ['--fill', 'spline']]) {
      const r = runCli(['report', '--data', NORWAY, ...args]);
      expect(r.code, r.context).toBe(2);
      expect(r.stdout).toBe('');
    }
    expect(runCli(['report', '--data', NORWAY, '--level', '3']).stderr).toContain("--level 3: the regions' tree has levels 1 to 2");
  });

  it('--fill linear flags IP in the table legend', () => {
    const r = runCli(['report', '--data', FINLAND, '--to', '2023', '--fill', 'linear']);
    expect(r.code, r.context).toBe(0);
    expect(r.stdout).toContain('IP = interpolated');
  });
});

describe('crosswalks on the command line', () => {
  function folder(crosswalk: string): string {
    const dir = tempDir();
    mkdirSync(join(dir, 'data'));
    for (const f of ['regions.csv', 'population.csv', 'beds.csv', 'services.csv']) {
      writeFileSync(join(dir, 'data', f), readFileSync(join(NORWAY, f)));
    }
    writeFileSync(join(dir, 'reform.csv'), crosswalk);
    return dir;
  }

  it('--crosswalk F is used for a folder without crosswalk.csv; validate counts it', () => {
    const dir = folder(readFileSync(join(NORWAY, 'crosswalk.csv'), 'utf8'));
    const without = runCli(['validate', '--data', 'data'], { cwd: dir });
    expect(without.code, without.context).toBe(3);
    expect(without.stderr).toMatch(/unknown region "07"/);
    const r = runCli(['validate', '--data', 'data', '--crosswalk', 'reform.csv'], { cwd: dir });
    expect(r.code, r.context).toBe(0);
    expect(r.stdout).toMatch(/^ok: 5 files, 3 regions/);
  });

  it('shares that do not sum to 1 are invalid input (exit 3) naming the code', () => {
    const dir = folder('from,to,share,year\n07,38,0.5,2020\n08,38,1,2020\n12,46,1,2020\n14,46,1,2020\n');
    const r = runCli(['report', '--data', 'data', '--crosswalk', 'reform.csv'], { cwd: dir });
    expect(r.code, r.context).toBe(3);
    expect(r.stderr).toContain('reform.csv:2: column "share": the shares of "07" (year 2020) sum to 0.5, expected 1 (±1e-9)');
  });

  it('a loop in regions.csv is invalid input (exit 3)', () => {
    const dir = folder(readFileSync(join(NORWAY, 'crosswalk.csv'), 'utf8'));
    writeFileSync(join(dir, 'data', 'regions.csv'), 'region,name,parent\nNO,Norge,38\n38,Vestfold og Telemark,NO\n46,Vestland,NO\n');
    const r = runCli(['validate', '--data', 'data', '--crosswalk', 'reform.csv'], { cwd: dir });
    expect(r.code, r.context).toBe(3);
    expect(r.stderr).toContain('the parent links loop: "NO" → "38" → "NO"');
  });
});
