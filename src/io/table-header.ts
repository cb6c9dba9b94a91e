// A table's header, read the same way whatever the file is (CSV text, a worksheet, a Parquet
// file): its cells trimmed and in lower case, empty trailing cells dropped, local names ("år",
// "tjeneste") read as the SPEC columns they name, then checked against what the input needs.
import { describeHeaderClash, type HeaderClash, matchHeader } from '../core/header-aliases.js';
import type { InputIssue } from '../core/issues.js';
import { describeDelimiter, type Delimiter } from './delimiter.js';
import type { HeaderContext, TableHandlers, TableSpec, TableSummary } from './read-table.js';

/** A header as read: its columns (SPEC names where a local name was matched), and either the
 * columns to read (index → SPEC column) or the problem with it. */
export interface ReadHeader {
  readonly columns: readonly string[];
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
  const keep = checkHeader(file, line, columns, onHeader(columns, file, context), context.delimiter, named.clashes);
  if ('message' in keep) return { columns, keep, aliases: undefined };
  const used = named.mapped.filter((m) => keep.has(m.field - 1));
  return { columns, keep, aliases: used.length > 0 ? { line, mapped: used } : undefined };
}

/** Column index → SPEC column name for the columns we use, or the problem with the header
 * (`delimiter`: the CSV's, named in the message; undefined for a worksheet or a Parquet file). */
export function checkHeader(
  file: string,
  line: number,
  columns: readonly string[],
  spec: TableSpec | InputIssue,
  delimiter: Delimiter | undefined,
  clashes: readonly HeaderClash[],
): Map<number, string> | InputIssue {
  if ('message' in spec) return spec;
  const wanted = new Set([...spec.required, ...spec.optional]);
  const clash = clashes.find((c) => wanted.has(c.to) && !columns.includes(c.to));
  if (clash) return { file, line, columns: [clash.to], message: describeHeaderClash(clash) };
  const keep = new Map<number, string>();
  const seen = new Map<string, number>();
  for (const [index, name] of columns.entries()) {
    if (!wanted.has(name)) continue;
    if (seen.has(name)) {
      return { file, line, columns: [name], message: `the column appears twice in the header (fields ${seen.get(name)! + 1} and ${index + 1})` };
    }
    seen.set(name, index);
    keep.set(index, name);
  }
  const missing = spec.required.filter((name) => !seen.has(name));
  if (missing.length > 0) {
    return {
      file,
      line,
      columns: missing,
      message:
        `missing required ${missing.length === 1 ? 'column' : 'columns'}: expected ${spec.required.join(', ')}; ` +
        `found ${columns.filter(Boolean).join(', ') || 'nothing'}${delimiter === undefined ? '' : ` (delimiter ${describeDelimiter(delimiter)})`}`,
    };
  }
  return keep;
}
