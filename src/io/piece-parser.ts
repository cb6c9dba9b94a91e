// The rows of a file's pieces, read from their UTF-8 bytes: the part of a file after its head
// (encoding, delimiter and header, read by read-table.ts), on the main thread (read-rest.ts) or in
// worker threads (parallel/read-in-parallel.ts). A piece begins at a record.
//
// Two lanes give the same rows, issues and lines:
// - The byte lane takes a line of plain fields (no quote inside a field, no lone CR, within the
//   length limits, as many fields as the header) straight from the bytes: numbers are parsed from
//   their digits (core/numbers.ts readNumberBytes) and every other cell is looked up by its bytes
//   in a table of the column's cells seen before, which holds the cell's checked value (the
//   cell type's own `accept`, core/schemas.ts), so text is decoded once per distinct cell, not
//   once per row. A cell it cannot accept that way sends the line to the text lane.
// - The text lane is the reader that works on text, step for step as on the main thread: strict
//   UTF-8 (utf8-text.ts), line ends and the line limit (line-text.ts), the CSV splitter, the
//   header's shape (record-shape.ts) and the row check (core/row-validator.ts), which words every
//   problem. It takes a line the byte lane leaves, and the lines after it until the record is
//   complete (a quoted field may hold line breaks); then the byte lane goes on. Bytes that are
//   not valid UTF-8 go to the text lane whole (it says where the reading stops, and why).
// test/io/piece-parser.test.ts holds both lanes to the text reader and to csv-parse.
import { isUtf8 } from 'node:buffer';
import { FIGURE_COLUMNS, type FigureKind } from '../core/figure-rows.js';
import type { InputIssue } from '../core/issues.js';
import { decimalValue, type NumberFormat, plainDecimalByte, readNumberBytes } from '../core/numbers.js';
import { RowValidator } from '../core/row-validator.js';
import { cellReaders, type NumberRule, passesRule, REJECT } from '../core/schemas.js';
import { CsvSplitter, SplitError, type SplitRecord } from './csv-splitter.js';
import type { Delimiter } from './delimiter.js';
import { LineText } from './line-text.js';
import { PieceColumns, type PieceRows } from './piece-columns.js';
import { lineSlices, splitSyntaxError } from './read-csv.js';
import { type KeptColumns, RecordShape } from './record-shape.js';
import { Utf8Text } from './utf8-text.js';

/** What a piece's reader needs to know about its file, from its head (read on the main thread). */
export interface PieceSetup {
  readonly file: string;
  readonly kind: FigureKind;
  readonly numberFormat: NumberFormat;
  readonly delimiter: Delimiter;
  /** The header's number of columns, and the columns read. */
  readonly width: number;
  readonly keep: KeptColumns;
  readonly maxLineChars: number;
  readonly maxRecordChars: number;
  /** What an invalid UTF-8 byte's message advises (encodings.ts utf8Advice). */
  readonly utf8Advice: string;
}

/** What reading a piece (or the next part of a stream of pieces) gave. Lines count from 1 at the
 * start of the parser's first piece. */
