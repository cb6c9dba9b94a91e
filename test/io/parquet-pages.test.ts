// The flat-column reader (src/io/parquet-pages.ts) against its oracle, hyparquet: every row group
// of every file it reads must give, column by column and row by row, the values hyparquet gives
// (an INT64 as the same integer: a number here, a bigint there). Files of two writers: random
// tables by hyparquet-writer (data pages v2, REQUIRED and OPTIONAL columns, dictionary or PLAIN,
// Snappy or none, random row-group and page sizes; fast-check, fixed seed), DuckDB's files in
// fixtures/parquet/ (data pages v1, PLAIN_DICTIONARY, gzip and zstd; bench/parquet-fixtures.mjs
// made them) and pyarrow's (REQUIRED columns, a dictionary falling back to PLAIN pages;
// bench/parquet-fixtures-pyarrow.py). What it does not read — DELTA encodings, a DATE column, a cut-off file, an INT64
// beyond the safe integers — it must leave to hyparquet (no reader, or no group).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { type FileMetaData, parquetMetadata, parquetRead } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { columnValue, type DecodedColumn, DictionaryColumn, FlatGroupReader } from '../../src/io/parquet-pages.js';

const FIXTURES = join(import.meta.dirname, '../../fixtures/parquet');

/** hyparquet's values of `columns` in each row group, asked for as read-parquet.ts asks (a group
 * at a time), its chunks placed by their first row (a chunk may hold rows outside the group). */
async function oracle(buffer: ArrayBuffer, metadata: FileMetaData, columns: readonly string[]): Promise<Map<string, ArrayLike<unknown>>[]> {
  const groups: Map<string, ArrayLike<unknown>>[] = [];
  let start = 0;
  for (const group of metadata.row_groups) {
    const rows = Number(group.num_rows);
    const values = new Map<string, unknown[]>();
    await parquetRead({
      file: buffer,
      metadata,
      columns: [...columns],
      rowStart: start,
      rowEnd: start + rows,
      compressors,
      utf8: true,
      onChunk: ({ columnName, columnData, rowStart }) => {
        let into = values.get(columnName);
        if (into === undefined) values.set(columnName, (into = new Array<unknown>(rows)));
        for (let row = Math.max(start, rowStart); row < Math.min(start + rows, rowStart + columnData.length); row++) into[row - start] = columnData[row - rowStart];
      },
    });
    groups.push(values);
    start += rows;
  }
  return groups;
}

/** A value as hyparquet gives it, and as this reader gives it: a bigint is the same integer as a number. */
const same = (ours: unknown, theirs: unknown) => (typeof theirs === 'bigint' ? ours === Number(theirs) && Number.isSafeInteger(ours) : Object.is(ours, theirs));

/** Reads every group of `bytes` both ways and compares; returns how many groups this reader read. */
async function compare(bytes: Uint8Array, columns?: readonly string[]): Promise<number> {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const metadata = parquetMetadata(buffer);
  const names = columns ?? metadata.schema.slice(1).map((e) => e.name);
  const reader = FlatGroupReader.of(new Uint8Array(buffer), metadata, names, compressors);
  expect(reader).toBeDefined();
  const theirs = await oracle(buffer, metadata, names);
  let read = 0;
  metadata.row_groups.forEach((group, g) => {
    const ours = reader!.read(g);
    if (ours === undefined) return;
    read++;
    for (const name of names) {
      const column: DecodedColumn = ours.get(name)!;
      const expected = theirs[g]!.get(name)!;
      expect(column.length).toBe(Number(group.num_rows));
      for (let k = 0; k < column.length; k++) {
        const value = columnValue(column, k);
        if (!same(value, expected[k])) expect({ name, group: g, row: k, value }).toEqual({ name, group: g, row: k, value: expected[k] });
      }
    }
  });
  return read;
}

type Kind = 'STRING' | 'INT32' | 'INT64' | 'DOUBLE' | 'FLOAT';

