// Boundary files (src/io/geo.ts): the user's GeoJSON and TopoJSON, checked with every problem
// located; the bundled boundaries matched by ISO 3166-1 and US state codes.
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { geoArea } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/issues.js';
import { FileAccessError } from '../../src/io/errors.js';
import { loadMapShapes, matchShapes } from '../../src/app/map.js';
import { bundledGeoSource, MAX_GEO_BYTES, parseGeo, readGeoFile } from '../../src/io/geo.js';

const dir = mkdtempSync(join(tmpdir(), 'servicegap-geo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A square from (x, y) with side s, wound counter-clockwise (RFC 7946's right-hand rule). */
const square = (x: number, y: number, s = 1) => [
  [
    [x, y],
    [x + s, y],
    [x + s, y + s],
    [x, y + s],
    [x, y],
  ],
];
const fc = (features: unknown[]) => ({ type: 'FeatureCollection', features });
const polygonFeature = (props: Record<string, unknown>, coordinates: unknown) => ({ type: 'Feature', properties: props, geometry: { type: 'Polygon', coordinates } });

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as InputError).issues.map((i) => `${i.file}:${i.line ?? '-'}: ${i.message}`);
  }
  throw new Error('expected an InputError');
}

describe('parseGeo: GeoJSON', () => {
  it('reads a FeatureCollection, takes codes from the key property, and winds rings as d3-geo draws them', () => {
    const text = JSON.stringify(fc([polygonFeature({ code: 'A', name: 'Alpha' }, square(10, 50)), polygonFeature({ code: 'B' }, square(11, 50))]));
    const source = parseGeo(text, 'shapes.json', 'code');
    expect(source.keys).toEqual([['A'], ['B']]);
    expect(source.userFile).toBe(true);
    // The squares were counter-clockwise: as written, d3 reads them as the rest of the sphere (area > 2π).
    expect(geoArea({ type: 'Polygon', coordinates: square(10, 50) } as never)).toBeGreaterThan(2 * Math.PI);
    const shapes = source.topology.objects.shapes as { geometries: GeometryObject[] };
    for (const g of shapes.geometries) {
      const f = feature(source.topology as unknown as Topology, g as never) as unknown as { geometry: unknown };
      // One square degree at 50°N is about 2.3e-4 sr: small, i.e. the square itself.
      expect(geoArea(f.geometry as never)).toBeLessThan(1e-3);
    }
  });

  it('takes the feature id when no key is given, and a number as a code', () => {
    const text = JSON.stringify(fc([{ ...polygonFeature({}, square(0, 0)), id: 301 }]));
    expect(parseGeo(text, 'f.json', 'id').keys).toEqual([['301']]);
  });

  it('locates a syntax error by line and column', () => {
    const issues = issuesOf(() => parseGeo('{\n  "type": "FeatureCollection",\n  "features": [,]\n}', 'bad.json', 'code'));
    expect(issues[0]).toMatch(/^bad\.json:3: column 16: not valid JSON/);
  });

  it('lists every geometry problem at once, each at its line and JSON path', () => {
    const text = [
      '{"type": "FeatureCollection", "features": [',
      '{"type": "Feature", "properties": {"code": "A"}, "geometry": {"type": "Polygon", "coordinates": [[[10, 50], [11, 50], [11, 51], [10, 50]]]}},',
      '{"type": "Feature", "properties": {"code": "B"}, "geometry": {"type": "Polygon", "coordinates": [[[10, 50], [11, 50], [11, 51], [10, 51]]]}},',
      '{"type": "Feature", "properties": {"code": "C"}, "geometry": {"type": "Polygon", "coordinates": [[[597000, 6640000], [11, 50], [11, 51], [597000, 6640000]]]}},',
      '{"type": "Feature", "properties": {"code": "D"}, "geometry": {"type": "LineString", "coordinates": [[10, 50], [11, 50]]}},',
      '{"type": "Feature", "properties": {"code": "E"}, "geometry": {"type": "Polygon", "coordinates": [[["x", 50], [11, 50], [11, 51], [10, 50]]]}}',
      ']}',
    ].join('\n');
    const issues = issuesOf(() => parseGeo(text, 'trusts.json', 'code'));
    // Feature A is valid: four positions, closed. One feature per line: B on 3, C on 4, D on 5, E on 6.
    expect(issues).toEqual([
      expect.stringMatching(/^trusts\.json:3: column \d+, \/features\/1\/geometry\/coordinates\/0: ring is not closed: it starts at \[10, 50\] and ends at \[10, 51\]$/),
      expect.stringMatching(/^trusts\.json:4: column \d+, \/features\/2\/geometry\/coordinates\/0\/0: position \[597000, 6640000\] is not longitude\/latitude in degrees/),
      // The ring's last position repeats its first: both are out of range.
      expect.stringMatching(/^trusts\.json:4: column \d+, \/features\/2\/geometry\/coordinates\/0\/3: position \[597000, 6640000\]/),
      expect.stringMatching(/^trusts\.json:5: column \d+, \/features\/3\/geometry\/type: a region's shape must be a Polygon or MultiPolygon, got "LineString"$/),
      expect.stringMatching(/^trusts\.json:6: column \d+, \/features\/4\/geometry\/coordinates\/0\/0: expected a position \[longitude, latitude\] of numbers, got an array of 2$/),
    ]);
    expect(issues).toHaveLength(5);
  });

  it('refuses a ring of fewer than four positions and a bare geometry', () => {
    expect(issuesOf(() => parseGeo(JSON.stringify(fc([polygonFeature({ c: 'A' }, [[[0, 0], [1, 0], [0, 0]]])])), 'f.json', 'c'))[0]).toMatch(
      /a ring needs at least 4 positions \(the first repeated at the end\), got 3/,
    );
    expect(issuesOf(() => parseGeo(JSON.stringify({ type: 'Polygon', coordinates: square(0, 0) }), 'g.json', 'c'))[0]).toMatch(
      /got type "Polygon": a bare geometry has no properties to match regions by/,
    );
  });

  it('says which properties the shapes have when none has the key', () => {
    const text = JSON.stringify(fc([polygonFeature({ navn: 'Oslo', kode: '0301' }, square(10, 59))]));
    expect(issuesOf(() => parseGeo(text, 'k.json', 'code'))[0]).toMatch(/no shape has the property "code" \(--geo-key\) as text or a number; properties found: "navn", "kode"/);
  });

  it('stops at the position limit with advice, and refuses a file over the size limit before reading it', async () => {
    const many = fc(Array.from({ length: 30 }, (_, i) => polygonFeature({ c: `R${i}` }, square(i, 0, 0.5))));
    expect(issuesOf(() => parseGeo(JSON.stringify(many), 'big.json', 'c', { maxPositions: 100 }))).toEqual([
      expect.stringMatching(/more than 100 positions: simplify the file first/),
    ]);
    const huge = join(dir, 'huge.json');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_GEO_BYTES + 1); // sparse: no disk is used
    await expect(readGeoFile(huge, 'c')).rejects.toThrow(/over the limit of 128 MiB: simplify it first/);
    await expect(readGeoFile(join(dir, 'missing.json'), 'c')).rejects.toBeInstanceOf(FileAccessError);
  });
});

