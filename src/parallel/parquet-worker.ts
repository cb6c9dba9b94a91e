// A worker thread that decodes the row groups of one Parquet file (parquet-groups.ts): the file's
// bytes, metadata and kept columns come as workerData; each message asks for a group. The answer
// carries the group's columns (typed arrays transferred, a text column's dictionary copied) — or,
// when the main thread says how (`taking`), the group's rows taken here as the main thread takes
// them (io/parquet-figures.ts): pieces of rows, and between them the rows the row check is to read,
// with the columns when there are such rows. No columns: the group is hyparquet's to read
// (io/parquet-pages.ts); or why decoding failed. A group the main thread claimed first (it reads
// groups itself while this thread is busy or starting) is skipped.
import { parentPort, workerData } from 'node:worker_threads';
import type { Compressors, FileMetaData } from 'hyparquet';
import { ParquetFigures } from '../io/parquet-figures.js';
import { columnsByIndex, type DecodedColumn, DictionaryColumn, FlatGroupReader, type GroupTaking } from '../io/parquet-pages.js';
import { type PieceRows, rowBuffers } from '../io/piece-columns.js';
import { CLAIMED_BY_WORKER, type GroupRequest, type GroupResponse, type SentColumn, type SentSegment } from './protocol.js';

const port = parentPort;
if (port === null) throw new Error('servicegap: parquet-worker.js must run in a worker thread');
const { file, metadata, columns, claims, taking } = workerData as {
  file: Uint8Array;
  metadata: FileMetaData;
  columns: readonly string[];
  claims: Int32Array;
  taking: GroupTaking | undefined;
};
const { compressors } = (await import('hyparquet-compressors')) as { compressors: Compressors };
const reader = FlatGroupReader.of(file, metadata, columns, compressors);
// Each group's first row in the file (its line is that row's number + 2: row N is line N + 1).
const groupStarts: number[] = [];
for (let start = 0, g = 0; g < metadata.row_groups.length; g++) {
  groupStarts.push(start);
  start += Number(metadata.row_groups[g]!.num_rows);
}
let segments: SentSegment[] = [];
const figures = taking === undefined ? undefined : new ParquetFigures(taking.kind, taking.format, taking.kept, (rows: PieceRows) => segments.push({ rows }));

/** The decoded columns as they travel, and the buffers to transfer. */
function sendable(decoded: Map<string, DecodedColumn>): { sent: [string, SentColumn][]; transfer: ArrayBuffer[] } {
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
  return { sent, transfer };
}

port.on('message', ({ group }: GroupRequest) => {
  if (Atomics.compareExchange(claims, group, 0, CLAIMED_BY_WORKER) !== 0) {
    port.postMessage({ group, skipped: true } satisfies GroupResponse);
    return;
  }
  try {
    const decoded = reader?.read(group);
    if (decoded === undefined) {
      port.postMessage({ group } satisfies GroupResponse);
      return;
    }
    if (figures === undefined || taking === undefined) {
      const { sent, transfer } = sendable(decoded);
      port.postMessage({ group, columns: sent } satisfies GroupResponse, transfer);
      return;
    }
    // The rows taken here, as read-parquet.ts takes them on the main thread.
    const rows = Number(metadata.row_groups[group]!.num_rows);
    figures.group(columnsByIndex(taking.kept, taking.names, decoded, rows));
    segments = [];
    figures.takeGroup(rows, groupStarts[group]! + 2, (k) => segments.push({ check: k }));
    const checks = segments.some((s) => 'check' in s);
    const transfer = segments.flatMap((s) => ('rows' in s ? rowBuffers(s.rows) : []));
    const columnsSent = checks ? sendable(decoded) : undefined;
    port.postMessage({ group, segments, columns: columnsSent?.sent } satisfies GroupResponse, [...transfer, ...(columnsSent?.transfer ?? [])]);
  } catch (error) {
    port.postMessage({ group, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies GroupResponse);
  }
});
