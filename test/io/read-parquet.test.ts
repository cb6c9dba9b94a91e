// Inputs in Parquet (src/io/read-parquet.ts): the same dataset as the same table in CSV; the
// columns' Parquet types do not matter (INT32, INT64, DOUBLE, text); nulls are empty cells;
// problems are located (row N = line N + 1) and all reported at once, as for CSV.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { parquetMetadata } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import { InputError } from '../../src/core/issues.js';
import { loadDataset } from '../../src/io/load-dataset.js';

type Data = { name: string; data: unknown[]; type?: 'STRING' | 'INT32' | 'INT64' | 'DOUBLE' };
const parquet = (columnData: Data[]) => ({ content: new Uint8Array(parquetWriteBuffer({ columnData: columnData })) });

const REGIONS = 'region,name\nNO-15,Møre og Romsdal\nEG-C,القاهرة\n';
const POPULATION = 'region,year,population\nNO-15,2015,265000\nNO-15,2020,266000\nEG-C,2015,9000000\nEG-C,2020,9500000\n';
const BEDS = 'region,year,beds\nNO-15,2015,120\nNO-15,2020,80\nEG-C,2015,900\nEG-C,2020,850\n';
const SERVICES = 'region,year,service,capacity,unit\nNO-15,2015,FACT,2,teams\nNO-15,2020,FACT,3.5,teams\nEG-C,2020,botilbud,12.25,places\n';

