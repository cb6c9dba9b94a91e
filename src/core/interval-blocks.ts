// A report's interval draws (interval.ts) run a block at a time, on whichever thread claims the
// block (parallel/interval.ts), each thread keeping its blocks' extremes (draw-extremes.ts). Apart
// from the run's planning and the report it gives (interval.ts), which need the dataset and the
// schemas, so that the draws' worker thread (parallel/draws-worker.ts) loads only this, the
// draws (weight-draws.ts), the model's evaluation and the formulas. Pure; no IO.
import { DrawExtremes } from './draw-extremes.js';
import { type DrawPlan, runDrawsInto } from './weight-draws.js';

/**
 * Draws evaluated together, a block at a time; threads sharing a run claim it a block at a time
 * too (parallel/interval.ts). A block's values (16 draws of 5,000 regions: 0.9 MB) stay in a
 * core's cache until its extremes are taken: 8 % faster than 64 draws a block.
 */
export const INTERVAL_BLOCK = 16;
/** The interval's percentiles. */
export const INTERVAL_PERCENTILES = [5, 95] as const;

/** The draws behind a report's intervals: their plan, number and seed (intervalDraws). */
export interface IntervalRun {
  readonly plan: DrawPlan;
  readonly draws: number;
  readonly seed: number;
}

/** The extremes of a run's draws (draw-extremes.ts), for its ranked regions. */
export function intervalExtremes(run: IntervalRun): DrawExtremes {
  return new DrawExtremes(run.plan.regions.length, run.draws, ...INTERVAL_PERCENTILES);
}

/** The blocks of a run's draws: block b holds draws b × INTERVAL_BLOCK ≤ i < (b + 1) × INTERVAL_BLOCK (and < draws). */
export function intervalBlocks(run: IntervalRun): number {
  return Math.ceil(run.draws / INTERVAL_BLOCK);
}

/** Run every draw of `run` here, a block at a time, into `extremes`. */
export function runIntervalDraws(run: IntervalRun, extremes: DrawExtremes): void {
  const blocks = intervalBlocks(run);
  let next = 0;
  runIntervalBlocks(run, () => (next < blocks ? next++ : undefined), extremes);
}

/** Run the draws of every block `nextBlock` gives (an index, see intervalBlocks), until it gives undefined, into `extremes`. */
export function runIntervalBlocks(run: IntervalRun, nextBlock: () => number | undefined, extremes: DrawExtremes): void {
  const { plan, draws } = run;
  const R = plan.regions.length;
  const block = { vacuum: new Float64Array(INTERVAL_BLOCK * R), rank: new Int32Array(INTERVAL_BLOCK * R), weights: new Float64Array(INTERVAL_BLOCK * plan.weights.size) };
  for (let b = nextBlock(); b !== undefined; b = nextBlock()) {
    const start = b * INTERVAL_BLOCK;
    const chunk = { ...block, start, end: Math.min(draws, start + INTERVAL_BLOCK) };
    runDrawsInto(plan, chunk);
    extremes.addDraws(chunk.vacuum, chunk.rank, chunk.end - chunk.start);
  }
}
