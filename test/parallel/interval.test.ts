// A report's interval draws on several threads (src/parallel/interval.ts): exactly the intervals
// of one thread (core/interval.ts withInterval, itself tested against a per-draw reference), and
// the same again when a worker cannot run its share. The worker script is the build's (npm test
// builds before it tests).
import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { withInterval } from '../../src/core/interval.js';
import { loadDataset } from '../../src/io/load-dataset.js';
import { INTERVAL_AUTO_THRESHOLD, INTERVAL_WORKER_LIMITS, intervalThreads, startIntervalWorkers, withIntervalOnThreads } from '../../src/parallel/interval.js';
import { claimBlocks } from '../../src/parallel/interval-claims.js';
import { WorkerPool } from '../../src/parallel/pool.js';

describe('withIntervalOnThreads', () => {
  it('2 and 3 threads give exactly the one-thread report, for other draws, seeds and correlation', async () => {
    // The bundled data: 21 health trusts, every weight range drawn.
    const { dataset, weights } = await loadDataset();
    const point = analyze(dataset, { weights });
    for (const options of [{ draws: 500 }, { draws: 77, seed: 12, correlation: 'category' as const }]) {
      const one = withInterval(dataset, point, { weights, ...options });
      for (const threads of [2, 3]) {
        const workers = startIntervalWorkers(threads, options.draws, dataset.regions.size);
        expect(workers?.size).toBe(threads - 1);
        // Each worker's share answered by the worker (not run here after a refusal).
        let answered = 0;
        const run = workers!.run.bind(workers);
        workers!.run = (...args) => run(...args).then((chunk) => (answered++, chunk));
        try {
          expect(await withIntervalOnThreads(dataset, point, { weights, ...options }, workers, threads)).toEqual(one);
          expect(answered).toBe(threads - 1);
        } finally {
          await workers?.close();
        }
      }
      expect(await withIntervalOnThreads(dataset, point, { weights, ...options }, undefined, 2)).toEqual(one);
    }
  });

  it('auto: workers started for the dataset\'s regions are not given draws when the ranked regions are too few', async () => {
    const { dataset, weights } = await loadDataset();
    const point = analyze(dataset, { weights });
    const workers = startIntervalWorkers(2, 500, dataset.regions.size)!;
    let asked = 0;
    const run = workers.run.bind(workers);
    workers.run = (...args) => (asked++, run(...args));
    try {
      // 21 ranked regions × 500 draws is far below INTERVAL_AUTO_THRESHOLD: every draw here.
      expect(await withIntervalOnThreads(dataset, point, { weights }, workers, 'auto')).toEqual(withInterval(dataset, point, { weights }));
      expect(asked).toBe(0);
    } finally {
      await workers.close();
    }
  });

  it('runs the draws of a worker that cannot take them on this thread: the same report', async () => {
    const { dataset, weights } = await loadDataset();
    const point = analyze(dataset, { weights });
    const pool = new WorkerPool(2);
    await pool.close(); // every job it is given is refused
    await expect(pool.run('', undefined, { kind: 'draws', plan: undefined as never, start: 0, end: 1 })).rejects.toThrow('the worker pool is closed');
    expect(await withIntervalOnThreads(dataset, point, { weights, draws: 90, seed: 3 }, pool, 3)).toEqual(withInterval(dataset, point, { weights, draws: 90, seed: 3 }));
  });
});

