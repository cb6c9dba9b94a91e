#!/usr/bin/env node
// Builds servicegap's bundled data from the verbatim source copies in data/sources/.
//
//   node scripts/build-default-data.mjs
//
// Writes (and overwrites, byte for byte the same on every run):
//   data/{regions,population,beds,services}.csv + data/dataset.json          default, real: Norway's
//                                                                             health trusts 2015–2025 (SSB)
//   data/examples/norway-regions-2000-2002/{...}.csv + dataset.json          five regions, partly illustrative
//   data/examples/norway-national-1998-2007/{...}.csv + dataset.json         real, national
//   data/examples/chile-1990-2017/{...}.csv + dataset.json                   real, rates per 100,000
//
// Plain Node 20, no dependencies. Reads ONLY from data/sources/. Deterministic: the synthetic
// community capacities of the five-region example come from a seeded PRNG (mulberry32, SEED below);
// nothing in the default data is synthetic.
// Prints nothing to stdout; a summary of a quick SPEC §3/§4 calculation goes to stderr so the
// spread of the default ranking can be checked. Exits non-zero if a source file does not hold
// what is expected or the default data loses the spread it is meant to show.
//
// Numbers from sources are copied as the source strings (never re-formatted floats).

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const SEED = 20000101;

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, 'data');
const SOURCES = join(DATA, 'sources');
const SSB = join(SOURCES, 'ssb-norway');

// ---------------------------------------------------------------------------------------------
// Small helpers

function fail(message) {
  process.stderr.write(`build-default-data: ${message}\n`);
  process.exit(1);
}

function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** RFC 4180 CSV parser (quotes, CRLF or LF). Returns an array of objects keyed by header. */
function parseCsv(text, file) {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const nonEmpty = rows.filter((r) => !(r.length === 1 && r[0] === ''));
  const [header, ...body] = nonEmpty;
  return body.map((r, i) => {
    if (r.length !== header.length) {
      fail(`${file}: line ${i + 2} has ${r.length} fields, header has ${header.length}`);
    }
    return Object.fromEntries(header.map((h, j) => [h.trim(), r[j]]));
  });
}

function readSource(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    return fail(`cannot read ${relative(ROOT, path)}: ${err.message}`);
  }
}

function readCsv(path) {
  return parseCsv(readSource(path), relative(ROOT, path));
}

/** Exactly one row must match; returns it. */
function one(rows, pred, what) {
  const hits = rows.filter(pred);
  if (hits.length !== 1) fail(`expected exactly one source row for ${what}, found ${hits.length}`);
  return hits[0];
}

function csvField(v) {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toCsv(header, rows) {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

function isNumberString(s) {
  return typeof s === 'string' && /^\d+(\.\d+)?$/.test(s);
}

const written = [];
function writeOut(dir, name, content) {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, name);
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, content, 'utf8');
  renameSync(tmp, path);
  written.push(relative(ROOT, path));
}

function writeDataset(dir, { regions, population, beds, services, meta, headers = {} }) {
  const checks = [
    ['population', population, 2],
    ['beds', beds, 2],
    ['capacity', services, 3],
  ];
  for (const [col, rows, idx] of checks) {
    for (const r of rows) if (!isNumberString(r[idx])) fail(`${dir}: non-numeric ${col} value ${r[idx]}`);
  }
  writeOut(dir, 'regions.csv', toCsv(headers.regions ?? ['region', 'name'], regions));
  writeOut(dir, 'population.csv', toCsv(['region', 'year', 'population'], population));
  writeOut(dir, 'beds.csv', toCsv(headers.beds ?? ['region', 'year', 'beds', 'bed_type'], beds));
  writeOut(dir, 'services.csv', toCsv(headers.services ?? ['region', 'year', 'service', 'capacity', 'unit'], services));
  writeOut(dir, 'dataset.json', JSON.stringify(meta, null, 2) + '\n');
}

// ---------------------------------------------------------------------------------------------
// Quick SPEC §3 calculation (stock beds files only), to check the data; the tool is the authority.

// SPEC §4 default weights for the (category, unit) pairs used here.
const WEIGHTS = {
  'supported_living/places': 1.0,
  'crisis/teams': 12.5,
  'outreach/caseload': 0.1,
  'day_services/places': 0.25,
  'general_hospital/beds': 1.0,
  'cmhc/beds': 1.0,
  'cmhc/fte': 0,
  'cmhc/facilities': 0,
  'cmhc/contacts': 0.0005,
  'day_services/contacts': 0.0011,
};
// The local names used in the bundled data (the taxonomy maps them; SPEC §2).
const ALIASES = {
  DPS: 'cmhc',
  botilbud: 'supported_living',
  'ambulant akutteam': 'crisis',
  FACT: 'outreach',
  værested: 'day_services',
};
const CATEGORIES = new Set([
  'crisis', 'general_hospital', 'cmhc', 'outreach', 'peer_support',
  'supported_living', 'day_services', 'primary_care', 'self_help',
]);

