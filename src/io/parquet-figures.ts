// The rows of a Parquet table with figures (population, beds, services) taken from its typed
// columns as the CSV byte lane takes a CSV file's (piece-parser.ts): a number cell is checked by its
// column's rule (core/schemas.ts NUMBER_RULES) as the number it is, a text cell by its cell type's
// `accept` once per distinct text, and the row goes into typed columns (piece-columns.ts) that
// reach the dataset as a CSV piece's do (piece-rows.ts takePiece). No text is made for a number
// and no object for a row. A row with anything else — a null, a number outside its rule, a text in
// a number column, a text the cell type refuses, a nested value — is left to the caller's row
// check on cell text (read-parquet.ts), which reads it or words its problem exactly as for CSV; the
// rows taken before it are handed on first, so rows reach the dataset in file order.
import { FIGURE_COLUMNS, type FigureKind } from '../core/figure-rows.js';
import type { InputIssue } from '../core/issues.js';
import { MAX_MAGNITUDE, type NumberFormat } from '../core/numbers.js';
import { cellReaders, type NumberRule, passesRule, REJECT } from '../core/schemas.js';
import { PieceColumns, type PieceRows } from './piece-columns.js';
import { columnValue, type DecodedColumn, DictionaryColumn } from './parquet-pages.js';
import { type RowSink, takePiece } from './piece-rows.js';

/** Where a column's cell goes: one of the key's strings (0, 1, …), the year, the value, or nowhere. */
const TO_YEAR = -1;
const TO_VALUE = -2;
const NOWHERE = -3;

/** A text cell's checked value, and its string id in the current piece. */
interface Accepted {
  readonly value: unknown;
  id: number;
  piece: number;
}

/** How one kept column is taken; `column`: the current row group's (group()). */
type ColumnPlan =
  | { readonly index: number; readonly use: 'number'; readonly rule: NumberRule; readonly to: number; column: DecodedColumn; values: ArrayLike<unknown> | undefined }
  | { readonly index: number; readonly use: 'anyText'; column: DecodedColumn }
  | {
      readonly index: number;
      readonly use: 'cell';
      readonly accept: (raw: string) => unknown;
      readonly seen: Map<string, Accepted>;
      readonly to: number;
      column: DecodedColumn;
      /** Of a dictionary column: its rows' entries, the dictionary, and its entries' checked values. */
      indices: Int32Array | undefined;
      dictionary: readonly unknown[] | undefined;
      entries: (Accepted | undefined)[];
    };

const NO_COLUMN: DecodedColumn = [];

/** Can numbers be taken as they are in this format? Only where a number's text has one reading:
 * a decimal point or comma given (not told from the cells), no thousands separator. */
export function takesNumbersAsIs(format: NumberFormat): boolean {
  return format.thousands === 'none' && format.decimal !== 'auto';
}

/** Rows of one file in a piece at most this long are handed on together. */
const PIECE_ROWS = 1 << 16;
/** Rows checked together, column by column (a divisor of PIECE_ROWS). */
const BLOCK = 1 << 10;

export class ParquetFigures {
  private readonly columns: PieceColumns;
  private readonly plan: readonly ColumnPlan[];
  private readonly ids: number[];
  /** A block's rows, column by column: each key column's string ids, the year, the value. */
  private readonly block: { readonly ids: Int32Array[]; readonly year: Float64Array; readonly value: Float64Array };
  /** The last row's key: its string ids, its key id, and the piece they belong to. */
  private readonly lastIds: number[];
  private lastKey = 0;
  private lastPiece = -1;
  private pending = 0;