describe('Parquet inputs', () => {
  it('give the same report as the same tables in CSV, whatever the column types', async () => {
    const csv = await loadDataset({
      regions: { name: 'regions.csv', content: REGIONS },
      population: { name: 'population.csv', content: POPULATION },
      beds: { name: 'beds.csv', content: BEDS },
      services: { name: 'services.csv', content: SERVICES },
    });
    const pqInputs = {
      regions: { name: 'regions.parquet', ...parquet([{ name: 'Region', data: ['NO-15', 'EG-C'], type: 'STRING' }, { name: 'name', data: ['Møre og Romsdal', 'القاهرة'], type: 'STRING' }]) },
      population: {
        name: 'population.parquet',
        ...parquet([
          { name: 'region', data: ['NO-15', 'NO-15', 'EG-C', 'EG-C'], type: 'STRING' },
          { name: 'year', data: [2015n, 2020n, 2015n, 2020n], type: 'INT64' },
          { name: 'population', data: [265000, 266000, 9000000, 9500000], type: 'INT32' },
        ]),
      },
      beds: {
        name: 'beds.parquet',
        ...parquet([
          { name: 'region', data: ['NO-15', 'NO-15', 'EG-C', 'EG-C'], type: 'STRING' },
          { name: 'year', data: [2015, 2020, 2015, 2020], type: 'INT32' },
          { name: 'beds', data: [120, 80, 900, 850], type: 'DOUBLE' },
          { name: 'extra', data: [1, 2, 3, 4], type: 'DOUBLE' },
        ]),
      },
      services: {
        name: 'services.parquet',
        ...parquet([
          { name: 'region', data: ['NO-15', 'NO-15', 'EG-C'], type: 'STRING' },
          { name: 'year', data: [2015, 2020, 2020], type: 'INT32' },
          { name: 'service', data: ['FACT', 'FACT', 'botilbud'], type: 'STRING' },
          { name: 'capacity', data: [2, 3.5, 12.25], type: 'DOUBLE' },
          { name: 'unit', data: ['teams', 'teams', 'places'], type: 'STRING' },
        ]),
      },
    };
    const pq = await loadDataset(pqInputs);
    // The same report but for what was read (SPEC §8 provenance): the files, their hashes and how they were read.
    const { provenance: pqProvenance, ...pqReport } = analyze(pq.dataset, { weights: pq.weights });
    const { provenance: csvProvenance, ...csvReport } = analyze(csv.dataset, { weights: csv.weights });
    expect(pqReport).toEqual(csvReport);
    expect({ ...pqProvenance, inputs: [] }).toEqual({ ...csvProvenance, inputs: [] });
    // Each Parquet input: its name, its rows, no text encoding or delimiter, and the SHA-256 of its bytes
    // (computed here with node:crypto from the bytes given).
    const given = [pqInputs.regions, pqInputs.population, pqInputs.beds, pqInputs.services];
    expect(pqProvenance.inputs.map((i) => [i.role, i.path, i.rows, i.encoding, i.delimiter, i.sha256])).toEqual(
      given.map((g, k) => [['regions', 'population', 'beds', 'services'][k], g.name, [2, 4, 4, 3][k], null, null, createHash('sha256').update(g.content).digest('hex')]),
    );
    expect(pq.dataset.regions.get('EG-C')!.name).toBe('القاهرة');
  });

  it('reports every bad row with its line (row N = line N + 1) and column, and a null as a missing value', async () => {
    const services = parquet([
      { name: 'region', data: ['NO-15', 'NO-15', 'XX-9', 'NO-15'], type: 'STRING' },
      { name: 'year', data: [2015, 2020, 2020, 2020], type: 'INT32' },
      { name: 'service', data: ['FACT', 'FACT', 'FACT', 'FACT'], type: 'STRING' },
      { name: 'capacity', data: [2, null, 5, -1], type: 'DOUBLE' },
      { name: 'unit', data: ['teams', 'teams', 'teams', 'teams'], type: 'STRING' },
    ]);
    const error = await loadDataset({
      regions: { name: 'regions.csv', content: REGIONS },
      population: { name: 'population.csv', content: POPULATION },
      beds: { name: 'beds.csv', content: BEDS },
      services: { name: 'services.parquet', ...services },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const issues = (error as InputError).issues.filter((i) => i.file === 'services.parquet');
    // row 2 (line 3): capacity missing (null); row 3 (line 4): an unknown region; row 4 (line 5): capacity −1
    expect(issues.map((i) => i.line)).toEqual(expect.arrayContaining([3, 4, 5]));
    expect(issues.find((i) => i.line === 3)!.columns).toContain('capacity');
    expect(issues.find((i) => i.line === 3)!.message).toMatch(/missing value/);
    expect(issues.find((i) => i.line === 5)!.message).toMatch(/expected a number ≥ 0, got "-1"/);
    expect(issues.some((i) => i.line === 4 && /XX-9/.test(i.message)), JSON.stringify(issues)).toBe(true);
  });

  it('reads a file of several row groups and pages, one group at a time, as the same table in CSV', async () => {
    // 600 service rows: two regions × 20 years (1996–2015) × 15 rows (three services, five rows each:
    // summed as a facility-level file's), capacity (i mod 7) / 4;
    // written in row groups of 7, 250 and 343 rows with pages of at most 64 bytes, so that columns
    // arrive in many chunks and groups begin mid-page. Row 300 (line 301, in the second group) has
    // a capacity of −1 — the one issue, at its line as in the CSV export.
    const n = 600;
    const region = Array.from({ length: n }, (_, i) => (i < n / 2 ? 'NO-15' : 'EG-C'));
    const year = Array.from({ length: n }, (_, i) => 1996 + (Math.floor(i / 15) % 20));
    const service = Array.from({ length: n }, (_, i) => ['FACT', 'botilbud', 'crisis'][i % 3]!);
    const capacity = Array.from({ length: n }, (_, i) => (i === 299 ? -1 : (i % 7) / 4));
    const unit = Array.from({ length: n }, (_, i) => ['teams', 'places', 'teams'][i % 3]!);
    const csvText = `region,year,service,capacity,unit\n${region.map((r, i) => `${r},${year[i]},${service[i]},${capacity[i]},${unit[i]}`).join('\n')}\n`;
    const columnData: Data[] = [
      { name: 'region', data: region, type: 'STRING' },
      { name: 'year', data: year, type: 'INT32' },
      { name: 'service', data: service, type: 'STRING' },
      { name: 'capacity', data: capacity, type: 'DOUBLE' },
      { name: 'unit', data: unit, type: 'STRING' },
    ];
    const content = new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize: [7, 250, 343], pageSize: 64 }));
    const base = { regions: { name: 'regions.csv', content: REGIONS }, population: { name: 'population.csv', content: POPULATION }, beds: { name: 'beds.csv', content: BEDS } };
    const fromParquet = (await loadDataset({ ...base, services: { name: 'services.parquet', content } }).catch((e: unknown) => e)) as InputError;
    const fromCsv = (await loadDataset({ ...base, services: { name: 'services.csv', content: csvText } }).catch((e: unknown) => e)) as InputError;
    expect(fromParquet).toBeInstanceOf(InputError);
    const located = (e: InputError, file: string) => e.issues.filter((i) => i.file === file).map((i) => [i.line, i.columns, i.message]);
    expect(located(fromParquet, 'services.parquet')).toEqual([[301, ['capacity'], 'expected a number ≥ 0, got "-1"']]);
    expect(located(fromParquet, 'services.parquet')).toEqual(located(fromCsv, 'services.csv'));

    // Without the bad row, the same dataset as from the CSV: every value of every row group read.
    capacity[299] = 0.5;
    const good = new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize: [7, 250, 343], pageSize: 64 }));
    const csvGood = csvText.replace(',-1,', ',0.5,');
    const pq = await loadDataset({ ...base, services: { name: 'services.parquet', content: good } });
    const csv = await loadDataset({ ...base, services: { name: 'services.csv', content: csvGood } });
    expect([...pq.dataset.services.entries()].map(([code, series]) => [code, [...series.values()].map((s) => [s.category, s.unit, [...s.years]])])).toEqual(
      [...csv.dataset.services.entries()].map(([code, series]) => [code, [...series.values()].map((s) => [s.category, s.unit, [...s.years]])]),
    );
    // An independent total: Σ over the 600 rows of (i mod 7) / 4, row 300 now 0.5 (was (299 mod 7)/4 = 5/4):
    // 85 full weeks of 0+1+…+6 = 21 → 85 × 21 = 1785, plus rows 595–599 (0+1+2+3+4 = 10): 1795 quarters = 448.75;
    // with row 300's 1.25 → 0.5: 448.0.
    let total = 0;
    for (const series of pq.dataset.services.values()) for (const s of series.values()) for (const v of s.years.values()) total += v;
    expect(total).toBeCloseTo(448, 9);
  });

  it('a row group that cannot be decoded is a located file error (exit 3), not an internal error', async () => {
    // Two row groups; the page header of the second group's first column overwritten with 0xFF.
    const content = new Uint8Array(
      parquetWriteBuffer({
        columnData: [
          { name: 'region', data: ['NO-15', 'NO-15', 'EG-C', 'EG-C'], type: 'STRING' },
          { name: 'year', data: [2015, 2020, 2015, 2020], type: 'INT32' },
          { name: 'service', data: ['FACT', 'FACT', 'botilbud', 'botilbud'], type: 'STRING' },
          { name: 'capacity', data: [2, 3, 4, 5], type: 'DOUBLE' },
          { name: 'unit', data: ['teams', 'teams', 'places', 'places'], type: 'STRING' },
        ],
        rowGroupSize: 2,
      }),
    );
    const second = parquetMetadata(content.buffer).row_groups[1]!.columns[0]!.meta_data!;
    const at = Number(second.dictionary_page_offset ?? second.data_page_offset);
    content.fill(0xff, at, at + 12);
    const error = await loadDataset({
      regions: { name: 'regions.csv', content: REGIONS },
      population: { name: 'population.csv', content: POPULATION },
      beds: { name: 'beds.csv', content: BEDS },
      services: { name: 'services.parquet', content },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    const issues = (error as InputError).issues.filter((i) => i.file === 'services.parquet');
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/^the Parquet file cannot be read: /);
  });

  it('a missing column is a header error; a CSV named .parquet is not a Parquet file', async () => {
    const noUnit = parquet([
      { name: 'region', data: ['NO-15'], type: 'STRING' },
      { name: 'year', data: [2015], type: 'INT32' },
      { name: 'service', data: ['FACT'], type: 'STRING' },
      { name: 'capacity', data: [2], type: 'DOUBLE' },
    ]);
    const base = { regions: { name: 'regions.csv', content: REGIONS }, population: { name: 'population.csv', content: POPULATION }, beds: { name: 'beds.csv', content: BEDS } };
    const e1 = (await loadDataset({ ...base, services: { name: 'services.parquet', ...noUnit } }).catch((e: unknown) => e)) as InputError;
    expect(e1.issues.some((i) => i.file === 'services.parquet' && /missing required column/.test(i.message) && i.columns?.includes('unit'))).toBe(true);
    const e2 = (await loadDataset({ ...base, services: { name: 'services.parquet', content: SERVICES } }).catch((e: unknown) => e)) as InputError;
    expect(e2.issues.some((i) => i.file === 'services.parquet' && /not a Parquet file/.test(i.message))).toBe(true);
  });

  it('a data folder with services.parquet instead of services.csv uses it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-pq-'));
    try {
      writeFileSync(join(dir, 'regions.csv'), REGIONS);
      writeFileSync(join(dir, 'population.csv'), POPULATION);
      writeFileSync(join(dir, 'beds.csv'), BEDS);
      const services = parquet([
        { name: 'region', data: ['NO-15', 'NO-15'], type: 'STRING' },
        { name: 'year', data: [2015, 2020], type: 'INT32' },
        { name: 'service', data: ['FACT', 'FACT'], type: 'STRING' },
        { name: 'capacity', data: [2, 3.5], type: 'DOUBLE' },
        { name: 'unit', data: ['teams', 'teams'], type: 'STRING' },
      ]);
      writeFileSync(join(dir, 'services.parquet'), services.content);
      const { dataset } = await loadDataset({ data: dir });
      expect(dataset.services.get('NO-15')!.get('outreach/teams')!.years.get(2020)).toBe(3.5);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // The three tabular inputs go through one header step (io/table-header.ts): local names, the
  // file's number format, and a Parquet file told by its bytes as a workbook is.
  const base = { regions: { name: 'regions.csv', content: REGIONS }, population: { name: 'population.csv', content: POPULATION }, beds: { name: 'beds.csv', content: BEDS } };
  const services = (capacity: number[], header = 'year') =>
    parquet([
      { name: 'region', data: ['NO-15', 'NO-15'], type: 'STRING' },
      { name: header, data: [2015, 2020], type: 'INT32' },
      { name: 'service', data: ['FACT', 'FACT'], type: 'STRING' },
      { name: 'capacity', data: capacity, type: 'DOUBLE' },
      { name: 'unit', data: ['teams', 'teams'], type: 'STRING' },
    ]);
  const teams2020 = (loaded: Awaited<ReturnType<typeof loadDataset>>) => loaded.dataset.services.get('NO-15')!.get('outreach/teams')!.years.get(2020);

  it('reads a column by its local name ("År" as year), with the same notice as for CSV', async () => {
    const loaded = await loadDataset({ ...base, services: { name: 'services.parquet', ...services([2, 3.5], 'År') } });
    expect(teams2020(loaded)).toBe(3.5);
    expect(loaded.dataset.warnings).toContainEqual(expect.objectContaining({ file: 'services.parquet', line: 1, message: expect.stringMatching(/^columns read by their local names: "år" as year/) }));
  });

  it('hands its numbers on in the decimal mark given for the file, so they read back as stored', async () => {
    // --decimal , for every file: the CSV files hold whole numbers only; 3.5 in Parquet is 3,5 to the row check
    const loaded = await loadDataset({ ...base, services: { name: 'services.parquet', ...services([2, 3.5]) } }, { decimal: ',' });
    expect(teams2020(loaded)).toBe(3.5);
  });

  it('is told by its first bytes under another name, and on standard input', async () => {
    const { content } = services([2, 3.5]);
    expect(teams2020(await loadDataset({ ...base, services: { name: 'services.dat', content } }))).toBe(3.5);
    const stdin = Readable.from([Buffer.from(content)]);
    expect(teams2020(await loadDataset({ ...base, services: '-' }, { stdin }))).toBe(3.5);
  });

  it('a data folder is read as services.csv, else services.xlsx, else services.parquet', async () => {
    // fixtures/analysts/norway-2000-counties: services.xlsx holds the same consultations as services.csv
    const fixture = resolve(import.meta.dirname, '../../fixtures/analysts/norway-2000-counties');
    const dir = mkdtempSync(join(tmpdir(), 'sg-order-'));
    try {
      for (const f of ['regions.csv', 'population.csv', 'beds.csv', 'services.csv', 'services.xlsx']) copyFileSync(join(fixture, f), join(dir, f));
      // services.parquet: one figure, H1's consultations in 2000 (201,411 in the CSV) as 1
      const pq = parquet([
        { name: 'region', data: ['H1', 'H1'], type: 'STRING' },
        { name: 'year', data: [1998, 2000], type: 'INT32' },
        { name: 'service', data: ['DPS', 'DPS'], type: 'STRING' },
        { name: 'capacity', data: [179117, 1], type: 'DOUBLE' },
        { name: 'unit', data: ['contacts', 'contacts'], type: 'STRING' },
      ]);
      writeFileSync(join(dir, 'services.parquet'), pq.content);
      const h1In2000 = async () => {
        const { dataset } = await loadDataset({ data: dir });
        return [...dataset.services.get('H1')!.values()].map((series) => series.years.get(2000));
      };
      expect(await h1In2000()).toEqual([201411]);
      unlinkSync(join(dir, 'services.csv'));
      expect(await h1In2000()).toEqual([201411]); // the workbook: the same figure
      unlinkSync(join(dir, 'services.xlsx'));
      expect(await h1In2000()).toEqual([1]); // the Parquet file
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
