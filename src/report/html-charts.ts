// The HTML report's charts as inline SVG strings, drawn on the server: geometry from d3-scale
// (linear and band scales, nice domains and ticks) and d3-shape (diverging stacks, line paths),
// so nothing runs in the reader's browser. Every chart has role="img", a <title> and a <desc>
// that says in words what it shows (the text alternative); every bar and segment has its own
// <title> too. Every string from the data goes through escapeHtml. Colours are colour-blind safe
// (Okabe–Ito for the report's own marks, Paul Tol's "muted" scheme for the nine categories), and
// no chart relies on colour alone: rows are labelled, values are printed, lines differ in dash
// and marker shape. Output is deterministic: coordinates are rounded to 2 decimals.
import { scaleBand, scaleLinear } from 'd3-scale';
import { line, stack, stackOffsetDiverging } from 'd3-shape';
import type { CategoryChange, YearPoint } from '../core/breakdown.js';
import type { Category } from '../core/categories.js';
import type { RankedRegion } from '../core/report-schema.js';
import { formatBeds, formatChange, formatPer100k, toFixedNoNegZero } from './number-format.js';
import { escapeHtml } from './safe-cell.js';

/** Okabe & Ito (2008), "Color Universal Design": the report's own marks. */
export const COLOURS = {
  vacuum: '#D55E00', // vermillion
  // A net gain is drawn in neutral grey, not green: Tol's outreach and day-services greens sit in
  // the same panel, and the vacuum is what the reader should see.
  gain: '#8C8C8C',
  community: '#0072B2', // blue
  beds: '#4D4D4D', // dark grey: institutional beds
  grid: '#D9D9D9',
  axis: '#595959',
} as const;

/** Paul Tol's "muted" qualitative scheme (colour-blind safe), one fixed colour per category. */
export const CATEGORY_COLOURS: Readonly<Record<Category, string>> = {
  crisis: '#CC6677',
  general_hospital: '#332288',
  cmhc: '#DDCC77',
  outreach: '#117733',
  peer_support: '#88CCEE',
  supported_living: '#882255',
  day_services: '#44AA99',
  primary_care: '#999933',
  self_help: '#AA4499',
};

/** A category code as words: "supported_living" → "supported living". */
export const categoryLabel = (category: Category): string => category.replace(/_/g, ' ');

/** A coordinate: at most 2 decimals, no "-0". */
function n(x: number): string {
  const text = toFixedNoNegZero(x, 2);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** A region's display name: its name, or its code when the name is empty. */
export function regionName(r: Pick<RankedRegion, 'region' | 'name'>): string {
  return r.name.trim() === '' ? r.region : r.name;
}

const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}\p{Script=Samaritan}\p{Script=Mandaic}]/u;
const LETTER = /\p{L}/u;

/** The direction of a text by its first strong letter (the Unicode bidi rule P2–P3). */
export function textDirection(text: string): 'ltr' | 'rtl' {
  for (const ch of text) {
    if (RTL_LETTER.test(ch)) return 'rtl';
    if (LETTER.test(ch)) return 'ltr';
  }
  return 'ltr';
}

/** An estimate of a label's width at 12px in a sans-serif font (no font metrics on the server). */
const CHAR_WIDTH = 6.8;

function truncate(text: string, maxChars: number): string {
  const chars = [...text];
  return chars.length <= maxChars ? text : `${chars.slice(0, maxChars - 1).join('')}…`;
}

/**
 * An SVG text label right-aligned at x. A right-to-left name gets direction="rtl" so its letters
 * are laid out right to left, with text-anchor "start" (the start of RTL text is its right end).
 */
function labelRightAt(x: number, y: number, text: string, cls: string): string {
  const rtl = textDirection(text) === 'rtl';
  const dir = rtl ? ' direction="rtl" unicode-bidi="embed"' : '';
  return `<text class="${cls}" x="${n(x)}" y="${n(y)}" text-anchor="${rtl ? 'start' : 'end'}"${dir}>${escapeHtml(text)}</text>`;
}

function svgOpen(id: string, width: number, height: number, title: string, desc: string, cls: string): string {
  return (
    `<svg class="${cls}" id="${escapeHtml(id)}" width="${width}" height="${n(height)}" ` +
    `viewBox="0 0 ${width} ${n(height)}" role="img" aria-labelledby="${escapeHtml(id)}-title ${escapeHtml(id)}-desc">` +
    `<title id="${escapeHtml(id)}-title">${escapeHtml(title)}</title><desc id="${escapeHtml(id)}-desc">${escapeHtml(desc)}</desc>`
  );
}

