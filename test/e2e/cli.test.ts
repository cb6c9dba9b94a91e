// End-to-end: the built binary (npm test builds first), spawned as a user would run it.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIVE_REGIONS, ROOT, runCli, tempDir } from './run-cli.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const ESC = '\u001b[';

describe('servicegap (no command, --version, --help)', () => {
  it('prints help with no command and exits 0', () => {
    const r = runCli([]);
    expect(r.code, r.context).toBe(0);
    expect(r.stdout).toContain('Usage: servicegap');
    expect(r.stdout).toMatch(/report/);
  });

  it('--version prints the package version', () => {
    const r = runCli(['--version']);
    expect(r.code, r.context).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('--help lists the exit codes', () => {
    const r = runCli(['--help']);
    expect(r.code, r.context).toBe(0);
    expect(r.stdout).toContain('70  internal error');
    expect(r.stdout).toContain('3   invalid input data');
  });

  it('an unknown option is a usage error (exit 2) on stderr', () => {
    const r = runCli(['report', '--data', FIVE_REGIONS, '--frmo', '2000']);
    expect(r.code, r.context).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/unknown option/);
  });
});

describe('servicegap report on the bundled data', () => {
  it('prints a table without colour when NO_COLOR is set, with the illustrative notice', () => {
    const r = runCli(['report', '--data', FIVE_REGIONS], { env: { NO_COLOR: '1' } });
    expect(r.code, r.context).toBe(0);
    expect(r.stdout).not.toContain(ESC);
    expect(r.stdout).toContain('Helseregion Øst');
    expect(r.stdout).toMatch(/Illustrative data/);
    // diagnostics are on stderr, data on stdout
    expect(r.stderr).toMatch(/warning: data\/examples\/norway-regions-2000-2002\/dataset\.json: Illustrative data/);
  });

  it('colours the table with FORCE_COLOR even when stdout is a pipe', () => {
    const r = runCli(['report', '--data', FIVE_REGIONS], { env: { FORCE_COLOR: '1' } });
    expect(r.code, r.context).toBe(0);
    expect(r.stdout).toContain(ESC);
  });

  it('--no-color wins over FORCE_COLOR', () => {
    const r = runCli(['report', '--data', FIVE_REGIONS, '--no-color'], { env: { FORCE_COLOR: '1' } });
    expect(r.code, r.context).toBe(0);
    expect(r.stdout).not.toContain(ESC);
  });

  it('JSON output matches the golden file byte for byte', () => {
    const r = runCli(['report', '--data', FIVE_REGIONS, '--format', 'json']);
    expect(r.code, r.context).toBe(0);
    const golden = readFileSync(join(ROOT, 'test/golden/default-report.json'), 'utf8');
    expect(r.stdout).toBe(golden);
  });

  it('ranks the five health regions as worked by hand in data/README.md', () => {
    const report = JSON.parse(runCli(['report', '--data', FIVE_REGIONS, '--format', 'json']).stdout);
    // B = 2000, T = 2002 (first and last year of beds.csv)
    expect([report.from, report.to]).toEqual([2000, 2002]);
    const v = Object.fromEntries(report.regions.map((r: { region: string; vacuum_per_100k: number }) => [r.region, r.vacuum_per_100k]));
    // NO-MIDT: beds 761 → 679 (−82), community 372 → 370 (−2): vacuum 84 / 633,118 × 100,000 = 13.27
    expect(v['NO-MIDT']).toBeCloseTo((84 / 633118) * 1e5, 9);
    // NO-OST: −157 + 65.95 = −91.05 → 91.05 / 1,592,540 × 100,000 = 5.72
    expect(v['NO-OST']).toBeCloseTo((91.05 / 1592540) * 1e5, 9);
    // NO-SOR: −62 + 32.05 = −29.95 → 29.95 / 872,493 × 100,000 = 3.43
    expect(v['NO-SOR']).toBeCloseTo((29.95 / 872493) * 1e5, 9);
    expect(v['NO-NORD']).toBe(0);
    expect(v['NO-VEST']).toBe(0);
    // ties at 0 are ordered by code: NO-NORD before NO-VEST
    expect(report.regions.map((r: { region: string }) => r.region)).toEqual(['NO-MIDT', 'NO-OST', 'NO-SOR', 'NO-NORD', 'NO-VEST']);
  });

  it('gives each region its coverage_index against the norms at T = 2002, worked by hand', () => {
    const report = JSON.parse(runCli(['report', '--data', FIVE_REGIONS, '--format', 'json']).stdout);
    const c = Object.fromEntries(report.regions.map((r: { region: string; coverage_index: number }) => [r.region, r.coverage_index]));
    // Population at 2002 = the 2000 count, carried. Every region is far above the two bed-like
    // norms (e.g. NO-OST psychiatric_beds 2037 / 1,592,540 × 1e5 = 127.9 > 28.1; supported_living
    // 692 → 43.5 > 10), so each counts 1; crisis teams decide the index. Their norm is exactly
    // one team per 150,000 people: 100,000 / 150,000 = 2/3 per 100k (SPEC §4), so coverage = per 100k × 1.5.
    // NO-OST: 4 teams → 4 / 15.9254 = 0.25117 per 100k → 0.37676 → (1 + 1 + 0.37676) / 3 = 0.79225
    const crisis = 100_000 / 150_000;
    expect(c['NO-OST']).toBeCloseTo((2 + 4 / 15.9254 / crisis) / 3, 12);
    expect(c['NO-OST']).toBeCloseTo(0.79225, 5);
    // NO-SOR: 1 team / 8.72493 = 0.11461 → 0.17192 → 0.72397
    expect(c['NO-SOR']).toBeCloseTo((2 + 1 / 8.72493 / crisis) / 3, 12);
    expect(c['NO-SOR']).toBeCloseTo(0.72397, 5);
    // NO-VEST: 5 / 9.16018 = 0.54584 → 0.81876 → 0.93959
    expect(c['NO-VEST']).toBeCloseTo((2 + 5 / 9.16018 / crisis) / 3, 12);
    expect(c['NO-VEST']).toBeCloseTo(0.93959, 5);
    // NO-MIDT: 2 / 6.33118 = 0.31590 → 0.47385 → 0.82462
    expect(c['NO-MIDT']).toBeCloseTo((2 + 2 / 6.33118 / crisis) / 3, 12);
    expect(c['NO-MIDT']).toBeCloseTo(0.82462, 5);
    // NO-NORD: 4 / 4.64328 = 0.86146 ≥ 2/3 → capped at 1 → (1 + 1 + 1) / 3 = 1
    expect(c['NO-NORD']).toBe(1);
    // the golden file carries the same numbers
    const golden = JSON.parse(readFileSync(join(ROOT, 'test/golden/default-report.json'), 'utf8'));
    for (const r of golden.regions) expect(r.coverage_index, r.region).toBe(c[r.region]);
  });

  it('output is identical across runs', () => {
    const a = runCli(['report', '--data', FIVE_REGIONS, '--format', 'csv']);
    const b = runCli(['report', '--data', FIVE_REGIONS, '--format', 'csv']);
    expect(a.code, a.context).toBe(0);
    expect(a.stdout).toBe(b.stdout);
  });

  it('--top limits the rows but --fail-above still sees every ranked region', () => {
    const r = runCli(['report', '--data', FIVE_REGIONS, '--format', 'json', '--top', '1', '--sort', 'vacuum_be', '--fail-above', '10']);
    // by vacuum_be: NO-OST 91.05 first; NO-MIDT (13.27 per 100k) is not shown but trips the gate
    expect(r.code, r.context).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.regions.map((x: { region: string }) => x.region)).toEqual(['NO-OST']);
    expect(r.stderr).toMatch(/--fail-above 10: 1 region\(s\) above it: NO-MIDT \(13\.3\)/);
  });

  it('--fail-above not tripped exits 0', () => {
    const r = runCli(['report', '--data', FIVE_REGIONS, '--format', 'json', '--fail-above', '13.3']);
    expect(r.code, r.context).toBe(0);
  });

  it('--out writes the file atomically, picks the format from the extension, and keeps stdout empty', () => {
    const dir = tempDir();
    const out = join(dir, 'gap.csv');
    const r = runCli(['report', '--data', FIVE_REGIONS, '--out', out, '--fail-above', '1']);
    // the report is written before the gate trips
    expect(r.code, r.context).toBe(1);
    expect(r.stdout).toBe('');
    const csv = readFileSync(out, 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^rank,region,name,population,/);
    expect(csv).toContain('Helseregion Øst');
    expect(readdirSync(dir)).toEqual(['gap.csv']);
  });

  it('an --out extension it cannot read is a usage error, and writes nothing', () => {
    const dir = tempDir();
    const r = runCli(['report', '--data', FIVE_REGIONS, '--out', join(dir, 'gap.xyz')]);
    expect(r.code, r.context).toBe(2);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('an --out folder that does not exist is exit 4, naming the file', () => {
    const r = runCli(['report', '--data', FIVE_REGIONS, '--out', '/nonexistent-folder/gap.json']);
    expect(r.code, r.context).toBe(4);
    expect(r.stderr).toMatch(/cannot write \/nonexistent-folder\/gap\.json/);
  });

  it('markdown output has a table and the notice', () => {
    const r = runCli(['report', '--data', FIVE_REGIONS, '--format', 'markdown']);
    expect(r.code, r.context).toBe(0);
    expect(r.stdout).toMatch(/^\|.*Rank/m);
    expect(r.stdout).toMatch(/Illustrative data/);
  });

  it('--from after --to is a usage error', () => {
    const r = runCli(['report', '--data', FIVE_REGIONS, '--from', '2002', '--to', '2000']);
    expect(r.code, r.context).toBe(2);
    expect(r.stderr).toMatch(/--from \(2002\) is after --to \(2000\)/);
  });

  it('a bad --top value is a usage error naming the option', () => {
    const r = runCli(['report', '--data', FIVE_REGIONS, '--top', '0']);
    expect(r.code, r.context).toBe(2);
    expect(r.stderr).toMatch(/--top/);
  });
});

describe('servicegap report on other data', () => {
  it('reproduces the worked stock example (SPEC §3)', () => {
    const r = runCli(['report', '--data', 'fixtures/worked-stock', '--format', 'json']);
    expect(r.code, r.context).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.regions.map((x: { region: string }) => x.region)).toEqual(['FI-VS', 'FI-KS', 'FI-PIR', 'FI-LAP']);
    // FI-KAI has no population and no row in services.csv (SPEC §8)
    expect(report.excluded).toEqual([{ region: 'FI-KAI', reason: 'population, community' }]);
    // FI-VS's peer support (vertaistuki, weight 0) is 12 fte in 2022 and none in 2015: a plausibility
    // notice says it counts for nothing (SPEC §8); no number changes
    expect(report.warnings).toEqual([
      {
        file: 'fixtures/worked-stock/services.csv',
        line: null,
        message:
          'FI-VS: peer_support fte +12 (none at the baseline) is not counted: weight 0 (0 in 2015 → 12 in 2022; ' +
          'a config can set weights.peer_support.fte to count it)',
        kind: 'plausibility',
      },
    ]);
  });

  it('Chile 1990 → 2017 (Mundt et al. 2022 rates): vacuum 4.15 per 100,000', () => {
    const r = runCli(['report', '--data', 'data/examples/chile-1990-2017', '--format', 'json']);
    expect(r.code, r.context).toBe(0);
    const cl = JSON.parse(r.stdout).regions[0];
    // beds 23.6 → 6.3 = −17.3; community 2.3 → 15.45 = +13.15; net −4.15 (population 100,000)
    expect(cl.bed_change).toBeCloseTo(-17.3, 9);
    expect(cl.community_change_be).toBeCloseTo(13.15, 9);
    expect(cl.vacuum_per_100k).toBeCloseTo(4.15, 9);
  });

  it('Norway national 1998 → 2007: 1,211 beds not replaced, 27.04 per 100,000', () => {
    const r = runCli(['report', '--data', 'data/examples/norway-national-1998-2007', '--format', 'json']);
    expect(r.code, r.context).toBe(0);
    const no = JSON.parse(r.stdout).regions[0];
    // institutional 4488 → 2904 = −1584; DPS beds 1492 → 1865 = +373; net −1211; 1211 / 4,478,497 × 1e5
    expect(no.bed_change).toBe(-1584);
    expect(no.community_change_be).toBe(373);
    expect(no.vacuum_per_100k).toBeCloseTo((1211 / 4478497) * 1e5, 9);
    expect(no.flags).toContain('carried_forward');
  });

  it('reads one file from standard input with "-"', () => {
    const services = readFileSync(join(ROOT, 'fixtures/worked-stock/services.csv'));
    const r = runCli(
      ['report', '--data', 'fixtures/worked-stock', '--services', '-', '--format', 'json'],
      { input: services },
    );
    expect(r.code, r.context).toBe(0);
    expect(JSON.parse(r.stdout).regions[0].region).toBe('FI-VS');
  });

  it('two inputs from standard input is a usage error', () => {
    const r = runCli(['report', '--regions', '-', '--population', '-']);
    expect(r.code, r.context).toBe(2);
  });

  it('a missing data folder is exit 4 naming the file', () => {
    const r = runCli(['report', '--data', 'no-such-folder']);
    expect(r.code, r.context).toBe(4);
    expect(r.stderr).toMatch(/cannot read no-such-folder\/regions\.csv: no such file/);
  });

  it('uses servicegap.config.json from the working folder', () => {
    const dir = tempDir();
    // FI-VS outreach caseload weight 0.1 → 0.3: community +200 × 0.3 = +60, net +0 → vacuum 0
    writeFileSync(join(dir, 'servicegap.config.json'), JSON.stringify({ weights: { outreach: { caseload: 0.3 } } }));
    const r = runCli(['report', '--data', join(ROOT, 'fixtures/worked-stock'), '--format', 'json'], { cwd: dir });
    expect(r.code, r.context).toBe(0);
    const vs = JSON.parse(r.stdout).regions.find((x: { region: string }) => x.region === 'FI-VS');
    expect(vs.community_change_be).toBeCloseTo(60, 9);
    expect(vs.vacuum_be).toBe(0);
  });

  it('an invalid config is exit 3 naming the key', () => {
    const dir = tempDir();
    const config = join(dir, 'bad.json');
    writeFileSync(config, JSON.stringify({ weights: { crises: { teams: 1 } } }));
    const r = runCli(['report', '--data', FIVE_REGIONS, '--config', config]);
    expect(r.code, r.context).toBe(3);
    expect(r.stderr).toMatch(/bad\.json: weights/);
  });
});

describe('servicegap coverage', () => {
  it('JSON on the bundled data: least covered first, hand-worked gaps and index', () => {
    const r = runCli(['coverage', '--data', FIVE_REGIONS, '--format', 'json']);
    expect(r.code, r.context).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['servicegap', 'to', 'regions', 'excluded', 'warnings', 'provenance']);
    expect(report.to).toBe(2002); // latest beds year, as report
    // index (crisis-team norm exactly 2/3 per 100k, worked in the report test above):
    // NO-SOR 0.72397 < NO-OST 0.79225 < NO-MIDT 0.82461 < NO-VEST 0.93959 < NO-NORD 1
    expect(report.regions.map((x: { region: string }) => x.region)).toEqual(['NO-SOR', 'NO-OST', 'NO-MIDT', 'NO-VEST', 'NO-NORD']);
    const sor = report.regions[0];
    expect(Object.keys(sor)).toEqual(['rank', 'region', 'name', 'population', 'coverage_index', 'norms']);
    expect(sor.norms.map((n: { norm: string }) => n.norm)).toEqual(['psychiatric_beds', 'supported_living', 'crisis_teams']);
    const [beds, living, crisis] = sor.norms;
    // psychiatric_beds: 933 beds (beds.csv 2002; no service beds) / 872,493 × 1e5 = 106.935; 106.935 / 28.1 = 3.8055
    expect(beds).toMatchObject({ value: 933, norm_low: 28.1, norm_high: 41.7, gap: 0 });
    expect(beds.per_100k).toBeCloseTo((933 / 872493) * 1e5, 9);
    expect(beds.coverage).toBeCloseTo((933 / 872493) * 1e5 / 28.1, 9);
    // supported_living: botilbud 204 places → 23.381 per 100k → 2.3381, no gap
    expect(living.value).toBe(204);
    expect(living.coverage).toBeCloseTo(2.33813, 5);
    // crisis_teams: 1 team → 0.11461 per 100k → 0.11461 / (2/3) = 0.17192;
    // gap (2/3 − 0.11461) × 8.72493 = 2/3 × 8.72493 − 1 = 4.81662 teams (not 4.8195 with a rounded 0.667)
    expect(crisis.value).toBe(1);
    expect(crisis.norm_low).toBe(100_000 / 150_000);
    expect(crisis.coverage).toBeCloseTo(0.17192, 5);
    expect(crisis.gap).toBeCloseTo((2 / 3) * 8.72493 - 1, 9);
    expect(crisis.gap).toBeCloseTo(4.81662, 5);
    expect(sor.coverage_index).toBeCloseTo((2 + 0.1146141 * 1.5) / 3, 6);
    // NO-OST: 4 teams; gap 2/3 × 15.9254 − 4 = 6.61693 teams
    expect(report.regions[1].norms[2].gap).toBeCloseTo((2 / 3) * 15.9254 - 4, 9);
    // NO-NORD: 4 teams / 4.64328 = 0.86146 per 100k: above the norm, no gap, index 1
    expect(report.regions[4].norms[2].gap).toBe(0);
    expect(report.regions[4].coverage_index).toBe(1);
    // the same index as the report's coverage_index column
    const rep = JSON.parse(runCli(['report', '--data', FIVE_REGIONS, '--format', 'json']).stdout);
    for (const x of report.regions) expect(rep.regions.find((y: { region: string }) => y.region === x.region).coverage_index).toBe(x.coverage_index);
  });

  it('table: one column per norm, coloured by band with FORCE_COLOR, plain with NO_COLOR', () => {
    const plain = runCli(['coverage', '--data', FIVE_REGIONS], { env: { NO_COLOR: '1' } });
    expect(plain.code, plain.context).toBe(0);
    expect(plain.stdout).not.toContain(ESC);
    expect(plain.stdout).toMatch(/│ Index │ psychiatric_beds │ supported_living │ crisis_teams │/);
    expect(plain.stdout).toMatch(/│ 1 │ NO-SOR .*│\s+72% │\s+381% │\s+234% │\s+17% │/);
    expect(plain.stdout).toContain('  NO-OST: 6.6 crisis teams short (crisis_teams 38%)');
    expect(plain.stdout).toMatch(/Illustrative data/);
    expect(plain.stderr).toMatch(/warning: data\/examples\/norway-regions-2000-2002\/dataset\.json/);
    const colour = runCli(['coverage', '--data', FIVE_REGIONS], { env: { FORCE_COLOR: '1' } });
    expect(colour.stdout).toContain(`${ESC}31m17%`); // crisis teams under the norm: red
    expect(colour.stdout).toContain(`${ESC}36m381%`); // beds above the high end: cyan
  });

  it('CSV: one row per region × norm; Markdown: the ranked table and the per-norm table', () => {
    const csv = runCli(['coverage', '--data', FIVE_REGIONS, '--format', 'csv']);
    expect(csv.code, csv.context).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toBe('rank,region,name,population,coverage_index,norm,value,per_100k,norm_low,norm_high,coverage,gap');
    expect(lines).toHaveLength(1 + 5 * 3);
    // JSON and CSV carry the exact norm (2/3); tables print it rounded to 3 decimals
    expect(lines[3]).toMatch(/^1,NO-SOR,Helseregion Sør,872493,0\.72397\d*,crisis_teams,1,0\.1146\d*,0\.6666666666666666,0\.6666666666666666,0\.1719\d*,4\.8166\d*$/);
    const md = runCli(['coverage', '--data', FIVE_REGIONS, '--format', 'markdown']);
    expect(md.code, md.context).toBe(0);
    expect(md.stdout).toMatch(/^# Coverage against norms, 2002$/m);
    expect(md.stdout).toContain('| NO-SOR | crisis\\_teams | 1 | 0.1 | 0.667 | 17% | 4.8 crisis teams short |');
  });

  it('--out writes atomically with the format from the extension; an HTML-only extension is a usage error', () => {
    const dir = tempDir();
    const out = join(dir, 'coverage.json');
    const r = runCli(['coverage', '--data', FIVE_REGIONS, '--out', out]);
    expect(r.code, r.context).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/wrote .*coverage\.json \(json, 5 regions\)/);
    expect(JSON.parse(readFileSync(out, 'utf8')).regions).toHaveLength(5);
    expect(readdirSync(dir)).toEqual(['coverage.json']);
    const bad = runCli(['coverage', '--data', FIVE_REGIONS, '--out', join(dir, 'c.xyz')]);
    expect(bad.code, bad.context).toBe(2);
  });

  it('--to picks T; an events beds file leaves psychiatric_beds unknown (null) and out of the index', () => {
    const r = runCli(['coverage', '--data', 'fixtures/worked-events', '--to', '2022', '--format', 'json']);
    expect(r.code, r.context).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.to).toBe(2022);
    for (const x of report.regions) {
      expect(x.norms[0]).toMatchObject({ norm: 'psychiatric_beds', value: null, per_100k: null, coverage: null, gap: null });
    }
  });

  it('worked-stock: a region without population at T is excluded, as in report', () => {
    const r = runCli(['coverage', '--data', 'fixtures/worked-stock', '--format', 'json']);
    expect(r.code, r.context).toBe(0);
    const report = JSON.parse(r.stdout);
    // FI-KAI: no population and no row in services.csv (SPEC §8)
    expect(report.excluded).toEqual([{ region: 'FI-KAI', reason: 'population, community' }]);
    // FI-LAP 2022: 60 beds (+ 0 general_hospital beds) / 176,000 → 34.09 per 100k, within 28.1–41.7
    const lap = report.regions.find((x: { region: string }) => x.region === 'FI-LAP');
    expect(lap.norms[0].value).toBe(60);
    expect(lap.norms[0].per_100k).toBeCloseTo((60 / 176000) * 1e5, 9);
    // supported_living 30 places → 17.05 per 100k, within 10–20; crisis teams none (FI-PIR reports
    // some, so the norm is measured) → 0, gap 2/3 × 1.76 = 1.17333
    expect(lap.norms[2]).toMatchObject({ value: 0, coverage: 0 });
    expect(lap.norms[2].gap).toBeCloseTo((2 / 3) * 1.76, 9);
    expect(lap.coverage_index).toBeCloseTo(2 / 3, 12); // (1 + 1 + 0) / 3
  });

  it('a config changes a range, drops a norm and adds one; report uses the same norms', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'servicegap.config.json'),
      JSON.stringify({
        norms: {
          supported_living: { low: 30, high: 40 },
          crisis_teams: false,
          day_places: { measures: [{ category: 'day_services', unit: 'places' }], low: 20, high: 40, unit_label: 'day places' },
        },
      }),
    );
    const r = runCli(['coverage', '--data', join(ROOT, FIVE_REGIONS), '--format', 'json'], { cwd: dir });
    expect(r.code, r.context).toBe(0);
    const sor = JSON.parse(r.stdout).regions.find((x: { region: string }) => x.region === 'NO-SOR');
    expect(sor.norms.map((n: { norm: string }) => n.norm)).toEqual(['psychiatric_beds', 'supported_living', 'day_places']);
    // supported_living 23.381 per 100k against 30: 0.77938; gap (30 − 23.381) × 8.72493 = 57.748 places
    expect(sor.norms[1].coverage).toBeCloseTo((204 / 872493) * 1e5 / 30, 9);
    expect(sor.norms[1].gap).toBeCloseTo(30 * 8.72493 - 204, 9);
    // day_places: værested 244 places → 27.966 per 100k ≥ 20 → 1.398
    expect(sor.norms[2].value).toBe(244);
    // index (1 + 0.77938 + 1) / 3
    expect(sor.coverage_index).toBeCloseTo((2 + (204 / 872493) * 1e5 / 30) / 3, 9);
    const rep = JSON.parse(runCli(['report', '--data', join(ROOT, FIVE_REGIONS), '--format', 'json'], { cwd: dir }).stdout);
    expect(rep.regions.find((x: { region: string }) => x.region === 'NO-SOR').coverage_index).toBe(sor.coverage_index);
    const table = runCli(['coverage', '--data', join(ROOT, FIVE_REGIONS)], { cwd: dir, env: { NO_COLOR: '1' } });
    expect(table.stdout).toContain('NO-SOR: 57.7 supported-living places short (supported_living 78%)');
    expect(table.stdout).toMatch(/│ day_places │/);
  });

  it('an unknown category in a config norm is exit 3 naming the key', () => {
    const dir = tempDir();
    const config = join(dir, 'bad.json');
    writeFileSync(config, JSON.stringify({ norms: { my_norm: { measures: [{ category: 'daycare', unit: 'places' }], low: 1, high: 2 } } }));
    const r = runCli(['coverage', '--data', FIVE_REGIONS, '--config', config]);
    expect(r.code, r.context).toBe(3);
    expect(r.stderr).toContain('bad.json: norms.my_norm.measures.0.category: unknown category "daycare"');
  });

  it('is listed in the help', () => {
    expect(runCli(['--help']).stdout).toMatch(/coverage \[options\]/);
    expect(runCli(['coverage', '--help']).stdout).toMatch(/--to <year>/);
  });
});

