#!/usr/bin/env node
// Bundle the compiled CLI (dist/cli/bundle-entry.js) and its dependencies into dist/bundle/, so that a
// command starts by reading one file instead of resolving and compiling hundreds of modules:
//
// - dist/bundle/cli.cjs: the whole CLI as one CommonJS file. The launcher (bin/servicegap.js)
//   compiles it with V8's code cache, dist/bundle/cli.cache, written here by running a report
//   once: the next run takes the compiled code from the cache instead of compiling it again
//   (Node 20 has no compile cache of its own for modules). A Node whose V8 rejects the cache (another
//   version) compiles the file as usual. Code behind dynamic imports (the HTML renderer,
//   iconv-lite, csv-parse) is in the file but only run when used; exceljs and jszip (Excel
//   workbooks) stay in node_modules and are required only when a workbook is read or written.
// - dist/bundle/index.cjs: the library as one CommonJS file, for require('servicegap'); exceljs and
//   jszip stay outside it too, required from node_modules when a workbook is read or written.
// - dist/bundle/worker.js, parse-worker.js: the worker threads' scripts (ES modules).
//
// The ES module library build (dist/index.js and its .d.ts) is not touched. Every file lands in
// dist/bundle/, two levels below the package root like dist/io/, so paths found from
// import.meta.url (the bundled data, the workers) resolve as in the unbundled build.
import { execFileSync } from 'node:child_process';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: process.env.BUNDLE_NO_MINIFY === undefined,
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: process.env.BUNDLE_META !== undefined,
  // The Excel library (and the zip library it uses) is about 1 MB that only a workbook needs:
  // left out of the bundle, it is loaded from node_modules when a workbook is read or written.
  external: ['exceljs', 'jszip'],
  plugins: [
    {
      // jsonc-parser's "main" is a UMD build whose require() calls esbuild cannot follow; its
      // ES module build ("module") is the same code as plain imports and bundles cleanly (Node
      // itself loads the UMD one).
      name: 'jsonc-parser-esm',
      setup(b) {
        b.onResolve({ filter: /^jsonc-parser$/ }, () => ({ path: fileURLToPath(new URL('../node_modules/jsonc-parser/lib/esm/main.js', import.meta.url)) }));
      },
    },
    {
      // zod's translations of its messages into other languages (z.locales): never used here,
      // and most of zod's size. English, the default, is imported separately and stays.
      name: 'no-zod-locales',
      setup(b) {
        b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
          /[\\/]zod[\\/]v4[\\/](?:classic|core)[\\/]/.test(args.importer) ? { path: 'zod-locales', namespace: 'empty' } : undefined,
        );
        b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export {};', loader: 'js' }));
      },
    },
  ],
};

/** One CommonJS file per entry in dist/bundle/. */
const cjs = (entryPoints) =>
  build({
    ...common,
    entryPoints,
    outdir: 'dist/bundle',
    outExtension: { '.js': '.cjs' },
    format: 'cjs',
    // In CommonJS there is no import.meta: its URL is the bundle's own.
    define: { 'import.meta.url': '__sgImportMetaUrl' },
    banner: { js: "const __sgImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  });

const cli = await cjs({ cli: 'dist/cli/bundle-entry.js' });

// The library as one CommonJS file, for require('servicegap') (package.json exports "require";
// issue 16): the same code as dist/index.js, its dependencies inside (chalk and d3 are ES modules
// only, which require() cannot load on every Node 20).
await cjs({ index: 'dist/index.js' });

const workers = await build({
  ...common,
  entryPoints: { worker: 'dist/parallel/worker.js', 'parse-worker': 'dist/parallel/parse-worker.js' },
  outdir: 'dist/bundle',
  splitting: true,
  format: 'esm',
  chunkNames: 'chunk-[hash]',
  // CommonJS dependencies call require() for Node's own modules.
  banner: { js: "import { createRequire as __sgRequire } from 'node:module'; const require = __sgRequire(import.meta.url);" },
});

// BUNDLE_META=FILE writes esbuild's metafiles, to see what takes the space.
if (process.env.BUNDLE_META) writeFileSync(process.env.BUNDLE_META, JSON.stringify({ cli: cli.metafile, workers: workers.metafile }));

// The code cache: one report on the bundled data compiles what a typical command runs.
const cache = 'dist/bundle/cli.cache';
execFileSync(process.execPath, ['bin/servicegap.js', 'report', '--format', 'json', '--quiet'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, SERVICEGAP_WRITE_CODE_CACHE: cache },
});
if (statSync(cache, { throwIfNoEntry: false }) === undefined) throw new Error(`bundle-cli: ${cache} was not written`);
