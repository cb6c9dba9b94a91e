// Sensitivity draws split across worker threads. Draw i's weights depend only on (seed, i)
// (core/sensitivity.ts), each chunk is a contiguous range of draws, and the chunks are put back
// in draw order before the percentiles are taken: the report is the same for any thread count.
import { OptionError } from '../core/errors.js';
import type { Dataset } from '../core/dataset.js';
import {
  type DrawChunk,
  planSensitivity,
  runDraws,
  type SensitivityOptions,
  summarizeDraws,
} from '../core/sensitivity.js';
import type { SensitivityReport } from '../core/sensitivity-schema.js';
import { autoThreads, withPool } from './pool.js';

/**
 * Below this many region-draws (draws × ranked regions), `threads: "auto"` stays in this thread:
 * starting workers and sending them the dataset costs more than it saves.
 */
export const SENSITIVITY_AUTO_THRESHOLD = 200_000;

/** Options of `sensitivityParallel`: those of `sensitivity` and the number of threads. */
export interface ParallelSensitivityOptions extends SensitivityOptions {
  /** Worker threads: a number (1 = this thread only), or "auto" (default): one per core for large runs. */
  readonly threads?: number | 'auto' | undefined;
}

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

/**
 * Sensitivity of the ranking to the weights, as `sensitivity()`, with the draws spread over
 * worker threads. The result is identical to `sensitivity()` for every thread count.
 */
export async function sensitivityParallel(dataset: Dataset, options: ParallelSensitivityOptions = {}): Promise<SensitivityReport> {
  const { base, plan, draws } = planSensitivity(dataset, options);
  const threads = sensitivityThreads(options.threads, draws, plan.regions.length);
  if (threads <= 1) return summarizeDraws(base, plan, draws, [runDraws(dataset, plan, 0, draws)]);
  const chunks = await withPool(threads, async (pool) => {
    const jobs = splitDraws(draws, threads * 4).map(([start, end]) => pool.run('dataset', dataset, { kind: 'draws', plan, start, end }));
    const settled = await Promise.allSettled(jobs);
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    return settled.map((s) => (s as PromiseFulfilledResult<DrawChunk>).value);
  });
  return summarizeDraws(base, plan, draws, chunks);
}
