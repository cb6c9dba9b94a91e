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
  return [rows.keys.buffer as ArrayBuffer, ...recyclable(rows)];
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

/** The typed arrays of one piece's rows. */
interface RowArrays {
  key: Int32Array;
  year: Int32Array;
  value: Float64Array;
  line: Int32Array;
}

function rowArrays(capacity: number): RowArrays {
  return { key: new Int32Array(capacity), year: new Int32Array(capacity), value: new Float64Array(capacity), line: new Int32Array(capacity) };
}

/**
 * Collects a piece's rows into columns; take() hands them over and starts the next piece. The
 * arrays taken can be given back (recycle) once read: a file is then read in a few sets of
 * arrays, reused, rather than in new ones for every piece (which would be garbage outside the
 * JavaScript heap, freed only when a collection happens to come).
 */
export class PieceColumns {
  private count = 0;
  private arrays: RowArrays = rowArrays(1 << 12);
  private readonly spare: RowArrays[] = [];
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
    const a = this.arrays;
    if (this.count === a.key.length) this.grow();
    const i = this.count++;
    const b = this.arrays;
    b.key[i] = key;
    b.year[i] = year;
    b.value[i] = value;
    b.line[i] = line;
  }

  /** Add a checked row (an object with the kind's columns). */
  addRow(row: Readonly<Record<string, unknown>>, line: number): void {
    for (let j = 0; j < this.keyColumns.length; j++) this.ids[j] = this.strings.id(row[this.keyColumns[j]!] as string);
    this.add(this.keys.id(this.ids), row[this.yearColumn] as number, row[this.valueColumn] as number, line);
  }

  private grow(): void {
    const old = this.arrays;
    const grown = rowArrays(old.key.length * 2);
    grown.key.set(old.key);
    grown.year.set(old.year);
    grown.value.set(old.value);
    grown.line.set(old.line);
    this.arrays = grown;
  }

  /** The rows since the last take(), in arrays that are the caller's until it gives them back. */
  take(): PieceRows {
    const n = this.count;
    const a = this.arrays;
    const rows: PieceRows = {
      count: n,
      strings: this.strings.list,
      keyWidth: this.keyColumns.length,
      keys: Int32Array.from(this.keys.tuples),
      key: a.key.subarray(0, n),
      year: a.year.subarray(0, n),
      value: a.value.subarray(0, n),
      line: a.line.subarray(0, n),
    };
    this.arrays = this.spare.pop() ?? rowArrays(a.key.length);
    this.count = 0;
    this.strings = new StringTable();
    this.keys = new KeyTable(this.keyColumns.length);
    this.piece++;
    return rows;
  }

  /** The buffers of the arrays given back and not taken again, taken out (to be discarded once the reading is done). */
  takeSpareBuffers(): ArrayBuffer[] {
    return this.spare.splice(0).flatMap(recyclable);
  }

  /** Take back the arrays of rows taken from here (or sent back by the thread they went to). */
  recycle(buffers: readonly ArrayBuffer[]): void {
    const [key, year, value, line] = buffers;
    if (key === undefined || year === undefined || value === undefined || line === undefined || key.byteLength === 0) return;
    if (this.spare.length < 4) this.spare.push({ key: new Int32Array(key), year: new Int32Array(year), value: new Float64Array(value), line: new Int32Array(line) });
  }
}

/** The buffers of rows' arrays, in the order recycle() takes them. */
export function recyclable(rows: Pick<PieceRows, 'key' | 'year' | 'value' | 'line'>): ArrayBuffer[] {
  return [rows.key.buffer, rows.year.buffer, rows.value.buffer, rows.line.buffer] as ArrayBuffer[];
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
