// The public API is a visible diff: api/servicegap.api.md (written by api-extractor from the
// built dist/index.d.ts) must match the package's surface. A change of surface fails here until
// `npm run api` rewrites the report and the change is committed with it.
import { join } from 'node:path';
import { Extractor, ExtractorConfig, type ExtractorMessage } from '@microsoft/api-extractor';
import { expect, it } from 'vitest';
import { ROOT } from './e2e/run-cli.js';

it('api/servicegap.api.md is the API of dist/index.d.ts (update it with npm run api)', () => {
  const config = ExtractorConfig.loadFileAndPrepare(join(ROOT, 'api-extractor.json'));
  const messages: string[] = [];
  const result = Extractor.invoke(config, {
    localBuild: false,
    messageCallback: (message: ExtractorMessage) => {
      if (message.logLevel === 'error' || message.logLevel === 'warning') messages.push(message.formatMessageWithLocation(ROOT));
      message.handled = true;
    },
  });
  expect(messages, 'api-extractor warnings').toEqual([]);
  expect(result.apiReportChanged, 'the public API changed: run `npm run api` and commit api/servicegap.api.md').toBe(false);
  expect(result.succeeded).toBe(true);
});
