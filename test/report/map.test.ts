// The HTML map as text (src/report/map/): classes worked by hand, one shape per matched region
// with its class per metric, excluded and unknown regions hatched, no map without shapes, every
// text escaped; the chart files of --charts-dir.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { matchShapes } from '../../src/app/map.js';
import type { Report } from '../../src/core/report-schema.js';
import { parseGeo } from '../../src/io/geo.js';
import { chartsOfPage, fileSlug, standaloneSvg, uniqueNames } from '../../src/report/chart-files.js';
import { renderHtml } from '../../src/report/html.js';
import { MAP_SCRIPT } from '../../src/report/map/assets.js';
import { type MapMetric, mapScale } from '../../src/report/map/classes.js';
import { choropleth, excludedWords, PALETTES } from '../../src/report/map/choropleth.js';
import { type ProjectedMap, projectShapes } from '../../src/report/map/project.js';
import { reportMapMetrics, reportMapRegions, reportMapSection, standaloneMaps } from '../../src/report/map/section.js';
import type { MapShapes } from '../../src/report/map/shapes.js';
import { sampleContext, sampleCoverageView, sampleDetails, sampleReport } from './sample-report.js';

const metric = (over: Partial<MapMetric> = {}): MapMetric => ({
  id: 'vacuum',
  title: 't',
  short: 'vacuum',
  unit: 'per 100k',
  palette: PALETTES.orangeRed,
  zeroLabel: 'no vacuum',
  format: (v) => v.toFixed(1),
  ...over,
});

describe('map classes', () => {
  it('five equal classes from 0 to a round top above the largest value; 0 is its own class', () => {
    // Largest 27.1: d3's nice step for 5 classes over [0, 27.1] is 5 → top 30, classes 6 wide.
    const scale = mapScale(metric(), [27.1, 17.6, 12, 0, null, -3]);
    expect(scale.classes.map((c) => [c.lo, c.hi])).toEqual([
      [0, 6],
      [6, 12],
      [12, 18],
      [18, 24],
      [24, 30],
    ]);
    expect(scale.classes.map((c) => c.colour)).toEqual([...PALETTES.orangeRed]);
    expect(scale.bucket(27.1)).toEqual({ kind: 'class', index: 4 });
    expect(scale.bucket(17.6)).toEqual({ kind: 'class', index: 2 });
    // A class includes its lower bound: 12 is in 12–18.
    expect(scale.bucket(12)).toEqual({ kind: 'class', index: 2 });
    expect(scale.bucket(0.01)).toEqual({ kind: 'class', index: 0 });
    expect(scale.bucket(0)).toEqual({ kind: 'zero' });
    expect(scale.bucket(-3)).toEqual({ kind: 'zero' });
    expect(scale.bucket(null)).toEqual({ kind: 'unknown' });
  });

  it('a share has the classes 0–20% … 80–100%, and 0 is a value, not a class of its own', () => {
    const scale = mapScale(metric({ zeroLabel: undefined, share: true }), [0.33, 0]);
    expect(scale.classes.map((c) => c.hi)).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
    expect(scale.bucket(0)).toEqual({ kind: 'class', index: 0 });
    expect(scale.bucket(0.33)).toEqual({ kind: 'class', index: 1 });
    expect(scale.bucket(1)).toEqual({ kind: 'class', index: 4 });
  });

  it('with no vacuum anywhere the classes still run from 0 (to 1)', () => {
    expect(mapScale(metric(), [0, 0]).classes.at(-1)!.hi).toBe(1);
  });
});

/** Squares around Europe for the sample report's codes; NO-42 has none, XX-9 is no region's. */
function sampleShapes(extraLabel = 'XX-9') {
  const square = (x: number, y: number) => [
    [
      [x, y],
      [x, y + 1],
      [x + 1, y + 1],
      [x + 1, y],
      [x, y],
    ],
  ];
  const f = (code: string, x: number, y: number) => ({ type: 'Feature', properties: { code }, geometry: { type: 'Polygon', coordinates: square(x, y) } });
  const text = JSON.stringify({
    type: 'FeatureCollection',
    features: [f('FI-17', 25, 64), f('ZZ-1', 20, 50), f('NO-15', 7, 62), f('EG-C', 31, 30), f('SE-25', 20, 66), f(extraLabel, 0, 45)],
  });
  const report = sampleReport();
  const codes = [...report.regions.map((r) => r.region), ...report.excluded.map((e) => e.region)];
  return matchShapes(parseGeo(text, 'sample.json', 'code'), codes);
}

