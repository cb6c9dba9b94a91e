// A data record → the row its header describes (column → cell text), or the problem with its
// number of fields. One per file, made once its header is read; used where the rows are read as
// text: the head of a file (read-table.ts) and the text lane of the byte-level reader
// (piece-parser.ts, on any thread).
import type { InputIssue } from '../core/issues.js';
import type { RawRow } from '../core/row-validator.js';
import { describeDelimiter, type Delimiter } from './delimiter.js';

/** The header's columns that are read: column index → SPEC column name. */
export type KeptColumns = readonly (readonly [index: number, name: string])[];

export class RecordShape {
  private readonly make: (fields: readonly string[]) => RawRow;

  constructor(
    readonly file: string,
    /** How many columns the header has. */
    readonly width: number,
    readonly keep: KeptColumns,
    readonly delimiter: Delimiter,
  ) {
    // One object literal of a fixed shape, compiled once per file, instead of a loop over the
    // columns for every row.
    const props = keep.map(([index, name]) => `${JSON.stringify(name)}: f[${index}] ?? ''`);
    this.make = new Function('f', `return { ${props.join(', ')} };`) as (fields: readonly string[]) => RawRow;
  }

  /** The row of a record's fields; undefined (and the issue passed on) when it has too few or too many. */
  row(fields: readonly string[], line: number, onIssue: (issue: InputIssue) => void): RawRow | undefined {
    if (fields.length !== this.width && !isTrailingEmpty(fields, this.width)) {
      onIssue({
        file: this.file,
        line,
        message: `expected ${this.width} fields like the header, got ${fields.length} (delimiter ${describeDelimiter(this.delimiter)})`,
      });
      return undefined;
    }
    return this.make(fields);
  }
}

/** A row with extra empty fields at its end (a trailing delimiter) still fits the header. */
function isTrailingEmpty(fields: readonly string[], width: number): boolean {
  return fields.length > width && fields.slice(width).every((f) => f.trim() === '');
}