export interface PieceResult {
  readonly rows: PieceRows;
  /** The issues, in order; `before`: how many of the rows come before it. */
  readonly issues: readonly { readonly before: number; readonly issue: InputIssue }[];
  /** Data records read, valid or not (the file's row count). */
  readonly records: number;
  /** Lines the piece spans: the next piece starts this many lines further on. */
  readonly lines: number;
  /** The line the last record ended on (0: none ended yet). */
  readonly lastRecordEnd: number;
  /** The problem that stopped the reading of the file (the CSV or its encoding is broken). */
  readonly error?: { readonly line: number; readonly message: string; readonly afterLastRecord: boolean } | undefined;
  /** The piece ended between two records: the next one, read on its own, starts at a record. */
  readonly clean: boolean;
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;

const HASH_SEED = 0x811c9dc5 | 0;
const HASH_PRIME = 0x01000193;

/** The FNV-1a hash of bytes[from, to), as the byte lane computes it while it scans a cell. */
function hashOf(bytes: Uint8Array, from: number, to: number): number {
  let hash = HASH_SEED;
  for (let i = from; i < to; i++) hash = Math.imul(hash ^ bytes[i]!, HASH_PRIME);
  return hash;
}

/** A cell seen before: its bytes, its checked value, its string's id in the piece it was last
 * used in, and the cell that followed it last time. */
interface CellEntry {
  readonly bytes: Uint8Array;
  readonly hash: number;
  readonly value: unknown;
  piece: number;
  id: number;
  next: CellEntry | undefined;
  /** No byte of it ends an unquoted field (a quoted cell may hold the delimiter): only such a
   * cell can be recognised by its bytes before the field's end is found. */
  readonly plain: boolean;
}

const NO_ENTRY: CellEntry = { bytes: new Uint8Array(0), hash: 0, value: REJECT, piece: -1, id: 0, next: undefined, plain: false };

/** A column's cells seen before, by their bytes: each with its checked value (REJECT: the text
 * lane must read the line) and, for key columns, its string's id in the current piece. */
class CellTable {
  private slots = new Int32Array(1024);
  private mask = 1023;
  private readonly entries: CellEntry[] = [];
  private readonly decoder = new TextDecoder();
  /** The entry expected next: the one that followed the last entry the time before (files repeat
   * their cells in a pattern: one region for many rows, the same names in the same order). */
  guess: CellEntry = NO_ENTRY;
  private last: CellEntry = NO_ENTRY;

  constructor(
    private readonly accept: (raw: string) => unknown,
    /** The bytes that end an unquoted field (PieceReading.stops). */
    private readonly stops: Uint8Array,
  ) {}

  /** The entry of the cell bytes[from, to), whose hashOf() is `hash`. */
  get(bytes: Uint8Array, from: number, to: number, hash: number): CellEntry {
    const n = to - from;
    for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
      const at = this.slots[slot]!;
      if (at === 0) break;
      const entry = this.entries[at - 1]!;
      if (entry.hash !== hash || entry.bytes.length !== n) continue;
      let i = 0;
      while (i < n && entry.bytes[i] === bytes[from + i]) i++;
      if (i === n) return entry;
    }
    // A copy (a Buffer's slice() would be a view that keeps the whole chunk it came from alive).
    return this.add(new Uint8Array(bytes.subarray(from, to)), hash);
  }

  /** The entry read: the next guess follows from it. */
  seen(entry: CellEntry): void {
    this.last.next = entry;
    this.last = entry;
    this.guess = entry.next ?? entry;
  }

  private add(bytes: Uint8Array, hash: number): CellEntry {
    // A column with very many distinct cells (facility names, say) starts afresh: it is a cache.
    if (this.entries.length >= 1 << 14) {
      this.entries.length = 0;
      this.slots.fill(0);
      this.last = this.guess = NO_ENTRY;
    }
    let plain = bytes.length > 0;
    for (let i = 0; i < bytes.length && plain; i++) plain = this.stops[bytes[i]!] === 0;
    const entry: CellEntry = { bytes, hash, value: this.accept(this.decoder.decode(bytes)), piece: -1, id: 0, next: undefined, plain };
    this.entries.push(entry);
    if (2 * this.entries.length > this.slots.length) this.rehash();
    else this.place(this.entries.length, hash);
    return entry;
  }

  private place(at: number, hash: number): void {
    let slot = hash & this.mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & this.mask;
    this.slots[slot] = at;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let i = 0; i < this.entries.length; i++) this.place(i + 1, this.entries[i]!.hash);
  }
}

/** What the byte lane does with each field of a record, by its place in the header. */
const enum Use {
  /** Not read (a column the file has but the rows do not use). */
  Skip,
  /** Any text is valid here and the value adds nothing to the dataset (bed_type, facility). */
  AnyText,
  /** A cell looked up in its CellTable. */
  Cell,
  /** A number cell, parsed from its digits. */
  Number,
}

interface FieldPlan {
  readonly use: Use;
  readonly table: CellTable | undefined;
  readonly rule: NumberRule | undefined;
  /** Where the value goes: a key column's index (≥ 0), the year (−1), the value (−2), nowhere (−3). */
  readonly to: number;
}

const TO_YEAR = -1;
const TO_VALUE = -2;
const NOWHERE = -3;

/** What the pieces of one file share, made once per thread: the row shape, the checker, the cell
 * tables and the columns being filled (their compiled functions stay warm from piece to piece). */
