// Every trend format's renderer.
import type { TrendFormat, TrendRenderer } from './context.js';
import { renderTrendCsv } from './csv.js';
import { renderTrendHtml } from './html.js';
import { renderTrendJson } from './json.js';
import { renderTrendMarkdown } from './markdown.js';
import { renderTrendTable } from './table.js';

/** The renderer of each `servicegap trend` format. */
export const TREND_RENDERERS: Record<TrendFormat, TrendRenderer> = {
  table: renderTrendTable,
  csv: renderTrendCsv,
  json: renderTrendJson,
  markdown: renderTrendMarkdown,
  html: renderTrendHtml,
};
