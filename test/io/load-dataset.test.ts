// The loader (SPEC §1, §2, §6): headers, aggregation, every input error with its file, physical
// line, column and what was expected — all problems of all files reported at once.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import type { Dataset } from '../../src/core/dataset.js';
import { formatIssue, InputError, type InputIssue } from '../../src/core/issues.js';
import { FileAccessError, InputSelectionError } from '../../src/io/errors.js';
import { loadDataset, type LoadOptions } from '../../src/io/load-dataset.js';

type Role = 'regions' | 'population' | 'beds' | 'services';
type Files = Partial<Record<Role, string | Uint8Array>>;

const REGIONS = 'region,name\nNO-03,Oslo\nNO-18,Nordland\n';
const POPULATION = 'region,year,population\nNO-03,2015,700000\nNO-18,2015,240000\n';
const SERVICES_HEADER = 'region,year,service,capacity,unit\n';

function inputs(files: Files) {
  const input = (role: Role, fallback?: string) => {
    const content = files[role] ?? fallback;
    return content === undefined ? undefined : { name: `${role}.csv`, content };
  };
  return {
    regions: input('regions', REGIONS),
    population: input('population', POPULATION),
    beds: input('beds'),
    services: input('services'),
  };
}

async function load(files: Files, options: LoadOptions = {}): Promise<Dataset> {
  return (await loadDataset(inputs(files), options)).dataset;
}

/** The issues of input that must be rejected. */
/** The issues of an invalid input, without `field` (its own test below checks that). */
async function issuesOf(files: Files, options: LoadOptions = {}): Promise<InputIssue[]> {
  try {
    await loadDataset(inputs(files), options);
  } catch (error) {
    if (error instanceof InputError) return error.issues.map(({ field: _field, ...issue }) => issue);
    throw error;
  }
  throw new Error('the input was accepted');
}

const years = (dataset: Dataset, region: string, key: string) => [...(dataset.services.get(region)?.get(key)?.years ?? [])];

describe('headers', () => {
  it('match column names case-insensitively after trimming', async () => {
    const dataset = await load({
      regions: ' Region , NAME \nNO-03,Oslo\n',
      population: ' REGION ,Year,  Population\nNO-03,2015,700000\n',
      services: ' Region ,YEAR,Service,CAPACITY, unit \nNO-03,2015,DPS,3,facilities\n',
    });
    expect(dataset.regions.get('NO-03')).toEqual({ code: 'NO-03', name: 'Oslo', parent: undefined });
    expect([...dataset.population.get('NO-03')!]).toEqual([[2015, 700000]]);
    expect(years(dataset, 'NO-03', 'cmhc/facilities')).toEqual([[2015, 3]]);
  });

  it('ignore unknown extra columns, wherever they are', async () => {
    const dataset = await load({
      services: 'note,region,year,source,service,capacity,unit,comment\nx,NO-03,2015,SSB,DPS,3,facilities,"a, b"\n',
    });
    expect(years(dataset, 'NO-03', 'cmhc/facilities')).toEqual([[2015, 3]]);
  });

  it('a missing required column is an error at line 1 naming it', async () => {
    const issues = await issuesOf({ services: 'region,year,service,unit\nNO-03,2015,DPS,facilities\n' });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'services.csv', line: 1, columns: ['capacity'] });
    expect(issues[0]!.message).toContain('missing required column');
    expect(issues[0]!.message).toContain('found region, year, service, unit');
  });

  it('a column named twice in the header is an error', async () => {
    const issues = await issuesOf({ population: 'region,year,population,Population\nNO-03,2015,1,2\n' });
    expect(issues[0]).toMatchObject({ file: 'population.csv', line: 1, columns: ['population'] });
    expect(issues[0]!.message).toContain('fields 3 and 4');
  });

  it('a beds header with both beds and beds_closed is an error', async () => {
    const issues = await issuesOf({ beds: 'region,year,date,beds,beds_closed\nNO-03,2015,2015,10,2\n' });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'beds.csv', line: 1, columns: ['beds', 'beds_closed'] });
    expect(issues[0]!.message).toContain('both');
  });

  it('a beds header with neither beds nor beds_closed is an error', async () => {
    const issues = await issuesOf({ beds: 'region,year,capacity\nNO-03,2015,10\n' });
    expect(issues[0]).toMatchObject({ file: 'beds.csv', line: 1 });
    expect(issues[0]!.message).toContain('expected a column "beds"');
  });

  it('the beds header chooses the shape: beds → stock, beds_closed → events', async () => {
    expect((await load({ beds: 'region,year,beds\nNO-03,2015,10\n' })).beds.shape).toBe('stock');
    expect((await load({ beds: 'region,date,beds_closed\nNO-03,2015-06,10\n' })).beds.shape).toBe('events');
    expect((await load({})).beds.shape).toBe('none');
  });
});

