// The tidy outputs of report, coverage and trend (issue 16): `--format long` (one row per region
// × metric, with its unit) and `--format parquet` (the CSV's table, typed). Long is a shape: it is
// written as Parquet when --out ends in .parquet, else as CSV. Parquet is binary: it goes to a
// file, or to standard output only when that is not a terminal.
import { extname } from 'node:path';
import type { DataTable } from '../report/tidy/data-table.js';
import { usageError } from './exit-codes.js';
import { emit } from './output.js';
import type { Terminal } from './terminal.js';

/** The tidy formats every result command offers besides its own. */
export const TIDY_FORMATS = ['long', 'parquet'] as const;
export type TidyFormat = (typeof TIDY_FORMATS)[number];

export function isTidyFormat(format: string): format is TidyFormat {
  return (TIDY_FORMATS as readonly string[]).includes(format);
}

/** Whether `out` names a Parquet file. */
export const isParquetPath = (out: string | undefined): boolean => out !== undefined && extname(out).toLowerCase() === '.parquet';

/** Write a tidy table: as Parquet (format parquet, or long to a .parquet file) or CSV (long). */
export async function emitTidy(
  terminal: Terminal,
  format: TidyFormat,
  table: () => DataTable,
  out: string | undefined,
  metadata: Readonly<Record<string, string>>,
): Promise<void> {
  const asParquet = format === 'parquet' || isParquetPath(out);
  // Refused before the table is made; emit (output.ts) says the same for any binary output.
  const advice = `--format ${format}${format === 'long' ? ' to a .parquet file' : ''} writes binary Parquet: give --out FILE.parquet, or redirect standard output`;
  if (asParquet && (out === undefined || out === '-') && terminal.stdout.isTTY) throw usageError(advice);
  let bytes: string | Uint8Array;
  if (asParquet) {
    const { tableParquet } = await import('../report/tidy/parquet.js');
    bytes = tableParquet(table(), metadata);
  } else {
    const { tableCsv } = await import('../report/tidy/data-table.js');
    bytes = tableCsv(table());
  }
  await emit(terminal, bytes, out, advice);
}

/**
 * Key-value metadata of a Parquet file: the servicegap version, and the result without its rows
 * (period, sort, interval settings, excluded regions, warnings …) as JSON, so the file carries
 * how it was made.
 */
export function tidyMetadata(result: { readonly servicegap: string; readonly regions: readonly unknown[] }): Record<string, string> {
  const { regions: _rows, ...rest } = result;
  return { servicegap: result.servicegap, 'servicegap.result': JSON.stringify(rest) };
}
