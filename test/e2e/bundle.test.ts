// The CLI bundle (scripts/bundle-cli.mjs) and its V8 code cache (bin/load-bundle.js): built with
// the package, taken by this Node, and the bundle does what the unbundled CLI does.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

const BUNDLE = join(ROOT, 'dist/bundle/cli.cjs');

/** Run a command through the unbundled build (dist/cli/main.js), for comparison. */
function unbundled(args: readonly string[]) {
  const script = `process.argv.splice(1, 1, 'servicegap'); const { run } = await import(${JSON.stringify(join(ROOT, 'dist/cli/main.js'))}); await run();`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script, 'x', ...args], { cwd: ROOT, encoding: 'utf8' });
}

describe('the CLI bundle', () => {
  it('is built with its code cache, which this Node takes', () => {
    expect(existsSync(BUNDLE)).toBe(true);
    expect(existsSync(BUNDLE.replace(/\.cjs$/, '.cache.br'))).toBe(true);
    // In a fresh process, as the launcher does it (loading runs nothing: run() is not called).
    const probe = `const { loadBundle } = await import(${JSON.stringify(join(ROOT, 'bin/load-bundle.js'))}); const { exports, cacheUsed } = loadBundle(${JSON.stringify(BUNDLE)}); console.log(JSON.stringify({ cacheUsed, run: typeof exports.run }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ cacheUsed: true, run: 'function' });
  });

  it.each([
    [['report', '--format', 'json']],
    [['report', '--format', 'csv', '--sort', 'rate_drop_per_100k']],
    [['coverage', '--format', 'json']],
    [['trend', '--format', 'csv']],
    [['report', '--data', 'fixtures/invalid/services-many-errors']],
  ])('%j: the same output and exit code as the unbundled CLI', (args) => {
    const bundled = runCli(args);
    const plain = unbundled(args);
    expect(bundled.stdout, bundled.context).toBe(plain.stdout);
    expect(bundled.stderr).toBe(plain.stderr);
    expect(bundled.code).toBe(plain.status);
  });
});
