// A DataTable as an Apache Parquet file, with hyparquet-writer (pure JavaScript, no native build:
// `npm ci` installs it on every platform). Types are declared per column (data-table.ts): text
// as UTF-8 strings, numbers as DOUBLE or INT32, booleans as BOOLEAN, every column nullable
// (null = missing, never 0). Key-value metadata carries what a reader needs to trust the file:
// the servicegap version and the run's settings as JSON.
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { ColumnType, DataTable } from './data-table.js';

const PARQUET_TYPE: Readonly<Record<ColumnType, 'STRING' | 'DOUBLE' | 'INT32' | 'BOOLEAN'>> = {
  string: 'STRING',
  double: 'DOUBLE',
  int: 'INT32',
  boolean: 'BOOLEAN',
};

/** The table as Parquet bytes, with `metadata` as key-value pairs in the file footer. */
export function tableParquet(table: DataTable, metadata: Readonly<Record<string, string>> = {}): Uint8Array {
  for (const c of table.columns) {
    if (c.type === 'int') {
      for (const v of c.values) {
        if (v !== null && !(typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= 2 ** 31 - 1)) {
          throw new RangeError(`parquet: column ${c.name} is INT32 but holds ${String(v)}`);
        }
      }
    }
  }
  const buffer = parquetWriteBuffer({
    // The columns as they are, not copied: the writer takes a slice of each per row group and
    // never changes the array (tested). A copy was 50 MB of a trend of 5,000 regions (issue 18).
    columnData: table.columns.map((c) => ({ name: c.name, data: c.values as never, type: PARQUET_TYPE[c.type], nullable: true })),
    kvMetadata: Object.entries(metadata).map(([key, value]) => ({ key, value })),
    createdBy: `servicegap ${metadata.servicegap ?? ''}`.trim(),
  });
  return new Uint8Array(buffer);
}
