// The rows of a large file read in pieces, possibly in worker threads (parallel/read-in-parallel.ts).
// A piece is UTF-8 bytes that begin at a record boundary inside the file; RowChunkParser takes it
// through the same steps as the main-thread reader — strict UTF-8 (Utf8Text), line ends and the
// line limit (LineText), the CSV splitter, the header's shape (RecordShape) and the row check
// (RowValidator) — and gives back the checked rows, the issues, and how it ended. Lines are counted
// from 1 at the piece's start; the main thread adds the piece's place in the file.
//
// Rows travel between threads as columns (typed arrays and one table of distinct strings), which
// costs far less to copy than millions of small objects.
import type { InputIssue } from '../core/issues.js';
import type { NumberFormat } from '../core/numbers.js';
import { type CheckedRow, type RawRow, type RowKind, RowValidator } from '../core/row-validator.js';
import { RecentStrings } from '../core/recent-strings.js';
import { INPUT_FILES } from '../core/schemas.js';
import { CsvSplitter, SplitError, type SplitRecord } from './csv-splitter.js';
import type { Delimiter } from './delimiter.js';
import { lineSlices, splitSyntaxError } from './read-csv.js';
import { type KeptColumns, RecordShape } from './record-shape.js';
import { LineText, Utf8Text } from './text-stream.js';

/** The files whose rows can be read in pieces: those with figures (not regions or crosswalk). */
export type FigureKind = Exclude<RowKind, 'region'>;

/** What a piece's reader needs to know about its file, from its head (read on the main thread). */
export interface ChunkSetup {
  readonly file: string;
  readonly kind: FigureKind;
  readonly numberFormat: NumberFormat;
  readonly delimiter: Delimiter;
  /** The header's number of columns, and the columns read. */
  readonly width: number;
  readonly keep: KeptColumns;
  readonly maxLineChars: number;
  readonly maxRecordChars: number;
  /** What an invalid UTF-8 byte's message advises (text-stream.ts utf8Advice). */
  readonly utf8Advice: string;
}

/** Checked rows as columns: per key, a string's index in `strings` (−1: undefined, −2: a number in `numbers`). */
export interface RowColumns {
  readonly count: number;
  readonly strings: readonly string[];
  readonly text: readonly Int32Array[];
  readonly numbers: readonly Float64Array[];
  /** The line each row starts on, counted from 1 at the piece's start. */
  readonly lines: Int32Array;
}

/** What reading a piece (or the next part of a stream of pieces) gave. Lines count from 1 at the
 * start of the parser's first piece. */
export interface ChunkResult {
  readonly rows: RowColumns;
  /** The issues, in order; `before`: how many of the rows come before it. */
  readonly issues: readonly { readonly before: number; readonly issue: InputIssue }[];
  /** Data records read, valid or not (the file's row count). */
  readonly records: number;
  /** Lines the piece spans: the next piece starts this many lines further on. */
  readonly lines: number;
  /** The line the last record ended on (0: none ended in this piece). */
  readonly lastRecordEnd: number;
  /** The problem that stopped the reading of the file (the CSV or its encoding is broken). */
  readonly error?: { readonly line: number; readonly message: string; readonly afterLastRecord: boolean } | undefined;
  /** The piece ended between two records: the next one, read on its own, starts at a record. */
  readonly clean: boolean;
}

/** The keys of a kind's checked rows (its schema's columns, INPUT_FILES), in a fixed order. */
export function rowKeys(kind: FigureKind): readonly string[] {
  const { required, optional } = INPUT_FILES[kind];
  return [...required, ...optional];
}

/** Collects checked rows into columns. */
class ColumnsBuilder {
  private count = 0;
  private capacity = 1024;
  private strings: string[] = [];
  private stringIndex = new Map<string, number>();
  private text: Int32Array[];
  private numbers: Float64Array[];
  private lines = new Int32Array(this.capacity);
  private readonly recent = new RecentStrings<number>();
  /** Puts a row's values in their columns: compiled for the kind's keys, so that each property
   * read is a plain one rather than a lookup by a computed name. */
  private readonly addValues: (self: ColumnsBuilder, row: Readonly<Record<string, unknown>>, i: number) => void;