  /** `kept`: file column index → SPEC column, as the header check gave them; `onPiece` gets each
   * piece of rows taken (pieceTo: into a dataset's sink; a worker thread sends them on). */
  constructor(
    kind: FigureKind,
    format: NumberFormat,
    kept: readonly (readonly [number, string])[],
    private readonly onPiece: (rows: PieceRows) => void,
  ) {
    const figure = FIGURE_COLUMNS[kind];
    const keyColumns: readonly string[] = figure.key;
    this.columns = new PieceColumns(kind);
    this.ids = new Array<number>(keyColumns.length).fill(0);
    this.lastIds = new Array<number>(keyColumns.length).fill(-1);
    this.block = { ids: keyColumns.map(() => new Int32Array(BLOCK)), year: new Float64Array(BLOCK), value: new Float64Array(BLOCK) };
    const readers = new Map(cellReaders(kind, format).map((r) => [r.column, r]));
    this.plan = kept.map(([index, column]): ColumnPlan => {
      const reader = readers.get(column)!;
      const key = keyColumns.indexOf(column);
      const to = key >= 0 ? key : column === figure.year ? TO_YEAR : column === figure.value ? TO_VALUE : NOWHERE;
      if (reader.number !== undefined) return { index, use: 'number', rule: reader.number, to, column: NO_COLUMN, values: undefined };
      if (reader.anyText && to === NOWHERE) return { index, use: 'anyText', column: NO_COLUMN };
      return { index, use: 'cell', accept: reader.accept, seen: new Map(), to, column: NO_COLUMN, indices: undefined, dictionary: undefined, entries: [] };
    });
  }

  /** The columns of the row group whose rows `take` takes next (by file column index). */
  group(values: readonly DecodedColumn[]): void {
    for (const p of this.plan) {
      const column = values[p.index]!;
      p.column = column;
      if (p.use === 'number') p.values = column instanceof DictionaryColumn ? undefined : column;
      if (p.use !== 'cell') continue;
      p.indices = column instanceof DictionaryColumn ? column.indices : undefined;
      // A dictionary's entries are checked once per dictionary (the rows share its strings).
      if (column instanceof DictionaryColumn && p.dictionary !== column.dictionary) {
        p.dictionary = column.dictionary;
        p.entries = [];
      }
    }
  }

  /**
   * Take a group's `count` rows (see group), row k being on line `firstLine + k`: runs of rows go
   * into pieces, and each row the row check is to read goes to `check` (by its index in the
   * group) once the rows before it were handed on; the last piece is handed on at the end.
   */
  takeGroup(count: number, firstLine: number, check: (k: number) => void): void {
    for (let k = 0; k < count; ) {
      k += this.takeRun(k, count, firstLine + k);
      if (k === count) break;
      this.flush();
      check(k);
      k++;
    }
    this.flush();
  }

  /**
   * Take rows from `k` on, before `end`, the first at `line`, until one is to be read by the row
   * check instead: how many were taken. A block of rows is checked column by column (each column's
   * loop stays on one kind of value), then added row by row up to the first row that failed.
   */
  private takeRun(k: number, end: number, line: number): number {
    let taken = 0;
    while (k + taken < end) {
      const from = k + taken;
      // A block never crosses a piece's end: the string ids are the piece's.
      const size = Math.min(end - from, BLOCK, PIECE_ROWS - this.pending);
      const good = this.takeBlock(from, size, line + taken);
      taken += good;
      if (good < size) break;
    }
    return taken;
  }