// ---------------------------------------------------------------------------------------------
// 1. The ranked bar chart of vacuum per 100,000.

const BAR = { width: 1000, row: 26, top: 6, bottom: 40, valueWidth: 56, minLabel: 80, maxLabel: 260 } as const;

/** A horizontal bar per region, in rank order: `vacuum_per_100k`, labelled with the region's name. */
export function vacuumBarChart(regions: readonly RankedRegion[], id: string, title: string): string {
  const names = regions.map(regionName);
  const longest = names.reduce((m, s) => Math.max(m, [...s].length), 0);
  const labelWidth = Math.min(BAR.maxLabel, Math.max(BAR.minLabel, Math.ceil(longest * CHAR_WIDTH) + 14));
  const maxChars = Math.floor((BAR.maxLabel - 14) / CHAR_WIDTH);
  const plotHeight = regions.length * BAR.row;
  const height = BAR.top + plotHeight + BAR.bottom;
  const max = regions.reduce((m, r) => Math.max(m, r.vacuum_per_100k), 0);
  const x = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .nice()
    .range([labelWidth, BAR.width - BAR.valueWidth]);
  const y = scaleBand<string>()
    .domain(regions.map((r) => r.region))
    .range([BAR.top, BAR.top + plotHeight])
    .paddingInner(0.3)
    .paddingOuter(0.15);

  const desc =
    regions.length === 0
      ? 'No region was ranked.'
      : `Vacuum per 100,000 residents, in rank order: ${regions
          .map((r, i) => `${r.rank}. ${names[i]} (${r.region}) ${formatPer100k(r.vacuum_per_100k)}`)
          .join('; ')}.`;

  const parts: string[] = [svgOpen(id, BAR.width, height, title, desc, 'chart bar-chart')];
  // Grid lines and tick labels.
  const ticks = x.ticks(6);
  const axisY = BAR.top + plotHeight;
  parts.push('<g class="axis" aria-hidden="true">');
  for (const t of ticks) {
    parts.push(
      `<line class="grid" x1="${n(x(t))}" x2="${n(x(t))}" y1="${BAR.top}" y2="${n(axisY)}"/>` +
        `<text class="tick" x="${n(x(t))}" y="${n(axisY + 14)}" text-anchor="middle">${escapeHtml(x.tickFormat(6)(t))}</text>`,
    );
  }
  parts.push(
    `<line class="baseline" x1="${n(x(0))}" x2="${n(x(0))}" y1="${BAR.top}" y2="${n(axisY)}"/>` +
      `<text class="axis-title" x="${n((x.range()[0]! + x.range()[1]!) / 2)}" y="${n(axisY + 32)}" text-anchor="middle">vacuum per 100,000 residents</text>`,
  );
  parts.push('</g>');

  regions.forEach((r, i) => {
    const name = names[i]!;
    const top = y(r.region)!;
    const mid = top + y.bandwidth() / 2;
    const width = Math.max(0, x(r.vacuum_per_100k) - x(0));
    const tip = `${name} (${r.region}), rank ${r.rank}: ${formatPer100k(r.vacuum_per_100k)} per 100,000; vacuum ${formatBeds(r.vacuum_be)} bed-equivalents`;
    parts.push(
      `<g class="bar-row" data-region="${escapeHtml(r.region)}"><title>${escapeHtml(tip)}</title>` +
        labelRightAt(labelWidth - 8, mid + 4, truncate(name, maxChars), 'label') +
        `<rect class="bar" x="${n(x(0))}" y="${n(top)}" width="${n(width)}" height="${n(y.bandwidth())}" fill="${COLOURS.vacuum}"/>` +
        `<text class="value" x="${n(x(0) + width + 5)}" y="${n(mid + 4)}">${escapeHtml(formatPer100k(r.vacuum_per_100k))}</text></g>`,
    );
  });
  parts.push('</svg>');
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------
// 2. Per region: institutional beds lost against community capacity added, by category.

export interface BreakdownInput {
  readonly region: RankedRegion;
  readonly categories: readonly CategoryChange[];
}

/** The shared x domain of every breakdown panel: so panels compare at a glance. */
export function breakdownDomain(inputs: readonly BreakdownInput[]): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const { region, categories } of inputs) {
    const down = categories.reduce((s, c) => s + Math.min(0, c.change_be), 0);
    const up = categories.reduce((s, c) => s + Math.max(0, c.change_be), 0);
    lo = Math.min(lo, region.bed_change, region.net_change_be, down);
    hi = Math.max(hi, region.bed_change, region.net_change_be, up);
  }
  if (lo === 0 && hi === 0) hi = 1;
  return [lo, hi];
}

