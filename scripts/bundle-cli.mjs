#!/usr/bin/env node
// Bundle the compiled CLI (dist/cli/main.js) and its dependencies into dist/bundle/, so that a
// command starts by reading one file instead of resolving and compiling hundreds of modules:
//
// - dist/bundle/cli.cjs: the whole CLI as one CommonJS file. The launcher (bin/servicegap.js)
//   compiles it with V8's code cache, which the first run on a machine writes to the user's
//   cache folder (bin/load-bundle.js; not shipped, to keep the tarball small). Code behind
//   dynamic imports (the HTML renderer, iconv-lite, csv-parse) is in the file but only run when
//   used; exceljs and jszip (Excel workbooks) and @resvg/resvg-js (PNG charts, native) stay in
//   node_modules and are imported only when a workbook is read or written or a PNG drawn.
//   The same file is the library (issue 16): its entry exports the library (dist/index.js) beside
//   the CLI's `run`. require('servicegap') loads it (package.json exports "require"), and
//   dist/bundle/index.js, the package's import entry, is an ES module that re-exports the
//   library's names from it: one copy of the code in the package, not a CLI, an ES module library
//   and a CommonJS library (the package stays under 1 MB, issue 15).
// - dist/bundle/worker.js, draws-worker.js, parse-worker.js, parquet-worker.js: the worker threads' scripts (ES modules with shared
//   chunks).
//
// The package ships these and the type declarations (dist/servicegap.d.ts), not the compiled files
// they are made from: the CLI once, and no dependency that a bundle already holds. Every file lands in
// dist/bundle/, two levels below the package root like dist/io/, so paths found from
// import.meta.url (the bundled data, the workers) resolve as in the unbundled build.
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { hyparquetBounds } from './hyparquet-bounds.mjs';

