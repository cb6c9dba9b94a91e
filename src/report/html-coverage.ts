// The HTML report's section "Coverage against planning norms" (SPEC §7): a heatmap of the regions
// shown (in the report's rank order, so --top applies) × the norms in force, then the norms with
// their ranges and sources. It is an HTML table, not a picture: each cell's text is its coverage
// as a percentage, and its background is the cell's band (core/coverage-band.ts). Colour is never
// the only cue: each cell also carries a mark (▼ under the low end, ● within the range, ▲ above
// the high end; an unknown cell shows "–" on a hatched background), and screen readers hear the
// band in words. The four band fills stay apart for protan, deutan and tritan vision (checked
// with the Machado et al. 2009 simulation; the closest pair differs by ΔE ≈ 33) and keep dark
// text at a contrast of at least 5.8:1. Every text from the data or the config is escaped.
import type { CoverageBand, CoverageCell } from '../core/coverage-band.js';
import type { Norm, NormTable } from '../core/norms.js';
import type { RankedRegion, Report } from '../core/report-schema.js';
import { regionName } from './html-charts.js';
import { formatNormRange, formatPercent, NULL_DISPLAY } from './number-format.js';
import type { CoverageView } from './render-context.js';
import { escapeHtml as h } from './safe-cell.js';

/** Cell fills per band; the unknown band is white under a grey hatching (html-assets.ts). */
export const BAND_COLOURS: Readonly<Record<CoverageBand, string>> = {
  under: '#EE8866', // orange (Paul Tol's "light" scheme)
  within: '#BBDDCC', // pale mint
  above: '#6699CC', // blue (Paul Tol's "medium-contrast" scheme)
  unknown: '#FFFFFF',
};

/** The mark in each cell, and what the band means in words. */
export const BAND_DISPLAY: Readonly<Record<CoverageBand, { mark: string; meaning: string }>> = {
  under: { mark: '▼', meaning: 'under the low end' },
  within: { mark: '●', meaning: 'within the range' },
  above: { mark: '▲', meaning: 'above the high end' },
  unknown: { mark: '', meaning: 'unknown' },
};

const UNKNOWN: CoverageCell = { norm: '', coverage: null, band: 'unknown' };

/** The norms' columns: the norms in force, in their order, then any other norm the grid has. */
function normColumns(coverage: CoverageView): string[] {
  const names = coverage.norms.map((n) => n.norm);
  for (const n of coverage.heatmap.norms) if (!names.includes(n)) names.push(n);
  return names;
}

function cellHtml(cell: CoverageCell, norm: string): string {
  const { mark, meaning } = BAND_DISPLAY[cell.band];
  return (
    `<td class="num cov cov-${cell.band}" data-norm="${h(norm)}" data-band="${cell.band}">` +
    `<span class="pct">${h(formatPercent(cell.coverage))}</span>` +
    (mark ? `<span class="mark" aria-hidden="true">${mark}</span>` : '') +
    `<span class="visually-hidden"> ${h(meaning)}</span></td>`
  );
}

