// An input file in Apache Parquet (issue 16): read with hyparquet (pure JavaScript; every
// compression codec through hyparquet-compressors: Snappy, gzip, Brotli, zstd, LZ4), then handed
// to the same handlers as a CSV file — header (column names, lower case, trimmed), then each row
// as column → cell text — so it goes through the same row checks, the same aggregation and the
// same messages. Only the columns servicegap uses are read.
//
// Positions: a Parquet row has no line; row N (1-based) is reported as line N + 1, the line it has
// in the CSV export of the same table (the column names are line 1), so a message points at the
// same row in either form.
//
// Cell text: strings as they are; numbers as JavaScript writes them (a double's shortest
// round-trip form, an INT64's digits), which the row checks parse exactly back; a DATE as
// YYYY-MM-DD; null as an empty cell (missing). A value of another type (a list, a struct, bytes)
// is an error naming the column and row.
import { readFile } from 'node:fs/promises';
import type { InputIssue } from '../core/issues.js';
import { FileAccessError } from './errors.js';
import { type CsvInput, STDIN_NAME } from './input-source.js';
import { checkHeader, type ReadTableOptions, type TableHandlers, type TableSummary } from './read-table.js';

/** Whether an input is a Parquet file, by its name's extension (`.parquet`). */
export function isParquetInput(input: CsvInput): boolean {
  const name = typeof input === 'string' ? input : input.name;
  return /\.parquet$/i.test(name);
}

/** A Parquet file's bytes start and end with this magic. */
const MAGIC = 'PAR1';

async function bytesOf(input: CsvInput, stdin: NodeJS.ReadableStream | undefined): Promise<{ name: string; bytes: Uint8Array }> {
  if (typeof input !== 'string' && 'content' in input) {
    const { content } = input;
    return { name: input.name, bytes: typeof content === 'string' ? new TextEncoder().encode(content) : content };
  }
  if (input === '-') {
    const chunks: Uint8Array[] = [];
    for await (const chunk of (stdin ?? process.stdin) as AsyncIterable<Uint8Array | string>) {
      chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
    }
    return { name: STDIN_NAME, bytes: Buffer.concat(chunks) };
  }
  const name = typeof input === 'string' ? input : input.name;
  const path = typeof input === 'string' ? input : input.path;
  try {
    return { name, bytes: await readFile(path) };
  } catch (error) {
    throw new FileAccessError(name, 'read', error);
  }
}

/** A cell's text as the row checks read it (see the file comment). */
function cellText(value: unknown): string | InputIssue['message'] | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return undefined;
}

/** Read one Parquet file through the handlers, as readTable reads a CSV file. */
export async function readParquetTable(input: CsvInput, handlers: TableHandlers, options: ReadTableOptions = {}): Promise<TableSummary> {
  const { name: file, bytes } = await bytesOf(input, options.stdin);
  let rows = 0;
  let headerColumns: readonly string[] = [];
  let headerOk = false;
  const summary = (): TableSummary => ({
    name: file,
    header: headerColumns,
    encoding: undefined,
    encodingReason: 'Parquet (UTF-8 strings)',
    delimiter: undefined,
    delimiterReason: undefined,
    rows,
    headerOk,
    threads: 0,
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
  const columns = names.map((n) => n.trim().toLowerCase());
  headerColumns = columns;
  const spec = handlers.onHeader(columns, file, { delimiter: ',' });
  const checked = checkHeader(file, 1, columns, spec, ',');
  if ('message' in checked) {
    handlers.onIssue(checked);
    return summary();
  }
  headerOk = true;
  const wanted = [...checked.entries()];
  let records: Record<string, unknown>[];
  try {
    records = await parquetReadObjects({ file: buffer, metadata, columns: wanted.map(([i]) => names[i]!), compressors, utf8: true });
  } catch (error) {
    handlers.onIssue({ file, message: `the Parquet file cannot be read: ${(error as Error).message}` });
    return summary();
  }
  for (const record of records) {
    rows++;
    const line = rows + 1;
    const row: Record<string, string> = {};
    let ok = true;
    for (const [index, column] of wanted) {
      const text = cellText(record[names[index]!]);
      if (text === undefined) {
        handlers.onIssue({ file, line, columns: [column], message: `expected a number, a text or a date, got a nested Parquet value` });
        ok = false;
      } else row[column] = text;
    }
    if (ok) handlers.onRow(row, line, file);
  }
  options.onProgress?.({ file, bytesRead: bytes.length, totalBytes: bytes.length, rows, done: true });
  return summary();
}
