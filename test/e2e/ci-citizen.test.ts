// servicegap in CI pipelines and the npm ecosystem (issue 8): gates, GitHub Actions, config
// discovery, colour, broken pipes, packaging, completion and init — each run as a user would.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, FIVE_REGIONS, ROOT, runCli, tempDir } from './run-cli.js';

const worked = join(ROOT, 'fixtures/worked-stock');

describe('CI gates', () => {
  it('--fail-if-any-excluded exits 1 after writing when a region is not ranked', () => {
    // worked-stock: FI-KAI has no population and no row in services.csv (SPEC §8) → excluded
    const r = runCli(['report', '--data', worked, '--format', 'json', '--fail-if-any-excluded']);
    expect(r.code, r.context).toBe(1);
    expect(JSON.parse(r.stdout).excluded).toEqual([{ region: 'FI-KAI', reason: 'population, community' }]);
    expect(r.stderr).toContain('--fail-if-any-excluded: 1 region(s) not ranked: FI-KAI (population, community)');
  });

  it('--fail-if-any-excluded passes (exit 0) when every region is ranked', () => {
    const r = runCli(['report', '--data', FIVE_REGIONS, '--format', 'json', '--fail-if-any-excluded']);
    expect(r.code, r.context).toBe(0);
  });

  it('both gates report together and still exit 1', () => {
    // FI-VS 8.28 per 100k is above 5; FI-KAI is excluded
    const r = runCli(['report', '--data', worked, '--format', 'csv', '--fail-above', '5', '--fail-if-any-excluded']);
    expect(r.code, r.context).toBe(1);
    expect(r.stderr).toMatch(/--fail-above 5: 1 region\(s\) above it: FI-VS \(8\.3\)/);
    expect(r.stderr).toMatch(/--fail-if-any-excluded/);
  });

  it('--fail-above 0 passes where every closed bed was replaced, though doubles leave 4e-16 (formulas.ts NOISE)', () => {
    // Both regions closed 2 beds; A added 12 − 10 supported-living places (weight 1), B 43 − 23 ACT
    // caseload (weight 0.1: 4.3 − 2.3000000000000003 = 1.9999999999999996). No vacuum anywhere.
    const dir = tempDir();
    writeFileSync(join(dir, 'regions.csv'), 'region,name\nA,Region A\nB,Region B\n');
    writeFileSync(join(dir, 'population.csv'), 'region,year,population\nA,2022,100000\nB,2022,100000\n');
    writeFileSync(join(dir, 'beds.csv'), 'region,year,beds\nA,2015,50\nA,2022,48\nB,2015,50\nB,2022,48\n');
    writeFileSync(join(dir, 'services.csv'), 'region,year,service,capacity,unit\nA,2015,supported_living,10,places\nA,2022,supported_living,12,places\nB,2015,ACT,23,caseload\nB,2022,ACT,43,caseload\n');
    const r = runCli(['report', '--data', dir, '--format', 'csv', '--no-interval', '--fail-above', '0']);
    expect(r.code, r.context).toBe(0);
    expect(r.stderr, r.context).not.toContain('above it');
  });

  it('a number option that is empty or not a decimal number is a usage error (exit 2), never 0', () => {
    // Number("") is 0 and Number("0x8") is 8: a CI job with an unset $THRESHOLD would have gated at 0.
    for (const [args, message] of [
      [['--fail-above', ''], '--fail-above: expected a number'],
      [['--fail-above', '  '], '--fail-above: expected a number'],
      [['--fail-above', '0x8'], '--fail-above: expected a number'],
      [['--seed', ''], '--seed: expected a whole number 0–4294967295'],
      [['--to', '0x7E6'], '--to: expected a year'],
      [['--top', '2e'], '--top: expected a whole number ≥ 1'],
    ] as const) {
      const r = runCli(['report', '--data', worked, '--format', 'csv', ...args]);
      expect(r.code, r.context).toBe(2);
      expect(r.stderr, r.context).toContain(message);
      expect(r.stdout, r.context).toBe('');
    }
    // An exponent is a decimal number: 1e1 is 10, above every region of the example (the largest,
    // FI-VS, has 8.28 per 100k), so the gate passes.
    const r = runCli(['report', '--data', worked, '--format', 'csv', '--fail-above', '1e1']);
    expect(r.code, r.context).toBe(0);
  });

  it('every command lists the exit codes in its help', () => {
    for (const command of ['report', 'validate', 'taxonomy']) {
      const r = runCli([command, '--help']);
      expect(r.code, r.context).toBe(0);
      expect(r.stdout).toContain('1   a CI gate tripped');
      expect(r.stdout).toContain('4   a file cannot be read or written');
    }
  });

  it('no colour when stdout is not a terminal and no colour variable is set', () => {
    const r = runCli(['report', '--data', FIVE_REGIONS]);
    expect(r.code, r.context).toBe(0);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('--quiet leaves only data on stdout and nothing on stderr', () => {
    const r = runCli(['report', '--data', FIVE_REGIONS, '--format', 'csv', '--quiet']);
    expect(r.code, r.context).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('GitHub Actions', () => {
  it('appends a Markdown summary (headline and top 10) to $GITHUB_STEP_SUMMARY', () => {
    const dir = tempDir();
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, '# earlier step\n');
    const r = runCli(['report', '--data', FIVE_REGIONS, '--format', 'json'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code, r.context).toBe(0);
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# earlier step\n')).toBe(true);
    expect(text).toContain('# Service vacuum 2000–2002');
    expect(text).toContain('**3 of 5 ranked regions have a service vacuum**');
    expect(text).toContain('| 1 | Helseregion Midt-Norge (NO-MIDT) |');
    // stdout still carries only the JSON report
    expect(JSON.parse(r.stdout).regions).toHaveLength(5);
  });

  it('the summary shows at most 10 regions', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'regions.csv'), 'region\n' + Array.from({ length: 12 }, (_, i) => `R${String(i).padStart(2, '0')}`).join('\n') + '\n');
    writeFileSync(join(dir, 'population.csv'), 'region,year,population\n' + Array.from({ length: 12 }, (_, i) => `R${String(i).padStart(2, '0')},2020,1000`).join('\n') + '\n');
    writeFileSync(join(dir, 'beds.csv'), 'region,year,beds\n' + Array.from({ length: 12 }, (_, i) => `R${String(i).padStart(2, '0')},2010,${i + 1}\nR${String(i).padStart(2, '0')},2020,0`).join('\n') + '\n');
    const summary = join(dir, 'summary.md');
    // no services.csv: none on purpose, counted as 0 (SPEC §8)
    const r = runCli(['report', '--data', dir, '--format', 'csv', '--services', 'none', '--missing-community', 'zero'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code, r.context).toBe(0);
    const rows = readFileSync(summary, 'utf8').split('\n').filter((l) => /^\| \d+ \|/.test(l));
    expect(rows).toHaveLength(10);
    expect(readFileSync(summary, 'utf8')).toContain('Showing the top 10 of 12 ranked regions.');
  });

  it('--no-summary leaves $GITHUB_STEP_SUMMARY alone', () => {
    const dir = tempDir();
    const summary = join(dir, 'summary.md');
    const r = runCli(['report', '--data', FIVE_REGIONS, '--format', 'json', '--no-summary'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code, r.context).toBe(0);
    expect(existsSync(summary)).toBe(false);
  });

  it('prints input errors as ::error annotations with file, line and column when GITHUB_ACTIONS=true', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'regions.csv'), 'region\nA\n');
    writeFileSync(join(dir, 'population.csv'), 'region,year,population\nA,2020,0\n');
    const r = runCli(['validate', '--data', dir], { env: { GITHUB_ACTIONS: 'true' } });
    expect(r.code, r.context).toBe(3);
    // population is the 3rd field: "A,2020," is 7 characters, so it starts in character column 8.
    // Annotations go to stderr (stdout carries data only).
    expect(r.stderr).toContain(`::error file=${dir}/population.csv,line=2,col=8::column "population": expected a number > 0, got "0"`);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('population.csv:2: column "population"');
  });

  it('prints no annotations outside GitHub Actions', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'regions.csv'), 'region\nA\n');
    writeFileSync(join(dir, 'population.csv'), 'region,year,population\nA,2020,0\n');
    const r = runCli(['validate', '--data', dir], { env: { GITHUB_ACTIONS: undefined } });
    expect(r.code, r.context).toBe(3);
    expect(r.stdout).toBe('');
  });
});