function categoryOf(service) {
  if (CATEGORIES.has(service)) return service;
  if (ALIASES[service]) return ALIASES[service];
  return fail(`service name ${JSON.stringify(service)} is neither a category nor a known alias`);
}

/** Value of a series {year: total} at year y: exact, else latest earlier, else `missing`. */
function valueAt(series, y, missing) {
  const years = Object.keys(series).map(Number).filter((k) => k <= y);
  if (years.length === 0) return missing;
  return series[Math.max(...years)];
}

function quickMetrics({ regions, population, beds, services }, B, T) {
  const out = [];
  for (const [region] of regions) {
    const bedSeries = {};
    for (const [r, y, b] of beds) if (r === region) bedSeries[y] = (bedSeries[y] ?? 0) + Number(b);
    const popSeries = {};
    for (const [r, y, p] of population) if (r === region) popSeries[y] = Number(p);
    const serviceSeries = {};
    for (const [r, y, s, c, u] of services) {
      if (r !== region) continue;
      const key = `${categoryOf(s)}/${u}`;
      if (!(key in WEIGHTS)) fail(`no weight for ${key}`);
      serviceSeries[key] ??= {};
      serviceSeries[key][y] = (serviceSeries[key][y] ?? 0) + Number(c);
    }
    const communityAt = (y) =>
      Object.entries(serviceSeries).reduce((sum, [key, s]) => sum + WEIGHTS[key] * valueAt(s, y, 0), 0);
    const pop = valueAt(popSeries, T, null);
    const popB = valueAt(popSeries, B, null);
    if (pop === null) continue; // a parent region or a unit without a catchment: not ranked
    const bedsFrom = valueAt(bedSeries, B, null);
    const bedsTo = valueAt(bedSeries, T, null);
    const bedChange = bedsTo - bedsFrom;
    const bedsClosed = Math.max(0, -bedChange);
    const commFrom = communityAt(B);
    const commTo = communityAt(T);
    const commChange = commTo - commFrom;
    const net = bedChange + commChange;
    const vacuum = Math.max(0, -net);
    out.push({
      region,
      pop,
      bedsFrom,
      bedsTo,
      bedChange,
      commFrom,
      commTo,
      commChange,
      net,
      vacuum,
      vacuumPer100k: (vacuum / pop) * 100000,
      replacement: bedsClosed === 0 ? null : commChange / bedsClosed,
      ratePer100kFrom: popB === null ? null : ((bedsFrom + commFrom) / popB) * 100000,
      ratePer100kTo: ((bedsTo + commTo) / pop) * 100000,
    });
  }
  return out;
}

function fmt(x, d = 2) {
  return x === null ? 'null' : x.toFixed(d);
}

/** Short display of a sum of decimals (stderr only): 6.300000000000001 → 6.3. */
function num(x) {
  return String(Number(x.toFixed(9)));
}

function printSummary(title, B, T, metrics) {
  const lines = [`${title} (B=${B}, T=${T}; SPEC §4 default weights)`];
  lines.push(
    '  region    population  beds B→T     Δbeds  comm_be B→T       Δcomm    net      vacuum_be  vac/100k  repl    cap/100k B→T',
  );
  const ranked = [...metrics].sort(
    (a, b) => b.vacuumPer100k - a.vacuumPer100k || (a.region < b.region ? -1 : a.region > b.region ? 1 : 0),
  );
  for (const m of ranked) {
    lines.push(
      '  ' +
        [
          m.region.padEnd(8),
          String(m.pop).padStart(11),
          `${num(m.bedsFrom)}→${num(m.bedsTo)}`.padStart(11),
          fmt(m.bedChange, 1).padStart(8),
          `${fmt(m.commFrom)}→${fmt(m.commTo)}`.padStart(16),
          fmt(m.commChange).padStart(8),
          fmt(m.net).padStart(8),
          fmt(m.vacuum).padStart(10),
          fmt(m.vacuumPer100k).padStart(9),
          fmt(m.replacement).padStart(6),
          `  ${fmt(m.ratePer100kFrom, 1)}→${fmt(m.ratePer100kTo, 1)}`,
        ].join(' '),
    );
  }
  process.stderr.write(lines.join('\n') + '\n\n');
}