describe('choropleth', () => {
  let report: Report;
  let shapes: MapShapes;
  let map: ProjectedMap;
  let svg: string;
  let paths: string[];
  beforeAll(() => {
    report = sampleReport();
    shapes = sampleShapes();
    map = projectShapes(shapes)!;
    ({ svg } = choropleth({ id: 'm', map, regions: reportMapRegions(report), metrics: reportMapMetrics(report) }));
    paths = [...svg.matchAll(/<path class="region"[^>]*>/g)].map((m) => m[0]);
  });
  const attr = (path: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(path)?.[1];

  it('one focusable shape per region that has one, with a title; NO-42 has none', () => {
    expect(paths.map((p) => attr(p, 'data-region'))).toEqual(['FI-17', 'ZZ-1', 'NO-15', 'EG-C', 'SE-25']);
    for (const p of paths) {
      expect(attr(p, 'tabindex')).toBe('0');
      expect(attr(p, 'role')).toBe('img');
    }
    expect(svg.match(/<title>/g)!.length).toBeGreaterThanOrEqual(paths.length + 1);
    expect(shapes.regionsWithoutShape).toEqual(['NO-42']);
  });

  it("each region's class per metric, worked by hand", () => {
    // Vacuum per 100k: FI-17 8.28, ZZ-1 3, NO-15 2.5/265,000 × 100,000 = 0.94, EG-C 0; top 10, classes 2 wide.
    // Coverage index: 0.6234 → 60–80%, 1 → 80–100%, 0.845 → 80–100%, null → unknown.
    // Rate drop: FI-17 290/4.8 − 250/4.83 = 8.66, ZZ-1 3, NO-15 125/2.6 − 122.5/2.65 = 1.85, EG-C −0.2 → no fall.
    const expected: Record<string, [string, string, string]> = {
      'FI-17': ['c5', 'c4', 'c5'],
      'ZZ-1': ['c2', 'c5', 'c2'],
      'NO-15': ['c1', 'c5', 'c1'],
      'EG-C': ['zero', 'unknown', 'zero'],
      'SE-25': ['excluded', 'excluded', 'excluded'],
    };
    for (const p of paths) {
      const region = attr(p, 'data-region')!;
      expect([attr(p, 'data-vacuum'), attr(p, 'data-coverage'), attr(p, 'data-rate-drop')], region).toEqual(expected[region]);
    }
    // The drawn fill is the first metric's: FI-17 the darkest orange, EG-C grey, SE-25 hatched.
    const fill = (region: string) => attr(paths.find((p) => attr(p, 'data-region') === region)!, 'fill');
    expect(fill('FI-17')).toBe(PALETTES.orangeRed[4]);
    expect(fill('EG-C')).toBe('#bdbdbd');
    expect(fill('SE-25')).toBe('url(#m-hatch)');
    expect(attr(paths.find((p) => p.includes('SE-25'))!, 'aria-label')).toBe('SE-25: not ranked, unknown population at 2022 unknown');
  });

  it('a legend per metric in its unit with the class bounds and counts; only the first shown', () => {
    const legends = [...svg.matchAll(/<g class="legend legend-([a-z-]+)"[^>]*>/g)].map((m) => [m[1], m[0].includes('display="none"')]);
    expect(legends).toEqual([
      ['vacuum', false],
      ['coverage', true],
      ['rate-drop', true],
    ]);
    const vacuum = svg.slice(svg.indexOf('legend-vacuum'), svg.indexOf('legend-coverage'));
    const classes = [...vacuum.matchAll(/data-lo="([\d.]+)" data-hi="([\d.]+)" data-count="(\d+)"/g)].map((m) => m.slice(1).map(Number));
    expect(classes).toEqual([
      [0, 2, 1],
      [2, 4, 1],
      [4, 6, 0],
      [6, 8, 0],
      [8, 10, 1],
    ]);
    expect(vacuum).toContain('bed-equivalents lost and not replaced, per 100,000 residents');
  });

  it('escapes every text from the data and the boundary file', () => {
    const hostile = sampleReport();
    const regions = reportMapRegions({ ...hostile, regions: hostile.regions.map((r, i) => (i === 0 ? { ...r, name: '<script>alert(1)</script>' } : r)) });
    const out = choropleth({ id: 'm', map, regions, metrics: reportMapMetrics(hostile) }).svg;
    expect(out).not.toContain('<script>');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt; (FI-17)');
    const evil = sampleShapes('<img src=x onerror=alert(1)>');
    const section = reportMapSection(hostile, evil);
    expect(section).not.toContain('<img');
    expect(section).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });
});

// SPEC §8 on the map: a region excluded for want of community data is "not reported", never a
// value; a region whose community the user counted as 0 keeps its class but is marked as such.
describe('missing is not zero on the map', () => {
  let report: Report;
  let shapes: MapShapes;
  let svg: string;
  beforeAll(() => {
    const base = sampleReport();
    report = {
      ...base,
      regions: base.regions.map((r) => (r.region === 'NO-15' ? { ...r, flags: [...r.flags, 'no_community_data' as const] } : r)),
      excluded: base.excluded.map((e) => (e.region === 'SE-25' ? { ...e, reason: 'community' } : e)),
    };
    shapes = sampleShapes();
    const map = projectShapes(shapes)!;
    ({ svg } = choropleth({ id: 'm', map, regions: reportMapRegions(report), metrics: reportMapMetrics(report) }));
  });
  const path = (region: string) => [...svg.matchAll(/<path class="region[^"]*"[^>]*>/g)].map((m) => m[0]).find((p) => p.includes(`data-region="${region}"`))!;
  const attr = (p: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(p)?.[1];

  it('a region excluded for want of community data is hatched and says "not reported", never a value', () => {
    expect(attr(path('SE-25'), 'fill')).toBe('url(#m-hatch)');
    expect(attr(path('SE-25'), 'data-vacuum')).toBe('excluded');
    expect(attr(path('SE-25'), 'aria-label')).toBe('SE-25: not ranked, community data not reported (missing is not zero)');
    expect(svg).toContain('not reported (no community data) or not ranked');
    expect(excludedWords('population, community')).toBe('community data not reported (missing is not zero); unknown population');
    expect(excludedWords('population')).toBe('unknown population');
  });

  it('a region counted as 0 on the user’s word keeps its class, with a dashed outline, a note and a legend entry', () => {
    const p = path('NO-15');
    // NO-15's vacuum 0.94 per 100k is in the first class (0–2), as in the choropleth test above.
    expect(attr(p, 'fill')).toBe(PALETTES.orangeRed[0]);
    expect(attr(p, 'class')).toBe('region');
    expect(attr(p, 'data-not-reported')).toBe('community');
    expect(attr(p, 'stroke-dasharray')).toBe('3 2');
    expect(attr(p, 'aria-label')).toMatch(/; no community data reported: counted as 0 on the user’s word$/);
    // the other regions keep the plain white border
    expect(attr(path('FI-17'), 'stroke-dasharray')).toBeUndefined();
    expect(svg).toContain('dashed outline: no community data reported, counted as 0 on the user’s word');
  });

  it('the page says the same in its legend, caption and table', () => {
    const section = reportMapSection(report, shapes);
    expect(section).toContain('<span class="map-key map-key-not-reported" aria-hidden="true"></span>dashed outline: no community data reported');
    expect(section).toContain('Grey: no vacuum / no fall (the rate rose); hatched: not reported (no community data) or not ranked; dashed outline: no community data reported, counted as 0 on the user’s word; pale: not in this report. ');
    expect(section).toContain('<td>not ranked: community data not reported (missing is not zero)</td>');
    expect(section).toMatch(/data-region="NO-15"><th scope="row">[^]*?<span class="not-reported">\(no community data reported: counted as 0 on the user’s word\)<\/span><\/th>/);
  });
});

describe('the report page and its map', () => {
  let report: Report;
  beforeAll(() => {
    report = sampleReport();
  });

  it('has no map, and no empty frame, without shapes or when no region has one', () => {
    const plain = renderHtml(report, sampleContext());
    expect(plain).not.toContain('id="map"');
    expect(plain).not.toContain('chart map');
    const none = matchShapes(parseGeo(JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { code: 'QQ' }, geometry: { type: 'Polygon', coordinates: [[[0, 0], [0, 1], [1, 1], [0, 0]]] } }] }), 'q.json', 'code'), ['FI-17']);
    expect(reportMapSection(report, none)).toBe('');
  });

  it('puts the map after the bar chart, with the switch, the notices and the table alternative', () => {
    const html = renderHtml(report, sampleContext({ map: sampleShapes() }));
    const at = (s: string) => html.indexOf(s);
    expect(at('id="ranking"')).toBeLessThan(at('id="map"'));
    expect(at('id="map"')).toBeLessThan(at('id="coverage"'));
    expect(html.match(/<input type="radio" name="map-metric"/g)).toHaveLength(3);
    expect(html).toContain('1 region has no shape in the boundaries and is not on the map (they are in the table): NO-42.');
    expect(html).toContain('1 shape in the boundary file matches no region of this report (drawn pale): XX-9.');
    const table = html.slice(at('class="map-table"'), html.indexOf('</details>', at('class="map-table"')));
    expect(table.match(/<tr data-region=/g)).toHaveLength(6);
    expect(table).toContain('<td>no shape</td>');
    // The page's legends are HTML under the drawing (readable at any width), the first one shown.
    expect([...html.matchAll(/<div class="map-legend map-legend-([a-z-]+)" data-metric="[a-z-]+"( hidden)?>/g)].map((m) => [m[1], m[2] !== undefined])).toEqual([
      ['vacuum', false],
      ['coverage', true],
      ['rate-drop', true],
    ]);
    expect(html).not.toContain('<g class="legend ');
  });

  it("allows the map's script by its hash, and nothing else", () => {
    const html = renderHtml(report, sampleContext({ map: sampleShapes() }));
    const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1]!;
    const hash = createHash('sha256').update(MAP_SCRIPT, 'utf8').digest('base64');
    expect(csp).toContain(`sha256-${hash}`);
    expect(csp).toContain('default-src &#39;none&#39;');
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
    expect(scripts).toHaveLength(2);
    for (const s of scripts) expect(csp).toContain(`sha256-${createHash('sha256').update(s!, 'utf8').digest('base64')}`);
  });
});

