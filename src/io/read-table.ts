// One input file, read as a table: the header is matched to the columns the SPEC names
// (case-insensitively, after trimming; table-header.ts), and every later row becomes column →
// cell text. CSV text is read here; a workbook (xlsx-table.ts) or a Parquet file (read-parquet.ts)
// by a reader of its own, through the same header step and the same handlers.
import type { Delimiter } from './delimiter.js';
import type { ReadProgress, TableHandlers, TableSummary } from './table-handlers.js';

export type { ReadProgress } from './table-handlers.js';
import { FileFormatError } from './errors.js';
import { type CsvInput, openInput } from './input-source.js';
import { type CsvParserName, type CsvStream, DEFAULT_MAX_RECORD_CHARS, openCsv } from './read-csv.js';
import { type CheckedRows, takePiece } from './piece-rows.js';
import type { ChunkSetup } from './row-chunks.js';
import { StoppableBytes } from './stoppable-bytes.js';
import { RecordShape } from './record-shape.js';
import { sniffBytes, sniffText } from './sniff.js';
import { DEFAULT_MAX_LINE_CHARS, type DecodedInput, decodeInput, type EncodingOption, utf8Advice } from './text-stream.js';
import { takeBinaryTable } from './binary-table-input.js';
import { readHeader } from './table-header.js';
import type { SheetChoice } from './xlsx-sheet.js';


/** The chunks, counting their bytes as they pass. */
async function* counted(chunks: AsyncIterable<Uint8Array | string>, count: { bytes: number }): AsyncGenerator<Uint8Array | string> {
  for await (const chunk of chunks) {
    count.bytes += chunk.length;
    yield chunk;
  }
}

/** How a large file is read on several cores (see parallel/read-in-parallel.ts). */
export interface ParallelReading {
  /** Worker threads; 1 or fewer reads every file on the main thread. */
  readonly threads: number;
  /** Files at least this large are read in parallel (default 64 MiB). */
  readonly minBytes?: number | undefined;
  /** Bytes per piece sent to a worker (default 1 MiB). */
  readonly pieceBytes?: number | undefined;
}

/** Below this, starting the workers costs more than they save (measured: an 18 MB file took 1.12 s
 * with two worker threads and 0.93 s with none; 184 MB took 3.35 s and 4.75 s; bench/RESULTS.md). */
export const PARALLEL_MIN_BYTES = 64 << 20;
export const PARALLEL_PIECE_BYTES = 1 << 20;

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
  /** For an Excel workbook: which sheet to read (default: one named `preferred`, else the first visible one). */
  readonly sheet?: SheetChoice | undefined;
}

/** Stream one file through the handlers; returns what was read. Never throws for the file's
 * content: every problem goes to handlers.onIssue (a file that cannot be opened still throws). */
export async function readTable(input: CsvInput, handlers: TableHandlers, options: ReadTableOptions = {}): Promise<TableSummary> {
  // An Excel workbook or a Parquet file (by its name or its first bytes) is read by a reader of
  // its own (xlsx-table.ts, read-parquet.ts) through the same header and row steps as CSV text.
  const { opened, binary } = await takeBinaryTable(await openInput(input, options.stdin));
  if (binary?.format === 'xlsx') {
    const { readWorkbookTable } = await import('./xlsx-table.js');
    return readWorkbookTable(binary.bytes, opened.name, handlers, options.sheet);
  }
  if (binary?.format === 'parquet') {
    const { readParquetTable } = await import('./read-parquet.js');
    return readParquetTable(binary.bytes, opened.name, handlers, options.onProgress);
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
  /** Where checked rows go when the rest is read in workers (asked for once the header is read). */
  let forWorkers: CheckedRows | undefined;
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
  const bytes = onProgress ? counted(opened.bytes, count) : opened.bytes;
  const parallel = options.parallel;
  const maxLineChars = options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS;
  // A large file may be read on several cores once its head (encoding, delimiter, header) is read
  // here: the reading stops between two lines, and the rest goes to worker threads.
  const stoppable =
    parallel !== undefined &&
    parallel.threads > 1 &&
    handlers.checkedRows !== undefined &&
    (options.parser ?? 'fast') === 'fast' &&
    opened.size !== undefined &&
    opened.size >= (parallel.minBytes ?? PARALLEL_MIN_BYTES)
      ? new StoppableBytes(bytes, () => forWorkers !== undefined && decoded?.encoding === 'utf8' && csv?.position()?.atRecordStart === true, 4 * maxLineChars + 4)
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
    for await (const batch of csv.batches) {
      for (const record of batch) {
        if (header === undefined) {
          const { columns, keep: checked, aliases } = readHeader(file, record.line, record.fields, handlers.onHeader, {
            delimiter: csv.delimiter,
            sample: csv.sample,
          });
          headerColumns = columns;
          if ('message' in checked) {
            handlers.onIssue(checked);
            return summary();
          }
          headerAliases = aliases;
          header = { columns, keep: checked };
          shape = new RecordShape(file, columns.length, [...checked], csv.delimiter);
          if (stoppable) forWorkers = handlers.checkedRows?.();
          continue;
        }
        rows++;
        const row = shape!.row(record.fields, record.line, handlers.onIssue);
        if (row) handlers.onRow(row, record.line, file);
      }
      if (onProgress) progress(false);
    }
    if (stoppable?.stopped) {
      const checked = forWorkers!;
      const position = csv.position()!;
      const { carry, source } = stoppable.rest();
      const setup: ChunkSetup = {
        file,
        kind: checked.kind,
        numberFormat: checked.numberFormat,
        delimiter: csv.delimiter,
        width: shape!.width,
        keep: shape!.keep,
        maxLineChars,
        maxRecordChars: options.maxRecordChars ?? DEFAULT_MAX_RECORD_CHARS,
        utf8Advice: utf8Advice(options.encoding !== 'utf8'),
      };
      const { readRestInParallel } = await import('../parallel/read-in-parallel.js');
      threads = parallel!.threads;
      await readRestInParallel(
        { carry, source, firstLine: position.nextLine, lastRecordEnd: position.lastRecordEnd },
        setup,
        { threads: parallel!.threads, pieceBytes: parallel!.pieceBytes ?? PARALLEL_PIECE_BYTES },
        (result, offset) => {
          rows += result.records;
          takePiece(result, offset, checked, file, handlers.onIssue);
          if (onProgress) progress(false);
        },
      );
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
