// A Parquet file's row groups decoded in a worker thread (src/parallel/parquet-groups.ts) must be
// exactly what the main thread's decoder gives (src/io/parquet-pages.ts), group by group, whatever
// happens to the worker; and a dataset read that way must be the one read on one thread, issues
// and their lines included. The worker scripts are the build's (npm test builds first).
import { parquetMetadata } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/issues.js';
import { loadDataset } from '../../src/io/load-dataset.js';
import { columnValue, type DecodedColumn, FlatGroupReader, type ParallelGroupDecoder, type TakenGroup } from '../../src/io/parquet-pages.js';
import { decodeGroupsInWorker, groupDecoder } from '../../src/parallel/parquet-groups.js';
import { readRestInParallel } from '../../src/parallel/read-in-parallel.js';

const REGIONS = ['NO-15', 'EG-C', 'FI-19'];
const SERVICES = ['FACT', 'botilbud', 'crisis team'];
const UNITS = ['teams', 'places', 'teams'];

/** A services table of `rows` rows in groups of `groupRows`: with `nulls`, every 97th capacity
 * null; with `bigYear`, the last row's year an INT64 beyond the safe integers (its group is
 * hyparquet's to read). */
function servicesParquet(rows: number, groupRows: number, { nulls = false, bigYear = false } = {}): Uint8Array {
  const year = Array.from({ length: rows }, (_, i) => (bigYear && i === rows - 1 ? 2n ** 60n : BigInt(2015 + (i % 6))));
  return new Uint8Array(
    parquetWriteBuffer({
      columnData: [
        { name: 'region', data: Array.from({ length: rows }, (_, i) => REGIONS[i % 3]), type: 'STRING' },
        { name: 'year', data: year, type: 'INT64' },
        { name: 'service', data: Array.from({ length: rows }, (_, i) => SERVICES[(i >> 2) % 3]), type: 'STRING' },
        { name: 'capacity', data: Array.from({ length: rows }, (_, i) => (nulls && i % 97 === 0 ? null : (i % 50) / 4)), type: 'DOUBLE', nullable: true },
        { name: 'unit', data: Array.from({ length: rows }, (_, i) => UNITS[(i >> 2) % 3]), type: 'STRING' },
      ],
      rowGroupSize: groupRows,
    }),
  );
}

/** Every group through `decoder`, next to the main thread's own decoding. */
async function bothWays(bytes: Uint8Array, decoder: ParallelGroupDecoder) {
  const metadata = parquetMetadata(bytes.buffer as ArrayBuffer);
  const columns = ['region', 'year', 'service', 'capacity', 'unit'];
  const local = FlatGroupReader.of(bytes, metadata, columns, compressors)!;
  const decoding = decoder(bytes, metadata, columns, compressors);
  const out: { here: Map<string, DecodedColumn> | undefined; there: Map<string, DecodedColumn> | TakenGroup | undefined }[] = [];
  try {
    for (let g = 0; g < metadata.row_groups.length; g++) out.push({ here: local.read(g), there: await decoding.group(g) });
  } finally {
    await decoding.close();
  }
  return out;
}

const values = (group: Map<string, DecodedColumn> | TakenGroup | undefined) => {
  if (group === undefined) return undefined;
  if (!(group instanceof Map)) throw new Error('rows taken in the worker, where columns were asked for');
  return Object.fromEntries([...group].map(([name, column]) => [name, Array.from({ length: column.length }, (_, k) => columnValue(column, k))]));
};

describe('decodeGroupsInWorker', () => {
  it('gives every group as the main thread decodes it, in order, and no group for one hyparquet is to read', async () => {
    const groups = await bothWays(servicesParquet(5000, 700, { nulls: true, bigYear: true }), decodeGroupsInWorker);
    expect(groups).toHaveLength(8);
    for (const { here, there } of groups) expect(values(there)).toEqual(values(here));
    // The last group holds the INT64 beyond the safe integers: neither decoder reads it.
    expect(groups.at(-1)!.there).toBeUndefined();
    expect(groups.slice(0, -1).every((g) => g.there !== undefined)).toBe(true);
  });

  it('decodes every group on the main thread when the worker thread fails', async () => {
    const failing = groupDecoder(new URL('data:text/javascript,process.exit(3)'));
    const groups = await bothWays(servicesParquet(3000, 500, { nulls: true }), failing);
    expect(groups).toHaveLength(6);
    for (const { here, there } of groups) {
      expect(there).toBeDefined();
      expect(values(there)).toEqual(values(here));
    }
  });
});

