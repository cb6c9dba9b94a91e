// The colour classes of a choropleth: equal-width classes from 0 to a "nice" top above the
// largest value (d3-scale's quantize scale), so the legend reads in round numbers of the metric's
// own unit and every class is as wide as the next. A metric with a zero class (the vacuum, the
// rate drop) puts 0 and below in it: "no vacuum" is not the palest shade of a vacuum. A share
// (the coverage index, 0–1) always has the classes 0–20% … 80–100%. Pure.
import { scaleQuantize } from 'd3-scale';

/** How a metric is classed and coloured. */
export interface MapMetric {
  /** Short id, used in element ids, attributes and file names: `vacuum`, `coverage`, `rate-drop`. */
  readonly id: string;
  /** The map's title: "Service vacuum per 100,000 residents, 2015–2025". */
  readonly title: string;
  /** The radio button's text: "Vacuum per 100,000". */
  readonly short: string;
  /** The legend's title: the unit of the numbers it shows. */
  readonly unit: string;
  /** Sequential palette, palest first (one colour per class). */
  readonly palette: readonly string[];
  /** Values ≤ 0 are this class (e.g. "no vacuum"), drawn apart from the palette; undefined: 0 is the lowest class. */
  readonly zeroLabel?: string | undefined;
  /** A share from 0 to 1, shown as a percentage. */
  readonly share?: boolean | undefined;
  /** A value as the page shows it (rounded, with its unit where short). */
  readonly format: (value: number) => string;
}

/** One class: values v with lo ≤ v < hi (the last class includes hi). */
export interface MapClass {
  readonly lo: number;
  readonly hi: number;
  readonly colour: string;
}

/** A value's place on the map: a class (index into the classes), the zero class, or unknown. */
export type MapBucket = { readonly kind: 'class'; readonly index: number } | { readonly kind: 'zero' } | { readonly kind: 'unknown' };

/** The classes of one metric over the values it shows. */
export interface MapScale {
  readonly classes: readonly MapClass[];
  readonly bucket: (value: number | null) => MapBucket;
}

export function mapScale(metric: MapMetric, values: readonly (number | null)[]): MapScale {
  const n = metric.palette.length;
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const coloured = metric.zeroLabel === undefined ? known : known.filter((v) => v > 0);
  let top: number;
  if (metric.share) top = 1;
  else {
    const max = Math.max(0, ...coloured);
    top = max > 0 ? max : 1;
  }
  const scale = scaleQuantize<number>()
    .domain([0, top])
    .range(Array.from({ length: n }, (_, i) => i));
  if (!metric.share) scale.nice(n);
  const [lo, hi] = scale.domain();
  const cuts = [lo, ...scale.thresholds(), hi];
  const classes = metric.palette.map((colour, i) => ({ lo: cuts[i]!, hi: cuts[i + 1]!, colour }));
  const bucket = (value: number | null): MapBucket => {
    if (value === null || !Number.isFinite(value)) return { kind: 'unknown' };
    if (metric.zeroLabel !== undefined && value <= 0) return { kind: 'zero' };
    return { kind: 'class', index: Math.min(n - 1, Math.max(0, scale(value))) };
  };
  return { classes, bucket };
}
