// The rest of a file after its head (read-table.ts reads the head: encoding, delimiter, header),
// read from its bytes in pieces (piece-parser.ts): here on this thread, or — for a large file, by a
// reader the caller gives (parallel/read-in-parallel.ts) — in worker threads. The io layer never
// loads the parallel one: the caller injects it (ParallelReading.read).
import type { ParallelGroupDecoder } from './parquet-pages.js';
import { recyclable } from './piece-columns.js';
import { PieceParser, PieceReading, type PieceResult, type PieceSetup } from './piece-parser.js';
import { PieceSource, type RestOfFile } from './piece-source.js';

/** A piece's rows and issues, with the number to add to their lines to place them in the file. */
export type OnPiece = (result: PieceResult, lineOffset: number) => void;

/** Worker threads started before the file they are to read is reached (ParallelReading.start):
 * the reader takes them instead of starting its own; whatever it did not take, close() ends. */
export interface StartedReaders {
  close(): Promise<void>;
}

/** A reader of the rest of a file in worker threads (parallel/read-in-parallel.ts); `started`:
 * threads started ahead for this file. */
export type ParallelRestReader = (
  rest: RestOfFile,
  setup: PieceSetup,
  options: { readonly threads: number; readonly pieceBytes: number; readonly started?: StartedReaders | undefined },
  onPiece: OnPiece,
) => Promise<void>;

/** How large files are read on several cores. */
export interface ParallelReading {
  /** Threads that read, this one included; 1 or fewer reads every file on this thread. */
  readonly threads: number;
  /** Files at least this large are read in parallel (default PARALLEL_MIN_BYTES). */
  readonly minBytes?: number | undefined;
  /** Bytes per piece sent to a worker (default PARALLEL_PIECE_BYTES). */
  readonly pieceBytes?: number | undefined;
  /** The reader that uses worker threads: given by the caller, so that io never imports it. */
  readonly read: ParallelRestReader;
  /** Decodes a large Parquet file's row groups ahead in a worker thread (parallel/parquet-groups.ts). */
  readonly parquet?: ParallelGroupDecoder | undefined;
  /** Parquet files of at least this many rows are decoded so (default PARQUET_PARALLEL_MIN_ROWS, read-parquet.ts). */
  readonly parquetMinRows?: number | undefined;
  /** Starts `workers` reading threads ahead of their file (parallel/read-in-parallel.ts startReaders):
   * a thread takes about 0.15 s to start, which the loader spends while the small files are read. */
  readonly start?: ((workers: number) => StartedReaders) | undefined;
  /** Threads started ahead for the file being read (see start). */
  readonly started?: StartedReaders | undefined;
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

/** Read the rest of a file on this thread, a piece at a time, in the same few buffers. */
export async function readRestHere(rest: RestOfFile, setup: PieceSetup, onPiece: OnPiece): Promise<void> {
  const reading = new PieceReading(setup);
  const parser = new PieceParser(reading);
  const placement = new PiecePlacement(rest, onPiece);
  const offset = placement.lineOffset;
  const source = new PieceSource(rest, PARALLEL_PIECE_BYTES, 4 * setup.maxLineChars + 4, rest.onBytes);
  try {
    for (let piece = await source.next(); piece !== undefined; piece = await source.next()) {
      parser.push(piece.bytes, piece.final);
      source.release(piece.bytes);
      const result = parser.take();
      const going = placement.deliver(result, offset);
      reading.columns.recycle(recyclable(result.rows));
      if (!going) break;
    }
  } finally {
    await source.close();
  }
}