/** decodeGroupsInWorker with this thread slowed before each group (the worker then takes most
 * groups' rows itself), counting the groups that came back as rows taken in the worker. */
function slowed(count: { taken: number; checks: number }, ms: number): ParallelGroupDecoder {
  return (...args) => {
    const decoding = decodeGroupsInWorker(...args);
    return {
      async group(index) {
        await new Promise((resolve) => setTimeout(resolve, ms));
        const got = await decoding.group(index);
        if (got !== undefined && !(got instanceof Map)) {
          count.taken++;
          count.checks += got.segments.filter((s) => 'check' in s).length;
        }
        return got;
      },
      close: () => decoding.close(),
    };
  };
}

describe('a Parquet file read with its groups decoded in a worker thread', () => {
  const base = {
    regions: { name: 'regions.csv', content: 'region,name\nNO-15,Møre og Romsdal\nEG-C,القاهرة\nFI-19,Varsinais-Suomi\n' },
    population: { name: 'population.csv', content: 'region,year,population\nNO-15,2015,265000\nNO-15,2020,266000\nEG-C,2015,9000000\nEG-C,2020,9500000\nFI-19,2015,480000\nFI-19,2020,482000\n' },
    beds: { name: 'beds.csv', content: 'region,year,beds\nNO-15,2015,120\nNO-15,2020,80\nEG-C,2015,900\nEG-C,2020,850\nFI-19,2015,300\nFI-19,2020,280\n' },
  };
  const read = async (content: Uint8Array, threads: number, decoder: ParallelGroupDecoder = decodeGroupsInWorker) => {
    try {
      const { dataset } = await loadDataset(
        { ...base, services: { name: 'services.parquet', content } },
        { threads, readInParallel: readRestInParallel, parquetInParallel: decoder, parallelParquetMinRows: 1 },
      );
      return { services: [...dataset.services].map(([region, byKey]) => [region, [...byKey].map(([key, s]) => [key, [...s.years]])]) };
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      return { issues: error.issues };
    }
  };

  it('gives the dataset read on one thread, the worker taking rows of some groups and this thread of the others', async () => {
    // 90,000 rows in groups of 3,000 (30 groups), pieces of 65,536 rows crossing groups.
    const bytes = servicesParquet(90_000, 3000);
    const one = await read(bytes, 1);
    expect(one).toHaveProperty('services');
    expect(await read(bytes, 2)).toEqual(one);
    // This thread slowed: the worker takes the rows of most groups, and the dataset is the same.
    const count = { taken: 0, checks: 0 };
    expect(await read(bytes, 2, slowed(count, 20))).toEqual(one);
    expect(count.taken).toBeGreaterThanOrEqual(5);
    // And with a worker that stops at once: every group read here.
    expect(await read(bytes, 2, groupDecoder(new URL('data:text/javascript,process.exit(4)')))).toEqual(one);
  });

  it('gives the issues read on one thread, at the same lines (nulls, and a group hyparquet reads)', async () => {
    const bytes = servicesParquet(3000, 400, { nulls: true, bigYear: true });
    const one = await read(bytes, 1);
    // Row i (from 0) is line i + 2. A null capacity in rows 0, 97, … 2910: 31 lines, one issue.
    const issues = one.issues ?? [];
    const missing = issues.find((i) => i.columns?.[0] === 'capacity');
    expect(missing?.lineCount).toBe(31);
    expect(missing?.lines?.slice(0, 3)).toEqual([2, 99, 196]);
    // The year of the last row (line 3001), read by hyparquet as a bigint, is no year.
    expect(issues.some((i) => i.columns?.[0] === 'year' && i.line === 3001)).toBe(true);
    expect(await read(bytes, 2)).toEqual(one);
    // The worker taking the rows: the null capacities are rows for the row check, sent back.
    const count = { taken: 0, checks: 0 };
    expect(await read(bytes, 2, slowed(count, 100))).toEqual(one);
    expect(count.taken).toBeGreaterThanOrEqual(1);
    expect(count.checks).toBeGreaterThanOrEqual(1);
  });
});
