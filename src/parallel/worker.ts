// A worker thread: runs analyses on datasets sent by the pool (pool.ts), for a batch; draws of
// the weights have a worker of their own (draws-worker.ts).
// It keeps each dataset it is sent, so a batch sends each input to each worker at most once.
import { parentPort } from 'node:worker_threads';
import { analyze } from '../core/analyze.js';
import { type Dataset, reviveDataset } from '../core/dataset.js';
import type { Request, Response } from './protocol.js';
import { serializeError } from './serialize-error.js';

const port = parentPort;
if (port === null) throw new Error('servicegap: worker.js must run in a worker thread');

const datasets = new Map<string, Dataset>();

port.on('message', (request: Request) => {
  let response: Response;
  try {
    const { job } = request;
    if (job.kind === 'analyze') {
      if (request.dataset !== undefined) datasets.set(request.datasetKey, reviveDataset(request.dataset));
      const dataset = datasets.get(request.datasetKey);
      if (dataset === undefined) throw new Error(`worker: dataset ${request.datasetKey} was never sent`);
      response = { id: request.id, ok: true, result: analyze(dataset, job.options) };
    } else {
      // Draws have their own worker, which loads less (draws-worker.ts).
      throw new Error(`worker.js runs no ${job.kind} jobs: draws-worker.js does`);
    }
  } catch (error) {
    response = { id: request.id, ok: false, error: serializeError(error) };
  }
  port.postMessage(response);
});
