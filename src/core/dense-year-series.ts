// A year series stored densely: one slot per year from the first to the last year seen (NaN = no
// figure), in a plain array of numbers (V8 stores them unboxed; a Float64Array would add an
// ArrayBuffer and its backing store to each of hundreds of thousands of series). A loaded dataset holds one series per region × category × unit, often
// hundreds of thousands of them; as `Map`s of ~30 entries they were most of the heap (issue 7).
// It is a full `Map<number, number>`, so every consumer of `YearSeries` works unchanged. Keys
// are whole years (the row schemas guarantee 1800–2200); iteration is in year order.

/** Slots allocated for a new series (a series filled year by year grows by doubling). */
const INITIAL_SLOTS = 32;

/** `n` slots without a figure: an array of unboxed numbers, exactly n long (built by push it
 * would hold room for 43 when 32 are asked for: 8 MB more over the 90,000 series of 5,000 regions). */
function missing(n: number): number[] {
  return new Array<number>(n).fill(NaN);
}

export class DenseYearSeries implements Map<number, number> {
  private first = 0;
  private slots: number[] = [];
  private count = 0;

  /**
   * A series that crossed a thread boundary: structured clone keeps its fields but not its class
   * (worker threads, src/parallel), so the receiving side rebuilds it here. Maps pass through.
   */
  static revive(value: Map<number, number> | { first: number; slots: number[]; count: number }): Map<number, number> {
    if (value instanceof Map || value instanceof DenseYearSeries) return value;
    const series = new DenseYearSeries();
    series.first = value.first;
    series.slots = value.slots;
    series.count = value.count;
    return series;
  }

  get size(): number {
    return this.count;
  }

  get [Symbol.toStringTag](): string {
    return 'DenseYearSeries';
  }

  private slot(year: number): number {
    const i = year - this.first;
    return Number.isInteger(i) && i >= 0 && i < this.slots.length ? i : -1;
  }

  get(year: number): number | undefined {
    const i = this.slot(year);
    if (i < 0) return undefined;
    const v = this.slots[i]!;
    return Number.isNaN(v) ? undefined : v;
  }

  has(year: number): boolean {
    return this.get(year) !== undefined;
  }

  set(year: number, value: number): this {
    if (!Number.isInteger(year)) throw new RangeError(`DenseYearSeries: a year must be a whole number, got ${year}`);
    if (Number.isNaN(value)) throw new RangeError('DenseYearSeries: NaN marks a missing year and cannot be stored');
    if (this.slots.length === 0) {
      // Room for a few decades up front: a series filled year by year then never grows.
      this.first = year;
      this.slots = missing(INITIAL_SLOTS);
    } else if (year < this.first || year >= this.first + this.slots.length) {
      // Grow at least twofold, towards the side the new year is on, so a series filled year by
      // year reallocates only a few times.
      const last = this.first + this.slots.length - 1;
      const size = Math.max(this.slots.length * 2, Math.max(last, year) - Math.min(this.first, year) + 1);
      const first = year < this.first ? Math.max(last, year) - size + 1 : this.first;
      const grown = missing(size);
      for (let k = 0; k < this.slots.length; k++) grown[this.first - first + k] = this.slots[k]!;
      this.first = first;
      this.slots = grown;
    }
    const i = year - this.first;
    if (Number.isNaN(this.slots[i]!)) this.count++;
    this.slots[i] = value;
    return this;
  }

  /** Add `value` to the year's figure (a year without one starts from 0): what a loader does for
   * each row, in the fewest steps. */
  add(year: number, value: number): void {
    const i = year - this.first;
    if (i >= 0 && i < this.slots.length) {
      const v = this.slots[i]!;
      if (v === v) {
        this.slots[i] = v + value;
        return;
      }
    }
    this.set(year, 0 + value);
  }

  delete(year: number): boolean {
    const i = this.slot(year);
    if (i < 0 || Number.isNaN(this.slots[i]!)) return false;
    this.slots[i] = NaN;
    this.count--;
    return true;
  }

  clear(): void {
    this.slots = [];
    this.count = 0;
  }

  *entries(): MapIterator<[number, number]> {
    for (let i = 0; i < this.slots.length; i++) {
      const v = this.slots[i]!;
      if (!Number.isNaN(v)) yield [this.first + i, v];
    }
  }

  // keys, values and forEach walk the slots themselves: a generator over entries() costs an
  // array per year and two generator steps, which the plausibility checks paid for every series (issue 18).
  *keys(): MapIterator<number> {
    for (let i = 0; i < this.slots.length; i++) if (!Number.isNaN(this.slots[i]!)) yield this.first + i;
  }

  *values(): MapIterator<number> {
    for (let i = 0; i < this.slots.length; i++) {
      const v = this.slots[i]!;
      if (!Number.isNaN(v)) yield v;
    }
  }

  [Symbol.iterator](): MapIterator<[number, number]> {
    return this.entries();
  }

  forEach(callback: (value: number, key: number, map: Map<number, number>) => void, thisArg?: unknown): void {
    for (let i = 0; i < this.slots.length; i++) {
      const v = this.slots[i]!;
      if (!Number.isNaN(v)) callback.call(thisArg, v, this.first + i, this);
    }
  }
}