const cellOf = (kind: Kind): fc.Arbitrary<unknown> => {
  switch (kind) {
    case 'STRING':
      // Few distinct texts (dictionaries) or many (PLAIN), in several scripts, the empty text too.
      return fc.oneof(fc.constantFrom('NO-15', 'Møre og Romsdal', 'القاهرة', 'Päijät-Häme', '', 'beds'), fc.string({ unit: 'binary', maxLength: 6 }));
    case 'INT32':
      return fc.oneof(fc.integer({ min: 1990, max: 2030 }), fc.integer());
    case 'INT64':
      return fc.oneof(fc.bigInt({ min: 1990n, max: 2030n }), fc.bigInt({ min: -(2n ** 53n) + 1n, max: 2n ** 53n - 1n }));
    case 'DOUBLE':
      return fc.oneof(fc.constantFrom(0, -0, 1.5, 12.25), fc.double({ noNaN: false }));
    case 'FLOAT':
      return fc.float().map((x) => Math.fround(x));
  }
};

/** A random table for hyparquet-writer: columns of random kinds, some nullable with nulls. */
const table = fc.integer({ min: 1, max: 300 }).chain((rows) =>
  fc.record({
    columns: fc.array(
      fc.record({ kind: fc.constantFrom<Kind>('STRING', 'INT32', 'INT64', 'DOUBLE', 'FLOAT'), nullable: fc.boolean(), plain: fc.boolean(), nulls: fc.double({ min: 0, max: 0.5, noNaN: true }) }),
      { minLength: 1, maxLength: 5 },
    ),
    rows: fc.constant(rows),
    rowGroupSize: fc.integer({ min: 1, max: 400 }),
    pageSize: fc.constantFrom(64, 1024, 1 << 20),
    codec: fc.constantFrom('SNAPPY', 'UNCOMPRESSED'),
    seed: fc.integer(),
  }),
);