describe('servicegap validate', () => {
  it('exits 0 with a one-line summary on clean data', () => {
    const r = runCli(['validate', '--data', 'fixtures/worked-stock']);
    expect(r.code, r.context).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toMatch(/^ok: 4 files, 5 regions, beds as stock 2015–2022/);
  });

  it('lists every problem with file, line and column, and exits 3', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'regions.csv'), 'region,name\nNO-03,Oslo\nNO-46,Vestland\n');
    writeFileSync(join(dir, 'population.csv'), 'region,year,population\nNO-03,2020,700000\nNO-46,2020,0\n');
    writeFileSync(join(dir, 'beds.csv'), 'region,year,beds\nNO-03,2015,100\nNO-03,2020,80\nNO-47,2020,5\n');
    writeFileSync(
      join(dir, 'services.csv'),
      // The last row's decimal point keeps the quoted "12,5" from saying that the file's decimal mark is a comma.
      'region,year,service,capacity,unit\nNO-03,2015,botilbud,12,places\nNO-03,2020,botilbod,14,places\nNO-03,2020,FACT,12,5,caseload\nNO-03,2020,FACT,\"12,5\",caseload\nNO-03,2015,FACT,2.5,caseload\n',
    );
    const r = runCli(['validate', '--data', dir]);
    expect(r.code, r.context).toBe(3);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toContain(`${dir}/population.csv:3: column "population": expected a number > 0, got "0"`);
    expect(lines.some((l) => l.startsWith(`${dir}/beds.csv:4: column "region": unknown region "NO-47"`) && l.includes('did you mean "NO-46"?'))).toBe(true);
    expect(lines).toContain(`${dir}/services.csv:4: expected 5 fields like the header, got 6 (delimiter ",")`);
    expect(lines).toContain(`${dir}/services.csv:5: column "capacity": expected a number ≥ 0, got "12,5" (--decimal , reads it as 12.5)`);
    expect(lines.some((l) => l.startsWith(`${dir}/services.csv:3: column "service": service "botilbod" maps to no category`) && l.includes('did you mean "botilbud" (supported_living)?'))).toBe(true);
    expect(lines.at(-1)).toBe('servicegap: invalid input data: 5 problems');
  });
});

