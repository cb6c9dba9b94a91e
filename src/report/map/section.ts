// The map's section of an HTML page (the report's "Where the vacuum is", the coverage page's
// map): the choropleth, a switch between its metrics (radio buttons; CSS alone shows the chosen
// one, so it works without JavaScript: see MAP_STYLE), a line under it that the page's map script
// fills with the figures of the region under the pointer or the keyboard focus, the regions
// without a shape, and the whole map as a table. No section at all when no region has a shape.
import type { CoverageReport } from '../../core/coverage-schema.js';
import type { Report } from '../../core/report-schema.js';
import { formatPer100k, formatPercent, NULL_DISPLAY } from '../number-format.js';
import { escapeHtml as h } from '../safe-cell.js';
import type { MapMetric } from './classes.js';
import { bucketToken, choropleth, excludedWords, legendNumber, mapLegend, type MapRegion } from './choropleth.js';
import { MAP_SCRIPT, METRIC_PALETTES, PAGE_MAP_ID } from './assets.js';
import { projectShapes } from './project.js';
import type { MapShapes } from './shapes.js';


/** The report's three maps: the vacuum, the coverage index and the rate drop, per region. */
export function reportMapMetrics(report: Pick<Report, 'from' | 'to'>): MapMetric[] {
  const period = `${report.from}–${report.to}`;
  return [
    {
      id: 'vacuum',
      title: `Service vacuum per 100,000 residents, ${period}`,
      short: 'vacuum per 100,000',
      unit: 'bed-equivalents lost and not replaced, per 100,000 residents',
      palette: METRIC_PALETTES.vacuum!,
      zeroLabel: 'no vacuum',
      format: formatPer100k,
    },
    coverageMetric(report.to),
    {
      id: 'rate-drop',
      title: `Fall in care places per 100,000 residents, ${period}`,
      short: 'rate drop per 100,000',
      unit: 'care places per 100,000 lost (beds and community bed-equivalents)',
      palette: METRIC_PALETTES['rate-drop']!,
      zeroLabel: 'no fall (the rate rose)',
      format: formatPer100k,
    },
  ];
}

export function coverageMetric(to: number): MapMetric {
  return {
    id: 'coverage',
    title: `Coverage index against planning norms, ${to}`,
    short: 'coverage index',
    unit: 'coverage index: share of the norms’ low end, capped at 100%',
    palette: METRIC_PALETTES.coverage!,
    share: true,
    format: formatPercent,
  };
}

/** The report's regions on the map: those shown, then the excluded ones. */
export function reportMapRegions(report: Report): MapRegion[] {
  return [
    ...report.regions.map((r) => ({
      region: r.region,
      name: r.name,
      values: { vacuum: r.vacuum_per_100k, coverage: r.coverage_index, 'rate-drop': r.rate_drop_per_100k },
      notReported: r.flags.includes('no_community_data'),
    })),
    ...report.excluded.map((e) => ({ region: e.region, name: e.region, values: {}, excluded: e.reason })),
  ];
}

export function coverageMapRegions(report: CoverageReport): MapRegion[] {
  return [
    ...report.regions.map((r) => ({ region: r.region, name: r.name, values: { coverage: r.coverage_index } })),
    ...report.excluded.map((e) => ({ region: e.region, name: e.region, values: {}, excluded: e.reason })),
  ];
}

export interface MapSectionInput {
  readonly shapes: MapShapes | undefined;
  readonly regions: readonly MapRegion[];
  readonly metrics: readonly MapMetric[];
  readonly heading: string;
  readonly intro: string;
}

