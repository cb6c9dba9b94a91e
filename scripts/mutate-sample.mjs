#!/usr/bin/env node
// `npm run mutate:sample [-- --lines N --seed S]`: the mutation score of all of src/core, estimated
// from a random sample of its code lines. A full Stryker run of src/core (about 8,000 mutants,
// one to several seconds each) takes hours on two cores; the mutants on N lines drawn at random
// (seeded, so a run can be repeated) take minutes, and the share of them killed estimates the
// share of all mutants killed. Lines, not mutants, are drawn because Stryker selects mutants by
// line range (`--mutate file:L-L`); the interval treats each line as a cluster of mutants (ratio
// estimator, finite-population correction), so a line whose mutants all live or all die counts
// as the one observation it is. The mutated files and the tests that run are stryker.config.mjs's.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { lines: { type: 'string', default: '250' }, seed: { type: 'string', default: '20261130' } } });
const wanted = Number(values.lines);
const seed = Number(values.seed);
if (!Number.isInteger(wanted) || wanted < 2 || !Number.isInteger(seed)) {
  process.stderr.write('mutate-sample: --lines must be a whole number ≥ 2 and --seed a whole number\n');
  process.exit(2);
}

// The files stryker.config.mjs mutates: src/core, without the alias tables.
const files = readdirSync('src/core', { recursive: true })
  .map((f) => join('src/core', String(f)))
  .filter((f) => f.endsWith('.ts') && !/\/aliases-[^/]*\.ts$/.test(f) && !f.endsWith('/alias-sources.ts'))
  .sort();

// Candidate lines: code a mutant can sit on — not blank, not a comment, not an import or export
// list, not a lone brace.
const skip = /^(\/\/|\/\*|\*|import\b|export \{|export type \{|[}\])]+[;,]?$)/;
const candidates = files.flatMap((file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((text, i) => (text.trim() === '' || skip.test(text.trim()) ? [] : [{ file, line: i + 1 }])),
);

// mulberry32, as the project's own draws use: the same seed samples the same lines.
let state = seed >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pool = [...candidates];
const m = Math.min(wanted, pool.length);
for (let i = 0; i < m; i++) {
  const j = i + Math.floor(random() * (pool.length - i));
  [pool[i], pool[j]] = [pool[j], pool[i]];
}
const sample = pool.slice(0, m);
const key = (file, line) => `${file}:${line}`;

process.stderr.write(`mutate-sample: ${m} of ${candidates.length} code lines in ${files.length} files (seed ${seed})\n`);
const report = 'reports/mutation/mutation.json'; // stryker.config.mjs's jsonReporter
const run = spawnSync(
  'npx',
  ['stryker', 'run', '--mutate', sample.map((s) => `${s.file}:${s.line}-${s.line}`).join(','), '--reporters', 'progress-append-only,json'],
  { stdio: ['ignore', 'inherit', 'inherit'] },
);
if (run.status !== 0) process.exit(run.status ?? 1);

// Tally each sampled line's mutants by the line they start on.
const perLine = new Map(sample.map((s) => [key(s.file, s.line), { killed: 0, total: 0 }]));
const counts = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0, other: 0 };
const survivors = [];
for (const [file, result] of Object.entries(JSON.parse(readFileSync(report, 'utf8')).files)) {
  for (const mutant of result.mutants) {
    const cell = perLine.get(key(file, mutant.location.start.line));
    if (!cell) continue; // a mutant that starts above the sampled line (it spans it)
    counts[mutant.status in counts ? mutant.status : 'other']++;
    if (mutant.status === 'Ignored' || !(mutant.status in counts)) continue;
    cell.total++;
    if (mutant.status === 'Killed' || mutant.status === 'Timeout') cell.killed++;
    else survivors.push(`${file}:${mutant.location.start.line}:${mutant.location.start.column} ${mutant.status} ${mutant.mutatorName} → ${JSON.stringify(mutant.replacement ?? '')}`);
  }
}
const cells = [...perLine.values()];
const killed = cells.reduce((a, c) => a + c.killed, 0);
const total = cells.reduce((a, c) => a + c.total, 0);
const score = killed / total;
// Ratio estimator over m clusters from N: var = (1 − m/N) / (m × x̄²) × Σ(k − p̂n)² / (m − 1).
const meanTotal = total / m;
const s2 = cells.reduce((a, c) => a + (c.killed - score * c.total) ** 2, 0) / (m - 1);
const se = Math.sqrt(((1 - m / candidates.length) * s2) / (m * meanTotal ** 2));
const pct = (x) => `${(100 * x).toFixed(1)} %`;
process.stdout.write(
  [
    `lines sampled: ${m} of ${candidates.length} (seed ${seed})`,
    `mutants on them: ${total} scored (killed ${counts.Killed}, timed out ${counts.Timeout}, survived ${counts.Survived}, no coverage ${counts.NoCoverage}); ${counts.Ignored} static ignored; ${counts.other} other`,
    `score: ${pct(score)}, 95 % interval ${pct(score - 1.96 * se)} – ${pct(Math.min(1, score + 1.96 * se))}`,
    'survivors:',
    ...survivors.sort().map((s) => `  ${s}`),
    '',
  ].join('\n'),
);
