// Claims on the blocks of a report's interval draws (src/parallel/interval-claims.ts): every block
// is taken once, by whoever asks first, and the blocks not in hand are exactly those no finished
// claimant marked.
import { describe, expect, it } from 'vitest';
import { blocksNotDone, claimBlocks, intervalClaims, MAIN_CLAIMANT, WORKER_CLAIMANT } from '../../src/parallel/interval-claims.js';

const all = (next: () => number | undefined) => {
  const out: number[] = [];
  for (let b = next(); b !== undefined; b = next()) out.push(b);
  return out;
};

describe('claimBlocks', () => {
  it('gives each block to one claimant, in order, then nothing (and nothing again)', () => {
    const claims = intervalClaims(5);
    const main = claimBlocks(claims, MAIN_CLAIMANT);
    const worker = claimBlocks(claims, WORKER_CLAIMANT);
    expect([main(), worker(), worker(), main(), worker(), main(), worker()]).toEqual([0, 1, 2, 3, 4, undefined, undefined]);
    expect(main()).toBeUndefined();
    // Each block marked with its claimant.
    expect([...claims.subarray(1)]).toEqual([MAIN_CLAIMANT, WORKER_CLAIMANT, WORKER_CLAIMANT, MAIN_CLAIMANT, WORKER_CLAIMANT]);
  });

  it('shares the claims across threads: the array lives in shared memory', () => {
    expect(intervalClaims(3).buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(intervalClaims(3)).toHaveLength(4);
  });
});

describe('blocksNotDone', () => {
  it('the blocks of claimants not done, and a block claimed but never marked', () => {
    const claims = intervalClaims(6);
    const main = claimBlocks(claims, MAIN_CLAIMANT);
    const first = claimBlocks(claims, WORKER_CLAIMANT);
    const second = claimBlocks(claims, WORKER_CLAIMANT + 1);
    expect([main(), first(), second(), first()]).toEqual([0, 1, 2, 3]);
    Atomics.add(claims, 0, 1); // block 4: a thread that stopped between claiming and marking
    expect(main()).toBe(5);
    expect(main()).toBeUndefined();
    expect(all(blocksNotDone(claims, new Set([MAIN_CLAIMANT, WORKER_CLAIMANT])))).toEqual([2, 4]);
    expect(all(blocksNotDone(claims, new Set([MAIN_CLAIMANT])))).toEqual([1, 2, 3, 4]);
    expect(all(blocksNotDone(claims, new Set([MAIN_CLAIMANT, WORKER_CLAIMANT, WORKER_CLAIMANT + 1])))).toEqual([4]);
  });

  it('nothing when every block was run by a claimant that is done', () => {
    const claims = intervalClaims(2);
    all(claimBlocks(claims, MAIN_CLAIMANT));
    expect(all(blocksNotDone(claims, new Set([MAIN_CLAIMANT])))).toEqual([]);
  });
});
