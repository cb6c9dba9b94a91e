import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/report/csv.js';
import { renderHtml } from '../../src/report/html.js';
import { renderJson } from '../../src/report/json.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { REPORT_FORMATS } from '../../src/report/render-context.js';
import { RENDERERS, formatFromPath } from '../../src/report/renderers.js';
import { renderTable } from '../../src/report/table.js';

describe('RENDERERS', () => {
  it('has a renderer for every format', () => {
    expect(Object.keys(RENDERERS).sort()).toEqual([...REPORT_FORMATS].sort());
    expect(RENDERERS.csv).toBe(renderCsv);
    expect(RENDERERS.json).toBe(renderJson);
    expect(RENDERERS.markdown).toBe(renderMarkdown);
    expect(RENDERERS.table).toBe(renderTable);
    expect(RENDERERS.html).toBe(renderHtml);
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