/** The grid as a table, and whether any cell it shows is unknown. */
function heatmapTable(report: Report, coverage: CoverageView, shownOf: string): { html: string; anyUnknown: boolean } {
  const norms = normColumns(coverage);
  const byRegion = new Map(coverage.heatmap.rows.map((row) => [row.region, row]));
  const normInfo = new Map<string, Norm>(coverage.norms.map((n) => [n.norm, n]));
  const head =
    '<th scope="col">Region</th><th scope="col" class="num">Coverage index</th>' +
    norms
      .map((name) => {
        const n = normInfo.get(name);
        const range = n ? `<br><span class="range">${h(formatNormRange(n.low, n.high))} per 100k</span>` : '';
        return `<th scope="col" class="num"><code>${h(name)}</code>${range}</th>`;
      })
      .join('');
  let anyUnknown = false;
  const rows = report.regions.map((r: RankedRegion) => {
    const row = byRegion.get(r.region);
    const index = row ? row.coverage_index : r.coverage_index;
    const cells = norms.map((name) => {
      const cell = row?.cells.find((c) => c.norm === name) ?? UNKNOWN;
      if (cell.band === 'unknown') anyUnknown = true;
      return cellHtml(cell, name);
    });
    const name = regionName(r);
    const label =
      name === r.region ? `<bdi>${h(name)}</bdi>` : `<bdi>${h(name)}</bdi> <span class="code">${h(r.region)}</span>`;
    return (
      `<tr data-region="${h(r.region)}"><th scope="row"><span class="rank">${r.rank}</span>${label}</th>` +
      `<td class="num index">${h(formatPercent(index))}</td>${cells.join('')}</tr>`
    );
  });
  const html =
    `<div class="table-wrap" role="region" aria-labelledby="coverage-title" tabindex="0">` +
    `<table id="coverage-heatmap" class="heatmap"><caption>Coverage of each norm’s low end at ${report.to}, per region in ` +
    `rank order (as in the ranked table).${h(shownOf)}</caption>` +
    `<thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
  return { html, anyUnknown };
}

function legend(): string {
  const items = (['under', 'within', 'above'] as const).map(
    (band) =>
      `<li><span class="cov-key cov-${band}" aria-hidden="true">${BAND_DISPLAY[band].mark}</span>${h(BAND_DISPLAY[band].meaning)}</li>`,
  );
  items.push(`<li><span class="cov-key cov-unknown" aria-hidden="true">${h(NULL_DISPLAY)}</span>unknown (left out of the index)</li>`);
  return `<ul class="legend" aria-label="Legend">${items.join('')}</ul>`;
}

function normsTable(norms: NormTable): string {
  const rows = norms
    .map(
      (n) =>
        `<tr><td><code>${h(n.norm)}</code></td><td>${h(n.description)}</td><td class="num">${h(formatNormRange(n.low, n.high))}</td>` +
        `<td>${h(n.unitLabel)}</td><td>${h(n.source)}</td><td>${n.origin === 'config' ? 'config file' : 'default'}</td></tr>`,
    )
    .join('');
  return (
    `<div class="table-wrap"><table class="norms"><caption>Norms in force, per 100,000 residents.</caption><thead><tr>` +
    `<th scope="col">Norm</th><th scope="col">Measured as</th><th scope="col" class="num">Low–high per 100k</th>` +
    `<th scope="col">Unit</th><th scope="col">Source</th><th scope="col">Set by</th>` +
    `</tr></thead><tbody>${rows}</tbody></table></div>`
  );
}

/**
 * The section. Without `coverage` (a library caller that did not compute it) the section says
 * that coverage was not computed; the ranked table still has each region's coverage index.
 */
export function coverageSection(report: Report, coverage: CoverageView | undefined, ranked: number): string {
  const open =
    '<section id="coverage" aria-labelledby="coverage-title"><h2 id="coverage-title">Coverage against planning norms</h2>';
  if (coverage === undefined) {
    return (
      `${open}<p class="caption">Coverage against planning norms was not computed for this page: the report was ` +
      'rendered without the coverage grid. The ranked table still shows each region’s coverage index.</p></section>'
    );
  }
  const intro =
    `<p>What each region has at ${report.to}, per 100,000 residents, against published planning norms. ` +
    'Coverage is the region’s capacity per 100,000 divided by the low end of the norm’s range: 100% is exactly ' +
    'the low end. The coverage index is the mean over the known norms of coverage capped at 100%. ' +
    'Norms are planning references, not entitlements: coverage under 100% says a region has less than the ' +
    'reference per resident, not that anyone in particular goes without care; read it alongside the vacuum.</p>';
  if (normColumns(coverage).length === 0) {
    return `${open}${intro}<p class="caption">No planning norm is in force (the config drops them all).</p></section>`;
  }
  const shownOf = ranked > report.regions.length ? ` Showing the top ${report.regions.length} of ${ranked} ranked regions.` : '';
  const table = heatmapTable(report, coverage, shownOf);
  return (
    `${open}${intro}${legend()}${table.html}` +
    (table.anyUnknown
      ? `<p class="caption">${h(NULL_DISPLAY)} = unknown at ${report.to}: the norm counts institutional beds, and the region ` +
        'has no bed stock at or before that year (or the beds file lists closures only). An unknown norm is left out of the index.</p>'
      : '') +
    `${normsTable(coverage.norms)}</section>`
  );
}
