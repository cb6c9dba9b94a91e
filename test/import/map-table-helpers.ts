// Small hand-made tables for mapTable's tests (map-table-rules.test.ts, map-table-options-named.test.ts).
import { mapTable } from '../../src/core/import/map-table.js';
import { type ImportMappingInput, ImportMappingSchema } from '../../src/core/import/mapping.js';
import { type Dimension, formatLocation, type ImportIssue, type ImportTable } from '../../src/core/import/table.js';

/** One observation: its category codes in dimension order, its value, its status flag. */
export type Cell = [codes: string[], value: number | null, status?: string];

/** A dimension whose categories are codes, or [code, label] pairs. */
export const dim = (id: string, codes: (string | [string, string])[], extra: Partial<Dimension> = {}): Dimension => ({
  id,
  label: id,
  categories: codes.map((c) => (typeof c === 'string' ? { code: c, label: c } : { code: c[0], label: c[1] })),
  ...extra,
});

/** A table of file "t.csv"; cell k is read from line k + 2 (a header line first). */
export const table = (dimensions: Dimension[], cells: Cell[]): ImportTable => ({
  file: 't.csv',
  dimensions,
  observations: cells.map(([codes, value, status], k) => ({ codes, value, status, at: { line: k + 2 } })),
  notes: [],
});

/** mapTable's rows as "region year value service unit flags", its notes, and its issues as "file:line: message". */
export const map = (t: ImportTable, mapping: ImportMappingInput) => {
  const issues: ImportIssue[] = [];
  const result = mapTable(t, ImportMappingSchema.parse(mapping), issues);
  return {
    rows: result.rows.map((r) => [r.region, r.year, r.value, r.service, r.unit, r.flags].filter((x) => x !== undefined).join(' ').trim()),
    full: result.rows,
    notes: result.notes,
    issues: issues.map((i) => `${formatLocation(i.file, i.at)}: ${i.message}`),
  };
};