describe('config discovery', () => {
  // worked-stock FI-VS: outreach caseload +200; community change = 200 × weight
  const change = (r: ReturnType<typeof runCli>) =>
    JSON.parse(r.stdout).regions.find((x: { region: string }) => x.region === 'FI-VS').community_change_be;
  const setup = () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'servicegap.config.json'), JSON.stringify({ weights: { outreach: { caseload: 0.2 } } }));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', servicegap: { weights: { outreach: { caseload: 0.3 } } } }));
    writeFileSync(join(dir, 'explicit.json'), JSON.stringify({ weights: { outreach: { caseload: 0.4 } } }));
    writeFileSync(join(dir, 'env.json'), JSON.stringify({ weights: { outreach: { caseload: 0.5 } } }));
    return dir;
  };
  const args = ['report', '--data', worked, '--format', 'json'];

  it('--config wins over everything', () => {
    const dir = setup();
    const r = runCli([...args, '--config', 'explicit.json'], { cwd: dir, env: { SERVICEGAP_CONFIG: 'env.json' } });
    expect(change(r), r.context).toBeCloseTo(200 * 0.4, 9);
  });

  it('then SERVICEGAP_CONFIG as a path', () => {
    const dir = setup();
    const r = runCli(args, { cwd: dir, env: { SERVICEGAP_CONFIG: 'env.json' } });
    expect(change(r), r.context).toBeCloseTo(200 * 0.5, 9);
  });

  it('then servicegap.config.json in the working folder', () => {
    const r = runCli(args, { cwd: setup() });
    expect(change(r), r.context).toBeCloseTo(200 * 0.2, 9);
  });

  it('then the "servicegap" key of package.json', () => {
    const dir = setup();
    execFileSync('rm', [join(dir, 'servicegap.config.json')]);
    const r = runCli(args, { cwd: dir });
    expect(change(r), r.context).toBeCloseTo(200 * 0.3, 9);
  });

  it('SERVICEGAP_CONFIG=none turns discovery off (default weight 0.1)', () => {
    const r = runCli(args, { cwd: setup(), env: { SERVICEGAP_CONFIG: 'none' } });
    expect(change(r), r.context).toBeCloseTo(200 * 0.1, 9);
  });

  it('an invalid "servicegap" key in package.json is exit 3 naming it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ servicegap: { weight: {} } }));
    const r = runCli(args, { cwd: dir });
    expect(r.code, r.context).toBe(3);
    expect(r.stderr).toContain('package.json#servicegap: (top level)');
  });
});

