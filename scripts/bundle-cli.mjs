#!/usr/bin/env node
// Bundle the compiled CLI (dist/cli/main.js) and its dependencies into dist/bundle/, so that a
// command starts by reading a few files instead of resolving and compiling hundreds of modules.
// Code behind dynamic imports (csv-parse, iconv-lite, the worker threads) goes to chunks loaded
// only when used. The library build (dist/index.js and its .d.ts) is not touched.
// Every file lands in dist/bundle/, two levels below the package root like dist/io/, so paths
// found from import.meta.url (the bundled data, the worker) resolve as in the unbundled build.
import { rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

rmSync('dist/bundle', { recursive: true, force: true });

const result = await build({
  entryPoints: { main: 'dist/cli/main.js', worker: 'dist/parallel/worker.js', 'parse-worker': 'dist/parallel/parse-worker.js' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: process.env.BUNDLE_NO_MINIFY === undefined,
  legalComments: 'linked',
  chunkNames: 'chunk-[hash]',
  // CommonJS dependencies (cli-table3, iconv-lite) call require() for Node's own modules.
  banner: { js: "import { createRequire as __sgRequire } from 'node:module'; const require = __sgRequire(import.meta.url);" },
  logLevel: 'warning',
  metafile: process.env.BUNDLE_META !== undefined,
  plugins: [
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
});
// BUNDLE_META=FILE writes esbuild's metafile, to see what takes the space.
if (process.env.BUNDLE_META) writeFileSync(process.env.BUNDLE_META, JSON.stringify(result.metafile));