// ---------------------------------------------------------------------------------------------
// Sources (URLs exactly as stored in data/sources/ssb-norway/SOURCE.md)

const sourceMd = readSource(join(SSB, 'SOURCE.md'));
const URL_SSB_BEDS = 'https://ssb.no/a/static/speshelse/tab-2003-09-03-02.html';
const URL_SSB_STAFF = 'https://ssb.no/a/en/static/speshelsepsyk_en/tab-2005-06-22-05-en.html';
const URL_SAMDATA_TYPES =
  'https://www.sintef.no/projectweb/startsiden/samdata-pa-nett/samdata-2007/nokkeltall-2007/opptrappingsplanen/personell-dognplasser-og-aktivitet-det-psykiske-helsevernet-for-voksne/dognplasser-i-det-psykiske-helsevernet-for-voksne-etter-institusjonstype/';
const URL_POPULATION = 'http://www.nettsykehus.no/norge.htm';
for (const url of [URL_SSB_BEDS, URL_SSB_STAFF, URL_SAMDATA_TYPES, URL_POPULATION]) {
  if (!sourceMd.includes(url)) fail(`URL not found in data/sources/ssb-norway/SOURCE.md: ${url}`);
}
const URL_MUNDT = 'https://doi.org/10.1186/s13033-022-00519-w';

const LICENCE_SSB =
  'Statistics Norway: free reuse with attribution (Norwegian Licence for Open Government Data, NLOD; the archived table pages: reuse permitted with "Source: Statistics Norway")';
const LICENCE_SAMDATA =
  'No licence stated on the page (SAMDATA, SINTEF Helse; data source: Statistics Norway, NLOD); cited with attribution';
const LICENCE_NETTSYKEHUS =
  'No licence stated (private secondary site); factual population counts, cited with attribution';
const LICENCE_MUNDT = 'Open access article, CC BY 4.0 (BioMed Central); figures quoted with citation';

// ---------------------------------------------------------------------------------------------
// 1. data/examples/norway-regions-2000-2002/: Norway's five health regions, 2000–2002 (the
//    bundled default until the real trust-level panel below replaced it)

const REGIONS = [
  // code, name, SSB region label, population-table label
  ['NO-OST', 'Helseregion Øst', 'Helseregion Øst', 'Helse Øst'],
  ['NO-SOR', 'Helseregion Sør', 'Helseregion Sør', 'Helse Sør'],
  ['NO-VEST', 'Helseregion Vest', 'Helseregion Vest', 'Helse Vest'],
  ['NO-MIDT', 'Helseregion Midt-Norge', 'Helseregion Midt-Norge', 'Helse Midt-Norge'],
  ['NO-NORD', 'Helseregion Nord', 'Helseregion Nord', 'Helse Nord'],
];
const YEARS = ['2000', '2001', '2002'];
const ILLUSTRATIVE_YEARS = ['2000', '2002'];

const ssbBeds = readCsv(join(SSB, 'beds_adult_by_region_year.csv'));
const ssbStaff = readCsv(join(SSB, 'staff_man_years_by_region_year.csv'));
const popRows = readCsv(join(SSB, 'population_by_county_2000.csv'));

// Illustrative scenarios (synthetic!). Each region gets the same kinds of service with draws from
// the ranges below; the ranges differ per region so that the first ranking shows a spread:
// a clear vacuum, partial replacement, and full replacement. Magnitudes follow the brief:
// supported housing 20–60 places per 100k in 2000, crisis teams 0–3 per region in 2000,
// FACT absent in 2000, day-centre places 10–40 per 100k.
const COMMON = {
  botilbudPer100k: [20, 60], // places per 100k in 2000
  teams2000: [0, 3], // crisis teams in 2000
  verestedPer100k: [10, 40], // drop-in (day) places per 100k in 2000
};
const SCENARIOS = {
  // a large bed cut, housing and one new crisis team replace about half of it
  'NO-OST': { botilbudGrowth: [0.04, 0.08], teamsAdded: [1, 1], fact2002: [100, 200], verestedGrowth: [-0.05, 0.05] },
  // moderate cut, housing growth and a FACT caseload replace most of it
  'NO-SOR': { botilbudGrowth: [0.12, 0.18], teamsAdded: [0, 0], fact2002: [50, 120], verestedGrowth: [0, 0.1] },
  // small cut, strong build-up: fully replaced
  'NO-VEST': { botilbudGrowth: [0.2, 0.3], teamsAdded: [1, 2], fact2002: [100, 250], verestedGrowth: [0, 0.15] },
  // sharpest cut per resident and almost no build-up; day places shrink: the clear vacuum
  'NO-MIDT': { botilbudGrowth: [0, 0.03], teamsAdded: [0, 0], fact2002: [0, 0], verestedGrowth: [-0.15, -0.05] },
  // beds nearly flat (−5), a new crisis team: fully replaced
  'NO-NORD': { botilbudGrowth: [0.1, 0.3], teamsAdded: [1, 1], fact2002: [0, 100], verestedGrowth: [0, 0.2] },
};

