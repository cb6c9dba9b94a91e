// One raw row (column → cell text) → the typed row its file's zod schema gives, or the problems
// with it. The compiled checker (schemas.ts) reads a valid row without zod; anything it does not
// accept goes to the zod schema, which words every problem. Used wherever rows are read as text
// (io/read-table.ts, io/piece-parser.ts, on any thread), so that a row's issues are the same word
// for word on every path.
import type { z } from 'zod';
import { type InputIssue, quoteValue } from './issues.js';
import { DEFAULT_NUMBER_FORMAT, type NumberFormat } from './numbers.js';
import { defaultRowSchemas, type RowChecker, type RowCheckers, rowCheckers, rowSchemas, type RowSchemas } from './schemas.js';

/** A raw row: column name (lower case) → cell text. */
export type RawRow = Readonly<Record<string, string | undefined>>;

/** The kinds of row: regions, crosswalk, population, beds (either shape), services. */
export type RowKind = keyof RowCheckers;

/** A checked row of one kind: the zod schema's output. */
export type CheckedRow<K extends RowKind> = z.output<RowSchemas[K]>;

const formatKey = (format: NumberFormat) => `${format.decimal} ${format.thousands}`;

export class RowValidator {
  private format: NumberFormat;
  private checkers: RowCheckers;
  private readonly checkersByFormat = new Map<string, RowCheckers>();
  private readonly schemasByFormat = new Map<string, RowSchemas>();

  constructor(format: NumberFormat = DEFAULT_NUMBER_FORMAT) {
    this.format = format;
    this.checkers = this.checkersFor(format);
  }

  private checkersFor(format: NumberFormat): RowCheckers {
    const key = formatKey(format);
    let checkers = this.checkersByFormat.get(key);
    if (!checkers) this.checkersByFormat.set(key, (checkers = rowCheckers(format)));
    return checkers;
  }

  /** The zod schemas of the current format, built when a row first fails its compiled check. */
  private get schemas(): RowSchemas {
    const key = formatKey(this.format);
    let schemas = this.schemasByFormat.get(key);
    if (!schemas) {
      schemas = key === formatKey(DEFAULT_NUMBER_FORMAT) ? defaultRowSchemas() : rowSchemas(this.format);
      this.schemasByFormat.set(key, schemas);
    }
    return schemas;
  }

  /** How the numbers of the rows that follow are written (each file may differ). */
  setNumberFormat(format: NumberFormat): void {
    this.format = format;
    this.checkers = this.checkersFor(format);
  }

  /** The typed row, or undefined after passing each problem to `onIssue`. */
  check<K extends RowKind>(kind: K, raw: RawRow, file: string, line: number, onIssue: (issue: InputIssue) => void): CheckedRow<K> | undefined {
    return (this.checkers[kind] as RowChecker<K>)(raw) ?? this.validate<RowSchemas[K]>(this.schemas[kind], raw, file, line, onIssue);
  }

  /** Validate one raw row against a schema; undefined (and issues passed on) if invalid. */
  private validate<S extends z.ZodType>(schema: S, raw: RawRow, file: string, line: number, onIssue: (issue: InputIssue) => void): z.output<S> | undefined {
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const column = String(issue.path[0] ?? '');
      const got = raw[column];
      // Some messages already quote the cell, with more to say after it, and some say which
      // problem they are, to be shown once for many lines (schemas.ts).
      const params = issue.code === 'custom' ? (issue.params as { complete?: boolean; group?: string } | undefined) : undefined;
      onIssue({
        file,
        line,
        columns: column ? [column] : undefined,
        message: got === undefined || params?.complete === true ? issue.message : `${issue.message}, got ${quoteValue(got)}`,
        ...(params?.group === undefined ? {} : { group: `${column} ${params.group}` }),
      });
    }
    return undefined;
  }
}
