// Issue 15, deliverables 2, 3 and 5 as a pipeline and a hostile file meet them; run in-process
// (run-main.ts) for speed.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { progressBar } from '../../src/cli/progress.js';
import type { Terminal } from '../../src/cli/terminal.js';
import { ROOT, tempDir } from './run-cli.js';
import { runMain } from './run-main.js';

const worked = join(ROOT, 'fixtures/worked-stock');

function dataset(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('GitHub Actions annotations', () => {
  it('warnings with a file get ::warning on stderr, never on stdout', async () => {
    // no beds file: "no beds file: institutional bed change counts as 0" is a warning naming beds.csv
    const dir = dataset({
      'regions.csv': 'region\nA\n',
      'population.csv': 'region,year,population\nA,2020,100\n',
      'services.csv': 'region,year,service,capacity,unit\nA,2020,crisis,1,beds\n',
    });
    const r = await runMain(['validate', '--data', dir], { env: { GITHUB_ACTIONS: 'true' } });
    expect(r.code, r.context).toBe(0);
    expect(r.stderr).toContain('::warning file=beds.csv::no beds file: institutional bed change counts as 0');
    expect(r.stdout).not.toContain('::');
  });

  it('an unwritable step summary is a warning; the tripped gate still exits 1, with its ::error', async () => {
    const r = await runMain(['report', '--data', worked, '--format', 'json', '--fail-above', '5', '--quiet'], {
      env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: join(tempDir(), 'no', 'such', 'summary.md') },
    });
    expect(r.code, r.context).toBe(1);
    expect(r.stderr).toMatch(/^warning: the step summary was not written: cannot write .*summary\.md: no such file or folder$/m);
    expect(r.stderr).toContain('::error title=servicegap gate::--fail-above 5: 1 region(s) above it: FI-VS (8.3)');
    expect(JSON.parse(r.stdout).regions).toHaveLength(4); // worked-stock ranks 4 regions
  });

  it('gates that pass are named in the step summary', async () => {
    const summary = join(tempDir(), 'summary.md');
    const r = await runMain(['report', '--data', worked, '--format', 'json', '--fail-above', '100'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code, r.context).toBe(0);
    expect((await import('node:fs')).readFileSync(summary, 'utf8')).toContain('**Gates passed:** `--fail-above 100`.');
  });
});

describe('a forgotten --data', () => {
  it('a gate on the bundled demo data is a usage error naming --data (and the data folder here)', async () => {
    const cwd = tempDir();
    mkdirSync(join(cwd, 'data'));
    writeFileSync(join(cwd, 'data', 'regions.csv'), 'region\n');
    const r = await runMain(['report', '--fail-above', '10', '--fail-if-any-excluded'], { cwd });
    expect(r.code, r.context).toBe(2);
    expect(r.stderr).toBe(
      "servicegap: --fail-above and --fail-if-any-excluded: no input was given, so this would check servicegap's bundled demo data, not yours: " +
        'give --data DIR (or --regions F and --population F); there is a data folder here: did you mean --data data?\n',
    );
  });

  it('in CI a run on the demo data says so on stderr, even with --quiet; not outside CI', async () => {
    const cwd = tempDir();
    const ci = await runMain(['report', '--format', 'json', '--quiet'], { env: { CI: 'true' }, cwd });
    expect(ci.code, ci.context).toBe(0);
    expect(ci.stderr).toBe('servicegap: no --data given: this run uses the bundled demo data, not yours\n');
    const local = await runMain(['report', '--format', 'json', '--quiet'], { env: {}, cwd });
    expect(local.stderr).toBe('');
    const given = await runMain(['report', '--data', worked, '--format', 'json', '--quiet'], { env: { CI: 'true' } });
    expect(given.stderr).toBe('');
  });

  it('the progress bar stays off whenever CI is set, even on a terminal', () => {
    const terminal = (env: NodeJS.ProcessEnv) => ({ stderr: { isTTY: true, write: () => true }, env }) as unknown as Terminal;
    expect(progressBar(terminal({}), false)).toBeTypeOf('function');
    expect(progressBar(terminal({ CI: 'true' }), false)).toBeUndefined();
    expect(progressBar(terminal({ CI: '1' }), false)).toBeUndefined();
    expect(progressBar(terminal({ CI: 'false' }), false)).toBeTypeOf('function');
  });
});

describe('--no-config', () => {
  it('ignores servicegap.config.json and SERVICEGAP_CONFIG: the default weights', async () => {
    // worked-stock FI-VS: outreach caseload +200; community change = 200 × weight (default 0.1)
    const cwd = tempDir();
    writeFileSync(join(cwd, 'servicegap.config.json'), JSON.stringify({ weights: { outreach: { caseload: 0.2 } } }));
    const change = (stdout: string) => JSON.parse(stdout).regions.find((x: { region: string }) => x.region === 'FI-VS').community_change_be;
    const found = await runMain(['report', '--data', worked, '--format', 'json'], { cwd });
    expect(change(found.stdout)).toBeCloseTo(200 * 0.2, 9);
    const none = await runMain(['report', '--data', worked, '--format', 'json', '--no-config'], { cwd, env: { SERVICEGAP_CONFIG: 'x.json' } });
    expect(none.code, none.context).toBe(0);
    expect(change(none.stdout)).toBeCloseTo(200 * 0.1, 9);
  });
});

describe('validate --format json|sarif', () => {
  const invalid = () =>
    dataset({
      'regions.csv': 'region,name\nA,Alpha\n',
      'population.csv': 'region,year,population\nA,2020,0\n"A",2021,x\n',
      // required in a data folder (SPEC §8); no rows: the problems are the population file's
      'services.csv': 'region,year,service,capacity,unit\n',
    });

  it('json: every problem with its line and character column, exit 3', async () => {
    const dir = invalid();
    const r = await runMain(['validate', '--data', dir, '--format', 'json']);
    expect(r.code, r.context).toBe(3);
    const doc = JSON.parse(r.stdout);
    expect(doc.valid).toBe(false);
    // `A,2020,` is 7 characters and `"A",2021,` 9: the population field starts in columns 8 and 10
    expect(doc.issues.map((i: { line: number; column: number }) => [i.line, i.column])).toEqual([
      [2, 8],
      [3, 10],
    ]);
  });

  it('sarif: SARIF 2.1.0 with a region (line, column) per problem, a relative URI, and no results when clean', async () => {
    const dir = invalid();
    const r = await runMain(['validate', '--data', dir, '--format', 'sarif'], { cwd: dir });
    expect(r.code, r.context).toBe(3);
    const sarif = JSON.parse(r.stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].tool.driver.name).toBe('servicegap');
    const result = sarif.runs[0].results[0];
    expect(result).toMatchObject({ ruleId: 'invalid-input', level: 'error', message: { text: 'column "population": expected a number > 0, got "0"' } });
    expect(result.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'population.csv' }, region: { startLine: 2, startColumn: 8 } });
    const clean = await runMain(['validate', '--data', worked, '--format', 'sarif']);
    expect(clean.code, clean.context).toBe(0);
    expect(JSON.parse(clean.stdout).runs[0].results.filter((x: { level: string }) => x.level === 'error')).toEqual([]);
  });
});