function buildNorwayRegions() {
  const rand = mulberry32(SEED);
  const uniform = ([lo, hi]) => lo + rand() * (hi - lo);
  const randInt = ([lo, hi]) => lo + Math.floor(rand() * (hi - lo + 1));

  const regions = REGIONS.map(([code, name]) => [code, name]);
  const population = [];
  const beds = [];
  const services = [];

  for (const [code, , ssbLabel, popLabel] of REGIONS) {
    // population: 2000-01-01 region total as printed (secondary source), year 2000 only
    const p = one(
      popRows,
      (r) => r.region === popLabel && r.county === '(region total as printed)' && r.date === '2000-01-01',
      `population ${popLabel}`,
    );
    population.push([code, '2000', p.population_all_ages]);

    // beds: SSB table 2, all adult psychiatric institutions, 2000–2002
    for (const y of YEARS) {
      const b = one(
        ssbBeds,
        (r) => r.region === ssbLabel && r.year === y && r.institution_type === 'all_adult_psychiatric_institutions',
        `beds ${ssbLabel} ${y}`,
      );
      beds.push([code, y, b.beds, 'all_adult_psychiatric_institutions']);
    }
  }

  // services, real: adult psychiatry man-years (SSB), as cmhc/fte (weight 0: counted, not converted)
  const real = [];
  for (const [code, , ssbLabel] of REGIONS) {
    for (const y of YEARS) {
      const s = one(
        ssbStaff,
        (r) => r.region === ssbLabel && r.year === y && r.scope === 'adult_psychiatry',
        `man-years ${ssbLabel} ${y}`,
      );
      real.push([code, y, 'cmhc', s.man_years, 'fte']);
    }
  }

  // services, ILLUSTRATIVE: seeded draws, in a fixed order (region, then quantity)
  const synthetic = [];
  for (const [code] of REGIONS) {
    const sc = SCENARIOS[code];
    const pop = Number(population.find((r) => r[0] === code)[2]);
    const botilbud2000 = Math.round((pop * uniform(COMMON.botilbudPer100k)) / 100000);
    const botilbud2002 = Math.round(botilbud2000 * (1 + uniform(sc.botilbudGrowth)));
    const teams2000 = randInt(COMMON.teams2000);
    const teams2002 = teams2000 + randInt(sc.teamsAdded);
    const fact2002 = randInt(sc.fact2002);
    const vaer2000 = Math.round((pop * uniform(COMMON.verestedPer100k)) / 100000);
    const vaer2002 = Math.round(vaer2000 * (1 + uniform(sc.verestedGrowth)));
    synthetic.push(
      [code, '2000', 'botilbud', String(botilbud2000), 'places'],
      [code, '2000', 'ambulant akutteam', String(teams2000), 'teams'],
      [code, '2000', 'værested', String(vaer2000), 'places'],
      [code, '2002', 'botilbud', String(botilbud2002), 'places'],
      [code, '2002', 'ambulant akutteam', String(teams2002), 'teams'],
    );
    if (fact2002 > 0) synthetic.push([code, '2002', 'FACT', String(fact2002), 'caseload']);
    synthetic.push([code, '2002', 'værested', String(vaer2002), 'places']);
  }

  // order: region (table order), year, real before synthetic
  const order = new Map(REGIONS.map(([code], i) => [code, i]));
  const services2 = [...real.map((r) => [0, r]), ...synthetic.map((r) => [1, r])]
    .map(([kind, r], i) => ({ kind, r, i }))
    .sort((a, b) => order.get(a.r[0]) - order.get(b.r[0]) || Number(a.r[1]) - Number(b.r[1]) || a.kind - b.kind || a.i - b.i)
    .map((x) => x.r);
  services.push(...services2);

  const meta = {
    title: 'Norway, five health regions, 2000–2002 (illustrative community services)',
    illustrative: true,
    notice:
      'Illustrative data: community service capacities (botilbud, ambulant akutteam, FACT, værested) are synthetic (seeded); beds, staff man-years and population are real (SSB; nettsykehus.no).',
    sources: [
      {
        name: 'Statistics Norway (SSB), table 2 "Døgnplassar i vaksenpsykiatriske institusjonar, etter helseregion. 1998-2002"',
        url: URL_SSB_BEDS,
        licence: LICENCE_SSB,
        used_for: 'beds.csv: rows "Helseregion Øst/Sør/Vest/Midt-Norge/Nord", years 2000–2002 (all adult psychiatric institutions, DPS beds included)',
      },
      {
        name: 'Statistics Norway (SSB), "Man-years in psychiatric institutions and psychiatric wards for adults, by regional health enterprise. 2000-2004"',
        url: URL_SSB_STAFF,
        licence: LICENCE_SSB,
        used_for: 'services.csv: service cmhc, unit fte, years 2000–2002 (all adult specialist mental-health man-years, a proxy; weight 0)',
      },
      {
        name: 'nettsykehus.no, "Helseregionene i Norge (Innbyggertall pr 01.01.2000)" (secondary source)',
        url: URL_POPULATION,
        licence: LICENCE_NETTSYKEHUS,
        used_for: 'population.csv: region totals as printed, all ages, 2000-01-01 (entered as year 2000, carried forward)',
      },
    ],
  };

  return { regions, population, beds, services, meta };
}

