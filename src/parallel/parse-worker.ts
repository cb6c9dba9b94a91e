// A worker thread that reads pieces of one large file (read-in-parallel.ts): its setup comes as
// workerData, each piece as a message; each answer carries the piece's rows as transferred columns.
import { parentPort, workerData } from 'node:worker_threads';
import { type ChunkSetup, PieceReading, RowChunkParser, transferables } from '../io/row-chunks.js';

const port = parentPort;
if (port === null) throw new Error('servicegap: parse-worker.js must run in a worker thread');
// Made once: its compiled functions (row shape, checkers) stay warm from one piece to the next.
const reading = new PieceReading(workerData as ChunkSetup);

port.on('message', ({ seq, bytes, final }: { seq: number; bytes: Uint8Array; final: boolean }) => {
  try {
    const parser = new RowChunkParser(reading);
    parser.push(bytes, final);
    const result = parser.take();
    port.postMessage({ seq, result }, transferables(result));
  } catch (error) {
    port.postMessage({ seq, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
