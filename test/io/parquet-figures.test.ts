// The typed lane of Parquet inputs (src/io/parquet-figures.ts) against its oracle, the CSV export of
// the same table: a Parquet file must give exactly the dataset — or exactly the issues, line for
// line — that the CSV file with each cell written as its text gives (a number as JavaScript writes
// it, null as an empty cell). Random tables mix cells the typed lane takes with every kind it must
// leave to the row check (nulls, negative and non-finite numbers, numbers written with an
// exponent or beyond the largest magnitude, texts in number columns, unknown regions and units,
// missing-value markers, padded codes), in columns of every Parquet type a user's tool writes.
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/issues.js';
import { mulberry32 } from '../../src/core/random.js';
import { loadDataset } from '../../src/io/load-dataset.js';

const REGIONS = 'region,name\nNO-15,Møre og Romsdal\nEG-C,القاهرة\nFI-19,Varsinais-Suomi\n';
const POPULATION = 'region,year,population\nNO-15,2015,265000\nNO-15,2020,266000\nEG-C,2015,9000000\nEG-C,2020,9500000\nFI-19,2015,480000\nFI-19,2020,482000\n';
const BEDS = 'region,year,beds\nNO-15,2015,120\nNO-15,2020,80\nEG-C,2015,900\nEG-C,2020,850\nFI-19,2015,300\nFI-19,2020,280\n';

type ParquetType = 'STRING' | 'INT32' | 'INT64' | 'DOUBLE';
type Cell = string | number | bigint | null;

/** A cell as the CSV export of the table writes it (read-parquet.ts: the row check's text), quoted
 * where it holds the delimiter. */
