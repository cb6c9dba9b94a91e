// The renderer registry (every kind of output × format → its renderer, loaded on first use) and
// the format an --out extension implies.
import { describe, expect, it } from 'vitest';
import * as batch from '../../src/report/batch.js';
import * as compare from '../../src/report/compare.js';
import { COVERAGE_OUTPUT_FORMATS } from '../../src/report/coverage/context.js';
import * as coverageCsv from '../../src/report/coverage/csv.js';
import * as coverageJson from '../../src/report/coverage/json.js';
import * as coverageMarkdown from '../../src/report/coverage/markdown.js';
import * as coverageTable from '../../src/report/coverage/table.js';
import { renderCsv, renderExcelCsv } from '../../src/report/csv.js';
import { EXPLAIN_FORMATS } from '../../src/report/explain.js';
import { formatFromPath } from '../../src/report/format-from-path.js';
import { renderHtml } from '../../src/report/html.js';
import { renderJson } from '../../src/report/json.js';
import { LISTING_FORMATS } from '../../src/report/listing.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import type { OutputKind } from '../../src/report/output.js';
import { loadRenderer, registeredFormats, renderOutput } from '../../src/report/registry.js';
import { REPORT_OUTPUT_FORMATS } from '../../src/report/render-context.js';
import { RESEARCH_FORMATS } from '../../src/report/research-format-names.js';
import * as sensitivity from '../../src/report/sensitivity.js';
import { renderTable } from '../../src/report/table.js';
import { TREND_OUTPUT_FORMATS } from '../../src/report/trend/context.js';
import * as trendXlsx from '../../src/report/trend/xlsx.js';
import * as validation from '../../src/report/validation.js';
import { VALIDATION_FORMATS } from '../../src/report/validation.js';
import * as xlsx from '../../src/report/xlsx.js';
import * as methods from '../../src/report/methods.js';
import * as tidy from '../../src/report/tidy/render.js';
import * as trendCsv from '../../src/report/trend/csv.js';
import * as trendJson from '../../src/report/trend/json.js';
import * as trendMarkdown from '../../src/report/trend/markdown.js';
import * as trendTable from '../../src/report/trend/table.js';
import { sampleContext, sampleReport } from './sample-report.js';