export class PieceReading {
  readonly shape: RecordShape;
  readonly validator: RowValidator;
  readonly columns: PieceColumns;
  readonly plan: readonly FieldPlan[];
  /** Lines longer than this many bytes go to the text lane (its limits count characters). */
  readonly maxLineBytes: number;
  /** 1 for the bytes that end an unquoted field or need a look: the delimiter, LF, CR, a quote. */
  readonly stops = new Uint8Array(256);

  constructor(readonly setup: PieceSetup) {
    this.shape = new RecordShape(setup.file, setup.width, setup.keep, setup.delimiter);
    this.validator = new RowValidator(setup.numberFormat);
    this.columns = new PieceColumns(setup.kind);
    this.maxLineBytes = Math.min(setup.maxLineChars, setup.maxRecordChars);
    for (const b of [setup.delimiter.charCodeAt(0), LF, CR, QUOTE]) this.stops[b] = 1;
    const figure = FIGURE_COLUMNS[setup.kind];
    const readers = new Map(cellReaders(setup.kind, setup.numberFormat).map((r) => [r.column, r]));
    const plan: FieldPlan[] = Array.from({ length: setup.width }, () => ({ use: Use.Skip, table: undefined, rule: undefined, to: NOWHERE }));
    for (const [index, column] of setup.keep) {
      const reader = readers.get(column)!;
      const key = (figure.key as readonly string[]).indexOf(column);
      const to = key >= 0 ? key : column === figure.year ? TO_YEAR : column === figure.value ? TO_VALUE : NOWHERE;
      if (reader.number !== undefined) plan[index] = { use: Use.Number, table: undefined, rule: reader.number, to };
      else if (reader.anyText && to === NOWHERE) plan[index] = { use: Use.AnyText, table: undefined, rule: undefined, to };
      else plan[index] = { use: Use.Cell, table: new CellTable(reader.accept, this.stops), rule: undefined, to };
    }
    this.plan = plan;
  }
}

/** The text reader, for the records the byte lane leaves: from a record's first line until the
 * record is complete. Lines as in PieceParser. */
class TextLane {
  private readonly text: Utf8Text;
  private readonly splitter: CsvSplitter;
  private readonly out: SplitRecord[] = [];

  constructor(
    private readonly reading: PieceReading,
    private readonly parser: PieceParser,
    line: number,
    lastRecordEnd: number,
  ) {
    const setup = reading.setup;
    // A piece starts inside the file, where U+FEFF is an ordinary character (kept).
    this.text = new Utf8Text(new LineText({ maxLineChars: setup.maxLineChars, dropBom: false, firstLine: line }), setup.utf8Advice, true);
    this.splitter = new CsvSplitter(setup.delimiter, setup.maxRecordChars, line);
    this.splitter.setLastRecordEnd(lastRecordEnd);
  }

  /** Between two records, at the start of a line: the byte lane can go on. */
  get atRecordStart(): boolean {
    return this.splitter.atRecordStart();
  }

  get nextLine(): number {
    return this.splitter.nextLine;
  }

  get lastRecordEnd(): number {
    return this.splitter.lastRecordEnd;
  }

  /** Read bytes (whole lines, or the file's end); false once a problem stopped the reading. */
  push(bytes: Uint8Array, final: boolean): boolean {
    const step = this.text.push(bytes, final);
    for (const slice of lineSlices(step.text)) if (!this.split(slice, false)) return false;
    if (step.error) {
      this.parser.stop(step.error.message, step.error.line ?? this.text.lines.line, false);
      return false;
    }
    return final ? this.split('', true) : true;
  }

  private split(text: string, final: boolean): boolean {
    try {
      this.splitter.push(text, this.out, final);
    } catch (error) {
      if (!(error instanceof SplitError)) throw error;
      this.rows();
      const setup = this.reading.setup;
      const syntax = splitSyntaxError(error, setup.maxRecordChars, setup.delimiter);
      // An unclosed quote is placed after the last record that ended, which may be in an earlier piece.
      this.parser.stop(syntax.message, syntax.line ?? error.line, error.code === 'CSV_QUOTE_NOT_CLOSED' && this.splitter.lastRecordEnd === 0);
      return false;
    }
    this.rows();
    return true;
  }