describe('empty and short files', () => {
  it('an empty file is an error for that file', async () => {
    const issues = await issuesOf({ services: '' });
    expect(issues).toEqual([
      { file: 'services.csv', message: 'the file is empty: expected a header row with columns region, year, service, capacity, unit' },
    ]);
  });

  it('a file of blank lines is empty too', async () => {
    const issues = await issuesOf({ population: '\n\n\n' });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.file).toBe('population.csv');
    expect(issues[0]!.message).toContain('the file is empty');
  });

  it('a header-only file gives no rows and no error', async () => {
    const dataset = await load({ services: SERVICES_HEADER, beds: 'region,year,beds\n' });
    expect(dataset.services.size).toBe(0);
    expect(dataset.beds).toEqual({ shape: 'stock', byRegion: new Map() });
  });

  it('a header without a final newline is still a header', async () => {
    const dataset = await load({ services: 'region,year,service,capacity,unit' });
    expect(dataset.services.size).toBe(0);
  });
});

describe('aggregation and duplicates', () => {
  it('sums service rows with the same key (region, year, service, unit)', async () => {
    const dataset = await load({
      services: SERVICES_HEADER + 'NO-03,2015,botilbud,3,places\nNO-03,2015,botilbud,4,places\nNO-03,2016,botilbud,1,places\n',
    });
    expect(years(dataset, 'NO-03', 'supported_living/places')).toEqual([
      [2015, 7], // 3 + 4
      [2016, 1],
    ]);
  });

  it('a region listed twice in regions.csv is an error naming both lines', async () => {
    const issues = await issuesOf({ regions: 'region,name\nNO-03,Oslo\nNO-18,Nordland\nNO-03,Oslo again\n' });
    expect(issues).toEqual([
      { file: 'regions.csv', line: 4, columns: ['region'], message: 'region "NO-03" is listed twice (first on line 2)' },
    ]);
  });

  it('a repeated (region, year) in population.csv is an error naming both lines', async () => {
    const issues = await issuesOf({ population: 'region,year,population\nNO-03,2015,1\nNO-18,2015,2\nNO-03,2015,3\n' });
    expect(issues).toEqual([
      {
        file: 'population.csv',
        line: 4,
        columns: ['region', 'year'],
        message: 'population of "NO-03" in 2015 is given twice (first on line 2)',
      },
    ]);
  });

  it('the same region in different years is not a duplicate', async () => {
    const dataset = await load({ population: 'region,year,population\nNO-03,2015,1\nNO-03,2016,2\n' });
    expect([...dataset.population.get('NO-03')!]).toEqual([
      [2015, 1],
      [2016, 2],
    ]);
  });

  it('region codes are trimmed but otherwise kept as written', async () => {
    const dataset = await load({ population: 'region,year,population\n NO-03 ,2015,700000\n' });
    expect(dataset.population.has('NO-03')).toBe(true);
  });
});

describe('region codes', () => {
  it('an unknown code in services is an error with every line and the nearest known code', async () => {
    const issues = await issuesOf({
      services: SERVICES_HEADER + 'NO-3,2015,DPS,1,facilities\nNO-03,2015,DPS,1,facilities\nNO-3,2016,DPS,1,facilities\n',
    });
    expect(issues).toEqual([
      {
        file: 'services.csv',
        line: 2,
        columns: ['region'],
        message: 'unknown region "NO-3" (not in regions.csv; lines 2, 4); did you mean "NO-03"?',
      },
    ]);
  });

  it('an unknown code with no near match gets no suggestion', async () => {
    const issues = await issuesOf({ population: 'region,year,population\nSE-AB,2015,1\n' });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toBe('unknown region "SE-AB" (not in regions.csv; line 2)');
  });

  it('a regions.csv that cannot be read whole is its own problem, not one per code of the other files', async () => {
    // A column named twice stops regions.csv at its header: no region is known, yet every code of
    // population.csv is in the file. One problem says the codes were not checked.
    const issues = await issuesOf({ regions: 'region,name,Name\nNO-03,Oslo,Oslo\n', population: 'region,year,population\nNO-03,2015,1\nNO-18,2015,1\n' });
    expect(issues.map((i) => [i.file, i.line, i.message])).toEqual([
      ['regions.csv', undefined, 'the region codes of the other files are not checked against it: it could not be read whole, for the problem given with it'],
      ['regions.csv', 1, 'the column appears twice in the header (fields 2 and 3)'],
    ]);
    // Read whole, the same regions.csv's codes are checked: NO-18 is unknown.
    const checked = await issuesOf({ regions: 'region,name\nNO-03,Oslo\n', population: 'region,year,population\nNO-03,2015,1\nNO-18,2015,1\n' });
    expect(checked.map((i) => i.message)).toEqual(['unknown region "NO-18" (not in regions.csv; line 3); did you mean "NO-03"?']);
  });

  it('codes are case-sensitive, but the suggestion ignores case', async () => {
    const issues = await issuesOf({ beds: 'region,year,beds\nno-03,2015,1\n' });
    expect(issues[0]!.message).toContain('did you mean "NO-03"?');
  });

  it('an unknown parent region is an error at the region\'s line', async () => {
    const issues = await issuesOf({
      regions: 'region,name,parent\nNO,Norge,\nNO-03,Oslo,NOR\n',
      population: 'region,year,population\nNO-03,2015,700000\n',
    });
    expect(issues).toEqual([
      { file: 'regions.csv', line: 3, columns: ['parent'], message: 'unknown parent region "NOR"; did you mean "NO"?' },
    ]);
  });
});

