// The rest of a large file, read on every core: the main thread cuts the bytes into pieces that
// end at a line feed (io/piece-source.ts) and sends them to worker threads (parse-worker.ts),
// which read their rows (io/piece-parser.ts); it reads pieces itself whenever the workers have
// enough to do. The results are handed on in file order, so whatever the rows are added to sees
// exactly what a single thread would have seen. Pieces and rows travel as transferred buffers and
// come back to be used again, so memory stays flat whatever the size of the file. A piece a worker
// has not answered when the main thread has nothing else to do is read on the main thread too
// (the first answer counts), so a slow or busy worker never holds the reading up. The io layer
// calls this through the reader it is given (io/read-rest.ts ParallelReading).
//
// A piece is read as if it began at a record. That holds for the first (the reading of the head
// stopped between two records) and, piece by piece, for every next one whose predecessor ended
// between records. A piece that ends inside a quoted field (a quoted line break that the cut fell
// in) breaks the chain: from that piece on, the file is read on the main thread as one stream, as
// it is when a worker fails or stops.
import type { Worker } from 'node:worker_threads';
import { discardBuffers } from '../io/discard-buffers.js';
import { recyclable } from '../io/piece-columns.js';
import { PieceParser, PieceReading, type PieceResult, type PieceSetup } from '../io/piece-parser.js';
import { type Piece, PieceSource, type RestOfFile } from '../io/piece-source.js';
import { type OnPiece, PiecePlacement, type StartedReaders } from '../io/read-rest.js';
import { startWorker, workerScript } from './pool.js';
import type { PieceRequest, PieceResponse } from './protocol.js';

export interface ParallelReadOptions {
  /** Threads that read, this one included (≥ 2: one worker thread or more). */
  readonly threads: number;
  /** Bytes per piece, about (each ends at the last line feed before this many). */
  readonly pieceBytes: number;
  /** Worker threads started ahead for this file (startReaders), taken before any is started. */
  readonly started?: StartedReaders | undefined;
}

/**
 * Parse workers started before their file is reached — while the small files are read, on a core
 * that is idle then —, each waiting for its file's setup: a worker takes about 0.15 s to start
 * (its isolate, its modules), which the file's reading then does not wait for (issue 18).
 */
export class StartedParseWorkers implements StartedReaders {
  private readonly idle: Worker[] = [];
  private readonly ended = new Set<Worker>();

  /** `script`: the parse worker's (a test gives one that fails). */
  constructor(count: number, script: URL = workerScript('parse-worker')) {
    for (let i = 0; i < count; i++) {
      const worker = startWorker(script, { resourceLimits: WORKER_LIMITS });
      // One that fails or stops before it is taken is never handed out.
      worker.on('error', () => this.ended.add(worker));
      worker.on('exit', () => this.ended.add(worker));
      this.idle.push(worker);
    }
  }

  /** A started worker that is still running, to be given its setup; undefined when none is left. */
  take(): Worker | undefined {
    for (let worker = this.idle.shift(); worker !== undefined; worker = this.idle.shift()) if (!this.ended.has(worker)) return worker;
    return undefined;
  }

  /** End the workers not taken. */
  async close(): Promise<void> {
    await Promise.all(this.idle.splice(0).map((w) => w.terminate()));
  }
}

/** Start `workers` parse workers ahead of their file (io's ParallelReading.start). */
export function startReaders(workers: number): StartedParseWorkers {
  return new StartedParseWorkers(workers);
}

/** A worker holds a piece or two at a time and makes few objects (the rows are typed arrays), so
 * a small heap will do; without a cap V8 lets each grow far beyond what it needs. */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 4 };

/** Pieces a worker is given ahead: one to read, one waiting. */
const AHEAD = 2;

interface Slot {
  readonly worker: Worker;
  inFlight: number;
}

/** A piece sent or read, until its result is handed on. */
interface Sent {
  readonly piece: Piece;
  /** The worker given a copy of the piece; undefined: read on this thread. */
  readonly slot: Slot | undefined;
  /** Read on this thread after all, the worker being late: its answer, when it comes, is not used. */
  stolen: boolean;
}

/**
 * Read the rest of a file with `options.threads` threads (this one and worker threads); `onPiece`
 * gets the results in file order. Resolves when the file has been read, or a problem stopped its
 * reading.
 */
