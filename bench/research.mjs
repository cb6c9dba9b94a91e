#!/usr/bin/env node
// The research benchmark (issue 16), separate from bench/run.mjs (reading throughput against
// DuckDB): `npm run bench` runs this first, then run.mjs. Writes bench/RESULTS-research.md.
//
// 1. Sensitivity on 500 regions × 2,000 draws, one thread, in one process (the dataset loaded
//    once): the per-draw method (a whole analysis per draw: what `report --sensitivity` did
//    before the linear model) against `sensitivity()` (the linear model). Both must give the
//    same percentiles to the last digit; the run stops if they do not.
// 2. The cost of the default p5–p95 intervals: `report` on 5,000 regions (the 5M-row file of
//    run.mjs) with and without `--no-interval`, whole processes, alternating, medians.
// 3. Parquet interoperability (bench/parquet-duckdb.mjs): DuckDB reads servicegap's Parquet files.
//
// Options (environment, so that `npm run bench -- …` arguments stay run.mjs's):
//   BENCH_RESEARCH=skip       skip this benchmark
//   BENCH_RESEARCH_RUNS=N     timed runs of each report process (default 5)
//   BENCH_RESEARCH_DIR=DIR    where the synthetic data is kept (default: run.mjs's folder)
//   BENCH_RESEARCH_PARTS=LIST sensitivity,interval,parquet (default all); a part not run keeps its
//                             section of the existing bench/RESULTS-research.md
// Run `npm run build` first.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin/servicegap.js');
const SEED = '20261123';
const env = process.env;
if (env.BENCH_RESEARCH === 'skip') process.exit(0);
if (!existsSync(join(ROOT, 'dist/index.js'))) throw new Error('run `npm run build` first');
const runs = Number(env.BENCH_RESEARCH_RUNS ?? '5');
const parts = new Set((env.BENCH_RESEARCH_PARTS ?? 'sensitivity,interval,parquet').split(','));
const RESULTS = join(ROOT, 'bench/RESULTS-research.md');
/** The section of the existing results whose heading starts with `prefix` (kept when its part is not run). */
function keptSection(prefix) {
  if (!existsSync(RESULTS)) return [`## ${prefix} (not run)`, ''];
  const text = readFileSync(RESULTS, 'utf8');
  const start = text.indexOf(`## ${prefix}`);
  if (start < 0) return [`## ${prefix} (not run)`, ''];
  const end = text.indexOf('\n## ', start + 3);
  return [text.slice(start, end < 0 ? undefined : end).trimEnd(), ''];
}
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const dataDir = resolve(env.BENCH_RESEARCH_DIR ?? join(tmpdir(), 'servicegap-bench'));
const log = (line) => process.stderr.write(`${line}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** The data folder of run.mjs's generator for REGIONS regions (generated once, then kept). */
function generate(regions) {
  const dir = join(dataDir, `r${regions}-seed${SEED}`);
  if (!existsSync(join(dir, 'services.csv'))) {
    mkdirSync(dir, { recursive: true });
    log(`generating ${regions} regions in ${dir} …`);
    execFileSync(process.execPath, [join(ROOT, 'bench/generate.mjs'), dir, String(regions), SEED, '1'], { stdio: 'inherit' });
  }
  return dir;
}

// The compiled modules (the package's public surface, dist/index.js, holds only the runs): the
// loader, the analysis and the per-draw reference's pieces.
const compiled = (path) => import(pathToFileURL(join(ROOT, 'dist', path)).href);
const lib = { ...(await compiled('io/load-dataset.js')), ...(await compiled('core/analyze.js')), ...(await compiled('core/sensitivity.js')), ...(await compiled('core/weight-draws.js')), ...(await compiled('core/interval.js')) };
const lines = ['# Research benchmark', ''];
lines.push(`Written by \`npm run bench\` (bench/research.mjs) on ${new Date().toISOString().slice(0, 10)}. Rerun it to replace this file.`, '');
lines.push(`- CPU: ${cpus()[0]?.model ?? '?'} × ${cpus().length}; Node ${process.version}`, '');

