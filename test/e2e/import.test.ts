// servicegap import, as a user runs it: statistics-office files → input CSVs → validate → report
// (README "Getting data"), with data on stdout only, notes on stderr and SPEC §5's exit codes.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './run-cli.js';

const fx = (p: string) => join(ROOT, 'fixtures/import', p);

describe('servicegap import', () => {
  it('SSB 13942 and 13982 → four files → validate → report, in three kinds of command', () => {
    const dir = tempDir();
    const steps = [
      ['import', 'jsonstat', fx('jsonstat/ssb-13942-vop.json'), '--preset', 'ssb-13942', '--as', 'regions', '--out', join(dir, 'regions.csv')],
      ['import', 'jsonstat', fx('jsonstat/ssb-13942-vop.json'), '--preset', 'ssb-13942', '--as', 'beds', '--out', join(dir, 'beds.csv')],
      ['import', 'jsonstat', fx('jsonstat/ssb-13942-vop.json'), '--preset', 'ssb-13942', '--as', 'services', '--out', join(dir, 'services.csv')],
      ['import', 'jsonstat', fx('jsonstat/ssb-13982-vop.json'), '--preset', 'ssb-13982', '--as', 'population', '--out', join(dir, 'population.csv')],
    ];
    for (const args of steps) {
      const r = runCli(args);
      expect(r.code, r.context).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/rows? written to /);
    }
    expect(readFileSync(join(dir, 'beds.csv'), 'utf8').split('\n').slice(0, 2)).toEqual(['region,year,beds,flags', '916270097,2015,16,']);
    const v = runCli(['validate', '--data', dir]);
    expect(v.code, v.context).toBe(0);
    const r = runCli(['report', '--data', dir, '--format', 'json']);
    expect(r.code, r.context).toBe(0);
    const report = JSON.parse(r.stdout);
    // Helse Bergen alone (without its private DPS, which the import keeps under their own code):
    // beds 243 → 212 (−31); community 2015 98 986 × 0.0005 + 3 357 × 0.0011 = 53.1857,
    // 2025 115 260 × 0.0005 + 1 825 × 0.0011 = 59.6375: +6.4518; net −24.5482; adults 2025 380 009
    // → 24.5482 / 380 009 × 10⁵ = 6.46 per 100,000.
    const bergen = report.regions.find((x: { region: string }) => x.region === '983974724');
    expect(bergen.vacuum_per_100k).toBeCloseTo((24.5482 / 380009) * 1e5, 9);
    // Voss DPS has no catchment in 13982: not ranked, and said so.
    expect(report.excluded).toEqual([{ region: '916270097', reason: 'population' }]);
  });

  it('writes CSV to stdout by default; notes go to stderr, never stdout', () => {
    const r = runCli(['import', 'eurostat', fx('eurostat/tps00047.tsv'), '--preset', 'eurostat-tps00047', '--as', 'beds']);
    expect(r.code, r.context).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('region,year,beds,flags');
    expect(r.stdout).toContain('\nBE,2006,182.5851,b\n');
    expect(r.stderr).toContain('note: ');
    expect(r.stdout).not.toContain('note:');
    const quiet = runCli(['import', 'eurostat', fx('eurostat/tps00047.tsv'), '--preset', 'eurostat-tps00047', '--as', 'beds', '-q']);
    expect(quiet.stderr).toBe('');
    expect(quiet.stdout).toBe(r.stdout);
  });

  it('invalid data: exit 3, every problem located, and an existing output is left as it was', () => {
    const dir = tempDir();
    const out = join(dir, 'beds.csv');
    writeFileSync(out, 'keep me\n');
    const bad = join(dir, 'bad.tsv');
    writeFileSync(bad, 'unit,facility,geo\\time\t2000 \t2001 \nNR,HBED_PSY,NO\t12 \tx\nNR,HBED_PSY,SE\t1,5 \t2 \n');
    const r = runCli(['import', 'eurostat', bad, '--as', 'beds', '--out', out]);
    expect(r.code, r.context).toBe(3);
    expect(r.stderr).toContain(`${bad}:2: column 3: expected a number, a number and flags ("12.3 e") or ":", got "x"`);
    expect(r.stderr).toContain(`${bad}:3: column 2:`);
    expect(r.stderr).toContain('invalid input data: 2 problems');
    expect(readFileSync(out, 'utf8')).toBe('keep me\n');
    expect(readdirSync(dir).sort()).toEqual(['bad.tsv', 'beds.csv']);
  });

  it('usage errors exit 2; a missing file exits 4', () => {
    expect(runCli(['import', 'eurostat', fx('eurostat/tps00047.tsv'), '--as', 'beds', '--preset', 'nope']).code).toBe(2);
    expect(runCli(['import', 'eurostat', fx('eurostat/tps00047.tsv')]).code).toBe(2); // --as is required
    expect(runCli(['import', 'xlsx', fx('eurostat/tps00047.tsv'), '--as', 'beds']).code).toBe(2);
    expect(runCli(['import', 'px', fx('px/ssb-14216-tettsted.px'), '--as', 'services', '--set', 'unit=hours']).code).toBe(2);
    const missing = runCli(['import', 'px', join(ROOT, 'no-such.px'), '--as', 'beds']);
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain('no-such.px: no such file or folder');
  });

  it('help lists the formats and the presets', () => {
    const r = runCli(['import', '--help']);
    expect(r.code).toBe(0);
    for (const p of ['ssb-13942', 'ssb-13982', 'eurostat-hlth_rs_bds', 'eurostat-tps00047', 'who-mh-atlas', 'nmhss']) expect(r.stdout).toContain(p);
    expect(r.stdout).toMatch(/"jsonstat", "px",\s+"eurostat", "sdmx-csv", "gho", "nmhss"/);
    expect(existsSync(join(ROOT, 'dist/cli/commands/import.js'))).toBe(true);
  });
});
