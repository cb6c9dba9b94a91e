// The rest of a file after its head (read-table.ts reads the head: encoding, delimiter, header),
// read from its bytes in pieces (piece-parser.ts): here on this thread, or — for a large file, by a
// reader the caller gives (parallel/read-in-parallel.ts) — in worker threads. The io layer never
// loads the parallel one: the caller injects it (ParallelReading.read).
import { PieceParser, PieceReading, type PieceResult, type PieceSetup } from './piece-parser.js';

/** Where the rest of a file starts. */
export interface RestOfFile {
  /** Bytes already read from the file that belong to the rest. */
  readonly carry: Uint8Array;
  /** The file's remaining bytes. */
  readonly source: AsyncIterator<Uint8Array | string>;
  /** The line the rest starts on. */
  readonly firstLine: number;
  /** The line the last record before it ended on. */
  readonly lastRecordEnd: number;
}

/** A piece's rows and issues, with the number to add to their lines to place them in the file. */
export type OnPiece = (result: PieceResult, lineOffset: number) => void;

/** A reader of the rest of a file in worker threads (parallel/read-in-parallel.ts). */
export type ParallelRestReader = (rest: RestOfFile, setup: PieceSetup, options: { readonly threads: number; readonly pieceBytes: number }, onPiece: OnPiece) => Promise<void>;

/** How large files are read on several cores. */
export interface ParallelReading {
  /** Worker threads; 1 or fewer reads every file on the main thread. */
  readonly threads: number;
  /** Files at least this large are read in parallel (default PARALLEL_MIN_BYTES). */
  readonly minBytes?: number | undefined;
  /** Bytes per piece sent to a worker (default PARALLEL_PIECE_BYTES). */
  readonly pieceBytes?: number | undefined;
  /** The reader that uses worker threads: given by the caller, so that io never imports it. */
  readonly read: ParallelRestReader;
}

/** The smallest file whose rest is worth reading in worker threads: starting them costs about as
 * much as they save on a file this size (bench/RESULTS.md has the measurements). */
export const PARALLEL_MIN_BYTES = 24 << 20;
export const PARALLEL_PIECE_BYTES = 1 << 20;

/**
 * Places each piece's results in the file: the line offset of the next piece, and the line the
 * last record ended on (where an unclosed quote is reported when its piece ended no record).
 */
export class PiecePlacement {
  lineOffset: number;
  private lastRecordEnd: number;

  constructor(
    rest: RestOfFile,
    private readonly onPiece: OnPiece,
  ) {
    this.lineOffset = rest.firstLine - 1;
    this.lastRecordEnd = rest.lastRecordEnd;
  }

  /** Hand on a result read with its lines counted from `offset`; false when reading stops. */
  deliver(result: PieceResult, offset: number): boolean {
    let placed = result;
    if (result.error?.afterLastRecord) {
      // An unclosed quote is placed on the line after the last record that ended, maybe in an earlier piece.
      placed = { ...result, error: { ...result.error, line: this.lastRecordEnd + 1 - offset } };
    }
    if (result.lastRecordEnd > 0) this.lastRecordEnd = offset + result.lastRecordEnd;
    this.onPiece(placed, offset);
    return result.error === undefined;
  }
}

/** Rows are handed on about this often (bytes read), so that a progress bar moves. */
const DELIVER_BYTES = 1 << 20;

/** Read the rest of a file on this thread, one piece of the stream at a time. */
export async function readRestHere(rest: RestOfFile, setup: PieceSetup, onPiece: OnPiece): Promise<void> {
  const parser = new PieceParser(new PieceReading(setup));
  const placement = new PiecePlacement(rest, onPiece);
  const offset = placement.lineOffset;
  let pending = rest.carry.length;
  if (pending > 0) parser.push(rest.carry, false);
  let going = true;
  const encoder = new TextEncoder();
  for (let next = await rest.source.next(); !next.done; next = await rest.source.next()) {
    const bytes = typeof next.value === 'string' ? encoder.encode(next.value) : next.value;
    parser.push(bytes, false);
    pending += bytes.length;
    if (pending >= DELIVER_BYTES) {
      pending = 0;
      if (!(going = placement.deliver(parser.take(), offset))) break;
    }
  }
  if (going) {
    parser.push(new Uint8Array(0), true);
    going = placement.deliver(parser.take(), offset);
  }
  if (!going) await rest.source.return?.();
}
