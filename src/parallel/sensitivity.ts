// Sensitivity draws in worker threads. Draw i's weights depend only on (seed, i)
// (core/sensitivity.ts), each chunk is a contiguous range of draws, and the caller puts the
// chunks back in draw order before the percentiles are taken (app/sensitivity.ts): the report is
// the same for any thread count.
import { OptionError } from '../core/errors.js';
import { type DrawChunk, type DrawPlan, runDraws } from '../core/weight-draws.js';
import { autoThreads, withPool } from './pool.js';

/**
 * Below this many region-draws (draws × ranked regions), `threads: "auto"` stays in this thread:
 * starting workers costs more than it saves (a draw on the linear model costs a few
 * microseconds per hundred regions; a worker takes tens of milliseconds to start).
 */
export const SENSITIVITY_AUTO_THRESHOLD = 20_000_000;

/** Contiguous ranges covering 0 … draws − 1: a few per thread, so a slow chunk does not hold the rest. */
export function splitDraws(draws: number, parts: number): Array<[number, number]> {
  const n = Math.max(1, Math.min(draws, parts));
  const ranges: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) ranges.push([Math.floor((i * draws) / n), Math.floor(((i + 1) * draws) / n)]);
  return ranges;
}

/** How many threads a run uses ('auto': every core from `threshold` region-draws on). */
export function sensitivityThreads(threads: number | 'auto' | undefined, draws: number, regions: number, threshold = SENSITIVITY_AUTO_THRESHOLD): number {
  if (threads === undefined || threads === 'auto') {
    const cores = autoThreads();
    return cores > 1 && draws * regions >= threshold ? Math.min(cores, draws) : 1;
  }
  if (!Number.isInteger(threads) || threads < 1) throw new OptionError('threads', `--threads: expected "auto" or a whole number ≥ 1, got ${threads}`);
  return Math.min(threads, draws);
}

/** Draws 0 … draws − 1 of a plan, in this thread or spread over worker threads (same numbers). */
export async function drawsParallel(plan: DrawPlan, draws: number, threadOption: number | 'auto' | undefined): Promise<DrawChunk[]> {
  const threads = sensitivityThreads(threadOption, draws, plan.regions.length);
  if (threads <= 1) return [runDraws(plan, 0, draws)];
  return withPool(threads, async (pool) => {
    const jobs = splitDraws(draws, threads * 4).map(([start, end]) => pool.run('', undefined, { kind: 'draws', plan, start, end }));
    const settled = await Promise.allSettled(jobs);
    const failed = settled.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
    return settled.map((s) => (s as PromiseFulfilledResult<DrawChunk>).value);
  }, 'draws-worker');
}
