// The HTML map's shapes for a run (issue 19): the boundaries (the user's file, `geo`/`geoKey` or
// the config's map.geo/map.geo_key, else the bundled set that matches most codes; io/geo.ts
// reads them) matched to the ranked regions' codes, and the notes a user is told about them
// (regions without a shape, shapes without a region, no map at all). Used by runReport and
// runCoverage, so a library caller gets the map the command line gets.
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Config } from '../core/config.js';
import { quoteValue } from '../core/issues.js';
import { canonicalCode } from '../core/text-identity.js';
import { bundledGeoSource, type GeoSource, readGeoFile } from '../io/geo.js';
import type { MapShapes, ShapeProperties } from '../report/map/shapes.js';
import { terminalText } from '../report/safe-cell.js';
import { OptionError } from './errors.js';

/**
 * The shapes of `source` matched to region codes: a shape belongs to the region whose code it
 * answers to (bundled sets ignore case; a number in the user's file also matches a code with
 * leading zeros, 301 ↔ "0301"). Codes are compared as the data's files compare them, after
 * Unicode NFC and without zero-width characters (core/text-identity.ts), so a key saved
 * decomposed by another program still finds its region. A region with several shapes gets them all.
 */
export function matchShapes(source: GeoSource, codes: readonly string[]): MapShapes {
  const fold = (s: string) => (source.userFile ? canonicalCode(s) : canonicalCode(s).toUpperCase());
  const wanted = new Map<string, string>();
  for (const code of codes) wanted.set(fold(code.trim()), code);
  const numeric = new Map<number, string>();
  if (source.userFile) for (const code of codes) if (/^\d+$/.test(code.trim())) numeric.set(Number(code), code);
  const matched = new Set<string>();
  const shapesWithoutRegion: string[] = [];
  const shapes = source.topology.objects.shapes;
  const geometries = shapes.type === 'GeometryCollection' ? shapes.geometries : [];
  const out = geometries.map((g, i) => {
    const keys = source.keys[i] ?? [];
    let region: string | undefined;
    for (const k of keys) {
      region = wanted.get(fold(k)) ?? (/^\d+$/.test(k) ? numeric.get(Number(k)) : undefined);
      if (region !== undefined) break;
    }
    if (region !== undefined && g.type !== null) matched.add(region);
    else if (source.userFile && keys.length > 0) shapesWithoutRegion.push(keys[0]!);
    // Object.assign: a spread's copies each get a hidden class of their own in V8 (core/interval.ts).
    return Object.assign({}, g, { properties: { label: (g as { properties?: ShapeProperties }).properties?.label ?? '', ...(region === undefined ? {} : { region }) } });
  });
  return {
    source: source.name,
    topology: { ...source.topology, objects: { shapes: { type: 'GeometryCollection', geometries: out } } },
    layout: source.layout,
    regionsWithoutShape: codes.filter((c) => !matched.has(c)),
    shapesWithoutRegion: [...new Set(shapesWithoutRegion)],
  };
}

// ---------------------------------------------------------------------------------------------
// What a run asks for: the user's file (geo, or the config's map.geo), else the bundled set.

/** Where the map's shapes come from: a boundary file and its code property (`--geo FILE --geo-key PROPERTY`). */
export interface MapSourceOptions {
  /** A GeoJSON or TopoJSON file (WGS 84); none: the bundled boundaries matched by region code. */
  readonly geo?: string | undefined;
  /** The shapes' property that holds the region code; default: the feature's id. */
  readonly geoKey?: string | undefined;
}

/**
 * The boundary file in force: `geo`/`geoKey` as given, else the config's `map.geo` (relative to
 * the config file's folder, or to `cwd` for a config object or package.json) and `map.geo_key`.
 * A `geoKey` with no file at all is an OptionError: it would be ignored.
 */
export function mapSource(options: MapSourceOptions, config: Config, configPath: string | undefined, cwd: string): MapSourceOptions {
  if (options.geoKey !== undefined && options.geo === undefined && config.map?.geo === undefined) {
    throw new OptionError('geoKey', '--geo-key: only used with --geo FILE');
  }
  if (options.geo !== undefined) return { geo: options.geo, geoKey: options.geoKey ?? config.map?.geo_key };
  const geo = config.map?.geo;
  if (geo === undefined) return { geoKey: undefined };
  const base = configPath === undefined || configPath.includes('#') ? cwd : dirname(resolve(cwd, configPath));
  return { geo: isAbsolute(geo) ? geo : join(base, geo), geoKey: options.geoKey ?? config.map?.geo_key };
}

/** The shapes of a map of `codes` (the ranked level's regions), and notes for standard error. */
export interface LoadedMap {
  readonly shapes?: MapShapes | undefined;
  readonly notes: readonly string[];
}

/**
 * Shapes for a map of `codes`: the user's file matched by its key property, else the bundled set
 * that matches most codes. No shapes (and a note saying why) when no region has a shape.
 */
export async function loadMapShapes(options: MapSourceOptions, codes: readonly string[]): Promise<LoadedMap> {
  const notes: string[] = [];
  let source: GeoSource | undefined;
  if (options.geo !== undefined) {
    source = await readGeoFile(options.geo, options.geoKey ?? 'id');
  } else {
    source = await bundledGeoSource(codes);
    if (source === undefined) {
      return {
        notes: [
          'map: none drawn: no region code is an ISO 3166-1 country code or a US state code (postal or FIPS), ' +
            'and no boundary file was given (--geo FILE --geo-key PROPERTY)',
        ],
      };
    }
  }
  const shapes = matchShapes(source, codes);
  const shown = (list: readonly string[]) => terminalText(list.slice(0, 20).join(', ') + (list.length > 20 ? ` and ${list.length - 20} more` : ''));
  const matched = codes.length - shapes.regionsWithoutShape.length;
  if (matched === 0) {
    const keys = source.keys.flat().slice(0, 5);
    notes.push(
      `map: none drawn: no region matches a shape of ${terminalText(source.name)}` +
        (source.userFile ? ` by its property ${terminalText(quoteValue(options.geoKey ?? 'id'))} (values such as ${shown(keys)})` : ''),
    );
    return { notes };
  }
  if (shapes.regionsWithoutShape.length > 0) {
    const n = shapes.regionsWithoutShape.length;
    notes.push(`map: ${n} region${n === 1 ? ' has' : 's have'} no shape in ${terminalText(source.name)}: ${shown(shapes.regionsWithoutShape)}`);
  }
  if (shapes.shapesWithoutRegion.length > 0) {
    const n = shapes.shapesWithoutRegion.length;
    notes.push(`map: ${n} shape${n === 1 ? '' : 's'} in ${terminalText(source.name)} match${n === 1 ? 'es' : ''} no region: ${shown(shapes.shapesWithoutRegion)}`);
  }
  return { shapes, notes };
}

/** The map of a run: its shapes (none: no map) and the notes about them for standard error. */
export async function runMap(
  options: MapSourceOptions & { readonly cwd?: string | undefined },
  loaded: { readonly config: Config; readonly configPath?: string | undefined },
  codes: readonly string[],
): Promise<LoadedMap> {
  return loadMapShapes(mapSource(options, loaded.config, loaded.configPath, options.cwd ?? process.cwd()), codes);
}
