// The composite GitHub Action (action.yml): its steps run scripts/action.sh, and this test runs
// that script as the action does — the inputs as INPUT_* variables, GITHUB_* files in a temp
// folder — on the built repository.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './run-cli.js';

const SCRIPT = join(ROOT, 'scripts/action.sh');

function step(arg: 'install' | 'run', env: Record<string, string>) {
  const base: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('GITHUB_') && !k.startsWith('INPUT_')) base[k] = v;
  const r = spawnSync('bash', [SCRIPT, arg], { cwd: ROOT, env: { ...base, ...env }, encoding: 'utf8', timeout: 60_000 });
  return { ...r, context: `action.sh ${arg}\nexit ${r.status}\n--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}` };
}

describe('action.yml', () => {
  const yml = readFileSync(join(ROOT, 'action.yml'), 'utf8');

  it('is a composite action whose steps run scripts/action.sh and upload the report folder', () => {
    expect(yml).toMatch(/^runs:\n {2}using: composite$/m);
    const runs = [...yml.matchAll(/^\s+run: (.*)$/gm)].map((m) => m[1]);
    expect(runs).toEqual(['bash "$GITHUB_ACTION_PATH/scripts/action.sh" install', 'bash "$GITHUB_ACTION_PATH/scripts/action.sh" run']);
    expect(yml).toContain('uses: actions/upload-artifact@v4');
    expect(yml).toMatch(/path: \$\{\{ inputs\.output-dir \}\}/);
    // every input the script reads is passed to it
    for (const name of ['DATA', 'CONFIG', 'FAIL_ABOVE', 'FAIL_IF_ANY_EXCLUDED', 'OUTPUT_DIR']) {
      expect(yml).toContain(`INPUT_${name}: \${{ inputs.${name.toLowerCase().replace(/_/g, '-')} }}`);
    }
    expect(spawnSync('bash', ['-n', SCRIPT]).status).toBe(0);
  });

  it('never runs servicegap by a registry name (npx), here or in the example workflow', () => {
    const example = readFileSync(join(ROOT, 'examples/github-actions.yml'), 'utf8');
    for (const text of [yml, example, readFileSync(SCRIPT, 'utf8')]) expect(text).not.toMatch(/npx|npm (?:exec|install) servicegap/);
    expect(example).toMatch(/uses: [\w-]+\/servicegap@/);
  });

  it('install: a built checkout is used as it is and says its version', () => {
    const r = step('install', {});
    expect(r.status, r.context).toBe(0);
    const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
    expect(r.stdout).toContain(`servicegap ${version} from ${ROOT}`);
  });

  it('run: a tripped gate fails the step after the HTML report, SARIF, summary and outputs are written', () => {
    const dir = tempDir();
    const out = join(dir, 'report');
    const env = {
      INPUT_DATA: 'fixtures/worked-stock',
      INPUT_FAIL_ABOVE: '5',
      INPUT_FAIL_IF_ANY_EXCLUDED: 'false',
      INPUT_OUTPUT_DIR: out,
      GITHUB_ACTIONS: 'true',
      GITHUB_STEP_SUMMARY: join(dir, 'summary.md'),
      GITHUB_OUTPUT: join(dir, 'output'),
    };
    const r = step('run', env);
    // worked-stock: FI-VS has 8.28 bed-equivalents per 100k not replaced (test/e2e/ci-citizen.test.ts)
    expect(r.status, r.context).toBe(1);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    const sarif = JSON.parse(readFileSync(join(out, 'servicegap.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.filter((x: { level: string }) => x.level === 'error')).toEqual([]);
    expect(readFileSync(env.GITHUB_OUTPUT, 'utf8')).toBe(`report-dir=${out}\n`);
    const summary = readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8');
    expect(summary).toContain('**Gate tripped** (exit 1):');
    expect(summary).toContain('--fail-above 5: 1 region(s) above it: FI-VS (8.3)');
    expect(r.stderr).toContain('::error title=servicegap gate::--fail-above 5: 1 region(s) above it: FI-VS (8.3)');
    expect(r.stdout).not.toContain('::');
  });

  it('run: invalid data stop the step with exit 3, annotations on the lines and the SARIF results', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'regions.csv'), 'region\nA\n');
    writeFileSync(join(dir, 'population.csv'), 'region,year,population\nA,2020,-5\n');
    writeFileSync(join(dir, 'services.csv'), 'region,year,service,capacity,unit\n');
    const out = join(dir, 'report');
    const r = step('run', { INPUT_DATA: dir, INPUT_OUTPUT_DIR: out, GITHUB_ACTIONS: 'true' });
    expect(r.status, r.context).toBe(3);
    // "A,2020," is 7 characters: the population starts in column 8
    expect(r.stderr).toContain(`::error file=${dir}/population.csv,line=2,col=8::column "population": expected a number > 0, got "-5"`);
    const sarif = JSON.parse(readFileSync(join(out, 'servicegap.sarif'), 'utf8'));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.region).toEqual({ startLine: 2, startColumn: 8 });
    expect(existsSync(join(out, 'report.html'))).toBe(false);
  });

  it('run: without the data input it says so (exit 2)', () => {
    const r = step('run', { INPUT_DATA: '' });
    expect(r.status, r.context).toBe(2);
    expect(r.stderr).toContain('the input "data" (the data folder) is required');
  });
});
