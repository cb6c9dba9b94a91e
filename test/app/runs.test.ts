// The application layer in-process, as a library caller uses it: options checked as the command
// line checks them (the same OptionError messages), the output and the CI gates as data.
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { runBatch } from '../../src/app/batch.js';
import { runCompare } from '../../src/app/compare.js';
import { runCoverage } from '../../src/app/coverage.js';
import { runExplain } from '../../src/app/explain.js';
import { OptionError } from '../../src/app/errors.js';
import { runReport } from '../../src/app/report.js';
import { runTrend } from '../../src/app/trend.js';
import { runValidate } from '../../src/app/validate.js';
import { renderOutput } from '../../src/report/registry.js';

const ROOT = resolve(import.meta.dirname, '../..');
const worked = { data: join(ROOT, 'fixtures/worked-stock') };

/** The OptionError a run ends with: [option, message]. */
async function optionError(run: Promise<unknown>): Promise<[string | undefined, string]> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OptionError);
  return [(error as OptionError).option, (error as OptionError).message];
}

describe('runReport', () => {
  it('ranks the worked stock example and evaluates the gates on the whole ranking', async () => {
    // README "A worked example": FI-VS −60 beds + 200 caseload × 0.1 = −40 → 40 / 483,000 × 100,000
    const run = await runReport({ inputs: worked, config: {}, top: 1, failAbove: 8.28, failIfAnyExcluded: true });
    expect(run.report.regions[0]!.region).toBe('FI-VS');
    expect(run.report.regions[0]!.vacuum_per_100k).toBeCloseTo((40 / 483_000) * 100_000, 10);
    expect(run.output.kind).toBe('report');
    expect(run.output.kind === 'report' && run.output.data.regions.map((r) => r.region)).toEqual(['FI-VS']);
    // FI-VS is first, so no other region is above its 8.2816; FI-KAI has no population figure and
    // no row in services.csv, so both inputs are unknown (SPEC §8: reason 'population, community').
    expect(run.gates).toEqual({
      checked: ['--fail-above 8.28', '--fail-if-any-excluded'],
      tripped: true,
      messages: ['--fail-above 8.28: 1 region(s) above it: FI-VS (8.3)', '--fail-if-any-excluded: 1 region(s) not ranked: FI-KAI (population, community)'],
    });
    const calm = await runReport({ inputs: worked, config: {}, failAbove: 8.29 });
    expect(calm.gates).toEqual({ checked: ['--fail-above 8.29'], tripped: false, messages: [] });
  });

  it('picks the format from out, colours only a table to standard output, and renders Excel CSV', async () => {
    const md = await runReport({ inputs: worked, config: {}, out: 'r.MD', color: true });
    expect([md.output.format, md.context.color]).toEqual(['markdown', false]);
    const table = await runReport({ inputs: worked, config: {}, color: true });
    expect([table.output.format, table.context.color]).toEqual(['table', true]);
    const excel = await runReport({ inputs: worked, config: {}, excel: true });
    expect(excel.output.format).toBe('excel');
    const text = await renderOutput(excel.output);
    // Every format but a workbook renders to text.
    if (typeof text !== 'string') throw new Error(`Excel CSV rendered to ${typeof text}`);
    expect(text.startsWith('\uFEFFrank;region;')).toBe(true);
    expect(text).toContain('\r\n');
    expect(text).toContain('8,28'); // decimal comma
  });

  it('refuses what the command line refuses, with the same messages, before reading anything', async () => {
    // issue 16: --seed also seeds the p5–p95 intervals (on by default), so it is refused only when nothing is drawn
    expect(await optionError(runReport({ seed: 3, interval: false }))).toEqual(['seed', '--seed: nothing is drawn under --no-interval without --sensitivity']);
    expect(await optionError(runReport({ correlation: 'category', interval: false }))).toEqual([
      'correlation',
      '--correlation: nothing is drawn under --no-interval without --sensitivity',
    ]);
    expect(await optionError(runReport({ intervalDraws: 10, interval: false }))).toEqual(['intervalDraws', '--interval-draws and --no-interval exclude each other']);
    expect(await optionError(runReport({ drawsOut: 'd.csv' }))).toEqual(['drawsOut', '--draws-out: only used with --sensitivity']);
    expect(await optionError(runReport({ sensitivity: 10, drawsOut: 'd.txt' }))).toEqual([
      'drawsOut',
      '--draws-out d.txt: the draws are written as csv or parquet; give a file name ending in .csv or .parquet',
    ]);
    expect(await optionError(runReport({ sensitivity: 10, weights: 'low' }))).toEqual([
      'weights',
      "--weights low and --sensitivity exclude each other: the draws span every weight's range",
    ]);
    expect(await optionError(runReport({ excel: true, format: 'json' }))).toEqual(['excel', '--excel writes CSV: it cannot be combined with --format json']);
    expect(await optionError(runReport({ threads: 0 }))).toEqual(['threads', '--threads: expected "auto" or a whole number ≥ 1']);
    // The runs whose threads only read check them the same way.
    for (const run of [runCoverage({ threads: 0 }), runTrend({ threads: 1.5 }), runValidate({ threads: 0 }), runCompare({ a: '2015-2018', b: '2015-2022', threads: -1 })]) {
      expect(await optionError(run)).toEqual(['threads', '--threads: expected "auto" or a whole number ≥ 1']);
    }
    // A gate with no input would check the bundled demo data (issue 15): refused for the library too.
    const [option, message] = await optionError(runReport({ failAbove: 1, failIfAnyExcluded: true, cwd: worked.data }));
    expect([option, message]).toEqual([
      'inputs',
      "--fail-above and --fail-if-any-excluded: no input was given, so this would check servicegap's bundled demo data, not yours: give --data DIR (or --regions F and --population F)",
    ]);
    expect(await optionError(runReport({ from: 1700 }))).toEqual(['from', '--from: expected a year ≥ 1800']);
    expect(await optionError(runReport({ sensitivity: 0 }))).toEqual(['sensitivity', '--sensitivity: expected a number of draws 1–1000000']);
    expect(await optionError(runReport({ inputs: { regions: '-', population: '-' } }))).toEqual([
      undefined,
      'standard input ("-") can be used for at most one input file',
    ]);
    expect(await optionError(runReport({ reading: { decimal: ',', thousands: ',' } }))).toEqual([
      'thousands',
      '--thousands ,: the thousands separator cannot be the decimal mark too',
    ]);
    // (.xlsx now names the workbook, which a trend comes as: an extension that names nothing.)
    expect(await optionError(runTrend({ out: 'trend.pdf' }))).toEqual([
      'out',
      '--out trend.pdf: cannot tell the trend format from the extension; give --format (table, csv, json, markdown, html, xlsx, long, parquet)',
    ]);
    expect(await optionError(runCompare({ a: '2000-2001', b: '2001-2002', format: 'html' as never }))).toEqual([
      'format',
      '--format html: the comparison comes as table, csv, json, markdown, not html',
    ]);
  });

  it("says what an option takes in words, not in zod's", async () => {
    expect(await optionError(runReport({ top: 1.5 }))).toEqual(['top', '--top: expected a whole number ≥ 1']);
    expect(await optionError(runReport({ top: 'x' as never }))).toEqual(['top', '--top: expected a whole number ≥ 1']);
    expect(await optionError(runReport({ fill: 'x' as never }))).toEqual(['fill', '--fill: expected one of carry, none, linear, got "x"']);
    expect(await optionError(runReport({ weights: 'mid' as never }))).toEqual(['weights', '--weights: expected one of value, low, high, got "mid"']);
    const [option, message] = await optionError(runReport({ sort: 'vacuum' as never }));
    expect(option).toBe('sort');
    expect(message).toMatch(/^--sort: expected one of vacuum_per_100k, vacuum_be, .*, coverage_index, got "vacuum"$/);
  });
});