describe('servicegap taxonomy', () => {
  it('lists the nine categories and at least 60 aliases as CSV', () => {
    const r = runCli(['taxonomy', '--format', 'csv']);
    expect(r.code, r.context).toBe(0);
    const rows = r.stdout.trim().split('\n').slice(1);
    expect(rows.filter((l) => l.includes(',category,'))).toHaveLength(9);
    expect(rows.filter((l) => l.includes(',builtin,')).length).toBeGreaterThanOrEqual(60);
    expect(r.stdout).toContain('vertaistuki');
    expect(r.stdout).toContain('مراكز الصحة النفسية المجتمعية');
  });

  it('--unmapped lists the names in the data that map to nothing, with a suggestion', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'regions.csv'), 'region\nA\n');
    writeFileSync(join(dir, 'population.csv'), 'region,year,population\nA,2020,1000\n');
    // "vaerested" (ASCII for værested) maps loosely now; "værsted" is a typo.
    writeFileSync(
      join(dir, 'services.csv'),
      'region,year,service,capacity,unit\nA,2020,botilbud,1,places\nA,2020,værsted,2,places\nA,2021,værsted,2,places\nA,2021,vaerested,2,places\n',
    );
    const r = runCli(['taxonomy', '--unmapped', '--data', dir, '--format', 'json']);
    expect(r.code, r.context).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ service: 'værsted', rows: 2, first_line: 3, suggestion: 'værested (day_services)' }]);
    expect(r.stderr).toMatch(/1 of 3 service names/);
  });

  it('--format json lists every alias with its language, where it is used, a note and its source', () => {
    const r = runCli(['taxonomy', '--format', 'json']);
    expect(r.code, r.context).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual(['category', 'name', 'lang', 'where', 'origin', 'note', 'source', 'description']);
    expect(rows.find((row) => row.name === 'home treatment')).toMatchObject({
      category: 'crisis',
      lang: 'en',
      where: 'UK',
      origin: 'builtin',
      note: 'a crisis service, not day treatment',
      source: 'NHS England service names',
    });
    expect(rows.find((row) => row.name === 'Institutsambulanz')).toMatchObject({ category: 'cmhc', lang: 'de', where: 'DE' });
    for (const row of rows.filter((r) => r.origin === 'builtin')) {
      expect(row.lang, row.name).not.toBe('');
      expect(row.where, row.name).not.toBe('');
      expect(row.source, row.name).not.toBe('');
    }
  });
});