describe('servicegap init', () => {
  it('writes a starter config and a data folder that validates clean', () => {
    const dir = tempDir();
    const r = runCli(['init'], { cwd: dir });
    expect(r.code, r.context).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['data', 'servicegap.config.json']);
    expect(readFileSync(join(dir, 'data/services.csv'), 'utf8')).toBe('region,year,service,capacity,unit\n');
    expect(readFileSync(join(dir, 'data/beds.csv'), 'utf8')).toBe('region,year,beds,bed_type,facility\n');
    const v = runCli(['validate', '--data', 'data'], { cwd: dir });
    expect(v.code, v.context).toBe(0);
  });

  it('refuses to overwrite without --force (exit 2), and overwrites with it', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'servicegap.config.json'), '{"aliases":{"x":"crisis"}}');
    const r = runCli(['init'], { cwd: dir });
    expect(r.code, r.context).toBe(2);
    expect(readFileSync(join(dir, 'servicegap.config.json'), 'utf8')).toBe('{"aliases":{"x":"crisis"}}');
    expect(runCli(['init', '--force'], { cwd: dir }).code).toBe(0);
    // Every default weight is written out to be edited in place (issue 14).
    expect(JSON.parse(readFileSync(join(dir, 'servicegap.config.json'), 'utf8')).weights.crisis.teams).toEqual({
      value: 12.5,
      low: 5,
      high: 25,
      source: 'CRHT: 20–30 patients at a time (England, Mental Health Policy Implementation Guide) × 0.5 substitution (assumption)',
    });
  });
});