describe('service names and weights', () => {
  it('an unmapped name is an error listing its lines and the nearest alias', async () => {
    const issues = await issuesOf({
      services: SERVICES_HEADER + 'NO-03,2015,botilbod,1,places\nNO-03,2015,DPS,1,facilities\nNO-18,2016,botilbod,2,places\n',
    });
    expect(issues.map(formatIssue)).toEqual([
      'services.csv:2: column "service": service "botilbod" maps to no category (lines 2, 4); ' +
        'did you mean "botilbud" (supported_living)? Add an alias in the config, or use --allow-unmapped to drop these rows.',
    ]);
  });

  it('lists every unmapped name, each once', async () => {
    const issues = await issuesOf({
      services: SERVICES_HEADER + 'NO-03,2015,foo club,1,places\nNO-03,2015,bar group,1,places\nNO-03,2016,foo club,1,places\n',
    });
    expect(issues.map((i) => [i.line, i.message.slice(0, 30)])).toEqual([
      [2, 'service "foo club" maps to no '],
      [3, 'service "bar group" maps to no'],
    ]);
  });

  it('allowUnmapped drops those rows with a warning and keeps the rest', async () => {
    const dataset = await load(
      { services: SERVICES_HEADER + 'NO-03,2015,botilbod,1,places\nNO-03,2015,botilbud,5,places\nNO-03,2016,botilbod,2,places\n' },
      { allowUnmapped: true },
    );
    expect(years(dataset, 'NO-03', 'supported_living/places')).toEqual([[2015, 5]]); // only line 3
    const warning = dataset.warnings.find((w) => w.file === 'services.csv');
    expect(warning).toBeDefined();
    expect(warning!.line).toBe(2);
    expect(warning!.message).toContain('"botilbod"');
    expect(warning!.message).toContain('2 row(s) dropped (lines 2, 4)');
    expect(dataset.serviceNames.get('botilbod')).toEqual({ category: undefined, rows: 2, firstLine: 2 });
  });

  it('config aliases map names the built-ins do not know', async () => {
    const dataset = await load(
      { services: SERVICES_HEADER + 'NO-03,2015,Bydelstilbud,4,places\n' },
      { config: { aliases: { bydelstilbud: 'day_services' } } },
    );
    expect(years(dataset, 'NO-03', 'day_services/places')).toEqual([[2015, 4]]);
  });

  it('a (category, unit) pair without a weight is an error naming the pair and its lines', async () => {
    const issues = await issuesOf({
      services: SERVICES_HEADER + 'NO-03,2015,crisis,1,facilities\nNO-18,2015,kriisikeskus,2,facilities\n',
    });
    expect(issues).toEqual([
      {
        file: 'services.csv',
        line: 2,
        columns: ['service', 'unit'],
        message: 'no weight for category "crisis" in unit "facilities" (lines 2, 3); set weights.crisis.facilities in the config',
      },
    ]);
  });

  it('a config weight makes that pair valid', async () => {
    const dataset = await load(
      { services: SERVICES_HEADER + 'NO-03,2015,crisis,1,facilities\n' },
      { config: { weights: { crisis: { facilities: 2 } } } },
    );
    expect(years(dataset, 'NO-03', 'crisis/facilities')).toEqual([[2015, 1]]);
  });

  it('units are matched case-insensitively', async () => {
    const dataset = await load({ services: SERVICES_HEADER + 'NO-03,2015,ACT,2, Teams \n' });
    expect(years(dataset, 'NO-03', 'outreach/teams')).toEqual([[2015, 2]]);
  });

  it('an unknown unit is an error on its line and column', async () => {
    // "personer" (people) is left out of the unit aliases: caseload or population, it cannot say.
    const issues = await issuesOf({ services: SERVICES_HEADER + 'NO-03,2015,ACT,2,personer\n' });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'services.csv', line: 2, columns: ['unit'] });
    expect(issues[0]!.message).toContain('"personer"');
  });

  // History: the union `UnitSchema.or(z.never({ error }))` once made zod report its generic
  // "Invalid input", so the message did not say what was expected (SPEC §6: every input error
  // names what was expected).
  it('an unknown unit says which units are expected, and which is nearest', async () => {
    const issues = await issuesOf({ services: SERVICES_HEADER + 'NO-03,2015,ACT,2,tems\n' });
    expect(formatIssue(issues[0]!)).toBe(
      'services.csv:2: column "unit": expected one of beds, places, caseload, teams, fte, facilities, contacts, ' +
        'or a local name of one (such as årsverk, plasser, Betten, lits), got "tems"; did you mean "teams"?',
    );
  });
});

