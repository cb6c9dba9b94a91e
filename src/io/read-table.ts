// One input file, read as a table: the header is matched to the columns the SPEC names
// (case-insensitively, after trimming; local names such as "år" read as the SPEC column they
// name, core/header-aliases.ts), and every later row becomes column → cell text, then — when the
// header's handler names the rows' kind — a checked row added to a sink (a DatasetBuilder). The
// head of the file (encoding, delimiter, header) is read as text; the rest of a UTF-8 file with
// figures is read from its bytes (read-rest.ts), on this thread or, for a large file, in worker
// threads. An Excel workbook (xlsx-table.ts) or a Parquet file (read-parquet.ts) is read by a
// reader of its own, through the same header step (table-header.ts) and the same handlers.
import { type FigureKind, isFigureKind } from '../core/figure-rows.js';
import { takeBinaryTable } from './binary-table-input.js';
import type { Delimiter } from './delimiter.js';
import { DEFAULT_SAMPLE_BYTES, type EncodingOption, utf8Advice } from './encodings.js';
import { FileAccessError, FileFormatError } from './errors.js';
import { type CsvInput, type OpenedInput, openInput } from './input-source.js';
import { DEFAULT_MAX_LINE_CHARS } from './line-text.js';
import type { ParallelGroupDecoder } from './parquet-pages.js';
import type { PieceSetup } from './piece-parser.js';
import { takePiece } from './piece-rows.js';
import { type CsvParserName, type CsvStream, DEFAULT_MAX_RECORD_CHARS, openCsv } from './read-csv.js';
import type { RestOfFile } from './piece-source.js';
import { type OnPiece, PARALLEL_MIN_BYTES, PARALLEL_PIECE_BYTES, type ParallelReading, readRestHere } from './read-rest.js';
import { RecordShape } from './record-shape.js';
import { sniffBytes, sniffText } from './sniff.js';
import { StoppableBytes } from './stoppable-bytes.js';
import { type CheckedTable, type ReadProgress, type RowHandler, rowsTo, type TableHandlers, type TableSpec, type TableSummary } from './table-handlers.js';
import { readHeader } from './table-header.js';
import { type DecodedInput, decodeInput } from './text-stream.js';
import type { SheetChoice } from './xlsx-sheet.js';

export type { ParallelReading } from './read-rest.js';
// ReadProgress lives with the handlers (read-parquet.ts reports it too, without a cycle).
export type { ReadProgress } from './table-handlers.js';

/** The chunks, counting their bytes as they pass. */
async function* counted(chunks: AsyncIterable<Uint8Array | string>, count: { bytes: number }): AsyncGenerator<Uint8Array | string> {
  for await (const chunk of chunks) {
    count.bytes += chunk.length;
    yield chunk;
  }
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

/** The worker threads' decoder of a Parquet file's row groups, when the options read on more than one thread. */
function parquetDecoder(parallel: ParallelReading | undefined): ParallelGroupDecoder | undefined {
  return parallel !== undefined && parallel.threads > 1 ? parallel.parquet : undefined;
}

/** Stream one file through the handlers; returns what was read. Never throws for the file's
 * content: every problem goes to handlers.onIssue (a file that cannot be opened, or that changed
 * while it was read, still throws). */
export async function readTable(input: CsvInput, handlers: TableHandlers, options: ReadTableOptions = {}): Promise<TableSummary> {
  // An Excel workbook or a Parquet file (by its name or its first bytes) is read by a reader of
  // its own (xlsx-table.ts, read-parquet.ts) through the same header and row steps as CSV text.
  const { opened, binary } = await takeBinaryTable(await openInput(input, options.stdin));
  if (binary !== undefined) {
    const read =
      binary.format === 'xlsx'
        ? await (await import('./xlsx-table.js')).readWorkbookTable(binary.bytes, opened.name, handlers, options.sheet)
        : await (await import('./read-parquet.js')).readParquetTable(binary.bytes, opened.name, handlers, options.onProgress, parquetDecoder(options.parallel), options.parallel?.parquetMinRows);
    // takeBinaryTable gathered the whole file (or gave up on a workbook too large, which has no digest).
    if (!read.headerOk) {
      opened.sha256.stop();
      return read;
    }
    return { ...read, sha256: await finalHash(opened) };
  }
  let hashed = false;
  let stoppedEarly = false;
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
    sha256: undefined,
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
          const { columns, spec, keep, aliases } = readHeader(file, record.line, record.fields, handlers.onHeader, {
            delimiter: csv.delimiter,
            sample: csv.sample,
          });
          headerColumns = columns;
          if ('message' in keep) {
            handlers.onIssue(keep);
            return summary();
          }
          headerAliases = aliases;
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
        file: opened.path === undefined ? undefined : { path: opened.path, name: file, position: count.bytes, hashFeed: opened.hashFeed },
        onBytes: (n) => {
          count.bytes += n;
        },
      };
      const onPiece: OnPiece = (result, offset) => {
        // A problem that stops the reading (as the text reader's FileFormatError does): no hash of part of a file.
        if (result.error) stoppedEarly = true;
        rows += result.records;
        takePiece(result, offset, kind, table.sink, file, handlers.onIssue);
        if (onProgress) progress(false);
      };
      const parallel = options.parallel;
      if (parallel !== undefined && parallel.threads > 1 && opened.size !== undefined && opened.size >= (parallel.minBytes ?? PARALLEL_MIN_BYTES)) {
        threads = parallel.threads;
        await parallel.read(rest, setup, { threads, pieceBytes: parallel.pieceBytes ?? PARALLEL_PIECE_BYTES, started: parallel.started }, onPiece);
      } else await readRestHere(rest, setup, onPiece);
    }
    // Read to its end: its hash is made of the bytes read (io/file-hash.ts); awaited below.
    hashed = !stoppedEarly;
  } catch (error) {
    if (!(error instanceof FileFormatError)) throw error;
    handlers.onIssue({ file, line: error.line, message: error.message });
    return summary();
  } finally {
    // A file given up on early (not CSV, a bad header) is closed now, not when collected; not
    // awaited, as a read in flight (standard input) may wait for more input first.
    void decoded?.close().catch(() => {});
    if (!hashed) opened.sha256.stop();
    if (onProgress) progress(true);
  }
  if (header === undefined) {
    handlers.onIssue({ file, message: `the file is empty: ${expected()}` });
    return summary();
  }
  return { ...summary(), sha256: await finalHash(opened) };
}

/**
 * The SHA-256 of a file read to its end. A file that changed meanwhile (it is read more than
 * once: io/input-source.ts) stops the run (exit 4): its figures and its hash could be of
 * different content, and a provenance must not pair them.
 */
async function finalHash(opened: OpenedInput): Promise<string | undefined> {
  const sha256 = await opened.sha256.wait();
  const change = await opened.changed?.();
  if (change !== undefined) {
    const why = `it changed while servicegap read it (${change}), so its figures and its SHA-256 could be of different content; run again once nothing writes to it`;
    throw new FileAccessError(opened.name, 'read', new Error(why));
  }
  return sha256;
}
