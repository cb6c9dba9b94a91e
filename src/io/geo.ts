// Region shapes for the HTML maps: the user's own GeoJSON or TopoJSON (`--geo FILE --geo-key
// PROPERTY`), read and checked here, or the bundled boundaries (data/boundaries/, built by
// scripts/build-boundaries.mjs from world-atlas and us-atlas) matched by region code: countries
// by ISO 3166-1 alpha-2 or alpha-3, US states by postal code, FIPS code or ISO 3166-2 (US-CA).
//
// Everything becomes one TopoJSON topology (a GeoJSON file through topojson-server), so shared
// borders are stored once and the map is simplified without gaps between neighbours
// (report/map/project.ts); app/map.ts matches them to a run's regions. A file that is not valid
// geometry stops with every problem at once, each at its line and column (exit 3): positions that are not numbers, longitudes or latitudes
// out of range (RFC 7946: WGS 84 degrees), rings that are not closed or have under four
// positions, arc indexes past the end. Rings are wound as d3-geo draws them (clockwise outside),
// whatever the file's own winding: RFC 7946 asks for the opposite, and d3 would fill the globe.
import { readFile, stat } from 'node:fs/promises';
import type { Feature, FeatureCollection, Geometry, Polygon as GeoPolygon } from 'geojson';
import { geoArea } from 'd3-geo';
import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import { feature as topoFeature, transform as topoTransform } from 'topojson-client';
import { topology as toTopology } from 'topojson-server';
import type { GeometryObject, Topology } from 'topojson-specification';
import { parseJsonTree } from '../core/import/json-tree.js';
import { type ImportIssue, lineLocator } from '../core/import/table.js';
import { type InputIssue, InputError, quoteValue } from '../core/issues.js';
import { FileAccessError } from './errors.js';
import { appendAll } from '../core/append-all.js';

/** A boundary file larger than this is refused: simplify it first (e.g. mapshaper -simplify). */
export const MAX_GEO_BYTES = 128 * 1024 * 1024;
/** At most this many positions in a boundary file (the same advice). */
export const MAX_GEO_POSITIONS = 3_000_000;
/** At most this many problems are listed; the rest are counted. */
const MAX_ISSUES = 20;
/** Syntax and shape errors are located by line and column in files up to this size (the full tree costs memory). */
const LOCATE_LIMIT = 32 * 1024 * 1024;

/**
 * How a boundary set is laid out on the page: 'fitted' (an equal-area projection fitted to the
 * regions) or 'albers-usa' (US states, Alaska and Hawaii as insets). The values of
 * report/map/shapes.ts's MapLayout, which io may not import; app/map.ts hands one to the other,
 * so the compiler keeps them the same.
 */
export type GeoLayout = 'fitted' | 'albers-usa';
/** What each shape carries once read: its label (a country's name, the key's value), for titles. */
export interface GeoShapeProperties {
  readonly label: string;
}
/** The shapes as read: one TopoJSON object, `shapes`, a GeometryCollection of (Multi)Polygons. */
export type GeoTopology = Topology<{ shapes: GeometryObject<GeoShapeProperties> }>;
type ShapeTopology = GeoTopology;
type ShapeGeometry = GeometryObject<GeoShapeProperties>;
type ShapeProperties = GeoShapeProperties;

/** Shapes with the codes each answers to, before they are matched to a report's regions. */
export interface GeoSource {
  /** The file as the user named it, or the bundled set's description. */
  readonly name: string;
  readonly topology: GeoTopology;
  /** Per geometry of `topology.objects.shapes`: the codes it matches (empty: context only). */
  readonly keys: readonly (readonly string[])[];
  readonly layout: GeoLayout;
  /** The user's own file: shapes without a region are listed in the notice. */
  readonly userFile: boolean;
}

type Path = (string | number)[];
interface GeoIssue {
  readonly path: Path;
  readonly message: string;
}

/** Read `--geo FILE` and take each shape's code from the property `key`. Throws InputError (exit 3) or FileAccessError (exit 4). */
export async function readGeoFile(path: string, key: string): Promise<GeoSource> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    throw new FileAccessError(path, 'read', error);
  }
  if (size > MAX_GEO_BYTES) {
    throw new InputError([
      {
        file: path,
        message: `boundary file of ${(size / 2 ** 20).toFixed(0)} MiB is over the limit of ${MAX_GEO_BYTES / 2 ** 20} MiB: simplify it first (e.g. mapshaper FILE -simplify 5% -o out.json)`,
      },
    ]);
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new FileAccessError(path, 'read', error);
  }
  return parseGeo(text, path, key);
}

