// One input file, read as a table: the header is matched to the columns the SPEC names
// (case-insensitively, after trimming), and every later row becomes column → cell text.
import type { InputIssue } from '../core/issues.js';
import type { RawRow } from '../core/dataset-builder.js';
import { describeDelimiter, type Delimiter } from './delimiter.js';
import { FileFormatError } from './errors.js';
import { type CsvInput, openInput } from './input-source.js';
import { type CsvParserName, type CsvStream, openCsv } from './read-csv.js';
import { sniffBytes, sniffText } from './sniff.js';
import { type DecodedInput, decodeInput, type Encoding, type EncodingOption } from './text-stream.js';

export interface TableSpec {
  readonly required: readonly string[];
  readonly optional: readonly string[];
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

/** The chunks, counting their bytes as they pass. */
async function* counted(chunks: AsyncIterable<Uint8Array | string>, count: { bytes: number }): AsyncGenerator<Uint8Array | string> {
  for await (const chunk of chunks) {
    count.bytes += chunk.length;
    yield chunk;
  }
}

/** What is known about a file once its header has been read. */
export interface HeaderContext {
  readonly delimiter: Delimiter;
}

export interface TableHandlers {
  /** Called with the header's columns (lower case) before any row; returns the spec to check. */
  readonly onHeader: (columns: readonly string[], file: string, context: HeaderContext) => TableSpec | InputIssue;
  readonly onRow: (row: RawRow, line: number, file: string) => void;
  readonly onIssue: (issue: InputIssue) => void;
}

export interface ReadTableOptions {
  readonly delimiter?: Delimiter | undefined;
  readonly encoding?: EncodingOption | undefined;
  /** Longest physical line accepted, in characters (default 1 MiB). */
  readonly maxLineChars?: number | undefined;
  /** Longest record accepted, all its fields together, in characters (default 1 MiB). */
  readonly maxRecordChars?: number | undefined;
  /** Which CSV parser: 'fast' (default) or 'csv-parse' (the reference). */
  readonly parser?: CsvParserName | undefined;
  /** Called as the file is read (after each batch of rows) and once at its end. */
  readonly onProgress?: ((progress: ReadProgress) => void) | undefined;
  readonly stdin?: NodeJS.ReadableStream | undefined;
}

export interface TableSummary {
  readonly name: string;
  /** The header's column names (lower case), empty when the file had none. */
  readonly header: readonly string[];
  /** The encoding used ('text' for content given as a string) and why; undefined if unreadable. */
  readonly encoding: Encoding | 'text' | undefined;
  readonly encodingReason: string | undefined;
  readonly delimiter: Delimiter | undefined;
  readonly delimiterReason: string | undefined;
  /** Data rows read (not counting the header). */
  readonly rows: number;
  /** The header was read and has every required column. */
  readonly headerOk: boolean;
}

/** Stream one file through the handlers; returns what was read. Never throws for the file's
 * content: every problem goes to handlers.onIssue (a file that cannot be opened still throws). */
export async function readTable(input: CsvInput, handlers: TableHandlers, options: ReadTableOptions = {}): Promise<TableSummary> {
  const opened = await openInput(input, options.stdin);
  const file = opened.name;
  const onProgress = options.onProgress;
  const count = { bytes: 0 };
  const progress = (done: boolean) => onProgress?.({ file, bytesRead: count.bytes, totalBytes: opened.size, rows, done });
  let decoded: DecodedInput | undefined;
  let csv: CsvStream | undefined;
  let header: { columns: string[]; keep: Map<number, string> } | undefined;
  let rows = 0;
  let headerColumns: readonly string[] = [];
  const summary = (): TableSummary => ({
    name: file,
    header: headerColumns,
    encoding: decoded?.encoding,
    encodingReason: decoded?.encodingReason,
    delimiter: csv?.delimiter,
    delimiterReason: csv?.delimiterReason,
    rows,
    headerOk: header !== undefined,
  });
  const expected = (): string => {
    const spec = handlers.onHeader([], file, { delimiter: csv?.delimiter ?? ',' });
    return 'message' in spec ? spec.message : `expected a header row with columns ${spec.required.join(', ')}`;
  };
  try {
    decoded = await decodeInput(onProgress ? counted(opened.bytes, count) : opened.bytes, { encoding: options.encoding, maxLineChars: options.maxLineChars });
    const binary = sniffBytes(decoded.head);
    if (binary !== undefined) {
      handlers.onIssue({ file, message: `not a CSV file: this is ${binary}; ${expected()}` });
      return summary();
    }
    csv = await openCsv(decoded.text, { delimiter: options.delimiter, maxRecordChars: options.maxRecordChars, parser: options.parser });
    const other = sniffText(csv.sample, decoded.head);
    if (other !== undefined) {
      handlers.onIssue({ file, message: `not a CSV file: this is ${other}; ${expected()}` });
      return summary();
    }
    let width = 0;
    let makeRow: (fields: readonly string[]) => RawRow = () => ({});
    for await (const batch of csv.batches) {
      for (const record of batch) {
        if (header === undefined) {
          const columns = record.fields.map((c) => c.trim().toLowerCase());
          // A header that ends in a delimiter has empty trailing names: not columns.
          while (columns.length > 1 && columns[columns.length - 1] === '') columns.pop();
          headerColumns = columns;
          const checked = checkHeader(file, record.line, columns, handlers.onHeader(columns, file, { delimiter: csv.delimiter }), csv.delimiter);
          if ('message' in checked) {
            handlers.onIssue(checked);
            return summary();
          }
          header = { columns, keep: checked };
          width = columns.length;
          makeRow = rowMaker(checked);
          continue;
        }
        rows++;
        const fields = record.fields;
        if (fields.length !== width && !isTrailingEmpty(fields, width)) {
          handlers.onIssue({
            file,
            line: record.line,
            message: `expected ${width} fields like the header, got ${fields.length} (delimiter ${describeDelimiter(csv.delimiter)})`,
          });
          continue;
        }
        handlers.onRow(makeRow(fields), record.line, file);
      }
      if (onProgress) progress(false);
    }
  } catch (error) {
    if (!(error instanceof FileFormatError)) throw error;
    handlers.onIssue({ file, line: error.line, message: error.message });
    return summary();
  } finally {
    // A file given up on early (not CSV, a bad header) is closed now, not when collected; not
    // awaited, as a read in flight (standard input) may wait for more input first.
    void decoded?.close().catch(() => {});
    if (onProgress) progress(true);
  }
  if (header === undefined) handlers.onIssue({ file, message: `the file is empty: ${expected()}` });
  return summary();
}

/** A function that makes a row (column → cell text) from a record's fields: one object literal
 * of a fixed shape, compiled once per file, instead of a loop over the columns for every row. */
function rowMaker(keep: ReadonlyMap<number, string>): (fields: readonly string[]) => RawRow {
  const props = [...keep].map(([index, name]) => `${JSON.stringify(name)}: f[${index}] ?? ''`);
  return new Function('f', `return { ${props.join(', ')} };`) as (fields: readonly string[]) => RawRow;
}

/** A row with extra empty fields at its end (a trailing delimiter) still fits the header. */
function isTrailingEmpty(fields: readonly string[], width: number): boolean {
  return fields.length > width && fields.slice(width).every((f) => f.trim() === '');
}

/** Column index → SPEC column name for the columns we use, or the problem with the header. */
function checkHeader(
  file: string,
  line: number,
  columns: readonly string[],
  spec: TableSpec | InputIssue,
  delimiter: Delimiter,
): Map<number, string> | InputIssue {
  if ('message' in spec) return spec;
  const wanted = new Set([...spec.required, ...spec.optional]);
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
        `found ${columns.filter(Boolean).join(', ') || 'nothing'} (delimiter ${describeDelimiter(delimiter)})`,
    };
  }
  return keep;
}
