// One worksheet read as a table, through the same handlers as a CSV file (read-table.ts): the
// first row with a value is the header (or, below a title or a source note, the first of the
// sheet's first rows that has the columns), matched to the SPEC's columns by the same readHeader
// (table-header.ts); every later row becomes column → cell text and goes where a CSV file's rows
// go (typed-cells.ts, rowsTo: checked and added to the spec's sink, or to onRow), so the rows are
// checked by the same code with the same messages. Locations:
// the file is named `services.xlsx!Sheet1` and a row's line is its row number in the sheet (the
// loader adds the cell, `services.xlsx!Sheet1:B7`).
//
// A number cell is handed on as text in the file's number format (a decimal point unless the
// config or --decimal says otherwise), so it reads back as exactly the stored number. Columns
// without a header are not read (a note beside the table is not data).
import { DEFAULT_NUMBER_FORMAT, type NumberFormat } from '../core/numbers.js';
import type { InputIssue } from '../core/issues.js';
import { type CheckedTable, rowsTo, type TableHandlers, type TableSpec, type TableSummary } from './table-handlers.js';
import { readHeader } from './table-header.js';
import { type CellText, numberCellText, takeRecord } from './typed-cells.js';
import { columnLetters, readSheetGrid, type SheetCell, type SheetChoice, WorkbookError } from './xlsx-sheet.js';

/** How many rows with a value may stand above the header (a title, a source note). */
const TITLE_ROWS = 10;

function cellText(cell: SheetCell | undefined, format: NumberFormat): string {
  if (cell === undefined) return '';
  return cell.kind === 'text' ? cell.text : cell.kind === 'number' ? numberCellText(cell.value, format) : '';
}

/** Read one sheet of a workbook (its bytes) through the handlers; never throws for its content. */
export async function readWorkbookTable(bytes: Uint8Array, path: string, handlers: TableHandlers, choice: SheetChoice = {}): Promise<TableSummary> {
  const empty = (name: string): TableSummary => ({
    name,
    header: [],
    headerAliases: undefined,
    encoding: undefined,
    encodingReason: undefined,
    delimiter: undefined,
    delimiterReason: undefined,
    rows: 0,
    headerOk: false,
    threads: 0,
    sha256: undefined,
  });
  let grid;
  try {
    grid = await readSheetGrid(bytes, choice);
  } catch (error) {
    if (!(error instanceof WorkbookError)) throw error;
    handlers.onIssue({ file: path, message: error.message });
    return empty(path);
  }
  const file = `${path}!${grid.sheet}`;
  let sheet = { name: grid.sheet, reason: grid.reason };
  if (grid.rows.length === 0) {
    const spec = handlers.onHeader([], file, { delimiter: undefined, typed: 'workbook', sheet: grid.sheet });
    handlers.onIssue({ file, message: `the sheet is empty: ${'message' in spec ? spec.message : `expected a header row with columns ${spec.required.join(', ')}`}` });
    return { ...empty(file), sheet };
  }
  // The header: the first row with a value, or, when a title or a note stands above the table, the
  // first of the sheet's first rows that has the columns (a merged header cell names its first column only).
  const header = (index: number) => {
    const row = grid.rows[index]!;
    const cells = Array.from({ length: row.cells.length }, (_, i) => cellText(row.cells[i], DEFAULT_NUMBER_FORMAT));
    return { index, ...readHeader(file, row.row, cells, handlers.onHeader, { delimiter: undefined, typed: 'workbook', sheet: grid.sheet }) };
  };
  const first = header(0);
  let found = first;
  for (let i = 1; 'message' in found.keep && i < Math.min(grid.rows.length, TITLE_ROWS + 1); i++) found = header(i);
  if ('message' in found.keep) {
    // No row fits: the first row's problem is reported (asked again, so that it is the last header asked about).
    handlers.onIssue(found.index === 0 ? found.keep : (header(0).keep as InputIssue));
    return { ...empty(file), header: first.columns, sheet };
  }
  const { columns, keep, aliases: headerAliases } = found as typeof found & { keep: Map<number, string> };
  const spec = found.spec as TableSpec | CheckedTable;
  const headerRow = grid.rows[found.index]!;
  const dataRows = grid.rows.slice(found.index + 1);
  if (found.index > 0) sheet = { ...sheet, reason: `${sheet.reason}; the table's header is row ${headerRow.row}` };
  // Number cells as text in the format the rows are read in.
  const format = 'numberFormat' in spec ? spec.numberFormat : DEFAULT_NUMBER_FORMAT;
  const toRow = rowsTo(spec, handlers);
  const kept = [...keep];

  // Cells of merged ranges in a column that is read, from the header down: a problem in each.
  const mergedAt = new Set<string>();
  for (const range of grid.merged) {
    if (range.bottom < headerRow.row) continue;
    for (const [index] of kept) {
      const column = index + 1;
      if (column < range.left || column > range.right) continue;
      for (let row = Math.max(range.top, headerRow.row + 1); row <= range.bottom; row++) mergedAt.add(`${row}:${index}`);
    }
  }

  const hidden: number[] = [];
  let rows = 0;
  for (const { row, cells, hidden: isHidden } of dataRows) {
    rows++;
    if (isHidden) hidden.push(row);
    takeRecord(
      file,
      row,
      kept,
      (index): CellText => {
        const cell = cells[index];
        if (mergedAt.has(`${row}:${index}`)) {
          const range = grid.merged.find((r) => r.top <= row && row <= r.bottom && r.left <= index + 1 && index + 1 <= r.right)!;
          return { problem: `cells ${range.ref} are merged: expected a value in each row (unmerge them and fill the value into every row)` };
        }
        return cell?.kind === 'problem' ? { problem: cell.message } : cellText(cell, format);
      },
      toRow,
      handlers.onIssue,
    );
  }
  if (hidden.length > 0) {
    const shown = hidden.slice(0, 5).join(', ');
    handlers.onWarning?.({
      file,
      line: hidden[0]!,
      message:
        (hidden.length === 1
          ? `row ${shown} is hidden in the sheet and was read like the others`
          : `rows ${shown}${hidden.length > 5 ? ` and ${hidden.length - 5} more` : ''} are hidden in the sheet and were read like the others`) +
        ' (delete a row to leave it out)',
    });
  }
  return { ...empty(file), header: columns, headerAliases, rows, headerOk: true, sheet };
}

/** The A1 reference of a column (1-based field) in a row: `B7`. */
export function cellReference(field: number, row: number): string {
  return `${columnLetters(field)}${row}`;
}
