// Shared pieces of the research outputs (sensitivity, compare, batch): the formats they come in
// and plain CSV, Markdown and terminal tables built from rows. Safety rules are safe-cell.ts's;
// rounding is number-format.ts's.
import { Chalk, type ChalkInstance } from 'chalk';
import { tableText } from './table-text.js';
import { csvCell, escapeMarkdown, terminalText } from './safe-cell.js';

/** What the research renderers get besides their data. */
export interface ResearchContext {
  /** Colour the terminal table. */
  readonly color: boolean;
  /** Notices of the datasets used (an illustrative dataset says so), shown in table and Markdown footers. */
  readonly notices?: readonly string[] | undefined;
}

/** Turns a research result into the full text of one format. */
export type ResearchRenderer<T> = (data: T, context: ResearchContext) => string;

type Cell = string | number | null;

/** CSV: a header of `columns`, one line per row, RFC 4180 quoting, neutralised text, final LF. */
export function csvRows(columns: readonly string[], rows: readonly Readonly<Record<string, unknown>>[]): string {
  const cell = (v: unknown): Cell => (Array.isArray(v) ? v.join(';') : (v as Cell) ?? null);
  const lines = [columns.join(','), ...rows.map((row) => columns.map((c) => csvCell(cell(row[c]))).join(','))];
  return `${lines.join('\n')}\n`;
}

export type Align = 'left' | 'right';

/**
 * A Markdown table. Cells are used as given: escape text cells (names, codes) with
 * escapeMarkdown; formatted numbers need no escaping.
 */
export function markdownTable(heads: readonly string[], aligns: readonly Align[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(heads.map(escapeMarkdown)),
    line(aligns.map((a) => (a === 'right' ? '---:' : '---'))),
    ...rows.map((r) => line(r)),
  ].join('\n');
}

/**
 * A terminal table (cli-table3, compact, no styling of its own) with a bold header. Cells are
 * text already formatted; `styled` cells (already made safe) may carry colour.
 */
export function terminalTable(
  chalk: ChalkInstance,
  heads: readonly string[],
  aligns: readonly Align[],
  rows: readonly (readonly (string | { readonly styled: string })[])[],
): string {
  return tableText(
    { head: heads.map((h) => chalk.bold(h)), colAligns: aligns, style: { head: [], border: [], compact: true } },
    rows.map((row) => row.map((c) => (typeof c === 'string' ? terminalText(c) : c.styled))),
  );
}

export const chalkFor = (context: ResearchContext): ChalkInstance => new Chalk({ level: context.color ? 1 : 0 });

/** "Møre og Romsdal (NO-15)"; the code alone when the name is empty or the code itself. */
export function regionLabel(region: string, name: string): string {
  return name.trim() === '' || name === region ? region : `${name} (${region})`;
}

/** A share 0–1 as a whole percentage that never rounds a non-zero share to 0% or a partial one to 100%. */
export function formatShare(share: number): string {
  if (share > 0 && share < 0.005) return '<1%';
  if (share < 1 && share > 0.995) return '>99%';
  return `${Math.round(share * 100)}%`;
}

/** A signed whole number: "+2", "-3", "0"; null: "–". */
export function formatSignedInt(value: number | null): string {
  if (value === null) return '–';
  return value > 0 ? `+${value}` : String(value);
}

/** Notice lines, each once. */
export function uniqueNotices(context: ResearchContext): string[] {
  return [...new Set((context.notices ?? []).map((n) => n.trim()).filter((n) => n !== ''))];
}
