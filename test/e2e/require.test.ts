// require('servicegap') from a CommonJS file (issue 16): the package's "require" export
// condition loads the CommonJS build, which gives the same report as the ES module build.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from './run-cli.js';

describe('CommonJS', () => {
  it("require('servicegap') works and gives the same report as import", () => {
    const cjs = spawnSync(process.execPath, [join(ROOT, 'test/e2e/fixtures/require-servicegap.cjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(cjs.status, cjs.stderr).toBe(0);
    const esm = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { runReport, VERSION } from 'servicegap';
         const { report } = await runReport({ config: false });
         process.stdout.write(JSON.stringify({ version: VERSION, report }));`,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(esm.status, esm.stderr).toBe(0);
    const fromRequire = JSON.parse(cjs.stdout);
    expect(fromRequire.report.regions.length).toBeGreaterThan(0);
    expect(fromRequire.report.interval.draws).toBe(500);
    expect(fromRequire).toEqual(JSON.parse(esm.stdout));
  });

  it('the CommonJS build reads a workbook (exceljs from node_modules) and a Parquet file as the same table in CSV', () => {
    // fixtures/analysts/norway-2000-counties: services.xlsx holds the same consultations as services.csv
    // (fixtures/analysts/README.md); services.parquet is written here from the CSV's rows, typed.
    const fixture = join(ROOT, 'fixtures/analysts/norway-2000-counties');
    const rows = parse<Record<string, string>>(readFileSync(join(fixture, 'services.csv'), 'utf8'), { columns: true });
    const dir = tempDir();
    const parquet = join(dir, 'services.parquet');
    const column = (name: string) => rows.map((r) => r[name]!);
    writeFileSync(
      parquet,
      new Uint8Array(
        parquetWriteBuffer({
          columnData: [
            { name: 'region', data: column('region'), type: 'STRING' },
            { name: 'year', data: column('year').map(Number), type: 'INT32' },
            { name: 'service', data: column('service'), type: 'STRING' },
            { name: 'capacity', data: column('capacity').map(Number), type: 'DOUBLE' },
            { name: 'unit', data: column('unit'), type: 'STRING' },
          ],
        }),
      ),
    );
    const script = `const { runReport } = require('servicegap');
      const d = ${JSON.stringify(fixture)};
      const run = (services) => runReport({ config: false, interval: false, inputs: { regions: d + '/regions.csv', population: d + '/population.csv', beds: d + '/beds.csv', services } })
        .then(({ report }) => report.regions.map((r) => [r.region, r.vacuum_per_100k]));
      Promise.all([d + '/services.csv', d + '/services.xlsx', ${JSON.stringify(parquet)}].map(run)).then((all) => process.stdout.write(JSON.stringify(all)));`;
    const r = spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    expect(r.status, r.stderr).toBe(0);
    const [csv, xlsx, pq] = JSON.parse(r.stdout);
    expect(csv.length).toBe(5);
    expect(xlsx).toEqual(csv);
    expect(pq).toEqual(csv);
  });
});
