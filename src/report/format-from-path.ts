// The report format an output file's extension implies (--out), without loading any renderer.
import { extname } from 'node:path';
import type { ReportOutputFormat } from './render-context.js';

/** A format an extension can imply: a report format (an Excel workbook too), or Parquet (issue 16). */
export type PathFormat = ReportOutputFormat | 'parquet';

const BY_EXTENSION: Readonly<Record<string, PathFormat>> = {
  '.parquet': 'parquet',
  '.csv': 'csv',
  '.json': 'json',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'table',
  '.html': 'html',
  '.htm': 'html',
  '.xlsx': 'xlsx',
};

/** The format a file's extension implies (case-insensitive), or undefined when it implies none. */
export function formatFromPath(path: string): PathFormat | undefined {
  const ext = extname(path).toLowerCase();
  return Object.hasOwn(BY_EXTENSION, ext) ? BY_EXTENSION[ext] : undefined;
}