/** Parse and check a GeoJSON or TopoJSON text (see the file comment). Throws InputError with every problem, located. */
export function parseGeo(text: string, file: string, key: string, limits: { readonly maxPositions?: number } = {}): GeoSource {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new InputError(syntaxIssues(body, file, error));
  }
  const issues: GeoIssue[] = [];
  const counter = new PositionCounter(limits.maxPositions ?? MAX_GEO_POSITIONS);
  const source = isObject(value) && value.type === 'Topology' ? fromTopoJson(value, file, key, issues, counter) : fromGeoJson(value, file, key, issues, counter);
  if (issues.length > 0 || source === undefined) throw new InputError(locateIssues(body, file, issues));
  return source;
}

function syntaxIssues(text: string, file: string, error: unknown): InputIssue[] {
  if (text.trim() === '') return [{ file, message: 'expected GeoJSON or TopoJSON, the file is empty' }];
  if (text.length <= LOCATE_LIMIT) {
    const issues: ImportIssue[] = [];
    parseJsonTree(text, file, issues, 'GeoJSON or TopoJSON');
    if (issues.length > 0) return issues.map(toInputIssue);
  }
  // A huge file: V8's message gives the offset of the first error.
  const offset = /position (\d+)/.exec(String(error))?.[1];
  const at = offset === undefined ? {} : lineLocator(text)(Number(offset));
  return [toInputIssue({ file, at, message: 'not valid JSON' })];
}

function toInputIssue(issue: ImportIssue): InputIssue {
  const where = [issue.at.column === undefined ? '' : `column ${issue.at.column}`, issue.at.path ?? ''].filter((s) => s !== '').join(', ');
  return { file: issue.file, line: issue.at.line, message: where === '' ? issue.message : `${where}: ${issue.message}` };
}

/** Each issue at its line and column (found in the text by its JSON path), and its path as a JSON pointer. */
function locateIssues(text: string, file: string, issues: readonly GeoIssue[]): InputIssue[] {
  const shown = issues.slice(0, MAX_ISSUES);
  const tree = text.length <= LOCATE_LIMIT ? parseTree(text) : undefined;
  const locate = lineLocator(text);
  const out = shown.map((issue) => {
    const node = tree === undefined ? undefined : findNodeAtLocation(tree, issue.path);
    const pointer = issue.path.length === 0 ? undefined : `/${issue.path.join('/')}`;
    return toInputIssue({ file, at: { ...(node ? locate(node.offset) : {}), path: pointer }, message: issue.message });
  });
  if (issues.length > shown.length) out.push({ file, message: `and ${issues.length - shown.length} more problems` });
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A property value as a code: text (trimmed) or a finite number; anything else is no code. */
function codeOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Positions and rings (both formats).

class PositionCounter {
  count = 0;
  over = false;
  constructor(private readonly max: number) {}
  add(n: number, path: Path, issues: GeoIssue[]): boolean {
    this.count += n;
    if (this.count > this.max && !this.over) {
      this.over = true;
      issues.push({ path, message: `more than ${this.max.toLocaleString('en-US')} positions: simplify the file first (e.g. mapshaper FILE -simplify 5% -o out.json)` });
    }
    return !this.over;
  }
}

/** A position: two or three finite numbers, longitude −180…180 and latitude −90…90 (RFC 7946). */
function checkPosition(p: unknown, path: Path, issues: GeoIssue[]): p is number[] {
  if (!Array.isArray(p) || p.length < 2 || !p.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    issues.push({ path, message: `expected a position [longitude, latitude] of numbers, got ${describe(p)}` });
    return false;
  }
  const [lon, lat] = p as number[];
  if (lon! < -180 || lon! > 180 || lat! < -90 || lat! > 90) {
    issues.push({
      path,
      message:
        `position [${lon}, ${lat}] is not longitude/latitude in degrees (RFC 7946: WGS 84, longitude −180…180, latitude −90…90); ` +
        'a file in a projected system needs reprojecting first (e.g. ogr2ogr -t_srs EPSG:4326 out.json in.json)',
    });
    return false;
  }
  return true;
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === 'string') return quoteValue(v);
  if (typeof v === 'object') return 'an object';
  return String(v);
}

