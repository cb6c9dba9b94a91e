// Mutation testing of the pure core (`npm run mutate`; not part of `npm test`: a full run takes
// long). Stryker changes one thing in src/core at a time (an operator, a condition, a constant, a
// string) and runs the in-process tests that cover it (vitest.mutation.config.ts); a mutant no test
// notices is a rule no test pins. Reports: reports/mutation/ (HTML, JSON); the score and the
// survivors judged equivalent are recorded in README's Development section.
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/core/**/*.ts',
    // Tables of data, not rules: each built-in local name with its language and source, and the
    // citations. A mutant there changes one name or one citation string; what the tests check is
    // the tables' rules (one category per name, loose matches, every source cited: taxonomy.test.ts),
    // not every entry, which only a copy of the table could pin.
    '!src/core/aliases-*.ts',
    '!src/core/alias-sources.ts',
  ],
  ignorePatterns: ['dist', 'bench', 'coverage', 'test/artifacts', 'reports'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
  // Static mutants (a change to a module-level constant, evaluated once at import) cannot be
  // traced to the tests that cover them, so Stryker would run the whole in-process suite (three
  // minutes) for each: about 500 of them here, days on two cores. They are left out of the score
  // and reported as "Ignored"; the constants they change (norms, weights, tables) are pinned by
  // their own tests (norms, weights and taxonomy tests, the SPEC worked examples).
  ignoreStatic: true,
  thresholds: { high: 90, low: 80, break: null },
};