/** The section's HTML, or '' when no region has a shape. */
export function mapSection(input: MapSectionInput): string {
  const { shapes, regions, metrics } = input;
  if (shapes === undefined) return '';
  const projected = projectShapes(shapes);
  if (projected === undefined) return '';
  const { svg, scales } = choropleth({ id: PAGE_MAP_ID, map: projected, regions, metrics, legend: false });
  // The legends in HTML under the drawing, so they stay readable however narrow the page.
  const drawn = regions.filter((r) => projected.regions.has(r.region));
  const legends = metrics
    .map((m, i) => {
      const legend = mapLegend(m, scales.get(m.id)!, drawn, projected.context.length > 0);
      const items = [
        ...legend.classes.map(
          (c) =>
            `<li class="legend-class" data-lo="${c.lo}" data-hi="${c.hi}" data-count="${c.count}"><span class="map-key" style="background:${c.colour}" aria-hidden="true"></span>` +
            `${h(c.label)} <span class="count">(${c.count})</span></li>`,
        ),
        ...legend.others.map((o) => `<li class="legend-other"><span class="map-key map-key-${o.kind}" aria-hidden="true"></span>${h(o.label)}</li>`),
      ];
      return (
        `<div class="map-legend map-legend-${h(m.id)}" data-metric="${h(m.id)}"${i > 0 ? ' hidden' : ''}>` +
        `<p class="map-legend-title">${h(m.unit)}; in brackets the number of regions</p><ul class="legend">${items.join('')}</ul></div>`
      );
    })
    .join('');
  const onMap = (r: MapRegion) => projected.regions.has(r.region);
  const switcher =
    metrics.length < 2
      ? ''
      : `<fieldset class="map-switch"><legend>Colour the map by</legend>` +
        metrics
          .map(
            (m, i) =>
              `<label><input type="radio" name="map-metric" id="map-show-${h(m.id)}" value="${h(m.id)}"${i === 0 ? ' checked' : ''}> ${h(m.short)}</label>`,
          )
          .join('') +
        '</fieldset>';
  const missing = regions.filter((r) => !onMap(r));
  const notes: string[] = [];
  if (missing.length > 0) {
    notes.push(
      `${missing.length} region${missing.length === 1 ? ' has' : 's have'} no shape in the boundaries and ${missing.length === 1 ? 'is' : 'are'} ` +
        `not on the map (they are in the table): ${listOf(missing.map((r) => r.region))}.`,
    );
  }
  if (shapes.shapesWithoutRegion.length > 0) {
    const n = shapes.shapesWithoutRegion.length;
    notes.push(`${n} shape${n === 1 ? '' : 's'} in the boundary file match${n === 1 ? 'es' : ''} no region of this report (drawn pale): ${listOf(shapes.shapesWithoutRegion)}.`);
  }
  const table =
    `<details class="map-table"><summary>The map as a table</summary><div class="table-wrap"><table>` +
    `<caption>Every region of the map, with its value and class on each map.</caption><thead><tr><th scope="col">Region</th>` +
    metrics.map((m) => `<th scope="col" class="num">${h(m.short)}</th><th scope="col">class</th>`).join('') +
    `<th scope="col">on the map</th></tr></thead><tbody>` +
    regions
      .map((r) => {
        const cells = metrics.map((m) => {
          const scale = scales.get(m.id)!;
          const value = r.values[m.id] ?? null;
          if (r.excluded !== undefined) return `<td class="num">${h(NULL_DISPLAY)}</td><td>not ranked: ${h(excludedWords(r.excluded))}</td>`;
          const b = scale.bucket(value);
          const cls =
            b.kind === 'class'
              ? `${legendNumber(scale.classes[b.index]!.lo, m.share)}–${legendNumber(scale.classes[b.index]!.hi, m.share)}`
              : b.kind === 'zero'
                ? (m.zeroLabel ?? '')
                : 'unknown';
          return `<td class="num">${h(value === null ? NULL_DISPLAY : m.format(value))}</td><td data-bucket="${bucketToken(b)}">${h(cls)}</td>`;
        });
        const name = r.name.trim() === '' || r.name === r.region ? `<bdi>${h(r.region)}</bdi>` : `<bdi>${h(r.name)}</bdi> <span class="code">${h(r.region)}</span>`;
        const note = r.notReported ? ' <span class="not-reported">(no community data reported: counted as 0 on the user’s word)</span>' : '';
        return `<tr data-region="${h(r.region)}"><th scope="row">${name}${note}</th>${cells.join('')}<td>${onMap(r) ? 'yes' : 'no shape'}</td></tr>`;
      })
      .join('') +
    '</tbody></table></div></details>';
  return (
    `<section id="map" class="map-section" aria-labelledby="map-title"><h2 id="map-title">${h(input.heading)}</h2>` +
    `<p>${h(input.intro)}</p>${switcher}` +
    `<figure class="map-figure">${svg}${legends}<figcaption>` +
    `<span id="map-info" class="map-info" aria-live="polite" hidden></span>` +
    `Boundaries: ${h(shapes.source)}. ${h(fillWords(metrics, regions, projected.context.length > 0))}Each class includes its lower bound.</figcaption></figure>` +
    notes.map((n) => `<p class="caption">${h(n)}</p>`).join('') +
    `${table}<script>${MAP_SCRIPT}</script></section>`
  );
}

