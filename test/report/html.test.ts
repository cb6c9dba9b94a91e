// The HTML renderer (issue 4), checked on its text: escaping, no network, every ranked region in
// every chart and in the table, accessibility hooks, determinism. The same page is opened in a
// real browser by test/e2e/html-browser.test.ts.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { summarize } from '../../src/core/summary.js';
import type { Report } from '../../src/core/report-schema.js';
import { CONTENT_SECURITY_POLICY, SORT_SCRIPT } from '../../src/report/html-assets.js';
import { breakdownDomain, textDirection } from '../../src/report/html-charts.js';
import { renderHtml, renderHtmlPieces } from '../../src/report/html.js';
import { htmlPage, htmlPageTexts, type HtmlSection } from '../../src/report/html-page.js';
import type { RenderContext } from '../../src/report/render-context.js';
import { resolveNorms } from '../../src/core/norms.js';
import { BAND_COLOURS } from '../../src/report/html-coverage.js';
import { NOTICE, sampleContext, sampleCoverageView, sampleDetails, sampleReport } from './sample-report.js';
import { expectPiecesOfText } from '../helpers/pieces.js';

const count = (text: string, pattern: RegExp) => (text.match(new RegExp(pattern.source, 'g')) ?? []).length;

function render(report: Report = sampleReport(), overrides: Partial<RenderContext> = {}): string {
  return renderHtml(
    report,
    sampleContext({ details: sampleDetails(), coverage: sampleCoverageView(), summary: summarize(report), ...overrides }),
  );
}

/** A report whose names, reasons and warnings try to break out of the page. */
function hostileReport(): Report {
  const report = sampleReport();
  report.regions[0]!.name = '<script>alert(1)</script>';
  report.regions[1]!.name = `"quotes" & 'apostrophes'`;
  report.regions[2]!.region = 'X"><img src=x onerror=alert(2)>';
  report.excluded = [{ region: '<b>SE-25</b>', reason: 'population <i>unknown</i>' }];
  report.warnings = [{ file: 'services.csv', line: 3, message: '<iframe src="https://evil.example/">' }];
  return report;
}

