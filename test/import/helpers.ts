// Shared by the import tests: run an import in-process and read its CSV back as records.
import { resolve } from 'node:path';
import { type ImportRunOptions, runImport } from '../../src/app/import.js';
import { InputError } from '../../src/core/issues.js';

export const FIXTURES = resolve(import.meta.dirname, '../../fixtures/import');
export const fixture = (path: string) => resolve(FIXTURES, path);

/** Import and split the CSV: header names → cell text, one object per row. */
export async function importRows(options: ImportRunOptions): Promise<{ rows: Record<string, string>[]; notes: readonly string[]; csv: string }> {
  const result = await runImport(options);
  const [head, ...lines] = result.csv.trimEnd().split('\n');
  const columns = head!.split(',');
  const rows = lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i]!, v])));
  return { rows, notes: result.notes, csv: result.csv };
}

/** The messages of the InputError an import throws (fails the test when it does not throw one). */
export async function importIssues(options: ImportRunOptions): Promise<string[]> {
  try {
    await runImport(options);
  } catch (error) {
    if (error instanceof InputError) return error.issues.map((i) => `${i.file.replace(`${FIXTURES}/`, '')}${i.line === undefined ? '' : `:${i.line}`}: ${i.message}`);
    throw error;
  }
  throw new Error('expected the import to fail');
}

/** The value of the row with these fields. */
export function valueOf(rows: readonly Record<string, string>[], match: Record<string, string>, column: string): string | undefined {
  return rows.find((r) => Object.entries(match).every(([k, v]) => r[k] === v))?.[column];
}
