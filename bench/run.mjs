#!/usr/bin/env node
// The benchmark (`npm run bench`): servicegap's report, coverage and trend, with their default
// settings, against DuckDB on the same synthetic files, run side by side and alternating, several
// times each; medians, ratios and peak memory, then every command in every output format once
// (time, peak memory), plus the cold start of the CLI against `node -e 0`. First it checks the SQL of docs/sql/ on DuckDB (bench/aggregate-sql.mjs). Writes
// bench/RESULTS.md.
//
//   npm run bench                                  5M, 20M rows, and 20M rows of 20,000 regions
//   npm run bench -- --sizes 50k,500k --runs 3     a quicker run
//
// Options: --sizes LIST (50k, 500k, 5M, 20M, 20M-regions: rows of services.csv, see SIZES), --runs N
// (timed runs per tool and size, default 5), --cold-runs N (default 20),
// --seed N, --data-dir DIR (where data is generated and kept; default a folder in the system temp
// dir), --commands LIST (default report,coverage,trend), --one-thread (also time `report --threads 1`), --reference (also time `--parser
// csv-parse`, the reference parser, on sizes up to 500k), --no-duckdb, --out FILE (default
// bench/RESULTS.md; "-" for none), --note TEXT (a line under the title, e.g. "provisional"),
// --no-formats (skip the run of every command in every output format on the first size),
// --no-glibc (skip the runs with glibc's mmap threshold fixed, alone and with V8's young generation
// capped, which a Linux machine with glibc gets).
// Run `npm run build` first: the benchmark runs bin/servicegap.js as a user would.
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin/servicegap.js');
// Sizes: [regions, rows per region, year and service]; rows = regions × 990 × the second.
// 20M keeps the 5M file's 5,000 regions (the same aggregates, like a facility-level file);
// 20M-regions has 20,000 regions, so its aggregates are four times as large too.
const SIZES = { '50k': [50, 1], '500k': [500, 1], '1M': [1000, 1], '5M': [5000, 1], '20M': [5000, 4], '20M-regions': [20000, 1] };
const rowsOf = (label) => SIZES[label][0] * 990 * SIZES[label][1];

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
}
const flag = (name) => process.argv.includes(`--${name}`);
const sizes = option('sizes', '5M,20M,20M-regions').split(',').map((s) => s.trim());
for (const s of sizes) if (!(s in SIZES)) throw new Error(`unknown size ${s}: expected one of ${Object.keys(SIZES).join(', ')}`);
const seed = option('seed', '20261123');
const dataDir = resolve(option('data-dir', join(tmpdir(), 'servicegap-bench')));
const coldRuns = Number(option('cold-runs', '20'));
const out = option('out', join(ROOT, 'bench/RESULTS.md'));
const withDuckdb = !flag('no-duckdb');
const reference = flag('reference');
const oneThread = flag('one-thread');
const commands = option('commands', 'report,coverage,trend').split(',').map((c) => c.trim());
const note = option('note', undefined);
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
// On Linux with glibc, each command also runs with malloc's mmap threshold fixed at glibc's
// default, which keeps glibc from holding on to about 20 MB of freed memory at the peak (README,
// Performance: peak memory): a setting the user makes when starting the process, measured here
// beside the default, alternating with the other runs.
const GLIBC = process.report?.getReport?.().header?.glibcVersionRuntime;
const withGlibc = GLIBC !== undefined && !flag('no-glibc');
const GLIBC_SETTING = 'glibc.malloc.mmap_threshold=131072';
const GLIBC_ENV = { ...process.env, GLIBC_TUNABLES: [process.env.GLIBC_TUNABLES, GLIBC_SETTING].filter(Boolean).join(':') };
const FIXED = ', glibc threshold fixed';
// And both settings README gives a user with a memory limit: the threshold fixed and V8's young
// generation capped at two halves of 4 MB (NODE_OPTIONS, which node reads at start).
// Their code cache in a folder of their own: V8 takes a cache only under the flags it was written
// with, so sharing the user's folder would have these runs and the default ones each reject and
// rewrite the other's cache, run after run.
const YOUNG_SETTING = '--max-semi-space-size=4';
const bothCache = join(tmpdir(), `servicegap-bench-young-cache-${process.pid}`);
const BOTH_ENV = { ...GLIBC_ENV, NODE_OPTIONS: [process.env.NODE_OPTIONS, YOUNG_SETTING].filter(Boolean).join(' '), SERVICEGAP_CACHE_DIR: bothCache };
const BOTH = ', both memory settings';
const startLoad = (() => {
  try {
    return readFileSync('/proc/loadavg', 'utf8').trim();
  } catch {
    return '?';
  }
})();