  constructor(keys: readonly string[]) {
    this.text = keys.map(() => new Int32Array(this.capacity));
    this.numbers = keys.map(() => new Float64Array(this.capacity));
    const body = keys.map((key, k) => `self.value(row[${JSON.stringify(key)}], ${k}, i);`).join('\n');
    this.addValues = new Function('self', 'row', 'i', body) as typeof this.addValues;
  }

  /** Rows added since the last take(). */
  get size(): number {
    return this.count;
  }

  add(row: Readonly<Record<string, unknown>>, line: number): void {
    if (this.count === this.capacity) this.grow();
    const i = this.count++;
    this.lines[i] = line;
    this.addValues(this, row, i);
  }

  /** Put one value in column k of row i. */
  value(value: unknown, k: number, i: number): void {
    if (typeof value === 'string') {
      this.text[k]![i] = this.intern(value);
    } else if (typeof value === 'number') {
      this.text[k]![i] = -2;
      this.numbers[k]![i] = value;
    } else this.text[k]![i] = -1;
  }

  /** The index of a string in `strings` (most rows repeat a region, a unit and a few dozen names). */
  private intern(value: string): number {
    let index = this.recent.get(value);
    if (index !== undefined) return index;
    index = this.stringIndex.get(value);
    if (index === undefined) {
      index = this.strings.length;
      this.strings.push(value);
      this.stringIndex.set(value, index);
    }
    this.recent.set(value, index);
    return index;
  }

  private grow(): void {
    this.capacity *= 2;
    const bigger = <T extends Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(this.capacity);
      b.set(a);
      return b;
    };
    this.lines = bigger(this.lines);
    this.text = this.text.map(bigger);
    this.numbers = this.numbers.map(bigger);
  }

  take(): RowColumns {
    const n = this.count;
    const columns: RowColumns = {
      count: n,
      strings: this.strings,
      text: this.text.map((a) => a.slice(0, n)),
      numbers: this.numbers.map((a) => a.slice(0, n)),
      lines: this.lines.slice(0, n),
    };
    this.count = 0;
    this.strings = [];
    this.stringIndex = new Map();
    this.recent.clear();
    return columns;
  }
}

/** The typed arrays of a result, to transfer (not copy) to another thread. */
export function transferables(result: ChunkResult): ArrayBuffer[] {
  const { rows } = result;
  return [rows.lines, ...rows.text, ...rows.numbers].map((a) => a.buffer as ArrayBuffer);
}

type RowReader = (strings: readonly string[], text: readonly Int32Array[], numbers: readonly Float64Array[], i: number) => Record<string, unknown>;
const readers = new Map<FigureKind, RowReader>();

/** A function that makes row `i` of some columns as one object literal of `kind`'s fixed shape
 * (compiled once per kind: the main thread makes millions of them). */
function rowReader(kind: FigureKind): RowReader {
  let reader = readers.get(kind);
  if (!reader) {
    const props = rowKeys(kind).map((key, k) => `${JSON.stringify(key)}: (t = text[${k}][i]) >= 0 ? strings[t] : t === -2 ? numbers[${k}][i] : undefined`);
    reader = new Function('strings', 'text', 'numbers', 'i', `let t; return { ${props.join(', ')} };`) as RowReader;
    readers.set(kind, reader);
  }
  return reader;
}

/** Calls `each(row, index)` for the rows of `columns`, in order, as objects of `kind`'s shape. */
export function forEachRow<K extends FigureKind>(kind: K, columns: RowColumns, each: (row: CheckedRow<K>, index: number) => void): void {
  const read = rowReader(kind);
  const { strings, text, numbers } = columns;
  for (let i = 0; i < columns.count; i++) each(read(strings, text, numbers, i) as CheckedRow<K>, i);
}

