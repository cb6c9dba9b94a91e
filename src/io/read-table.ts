// One input file, read as a table: the header is matched to the columns the SPEC names
// (case-insensitively, after trimming; local names such as "år" read as the SPEC column they
// name, core/header-aliases.ts), and every later row becomes column → cell text, then — when the
// header's handler names the rows' kind — a checked row added to a sink (a DatasetBuilder). The
// head of the file (encoding, delimiter, header) is read as text; the rest of a UTF-8 file with
// figures is read from its bytes (read-rest.ts), on this thread or, for a large file, in worker
// threads. An Excel workbook is read through the same handlers by xlsx-table.ts.
import { type FigureKind, isFigureKind } from '../core/figure-rows.js';
import { describeHeaderClash, type HeaderClash, type HeaderMapping, matchHeader } from '../core/header-aliases.js';
import type { InputIssue, Warning } from '../core/issues.js';
import type { NumberFormat } from '../core/numbers.js';
import { type RawRow, type RowKind, RowValidator } from '../core/row-validator.js';
import { describeDelimiter, type Delimiter } from './delimiter.js';
import { DEFAULT_SAMPLE_BYTES, type Encoding, type EncodingOption, utf8Advice } from './encodings.js';
import { FileFormatError } from './errors.js';
import { type CsvInput, openInput } from './input-source.js';
import { DEFAULT_MAX_LINE_CHARS } from './line-text.js';
import type { PieceSetup } from './piece-parser.js';
import { type RowSink, takePiece } from './piece-rows.js';
import { type CsvParserName, type CsvStream, DEFAULT_MAX_RECORD_CHARS, openCsv } from './read-csv.js';
import { type OnPiece, PARALLEL_MIN_BYTES, PARALLEL_PIECE_BYTES, type ParallelReading, readRestHere, type RestOfFile } from './read-rest.js';
import { RecordShape } from './record-shape.js';
import { sniffBytes, sniffText } from './sniff.js';
import { StoppableBytes } from './stoppable-bytes.js';
import { type DecodedInput, decodeInput } from './text-stream.js';
import { takeWorkbook } from './workbook-input.js';
import type { SheetChoice } from './xlsx-sheet.js';

export type { RowSink } from './piece-rows.js';
export type { ParallelReading } from './read-rest.js';