/** Row labels on the left, the bars in the middle, each row's value in a column on the right. */
const PANEL = { width: 400, labelWidth: 78, valueWidth: 96, gap: 8, row: 26, top: 4, bottom: 4 } as const;

/** Categories whose change is not zero: the ones drawn. */
export const drawnCategories = (categories: readonly CategoryChange[]): CategoryChange[] =>
  categories.filter((c) => c.change_be !== 0);

/**
 * Three rows on one zero line: institutional beds (bed_change), community capacity stacked by
 * category (gains to the right, losses to the left), and the net change (a vacuum when below 0).
 */
export function breakdownPanel(input: BreakdownInput, domain: [number, number], id: string, period: string): string {
  const { region, categories } = input;
  const drawn = drawnCategories(categories);
  const name = regionName(region);
  const x = scaleLinear().domain(domain).range([PANEL.labelWidth + PANEL.gap, PANEL.width - PANEL.valueWidth - PANEL.gap]);
  const height = PANEL.top + 3 * PANEL.row + PANEL.bottom;
  const barHeight = PANEL.row - 8;
  const rowTop = (i: number) => PANEL.top + i * PANEL.row + 4;

  const parts = drawn.map((c) => `${categoryLabel(c.category)} ${formatChange(c.change_be)}`);
  const net = region.net_change_be;
  const desc =
    `Institutional beds ${formatChange(region.bed_change)}. ` +
    `Community capacity ${formatChange(region.community_change_be)} bed-equivalents` +
    (parts.length > 0 ? `: ${parts.join(', ')}. ` : '. ') +
    `Net change ${formatChange(net)}` +
    (region.vacuum_be > 0 ? `: a vacuum of ${formatBeds(region.vacuum_be)} bed-equivalents.` : ': no vacuum.');
  const title = `${name} (${region.region}): beds lost and community capacity added, ${period}`;

  const out: string[] = [svgOpen(id, PANEL.width, height, title, desc, 'chart breakdown')];
  const rowLabel = (i: number, text: string) =>
    `<text class="row-label" x="${PANEL.labelWidth - 6}" y="${n(rowTop(i) + barHeight / 2 + 4)}" text-anchor="end">${text}</text>`;
  const valueLabel = (i: number, text: string) =>
    `<text class="value" x="${PANEL.width - 2}" y="${n(rowTop(i) + barHeight / 2 + 4)}" text-anchor="end">${escapeHtml(text)}</text>`;
  const rect = (cls: string, lo: number, hi: number, i: number, fill: string, tip: string) =>
    `<rect class="${cls}" x="${n(x(lo))}" y="${n(rowTop(i))}" width="${n(Math.max(0, x(hi) - x(lo)))}" height="${barHeight}" fill="${fill}">` +
    `<title>${escapeHtml(tip)}</title></rect>`;

  // Row 1: institutional beds.
  const bc = region.bed_change;
  out.push(rowLabel(0, 'Beds'));
  out.push(
    rect('seg seg-beds', Math.min(0, bc), Math.max(0, bc), 0, COLOURS.beds, `Institutional beds: ${formatChange(bc)}`),
    valueLabel(0, formatChange(bc)),
  );

  // Row 2: community, stacked by category around zero (d3-shape's diverging offset).
  out.push(rowLabel(1, 'Community'));
  const keys = drawn.map((c) => c.category);
  const row = Object.fromEntries(drawn.map((c) => [c.category, c.change_be])) as Record<string, number>;
  const stacked = stack<Record<string, number>>().keys(keys).offset(stackOffsetDiverging)([row]);
  for (const layer of stacked) {
    const [a, b] = layer[0]!;
    const category = layer.key as Category;
    const change = drawn.find((c) => c.category === category)!;
    const tip = `${categoryLabel(category)}: ${formatChange(change.change_be)} bed-equivalents (${formatBeds(change.from_be)} → ${formatBeds(change.to_be)})`;
    out.push(rect(`seg seg-${category}`, Math.min(a, b), Math.max(a, b), 1, CATEGORY_COLOURS[category], tip));
  }
  const cc = region.community_change_be;
  out.push(valueLabel(1, formatChange(cc)));

  // Row 3: net change.
  out.push(rowLabel(2, 'Net'));
  const netText = region.vacuum_be > 0 ? `${formatChange(net)} (vacuum)` : formatChange(net);
  out.push(
    rect(
      'seg seg-net',
      Math.min(0, net),
      Math.max(0, net),
      2,
      net < 0 ? COLOURS.vacuum : COLOURS.gain,
      `Net change: ${formatChange(net)} bed-equivalents`,
    ),
    valueLabel(2, netText),
  );
  out.push(`<line class="baseline" x1="${n(x(0))}" x2="${n(x(0))}" y1="${PANEL.top}" y2="${n(height - PANEL.bottom)}" aria-hidden="true"/>`);
  out.push('</svg>');
  return out.join('');
}