describe('explain at a corner of the weights (report --weights low|high)', () => {
  it("gives the report's numbers at that corner, region by region, and names the corner in its provenance", async () => {
    for (const corner of ['low', 'high'] as const) {
      const report = await runReport({ inputs: worked, weights: corner, interval: false });
      for (const region of report.report.regions) {
        const { explanation } = await runExplain({ inputs: worked, region: region.region, weights: corner });
        const step = (metric: string) => explanation.steps.find((s) => s.metric === metric)!.value;
        expect([step('community_to_be'), step('vacuum_per_100k')], `${corner} ${region.region}`).toEqual([region.community_to_be, region.vacuum_per_100k]);
      }
      const { provenance } = await runExplain({ inputs: worked, region: 'FI-VS', weights: corner });
      expect(provenance.options.weights).toBe(corner);
      expect(provenance.weights.find((w) => w.category === 'crisis' && w.unit === 'teams')!.set_by).toBe('option');
    }
    // At the values the explanation is the default one: no corner in its provenance.
    expect((await runExplain({ inputs: worked, region: 'FI-VS' })).provenance.options.weights).toBeUndefined();
  });

  it('refuses what report refuses: an unknown corner, a provenance file that is standard output', async () => {
    expect(await optionError(runExplain({ inputs: worked, region: 'FI-VS', weights: 'middle' as never }))).toEqual(['weights', '--weights: expected one of value, low, high, got "middle"']);
    expect(await optionError(runExplain({ inputs: worked, region: 'FI-VS', provenance: '-' }))).toEqual(['provenance', '--provenance: expected a file (standard output carries the output itself)']);
  });
});