if (!existsSync(join(ROOT, 'dist/cli/main.js'))) throw new Error('run `npm run build` first');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * Run a command; wall time in seconds and peak RSS in MB (from /usr/bin/time when present). Its
 * standard output goes to a file, as a user's would (trend's JSON on 20,000 regions is larger
 * than one JavaScript string can hold), and is read back only when asked for.
 */
const OUTPUT = join(tmpdir(), `servicegap-bench-${process.pid}.out`);
function timed(command, args, { readOutput = false, env = process.env } = {}) {
  const full = TIME ? [TIME, ['-f', '%M', command, ...args]] : [command, args];
  const out = openSync(OUTPUT, 'w');
  const started = process.hrtime.bigint();
  const r = spawnSync(full[0], full[1], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', out, 'pipe'], env });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  closeSync(out);
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  const lines = r.stderr.trim().split('\n');
  const rssMb = TIME ? Number(lines.at(-1)) / 1024 : undefined;
  const stdout = readOutput ? readFileSync(OUTPUT, 'utf8') : undefined;
  const outputBytes = statSync(OUTPUT).size;
  rmSync(OUTPUT, { force: true });
  return { seconds, rssMb, stdout, outputBytes };
}

function generate(label) {
  const [regions, perKey] = SIZES[label];
  const dir = join(dataDir, `r${regions}${perKey > 1 ? `x${perKey}` : ''}-seed${seed}`);
  if (!existsSync(join(dir, 'services.csv'))) {
    mkdirSync(dir, { recursive: true });
    process.stderr.write(`generating ${label} rows in ${dir} …\n`);
    execFileSync(process.execPath, [join(ROOT, 'bench/generate.mjs'), dir, String(regions), seed, String(perKey)], { stdio: 'inherit' });
  }
  return dir;
}

const PARQUET = 'report, Parquet input';
const fmt = (x, digits = 2) => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(digits));
const log = (line) => process.stderr.write(`${line}\n`);

// ---- the SQL of docs/sql/ ------------------------------------------------------------------------
let sqlCheck = 'not run (--no-duckdb)';
if (withDuckdb) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bench/aggregate-sql.mjs')], { cwd: ROOT, encoding: 'utf8' });
  process.stderr.write(r.stderr);
  if (r.status !== 0) throw new Error('bench/aggregate-sql.mjs: the SQL of docs/sql/ does not give what it should (above)');
  sqlCheck = `passed: ${r.stderr.trim().split('\n').length} checks`;
}