// ---------------------------------------------------------------------------------------------
// 3. Per region: beds and community bed-equivalents over the years (small multiples).

const TREND = { width: 280, height: 150, left: 46, right: 14, top: 10, bottom: 24 } as const;

function marker(shape: 'circle' | 'square', cx: number, cy: number, colour: string, hollow: boolean, tip: string): string {
  const fill = hollow ? '#FFFFFF' : colour;
  const body =
    shape === 'circle'
      ? `<circle cx="${n(cx)}" cy="${n(cy)}" r="3.5"`
      : `<rect x="${n(cx - 3.5)}" y="${n(cy - 3.5)}" width="7" height="7"`;
  return `${body} class="point" fill="${fill}" stroke="${colour}" stroke-width="1.5"><title>${escapeHtml(tip)}</title>${shape === 'circle' ? '</circle>' : '</rect>'}`;
}

/** A cross: a value that was not reported (drawn apart from any measured value). */
function crossMarker(cx: number, cy: number, colour: string, tip: string): string {
  const d = 3.5;
  return (
    `<path class="point not-reported" d="M${n(cx - d)},${n(cy - d)}L${n(cx + d)},${n(cy + d)}M${n(cx - d)},${n(cy + d)}L${n(cx + d)},${n(cy - d)}" ` +
    `stroke="${colour}" stroke-width="1.5" fill="none"><title>${escapeHtml(tip)}</title></path>`
  );
}

