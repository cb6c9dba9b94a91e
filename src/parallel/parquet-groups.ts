// A large Parquet file's row groups decoded in a worker thread (parquet-worker.ts) a few groups
// ahead of the main thread, which takes each group's rows meanwhile (io/read-parquet.ts): the
// decoding is about a third of the reading, so it runs beside the rest instead of before it
// (issue 18). The groups come back in the order asked, with exactly the values the main thread's
// own decoder gives; a group the worker could not decode, or every group after the thread failed
// or stopped, is decoded on the main thread: the reading never depends on the worker. While the
// worker is still starting, the main thread decodes the groups it has not answered itself (and
// marks them taken, so that the worker skips them). The io layer calls this through the decoder
// it is given (io/read-rest.ts ParallelReading.parquet).
import type { Compressors, FileMetaData } from 'hyparquet';
import { type DecodedColumn, DictionaryColumn, FlatGroupReader, type GroupDecoding, type ParallelGroupDecoder } from '../io/parquet-pages.js';
import { startWorker, workerScript } from './pool.js';
import type { GroupRequest, GroupResponse } from './protocol.js';

/** Groups asked for ahead of the one being taken (each about 120,000 rows in DuckDB's files). */
const AHEAD = 2;

/** The worker holds the file's bytes outside its heap and a group or two of columns. */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };

/** An answer not yet come, or its columns (undefined: hyparquet's group), or `null`: decode here. */
type Answer = Map<string, DecodedColumn> | undefined | null;

/** A group's answer: its promise, and whether it came. */
interface Pending {
  readonly promise: Promise<Answer>;
  readonly settle: (answer: Answer) => void;
  settled: boolean;
}

/** The decoder that runs `script` (a test gives a script that fails). */
export function groupDecoder(script: URL): ParallelGroupDecoder {
  return (file, metadata, columns, compressors) => decodeInWorker(script, file, metadata, columns, compressors);
}

/** The row groups decoded in the worker thread of parquet-worker.ts. */
export const decodeGroupsInWorker: ParallelGroupDecoder = groupDecoder(workerScript('parquet-worker'));

function decodeInWorker(script: URL, file: Uint8Array, metadata: FileMetaData, columns: readonly string[], compressors: Compressors): GroupDecoding {
  const groups = metadata.row_groups.length;
  const answers = new Map<number, Pending>();
  const entry = (group: number) => {
    let found = answers.get(group);
    if (found === undefined) {
      let resolve!: (answer: Answer) => void;
      const promise = new Promise<Answer>((r) => (resolve = r));
      const pending: Pending = { promise, settled: false, settle: (answer) => ((pending.settled = true), resolve(answer)) };
      answers.set(group, (found = pending));
    }
    return found;
  };
  // Groups this thread decoded itself while the worker was still starting (about 0.1 s: its
  // isolate and modules): 1 in a group's slot tells the worker to skip it.
  const taken = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, groups)));
  /** Whether the worker has answered once (it is running). */
  let running = false;
  let closing = false;
  /** Set when the thread cannot go on: every group not yet answered is decoded here. */
  let failed = false;
  const fail = () => {
    failed = true;
    for (const { settle } of answers.values()) settle(null);
  };
  // The worker gets a copy of the bytes of its own (transferred, not copied again).
  const copy = file.slice();
  const worker = startWorker(script, {
    workerData: { file: copy, metadata, columns, taken },
    transferList: [copy.buffer],
    resourceLimits: WORKER_LIMITS,
  });
  worker.on('message', (response: GroupResponse) => {
    running = true;
    // A group taken here, or already handed on, has no entry: its answer is dropped.
    const pending = answers.get(response.group);
    if (pending === undefined || response.skipped) return;
    if (response.failure !== undefined || response.columns === undefined) {
      pending.settle(response.failure !== undefined ? null : undefined);
      return;
    }
    const decoded = new Map<string, DecodedColumn>();
    for (const [name, sent] of response.columns) decoded.set(name, 'indices' in sent ? new DictionaryColumn(sent.dictionary, sent.indices) : sent.values);
    pending.settle(decoded);
  });
  worker.on('error', fail);
  worker.on('exit', () => {
    if (!closing) fail();
  });
  let asked = 0;
  const ask = (upTo: number) => {
    for (; !failed && asked < Math.min(groups, upTo); asked++) {
      entry(asked);
      worker.postMessage({ group: asked } satisfies GroupRequest);
    }
  };
  ask(AHEAD);
  let local: FlatGroupReader | undefined;
  return {
    async group(index) {
      ask(index + 1 + AHEAD);
      // The worker's answers are messages: let them in before asking whether it is running.
      if (!running) await new Promise((resolve) => setImmediate(resolve));
      // After a failure only the groups asked for before it have an answer (each settled). While
      // the worker has not started yet, a group it has not answered is decoded here.
      const asked = answers.get(index);
      if (asked !== undefined && !asked.settled && !running) Atomics.store(taken, index, 1);
      const answer = asked === undefined || Atomics.load(taken, index) === 1 ? null : await asked.promise;
      answers.delete(index);
      if (answer !== null) return answer;
      local ??= FlatGroupReader.of(file, metadata, columns, compressors);
      return local?.read(index);
    },
    async close() {
      closing = true;
      await worker.terminate();
    },
  };
}
