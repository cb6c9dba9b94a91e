// One report format's renderer, loaded when it is asked for: a JSON report in CI should not
// first load the HTML renderer's chart libraries or the terminal table (see renderers.ts for all).
import type { ReportFormat, Renderer } from './render-context.js';

export async function loadRenderer(format: ReportFormat): Promise<Renderer> {
  switch (format) {
    case 'table':
      return (await import('./table.js')).renderTable;
    case 'csv':
      return (await import('./csv.js')).renderCsv;
    case 'json':
      return (await import('./json.js')).renderJson;
    case 'markdown':
      return (await import('./markdown.js')).renderMarkdown;
    case 'html':
      return (await import('./html.js')).renderHtml;
  }
}
