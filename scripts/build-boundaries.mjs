#!/usr/bin/env node
// Builds the bundled boundary files the HTML maps match region codes against (src/io/geo.ts):
//
//   data/boundaries/countries.topo.json  countries of the world: world-atlas countries-50m
//                                        (Natural Earth 1:50m admin 0), each shape with its
//                                        ISO 3166-1 alpha-2, alpha-3 and numeric code and name
//   data/boundaries/us-states.topo.json  US states, DC and Puerto Rico: us-atlas states-10m
//                                        (Census Bureau cartographic boundaries 1:10m), each with
//                                        its FIPS code, postal code and name
//
// Both are TopoJSON (shared borders stored once), simplified and quantised here so that the
// package stays small (countries: 5% of Natural Earth 1:50m's points, the most telling ones; US
// states: 10% of the 1:10m file's), which is still finer than any map the report draws; each map
// is simplified again for the size it is drawn at. The
// packages are devDependencies: the built files are committed, and servicegap reads only them.
// Run after upgrading world-atlas, us-atlas or i18n-iso-countries:
//
//   node scripts/build-boundaries.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import countries from 'i18n-iso-countries';
import { mergeArcs, quantize } from 'topojson-client';
import { presimplify, quantile, simplify, sphericalTriangleArea } from 'topojson-simplify';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'data/boundaries');
const require = createRequire(import.meta.url);
const readJson = (spec) => JSON.parse(readFileSync(require.resolve(spec), 'utf8'));
const version = (name) => readJson(`${name}/package.json`).version;

// Natural Earth draws these without an ISO 3166-1 numeric code (world-atlas leaves `id` empty).
// Kosovo has no ISO code; XK/XKX is the user-assigned code the European Commission, Eurostat and
// the IMF use for it. The others stay shapes without a code (drawn as context, never matched).
const NO_ISO_NUMERIC = { Kosovo: { iso2: 'XK', iso3: 'XKX', name: 'Kosovo' } };

// FIPS state code → USPS postal code, for the 50 states, DC and Puerto Rico (US Census Bureau,
// "FIPS Codes for the States and the District of Columbia", and 72 for Puerto Rico). The few
// island areas us-atlas also draws (60, 66, 69, 78) are listed so that every shape has a code.
const US_POSTAL = {
  '01': 'AL', '02': 'AK', '04': 'AZ', '05': 'AR', '06': 'CA', '08': 'CO', '09': 'CT', '10': 'DE', '11': 'DC',
  '12': 'FL', '13': 'GA', '15': 'HI', '16': 'ID', '17': 'IL', '18': 'IN', '19': 'IA', '20': 'KS', '21': 'KY',
  '22': 'LA', '23': 'ME', '24': 'MD', '25': 'MA', '26': 'MI', '27': 'MN', '28': 'MS', '29': 'MO', '30': 'MT',
  '31': 'NE', '32': 'NV', '33': 'NH', '34': 'NJ', '35': 'NM', '36': 'NY', '37': 'NC', '38': 'ND', '39': 'OH',
  '40': 'OK', '41': 'OR', '42': 'PA', '44': 'RI', '45': 'SC', '46': 'SD', '47': 'TN', '48': 'TX', '49': 'UT',
  '50': 'VT', '51': 'VA', '53': 'WA', '54': 'WV', '55': 'WI', '56': 'WY', '60': 'AS', '66': 'GU', '69': 'MP',
  '72': 'PR', '78': 'VI',
};

/**
 * Keep the `share` of points whose triangles are largest (Visvalingam), then quantise. An island
 * drawn by one closed arc keeps its two weightiest inner points whatever their weight: a triangle
 * at least, where simplifying alone would leave only its end point and drop the island (Malta,
 * Gozo, small island states).
 */
function lighten(topology, share, quantisation) {
  const pre = presimplify(topology, sphericalTriangleArea);
  for (const arc of pre.arcs) {
    const [first, last] = [arc[0], arc[arc.length - 1]];
    if (arc.length < 4 || first[0] !== last[0] || first[1] !== last[1]) continue;
    const inner = arc.slice(1, -1).sort((a, b) => b[2] - a[2]);
    for (const p of inner.slice(0, 2)) p[2] = Infinity;
  }
  return quantize(simplify(pre, quantile(pre, share)), quantisation);
}

