#!/usr/bin/env node
// Hostile names (issue 15): how long `validate` takes when every row has a name it must suggest
// something for. Two cases, each run --runs times (default 3), medians printed as Markdown:
//   - 20,000 unknown region codes in population.csv against 20,000 known ones in regions.csv;
//   - 60 unmapped service names of about 1 MB each.
// Run `npm run build` first; `node bench/hostile-names.mjs [--runs N] [--data-dir DIR]`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin/servicegap.js');
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : process.argv[at + 1];
};
const runs = Number(option('runs', '3'));
const base = resolve(option('data-dir', join(tmpdir(), 'servicegap-bench-hostile-names')));

function write(dir, files) {
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const n = 20_000;
const codes = write(join(base, 'codes'), {
  'regions.csv': 'region\n' + Array.from({ length: n }, (_, i) => `NO-${i}\n`).join(''),
  'population.csv': 'region,year,population\n' + Array.from({ length: n }, (_, i) => `XQ-${i},2020,100\n`).join(''),
  'services.csv': 'region,year,service,capacity,unit\n',
});
const names = write(join(base, 'names'), {
  'regions.csv': 'region\nNO-1\n',
  'population.csv': 'region,year,population\nNO-1,2020,100\n',
  'services.csv':
    'region,year,service,capacity,unit\n' +
    Array.from({ length: 60 }, (_, i) => `NO-1,2020,${String.fromCharCode(97 + (i % 26)).repeat(1_000_000 - i)},1,beds\n`).join(''),
});

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const lines = ['| case | validate, median of ' + runs + ' | exit |', '|---|---:|---:|'];
for (const [label, dir] of [
  ['20,000 unknown region codes, 20,000 known', codes],
  ['60 unmapped service names of 1 MB', names],
]) {
  const times = [];
  let status;
  for (let r = 0; r < runs; r++) {
    const start = process.hrtime.bigint();
    status = spawnSync(process.execPath, [BIN, 'validate', '--data', dir], { stdio: 'ignore' }).status;
    times.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  lines.push(`| ${label} | ${median(times).toFixed(2)} s | ${status} |`);
}
lines.push('', `Load average while running: ${loadavg()[0].toFixed(1)} (one-minute).`);
console.log(lines.join('\n'));
