#!/usr/bin/env node
// A check of the SQL in docs/sql/ (one query per input file, for aggregating episode- and
// facility-level data where it lives) on DuckDB: seeded source tables — residents, wards, ward
// changes, contacts, sites and the units each service is counted in — are loaded into DuckDB; each query's result must equal the same
// aggregation done here in JavaScript, row for row; the results, written as CSV with DuckDB's
// COPY, must load in servicegap (`report --format json`), whose population, beds and the
// capacity it counted must match the JavaScript sums. Exits 1 on any difference.
//
// Usage: node bench/aggregate-sql.mjs [--keep DIR]   (npm run bench runs it first; DuckDB comes
// from bench/package.json, installed by `npm run bench`)
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import { mulberry32 } from './random.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SQL = join(ROOT, 'docs/sql');
const keepAt = process.argv.indexOf('--keep');
const dir = keepAt === -1 ? mkdtempSync(join(tmpdir(), 'servicegap-sql-')) : resolve(process.argv[keepAt + 1]);
mkdirSync(dir, { recursive: true });

// ---- seeded source data ----------------------------------------------------------------------
const rand = mulberry32(20261130);
const int = (n) => Math.floor(rand() * n);
const pick = (list) => list[int(list.length)];

const REGIONS = [
  ['NO', 'Norge', null],
  ['NO-03', 'Oslo', 'NO'],
  ['NO-46', 'Vestland', 'NO'],
  ['NO-50', 'Trøndelag', 'NO'],
];
const LEAVES = REGIONS.filter((r) => r[2] !== null).map((r) => r[0]);
const YEARS = [2019, 2020, 2021];
const residents = [];
let person = 0;
for (const region of LEAVES) for (const year of YEARS) for (let k = 0, n = 20 + int(30); k < n; k++) residents.push([`p${person + k}`, region, year]);
// (a person listed twice in a year is one resident)
residents.push([...residents[0]]);
const WARD_TYPES = ['mental_hospital', 'long_stay', 'general_hospital_psychiatry'];
const wards = [];
for (const region of LEAVES) for (const year of YEARS) for (let w = 0; w < 4; w++) wards.push([`w${region}${w}`, `f${w % 2}`, region, year, WARD_TYPES[w % 3], 5 + int(20)]);
const changes = [];
for (const region of LEAVES) for (let k = 0; k < 6; k++) changes.push([`w${k}`, region, `${pick(YEARS)}-0${1 + int(9)}-1${int(9)}`, pick(WARD_TYPES), int(15) - 4]);
const CONTACT_SERVICES = ['DPS', 'ACT-team', 'værested', 'crisis resolution team'];
const contacts = [];
for (let c = 0; c < 400; c++) contacts.push([`c${c}`, `p${int(60)}`, pick(LEAVES), `${pick(YEARS)}-${String(1 + int(12)).padStart(2, '0')}-${String(1 + int(28)).padStart(2, '0')}`, pick(CONTACT_SERVICES)]);
const SITE_SERVICES = ['botilbud', 'værested', 'group home', 'clubhouse'];
// Which units each service is counted in (crisis contacts have no default weight: not listed;
// the clubhouse is left out, to show that a service missing here is dropped).
const UNITS = [
  ['DPS', 'contacts'],
  ['ACT-team', 'contacts'],
  ['ACT-team', 'caseload'],
  ['værested', 'contacts'],
  ['værested', 'places'],
  ['crisis resolution team', 'caseload'],
  ['botilbud', 'places'],
  ['group home', 'places'],
];
const sites = [];
for (const region of LEAVES) for (const year of YEARS) for (let s = 0; s < SITE_SERVICES.length; s++) sites.push([`s${s}`, region, year, SITE_SERVICES[s], 2 + int(12)]);