function checkRing(ring: unknown, path: Path, issues: GeoIssue[], counter: PositionCounter): void {
  if (!Array.isArray(ring)) {
    issues.push({ path, message: `expected a ring (an array of positions), got ${describe(ring)}` });
    return;
  }
  if (!counter.add(ring.length, path, issues)) return;
  const before = issues.length;
  ring.forEach((p, i) => {
    if (issues.length - before < 3) checkPosition(p, [...path, i], issues);
  });
  if (issues.length > before) return;
  if (ring.length < 4) {
    issues.push({ path, message: `a ring needs at least 4 positions (the first repeated at the end), got ${ring.length}` });
    return;
  }
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  if (first[0] !== last[0] || first[1] !== last[1]) {
    issues.push({ path, message: `ring is not closed: it starts at [${first[0]}, ${first[1]}] and ends at [${last[0]}, ${last[1]}]` });
  }
}

function checkPolygon(rings: unknown, path: Path, issues: GeoIssue[], counter: PositionCounter): void {
  if (!Array.isArray(rings) || rings.length === 0) {
    issues.push({ path, message: `expected a polygon (an array of rings), got ${describe(rings)}` });
    return;
  }
  rings.forEach((ring, i) => checkRing(ring, [...path, i], issues, counter));
}

// ---------------------------------------------------------------------------------------------
// GeoJSON.

/** A region's shape: a Polygon, a MultiPolygon, or a GeometryCollection of them; null = no shape. */
function checkGeometry(g: unknown, path: Path, issues: GeoIssue[], counter: PositionCounter): void {
  if (g === null) return;
  if (!isObject(g)) {
    issues.push({ path, message: `expected a geometry object or null, got ${describe(g)}` });
    return;
  }
  switch (g.type) {
    case 'Polygon':
      checkPolygon(g.coordinates, [...path, 'coordinates'], issues, counter);
      return;
    case 'MultiPolygon':
      if (!Array.isArray(g.coordinates)) {
        issues.push({ path: [...path, 'coordinates'], message: `expected an array of polygons, got ${describe(g.coordinates)}` });
        return;
      }
      g.coordinates.forEach((poly, i) => checkPolygon(poly, [...path, 'coordinates', i], issues, counter));
      return;
    case 'GeometryCollection':
      if (!Array.isArray(g.geometries)) {
        issues.push({ path: [...path, 'geometries'], message: `expected an array of geometries, got ${describe(g.geometries)}` });
        return;
      }
      g.geometries.forEach((part, i) => checkGeometry(part, [...path, 'geometries', i], issues, counter));
      return;
    default:
      issues.push({
        path: [...path, 'type'],
        message: `a region's shape must be a Polygon or MultiPolygon, got ${typeof g.type === 'string' ? quoteValue(g.type) : describe(g.type)}`,
      });
  }
}

