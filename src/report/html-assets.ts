// The HTML report's inline style sheet, its one inline script, and the Content-Security-Policy
// that lets the page load nothing at all: no network, no fonts, no images but data: URLs, and no
// script but this one (allowed by its SHA-256 hash, so an injected <script> could not run even if
// escaping failed).
import { createHash } from 'node:crypto';
import { COLOURS } from './html-charts.js';
import { BAND_COLOURS } from './html-coverage.js';

/** System fonts only: nothing is fetched, and every script a region name may use has a font. */
export const STYLE = `
:root { color-scheme: light; --text: #1a1a1a; --muted: #595959; --rule: #d9d9d9; --band: #f4f4f4; --accent: ${COLOURS.community}; --vacuum: ${COLOURS.vacuum}; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 1080px; padding: 24px 28px 48px; color: var(--text); background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans Arabic", "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.7rem; line-height: 1.2; margin: 0 0 4px; }
h2 { font-size: 1.25rem; margin: 36px 0 8px; padding-top: 12px; border-top: 1px solid var(--rule); }
h3 { font-size: 1rem; margin: 0 0 2px; }
p { margin: 6px 0; max-width: 78ch; }
.sources li { overflow-wrap: anywhere; }
a { color: var(--accent); }
.subtitle { color: var(--muted); margin: 0; }
.code { color: var(--muted); font-weight: normal; font-size: 0.85em; white-space: nowrap; }
.notice { border-left: 4px solid #E69F00; background: #fff8e6; padding: 8px 12px; margin: 14px 0; }
.figures { display: flex; flex-wrap: wrap; gap: 12px; margin: 18px 0 8px; padding: 0; }
.figures div { flex: 1 1 180px; background: var(--band); border-radius: 6px; padding: 10px 14px; }
.figures dt { color: var(--muted); font-size: 0.85rem; }
.figures dd { margin: 0; font-size: 1.45rem; font-weight: 600; }
.largest { margin: 8px 0 0; padding-left: 1.4em; }
.largest li { margin: 2px 0; }
figure { margin: 12px 0; }
figcaption, .caption { color: var(--muted); font-size: 0.88rem; }
svg.chart { display: block; max-width: 100%; height: auto; }
svg.bar-chart, svg.breakdown, svg.trend { width: 100%; }
.chart text { font-family: inherit; font-size: 12px; fill: var(--text); }
.chart .tick { font-size: 11px; fill: var(--muted); }
.chart .axis-title { font-size: 11px; fill: var(--muted); }
.chart .row-label { fill: var(--muted); }
.chart .grid { stroke: var(--rule); stroke-width: 1; }
.chart .baseline, .chart .tick-mark { stroke: var(--muted); stroke-width: 1; }
.chart .seg { stroke: #fff; stroke-width: 1; }
.panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(380px, 100%), 1fr)); gap: 14px 24px; margin: 12px 0; }
.panels.small { grid-template-columns: repeat(auto-fill, minmax(min(260px, 100%), 1fr)); }
.panel { margin: 0; padding: 10px 12px; border: 1px solid var(--rule); border-radius: 6px; break-inside: avoid; }
.parts { font-size: 0.82rem; color: var(--muted); margin: 4px 0 0; }
.parts span { margin-right: 10px; }
.parts span.part { white-space: nowrap; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 6px 0; padding: 0; list-style: none; font-size: 0.88rem; }
.legend li { display: flex; align-items: center; gap: 4px; }
.swatch { flex: none; }
.dot { display: inline-block; width: 9px; height: 9px; margin-right: 3px; vertical-align: baseline; }
.dot.hollow { box-sizing: border-box; border: 1.5px dashed var(--muted); background: transparent; }
.not-reported { font-style: italic; }
code.hash { font-size: 0.8em; word-break: break-all; }
dl.method div { display: flex; gap: 8px; }
dl.method dt { font-weight: bold; min-width: 6em; }
dl.method dd { margin: 0; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: 0.8rem; margin: 8px 0; width: 100%; }
caption { text-align: left; color: var(--muted); padding: 4px 0; caption-side: top; }
th, td { padding: 4px 5px; border-bottom: 1px solid var(--rule); vertical-align: top; }
thead th { border-bottom: 2px solid var(--muted); text-align: left; vertical-align: bottom; font-weight: 600; }
tbody th { text-align: left; font-weight: 600; min-width: 8em; }
th.num, td.num { text-align: right; }
td.num { font-variant-numeric: tabular-nums; white-space: nowrap; }
tbody tr:nth-child(even) { background: #fafafa; }
th button { all: inherit; display: inline; cursor: pointer; padding: 0; border-bottom: 1px dotted var(--muted); }
th button:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
th[aria-sort="ascending"] button::after { content: "\\00a0\\25B2"; font-size: 0.7em; }
th[aria-sort="descending"] button::after { content: "\\00a0\\25BC"; font-size: 0.7em; }
td.vacuum { font-weight: 600; }
#ranked-table th, #ranked-table td { padding: 4px; }
.flag { display: inline-block; text-decoration: none; font-size: 0.78rem; padding: 0 5px; border: 1px solid var(--rule); border-radius: 3px; margin: 1px 2px 1px 0; white-space: nowrap; }
table.heatmap { width: auto; font-size: 0.85rem; }
.heatmap th, .heatmap td { padding: 6px 10px; vertical-align: middle; }
.heatmap thead th.num { text-align: center; }
.heatmap .range { font-weight: normal; color: var(--muted); font-size: 0.85em; white-space: nowrap; }
.heatmap .rank { display: inline-block; min-width: 1.4em; color: var(--muted); font-weight: normal; }
.heatmap td.index { font-weight: 600; }
.heatmap td.cov { text-align: center; min-width: 8em; border: 2px solid #fff; }
.heatmap .mark { display: inline-block; width: 1.2em; margin-left: 4px; font-size: 0.8em; }
.cov-under { background: ${BAND_COLOURS.under}; }
.cov-within { background: ${BAND_COLOURS.within}; }
.cov-above { background: ${BAND_COLOURS.above}; }
.cov-unknown { background: repeating-linear-gradient(135deg, ${BAND_COLOURS.unknown} 0 4px, #e0e0e0 4px 6px); color: var(--muted); }
.cov-key { display: inline-block; width: 24px; height: 16px; line-height: 16px; text-align: center; font-size: 10px; border: 1px solid var(--rule); }
table.norms code, table.norms th:last-child, table.norms td:last-child { white-space: nowrap; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
details summary { cursor: pointer; color: var(--accent); }
footer { margin-top: 36px; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--rule); padding-top: 8px; }
@media print {
  @page { margin: 14mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h2 { break-after: avoid; margin-top: 18px; }
  figure, .panel, tr, .figures { break-inside: avoid; }
  .panels { grid-template-columns: repeat(2, minmax(0, 1fr)); }
  .panels.small { grid-template-columns: repeat(3, minmax(0, 1fr)); }
  .table-wrap { overflow: visible; }
  table { font-size: 8pt; }
  th button { border: 0; }
  th button::after { content: none !important; }
  a { color: inherit; }
  #sort-hint, #sort-status { display: none; }
}
`;