// ---------------------------------------------------------------------------------------------
// 0. Default data/: adult mental health care (VOP) in Norway's 19 public health trusts, 2015–2025,
//    SSB tables 13942 and 13982 (data/sources/ssb-norway-hf-2015-2025/SOURCE.md). Nothing made up.
//
// - Regions: the four regional health authorities (SSB codes H03, H04, H05, H12) as parents; under
//   them the 19 public trusts and the two private hospitals that have a catchment of their own in
//   table 13982 (Lovisenberg, Diakonhjemmet), by SSB's codes (organisation numbers).
// - Private institutions without a catchment: the four private DPS lie in DPS areas of one trust
//   (SSB KLASS 632, data/sources/ssb-klass-catchment-areas/): their beds and activity are counted
//   with that trust (beds.csv `facility`, services.csv `provider` name them). NKS Olaviken (an
//   old-age psychiatric hospital) has no DPS area: it is a region of its own under Helse Vest with
//   no population, so it is not ranked among the trusts but counts in Helse Vest (`--level 1`).
// - Left out: contracted specialists (H0x_AV, outpatient only, per region), private providers
//   without a commissioning document (H06_HF/H06_HR, no region), Martina Hansens (zeros, 2025 only).
// - The Kongsvinger area moved from Sykehuset Innlandet to Akershus universitetssykehus in 2019,
//   catchment and activity together; SSB gives no split of the moved beds or consultations, so no
//   crosswalk share can be derived from the sources: dataset.json's notice says so.
const HF = join(SOURCES, 'ssb-norway-hf-2015-2025');
const KLASS = join(SOURCES, 'ssb-klass-catchment-areas');
const TRUST_YEARS = Array.from({ length: 11 }, (_, i) => String(2015 + i));
const RHF = [
  ['H03', 'Helseregion Vest'],
  ['H04', 'Helseregion Midt-Norge'],
  ['H05', 'Helseregion Nord'],
  ['H12', 'Helseregion Sør-Øst'],
];
// Private DPS with an agreement → the DPS area (KLASS 632) that places them in a trust's catchment.
const PRIVATE_DPS = [
  ['916270097', 'D28', 'Voss'],
  ['919865636', 'D27', 'Solli'],
  ['922716552', 'D24', 'Betanien'],
  ['996380041', 'D16', 'Jæren'],
];
const OWN_REGION_WITHOUT_CATCHMENT = ['987554401']; // NKS Olaviken alderspsykiatriske sykehus AS
const PUBLIC_TRUSTS = 19;