// ---- throughput ------------------------------------------------------------------------------
const results = [];
for (const label of sizes) {
  const dir = generate(label);
  const services = join(dir, 'services.csv');
  const bytes = statSync(services).size;
  const rows = rowsOf(label);
  const regions = SIZES[label][0];
  // Five rounds at every size: with three, one slow round decided a median (the twenty-first
  // session's run gave trend 1.28× on 19.8 M rows where ten alternating rounds gave 1.09–1.23×).
  const runs = Number(option('runs', '5'));
  const sg = (command) => [BIN, command, '--data', dir, '--format', 'json', '--quiet'];
  const tools = commands.map((c) => ({ name: c, command: process.execPath, args: sg(c) }));
  if (withGlibc) for (const c of commands) tools.push({ name: `${c}${FIXED}`, command: process.execPath, args: sg(c), env: GLIBC_ENV });
  if (withGlibc) for (const c of commands) tools.push({ name: `${c}${BOTH}`, command: process.execPath, args: sg(c), env: BOTH_ENV });
  if (oneThread) tools.push({ name: 'report --threads 1', command: process.execPath, args: [...sg('report'), '--threads', '1'] });
  if (reference && rows <= 500_000) tools.push({ name: 'report --parser csv-parse', command: process.execPath, args: [...sg('report'), '--parser', 'csv-parse'] });
  if (withDuckdb) {
    // The same data with services.parquet (written by DuckDB) instead of services.csv.
    const parquetDir = `${dir}-parquet`;
    if (!existsSync(join(parquetDir, 'services.parquet'))) execFileSync(process.execPath, [join(ROOT, 'bench/to-parquet.mjs'), dir, parquetDir], { stdio: 'inherit' });
    if (commands.includes('report')) tools.push({ name: PARQUET, command: process.execPath, args: [BIN, 'report', '--data', parquetDir, '--format', 'json', '--quiet'] });
    tools.push({ name: 'DuckDB', command: process.execPath, args: [join(ROOT, 'bench/duckdb-query.mjs'), services, '2'] });
  }
  log(`${label}: ${rows.toLocaleString('en-US')} rows, ${(bytes / 1e6).toFixed(0)} MB; ${runs} runs each, alternating`);
  // One warm-up each (file cache), then the timed runs, alternating tools.
  for (const tool of tools) timed(tool.command, tool.args, { env: tool.env });
  const times = new Map(tools.map((t) => [t.name, { seconds: [], rss: [], queryMs: [] }]));
  for (let i = 0; i < runs; i++) {
    for (const tool of tools) {
      const r = timed(tool.command, tool.args, { readOutput: tool.name === 'DuckDB', env: tool.env });
      const t = times.get(tool.name);
      t.seconds.push(r.seconds);
      if (r.rssMb !== undefined) t.rss.push(r.rssMb);
      if (tool.name === 'DuckDB') t.queryMs.push(JSON.parse(r.stdout).queryMs);
      log(`  ${tool.name}: ${r.seconds.toFixed(2)} s${r.rssMb ? `, ${r.rssMb.toFixed(0)} MB` : ''}`);
    }
  }
  const row = { label, rows, regions, bytes, runs, tools: {} };
  for (const [name, t] of times) {
    row.tools[name] = {
      seconds: median(t.seconds),
      rssMb: t.rss.length ? Math.max(...t.rss) : undefined,
      queryMs: t.queryMs.length ? median(t.queryMs) : undefined,
      // Each round's time, in order: its ratio to DuckDB's of the same round (below).
      rounds: t.seconds,
    };
  }
  results.push(row);
}
rmSync(bothCache, { recursive: true, force: true });

// ---- every output format ---------------------------------------------------------------------
// Peak memory must not depend on the format asked for: each command in each of its formats, once,
// on the first size's data (the output to a file, as a user's redirect would).
const FORMATS = {
  report: ['json', 'csv', 'markdown', 'long', 'parquet', 'xlsx', 'html', 'table'],
  coverage: ['json', 'csv', 'markdown', 'long', 'parquet', 'xlsx', 'html', 'table'],
  trend: ['json', 'csv', 'markdown', 'long', 'parquet', 'xlsx', 'html', 'table'],
};
const formatRows = [];
if (!flag('no-formats') && sizes.length > 0) {
  const label = sizes[0];
  const dir = generate(label);
  log(`output formats on ${label}: once each`);
  for (const command of commands) {
    for (const format of FORMATS[command] ?? []) {
      const r = timed(process.execPath, [BIN, command, '--data', dir, '--format', format, '--quiet']);
      formatRows.push({ command, format, ...r });
      log(`  ${command} --format ${format}: ${r.seconds.toFixed(2)} s${r.rssMb ? `, ${r.rssMb.toFixed(0)} MB` : ''}, ${(r.outputBytes / 1e6).toFixed(1)} MB out`);
    }
    // Without --quiet, as a user runs it: every warning also on standard error (a pipe here).
    const r = timed(process.execPath, [BIN, command, '--data', dir, '--format', 'json']);
    formatRows.push({ command, format: 'json, warnings on stderr (no --quiet)', ...r });
    log(`  ${command} --format json without --quiet: ${r.seconds.toFixed(2)} s${r.rssMb ? `, ${r.rssMb.toFixed(0)} MB` : ''}`);
  }
}

