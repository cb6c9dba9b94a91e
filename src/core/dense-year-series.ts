// A year series stored densely: one slot per year from the first to the last year seen. A loaded
// dataset holds one series per region × category × unit, often hundreds of thousands of them; as
// `Map`s of ~30 entries they were most of the heap (issue 7), and as arrays of doubles their slots
// still were the largest part of it (23.5 MB of 53 MB live after loading 4.95 M rows, issue 18).
// So a series' figures are kept as whole hundredths in 32-bit slots, cut from large shared
// Int32Arrays, as long as every figure is exactly such a number (h / 100 gives back the very same
// double: whole counts, FTE like 2.5, places like 12.75, up to about 21 million); the first figure
// that is not (a population of 39 million, 1/3, a sum like 0.1 + 0.2) turns the series into a plain
// array of doubles (V8 stores them unboxed), as all series were before. Either way a figure reads
// back as exactly the double that was stored: the check is that equality itself.
// It is a full `Map<number, number>`, so every consumer of `YearSeries` works unchanged. Keys
// are whole years (the row schemas guarantee 1800–2200); iteration is in year order.

/** Slots allocated for a new series (a series filled year by year grows by doubling). */
const INITIAL_SLOTS = 32;

/** A slot of hundredths without a figure (the one 32-bit value no figure is stored as). */
const NO_FIGURE = -0x80000000;

/** Slots of hundredths in each shared block: 64 KB, small enough for malloc's heap rather than a
 * mapping of its own, large enough that a dataset needs few of them (90,000 series: 176). */
const BLOCK_SLOTS = 1 << 14;

// The block new series take their slots from, and how much of it is taken. A block lives as long
// as any series cut from it; this module keeps only the one being cut (at most 64 KB).
let block = new Int32Array(0);
let taken = 0;
// Where in that block a series gave back its INITIAL_SLOTS slots (it turned to doubles, or grew):
// the next new series take them before the block is cut further. A loader sums rows of one key
// as they come, so a series whose sum is not a whole number of hundredths (100.7 + 13.9 =
// 114.60000000000001) turns soon after it was made, in the block still being cut: 44 % of the
// benchmark's series (issue 18). Only this block's, so nothing here keeps another block alive.
let givenBack: number[] = [];

/** `value` as whole hundredths if exactly that (h / 100 === value), else NO_FIGURE. −0 is not:
 * a 32-bit slot would give back +0. */
function hundredths(value: number): number {
  // A whole number (most figures: beds, teams, populations) is exactly its hundredths, with no
  // division to check it (value | 0 keeps a whole number under 2^31 as it is; −0 is kept out).
  if ((value | 0) === value && (value !== 0 || 1 / value > 0)) {
    const h = value * 100;
    return h < 0x80000000 && h >= NO_FIGURE ? h : NO_FIGURE;
  }
  const h = Math.round(value * 100);
  // (a 32-bit h: −2^31 itself is NO_FIGURE, returned as such; a NaN or infinite h fails the
  // comparisons or the equality)
  return h / 100 === value && h < 0x80000000 && h >= NO_FIGURE && (h !== 0 || 1 / value > 0) ? h : NO_FIGURE;
}

/** The doubles of a series that has none (shared: never written, as a series' doubles are made
 * with room before any figure is stored): an empty array for each of 90,000 series was 2.6 MB. */
const NO_DOUBLES: number[] = [];

/** `n` slots without a figure: an array of unboxed numbers, exactly n long (built by push it
 * would hold room for 43 when 32 are asked for: 8 MB more over the 90,000 series of 5,000 regions). */
function missing(n: number): number[] {
  return new Array<number>(n).fill(NaN);
}

/** What structured clone keeps of a series: its fields, not its class. */
interface SeriesFields {
  readonly first: number;
  readonly count: number;
  readonly room?: number;
  readonly slots?: number[];
  readonly cents?: Int32Array | null;
  readonly at?: number;
}