describe('chart files (--charts-dir)', () => {
  let report: Report;
  let html: string;
  beforeAll(() => {
    report = sampleReport();
    html = renderHtml(report, sampleContext({ details: sampleDetails(), coverage: sampleCoverageView(), map: sampleShapes() }));
  });

  it('every chart of the page, named after the chart and its region; the page map left to the per-metric maps', () => {
    const names = chartsOfPage(html).map((c) => c.name);
    const regions = report.regions.map((r) => r.region);
    expect(names).toEqual(['vacuum-per-100k', ...regions.map((r) => `breakdown-${r}`), ...regions.map((r) => `trend-${r}`)]);
    const maps = standaloneMaps(sampleShapes(), reportMapRegions(report), reportMapMetrics(report));
    expect(maps.map((m) => m.name)).toEqual(['map-vacuum', 'map-coverage', 'map-rate-drop']);
    // A standalone map has one metric: one legend, shown.
    expect(maps[1]!.svg.match(/class="legend /g)).toHaveLength(1);
    expect(maps[1]!.svg).not.toContain('display="none"');
  });

  it('a standalone SVG declares its namespace and styles, keeps <title> first, and names are file-safe and unique', () => {
    const svg = standaloneSvg(chartsOfPage(html)[0]!.svg);
    expect(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.indexOf('<title')).toBeLessThan(svg.indexOf('<style>'));
    expect(svg).toContain('font-family');
    expect(fileSlug('../../etc/passwd')).toBe('etc_passwd');
    expect(fileSlug('القاهرة / Øst')).toBe('القاهرة_Øst');
    expect(uniqueNames([{ name: 'trend-A', svg: '' }, { name: 'trend-a', svg: '' }]).map((f) => f.name)).toEqual(['trend-A', 'trend-a-2']);
  });
});
