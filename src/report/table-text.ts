// A terminal table drawn by cli-table3 a few hundred rows at a time. cli-table3 lays a table out
// in time that grows with the square of its rows — each cell is checked against every cell of the
// rows above it (layout-manager.js fillInTable; cli-table/cli-table3#68, open since 2018) —: the
// table of 5,000 regions took 6.3 s of a 9 s report, and 490 MB (issue 18). In the compact style
// every table here uses (no line between rows), a row is drawn from the column widths alone, so
// blocks of rows drawn with the whole table's widths have the whole table's lines: the top border,
// head and the line under it of the first block, the rows of every block, the bottom border of
// the last. The widths are the ones cli-table3 would give the whole table: each column's widest
// cell, head included, by cli-table3's own measure (colour codes left out), plus the padding.
// After the first block, rows of one-line cells are drawn here (rowLine) the way cli-table3 draws
// them, without its objects for every cell. Tested against cli-table3 drawing the whole table.
import Table from 'cli-table3';
import { colorizeLines, strlen } from 'cli-table3/src/utils.js';
import { appendAll } from '../core/append-all.js';

/** Rows drawn at a time: a block's layout takes (rows × columns)² / 2 checks. */
const BLOCK_ROWS = 200;

/** What a table here is made with: a head, compact rows, alignments, cli-table3's own styling off. */
export interface TableTextOptions {
  readonly head: readonly string[];
  readonly colAligns?: readonly ('left' | 'right' | 'center')[] | undefined;
  readonly style: { readonly head: []; readonly border: []; readonly compact: true };
}

/** The text of a cli-table3 table of `rows` under `options.head` (no line end after its last line). */
export function tableText(options: TableTextOptions, rows: readonly (readonly string[])[]): string {
  const draw = (block: readonly (readonly string[])[], colWidths?: number[]): string => {
    const table = new Table({
      head: [...options.head],
      style: { ...options.style },
      ...(options.colAligns === undefined ? {} : { colAligns: [...options.colAligns] }),
      ...(colWidths === undefined ? {} : { colWidths }),
    });
    for (const row of block) table.push([...row]);
    return table.toString();
  };
  const columns = options.head.length;
  // A row short of a cell gets blank cells from cli-table3's layout: drawn whole, as it is.
  if (rows.length <= BLOCK_ROWS || rows.some((row) => row.length !== columns)) return draw(rows);
  // Each cell's width by cli-table3's measure, once (colour codes left out, the widest line).
  const cellWidths = rows.map((row) => row.map((cell) => strlen(cell)));
  const widths = options.head.map((h) => strlen(h) + PADDING);
  for (const row of cellWidths) {
    for (let c = 0; c < columns; c++) widths[c] = Math.max(widths[c]!, row[c]! + PADDING);
  }
  // Lines above the rows: the top border, the head's lines, the line under the head.
  const above = 2 + Math.max(...options.head.map((h) => h.split('\n').length));
  const first = draw(rows.slice(0, BLOCK_ROWS), [...widths]).split('\n');
  const lines = first.slice(0, -1);
  const aligns = options.colAligns ?? [];
  for (let at = BLOCK_ROWS; at < rows.length; at += BLOCK_ROWS) {
    const block = rows.slice(at, at + BLOCK_ROWS);
    // A cell of more than one line: the block drawn by cli-table3 (its lines, their colours).
    if (block.some((row) => row.some((cell) => cell.includes('\n')))) appendAll(lines, draw(block, [...widths]).split('\n').slice(above, -1));
    else for (let r = 0; r < block.length; r++) lines.push(rowLine(block[r]!, cellWidths[at + r]!, widths, aligns));
  }
  lines.push(first.at(-1)!);
  return lines.join('\n');
}

/** cli-table3's default padding: a space each side of a cell. */
const PADDING = 2;

/**
 * A row of single-line cells as cli-table3 draws it in the compact style with the default
 * characters, the same text without its objects for every cell (a few per cell, and its options
 * merged for each: most of the time a table of 5,000 regions took once it was drawn in blocks):
 * a cell's text is colour codes closed as cli-table3 closes them (its own colorizeLines), never
 * cut (every width holds its column's widest cell), padded to its width by its alignment with
 * cli-table3's rule, a space each side; `│` between and around the cells.
 */
function rowLine(row: readonly string[], cellWidths: readonly number[], widths: readonly number[], aligns: readonly ('left' | 'right' | 'center')[]): string {
  let line = '│';
  for (let c = 0; c < row.length; c++) {
    const cell = row[c]!;
    const text = cell.includes('\u001b') ? colorizeLines([cell])[0]! : cell;
    const room = widths[c]! - PADDING - cellWidths[c]!;
    const align = aligns[c];
    if (align === 'right') line += ` ${' '.repeat(room)}${text} │`;
    else if (align === 'center') line += ` ${' '.repeat(room - Math.ceil(room / 2))}${text}${' '.repeat(Math.ceil(room / 2))} │`;
    else line += ` ${text}${' '.repeat(room)} │`;
  }
  return line;
}