// ---- 1. sensitivity: per draw against the linear model -------------------------------------------
if (!parts.has('sensitivity')) lines.push(...keptSection('Sensitivity'));
else {
  const DRAWS = 2000;
  const dir = generate(500);
  const { dataset, weights } = await lib.loadDataset({ data: dir });
  const seed = 1;

  // The per-draw method, as src/core/sensitivity.ts ran it before issue 16: every draw a whole
  // analysis with that draw's weights, then nearest-rank percentiles over the draws.
  const perDraw = () => {
    const base = lib.analyze(dataset, { weights });
    const keys = lib.variedWeightKeys(weights);
    const vacuum = new Map(base.regions.map((r) => [r.region, new Float64Array(DRAWS)]));
    const rank = new Map(base.regions.map((r) => [r.region, new Float64Array(DRAWS)]));
    for (let i = 0; i < DRAWS; i++) {
      const report = lib.analyze(dataset, { weights: lib.drawWeights(weights, seed, i, keys) });
      for (const r of report.regions) {
        vacuum.get(r.region)[i] = r.vacuum_per_100k;
        rank.get(r.region)[i] = r.rank;
      }
    }
    return base.regions.map((r) => {
      const v = vacuum.get(r.region).sort();
      const k = rank.get(r.region).sort();
      return [r.region, ...[5, 50, 95].map((p) => lib.nearestRank(v, p)), ...[5, 50, 95].map((p) => lib.nearestRank(k, p))];
    });
  };
  const linear = () =>
    lib
      .sensitivity(dataset, { weights, draws: DRAWS, seed })
      .regions.map((r) => [r.region, r.vacuum_per_100k_p5, r.vacuum_per_100k_p50, r.vacuum_per_100k_p95, r.rank_p5, r.rank_p50, r.rank_p95]);
  const time = (f) => {
    const started = process.hrtime.bigint();
    const result = f();
    return { seconds: Number(process.hrtime.bigint() - started) / 1e9, result };
  };
  log(`sensitivity: ${dataset.regions.size} regions × ${DRAWS} draws, one thread`);
  time(linear); // warm-up
  const fast = [];
  let fastResult;
  for (let i = 0; i < runs; i++) {
    const t = time(linear);
    fast.push(t.seconds);
    fastResult = t.result;
    log(`  linear model: ${t.seconds.toFixed(3)} s`);
  }
  // The per-draw run takes tens of seconds: timed once.
  const slow = time(perDraw);
  log(`  per draw: ${slow.seconds.toFixed(1)} s`);
  const same = JSON.stringify(slow.result) === JSON.stringify(fastResult);
  if (!same) throw new Error('sensitivity: the linear model and the per-draw method disagree');
  const speedup = slow.seconds / median(fast);
  lines.push('## Sensitivity: 500 regions × 2,000 draws, one thread', '');
  lines.push(
    `The 500-region file of \`bench/generate.mjs\` (495,000 service rows), loaded once; then, in the same process, ` +
      '`sensitivity(dataset, { draws: 2000, seed: 1 })` (the linear model: two dot products per region and draw, a radix ranking, ' +
      'percentiles by selection) and the per-draw method it replaced (a whole `analyze` per draw with `drawWeights`, then the ' +
      `percentiles by sorting). Both gave the same p5, p50 and p95 of vacuum and rank for every region: **${same ? 'identical' : 'DIFFERENT'}**.`,
    '',
  );
  lines.push('| method | runs | seconds (median) |', '|---|---:|---:|');
  lines.push(`| per draw (whole analysis per draw) | 1 | ${slow.seconds.toFixed(2)} |`);
  lines.push(`| linear model (\`sensitivity()\`) | ${runs} | ${median(fast).toFixed(3)} |`);
  lines.push('', `Speed-up: **${speedup.toFixed(0)}×** (target ≥ 20×).`, '');
}

