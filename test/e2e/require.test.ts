// require('servicegap') from a CommonJS file (issue 16): the package's "require" export
// condition loads the CommonJS build, which gives the same report as the ES module build.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run-cli.js';

describe('CommonJS', () => {
  it("require('servicegap') works and gives the same report as import", () => {
    const cjs = spawnSync(process.execPath, [join(ROOT, 'test/e2e/fixtures/require-servicegap.cjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(cjs.status, cjs.stderr).toBe(0);
    const esm = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { loadDataset, analyze, withInterval, VERSION } from 'servicegap';
         const { dataset, weights, norms } = await loadDataset();
         const report = withInterval(dataset, analyze(dataset, { weights, norms }), { weights, norms });
         process.stdout.write(JSON.stringify({ version: VERSION, report }));`,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(esm.status, esm.stderr).toBe(0);
    const fromRequire = JSON.parse(cjs.stdout);
    expect(fromRequire.report.regions.length).toBeGreaterThan(0);
    expect(fromRequire).toEqual(JSON.parse(esm.stdout));
  });
});
