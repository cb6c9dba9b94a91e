import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

// Test files that replace modules (vi.mock): they need a fresh module graph of their own.
const ISOLATED = ['test/app/parallel-reading.test.ts'];

export default defineConfig({
  test: {
    // End-to-end tests spawn the built CLI; give them room on a 2-core machine.
    testTimeout: 30_000,
    // The CLIs the tests start keep their V8 code cache here, not in the user's cache folder.
    env: { SERVICEGAP_CACHE_DIR: fileURLToPath(new URL('test/artifacts/code-cache', import.meta.url)) },
    projects: [
      // Every other file shares its worker's module graph (threads, no isolation): the modules
      // are loaded once per worker instead of once per file, which on two cores takes about a
      // quarter off the run. The tests hold no state in modules between files.
      { extends: true, test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, ...ISOLATED], pool: 'threads', isolate: false } },
      { extends: true, test: { name: 'isolated', include: ISOLATED } },
    ],
  },
});
