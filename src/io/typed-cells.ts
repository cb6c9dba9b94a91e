// The rows of a table whose cells are typed values (a worksheet, a Parquet file), handed on as a
// CSV file's rows are (table-handlers.ts rowsTo: checked and added to the sink): each column read becomes text — a number
// in the file's number format, so that it reads back as exactly the number stored — or the
// problem with it, located at the record's line and column.
import type { NumberFormat } from '../core/numbers.js';
import type { RowHandler, TableHandlers } from './table-handlers.js';

/** A number cell as text in `format`: JavaScript's shortest round-trip digits, no grouping. */
export function numberCellText(value: number | bigint, format: NumberFormat): string {
  const text = String(value);
  return format.decimal === ',' ? text.replace('.', ',') : text;
}

/** One cell as the row checks read it, or why it cannot be read. */
export type CellText = string | { readonly problem: string };

/**
 * Hand one record to `toRow` (rowsTo's handler), or, when a cell cannot be read, each such cell's problem to onIssue
 * (the row is then not checked further). `kept`: the columns read, index → SPEC column.
 */
export function takeRecord(
  file: string,
  line: number,
  kept: readonly (readonly [number, string])[],
  cell: (index: number) => CellText,
  toRow: RowHandler,
  onIssue: TableHandlers['onIssue'],
): void {
  const row: Record<string, string> = {};
  let ok = true;
  for (const [index, column] of kept) {
    const text = cell(index);
    if (typeof text === 'string') row[column] = text;
    else {
      onIssue({ file, line, columns: [column], message: text.problem });
      ok = false;
    }
  }
  if (ok) toRow(row, line, file);
}