  private rows(): void {
    const { shape, validator, columns, setup } = this.reading;
    for (const record of this.out) {
      this.parser.records++;
      const raw = shape.row(record.fields, record.line, this.parser.onIssue);
      if (raw === undefined) continue;
      const row = validator.check(setup.kind, raw, setup.file, record.line, this.parser.onIssue);
      if (row !== undefined) columns.addRow(row, record.line);
    }
    this.out.length = 0;
  }
}

const EMPTY = new Uint8Array(0);

/**
 * Reads the pieces of one file that begin at a record: push the bytes (in order; `final` with the
 * file's last), take() the rows read so far. Once a problem stops the reading, later bytes are
 * ignored. One parser at a time per PieceReading (they share its columns).
 */
export class PieceParser {
  private readonly setup: PieceSetup;
  private readonly plan: readonly FieldPlan[];
  private readonly columns: PieceColumns;
  private readonly ids: number[];
  private readonly delimiter: number;
  private readonly stops: Uint8Array;
  private readonly format: NumberFormat;
  /** The decimal mark read as the digits are scanned (numbers.ts plainDecimalByte; −1: none). */
  private readonly decimalByte: number;
  /** Bytes after the last line feed, waiting for the rest of their line. */
  private tail: Uint8Array = EMPTY;
  /** The text lane, while it reads a record. */
  private lane: TextLane | undefined;
  /** The line of the next byte, and the line the last record ended on (0: none yet). */
  private line = 1;
  private lastEnd = 0;
  private linesTaken = 0;
  private issues: { before: number; issue: InputIssue }[] = [];
  records = 0;
  private error: PieceResult['error'];
  /** The error was handed on by take() (it stops the reading: later bytes are ignored). */
  private errorTaken = false;
  readonly onIssue = (issue: InputIssue): void => {
    this.issues.push({ before: this.columns.size, issue });
  };

  constructor(private readonly reading: PieceReading) {
    this.setup = reading.setup;
    this.plan = reading.plan;
    this.columns = reading.columns;
    this.ids = new Array<number>(FIGURE_COLUMNS[this.setup.kind].key.length).fill(0);
    this.delimiter = this.setup.delimiter.charCodeAt(0);
    this.stops = reading.stops;
    this.format = this.setup.numberFormat;
    // (a mark that is also the delimiter ends the field: "12,5" in a comma-separated file is two cells)
    const mark = plainDecimalByte(this.format);
    this.decimalByte = mark === this.delimiter ? -1 : mark;
  }

  /** The problem that stops the reading (the text lane reports it here). */
  stop(message: string, line: number, afterLastRecord: boolean): void {
    this.error ??= { line, message, afterLastRecord };
  }

  push(bytes: Uint8Array, final: boolean): void {
    if (this.error) return;
    const maxHold = 4 * this.setup.maxLineChars + 4;
    if (this.tail.length > 0) {
      // The line the tail began ends in these bytes: read it on its own, the rest where it is.
      const lf = bytes.indexOf(LF);
      const cut = lf === -1 ? bytes.length : lf + 1;
      const line = Buffer.concat([this.tail, bytes.subarray(0, cut)]);
      this.tail = EMPTY;
      bytes = bytes.subarray(cut);
      if (lf === -1 && !final && line.length <= maxHold) {
        this.tail = line;
        return;
      }
      this.read(line, line.length, final && bytes.length === 0);
      if (this.error || (final && bytes.length === 0)) return;
    }
    // Whole lines now; the rest waits for the next push.
    let end = bytes.length;
    if (!final) {
      end = bytes.lastIndexOf(LF) + 1;
      // (bytes longer than any line can be: the text lane says where the line limit is broken)
      if (bytes.length - end > maxHold) end = bytes.length;
      else this.tail = Uint8Array.prototype.slice.call(bytes, end); // (a copy: the caller may read into its buffer again)
    }
    if (end > 0 || final) this.read(bytes, end, final);
  }

