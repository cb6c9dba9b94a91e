// Sensitivity draws in worker threads. Draw i's weights depend only on (seed, i)
// (core/sensitivity.ts), each chunk is a contiguous range of draws, and the caller puts the
// chunks back in draw order before the percentiles are taken (app/sensitivity.ts): the report is
// the same for any thread count.
import { OptionError } from '../core/errors.js';
import type { Dataset } from '../core/dataset.js';
import type { DrawChunk, DrawPlan } from '../core/sensitivity.js';
import { autoThreads, withPool } from './pool.js';

/**
 * Below this many region-draws (draws × ranked regions), `threads: "auto"` stays in this thread:
 * starting workers and sending them the dataset costs more than it saves.
 */
export const SENSITIVITY_AUTO_THRESHOLD = 200_000;

/** Contiguous ranges covering 0 … draws − 1: a few per thread, so a slow chunk does not hold the rest. */
export function splitDraws(draws: number, parts: number): Array<[number, number]> {
  const n = Math.max(1, Math.min(draws, parts));
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) ranges.push([Math.floor((i * draws) / n), Math.floor(((i + 1) * draws) / n)]);
  return ranges;
}

/** How many threads a run uses. */
export function sensitivityThreads(threads: number | 'auto' | undefined, draws: number, regions: number): number {
  if (threads === undefined || threads === 'auto') {
    const cores = autoThreads();
    return cores > 1 && draws * regions >= SENSITIVITY_AUTO_THRESHOLD ? Math.min(cores, draws) : 1;
  }
  if (!Number.isInteger(threads) || threads < 1) throw new OptionError('threads', `--threads: expected "auto" or a whole number ≥ 1, got ${threads}`);
  return Math.min(threads, draws);
}

/** Draws 0 … draws − 1 of `plan` on `threads` (≥ 2) worker threads, as chunks in any order. */
export async function drawsInWorkers(dataset: Dataset, plan: DrawPlan, draws: number, threads: number): Promise<DrawChunk[]> {
  return withPool(threads, async (pool) => {
    const jobs = splitDraws(draws, threads * 4).map(([start, end]) => pool.run('dataset', dataset, { kind: 'draws', plan, start, end }));
    const settled = await Promise.allSettled(jobs);
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    return settled.map((s) => (s as PromiseFulfilledResult<DrawChunk>).value);
  });
}