describe('parseGeo: TopoJSON', () => {
  const topo = (arcsIndex: number[][]) => ({
    type: 'Topology',
    arcs: [
      [
        [10, 50],
        [10, 51],
        [11, 51],
        [11, 50],
        [10, 50],
      ],
    ],
    objects: { trusts: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', arcs: arcsIndex, properties: { code: 'T1' } }] } },
  });

  it('reads the object whose shapes carry the key', () => {
    const source = parseGeo(JSON.stringify(topo([[0]])), 't.json', 'code');
    expect(source.keys).toEqual([['T1']]);
  });

  it('refuses an arc index past the end, at its place', () => {
    expect(issuesOf(() => parseGeo(JSON.stringify(topo([[0, 3]])), 't.json', 'code'))[0]).toMatch(
      /\/objects\/trusts\/geometries\/0\/arcs\/0\/1: arc index 3 is not one of the 1 arcs/,
    );
  });
});

describe('bundled boundaries', () => {
  const matchedOf = async (codes: string[]) => {
    const source = await bundledGeoSource(codes);
    if (source === undefined) return undefined;
    const shapes = matchShapes(source, codes);
    const geometries = (shapes.topology.objects.shapes as { geometries: { properties?: { region?: string; label: string } }[] }).geometries;
    const byRegion = new Map(geometries.filter((g) => g.properties?.region).map((g) => [g.properties!.region!, g.properties!.label]));
    return { source: source.name, byRegion, without: shapes.regionsWithoutShape };
  };

  it('matches countries by ISO 3166-1 alpha-2 and alpha-3, and Eurostat\'s EL and UK', async () => {
    const m = (await matchedOf(['NO', 'SWE', 'EL', 'UK', 'de', 'XX']))!;
    expect(m.source).toMatch(/country boundaries/);
    expect(Object.fromEntries(m.byRegion)).toEqual({ NO: 'Norway', SWE: 'Sweden', EL: 'Greece', UK: 'United Kingdom', de: 'Germany' });
    expect(m.without).toEqual(['XX']);
  });

  it('matches US states by postal code, FIPS (with or without its zero) and ISO 3166-2', async () => {
    const m = (await matchedOf(['CA', 'TX', 'NY', '06', '6', 'US-WA']))!;
    expect(m.source).toMatch(/US state boundaries/);
    expect(m.byRegion.get('CA')).toBe('California');
    expect(m.byRegion.get('TX')).toBe('Texas');
    expect(m.byRegion.get('US-WA')).toBe('Washington');
    // "06" and "6" are both California: one shape has one region, the first code that claims it.
    expect([m.byRegion.get('06'), m.byRegion.get('6')].filter(Boolean)).toHaveLength(0);
  });

  it('takes countries on a tie ("CA" alone is Canada) and nothing for codes of neither kind', async () => {
    expect((await matchedOf(['CA']))!.byRegion.get('CA')).toBe('Canada');
    expect(await matchedOf(['983971709', 'H03'])).toBeUndefined();
    const none = await loadMapShapes({}, ['983971709']);
    expect(none.shapes).toBeUndefined();
    expect(none.notes[0]).toMatch(/map: none drawn: no region code is an ISO 3166-1 country code or a US state code/);
  });

  it("matches the user's numbers to codes with leading zeros, and lists both kinds of leftovers", async () => {
    const file = join(dir, 'kommuner.json');
    writeFileSync(file, JSON.stringify(fc([polygonFeature({ nr: 301 }, square(10, 59)), polygonFeature({ nr: 1103 }, square(5, 58)), polygonFeature({ nr: '<b>5001</b>' }, square(10, 63))])));
    const loaded = await loadMapShapes({ geo: file, geoKey: 'nr' }, ['0301', '1103', '4601']);
    expect(loaded.shapes!.regionsWithoutShape).toEqual(['4601']);
    expect(loaded.shapes!.shapesWithoutRegion).toEqual(['<b>5001</b>']);
    expect(loaded.notes).toEqual([
      `map: 1 region has no shape in ${file}: 4601`,
      `map: 1 shape in ${file} matches no region: <b>5001</b>`,
    ]);
  });

  it('compares codes as the data does: a key saved decomposed (NFD) or with a zero-width space finds its region', async () => {
    const file = join(dir, 'fylker.json');
    // "Å" (U+00C5) is written by NFD as A + U+030A (combining ring); the second key carries a
    // zero-width space (U+200B). The regions' codes are as the dataset keeps them (NFC, no U+200B).
    const nfdKey = 'A\u030Aland';
    const zeroWidthKey = 'Tr\u200Bondelag';
    writeFileSync(file, JSON.stringify(fc([polygonFeature({ kode: nfdKey }, square(20, 60)), polygonFeature({ kode: zeroWidthKey }, square(10, 63))])));
    const loaded = await loadMapShapes({ geo: file, geoKey: 'kode' }, ['\u00C5land', 'Trondelag']);
    expect(loaded.shapes!.regionsWithoutShape).toEqual([]);
    expect(loaded.shapes!.shapesWithoutRegion).toEqual([]);
    const geometries = (loaded.shapes!.topology.objects.shapes as { geometries: { properties?: { region?: string } }[] }).geometries;
    expect(geometries.map((g) => g.properties?.region)).toEqual(['\u00C5land', 'Trondelag']);
  });
});
