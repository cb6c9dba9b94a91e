// What reading one input table promises, whether it is a CSV file (read-table.ts), a worksheet
// (xlsx-table.ts) or a Parquet file (read-parquet.ts): the handlers it calls, what it returns, and the check of its header.
import { describeHeaderClash, type HeaderClash, type HeaderMapping } from '../core/header-aliases.js';
import type { InputIssue, Warning } from '../core/issues.js';
import type { NumberFormat } from '../core/numbers.js';
import { type RawRow, type RowKind, RowValidator } from '../core/row-validator.js';
import { describeDelimiter, type Delimiter } from './delimiter.js';
import type { Encoding } from './encodings.js';
import type { RowSink } from './piece-rows.js';

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

/** Rows of a known kind: readTable checks each (core/row-validator.ts) and adds it to `sink`. */
export interface CheckedTable extends TableSpec {
  readonly kind: RowKind;
  /** How the file writes numbers. */
  readonly numberFormat: NumberFormat;
  readonly sink: RowSink;
}

export interface TableHandlers {
  /** Called with the header's columns (lower case) before any row; returns the spec to check (with
   * a kind: its rows are checked and go to the spec's sink; else to onRow as they are). */
  readonly onHeader: (columns: readonly string[], file: string, context: HeaderContext) => TableSpec | CheckedTable | InputIssue;
  /** The rows of a file whose spec has no kind, column → cell text. */
  readonly onRow?: ((row: RawRow, line: number, file: string) => void) | undefined;
  readonly onIssue: (issue: InputIssue) => void;
  /** Something worth knowing that is not a problem (hidden rows in a worksheet). */
  readonly onWarning?: ((warning: Warning) => void) | undefined;
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
  /** Threads that read the rest of the file after its head, this one included (0: it was read on
   * this thread alone). */
  readonly threads: number;
  /** SHA-256 (hex) of the file's bytes, when it was read to its end (SPEC §8 provenance). */
  readonly sha256: string | undefined;
  /** For a workbook: the sheet read and why (the file's name is then `book.xlsx!Sheet`). */
  readonly sheet?: { readonly name: string; readonly reason: string } | undefined;
}

/** What becomes of a row of raw cells once the header is accepted. */
export type RowHandler = (raw: RawRow, line: number, file: string) => void;

/** Where the rows of a file go once its header is accepted (the same for a CSV file and a
 * worksheet): checked and added to the spec's sink when the spec names their kind, else to
 * handlers.onRow as they are. */
export function rowsTo(spec: TableSpec | CheckedTable, handlers: TableHandlers): RowHandler {
  if (!('kind' in spec)) return (raw, line, file) => handlers.onRow?.(raw, line, file);
  const { kind, sink } = spec;
  const validator = new RowValidator(spec.numberFormat);
  return (raw, line, file) => {
    const row = validator.check(kind, raw, file, line, handlers.onIssue);
    if (row !== undefined) sink.addRow(kind, row, file, line);
  };
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