describe('numbers', () => {
  it.each([
    ['services', SERVICES_HEADER + 'NO-03,2015,DPS,-1,facilities\n', 'capacity', 'expected a number ≥ 0, got "-1"'],
    ['population', 'region,year,population\nNO-03,2015,0\n', 'population', 'expected a number > 0, got "0"'],
    ['population', 'region,year,population\nNO-03,2015,NaN\n', 'population', 'expected a number > 0, got "NaN"'],
    ['population', 'region,year,population\nNO-03,2015,Infinity\n', 'population', 'expected a number > 0, got "Infinity"'],
    ['population', 'region,year,population\nNO-03,2015,1e400\n', 'population', 'expected a number > 0, got "1e400": too large (servicegap accepts at most 1e12)'],
    // Positive, but every rate per 100,000 of it would be infinite (numbers.ts MIN_DIVISOR).
    ['population', 'region,year,population\nNO-03,2015,1e-320\n', 'population', 'expected a number > 0, got "1e-320": too small (servicegap divides by it, and accepts at least 1e-12)'],
    ['population', 'region,year,population\nNO-03,2015,0.0000000000001\n', 'population', 'expected a number > 0, got "0.0000000000001": too small (servicegap divides by it, and accepts at least 1e-12)'],
    ['population', 'region,year,population\nNO-03,2015,1 234\n', 'population', 'expected a number > 0, got "1 234" (--thousands space reads it as 1234)'],
    ['population', 'region,year,population\nNO-03,99999,5\n', 'year', 'expected a year (a whole number 1800–2200), got "99999"'],
    ['population', 'region,year,population\nNO-03,1799,5\n', 'year', 'expected a year (a whole number 1800–2200), got "1799"'],
    ['population', 'region,year,population\nNO-03,2015.5,5\n', 'year', 'expected a year (a whole number 1800–2200), got "2015.5"'],
    ['beds', 'region,year,beds\nNO-03,2015,-3\n', 'beds', 'expected a number ≥ 0, got "-3"'],
    ['beds', 'region,year,beds\nNO-03,2015,\n', 'beds', 'missing value (empty cell): expected a number ≥ 0 — fill it in or remove the row'],
    [
      'beds',
      'region,date,beds_closed\nNO-03,2015-02-30,3\n',
      'date',
      'expected a date YYYY, YYYY-MM or YYYY-MM-DD (years 1800–2200), got "2015-02-30"',
    ],
    ['beds', 'region,date,beds_closed\nNO-03,2015,ten\n', 'beds_closed', 'expected a number (negative for an opening), got "ten"'],
  ] as const)('%s: rejects %j in column %s', async (role, content, column, message) => {
    const issues = await issuesOf({ [role]: content });
    expect(issues).toEqual([{ file: `${role}.csv`, line: 2, columns: [column], message }]);
  });

  it('accepts decimals, surrounding spaces, 0 capacity and negative beds_closed (an opening)', async () => {
    const dataset = await load({
      beds: 'region,date,beds_closed\nNO-03,2016-02-29,-4.5\n',
      services: SERVICES_HEADER + 'NO-03,2015,ACT, 2.5 ,teams\nNO-03,2016,ACT,0,teams\n',
    });
    expect(years(dataset, 'NO-03', 'outreach/teams')).toEqual([
      [2015, 2.5],
      [2016, 0],
    ]);
    expect(dataset.beds.shape === 'events' && [...dataset.beds.byRegion.get('NO-03')!]).toEqual([[2016, -4.5]]);
  });

  it('";" is detected from the header; "12,5" in such a file is 12.5, and so "1,234" is 1.234; without such evidence "1,234" reads two ways and is an error', async () => {
    const services = 'region;year;service;capacity;unit\nNO-03;2015;DPS;3;facilities\nNO-03;2016;DPS;12,5;facilities\n';
    const dataset = await load({ services });
    expect(years(dataset, 'NO-03', 'cmhc/facilities')).toEqual([
      [2015, 3],
      [2016, 12.5],
    ]);
    expect(years(await load({ services: services + 'NO-03;2017;DPS;1,234;facilities\n' }), 'NO-03', 'cmhc/facilities')).toEqual([
      [2015, 3],
      [2016, 12.5],
      [2017, 1.234],
    ]);
    const issues = await issuesOf({ services: 'region;year;service;capacity;unit\nNO-03;2015;DPS;3;facilities\nNO-03;2016;DPS;12;facilities\nNO-03;2017;DPS;1,234;facilities\n' });
    expect(issues.map(formatIssue)).toEqual([
      'services.csv:4: column "capacity": expected a number ≥ 0, got "1,234", which reads two ways: ' +
        '--decimal , reads it as 1.234, --thousands , as 1234; give the option that fits the file',
    ]);
  });
});

