// A worker thread for draws of the weights: a sensitivity run's chunks (parallel/sensitivity.ts)
// and a report's interval blocks, claimed in the shared claims (interval.ts, interval-claims.ts)
// and answered as their extremes. Its own script, not the pool's general worker (worker.ts, which
// analyses datasets for a batch), so that it loads only the draws, the model's evaluation and the
// formulas (core/weight-draws.ts, core/interval-blocks.ts): the general worker's analysis and
// schemas (zod) took 11 MB of the process's memory and 40 ms of a core to load, while a report's
// draws are its peak (issue 18).
import { parentPort } from 'node:worker_threads';
import { intervalExtremes, runIntervalBlocks } from '../core/interval-blocks.js';
import { runDraws } from '../core/weight-draws.js';
import { claimBlocks } from './interval-claims.js';
import type { Request, Response } from './protocol.js';
import { serializeError } from './serialize-error.js';

const port = parentPort;
if (port === null) throw new Error('servicegap: draws-worker.js must run in a worker thread');

port.on('message', (request: Request) => {
  const { job } = request;
  let response: Response;
  const transfer: ArrayBuffer[] = [];
  try {
    if (job.kind === 'draws') {
      // The plan carries the analysis as arrays (core/linear-model.ts): no dataset needed.
      const chunk = runDraws(job.plan, job.start, job.end);
      transfer.push(chunk.vacuum.buffer as ArrayBuffer, chunk.rank.buffer as ArrayBuffer, chunk.weights.buffer as ArrayBuffer);
      response = { id: request.id, ok: true, result: chunk };
    } else if (job.kind === 'interval') {
      const extremes = intervalExtremes(job.run);
      runIntervalBlocks(job.run, claimBlocks(job.claims, job.claimant), extremes);
      const { regions, draws, seen, lowVacuum, lowRank, highVacuum, highRank } = extremes;
      transfer.push(lowVacuum.buffer as ArrayBuffer, lowRank.buffer as ArrayBuffer, highVacuum.buffer as ArrayBuffer, highRank.buffer as ArrayBuffer);
      response = { id: request.id, ok: true, result: { regions, draws, seen, lowVacuum, lowRank, highVacuum, highRank } };
    } else throw new Error(`draws-worker.js runs draws only, not ${job.kind} jobs: worker.js does`);
  } catch (error) {
    response = { id: request.id, ok: false, error: serializeError(error) };
  }
  port.postMessage(response, transfer);
});
