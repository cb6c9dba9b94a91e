#!/usr/bin/env node
// Writes the Parquet files of fixtures/parquet/ with DuckDB, a writer other than the one the tests
// use (hyparquet-writer writes data pages v2 only; DuckDB writes v1 pages, PLAIN_DICTIONARY, and,
// asked for version 2, DELTA encodings). test/io/parquet-pages.test.ts reads them with
// src/io/parquet-pages.ts and with hyparquet, and compares. The files are committed; this script
// says how they were made (run `npm install --prefix bench` first):
//
//   node bench/parquet-fixtures.mjs fixtures/parquet
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const out = resolve(process.argv[2] ?? 'fixtures/parquet');
mkdirSync(out, { recursive: true });
const db = await DuckDBInstance.create(':memory:');
const c = await db.connect();
const file = (name) => `'${join(out, name).replaceAll("'", "''")}'`;
// 5,000 rows: regions in three scripts, years, counts, capacities and units, some of them null.
await c.run(`CREATE TABLE t AS SELECT
  (['Møre og Romsdal', 'القاهرة', 'Päijät-Häme', 'NO-15', 'R0'])[1 + i % 5] AS region,
  CASE WHEN i % 17 = 0 THEN NULL ELSE 1995 + (i % 30)::INTEGER END AS year,
  (i * 7919)::BIGINT - 10000 AS n,
  CASE WHEN i % 11 = 0 THEN NULL ELSE (i * 0.37)::DOUBLE END AS capacity,
  (i / 8.0)::FLOAT AS f,
  CASE WHEN i % 13 = 0 THEN NULL ELSE (['beds', 'places', 'teams', 'fte'])[1 + i % 4] END AS unit,
  'text ' || i || ' ' || (['æøå', '→', 'x'])[1 + i % 3] AS unique_text
FROM range(5000) r(i)`);
// Data pages v1, dictionaries (PLAIN_DICTIONARY), Snappy, columns with nulls (DuckDB writes every
// column OPTIONAL), three row groups (DuckDB's smallest is 2,048 rows).
await c.run(`COPY (SELECT region, year, n, capacity, f, unit FROM t) TO ${file('v1-snappy-nulls.parquet')} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 2048)`);
// Texts that are all different (PLAIN pages, no dictionary), zstd.
await c.run(`COPY (SELECT unique_text, n, capacity FROM t) TO ${file('v1-zstd-plain.parquet')} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 2048)`);
// gzip, without nulls.
await c.run(`COPY (SELECT region, 1995 + (n % 30)::INTEGER AS year, coalesce(capacity, 0) AS capacity FROM t) TO ${file('v1-gzip.parquet')} (FORMAT parquet, COMPRESSION gzip, ROW_GROUP_SIZE 2048)`);
// Format version 2: data pages v2, and DELTA_BINARY_PACKED and BYTE_STREAM_SPLIT encodings, which
// parquet-pages.ts leaves to hyparquet.
await c.run(`COPY (SELECT region, year, n, capacity, unit FROM t) TO ${file('v2-delta.parquet')} (FORMAT parquet, PARQUET_VERSION v2, ROW_GROUP_SIZE 2048)`);
// A DATE column: a kind parquet-pages.ts does not read.
await c.run(`COPY (SELECT region, DATE '2020-01-01' + (year % 5)::INTEGER AS day FROM t) TO ${file('date.parquet')} (FORMAT parquet)`);
c.closeSync();
process.stdout.write(`wrote the Parquet fixtures to ${out}\n`);