describe('FlatGroupReader', () => {
  it('gives hyparquet\'s values for random tables of hyparquet-writer, every row group read', async () => {
    await fc.assert(
      fc.asyncProperty(table, async (t) => {
        const columnData = t.columns.map((c, i) => {
          const cells = fc.sample(cellOf(c.kind), { numRuns: t.rows, seed: t.seed + i });
          const data = cells.map((cell, k) => (c.nullable && ((k * 7919 + i) % 100) / 100 < c.nulls ? null : cell));
          return { name: `c${i}`, data, type: c.kind, nullable: c.nullable, ...(c.plain ? { encoding: 'PLAIN' as const } : {}) };
        });
        const bytes = new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize: t.rowGroupSize, pageSize: t.pageSize, codec: t.codec }));
        const groups = parquetMetadata(bytes.buffer).row_groups.length;
        expect(await compare(bytes)).toBe(groups);
      }),
      { seed: 20261201, numRuns: 60 },
    );
  });

  it('gives hyparquet\'s values for DuckDB\'s files: data pages v1, dictionaries, nulls, Snappy, gzip and zstd', async () => {
    for (const name of ['v1-snappy-nulls.parquet', 'v1-zstd-plain.parquet', 'v1-gzip.parquet']) {
      const bytes = new Uint8Array(readFileSync(join(FIXTURES, name)));
      // Every group read here (DuckDB's smallest row group is 2,048 rows: three of them).
      expect(await compare(bytes)).toBe(3);
    }
  });

  it('gives hyparquet\'s values for pyarrow\'s files: REQUIRED columns, data pages v1 and v2, a dictionary that falls back to PLAIN pages', async () => {
    for (const name of ['pyarrow-v1-snappy.parquet', 'pyarrow-v2-zstd.parquet']) {
      const bytes = new Uint8Array(readFileSync(join(FIXTURES, name)));
      const metadata = parquetMetadata(bytes.buffer);
      // The note column (every text different) has both a dictionary and PLAIN pages in a chunk.
      const note = metadata.row_groups[0]!.columns[5]!.meta_data!;
      expect(note.encodings).toEqual(expect.arrayContaining(['PLAIN', 'RLE_DICTIONARY']));
      expect(metadata.schema[1]!.repetition_type).toBe('REQUIRED');
      expect(await compare(bytes)).toBe(3);
    }
  });

  it('gives text columns as a dictionary and each row\'s entry, and a number column with nulls as values and null', () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'v1-snappy-nulls.parquet')));
    const metadata = parquetMetadata(bytes.buffer);
    const group = FlatGroupReader.of(bytes, metadata, ['region', 'year', 'unit'], compressors)!.read(0)!;
    const region = group.get('region');
    expect(region).toBeInstanceOf(DictionaryColumn);
    // DuckDB made row i's region (['Møre og Romsdal', 'القاهرة', 'Päijät-Häme', 'NO-15', 'R0'])[i % 5] (bench/parquet-fixtures.mjs).
    expect([0, 1, 2, 3, 4, 5].map((k) => columnValue(region!, k))).toEqual(['Møre og Romsdal', 'القاهرة', 'Päijät-Häme', 'NO-15', 'R0', 'Møre og Romsdal']);
    // year: null where i % 17 = 0, else 1995 + i % 30; unit: null where i % 13 = 0.
    expect([0, 1, 16, 17, 18].map((k) => columnValue(group.get('year')!, k))).toEqual([null, 1996, 2011, null, 2013]);
    expect([12, 13, 14].map((k) => columnValue(group.get('unit')!, k))).toEqual(['beds', null, 'teams']);
  });

  it('leaves DELTA and BYTE_STREAM_SPLIT pages to hyparquet, and reads the other columns of the file', async () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'v2-delta.parquet')));
    // year (DELTA_BINARY_PACKED) and capacity (BYTE_STREAM_SPLIT): no group read here.
    expect(await compare(bytes, ['region', 'year', 'capacity'])).toBe(0);
    // region and unit are dictionaries in data pages v2: read here, as hyparquet reads them.
    expect(await compare(bytes, ['region', 'unit'])).toBe(3);
  });

  it('has no reader for a column of a kind it does not decode (a DATE), nor for nested or boolean columns', () => {
    const dates = new Uint8Array(readFileSync(join(FIXTURES, 'date.parquet')));
    const dateMeta = parquetMetadata(dates.buffer);
    expect(FlatGroupReader.of(dates, dateMeta, ['region', 'day'], compressors)).toBeUndefined();
    expect(FlatGroupReader.of(dates, dateMeta, ['region'], compressors)).toBeDefined();
    const other = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'flag', data: [true, false], type: 'BOOLEAN' }, { name: 'list', data: [[1], [2, 3]] }] }));
    const otherMeta = parquetMetadata(other.buffer);
    expect(FlatGroupReader.of(other, otherMeta, ['flag'], compressors)).toBeUndefined();
    expect(FlatGroupReader.of(other, otherMeta, ['list'], compressors)).toBeUndefined();
  });

  it('leaves a group to hyparquet when an INT64 is beyond the safe integers, or the pages are cut off', () => {
    const big = new Uint8Array(parquetWriteBuffer({ columnData: [{ name: 'n', data: [1n, 2n ** 60n, 3n], type: 'INT64' }, { name: 's', data: ['a', 'b', 'c'], type: 'STRING' }] }));
    const bigMeta = parquetMetadata(big.buffer);
    expect(FlatGroupReader.of(big, bigMeta, ['n'], compressors)!.read(0)).toBeUndefined();
    expect(FlatGroupReader.of(big, bigMeta, ['s'], compressors)!.read(0)).toBeDefined();
    // The same file with its first column chunk's bytes zeroed: its page header no longer reads.
    const broken = big.slice();
    const chunk = bigMeta.row_groups[0]!.columns[0]!.meta_data!;
    broken.fill(0, Number(chunk.data_page_offset), Number(chunk.data_page_offset) + Number(chunk.total_compressed_size));
    expect(FlatGroupReader.of(broken, bigMeta, ['n'], compressors)!.read(0)).toBeUndefined();
    // A page its codec refuses: the group is hyparquet's (which says what is wrong), not an exception here.
    const refusing = { ...compressors, SNAPPY: () => { throw new Error('corrupt input'); } };
    expect(FlatGroupReader.of(big, bigMeta, ['s'], refusing)!.read(0)).toBeUndefined();
  });
});
