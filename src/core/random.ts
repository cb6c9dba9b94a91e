// A small seeded pseudo-random generator for sensitivity draws. Pure; no Math.random.
//
// Draw i of a run with seed S gets its own generator, seeded by mixing (S, i): the numbers a
// draw uses depend only on (S, i), never on which draws came before it or on which thread runs
// it, so a run split across any number of threads gives the same draws.
//
// - mix: the 32-bit finaliser of MurmurHash3 (fmix32), a bijection on 32-bit integers with full
//   avalanche, applied to the seed and to seed-mix + i × 0x9E3779B9 (the 32-bit golden ratio);
// - generator: mulberry32 (Tommy Ettinger, public domain), 32-bit state, period 2^32, passes
//   gjrand/PractRand up to the sizes used here (a few dozen numbers per draw). Not for cryptography.

/** Seeds are whole numbers 0 … 2^32 − 1. */
export const SEED_MAX = 0xffff_ffff;

/** MurmurHash3's 32-bit finaliser: a well-mixed bijection on unsigned 32-bit integers. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85eb_ca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2_ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The 32-bit seed of draw `draw` in a run seeded with `seed`. */
export function drawSeed(seed: number, draw: number): number {
  return fmix32((fmix32(seed >>> 0) + Math.imul(draw >>> 0, 0x9e37_79b9)) >>> 0);
}

/** mulberry32: uniform numbers in [0, 1) with 32 bits of resolution. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b_79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The generator of draw `draw` in a run seeded with `seed`. */
export function drawRandom(seed: number, draw: number): () => number {
  return mulberry32(drawSeed(seed, draw));
}
