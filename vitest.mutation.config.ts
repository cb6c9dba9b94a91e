// The tests Stryker runs against each mutant of src/core (`npm run mutate`, stryker.config.mjs):
// every test that runs the source in-process (core, io, import, report, app, property, reference,
// the SPEC worked examples and the default data's goldens). The end-to-end tests and the parallel
// reader's tests run the built bundle in dist/, which a mutant of src/ never reaches, so they are
// left out.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'test/{core,io,import,report,app,property,reference}/**/*.test.ts',
      'test/worked-examples.test.ts',
      'test/default-data.test.ts',
    ],
    // renderers.test.ts: the registry's lazy import() of each renderer does not resolve inside
    // Stryker's sandbox ("Cannot find module '/src/report/coverage/table.js'"); the renderers are
    // report/, not core, and the other report tests still run
    exclude: ['test/app/parallel-reading.test.ts', 'test/report/renderers.test.ts'],
    testTimeout: 30_000,
    // A private temp folder for the run, removed when it ends (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
  },
});