/** What the pieces of one file share: the row shape, the checker, the columns being filled. Made
 * once per thread, so that their compiled functions stay warm from one piece to the next. */
export class PieceReading {
  readonly shape: RecordShape;
  readonly validator: RowValidator;
  readonly columns: ColumnsBuilder;

  constructor(readonly setup: ChunkSetup) {
    this.shape = new RecordShape(setup.file, setup.width, setup.keep, setup.delimiter);
    this.validator = new RowValidator(setup.numberFormat);
    this.columns = new ColumnsBuilder(rowKeys(setup.kind));
  }
}

/**
 * Reads the pieces of one file that begin at a record: push the bytes (in order; `final` with the
 * file's last), take() the rows read so far. Once a problem stops the reading, later bytes are ignored.
 */
export class RowChunkParser {
  private readonly setup: ChunkSetup;
  private readonly text: Utf8Text;
  private readonly splitter: CsvSplitter;
  private readonly shape: RecordShape;
  private readonly validator: RowValidator;
  private readonly columns: ColumnsBuilder;
  private issues: { before: number; issue: InputIssue }[] = [];
  private records = 0;
  private linesTaken = 0;
  private error: ChunkResult['error'];
  private readonly out: SplitRecord[] = [];
  private readonly onIssue = (issue: InputIssue): void => {
    this.issues.push({ before: this.columns.size, issue });
  };

  /** One parser at a time per PieceReading (they share its columns). */
  constructor(reading: PieceReading) {
    const setup = (this.setup = reading.setup);
    // A piece starts inside the file, where U+FEFF is an ordinary character (kept).
    this.text = new Utf8Text(new LineText({ maxLineChars: setup.maxLineChars, dropBom: false }), setup.utf8Advice, true);
    this.splitter = new CsvSplitter(setup.delimiter, setup.maxRecordChars);
    ({ shape: this.shape, validator: this.validator, columns: this.columns } = reading);
  }

  push(bytes: Uint8Array, final: boolean): void {
    if (this.error) return;
    const step = this.text.push(bytes, final);
    for (const slice of lineSlices(step.text)) {
      if (this.error) break;
      this.split(slice, false);
    }
    if (!this.error && step.error) this.stop(step.error.message, step.error.line ?? this.text.lines.line, false);
    if (final && !this.error) this.split('', true);
  }

  private split(text: string, final: boolean): void {
    try {
      this.splitter.push(text, this.out, final);
    } catch (error) {
      if (!(error instanceof SplitError)) throw error;
      this.rows();
      const syntax = splitSyntaxError(error, this.setup.maxRecordChars, this.setup.delimiter);
      // An unclosed quote is placed after the last record that ended, which may be in an earlier piece.
      this.stop(syntax.message, syntax.line ?? error.line, error.code === 'CSV_QUOTE_NOT_CLOSED' && this.splitter.lastRecordEnd === 0);
      return;
    }
    this.rows();
  }

  private rows(): void {
    const { kind, file } = this.setup;
    for (const record of this.out) {
      this.records++;
      const raw: RawRow | undefined = this.shape.row(record.fields, record.line, this.onIssue);
      if (raw === undefined) continue;
      const row = this.validator.check(kind, raw, file, record.line, this.onIssue);
      if (row !== undefined) this.columns.add(row, record.line);
    }
    this.out.length = 0;
  }

  private stop(message: string, line: number, afterLastRecord: boolean): void {
    this.error = { line, message, afterLastRecord };
  }

  /** The rows, issues and lines read since the last take(). */
  take(): ChunkResult {
    const line = this.splitter.nextLine;
    const result: ChunkResult = {
      rows: this.columns.take(),
      issues: this.issues,
      records: this.records,
      lines: line - 1 - this.linesTaken,
      lastRecordEnd: this.splitter.lastRecordEnd,
      error: this.error,
      clean: this.splitter.atRecordStart(),
    };
    this.linesTaken = line - 1;
    this.issues = [];
    this.records = 0;
    return result;
  }
}