const csvCell = (cell: Cell, decimal: '.' | ','): string => {
  const text = cell === null ? '' : typeof cell === 'number' && decimal === ',' ? String(cell).replace('.', ',') : String(cell);
  return /[",]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/** One random table: its columns' Parquet types, and its rows. */
function randomTable(seed: number, rows: number) {
  const random = mulberry32(seed);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  // Every third table has no bad cell, only cells that read in a less usual way (so that whole
  // datasets are compared too); the others have about one bad cell in twelve.
  const clean = seed % 3 === 0;
  const odd = () => !clean && random() < 0.08;
  const unusual = () => clean && random() < 0.15;
  const types = {
    region: 'STRING' as ParquetType,
    year: pick<ParquetType>(['INT32', 'INT64', 'DOUBLE', 'STRING']),
    service: 'STRING' as ParquetType,
    capacity: pick<ParquetType>(['DOUBLE', 'DOUBLE', 'INT32', 'STRING']),
    unit: 'STRING' as ParquetType,
  };
  const table: Record<keyof typeof types, Cell[]> = { region: [], year: [], service: [], capacity: [], unit: [] };
  for (let i = 0; i < rows; i++) {
    table.region.push(odd() ? pick(['XX-9', '', null, 'NA']) : unusual() ? pick([' NO-15 ', 'EG-C ']) : pick(['NO-15', 'EG-C', 'FI-19']));
    const year = odd() ? pick([1799, 2201, 2015.5, null]) : 2015 + Math.floor(random() * 6);
    table.year.push(
      year === null ? null
      : types.year === 'STRING' ? (odd() ? pick(['2015 ', 'år 2016', '2,017']) : String(year))
      : types.year === 'INT64' ? (Number.isInteger(year) ? BigInt(year) : null)
      : types.year === 'INT32' ? Math.trunc(year)
      : year,
    );
    const service = pick(['FACT', 'botilbud', 'crisis', 'Crisis resolution team']);
    table.service.push(odd() ? pick(['unknown service', '', null, '..']) : service);
    const capacity = odd()
      ? pick([-1, -0, 1e-7, 2e12, Number.NaN, Number.POSITIVE_INFINITY, null, 1e12])
      : unusual()
        ? pick([-0, 1e-7, 1e12, 5e-324])
        : pick([0, 0.5, 2, 3.25, 12, 0.1 + 0.2, 1 / 3, 123456.789]);
    table.capacity.push(
      capacity === null ? null
      : types.capacity === 'STRING' ? (odd() ? pick(['1,5', ' 4 ', 'n/a', '1e3']) : String(capacity))
      : types.capacity === 'INT32' ? (Number.isFinite(capacity) && Math.abs(capacity) < 2 ** 31 ? Math.round(capacity) : null)
      : capacity,
    );
    // Each service in its unit (botilbud: supported housing, in places; the others teams).
    const places = service === 'botilbud';
    table.unit.push(odd() ? pick(['senger', 'bogus', null]) : unusual() ? (places ? 'Plasser' : pick([' TEAMS', 'team'])) : places ? 'places' : 'teams');
  }
  return { types, table };
}

/** The services table as a Parquet file of `groups` row groups, and as its CSV export. */
function bothForms(types: Record<string, ParquetType>, table: Record<string, Cell[]>, rowGroupSize: number[], decimal: '.' | ',' = '.') {
  const columns = Object.keys(table);
  const parquet = new Uint8Array(
    parquetWriteBuffer({ columnData: columns.map((name) => ({ name, data: table[name]!, type: types[name]! })), rowGroupSize, pageSize: 256 }),
  );
  const n = table[columns[0]!]!.length;
  const lines = [columns.join(',')];
  for (let i = 0; i < n; i++) lines.push(columns.map((c) => csvCell(table[c]![i]!, decimal)).join(','));
  return { parquet, csv: `${lines.join('\n')}\n` };
}

const base = {
  regions: { name: 'regions.csv', content: REGIONS },
  population: { name: 'population.csv', content: POPULATION },
  beds: { name: 'beds.csv', content: BEDS },
};

/** What loading gives, comparable between the two forms: the services per region, or the issues. */
async function outcome(services: { name: string; content: string | Uint8Array }, decimal: '.' | ',') {
  try {
    const { dataset } = await loadDataset({ ...base, services }, { allowUnmapped: true, decimal });
    return {
      services: [...dataset.services.entries()].map(([code, series]) => [code, [...series.values()].map((s) => [s.category, s.unit, [...s.years]])]),
    };
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return { issues: error.issues.map((i) => ({ ...i, file: i.file === services.name ? 'services' : i.file })) };
  }
}

describe('Parquet rows with figures, taken from typed columns', () => {
  it('give what the CSV export of the same table gives: the same dataset, or the same issues at the same lines', async () => {
    let failed = 0;
    let read = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { types, table } = randomTable(seed, 150);
      // Every fifth table read with a decimal comma given (its numbers' text then has a comma).
      const decimal = seed % 5 === 1 ? ',' : '.';
      const { parquet, csv } = bothForms(types, table, seed % 2 === 0 ? [150] : [17, 60, 73], decimal);
      const fromParquet = await outcome({ name: 'services.parquet', content: parquet }, decimal);
      const fromCsv = await outcome({ name: 'services.csv', content: csv }, decimal);
      expect(fromParquet, `seed ${seed}, types ${JSON.stringify(types)}`).toEqual(fromCsv);
      if ('issues' in fromCsv) failed++;
      else read++;
    }
    // Both outcomes occur (the comparison is not between two empty results).
    expect(failed).toBeGreaterThan(0);
    expect(read).toBeGreaterThan(0);
  });

  it('gives what the CSV export gives across blocks of rows and pieces (65,536 rows), with rows for the row check among them', async () => {
    // 140,000 rows in two groups: the typed lane checks blocks of 1,024 rows and hands on pieces
    // of 65,536; a clean table (seed 3) still sends its unusual cells to the row check, a table with
    // bad cells (seed 4) fails with issues at their lines.
    for (const seed of [3, 4]) {
      const { types, table } = randomTable(seed, 140_000);
      const { parquet, csv } = bothForms(types, table, [70_000, 70_000], '.');
      const fromParquet = await outcome({ name: 'services.parquet', content: parquet }, '.');
      expect(fromParquet, `seed ${seed}`).toEqual(await outcome({ name: 'services.csv', content: csv }, '.'));
      expect(fromParquet).toHaveProperty(seed === 3 ? 'services' : 'issues');
    }
  });

  it('sums the rows of one key in file order across row groups, as the CSV export does', async () => {
    // Three rows of NO-15 FACT teams 2015 whose sum depends on the order of addition in doubles:
    // (0.1 + 0.2) + 0.3 = 0.6000000000000001, 0.1 + (0.2 + 0.3) = 0.6; in file order the first.
    const table: Record<string, Cell[]> = {
      region: ['NO-15', 'NO-15', 'NO-15', 'NO-15'],
      year: [2015, 2015, 2015, 2020],
      service: ['FACT', 'FACT', 'FACT', 'FACT'],
      capacity: [0.1, 0.2, 0.3, 1],
      unit: ['teams', 'teams', 'teams', 'teams'],
    };
    const types: Record<string, ParquetType> = { region: 'STRING', year: 'INT32', service: 'STRING', capacity: 'DOUBLE', unit: 'STRING' };
    const { parquet } = bothForms(types, table, [1, 2, 1]);
    const { dataset } = await loadDataset({ ...base, services: { name: 'services.parquet', content: parquet } });
    const fact = [...dataset.services.get('NO-15')!.values()][0]!;
    expect(fact.years.get(2015)).toBe(0.6000000000000001);
    expect(fact.years.get(2020)).toBe(1);
  });
});
