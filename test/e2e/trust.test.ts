// End-to-end, SPEC §8 as a user meets it: --provenance FILE beside any format, the method line and
// section, a data folder without services.csv, --services none with --missing-community, and
// `servicegap explain` in text and JSON, equal to the report to the last digit.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIVE_REGIONS, ROOT, runCli, tempDir } from './run-cli.js';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(join(ROOT, path))).digest('hex');

describe('provenance', () => {
  it('--provenance FILE writes the JSON report\'s provenance beside a CSV; the inputs carry their hashes', () => {
    const dir = tempDir();
    const file = join(dir, 'provenance.json');
    const csv = runCli(['report', '--format', 'csv', '--provenance', file]);
    expect(csv.code, csv.context).toBe(0);
    expect(csv.stdout.split('\n')[0]).toMatch(/^rank,region,/); // CSV stays one row per region
    expect(csv.stderr).toContain(`wrote ${file} (provenance)`);
    const written = JSON.parse(readFileSync(file, 'utf8'));
    const json = JSON.parse(runCli(['report', '--format', 'json']).stdout);
    expect(written).toEqual(json.provenance);
    // each input file's SHA-256, hashed here from the file itself
    for (const input of written.inputs) expect(input.sha256, input.path).toBe(sha256(input.path));
    expect(written.inputs.map((i: { path: string }) => i.path)).toEqual(['data/regions.csv', 'data/population.csv', 'data/beds.csv', 'data/services.csv']);
    expect(readdirSync(dir)).toEqual(['provenance.json']);
    // the same file as --out is refused before anything is written
    const same = runCli(['report', '--out', file, '--provenance', file]);
    expect(same.code, same.context).toBe(2);
    expect(same.stderr).toContain('--provenance: the same file as --out');
  });

  it('a --provenance file that is an input of the run stops it before the output is written (exit 4)', () => {
    const dir = tempDir();
    const out = join(dir, 'report.csv');
    for (const args of [
      ['report', '--data', FIVE_REGIONS, '--out', out, '--provenance', join(FIVE_REGIONS, 'beds.csv')],
      ['report', '--data', FIVE_REGIONS, '--format', 'csv', '--provenance', join(FIVE_REGIONS, 'beds.csv')],
      ['trend', '--data', FIVE_REGIONS, '--format', 'csv', '--provenance', join(FIVE_REGIONS, 'population.csv')],
      ['explain', 'NO-SOR', '--data', FIVE_REGIONS, '--provenance', join(FIVE_REGIONS, 'regions.csv')],
    ]) {
      const r = runCli(args);
      expect(r.code, r.context).toBe(4);
      expect(r.stderr, r.context).toContain('it is an input of this run');
      expect(r.stdout, r.context).toBe('');
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('explain --provenance writes what explain --format json carries', () => {
    const file = join(tempDir(), 'p.json');
    const r = runCli(['explain', 'NO-SOR', '--data', FIVE_REGIONS, '--weights', 'high', '--provenance', file]);
    expect(r.code, r.context).toBe(0);
    const json = JSON.parse(runCli(['explain', 'NO-SOR', '--data', FIVE_REGIONS, '--weights', 'high', '--format', 'json']).stdout);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(json.provenance);
    expect(json.provenance.options.weights).toBe('high');
  });

  it('the table ends with one line naming the config and the weights not at their default; Markdown with "Method and sources"', () => {
    const dir = tempDir();
    const config = join(dir, 'mine.json');
    writeFileSync(config, '{"weights":{"crisis":{"teams":10}}}');
    const hash = createHash('sha256').update('{"weights":{"crisis":{"teams":10}}}').digest('hex');
    const table = runCli(['report', '--data', FIVE_REGIONS, '--config', config, '--no-color']);
    expect(table.code, table.context).toBe(0);
    expect(table.stdout.trimEnd().split('\n').at(-1)).toBe(
      `Method: config ${config} (sha256 ${hash.slice(0, 12)}); weights not at their default: crisis/teams 10 (5–25). Details: --format json (provenance) or --provenance FILE.`,
    );
    const md = runCli(['report', '--data', FIVE_REGIONS, '--config', config, '--format', 'markdown']);
    expect(md.stdout).toContain(`## Method and sources\n\nMade with servicegap `);
    expect(md.stdout).toContain(`Config: \`${config}\` (SHA-256 \`${hash}\`).`);
    expect(md.stdout).toContain(`| services | ${FIVE_REGIONS}/services.csv | 49 | UTF-8 | "," | point | \`${sha256(`${FIVE_REGIONS}/services.csv`)}\` |`);
    expect(md.stdout).toContain('| crisis / teams | 10 | 5–25 | config | set in the config file |');
  });
});

describe('missing community data', () => {
  it('validate: a data folder without services.csv is exit 3 naming what it holds; --services none is fine', () => {
    const r = runCli(['validate', '--data', 'fixtures/hostile/export']);
    expect(r.code, r.context).toBe(3);
    expect(r.stderr).toContain('fixtures/hostile/export/services.csv: the data folder has no services.csv (it holds beds.csv, population.csv, regions.csv).');
    expect(runCli(['validate', '--data', 'fixtures/hostile/export', '--services', 'none']).code).toBe(0);
  });

  it('--services none excludes every region with reason community, unless --missing-community zero', () => {
    const none = JSON.parse(runCli(['report', '--data', 'fixtures/hostile/export', '--services', 'none', '--format', 'json']).stdout);
    expect(none.regions).toEqual([]);
    expect(none.excluded.every((e: { reason: string }) => e.reason === 'community')).toBe(true);
    expect(none.provenance.options).toMatchObject({ services: 'none', missingCommunity: 'exclude' });
    const zero = JSON.parse(runCli(['report', '--data', 'fixtures/hostile/export', '--services', 'none', '--missing-community', 'zero', '--format', 'json']).stdout);
    expect(zero.regions).toHaveLength(6);
    // X1: beds 10 → 5, community 0 → 0: vacuum 5 / 1,000 × 100,000 = 500 per 100k
    const x1 = zero.regions.find((r: { region: string }) => r.region === 'X1');
    expect([x1.vacuum_per_100k, x1.flags]).toEqual([500, ['no_community_data']]);
  });
});

describe('the bundled default (Norway\'s health trusts 2015–2025) under SPEC §8', () => {
  it('every trust reports service rows, so none is excluded for community; the private hospital without a catchment is excluded for population', () => {
    const report = JSON.parse(runCli(['report', '--format', 'json']).stdout);
    expect([report.from, report.to]).toEqual([2015, 2025]);
    expect(report.regions).toHaveLength(21);
    // NKS Olaviken (987554401) has beds and services but no catchment area, so no population (data/README.md)
    expect(report.excluded).toEqual([{ region: '987554401', reason: 'population' }]);
    for (const r of report.regions) {
      expect(r.categories_not_reported, r.region).toEqual([]); // every trust reports cmhc and day_services
      expect(r.flags, r.region).not.toContain('no_community_data');
      expect(r.flags, r.region).not.toContain('partial_community');
    }
  });

  it('coverage: supported_living and crisis_teams are measured nowhere in it, so they are null for every trust and left out of the index', () => {
    const coverage = JSON.parse(runCli(['coverage', '--format', 'json']).stdout);
    expect(coverage.to).toBe(2025);
    for (const r of coverage.regions) {
      const [beds, living, teams] = r.norms;
      expect([beds.norm, living.norm, teams.norm]).toEqual(['psychiatric_beds', 'supported_living', 'crisis_teams']);
      for (const unmeasured of [living, teams]) expect(unmeasured, r.region).toMatchObject({ value: null, per_100k: null, coverage: null, gap: null });
      // the index is psychiatric_beds' coverage alone, capped at 1 (never (1 + 0 + 0) / 3 = 33 %)
      expect(r.coverage_index, r.region).toBe(Math.min(beds.coverage, 1));
    }
    // Helgelandssykehuset HF at 2025: 23 beds (beds.csv), no service beds; 63,381 residents:
    // 23 / 63,381 × 100,000 = 36.29 per 100k, / 28.1 = 1.29 → index 1
    const helgeland = coverage.regions.find((r: { region: string }) => r.region === '983974929');
    expect(helgeland.norms[0].value).toBe(23);
    expect(helgeland.norms[0].per_100k).toBeCloseTo(36.2885, 3);
    expect(helgeland.norms[0].coverage).toBeCloseTo(1.29140, 4);
    expect(helgeland.coverage_index).toBe(1);
    expect(coverage.excluded).toEqual([{ region: '987554401', reason: 'population' }]);
  });
});

describe('servicegap explain', () => {
  it('text: each value with its file, line and rule, the weights, products and sums, down to the rank', () => {
    const r = runCli(['explain', 'NO-MIDT', '--data', FIVE_REGIONS]);
    expect(r.code, r.context).toBe(0);
    const text = r.stdout;
    expect(text).toContain('Explain NO-MIDT (Helseregion Midt-Norge), 2000 → 2002');
    expect(text).toContain('B = 2000 (earliest beds year), T = 2002 (latest beds year)');
    expect(text).toMatch(/at B 2000: 761 \(the figure of that year\)\n\s+data\/examples\/norway-regions-2000-2002\/beds\.csv:\d+ {2}NO-MIDT {2}761/);
    expect(text).toContain('at T 2002: 633118 (carried forward from 2000)');
    expect(text).toContain('crisis / teams: weight 12.5, range 5–25 (default: CRHT');
    // 84 / 633,118 × 100,000, printed in full
    expect(text).toContain(`= 84 / 633118 × 100000 = ${(84 / 633118) * 100000}`);
    expect(text).toContain('not reported here, reported by other regions: outreach (flag partial_community)');
    expect(text).toMatch(/Rank 1 of 5 by vacuum_per_100k/);
  });

  it('an excluded region has no flags: its explanation lists the categories it lacks without naming a flag', () => {
    // worked-stock: FI-KAI has no population and no row in services.csv, so it is not ranked.
    const r = runCli(['explain', 'FI-KAI', '--data', join(ROOT, 'fixtures/worked-stock')]);
    expect(r.code, r.context).toBe(0);
    expect(r.stdout).toContain('  not reported here, reported by other regions: crisis, general_hospital, outreach, peer_support, supported_living, day_services\n');
    expect(r.stdout).not.toContain('flag partial_community');
    expect(r.stdout).toContain('Not ranked: unknown population, community.');
  });

  it('JSON: the same numbers as the report, to the last digit; an unknown region is a usage error', () => {
    const e = JSON.parse(runCli(['explain', 'NO-OST', '--data', FIVE_REGIONS, '--format', 'json', '--fill', 'linear']).stdout);
    // explain explains the point estimate: the report without its p5–p95 intervals (issue 16),
    // whose provenance says only that (interval false) beyond explain's.
    const report = JSON.parse(runCli(['report', '--data', FIVE_REGIONS, '--format', 'json', '--fill', 'linear', '--no-interval']).stdout);
    const { rank, ...metrics } = report.regions.find((x: { region: string }) => x.region === 'NO-OST');
    expect(e.metrics).toEqual(metrics);
    expect(e.rank.rank).toBe(rank);
    for (const step of e.steps) expect(step.value, step.metric).toBe(metrics[step.metric]);
    const pointOnly = (p: { options: Record<string, unknown> }) => {
      const { interval, ...options } = p.options;
      expect(interval).toBe(false);
      return { ...p, options };
    };
    expect(e.provenance).toEqual(pointOnly(report.provenance));
    // a data folder's own config (issue 14) is found by explain as by report: the same weights, numbers and provenance
    const atlas = 'fixtures/analysts/who-atlas-nordic';
    const de = JSON.parse(runCli(['explain', 'DEU', '--data', atlas, '--format', 'json']).stdout);
    const atlasReport = JSON.parse(runCli(['report', '--data', atlas, '--format', 'json', '--no-interval']).stdout);
    expect(atlasReport.provenance.config.path).toBe(`${atlas}/servicegap.config.json`);
    expect(de.provenance).toEqual(pointOnly(atlasReport.provenance));
    const { rank: _rank, ...deMetrics } = atlasReport.regions.find((x: { region: string }) => x.region === 'DEU');
    expect(de.metrics).toEqual(deMetrics);
    const bad = runCli(['explain', 'NO-OS', '--data', FIVE_REGIONS]);
    expect(bad.code, bad.context).toBe(2);
    expect(bad.stderr).toContain('REGION: unknown region "NO-OS" (not in regions.csv); did you mean "NO-OST"?');
  });
});
