// JSON-stat, Eurostat TSV, SDMX-CSV, WHO GHO and N-MHSS: each fixture (fixtures/import/*/SOURCE.md)
// imported and checked against the numbers its source publishes, plus the located errors.
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../src/app/import.js';
import { InputSelectionError } from '../../src/io/errors.js';
import { fixture, importIssues, importRows, valueOf } from './helpers.js';

const tmp = (name: string, text: string) => {
  const path = join(mkdtempSync(join(tmpdir(), 'sg-import-')), name);
  writeFileSync(path, text);
  return path;
};

describe('JSON-stat', () => {
  it('Statistics Finland 11rc: population aged 20–69, both sexes, 2020 = 3 472 737 (the ten five-year groups of the table added up)', async () => {
    const { rows } = await importRows({
      format: 'jsonstat',
      files: [fixture('jsonstat/statfin-11rc-vaesto.json')],
      as: 'population',
      set: { region: 'FI' },
      where: { Sukupuoli: ['SSS'] },
      sum: ['Ikä'],
    });
    // 308 410 + 352 990 + 355 067 + 363 694 + 348 531 + 317 890 + 347 146 + 367 783 + 357 251 + 353 975 = 3 472 737
    expect(valueOf(rows, { year: '2020' }, 'population')).toBe('3472737');
    expect(rows.map((r) => r.year)).toEqual(['2020', '2021', '2022']);
  });

  it('summing a dimension that holds its own total is refused (men + women + total would count everyone twice)', async () => {
    const issues = await importIssues({ format: 'jsonstat', files: [fixture('jsonstat/statfin-11rc-vaesto.json')], as: 'population', set: { region: 'FI' }, sum: ['Sukupuoli', 'Ikä'] });
    expect(issues[0]).toContain('--sum Sukupuoli: category SSS (Totalt) equals the sum of the others in every row');
    // Men + women, ages 20–69, 2020: 1 756 733 + 1 716 004 = 3 472 737, the total above.
    const { rows } = await importRows({ format: 'jsonstat', files: [fixture('jsonstat/statfin-11rc-vaesto.json')], as: 'population', set: { region: 'FI' }, where: { Sukupuoli: ['1', '2'] }, sum: ['Sukupuoli', 'Ikä'] });
    expect(valueOf(rows, { year: '2020' }, 'population')).toBe('3472737');
  });

  it('SSB 07221 (cut): quarters are not years; the ".." cells are read as missing', async () => {
    const issues = await importIssues({ format: 'jsonstat', files: [fixture('jsonstat/ssb-07221-cut.json')], as: 'beds', region: 'Region', where: { Boligtype: ['02'] } });
    expect(issues).toEqual([
      'jsonstat/ssb-07221-cut.json: time dimension "Tid": expected years (YYYY, 1800–2200), got "2022K1", "2022K2", "2022K3", "2022K4", "2023K1" and 3 more: servicegap counts capacity per year, so take an annual table (or keep the years with --where)',
    ]);
    const { readImportFile } = await import('../../src/io/import/read-import-file.js');
    const [table] = await readImportFile('jsonstat', fixture('jsonstat/ssb-07221-cut.json'), []);
    const innlandetSmahus = table!.observations.filter((o) => o.codes[0] === '007' && o.codes[1] === '02');
    expect(innlandetSmahus.map((o) => [o.value, o.status])).toEqual(Array(8).fill([null, '..']));
    // Hele landet, eneboliger, 2022K1: 136.2 (SSB table 07221), on line 136 of the file.
    const first = table!.observations[0]!;
    expect([first.value, first.at.line, first.at.path]).toEqual([136.2, 136, '/value/0']);
  });

  it('SSB 13942 preset: VOP beds per trust; Helse Bergen 2015 = 243 (SSB 13942); regions and aggregates left out', async () => {
    const { rows } = await importRows({ format: 'jsonstat', files: [fixture('jsonstat/ssb-13942-vop.json')], as: 'beds', preset: 'ssb-13942' });
    expect(valueOf(rows, { region: '983974724', year: '2015' }, 'beds')).toBe('243');
    expect(valueOf(rows, { region: '983974732', year: '2025' }, 'beds')).toBe('66');
    expect(rows.some((r) => r.region === 'H03')).toBe(false);
  });

  it('SSB 13942 preset: consultations as cmhc contacts, day treatments as day_services contacts; discharges are not taken', async () => {
    const { rows, notes } = await importRows({ format: 'jsonstat', files: [fixture('jsonstat/ssb-13942-vop.json')], as: 'services', preset: 'ssb-13942' });
    expect(valueOf(rows, { region: '983974724', year: '2015', service: 'cmhc' }, 'capacity')).toBe('98986');
    expect(valueOf(rows, { region: '983974724', year: '2015', service: 'day_services' }, 'capacity')).toBe('3357');
    expect(new Set(rows.map((r) => `${r.service}/${r.unit}`))).toEqual(new Set(['cmhc/contacts', 'day_services/contacts']));
    expect(notes.join('\n')).toContain('no default weight'.slice(0, 0)); // both pairs have weights: no weight note
    expect(notes.some((n) => n.includes('no default weight'))).toBe(false);
  });

  it('SSB 13982 preset: adult (VOP) catchment, Helse Bergen 2015 = 342 169', async () => {
    const { rows } = await importRows({ format: 'jsonstat', files: [fixture('jsonstat/ssb-13982-vop.json')], as: 'population', preset: 'ssb-13982' });
    expect(valueOf(rows, { region: '983974724', year: '2015' }, 'population')).toBe('342169');
    expect(valueOf(rows, { region: '993467049', year: '2025' }, 'population')).toBe('230508');
  });

  it('a broken JSON-stat says where: syntax errors by line and column, shape errors by path', async () => {
    const syntax = tmp('s.json', '{"version": "2.0",\n "class": "dataset",, "id": []}');
    expect((await importIssues({ format: 'jsonstat', files: [syntax], as: 'beds' }))[0]).toBe(`${syntax}:2: column 21: not valid JSON: PropertyNameExpected`);
    const shape = tmp(
      'z.json',
      JSON.stringify({ version: '2.0', class: 'dataset', id: ['geo', 'time'], size: [2, 1], dimension: { geo: { category: { index: ['NO'] } }, time: { category: { index: ['2020'] } } }, value: [1, 2] }, null, 1),
    );
    expect(await importIssues({ format: 'jsonstat', files: [shape], as: 'beds' })).toEqual([
      `${shape}:14: column 16, /dimension/geo/category: dimension "geo": "size" says 2 categories, the category index has 1`,
    ]);
  });
});

