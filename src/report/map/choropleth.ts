// A choropleth as one inline SVG string: each region's shape filled by the class of its value,
// with a legend in the metric's own unit. Several metrics can share one drawing (the HTML page
// switches between them with CSS, section.ts); a standalone chart has one. Pure and
// deterministic; every text from the data is escaped.
//
// Readable without colour: a region with no vacuum is solid grey, an excluded region or an
// unknown value is hatched (SPEC §8: a region excluded because its community data were not
// reported says "not reported", never a measured value), a region whose community capacity was
// counted as 0 on the user's word (flag no_community_data) keeps its class but gets a dashed
// outline and a legend entry, a shape no region claims is near-white; each region's <title> says
// its value, class and (when not ranked) why; every region is focusable by keyboard (tabindex;
// the drawing itself is not a tab stop)
// and named for screen readers (role="img" + aria-label). The palettes are ColorBrewer
// sequential schemes (Brewer, Harrower & Penn State; every one marked colour-blind safe there).
import type { MapBucket, MapMetric, MapScale } from './classes.js';
import { mapScale } from './classes.js';
import type { ProjectedMap } from './project.js';
import { escapeHtml as h } from '../safe-cell.js';

/** ColorBrewer sequential palettes, 6-class versions without their palest step (too close to the page's white). */
export const PALETTES = {
  /** OrRd: losses (the vacuum). */
  orangeRed: ['#fdd49e', '#fdbb84', '#fc8d59', '#e34a33', '#b30000'],
  /** PuBu: coverage (more is more). */
  purpleBlue: ['#d0d1e6', '#a6bddb', '#74a9cf', '#2b8cbe', '#045a8d'],
  /** YlOrBr: the fall in places per 100,000. */
  yellowBrown: ['#fee391', '#fec44f', '#fe9929', '#d95f0e', '#993404'],
} as const;

/** Fills of the regions outside the palette, and of shapes no region claims. */
export const MAP_FILLS = {
  zero: '#bdbdbd',
  hatchLine: '#7f7f7f',
  context: '#f2f2f2',
  contextStroke: '#d0d0d0',
  border: '#ffffff',
} as const;

/** One region on the map. */
export interface MapRegion {
  readonly region: string;
  readonly name: string;
  /** Metric id → value (null: unknown). */
  readonly values: Readonly<Record<string, number | null>>;
  /** Why the region is not ranked; set: drawn hatched whatever the metric. */
  readonly excluded?: string | undefined;
  /** Ranked with community capacity counted as 0 on the user's word (flag no_community_data): a dashed outline. */
  readonly notReported?: boolean | undefined;
}

/** Reasons for exclusion (`population, community`) in words: `community` means its community data were not reported. */
export function excludedWords(reason: string): string {
  const reasons = reason.split(',').map((r) => r.trim());
  const unknown = reasons.filter((r) => r !== 'community');
  return [
    ...(reasons.includes('community') ? ['community data not reported (missing is not zero)'] : []),
    ...(unknown.length > 0 ? [`unknown ${unknown.join(', ')}`] : []),
  ].join('; ');
}

/** Whether a reason for exclusion is that community data were not reported. */
function communityNotReported(reason: string | undefined): boolean {
  return reason !== undefined && reason.split(',').some((r) => r.trim() === 'community');
}

/** The dashed outline of a region whose community capacity is a 0 the user gave, not a measured one. */
const NOT_REPORTED_OUTLINE = { stroke: '#1a1a1a', dash: '3 2' } as const;

export interface ChoroplethInput {
  /** The SVG element's id (unique in the page). */
  readonly id: string;
  readonly map: ProjectedMap;
  readonly regions: readonly MapRegion[];
  /** The metrics drawn; the first is shown by default (and the only one in a standalone chart). */
  readonly metrics: readonly MapMetric[];
  /** Draw the legends in the SVG (a standalone chart); false: the page lays them out in HTML (mapLegend). */
  readonly legend?: boolean | undefined;
}