// ---- 2. the cost of the default intervals ---------------------------------------------------------
if (!parts.has('interval')) lines.push(...keptSection('Default p5–p95 intervals'));
else {
  const dir = generate(5000);
  const args = ['report', '--data', dir, '--format', 'json', '--quiet'];
  const variants = [
    { name: 'report --no-interval', args: [...args, '--no-interval'] },
    { name: 'report (with p5–p95 intervals, the default)', args },
  ];
  log(`intervals: report on 5,000 regions, ${runs} runs each, alternating`);
  // Wall time, and CPU time (user + system, from /usr/bin/time): on a shared machine the wall
  // time of one process swings with the others' load, its CPU time much less.
  const timed = (a) => {
    const started = process.hrtime.bigint();
    const command = TIME ? [TIME, ['-f', '%U %S', process.execPath, BIN, ...a]] : [process.execPath, [BIN, ...a]];
    const r = spawnSync(command[0], command[1], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.status !== 0) throw new Error(`servicegap ${a.join(' ')} failed (${r.status}):\n${r.stderr}`);
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    const cpu = TIME ? r.stderr.trim().split('\n').at(-1).split(' ').map(Number).reduce((x, y) => x + y, 0) : NaN;
    return { wall, cpu };
  };
  for (const v of variants) timed(v.args); // warm the file cache
  const times = variants.map(() => ({ wall: [], cpu: [] }));
  for (let i = 0; i < runs; i++) {
    variants.forEach((v, j) => {
      const t = timed(v.args);
      times[j].wall.push(t.wall);
      times[j].cpu.push(t.cpu);
      log(`  ${v.name}: ${t.wall.toFixed(2)} s wall, ${t.cpu.toFixed(2)} s CPU`);
    });
  }
  const [off, on] = times.map((t) => median(t.wall));
  const [offCpu, onCpu] = times.map((t) => median(t.cpu));
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(', ');
  lines.push('## Default p5–p95 intervals: `report` on 5,000 regions', '');
  lines.push(
    'The 5,000-region file of `bench/generate.mjs` (4,950,000 service rows, 184 MB): `node bin/servicegap.js report --data DIR --format json --quiet`, ' +
      `whole processes, alternating, medians. The intervals take ${lib.DEFAULT_INTERVAL_DRAWS} draws of every weight with a range (seed 1) on the linear model. ` +
      `Load average at the end: ${load} on ${cpus().length} cores; CPU time (user + system) is the steadier measure on a shared machine.`,
    '',
  );
  lines.push('| command | runs | wall seconds (median) | CPU seconds (median) |', '|---|---:|---:|---:|');
  lines.push(`| ${variants[0].name} | ${runs} | ${off.toFixed(2)} | ${offCpu.toFixed(2)} |`);
  lines.push(`| ${variants[1].name} | ${runs} | ${on.toFixed(2)} | ${onCpu.toFixed(2)} |`);
  lines.push('', `Ratio: **${(onCpu / offCpu).toFixed(2)}×** CPU time, ${(on / off).toFixed(2)}× wall time (target ≤ 1.2×).`, '');
}

// ---- 3. Parquet read back by DuckDB -----------------------------------------------------------------
if (!parts.has('parquet')) lines.push(...keptSection('Parquet'));
else {
  const r = spawnSync(process.execPath, [join(ROOT, 'bench/parquet-duckdb.mjs')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  lines.push('## Parquet read back by DuckDB', '');
  if (r.status !== 0) throw new Error(`bench/parquet-duckdb.mjs failed (${r.status}):\n${r.stdout}`);
  lines.push(r.stdout.trim(), '');
}

lines.push('## Commands', '', '```sh', 'npm ci && npm run build', 'npm run bench', '```', '');
const text = lines.join('\n');
writeFileSync(RESULTS, text);
log('wrote bench/RESULTS-research.md');