rmSync('dist/bundle', { recursive: true, force: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: process.env.BUNDLE_NO_MINIFY === undefined,
  legalComments: 'linked',
  logLevel: 'warning',
  metafile: process.env.BUNDLE_META !== undefined,
  plugins: [
    {
      // jsonc-parser's "main" is a UMD file whose require() calls esbuild cannot follow; its ES
      // module build is the same code in a form a bundler can read.
      name: 'jsonc-parser-esm',
      setup(b) {
        b.onResolve({ filter: /^jsonc-parser$/ }, () => ({ path: fileURLToPath(import.meta.resolve('jsonc-parser/lib/esm/main.js')) }));
      },
    },
    {
      // iconv-lite's tables for Chinese, Japanese and Korean code pages (most of its size): the
      // readers decode only UTF-8, UTF-16, Windows-1252 and Latin-1 (io/text-stream.ts ENCODINGS),
      // so these tables are never loaded; a stub that says so stands in for each.
      name: 'no-iconv-dbcs-tables',
      setup(b) {
        b.onResolve({ filter: /^\.\/tables\/.*\.json$/ }, (args) =>
          /[\\/]iconv-lite[\\/]encodings[\\/]/.test(args.importer) ? { path: args.path, namespace: 'no-dbcs' } : undefined,
        );
        b.onLoad({ filter: /.*/, namespace: 'no-dbcs' }, () => ({
          contents: "throw new Error('servicegap does not read Chinese, Japanese or Korean code pages');",
          loader: 'js',
        }));
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

// The Excel library (and the zip library it uses) is about 1 MB that only a workbook needs: left
// out of the bundles, it is imported from node_modules when a workbook is read or written, so it
// is a runtime dependency of the package (the package test finds these imports in the bundles).
// resvg (PNG chart files, --charts-dir) is a native module per platform: it cannot be bundled,
// and is required only when a PNG is drawn.
const LAZY_EXTERNAL = ['@resvg/resvg-js', 'exceljs', 'jszip'];

// The Parquet libraries (issue 16), needed only when a Parquet file is read or written, each as a
// CommonJS file of its own beside the CLI (dist/bundle/hyparquet*.cjs) and required from there
// when first used: outside the CLI bundle, they stay out of its code cache, which is about as
// large as the code it caches (the package stays under 1 MB, issue 15). ES modules only, they
// are converted here, so require() loads them on every Node 20.
const PARQUET_LIBRARIES = ['hyparquet', 'hyparquet-writer', 'hyparquet-compressors'];
const parquetApart = {
  name: 'parquet-apart',
  setup(b) {
    b.onResolve({ filter: /^hyparquet(?:-writer|-compressors)?$/ }, (args) =>
      args.kind === 'entry-point' ? undefined : { path: `./${args.path}.cjs`, external: true },
    );
  },
};
await build({
  ...common,
  plugins: [...common.plugins, parquetApart, hyparquetBounds],
  entryPoints: Object.fromEntries(PARQUET_LIBRARIES.map((name) => [name, name])),
  outdir: 'dist/bundle',
  outExtension: { '.js': '.cjs' },
  format: 'cjs',
});

// The library's names (dist/index.js), which the bundle exports beside the CLI's.
const names = Object.keys(await import(new URL('../dist/index.js', import.meta.url).href)).sort();

// The bundle's entry, CommonJS: zod's jitless setting first, before any module makes a schema
// (src/cli/zod-jitless.ts); then the library's names and the CLI's `run` and `main`, each a getter
// that initialises its side when first read. The CLI's two are not enumerable: the launcher and
// the tests read them by name, and require('servicegap') lists the library's names only, as the
// ES module entry does (api/servicegap.api.md is the whole public surface). The CLI evaluates only the modules of the command it
// runs (src/cli/commands/index.ts), not the whole library; a program that uses the library
// evaluates it on its first name. require() of an ES module here is esbuild's lazy initialiser.
const entry = `require('./dist/cli/zod-jitless.js');
let library;
let cli;
const lazy = (names, side, enumerable) => { for (const name of names) Object.defineProperty(exports, name, { enumerable, get: () => side()[name] }); };
lazy(${JSON.stringify(names)}, () => (library ??= require('./dist/index.js')), true);
lazy(['main', 'run'], () => (cli ??= require('./dist/cli/main.js')), false);
`;

const cli = await build({
  ...common,
  // The CLI's `run` and the library, one CommonJS file (see the file comment).
  stdin: { contents: entry, resolveDir: '.', sourcefile: 'cli-and-library.cjs' },
  outfile: 'dist/bundle/cli.cjs',
  external: LAZY_EXTERNAL,
  plugins: [...common.plugins, parquetApart],
  // The bundle runs in a vm.Script (bin/load-bundle.js), where import() has no module loader to
  // call: an import() of a package left outside becomes require() (inside the bundle, import()s
  // of its own modules are lazy initialisers either way).
  supported: { 'dynamic-import': false },
  format: 'cjs',
  // In CommonJS there is no import.meta: its URL is the bundle's own.
  define: { 'import.meta.url': '__sgImportMetaUrl' },
  banner: { js: "const __sgImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  // The names as Node's CommonJS lexer finds them (the annotation esbuild writes for an ES module
  // entry; never run): the package's import entry below re-exports them.
  footer: { js: `0 && (module.exports = { ${names.join(', ')} });` },
});

// The bundle's content id, which names its code cache (bin/load-bundle.js: V8 would take a cache
// of another build whose source has the same length).
writeFileSync('dist/bundle/cli.id', createHash('sha256').update(readFileSync('dist/bundle/cli.cjs')).digest('hex').slice(0, 16));

// The package's import entry: the library's names, re-exported from the CommonJS bundle.
writeFileSync('dist/bundle/index.js', `// servicegap's library: the CommonJS bundle's exports (scripts/bundle-cli.mjs).\nexport { ${names.join(', ')} } from './cli.cjs';\n`);

// The worker threads' scripts, as ES modules that share their chunks. zod stays outside, imported
// from node_modules (a dependency of the package: the library's type declarations name its
// types); so do the Excel libraries (LAZY_EXTERNAL). chalk, an ES module only, is inside the
// CommonJS bundle and so a devDependency.
const workers = await build({
  ...common,
  entryPoints: { worker: 'dist/parallel/worker.js', 'draws-worker': 'dist/parallel/draws-worker.js', 'parse-worker': 'dist/parallel/parse-worker.js', 'parquet-worker': 'dist/parallel/parquet-worker.js' },
  external: ['zod', 'zod/*', ...LAZY_EXTERNAL],
  plugins: [...common.plugins, parquetApart],
  outdir: 'dist/bundle',
  splitting: true,
  format: 'esm',
  chunkNames: 'chunk-[hash]',
  // CommonJS dependencies call require() for Node's own modules.
  banner: { js: "import { createRequire as __sgRequire } from 'node:module'; const require = __sgRequire(import.meta.url);" },
});

// BUNDLE_META=FILE writes esbuild's metafiles, to see what takes the space.
if (process.env.BUNDLE_META) writeFileSync(process.env.BUNDLE_META, JSON.stringify({ cli: cli.metafile, workers: workers.metafile }));