export interface TableSpec {
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

/** How far the reading of one file has got, for a progress bar. */
export interface ReadProgress {
  readonly file: string;
  readonly bytesRead: number;
  /** The file's size; undefined for standard input and content in memory. */
  readonly totalBytes: number | undefined;
  readonly rows: number;
  readonly done: boolean;
}

/** The chunks, counting their bytes as they pass. */
async function* counted(chunks: AsyncIterable<Uint8Array | string>, count: { bytes: number }): AsyncGenerator<Uint8Array | string> {
  for await (const chunk of chunks) {
    count.bytes += chunk.length;
    yield chunk;
  }
}

/** What is known about a file once its header has been read. */
export interface HeaderContext {
  /** The CSV delimiter; undefined for a worksheet. */
  readonly delimiter: Delimiter | undefined;
  /** The first lines of a CSV file (the delimiter's sample), from which its decimal mark can be told. */
  readonly sample?: string | undefined;
  /** The worksheet read, for a workbook. */
  readonly sheet?: string | undefined;
}

/** Rows of a known kind: readTable checks each (core/row-validator.ts) and adds it to `sink`. */
export interface CheckedTable extends TableSpec {
  readonly kind: RowKind;
  /** How the file writes numbers. */
  readonly numberFormat: NumberFormat;
  readonly sink: RowSink;
}

export interface TableHandlers {
  /** Called with the header's columns (lower case) before any row; returns the spec to check (with
   * a kind: its rows are checked and go to the spec's sink; else to onRow as they are). */
  readonly onHeader: (columns: readonly string[], file: string, context: HeaderContext) => TableSpec | CheckedTable | InputIssue;
  /** The rows of a file whose spec has no kind, column → cell text. */
  readonly onRow?: ((row: RawRow, line: number, file: string) => void) | undefined;
  readonly onIssue: (issue: InputIssue) => void;
  /** Something worth knowing that is not a problem (hidden rows in a worksheet). */
  readonly onWarning?: ((warning: Warning) => void) | undefined;
}

export interface ReadTableOptions {
  readonly delimiter?: Delimiter | undefined;
  readonly encoding?: EncodingOption | undefined;
  /** Longest physical line accepted, in characters (default 1 MiB). */
  readonly maxLineChars?: number | undefined;
  /** Longest record accepted, all its fields together, in characters (default 1 MiB). */
  readonly maxRecordChars?: number | undefined;
  /** Which CSV parser: 'fast' (default) or 'csv-parse' (the reference). */
  readonly parser?: CsvParserName | undefined;
  /** Called as the file is read (after each batch of rows) and once at its end. */
  readonly onProgress?: ((progress: ReadProgress) => void) | undefined;
  readonly stdin?: NodeJS.ReadableStream | undefined;
  /** Read large files on several cores (the same rows, issues and lines); default: one thread. */
  readonly parallel?: ParallelReading | undefined;
  /** false: read every row as text, as the head is read (the reader the byte-level one is tested
   * against); default true. */
  readonly readBytes?: boolean | undefined;
  /** For an Excel workbook: which sheet to read (default: one named `preferred`, else the first visible one). */
  readonly sheet?: SheetChoice | undefined;
}

export interface TableSummary {
  readonly name: string;
  /** The header's column names (lower case; local names read as SPEC columns), empty when the
   * file had none. */
  readonly header: readonly string[];
  /** Header cells read as the SPEC column they name in another language or spelling ("år" as
   * year), with the header's line, for a notice; only columns that are read. */
  readonly headerAliases: { readonly line: number; readonly mapped: readonly HeaderMapping[] } | undefined;
  /** The encoding used ('text' for content given as a string) and why; undefined if unreadable. */
  readonly encoding: Encoding | 'text' | undefined;
  readonly encodingReason: string | undefined;
  readonly delimiter: Delimiter | undefined;
  readonly delimiterReason: string | undefined;
  /** Data rows read (not counting the header). */
  readonly rows: number;
  /** The header was read and has every required column. */
  readonly headerOk: boolean;
  /** Threads that read the rest of the file after its head, this one included (0: it was read on
   * this thread alone). */
  readonly threads: number;
  /** For a workbook: the sheet read and why (the file's name is then `book.xlsx!Sheet`). */
  readonly sheet?: { readonly name: string; readonly reason: string } | undefined;
}

/** What becomes of a row of raw cells once the header is accepted. */
export type RowHandler = (raw: RawRow, line: number, file: string) => void;

/** Where the rows of a file go once its header is accepted (the same for a CSV file and a
 * worksheet): checked and added to the spec's sink when the spec names their kind, else to
 * handlers.onRow as they are. */
export function rowsTo(spec: TableSpec | CheckedTable, handlers: TableHandlers): RowHandler {
  if (!('kind' in spec)) return (raw, line, file) => handlers.onRow?.(raw, line, file);
  const { kind, sink } = spec;
  const validator = new RowValidator(spec.numberFormat);
  return (raw, line, file) => {
    const row = validator.check(kind, raw, file, line, handlers.onIssue);
    if (row !== undefined) sink.addRow(kind, row, file, line);
  };
}

/** Stream one file through the handlers; returns what was read. Never throws for the file's
 * content: every problem goes to handlers.onIssue (a file that cannot be opened still throws). */
export async function readTable(input: CsvInput, handlers: TableHandlers, options: ReadTableOptions = {}): Promise<TableSummary> {
  // An Excel workbook (by its name or its first bytes) is read as a table of its own (xlsx-table.ts).
  const { opened, workbook } = await takeWorkbook(await openInput(input, options.stdin));
  if (workbook !== undefined) {
    const { readWorkbookTable } = await import('./xlsx-table.js');
    return readWorkbookTable(workbook, opened.name, handlers, options.sheet);
  }
  const file = opened.name;
  const onProgress = options.onProgress;
  const count = { bytes: 0 };
  const progress = (done: boolean) => onProgress?.({ file, bytesRead: count.bytes, totalBytes: opened.size, rows, done });
  let decoded: DecodedInput | undefined;
  let csv: CsvStream | undefined;
  let header: { columns: readonly string[]; keep: Map<number, string> } | undefined;
  let rows = 0;
  let threads = 0;
  /** The rows' kind once the header is read, when they have figures: the rest of the file is
   * then read from its bytes (read-rest.ts). */
  let figures: { kind: FigureKind; table: CheckedTable } | undefined;
  let headerColumns: readonly string[] = [];
  let headerAliases: TableSummary['headerAliases'];
  const summary = (): TableSummary => ({
    name: file,
    header: headerColumns,
    headerAliases,
    encoding: decoded?.encoding,
    encodingReason: decoded?.encodingReason,
    delimiter: csv?.delimiter,
    delimiterReason: csv?.delimiterReason,
    rows,
    headerOk: header !== undefined,
    threads,
  });
  const expected = (): string => {
    const spec = handlers.onHeader([], file, { delimiter: csv?.delimiter ?? ',' });
    return 'message' in spec ? spec.message : `expected a header row with columns ${spec.required.join(', ')}`;
  };
  const bytes = counted(opened.bytes, count);
  const maxLineChars = options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS;
  // The head (encoding, delimiter, header) is read as text here; the rest of a UTF-8 file with
  // figures is read from its bytes: the reading of the text stops between two lines, there.
  const stoppable =
    (options.parser ?? 'fast') === 'fast' && options.readBytes !== false
      ? new StoppableBytes(bytes, () => figures !== undefined && decoded?.encoding === 'utf8' && csv?.position()?.atRecordStart === true, 4 * maxLineChars + 4, DEFAULT_SAMPLE_BYTES)
      : undefined;
  try {
    decoded = await decodeInput(stoppable ?? bytes, { encoding: options.encoding, maxLineChars: options.maxLineChars });
    const binary = sniffBytes(decoded.head);
    if (binary !== undefined) {
      handlers.onIssue({ file, message: `not a CSV file: this is ${binary}; ${expected()}` });
      return summary();
    }
    csv = await openCsv(decoded.text, { delimiter: options.delimiter, maxRecordChars: options.maxRecordChars, parser: options.parser });
    const other = sniffText(csv.sample, decoded.head);
    if (other !== undefined) {
      handlers.onIssue({ file, message: `not a CSV file: this is ${other}; ${expected()}` });
      return summary();
    }
    let shape: RecordShape | undefined;
    let toRow: RowHandler | undefined;
    for await (const batch of csv.batches) {
      for (const record of batch) {
        if (header === undefined) {
          const cells = record.fields.map((c) => c.trim().toLowerCase());
          // A header that ends in a delimiter has empty trailing names: not columns.
          while (cells.length > 1 && cells[cells.length - 1] === '') cells.pop();
          // Local names ("år", "tjeneste") are read as the SPEC columns they name.
          const named = matchHeader(cells);
          const columns = named.columns;
          headerColumns = columns;
          const spec = handlers.onHeader(columns, file, { delimiter: csv.delimiter, sample: csv.sample });
          const keep = checkHeader(file, record.line, columns, spec, csv.delimiter, named.clashes);
          if ('message' in keep) {
            handlers.onIssue(keep);
            return summary();
          }
          const used = named.mapped.filter((m) => keep.has(m.field - 1));
          if (used.length > 0) headerAliases = { line: record.line, mapped: used };
          header = { columns, keep };
          shape = new RecordShape(file, columns.length, [...keep], csv.delimiter);
          toRow = rowsTo(spec as TableSpec | CheckedTable, handlers);
          if ('kind' in spec && isFigureKind(spec.kind)) figures = { kind: spec.kind, table: spec };
          continue;
        }
        rows++;
        const raw = shape!.row(record.fields, record.line, handlers.onIssue);
        if (raw !== undefined) toRow!(raw, record.line, file);
      }
      if (onProgress) progress(false);
    }
    if (stoppable?.stopped) {
      const { kind, table } = figures!;
      const position = csv.position()!;
      const { carry, source } = stoppable.rest();
      const setup: PieceSetup = {
        file,
        kind,
        numberFormat: table.numberFormat,
        delimiter: csv.delimiter,
        width: shape!.width,
        keep: shape!.keep,
        maxLineChars,
        maxRecordChars: options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS,
        utf8Advice: utf8Advice(options.encoding !== 'utf8', DEFAULT_SAMPLE_BYTES),
      };
      const rest: RestOfFile = {
        carry,
        source,
        firstLine: position.nextLine,
        lastRecordEnd: position.lastRecordEnd,
        // A file is read on from where the stream stopped (every byte it gave is counted).
        file: opened.path === undefined ? undefined : { path: opened.path, name: file, position: count.bytes },
        onBytes: (n) => {
          count.bytes += n;
        },
      };
      const onPiece: OnPiece = (result, offset) => {
        rows += result.records;
        takePiece(result, offset, kind, table.sink, file, handlers.onIssue);
        if (onProgress) progress(false);
      };
      const parallel = options.parallel;
      if (parallel !== undefined && parallel.threads > 1 && opened.size !== undefined && opened.size >= (parallel.minBytes ?? PARALLEL_MIN_BYTES)) {
        threads = parallel.threads;
        await parallel.read(rest, setup, { threads, pieceBytes: parallel.pieceBytes ?? PARALLEL_PIECE_BYTES }, onPiece);
      } else await readRestHere(rest, setup, onPiece);
    }
  } catch (error) {
    if (!(error instanceof FileFormatError)) throw error;
    handlers.onIssue({ file, line: error.line, message: error.message });
    return summary();
  } finally {
    // A file given up on early (not CSV, a bad header) is closed now, not when collected; not
    // awaited, as a read in flight (standard input) may wait for more input first.
    void decoded?.close().catch(() => {});
    if (onProgress) progress(true);
  }
  if (header === undefined) handlers.onIssue({ file, message: `the file is empty: ${expected()}` });
  return summary();
}

/** Column index → SPEC column name for the columns we use, or the problem with the header
 * (`delimiter`: the CSV's, named in the message; undefined for a worksheet). */
export function checkHeader(
  file: string,
  line: number,
  columns: readonly string[],
  spec: TableSpec | InputIssue,
  delimiter: Delimiter | undefined,
  clashes: readonly HeaderClash[],
): Map<number, string> | InputIssue {
  if ('message' in spec) return spec;
  const wanted = new Set([...spec.required, ...spec.optional]);
  const clash = clashes.find((c) => wanted.has(c.to) && !columns.includes(c.to));
  if (clash) return { file, line, columns: [clash.to], message: describeHeaderClash(clash) };
  const keep = new Map<number, string>();
  const seen = new Map<string, number>();
  for (const [index, name] of columns.entries()) {
    if (!wanted.has(name)) continue;
    if (seen.has(name)) {
      return { file, line, columns: [name], message: `the column appears twice in the header (fields ${seen.get(name)! + 1} and ${index + 1})` };
    }
    seen.set(name, index);
    keep.set(index, name);
  }
  const missing = spec.required.filter((name) => !seen.has(name));
  if (missing.length > 0) {
    return {
      file,
      line,
      columns: missing,
      message:
        `missing required ${missing.length === 1 ? 'column' : 'columns'}: expected ${spec.required.join(', ')}; ` +
        `found ${columns.filter(Boolean).join(', ') || 'nothing'}${delimiter === undefined ? '' : ` (delimiter ${describeDelimiter(delimiter)})`}`,
    };
  }
  return keep;
}