const csv = (header, rows) => `${header.join(',')}\n${rows.map((r) => r.map((v) => (v === null ? '' : String(v))).join(',')).join('\n')}\n`;
const src = join(dir, 'source');
mkdirSync(src, { recursive: true });
writeFileSync(join(src, 'region_register.csv'), csv(['region_code', 'region_name', 'parent_code'], REGIONS));
writeFileSync(join(src, 'residents.csv'), csv(['person_id', 'region_code', 'year'], residents));
writeFileSync(join(src, 'inpatient_wards.csv'), csv(['ward_id', 'facility_id', 'region_code', 'year', 'ward_type', 'beds'], wards));
writeFileSync(join(src, 'ward_changes.csv'), csv(['ward_id', 'region_code', 'change_date', 'ward_type', 'beds_closed'], changes));
writeFileSync(join(src, 'service_contacts.csv'), csv(['contact_id', 'patient_id', 'region_code', 'contact_date', 'service_name'], contacts));
writeFileSync(join(src, 'service_sites.csv'), csv(['site_id', 'region_code', 'year', 'service_name', 'places'], sites));
writeFileSync(join(src, 'service_units.csv'), csv(['service_name', 'unit'], UNITS));

// ---- the same aggregations in JavaScript (the reference) ---------------------------------------
function groupSum(rows, keyOf, valueOf) {
  const out = new Map();
  for (const row of rows) {
    const key = JSON.stringify(keyOf(row));
    out.set(key, (out.get(key) ?? 0) + valueOf(row));
  }
  return [...out].map(([key, value]) => [...JSON.parse(key), value]);
}
const INSTITUTIONAL = new Set(['mental_hospital', 'long_stay', 'specialist_inpatient']);
const counted = (unit) => new Set(UNITS.filter((u) => u[1] === unit).map((u) => u[0]));
const [CONTACTS, CASELOAD, PLACES] = [counted('contacts'), counted('caseload'), counted('places')];
const yearOf = (date) => Number(date.slice(0, 4));
const expected = {
  regions: REGIONS.map(([code, name, parent]) => [code, name, parent]),
  population: groupSum(
    [...new Map(residents.map((r) => [r.join('|'), r])).values()],
    ([, region, year]) => [region, year],
    () => 1,
  ),
  beds: groupSum(
    wards.filter((w) => INSTITUTIONAL.has(w[4])),
    ([, , region, year, type]) => [region, year, type],
    (w) => w[5],
  ).map(([region, year, type, beds]) => [region, year, beds, type]),
  'beds-events': groupSum(
    changes.filter((c) => INSTITUTIONAL.has(c[3])),
    ([, region, date, type]) => [region, date, type],
    (c) => c[4],
  ).map(([region, date, type, closed]) => [region, date, closed, type]),
  services: [
    ...groupSum(
      contacts.filter((c) => CONTACTS.has(c[4])),
      ([, , region, date, service]) => [region, yearOf(date), service, 'contacts'],
      () => 1,
    ),
    ...groupSum(
      [...new Map(contacts.filter((c) => CASELOAD.has(c[4])).map((c) => [`${c[1]}|${c[2]}|${yearOf(c[3])}|${c[4]}`, c])).values()],
      ([, , region, date, service]) => [region, yearOf(date), service, 'caseload'],
      () => 1,
    ),
    ...groupSum(
      sites.filter((s) => PLACES.has(s[3])),
      ([, region, year, service]) => [region, year, service, 'places'],
      (s) => s[4],
    ),
  ].map(([region, year, service, unit, capacity]) => [region, year, service, capacity, unit]),
};

// ---- DuckDB ------------------------------------------------------------------------------------
const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
const db = await instance.connect();
const TYPES = {
  region_register: { region_code: 'VARCHAR', region_name: 'VARCHAR', parent_code: 'VARCHAR' },
  residents: { person_id: 'VARCHAR', region_code: 'VARCHAR', year: 'INTEGER' },
  inpatient_wards: { ward_id: 'VARCHAR', facility_id: 'VARCHAR', region_code: 'VARCHAR', year: 'INTEGER', ward_type: 'VARCHAR', beds: 'INTEGER' },
  ward_changes: { ward_id: 'VARCHAR', region_code: 'VARCHAR', change_date: 'DATE', ward_type: 'VARCHAR', beds_closed: 'INTEGER' },
  service_contacts: { contact_id: 'VARCHAR', patient_id: 'VARCHAR', region_code: 'VARCHAR', contact_date: 'DATE', service_name: 'VARCHAR' },
  service_sites: { site_id: 'VARCHAR', region_code: 'VARCHAR', year: 'INTEGER', service_name: 'VARCHAR', places: 'INTEGER' },
  service_units: { service_name: 'VARCHAR', unit: 'VARCHAR' },
};
const quoted = (s) => `'${s.replaceAll("'", "''")}'`;
for (const [table, columns] of Object.entries(TYPES)) {
  const spec = `{${Object.entries(columns).map(([c, t]) => `${quoted(c)}: ${quoted(t)}`).join(', ')}}`;
  await db.run(`CREATE TABLE ${table} AS SELECT * FROM read_csv(${quoted(join(src, `${table}.csv`))}, header = true, columns = ${spec})`);
}

