// `--threads` on the commands whose threads only read: coverage, trend, validate and compare read
// a large file (24 MiB or more) on every core by default, and `--threads 1` reads it on one thread
// — less memory (coverage on 4.95 M rows about 190 MB instead of 205, trend about 215 instead of
// 240; README, Performance), the same output byte for byte. The file here is the worked fixture's
// services repeated to just over 24 MiB (every figure summed that many times: the same data for
// either number of threads); `--verbose` says how many threads read it.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from './run-cli.js';

const FIXTURE = join(ROOT, 'fixtures/worked-stock');
/** The size from which a file is read on several threads (src/io/read-rest.ts PARALLEL_MIN_BYTES). */
const PARALLEL_MIN_BYTES = 24 << 20;

let dir: string;

beforeAll(() => {
  dir = tempDir();
  for (const file of ['regions.csv', 'population.csv', 'beds.csv']) copyFileSync(join(FIXTURE, file), join(dir, file));
  const [header, ...rows] = readFileSync(join(FIXTURE, 'services.csv'), 'utf8').trimEnd().split('\n');
  const body = `${rows.join('\n')}\n`;
  const copies = Math.ceil(PARALLEL_MIN_BYTES / body.length) + 1;
  writeFileSync(join(dir, 'services.csv'), `${header}\n${body.repeat(copies)}`);
});

/** The line `--verbose` writes about the services file. */
const servicesLine = (stderr: string) => stderr.split('\n').find((line) => line.startsWith('read ') && line.includes('services.csv:')) ?? '';

describe.each([
  ['coverage', (d: string) => ['coverage', '--data', d, '--format', 'json']],
  ['trend', (d: string) => ['trend', '--data', d, '--format', 'json']],
  ['validate', (d: string) => ['validate', '--data', d, '--format', 'json']],
  ['compare', (d: string) => ['compare', d, d, '--format', 'json']],
])('%s --threads', (_command, args) => {
  it('reads the large file on two threads with --threads 2 and on this one with --threads 1: the same output', () => {
    const two = runCli([...args(dir), '--threads', '2', '--verbose']);
    expect(two.code, two.context).toBe(0);
    expect(servicesLine(two.stderr)).toMatch(/ rows \(read on 2 threads\)/);
    const one = runCli([...args(dir), '--threads', '1', '--verbose']);
    expect(one.code, one.context).toBe(0);
    expect(servicesLine(one.stderr)).toMatch(/ rows/);
    expect(servicesLine(one.stderr)).not.toContain('read on');
    expect(one.stdout).toBe(two.stdout);
  });

  it.each([['0'], ['1.5'], ['many']])('--threads %s is a usage error (exit 2), nothing on standard output', (value) => {
    const r = runCli([...args(dir), '--threads', value]);
    expect(r.code, r.context).toBe(2);
    expect(r.stderr).toMatch(/--threads: expected "auto" or a whole number ≥ 1/);
    expect(r.stdout).toBe('');
  });
});