/** What the fills outside the palette mean, for the caption. */
function fillWords(metrics: readonly MapMetric[], regions: readonly MapRegion[], context: boolean): string {
  const zero = metrics.map((m) => m.zeroLabel).filter((z): z is string => z !== undefined);
  const words = [
    zero.length > 0 ? `grey: ${zero.join(' / ')}` : '',
    regions.some((r) => r.excluded !== undefined) || metrics.some((m) => regions.some((r) => (r.values[m.id] ?? null) === null))
      ? regions.some((r) => r.excluded !== undefined && excludedWords(r.excluded).includes('not reported'))
        ? 'hatched: not reported (no community data) or not ranked'
        : 'hatched: not ranked or unknown'
      : '',
    regions.some((r) => r.excluded === undefined && r.notReported) ? 'dashed outline: no community data reported, counted as 0 on the user’s word' : '',
    context ? 'pale: not in this report' : '',
  ].filter((w) => w !== '');
  return words.length === 0 ? '' : `${words.join('; ')}. `.replace(/^./, (c) => c.toUpperCase());
}

function listOf(items: readonly string[], max = 20): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/** One standalone SVG per metric (for --charts-dir): the same drawing, one metric each, or [] without a map. */
export function standaloneMaps(shapes: MapShapes | undefined, regions: readonly MapRegion[], metrics: readonly MapMetric[]): { name: string; svg: string }[] {
  if (shapes === undefined) return [];
  const projected = projectShapes(shapes);
  if (projected === undefined) return [];
  return metrics.map((m) => ({ name: `map-${m.id}`, svg: choropleth({ id: `map-${m.id}`, map: projected, regions, metrics: [m] }).svg }));
}

/** The report's map section: the vacuum, the coverage index and the rate drop (or '' without shapes). */
export function reportMapSection(report: Report, shapes: MapShapes | undefined): string {
  return mapSection({
    shapes,
    regions: reportMapRegions(report),
    metrics: reportMapMetrics(report),
    heading: 'Where the vacuum is',
    intro:
      `Each region coloured by its service vacuum per 100,000 residents, ${report.from}–${report.to}, in equal classes from 0; ` +
      'switch to the coverage index at the end of the period or to the fall in care places per 100,000. ' +
      'Point at a region or move to it with the Tab key for its figures.',
  });
}

/** The coverage page's map: the coverage index at T (or '' without shapes). */
export function coverageMapSection(report: CoverageReport, shapes: MapShapes | undefined): string {
  return mapSection({
    shapes,
    regions: coverageMapRegions(report),
    metrics: [coverageMetric(report.to)],
    heading: 'Coverage on the map',
    intro: `Each region coloured by its coverage index at ${report.to}: the mean over the known norms of its coverage of the norm’s low end, capped at 100%. Darker is better covered.`,
  });
}
