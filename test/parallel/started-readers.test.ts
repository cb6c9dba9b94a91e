// The services file's reading threads started while the small files are read
// (src/parallel/read-in-parallel.ts StartedParseWorkers, io/load-dataset.ts): the file read by
// them gives the dataset read on one thread; a thread that stopped before it was taken is never
// used; the threads not taken are ended; a file too small, or not CSV text, starts none.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { loadDataset, type LoadOptions } from '../../src/io/load-dataset.js';
import { readRestInParallel, StartedParseWorkers } from '../../src/parallel/read-in-parallel.js';

const dir = mkdtempSync(join(tmpdir(), 'servicegap-started-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REGIONS = ['NO-15', 'EG-C', 'FI-19'];
writeFileSync(join(dir, 'regions.csv'), 'region,name\nNO-15,Møre og Romsdal\nEG-C,القاهرة\nFI-19,Varsinais-Suomi\n');
writeFileSync(join(dir, 'population.csv'), `region,year,population\n${REGIONS.flatMap((r) => [`${r},2015,1000`, `${r},2020,1100`]).join('\n')}\n`);
writeFileSync(join(dir, 'beds.csv'), `region,year,beds\n${REGIONS.flatMap((r) => [`${r},2015,10`, `${r},2020,8`]).join('\n')}\n`);
// 6,000 rows (about 150 KB): read in pieces of 4 KiB once files of 1 KiB count as large.
const rows = Array.from({ length: 6000 }, (_, i) => `${REGIONS[i % 3]},${2015 + (i % 6)},${['FACT', 'crisis team', 'ACT'][(i >> 3) % 3]},${(i % 40) / 8},teams`);
writeFileSync(join(dir, 'services.csv'), `region,year,service,capacity,unit\n${rows.join('\n')}\n`);

const dump = async (options: LoadOptions) => {
  const { dataset } = await loadDataset({ data: dir }, { allowUnmapped: true, ...options });
  return [...dataset.services].map(([region, byKey]) => [region, [...byKey].map(([key, s]) => [key, [...s.years]])]);
};
const parallel = { threads: 2, readInParallel: readRestInParallel, parallelMinBytes: 1024, parallelPieceBytes: 4096 } as const;

describe('reading threads started ahead for the services file', () => {
  it('read it as one thread does: the reader takes the started thread', async () => {
    const taken: unknown[] = [];
    const start = vi.fn((workers: number) => {
      const started = new StartedParseWorkers(workers);
      const take = started.take.bind(started);
      started.take = () => {
        const worker = take();
        taken.push(worker);
        return worker;
      };
      return started;
    });
    const one = await dump({ threads: 1 });
    expect(await dump({ ...parallel, startReaders: start })).toEqual(one);
    expect(start).toHaveBeenCalledTimes(1);
    expect(start).toHaveBeenCalledWith(1);
    // The reader took the started thread (a Worker), and asked for no other.
    expect(taken).toHaveLength(1);
    expect(taken[0]).toBeDefined();
  });

  it('a thread that stopped before it was taken is not used: the reader starts its own', async () => {
    const failing = new URL('data:text/javascript,process.exit(5)');
    const one = await dump({ threads: 1 });
    const started: StartedParseWorkers[] = [];
    const result = await dump({
      ...parallel,
      startReaders: (workers) => {
        const s = new StartedParseWorkers(workers, failing);
        started.push(s);
        return s;
      },
    });
    expect(result).toEqual(one);
    expect(started).toHaveLength(1);
  });

  it('the threads not taken are ended, and no thread starts for a small file or a Parquet name', async () => {
    const started = new StartedParseWorkers(2);
    await started.close();
    expect(started.take()).toBeUndefined();
    const start = vi.fn((workers: number) => new StartedParseWorkers(workers));
    await dump({ ...parallel, parallelMinBytes: 1 << 30, startReaders: start });
    expect(start).not.toHaveBeenCalled();
    await loadDataset({ regions: join(dir, 'regions.csv'), population: join(dir, 'population.csv'), services: join(dir, 'missing.parquet') }, { ...parallel, startReaders: start }).catch(() => undefined);
    expect(start).not.toHaveBeenCalled();
  });
});
