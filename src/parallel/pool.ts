// A pool of worker threads (node:worker_threads) for work that splits into independent jobs:
// batch scenarios and chunks of sensitivity draws. Jobs are pure functions of their dataset and
// options, and callers put results back in job order, so the output never depends on the number
// of threads or on which thread finished first.
import { availableParallelism } from 'node:os';
import { type ResourceLimits, Worker, type WorkerOptions } from 'node:worker_threads';
import { PeriodError } from '../core/analyze.js';
import type { Dataset } from '../core/dataset.js';
import { ConfigError, OptionError } from '../core/errors.js';
import { InputError } from '../core/issues.js';
import type { Job, JobResult, Request, Response, SerializedError } from './protocol.js';

/** Threads to use when the caller says "auto": one per core the process may use. */
export function autoThreads(): number {
  return availableParallelism();
}

/**
 * A compiled worker script of this folder ('worker', 'parse-worker'). Under the test runner this
 * module is TypeScript source, which a worker thread cannot load, so it uses the build output (npm
 * test builds before it tests): the bundled script the CLI uses, which starts faster.
 */
export function workerScript(name: string): URL {
  return import.meta.url.endsWith('.ts') ? new URL(`../../dist/bundle/${name}.js`, import.meta.url) : new URL(`./${name}.js`, import.meta.url);
}

/**
 * The parent's Node flags without those that only make sense for a main script (`-e CODE`,
 * `-p CODE`, `--input-type`): a worker inherits the rest (source maps, conditions …). V8 flags
 * (`--max-old-space-size` …) Node refuses in a worker's flags: see startWorker.
 */
export function workerExecArgv(execArgv: readonly string[] = process.execArgv): string[] {
  const out: string[] = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i]!;
    if (['-e', '--eval', '-p', '--print', '--input-type'].includes(arg)) {
      i++; // and its value
      continue;
    }
    if (/^--(eval|print|input-type)=/.test(arg)) continue;
    out.push(arg);
  }
  return out;
}

/**
 * A worker thread on `script` with the parent's flags (workerExecArgv). Node refuses V8 flags
 * such as `node --max-old-space-size=N` there (ERR_WORKER_INVALID_EXEC_ARGV), which would stop
 * the run with an internal error; the worker then inherits the parent's settings as Node does by
 * default, and `resourceLimits` still bounds its heap.
 */
export function startWorker(script: URL, options: Omit<WorkerOptions, 'execArgv'> = {}): Worker {
  try {
    return new Worker(script, { ...options, execArgv: workerExecArgv() });
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
    return new Worker(script, options);
  }
}

function revive(error: SerializedError): Error {
  let revived: Error;
  if (error.name === 'InputError' && error.issues) revived = new InputError(error.issues);
  else if (error.name === 'ConfigError' && error.issues) revived = new ConfigError(error.issues);
  else if (error.name === 'PeriodError') revived = new PeriodError(error.option, error.message);
  else if (error.name === 'OptionError') revived = new OptionError(error.option, error.message);
  else if (error.name === 'RangeError') revived = new RangeError(error.message);
  else revived = new Error(error.message);
  if (error.stack) revived.stack = error.stack;
  return revived;
}

interface Pending {
  readonly request: Omit<Request, 'dataset'>;
  readonly dataset: Dataset | undefined;
  readonly resolve: (result: never) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  readonly datasets: Set<string>;
  busy?: Pending | undefined;
}

/** The scripts a pool's workers run: 'worker' analyses (a batch's), 'draws-worker' draws of the weights. */
export type PoolScript = 'worker' | 'draws-worker';

export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 0;
  private failure: Error | undefined;
  private closed = false;

  /** `size` workers, each with `resourceLimits` (Node's defaults where none is given), running
   * `script` (workerScript): 'worker' runs analyses (a batch's), 'draws-worker' draws of the
   * weights (a sensitivity run's chunks, a report's interval blocks). */
  constructor(
    readonly size: number,
    readonly resourceLimits: ResourceLimits = {},
    readonly script: PoolScript = 'worker',
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`WorkerPool: size must be a whole number ≥ 1, got ${size}`);
    for (let i = 0; i < size; i++) {
      const slot: Slot = { worker: startWorker(workerScript(script), { resourceLimits }), datasets: new Set() };
      slot.worker.on('message', (response: Response) => this.settle(slot, response));
      slot.worker.on('error', (error) => this.fail(error));
      slot.worker.on('exit', (code) => {
        // Also when idle: a job sent to a thread that is gone would never be answered.
        if (!this.closed) this.fail(new Error(`a worker thread stopped (exit code ${code})${slot.busy ? ' during a job' : ''}`));
      });
      this.slots.push(slot);
    }
  }

  /**
   * Run a job on a dataset in some worker; `datasetKey` names the dataset (same key, same data).
   * A job that needs no dataset (draws carry their model) passes undefined and key ''.
   */
  run<J extends Job>(datasetKey: string, dataset: Dataset | undefined, job: J): Promise<JobResult<J>> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise<JobResult<J>>((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, datasetKey, job }, dataset, resolve: resolve, reject });
      this.dispatch();
    });
  }

  /** Stop every worker; a job run later is refused. */
  async close(): Promise<void> {
    this.closed = true;
    this.failure ??= new Error('the worker pool is closed');
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.busy || this.queue.length === 0) continue;
      // Prefer a job whose dataset this worker already holds, so data is sent as rarely as possible.
      let index = this.queue.findIndex((p) => slot.datasets.has(p.request.datasetKey));
      if (index < 0) index = 0;
      const pending = this.queue.splice(index, 1)[0]!;
      const key = pending.request.datasetKey;
      const request: Request = slot.datasets.has(key) || pending.dataset === undefined ? pending.request : { ...pending.request, dataset: pending.dataset };
      if (pending.dataset !== undefined) slot.datasets.add(key);
      slot.busy = pending;
      slot.worker.postMessage(request);
    }
  }

  private settle(slot: Slot, response: Response): void {
    const pending = slot.busy;
    slot.busy = undefined;
    if (pending === undefined || pending.request.id !== response.id) {
      this.fail(new Error('a worker thread answered a job it was not given'));
      return;
    }
    if (response.ok) pending.resolve(response.result as never);
    else pending.reject(revive(response.error));
    this.dispatch();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const slot of this.slots) {
      slot.busy?.reject(error);
      slot.busy = undefined;
    }
    for (const pending of this.queue.splice(0)) pending.reject(error);
  }
}

/** Run `work` with a pool of `size` workers running `script`, closing the pool whatever happens. */
export async function withPool<T>(size: number, work: (pool: WorkerPool) => Promise<T>, script: PoolScript = 'worker'): Promise<T> {
  const pool = new WorkerPool(size, {}, script);
  try {
    return await work(pool);
  } finally {
    await pool.close();
  }
}
