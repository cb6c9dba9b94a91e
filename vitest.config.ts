import { availableParallelism } from 'node:os';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Test files that replace modules (vi.mock): they need a fresh module graph of their own.
const ISOLATED = ['test/app/parallel-reading.test.ts', 'test/io/hash-as-read.test.ts', 'test/report/warning-bytes-wiring.test.ts'];

// Where vitest has no durations from an earlier run (a fresh clone, as in CI), it starts the
// largest files first; the slowest files here are small end-to-end ones that spawn processes, and
// started last they leave one core idle at the end. So without durations the end-to-end folder
// goes first, then the rest by size; with durations, vitest's own order (slowest first) is kept.
class EndToEndFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const known = (file: TestSpecification) =>
      this.ctx.cache.getFileTestResults(`${file.project.name}:${relative(this.ctx.config.root, file.moduleId)}`) !== undefined;
    if (sorted.every(known)) return sorted;
    const endToEnd = (file: TestSpecification) => file.moduleId.includes('/test/e2e/');
    return [...sorted.filter(endToEnd), ...sorted.filter((file) => !endToEnd(file))];
  }
}

export default defineConfig({
  test: {
    // End-to-end tests spawn the built CLI; give them room on a 2-core machine.
    testTimeout: 30_000,
    // A test file on every core. vitest's default in a run is one worker fewer than the cores,
    // which on the two-core machines this project is tested on is one worker: the suite took
    // 129 s of vitest (202 files) where two workers take 97 s (2026-12-02, the same machine).
    maxWorkers: availableParallelism(),
    // A private temp folder for the run, removed when it ends (test/global-setup.ts).
    globalSetup: ['test/global-setup.ts'],
    // Two year series are equal when their figures are (test/series-equality.ts).
    setupFiles: ['test/series-equality.ts'],
    sequence: { sequencer: EndToEndFirst },
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