// ---- cold start ------------------------------------------------------------------------------
const cold = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'servicegap --version', args: [BIN, '--version'] },
  { name: 'servicegap report (bundled data, JSON)', args: [BIN, 'report', '--format', 'json', '--quiet'] },
];
log(`cold start: ${coldRuns} runs each, alternating`);
// The code cache in a folder of its own, written by the warm-up run: what a user has after their
// first `report`, whatever kinds of run the benchmark ran before (bin/load-bundle.js).
const coldCache = join(tmpdir(), `servicegap-bench-cache-${process.pid}`);
rmSync(coldCache, { recursive: true, force: true });
const coldEnv = { ...process.env, SERVICEGAP_CACHE_DIR: coldCache };
for (const c of cold) timed(process.execPath, c.args, { env: coldEnv });
const coldTimes = new Map(cold.map((c) => [c.name, []]));
for (let i = 0; i < coldRuns; i++) for (const c of cold) coldTimes.get(c.name).push(timed(process.execPath, c.args, { env: coldEnv }).seconds);
rmSync(coldCache, { recursive: true, force: true });
const coldMedians = cold.map((c) => ({ name: c.name, seconds: median(coldTimes.get(c.name)) }));
const base = coldMedians[0].seconds;

// ---- report ----------------------------------------------------------------------------------
const version = (pkg) => {
  try {
    // DuckDB is installed in bench/node_modules (bench/package.json), everything else at the root.
    const dir = pkg.startsWith('@duckdb/') ? join(ROOT, 'bench/node_modules') : join(ROOT, 'node_modules');
    return JSON.parse(readFileSync(join(dir, pkg, 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
};
const sh = (cmd) => {
  try {
    return execFileSync('sh', ['-c', cmd], { encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
};
const sgVersion = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
const lines = [];
lines.push('# Benchmark results', '');
lines.push(`Written by \`npm run bench\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}. Rerun it to replace this file.`, '');
if (note) lines.push(`**${note}**`, '');
lines.push('## Machine', '');
lines.push(`- CPU: ${cpus()[0]?.model ?? '?'}; \`nproc\`: ${sh('nproc')}`);
lines.push(`- Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB; \`free -h\`:`, '', '```', sh('free -h'), '```', '');
lines.push(`- OS: ${sh('uname -srm')}`);
lines.push(`- Node ${process.version}; servicegap ${sgVersion}; @duckdb/node-api ${version('@duckdb/node-api')}; csv-parse ${version('csv-parse')}; zod ${version('zod')}; esbuild ${version('esbuild')}`);
lines.push(`- Peak memory: ${TIME ? 'maximum resident set size from `/usr/bin/time -f %M` (worker threads included: they are threads of the same process)' : 'not measured (no /usr/bin/time)'}`);
lines.push(`- Load when the run started: \`${startLoad}\`; when it ended: \`${sh('cat /proc/loadavg')}\``);
lines.push(`- The SQL of docs/sql/ on DuckDB (bench/aggregate-sql.mjs): ${sqlCheck}`, '');
lines.push('## Throughput: servicegap against DuckDB', '');
lines.push(
  `Synthetic data from \`node bench/generate.mjs DIR REGIONS ${seed} [ROWS_PER_KEY]\` (REGIONS × 30 years × 33 service names in several scripts, ROWS_PER_KEY rows each; ` +
    'regions, population and beds files to match). Each tool ran once to warm the file cache, then alternately; the table gives the medians of whole processes, start-up included.',
  '',
);
lines.push('- report, coverage, trend: `node bin/servicegap.js COMMAND --data DIR --format json --quiet`, default settings (each reads, checks and aggregates all four files, then analyses and renders; a large file is read on every core)');
if (oneThread) lines.push('- report --threads 1: the same on one thread');
if (withDuckdb && commands.includes('report')) {
  lines.push(
    `- ${PARQUET}: \`report\` on a copy of DIR whose services table is \`services.parquet\`, written by DuckDB with its defaults (bench/to-parquet.mjs: Snappy, row groups of 122,880 rows); the other tables the same CSV files`,
  );
}
lines.push("- DuckDB: `node bench/duckdb-query.mjs DIR/services.csv 2` — `SELECT region, service, unit, year, sum(capacity) FROM read_csv('services.csv') GROUP BY ALL` with 2 threads; its query time alone is in brackets", '');
const names = [...new Set(results.flatMap((r) => Object.keys(r.tools)))].filter((n) => !n.endsWith(FIXED) && !n.endsWith(BOTH));
const ours = names.filter((n) => n !== 'DuckDB' && !n.includes('csv-parse'));
lines.push(
  `| services rows | regions | file | runs | ${names.map((n) => `${n} (s)`).join(' | ')} | ${ours.map((n) => `ratio ${n} / DuckDB`).join(' | ')} | ${names.map((n) => `${n} peak RSS (MB)`).join(' | ')} |`,
);
lines.push(`|---:|---:|---:|---:|${names.map(() => '---:').join('|')}|${ours.map(() => '---:').join('|')}|${names.map(() => '---:').join('|')}|`);
for (const r of results) {
  const cells = names.map((n) => {
    const t = r.tools[n];
    if (!t) return '–';
    return t.queryMs === undefined ? fmt(t.seconds) : `${fmt(t.seconds)} (${fmt(t.queryMs / 1000)})`;
  });
  const ratio = ours.map((n) => (r.tools.DuckDB && r.tools[n] ? `${fmt(r.tools[n].seconds / r.tools.DuckDB.seconds)}×` : '–')).join(' | ');
  const rss = names.map((n) => (r.tools[n]?.rssMb === undefined ? '–' : fmt(r.tools[n].rssMb, 0)));
  lines.push(`| ${r.rows.toLocaleString('en-US')} | ${r.regions.toLocaleString('en-US')} | ${(r.bytes / 1e6).toFixed(0)} MB | ${r.runs} | ${cells.join(' | ')} | ${ratio} | ${rss.join(' | ')} |`);
}
if (results.some((r) => r.tools[PARQUET] && r.tools.report)) {
  lines.push('', `Parquet input against CSV input (${PARQUET} / report): ${results.filter((r) => r.tools[PARQUET] && r.tools.report).map((r) => `${fmt(r.tools[PARQUET].seconds / r.tools.report.seconds)}× at ${r.rows.toLocaleString('en-US')} rows of ${r.regions.toLocaleString('en-US')} regions`).join(', ')}.`);
}
if (results.some((r) => r.tools.DuckDB && r.runs > 1)) {
  // A ratio of medians hides how much the machine moved: each round ran every tool once, in turn,
  // so a round's ratio compares two processes run within seconds of each other.
  lines.push('', '## Ratios round by round', '');
  lines.push("Each round ran every tool once, in turn: servicegap's time over DuckDB's in the same round, lowest–highest, with the median of the rounds' ratios and how many rounds were at most 1.2× (the floor of issue 18).", '');
  lines.push(`| services rows | regions | ${ours.join(' | ')} |`, `|---:|---:|${ours.map(() => '---').join('|')}|`);
  for (const r of results) {
    const duck = r.tools.DuckDB?.rounds;
    const cells = ours.map((n) => {
      const mine = r.tools[n]?.rounds;
      if (!duck || !mine) return '–';
      const ratios = mine.map((s, i) => s / duck[i]);
      return `${fmt(Math.min(...ratios))}–${fmt(Math.max(...ratios))}× (median ${fmt(median(ratios))}×; ${ratios.filter((x) => x <= 1.2).length} of ${ratios.length} ≤ 1.2×)`;
    });
    lines.push(`| ${r.rows.toLocaleString('en-US')} | ${r.regions.toLocaleString('en-US')} | ${cells.join(' | ')} |`);
  }
}
if (withGlibc) {
  lines.push('', "## Peak memory with glibc's mmap threshold fixed", '');
  lines.push(
    `The same runs (alternating with those above) started with \`GLIBC_TUNABLES=${GLIBC_SETTING}\` (glibc ${GLIBC}): malloc's mmap threshold fixed at glibc's default, ` +
      'so glibc does not keep the freed large buffers of the reading and the output (README, Performance); and with that and ' +
      `\`NODE_OPTIONS=${YOUNG_SETTING}\` together ("both"), V8's young generation capped at two halves of 4 MB instead of 16. Settings of the process, which the user makes when starting it.`,
    '',
  );
  const peak = (t) => (t.rssMb === undefined ? '–' : fmt(t.rssMb, 0));
  lines.push(
    '| services rows | regions | command | default (s) | fixed (s) | both (s) | default peak RSS (MB) | fixed peak RSS (MB) | both peak RSS (MB) |',
    '|---:|---:|---|---:|---:|---:|---:|---:|---:|',
  );
  for (const r of results) {
    for (const c of commands) {
      const a = r.tools[c];
      const b = r.tools[`${c}${FIXED}`];
      const both = r.tools[`${c}${BOTH}`];
      if (!a || !b || !both) continue;
      lines.push(`| ${r.rows.toLocaleString('en-US')} | ${r.regions.toLocaleString('en-US')} | ${c} | ${fmt(a.seconds)} | ${fmt(b.seconds)} | ${fmt(both.seconds)} | ${peak(a)} | ${peak(b)} | ${peak(both)} |`);
    }
  }
}
if (formatRows.length > 0) {
  lines.push('', '## Every output format', '');
  lines.push(
    `Each command in each of its formats once, on the ${sizes[0]} file (${rowsOf(sizes[0]).toLocaleString('en-US')} service rows, ${SIZES[sizes[0]][0].toLocaleString('en-US')} regions): ` +
      '`node bin/servicegap.js COMMAND --data DIR --format FORMAT --quiet`, standard output to a file. JSON, Markdown, HTML, a trend\'s CSV and the long tables are written in pieces as they are made, a workbook a row at a time (then zipped again whole); Parquet is made whole. The last row of each command runs it without `--quiet`, its warnings (each distinct one once) on standard error, a pipe the benchmark reads.',
    '',
  );
  lines.push('| command | format | time (s) | peak RSS (MB) | output (MB) |', '|---|---|---:|---:|---:|');
  for (const r of formatRows) lines.push(`| ${r.command} | ${r.format} | ${fmt(r.seconds)} | ${r.rssMb === undefined ? '–' : fmt(r.rssMb, 0)} | ${fmt(r.outputBytes / 1e6, 1)} |`);
}
lines.push('', '## Cold start', '');
lines.push(`Medians of ${coldRuns} runs each, alternating; the code cache in a folder of its own, written by one run of each first.`, '');
lines.push('| command | median (ms) | × `node -e 0` |', '|---|---:|---:|');
for (const c of coldMedians) lines.push(`| \`${c.name === 'node -e 0' ? 'node -e 0' : c.name}\` | ${fmt(c.seconds * 1000, 0)} | ${fmt(c.seconds / base)}× |`);
lines.push('', '## Commands', '', '```sh', 'npm ci && npm run build', `npm run bench -- ${process.argv.slice(2).join(' ')}`.trimEnd(), '```', '');
const text = lines.join('\n');
if (out !== '-') {
  writeFileSync(out, text);
  log(`wrote ${out}`);
}
process.stdout.write(`${text}\n`);
