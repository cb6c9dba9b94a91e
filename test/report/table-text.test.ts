// tableText: a large table drawn in blocks of rows has exactly the lines cli-table3 draws for
// the whole table (the oracle here: cli-table3 itself, given every row at once).
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/core/random.js';
import { tableText, type TableTextOptions } from '../../src/report/table-text.js';

const chalk = new Chalk({ level: 1 });
/** Cells of every kind a table here holds: numbers, Nordic and Arabic names, wide CJK and emoji
 * characters, combining marks, colour codes, empty cells, a cell of two lines. */
const CELLS = ['1', '12,345', '-0.5', 'Åland region 1564', 'Møre og Romsdal', 'صنعاء', '東京都', '👩‍⚕️ peer', 'e\u0301', chalk.red('5247.8'), chalk.bold.green('0.0'), '', '4502.3–5810.5', 'line one\nline two', 'PC OC'];

function wholeTable(options: TableTextOptions, rows: readonly (readonly string[])[]): string {
  const table = new Table({ head: [...options.head], colAligns: options.colAligns === undefined ? [] : [...options.colAligns], style: { ...options.style } });
  for (const row of rows) table.push([...row]);
  return table.toString();
}

/** The same cells, each of one line: rows that tableText draws without cli-table3's objects. */
const ONE_LINE_CELLS = CELLS.filter((c) => !c.includes('\n')).concat([chalk.italic.underline('Sør-Trøndelag'), '\u001b[31mopen red']);

function randomTable(seed: number, rowCount: number, columns: number, cells = CELLS) {
  const random = mulberry32(seed);
  const pick = () => cells[Math.floor(random() * cells.length)]!;
  const head = Array.from({ length: columns }, (_, c) => chalk.bold(c === 1 ? 'Beds B→T' : `col ${c}`));
  const aligns = Array.from({ length: columns }, () => (['left', 'right', 'center'] as const)[Math.floor(random() * 3)]!);
  const rows = Array.from({ length: rowCount }, (_, r) => Array.from({ length: columns }, (_, c) => (c === 0 ? String(r + 1) : pick())));
  return { options: { head, colAligns: aligns, style: { head: [], border: [], compact: true } } as TableTextOptions, rows };
}

describe('tableText', () => {
  it('draws a large table line for line as cli-table3 draws it whole', () => {
    for (const [seed, rowCount, columns] of [
      [1, 201, 3],
      [2, 400, 5],
      [3, 401, 8],
      [4, 537, 6],
      [5, 999, 2],
    ] as const) {
      const { options, rows } = randomTable(seed, rowCount, columns);
      expect(tableText(options, rows), `seed ${seed}`).toBe(wholeTable(options, rows));
    }
  });

  it('draws rows of one-line cells (colours, an unclosed colour code, wide characters, every alignment) as cli-table3 draws them', () => {
    for (const [seed, rowCount, columns] of [
      [11, 201, 4],
      [12, 650, 7],
      [13, 1203, 3],
    ] as const) {
      const { options, rows } = randomTable(seed, rowCount, columns, ONE_LINE_CELLS);
      expect(tableText(options, rows), `seed ${seed}`).toBe(wholeTable(options, rows));
    }
    // Without alignments (cli-table3's default, left).
    const { options, rows } = randomTable(14, 420, 5, ONE_LINE_CELLS);
    const plain = { head: options.head, style: options.style };
    expect(tableText(plain, rows)).toBe(wholeTable(plain, rows));
  });

  it('takes a column width from the widest cell wherever it is, and a head wider than every cell', () => {
    const { options, rows } = randomTable(6, 450, 4);
    rows[449]![2] = 'the widest cell of all, in the last block';
    const wideHead = { ...options, head: [...options.head.slice(0, 3), chalk.bold('a head wider than any of its cells')] };
    const text = tableText(wideHead, rows);
    expect(text).toBe(wholeTable(wideHead, rows));
    // The top border: column 2 as wide as the widest cell (in the last block) and its padding,
    // column 3 as its head.
    const lines = text.split('\n');
    const segments = lines[0]!.slice(1, -1).split('┬');
    expect(segments[2]).toHaveLength('the widest cell of all, in the last block'.length + 2);
    expect(segments[3]).toHaveLength('a head wider than any of its cells'.length + 2);
    expect(lines.at(-1)!.startsWith('└')).toBe(true);
    expect(lines.filter((l) => l.startsWith('├'))).toHaveLength(1); // only under the head
  });

  it('draws small tables and ragged rows as cli-table3 does', () => {
    const small = randomTable(7, 30, 5);
    expect(tableText(small.options, small.rows)).toBe(wholeTable(small.options, small.rows));
    const ragged = randomTable(8, 250, 4);
    ragged.rows[100] = ragged.rows[100]!.slice(0, 2);
    expect(tableText(ragged.options, ragged.rows)).toBe(wholeTable(ragged.options, ragged.rows));
    const none = randomTable(9, 0, 3);
    expect(tableText(none.options, none.rows)).toBe(wholeTable(none.options, none.rows));
  });
});
