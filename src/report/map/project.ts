// Matched shapes → SVG path data, on the server with d3-geo: a projection fitted to the regions'
// shapes, then the topology simplified for the size it is drawn at (topojson-simplify:
// Visvalingam's triangle areas on the sphere, so neighbours keep one shared border), then each
// region's shapes as one path, coordinates rounded to 0.1 unit. Pure and deterministic.
//
// Projection: Albers USA for US states (Alaska and Hawaii as insets); otherwise Equal Earth when
// the regions span much of the world, else a Lambert azimuthal equal-area projection centred on
// them (as EPSG:3035 for Europe). Both are equal-area, as a choropleth of rates should be. The
// fit leaves out a region's far-away parts (French Guiana for France, the Canaries stay): the
// polygons more than 30° from its largest one; what falls outside the frame is clipped.
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import {
  geoAlbersUsa,
  geoAzimuthalEqualArea,
  geoBounds,
  geoCentroid,
  geoDistance,
  geoEqualEarth,
  geoArea,
  geoPath,
  type GeoProjection,
} from 'd3-geo';
import { feature as topoFeature } from 'topojson-client';
import { presimplify, simplify, sphericalTriangleArea } from 'topojson-simplify';
import type { GeometryObject, Objects, Topology } from 'topojson-specification';
import type { MapShapes, ShapeProperties } from './shapes.js';

/** A region's drawn shape, and a context shape (a neighbour, or a shape no region claims). */
export interface ProjectedShape {
  readonly label: string;
  /** SVG path data in the map's own units. */
  readonly d: string;
}

/** The map laid out: its size, each matched region's path, and the context shapes in view. */
export interface ProjectedMap {
  readonly width: number;
  readonly height: number;
  /** Region code → its shape, in the order the shapes came. */
  readonly regions: ReadonlyMap<string, ProjectedShape>;
  readonly context: readonly ProjectedShape[];
}

/** The frame: a fixed width (the SVG scales to its box), the height from the regions' shape. */
export interface MapFrame {
  readonly width: number;
  readonly minHeight: number;
  readonly maxHeight: number;
}

export const DEFAULT_FRAME: MapFrame = { width: 960, minHeight: 240, maxHeight: 640 };

const MARGIN = 6;
/** Polygons farther than this from a region's largest polygon are left out of the fit. */
const FAR_AWAY = (30 * Math.PI) / 180;
/** Points whose triangle is under this many square units are dropped: invisible at 1:1. */
const MIN_AREA = 0.5;

type Shape = GeometryObject<ShapeProperties>;
/** A shape's properties (a null geometry's type leaves them out of the union). */
const propsOf = (g: Shape): Partial<ShapeProperties> => (g as { properties?: ShapeProperties }).properties ?? {};

/** Project the shapes of the regions in `regions` (codes), and the others as context. */
export function projectShapes(shapes: MapShapes, frame: MapFrame = DEFAULT_FRAME): ProjectedMap | undefined {
  const topology = shapes.topology as unknown as Topology<Objects<{}>>;
  const all = geometries(shapes);
  const matched = all.filter((g) => propsOf(g).region !== undefined && g.type !== null);
  if (matched.length === 0) return undefined;

  const fit: FeatureCollection = { type: 'FeatureCollection', features: matched.flatMap((g) => mainParts(topoFeature(topology, g) as Feature)) };
  if (fit.features.length === 0) return undefined;
  const projection = chooseProjection(shapes, fit);
  const inner = frame.width - 2 * MARGIN;
  projection.fitWidth(inner, fit);
  const [[, y0], [, y1]] = geoPath(projection).bounds(fit);
  const height = Math.round(Math.min(frame.maxHeight, Math.max(frame.minHeight, y1 - y0 + 2 * MARGIN)));
  projection.fitExtent(
    [
      [MARGIN, MARGIN],
      [frame.width - MARGIN, height - MARGIN],
    ],
    fit,
  );
  if (shapes.layout !== 'albers-usa') {
    projection.clipExtent([
      [0, 0],
      [frame.width, height],
    ]);
  }

  // Simplified for this scale: a triangle of MIN_AREA square units covers MIN_AREA / k² steradians.
  const k = projection.scale();
  const simple = simplify(presimplified(topology), MIN_AREA / (k * k));
  // The shapes are simplified already: resampling the projected lines finer than a unit adds nothing.
  projection.precision(1);
  const path = geoPath(projection).digits(1);
  const view = shapes.layout === 'albers-usa' ? undefined : viewBounds(projection, frame.width, height);
  const regions = new Map<string, { label: string; parts: string[] }>();
  const context: ProjectedShape[] = [];
  for (const g of all) {
    if (g.type === null) continue;
    const f = topoFeature(simple, g) as Feature;
    const region = propsOf(g).region;
    if (region === undefined) {
      // A context shape far outside the frame is left out before it is projected and clipped.
      if (view !== undefined && !overlaps(lonLatBounds(f), view)) continue;
      const d = path(f) ?? '';
      if (d !== '') context.push({ label: propsOf(g).label ?? '', d });
      continue;
    }
    const d = path(f) ?? '';
    const entry = regions.get(region) ?? { label: propsOf(g).label ?? region, parts: [] };
    if (d !== '') entry.parts.push(d);
    regions.set(region, entry);
  }
  const drawn = new Map<string, ProjectedShape>();
  for (const [region, { label, parts }] of regions) if (parts.length > 0) drawn.set(region, { label, d: parts.join('') });
  if (drawn.size === 0) return undefined;
  return { width: frame.width, height, regions: drawn, context };
}

