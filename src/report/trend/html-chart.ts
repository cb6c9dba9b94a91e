// One small multiple of `servicegap trend --format html`: a region's vacuum per 100,000, year by
// year from the baseline B, as a line over a light area, with the year the vacuum opened (a
// dashed rule) and its peak (a marked point) labelled. All panels share one vertical scale, so
// heights compare across regions; a year whose metrics are not known breaks the line. A region
// with no community data (SPEC §8: counted as 0 on the user's word) is drawn dotted and its title
// says so: its vacuum rests on a 0 that was not measured. Inline
// SVG drawn with d3-scale and d3-shape, a <title> and a <desc> listing every year, text escaped.
import { scaleLinear } from 'd3-scale';
import { area, line } from 'd3-shape';
import type { TrendRegion } from '../../core/trend-schema.js';
import { COLOURS, regionName } from '../html-charts.js';
import { formatPer100k, toFixedNoNegZero } from '../number-format.js';
import { escapeHtml as h } from '../safe-cell.js';

const PANEL = { width: 300, height: 150, left: 40, right: 12, top: 22, bottom: 24 } as const;

/** A coordinate with at most 2 decimals and no "-0". */
const n = (x: number): string => String(Number(toFixedNoNegZero(x, 2)));

/** The shared vertical scale's top: the largest peak of the regions shown, made round. */
export function trendPanelTop(regions: readonly TrendRegion[]): number {
  const max = Math.max(0, ...regions.map((r) => r.peak_vacuum_per_100k));
  return scaleLinear().domain([0, max > 0 ? max : 1]).nice(4).domain()[1]!;
}

/** Whether the region's community capacity was not reported at all (flag `no_community_data`) in any year. */
export function trendNotReported(region: TrendRegion): boolean {
  return region.years.some((y) => y.flags.includes('no_community_data'));
}

interface Point {
  readonly year: number;
  readonly value: number | null;
}

export function trendVacuumPanel(region: TrendRegion, from: number, to: number, top: number, id: string): string {
  const byYear = new Map(region.years.map((y) => [y.year, y.vacuum_per_100k]));
  const points: Point[] = [];
  for (let year = from; year <= to; year++) points.push({ year, value: byYear.get(year) ?? null });
  const x = scaleLinear()
    .domain([from, to === from ? from + 1 : to])
    .range([PANEL.left, PANEL.width - PANEL.right]);
  const y = scaleLinear().domain([0, top]).range([PANEL.height - PANEL.bottom, PANEL.top]);
  const name = regionName(region);
  const notReported = trendNotReported(region);
  const title = `${name} (${region.region}): vacuum per 100,000 residents, ${from}–${to}${notReported ? ' (community data not reported: counted as 0 on the user’s word)' : ''}`;
  const words = points.map((p) => `${p.year}: ${p.value === null ? 'not known' : formatPer100k(p.value)}`);
  const desc =
    (region.first_vacuum_year === null
      ? 'No vacuum opened. '
      : `The vacuum opened in ${region.first_vacuum_year} and peaked at ${formatPer100k(region.peak_vacuum_per_100k)} per 100,000 in ${region.peak_year}; ` +
        `${region.open ? `still open in ${to}` : `closed by ${to}`}. `) + `${words.join('; ')}.`;

  const out = [
    `<svg class="chart trend-vacuum" id="${h(id)}" width="${PANEL.width}" height="${PANEL.height}" viewBox="0 0 ${PANEL.width} ${PANEL.height}" ` +
      `role="img" aria-labelledby="${h(id)}-title ${h(id)}-desc"><title id="${h(id)}-title">${h(title)}</title><desc id="${h(id)}-desc">${h(desc)}</desc>`,
    '<g class="axis" aria-hidden="true">',
  ];
  for (const t of y.ticks(3)) {
    out.push(
      `<line class="grid" x1="${PANEL.left}" x2="${PANEL.width - PANEL.right}" y1="${n(y(t))}" y2="${n(y(t))}"/>` +
        `<text class="tick" x="${PANEL.left - 5}" y="${n(y(t) + 4)}" text-anchor="end">${h(y.tickFormat(3)(t))}</text>`,
    );
  }
  const base = PANEL.height - PANEL.bottom;
  out.push(
    `<text class="tick" x="${n(x(from))}" y="${base + 16}" text-anchor="start">${from}</text>`,
    to === from ? '' : `<text class="tick" x="${n(x(to))}" y="${base + 16}" text-anchor="end">${to}</text>`,
    '</g>',
  );
  const defined = (p: Point) => p.value !== null;
  const fill = area<Point>()
    .defined(defined)
    .x((p) => x(p.year))
    .y0(y(0))
    .y1((p) => y(p.value ?? 0))
    .digits(2);
  const stroke = line<Point>()
    .defined(defined)
    .x((p) => x(p.year))
    .y((p) => y(p.value ?? 0))
    .digits(2);
  out.push(
    `<path class="area" d="${fill(points) ?? ''}" fill="${COLOURS.vacuum}" fill-opacity="${notReported ? '0.05' : '0.15'}"/>`,
    `<path class="line${notReported ? ' not-reported' : ''}" d="${stroke(points) ?? ''}" fill="none" stroke="${COLOURS.vacuum}" stroke-width="2"${notReported ? ' stroke-dasharray="1 3" stroke-linecap="round"' : ''}/>`,
  );
  if (region.first_vacuum_year !== null) {
    const ox = x(region.first_vacuum_year);
    out.push(
      `<g class="opened"><title>${h(`Opened in ${region.first_vacuum_year}`)}</title>` +
        `<line x1="${n(ox)}" x2="${n(ox)}" y1="${PANEL.top - 4}" y2="${base}" stroke="${COLOURS.axis}" stroke-width="1" stroke-dasharray="3 3"/>` +
        `<text class="tick" x="${n(ox + (ox > PANEL.width / 2 ? -4 : 4))}" y="${PANEL.top - 8}" text-anchor="${ox > PANEL.width / 2 ? 'end' : 'start'}">opened ${region.first_vacuum_year}</text></g>`,
    );
  }
  if (region.peak_year !== null) {
    const px = x(region.peak_year);
    const py = y(region.peak_vacuum_per_100k);
    const right = px > PANEL.width - 90;
    out.push(
      `<g class="peak"><title>${h(`Peak: ${formatPer100k(region.peak_vacuum_per_100k)} per 100,000 in ${region.peak_year}`)}</title>` +
        `<circle cx="${n(px)}" cy="${n(py)}" r="4" fill="${COLOURS.vacuum}" stroke="#ffffff" stroke-width="1.5"/>` +
        `<text class="value" x="${n(px + (right ? -7 : 7))}" y="${n(Math.max(PANEL.top + 8, py + 4))}" text-anchor="${right ? 'end' : 'start'}">` +
        `peak ${h(formatPer100k(region.peak_vacuum_per_100k))} (${region.peak_year})</text></g>`,
    );
  } else {
    out.push(`<text class="tick" x="${n((PANEL.left + PANEL.width - PANEL.right) / 2)}" y="${n(y(0) - 8)}" text-anchor="middle">no vacuum</text>`);
  }
  out.push('</svg>');
  return out.join('');
}
