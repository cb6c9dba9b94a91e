// A large Parquet file's row groups decoded in a worker thread (parquet-worker.ts) a few groups
// ahead of the main thread, which takes each group's rows meanwhile (io/read-parquet.ts): the
// decoding is about a third of the reading, so it runs beside the rest instead of before it
// (issue 18). The groups come back in the order asked, with exactly the values the main thread's
// own decoder gives; a group the worker could not decode, or every group after the thread failed
// or stopped, is decoded on the main thread: the reading never depends on the worker. The io
// layer calls this through the decoder it is given (io/read-rest.ts ParallelReading.parquet).
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

/** The decoder that runs `script` (a test gives a script that fails). */
export function groupDecoder(script: URL): ParallelGroupDecoder {
  return (file, metadata, columns, compressors) => decodeInWorker(script, file, metadata, columns, compressors);
}

/** The row groups decoded in the worker thread of parquet-worker.ts. */
export const decodeGroupsInWorker: ParallelGroupDecoder = groupDecoder(workerScript('parquet-worker'));

function decodeInWorker(script: URL, file: Uint8Array, metadata: FileMetaData, columns: readonly string[], compressors: Compressors): GroupDecoding {
  const groups = metadata.row_groups.length;
  const answers = new Map<number, { promise: Promise<Answer>; settle: (answer: Answer) => void }>();
  const entry = (group: number) => {
    let found = answers.get(group);
    if (found === undefined) {
      let settle!: (answer: Answer) => void;
      const promise = new Promise<Answer>((resolve) => (settle = resolve));
      answers.set(group, (found = { promise, settle }));
    }
    return found;
  };
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
    workerData: { file: copy, metadata, columns },
    transferList: [copy.buffer],
    resourceLimits: WORKER_LIMITS,
  });
  worker.on('message', (response: GroupResponse) => {
    if (response.failure !== undefined || response.columns === undefined) {
      entry(response.group).settle(response.failure !== undefined ? null : undefined);
      return;
    }
    const decoded = new Map<string, DecodedColumn>();
    for (const [name, sent] of response.columns) decoded.set(name, 'indices' in sent ? new DictionaryColumn(sent.dictionary, sent.indices) : sent.values);
    entry(response.group).settle(decoded);
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
      // After a failure only the groups asked for before it have an answer (each settled).
      const asked = answers.get(index);
      const answer = asked === undefined ? null : await asked.promise;
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
