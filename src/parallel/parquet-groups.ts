// A large Parquet file's row groups read in a worker thread (parquet-worker.ts) a few groups ahead
// of the main thread (io/read-parquet.ts): decoded into columns, or — when the caller says how
// (`taking`) — also taken into pieces of rows there, as the main thread would take them, so that
// the main thread only adds the pieces to the dataset (issue 18). Each side claims a group before
// reading it (a shared array, compare-and-exchange): a group the worker has not begun when the
// main thread reaches it — while the worker starts, or is busy with the group before — is read on
// the main thread, so the two share the groups as their speed goes. Taking rows too, the worker
// does as much per group as the main thread, which also adds every group's rows to the dataset:
// the main thread then reads every other group itself from the start.
// The groups are handed on in file order, with exactly what the main thread's own reading gives
// (test/parallel/parquet-groups.test.ts); every group after the worker failed or stopped is read on
// the main thread: the reading never depends on the worker. The io layer calls this through the
// decoder it is given (io/read-rest.ts ParallelReading.parquet).
import type { Compressors, FileMetaData } from 'hyparquet';
import { type DecodedColumn, DictionaryColumn, FlatGroupReader, type GroupDecoding, type GroupTaking, type ParallelGroupDecoder, type TakenGroup } from '../io/parquet-pages.js';
import { startWorker, workerScript } from './pool.js';
import { CLAIMED_BY_MAIN, type GroupRequest, type GroupResponse } from './protocol.js';

/** Groups asked for ahead of the one being taken (each about 120,000 rows in DuckDB's files). */
const AHEAD = 2;

/** The worker holds the file's bytes outside its heap and a group or two of columns. */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 };

/** An answer: the group's columns or its rows taken (undefined: hyparquet's group), or `null`: decode here. */
type Answer = Map<string, DecodedColumn> | TakenGroup | undefined | null;

/** A group's answer: its promise, and whether it came. */
interface Pending {
  readonly promise: Promise<Answer>;
  readonly settle: (answer: Answer) => void;
  settled: boolean;
}

/** The decoder that runs `script` (a test gives a script that fails). */
export function groupDecoder(script: URL): ParallelGroupDecoder {
  return (file, metadata, columns, compressors, taking) => decodeInWorker(script, file, metadata, columns, compressors, taking);
}

/** The row groups decoded in the worker thread of parquet-worker.ts. */
export const decodeGroupsInWorker: ParallelGroupDecoder = groupDecoder(workerScript('parquet-worker'));

function decodeInWorker(script: URL, file: Uint8Array, metadata: FileMetaData, columns: readonly string[], compressors: Compressors, taking: GroupTaking | undefined): GroupDecoding {
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
  // Who reads each group: a group the worker has not begun when this thread reaches it is read
  // here (while the worker starts, or is busy with the one before); each side claims a group by
  // compare-and-exchange, so no group is read twice and none waits for a thread that has not
  // begun it.
  const claims = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, groups)));
  // Taking rows too, the worker does as much per group as this thread, which also adds every
  // group's rows to the dataset: this thread reads every other group itself from the start.
  if (taking !== undefined) for (let g = 1; g < groups; g += 2) claims[g] = CLAIMED_BY_MAIN;
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
    workerData: { file: copy, metadata, columns, claims, taking },
    transferList: [copy.buffer],
    resourceLimits: WORKER_LIMITS,
  });
  worker.on('message', (response: GroupResponse) => {
    // A group read here, or already handed on, has no entry: its answer is dropped.
    const pending = answers.get(response.group);
    if (pending === undefined || response.skipped) return;
    if (response.failure !== undefined) {
      pending.settle(null);
      return;
    }
    let decoded: Map<string, DecodedColumn> | undefined;
    if (response.columns !== undefined) {
      decoded = new Map();
      for (const [name, sent] of response.columns) decoded.set(name, 'indices' in sent ? new DictionaryColumn(sent.dictionary, sent.indices) : sent.values);
    }
    pending.settle(response.segments !== undefined ? { segments: response.segments, columns: decoded } : decoded);
  });
  worker.on('error', fail);
  worker.on('exit', () => {
    if (!closing) fail();
  });
  let asked = 0;
  const ask = (upTo: number) => {
    for (; !failed && asked < Math.min(groups, upTo); asked++) {
      if (claims[asked] === CLAIMED_BY_MAIN) continue;
      entry(asked);
      worker.postMessage({ group: asked } satisfies GroupRequest);
    }
  };
  ask(AHEAD);
  let local: FlatGroupReader | undefined;
  return {
    async group(index) {
      ask(index + 1 + AHEAD);
      // After a failure only the groups asked for before it have an answer (each settled). A group
      // the worker has not begun is read here.
      const asked = answers.get(index);
      const here = asked === undefined || (!asked.settled && Atomics.compareExchange(claims, index, 0, CLAIMED_BY_MAIN) === 0);
      const answer = here ? null : await asked.promise;
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
