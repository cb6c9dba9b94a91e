// One raw row (column → cell text) → the typed row its file's zod schema gives, or the problems
// with it. The compiled checker (schemas.ts) reads a valid row without zod; anything it does not
// accept goes to the zod schema, which words every problem. Shared by DatasetBuilder (rows read
// on the main thread) and the worker threads that check the rows of large files
// (io/row-chunks.ts), so that a row's issues are the same word for word on either path.
import type { z } from 'zod';
import { type InputIssue, quoteValue } from './issues.js';
import { DEFAULT_NUMBER_FORMAT, type NumberFormat } from './numbers.js';
import { DEFAULT_ROW_SCHEMAS, type RowChecker, type RowCheckers, rowCheckers, rowSchemas, type RowSchemas } from './schemas.js';

/** A raw row: column name (lower case) → cell text. */
export type RawRow = Readonly<Record<string, string | undefined>>;

/** The files whose rows have a compiled checker: regions, population, beds (either shape), services. */
export type RowKind = keyof RowCheckers;

/** A checked row of one kind: the zod schema's output. */
export type CheckedRow<K extends RowKind> = z.output<RowSchemas[K]>;

const formatKey = (format: NumberFormat) => `${format.decimal} ${format.thousands}`;

export class RowValidator {
  private schemas: RowSchemas;
  private checkers: RowCheckers;
  private readonly byFormat = new Map<string, { schemas: RowSchemas; checkers: RowCheckers }>();

  constructor(format: NumberFormat = DEFAULT_NUMBER_FORMAT) {
    ({ schemas: this.schemas, checkers: this.checkers } = this.forFormat(format));
  }

  private forFormat(format: NumberFormat): { schemas: RowSchemas; checkers: RowCheckers } {
    const key = formatKey(format);
    let entry = this.byFormat.get(key);
    if (!entry) {
      // Building the schemas costs a little: the default format's are built once, at load.
      const schemas = key === formatKey(DEFAULT_NUMBER_FORMAT) ? DEFAULT_ROW_SCHEMAS : rowSchemas(format);
      entry = { schemas, checkers: rowCheckers(format) };
      this.byFormat.set(key, entry);
    }
    return entry;
  }

  /** How the numbers of the rows that follow are written (each file may differ). */
  setNumberFormat(format: NumberFormat): void {
    ({ schemas: this.schemas, checkers: this.checkers } = this.forFormat(format));
  }

  /** The typed row, or undefined after passing each problem to `onIssue`. */
  check<K extends RowKind>(kind: K, raw: RawRow, file: string, line: number, onIssue: (issue: InputIssue) => void): CheckedRow<K> | undefined {
    return (this.checkers[kind] as RowChecker<K>)(raw) ?? (this.validate(this.schemas[kind], raw, file, line, onIssue) as CheckedRow<K> | undefined);
  }

  /** A crosswalk row (no compiled checker: crosswalks are short). */
  checkCrosswalk(raw: RawRow, file: string, line: number, onIssue: (issue: InputIssue) => void): z.output<RowSchemas['crosswalk']> | undefined {
    return this.validate(this.schemas.crosswalk, raw, file, line, onIssue);
  }

  /** Validate one raw row against a schema; undefined (and issues passed on) if invalid. */
  private validate<S extends z.ZodType>(schema: S, raw: RawRow, file: string, line: number, onIssue: (issue: InputIssue) => void): z.output<S> | undefined {
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      const column = String(issue.path[0] ?? '');
      const got = raw[column];
      // Some messages already quote the cell, with more to say after it (schemas.ts).
      const complete = issue.code === 'custom' && (issue.params as { complete?: boolean } | undefined)?.complete === true;
      onIssue({
        file,
        line,
        columns: column ? [column] : undefined,
        message: got === undefined || complete ? issue.message : `${issue.message}, got ${quoteValue(got)}`,
      });
    }
    return undefined;
  }
}
