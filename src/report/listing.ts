// A plain listing (rows of named cells) in any output format, for commands that print lists
// rather than a ranked report: `taxonomy` and `taxonomy --unmapped`.
import { Chalk } from 'chalk';
import { tableText } from './table-text.js';
import { csvCell, escapeMarkdown, terminalText } from './safe-cell.js';

/** The formats a listing comes in: the report's text formats (no HTML page for a plain list). */
export const LISTING_FORMATS = ['table', 'csv', 'json', 'markdown'] as const;
/** One of LISTING_FORMATS. */
export type ListingFormat = (typeof LISTING_FORMATS)[number];

/** One row of a listing: a cell per column name. */
export type ListingRow = Readonly<Record<string, string | number>>;

/** A plain listing: named columns and rows of cells (`taxonomy`). */
export interface Listing {
  readonly columns: readonly string[];
  readonly rows: readonly ListingRow[];
}

/** What a listing renderer receives besides the listing. */
export interface ListingContext {
  /** Colour the terminal table. */
  readonly color: boolean;
}

/** The renderer of a listing in one format. */
export const listingRenderer =
  (format: ListingFormat) =>
  (listing: Listing, context: ListingContext): string =>
    renderListing(format, listing.columns, listing.rows, context.color);

export function renderListing(format: ListingFormat, columns: readonly string[], rows: readonly ListingRow[], color: boolean): string {
  const cell = (row: ListingRow, column: string) => row[column] ?? '';
  switch (format) {
    case 'json':
      return `${JSON.stringify(rows.map((row) => Object.fromEntries(columns.map((c) => [c, cell(row, c)]))), null, 2)}\n`;
    case 'csv':
      return [columns.join(','), ...rows.map((row) => columns.map((c) => csvCell(cell(row, c))).join(','))].join('\n') + '\n';
    case 'markdown':
      return (
        [
          `| ${columns.join(' | ')} |`,
          `| ${columns.map(() => '---').join(' | ')} |`,
          ...rows.map((row) => `| ${columns.map((c) => escapeMarkdown(String(cell(row, c)))).join(' | ')} |`),
        ].join('\n') + '\n'
      );
    case 'table': {
      const chalk = new Chalk({ level: color ? 1 : 0 });
      const head = columns.map((c) => chalk.bold(c));
      return `${tableText({ head, style: { head: [], border: [], compact: true } }, rows.map((row) => columns.map((c) => terminalText(String(cell(row, c))))))}\n`;
    }
  }
}
