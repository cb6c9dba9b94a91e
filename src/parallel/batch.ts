// Batch scenarios' analyses in worker threads (app/batch.ts decides what to run): how many
// threads a batch uses, and the analyses spread over them, settled in scenario order.
import { OptionError } from '../core/errors.js';
import type { AnalyzeOptions } from '../core/analyze.js';
import type { Dataset } from '../core/dataset.js';
import type { Report } from '../core/report-schema.js';
import { autoThreads, withPool } from './pool.js';

/**
 * `threads: "auto"` uses worker threads, one per core, when a batch is large: more than this many
 * scenarios, on a machine with more than one core, and at least BATCH_AUTO_MIN_VALUES yearly
 * values to go through in all (Σ over scenarios of its dataset's values). An analysis is quick
 * and its report has to be copied back from the worker, so smaller batches run faster in one
 * thread.
 */
export const BATCH_AUTO_THRESHOLD = 8;
/** Least Σ of yearly values for `threads: "auto"` to use worker threads (see BATCH_AUTO_THRESHOLD). */
export const BATCH_AUTO_MIN_VALUES = 5_000_000;

/** Yearly values in a dataset: population, beds and every service series. */
export function datasetValues(dataset: Dataset): number {
  let n = 0;
  for (const s of dataset.population.values()) n += s.size;
  if (dataset.beds.shape !== 'none') for (const s of dataset.beds.byRegion.values()) n += s.size;
  for (const byKey of dataset.services.values()) for (const s of byKey.values()) n += s.years.size;
  return n;
}

/** How many threads a batch of `count` scenarios uses; `values`: Σ of their datasets' values. */
export function batchThreads(threads: number | 'auto' | undefined, count: number, values = Infinity): number {
  if (threads === undefined || threads === 'auto') {
    const cores = autoThreads();
    return count > BATCH_AUTO_THRESHOLD && cores > 1 && values >= BATCH_AUTO_MIN_VALUES ? Math.min(cores, count) : 1;
  }
  if (!Number.isInteger(threads) || threads < 1) throw new OptionError('threads', `--threads: expected "auto" or a whole number ≥ 1, got ${threads}`);
  return Math.min(threads, count);
}

/** One analysis to run: its dataset (`key` names it: same key, same data) and options. */
export interface AnalysisJob {
  readonly key: string;
  readonly dataset: Dataset;
  readonly options: AnalyzeOptions;
}

/** Run the analyses on `threads` worker threads; each job's outcome, in job order. */
export async function analyzeInWorkers(jobs: readonly AnalysisJob[], threads: number): Promise<PromiseSettledResult<Report>[]> {
  return withPool(threads, (pool) => Promise.allSettled(jobs.map((j) => pool.run(j.key, j.dataset, { kind: 'analyze', options: j.options }))));
}
