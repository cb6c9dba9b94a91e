// Writing an output's pieces to a file with the next batch made while the last one is written
// (issue 18). A large output comes as pieces of about 64 KB (report/byte-pieces.ts); awaiting a
// write of each on libuv's thread pool left the main thread idle for every one of them — 2,250
// round trips for a trend of 5,000 regions (147 MB), `--out` about 0.25 s slower than the same
// run's standard output (docs/performance.md). Here the pieces are gathered into batches of
// 256 KiB and each batch is written with one writev while the pieces of the next are made: one
// write in flight at a time, so the bytes land in order (also on a descriptor opened for
// appending, where a position would be ignored). A batch written, its pieces' buffers may be cut
// again (core/piece-buffers.ts).
import { writev } from 'node:fs';
import { piecesWritten } from '../core/piece-buffers.js';

/** Bytes gathered before a batch is written: four pieces. Batches of 1 MiB were no faster and
 * raised a report's peak memory by about 10 MB (pieces held longer; 5,000 regions, issue 18). */
export const BATCH_BYTES = 1 << 18;

/** Writes some of `batch`'s bytes, in order; resolves with how many (all of them, but for a short write). */
export type BatchWriter = (batch: readonly Uint8Array[]) => Promise<number>;

const ignore = (): void => {};

/**
 * Write every piece of `pieces` through `writev`, in order. A piece is held until its batch is
 * written (the next pieces are asked for meanwhile), so its bytes must not change once it is
 * given, as with a Node stream's write. A failed write is thrown once the batch after it is
 * ready (or at the end); a failure of `pieces` itself is thrown once the write in flight is over,
 * so the caller may close or remove the file at once.
 */
export async function writeInBatches(pieces: AsyncIterable<Uint8Array>, writev: BatchWriter): Promise<void> {
  let inFlight: Promise<void> | undefined;
  let batch: Uint8Array[] = [];
  let bytes = 0;
  try {
    for await (const piece of pieces) {
      batch.push(piece);
      bytes += piece.length;
      // Stryker disable next-line EqualityOperator: a batch of exactly BATCH_BYTES may wait for one more piece
      if (bytes < BATCH_BYTES) continue;
      await inFlight;
      inFlight = writeWhole(batch, bytes, writev);
      // Seen here, thrown by the await above (or below): never an unhandled rejection while pieces are made.
      inFlight.catch(ignore);
      batch = [];
      bytes = 0;
    }
    await inFlight;
    inFlight = undefined;
    if (bytes > 0) await writeWhole(batch, bytes, writev);
  } finally {
    if (inFlight !== undefined) await inFlight.catch(ignore);
  }
}

/** Write all `bytes` bytes of `batch`, then say its pieces are written (their buffers may be cut again). */
async function writeWhole(batch: readonly Uint8Array[], bytes: number, writev: BatchWriter): Promise<void> {
  await writeAll(batch, bytes, writev);
  piecesWritten(batch);
}

/** Write all `bytes` bytes of `batch`: after a short write, what is left of it. */
async function writeAll(batch: readonly Uint8Array[], bytes: number, writev: BatchWriter): Promise<void> {
  let written = await writev(batch);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: the copy below, and no write, when all were written
  if (written >= bytes) return;
  const rest = Buffer.concat(batch, bytes);
  while (written < bytes) {
    const n = await writev([rest.subarray(written)]);
    // A write that takes nothing and says no error would be asked again for ever.
    if (n <= 0) throw Object.assign(new Error('the file took none of the bytes written to it'), { code: 'EIO' });
    written += n;
  }
}

/**
 * `writev` on an open descriptor at its current position (one write in flight keeps the order,
 * also where a position is ignored). A full pipe of a non-blocking descriptor (EAGAIN) is waited
 * for, not treated as an error.
 */
export function descriptorWriter(fd: number): BatchWriter {
  const once = (batch: readonly Uint8Array[]) => new Promise<number>((done, fail) => writev(fd, batch as Uint8Array[], null, (error, n) => (error ? fail(error) : done(n))));
  return async (batch) => {
    for (;;) {
      try {
        return await once(batch);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        await new Promise((r) => setTimeout(r, 5));
      }
    }
  };
}