describe('withIntervalOnThreads: blocks claimed as each thread comes', () => {
  it('the workers take every block while this thread does other work first: the same report, `meanwhile` run once', async () => {
    const { dataset, weights } = await loadDataset();
    const point = analyze(dataset, { weights });
    const options = { weights, draws: 300, seed: 5 };
    const one = withInterval(dataset, point, options);
    const workers = startIntervalWorkers(2, options.draws, dataset.regions.size)!;
    let claims: Int32Array | undefined;
    let workerSeen = 0;
    const run = workers.run.bind(workers);
    workers.run = (key, data, job) => {
      if (job.kind === 'interval') claims = job.claims;
      return run(key, data, job).then((result) => ((workerSeen += (result as { seen: number }).seen), result));
    };
    let meanwhile = 0;
    try {
      const report = await withIntervalOnThreads(dataset, point, options, workers, 2, () => {
        meanwhile++;
        // This thread waits (at most 20 s) until the worker has claimed every block.
        const blocks = claims!.length - 1;
        const until = Date.now() + 20_000;
        while (Atomics.load(claims!, 0) < blocks && Date.now() < until);
      });
      expect(report).toEqual(one);
      expect(meanwhile).toBe(1);
      expect(workerSeen).toBe(options.draws);
    } finally {
      await workers.close();
    }
  });

  it('runs here the blocks of a worker that claimed some and failed (one claimed but never marked): the same report', async () => {
    const { dataset, weights } = await loadDataset();
    const point = analyze(dataset, { weights });
    const options = { weights, draws: 200, seed: 9, correlation: 'category' as const };
    // A stand-in for a pool of one worker that claims three blocks and a fourth it never marks, then fails.
    const failing = {
      size: 1,
      run: (_key: string, _data: unknown, job: { claims: Int32Array; claimant: number }) => {
        const next = claimBlocks(job.claims, job.claimant);
        next();
        next();
        Atomics.add(job.claims, 0, 1);
        next();
        return Promise.reject(new Error('a worker thread stopped (exit code 1) during a job'));
      },
    } as unknown as WorkerPool;
    let meanwhile = 0;
    expect(await withIntervalOnThreads(dataset, point, options, failing, 2, () => meanwhile++)).toEqual(withInterval(dataset, point, options));
    expect(meanwhile).toBe(1);
    // Without workers too, `meanwhile` is run once.
    expect(await withIntervalOnThreads(dataset, point, options, undefined, 2, () => meanwhile++)).toEqual(withInterval(dataset, point, options));
    expect(meanwhile).toBe(2);
  });
});

describe('intervalThreads', () => {
  it('auto: one thread below the threshold of region-draws, every core (at most one per draw) from it', () => {
    expect(intervalThreads('auto', 500, 21)).toBe(1);
    expect(intervalThreads(undefined, 500, (INTERVAL_AUTO_THRESHOLD / 500) - 1)).toBe(1);
    const cores = availableParallelism();
    expect(intervalThreads('auto', 500, INTERVAL_AUTO_THRESHOLD / 500)).toBe(cores > 1 ? Math.min(cores, 500) : 1);
    expect(intervalThreads('auto', 1, INTERVAL_AUTO_THRESHOLD)).toBe(1);
    // 500 draws × 5,000 regions (the benchmark's report): on this thread, where a worker saved
    // about 1 % of the time for 6 MB more at the peak; 2,000 draws × 5,000 regions: on every core,
    // where it saved 7 % (the measurements at INTERVAL_AUTO_THRESHOLD).
    expect(intervalThreads('auto', 500, 5_000)).toBe(1);
    expect(intervalThreads('auto', 2_000, 5_000)).toBe(cores > 1 ? cores : 1);
    // A number is taken as given (capped by the draws), whatever the size.
    expect(intervalThreads(2, 500, 3)).toBe(2);
    expect(intervalThreads(8, 3, 3)).toBe(3);
    expect(startIntervalWorkers(1, 500, 1e6)).toBeUndefined();
  });

  it('starts draws workers with a small young generation (INTERVAL_WORKER_LIMITS)', async () => {
    const workers = startIntervalWorkers(2, 500, 1e6)!;
    try {
      expect(workers.resourceLimits).toEqual({ maxYoungGenerationSizeMb: 4 });
      expect(workers.resourceLimits).toBe(INTERVAL_WORKER_LIMITS);
    } finally {
      await workers.close();
    }
  });
});
