// A worker thread that decodes the row groups of one Parquet file (parquet-groups.ts): the file's
// bytes, metadata and kept columns come as workerData; each message asks for a group, each answer
// carries its columns (typed arrays transferred, a text column's dictionary copied) — or none,
// when the group is hyparquet's to read (io/parquet-pages.ts), or why decoding failed; a group
// the main thread marked taken (it decoded it while this thread started) is skipped.
import { parentPort, workerData } from 'node:worker_threads';
import type { Compressors, FileMetaData } from 'hyparquet';
import { DictionaryColumn, FlatGroupReader } from '../io/parquet-pages.js';
import type { GroupRequest, GroupResponse, SentColumn } from './protocol.js';

const port = parentPort;
if (port === null) throw new Error('servicegap: parquet-worker.js must run in a worker thread');
const { file, metadata, columns, taken } = workerData as { file: Uint8Array; metadata: FileMetaData; columns: readonly string[]; taken: Int32Array };
const { compressors } = (await import('hyparquet-compressors')) as { compressors: Compressors };
const reader = FlatGroupReader.of(file, metadata, columns, compressors);

port.on('message', ({ group }: GroupRequest) => {
  // The main thread decoded this group itself while this thread was starting.
  if (Atomics.load(taken, group) === 1) {
    port.postMessage({ group, skipped: true } satisfies GroupResponse);
    return;
  }
  try {
    const decoded = reader?.read(group);
    if (decoded === undefined) {
      port.postMessage({ group } satisfies GroupResponse);
      return;
    }
    const sent: [string, SentColumn][] = [];
    const transfer: ArrayBuffer[] = [];
    for (const [name, column] of decoded) {
      if (column instanceof DictionaryColumn) {
        sent.push([name, { dictionary: column.dictionary, indices: column.indices }]);
        transfer.push(column.indices.buffer as ArrayBuffer);
      } else {
        sent.push([name, { values: column }]);
        if (ArrayBuffer.isView(column)) transfer.push(column.buffer as ArrayBuffer);
      }
    }
    port.postMessage({ group, columns: sent } satisfies GroupResponse, transfer);
  } catch (error) {
    port.postMessage({ group, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies GroupResponse);
  }
});
