// The rest of a large file, read on every core: the main thread cuts the bytes into pieces that
// end at a line feed and sends them to worker threads (parse-worker.ts), which read their rows
// (io/piece-parser.ts); the results come back as columns in transferred buffers and are handed
// on in file order, so whatever the rows are added to sees exactly what a single thread would
// have seen. The io layer calls this through the reader it is given (io/read-rest.ts).
//
// A piece is read as if it began at a record. That holds for the first (the reading of the head
// stopped between two records) and, piece by piece, for every next one whose predecessor ended
// between records. A piece that ends inside a quoted field (a quoted line break that the cut fell
// in) breaks the chain: from that piece on, the file is read on the main thread as one stream, as
// it is when a worker fails or stops.
import { Worker } from 'node:worker_threads';
import { PieceParser, PieceReading, type PieceResult, type PieceSetup } from '../io/piece-parser.js';
import { type OnPiece, PiecePlacement, type RestOfFile } from '../io/read-rest.js';
import { workerExecArgv, workerScript } from './pool.js';

export interface ParallelReadOptions {
  /** Worker threads (≥ 1). */
  readonly threads: number;
  /** Bytes per piece, about (each ends at the first line feed after this many). */
  readonly pieceBytes: number;
}

const EMPTY = new Uint8Array(0);

/** A worker holds a few pieces at a time and makes few objects (the rows are typed arrays), so a
 * small heap will do; without a cap V8 lets each grow far beyond what it needs. */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 8 };

/** The parts as one array (the part itself when there is one). */
const concat = (parts: readonly Uint8Array[], size: number): Uint8Array => (parts.length === 1 ? parts[0]! : Buffer.concat(parts, size));

interface Piece {
  readonly bytes: Uint8Array;
  readonly final: boolean;
}

/** Cuts a byte stream into pieces of about `size` bytes that end just after a line feed. */
class PieceCutter {
  private parts: Uint8Array[];
  private size: number;
  private ended = false;

  constructor(
    carry: Uint8Array,
    private readonly source: AsyncIterator<Uint8Array | string>,
    private readonly pieceBytes: number,
    /** Without a line feed for this many bytes, a line is too long anyway: send it as it is. */
    private readonly maxLineBytes: number,
  ) {
    this.parts = carry.length > 0 ? [carry] : [];
    this.size = carry.length;
  }

  /** The next piece, or undefined at the end. */
  async next(): Promise<Piece | undefined> {
    for (;;) {
      if (this.size >= this.pieceBytes) {
        const all = concat(this.parts, this.size);
        this.parts = [all];
        // The first line feed from pieceBytes on ends the piece.
        const lf = all.indexOf(0x0a, this.pieceBytes - 1);
        if (lf >= 0 || all.length > this.pieceBytes + this.maxLineBytes) {
          const cut = lf >= 0 ? lf + 1 : all.length;
          const rest = all.subarray(cut);
          this.parts = rest.length > 0 ? [rest] : [];
          this.size = rest.length;
          return { bytes: all.subarray(0, cut), final: false };
        }
      }
      if (this.ended) return this.rest(true);
      await this.read();
    }
  }

  /** What is left (all of it, then the end). */
  rest(final: boolean): Piece | undefined {
    if (this.size === 0 && this.ended) return undefined;
    const bytes = concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    return { bytes, final: final && this.ended };
  }

  /** Read the remaining chunks one by one (for the single-threaded fallback). */
  async read(): Promise<void> {
    const next = await this.source.next();
    if (next.done) {
      this.ended = true;
      return;
    }
    const chunk = typeof next.value === 'string' ? new TextEncoder().encode(next.value) : next.value;
    this.parts.push(chunk);
    this.size += chunk.length;
  }

  get done(): boolean {
    return this.ended;
  }

  async close(): Promise<void> {
    await this.source.return?.();
  }
}

interface Slot {
  readonly worker: Worker;
  inFlight: number;
}

/**
 * Read the rest of a file in `options.threads` worker threads; `onPiece` gets the results in file
 * order. Resolves when the file has been read, or a problem stopped its reading.
 */
export async function readRestInParallel(rest: RestOfFile, setup: PieceSetup, options: ParallelReadOptions, onPiece: OnPiece): Promise<void> {
  const cutter = new PieceCutter(rest.carry, rest.source, options.pieceBytes, 4 * setup.maxLineChars + 4);
  const placement = new PiecePlacement(rest, onPiece);

  const sent = new Map<number, Piece>();
  const results = new Map<number, PieceResult>();
  /** Why the workers cannot go on (a thread that failed or stopped): the rest is read here. */
  let failure: Error | undefined;
  let closing = false;
  let wake: (() => void) | undefined;
  const slots: Slot[] = [];
  for (let i = 0; i < options.threads; i++) {
    const slot: Slot = { worker: new Worker(workerScript('parse-worker'), { execArgv: workerExecArgv(), workerData: setup, resourceLimits: WORKER_LIMITS }), inFlight: 0 };
    slot.worker.on('message', (message: { seq: number; result?: PieceResult; failure?: string }) => {
      slot.inFlight--;
      if (message.result) results.set(message.seq, message.result);
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
  const maxInFlight = 3 * options.threads;
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
        const result = results.get(nextToDeliver)!;
        const piece = sent.get(nextToDeliver)!;
        if (!result.clean && result.error === undefined && !piece.final) {
          fallbackFrom = nextToDeliver;
          break;
        }
        results.delete(nextToDeliver);
        sent.delete(nextToDeliver);
        nextToDeliver++;
        if (!placement.deliver(result, placement.lineOffset)) {
          stopped = true;
          break;
        }
        placement.lineOffset += result.lines;
      }
      if (stopped || fallbackFrom !== undefined) break;
      if (reading && sent.size < maxInFlight) {
        const piece = await cutter.next();
        if (piece === undefined) reading = false;
        else {
          const slot = slots.reduce((a, b) => (b.inFlight < a.inFlight ? b : a));
          slot.inFlight++;
          sent.set(nextSeq, piece);
          // Copied, not transferred: the bytes stay here in case the piece must be read again.
          slot.worker.postMessage({ seq: nextSeq++, bytes: piece.bytes, final: piece.final });
        }
        continue;
      }
      if (!reading && sent.size === 0) break;
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
    for (let seq = fallbackFrom; going && sent.has(seq); seq++) going = push(sent.get(seq)!);
    sent.clear();
    while (going && !final && !cutter.done) {
      await cutter.read();
      const piece = cutter.rest(true);
      if (piece) going = push(piece);
    }
    if (going && !final) push({ bytes: EMPTY, final: true });
    stopped = !going;
  }
  if (stopped) await cutter.close();
}
