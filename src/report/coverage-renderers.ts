// Every coverage format's renderer (SPEC §7).
import type { CoverageFormat, CoverageRenderer } from './coverage-context.js';
import { renderCoverageCsv } from './coverage-csv.js';
import { renderCoverageHtml } from './coverage-html.js';
import { renderCoverageJson } from './coverage-json.js';
import { renderCoverageMarkdown } from './coverage-markdown.js';
import { renderCoverageTable } from './coverage-table.js';

/** The renderer of each `servicegap coverage` format. */
export const COVERAGE_RENDERERS: Record<CoverageFormat, CoverageRenderer> = {
  table: renderCoverageTable,
  csv: renderCoverageCsv,
  json: renderCoverageJson,
  markdown: renderCoverageMarkdown,
  html: renderCoverageHtml,
};