/** A small line chart of one region's beds (solid, circles) and community (dashed, squares). */
export function trendPanel(region: RankedRegion, series: readonly YearPoint[], id: string): string {
  const name = regionName(region);
  const years = series.map((p) => p.year);
  const first = years[0] ?? 0;
  const last = years[years.length - 1] ?? first + 1;
  const max = series.reduce((m, p) => Math.max(m, p.beds ?? 0, p.community_be), 0);
  const x = scaleLinear()
    .domain([first, last === first ? first + 1 : last])
    .range([TREND.left, TREND.width - TREND.right]);
  const y = scaleLinear()
    .domain([0, max > 0 ? max : 1])
    .nice(3)
    .range([TREND.height - TREND.bottom, TREND.top]);

  const hasBeds = series.some((p) => p.beds !== null);
  // A region with no community data at all (SPEC §8, counted as 0 on the user's word) gets no
  // community line: a crossed marker on the axis says "not reported", not a measured 0.
  const notReported = region.flags.includes('no_community_data');
  const community = (p: YearPoint) =>
    notReported ? 'community not reported' : `community ${formatBeds(p.community_be)}${p.community_carried ? ' (carried forward)' : ''}`;
  const words = series.map((p) => `${p.year}: beds ${p.beds === null ? 'unknown' : formatBeds(p.beds)}${p.beds_carried ? ' (carried forward)' : ''}, ${community(p)}`);
  const desc = `${hasBeds ? '' : 'Institutional bed stock not known (closure events). '}${words.join('; ')}.`;
  const title = `${name} (${region.region}): institutional beds and community bed-equivalents, ${first}–${last}`;

  const out: string[] = [svgOpen(id, TREND.width, TREND.height, title, desc, 'chart trend')];
  out.push('<g class="axis" aria-hidden="true">');
  for (const t of y.ticks(3)) {
    out.push(
      `<line class="grid" x1="${TREND.left}" x2="${TREND.width - TREND.right}" y1="${n(y(t))}" y2="${n(y(t))}"/>` +
        `<text class="tick" x="${TREND.left - 5}" y="${n(y(t) + 4)}" text-anchor="end">${escapeHtml(y.tickFormat(3, '~s')(t))}</text>`,
    );
  }
  const base = TREND.height - TREND.bottom;
  for (const year of years) out.push(`<line class="tick-mark" x1="${n(x(year))}" x2="${n(x(year))}" y1="${base}" y2="${base + 4}"/>`);
  // Year labels: the first and the last, and any between that keeps clear of its neighbours.
  const gap = 34;
  const labelled = [first];
  for (const year of years.slice(1, -1)) {
    if (x(year) - x(labelled[labelled.length - 1]!) >= gap && x(last) - x(year) >= gap) labelled.push(year);
  }
  if (last !== first) labelled.push(last);
  for (const year of labelled) {
    out.push(`<text class="tick" x="${n(x(year))}" y="${base + 16}" text-anchor="middle">${year}</text>`);
  }
  out.push('</g>');

  const bedsLine = line<YearPoint>()
    .defined((p) => p.beds !== null)
    .x((p) => x(p.year))
    .y((p) => y(p.beds ?? 0))
    .digits(2);
  const communityLine = line<YearPoint>()
    .x((p) => x(p.year))
    .y((p) => y(p.community_be))
    .digits(2);
  if (hasBeds) out.push(`<path class="line line-beds" d="${bedsLine([...series]) ?? ''}" fill="none" stroke="${COLOURS.beds}" stroke-width="2"/>`);
  if (!notReported) {
    out.push(
      `<path class="line line-community" d="${communityLine([...series]) ?? ''}" fill="none" stroke="${COLOURS.community}" stroke-width="2" stroke-dasharray="5 3"/>`,
    );
  }
  for (const p of series) {
    if (p.beds !== null) {
      out.push(marker('circle', x(p.year), y(p.beds), COLOURS.beds, p.beds_carried, `${p.year}: ${formatBeds(p.beds)} institutional beds${p.beds_carried ? ' (carried forward)' : ''}`));
    }
    if (notReported) {
      out.push(crossMarker(x(p.year), y(0), COLOURS.community, `${p.year}: community capacity not reported (counted as 0 on the user’s word)`));
      continue;
    }
    out.push(
      marker(
        'square',
        x(p.year),
        y(p.community_be),
        COLOURS.community,
        p.community_carried,
        `${p.year}: ${formatBeds(p.community_be)} community bed-equivalents${p.community_carried ? ' (carried forward)' : ''}`,
      ),
    );
  }
  out.push('</svg>');
  return out.join('');
}

/** A small legend swatch (decorative: the legend's text says what it is). */
export function swatch(kind: 'box' | 'beds-line' | 'community-line' | 'hollow' | 'not-reported', colour: string): string {
  const open = '<svg class="swatch" width="22" height="12" viewBox="0 0 22 12" aria-hidden="true" focusable="false">';
  switch (kind) {
    case 'box':
      return `${open}<rect x="4" y="1" width="14" height="10" fill="${colour}"/></svg>`;
    case 'beds-line':
      return `${open}<line x1="1" x2="21" y1="6" y2="6" stroke="${colour}" stroke-width="2"/><circle cx="11" cy="6" r="3.5" fill="${colour}"/></svg>`;
    case 'community-line':
      return `${open}<line x1="1" x2="21" y1="6" y2="6" stroke="${colour}" stroke-width="2" stroke-dasharray="5 3"/><rect x="7.5" y="2.5" width="7" height="7" fill="${colour}"/></svg>`;
    case 'hollow':
      return `${open}<circle cx="11" cy="6" r="3.5" fill="#FFFFFF" stroke="${colour}" stroke-width="1.5"/></svg>`;
    case 'not-reported':
      return `${open}<path d="M7.5,2.5L14.5,9.5M7.5,9.5L14.5,2.5" stroke="${colour}" stroke-width="1.5" fill="none"/></svg>`;
  }
}
