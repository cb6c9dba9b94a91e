// A worker thread: runs analyses and sensitivity draws on datasets sent by the pool (pool.ts).
// It keeps each dataset it is sent, so a batch sends each input to each worker at most once.
import { parentPort } from 'node:worker_threads';
import { analyze } from '../core/analyze.js';
import { type Dataset, reviveDataset } from '../core/dataset.js';
import { OptionError } from '../core/errors.js';
import { InputError } from '../core/issues.js';
import { intervalExtremes, runIntervalBlocks } from '../core/interval.js';
import { claimBlocks } from './interval-claims.js';
import { runDraws } from '../core/sensitivity.js';
import type { Request, Response } from './protocol.js';

const port = parentPort;
if (port === null) throw new Error('servicegap: worker.js must run in a worker thread');

const datasets = new Map<string, Dataset>();

port.on('message', (request: Request) => {
  let response: Response;
  const transfer: ArrayBuffer[] = [];
  try {
    const { job } = request;
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
    } else {
      if (request.dataset !== undefined) datasets.set(request.datasetKey, reviveDataset(request.dataset));
      const dataset = datasets.get(request.datasetKey);
      if (dataset === undefined) throw new Error(`worker: dataset ${request.datasetKey} was never sent`);
      response = { id: request.id, ok: true, result: analyze(dataset, job.options) };
    }
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    response = {
      id: request.id,
      ok: false,
      error: {
        name: e.name,
        message: e.message,
        stack: e.stack,
        issues: e instanceof InputError ? e.issues : undefined,
        ...(e instanceof OptionError ? { option: e.option } : {}),
      },
    };
  }
  port.postMessage(response, transfer);
});
