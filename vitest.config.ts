import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests spawn the built CLI; give them room on a 2-core machine.
    testTimeout: 30_000,
    // The CLIs the tests start keep their V8 code cache here, not in the user's cache folder.
    env: { SERVICEGAP_CACHE_DIR: fileURLToPath(new URL('test/artifacts/code-cache', import.meta.url)) },
  },
});