function buildNorwayTrusts() {
  const activity = readCsv(join(HF, 'vop_activity_by_trust.csv'));
  const people = readCsv(join(HF, 'population_by_trust.csv'));
  const areas = readCsv(join(KLASS, 'opptaksomrader.csv'));
  if (!activity.every((r) => r.tjenesteomrade === 'VOP' && r.source_id === 'ssb_13942')) fail('vop_activity_by_trust.csv: expected VOP rows of SSB 13942 only');

  // Units with a catchment of their own: the regions of the ranking.
  const catchment = [...new Set(people.filter((r) => r.tjenesteomrade === 'VOP').map((r) => r.omrade_id))];
  const names = new Map(activity.map((r) => [r.hf_id, r.hf_navn]));
  const rhfOf = new Map(activity.map((r) => [r.hf_id, r.helseregion]));
  for (const id of catchment) if (!rhfOf.has(id)) fail(`catchment ${id} has no activity rows`);
  const publicTrusts = catchment.filter((id) => / HF$/.test(names.get(id)));
  if (publicTrusts.length !== PUBLIC_TRUSTS) fail(`expected ${PUBLIC_TRUSTS} public trusts with a catchment, found ${publicTrusts.length}`);
  const hostOf = new Map();
  for (const [id, area, areaName] of PRIVATE_DPS) {
    const row = one(areas, (a) => a.omrade_id === area && a.omrade_type === 'dps', `DPS area ${area}`);
    if (row.omrade_navn !== areaName) fail(`DPS area ${area} is "${row.omrade_navn}", expected "${areaName}"`);
    if (!catchment.includes(row.hf_id)) fail(`DPS area ${area} lies in ${row.hf_id}, which has no catchment`);
    if (rhfOf.get(id) !== rhfOf.get(row.hf_id)) fail(`${id} and its host ${row.hf_id} are in different regions`);
    hostOf.set(id, row.hf_id);
  }
  const rhfCode = (id) => rhfOf.get(id);
  const regions = [
    ...RHF.map(([code, name]) => [code, name, '']),
    ...[...catchment, ...OWN_REGION_WITHOUT_CATCHMENT].sort().map((id) => [id, names.get(id), rhfCode(id)]),
  ];

  const population = [];
  for (const id of [...catchment].sort())
    for (const y of TRUST_YEARS) population.push([id, y, one(people, (r) => r.omrade_id === id && r.tjenesteomrade === 'VOP' && r.aldersgruppe === 'alle' && r.period === y, `population ${id} ${y}`).value]);

  const regionOf = (id) => hostOf.get(id) ?? (catchment.includes(id) || OWN_REGION_WITHOUT_CATCHMENT.includes(id) ? id : undefined);
  const units = [...new Set(activity.map((r) => r.hf_id))].filter((id) => regionOf(id) !== undefined).sort();
  const beds = [];
  const services = [];
  const metric = (id, m, y) => one(activity, (r) => r.hf_id === id && r.metric === m && r.period === y, `${id} ${m} ${y}`).value;
  for (const id of units) {
    for (const y of TRUST_YEARS) {
      beds.push([regionOf(id), y, metric(id, 'dognplasser', y), 'vop_inpatient', names.get(id)]);
      services.push([regionOf(id), y, 'cmhc', metric(id, 'polikliniske_konsultasjoner', y), 'contacts', names.get(id)]);
      services.push([regionOf(id), y, 'day_services', metric(id, 'dagbehandlinger', y), 'contacts', names.get(id)]);
    }
  }
  const byRegion = (a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0) || Number(a[1]) - Number(b[1]) || (a.at(-1) < b.at(-1) ? -1 : a.at(-1) > b.at(-1) ? 1 : 0) || (a[2] < b[2] ? -1 : 1);
  beds.sort(byRegion);
  services.sort(byRegion);

  // Check against SSB's own regional totals (SOURCE.md check 3): a region's VOP beds = its members
  // + its private institutions; here every member except none is counted, so Helse Vest 2015 = 806.
  const vest2015 = beds.filter((b) => rhfCode(b[0]) === 'H03' && b[1] === '2015').reduce((n, b) => n + Number(b[2]), 0);
  if (vest2015 !== Number(metric('H03', 'dognplasser', '2015'))) fail(`Helse Vest VOP beds 2015: ${vest2015}, SSB's region row says ${metric('H03', 'dognplasser', '2015')}`);
  for (const [code] of RHF)
    for (const y of TRUST_YEARS) {
      const sum = beds.filter((b) => rhfCode(b[0]) === code && b[1] === y).reduce((n, b) => n + Number(b[2]), 0);
      if (sum !== Number(metric(code, 'dognplasser', y))) fail(`${code} ${y}: member beds ${sum} ≠ SSB's region row ${metric(code, 'dognplasser', y)}`);
    }

  const URL_13942 = 'https://www.ssb.no/statbank/table/13942';
  const URL_13982 = 'https://www.ssb.no/statbank/table/13982';
  const LICENCE = 'NLOD 2.0 (Norwegian Licence for Open Government Data); attribute "Source: Statistics Norway (SSB)"';
  const meta = {
    title: 'Norway, adult mental health care (VOP) in the 19 public health trusts, 2015–2025 (SSB)',
    illustrative: false,
    notice:
      'SSB counts adult inpatient beds of hospitals and DPS together, and the Kongsvinger area moved from Sykehuset Innlandet to Akershus universitetssykehus in 2019, so both trusts\' changes across 2019 include that transfer (see data/README.md).',
    sources: [
      {
        name: 'Statistics Norway (SSB), table 13942 "Spesialisthelsetjenesten - døgnplasser, aktivitet og belegg etter helseforetak", via github.com/hmelberg/kapasitet @ 8c6036ec',
        url: URL_13942,
        licence: LICENCE,
        used_for: 'beds.csv (VOP inpatient beds, hospital and DPS together) and services.csv (VOP outpatient consultations as cmhc/contacts, day treatments as day_services/contacts), 2015–2025',
      },
      {
        name: 'Statistics Norway (SSB), table 13982 "Befolkning i opptaksområder for helseforetak, etter tjenesteområde og alder", via github.com/hmelberg/kapasitet @ 8c6036ec',
        url: URL_13982,
        licence: LICENCE,
        used_for: 'population.csv: residents aged 18 and over in each adult mental health (VOP) catchment, 2015–2025',
      },
      {
        name: 'Statistics Norway (SSB), KLASS 629/632 catchment areas of local hospitals and DPS, via github.com/hmelberg/kapasitet @ 8c6036ec',
        url: 'https://www.ssb.no/klass/klassifikasjoner/629',
        licence: LICENCE,
        used_for: 'which trust the private DPS Voss, Solli, Betanien (Helse Bergen) and Jæren (Helse Stavanger) serve',
      },
    ],
  };
  return {
    regions,
    population,
    beds,
    services,
    meta,
    headers: { regions: ['region', 'name', 'parent'], beds: ['region', 'year', 'beds', 'bed_type', 'facility'], services: ['region', 'year', 'service', 'capacity', 'unit', 'provider'] },
  };
}

