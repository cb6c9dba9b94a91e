// The page map's style and script. The style sheet switches the map between its metrics with
// CSS alone (the radio buttons of section.ts, read with :has()): the chosen metric's legend is
// shown and each region is filled by its class on that metric (data-<metric>="c1"…"c5", "zero",
// "unknown", "excluded"). A browser without :has() keeps the first metric, drawn by the SVG's
// own attributes. The script only writes the figures of the region under the pointer or the
// keyboard focus into the line under the map; the map, its titles and the table work without it.
import { createHash } from 'node:crypto';
import { MAP_FILLS, PALETTES } from './choropleth.js';

/** The id of the page's map (the switch rules name its hatch pattern, the script finds it). */
export const PAGE_MAP_ID = 'map-chart';

/** Each map metric's palette, by metric id (section.ts builds the metrics with the same ones). */
export const METRIC_PALETTES: Readonly<Record<string, readonly string[]>> = {
  vacuum: PALETTES.orangeRed,
  coverage: PALETTES.purpleBlue,
  'rate-drop': PALETTES.yellowBrown,
};

function switchRules(): string {
  const rules: string[] = [];
  for (const [id, palette] of Object.entries(METRIC_PALETTES)) {
    const on = `.map-section:has(#map-show-${id}:checked)`;
    rules.push(`${on} .map-legend { display: none; }`, `${on} .map-legend-${id} { display: block; }`);
    palette.forEach((colour, i) => rules.push(`${on} svg.map .region[data-${id}="c${i + 1}"] { fill: ${colour}; }`));
    rules.push(
      `${on} svg.map .region[data-${id}="zero"] { fill: ${MAP_FILLS.zero}; }`,
      `${on} svg.map .region[data-${id}="unknown"], ${on} svg.map .region[data-${id}="excluded"] { fill: url(#${PAGE_MAP_ID}-hatch); }`,
    );
  }
  return rules.join('\n');
}

export const MAP_STYLE = `
svg.map { width: 100%; }
svg.map .region:hover { stroke: #1a1a1a; stroke-width: 1.5; }
svg.map .region:focus { outline: none; stroke: #1a1a1a; stroke-width: 2.5; }
svg.map .region:focus-visible { outline: none; stroke: #1a1a1a; stroke-width: 2.5; }
svg.map .legend-title { font-size: 12px; fill: #595959; }
.map-legend-title { margin: 4px 0 0; color: #595959; font-size: 0.85rem; }
.map-key { display: inline-block; width: 28px; height: 14px; border: 1px solid #d0d0d0; vertical-align: middle; margin-right: 4px; }
.map-key-zero { background: ${MAP_FILLS.zero}; }
.map-key-unknown { background: repeating-linear-gradient(135deg, #ffffff 0 2px, ${MAP_FILLS.hatchLine} 2px 4px, #ffffff 4px 6px); }
.map-key-context { background: ${MAP_FILLS.context}; }
.map-key-not-reported { background: #ffffff; border: 1px dashed #1a1a1a; }
.map-legend .count { color: #595959; font-size: 0.85em; }
.map-switch { border: 0; padding: 0; margin: 10px 0 4px; display: flex; flex-wrap: wrap; align-items: center; gap: 4px 18px; }
.map-switch legend { float: left; font-weight: 600; padding: 0; margin-right: 6px; }
.map-switch label { cursor: pointer; white-space: nowrap; }
.map-info { display: block; min-height: 1.5em; color: #1a1a1a; font-weight: 600; font-size: 0.9rem; }
.map-table summary { margin: 6px 0; }
${switchRules()}
@media print { .map-switch, .map-info { display: none; } }
`;

export const MAP_SCRIPT = `
(function () {
  'use strict';
  var info = document.getElementById('map-info');
  var map = document.getElementById('${PAGE_MAP_ID}');
  if (!info || !map) return;
  info.hidden = false;
  info.textContent = 'Point at a region, or move to it with the Tab key, to read its figures here.';
  function show(event) {
    var t = event.target;
    if (t && t.getAttribute && t.getAttribute('class') === 'region') info.textContent = t.getAttribute('aria-label');
  }
  map.addEventListener('focusin', show);
  map.addEventListener('mouseover', show);
})();
`;

/** CSP source for the map script: its SHA-256, base64. */
export const MAP_SCRIPT_HASH = `sha256-${createHash('sha256').update(MAP_SCRIPT, 'utf8').digest('base64')}`;
