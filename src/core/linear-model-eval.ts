// A linear model (linear-model.ts) evaluated for one draw of the weights, and the draw's regions
// ranked: what every draw runs, thousands of times a run. Apart from the model's building (which
// reads the dataset) so that the draws' worker thread (parallel/draws-worker.ts) loads only
// this, the formulas and the draws, without the schemas and the libraries they need. Pure; no IO.
import { netChangeOf, per100k, vacuumOf, weightedMetrics } from './formulas.js';
import type { LinearModel } from './linear-model.js';
import type { WeightTable } from './weights.js';

/** A weight vector for `model.keys` (plus the 0 slot) with every weight at its value in `weights`. */
export function weightVector(model: LinearModel, weights: WeightTable): Float64Array {
  const vector = new Float64Array(model.keys.length + 1);
  model.keys.forEach((key, i) => (vector[i] = weights.get(key)!.value));
  return vector;
}

/**
 * Evaluate one set of weights: each region's vacuum per 100k into `vacuum`, and its sort
 * metric (NaN = null) into `sortValue` (the same array as `vacuum` when sorting by it).
 */
export function evaluate(model: LinearModel, w: Float64Array, vacuum: Float64Array, sortValue: Float64Array): void {
  const { start, weightIndex, atFrom, atTo, bedChange, bedsScale, population, sort, fixedSort } = model;
  const R = model.regions.length;
  const weighted = sort !== 'vacuum_per_100k' && fixedSort === undefined;
  for (let r = 0; r < R; r++) {
    let from = 0;
    let to = 0;
    for (let s = start[r]!, end = start[r + 1]!; s < end; s++) {
      const weight = w[weightIndex[s]!]!;
      from += weight * atFrom[s]!;
      to += weight * atTo[s]!;
    }
    // metrics.ts: vacuum_per_100k = clean(per100k(vacuumOf(net change), population)).
    const v = per100k(vacuumOf(netChangeOf(bedChange[r]!, from, to, bedsScale[r]!)), population[r]!);
    vacuum[r] = v === 0 ? 0 : v;
    if (weighted) sortValue[r] = weightedMetrics(model.facts[r]!, from, to)[sort as WeightedSort] ?? Number.NaN;
  }
  if (fixedSort !== undefined) sortValue.set(fixedSort);
}

type WeightedSort = keyof ReturnType<typeof weightedMetrics>;

/** Work space of `rankInto`, reused from draw to draw. */
export interface RankScratch {
  readonly order: Int32Array;
  readonly spare: Int32Array;
  /** Sort keys, two 32-bit halves per region (high, low), and their copies during a pass. */
  readonly keyHigh: Uint32Array;
  readonly keyLow: Uint32Array;
  readonly count: Int32Array;
}

const DIGIT_BITS = 11;
const DIGITS = 1 << DIGIT_BITS;

/** Work space for ranking `regions` regions. */
export function rankScratch(regions: number): RankScratch {
  return {
    order: new Int32Array(regions),
    spare: new Int32Array(regions),
    keyHigh: new Uint32Array(regions),
    keyLow: new Uint32Array(regions),
    count: new Int32Array(DIGITS),
  };
}

/**
 * Order `order[from..to)` (regions of equal high words, in code order) by their low words,
 * ascending, keeping code order among equal ones: nothing to do for equal values (the usual run:
 * regions with a vacuum of 0), an insertion sort for a short run, a comparator sort for a long one.
 */
function sortRunByLow(order: Int32Array, from: number, to: number, keyLow: Uint32Array, codePosition: Int32Array): void {
  // Equal values (a vacuum of 0 in many regions): already in code order.
  const first = keyLow[order[from]!]!;
  let i = from + 1;
  while (i < to && keyLow[order[i]!] === first) i++;
  if (i === to) return;
  if (to - from <= 32) {
    for (let i = from + 1; i < to; i++) {
      const r = order[i]!;
      const low = keyLow[r]!;
      let j = i - 1;
      while (j >= from && keyLow[order[j]!]! > low) {
        order[j + 1] = order[j]!;
        j--;
      }
      order[j + 1] = r;
    }
    return;
  }
  order.subarray(from, to).sort((a, b) => keyLow[a]! - keyLow[b]! || codePosition[a]! - codePosition[b]!);
}

/** Below this many regions a comparator sort is cheaper than the radix passes' fixed cost. */
const RADIX_FROM = 96;

// One double's bits as two 32-bit words (little-endian: low word first).
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LOW = LITTLE_ENDIAN ? 0 : 1;
const HIGH = 1 - LOW;