// ---------------------------------------------------------------------------------------------
// 2. data/examples/norway-national-1998-2007/: real, national, beds by institution type

function buildNorwayNational() {
  const rows = readCsv(join(SSB, 'beds_adult_by_institution_type_national.csv'));
  const popRow = one(
    popRows,
    (r) => r.region === 'Norway' && r.county === '(national total as printed)' && r.date === '2000-01-01',
    'national population',
  );
  const YEARS_NAT = ['1998', '2000', '2002', '2004', '2006', '2007'];
  const TYPES = [
    // bed_type / service, source institution_type, file
    ['sykehus', 'sykehus (psychiatric hospitals/hospital departments)', 'beds'],
    ['sykehjem', 'sykehjem (psychiatric nursing homes)', 'beds'],
    ['andre', 'andre døgninstitusjoner (other)', 'beds'],
    ['DPS', 'distriktspsykiatriske tilbud (DPS)', 'services'],
  ];
  const beds = [];
  const services = [];
  for (const y of YEARS_NAT) {
    let sum = 0;
    for (const [code, label, file] of TYPES) {
      const r = one(rows, (x) => x.region === 'Norway' && x.year === y && x.institution_type === label, `${label} ${y}`);
      sum += Number(r.beds);
      if (file === 'beds') beds.push(['NO', y, r.beds, code]);
      else services.push(['NO', y, code, r.beds, 'beds']);
    }
    const total = one(rows, (x) => x.region === 'Norway' && x.year === y && x.institution_type === 'totalt', `totalt ${y}`);
    if (sum !== Number(total.beds)) fail(`national ${y}: parts sum to ${sum}, source total is ${total.beds}`);
  }
  const meta = {
    title: 'Norway, national: adult psychiatric beds by institution type, 1998–2007',
    illustrative: false,
    notice:
      'Real data (SAMDATA/SSB); the population is the 2000-01-01 national total from a secondary source (nettsykehus.no), carried forward to later years and unknown for 1998.',
    sources: [
      {
        name: 'SAMDATA 2007 (SINTEF Helse), "Døgnplasser i det psykiske helsevernet for voksne etter institusjonstype. Absolutte tall og endring fra 1998 til 2007" (data source: Statistics Norway)',
        url: URL_SAMDATA_TYPES,
        licence: LICENCE_SAMDATA,
        used_for: 'beds.csv: sykehus, sykehjem and andre døgninstitusjoner as institutional beds; services.csv: DPS beds (cmhc/beds); years 1998, 2000, 2002, 2004, 2006, 2007',
      },
      {
        name: 'nettsykehus.no, "Helseregionene i Norge (Innbyggertall pr 01.01.2000)" (secondary source)',
        url: URL_POPULATION,
        licence: LICENCE_NETTSYKEHUS,
        used_for: 'population.csv: national total as printed, all ages, 2000-01-01 (entered as year 2000)',
      },
    ],
  };
  return {
    regions: [['NO', 'Norge']],
    population: [['NO', '2000', popRow.population_all_ages]],
    beds,
    services,
    meta,
  };
}

// ---------------------------------------------------------------------------------------------
// 3. data/examples/chile-1990-2017/: real published rates per 100,000 (Mundt et al. 2022),
//    read from the quotation in data/sources/README.md

