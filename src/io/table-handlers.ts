// What reading one input table promises, whether it is a CSV file (read-table.ts), a worksheet
// (xlsx-table.ts) or a Parquet file (read-parquet.ts): the handlers it calls, what it returns, and the check of its header.
import { describeHeaderClash, type HeaderClash, type HeaderMapping } from '../core/header-aliases.js';
import type { InputIssue, Warning } from '../core/issues.js';
import type { NumberFormat } from '../core/numbers.js';
import type { RawRow } from '../core/row-validator.js';
import { describeDelimiter, type Delimiter } from './delimiter.js';
import type { CheckedRows } from './piece-rows.js';
import type { Encoding } from './text-stream.js';

export interface TableSpec {
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

/** What is known about a file once its header has been read. */
export interface HeaderContext {
  /** The CSV delimiter; undefined for a worksheet or a Parquet file. */
  readonly delimiter: Delimiter | undefined;
  /** A table of typed cells rather than text: what it is, in words (its numbers are stored as
   * numbers, so no decimal mark is to be told). */
  readonly typed?: 'workbook' | 'Parquet file' | undefined;
  /** The first lines of a CSV file (the delimiter's sample), from which its decimal mark can be told. */
  readonly sample?: string | undefined;
  /** The worksheet read, for a workbook. */
  readonly sheet?: string | undefined;
}

export interface TableHandlers {
  /** Called with the header's columns (lower case) before any row; returns the spec to check. */
  readonly onHeader: (columns: readonly string[], file: string, context: HeaderContext) => TableSpec | InputIssue;
  readonly onRow: (row: RawRow, line: number, file: string) => void;
  readonly onIssue: (issue: InputIssue) => void;
  /** Something worth knowing that is not a problem (hidden rows in a worksheet). */
  readonly onWarning?: ((warning: Warning) => void) | undefined;
  /** How the rows' numbers are read, asked once the header is accepted: a worksheet writes its
   * number cells in it, so that they read back as the numbers stored. */
  readonly numberFormat?: (() => NumberFormat | undefined) | undefined;
  /** Asked once the header is read: the rows' kind, so that the rest of a large file can be
   * checked in worker threads, and where the checked rows go (in file order, as with onRow). */
  readonly checkedRows?: (() => CheckedRows | undefined) | undefined;
}

/** How one file was read: its name, encoding and delimiter (and why), rows, worker threads. */
export interface TableSummary {
  readonly name: string;
  /** The header's column names (lower case; local names read as SPEC columns), empty when the
   * file had none. */
  readonly header: readonly string[];
  /** Header cells read as the SPEC column they name in another language or spelling ("år" as
   * year), with the header's line, for a notice; only columns that are read. */
  readonly headerAliases: { readonly line: number; readonly mapped: readonly HeaderMapping[] } | undefined;
  /** The encoding used ('text' for content given as a string) and why; undefined if unreadable. */
  readonly encoding: Encoding | 'text' | undefined;
  readonly encodingReason: string | undefined;
  readonly delimiter: Delimiter | undefined;
  readonly delimiterReason: string | undefined;
  /** Data rows read (not counting the header). */
  readonly rows: number;
  /** The header was read and has every required column. */
  readonly headerOk: boolean;
  /** Worker threads that read the rest of the file after its head (0: all read on the main thread). */
  readonly threads: number;
  /** For a workbook: the sheet read and why (the file's name is then `book.xlsx!Sheet`). */
  readonly sheet?: { readonly name: string; readonly reason: string } | undefined;
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

/** How far the reading of one file has got, for a progress bar. */
export interface ReadProgress {
  readonly file: string;
  readonly bytesRead: number;
  /** The file's size; undefined for standard input and content in memory. */
  readonly totalBytes: number | undefined;
  readonly rows: number;
  readonly done: boolean;
}
