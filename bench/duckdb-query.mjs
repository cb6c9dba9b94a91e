#!/usr/bin/env node
// The DuckDB side of the benchmark: the aggregation servicegap does on services.csv (capacity
// summed per region, service, unit and year), as one GROUP BY. Prints the groups and the time
// of the query alone (after DuckDB has started) as JSON.
// Usage: node bench/duckdb-query.mjs SERVICES_CSV [THREADS]
import { DuckDBInstance } from '@duckdb/node-api';

const [file, threads = '2'] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: node bench/duckdb-query.mjs SERVICES_CSV [THREADS]\n');
  process.exit(2);
}
const instance = await DuckDBInstance.create(':memory:', { threads });
const connection = await instance.connect();
const started = performance.now();
const sql = `SELECT region, service, unit, year, sum(capacity) FROM read_csv(${`'${file.replaceAll("'", "''")}'`}) GROUP BY ALL`;
const reader = await connection.runAndReadAll(sql);
const queryMs = performance.now() - started;
process.stdout.write(`${JSON.stringify({ groups: reader.currentRowCount, queryMs })}\n`);