// A JavaScript caller has no type checker to say that a run's required argument is missing: the
// run says it, as an OptionError naming the argument, before reading anything.
describe('required arguments of the runs', () => {
  it('explain without a region, or with one that is not a text', async () => {
    expect(await optionError(runExplain({ inputs: worked } as never))).toEqual(['region', 'region: expected the code of a region, got nothing']);
    expect(await optionError(runExplain({ inputs: worked, region: 7 } as never))).toEqual(['region', 'region: expected the code of a region, got 7']);
    expect(await optionError(runExplain({ inputs: worked, region: '' }))).toEqual(['region', 'region: expected the code of a region, got ""']);
  });

  it('no options object at all', async () => {
    expect(await optionError(runExplain(undefined as never))).toEqual([undefined, 'options: expected an object of options, got nothing']);
    expect(await optionError(runReport('worked' as never))).toEqual([undefined, 'options: expected an object of options, got "worked"']);
  });

  it('compare without its sides, or with a side of no known kind', async () => {
    const expected = 'a period ("2010-2015"), a data folder, a config file (.json), or { kind: "years" | "data" | "config", … }';
    expect(await optionError(runCompare({ inputs: worked } as never))).toEqual(['a', `a: expected ${expected}, got nothing`]);
    expect(await optionError(runCompare({ inputs: worked, a: '2015-2018' } as never))).toEqual(['b', `b: expected ${expected}, got nothing`]);
    expect(await optionError(runCompare({ inputs: worked, a: { kind: 'period' } as never, b: '2015-2018' }))).toEqual(['a', 'a.kind: expected kind "years", "data" or "config"']);
    expect(await optionError(runCompare({ inputs: worked, a: { kind: 'years', from: 2020, to: 2015 }, b: '2015-2018' }))).toEqual(['a', 'a.from: expected from ≤ to']);
  });

  it('compare with sides given as objects runs as with the same sides given as text', async () => {
    const objects = await runCompare({ inputs: worked, a: { kind: 'years', from: 2015, to: 2018 }, b: { kind: 'years', from: 2015, to: 2022 } });
    const texts = await runCompare({ inputs: worked, a: '2015-2018', b: '2015-2022' });
    expect(objects.comparison).toEqual(texts.comparison);
  });

  it('batch without scenarios, with none, or with one that breaks the scenario schema', async () => {
    expect(await optionError(runBatch({ inputs: worked } as never))).toEqual(['scenarios', 'scenarios: expected a scenario file or a list of scenarios, got nothing']);
    expect(await optionError(runBatch({ inputs: worked, scenarios: [] }))).toEqual(['scenarios', 'scenarios: expected a scenario file or a list of scenarios, got a list']);
    const [option, message] = await optionError(runBatch({ inputs: worked, scenarios: [{ nam: 'x' }] as never }));
    expect(option).toBe('scenarios');
    expect(message).toMatch(/^scenarios\.0\.name: /);
  });
});