/**
 * SPEC §3 ranking of `values` (NaN = null) into `rank` (1-based): descending, nulls last, equal
 * values in code-unit order of the region codes — the order rank.ts's sort gives (0 and −0 are
 * equal there, as here). Written by hand because it runs once per draw, thousands of times a
 * run: an LSD radix sort of the regions, laid out in code order, by a 64-bit key that orders the
 * doubles descending (IEEE 754 bits: a positive value's bits with the sign set, a negative's
 * inverted, then all inverted; NaN the largest key). Radix sorting is stable, so equal values
 * keep code order. Three passes of 11 bits over the key's high word (a pass whose digit is the
 * same for every region is skipped), linear in the regions, where a comparator sort costs R log R
 * comparisons per draw; then the few runs of equal high words by their low words (sortRunByLow).
 */
export function rankInto(values: Float64Array, model: Pick<LinearModel, 'codeOrder' | 'codePosition'>, rank: Int32Array, scratch: RankScratch): void {
  const R = values.length;
  const { codeOrder, codePosition } = model;
  let { order, spare } = scratch;
  order.set(codeOrder);
  if (R < RADIX_FROM) {
    order.sort((x, y) => {
      const a = values[x]!;
      const b = values[y]!;
      const aNull = a !== a;
      const bNull = b !== b;
      if (aNull !== bNull) return aNull ? 1 : -1;
      if (!aNull && a !== b) return b > a ? 1 : -1;
      return codePosition[x]! - codePosition[y]!;
    });
  } else {
    const { keyHigh, keyLow, count } = scratch;
    radixKeys(values, keyHigh, keyLow);
    // The high words first (sign, exponent and the top 20 bits of the fraction): they order all
    // but the values within about a millionth of each other, so three passes do where six did.
    for (let shift = 0; shift < 32; shift += DIGIT_BITS) if (radixPass(order, spare, keyHigh, count, shift, R)) [order, spare] = [spare, order];
    // Then each run of equal high words by its low words, keeping code order among equal keys.
    sortRuns(order, R, keyHigh, keyLow, codePosition);
  }
  ranksInOrder(order, rank, R);
}

// rankInto's loops, each a function of its own: V8 optimizes a loop that runs long while its
// function is still running (on-stack replacement), and code compiled so for one of several loops
// in one function lacks the feedback of the loops after it: the bundled report deoptimized
// rankInto 9 to 123 times in its first draws (six runs). One loop to a function, never; a
// report's 500 draws of 5,000 regions took 549 → 491 ms, the first block of 16 draws 64 → 46 ms
// (medians of 8 runs, issue 18, docs/performance.md).

/** Each value's 64-bit sort key (see rankInto), as its high and low words. */
function radixKeys(values: Float64Array, keyHigh: Uint32Array, keyLow: Uint32Array): void {
  const R = values.length;
  // Stryker disable next-line EqualityOperator: a step at r = R writes a key past the last region, which no pass reads
  for (let r = 0; r < R; r++) {
    const v = values[r]!;
    if (v !== v) {
      keyHigh[r] = 0xffff_ffff;
      keyLow[r] = 0xffff_ffff;
      continue;
    }
    bits[0] = v === 0 ? 0 : v; // −0 → 0
    const high = words[HIGH]!;
    const low = words[LOW]!;
    if (high & 0x8000_0000) {
      keyHigh[r] = high;
      keyLow[r] = low;
    } else {
      keyHigh[r] = ~high & 0x7fff_ffff;
      keyLow[r] = ~low >>> 0;
    }
  }
}

/** One radix pass over the high words' digit at `shift`: `order` into `spare`; false (nothing
 * moved) when every region has the same digit. */
function radixPass(order: Int32Array, spare: Int32Array, keyHigh: Uint32Array, count: Int32Array, shift: number, R: number): boolean {
  count.fill(0);
  for (let r = 0; r < R; r++) count[(keyHigh[r]! >>> shift) & (DIGITS - 1)]!++;
  if (count[(keyHigh[0]! >>> shift) & (DIGITS - 1)] === R) return false; // one digit for all: nothing moves
  let sum = 0;
  for (let d = 0; d < DIGITS; d++) {
    const c = count[d]!;
    count[d] = sum;
    sum += c;
  }
  for (let i = 0; i < R; i++) {
    const r = order[i]!;
    spare[count[(keyHigh[r]! >>> shift) & (DIGITS - 1)]!++] = r;
  }
  return true;
}

/** Each run of equal high words in `order` (its first R) sorted by its low words (sortRunByLow). */
function sortRuns(order: Int32Array, R: number, keyHigh: Uint32Array, keyLow: Uint32Array, codePosition: Int32Array): void {
  for (let i = 0; i < R; ) {
    const high = keyHigh[order[i]!]!;
    let j = i + 1;
    while (j < R && keyHigh[order[j]!] === high) j++;
    if (j - i > 1) sortRunByLow(order, i, j, keyLow, codePosition);
    i = j;
  }
}

/** Ranks 1 … R in the order of `order`'s first R. */
function ranksInOrder(order: Int32Array, rank: Int32Array, R: number): void {
  for (let i = 0; i < R; i++) rank[order[i]!] = i + 1;
}