  /** Take rows from..from+size-1 up to the first the row check is to read; how many were taken. */
  private takeBlock(from: number, size: number, line: number): number {
    let limit = size;
    const b = this.block;
    for (const p of this.plan) {
      if (p.use === 'number') {
        const rule = p.rule;
        const values = p.values;
        const out = p.to === TO_YEAR ? b.year : p.to === TO_VALUE ? b.value : undefined;
        for (let r = 0; r < limit; r++) {
          const cell = values === undefined ? columnValue(p.column, from + r) : values[from + r];
          const n = typeof cell === 'number' ? cell : typeof cell === 'bigint' ? Number(cell) : Number.NaN;
          // A number cell's text (read-parquet.ts) is JavaScript's digits, which the row check reads
          // back to the same number within MAX_MAGNITUDE (−0 is written "0"); any other number goes
          // to the row check, which says why it is refused.
          if (!(Math.abs(n) <= MAX_MAGNITUDE) || !passesRule(rule, n)) {
            limit = r;
            break;
          }
          if (out !== undefined) out[r] = n === 0 ? 0 : n;
        }
      } else if (p.use === 'anyText') {
        // Any cell but a nested value (a list or a struct), which the row check refuses.
        for (let r = 0; r < limit; r++) {
          const cell = columnValue(p.column, from + r);
          if (typeof cell === 'object' && cell !== null && !(cell instanceof Date)) {
            limit = r;
            break;
          }
        }
      } else {
        const ids = p.to >= 0 ? b.ids[p.to]! : undefined;
        const out = p.to === TO_YEAR ? b.year : p.to === TO_VALUE ? b.value : undefined;
        const piece = this.columns.piece;
        for (let r = 0; r < limit; r++) {
          let accepted: Accepted | undefined;
          if (p.indices !== undefined) {
            // A dictionary's entry is checked once per dictionary (its rows share its strings).
            const entry = p.indices[from + r]!;
            accepted = entry < 0 ? undefined : p.entries[entry];
            if (accepted === undefined && entry >= 0) {
              const text = p.dictionary![entry];
              if (typeof text === 'string') accepted = p.entries[entry] = this.accepted(p, text);
            }
          } else {
            const cell = columnValue(p.column, from + r);
            if (typeof cell === 'string') accepted = this.accepted(p, cell);
          }
          if (accepted === undefined || accepted.value === REJECT) {
            limit = r;
            break;
          }
          if (ids !== undefined) {
            if (accepted.piece !== piece) {
              accepted.piece = piece;
              accepted.id = this.columns.stringId(accepted.value as string);
            }
            ids[r] = accepted.id;
          } else if (out !== undefined) out[r] = accepted.value as number;
        }
      }
    }
    const keyIds = b.ids;
    const last = this.lastIds;
    for (let r = 0; r < limit; r++) {
      // A sorted table repeats a row's key (region, service, unit) in the next rows: its id is kept.
      let same = this.lastPiece === this.columns.piece;
      for (let j = 0; same && j < last.length; j++) same = keyIds[j]![r] === last[j];
      if (!same) {
        for (let j = 0; j < last.length; j++) this.ids[j] = last[j] = keyIds[j]![r]!;
        this.lastKey = this.columns.keyId(this.ids);
        this.lastPiece = this.columns.piece;
      }
      this.columns.add(this.lastKey, b.year[r]!, b.value[r]!, line + r);
    }
    this.pending += limit;
    if (this.pending === PIECE_ROWS) this.flush();
    return limit;
  }

  /** A text cell's checked value, checked once per distinct text. */
  private accepted(p: Extract<ColumnPlan, { use: 'cell' }>, text: string): Accepted {
    let accepted = p.seen.get(text);
    if (accepted === undefined) {
      accepted = { value: p.accept(text), id: 0, piece: -1 };
      p.seen.set(text, accepted);
    }
    return accepted;
  }

  /** Hand the rows taken so far on, as a piece. */
  flush(): void {
    if (this.pending === 0) return;
    const rows = this.columns.take();
    this.pending = 0;
    this.onPiece(rows);
  }
}

/** Where a piece of rows taken from typed columns goes in a dataset: to `sink` as a CSV piece's rows
 * go (piece-rows.ts takePiece; their lines are the file's). */
export function pieceTo(kind: FigureKind, sink: RowSink, file: string, onIssue: (issue: InputIssue) => void): (rows: PieceRows) => void {
  return (rows) => takePiece({ rows, issues: [], records: rows.count, lines: rows.count, lastRecordEnd: 0, clean: true }, 0, kind, sink, file, onIssue);
}
