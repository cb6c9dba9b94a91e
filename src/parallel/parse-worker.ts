// A worker thread that reads pieces of one large file (read-in-parallel.ts): its setup comes as
// workerData, each piece as a message; each answer carries the piece's rows as transferred columns.
import { parentPort, workerData } from 'node:worker_threads';
import { rowBuffers } from '../io/piece-columns.js';
import { PieceParser, PieceReading, type PieceSetup } from '../io/piece-parser.js';

const port = parentPort;
if (port === null) throw new Error('servicegap: parse-worker.js must run in a worker thread');
// Made once: its compiled functions (row shape, checkers) stay warm from one piece to the next.
const reading = new PieceReading(workerData as PieceSetup);

port.on('message', ({ seq, bytes, final }: { seq: number; bytes: Uint8Array; final: boolean }) => {
  try {
    const parser = new PieceParser(reading);
    parser.push(bytes, final);
    const result = parser.take();
    port.postMessage({ seq, result }, rowBuffers(result.rows));
  } catch (error) {
    port.postMessage({ seq, failure: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