function fromGeoJson(value: unknown, file: string, key: string, issues: GeoIssue[], counter: PositionCounter): GeoSource | undefined {
  let features: unknown[];
  let base: Path;
  if (isObject(value) && value.type === 'FeatureCollection') {
    if (!Array.isArray(value.features)) {
      issues.push({ path: ['features'], message: `expected an array of features, got ${describe(value.features)}` });
      return undefined;
    }
    features = value.features;
    base = ['features'];
  } else if (isObject(value) && value.type === 'Feature') {
    features = [value];
    base = [];
  } else {
    const type = isObject(value) ? value.type : undefined;
    issues.push({
      path: isObject(value) ? ['type'] : [],
      message:
        typeof type === 'string'
          ? `expected a GeoJSON FeatureCollection or Feature, or a TopoJSON Topology, got type ${quoteValue(type)}` +
            (['Polygon', 'MultiPolygon', 'GeometryCollection'].includes(type) ? ': a bare geometry has no properties to match regions by' : '')
          : `expected a GeoJSON FeatureCollection or Feature, or a TopoJSON Topology, got ${describe(value)}`,
    });
    return undefined;
  }
  const kept: Feature<Geometry | null, ShapeProperties>[] = [];
  const keys: string[][] = [];
  features.forEach((f, i) => {
    const path = base.length === 0 ? [] : [...base, i];
    if (!isObject(f) || f.type !== 'Feature') {
      issues.push({ path, message: `expected a Feature, got ${isObject(f) ? `type ${describe(f.type)}` : describe(f)}` });
      return;
    }
    if (!('geometry' in f)) {
      issues.push({ path, message: 'a Feature needs a "geometry" member (null for none)' });
      return;
    }
    if (counter.over) return;
    checkGeometry(f.geometry, [...path, 'geometry'], issues, counter);
    const code = (isObject(f.properties) ? codeOf(f.properties[key]) : undefined) ?? (key === 'id' ? codeOf(f.id) : undefined);
    kept.push({ type: 'Feature', properties: { label: code ?? `feature ${i + 1}` }, geometry: polygons(f.geometry as Geometry | null) });
    keys.push(code === undefined ? [] : [code]);
  });
  if (issues.length > 0) return undefined;
  if (!keys.some((k) => k.length > 0)) {
    issues.push({ path: base, message: noKeyMessage(key, features.map((f) => (isObject(f) && isObject(f.properties) ? f.properties : {}))) });
    return undefined;
  }
  const collection: FeatureCollection<Geometry | null, ShapeProperties> = { type: 'FeatureCollection', features: kept };
  const topology = toTopology({ shapes: collection }) as unknown as ShapeTopology;
  // topojson-server keeps each feature's properties on its geometry, in order.
  rewind(topology);
  return { name: file, topology, keys, layout: 'fitted', userFile: true };
}

/** A checked shape as one Polygon or MultiPolygon (a GeometryCollection's polygons joined), or null. */
function polygons(g: Geometry | null): Geometry | null {
  if (g === null || g.type === 'Polygon' || g.type === 'MultiPolygon') return g;
  const parts: GeoPolygon['coordinates'][] = [];
  const walk = (x: Geometry) => {
    if (x.type === 'Polygon') parts.push(x.coordinates);
    else if (x.type === 'MultiPolygon') appendAll(parts, x.coordinates);
    else if (x.type === 'GeometryCollection') x.geometries.forEach(walk);
  };
  walk(g);
  return parts.length === 0 ? null : { type: 'MultiPolygon', coordinates: parts };
}

function noKeyMessage(key: string, properties: readonly Record<string, unknown>[]): string {
  const names = [...new Set(properties.flatMap((p) => Object.keys(p)))].slice(0, 12);
  return (
    `no shape has the property ${quoteValue(key)} (--geo-key) as text or a number` +
    (names.length === 0 ? '; the shapes have no properties' : `; properties found: ${names.map((n) => quoteValue(n)).join(', ')}`)
  );
}

// ---------------------------------------------------------------------------------------------
// TopoJSON.