describe('output plumbing', () => {
  it('a broken pipe (servicegap report | head -n 1) ends quietly with exit 0', () => {
    // ~3,000 regions make a CSV far larger than a pipe buffer, so head closes the pipe mid-write
    const dir = tempDir();
    const codes = Array.from({ length: 3000 }, (_, i) => `R${i}`);
    writeFileSync(join(dir, 'regions.csv'), `region,name\n${codes.map((c) => `${c},Region ${c} med et langt navn`).join('\n')}\n`);
    writeFileSync(join(dir, 'population.csv'), `region,year,population\n${codes.map((c) => `${c},2020,10000`).join('\n')}\n`);
    writeFileSync(join(dir, 'beds.csv'), `region,year,beds\n${codes.map((c) => `${c},2010,50\n${c},2020,40`).join('\n')}\n`);
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" report --data "${dir}" --services none --missing-community zero --format csv --quiet | head -n 1; echo "status=\${PIPESTATUS[0]}" >&2`], { encoding: 'utf8' });
    // exactly the header line that a full run starts with
    expect(r.stdout).toBe(`${runCli(['report', '--data', FIVE_REGIONS, '--format', 'csv']).stdout.split('\n')[0]}\n`);
    expect(r.stderr).toContain('status=0');
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });

  it('JSON, written in pieces (issue 18): whole to a file and to a pipe, and a reader that left ends quietly with exit 0', () => {
    const dir = tempDir();
    const codes = Array.from({ length: 3000 }, (_, i) => `R${i}`);
    writeFileSync(join(dir, 'regions.csv'), `region,name\n${codes.map((c) => `${c},Région ${c} → Øst`).join('\n')}\n`);
    writeFileSync(join(dir, 'population.csv'), `region,year,population\n${codes.map((c) => `${c},2020,10000`).join('\n')}\n`);
    writeFileSync(join(dir, 'beds.csv'), `region,year,beds\n${codes.map((c) => `${c},2010,50\n${c},2020,40`).join('\n')}\n`);
    const args = ['report', '--data', dir, '--services', 'none', '--missing-community', 'zero', '--format', 'json', '--quiet'];
    const piped = runCli(args);
    expect(piped.code).toBe(0);
    const report = JSON.parse(piped.stdout) as { regions: { name: string }[] };
    expect(report.regions).toHaveLength(3000);
    expect(report.regions[0]!.name).toMatch(/^Région R\d+ → Øst$/);
    // The same bytes through --out (the output writer takes the pieces too).
    const out = join(dir, 'report.json');
    expect(runCli([...args, '--out', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(piped.stdout);
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${BIN}" ${args.map((a) => `"${a}"`).join(' ')} | head -n 1; echo "status=\${PIPESTATUS[0]}" >&2`], { encoding: 'utf8' });
    expect(r.stdout).toBe('{\n');
    expect(r.stderr).toContain('status=0');
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });
});

describe('shell completion', () => {
  it('bash: valid syntax and every command', () => {
    const r = runCli(['completion', 'bash']);
    expect(r.code, r.context).toBe(0);
    for (const c of ['report', 'validate', 'taxonomy', 'init', 'completion']) expect(r.stdout).toContain(c);
    expect(r.stdout).toContain('--fail-above');
    const check = spawnSync('bash', ['-n'], { input: r.stdout, encoding: 'utf8' });
    expect(check.status, check.stderr).toBe(0);
    // sourced, it registers itself and completes commands and options
    const script = join(tempDir(), 'servicegap.bash');
    writeFileSync(script, r.stdout);
    const complete = (line: string) =>
      spawnSync('bash', ['-c', `source "${script}"; COMP_WORDS=(${line}); COMP_CWORD=$((\${#COMP_WORDS[@]} - 1)); _servicegap; echo "\${COMPREPLY[*]}"`], {
        encoding: 'utf8',
      }).stdout.trim();
    expect(complete('servicegap rep')).toBe('report');
    expect(complete('servicegap report --fail')).toBe('--fail-above --fail-if-any-excluded');
  });

  it('zsh: a #compdef script listing the commands', () => {
    const r = runCli(['completion', 'zsh']);
    expect(r.code, r.context).toBe(0);
    expect(r.stdout.startsWith('#compdef servicegap\n')).toBe(true);
    expect(r.stdout).toMatch(/'report:rank regions/);
  });

  it('an unknown shell is a usage error', () => {
    expect(runCli(['completion', 'fish']).code).toBe(2);
  });
});

describe('npm package', () => {
  it('packs only dist, data, schema, bin, README, licence and citation, installs into an empty folder and runs', () => {
    const work = tempDir();
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const files: string[] = packed[0].files.map((f: { path: string }) => f.path);
    const tops = [...new Set(files.map((f) => f.split('/')[0]))].sort();
    expect(tops).toEqual(['CITATION.cff', 'LICENSE', 'README.md', 'bin', 'data', 'dist', 'package.json', 'schema']);
    // issue 15: at most 1 MB; no source maps (their sources are not shipped); the CLI once (its
    // bundle, not also the compiled dist/cli); the library as its bundle plus type declarations
    expect(packed[0].size).toBeLessThanOrEqual(1_000_000);
    expect(files.filter((f) => f.endsWith('.map'))).toEqual([]);
    expect(files.filter((f) => f.startsWith('dist/cli/'))).toEqual([]);
    // (the launcher takes its version from package.json: no compiled file outside the bundles)
    expect(files.filter((f) => f.startsWith('dist/') && f.endsWith('.js') && !f.startsWith('dist/bundle/'))).toEqual([]);
    // runtime dependencies: exactly the packages the bundles import rather than contain, and the
    // types the shipped declarations import (a package's own, else its @types package: the map's
    // TopoJSON types, issue 19)
    const bundled = files.filter((f) => f.startsWith('dist/bundle/') && /\.c?js$/.test(f)).map((f) => readFileSync(join(ROOT, f), 'utf8'));
    // a package's name: its first path segment, or its first two for a scoped one (@resvg/resvg-js)
    const packageName = (spec: string) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
    const imported = new Set(bundled.flatMap((text) => [...text.matchAll(/(?:from ?|import\(|require\()"([^".][^"]*)"/g)].map((m) => packageName(m[1]!))).filter((name) => /^(@[a-z][\w.-]*\/)?[a-z][\w.-]*$/.test(name)));
    const builtins = new Set(['buffer', 'os', 'stream', 'string_decoder', 'util', 'fs', 'path', 'url', 'events', 'crypto', 'tty']);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const declarations = readFileSync(join(ROOT, 'dist/servicegap.d.ts'), 'utf8');
    const typed = [...declarations.matchAll(/^import .* from '([^'.][^']*)';$/gm)].map((m) => packageName(m[1]!));
    const typePackages = typed.map((name) => (existsSync(join(ROOT, 'node_modules', name, 'package.json')) ? name : `@types/${name}`));
    expect([...new Set([...imported, ...typePackages])].filter((name) => !builtins.has(name)).sort()).toEqual(Object.keys(pkg.dependencies).sort());
    const project = join(work, 'project');
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), '{"name":"consumer","version":"1.0.0","private":true}');
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', join(work, packed[0].filename)], { cwd: project, stdio: 'ignore' });
    // The command npm linked for the package's "bin", run as npx would run it (the link itself,
    // so its shebang and mode are what is tried), without npx's own start of npm for each command.
    const servicegap = join(project, 'node_modules/.bin/servicegap');
    const run = spawnSync(servicegap, ['report', '--format', 'json'], { cwd: project, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    // The bundled default's first region, worked by hand in test/default-data.test.ts: Sykehuset Innlandet.
    expect(JSON.parse(run.stdout).regions[0].region).toBe('983971709');
    // the library entry: import by name, run and analyse (the bundled data's top region)
    const lib = spawnSync(process.execPath, ['--input-type=module', '-e', "import { runReport } from 'servicegap'; const { report } = await runReport(); console.log(report.regions[0].region);"], { cwd: project, encoding: 'utf8' });
    expect(lib.status, lib.stderr).toBe(0);
    expect(lib.stdout.trim()).toBe('983971709');
    const version = spawnSync(servicegap, ['--version'], { cwd: project, encoding: 'utf8' });
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    // the shipped JSON Schema is what `servicegap schema` prints (issue 6)
    const schema = spawnSync(servicegap, ['schema'], { cwd: project, encoding: 'utf8' });
    expect(schema.stdout).toBe(readFileSync(join(project, 'node_modules/servicegap/schema/report.schema.json'), 'utf8'));
    // require('servicegap') from a CommonJS file of the consumer (issue 16)
    // (the same run as the ES module above: the bundled data's top region, with its intervals by default)
    writeFileSync(
      join(project, 'use.cjs'),
      "require('servicegap').runReport().then(({ report }) => process.stdout.write(`${report.regions[0].region} ${report.interval.draws}`));",
    );
    const cjs = spawnSync(process.execPath, ['use.cjs'], { cwd: project, encoding: 'utf8' });
    expect(cjs.status, cjs.stderr).toBe(0);
    expect(cjs.stdout).toBe('983971709 500');
    // require() lists the names import does, no more: the CLI's own `run` and `main` stay unlisted.
    const names = spawnSync(
      process.execPath,
      ['--input-type=module', '-e', "import { createRequire } from 'node:module'; import * as esm from 'servicegap'; const cjs = createRequire(process.cwd() + '/x.js')('servicegap'); console.log(JSON.stringify([Object.keys(cjs).sort(), Object.keys(esm).sort()]));"],
      { cwd: project, encoding: 'utf8' },
    );
    const [fromRequire, fromImport] = JSON.parse(names.stdout) as [string[], string[]];
    expect(fromRequire).toEqual(fromImport);
    expect(fromRequire).not.toContain('run');
    // Types for both entries: a CommonJS file of a "module": "node16" project type-checks against
    // the package's .d.cts, an ES module file against its .d.ts (one .d.ts served both before, and
    // `import sg = require('servicegap')` failed with TS1471).
    writeFileSync(join(project, 'use.cts'), "import sg = require('servicegap');\nconst run: Promise<sg.ReportRun> = sg.runReport({ top: 3 });\nvoid run;\n");
    writeFileSync(join(project, 'use.mts'), "import { runReport, type ReportRun } from 'servicegap';\nconst run: Promise<ReportRun> = runReport({ top: 3 });\nvoid run;\n");
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--noEmit', '--strict', '--module', 'node16', '--moduleResolution', 'node16', '--skipLibCheck', 'use.cts', 'use.mts'], { cwd: project, encoding: 'utf8' });
    expect(tsc.status, tsc.stdout + tsc.stderr).toBe(0);
  }, 120_000);
});