  /** Read bytes[0, end): whole lines, or (`final`) the end of the file, or a line too long. */
  private read(bytes: Uint8Array, end: number, final: boolean): void {
    const whole = end === bytes.length ? bytes : bytes.subarray(0, end);
    if (!(final || bytes[end - 1] === LF) || !isUtf8(whole)) {
      // The text lane finds the bad byte (or the end of a line too long), and reads what is before it.
      this.toLane(whole, 0, end, final);
      return;
    }
    // The byte lane reads lines that end in a line feed: the file's last line, if it has none, on its own below.
    const lines = end > 0 && bytes[end - 1] !== LF ? bytes.lastIndexOf(LF, end - 1) + 1 : end;
    this.readLines(bytes, lines, end, final);
    if (this.error || !final) return;
    if (lines < end && this.lane === undefined) {
      // The last line, with the line feed it lacks (it adds no line).
      const last = new Uint8Array(end - lines + 1);
      last.set(bytes.subarray(lines, end));
      last[last.length - 1] = LF;
      if (this.line0(last, 0) >= 0) {
        this.line--;
        return;
      }
    }
    if (lines < end || this.lane !== undefined) this.toLane(bytes, lines, end, true);
  }

  /**
   * Read the lines of bytes[0, lines), each ending in a line feed: by the byte lane (line0), or
   * the text lane where it cannot (`end` and `final` as read() has them). The loop is a method of
   * its own: V8 optimises a long loop while its function runs (on-stack replacement), and when the
   * code after the loop was in the same function, that code was compiled before it had ever run;
   * in about a third of the runs V8 then kept entering the same compiled loop and leaving it
   * through a deoptimisation, once per piece — 80–95 times a reading of 4.95 M rows; now once in
   * every run. Each is cheap: no difference in time could be measured (coverage 2.69 against 2.68 s,
   * 14 runs alternating), but a run no longer depends on it (issue 18).
   */
  private readLines(bytes: Uint8Array, lines: number, end: number, final: boolean): void {
    let at = 0;
    while (at < lines && !this.error) {
      if (this.lane !== undefined) {
        const next = bytes.indexOf(LF, at) + 1;
        this.toLane(bytes, at, next, final && next === end);
        at = next;
        continue;
      }
      const next = this.line0(bytes, at);
      if (next >= 0) {
        at = next;
        continue;
      }
      // Not a line the byte lane reads: the text lane reads it (and the record's other lines).
      const lineEnd = bytes.indexOf(LF, at) + 1;
      this.toLane(bytes, at, lineEnd, final && lineEnd === end);
      at = lineEnd;
    }
  }

  /** Give bytes[from, to) to the text lane; it hands back to the byte lane at a record's end. */
  private toLane(bytes: Uint8Array, from: number, to: number, final: boolean): void {
    const lane = (this.lane ??= new TextLane(this.reading, this, this.line, this.lastEnd));
    const going = lane.push(bytes.subarray(from, to), final);
    if (final || (going && lane.atRecordStart && to > from && bytes[to - 1] === LF)) {
      this.line = lane.nextLine;
      this.lastEnd = lane.lastRecordEnd;
      this.lane = undefined;
    }
  }

