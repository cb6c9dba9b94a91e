// The buffers an output's pieces are cut from, cut again once every piece of them is written
// (issue 18). A trend of 5,000 regions is 147 MB of JSON; cut from a fresh 1 MiB buffer each
// time, every written buffer waited for V8's next full collection, and the memory it had come
// from stayed with glibc's malloc: about 9 MB of the run's peak (docs/performance.md). The report
// layer cuts pieces (report/byte-pieces.ts); the writers — the batched writes of io and the
// command line's standard output — say when a piece's bytes have left the process. A piece no
// writer says so of is never cut again: its buffer goes to the collector, as before. Pure: no IO.
//
// One pool for the process, as Node's own Buffer pool is: the writer of a piece and its maker do
// not know each other (the app layer hands a renderer's pieces to a writer).

/** Pieces of one buffer handed out and not yet written; `retired`: no more will be cut from it. */
interface BufferState {
  out: number;
  retired: boolean;
}

/** Buffers pieces are being cut from, by their memory. */
const states = new WeakMap<ArrayBufferLike, BufferState>();
/** The memory of buffers whose pieces have all been written, the latest last: cut again before new memory is asked for. */
const free: ArrayBufferLike[] = [];
/** Buffers kept free at most: an output is written one batch at a time, so few are ever waiting. */
const FREE_MAX = 4;

/**
 * A buffer of `bytes` to cut pieces from: the memory of one whose pieces have all been written
 * (viewed by `view`), else `make(bytes)`, which must own its memory whole (offset 0, nothing else
 * in it, as Node's `Buffer.allocUnsafe` of more than a pool's half gives). Count each piece handed
 * out with `cutPiece`, and call `retireBuffer` when no more are cut from it.
 */
export function takeBuffer<B extends Uint8Array>(bytes: number, make: (bytes: number) => B, view: (memory: ArrayBufferLike) => B): B {
  const at = free.findLastIndex((memory) => memory.byteLength === bytes);
  const buffer = at === -1 ? make(bytes) : view(free.splice(at, 1)[0]!);
  states.set(buffer.buffer, { out: 0, retired: false });
  return buffer;
}

/** `piece`, a part of a buffer from `takeBuffer`, is handed out: its buffer is not cut again until it is written. */
export function cutPiece(piece: Uint8Array): void {
  const state = states.get(piece.buffer);
  if (state !== undefined) state.out++;
}

/** No more pieces are cut from `buffer` (from `takeBuffer`): it is free once those handed out are written. */
export function retireBuffer(buffer: Uint8Array): void {
  const state = states.get(buffer.buffer);
  if (state === undefined) return;
  state.retired = true;
  freeWhenDone(buffer.buffer, state);
}

/**
 * `pieces` have been written: their bytes have left the process and no one reads them again. Each
 * piece handed out by `cutPiece` is said once (what is said of a buffer whose pieces are all
 * written already is passed over); pieces of other memory are passed over.
 */
export function piecesWritten(pieces: Iterable<Uint8Array>): void {
  for (const piece of pieces) {
    const state = states.get(piece.buffer);
    if (state === undefined || state.out === 0) continue;
    state.out--;
    freeWhenDone(piece.buffer, state);
  }
}

function freeWhenDone(memory: ArrayBufferLike, state: BufferState): void {
  if (!state.retired || state.out > 0) return;
  states.delete(memory);
  // The latest kept (the next to be cut, its pages the likeliest still in the cache), the oldest left to the collector.
  free.push(memory);
  if (free.length > FREE_MAX) free.shift();
}