export class DenseYearSeries implements Map<number, number> {
  /** The year of slot 0. */
  private first = 0;
  /** The figures in hundredths, slots `at` … `at + room − 1` of a shared block; null once a figure
   * is not a whole number of hundredths (or before the first). */
  private cents: Int32Array | null = null;
  private at = 0;
  /** The figures as doubles (NaN = no figure) when `cents` is null; `room` long. */
  private slots: number[] = NO_DOUBLES;
  /** Slots the series has room for (0: none yet). */
  private room = 0;
  private count = 0;

  /**
   * A series that crossed a thread boundary: structured clone keeps its fields but not its class
   * (worker threads, src/parallel; a block shared by many series of one message is copied once),
   * so the receiving side rebuilds it here. Maps pass through.
   */
  static revive(value: Map<number, number> | SeriesFields): Map<number, number> {
    if (value instanceof Map || value instanceof DenseYearSeries) return value;
    const series = new DenseYearSeries();
    series.first = value.first;
    series.count = value.count;
    series.slots = value.slots ?? NO_DOUBLES;
    series.cents = value.cents ?? null;
    series.at = value.at ?? 0;
    series.room = value.room ?? series.slots.length;
    return series;
  }

  get size(): number {
    return this.count;
  }

  get [Symbol.toStringTag](): string {
    return 'DenseYearSeries';
  }

  /** The figure of slot i (0 ≤ i < room), NaN if none. */
  private read(i: number): number {
    const cents = this.cents;
    if (cents === null) return this.slots[i]!;
    const h = cents[this.at + i]!;
    return h === NO_FIGURE ? NaN : h / 100;
  }

  /** Store `value` (a number, not NaN) in slot i, leaving hundredths if it is not one. */
  private write(i: number, value: number): void {
    const cents = this.cents;
    if (cents !== null) {
      const h = hundredths(value);
      if (h !== NO_FIGURE) {
        cents[this.at + i] = h;
        return;
      }
      this.slots = this.doubles();
      this.giveBackCents();
    }
    this.slots[i] = value;
  }

  /** The figures as an array of doubles, NaN where none. */
  private doubles(): number[] {
    const out = missing(this.room);
    for (let i = 0; i < this.room; i++) out[i] = this.read(i);
    return out;
  }

  /** Room for `n` slots of hundredths, none holding a figure. */
  private takeCents(n: number): void {
    if (n === INITIAL_SLOTS && givenBack.length > 0) {
      this.cents = block;
      this.at = givenBack.pop()!;
      block.fill(NO_FIGURE, this.at, this.at + n);
      return;
    }
    if (taken + n > block.length) {
      block = new Int32Array(Math.max(BLOCK_SLOTS, n)).fill(NO_FIGURE);
      taken = 0;
      givenBack = [];
    }
    this.cents = block;
    this.at = taken;
    taken += n;
  }

  /** Leave the slots of hundredths (none read again), for a new series if they are the block's
   * being cut. */
  private giveBackCents(): void {
    if (this.cents === block && this.room === INITIAL_SLOTS) givenBack.push(this.at);
    this.cents = null;
  }

  private slot(year: number): number {
    const i = year - this.first;
    return Number.isInteger(i) && i >= 0 && i < this.room ? i : -1;
  }

  get(year: number): number | undefined {
    const i = this.slot(year);
    if (i < 0) return undefined;
    const v = this.read(i);
    return Number.isNaN(v) ? undefined : v;
  }

  has(year: number): boolean {
    return this.get(year) !== undefined;
  }