describe('SPEC §8 options in the runs (issue 13: the library refuses what the CLI refuses)', () => {
  it('refuses a provenance file that is standard output or the output itself, and an unknown missing-community mode', async () => {
    expect(await optionError(runReport({ provenance: '-' }))).toEqual(['provenance', '--provenance: expected a file (standard output carries the output itself)']);
    expect(await optionError(runCoverage({ out: 'c.json', provenance: 'c.json' }))).toEqual(['provenance', '--provenance: the same file as --out']);
    const [option, message] = await optionError(runTrend({ missingCommunity: 'bogus' as never }));
    expect(option).toBe('missingCommunity');
    expect(message).toMatch(/^--missing-community: /);
    expect(await optionError(runExplain({ region: 'FI-VS', from: 1700 }))).toEqual(['from', '--from: expected a year ≥ 1800']);
  });

  it('returns the provenance of its output; explain gives the report\'s numbers for a region', async () => {
    const run = await runReport({ inputs: worked, config: {} });
    expect(run.provenance).toBe(run.report.provenance);
    // the four files of the worked example, each with a SHA-256; a config object is no config file
    expect(run.provenance.inputs.map((i) => [i.role, /^[0-9a-f]{64}$/.test(i.sha256 ?? '')])).toEqual([
      ['regions', true],
      ['population', true],
      ['beds', true],
      ['services', true],
    ]);
    expect(run.provenance.config).toBeNull();
    const explained = await runExplain({ region: 'FI-VS', inputs: worked, config: {}, format: 'json' });
    const ranked = run.report.regions.find((r) => r.region === 'FI-VS')!;
    // README "A worked example": 40 / 483,000 × 100,000, the same bits as the report's
    expect(explained.explanation.metrics?.vacuum_per_100k).toBe(ranked.vacuum_per_100k);
    expect(explained.explanation.rank?.rank).toBe(ranked.rank);
    expect([explained.output.kind, explained.output.format]).toEqual(['explain', 'json']);
    const text = await renderOutput(explained.output);
    expect(typeof text).toBe('string');
    expect(JSON.parse(text as string).region).toBe('FI-VS');
  });
});

describe('runValidate', () => {
  it('says what the worked stock example holds', async () => {
    const run = await runValidate({ inputs: worked, config: {} });
    // regions.csv: FI-PIR, FI-VS, FI-KS, FI-LAP, FI-KAI; beds as stock 2015–2022
    expect(run.regions).toBe(5);
    expect(run.beds).toBe('stock');
    expect(run.bedYears).toEqual({ first: 2015, last: 2022 });
    expect(Object.keys(run.files).sort()).toEqual(['beds', 'population', 'regions', 'services']);
  });
});