export interface Choropleth {
  readonly svg: string;
  /** Each metric's classes (the legend's numbers), by metric id. */
  readonly scales: ReadonlyMap<string, MapScale>;
}

/** A region's state for one metric, as written in its data-<metric> attribute. */
export function bucketToken(bucket: MapBucket | 'excluded'): string {
  if (bucket === 'excluded') return 'excluded';
  return bucket.kind === 'class' ? `c${bucket.index + 1}` : bucket.kind;
}

const LEGEND_HEIGHT = 64;

/** A legend number: round classes print as they are (6, 12.5), shares as percentages. */
export function legendNumber(x: number, share: boolean | undefined): string {
  if (share) return `${Math.round(x * 100)}%`;
  return String(Number(x.toPrecision(10)));
}

/** The fill of a bucket (the hatch is a pattern in this SVG). */
function fillOf(bucket: MapBucket | 'excluded', scale: MapScale, hatch: string): string {
  if (bucket === 'excluded' || bucket.kind === 'unknown') return `url(#${hatch})`;
  if (bucket.kind === 'zero') return MAP_FILLS.zero;
  return scale.classes[bucket.index]!.colour;
}

function bucketWords(metric: MapMetric, scale: MapScale, value: number | null): string {
  const bucket = scale.bucket(value);
  if (bucket.kind === 'unknown' || value === null) return `${metric.short}: unknown`;
  if (bucket.kind === 'zero') return `${metric.short}: ${metric.format(value)} (${metric.zeroLabel})`;
  const c = scale.classes[bucket.index]!;
  return `${metric.short}: ${metric.format(value)} (class ${legendNumber(c.lo, metric.share)}–${legendNumber(c.hi, metric.share)})`;
}

/** What a region's title says: its name and code, then each metric, or why it is not ranked. */
export function regionTitle(region: MapRegion, metrics: readonly MapMetric[], scales: ReadonlyMap<string, MapScale>): string {
  const who = region.name === region.region || region.name.trim() === '' ? region.region : `${region.name} (${region.region})`;
  if (region.excluded !== undefined) return `${who}: not ranked, ${excludedWords(region.excluded)}`;
  const values = metrics.map((m) => bucketWords(m, scales.get(m.id)!, region.values[m.id] ?? null)).join('; ');
  return `${who}: ${values}${region.notReported ? '; no community data reported: counted as 0 on the user’s word' : ''}`;
}