/**
 * Sorting the ranked table by a header click. The table is complete without it (in rank order);
 * the script only turns each header into a button. Cells carry their unrounded value in
 * data-sort ("" = null, always last); ties keep rank order. A first click sorts numbers from the
 * highest, text from A, and a column with data-first (rank) that way.
 */
export const SORT_SCRIPT = `
(function () {
  'use strict';
  var table = document.getElementById('ranked-table');
  if (!table || !table.tHead || !table.tBodies[0]) return;
  var body = table.tBodies[0];
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var status = document.getElementById('sort-status');
  var hint = document.getElementById('sort-hint');
  if (hint) hint.hidden = false;
  heads.forEach(function (th, col) {
    var button = document.createElement('button');
    button.type = 'button';
    while (th.firstChild) button.appendChild(th.firstChild);
    th.appendChild(button);
    button.addEventListener('click', function () { sortBy(th, col); });
  });
  function sortBy(th, col) {
    var numeric = th.getAttribute('data-type') === 'number';
    var current = th.getAttribute('aria-sort');
    var first = th.getAttribute('data-first') || (numeric ? 'descending' : 'ascending');
    var dir = current ? (current === 'ascending' ? 'descending' : 'ascending') : first;
    var sign = dir === 'ascending' ? 1 : -1;
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[col].getAttribute('data-sort');
      var y = b.cells[col].getAttribute('data-sort');
      var c;
      if (x === '' || y === '') c = x === y ? 0 : (x === '' ? 1 : -1);
      else c = sign * (numeric ? Number(x) - Number(y) : x.localeCompare(y));
      return c || Number(a.getAttribute('data-rank')) - Number(b.getAttribute('data-rank'));
    });
    rows.forEach(function (row) { body.appendChild(row); });
    heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', dir);
    if (status) status.textContent = 'Sorted by ' + th.textContent + ', ' + dir + '.';
  }
})();
`;

/** CSP source for the inline script: its SHA-256, base64 (CSP Level 2 hash source). */
export const SORT_SCRIPT_HASH = `sha256-${createHash('sha256').update(SORT_SCRIPT, 'utf8').digest('base64')}`;

/** Nothing may load: no connections, frames, fonts, media or images but inline data: URLs. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "style-src 'unsafe-inline'",
  `script-src '${SORT_SCRIPT_HASH}'`,
  'img-src data:',
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