/** Strip the simplification weights (the third coordinate presimplify adds) from every arc. */
function plainArcs(topology) {
  return { ...topology, arcs: topology.arcs.map((arc) => arc.map((p) => [p[0], p[1]])) };
}

function buildCountries() {
  const world = readJson('world-atlas/countries-50m.json');
  const byCode = new Map();
  const context = [];
  for (const g of world.objects.countries.geometries) {
    const name = g.properties?.name ?? '';
    let codes;
    if (g.id !== undefined) {
      const iso2 = countries.numericToAlpha2(g.id);
      if (iso2 === undefined) throw new Error(`world-atlas: no ISO 3166-1 alpha-2 code for numeric ${g.id} (${name})`);
      codes = { iso2, iso3: countries.alpha2ToAlpha3(iso2), numeric: g.id, name: countries.getName(iso2, 'en') ?? name };
    } else if (NO_ISO_NUMERIC[name]) {
      codes = NO_ISO_NUMERIC[name];
    }
    if (codes === undefined) {
      context.push({ ...g, id: undefined, properties: { name } });
      continue;
    }
    const list = byCode.get(codes.iso2) ?? { codes, parts: [] };
    list.parts.push(g);
    byCode.set(codes.iso2, list);
  }
  // One shape per code: Australia's Ashmore and Cartier Islands share its numeric code.
  const geometries = [...byCode.values()].map(({ codes, parts }) => {
    const geometry = parts.length === 1 ? parts[0] : mergeArcs(world, parts);
    return { type: geometry.type, arcs: geometry.arcs, properties: codes };
  });
  geometries.sort((a, b) => a.properties.iso2.localeCompare(b.properties.iso2));
  const topology = { type: 'Topology', transform: world.transform, arcs: world.arcs, objects: { countries: { type: 'GeometryCollection', geometries: [...geometries, ...context] } } };
  return plainArcs(lighten(topology, 0.03, 1e5));
}

function buildStates() {
  const us = readJson('us-atlas/states-10m.json');
  const geometries = us.objects.states.geometries.map((g) => {
    const postal = US_POSTAL[g.id];
    if (postal === undefined) throw new Error(`us-atlas: no postal code for FIPS ${g.id} (${g.properties?.name})`);
    return { type: g.type, arcs: g.arcs, properties: { fips: g.id, postal, name: g.properties.name } };
  });
  geometries.sort((a, b) => a.properties.fips.localeCompare(b.properties.fips));
  const topology = { type: 'Topology', transform: us.transform, arcs: us.arcs, objects: { states: { type: 'GeometryCollection', geometries } } };
  return plainArcs(lighten(topology, 0.05, 1e5));
}

function write(name, topology, source) {
  const file = join(OUT, name);
  mkdirSync(dirname(file), { recursive: true });
  const text = `${JSON.stringify({ ...topology, servicegap: source })}\n`;
  writeFileSync(file, text);
  console.error(`wrote ${file} (${(text.length / 1024).toFixed(0)} KiB)`);
}

write('countries.topo.json', buildCountries(), {
  from: `world-atlas ${version('world-atlas')} countries-50m.json (Natural Earth 1:50m Admin 0 countries, public domain; world-atlas ISC licence)`,
  codes: `ISO 3166-1 from i18n-iso-countries ${version('i18n-iso-countries')}; Kosovo XK/XKX (user-assigned, as Eurostat)`,
  built_by: 'scripts/build-boundaries.mjs',
});
write('us-states.topo.json', buildStates(), {
  from: `us-atlas ${version('us-atlas')} states-10m.json (US Census Bureau cartographic boundary files 1:10m, public domain; us-atlas ISC licence)`,
  codes: 'FIPS state codes as in us-atlas; USPS postal codes from the Census Bureau FIPS table',
  built_by: 'scripts/build-boundaries.mjs',
});