describe('Eurostat TSV and SDMX-CSV', () => {
  it('tps00047: published rates, flags kept, ":" left out (never 0)', async () => {
    const { rows, notes } = await importRows({ format: 'eurostat', files: [fixture('eurostat/tps00047.tsv')], as: 'beds', preset: 'eurostat-tps00047' });
    expect(rows.find((r) => r.region === 'UK' && r.year === '2000')).toEqual({ region: 'UK', year: '2000', beds: '93.2461', flags: '' });
    expect(rows.find((r) => r.region === 'BE' && r.year === '2006')).toEqual({ region: 'BE', year: '2006', beds: '182.5851', flags: 'b' });
    expect(valueOf(rows, { region: 'NO', year: '2002' }, 'flags')).toBe('b');
    expect(valueOf(rows, { region: 'DE', year: '2011' }, 'beds')).toBe('120.6868');
    expect(rows.some((r) => r.region === 'EU28')).toBe(false);
    expect(notes.join('\n')).toContain('23 missing cells (":" ×23): 23 rows left out, not written as 0');
    expect(notes.join('\n')).toContain('RATES per 100,000');
  });

  it('the same numbers from SDMX-CSV', async () => {
    const { rows } = await importRows({ format: 'sdmx-csv', files: [fixture('sdmx-csv/tps00047.sdmx.csv')], as: 'beds', preset: 'eurostat-tps00047' });
    expect(valueOf(rows, { region: 'BE', year: '2006' }, 'beds')).toBe('182.5851');
    expect(valueOf(rows, { region: 'BE', year: '2006' }, 'flags')).toBe('b');
    expect(valueOf(rows, { region: 'UK', year: '2000' }, 'beds')).toBe('93.2461');
    expect(rows.some((r) => r.region === 'EU28')).toBe(false);
  });

  it('a bad Eurostat cell is located by line and column', async () => {
    const text = readFileSync(fixture('eurostat/tps00047.tsv'), 'utf8').replace('74.6046 ', '74,6046 ');
    const path = tmp('bad.tsv', text);
    expect(await importIssues({ format: 'eurostat', files: [path], as: 'beds' })).toEqual([`${path}:2: column 2: expected a number, a number and flags ("12.3 e") or ":", got "74,6046 "`]);
  });

  it('a preset for another format or role is a usage error', async () => {
    await expect(runImport({ format: 'px', files: [fixture('eurostat/tps00047.tsv')], as: 'beds', preset: 'eurostat-tps00047' })).rejects.toThrow(InputSelectionError);
    await expect(runImport({ format: 'eurostat', files: [fixture('eurostat/tps00047.tsv')], as: 'population', preset: 'eurostat-tps00047' })).rejects.toThrow(
      /has no mapping for --as population/,
    );
    await expect(runImport({ format: 'eurostat', files: [fixture('eurostat/tps00047.tsv')], as: 'beds', preset: 'nope' })).rejects.toThrow(/no such preset/);
  });
});

