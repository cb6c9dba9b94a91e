// Claims on the blocks of a report's interval draws (core/interval.ts intervalBlocks), shared by
// the threads that run them: each thread takes the next unclaimed block until none is left, so a
// thread that starts late (the main thread makes the plausibility notices first) or runs slower
// takes fewer, and no thread waits for another's fixed share. A block's draws depend only on its
// index, and the extremes kept are a multiset, so the intervals do not depend on who ran which
// block. Each block records its claimant: the blocks of a worker that failed are run again by the
// main thread.

/** The main thread's mark on the blocks it claims; worker i's is WORKER_CLAIMANT + i. */
export const MAIN_CLAIMANT = 1;
export const WORKER_CLAIMANT = 2;

/** Claims on `blocks` blocks: cell 0 the next block to claim, cell 1 + b the claimant of block b (0: none yet). */
export function intervalClaims(blocks: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * (blocks + 1)));
}

/** The blocks of `claims` (made for `blocks` blocks) as `claimant` takes them, one per call, then undefined. */
export function claimBlocks(claims: Int32Array, claimant: number): () => number | undefined {
  const blocks = claims.length - 1;
  return () => {
    const b = Atomics.add(claims, 0, 1);
    if (b >= blocks) return undefined;
    Atomics.store(claims, 1 + b, claimant);
    return b;
  };
}

/**
 * Once no thread claims any more: the blocks whose draws are not in hand, one per call, then
 * undefined — every block not claimed by one of `done` (a claimant whose extremes were taken),
 * including a block a thread claimed but stopped before marking.
 */
export function blocksNotDone(claims: Int32Array, done: ReadonlySet<number>): () => number | undefined {
  const blocks = claims.length - 1;
  let b = 0;
  return () => {
    while (b < blocks && done.has(Atomics.load(claims, 1 + b))) b++;
    return b < blocks ? b++ : undefined;
  };
}
