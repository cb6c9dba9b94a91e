// One input file, read as a table: the header is matched to the columns the SPEC names
// (case-insensitively, after trimming), and every later row becomes column → cell text.
import type { InputIssue } from '../core/issues.js';
import type { RawRow } from '../core/dataset-builder.js';
import { describeDelimiter, type Delimiter } from './delimiter.js';
import { type CsvInput, openInput } from './input-source.js';
import { CsvSyntaxError, openCsv } from './read-csv.js';
import { decodeLines } from './text-stream.js';

export interface TableSpec {
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

export interface TableHandlers {
  /** Called with the header's columns (lower case) before any row; returns the spec to check. */
  readonly onHeader: (columns: readonly string[], file: string) => TableSpec | InputIssue;
  readonly onRow: (row: RawRow, line: number, file: string) => void;
  readonly onIssue: (issue: InputIssue) => void;
}

export interface ReadTableOptions {
  readonly delimiter?: Delimiter | undefined;
  readonly stdin?: NodeJS.ReadableStream | undefined;
}

export interface TableSummary {
  readonly name: string;
  /** The header's column names (lower case), empty when the file had none. */
  readonly header: readonly string[];
  readonly delimiter: Delimiter | undefined;
  readonly rows: number;
}

/** Stream one file through the handlers; returns its display name and row count. */
export async function readTable(input: CsvInput, handlers: TableHandlers, options: ReadTableOptions = {}): Promise<TableSummary> {
  const opened = await openInput(input, options.stdin);
  const file = opened.name;
  const csv = await openCsv(decodeLines(opened.bytes), { delimiter: options.delimiter });
  let header: { columns: string[]; keep: Map<number, string> } | undefined;
  let rows = 0;
  try {
    for await (const record of csv.records) {
      if (header === undefined) {
        const columns = record.fields.map((c) => c.trim().toLowerCase());
        // A header that ends in a delimiter has empty trailing names: not columns.
        while (columns.length > 1 && columns[columns.length - 1] === '') columns.pop();
        const checked = checkHeader(file, record.line, columns, handlers.onHeader(columns, file), csv.delimiter);
        if ('message' in checked) {
          handlers.onIssue(checked);
          return { name: file, header: columns, delimiter: csv.delimiter, rows };
        }
        header = { columns, keep: checked };
        continue;
      }
      rows++;
      if (record.fields.length !== header.columns.length && !isTrailingEmpty(record.fields, header.columns.length)) {
        handlers.onIssue({
          file,
          line: record.line,
          message:
            `expected ${header.columns.length} fields like the header, got ${record.fields.length} ` +
            `(delimiter ${describeDelimiter(csv.delimiter)})`,
        });
        continue;
      }
      const row: Record<string, string> = {};
      for (const [index, name] of header.keep) row[name] = record.fields[index] ?? '';
      handlers.onRow(row, record.line, file);
    }
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    handlers.onIssue({ file, line: error.line, message: error.message });
    return { name: file, header: header?.columns ?? [], delimiter: csv.delimiter, rows };
  }
  if (header === undefined) {
    const spec = handlers.onHeader([], file);
    const expected = 'message' in spec ? '' : `: expected a header row with columns ${spec.required.join(', ')}`;
    handlers.onIssue({ file, message: `the file is empty${expected}` });
  }
  return { name: file, header: header?.columns ?? [], delimiter: csv.delimiter, rows };
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