// Maps (issue 19) from the library: the options the CLI's --geo, --geo-key and --charts-dir set.
describe('maps and chart files in the runs', () => {
  // Beds only (Eurostat): run without community data on purpose, counted as 0 (SPEC §8).
  const europe = { data: join(ROOT, 'data/examples/europe-psychiatric-beds-2000-2011'), services: 'none' };

  it('refuses a geo key without a boundary file, and empty names, as the command line does', async () => {
    expect(await optionError(runReport({ inputs: europe, format: 'html', geoKey: 'code' }))).toEqual(['geoKey', '--geo-key: only used with --geo FILE']);
    expect(await optionError(runCoverage({ geo: '' }))).toEqual(['geo', '--geo: expected a file name']);
    expect(await optionError(runReport({ chartsDir: '' }))).toEqual(['chartsDir', '--charts-dir: expected a folder name']);
  });

  it('runCoverage html: the bundled country shapes in the context, one per region shown', async () => {
    const run = await runCoverage({ inputs: europe, config: false, format: 'html', missingCommunity: 'zero' });
    const map = run.output.kind === 'coverage' ? run.output.context.map : undefined;
    expect(map?.source).toMatch(/bundled country boundaries/);
    const matched = new Set(map!.topology.objects.shapes.type === 'GeometryCollection' ? map!.topology.objects.shapes.geometries.map((g) => (g.properties && 'region' in g.properties ? g.properties.region : undefined)).filter(Boolean) : []);
    // every region of the example is a European country code (Eurostat's EL and UK included): all have a shape
    const codes = [...run.coverage.regions.map((r) => r.region), ...run.coverage.excluded.map((e) => e.region)];
    expect([...matched].sort()).toEqual([...codes].sort());
    expect(map!.regionsWithoutShape).toEqual([]);
    // a JSON coverage report loads no map
    const json = await runCoverage({ inputs: europe, config: false, format: 'json', missingCommunity: 'zero' });
    expect(json.output.kind === 'coverage' ? json.output.context.map : 'x').toBeUndefined();
    expect(json.notes).toEqual([]);
  });

  it('runReport chartsDir writes the chart files whatever the format, and says which', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-charts-'));
    try {
      const run = await runReport({ inputs: europe, config: false, format: 'json', top: 1, chartsDir: dir, missingCommunity: 'zero' });
      const a = run.report.regions[0]!.region;
      const names = ['vacuum-per-100k', `breakdown-${a}`, `trend-${a}`, 'map-vacuum', 'map-coverage', 'map-rate-drop'];
      expect(run.charts?.charts).toBe(names.length);
      const files = names.flatMap((n) => [`${n}.svg`, ...(run.charts!.png ? [`${n}.png`] : [])]);
      expect(readdirSync(dir).sort()).toEqual([...files].sort());
      expect(run.charts!.files.map((f) => f.slice(dir.length + 1)).sort()).toEqual([...files].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('explain of a unit whose regions lack a year (--level)', () => {
  it("cites each region's row at the year its figure came from: C1's carried 2010 row and C2's 2015 row, not C2's 2010 row", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'servicegap-parts-'));
    try {
      writeFileSync(join(dir, 'regions.csv'), 'region,parent\nP,\nC1,P\nC2,P\n');
      writeFileSync(join(dir, 'population.csv'), 'region,year,population\nC1,2015,100000\nC2,2015,100000\n');
      // Lines: 2 C1 2010, 3 C1 2020, 4 C2 2010, 5 C2 2015, 6 C2 2020.
      writeFileSync(join(dir, 'beds.csv'), 'region,year,beds\nC1,2010,100\nC1,2020,60\nC2,2010,50\nC2,2015,50\nC2,2020,50\n');
      writeFileSync(join(dir, 'services.csv'), 'region,year,service,capacity,unit\nC1,2010,crisis,1,teams\nC2,2010,crisis,1,teams\n');
      const { explanation } = await runExplain({ inputs: { data: dir }, region: 'P', level: 1, to: 2015 });
      const to = explanation.beds.to!;
      expect([to.value, to.rule, to.source_years]).toEqual([150, 'carried_forward', [2010, 2015]]);
      expect(to.rows.map((r) => [r.region, r.line, r.value])).toEqual([
        ['C1', 2, 100],
        ['C2', 5, 50],
      ]);
      // At B every region has its figure of the year: the rows of 2010, the rule exact.
      const from = explanation.beds.from!;
      expect([from.value, from.rule, from.rows.map((r) => r.line)]).toEqual([150, 'exact', [2, 4]]);
      // The numbers are the report's.
      const report = await runReport({ inputs: { data: dir }, level: 1, to: 2015, interval: false });
      expect(report.report.regions[0]).toMatchObject({ region: 'P', beds_from: 150, beds_to: 150, vacuum_be: 0, flags: ['carried_forward'] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('a config given as an object (the library)', () => {
  it('is named in the provenance as a config object, with the SHA-256 of its JSON, keys sorted', async () => {
    const config = { weights: { crisis: { teams: 20 } }, aliases: { 'fancy thing': 'crisis' as const } };
    const run = await runReport({ inputs: worked, config, interval: false });
    // The same object written by hand with its keys in order: aliases before weights.
    const sha256 = createHash('sha256').update('{"aliases":{"fancy thing":"crisis"},"weights":{"crisis":{"teams":20}}}').digest('hex');
    expect(run.provenance.config).toEqual({ path: '<config object>', sha256 });
    // Keys in another order: the same record.
    const reordered = await runReport({ inputs: worked, config: { aliases: { 'fancy thing': 'crisis' }, weights: { crisis: { teams: 20 } } }, interval: false });
    expect(reordered.provenance.config).toEqual(run.provenance.config);
    // Its Markdown names it, instead of saying that no config set the weights.
    const md = renderOutput((await runReport({ inputs: worked, config, interval: false, format: 'markdown' })).output);
    expect(await md).toContain(`Config: \`\\<config object\\>\` (SHA-256 \`${sha256}\`)`);
    expect(await md).not.toContain('No config file');
    // An empty object sets nothing: no config, as without one.
    expect((await runReport({ inputs: worked, config: {}, interval: false })).provenance.config).toBeNull();
  });
});
