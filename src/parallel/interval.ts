// A report's interval draws (core/interval.ts) on every core, from INTERVAL_AUTO_THRESHOLD
// region-draws or as `--threads` asks: worker threads and this thread claim the draws a block at a
// time (interval-claims.ts), so that this thread can first do other work (`meanwhile`) while the
// workers draw; each thread keeps its blocks' extremes (core/draw-extremes.ts), merged here. Draw
// i's weights depend only on (seed, i) and the percentiles only on the values, so the intervals are
// the same for any number of threads and whoever ran which block (test/parallel/interval.test.ts).
// On 5,000 regions the 500 draws, on this thread, are about a fifth of a `report` (2.05 against
// 1.64 s with `--no-interval` on 4.95 M rows, twenty-second session).
import type { AnalyzeOptions } from '../core/analyze.js';
import type { Dataset } from '../core/dataset.js';
import { intervalReport, intervalRun } from '../core/interval.js';
import { intervalBlocks, intervalExtremes, runIntervalBlocks, runIntervalDraws } from '../core/interval-blocks.js';
import type { Report } from '../core/report-schema.js';
import type { DrawOptions } from '../core/sensitivity.js';
import { WorkerPool } from './pool.js';
import { blocksNotDone, claimBlocks, intervalClaims, MAIN_CLAIMANT, WORKER_CLAIMANT } from './interval-claims.js';
import { sensitivityThreads } from './sensitivity.js';

/**
 * Below this many region-draws (draws × ranked regions), `threads: "auto"` runs the draws on this
 * thread. The worker is started, its code is cold, and the plan is copied to it: it pays only
 * once the draws are long. Measured on this project's two-core machines (report on the
 * benchmark's 4.95 M rows, whole processes alternating, medians; twenty-second session): with a
 * worker against without (5–10 runs each), at 2.5 M region-draws (500 draws × 5,000 regions)
 * 2.040 against 2.065 s, at 4 M 1.965 against 1.975 s, at 6 M 2.16 against 2.225 s, at 10 M
 * 2.51 against 2.69 s (and 5.51 against 5.65 s on 20,000 regions); the worker's cost: 6–27 MB
 * more at the peak (196 against 190 MB, median, at 2.5 M; 224 against 197 at 10 M) and 0.1–0.5 s
 * more CPU. From 5 M the time it saves is worth that; below, it saved about 1 % or less (1 M
 * until then: the draws' worker paid more while this thread made the plausibility notices
 * meanwhile, which it no longer does; docs/performance.md).
 */
export const INTERVAL_AUTO_THRESHOLD = 5_000_000;

/**
 * A draws worker's heap: its young generation capped at 4 MB (Node's default grows to 48 MB). The
 * draws make short-lived garbage only (their values are in typed arrays), which a small young
 * generation collects as cheaply, and the pages a large one touches stay in the process's memory:
 * report on 4.95 M rows peaked at 268 MB with the default, 249 MB with this (issue 18), no slower.
 */
export const INTERVAL_WORKER_LIMITS = { maxYoungGenerationSizeMb: 4 } as const;

/** The threads a report's draws use: `threads` as `--threads` gives it ('auto': by the threshold). */
export function intervalThreads(threads: number | 'auto' | undefined, draws: number, regions: number): number {
  return sensitivityThreads(threads, draws, regions, INTERVAL_AUTO_THRESHOLD);
}

/**
 * Worker threads for a report's draws, started before its analysis so that they are ready when
 * the draws are (a worker takes about 20 ms to start: its script compiled, its modules loaded),
 * or undefined when the draws stay on this thread. `regions`: the dataset's regions (the ranked
 * ones are not known before the analysis). The caller closes the pool.
 */
export function startIntervalWorkers(threads: number | 'auto' | undefined, draws: number, regions: number): WorkerPool | undefined {
  const n = intervalThreads(threads, draws, regions);
  if (n <= 1) return undefined;
  try {
    return new WorkerPool(n - 1, INTERVAL_WORKER_LIMITS, 'draws-worker');
  } catch {
    return undefined; // no worker thread to be had: every draw on this thread
  }
}

/**
 * `withInterval(dataset, report, options)` (core/interval.ts) with its draws shared between
 * `workers` (startIntervalWorkers; undefined: none) and this thread, as `threads` (`--threads`)
 * says for the ranked regions. `meanwhile` is run on this thread once the workers have begun, before
 * it joins them (without workers: before the draws). A draw a worker could not run (a worker that
 * failed or stopped) is run here: the report does not depend on a worker thread.
 */
export async function withIntervalOnThreads(
  dataset: Dataset,
  report: Report,
  options: AnalyzeOptions & DrawOptions,
  workers: WorkerPool | undefined,
  threads: number | 'auto' | undefined,
  meanwhile?: () => void,
): Promise<Report> {
  const run = intervalRun(dataset, report, options);
  const extremes = intervalExtremes(run);
  const { plan, draws } = run;
  // The workers were started for the dataset's regions; the ranked ones may be far fewer (--level).
  const n = workers === undefined ? 1 : Math.min(workers.size + 1, intervalThreads(threads, draws, plan.regions.length));
  if (workers === undefined || n <= 1) {
    meanwhile?.();
    runIntervalDraws(run, extremes);
    return intervalReport(report, run, extremes);
  }
  const claims = intervalClaims(intervalBlocks(run));
  // Settled as they end (a job refused while `meanwhile` throws is no unhandled rejection).
  const jobs = Promise.allSettled(Array.from({ length: n - 1 }, (_, i) => workers.run('', undefined, { kind: 'interval', run, claims, claimant: WORKER_CLAIMANT + i })));
  meanwhile?.();
  // This thread's blocks while the workers run theirs (their answers wait until it is done).
  runIntervalBlocks(run, claimBlocks(claims, MAIN_CLAIMANT), extremes);
  const settled = await jobs;
  const done = new Set([MAIN_CLAIMANT]);
  settled.forEach((result, i) => {
    if (result.status !== 'fulfilled') return;
    extremes.merge(result.value);
    done.add(WORKER_CLAIMANT + i);
  });
  // The blocks of a worker that failed, here.
  runIntervalBlocks(run, blocksNotDone(claims, done), extremes);
  return intervalReport(report, run, extremes);
}