function fromTopoJson(value: Record<string, unknown>, file: string, key: string, issues: GeoIssue[], counter: PositionCounter): GeoSource | undefined {
  const arcs = value.arcs;
  if (!Array.isArray(arcs)) {
    issues.push({ path: ['arcs'], message: `expected an array of arcs, got ${describe(arcs)}` });
    return undefined;
  }
  const transform = value.transform;
  if (transform !== undefined && !validTransform(transform)) {
    issues.push({ path: ['transform'], message: 'expected a transform with "scale" and "translate", each two finite numbers' });
    return undefined;
  }
  if (!isObject(value.objects) || Object.keys(value.objects).length === 0) {
    issues.push({ path: ['objects'], message: `expected an object of named geometry objects, got ${describe(value.objects)}` });
    return undefined;
  }
  // The object to draw: the only one, or the first whose geometries carry the key property.
  const names = Object.keys(value.objects);
  const hasKey = (g: unknown) => isObject(g) && ((isObject(g.properties) && codeOf(g.properties[key]) !== undefined) || (key === 'id' && codeOf(g.id) !== undefined));
  const withKey = names.find((n) => geometriesOf((value.objects as Record<string, unknown>)[n]).some(hasKey));
  const name = withKey ?? names[0]!;
  const object = (value.objects)[name];
  const geometries = geometriesOf(object);
  const base: Path = isObject(object) && object.type === 'GeometryCollection' ? ['objects', name, 'geometries'] : ['objects', name];

  // Arcs: positions of numbers (quantised arcs are delta-encoded), decoded to check the range.
  const decode = isObject(transform) ? topoTransform(transform as unknown as Topology['transform'] & object) : undefined;
  arcs.forEach((arc, i) => {
    if (counter.over || issues.length >= MAX_ISSUES) return;
    if (!Array.isArray(arc) || arc.length < 2) {
      issues.push({ path: ['arcs', i], message: `expected an arc of at least 2 positions, got ${describe(arc)}` });
      return;
    }
    if (!counter.add(arc.length, ['arcs', i], issues)) return;
    arc.forEach((p, j) => {
      if (!Array.isArray(p) || p.length < 2 || !p.slice(0, 2).every((x) => typeof x === 'number' && Number.isFinite(x))) {
        issues.push({ path: ['arcs', i, j], message: `expected a position of numbers, got ${describe(p)}` });
        return;
      }
      const at = decode ? decode(p.slice(0, 2) as number[], j !== 0) : (p as number[]);
      if (issues.length < MAX_ISSUES) checkPosition([at[0], at[1]], ['arcs', i, j], issues);
    });
  });
  if (issues.length > 0) return undefined;

  const kept: ShapeGeometry[] = [];
  const keys: string[][] = [];
  geometries.forEach((g, i) => {
    const path = base[base.length - 1] === 'geometries' ? [...base, i] : base;
    if (!isObject(g)) {
      issues.push({ path, message: `expected a geometry object, got ${describe(g)}` });
      return;
    }
    if (g.type !== null && g.type !== 'Polygon' && g.type !== 'MultiPolygon') {
      issues.push({ path: [...path, 'type'], message: `a region's shape must be a Polygon or MultiPolygon, got ${describe(g.type)}` });
      return;
    }
    if (g.type !== null && !checkArcIndexes(g.arcs, g.type === 'Polygon' ? 2 : 3, arcs.length, [...path, 'arcs'], issues)) return;
    const code = (isObject(g.properties) ? codeOf(g.properties[key]) : undefined) ?? (key === 'id' ? codeOf(g.id) : undefined);
    kept.push({ ...(g as unknown as ShapeGeometry), properties: { label: code ?? `shape ${i + 1}` } });
    keys.push(code === undefined ? [] : [code]);
  });
  if (issues.length > 0) return undefined;
  if (!keys.some((k) => k.length > 0)) {
    issues.push({ path: base, message: noKeyMessage(key, geometries.map((g) => (isObject(g) && isObject(g.properties) ? g.properties : {}))) });
    return undefined;
  }
  const topology: ShapeTopology = {
    type: 'Topology',
    ...(transform === undefined ? {} : { transform: transform as Topology['transform'] }),
    arcs: arcs as Topology['arcs'],
    objects: { shapes: { type: 'GeometryCollection', geometries: kept } },
  };
  rewind(topology);
  return { name: file, topology, keys, layout: 'fitted', userFile: true };
}

function geometriesOf(object: unknown): unknown[] {
  if (!isObject(object)) return [];
  if (object.type === 'GeometryCollection') return Array.isArray(object.geometries) ? object.geometries : [];
  return [object];
}

function validTransform(t: unknown): boolean {
  const pair = (v: unknown) => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === 'number' && Number.isFinite(x));
  return isObject(t) && pair(t.scale) && pair(t.translate);
}

/** Arc indexes nested `depth` deep (Polygon 2, MultiPolygon 3), each i or ~i below `count`. */
function checkArcIndexes(value: unknown, depth: number, count: number, path: Path, issues: GeoIssue[]): boolean {
  if (!Array.isArray(value)) {
    issues.push({ path, message: `expected arc indexes (an array), got ${describe(value)}` });
    return false;
  }
  if (depth === 1) {
    const bad = value.findIndex((i) => !Number.isInteger(i) || (i < 0 ? ~i : i) >= count);
    if (bad >= 0) {
      issues.push({ path: [...path, bad], message: `arc index ${describe(value[bad])} is not one of the ${count} arcs` });
      return false;
    }
    return true;
  }
  return value.every((part, i) => checkArcIndexes(part, depth - 1, count, [...path, i], issues));
}

// ---------------------------------------------------------------------------------------------
// Winding: d3-geo takes a polygon's outer ring clockwise; a ring wound the other way encloses the
// rest of the sphere. A polygon whose area as drawn is over half the sphere is reversed.

