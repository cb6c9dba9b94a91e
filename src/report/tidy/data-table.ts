// A typed, column-oriented table: what the tidy outputs (long format, Parquet, the draws) are
// made of before they are written as CSV or Parquet. A column's type is declared, never guessed
// from its values, so an all-empty column keeps its type and Parquet readers (DuckDB, pandas,
// R's arrow) get the same schema from every run.
import { textNumber } from '../number-text.js';
import { csvCell } from '../safe-cell.js';

/** A column's type: text, a double, a 32-bit whole number, or true/false. Every column may hold null (missing). */
export type ColumnType = 'string' | 'double' | 'int' | 'boolean';

/** A cell of a table: text, a number, true/false, or null (missing). */
export type Cell = string | number | boolean | null;

export interface Column {
  readonly name: string;
  readonly type: ColumnType;
  readonly values: readonly Cell[];
}

/** A table: columns of equal length. */
export interface DataTable {
  readonly columns: readonly Column[];
}

/** The rows of a table. */
export function rowCount(table: DataTable): number {
  return table.columns[0]?.values.length ?? 0;
}


/**
 * The table as CSV (RFC 4180, "," and a decimal point, LF, header first): numbers without binary
 * noise (12 significant digits, shortest form: number-text.ts), null as an empty cell, text
 * neutralised against formula injection.
 */
export function tableCsv(table: DataTable): string {
  const n = rowCount(table);
  function* rows(): Generator<readonly Cell[]> {
    for (let i = 0; i < n; i++) yield table.columns.map((c) => c.values[i] ?? null);
  }
  return [...csvLines(table.columns.map((c) => c.name), rows())].join('');
}

/** The lines of tableCsv (each with its line feed) for a table given as its column names and its
 * rows, made one at a time as they are read: a long table written without being held (render.ts). */
export function* csvLines(names: readonly string[], rows: Iterable<readonly Cell[]>): Generator<string> {
  yield `${names.map((name) => csvCell(name)).join(',')}\n`;
  for (const row of rows) yield `${row.map((v) => csvCell(typeof v === 'boolean' ? String(v) : typeof v === 'number' ? textNumber(v) : v)).join(',')}\n`;
}
