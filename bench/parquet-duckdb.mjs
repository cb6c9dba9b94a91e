#!/usr/bin/env node
// Parquet interoperability test (issue 16), run by `npm run bench` (bench/research.mjs) where
// DuckDB is installed: DuckDB — an independent Parquet implementation — reads every Parquet file
// servicegap writes (report, coverage, trend, long, draws) and must find the same rows, column
// types and values as servicegap's own JSON / CSV of the same run; and servicegap reads a
// Parquet input that DuckDB wrote (zstd-compressed, DuckDB's own types) to the same report as the
// CSV it came from. Exits 1 on the first difference; prints a Markdown summary on success.
// Usage: node bench/parquet-duckdb.mjs   (after `npm run build`)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin/servicegap.js');
const dir = mkdtempSync(join(tmpdir(), 'sg-parquet-duckdb-'));
const sg = (...args) => execFileSync(process.execPath, [BIN, ...args, '--quiet'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
const sql = (path) => `'${path.replaceAll("'", "''")}'`;
const fail = (message) => {
  process.stderr.write(`parquet-duckdb: ${message}\n`);
  process.exit(1);
};
const same = (a, b, what) => {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  if (x !== y) fail(`${what}: DuckDB read ${x.slice(0, 400)}\n  servicegap wrote ${y.slice(0, 400)}`);
};

const instance = await DuckDBInstance.create(':memory:');
const db = await instance.connect();
const query = async (text) => (await db.runAndReadAll(text)).getRowObjectsJS();
const types = async (path) => Object.fromEntries((await query(`DESCRIBE SELECT * FROM read_parquet(${sql(path)})`)).map((r) => [r.column_name, r.column_type]));
const rows = [];
/** `list` (regions or excluded regions, by their code) as DuckDB's `ORDER BY region` gives it. */
const byRegion = (list) => [...list].sort((a, b) => (a.region < b.region ? -1 : 1));

try {
  // report: one row per region, as the JSON
  const report = join(dir, 'report.parquet');
  sg('report', '--out', report);
  const json = JSON.parse(sg('report', '--format', 'json'));
  const t = await types(report);
  same([t.rank, t.region, t.vacuum_per_100k, t.beds_from, t.rank_p95], ['INTEGER', 'VARCHAR', 'DOUBLE', 'DOUBLE', 'INTEGER'], 'report column types');
  const got = await query(`SELECT region, rank, vacuum_per_100k, vacuum_per_100k_p5, rank_p95, replacement_ratio FROM read_parquet(${sql(report)}) WHERE rank IS NOT NULL ORDER BY rank`);
  same(got, json.regions.map((r) => ({ region: r.region, rank: r.rank, vacuum_per_100k: r.vacuum_per_100k, vacuum_per_100k_p5: r.vacuum_per_100k_p5, rank_p95: r.rank_p95, replacement_ratio: r.replacement_ratio })), 'report values');
  // The excluded regions follow, as in the CSV: no figures, their reason (the bundled data has one).
  const left = await query(`SELECT region, excluded_reason AS reason, vacuum_per_100k FROM read_parquet(${sql(report)}) WHERE rank IS NULL ORDER BY region`);
  if (json.excluded.length === 0) fail('report: the bundled data should have an excluded region to check');
  same(left, byRegion(json.excluded).map((e) => ({ region: e.region, reason: e.reason, vacuum_per_100k: null })), 'report excluded regions');
  rows.push(['report --format parquet', got.length + left.length, 'rank INTEGER, region VARCHAR, metrics DOUBLE, excluded_reason VARCHAR']);

  // long: one row per region × metric; pivoted back by DuckDB, it is the report
  const long = join(dir, 'long.parquet');
  sg('report', '--format', 'long', '--out', long);
  const pivot = await query(`SELECT region, max(value) FILTER (WHERE metric = 'vacuum_per_100k') AS v, max(value) FILTER (WHERE metric = 'beds_closed') AS b, count(*) AS n FROM read_parquet(${sql(long)}) WHERE excluded_reason IS NULL GROUP BY region ORDER BY region`);
  const longExcluded = await query(`SELECT DISTINCT region, excluded_reason AS reason FROM read_parquet(${sql(long)}) WHERE excluded_reason IS NOT NULL ORDER BY region`);
  same(longExcluded, byRegion(json.excluded).map((e) => ({ region: e.region, reason: e.reason })), 'long excluded regions');
  same(pivot.map((r) => [r.region, r.v, r.b]), byRegion(json.regions).map((r) => [r.region, r.vacuum_per_100k, r.beds_closed]), 'long pivoted back');
  const longCount = (await query(`SELECT count(*)::INTEGER AS n FROM read_parquet(${sql(long)})`))[0].n;
  rows.push(['report --format long --out x.parquet', longCount, 'region, name, from, to, metric, value DOUBLE, unit, excluded_reason']);

  // coverage and trend
  const coverage = join(dir, 'coverage.parquet');
  sg('coverage', '--out', coverage);
  const cjson = JSON.parse(sg('coverage', '--format', 'json'));
  const cgot = await query(`SELECT region, norm, per_100k, gap FROM read_parquet(${sql(coverage)})`);
  same(cgot, cjson.regions.flatMap((r) => r.norms.map((n) => ({ region: r.region, norm: n.norm, per_100k: n.per_100k, gap: n.gap }))), 'coverage values');
  rows.push(['coverage --format parquet', cgot.length, 'one row per region × norm']);
  const trend = join(dir, 'trend.parquet');
  sg('trend', '--out', trend);
  const tjson = JSON.parse(sg('trend', '--format', 'json'));
  const tgot = await query(`SELECT region, year, vacuum_per_100k, open FROM read_parquet(${sql(trend)})`);
  same(tgot, tjson.regions.flatMap((r) => r.years.map((y) => ({ region: r.region, year: y.year, vacuum_per_100k: y.vacuum_per_100k, open: r.open }))), 'trend values');
  same((await types(trend)).open, 'BOOLEAN', 'trend open type');
  rows.push(['trend --format parquet', tgot.length, 'one row per region × year; open BOOLEAN']);

  // draws: DuckDB's percentiles of the draws equal the sensitivity report's (nearest rank)
  const draws = join(dir, 'draws.parquet');
  const sens = JSON.parse(sg('report', '--sensitivity', '400', '--seed', '3', '--format', 'json', '--draws-out', draws));
  const dgot = await query(`SELECT region, quantile_disc(vacuum_per_100k, 0.95) AS p95, count(*)::INTEGER AS n FROM read_parquet(${sql(draws)}) GROUP BY region ORDER BY region`);
  const sorted = byRegion(sens.regions);
  same(dgot.map((r) => [r.region, r.n]), sorted.map((r) => [r.region, 400]), 'draws per region');
  // quantile_disc(0.95) on 400 values is the 380th smallest, as nearest rank (⌈0.95 × 400⌉ = 380)
  same(dgot.map((r) => r.p95), sorted.map((r) => r.vacuum_per_100k_p95), 'draws p95');
  rows.push(['report --sensitivity 400 --draws-out x.parquet', dgot.reduce((n, r) => n + r.n, 0), 'region, draw INTEGER, weight_* DOUBLE, vacuum_per_100k, rank']);

  // input: DuckDB writes the bundled data as zstd Parquet; servicegap reads it to the same report
  const input = join(dir, 'input');
  execFileSync('mkdir', ['-p', input]);
  for (const f of ['regions', 'population', 'beds', 'services']) {
    await db.run(`COPY (SELECT * FROM read_csv(${sql(join(ROOT, 'data', `${f}.csv`))})) TO ${sql(join(input, `${f}.parquet`))} (FORMAT parquet, COMPRESSION zstd)`);
  }
  const fromParquet = sg('report', '--data', input, '--format', 'csv');
  const fromCsv = sg('report', '--format', 'csv');
  if (fromParquet !== fromCsv) fail('a report from DuckDB-written Parquet inputs differs from the one from the CSV files');
  rows.push(['input: the bundled data written by DuckDB (zstd)', fromParquet.trim().split('\n').length - 1, 'same CSV report as from the .csv files']);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

process.stdout.write(
  [
    'DuckDB (`@duckdb/node-api`) read every Parquet file servicegap wrote from the bundled data and found the same values as servicegap\'s JSON; servicegap read DuckDB\'s Parquet to the same report as the CSV.',
    '',
    '| file | rows | checked |',
    '|---|---:|---|',
    ...rows.map(([what, n, note]) => `| \`${what}\` | ${n} | ${note} |`),
    '',
  ].join('\n'),
);
