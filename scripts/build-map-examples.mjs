#!/usr/bin/env node
// Builds the two map examples from verbatim copies of the sources in data/sources/, with the
// project's own importer (`servicegap import`; run `npm run build` first):
//
//   data/examples/europe-psychiatric-beds-2000-2011/   Eurostat tps00047: psychiatric care beds
//       per 100,000 inhabitants, 34 European countries, 2000–2011 (report: the vacuum map); no
//       services.csv: Eurostat has no community series for these years
//   data/examples/world-mh-atlas-2017/                 WHO Mental Health Atlas 2017 (GHO): beds
//       in mental hospitals, psychiatric beds in general hospitals, community residential beds,
//       outpatient facilities, per 100,000, one year per country (coverage: the coverage map)
//
// Both sources publish RATES per 100,000, so every region has a population of 100,000 in every
// year: each count then reads "per 100,000" (the importer's presets say the same).
//
//   node scripts/build-map-examples.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import countries from 'i18n-iso-countries';
import { parse } from 'csv-parse/sync';

const ROOT = resolve(import.meta.dirname, '..');
const SOURCES = join(ROOT, 'data/sources');
const EXAMPLES = join(ROOT, 'data/examples');

/** `servicegap import …` with the built CLI; returns the CSV text. */
function importCsv(args) {
  return execFileSync(process.execPath, [join(ROOT, 'bin/servicegap.js'), 'import', ...args, '--quiet'], { encoding: 'utf8' });
}

const rows = (csv) => parse(csv, { columns: true, skip_empty_lines: true });
const csvLine = (cells) => cells.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',');
const toCsv = (header, records) => `${[csvLine(header), ...records.map((r) => csvLine(header.map((h) => r[h] ?? '')))].join('\n')}\n`;

function write(folder, files) {
  const dir = join(EXAMPLES, folder);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  console.error(`wrote ${dir}: ${Object.keys(files).join(', ')}`);
}

/** A population of 100,000 for every region and year: the sources' values are per 100,000. */
function per100k(regions, years) {
  return toCsv(
    ['region', 'year', 'population'],
    regions.flatMap((region) => years.map((year) => ({ region, year, population: 100000 }))),
  );
}

// ---------------------------------------------------------------------------------------------
// Europe: Eurostat tps00047.

function europe() {
  const tsv = join(SOURCES, 'eurostat-tps00047/tps00047.tsv');
  // FX is metropolitan France, a part of FR (also in the table): counted once, as FR.
  const keep = (r) => r.region !== 'FX';
  const beds = rows(importCsv(['eurostat', tsv, '--preset', 'eurostat-tps00047', '--as', 'beds'])).filter(keep);
  const codes = [...new Set(beds.map((r) => r.region))].sort();
  // Eurostat writes Greece EL and the United Kingdom UK; ISO 3166-1 (and the names) have GR and GB.
  const iso = (code) => ({ EL: 'GR', UK: 'GB' })[code] ?? code;
  const regions = codes.map((region) => {
    const name = countries.getName(iso(region), 'en');
    if (name === undefined) throw new Error(`no country name for Eurostat code ${region}`);
    return { region, name };
  });
  const years = [...new Set(beds.map((r) => Number(r.year)))].sort((a, b) => a - b);
  write('europe-psychiatric-beds-2000-2011', {
    'regions.csv': toCsv(['region', 'name'], regions),
    'beds.csv': toCsv(['region', 'year', 'beds', 'flags'], beds),
    'population.csv': per100k(codes, years),
    'dataset.json': `${JSON.stringify(
      {
        title: `Europe: psychiatric care beds per 100,000 inhabitants, ${years[0]}–${years[years.length - 1]} (Eurostat tps00047)`,
        illustrative: false,
        notice:
          'Real published rates (Eurostat tps00047), entered with a population of 100,000, so every count reads as per 100,000. ' +
          'Eurostat publishes no community-service series for these years: the vacuum here is the fall in psychiatric hospital beds per ' +
          '100,000 with no replacement counted (an upper bound), and the coverage index counts beds only. Some years carry a break in ' +
          'series (flag b: Belgium 2006, Norway 2002 and others) or a different definition (d: Switzerland): see the flags column of beds.csv.',
        sources: [
          {
            name: 'Eurostat, table tps00047 "Psychiatric care beds in hospitals" (per 100,000 inhabitants), bulk TSV as downloaded in 2014',
            url: 'https://ec.europa.eu/eurostat/databrowser/view/tps00047/default/table',
            licence: 'Eurostat reuse policy: free reuse with attribution ("Source: Eurostat")',
            used_for: 'beds.csv (HBED_PSY, 2000–2011, 34 countries; metropolitan France FX left out, France is FR); copy in data/sources/eurostat-tps00047',
          },
        ],
      },
      null,
      2,
    )}\n`,
  });
}

