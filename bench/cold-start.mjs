#!/usr/bin/env node
// The CLI's cold start alone, without the throughput benchmark (bench/run.mjs times the same rows
// at its end): whole processes, alternating with `node -e 0` so that a loaded machine inflates
// both alike; medians and their ratio to `node -e 0`. Prints a Markdown table; writes no file.
//
//   node bench/cold-start.mjs                 21 runs each
//   node bench/cold-start.mjs --runs 41
//
// The code cache goes to a private temporary folder (SERVICEGAP_CACHE_DIR), written by the
// warm-up run, so that other checkouts on the machine sharing the user's cache folder cannot
// replace it between runs. Run `npm run build` first.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin/servicegap.js');
const at = process.argv.indexOf('--runs');
const runs = at === -1 ? 21 : Number(process.argv[at + 1]);
const cacheDir = mkdtempSync(join(tmpdir(), 'servicegap-cold-'));

const cases = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'servicegap --version', args: [BIN, '--version'] },
  { name: 'servicegap report (bundled data, JSON)', args: [BIN, 'report', '--format', 'json', '--quiet'] },
  { name: 'servicegap report (bundled data, table)', args: [BIN, 'report', '--quiet'] },
  { name: 'servicegap report, SERVICEGAP_CODE_CACHE=off', args: [BIN, 'report', '--quiet'], env: { SERVICEGAP_CODE_CACHE: 'off' } },
];

function timed(c) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, c.args, {
    cwd: ROOT,
    env: { ...process.env, SERVICEGAP_CACHE_DIR: cacheDir, ...c.env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`${c.name} failed (${r.status}):\n${r.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const load = () => {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return '?';
  }
};

try {
  const loadBefore = load();
  for (const c of cases) timed(c); // warm-up: file cache, and the code cache written
  const times = cases.map(() => []);
  for (let i = 0; i < runs; i++) cases.forEach((c, j) => times[j].push(timed(c)));
  const base = median(times[0]);
  console.log(`${runs} runs each, alternating; load average ${loadBefore} before, ${load()} after.\n`);
  console.log('| command | median (ms) | × `node -e 0` |');
  console.log('|---|---:|---:|');
  cases.forEach((c, j) => {
    const m = median(times[j]);
    console.log(`| \`${c.name}\` | ${m.toFixed(0)} | ${(m / base).toFixed(2)}× |`);
  });
} finally {
  rmSync(cacheDir, { recursive: true, force: true });
}
