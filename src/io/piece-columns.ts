// The rows of a piece of a file (piece-parser.ts) as columns: what a row adds to a dataset — its
// key (region; and service name and unit), year and value, and its line (core/figure-rows.ts) —
// in typed arrays, with each distinct key once. Columns cost far less than millions of small
// objects to make, and cross between threads as transferred buffers, not copies.
import { FIGURE_COLUMNS, type FigureKind } from '../core/figure-rows.js';

/** The rows of a piece: row i has key `key[i]`, year, value, and the line it starts on (counted
 * from 1 at the start of the parser's first piece). Key k is made of the strings
 * `strings[keys[k * keyWidth + j]]`, one per key column (FIGURE_COLUMNS). */
export interface PieceRows {
  readonly count: number;
  readonly strings: readonly string[];
  readonly keyWidth: number;
  readonly keys: Int32Array;
  readonly key: Int32Array;
  readonly year: Int32Array;
  readonly value: Float64Array;
  readonly line: Int32Array;
}

/** The buffers of some rows, to transfer (not copy) to another thread. */
export function rowBuffers(rows: PieceRows): ArrayBuffer[] {
  return [rows.keys, rows.key, rows.year, rows.value, rows.line].map((a) => a.buffer as ArrayBuffer);
}

/** A piece's distinct strings, each with its index. */
class StringTable {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();

  id(value: string): number {
    let id = this.index.get(value);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(value);
      this.index.set(value, id);
    }
    return id;
  }
}

/** Slots of the key cache: more than the distinct keys of most pieces. */
const CACHE_SLOTS = 1 << 12;

/** The distinct keys of a piece: tuples of string ids, each numbered in order of appearance. */
class KeyTable {
  readonly tuples: number[] = [];
  count = 0;
  /** Recent keys by a hash of their ids (direct-mapped): ids, and key id (−1: empty). */
  private readonly cachedIds: Int32Array;
  private readonly cachedKey = new Int32Array(CACHE_SLOTS).fill(-1);
  /** Every key, by its ids joined. */
  private readonly byText = new Map<string, number>();

  constructor(readonly width: number) {
    this.cachedIds = new Int32Array(CACHE_SLOTS * width);
  }

  id(ids: readonly number[]): number {
    const width = this.width;
    let hash = 0;
    for (let j = 0; j < width; j++) hash = Math.imul(hash ^ ids[j]!, 0x9e3779b1);
    const slot = (hash >>> 20) & (CACHE_SLOTS - 1);
    let key = this.cachedKey[slot]!;
    if (key >= 0) {
      let j = 0;
      while (j < width && this.cachedIds[slot * width + j] === ids[j]) j++;
      if (j === width) return key;
    }
    const text = width === 1 ? String(ids[0]) : ids.join(',');
    const known = this.byText.get(text);
    if (known === undefined) {
      key = this.count++;
      for (let j = 0; j < width; j++) this.tuples.push(ids[j]!);
      this.byText.set(text, key);
    } else key = known;
    this.cachedKey[slot] = key;
    for (let j = 0; j < width; j++) this.cachedIds[slot * width + j] = ids[j]!;
    return key;
  }
}

/** Collects a piece's rows into columns; take() hands them over and starts the next piece. */
export class PieceColumns {
  private count = 0;
  private capacity = 4096;
  private key = new Int32Array(this.capacity);
  private year = new Int32Array(this.capacity);
  private value = new Float64Array(this.capacity);
  private line = new Int32Array(this.capacity);
  private strings = new StringTable();
  private keys: KeyTable;
  /** Bumped by take(): string ids cached by a caller are good for one piece only. */
  piece = 0;
  private readonly ids: number[];
  private readonly keyColumns: readonly string[];
  private readonly yearColumn: string;
  private readonly valueColumn: string;

  constructor(kind: FigureKind) {
    const figure = FIGURE_COLUMNS[kind];
    this.keyColumns = figure.key;
    this.yearColumn = figure.year;
    this.valueColumn = figure.value;
    this.keys = new KeyTable(this.keyColumns.length);
    this.ids = new Array<number>(this.keyColumns.length).fill(0);
  }

  /** Rows added since the last take(). */
  get size(): number {
    return this.count;
  }

  /** The id of a string in this piece. */
  stringId(value: string): number {
    return this.strings.id(value);
  }

  /** The id of a key, from the string ids of its columns (in FIGURE_COLUMNS order). */
  keyId(ids: readonly number[]): number {
    return this.keys.id(ids);
  }

  /** Add a row by its key id. */
  add(key: number, year: number, value: number, line: number): void {
    if (this.count === this.capacity) this.grow();
    const i = this.count++;
    this.key[i] = key;
    this.year[i] = year;
    this.value[i] = value;
    this.line[i] = line;
  }

  /** Add a checked row (an object with the kind's columns). */
  addRow(row: Readonly<Record<string, unknown>>, line: number): void {
    for (let j = 0; j < this.keyColumns.length; j++) this.ids[j] = this.strings.id(row[this.keyColumns[j]!] as string);
    this.add(this.keys.id(this.ids), row[this.yearColumn] as number, row[this.valueColumn] as number, line);
  }

  private grow(): void {
    this.capacity *= 2;
    const grown = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(this.capacity);
      b.set(a);
      return b;
    };
    this.key = grown(this.key);
    this.year = grown(this.year);
    this.value = grown(this.value);
    this.line = grown(this.line);
  }

  take(): PieceRows {
    const n = this.count;
    const rows: PieceRows = {
      count: n,
      strings: this.strings.list,
      keyWidth: this.keyColumns.length,
      keys: Int32Array.from(this.keys.tuples),
      key: this.key.slice(0, n),
      year: this.year.slice(0, n),
      value: this.value.slice(0, n),
      line: this.line.slice(0, n),
    };
    this.count = 0;
    this.strings = new StringTable();
    this.keys = new KeyTable(this.keyColumns.length);
    this.piece++;
    return rows;
  }
}

/** Row `i`'s key strings, year and value as a checked row of `kind` (its other columns, which add
 * nothing to a dataset, left out). */
export function rowOf(kind: FigureKind, rows: PieceRows, i: number): Record<string, unknown> {
  const figure = FIGURE_COLUMNS[kind];
  const row: Record<string, unknown> = {};
  const base = rows.key[i]! * rows.keyWidth;
  for (let j = 0; j < figure.key.length; j++) row[figure.key[j]!] = rows.strings[rows.keys[base + j]!];
  row[figure.year] = rows.year[i];
  row[figure.value] = rows.value[i];
  return row;
}
