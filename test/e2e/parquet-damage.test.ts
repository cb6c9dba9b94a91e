// A damaged Parquet input ends with an input error, never a hang or an internal error (README,
// Limits: hostile input cannot crash, hang or trick servicegap). One changed byte in a page
// header (a data page v2 header that lost its levels' byte lengths) once hung `report` at 100 %
// CPU, deaf to SIGINT and SIGTERM, inside hyparquet's decoder (NaN offsets read byte 0 for ever);
// the package's bundle of hyparquet bounds those loops (scripts/hyparquet-bounds.mjs). Here a
// valid services file in Parquet is damaged at every byte, one byte at a time, and each copy is
// read by the package's own bundle — in a worker thread, so that a hang fails the test (the
// worker is stopped) instead of stopping the test run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { ROOT } from './run-cli.js';

const worked = join(ROOT, 'fixtures/worked-stock');

/** fixtures/worked-stock/services.csv as Parquet: hyparquet-writer's data pages v2, dictionaries. */
function servicesParquet(): Uint8Array {
  const rows = readFileSync(join(worked, 'services.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','));
  return new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        { name: 'region', data: rows.map((r) => r[0]!), type: 'STRING' },
        { name: 'year', data: rows.map((r) => Number(r[1])), type: 'DOUBLE' },
        { name: 'service', data: rows.map((r) => r[2]!), type: 'STRING' },
        { name: 'capacity', data: rows.map((r) => Number(r[3])), type: 'DOUBLE' },
        { name: 'unit', data: rows.map((r) => r[4]!), type: 'STRING' },
      ],
    }),
  );
}

// The worker: each damaged copy read by runValidate from the bundle, and what each ended with.
const READ_EACH = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const sg = require(workerData.bundle);
(async () => {
  const outcomes = [];
  const { good, worked } = workerData;
  // The other files as content in memory (read once), the damaged copy as bytes: no file per copy.
  const text = (name) => ({ name, content: readFileSync(worked + '/' + name, 'utf8') });
  const inputs = { regions: text('regions.csv'), population: text('population.csv'), beds: text('beds.csv') };
  for (let at = 0; at < good.length; at++) {
    const bytes = Uint8Array.from(good);
    // Every other byte inverted, the others set to 0x61 (the byte that hung the reader).
    bytes[at] = at % 2 === 0 ? bytes[at] ^ 0xff : 0x61;
    parentPort.postMessage({ at });
    try {
      await sg.runValidate({ inputs: { ...inputs, services: { name: 'services.parquet', content: bytes } } });
      outcomes.push({ at, ended: 'read' });
    } catch (error) {
      outcomes.push({ at, ended: error instanceof sg.InputError ? 'input error' : error.name, message: String(error.message) });
    }
  }
  parentPort.postMessage({ outcomes });
})();
`;

describe('a damaged Parquet input', () => {
  it('ends every time, as an input error naming the file or as data read, at every byte damaged', async () => {
    const good = servicesParquet();
    const worker = new Worker(READ_EACH, { eval: true, workerData: { bundle: join(ROOT, 'dist/bundle/cli.cjs'), good, worked } });
    let last = -1;
    const outcomes = await new Promise<{ at: number; ended: string; message?: string }[]>((resolve, reject) => {
      // About 4 ms a copy on this project's machines; a copy that takes 20 s has hung.
      let timer = setTimeout(stop, 20_000);
      function stop() {
        void worker.terminate();
        reject(new Error(`reading the copy damaged at byte ${last} did not end (0x61 or inverted, see READ_EACH)`));
      }
      worker.on('message', (m: { at?: number; outcomes?: { at: number; ended: string }[] }) => {
        if (m.outcomes) {
          clearTimeout(timer);
          resolve(m.outcomes);
          return;
        }
        last = m.at!;
        clearTimeout(timer);
        timer = setTimeout(stop, 20_000);
      });
      worker.on('error', reject);
    });
    await worker.terminate();
    expect(outcomes).toHaveLength(good.length);
    const other = outcomes.filter((o) => o.ended !== 'read' && o.ended !== 'input error');
    expect(other, 'an outcome other than data read or an input error').toEqual([]);
    // Damage in the data pages and metadata is reported as such, in words, not as JavaScript's own.
    const errors = outcomes.filter((o) => o.ended === 'input error').map((o) => o.message!);
    expect(errors.length).toBeGreaterThan(good.length / 4);
    expect(errors.some((m) => m.includes('the Parquet file is damaged'))).toBe(true);
    for (const m of errors) expect(m).not.toMatch(/^[^:]*: Cannot read properties/);
  }, 120_000);
});
