// An input file in Apache Parquet (issue 16): its metadata read with hyparquet (pure JavaScript;
// every compression codec through hyparquet-compressors: Snappy, gzip, Brotli, zstd, LZ4), its
// flat columns of the usual kinds decoded into typed arrays by parquet-pages.ts (issue 18), any
// other column, or row group those pages do not take, by hyparquet; then handed
// to the same handlers as a CSV file or a worksheet — the header through the same readHeader
// (table-header.ts: column names trimmed, lower case, local names matched), then each row as
// column → cell text (typed-cells.ts) to where a CSV file's rows go (rowsTo: checked and added to
// the spec's sink) — so it goes through the same row checks, the same aggregation and the same
// messages. Only the columns servicegap uses are read, one row group at a time. The rows of a
// table with figures (population, beds, services) are taken from the typed columns where they can
// be (parquet-figures.ts: no text made for a number, no object for a row); every other row as
// described here.
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
import type { FileMetaData } from 'hyparquet';
import { isFigureKind } from '../core/figure-rows.js';
import { DEFAULT_NUMBER_FORMAT, type NumberFormat } from '../core/numbers.js';
import { type CheckedTable, type ReadProgress, rowsTo, type TableHandlers, type TableSpec, type TableSummary } from './table-handlers.js';
import { ParquetFigures, pieceTo, takesNumbersAsIs } from './parquet-figures.js';
import { columnsByIndex, columnValue, type DecodedColumn, FlatGroupReader, type GroupDecoding, type GroupTaking, type ParallelGroupDecoder } from './parquet-pages.js';
import { readHeader } from './table-header.js';
import { type CellText, numberCellText, takeRecord } from './typed-cells.js';

/** From this many rows, a file's row groups are decoded ahead in a worker thread when the caller
 * gives a decoder (about 60 ms a million rows here, against about 80 ms to start the thread). */