describe('structure and physical lines', () => {
  it('a ragged row is an error naming the expected and actual field counts', async () => {
    const issues = await issuesOf({ services: SERVICES_HEADER + 'NO-03,2015,DPS,3\nNO-03,2015,DPS,3,facilities,x,y\n' });
    expect(issues).toEqual([
      { file: 'services.csv', line: 2, message: 'expected 5 fields like the header, got 4 (delimiter ",")' },
      { file: 'services.csv', line: 3, message: 'expected 5 fields like the header, got 7 (delimiter ",")' },
    ]);
  });

  it('a trailing delimiter (empty extra fields) is tolerated', async () => {
    const dataset = await load({ services: SERVICES_HEADER + 'NO-03,2015,DPS,3,facilities,\nNO-03,2016,DPS,4,facilities,,\n' });
    expect(years(dataset, 'NO-03', 'cmhc/facilities')).toEqual([
      [2015, 3],
      [2016, 4],
    ]);
  });

  it('counts blank lines and quoted fields spanning lines in the line numbers', async () => {
    const services = [
      'region,year,service,capacity,unit', // 1
      '', // 2
      'NO-03,2015,DPS,x,facilities', // 3 → error
      '', // 4
      '', // 5
      'NO-03,2015,"Rask psykisk', // 6: quoted field spans 6–7
      'helsehjelp",y,fte', // 7 → error reported at 6, where the row starts
      'NO-03,2015,DPS,z,facilities', // 8 → error
    ].join('\n');
    const issues = await issuesOf({ services });
    expect(issues.map((i) => [i.line, i.columns])).toEqual([
      [3, ['capacity']],
      [6, ['capacity']],
      [8, ['capacity']],
    ]);
  });

  it('CRLF and lone-CR files give the same records and lines as LF', async () => {
    const lf = [
      'region,year,service,capacity,unit',
      'NO-03,2015,"ambulant',
      'akutteam",1,teams', // the quoted name spans lines 2–3
      '',
      'NO-03,2016,ambulant akutteam,2,teams',
      'NO-03,2016,DPS,-1,facilities', // error at line 6
    ].join('\n');
    const results = [];
    for (const eol of ['\n', '\r\n', '\r']) {
      const content = lf.replace(/\n/g, eol) + eol;
      results.push(await issuesOf({ services: content }));
    }
    expect(results[0]).toEqual([
      { file: 'services.csv', line: 6, columns: ['capacity'], message: 'expected a number ≥ 0, got "-1"' },
    ]);
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    // and the valid rows: the name with a line break inside is "ambulant\nakutteam" in every
    // variant; it normalises (whitespace collapsed) to "ambulant akutteam" → crisis
    for (const eol of ['\n', '\r\n', '\r']) {
      const content = lf.split('\n').slice(0, 5).join(eol) + eol;
      const dataset = await load({ services: content });
      expect(years(dataset, 'NO-03', 'crisis/teams'), JSON.stringify(eol)).toEqual([
        [2015, 1],
        [2016, 2],
      ]);
      expect([...dataset.serviceNames.values()].map((s) => s.firstLine)).toEqual([2, 5]);
    }
  });

  it('strips a UTF-8 BOM from the first header name (bytes, quoted header)', async () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('"region","name"\nNO-03,Oslo\nNO-18,Nordland\n')]);
    const dataset = await load({ regions: bytes });
    expect([...dataset.regions.keys()]).toEqual(['NO-03', 'NO-18']);
  });

  it('strips a BOM at the start of text content with an unquoted header', async () => {
    const dataset = await load({ regions: '\uFEFFregion,name\nNO-03,Oslo\nNO-18,Nordland\n' });
    expect([...dataset.regions.keys()]).toEqual(['NO-03', 'NO-18']);
  });

  // BUG (src/io/text-stream.ts decodeInput): a BOM is only dropped by TextDecoder, i.e. for byte
  // chunks; string content ({ name, content: string }, library use) keeps it. With an unquoted
  // header the BOM disappears by luck (String.prototype.trim removes U+FEFF); with a quoted
  // header csv-parse fails: `regions.csv:1: Invalid Opening Quote: a quote is found on field 0
  // at line 1, value is "﻿" (utf8 bom)`.
  it('strips a BOM at the start of text content with a quoted header', async () => {
    const dataset = await load({ regions: '\uFEFF"region","name"\nNO-03,Oslo\nNO-18,Nordland\n' });
    expect([...dataset.regions.keys()]).toEqual(['NO-03', 'NO-18']);
  });

  it('an unclosed quote is a CSV syntax error for that file', async () => {
    const issues = await issuesOf({ services: SERVICES_HEADER + 'NO-03,2015,"DPS,3,facilities\nNO-03,2016,DPS,3,facilities\n' });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.file).toBe('services.csv');
    expect(issues[0]!.message).toContain('a quoted field is never closed');
  });
});