describe('renderer registry', () => {
  it('has every format of every kind of output, and nothing else (report also as excel)', () => {
    const expected: Record<OutputKind, readonly string[]> = {
      report: [...REPORT_OUTPUT_FORMATS, 'excel'],
      coverage: COVERAGE_OUTPUT_FORMATS,
      trend: TREND_OUTPUT_FORMATS,
      sensitivity: RESEARCH_FORMATS,
      compare: RESEARCH_FORMATS,
      batch: RESEARCH_FORMATS,
      listing: LISTING_FORMATS,
      methods: ['markdown'],
      validation: VALIDATION_FORMATS,
      explain: EXPLAIN_FORMATS,
    };
    for (const [kind, formats] of Object.entries(expected)) {
      expect(registeredFormats(kind as OutputKind).sort(), kind).toEqual([...formats].sort());
    }
  });

  it('loads the renderer each format names', async () => {
    const pairs: [Promise<unknown>, unknown][] = [
      [loadRenderer('report', 'table'), renderTable],
      [loadRenderer('report', 'csv'), renderCsv],
      [loadRenderer('report', 'excel'), renderExcelCsv],
      [loadRenderer('report', 'json'), renderJson],
      [loadRenderer('report', 'markdown'), renderMarkdown],
      [loadRenderer('report', 'html'), renderHtml],
      [loadRenderer('report', 'xlsx'), xlsx.renderXlsx],
      [loadRenderer('coverage', 'table'), coverageTable.renderCoverageTable],
      [loadRenderer('coverage', 'csv'), coverageCsv.renderCoverageCsv],
      [loadRenderer('coverage', 'json'), coverageJson.renderCoverageJson],
      [loadRenderer('coverage', 'markdown'), coverageMarkdown.renderCoverageMarkdown],
      [loadRenderer('coverage', 'xlsx'), xlsx.renderCoverageXlsx],
      [loadRenderer('trend', 'table'), trendTable.renderTrendTable],
      [loadRenderer('trend', 'csv'), trendCsv.renderTrendCsv],
      [loadRenderer('trend', 'json'), trendJson.renderTrendJson],
      [loadRenderer('trend', 'xlsx'), trendXlsx.renderTrendXlsx],
      [loadRenderer('validation', 'text'), validation.renderValidationText],
      [loadRenderer('validation', 'json'), validation.renderValidationJson],
      [loadRenderer('validation', 'sarif'), validation.renderValidationSarif],
      [loadRenderer('trend', 'markdown'), trendMarkdown.renderTrendMarkdown],
      [loadRenderer('sensitivity', 'table'), sensitivity.renderSensitivityTable],
      [loadRenderer('sensitivity', 'csv'), sensitivity.renderSensitivityCsv],
      [loadRenderer('sensitivity', 'json'), sensitivity.renderSensitivityJson],
      [loadRenderer('sensitivity', 'markdown'), sensitivity.renderSensitivityMarkdown],
      [loadRenderer('compare', 'table'), compare.renderCompareTable],
      [loadRenderer('compare', 'csv'), compare.renderCompareCsv],
      [loadRenderer('compare', 'json'), compare.renderCompareJson],
      [loadRenderer('compare', 'markdown'), compare.renderCompareMarkdown],
      [loadRenderer('batch', 'table'), batch.renderBatchTable],
      [loadRenderer('batch', 'csv'), batch.renderBatchCsv],
      [loadRenderer('batch', 'json'), batch.renderBatchJson],
      [loadRenderer('batch', 'markdown'), batch.renderBatchMarkdown],
      [loadRenderer('methods', 'markdown'), methods.renderMethods],
      [loadRenderer('report', 'long'), tidy.renderReportLong],
      [loadRenderer('report', 'parquet'), tidy.renderReportParquet],
      [loadRenderer('coverage', 'long'), tidy.renderCoverageLong],
      [loadRenderer('coverage', 'parquet'), tidy.renderCoverageParquet],
      [loadRenderer('trend', 'long'), tidy.renderTrendLong],
      [loadRenderer('trend', 'parquet'), tidy.renderTrendParquet],
    ];
    for (const [loaded, expected] of pairs) expect(await loaded).toBe(expected);
  });

  it('renders an output with its own renderer and context; an unknown format is refused', async () => {
    const report = sampleReport();
    const context = sampleContext();
    expect(await renderOutput({ kind: 'report', format: 'markdown', data: report, context })).toBe(renderMarkdown(report, context));
    const listing = await renderOutput({ kind: 'listing', format: 'csv', data: { columns: ['a', 'b'], rows: [{ a: '=1', b: 2 }] }, context: { color: false } });
    // a listing's cells are neutralised like every CSV cell
    expect(listing).toBe("a,b\n'=1,2\n");
    // (trend has html since issue 19; 'excel', the report's CSV for spreadsheets, is report-only)
    expect(() => loadRenderer('trend', 'excel' as never)).toThrow(/no excel renderer for trend output/);
  });
});

describe('formatFromPath', () => {
  it('maps extensions to formats, case-insensitively', () => {
    expect(formatFromPath('out/report.csv')).toBe('csv');
    expect(formatFromPath('report.json')).toBe('json');
    expect(formatFromPath('REPORT.MD')).toBe('markdown');
    expect(formatFromPath('a.b/report.markdown')).toBe('markdown');
    expect(formatFromPath('report.txt')).toBe('table');
    expect(formatFromPath('out/report.html')).toBe('html');
    expect(formatFromPath('REPORT.HTM')).toBe('html');
  });

  it('gives undefined for an unknown or missing extension', () => {
    expect(formatFromPath('report.xhtml')).toBeUndefined();
    expect(formatFromPath('report')).toBeUndefined();
    expect(formatFromPath('.csv')).toBeUndefined();
    expect(formatFromPath('report.toString')).toBeUndefined();
    expect(formatFromPath('report.constructor')).toBeUndefined();
  });
});
