#!/usr/bin/env node
// Seeded synthetic input for the benchmark: R regions × 30 years × 33 service names, so that
// services.csv has R × 990 rows (50 → 49,500; 500 → 495,000; 5,000 → 4,950,000). Region names
// mix Latin with æøå/äö, Arabic and Cyrillic so the decoder's slow paths are exercised too.
// With ROWS_PER_KEY (default 1) each region, year and service has that many rows, as a
// facility-level file would (capacities summed by the loader): more rows, the same aggregates.
// Usage: node bench/generate.mjs OUT_DIR REGIONS [SEED] [ROWS_PER_KEY]
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { mulberry32 } from './random.mjs';

const [outDir, regionsArg, seedArg, perKeyArg] = process.argv.slice(2);
if (!outDir || !regionsArg) {
  process.stderr.write('usage: node bench/generate.mjs OUT_DIR REGIONS [SEED] [ROWS_PER_KEY]\n');
  process.exit(2);
}
const REGIONS = Number(regionsArg);
const SEED = Number(seedArg ?? 20261123);
const PER_KEY = Number(perKeyArg ?? 1);
const YEARS = Array.from({ length: 30 }, (_, i) => 1995 + i);

const rand = mulberry32(SEED);
const pick = (list) => list[Math.floor(rand() * list.length)];

const STEMS = ['Nord', 'Sør', 'Øst', 'Vest', 'Midt', 'Länsi', 'Itä', 'Pohjois', 'Etelä', 'Keski', 'Åland', 'Møre', 'Trøndelag',
  'الشمال', 'الجنوب', 'الوسطى', 'Северный', 'Южный', 'Harbour', 'Valley', 'Coast', 'Highland'];
const SUFFIXES = ['helseforetak', 'hyvinvointialue', 'region', 'trust', 'kommune', 'län', 'المنطقة', 'округ'];

// 33 service names (category codes and built-in aliases) with the unit each is counted in.
const SERVICES = [
  ['crisis', 'teams'], ['crisis resolution team', 'teams'], ['ambulant akutteam', 'teams'], ['kriisipalvelut', 'teams'],
  ['crisis house', 'beds'], ['crisis', 'caseload'], ['general_hospital', 'beds'], ['cmhc', 'beds'], ['DPS', 'beds'],
  ['cmhc', 'fte'], ['mielenterveystoimisto', 'fte'], ['outreach', 'teams'], ['ACT-team', 'teams'], ['FACT', 'caseload'],
  ['early intervention in psychosis', 'caseload'], ['outreach', 'fte'], ['peer_support', 'fte'], ['vertaistuki', 'fte'],
  ['supported_living', 'places'], ['botilbud', 'places'], ['asumispalvelut', 'places'], ['supported housing', 'beds'],
  ['group home', 'places'], ['day_services', 'places'], ['værested', 'places'], ['day hospital', 'places'],
  ['clubhouse', 'places'], ['primary_care', 'fte'], ['Rask psykisk helsehjelp', 'fte'], ['self_help', 'facilities'],
  ['self-help group', 'facilities'], ['مراكز الصحة النفسية المجتمعية', 'facilities'], ['cmhc', 'facilities'],
];

async function writeCsv(name, header, rows) {
  const out = createWriteStream(join(outDir, name));
  out.write(`${header}\n`);
  for (const row of rows()) {
    if (!out.write(`${row}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

mkdirSync(outDir, { recursive: true });
const codes = Array.from({ length: REGIONS }, (_, i) => `R${String(i + 1).padStart(5, '0')}`);
const names = codes.map((_, i) => `${pick(STEMS)} ${pick(SUFFIXES)} ${i + 1}`);
const quote = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

await writeCsv('regions.csv', 'region,name', function* () {
  for (const [i, code] of codes.entries()) yield `${code},${quote(names[i])}`;
});
const base = codes.map(() => Math.round(20_000 + rand() * 980_000));
await writeCsv('population.csv', 'region,year,population', function* () {
  for (const [i, code] of codes.entries()) for (const [y, year] of YEARS.entries()) yield `${code},${year},${Math.round(base[i] * (1 + 0.004 * y))}`;
});
await writeCsv('beds.csv', 'region,year,beds,bed_type', function* () {
  for (const [i, code] of codes.entries()) {
    let beds = Math.round((base[i] / 100_000) * (60 + rand() * 60));
    for (const year of YEARS) {
      beds = Math.max(0, beds - Math.floor(rand() * 3));
      yield `${code},${year},${beds},mental_hospital`;
    }
  }
});
await writeCsv('services.csv', 'region,year,service,capacity,unit', function* () {
  for (const code of codes) {
    for (const year of YEARS) {
      for (const [service, unit] of SERVICES) {
        for (let k = 0; k < PER_KEY; k++) {
          const capacity = unit === 'teams' || unit === 'facilities' ? Math.floor(rand() * 4) : Math.round(rand() * 4000) / 10;
          yield `${code},${year},${quote(service)},${capacity},${unit}`;
        }
      }
    }
  }
});
process.stderr.write(`wrote ${REGIONS} regions × ${YEARS.length} years × ${SERVICES.length} services${PER_KEY > 1 ? ` × ${PER_KEY} rows each` : ''} to ${outDir}\n`);
