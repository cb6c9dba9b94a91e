#!/usr/bin/env node
// Launcher. `npm run build` compiles the CLI to dist/cli/ and bundles it into one file,
// dist/bundle/cli.cjs (scripts/bundle-cli.mjs), run by bin/load-bundle.js with V8's code cache
// from the user's cache folder, which starts faster; the compiled files are used if there is no
// bundle.
//
// CommonJS (bin/package.json), unlike the rest of the package: a launcher that is an ES module
// sets up Node's ES module loader for itself and its imports before any of the CLI runs, about
// 4–13 ms of every start (medians of 21–31 runs alternating with the ES module launcher: report
// on the bundled data 144 → 139 ms as JSON, 163 → 150 ms as a table; --version 57 → 53 ms, where
// `node -e 0` takes 51–53; issue 18). The version comes from package.json, which a test keeps
// equal to the CLI's own (src/version.ts).
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');

const root = join(__dirname, '..');
const { version } = require('../package.json');
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // What commander prints for --version, without loading the CLI (CI jobs ask often).
  process.stdout.write(`${version}\n`);
} else {
  const bundle = join(root, 'dist', 'bundle', 'cli.cjs');
  if (existsSync(bundle)) {
    const { loadBundle, codeCacheFile, readBundleId, runKind } = require('./load-bundle.js');
    // A rejection ends the process as an uncaught error, as an awaited one did (run handles its own).
    loadBundle(bundle, { cacheFile: codeCacheFile(version, process.env, readBundleId(bundle)), kind: runKind(args) }).exports.run();
  } else import(pathToFileURL(join(root, 'dist', 'cli', 'main.js')).href).then(({ run }) => run());
}
