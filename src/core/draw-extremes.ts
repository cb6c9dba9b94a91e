// Per region, the few smallest and the few largest values of its draws, kept as the draws come:
// all the nearest-rank p5 and p95 of a report's intervals need (the k-th smallest of n values is the largest of the k
// smallest). A report's intervals used to keep every region's every draw (regions × draws
// numbers, 120 MB at 20,000 regions and 500 draws) and select in each afterwards; this keeps
// about a tenth of that, and the threads that share the draws each keep their own and merge them
// (parallel/interval.ts). The values are a multiset, so the percentiles do not depend on the
// order the draws came in or on how they were shared (test/core/draw-extremes.test.ts holds them
// to the sorted values). Pure; no IO.

/** Nearest-rank index k (1-based) of percentile p of n values: the k-th smallest, k = ⌈p/100 × n⌉. */
export function nearestRankIndex(p: number, n: number): number {
  return Math.min(n, Math.max(1, Math.ceil((p * n) / 100)));
}

/** The arrays of DrawExtremes, as they cross a thread boundary (transferred, not copied). */
export interface DrawExtremesData {
  readonly regions: number;
  readonly draws: number;
  /** Values seen per region. */
  readonly seen: number;
  /** Per region, a max-heap of the `low` smallest vacuum values, then one of the ranks. */
  readonly lowVacuum: Float64Array;
  readonly lowRank: Float64Array;
  /** Per region, a max-heap of the negated `high` largest vacuum values, then one of the ranks. */
  readonly highVacuum: Float64Array;
  readonly highRank: Float64Array;
}

/**
 * Keep `x` in the max-heap a[base … base + k) that holds `size` values: the k smallest values
 * offered stay, the largest of them at a[base].
 */
function offer(a: Float64Array, base: number, k: number, size: number, x: number): void {
  if (size < k) {
    // Sift up from the end.
    let i = size;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = a[base + parent]!;
      if (p >= x) break;
      a[base + i] = p;
      i = parent;
    }
    a[base + i] = x;
    return;
  }
  if (!(x < a[base]!)) return;
  // Replace the largest and sift down.
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= k) break;
    let child = left;
    if (left + 1 < k && a[base + left + 1]! > a[base + left]!) child = left + 1;
    const c = a[base + child]!;
    if (c <= x) break;
    a[base + i] = c;
    i = child;
  }
  a[base + i] = x;
}

/** The extremes of n = `draws` draws of `regions` regions that two nearest-rank percentiles need, filled as draws come. */
export class DrawExtremes implements DrawExtremesData {
  /** How many smallest values are kept: p5's nearest-rank index. */
  readonly low: number;
  /** How many largest values are kept: n − p95's index + 1 (the p95 is the smallest of them). */
  readonly high: number;
  readonly lowVacuum: Float64Array;
  readonly lowRank: Float64Array;
  readonly highVacuum: Float64Array;
  readonly highRank: Float64Array;
  /**
   * Per region, the tops of its four heaps side by side (the largest kept low vacuum and low rank,
   * the largest kept negated high vacuum and high rank): a draw's value is compared with these
   * 32 bytes instead of the first slot of four heaps megabytes apart (4 MB at 5,000 regions),
   * which cost a cache miss each. Valid once the heaps are full.
   */
  private readonly tops: Float64Array;
  seen = 0;

  /** For percentiles `lower` and `upper` (0 < p ≤ 100, lower ≤ upper) of `draws` draws of `regions` regions. */
  constructor(
    readonly regions: number,
    readonly draws: number,
    lower: number,
    upper: number,
  ) {
    this.low = nearestRankIndex(lower, draws);
    this.high = draws - nearestRankIndex(upper, draws) + 1;
    this.lowVacuum = new Float64Array(regions * this.low);
    this.lowRank = new Float64Array(regions * this.low);
    this.highVacuum = new Float64Array(regions * this.high);
    this.highRank = new Float64Array(regions * this.high);
    this.tops = new Float64Array(4 * regions);
  }

