// The buffers an output's pieces are cut from (src/core/piece-buffers.ts): a buffer is cut again
// only once it is retired and every piece cut from it has been said to be written — never while
// a piece of it is out, so a written piece's bytes are the only ones ever reused. Each test takes
// buffers of a size of its own: the pool is the process's, shared with the other test files.
import { describe, expect, it } from 'vitest';
import { cutPiece, piecesWritten, retireBuffer, takeBuffer } from '../../src/core/piece-buffers.js';

/** takeBuffer of `bytes`, noting whether it made new memory. */
function take(bytes: number): { buffer: Uint8Array; fresh: boolean } {
  let fresh = false;
  const buffer = takeBuffer(
    bytes,
    (n) => {
      fresh = true;
      return new Uint8Array(n);
    },
    (memory) => new Uint8Array(memory),
  );
  return { buffer, fresh };
}

/** A piece of `buffer`, handed out. */
function cut(buffer: Uint8Array, from: number, to: number): Uint8Array {
  const piece = buffer.subarray(from, to);
  cutPiece(piece);
  return piece;
}

describe('piece buffers', () => {
  it('cuts a buffer again once it is retired and all its pieces are written, not before', () => {
    const first = take(1001);
    expect(first.fresh).toBe(true);
    const a = cut(first.buffer, 0, 10);
    const b = cut(first.buffer, 10, 20);
    retireBuffer(first.buffer);
    piecesWritten([a]);
    // b is still out: new memory.
    const second = take(1001);
    expect(second.fresh).toBe(true);
    expect(second.buffer.buffer).not.toBe(first.buffer.buffer);
    piecesWritten([b]);
    const third = take(1001);
    expect(third.fresh).toBe(false);
    expect(third.buffer.buffer).toBe(first.buffer.buffer);
  });

  it('keeps a buffer whose pieces are all written while pieces may still be cut from it (not retired)', () => {
    const first = take(1002);
    piecesWritten([cut(first.buffer, 0, 5), cut(first.buffer, 5, 9)]);
    expect(take(1002).fresh).toBe(true);
    retireBuffer(first.buffer);
    const again = take(1002);
    expect(again.fresh).toBe(false);
    expect(again.buffer.buffer).toBe(first.buffer.buffer);
  });

  it('passes over pieces of other memory, and pieces said written more often than cut', () => {
    const first = take(1003);
    const a = cut(first.buffer, 0, 4);
    const b = cut(first.buffer, 4, 8);
    // Pieces of memory it did not give: nothing changes.
    piecesWritten([new Uint8Array(1003).subarray(0, 4), Buffer.from('text')]);
    retireBuffer(first.buffer);
    piecesWritten([a]);
    expect(take(1003).fresh).toBe(true);
    piecesWritten([b, b, a]);
    expect(take(1003).buffer.buffer).toBe(first.buffer.buffer);
    // Free memory is handed out once: the next is new.
    expect(take(1003).fresh).toBe(true);
  });

  it('does not count a piece said written twice against a piece still out', () => {
    const first = take(1006);
    const a = cut(first.buffer, 0, 4);
    piecesWritten([a, a]);
    cut(first.buffer, 4, 8);
    retireBuffer(first.buffer);
    // The second piece is out: the buffer must not be cut again.
    expect(take(1006).fresh).toBe(true);
  });

  it('gives memory of the size asked only, the latest freed first, and keeps at most four', () => {
    const buffers = Array.from({ length: 6 }, () => take(1004).buffer);
    const other = take(1005).buffer;
    for (const buffer of buffers) retireBuffer(buffer);
    retireBuffer(other);
    // Kept: the last four freed, buffers[3], [4], [5] and other; buffers[0..2] went to the collector.
    expect(take(1005).buffer.buffer).toBe(other.buffer);
    expect(take(1004).buffer.buffer).toBe(buffers[5]!.buffer);
    expect(take(1004).buffer.buffer).toBe(buffers[4]!.buffer);
    expect(take(1004).buffer.buffer).toBe(buffers[3]!.buffer);
    expect(take(1004).fresh).toBe(true);
  });
});
