// The public API is a visible diff: api/servicegap.api.md must be the API report of the package's
// surface. A change of surface fails here until `npm run api` rewrites the report and the change
// is committed with it. The build writes this build's report, dist/servicegap.api.md, in the
// api-extractor pass that rolls up dist/servicegap.d.ts (scripts/rollup-types.mjs; that pass also
// fails the build on any api-extractor warning): the analysis is not run a second time here.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from './e2e/run-cli.js';

it('api/servicegap.api.md is the API of dist/index.d.ts (update it with npm run api)', () => {
  const built = join(ROOT, 'dist/servicegap.api.md');
  // The report of the declarations the build compiled last, not of an earlier build's (tsc
  // rewrites dist/index.d.ts on every build, and the rollup runs after it).
  expect(statSync(built).mtimeMs, 'dist/servicegap.api.md is older than dist/index.d.ts: run npm run build').toBeGreaterThanOrEqual(statSync(join(ROOT, 'dist/index.d.ts')).mtimeMs);
  const report = readFileSync(built, 'utf8').replace(/\r\n/g, '\n');
  const committed = readFileSync(join(ROOT, 'api/servicegap.api.md'), 'utf8').replace(/\r\n/g, '\n');
  // Equal as api-extractor compares reports (runs of white space as one space: `npm run api`
  // leaves a file that differs only so as it is); when they differ, the lines are compared, for a
  // readable diff.
  const collapsed = (text: string) => text.replace(/\s+/g, ' ');
  const same = collapsed(report) === collapsed(committed);
  expect(same ? committed : report, 'the public API changed: run `npm run api` and commit api/servicegap.api.md').toBe(committed);
});
