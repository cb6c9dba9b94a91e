// Worker threads (src/parallel/): the same numbers for any thread count. The worker script is the
// build's (dist/parallel/worker.js); npm test builds before it tests.
import { OptionError } from '../../src/core/errors.js';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PeriodError } from '../../src/core/analyze.js';
import { planSensitivity, sensitivity } from '../../src/core/sensitivity.js';
import { runDraws } from '../../src/core/weight-draws.js';
import { runBatch } from '../../src/app/batch.js';
import { drawSensitivity } from '../../src/app/sensitivity.js';
import { loadDataset } from '../../src/io/load-dataset.js';
import { WorkerPool, withPool } from '../../src/parallel/pool.js';
import { sensitivityThreads, splitDraws } from '../../src/parallel/sensitivity.js';
import { tempDir } from '../e2e/run-cli.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('splitDraws', () => {
  it('covers every draw once, in contiguous ranges', () => {
    expect(splitDraws(10, 3)).toEqual([[0, 3], [3, 6], [6, 10]]);
    expect(splitDraws(2, 8)).toEqual([[0, 1], [1, 2]]);
    expect(splitDraws(1000, 8).reduce((n, [a, b]) => n + b - a, 0)).toBe(1000);
  });

  it('auto uses one thread for small runs', () => {
    expect(sensitivityThreads('auto', 1000, 5)).toBe(1);
    expect(sensitivityThreads(3, 2, 5)).toBe(2);
    expect(() => sensitivityThreads(0, 10, 5)).toThrow(OptionError); // the CLI's check and message (SPEC §8)
    expect(() => sensitivityThreads(0, 10, 5)).toThrow('--threads: expected "auto" or a whole number ≥ 1, got 0');
  });
});

describe('sensitivity across worker threads', () => {
  it('1, 2 and 3 threads give exactly the single-thread report', async () => {
    const { dataset, weights } = await loadDataset();
    const one = sensitivity(dataset, { weights, draws: 401, seed: 8 });
    for (const threads of [1, 2, 3]) {
      expect((await drawSensitivity(dataset, { weights, draws: 401, seed: 8, threads })).sensitivity).toEqual(one);
    }
  });
});

describe('batch across worker threads', () => {
  it('1 and 2 threads give the same result, and a failing scenario is named whichever thread ran it', async () => {
    const dir = tempDir();
    const file = join(dir, 'scenarios.json');
    const scenarios = Array.from({ length: 12 }, (_, i) => ({
      name: `s${i}`,
      data: i % 2 ? join(ROOT, 'fixtures/worked-stock') : join(ROOT, 'fixtures/sensitivity-corners'),
      config: { weights: { crisis: { teams: 2 + i } } },
    }));
    writeFileSync(file, JSON.stringify({ scenarios }));
    const one = await runBatch({ scenarios: file, threads: 1 });
    const two = await runBatch({ scenarios: file, threads: 2 });
    expect(JSON.stringify(two)).toBe(JSON.stringify(one));

    writeFileSync(file, JSON.stringify({ scenarios: [...scenarios, { name: 'late', from: 2030 }] }));
    const withFailure = (await runBatch({ scenarios: file, threads: 2 })).batch;
    expect(JSON.stringify(withFailure)).toBe(JSON.stringify((await runBatch({ scenarios: file, threads: 1 })).batch));
    expect(withFailure.scenarios).toHaveLength(12);
    expect(withFailure.failed![0]!.problems[0]).toMatch(/scenarios\.12 \("late"\): from \(2030\) is after to/);
  });
});

describe('WorkerPool', () => {
  it('sends a dataset to a worker once and revives errors with their class', async () => {
    const { dataset, weights } = await loadDataset();
    await withPool(1, async (pool) => {
      const a = await pool.run('d', dataset, { kind: 'analyze', options: { weights } });
      // the worker kept the dataset: a job on the same key needs none (an empty one would fail)
      const b = await pool.run('d', { ...dataset, regions: new Map() }, { kind: 'analyze', options: { weights } });
      expect(b).toEqual(a);
      await expect(pool.run('d', dataset, { kind: 'analyze', options: { from: 2002, to: 2000 } })).rejects.toBeInstanceOf(PeriodError);
    });
  });

  it('refuses a size below 1', () => {
    expect(() => new WorkerPool(0)).toThrow(RangeError);
  });

  it('draws run in the draws worker, analyses in the general one: each refuses the other\'s jobs by name', async () => {
    const { dataset, weights } = await loadDataset();
    const plan = planSensitivity(dataset, { weights, draws: 40, seed: 3 }).plan;
    await withPool(
      1,
      async (pool) => {
        // A chunk of draws from the draws worker: exactly the draws run here.
        expect(await pool.run('', undefined, { kind: 'draws', plan, start: 5, end: 17 })).toEqual(runDraws(plan, 5, 17));
        await expect(pool.run('d', dataset, { kind: 'analyze', options: { weights } })).rejects.toThrow('draws-worker.js runs draws only, not analyze jobs: worker.js does');
      },
      'draws-worker',
    );
    await withPool(1, async (pool) => {
      await expect(pool.run('', undefined, { kind: 'draws', plan, start: 0, end: 1 })).rejects.toThrow('worker.js runs no draws jobs: draws-worker.js does');
    });
  });
});

describe('workerExecArgv', () => {
  it('keeps the parent\'s flags but not those of an inline main script', async () => {
    const { workerExecArgv } = await import('../../src/parallel/pool.js');
    expect(workerExecArgv(['--input-type=module', '--max-old-space-size=500', '-e', 'code', '--enable-source-maps'])).toEqual([
      '--max-old-space-size=500',
      '--enable-source-maps',
    ]);
    expect(workerExecArgv(['--input-type', 'module', '--print', 'x'])).toEqual([]);
  });

  it('a V8 flag Node refuses in a worker (node --max-old-space-size=N) does not stop the run: workers inherit it as Node does', () => {
    // Before startWorker: exit 70, ERR_WORKER_INVALID_EXEC_ARGV. The same JSON as without the flag.
    const args = ['bin/servicegap.js', 'report', '--data', 'data/examples/norway-regions-2000-2002', '--sensitivity', '60', '--threads', '2', '--format', 'json', '--quiet'];
    const withFlag = spawnSync(process.execPath, ['--max-old-space-size=300', ...args], { cwd: ROOT, encoding: 'utf8' });
    expect(withFlag.stderr).toBe('');
    expect(withFlag.status).toBe(0);
    const without = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    expect(withFlag.stdout).toBe(without.stdout);
    expect((JSON.parse(withFlag.stdout) as { sensitivity: { draws: number } }).sensitivity.draws).toBe(60);
  });
});