  set(year: number, value: number): this {
    if (!Number.isInteger(year)) throw new RangeError(`DenseYearSeries: a year must be a whole number, got ${year}`);
    if (Number.isNaN(value)) throw new RangeError('DenseYearSeries: NaN marks a missing year and cannot be stored');
    if (this.room === 0) {
      // Room for a few decades up front: a series filled year by year then never grows.
      this.first = year;
      if (hundredths(value) !== NO_FIGURE) this.takeCents(INITIAL_SLOTS);
      else this.slots = missing(INITIAL_SLOTS);
      this.room = INITIAL_SLOTS;
    } else if (year < this.first || year >= this.first + this.room) {
      // Grow at least twofold, towards the side the new year is on, so a series filled year by
      // year reallocates only a few times (its old slots of hundredths given back, or left unused
      // in an earlier block).
      const last = this.first + this.room - 1;
      const size = Math.max(this.room * 2, Math.max(last, year) - Math.min(this.first, year) + 1);
      const first = year < this.first ? Math.max(last, year) - size + 1 : this.first;
      const shift = this.first - first;
      if (this.cents !== null) {
        const old = this.cents.subarray(this.at, this.at + this.room);
        this.giveBackCents();
        this.takeCents(size);
        this.cents.set(old, this.at + shift);
      } else {
        const grown = missing(size);
        for (let k = 0; k < this.room; k++) grown[shift + k] = this.slots[k]!;
        this.slots = grown;
      }
      this.first = first;
      this.room = size;
    }
    const i = year - this.first;
    if (Number.isNaN(this.read(i))) this.count++;
    this.write(i, value);
    return this;
  }

  /** Add `value` to the year's figure (a year without one starts from 0): what a loader does for
   * each row, in the fewest steps. */
  add(year: number, value: number): void {
    const i = year - this.first;
    if (i >= 0 && i < this.room) {
      const v = this.read(i);
      if (v === v) {
        this.write(i, v + value);
        return;
      }
    }
    this.set(year, 0 + value);
  }

  delete(year: number): boolean {
    const i = this.slot(year);
    if (i < 0 || Number.isNaN(this.read(i))) return false;
    if (this.cents !== null) this.cents[this.at + i] = NO_FIGURE;
    else this.slots[i] = NaN;
    this.count--;
    return true;
  }

  clear(): void {
    if (this.cents !== null) this.giveBackCents();
    this.slots = NO_DOUBLES;
    this.room = 0;
    this.count = 0;
  }

  *entries(): MapIterator<[number, number]> {
    for (let i = 0; i < this.room; i++) {
      const v = this.read(i);
      if (!Number.isNaN(v)) yield [this.first + i, v];
    }
  }

  // keys, values and forEach walk the slots themselves: a generator over entries() costs an
  // array per year and two generator steps, which the plausibility checks paid for every series (issue 18).
  *keys(): MapIterator<number> {
    for (let i = 0; i < this.room; i++) if (!Number.isNaN(this.read(i))) yield this.first + i;
  }

  *values(): MapIterator<number> {
    for (let i = 0; i < this.room; i++) {
      const v = this.read(i);
      if (!Number.isNaN(v)) yield v;
    }
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }

  /**
   * The years with a figure and their figures, in year order, into `years` and `values` from index
   * 0 (the caller's arrays, reused from series to series and grown as needed); how many. The walk
   * every analysis makes of every series, without a call per year (series.ts knownPairs; issue 18).
   */
  known(years: number[], values: number[]): number {
    const first = this.first;
    const cents = this.cents;
    let n = 0;
    if (cents !== null) {
      for (let i = 0, at = this.at; i < this.room; i++) {
        const h = cents[at + i]!;
        if (h !== NO_FIGURE) {
          years[n] = first + i;
          values[n++] = h / 100;
        }
      }
      return n;
    }
    for (let i = 0; i < this.room; i++) {
      const v = this.slots[i]!;
      if (v === v) {
        years[n] = first + i;
        values[n++] = v;
      }
    }
    return n;
  }

  forEach(callback: (value: number, key: number, map: Map<number, number>) => void, thisArg?: unknown): void {
    const cents = this.cents;
    if (cents !== null) {
      // The hot walk (every series of every analysis): the block read directly.
      for (let i = 0, at = this.at; i < this.room; i++) {
        const h = cents[at + i]!;
        if (h !== NO_FIGURE) callback.call(thisArg, h / 100, this.first + i, this);
      }
      return;
    }
    for (let i = 0; i < this.room; i++) {
      const v = this.slots[i]!;
      if (!Number.isNaN(v)) callback.call(thisArg, v, this.first + i, this);
    }
  }
}
