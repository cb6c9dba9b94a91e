// A worker thread that reads pieces of one large file (read-in-parallel.ts): its setup comes as
// workerData (or as the first message), each piece as a message; each answer carries the piece's
// rows as transferred columns, and the piece's buffer back.
import { parentPort, workerData } from 'node:worker_threads';
import { rowBuffers } from '../io/piece-columns.js';
import { PieceParser, PieceReading, type PieceSetup } from '../io/piece-parser.js';
import type { PieceRequest, PieceResponse } from './protocol.js';

const port = parentPort;
if (port === null) throw new Error('servicegap: parse-worker.js must run in a worker thread');
// Made once: its compiled functions (row shape, checkers) stay warm from one piece to the next. A
// worker started before its file was known (read-in-parallel.ts startReaders) gets the setup as
// its first message.
let reading = workerData === undefined || workerData === null ? undefined : new PieceReading(workerData as PieceSetup);

port.on('message', (request: PieceRequest) => {
  if ('setup' in request) {
    reading = new PieceReading(request.setup);
    return;
  }
  if (reading === undefined) throw new Error('servicegap: a piece came before the setup of its file');
  if ('recycle' in request) {
    reading.columns.recycle(request.recycle);
    return;
  }
  const { seq, bytes, final } = request;
  // The piece's buffer goes back with the answer, whatever happens, to be read into again.
  const back = bytes.buffer as ArrayBuffer;
  try {
    const parser = new PieceParser(reading);
    parser.push(bytes, final);
    const result = parser.take();
    port.postMessage({ seq, bytes, result } satisfies PieceResponse, [back, ...rowBuffers(result.rows)]);
  } catch (error) {
    port.postMessage({ seq, bytes, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies PieceResponse, [back]);
  }
});