function buildChile() {
  const text = readSource(join(SOURCES, 'README.md')).replace(/\s+/g, ' ');
  if (!text.includes('Mundt et al. 2022, doi 10.1186/s13033-022-00519-w')) {
    fail('data/sources/README.md no longer quotes Mundt et al. 2022');
  }
  const figure = (label) => {
    const m = text.match(new RegExp(`${label} (\\d+(?:\\.\\d+)?)→(\\d+(?:\\.\\d+)?)`));
    if (!m) fail(`figure "${label}" not found in data/sources/README.md`);
    return { '1990': m[1], '2017': m[2] };
  };
  const BEDS = [
    ['short_stay', figure('short-stay psychiatric hospital beds')],
    ['long_stay', figure('long-stay')],
    ['forensic', figure('forensic')],
  ];
  const SERVICES = [
    ['general_hospital', figure('general-hospital psychiatric beds'), 'beds'],
    ['supported_living', figure('protected housing'), 'places'],
    ['day_services', figure('day-hospital places'), 'places'],
    ['cmhc', figure('outpatient centres'), 'facilities'],
  ];
  const beds = [];
  const services = [];
  for (const y of ['1990', '2017']) {
    for (const [type, v] of BEDS) beds.push(['CL', y, v[y], type]);
    for (const [service, v, unit] of SERVICES) services.push(['CL', y, service, v[y], unit]);
  }
  const meta = {
    title: 'Chile, mental health services per 100,000, 1990–2017 (Mundt et al. 2022)',
    illustrative: false,
    notice:
      'Real published rates (Mundt et al. 2022): rates per 100,000 entered with a population of 100,000, so every count reads as per 100,000.',
    sources: [
      {
        name: 'Mundt AP et al. (2022), "The effects of national mental health plans on mental health services development in Chile: retrospective interrupted time series analyses of national databases between 1990 and 2017", International Journal of Mental Health Systems',
        url: URL_MUNDT,
        licence: LICENCE_MUNDT,
        used_for: 'beds.csv (short-stay, long-stay, forensic psychiatric hospital beds) and services.csv (general-hospital beds, protected housing, day-hospital places, outpatient centres), 1990 and 2017, per 100,000',
      },
    ],
  };
  return {
    regions: [['CL', 'Chile']],
    population: [
      ['CL', '1990', '100000'],
      ['CL', '2017', '100000'],
    ],
    beds,
    services,
    meta,
  };
}

// ---------------------------------------------------------------------------------------------
// Build, check, write

const def = buildNorwayRegions();
const trusts = buildNorwayTrusts();
const nat = buildNorwayNational();
const chile = buildChile();

const mDef = quickMetrics(def, 2000, 2002);
const mNat = quickMetrics(nat, 1998, 2007);
const mChile = quickMetrics(chile, 1990, 2017);

printSummary('data/ (default: Norway, health trusts, SSB)', 2015, 2025, quickMetrics(trusts, 2015, 2025));
printSummary('data/examples/norway-regions-2000-2002 (ILLUSTRATIVE community services)', 2000, 2002, mDef);
printSummary('data/examples/norway-national-1998-2007', 1998, 2007, mNat);
printSummary('data/examples/chile-1990-2017', 1990, 2017, mChile);

// The five-region example must keep the spread it exists to show.
const vac = mDef.map((m) => m.vacuumPer100k);
if (!vac.some((v) => v >= 5)) fail('five-region example: no region with a clear vacuum (>= 5 per 100k)');
if (!vac.some((v) => v === 0)) fail('five-region example: no region fully replaced (vacuum 0)');
if (!vac.some((v) => v > 0 && v < 5)) fail('five-region example: no region with a partial vacuum (0 < v < 5 per 100k)');
// The Chilean hand calculation (data/README.md): vacuum 4.15 per 100,000.
if (Math.abs(mChile[0].vacuum - 4.15) > 1e-9) fail(`chile: vacuum ${mChile[0].vacuum}, expected 4.15`);
// The Norwegian national hand calculation (data/README.md): 1211 bed-equivalents.
if (mNat[0].vacuum !== 1211) fail(`norway national: vacuum ${mNat[0].vacuum}, expected 1211`);

writeDataset(DATA, trusts);
writeDataset(join(DATA, 'examples', 'norway-regions-2000-2002'), def);
writeDataset(join(DATA, 'examples', 'norway-national-1998-2007'), nat);
writeDataset(join(DATA, 'examples', 'chile-1990-2017'), chile);
process.stderr.write(`build-default-data: seed ${SEED}; wrote ${written.length} files under data/\n`);