// ---------------------------------------------------------------------------------------------
// World: WHO Mental Health Atlas 2017, GHO download.

function world() {
  const dir = join(SOURCES, 'who-gho-mh-atlas2017');
  const file = (code) => join(dir, 'data', `${code}.csv`);
  const beds = rows(importCsv(['gho', file('MH_16'), '--preset', 'who-mh-atlas', '--as', 'beds']));
  const services = rows(importCsv(['gho', file('MH_13'), file('MH_15'), file('MH_10'), '--preset', 'who-mh-atlas', '--as', 'services']));
  const names = new Map(rows(readFileSync(join(dir, 'codes/COUNTRY.csv'), 'utf8')).map((r) => [r.Code, r.Title]));
  const codes = [...new Set([...beds, ...services].map((r) => r.region))].sort();
  const regions = codes.map((region) => {
    const name = names.get(region);
    if (name === undefined) throw new Error(`no country name for WHO code ${region}`);
    return { region, name };
  });
  const years = [...new Set([...beds, ...services].map((r) => Number(r.year)))].sort((a, b) => a - b);
  write('world-mh-atlas-2017', {
    'regions.csv': toCsv(['region', 'name'], regions),
    'beds.csv': toCsv(['region', 'year', 'beds', 'flags'], beds),
    'services.csv': toCsv(['region', 'year', 'service', 'capacity', 'unit', 'flags'], services),
    'population.csv': per100k(codes, years),
    'dataset.json': `${JSON.stringify(
      {
        title: 'World: mental health beds and services per 100,000, WHO Mental Health Atlas 2017',
        illustrative: false,
        notice:
          'Real published rates (WHO Global Health Observatory, Mental Health Atlas 2017), entered with a population of 100,000, so every ' +
          'count reads as per 100,000. One figure per country and indicator, for the year the country reported (mostly 2016, some ' +
          '2013–2017): a cross-section for `servicegap coverage`, not a time series, so a vacuum cannot be measured from it. ' +
          'A country that did not report an indicator has no row for it (missing, not zero).',
        sources: [
          {
            name: 'World Health Organization, Global Health Observatory, "Mental health service availability" (Mental Health Atlas 2017), bulk download generated 2022-02-09',
            url: 'https://www.who.int/data/gho/data/themes/topics/topic-details/GHO/mental-health-service-availability',
            licence: 'WHO terms of use: reuse with attribution (Atlas publications CC BY-NC-SA 3.0 IGO)',
            used_for:
              'beds.csv (MH_16 beds in mental hospitals), services.csv (MH_13 psychiatric beds in general hospitals → general_hospital/beds, ' +
              'MH_15 community residential beds → supported_living/beds, MH_10 outpatient facilities → cmhc/facilities), names from codes/COUNTRY.csv; ' +
              'copies in data/sources/who-gho-mh-atlas2017',
          },
        ],
      },
      null,
      2,
    )}\n`,
  });
}

europe();
world();