describe('all problems at once', () => {
  it('reports every bad row of a file, each at its physical line (fixtures/invalid/services-many-errors)', async () => {
    let error: unknown;
    try {
      await loadDataset({ data: 'fixtures/invalid/services-many-errors' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const issues = (error as InputError).issues;
    const byLine = issues.map((i) => `${i.file.endsWith('services.csv') ? 'services' : i.file}:${i.line}:${(i.columns ?? []).join('+')}`);
    expect(byLine.sort()).toEqual(
      [
        'services:3:region', // NO-3
        'services:5:service', // botilbod
        'services:6:service+unit', // crisis/facilities, lines 6 and 12
        'services:7:capacity', // −4 (row starts on line 7)
        'services:9:year', // 20015
        'services:10:unit', // tems
        'services:11:', // 4 fields
      ].sort(),
    );
    const text = issues.map(formatIssue).join('\n');
    expect(text).toContain('did you mean "NO-03"?');
    expect(text).toContain('did you mean "botilbud" (supported_living)?');
    expect(text).toContain('no weight for category "crisis" in unit "facilities" (lines 6, 12)');
    expect(text).toContain('expected 5 fields like the header, got 4');
    // the message of an InputError with many issues says how many
    expect((error as InputError).message).toBe('7 problems in the input data');
  });

  it('reports problems of several files together', async () => {
    const issues = await issuesOf({
      regions: 'region\nNO-03\nNO-03\n',
      population: 'region,year,population\nNO-03,2015,0\n',
      services: SERVICES_HEADER + 'NO-03,2015,DPS,-1,facilities\n',
    });
    expect(issues.map((i) => `${i.file}:${i.line}`)).toEqual(['regions.csv:3', 'population.csv:2', 'services.csv:2']);
  });
});

describe('formatIssue', () => {
  it('formats file, line, column and message exactly', () => {
    expect(
      formatIssue({ file: 'services.csv', line: 3, columns: ['capacity'], message: 'expected a number ≥ 0, got "12,5"' }),
    ).toBe('services.csv:3: column "capacity": expected a number ≥ 0, got "12,5"');
    expect(formatIssue({ file: 'beds.csv', line: 1, columns: ['beds', 'beds_closed'], message: 'm' })).toBe(
      'beds.csv:1: columns "beds", "beds_closed": m',
    );
    expect(formatIssue({ file: 'services.csv', message: 'the file is empty' })).toBe('services.csv: the file is empty');
  });
});

describe('a Nordic spreadsheet export (fixtures/loader/nordic-semicolon-crlf-bom)', () => {
  const dir = 'fixtures/loader/nordic-semicolon-crlf-bom';

  it('the fixture really has a BOM, CRLF line ends and ";" (guard against editors and git)', async () => {
    const bytes = await readFile(join(dir, 'regions.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes('\r\n')).toBe(true);
    expect(bytes.toString('utf8').split('\r\n')[0]).toBe('\uFEFF Region ; NAME ;Parent;comment');
  });

  it('loads, and keeps Norwegian, Finnish, Swedish and Arabic names byte for byte', async () => {
    const { dataset, files } = await loadDataset({ data: dir });
    expect(files.regions).toBe(join(dir, 'regions.csv'));
    expect([...dataset.regions.keys()]).toEqual(['NO', 'NO-50', 'FI-02', 'FI-07', 'SA-01']);
    const names = Object.fromEntries([...dataset.regions.values()].map((r) => [r.code, r.name]));
    expect(names).toEqual({
      NO: 'Norge',
      'NO-50': 'Trøndelag – Trööndelage',
      'FI-02': 'Varsinais-Suomi / Egentliga Finland',
      // stored decomposed (NFD) in the file, and kept decomposed: not normalised
      'FI-07': 'Pa\u0308ija\u0308t-Ha\u0308me',
      'SA-01': 'منطقة الرياض',
    });
    expect(Buffer.from(names['SA-01']!, 'utf8').toString('hex')).toBe(Buffer.from('منطقة الرياض', 'utf8').toString('hex'));
    expect(dataset.regions.get('NO-50')!.parent).toBe('NO');
  });

  it('gives hand-checkable metrics', async () => {
    const { dataset, weights } = await loadDataset({ data: dir });
    const report = analyze(dataset, { weights });
    expect([report.from, report.to]).toEqual([2010, 2020]);
    const no50 = report.regions.find((r) => r.region === 'NO-50')!;
    // beds 120 → 80 = −40; værested (day_services/places, 0.25): (60 − 40) × 0.25 = +5;
    // ACT-team (outreach/teams, 10): 0 → 2 = +20 (started later); community +25; net −15
    expect(no50.bed_change).toBe(-40);
    expect(no50.community_change_be).toBe(25);
    expect(no50.vacuum_be).toBe(15);
    expect(no50.vacuum_per_100k).toBeCloseTo(3, 12); // 15 / 500,000 × 100,000
    expect(no50.replacement_ratio).toBeCloseTo(0.625, 12); // 25 / 40
    // categories reported in the data: day_services and outreach (NO-50), supported_living (FI-02),
    // cmhc and crisis (SA-01); NO-50 has no row for the last three (SPEC §8)
    expect(no50.flags).toEqual(['service_started_later', 'partial_community']);
    expect(no50.categories_not_reported).toEqual(['crisis', 'cmhc', 'supported_living']);
    // SA-01: beds −50; cmhc facilities weigh 0; crisis teams 0 → 2 = +25; vacuum 25
    // 25 / 8,000,000 × 100,000 = 0.3125
    expect(report.regions.find((r) => r.region === 'SA-01')!.vacuum_per_100k).toBeCloseTo(0.3125, 12);
    // ranking: FI-02 20/480,000 × 100,000 = 4.1667; NO-50 3; SA-01 0.3125. FI-07 has no row in
    // services.csv: its community capacity is unknown, so it is not ranked (SPEC §8).
    // NO is NO-50's parent and has no figures of its own: it is not ranked (only the regions
    // without children are, by default), and not listed as excluded either.
    expect(report.regions.map((r) => r.region)).toEqual(['FI-02', 'NO-50', 'SA-01']);
    expect(report.excluded).toEqual([{ region: 'FI-07', reason: 'community' }]);
    expect(report.regions[0]!.vacuum_per_100k).toBeCloseTo(4.16667, 4);
  });
});

describe('files on disk', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'servicegap-load-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a data folder without population.csv is a FileAccessError naming the file', async () => {
    const folder = await mkdtemp(join(dir, 'nopop-'));
    await writeFile(join(folder, 'regions.csv'), REGIONS);
    const error = await loadDataset({ data: folder }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileAccessError);
    expect((error as FileAccessError).message).toBe(`cannot read ${join(folder, 'population.csv')}: no such file or folder`);
  });

  it('optional files absent from the folder are simply not read; services.csv is needed unless "none" is said', async () => {
    const folder = await mkdtemp(join(dir, 'min-'));
    await writeFile(join(folder, 'regions.csv'), REGIONS);
    await writeFile(join(folder, 'population.csv'), POPULATION);
    // SPEC §8: a data folder without services.csv is an input error naming what it holds
    const error = await loadDataset({ data: folder }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues).toHaveLength(1);
    expect((error as InputError).issues[0]!.file).toBe(join(folder, 'services.csv'));
    expect((error as InputError).issues[0]!.message).toMatch(/^the data folder has no services\.csv \(it holds population\.csv, regions\.csv\)\. .*--services none/);
    const { dataset, files, noServices } = await loadDataset({ data: folder, services: 'none' });
    expect(noServices).toBe(true);
    expect(files.beds).toBeUndefined();
    expect(files.services).toBeUndefined();
    expect(dataset.beds.shape).toBe('none');
  });

  it('"-" for two inputs is an InputSelectionError', async () => {
    await expect(loadDataset({ regions: '-', population: '-' })).rejects.toBeInstanceOf(InputSelectionError);
  });

  it('reads across 64 KiB chunk boundaries: a CRLF and a two-byte letter split between chunks', async () => {
    // The file is read in chunks of 65,536 bytes. Build regions.csv so that one row's CR is the
    // last byte of the first chunk (its LF the first of the second), and a later "ø" (2 bytes)
    // straddles the second boundary at 131,072.
    const header = 'region,name\r\n';
    const rows: string[] = [];
    let size = Buffer.byteLength(header);
    const row = (i: number, name: string) => `R${String(i).padStart(5, '0')},${name}\r\n`;
    let i = 0;
    // plain rows until fewer than 100 bytes remain before 65,536
    while (size + Buffer.byteLength(row(i, 'x'.repeat(40))) < 65_536 - 100) {
      rows.push(row(i, 'x'.repeat(40)));
      size += Buffer.byteLength(rows[rows.length - 1]!);
      i++;
    }
    // a row whose CR lands at byte 65,535 (0-based): prefix "R00000," is 7 bytes, "\r\n" 2
    const fill = 65_536 - size - 7 - 1; // name bytes so that CR is at index 65,535
    rows.push(row(i++, 'y'.repeat(fill)));
    size += Buffer.byteLength(rows[rows.length - 1]!);
    expect(size).toBe(65_537); // CR at 65,535, LF at 65,536
    while (size + 60 < 131_072 - 100) {
      rows.push(row(i, 'x'.repeat(40)));
      size += Buffer.byteLength(rows[rows.length - 1]!);
      i++;
    }
    // a row whose "ø" starts at byte 131,071: 7 bytes of prefix, then ASCII, then "ø"
    const ascii = 131_071 - size - 7;
    const straddling = `${'z'.repeat(ascii)}ø-end`;
    rows.push(row(i++, straddling));
    // a duplicate of R00000 at the end, to check the line count after both boundaries
    rows.push(row(0, 'again'));
    const lastLine = 1 + rows.length; // header is line 1
    const path = join(dir, 'big-regions.csv');
    await writeFile(path, header + rows.join(''));
    const popPath = join(dir, 'big-pop.csv');
    await writeFile(popPath, 'region,year,population\n');

    const error = await loadDataset({ regions: path, population: popPath }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues).toEqual([
      { file: path, line: lastLine, columns: ['region'], field: 1, message: 'region "R00000" is listed twice (first on line 2)' },
    ]);

    // without the duplicate, every name arrives intact
    await writeFile(path, header + rows.slice(0, -1).join(''));
    const { dataset } = await loadDataset({ regions: path, population: popPath });
    expect(dataset.regions.size).toBe(rows.length - 1);
    const names = [...dataset.regions.values()].map((r) => r.name);
    expect(names).toContain('y'.repeat(fill));
    expect(names).toContain(straddling);
    expect(names.every((n) => !n.includes('\r') && !n.includes('\uFFFD'))).toBe(true);
  });
});

describe('header position and trailing delimiters', () => {
  it('a header problem names the header line, even after blank lines', async () => {
    // lines 1–2 blank, header on line 3 with a misspelt "populatio"
    const error = await loadDataset({
      regions: { name: 'regions.csv', content: 'region\nA\n' },
      population: { name: 'population.csv', content: '\n\nregion,year,populatio\nA,2000,1\n' },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues[0]).toMatchObject({ file: 'population.csv', line: 3, columns: ['population'] });
  });

  it('a header that ends in a delimiter fits rows with and without one', async () => {
    const { dataset } = await loadDataset({
      regions: { name: 'regions.csv', content: 'region,name,\nA,Alpha\nB,Beta,\n' },
      population: { name: 'population.csv', content: 'region,year,population,\nA,2000,1\nB,2000,2,\n' },
    });
    expect([...dataset.regions.keys()]).toEqual(['A', 'B']);
    expect(dataset.population.get('B')?.get(2000)).toBe(2);
  });
});

describe('column positions', () => {
  it('each issue carries the 1-based position of its column in that file\'s header', async () => {
    // population is the 3rd field of "region,year,population"; capacity the 1st of "capacity,region,…"
    const error = await loadDataset(
      inputs({
        regions: 'region\nA\n',
        population: 'region,year,population\nA,2020,0\n',
        services: 'capacity,region,year,service,unit\n-1,A,2020,crisis,teams\n',
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const byFile = Object.fromEntries((error as InputError).issues.map((i) => [i.file, i.field]));
    expect(byFile).toEqual({ 'population.csv': 3, 'services.csv': 1 });
  });
});
