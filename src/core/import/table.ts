// What every statistics-office format is read into before it becomes SPEC rows: a table of
// observations, each with one category code per dimension, a value (null = missing), the
// source's own status or flag, and where in the file it was read. Pure; no IO.
//
// PC-Axis and JSON-stat are cubes, Eurostat TSV, SDMX-CSV and GHO are long tables, N-MHSS is a
// list of facilities: one shape for all lets one mapping (map-table.ts) turn any of them into
// beds, services, population or regions rows, with the same checks and the same messages.

/** Where in its file a piece of a table was read, as precisely as the format allows. */
export interface SourceLocation {
  /** 1-based physical line. */
  readonly line?: number | undefined;
  /** 1-based column (character position in the line), or the 1-based field of a delimited line. */
  readonly column?: number | undefined;
  /** A JSON pointer (`/value/17`) in JSON formats. */
  readonly path?: string | undefined;
}

/** One category of a dimension: its code and the source's label for it. */
export interface Category {
  readonly code: string;
  readonly label: string;
}

/** What a dimension stands for, where the source says so (JSON-stat `role`, PX TIMEVAL, …). */
export type DimensionRole = 'time' | 'geo' | 'metric';

export interface Dimension {
  /** The id the mapping options name (`--where facility=HBED_PSY`). */
  readonly id: string;
  readonly label: string;
  readonly role?: DimensionRole | undefined;
  readonly categories: readonly Category[];
  /** The code of the category that is the total of all others (PxWeb's elimination value), if known. */
  readonly totalCode?: string | undefined;
}

/** One cell of the table. */
export interface Observation {
  /** The category code on each dimension, in the order of `ImportTable.dimensions`. */
  readonly codes: readonly string[];
  /** The number, or null where the source marks the cell as missing. */
  readonly value: number | null;
  /** The source's status or flag for the cell (`e`, `b`, `..`, `:`), as written. */
  readonly status?: string | undefined;
  readonly at: SourceLocation;
}

/** A file read into dimensions and observations. */
export interface ImportTable {
  /** The file as the user named it. */
  readonly file: string;
  /** The table's title or id, for messages. */
  readonly title?: string | undefined;
  readonly dimensions: readonly Dimension[];
  readonly observations: readonly Observation[];
  /** What the source says about its values as a whole (unit, decimals), for notes. */
  readonly unit?: string | undefined;
  /** Things the reader noticed that do not stop the import (an unknown code page, rows left out). */
  readonly notes: readonly string[];
}

/** `file:line:column`, `file:line`, `file (/value/3)` or `file`: the shape every message starts with. */
export function formatLocation(file: string, at: SourceLocation): string {
  const where = at.line === undefined ? file : at.column === undefined ? `${file}:${at.line}` : `${file}:${at.line}:${at.column}`;
  return at.path === undefined ? where : `${where} (${at.path})`;
}

/** Offsets → 1-based line and column in one text, by binary search over the line starts. */
export function lineLocator(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/** A problem that stops an import, at a place in a file. */
export interface ImportIssue {
  readonly file: string;
  readonly at: SourceLocation;
  readonly message: string;
}

