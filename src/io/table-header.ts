// A table's header, read the same way whatever the file is (CSV text, a worksheet, a Parquet
// file): its cells trimmed and in lower case, empty trailing cells dropped, local names ("år",
// "tjeneste") read as the SPEC columns they name, then checked against what the input needs (table-handlers.ts).
import { matchHeader } from '../core/header-aliases.js';
import type { InputIssue } from '../core/issues.js';
import { type CheckedTable, checkHeader, type HeaderContext, type TableHandlers, type TableSpec, type TableSummary } from './table-handlers.js';

/** A header as read: its columns (SPEC names where a local name was matched), the spec the
 * handlers gave for it, and either the columns to read (index → SPEC column) or the problem with it. */
export interface ReadHeader {
  readonly columns: readonly string[];
  readonly spec: TableSpec | CheckedTable | InputIssue;
  readonly keep: Map<number, string> | InputIssue;
  /** Local names read as SPEC columns, among the columns read, for the loader's notice. */
  readonly aliases: TableSummary['headerAliases'];
}

/** Read one header row (its cells as the file has them, at `line`) through handlers.onHeader. */
export function readHeader(file: string, line: number, cells: readonly string[], onHeader: TableHandlers['onHeader'], context: HeaderContext): ReadHeader {
  const trimmed = cells.map((c) => c.trim().toLowerCase());
  // A header that ends in a delimiter (or a sheet's row that ends in empty cells) has empty
  // trailing names: not columns.
  while (trimmed.length > 1 && trimmed[trimmed.length - 1] === '') trimmed.pop();
  const named = matchHeader(trimmed);
  const columns = named.columns;
  const spec = onHeader(columns, file, context);
  const keep = checkHeader(file, line, columns, spec, context.delimiter, named.clashes);
  if ('message' in keep) return { columns, spec, keep, aliases: undefined };
  const used = named.mapped.filter((m) => keep.has(m.field - 1));
  return { columns, spec, keep, aliases: used.length > 0 ? { line, mapped: used } : undefined };
}
