// The application layer hands the worker-thread reader to the io layer's loader (io never imports
// src/parallel): every run that reads data must pass it, with the run's threads, so that the CLI
// and the library read a large file on every core. The loader is wrapped to see what it is given;
// the rows are still read by the real one.
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as LoadDatasetModule from '../../src/io/load-dataset.js';
import type { LoadOptions } from '../../src/io/load-dataset.js';
import { decodeGroupsInWorker } from '../../src/parallel/parquet-groups.js';
import { readRestInParallel, startReaders } from '../../src/parallel/read-in-parallel.js';

const given: LoadOptions[] = [];

vi.mock('../../src/io/load-dataset.js', async (importOriginal) => {
  const real = await importOriginal<typeof LoadDatasetModule>();
  return {
    ...real,
    loadDataset: (inputs: Parameters<typeof real.loadDataset>[0], options: LoadOptions = {}) => {
      given.push(options);
      return real.loadDataset(inputs, options);
    },
  };
});

const { runReport } = await import('../../src/app/report.js');
const { runCoverage } = await import('../../src/app/coverage.js');
const { runTrend } = await import('../../src/app/trend.js');
const { runValidate } = await import('../../src/app/validate.js');
const { runCompare } = await import('../../src/app/compare.js');
const { runBatch } = await import('../../src/app/batch.js');

const ROOT = resolve(import.meta.dirname, '../..');
const inputs = { data: join(ROOT, 'fixtures/worked-stock') };

beforeEach(() => {
  given.length = 0;
});

describe('runs read large files in parallel', () => {
  it('runReport passes the worker-thread reader, and its threads (default: auto)', async () => {
    await runReport({ inputs, config: {} });
    expect(given).toHaveLength(1);
    expect(given[0]!.readInParallel).toBe(readRestInParallel);
    expect(given[0]!.parquetInParallel).toBe(decodeGroupsInWorker);
    expect(given[0]!.startReaders).toBe(startReaders);
    expect(given[0]!.threads).toBeUndefined(); // the loader's default: 'auto', one per core
    await runReport({ inputs, config: {}, threads: 3 });
    expect(given[1]!.readInParallel).toBe(readRestInParallel);
    expect(given[1]!.threads).toBe(3);
  });

  it.each([
    ['runCoverage', (threads?: number) => runCoverage({ inputs, config: {}, threads })],
    ['runTrend', (threads?: number) => runTrend({ inputs, config: {}, threads })],
    ['runValidate', (threads?: number) => runValidate({ inputs, config: {}, threads })],
    ['runCompare', (threads?: number) => runCompare({ a: '2015-2018', b: '2015-2022', inputs, config: {}, threads })],
  ])('%s passes the worker-thread reader, and its threads (default: auto)', async (_name, run) => {
    await run();
    expect(given).toHaveLength(1);
    expect(given[0]!.readInParallel).toBe(readRestInParallel);
    expect(given[0]!.parquetInParallel).toBe(decodeGroupsInWorker);
    expect(given[0]!.startReaders).toBe(startReaders);
    expect(given[0]!.threads).toBeUndefined();
    await run(2);
    expect(given[1]!.threads).toBe(2);
  });

  it('runBatch loads each distinct input with the reader and its threads', async () => {
    await runBatch({ scenarios: [{ name: 'a', data: inputs.data }], cwd: ROOT, threads: 1, config: {} });
    expect(given).toHaveLength(1);
    expect(given[0]!.readInParallel).toBe(readRestInParallel);
    expect(given[0]!.parquetInParallel).toBe(decodeGroupsInWorker);
    expect(given[0]!.startReaders).toBe(startReaders);
    expect(given[0]!.threads).toBe(1);
  });
});