let failures = 0;
const fail = (message) => {
  failures++;
  process.stderr.write(`FAIL ${message}\n`);
};
/** Rows as sortable text: DuckDB's BIGINT, DATE and DECIMAL as plain JSON values. */
const plainValue = (v) => (typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.toISOString().slice(0, 10) : v !== null && typeof v === 'object' ? Number(String(v)) : v);
const canonical = (rows) => rows.map((r) => JSON.stringify(r.map(plainValue))).sort();

const out = { stock: join(dir, 'stock'), events: join(dir, 'events') };
for (const d of Object.values(out)) mkdirSync(d, { recursive: true });
for (const name of ['regions', 'population', 'beds', 'beds-events', 'services']) {
  const query = readFileSync(join(SQL, `${name}.sql`), 'utf8').replace(/;\s*$/, '');
  const got = (await db.runAndReadAll(query)).getRowsJS();
  const want = expected[name];
  const a = canonical(got);
  const b = canonical(want);
  if (JSON.stringify(a) !== JSON.stringify(b)) fail(`${name}.sql: ${a.length} rows from DuckDB, ${b.length} expected; first difference: ${a.find((r, i) => r !== b[i]) ?? b[a.length]}`);
  else process.stderr.write(`ok   ${name}.sql: ${a.length} rows, as computed here\n`);
  // The files servicegap reads: a folder with stock beds, one with bed events.
  const file = name === 'beds-events' ? join(out.events, 'beds.csv') : name === 'beds' ? join(out.stock, 'beds.csv') : join(out.stock, `${name}.csv`);
  await db.run(`COPY (${query}) TO ${quoted(file)} (HEADER, DELIMITER ',')`);
  if (name !== 'beds' && name !== 'beds-events') await db.run(`COPY (${query}) TO ${quoted(join(out.events, `${name}.csv`))} (HEADER, DELIMITER ',')`);
}

// ---- servicegap reads what DuckDB wrote ------------------------------------------------------
const report = (data, extra = []) =>
  JSON.parse(execFileSync(process.execPath, [join(ROOT, 'bin/servicegap.js'), 'report', '--data', data, '--format', 'json', '--quiet', ...extra], { encoding: 'utf8' }));
const stock = report(out.stock, ['--from', '2019', '--to', '2021']);
const sum = (rows, pick) => rows.reduce((n, r) => n + pick(r), 0);
for (const region of LEAVES) {
  const row = stock.regions.find((r) => r.region === region);
  if (!row) {
    fail(`report: no row for ${region}`);
    continue;
  }
  const population = expected.population.find(([r, y]) => r === region && y === 2021)[2];
  const beds = (year) => sum(expected.beds.filter(([r, y]) => r === region && y === year), (b) => b[2]);
  if (row.population !== population) fail(`report ${region}: population ${row.population}, expected ${population}`);
  if (row.beds_from !== beds(2019) || row.beds_to !== beds(2021)) fail(`report ${region}: beds ${row.beds_from} → ${row.beds_to}, expected ${beds(2019)} → ${beds(2021)}`);
}
const events = report(out.events);
if (!Array.isArray(events.regions) || events.regions.length !== LEAVES.length) fail('report on bed events: expected a row per region');
if (failures === 0) process.stderr.write(`ok   servicegap reads the files DuckDB wrote (${dir})\n`);
if (keepAt === -1) rmSync(dir, { recursive: true, force: true });
process.exit(failures === 0 ? 0 : 1);