export const PARQUET_PARALLEL_MIN_ROWS = 2_000_000;

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
  decodeInParallel?: ParallelGroupDecoder | undefined,
  parallelMinRows = PARQUET_PARALLEL_MIN_ROWS,
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
  const { parquetMetadata, parquetSchema, parquetRead } = await import('hyparquet');
  const { compressors } = await import('hyparquet-compressors');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  let metadata: FileMetaData;
  let names: string[];
  try {
    metadata = parquetMetadata(buffer);
    // The top-level columns, by name; nested ones (lists, structs) count as columns the checks refuse.
    names = parquetSchema(metadata).children.map((c) => c.element.name);
    if (!names.every((name) => typeof name === 'string')) throw new Error('a column of its schema has no name');
  } catch (error) {
    handlers.onIssue({ file, message: cannotRead(error) });
    return summary();
  }
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
  const columns = kept.map(([i]) => names[i]!);
  // Rows with figures are taken from the typed columns where they can be (parquet-figures.ts).
  const taking: GroupTaking | undefined =
    'kind' in spec && isFigureKind(spec.kind) && takesNumbersAsIs(format) ? { kind: spec.kind, format, kept, names } : undefined;
  const toSink = taking !== undefined && 'sink' in spec ? pieceTo(taking.kind, spec.sink, file, handlers.onIssue) : undefined;
  const figures = taking !== undefined && toSink !== undefined ? new ParquetFigures(taking.kind, format, kept, toSink) : undefined;
  // One row group at a time, column by column: only one group's decoded columns are held, and no
  // object per row is made (millions of row objects cost more in garbage collection than the reading).
  // Flat columns of the common kinds are decoded into typed arrays here (parquet-pages.ts); any
  // other column, or a group whose pages that reader does not take, by hyparquet.
  const flat = FlatGroupReader.of(new Uint8Array(buffer), metadata, columns, compressors);
  // A large file's groups decoded ahead in a worker thread while this one takes their rows.
  const ahead: GroupDecoding | undefined =
    flat !== undefined && decodeInParallel !== undefined && Number(metadata.num_rows) >= parallelMinRows
      ? decodeInParallel(new Uint8Array(buffer), metadata, columns, compressors, figures === undefined ? undefined : taking)
      : undefined;
  try {
    return await readGroups();
  } finally {
    await ahead?.close();
  }

  async function readGroups(): Promise<TableSummary> {
    let groupStart = 0;
    const lastValue: unknown[] = [];
    const lastText: (CellText | undefined)[] = [];
    for (const [groupIndex, group] of metadata.row_groups.entries()) {
      const groupRows = Number(group.num_rows);
      const groupEnd = groupStart + groupRows;
      const got = ahead !== undefined ? await ahead.group(groupIndex) : flat?.read(groupIndex);
      // A group whose rows a worker thread took itself: its pieces, and the rows for the row check.
      const taken = got !== undefined && !(got instanceof Map) ? got : undefined;
      const decoded = taken !== undefined ? taken.columns : (got as Map<string, DecodedColumn> | undefined);
      const values: Map<string, DecodedColumn> = decoded ?? new Map();
      if (decoded === undefined && taken === undefined) {
        try {
          await parquetRead({
            file: buffer,
            metadata,
            columns,
            rowStart: groupStart,
            rowEnd: groupEnd,
            compressors,
            utf8: true,
            // A chunk that is the whole group (what hyparquet gives when asked for a whole group) is
            // used as it is; of any other chunk only the rows inside the group are taken (a chunk
            // may hold rows outside the range asked for: hyparquet's note).
            onChunk: ({ columnName, columnData, rowStart }) => {
              if (rowStart === groupStart && columnData.length === groupRows) {
                values.set(columnName, columnData);
                return;
              }
              let into = values.get(columnName) as unknown[] | undefined;
              if (into === undefined || !Array.isArray(into)) values.set(columnName, (into = Array.from(into ?? { length: groupRows })));
              const from = Math.max(groupStart, rowStart);
              const to = Math.min(groupEnd, rowStart + columnData.length);
              for (let row = from; row < to; row++) into[row - groupStart] = columnData[row - rowStart];
            },
          });
        } catch (error) {
          // The rows of the groups before stay read; the file is in error (exit 3), as a CSV file
          // that breaks off is.
          figures?.flush();
          handlers.onIssue({ file, message: cannotRead(error) });
          return summary();
        }
      }
      // Each kept column's values by its index in the file; and its last value's text, since a
      // sorted or grouped table repeats a year or a unit from row to row.
      const byIndex = columnsByIndex(kept, names, values, groupRows);
      figures?.group(byIndex);
      let k = 0;
      const cell = (index: number): CellText => {
        const value = columnValue(byIndex[index]!, k);
        if (value !== lastValue[index] || lastText[index] === undefined) {
          lastValue[index] = value;
          lastText[index] = cellText(value, format);
        }
        return lastText[index];
      };
      // Row N of the file is line N + 1, as in the CSV export (see the file comment).
      const checkRow = (row: number) => {
        k = row;
        takeRecord(file, groupStart + row + 2, kept, cell, toRow, handlers.onIssue);
      };
      if (taken !== undefined) {
        // The rows this thread took before go first; then the worker's pieces and rows, in order.
        figures?.flush();
        let handed = 0;
        for (const segment of taken.segments) {
          if ('rows' in segment) {
            handed += segment.rows.count;
            toSink!(segment.rows);
          } else {
            handed++;
            checkRow(segment.check);
          }
        }
        // Every row of the group, once: else every later line number would be wrong.
        if (handed !== groupRows) throw new Error(`servicegap: row group ${groupIndex} of ${file} came back with ${handed} of its ${groupRows} rows`);
      } else if (figures !== undefined) figures.takeGroup(groupRows, groupStart + 2, checkRow);
      else for (let row = 0; row < groupRows; row++) checkRow(row);
      rows = groupEnd;
      groupStart = groupEnd;
    }
    onProgress?.({ file, bytesRead: bytes.length, totalBytes: bytes.length, rows, done: true });
    return summary();
  }
}

/**
 * What a Parquet file that hyparquet could not read is told: hyparquet's own words ("parquet …",
 * "thrift …"), or, for what decoding garbage set off in JavaScript itself (a TypeError or a
 * RangeError: "Cannot read properties of undefined"), that the file is damaged, with the detail.
 */
function cannotRead(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof TypeError || error instanceof RangeError) {
    return `the Parquet file is damaged (or cut short): its metadata or pages do not decode (${message})`;
  }
  return `the Parquet file cannot be read: ${message}`;
}