  /**
   * The byte lane: read the line at bytes[at…], which ends in a line feed; the index after it, or
   * −1 when the text lane must read it (nothing has been added then).
   */
  private line0(bytes: Uint8Array, at: number): number {
    const plan = this.plan;
    const width = plan.length;
    const D = this.delimiter;
    const stops = this.stops;
    const ids = this.ids;
    let year = 0;
    let value = 0;
    let field = 0;
    let i = at;
    let c = bytes[i]!;
    if (c === LF || (c === CR && bytes[i + 1] === LF)) {
      // An empty line: no record.
      this.line++;
      return c === LF ? i + 1 : i + 2;
    }
    for (;;) {
      if (field >= width) return -1;
      const p = plan[field]!;
      // One field: [start, stop), then c, the byte that ended it, at i.
      let start = i;
      let stop: number;
      let hash = HASH_SEED;
      let entry: CellEntry | undefined;
      let number = NaN;
      if (c === QUOTE) {
        // A quoted field whose closing quote ends it (no "" inside, no line break).
        start = i + 1;
        let q = start;
        while ((c = bytes[q]!) !== QUOTE && c !== LF && c !== CR) q++;
        if (c !== QUOTE) return -1;
        stop = q;
        i = q + 1;
        c = bytes[i]!;
        if (c !== D && c !== LF && c !== CR) return -1;
        if (p.use === Use.Cell) entry = p.table!.get(bytes, start, stop, hashOf(bytes, start, stop));
      } else if (p.use === Use.Cell) {
        // First compared with the cell expected here (files repeat their cells in a pattern):
        // the expected bytes and then a byte that ends a field. Else hashed as it is scanned.
        const table = p.table!;
        const expected = table.guess;
        const guess = expected.bytes;
        const n = guess.length;
        let k = 0;
        if (expected.plain) while (k < n && bytes[i + k] === guess[k]) k++;
        if (expected.plain && k === n && stops[bytes[i + n]!] === 1) {
          i += n;
          c = bytes[i]!;
          stop = i;
          entry = expected;
        } else {
          while (stops[c] === 0) {
            hash = Math.imul(hash ^ c, HASH_PRIME);
            c = bytes[++i]!;
          }
          stop = i;
          entry = table.get(bytes, start, stop, hash);
        }
      } else if (p.use === Use.Number) {
        // Digits, and digits, the decimal mark and digits (a year, a count, "132.5"), are read
        // as they are scanned, by readNumberBytes' rules and formula; anything else by it.
        let whole = 0;
        let digit: number;
        while ((digit = c - 0x30) >= 0 && digit <= 9) {
          whole = whole * 10 + digit;
          c = bytes[++i]!;
        }
        const digits = i - start;
        let fractionDigits = -1;
        let fraction = 0;
        if (c === this.decimalByte && digits > 0) {
          const mark = i;
          c = bytes[++i]!;
          while ((digit = c - 0x30) >= 0 && digit <= 9) {
            fraction = fraction * 10 + digit;
            c = bytes[++i]!;
          }
          fractionDigits = i - mark - 1;
        }
        if (stops[c] === 0) {
          while (stops[(c = bytes[++i]!)] === 0);
        } else if (digits > 0 && digits <= 12) {
          if (fractionDigits < 0) number = whole;
          else if (digits + fractionDigits <= 15) number = decimalValue(whole, fraction, fractionDigits);
        }
        stop = i;
      } else {
        while (stops[c] === 0) c = bytes[++i]!;
        stop = i;
      }
      if (c === QUOTE) return -1;
      if (p.use === Use.Number) {
        // (NaN from the scan: not digits only, or quoted; readNumberBytes knows the rest)
        const n = number === number ? number : readNumberBytes(bytes, start, stop, this.format);
        if (n !== n || !passesRule(p.rule!, n)) return -1;
        if (p.to === TO_VALUE) value = n;
        else if (p.to === TO_YEAR) year = n;
      } else if (entry !== undefined) {
        p.table!.seen(entry);
        const v = entry.value;
        if (v === REJECT) return -1;
        if (p.to >= 0) {
          if (entry.piece !== this.columns.piece) {
            entry.piece = this.columns.piece;
            entry.id = this.columns.stringId(v as string);
          }
          ids[p.to] = entry.id;
        } else if (p.to === TO_YEAR) year = v as number;
        else if (p.to === TO_VALUE) value = v as number;
      }
      field++;
      if (c === D) {
        c = bytes[++i]!;
        continue;
      }
      // The line's end (LF, or CRLF; a lone CR is a line break the text lane counts): it must
      // hold the header's number of fields, within the length limits.
      if (c === CR && bytes[i + 1] !== LF) return -1;
      if (field !== width || i - at > this.reading.maxLineBytes) return -1;
      this.records++;
      this.columns.add(this.columns.keyId(ids), year, value, this.line);
      this.lastEnd = this.line++;
      return c === LF ? i + 1 : i + 2;
    }
  }

  /** The rows, issues and lines read since the last take(). */
  take(): PieceResult {
    const line = this.lane?.nextLine ?? this.line;
    const result: PieceResult = {
      rows: this.columns.take(),
      issues: this.issues,
      records: this.records,
      lines: line - 1 - this.linesTaken,
      lastRecordEnd: this.lane?.lastRecordEnd ?? this.lastEnd,
      error: this.errorTaken ? undefined : this.error,
      clean: this.lane === undefined && this.tail.length === 0,
    };
    this.linesTaken = line - 1;
    this.issues = [];
    this.records = 0;
    this.errorTaken = this.error !== undefined;
    return result;
  }
}