  /** Region r's heap tops again (after its heaps changed). */
  private top(r: number): void {
    const t = 4 * r;
    this.tops[t] = this.lowVacuum[r * this.low]!;
    this.tops[t + 1] = this.lowRank[r * this.low]!;
    this.tops[t + 2] = this.highVacuum[r * this.high]!;
    this.tops[t + 3] = this.highRank[r * this.high]!;
  }

  /** Take `n` draws laid out draw-major (value of draw d, region r at d × regions + r; DrawChunk's layout). */
  addDraws(vacuum: Float64Array, rank: Int32Array, n: number): void {
    const { regions: R, low, high, lowVacuum, lowRank, highVacuum, highRank } = this;
    for (let d = 0; d < n; d++) {
      const sizeLow = Math.min(this.seen, low);
      const sizeHigh = Math.min(this.seen, high);
      const at = d * R;
      // Until the heaps are full every value goes in; then most values are no extreme and are
      // turned away by the comparisons with the tops.
      const filling = sizeLow < low || sizeHigh < high;
      const tops = this.tops;
      for (let r = 0; r < R; r++) {
        const v = vacuum[at + r]!;
        const k = rank[at + r]!;
        const t = 4 * r;
        // Most values are no extreme: four comparisons with the region's tops, side by side.
        if (!filling && !(v < tops[t]!) && !(k < tops[t + 1]!) && !(-v < tops[t + 2]!) && !(-k < tops[t + 3]!)) continue;
        const lowAt = r * low;
        const highAt = r * high;
        if (sizeLow < low || v < lowVacuum[lowAt]!) offer(lowVacuum, lowAt, low, sizeLow, v);
        if (sizeLow < low || k < lowRank[lowAt]!) offer(lowRank, lowAt, low, sizeLow, k);
        // The largest values as the smallest of their negatives (−0 and 0 compare equal).
        if (sizeHigh < high || -v < highVacuum[highAt]!) offer(highVacuum, highAt, high, sizeHigh, -v);
        if (sizeHigh < high || -k < highRank[highAt]!) offer(highRank, highAt, high, sizeHigh, -k);
        this.top(r);
      }
      this.seen++;
    }
  }

  /** Take the values another share of the same draws kept (every draw in one share or the other, none in both). */
  merge(other: DrawExtremesData): void {
    if (other.regions !== this.regions || other.draws !== this.draws) throw new RangeError('DrawExtremes: merged extremes of another run');
    const { regions: R, low, high } = this;
    const keptLow = Math.min(other.seen, low);
    const keptHigh = Math.min(other.seen, high);
    // Offered one rank at a time across the regions, so every region's heap has the same size.
    for (let j = 0; j < Math.max(keptLow, keptHigh); j++) {
      const sizeLow = Math.min(this.seen, low);
      const sizeHigh = Math.min(this.seen, high);
      for (let r = 0; r < R; r++) {
        if (j < keptLow) {
          offer(this.lowVacuum, r * low, low, sizeLow, other.lowVacuum[r * low + j]!);
          offer(this.lowRank, r * low, low, sizeLow, other.lowRank[r * low + j]!);
        }
        if (j < keptHigh) {
          offer(this.highVacuum, r * high, high, sizeHigh, other.highVacuum[r * high + j]!);
          offer(this.highRank, r * high, high, sizeHigh, other.highRank[r * high + j]!);
        }
      }
      this.seen++;
    }
    // The values the other share saw beyond what it kept were not among its extremes, so not among the union's.
    this.seen += other.seen - Math.max(keptLow, keptHigh);
    for (let r = 0; r < R; r++) this.top(r);
  }

  /** Region r's nearest-rank lower and upper percentiles of vacuum per 100k and of rank, once every draw is in. */
  percentiles(r: number): { vacuumLower: number; vacuumUpper: number; rankLower: number; rankUpper: number } {
    if (this.seen !== this.draws) throw new RangeError(`DrawExtremes: ${this.seen} of ${this.draws} draws seen`);
    const zero = (x: number) => (x === 0 ? 0 : x); // −(0) is −0
    return {
      vacuumLower: this.lowVacuum[r * this.low]!,
      vacuumUpper: zero(-this.highVacuum[r * this.high]!),
      rankLower: this.lowRank[r * this.low]!,
      rankUpper: zero(-this.highRank[r * this.high]!),
    };
  }
}
