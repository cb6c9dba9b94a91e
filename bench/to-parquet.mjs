#!/usr/bin/env node
// The benchmark's Parquet input (issue 18 item 5): a copy of a data folder whose services table is
// Parquet, written by DuckDB — an independent writer, with its defaults (Snappy, row groups of
// 122,880 rows, nullable columns, BIGINT years, DOUBLE capacities) — and the other three tables the
// same CSV files (linked). Usage: node bench/to-parquet.mjs DIR OUT_DIR
import { mkdirSync, symlinkSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const [dirArg, outArg] = process.argv.slice(2);
if (!dirArg || !outArg) {
  process.stderr.write('usage: node bench/to-parquet.mjs DIR OUT_DIR\n');
  process.exit(2);
}
const dir = resolve(dirArg);
const out = resolve(outArg);
mkdirSync(out, { recursive: true });
for (const table of ['regions', 'population', 'beds']) {
  const link = join(out, `${table}.csv`);
  if (!existsSync(link)) symlinkSync(join(dir, `${table}.csv`), link);
}
const quoted = (path) => `'${path.replaceAll("'", "''")}'`;
const db = await DuckDBInstance.create(':memory:');
const connection = await db.connect();
await connection.run(`COPY (SELECT * FROM read_csv(${quoted(join(dir, 'services.csv'))})) TO ${quoted(join(out, 'services.parquet'))} (FORMAT parquet)`);
