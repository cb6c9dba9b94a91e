#!/usr/bin/env node
// Launcher. `npm run build` compiles the CLI to dist/cli/ and bundles it into dist/bundle/
// (scripts/bundle-cli.mjs), which starts faster; the compiled files are used if there is no bundle.
import { existsSync } from 'node:fs';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // What commander prints for --version, without loading the CLI (CI jobs ask often).
  const { VERSION } = await import('../dist/version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  const bundle = new URL('../dist/bundle/main.js', import.meta.url);
  const { run } = await import(existsSync(bundle) ? bundle.href : '../dist/cli/main.js');
  await run();
}
