#!/usr/bin/env node
// `node scripts/parallel.mjs SCRIPT…`: run several npm scripts at once (npm test's checks: the build,
// type checking and the three linters together — each mostly one core, and started together they
// keep both cores of the machine busy, where two stages left one idle while the longest ran). Each script's output is printed whole when it ends, never interleaved; the
// exit code is the first failing script's, after all have ended. Written here rather than taken
// from npm-run-all or concurrently: twenty lines, and no dependency for it.
import { spawn } from 'node:child_process';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const results = await Promise.all(
  process.argv.slice(2).map(
    (script) =>
      new Promise((resolve) => {
        const child = spawn(npm, ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
        const output = [];
        child.stdout.on('data', (chunk) => output.push(chunk));
        child.stderr.on('data', (chunk) => output.push(chunk));
        child.on('close', (code, signal) => {
          process.stdout.write(`> ${script}\n${Buffer.concat(output).toString()}`);
          resolve({ script, code: code ?? (signal ? 1 : 0) });
        });
      }),
  ),
);
const failed = results.find((r) => r.code !== 0);
if (failed) {
  process.stderr.write(`${failed.script} failed (exit ${failed.code})\n`);
  process.exit(failed.code);
}