// presimplify's weights depend only on the shapes: computed once per topology.
const weighted = new WeakMap<object, Topology<Objects<{}>>>();
function presimplified(topology: Topology<Objects<{}>>): Topology<Objects<{}>> {
  let pre = weighted.get(topology.arcs);
  if (pre === undefined) {
    pre = presimplify(topology, sphericalTriangleArea);
    weighted.set(topology.arcs, pre);
  }
  return pre;
}

type Box = [[number, number], [number, number]];

/** The longitudes and latitudes the frame shows (its border's inverse, padded), or undefined when it shows a pole or the globe's edge. */
function viewBounds(projection: GeoProjection, width: number, height: number): Box | undefined {
  const steps = 16;
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (let i = 0; i <= steps; i++) {
    for (const [x, y] of [
      [(width * i) / steps, 0],
      [(width * i) / steps, height],
      [0, (height * i) / steps],
      [width, (height * i) / steps],
    ] as const) {
      const p = projection.invert?.([x, y]);
      if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return undefined;
      west = Math.min(west, p[0]);
      east = Math.max(east, p[0]);
      south = Math.min(south, p[1]);
      north = Math.max(north, p[1]);
    }
  }
  // A pole inside the frame: every longitude is in view.
  for (const pole of [[0, 90], [0, -90]] as [number, number][]) {
    const at = projection(pole);
    if (at && at[0] >= 0 && at[0] <= width && at[1] >= 0 && at[1] <= height) return undefined;
  }
  if (east - west > 180) return undefined;
  const pad = 5;
  return [
    [west - pad, south - pad],
    [east + pad, north + pad],
  ];
}

function lonLatBounds(f: Feature): Box {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  const g = f.geometry;
  const rings = g === null ? [] : g.type === 'Polygon' ? g.coordinates : g.type === 'MultiPolygon' ? g.coordinates.flat() : [];
  for (const ring of rings) {
    for (const [x, y] of ring) {
      if (x! < west) west = x!;
      if (x! > east) east = x!;
      if (y! < south) south = y!;
      if (y! > north) north = y!;
    }
  }
  return [
    [west, south],
    [east, north],
  ];
}

const overlaps = (a: Box, b: Box): boolean => a[0][0] <= b[1][0] && a[1][0] >= b[0][0] && a[0][1] <= b[1][1] && a[1][1] >= b[0][1];

function geometries(shapes: MapShapes): Shape[] {
  const object = shapes.topology.objects.shapes;
  return object.type === 'GeometryCollection' ? object.geometries : [object];
}

/** A region's polygons near its largest one (see the file comment). */
function mainParts(f: Feature): Feature<Polygon>[] {
  const g = f.geometry;
  if (g === null) return [];
  const polygons: Polygon[] =
    g.type === 'Polygon' ? [g] : g.type === 'MultiPolygon' ? (g).coordinates.map((coordinates) => ({ type: 'Polygon', coordinates })) : [];
  if (polygons.length <= 1) return polygons.map((p) => asFeature(p));
  const areas = polygons.map((p) => geoArea(p));
  const largest = polygons[areas.indexOf(Math.max(...areas))]!;
  const centre = geoCentroid(largest);
  return polygons.filter((p) => geoDistance(geoCentroid(p), centre) <= FAR_AWAY).map((p) => asFeature(p));
}

const asFeature = (geometry: Polygon): Feature<Polygon> => ({ type: 'Feature', properties: {}, geometry });

function chooseProjection(shapes: MapShapes, fit: FeatureCollection): GeoProjection {
  if (shapes.layout === 'albers-usa') return geoAlbersUsa();
  const [[west, south], [east, north]] = geoBounds(fit);
  const lonSpan = east >= west ? east - west : east + 360 - west;
  if (lonSpan > 150 || north - south > 100) return geoEqualEarth();
  const centreLon = west + lonSpan / 2;
  return geoAzimuthalEqualArea()
    .rotate([-centreLon, -(south + north) / 2])
    .clipAngle(90);
}
