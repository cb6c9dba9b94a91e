// Every report format's renderer, and the format an output file's extension implies (--out).
// The CLI loads only the one it needs (load-renderer.ts): the HTML one brings its chart libraries.
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

export { formatFromPath } from './format-from-path.js';