export async function readRestInParallel(rest: RestOfFile, setup: PieceSetup, options: ParallelReadOptions, onPiece: OnPiece): Promise<void> {
  const source = new PieceSource(rest, options.pieceBytes, 4 * setup.maxLineChars + 4, rest.onBytes);
  const placement = new PiecePlacement(rest, onPiece);
  const local = new PieceReading(setup);
  const sent = new Map<number, Sent>();
  const results = new Map<number, PieceResult>();
  /** Why the workers cannot go on (a thread that failed or stopped): the rest is read here. */
  let failure: Error | undefined;
  let closing = false;
  let wake: (() => void) | undefined;
  const slots: Slot[] = [];
  for (let i = 0; i < Math.max(1, options.threads - 1); i++) {
    const ahead = options.started instanceof StartedParseWorkers ? options.started.take() : undefined;
    if (ahead !== undefined) ahead.postMessage({ setup } satisfies PieceRequest);
    const slot: Slot = { worker: ahead ?? startWorker(workerScript('parse-worker'), { workerData: setup, resourceLimits: WORKER_LIMITS }), inFlight: 0 };
    slot.worker.on('message', (message: PieceResponse) => {
      slot.inFlight--;
      copies.push(message.bytes.buffer as ArrayBuffer);
      const entry = sent.get(message.seq);
      if (message.result && (entry === undefined || entry.stolen)) slot.worker.postMessage({ recycle: recyclable(message.result.rows) } satisfies PieceRequest, recyclable(message.result.rows));
      else if (message.result) results.set(message.seq, message.result);
      else failure ??= new Error(`a worker thread failed while reading ${setup.file}: ${message.failure}`);
      wake?.();
    });
    slot.worker.on('error', (error) => {
      failure ??= error;
      wake?.();
    });
    slot.worker.on('exit', (code) => {
      if (!closing) failure ??= new Error(`a worker thread stopped (exit code ${code}) while reading ${setup.file}`);
      wake?.();
    });
    slots.push(slot);
  }
  /** Buffers for the copies of pieces sent to workers (they come back with the answers). */
  const copies: ArrayBuffer[] = [];
  /** Done with a piece: its buffer and its rows' arrays go back to be used again. */
  const release = (seq: number, result: PieceResult | undefined) => {
    const entry = sent.get(seq);
    sent.delete(seq);
    if (entry === undefined) return;
    source.release(entry.piece.bytes);
    if (result === undefined) return;
    const buffers = recyclable(result.rows);
    if (entry.slot === undefined || entry.stolen) local.columns.recycle(buffers);
    else if (!closing) entry.slot.worker.postMessage({ recycle: buffers } satisfies PieceRequest, buffers);
  };
  /** Read a piece on this thread. */
  const readHere = (piece: Piece): PieceResult => {
    const parser = new PieceParser(local);
    parser.push(piece.bytes, piece.final);
    return parser.take();
  };
  const maxPending = 2 * AHEAD * slots.length + 2;
  let nextSeq = 0;
  let nextToDeliver = 0;
  let reading = true;
  let stopped = false;
  /** The first piece that ended inside a quoted field: read from there on this thread. */
  let fallbackFrom: number | undefined;
  try {
    while (!stopped && fallbackFrom === undefined) {
      if (failure) {
        // Whatever went wrong in a worker, the pieces not yet handed on are read on this thread
        // (where an error in the code itself shows up again, and is thrown).
        fallbackFrom = nextToDeliver;
        break;
      }
      // Hand on the results that are next in file order.
      while (results.has(nextToDeliver)) {
        const seq = nextToDeliver;
        const result = results.get(seq)!;
        if (!result.clean && result.error === undefined && !sent.get(seq)!.piece.final) {
          fallbackFrom = seq;
          break;
        }
        results.delete(seq);
        nextToDeliver++;
        const going = placement.deliver(result, placement.lineOffset);
        placement.lineOffset += result.lines;
        release(seq, result);
        if (!going) {
          stopped = true;
          break;
        }
      }
      if (stopped || fallbackFrom !== undefined) break;
      const slot = slots.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
      // A piece for a worker that has room; else one read here while they work, as long as the
      // results waiting to be handed on stay few.
      if (reading && (slot.inFlight < AHEAD || sent.size < maxPending)) {
        const piece = await source.next();
        if (piece === undefined) {
          reading = false;
          continue;
        }
        const seq = nextSeq++;
        if (slot.inFlight < AHEAD) {
          slot.inFlight++;
          sent.set(seq, { piece, slot, stolen: false });
          // A copy is transferred (and comes back with the answer): the piece stays here, to be
          // read here if the worker is late or fails.
          const free = copies.pop();
          const copy = free !== undefined && free.byteLength >= piece.bytes.length ? new Uint8Array(free, 0, piece.bytes.length) : new Uint8Array(piece.bytes.length);
          copy.set(piece.bytes);
          slot.worker.postMessage({ seq, bytes: copy, final: piece.final } satisfies PieceRequest, [copy.buffer]);
        } else {
          sent.set(seq, { piece, slot: undefined, stolen: false });
          results.set(seq, readHere(piece));
        }
        continue;
      }
      if (!reading && sent.size === 0) break;
      // Nothing more to read for now, and the next piece's worker has not answered: read it here
      // (a busy or slow worker never holds the reading up).
      const next = sent.get(nextToDeliver);
      if (!results.has(nextToDeliver) && next !== undefined && next.slot !== undefined && !next.stolen) {
        next.stolen = true;
        results.set(nextToDeliver, readHere(next.piece));
        continue;
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        if (results.has(nextToDeliver) || failure) resolve();
      });
      wake = undefined;
    }
  } finally {
    closing = true;
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
  if (fallbackFrom !== undefined) {
    // One parser from the piece that ended inside quotes to the end of the file, on this thread.
    const parser = new PieceParser(new PieceReading(setup));
    const offset = placement.lineOffset;
    let final = false;
    const push = (piece: Piece): boolean => {
      final = piece.final;
      parser.push(piece.bytes, piece.final);
      return placement.deliver(parser.take(), offset);
    };
    let going = true;
    for (let seq = fallbackFrom; going && sent.has(seq); seq++) {
      going = push(sent.get(seq)!.piece);
    }
    sent.clear();
    while (going && !final) {
      const piece = await source.next();
      if (piece === undefined) break;
      going = push(piece);
    }
    if (going && !final) push({ bytes: new Uint8Array(0), final: true });
    stopped = !going;
  }
  await source.close();
  // The workers are gone and every piece is handed on: what is left of the buffers is given back
  // now, not at V8's next full collection (io/discard-buffers.ts; a trend's peak on 4.95 M rows:
  // about 13 MB less).
  discardBuffers([...source.takeFreeBuffers(), ...local.columns.takeSpareBuffers(), ...copies.splice(0)]);
}