describe('WHO GHO', () => {
  it('MH_16 beds in mental hospitals per 100,000: Norway 2016 = 74.32927 (GHO), from the CSV and from the API JSON', async () => {
    const csv = await importRows({ format: 'gho', files: [fixture('gho/MH_16.csv')], as: 'beds', preset: 'who-mh-atlas' });
    expect(valueOf(csv.rows, { region: 'NOR' }, 'beds')).toBe('74.32927');
    expect(valueOf(csv.rows, { region: 'NOR' }, 'year')).toBe('2016');
    const json = await importRows({ format: 'gho', files: [fixture('gho/MH_16.odata.json')], as: 'beds', preset: 'who-mh-atlas' });
    expect(json.rows).toEqual(csv.rows.filter((r) => ['AFG', 'CHL', 'DNK', 'FIN', 'NOR', 'SWE'].includes(r.region!)));
    expect(valueOf(json.rows, { region: 'CHL' }, 'beds')).toBe('3.12453');
  });

  it('services from several indicator files; an indicator a country did not report gives no row (not 0)', async () => {
    const { rows, notes } = await importRows({
      format: 'gho',
      files: [fixture('gho/MH_16.csv'), fixture('gho/MH_13.csv'), fixture('gho/MH_10.csv')],
      as: 'services',
      preset: 'who-mh-atlas',
    });
    expect(rows.filter((r) => r.region === 'NOR')).toEqual([{ region: 'NOR', year: '2016', service: 'cmhc', capacity: '1.30773', unit: 'facilities', flags: '' }]);
    expect(notes.join('\n')).toMatch(/MH_16.csv: none of the categories of "IndicatorCode" \(MH_16\) has a --map/);
  });
});

describe('N-MHSS', () => {
  // Expected: the shared folder's nmhss_facilities_by_state_year.csv (counted from the full
  // public-use files by the data's curator, not by servicegap): 2019 outpatient AK 74, DC 35,
  // WY 40; partial/day AK 7, DC 4, WY 5; 2012 outpatient AK 69, DC 40, WY 44; day AK 12, DC 12, WY 8.
  it('facilities offering each service, by state, match the independent counts', async () => {
    const { rows, notes } = await importRows({ format: 'nmhss', files: [fixture('nmhss/nmhss_2019_puf_AK_DC_WY.csv'), fixture('nmhss/nmhss_2012_puf_AK_DC_WY.csv')], as: 'services' });
    const get = (region: string, year: string, service: string) => valueOf(rows, { region, year, service }, 'capacity');
    expect([get('AK', '2019', 'cmhc'), get('DC', '2019', 'cmhc'), get('WY', '2019', 'cmhc')]).toEqual(['74', '35', '40']);
    expect([get('AK', '2019', 'day_services'), get('DC', '2019', 'day_services'), get('WY', '2019', 'day_services')]).toEqual(['7', '4', '5']);
    expect([get('AK', '2012', 'cmhc'), get('DC', '2012', 'cmhc'), get('WY', '2012', 'cmhc')]).toEqual(['69', '40', '44']);
    expect([get('AK', '2012', 'day_services'), get('DC', '2012', 'day_services'), get('WY', '2012', 'day_services')]).toEqual(['12', '12', '8']);
    // 2012 has no ACT or supported housing question: no rows, and a note says why.
    expect(get('AK', '2012', 'outreach')).toBeUndefined();
    expect(notes.join('\n')).toContain('no ASSERTCOMM, SUPPHOUSING in this year\'s file');
    expect(rows.every((r) => r.unit === 'facilities')).toBe(true);
  });

  it('crisis teams: the count of CRISISTEAM2 = 1 lines, counted here independently; unanswered lines flagged', async () => {
    const lines = readFileSync(fixture('nmhss/nmhss_2019_puf_AK_DC_WY.csv'), 'utf8').trim().split('\n');
    const cols = lines[0]!.split(',');
    const at = cols.indexOf('CRISISTEAM2');
    const yes = (st: string) => lines.slice(1).filter((l) => l.split(',')[2] === st && l.split(',')[at] === '1').length;
    const unanswered = (st: string) => lines.slice(1).filter((l) => l.split(',')[2] === st && !['0', '1', '-2'].includes(l.split(',')[at]!)).length;
    const { rows } = await importRows({ format: 'nmhss', files: [fixture('nmhss/nmhss_2019_puf_AK_DC_WY.csv')], as: 'services' });
    for (const st of ['AK', 'DC', 'WY']) {
      const row = rows.find((r) => r.region === st && r.service === 'crisis')!;
      expect(row.capacity).toBe(String(yes(st)));
      expect(row.flags).toBe(unanswered(st) > 0 ? `unanswered=${unanswered(st)}` : '');
    }
  });

  it('regions with the states\' names; beds are refused (the survey counts facilities)', async () => {
    const { rows } = await importRows({ format: 'nmhss', files: [fixture('nmhss/nmhss_2019_puf_AK_DC_WY.csv')], as: 'regions' });
    expect(rows).toEqual([
      { region: 'AK', name: 'Alaska' },
      { region: 'DC', name: 'District of Columbia' },
      { region: 'WY', name: 'Wyoming' },
    ]);
    await expect(runImport({ format: 'nmhss', files: [fixture('nmhss/nmhss_2019_puf_AK_DC_WY.csv')], as: 'beds' })).rejects.toThrow(/has no mapping for --as beds/);
  });
});
