// A small direct-mapped cache from strings to values, for hot loops that see the same few dozen
// strings (region codes, service names, units) again and again, each time as a new copy read from
// a file: comparing with one cached string is much cheaper than hashing the copy for a Map.

const SLOTS = 64;

export class RecentStrings<T> {
  private readonly keys: (string | undefined)[] = new Array<string | undefined>(SLOTS).fill(undefined);
  private readonly values: (T | undefined)[] = new Array<T | undefined>(SLOTS).fill(undefined);

  /** The value last set for this string, if it is still in its slot. */
  get(key: string): T | undefined {
    const slot = slotOf(key);
    return this.keys[slot] === key ? this.values[slot] : undefined;
  }

  set(key: string, value: T): void {
    const slot = slotOf(key);
    this.keys[slot] = key;
    this.values[slot] = value;
  }

  clear(): void {
    this.keys.fill(undefined);
    this.values.fill(undefined);
  }
}

/** A slot from the length and the end letters: cheap, and different for most names in a file. */
function slotOf(s: string): number {
  const n = s.length;
  // Any slot is correct (get compares the key in full; `& (SLOTS - 1)` keeps it a whole number), so
  // a change to this hash changes only how strings spread over the slots, never an answer.
  // Stryker disable next-line ArithmeticOperator,ConditionalExpression,EqualityOperator: any slot hash is correct; it only spreads strings
  return n === 0 ? 0 : (n * 7 + s.charCodeAt(0) * 3 + s.charCodeAt(n - 1)) & (SLOTS - 1);
}