function rewind(topology: ShapeTopology): void {
  for (const g of topology.objects.shapes.type === 'GeometryCollection' ? topology.objects.shapes.geometries : []) {
    if (g.type === 'Polygon') g.arcs = rewindPolygon(topology, g.arcs);
    else if (g.type === 'MultiPolygon') g.arcs = g.arcs.map((p) => rewindPolygon(topology, p));
  }
}

function rewindPolygon(topology: ShapeTopology, rings: number[][]): number[][] {
  const polygon = topoFeature(topology, { type: 'Polygon', arcs: rings }).geometry;
  if (geoArea(polygon) <= 2 * Math.PI) return rings;
  return rings.map((ring) => ring.map((i) => ~i).reverse());
}

// ---------------------------------------------------------------------------------------------
// The bundled boundaries.

interface BundledSet {
  readonly file: string;
  readonly description: string;
  readonly layout: GeoLayout;
  /** The codes a shape answers to, from its properties. */
  readonly codes: (p: Record<string, string>) => string[];
}

// Eurostat writes Greece EL and the United Kingdom UK (ISO: GR, GB); its data matches too.
const EUROSTAT_ALIASES: Readonly<Record<string, string>> = { GR: 'EL', GB: 'UK' };

const BUNDLED: readonly BundledSet[] = [
  {
    file: 'countries.topo.json',
    description: 'bundled country boundaries (Natural Earth 1:50m via world-atlas), matched by ISO 3166-1 code',
    layout: 'fitted',
    codes: (p) => [p.iso2!, p.iso3!, ...(EUROSTAT_ALIASES[p.iso2!] ? [EUROSTAT_ALIASES[p.iso2!]!] : [])].filter(Boolean),
  },
  {
    file: 'us-states.topo.json',
    description: 'bundled US state boundaries (Census Bureau 1:10m via us-atlas), matched by postal or FIPS code',
    layout: 'albers-usa',
    codes: (p) => [p.postal!, p.fips!, String(Number(p.fips)), `US-${p.postal}`],
  },
];

const BOUNDARIES_DIR = new URL('../../data/boundaries/', import.meta.url);
const loaded = new Map<string, Promise<GeoSource>>();

async function loadBundled(set: BundledSet): Promise<GeoSource> {
  let pending = loaded.get(set.file);
  if (pending === undefined) {
    pending = (async () => {
      const url = new URL(set.file, BOUNDARIES_DIR);
      let text: string;
      try {
        text = await readFile(url, 'utf8');
      } catch (error) {
        throw new FileAccessError(url.pathname, 'read', error);
      }
      const raw = JSON.parse(text) as Topology;
      const object = Object.values(raw.objects)[0]!;
      const geometries = (object.type === 'GeometryCollection' ? object.geometries : [object]) as GeometryObject<Record<string, string>>[];
      const props = (g: GeometryObject<Record<string, string>>): Record<string, string> => (g as { properties?: Record<string, string> }).properties ?? {};
      const keys = geometries.map((g) => (props(g).iso2 || props(g).postal ? set.codes(props(g)) : []));
      // Object.assign: a spread's copies each get a hidden class of their own in V8 (core/interval.ts).
      const shapes = geometries.map((g) => Object.assign({}, g, { properties: { label: props(g).name ?? '' } })) as ShapeGeometry[];
      const topology: ShapeTopology = { type: 'Topology', transform: raw.transform, arcs: raw.arcs, objects: { shapes: { type: 'GeometryCollection', geometries: shapes } } };
      return { name: set.description, topology, keys, layout: set.layout, userFile: false };
    })();
    loaded.set(set.file, pending);
  }
  return pending;
}

/**
 * The bundled boundary set that matches most of `codes` (countries on a tie: "CA" is Canada
 * before California), or undefined when none matches any. Codes match as written, ignoring case.
 */
export async function bundledGeoSource(codes: readonly string[]): Promise<GeoSource | undefined> {
  let best: { source: GeoSource; hits: number } | undefined;
  for (const set of BUNDLED) {
    const source = await loadBundled(set);
    const known = new Set(source.keys.flat().map((k) => k.toUpperCase()));
    const hits = codes.filter((c) => known.has(c.trim().toUpperCase())).length;
    if (hits > 0 && (best === undefined || hits > best.hits)) best = { source, hits };
  }
  return best?.source;
}
