// Every report format's renderer, and the format an output file's extension implies (--out).
import { extname } from 'node:path';
import { renderCsv } from './csv.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import type { ReportFormat, Renderer } from './render-context.js';
import { renderTable } from './table.js';

/** The report renderer of each format. */
export const RENDERERS: Record<ReportFormat, Renderer> = {
  table: renderTable,
  csv: renderCsv,
  json: renderJson,
  markdown: renderMarkdown,
  html: renderHtml,
};

const BY_EXTENSION: Readonly<Record<string, ReportFormat>> = {
  '.csv': 'csv',
  '.json': 'json',
  '.md': 'markdown',
  '.markdown': 'markdown',
  '.txt': 'table',
  '.html': 'html',
  '.htm': 'html',
};

/** The format a file's extension implies (case-insensitive), or undefined when it implies none. */
export function formatFromPath(path: string): ReportFormat | undefined {
  const ext = extname(path).toLowerCase();
  return Object.hasOwn(BY_EXTENSION, ext) ? BY_EXTENSION[ext] : undefined;
}
