// The tests Stryker runs against each mutant of src/core (`npm run mutate`, stryker.config.mjs):
// the unit tests of the core and the SPEC worked examples, all in-process. The end-to-end tests
// run the built bundle in dist/, which a mutant of src/ never reaches, so they are left out.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/core/**/*.test.ts', 'test/worked-examples.test.ts'],
    testTimeout: 30_000,
  },
});