describe('renderHtml: one self-contained page', () => {
  let html: string;
  beforeAll(() => {
    html = render();
  });

  it('is a complete HTML document with the period in the title', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Service vacuum 2018–2022</title>');
    expect(html.endsWith('</html>\n')).toBe(true);
  });

  it('fetches nothing: no src, no stylesheet link, no CSS url() or @import, no external href', () => {
    expect(html).not.toMatch(/\ssrc\s*=/i);
    expect(html).not.toMatch(/<link\b/i);
    // url(#id) points into the page itself (the map's hatch pattern); any other url() could fetch.
    expect(html).not.toMatch(/url\((?!#[\w-]+\))/i);
    expect(html).not.toMatch(/@import/i);
    expect(html).not.toMatch(/<(iframe|object|embed|img|video|audio|source|base)\b/i);
    // No address outside the file at all (the sample's provenance cites no URL).
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/\/\/[a-z0-9.-]+\.[a-z]{2,}\//i);
    // Links only within the page.
    for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^#/);
  });

  it('has a Content-Security-Policy that forbids every request and allows only its own script', () => {
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY.replace(/'/g, '&#39;')}">`);
    expect(CONTENT_SECURITY_POLICY).toMatch(/^default-src 'none'; /);
    expect(CONTENT_SECURITY_POLICY).toContain('img-src data:');
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    const hash = createHash('sha256').update(scripts[0]![1]!, 'utf8').digest('base64');
    expect(CONTENT_SECURITY_POLICY).toContain(`script-src 'sha256-${hash}'`);
    expect(scripts[0]![1]).toBe(SORT_SCRIPT);
  });

  it('is deterministic: the same input gives the same bytes', () => {
    expect(render()).toBe(html);
  });

  it('has a headline: the period, the regions with a vacuum, the total, the three largest per 100k', () => {
    expect(html).toContain('3 of 5 ranked regions have a service vacuum: 44 bed-equivalents of care capacity lost between 2018 and 2022');
    expect(html).toContain('<dt>Period</dt><dd>2018–2022</dd>');
    expect(html).toContain('<dt>Regions with a vacuum</dt><dd>3 of 5</dd>');
    expect(html).toContain('<dt>Total vacuum</dt><dd>44 bed-eq.</dd>');
    const largest = html.match(/<ol class="largest">([\s\S]*?)<\/ol>/)![1]!;
    expect(count(largest, /<li>/)).toBe(3);
    expect(largest.indexOf('Pohjois-Pohjanmaa')).toBeLessThan(largest.indexOf('=HYPERLINK'));
    expect(largest).toContain('<strong>8.3</strong> per 100,000 (40 bed-equivalents)');
  });

  it('draws one bar per ranked region, in rank order, with its name and rounded value', () => {
    const chart = html.match(/<svg class="chart bar-chart"[\s\S]*?<\/svg>/)![0];
    expect(count(chart, /<rect class="bar"/)).toBe(5);
    const order = [...chart.matchAll(/<g class="bar-row" data-region="([^"]*)"/g)].map((m) => m[1]);
    expect(order).toEqual(['FI-17', 'ZZ-1', 'NO-15', 'EG-C', 'NO-42']);
    expect(chart).toContain('>Pohjois-Pohjanmaa</text>');
    expect(chart).toContain('>8.3</text>');
    expect(chart).toContain('>0.0</text>');
  });

  it('draws a breakdown panel per region: beds, community by category, net', () => {
    const panels = [...html.matchAll(/<svg class="chart breakdown"[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    expect(panels).toHaveLength(5);
    const first = panels[0]!;
    expect(first).toContain('<rect class="seg seg-beds"');
    expect(first).toContain('<rect class="seg seg-crisis"');
    expect(first).toContain('<rect class="seg seg-supported_living"');
    expect(first).not.toContain('seg-peer_support'); // weight 0, no change: not drawn …
    expect(html).toContain('no change in bed-equivalents: peer support'); // … but named
    expect(first).toContain('<rect class="seg seg-net"');
    expect(first).toContain('-40 (vacuum)');
    // The text alternative says what the bars show.
    expect(first).toMatch(/<desc id="chart-breakdown-1-desc">Institutional beds -60\. Community capacity \+20 bed-equivalents: crisis \+8, supported living \+12\. Net change -40: a vacuum of 40 bed-equivalents\.<\/desc>/);
  });

  it('draws a line chart per region when the period has more than two years, and none otherwise', () => {
    expect(count(html, /<svg class="chart trend"/)).toBe(5);
    expect(count(html, /<path class="line line-beds"/)).toBe(4); // NO-42 has no bed stock
    expect(count(html, /<path class="line line-community"/)).toBe(5);
    expect(html).not.toContain('only community capacity is drawn');
    const two = renderHtml(sampleReport(), sampleContext({ details: sampleDetails([2018, 2022]) }));
    expect(two).not.toContain('class="chart trend"');
    expect(two).not.toContain('id="trends"');
  });

  it('every chart has role="img" and a title and description it is labelled by', () => {
    const svgs = [...html.matchAll(/<svg class="chart[^"]*" id="([^"]+)"[^>]*>/g)];
    expect(svgs.length).toBe(1 + 5 + 5);
    for (const [tag, id] of svgs) {
      expect(tag).toContain('role="img"');
      expect(tag).toContain(`aria-labelledby="${id}-title ${id}-desc"`);
      expect(html).toContain(`<title id="${id}-title">`);
      expect(html).toContain(`<desc id="${id}-desc">`);
    }
    // Ids are unique.
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has the full ranked table, one row per region, with unrounded sort keys', () => {
    const table = html.match(/<table id="ranked-table"[\s\S]*?<\/table>/)![0];
    expect(count(table, /<tr data-rank=/)).toBe(5);
    expect(count(table, /<th scope="col"/)).toBe(16);
    expect(table).toContain('<th scope="col" data-type="number" class="num" aria-sort="ascending" data-first="ascending">Rank</th>');
    expect(table).toContain('data-sort="8.281573498964804">8.3</td>');
    // A null sorts as "", shown as an en dash.
    expect(table).toMatch(/data-sort="">–<\/td>/);
    // The table is complete without the script: no button in the markup, the hint hidden.
    expect(table).not.toContain('<button');
    expect(html).toContain('<span id="sort-hint" hidden>');
  });

  it('has a sortable coverage index column: a whole percentage, sorted by the unrounded value, null as "–"', () => {
    const table = html.match(/<table id="ranked-table"[\s\S]*?<\/table>/)![0];
    expect(table).toContain('<th scope="col" data-type="number" class="num">Coverage index</th>');
    // Column 15 of 16, before the flags, in every row.
    const heads = [...table.matchAll(/<th scope="col"[^>]*>([^<]*)<\/th>/g)].map((m) => m[1]);
    expect(heads.slice(-2)).toEqual(['Coverage index', 'Flags']);
    const rows = [...table.matchAll(/<tr data-rank="\d+" data-region="([^"]*)">([\s\S]*?)<\/tr>/g)];
    const indexCell = (row: string) => [...row.matchAll(/<t[dh][^>]*data-sort="([^"]*)">([^<]*)/g)].map((m) => [m[1], m[2]])[14];
    expect(rows.map((r) => indexCell(r[2]!))).toEqual([
      ['0.6234', '62%'],
      ['1', '100%'],
      ['0.845', '85%'],
      ['', '–'],
      ['0.5', '50%'],
    ]);
    expect(html).toContain('the coverage index against the planning norms at 2022 as a whole percentage (see <a href="#coverage">Coverage</a>)');
  });

  it('lists excluded regions, warnings, weights with sources, and provenance', () => {
    expect(html).toMatch(/<section id="excluded"[\s\S]*SE-25<\/bdi>: population at 2022 unknown/);
    expect(html).toContain('services.csv:7: dropped the unmapped service &quot;a|b&quot;');
    expect(html).toContain('beds.csv: no rows for 2019');
    const weights = html.match(/<section id="weights"[\s\S]*?<\/section>/)![0];
    expect(weights).toContain('CRHT: 20–30 patients at a time');
    expect(weights).toContain('<caption>Weights of the services in this data.</caption>');
    expect(weights).toMatch(/<details><summary>The other \d+ weights in force<\/summary>/);
    expect(html).toContain(`<p class="notice" role="note">${NOTICE}</p>`);
    expect(html).toContain('<strong>Dataset:</strong> Sample (partly illustrative');
  });

  it('says when only the top N of the ranking is shown', () => {
    const report = sampleReport();
    const top = renderHtml({ ...report, regions: report.regions.slice(0, 2) }, sampleContext({ details: sampleDetails() }));
    expect(top).toContain('Showing the top 2 of 5 ranked regions.');
    expect(count(top, /<rect class="bar"/)).toBe(2);
    expect(count(top, /<tr data-rank=/)).toBe(2);
    expect(count(top, /<svg class="chart breakdown"/)).toBe(2);
  });

  it('renders without details (library use): no per-region charts, and says so', () => {
    const plain = renderHtml(sampleReport(), sampleContext());
    expect(count(plain, /<rect class="bar"/)).toBe(5);
    expect(plain).not.toContain('class="chart breakdown"');
    expect(plain).toContain('rendered without per-region details');
  });

  it('handles an empty ranking', () => {
    const empty: Report = { ...sampleReport(), regions: [] };
    const page = renderHtml(empty, sampleContext({ summary: summarize(empty), details: sampleDetails() }));
    expect(page).toContain('No region could be ranked.');
    expect(count(page, /<rect class="bar"/)).toBe(0);
  });
});

describe('renderHtml: coverage against planning norms', () => {
  let html: string;
  let section: string;
  let grid: string;
  let rows: RegExpMatchArray[];
  beforeAll(() => {
    html = render();
    section = html.match(/<section id="coverage"[\s\S]*?<\/section>/)![0];
    grid = section.match(/<table id="coverage-heatmap"[\s\S]*?<\/table>/)![0];
    rows = [...grid.matchAll(/<tr data-region="([^"]*)">([\s\S]*?)<\/tr>/g)];
  });
  const cells = (row: string) =>
    [...row.matchAll(/<td class="num cov cov-(\w+)" data-norm="([^"]*)" data-band="(\w+)"><span class="pct">([^<]*)<\/span>(?:<span class="mark" aria-hidden="true">([^<]*)<\/span>)?<span class="visually-hidden"> ([^<]*)<\/span><\/td>/g)].map(
      (m) => ({ cls: m[1], norm: m[2], band: m[3], text: m[4], mark: m[5] ?? '', words: m[6] }),
    );

  it('comes after the vacuum bar chart, before the per-region panels, with its heading', () => {
    expect(section).toContain('<h2 id="coverage-title">Coverage against planning norms</h2>');
    expect(html.indexOf('id="ranking"')).toBeLessThan(html.indexOf('id="coverage"'));
    expect(html.indexOf('id="coverage"')).toBeLessThan(html.indexOf('id="replacement"'));
  });

  it('has one row per region shown, in the report’s rank order (not the coverage ranking’s)', () => {
    const gridOrder = sampleCoverageView().heatmap.rows.map((r) => r.region);
    expect(gridOrder).not.toEqual(['FI-17', 'ZZ-1', 'NO-15', 'EG-C', 'NO-42']); // the fixture is in another order
    expect(rows.map((r) => r[1])).toEqual(['FI-17', 'ZZ-1', 'NO-15', 'EG-C', 'NO-42']);
    expect(rows[0]![2]).toContain('<th scope="row"><span class="rank">1</span><bdi>Pohjois-Pohjanmaa</bdi> <span class="code">FI-17</span></th>');
  });

  it('has a column per norm in force, named with its range', () => {
    const heads = [...grid.matchAll(/<th scope="col"[^>]*>([\s\S]*?)<\/th>/g)].map((m) => m[1]);
    expect(heads).toEqual([
      'Region',
      'Coverage index',
      '<code>psychiatric_beds</code><br><span class="range">28.1–41.7 per 100k</span>',
      '<code>supported_living</code><br><span class="range">10–20 per 100k</span>',
      '<code>crisis_teams</code><br><span class="range">0.667 per 100k</span>',
    ]);
  });

  it('fills regions × norms cells: the percentage, a mark and the band in words, coloured by band', () => {
    expect(count(grid, /<td class="num cov /)).toBe(5 * 3);
    for (const [, , row] of rows) expect(cells(row!).map((c) => c.norm)).toEqual(['psychiatric_beds', 'supported_living', 'crisis_teams']);
    const table = rows.map((r) => cells(r[2]!).map((c) => `${c.text}${c.mark} ${c.band}`));
    expect(table).toEqual([
      ['74%▼ under', '124%● within', '124%▲ above'],
      ['100%● within', '100%▼ under', '99%▼ under'], // 99.6 % shows as 100%: the mark and the words say it is under
      ['161%▲ above', '75%▼ under', '57%▼ under'],
      ['– unknown', '– unknown', '– unknown'],
      // 2 teams for 300,000 people is exactly one per 150,000: the exact norm (SPEC §4) is met
      ['– unknown', '150%● within', '100%● within'],
    ]);
    for (const [, , row] of rows) {
      for (const c of cells(row!)) {
        expect(c.cls).toBe(c.band);
        expect(c.words).toBe({ under: 'under the low end', within: 'within the range', above: 'above the high end', unknown: 'unknown' }[c.band!]);
      }
    }
    // Each band's fill is in the style sheet; the unknown band is hatched as well.
    for (const band of ['under', 'within', 'above'] as const) expect(html).toContain(`.cov-${band} { background: ${BAND_COLOURS[band]}; }`);
    expect(html).toMatch(/\.cov-unknown \{ background: repeating-linear-gradient\(/);
  });

  it('shows each region’s coverage index from the grid, null as "–"', () => {
    const index = rows.map((r) => r[2]!.match(/<td class="num index">([^<]*)<\/td>/)![1]);
    // FI-17: (0.737 + 1 + 1) / 3; ZZ-1: (1 + 0.996 + 0.989) / 3; NO-15: (1 + 0.75 + 0.566) / 3; NO-42: (1 + 0.9995) / 2.
    expect(index).toEqual(['91%', '100%', '77%', '–', '100%']);
  });

  it('has a legend, says what coverage means, explains unknown cells, and lists the norms with ranges and sources', () => {
    expect(section).toContain('<ul class="legend" aria-label="Legend">');
    expect(section).toContain('<span class="cov-key cov-under" aria-hidden="true">▼</span>under the low end');
    expect(section).toContain('<span class="cov-key cov-unknown" aria-hidden="true">–</span>unknown (left out of the index)');
    expect(section).toContain('Norms are planning references, not entitlements');
    expect(section).toContain('100% is exactly the low end');
    expect(section).toContain('– = unknown at 2022: the norm counts institutional beds');
    const norms = section.match(/<table class="norms">[\s\S]*?<\/table>/)![0];
    expect(count(norms, /<tbody>|<tr><td>/)).toBe(1 + 3);
    expect(norms).toContain('<tr><td><code>psychiatric_beds</code></td><td>beds.csv beds + service beds of general_hospital, crisis and cmhc</td><td class="num">28.1–41.7</td><td>beds</td>');
    expect(norms).toContain('Hudson 2021: need of 34.9 (28.1–41.7) psychiatric beds per 100k with optimal community care');
    expect(norms).toContain('CRHT policy guide: one team per 150,000 people');
  });

  it('respects --top: only the regions shown', () => {
    const report = sampleReport();
    const top = render({ ...report, regions: report.regions.slice(0, 2) }, { summary: summarize(report) });
    const topGrid = top.match(/<table id="coverage-heatmap"[\s\S]*?<\/table>/)![0];
    expect([...topGrid.matchAll(/<tr data-region="([^"]*)">/g)].map((m) => m[1])).toEqual(['FI-17', 'ZZ-1']);
    expect(count(topGrid, /<td class="num cov /)).toBe(2 * 3);
    expect(topGrid).toContain('Showing the top 2 of 5 ranked regions.');
  });

  it('shows a region the grid lacks as unknown in every norm; no unknown cell, no note about them', () => {
    const missing = render(sampleReport(), { coverage: sampleCoverageView(['FI-17']) });
    const row = missing.match(/<tr data-region="FI-17">([\s\S]*?)<\/tr>/g)!.find((r) => r.includes('cov-'))!;
    expect(count(row, /data-band="unknown"/)).toBe(3);
    expect(row).toContain('<td class="num index">62%</td>'); // the report's own index
    const known = render({ ...sampleReport(), regions: sampleReport().regions.slice(0, 3) });
    expect(known).not.toContain('data-band="unknown"');
    expect(known).not.toContain('= unknown at 2022');
  });

  it('renders without coverage (library use), and says coverage was not computed', () => {
    const plain = renderHtml(sampleReport(), sampleContext());
    expect(plain).toContain('<h2 id="coverage-title">Coverage against planning norms</h2>');
    expect(plain).toContain('Coverage against planning norms was not computed for this page');
    expect(plain).not.toContain('id="coverage-heatmap"');
    expect(count(plain, /<tr data-rank=/)).toBe(5); // the ranked table, with its index column, is still there
  });

  it('says so when the config drops every norm', () => {
    const none = render(sampleReport(), { coverage: { heatmap: { norms: [], rows: [] }, norms: resolveNorms({ norms: { psychiatric_beds: false, supported_living: false, crisis_teams: false } }) } });
    expect(none).toContain('No planning norm is in force');
    expect(none).not.toContain('id="coverage-heatmap"');
  });
});

/** The sample's coverage plus a norm whose name, measure label, unit and source are markup. */
function hostileCoverage() {
  const view = sampleCoverageView();
  // resolveNorms refuses such a name (a config is checked as the CLI checks it), so the norm is
  // added to the table directly: the renderer must escape whatever a NormTable holds.
  const norms = [
    ...resolveNorms(),
    {
      norm: '<b>n</b>',
      description: 'crisis teams',
      unitLabel: '"u" & <i>',
      includesInstitutionalBeds: false,
      measures: [{ category: 'crisis' as const, unit: 'teams' as const }],
      low: 1,
      high: 2,
      source: '<script>alert(5)</script>',
      origin: 'config' as const,
    },
  ];
  const rows = view.heatmap.rows.map((r) => ({ ...r, cells: [...r.cells, { norm: '<b>n</b>', coverage: 0.5, band: 'under' as const }] }));
  return { heatmap: { norms: [...view.heatmap.norms, '<b>n</b>'], rows }, norms };
}

describe('renderHtml: escaping', () => {
  let html: string;
  beforeAll(() => {
    html = render(hostileReport(), {
      coverage: hostileCoverage(),
      provenance: {
        title: 'T <script>x</script>',
        illustrative: false,
        notice: 'n & <b>',
        sources: [
          { name: 'Source "A" <a>', url: 'https://example.org/a?b=1&c=2', licence: "it's <free>", used_for: 'beds.csv' },
          { name: 'Evil', url: 'javascript:alert(3)' },
          { name: 'Quoted', url: 'https://example.org/"onmouseover=alert(4)' },
        ],
      },
    });
  });

  it('shows a <script> name as text, never as markup', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
    expect(count(html, /<script\b/)).toBe(1); // the sort script only
    expect(html).not.toMatch(/<img\b/);
    expect(html).not.toMatch(/<iframe\b/);
    expect(html).not.toMatch(/<b>|<i>/);
  });

  it('escapes quotes and ampersands in text and attributes', () => {
    expect(html).toContain('&quot;quotes&quot; &amp; &#39;apostrophes&#39;');
    expect(html).not.toContain(`"quotes" & 'apostrophes'`);
    expect(html).toContain('data-region="X&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"');
    expect(html).toContain('&lt;iframe src=&quot;https://evil.example/&quot;&gt;');
  });

  it('escapes names, norms and sources in the coverage heatmap', () => {
    const section = html.match(/<section id="coverage"[\s\S]*?<\/section>/)![0];
    expect(section).toContain('<th scope="row"><span class="rank">1</span><bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi>');
    expect(section).toContain('<tr data-region="X&quot;&gt;&lt;img src=x onerror=alert(2)&gt;">');
    expect(section).toContain('<th scope="col" class="num"><code>&lt;b&gt;n&lt;/b&gt;</code><br><span class="range">1–2 per 100k</span></th>');
    expect(section).toContain('data-norm="&lt;b&gt;n&lt;/b&gt;" data-band="under"');
    expect(section).toContain('<td>&quot;u&quot; &amp; &lt;i&gt;</td><td>&lt;script&gt;alert(5)&lt;/script&gt;</td>');
    // The region whose code changed is not in the grid: unknown in every norm.
    const row = section.match(/<tr data-region="X&quot;[\s\S]*?<\/tr>/)![0];
    expect(count(row, /data-band="unknown"/)).toBe(4);
  });

  it('links a source only when its address is http(s), escaped; other addresses are text', () => {
    expect(html).toContain('<a href="https://example.org/a?b=1&amp;c=2" rel="noreferrer noopener">');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('javascript:alert(3)');
    expect(html).toContain('https://example.org/&quot;onmouseover=alert(4)');
    expect(count(html, /<a href=/)).toBe(1 + 2); // the source, and the in-page links to coverage and the method
    expect(html).toContain('Source &quot;A&quot; &lt;a&gt;');
    expect(html).toContain('it&#39;s &lt;free&gt;');
  });
});

describe('right-to-left names', () => {
  let html: string;
  beforeAll(() => {
    html = render();
  });

  it('are isolated with <bdi> in the text, and laid out right to left in the SVG labels', () => {
    expect(html).toContain('<bdi>القاهرة</bdi>');
    expect(html).toMatch(/<text class="label"[^>]*text-anchor="start" direction="rtl" unicode-bidi="embed">القاهرة<\/text>/);
    expect(html).toMatch(/<text class="label"[^>]*text-anchor="end">Pohjois-Pohjanmaa<\/text>/);
  });

  it('textDirection follows the first strong letter', () => {
    expect(textDirection('القاهرة')).toBe('rtl');
    expect(textDirection('תל אביב')).toBe('rtl');
    expect(textDirection('12 القاهرة')).toBe('rtl');
    expect(textDirection('Oslo القاهرة')).toBe('ltr');
    expect(textDirection('123')).toBe('ltr');
  });
});

describe('breakdownDomain', () => {
  it('spans every panel’s bars, always including 0', () => {
    const report = sampleReport();
    const details = sampleDetails();
    const inputs = report.regions.map((region) => ({ region, categories: details.regions.get(region.region)!.categories }));
    // Lowest: FI-17's bed change -60; highest: NO-42's community gain 35 (stacked 14 + 21).
    expect(breakdownDomain(inputs)).toEqual([-60, 35]);
    expect(breakdownDomain([])).toEqual([0, 1]);
  });
});

describe('an events beds file', () => {
  it('draws only community lines over time, and says why', () => {
    const details = sampleDetails();
    const noBeds = new Map([...details.regions].map(([k, d]) => [k, { ...d, series: d.series.map((p) => ({ ...p, beds: null })) }]));
    const html = render(sampleReport(), { details: { ...details, regions: noBeds } });
    expect(html).not.toContain('line-beds');
    expect(html).toContain('only community capacity is drawn');
    expect(html).toContain('Institutional bed stock not known (closure events).');
  });
});

describe('community data not reported (SPEC §8)', () => {
  let html: string;
  beforeAll(() => {
    // FI-17 counted as 0 by the user's word (no row in services.csv); ZZ-1 lacks a category others report
    const report = sampleReport();
    report.regions[0] = { ...report.regions[0]!, flags: [...report.regions[0]!.flags, 'no_community_data', 'partial_community'], categories_not_reported: ['crisis', 'supported_living'] };
    report.regions[1] = { ...report.regions[1]!, flags: [...report.regions[1]!.flags, 'partial_community'], categories_not_reported: ['outreach'] };
    html = render(report);
  });
  const panel = (id: string) => html.slice(html.indexOf(`id="${id}"`), html.indexOf('</svg>', html.indexOf(`id="${id}"`)));

  it('the trend panel of a region without community data draws crosses, not a line of measured zeros', () => {
    // 5 regions, one without community data: 4 community lines
    expect(count(html, /<path class="line line-community"/)).toBe(4);
    const fi17 = panel('chart-trend-1');
    expect(fi17).not.toContain('line-community');
    expect(count(fi17, /<path class="point not-reported"/)).toBeGreaterThan(0);
    expect(fi17).toContain('community capacity not reported (counted as 0 on the user’s word)');
    expect(html).toContain('no community data reported (counted as 0 on the user’s word, not measured)'); // the legend
  });

  it('breakdowns say which categories are not reported, the flags cell and a section list them', () => {
    expect(html).toContain('<span class="not-reported"><i class="dot hollow"></i>no community data reported: counted as 0 on the user’s word</span>');
    expect(html).toContain('<span class="not-reported"><i class="dot hollow"></i>not reported: outreach</span>');
    expect(html).toContain('title="partial_community: no row for a service category that other regions report (not reported: outreach)">PC</abbr>');
    expect(html).toContain('<section id="not-reported"');
  });
});

describe('the page in pieces (the command line writes it so)', () => {
  it('htmlPageTexts: the page as it was joined, a section given as parts the same as its text', () => {
    const parts = ['<section id="a">', '<p>é → ق</p>', '</section>'];
    const page = (sections: HtmlSection[]) => ({ title: 'T', version: '1', sections, scripts: ['x()'] });
    // The oracle: the same page with the section as one string (the way every section was given before).
    const whole = htmlPage(page(['<section id="h"></section>', '', parts.join(''), '<p>end</p>']));
    expect([...htmlPageTexts(page(['<section id="h"></section>', '', { parts: parts.values() }, '<p>end</p>']))].join('')).toBe(whole);
    expect(whole).toContain('<main>\n<section id="h"></section>\n<section id="a"><p>é → ق</p></section>\n<p>end</p>\n</main>');
  });

  it("a report of 3,000 regions with 20,000 notices: the pieces' bytes are the whole page's", () => {
    const base = sampleReport();
    const regions = Array.from({ length: 3000 }, (_, i) => ({ ...base.regions[i % base.regions.length]!, rank: i + 1, region: `R${i}`, name: `القاهرة ${i}` }));
    const notices = Array.from({ length: 20_000 }, (_, i) => ({ file: 'services.csv', line: i + 2, kind: 'plausibility' as const, message: `Østfold ${i}: 27 → 3 (×0.11)` }));
    const report: Report = { ...base, regions, warnings: [...base.warnings, ...notices] };
    const details = sampleDetails();
    const byRegion = new Map([...details.regions.values()].map((d, i) => [i, d]));
    const context = sampleContext({
      details: { ...details, regions: new Map(regions.map((r, i) => [r.region, byRegion.get(i % byRegion.size)!])) },
      coverage: sampleCoverageView(),
      summary: summarize(report),
    });
    const whole = renderHtml(report, context);
    expect(count(whole, /<figure class="panel"/)).toBe(2 * 3000);
    expectPiecesOfText([...renderHtmlPieces(report, context)], whole, { moreThan: 20, wholeCharacters: true });
  });
});
