// The trend's renderers: the sparkline scale, the long CSV (one row per region-year), the JSON
// order, Markdown and the terminal table, on a small hand-made trend.
import { beforeAll, describe, expect, it } from 'vitest';
import { summarizeTrend } from '../../src/core/trend.js';
import { type TrendRegion, type TrendReport, TrendReportSchema, type TrendYear } from '../../src/core/trend-schema.js';
import { sparkline } from '../../src/report/sparkline.js';
import type { TrendRenderContext } from '../../src/report/trend/context.js';
import { renderOutputPieces } from '../../src/report/registry.js';
import { csvCell } from '../../src/report/safe-cell.js';
import { renderTrendCsv, renderTrendCsvPieces, TREND_CSV_COLUMNS } from '../../src/report/trend/csv.js';
import { renderTrendJson } from '../../src/report/trend/json.js';
import { renderTrendMarkdown, renderTrendMarkdownPieces } from '../../src/report/trend/markdown.js';
import { renderTrendHtml, renderTrendHtmlPieces } from '../../src/report/trend/html.js';
import { renderTrendTable, renderTrendTablePieces } from '../../src/report/trend/table.js';
import { SAMPLE_PROVENANCE } from '../helpers/provenance.js';
import { collectPieces, expectPiecesOfText } from '../helpers/pieces.js';

function year(y: number, vacuum: number, flags: TrendYear['flags'] = []): TrendYear {
  return {
    year: y,
    population: 100_000,
    beds_from: 50,
    beds_to: 50 - vacuum,
    bed_change: 0 - vacuum,
    beds_closed: vacuum,
    community_from_be: 0,
    community_to_be: 0,
    community_change_be: 0,
    net_change_be: 0 - vacuum,
    vacuum_be: vacuum,
    vacuum_per_100k: vacuum,
    replacement_ratio: vacuum === 0 ? null : 0,
    capacity_per_100k_from: 50,
    capacity_per_100k_to: 50 - vacuum,
    rate_drop_per_100k: vacuum,
    coverage_index: null,
    flags,
    categories_not_reported: [],
  };
}

const A: TrendRegion = {
  rank: 1,
  region: 'A',
  name: '=Alpha | north',
  first_vacuum_year: 2011,
  peak_vacuum_per_100k: 8,
  peak_year: 2012,
  open: true,
  years: [year(2010, 0), year(2011, 4, ['carried_forward']), year(2012, 8), year(2013, 6, ['interpolated'])],
  excluded_years: [],
};
const B: TrendRegion = {
  rank: 2,
  region: 'B',
  name: 'Beta',
  first_vacuum_year: null,
  peak_vacuum_per_100k: 0,
  peak_year: null,
  open: false,
  years: [year(2012, 0), year(2013, 0)],
  excluded_years: [
    { year: 2010, reason: 'population' },
    { year: 2011, reason: 'population' },
  ],
};
const REPORT: TrendReport = {
  servicegap: '9.9.9',
  from: 2010,
  to: 2013,
  sort: 'vacuum_per_100k',
  fill: 'linear',
  level: null,
  regions: [A, B],
  excluded: [{ region: 'C', reason: 'beds_to' }],
  warnings: [{ file: 'crosswalk.csv', line: 3, message: '"X" has no figures in the data' }],
  provenance: SAMPLE_PROVENANCE,
};
// The render context is made in each describe's beforeAll, not while the tests are collected (nor
// in a file-level beforeAll, whose error a mutation run does not count against the tests).
const renderContext = (): TrendRenderContext => ({ color: false, summary: summarizeTrend(REPORT) });

describe('sparkline', () => {
  it('▁ for 0, ▂–█ in seven steps up to max, · for an unknown year', () => {
    // 0.1 / 10 × 7 = 0.07 → step 1 (▂); 5 / 10 × 7 = 3.5 → step 4 (▅); 10 → step 7 (█)
    expect(sparkline([null, 0, 0.1, 5, 10], 10)).toBe('·▁▂▅█');
    expect(sparkline([0, 0], 0)).toBe('▁▁');
  });
});

