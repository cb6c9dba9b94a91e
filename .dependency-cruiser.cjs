// The layers of src/ (docs/ARCHITECTURE.md), checked by `npm run lint:deps` in every test run:
//   core      pure: imports only core, version.ts, zod and fastest-levenshtein (pure string
//             distance); core/import also the pure parsers of the offices' formats (jsonc-parser,
//             jsonstat-toolkit, csv-parse/sync); no Node built-ins (no IO, no process)
//   io        core; never report, parallel, app or cli
//   report    core; never io, parallel, app or cli
//   parallel  core and io; never report, app or cli (io never imports parallel)
//   app       core, io, report, parallel; never cli
//   cli       app and report only (what it needs from below is re-exported by app)
// plus: no cycles, no orphan modules, nothing unresolvable, no package that is neither a runtime
// dependency nor bundled. Known violations are listed in
// .dependency-cruiser-known-violations.json (written by `npm run lint:deps:baseline`): each is
// work in progress, and the baseline must only shrink.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'core-imports-core-only',
      comment: 'src/core is pure: it may import only core, version.ts, zod and fastest-levenshtein',
      severity: 'error',
      from: { path: '^src/core/', pathNot: '^src/core/import/' },
      to: {
        pathNot: ['^src/core/', '^src/version\\.ts$', '^node_modules/(zod|fastest-levenshtein)/'],
      },
    },
    {
      name: 'core-import-pure-parsers-only',
      comment:
        "src/core/import maps statistics offices' files from text already read: besides what core may import, only " +
        "pure parsers of their formats (jsonc-parser for the JSON's positions, the JSON-stat toolkit on a parsed object, csv-parse's sync API)",
      severity: 'error',
      from: { path: '^src/core/import/' },
      to: {
        pathNot: ['^src/core/', '^src/version\\.ts$', '^node_modules/(zod|fastest-levenshtein|jsonc-parser|jsonstat-toolkit|csv-parse)/'],
      },
    },
    {
      name: 'core-no-node-builtins',
      comment: 'src/core does no IO and never touches the process: no Node built-in modules',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'io-not-above',
      comment: 'src/io reads and writes files for the layers above; it imports only core',
      severity: 'error',
      from: { path: '^src/io/' },
      to: { path: '^src/(report|parallel|app|cli)/' },
    },
    {
      name: 'report-not-above',
      comment: 'src/report renders results: it imports only core',
      severity: 'error',
      from: { path: '^src/report/' },
      to: { path: '^src/(io|parallel|app|cli)/' },
    },
    {
      name: 'parallel-not-above',
      comment: 'src/parallel runs work in worker threads: core and io only',
      severity: 'error',
      from: { path: '^src/parallel/' },
      to: { path: '^src/(report|app|cli)/' },
    },
    {
      name: 'app-not-cli',
      comment: 'src/app is what the CLI and the library call: it never imports the CLI',
      severity: 'error',
      from: { path: '^src/app/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'cli-app-and-report-only',
      comment: 'src/cli is commander wiring over the app layer: it imports app and report only',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/(core|io|parallel)/' },
    },
    {
      name: 'no-circular',
      comment: 'a cycle makes two modules one: split the shared part out',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-orphans',
      comment: 'a module nothing imports is dead code, or an entry point listed here',
      severity: 'error',
      from: {
        orphan: true,
        pathNot: [
          '^src/index\\.ts$', // the library entry (package.json "exports")
          '^src/cli/main\\.ts$', // the CLI entry (bin/servicegap.js, the bundle)
          '^src/parallel/(worker|parse-worker)\\.ts$', // worker thread scripts, started by URL
          '\\.d\\.ts$',
        ],
      },
      to: {},
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: 'not-to-undeclared-dependency',
      comment: 'shipped code may use only packages package.json declares',
      severity: 'error',
      from: { path: '^src/' },
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'dev-dependency-only-if-bundled',
      comment:
        'the package ships bundles (scripts/bundle-cli.mjs): a package they contain is a devDependency, and only those ' +
        '(and the "dependencies", which the bundles import) may be used by src/, never a test or build tool',
      severity: 'error',
      from: { path: '^src/' },
      to: {
        dependencyTypes: ['npm-dev'],
        pathNot: [
          '^node_modules/(chalk|commander|cli-table3|csv-parse|d3-geo|d3-scale|d3-shape|fastest-levenshtein|hyparquet|hyparquet-compressors|hyparquet-writer|iconv-lite|jsonc-parser|jsonstat-toolkit|topojson-client|topojson-server|topojson-simplify)/',
          // GeoJSON's types: erased by the compiler, named by no shipped declaration (the map's
          // TopoJSON types are, so @types/topojson-specification, which brings these, is a dependency)
          '^node_modules/@types/geojson/',
        ],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.build.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
