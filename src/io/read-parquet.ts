// An input file in Apache Parquet (issue 16): read with hyparquet (pure JavaScript; every
// compression codec through hyparquet-compressors: Snappy, gzip, Brotli, zstd, LZ4), then handed
// to the same handlers as a CSV file or a worksheet — the header through the same readHeader
// (table-header.ts: column names trimmed, lower case, local names matched), then each row as
// column → cell text (typed-cells.ts) to where a CSV file's rows go (rowsTo: checked and added to
// the spec's sink) — so it goes through the same row checks, the same aggregation and the same
// messages. Only the columns servicegap uses are read.
//
// Positions: a Parquet row has no line; row N (1-based) is reported as line N + 1, the line it has
// in the CSV export of the same table (the column names are line 1), so a message points at the
// same row in either form.
//
// Cell text: strings as they are; numbers as JavaScript writes them (a double's shortest
// round-trip form, an INT64's digits) with the file's decimal mark (a point unless one is given
// for the file), which the row checks parse exactly back; a DATE as YYYY-MM-DD; null as an empty
// cell (missing). A value of another type (a list, a struct, bytes) is an error naming the column
// and row.
import { DEFAULT_NUMBER_FORMAT, type NumberFormat } from '../core/numbers.js';
import { type CheckedTable, type ReadProgress, rowsTo, type TableHandlers, type TableSpec, type TableSummary } from './table-handlers.js';
import { readHeader } from './table-header.js';
import { type CellText, numberCellText, takeRecord } from './typed-cells.js';

/** A Parquet file's bytes start and end with this magic. */
const MAGIC = 'PAR1';

/** A cell's text as the row checks read it (see the file comment). */
function cellText(value: unknown, format: NumberFormat): CellText {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return numberCellText(value, format);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return { problem: 'expected a number, a text or a date, got a nested Parquet value' };
}

/** Read one Parquet file (its bytes) through the handlers, as readTable reads a CSV file; never
 * throws for its content. */
export async function readParquetTable(
  bytes: Uint8Array,
  file: string,
  handlers: TableHandlers,
  onProgress?: ((progress: ReadProgress) => void) | undefined,
): Promise<TableSummary> {
  let rows = 0;
  let header: readonly string[] = [];
  let headerAliases: TableSummary['headerAliases'] = undefined;
  let headerOk = false;
  const summary = (): TableSummary => ({
    name: file,
    header,
    headerAliases,
    encoding: undefined,
    encodingReason: 'Parquet (UTF-8 strings)',
    delimiter: undefined,
    delimiterReason: undefined,
    rows,
    headerOk,
    threads: 0,
    // The caller (read-table.ts) adds the file's SHA-256 once the file was read whole.
    sha256: undefined,
  });
  const magic = (at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (bytes.length < 12 || magic(0) !== MAGIC || magic(bytes.length - 4) !== MAGIC) {
    handlers.onIssue({ file, message: 'not a Parquet file (it does not start and end with PAR1): give the CSV under a .csv name, or a real .parquet file' });
    return summary();
  }
  const { parquetMetadata, parquetSchema, parquetReadObjects } = await import('hyparquet');
  const { compressors } = await import('hyparquet-compressors');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let metadata;
  try {
    metadata = parquetMetadata(buffer);
  } catch (error) {
    handlers.onIssue({ file, message: `the Parquet file cannot be read: ${(error as Error).message}` });
    return summary();
  }
  // The top-level columns, by name; nested ones (lists, structs) count as columns the checks refuse.
  const names = parquetSchema(metadata).children.map((c) => c.element.name);
  const read = readHeader(file, 1, names, handlers.onHeader, { delimiter: undefined, typed: 'Parquet file' });
  header = read.columns;
  if ('message' in read.keep) {
    handlers.onIssue(read.keep);
    return summary();
  }
  headerOk = true;
  headerAliases = read.aliases;
  const kept = [...read.keep];
  const spec = read.spec as TableSpec | CheckedTable;
  // Number cells as text in the format the rows are read in.
  const format = 'numberFormat' in spec ? spec.numberFormat : DEFAULT_NUMBER_FORMAT;
  const toRow = rowsTo(spec, handlers);
  let records: Record<string, unknown>[];
  try {
    records = await parquetReadObjects({ file: buffer, metadata, columns: kept.map(([i]) => names[i]!), compressors, utf8: true });
  } catch (error) {
    handlers.onIssue({ file, message: `the Parquet file cannot be read: ${(error as Error).message}` });
    return summary();
  }
  for (const record of records) {
    rows++;
    // Row N is line N + 1, as in the CSV export (see the file comment).
    takeRecord(file, rows + 1, kept, (index) => cellText(record[names[index]!], format), toRow, handlers.onIssue);
  }
  onProgress?.({ file, bytesRead: bytes.length, totalBytes: bytes.length, rows, done: true });
  return summary();
}