describe('nothing is left half-written', () => {
  it('a failed run leaves an existing report untouched', () => {
    const dir = tempDir();
    const out = join(dir, 'gap.json');
    writeFileSync(out, 'previous good report');
    const r = runCli(['report', '--data', 'no-such-folder', '--out', out]);
    expect(r.code, r.context).toBe(4);
    expect(readFileSync(out, 'utf8')).toBe('previous good report');
    expect(existsSync(out)).toBe(true);
    expect(readdirSync(dir)).toEqual(['gap.json']);
  });
});

describe('library', () => {
  it('imports by package name, as a consumer would, and analyses the bundled data', () => {
    const script = `
      import { runReport, VERSION } from 'servicegap';
      const { report } = await runReport({ inputs: { data: '${FIVE_REGIONS}' } });
      console.log(JSON.stringify({ version: VERSION, first: report.regions[0].region, n: report.regions.length }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ version: pkg.version, first: 'NO-MIDT', n: 5 });
  });

  it("gives the HTML report's coverage heatmap grid (regions × norms, coverage and band) in its render context", () => {
    const script = `
      import { runReport, COVERAGE_FORMATS } from 'servicegap';
      const { context } = await runReport({ inputs: { data: '${FIVE_REGIONS}' }, format: 'html' });
      const grid = context.coverage.heatmap;
      console.log(JSON.stringify({ norms: grid.norms, first: grid.rows[0].region, bands: grid.rows[0].cells.map((c) => c.band), formats: COVERAGE_FORMATS }));
    `;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      norms: ['psychiatric_beds', 'supported_living', 'crisis_teams'],
      first: 'NO-SOR',
      bands: ['above', 'above', 'under'],
      formats: ['table', 'csv', 'json', 'markdown'],
    });
  });
});