describe('trend CSV', () => {
  let lines: string[];
  beforeAll(() => {
    lines = renderTrendCsv(REPORT, renderContext()).trimEnd().split('\n');
  });

  it('one row per region and known year, region columns first, then the JSON year fields', () => {
    expect(TREND_CSV_COLUMNS.slice(0, 8)).toEqual(['rank', 'region', 'name', 'first_vacuum_year', 'peak_vacuum_per_100k', 'peak_year', 'open', 'year']);
    expect(TREND_CSV_COLUMNS.slice(-2)).toEqual(['flags', 'categories_not_reported']);
    expect(lines[0]).toBe(TREND_CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(1 + 4 + 2);
  });

  it('neutralises and quotes text, keeps numbers unrounded, empty for null, flags joined by ;', () => {
    // coverage_index (null here) is the empty cell before the flags
    expect(lines[2]).toBe("1,A,'=Alpha | north,2011,8,2012,true,2011,100000,50,46,-4,4,0,0,0,-4,4,4,0,50,46,4,,carried_forward,");
    expect(lines[5]).toBe('2,B,Beta,,0,,false,2012,100000,50,50,0,0,0,0,0,0,0,0,,50,50,0,,,');
  });

  it('in pieces of UTF-8 (the command line writes it so): the bytes of the whole CSV, for a trend of several megabytes', async () => {
    // 6,000 regions (four copies of the sample's, named in four scripts): 4 lines each.
    const names = ['Innlandet', 'Østfold', 'القاهرة', 'Москва'];
    const big: TrendReport = {
      ...REPORT,
      regions: Array.from({ length: 6000 }, (_, i) => ({ ...REPORT.regions[i % REPORT.regions.length]!, rank: i + 1, region: `R${i}`, name: `${names[i % 4]} ${i}` })),
    };
    // The oracle: the CSV as it was made before pieces — every line, joined by line feeds, one at the end.
    const cell = (v: unknown) => csvCell(typeof v === 'boolean' ? String(v) : Array.isArray(v) ? v.join(';') : (v as string | number | null));
    const oracle = `${[
      TREND_CSV_COLUMNS.join(','),
      ...big.regions.flatMap((r) => r.years.map((y) => TREND_CSV_COLUMNS.map((c) => cell(c in y ? y[c as keyof TrendYear] : r[c as keyof TrendRegion])).join(','))),
    ].join('\n')}\n`;
    expectPiecesOfText([...renderTrendCsvPieces(big)], oracle, { moreThan: 10, wholeCharacters: true });
    expect(renderTrendCsv(big, renderContext())).toBe(oracle);
    // The registry gives the command line these pieces for a trend's CSV.
    const output = { kind: 'trend', format: 'csv', data: big, context: renderContext() } as const;
    expectPiecesOfText(await collectPieces((await renderOutputPieces(output)) as AsyncIterable<Uint8Array>), oracle);
    // Its Markdown and its page too: the pieces' bytes are the whole text's.
    expectPiecesOfText([...renderTrendMarkdownPieces(big, renderContext())], renderTrendMarkdown(big, renderContext()), { moreThan: 10 });
    expectPiecesOfText([...renderTrendHtmlPieces(big, renderContext())], renderTrendHtml(big, renderContext()), { moreThan: 10 });
  });
});

describe('trend JSON', () => {
  let context: TrendRenderContext;
  beforeAll(() => {
    context = renderContext();
  });

  it('follows the schema key order and round-trips', () => {
    const text = renderTrendJson(REPORT, context);
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual(['servicegap', 'from', 'to', 'sort', 'fill', 'level', 'regions', 'excluded', 'warnings', 'provenance']);
    expect(Object.keys(parsed.regions[0])).toEqual([
      'rank', 'region', 'name', 'first_vacuum_year', 'peak_vacuum_per_100k', 'peak_year', 'open', 'years', 'excluded_years',
    ]);
    expect(TrendReportSchema.parse(parsed)).toEqual(REPORT);
  });
});

describe('trend Markdown', () => {
  let md: string;
  beforeAll(() => {
    md = renderTrendMarkdown(REPORT, renderContext());
  });

  it('a row per region with its sparkline, escaped names, and the year-by-year table', () => {
    expect(md).toContain('# Service vacuum over time 2010–2013');
    expect(md).toContain('**A vacuum opened in 1 of 2 ranked regions; 1 is still open in 2013.**');
    // scale 8: 0 → ▁, 4 → 3.5 → ▅, 8 → █, 6 → 5.25 → ▇
    expect(md).toContain('| 1 | \\=Alpha \\| north (A) | `▁▅█▇` | 2011 | 8.0 | 2012 | 6.0 | yes | `carried_forward`, `interpolated` |');
    expect(md).toContain('| 2 | Beta (B) | `··▁▁` | – | 0.0 | – | 0.0 | no |  |');
    expect(md).toContain('| Region | 2010 | 2011 | 2012 | 2013 |');
    expect(md).toContain('| Beta (B) | – | – | 0.0 | 0.0 |');
    expect(md).toContain('- B: 2010 (population), 2011 (population)');
    expect(md).toContain('- C: beds\\_to');
  });
});

describe('trend table', () => {
  let context: TrendRenderContext;
  let text: string;
  beforeAll(() => {
    context = renderContext();
    text = renderTrendTable(REPORT, context);
  });

  it('shows sparklines, the legends and no colour when off', () => {
    expect(text).not.toContain('\u001b[');
    expect(text).toContain('▁▅█▇');
    expect(text).toContain('··▁▁');
    expect(text).toContain('8.0 (2012)');
    expect(text).toContain('Sparkline: one character per year; ▁ no vacuum, ▂–█ up to 8.0 per 100k');
    expect(text).toContain('CF = carried_forward');
    expect(text).toContain('IP = interpolated');
    expect(text).toContain('Service vacuum over time 2010–2013: 2 regions ranked; a vacuum opened in 1, 1 still open in 2013');
    expect(text).toContain('  B: 2010 (population), 2011 (population)');
  });

  it('in pieces (the command line writes it so): the bytes of the whole text', () => {
    expectPiecesOfText([...renderTrendTablePieces(REPORT, context)], text);
  });

  it('a --top slice says so; colour only when asked', () => {
    const top = renderTrendTable({ ...REPORT, regions: [A] }, context);
    expect(top).toContain('Showing the top 1 of 2 ranked regions.');
    expect(renderTrendTable(REPORT, { ...context, color: true })).toContain('\u001b[');
  });
});

// The trend page (issue 19) under SPEC §8: a region whose community is a 0 given by the user is
// drawn apart (dotted, captioned, in the legend); warnings and plausibility notices apart; the page
// ends with "Method and sources" and the run's provenance.
describe('trend html', () => {
  let context: TrendRenderContext;
  let html: string;
  beforeAll(() => {
    context = renderContext();
    const notReported: TrendRegion = { ...B, years: B.years.map((y) => ({ ...y, flags: ['no_community_data'] })) };
    const report: TrendReport = {
      ...REPORT,
      regions: [A, notReported],
      warnings: [...REPORT.warnings, { file: 'services.csv', line: null, message: 'FACT in A changes by a factor 5 from 2011 to 2012', kind: 'plausibility' }],
    };
    html = renderTrendHtml(report, { ...context, summary: summarizeTrend(report) });
  });
  const figure = (region: string) => new RegExp(`<figure class="panel" data-region="${region}">[^]*?</figure>`).exec(html)![0];

  it('a region with no community data reported is dotted and says so; the others are drawn as before', () => {
    expect(figure('B')).toContain('<path class="line not-reported"');
    expect(figure('B')).toContain('stroke-dasharray="1 3"');
    expect(figure('B')).toContain('(community data not reported: counted as 0 on the user’s word)</title>');
    expect(figure('B')).toContain('<figcaption class="not-reported">no community data reported: counted as 0 on the user’s word</figcaption>');
    expect(figure('A')).not.toContain('not-reported');
    expect(figure('A')).not.toContain('stroke-dasharray="1 3"');
    expect(html).toContain('<li>dotted line: no community data reported (counted as 0 on the user’s word, not measured)</li>');
    // without such a region, no legend entry
    expect(renderTrendHtml(REPORT, context)).not.toContain('dotted line');
  });

  it('warnings and plausibility notices apart, then Method and sources with the run’s provenance', () => {
    const warnings = /<section id="warnings"[^]*?<\/section>/.exec(html)![0];
    const notices = /<section id="notices"[^]*?<\/section>/.exec(html)![0];
    expect(warnings).toContain('&quot;X&quot; has no figures in the data');
    expect(warnings).not.toContain('factor 5');
    expect(notices).toContain('FACT in A changes by a factor 5 from 2011 to 2012');
    const method = /<section id="provenance"[^]*?<\/section>/.exec(html)![0];
    expect(method).toContain('<h2 id="provenance-title">Method and sources</h2>');
    expect(method).toContain('<h3>This report</h3><dl class="method">');
    expect(method).toContain('servicegap 0.1.0');
    expect(method).toContain('missing is not zero');
  });
});