export function choropleth(input: ChoroplethInput): Choropleth {
  const { id, map, metrics } = input;
  const drawn = input.regions.filter((r) => map.regions.has(r.region));
  const scales = new Map<string, MapScale>();
  for (const m of metrics) {
    scales.set(
      m.id,
      mapScale(
        m,
        drawn.filter((r) => r.excluded === undefined).map((r) => r.values[m.id] ?? null),
      ),
    );
  }
  const first = metrics[0]!;
  const hatch = `${id}-hatch`;
  const withLegend = input.legend ?? true;
  const height = map.height + (withLegend ? LEGEND_HEIGHT : 0);
  const out: string[] = [
    `<svg class="chart map" id="${h(id)}" width="${map.width}" height="${height}" viewBox="0 0 ${map.width} ${height}" ` +
      `role="group" aria-labelledby="${h(id)}-title ${h(id)}-desc" tabindex="-1">`,
    `<title id="${h(id)}-title">${h(first.title)}</title>`,
    `<desc id="${h(id)}-desc">${h(describeMap(drawn, first, scales.get(first.id)!))}</desc>`,
    `<defs><pattern id="${h(hatch)}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
      `<rect width="6" height="6" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="6" stroke="${MAP_FILLS.hatchLine}" stroke-width="2"/></pattern></defs>`,
  ];
  if (map.context.length > 0) {
    out.push(`<g class="context" aria-hidden="true">`);
    for (const c of map.context) {
      out.push(
        `<path class="context-shape" d="${c.d}" fill="${MAP_FILLS.context}" stroke="${MAP_FILLS.contextStroke}" stroke-width="0.5">` +
          `<title>${h(c.label)}: not in this report</title></path>`,
      );
    }
    out.push('</g>');
  }
  out.push('<g class="regions">');
  for (const r of drawn) {
    const shape = map.regions.get(r.region)!;
    const attrs = metrics
      .map((m) => {
        const bucket = r.excluded !== undefined ? 'excluded' : scales.get(m.id)!.bucket(r.values[m.id] ?? null);
        return ` data-${m.id}="${bucketToken(bucket)}"`;
      })
      .join('');
    const bucket = r.excluded !== undefined ? 'excluded' : scales.get(first.id)!.bucket(r.values[first.id] ?? null);
    const title = regionTitle(r, metrics, scales);
    const outline = r.notReported
      ? `stroke="${NOT_REPORTED_OUTLINE.stroke}" stroke-width="1" stroke-dasharray="${NOT_REPORTED_OUTLINE.dash}" data-not-reported="community"`
      : `stroke="${MAP_FILLS.border}" stroke-width="0.75"`;
    out.push(
      `<path class="region" d="${shape.d}" fill="${fillOf(bucket, scales.get(first.id)!, hatch)}" ${outline} ` +
        `data-region="${h(r.region)}"${attrs} tabindex="0" role="img" aria-label="${h(title)}"><title>${h(title)}</title></path>`,
    );
  }
  out.push('</g>');
  if (withLegend) {
    for (const [i, m] of metrics.entries()) {
      // Only the first metric's legend shows until the page's style sheet switches (assets.ts).
      out.push(svgLegend(m, mapLegend(m, scales.get(m.id)!, drawn, map.context.length > 0), { y: map.height + 6, hatch, hidden: i > 0 }));
    }
  }
  out.push('</svg>');
  return { svg: out.join(''), scales };
}

function describeMap(drawn: readonly MapRegion[], metric: MapMetric, scale: MapScale): string {
  const ranked = drawn.filter((r) => r.excluded === undefined);
  const known = ranked
    .map((r) => ({ r, v: r.values[metric.id] ?? null }))
    .filter((x): x is { r: MapRegion; v: number } => x.v !== null)
    .sort((a, b) => b.v - a.v);
  const top = known.slice(0, 3).map((x) => `${x.r.name || x.r.region} ${metric.format(x.v)}`);
  const zero = metric.zeroLabel === undefined ? [] : ranked.filter((r) => scale.bucket(r.values[metric.id] ?? null).kind === 'zero');
  const parts = [
    `Map of ${drawn.length} region${drawn.length === 1 ? '' : 's'} coloured by ${metric.unit} in ${scale.classes.length} classes from ` +
      `${legendNumber(scale.classes[0]!.lo, metric.share)} to ${legendNumber(scale.classes[scale.classes.length - 1]!.hi, metric.share)}.`,
  ];
  if (top.length > 0) parts.push(`Highest: ${top.join('; ')}.`);
  if (zero.length > 0) parts.push(`${metric.zeroLabel}: ${zero.length}.`);
  const excluded = drawn.length - ranked.length;
  const notReported = drawn.filter((r) => communityNotReported(r.excluded)).length;
  if (excluded > 0) parts.push(`Not ranked (hatched): ${excluded}${notReported > 0 ? `, ${notReported} of them because their community data were not reported` : ''}.`);
  const zeroByWord = ranked.filter((r) => r.notReported).length;
  if (zeroByWord > 0) parts.push(`Community data not reported, counted as 0 on the user’s word (dashed outline): ${zeroByWord}.`);
  parts.push('Every region is listed in the table under the map.');
  return parts.join(' ');
}

/** What a legend shows: each class with its bounds and count, then the fills outside the palette that occur. */
export interface MapLegend {
  readonly classes: readonly { readonly lo: number; readonly hi: number; readonly colour: string; readonly count: number; readonly label: string }[];
  readonly others: readonly { readonly kind: 'zero' | 'unknown' | 'not-reported' | 'context'; readonly label: string }[];
}

export function mapLegend(metric: MapMetric, scale: MapScale, drawn: readonly MapRegion[], context: boolean): MapLegend {
  const counts = scale.classes.map(() => 0);
  let unknown = false;
  const excluded = drawn.some((r) => r.excluded !== undefined);
  for (const r of drawn) {
    if (r.excluded !== undefined) continue;
    const b = scale.bucket(r.values[metric.id] ?? null);
    if (b.kind === 'class') counts[b.index]! += 1;
    if (b.kind === 'unknown') unknown = true;
  }
  const others: MapLegend['others'][number][] = [];
  if (metric.zeroLabel !== undefined) others.push({ kind: 'zero', label: metric.zeroLabel });
  const notReported = drawn.some((r) => communityNotReported(r.excluded));
  if (unknown || excluded) {
    others.push({ kind: 'unknown', label: notReported ? 'not reported (no community data) or not ranked' : excluded ? 'not ranked or unknown' : 'unknown' });
  }
  if (drawn.some((r) => r.excluded === undefined && r.notReported)) {
    others.push({ kind: 'not-reported', label: 'dashed outline: no community data reported, counted as 0 on the user’s word' });
  }
  if (context) others.push({ kind: 'context', label: 'not in this report' });
  return {
    classes: scale.classes.map((c, i) => ({ ...c, count: counts[i]!, label: `${legendNumber(c.lo, metric.share)}–${legendNumber(c.hi, metric.share)}` })),
    others,
  };
}

/** The legend under the map in a standalone chart: the unit, a swatch per class with its bounds, then the other fills. */
function svgLegend(metric: MapMetric, legend: MapLegend, o: { readonly y: number; readonly hatch: string; readonly hidden: boolean }): string {
  const w = 64;
  const x0 = 6;
  const out = [`<g class="legend legend-${h(metric.id)}" data-metric="${h(metric.id)}" transform="translate(0 ${o.y})"${o.hidden ? ' display="none"' : ''}>`];
  out.push(`<text class="legend-title" x="${x0}" y="12">${h(metric.unit)}</text>`);
  legend.classes.forEach((c, i) => {
    const x = x0 + i * w;
    out.push(
      `<g class="legend-class" data-lo="${c.lo}" data-hi="${c.hi}" data-count="${c.count}" data-colour="${c.colour}">` +
        `<title>${h(`${c.label} ${metric.unit}: ${c.count} region${c.count === 1 ? '' : 's'}`)}</title>` +
        `<rect x="${x}" y="20" width="${w - 2}" height="14" fill="${c.colour}"/>` +
        `<text class="tick" x="${x}" y="48">${h(c.label)}</text></g>`,
    );
  });
  let x = x0 + legend.classes.length * w + 18;
  const fills = {
    zero: [MAP_FILLS.zero, ''],
    unknown: [`url(#${o.hatch})`, MAP_FILLS.hatchLine],
    'not-reported': ['#ffffff', NOT_REPORTED_OUTLINE.stroke],
    context: [MAP_FILLS.context, MAP_FILLS.contextStroke],
  } as const;
  for (const other of legend.others) {
    const [fill, stroke] = fills[other.kind];
    const dash = other.kind === 'not-reported' ? ` stroke-dasharray="${NOT_REPORTED_OUTLINE.dash}"` : '';
    out.push(
      `<g class="legend-other"><rect x="${x}" y="20" width="22" height="14" fill="${fill}"${stroke ? ` stroke="${stroke}"` : ''}${dash}/>` +
        `<text class="tick" x="${x + 28}" y="31">${h(other.label)}</text></g>`,
    );
    x += 48 + Math.ceil(other.label.length * 8);
  }
  out.push('</g>');
  return out.join('');
}
