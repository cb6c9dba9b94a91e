// The package's types as one file, dist/servicegap.d.ts, rolled up by api-extractor from the
// compiled declarations: the tarball ships that file instead of one declaration per module
// (about 100 kB less, compressed, toward issue 15's 1 MB). The same pass writes the API report of
// this build to dist/servicegap.api.md, never to api/: test/api-report.test.ts holds it to the
// committed api/servicegap.api.md, and `npm run api` updates that file. The report comes from the
// analysis the rollup needs anyway, so the test does not run api-extractor a second time.
import { copyFileSync } from 'node:fs';
import { ConsoleMessageId, Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const configFile = 'api-extractor.json';
const configObject = ExtractorConfig.loadFile(configFile);
configObject.apiReport = { ...configObject.apiReport, enabled: true, reportTempFolder: '<projectFolder>/dist/' };
configObject.dtsRollup = { enabled: true, untrimmedFilePath: '<projectFolder>/dist/servicegap.d.ts' };
const config = ExtractorConfig.prepare({ configObject, configObjectFullPath: `${process.cwd()}/${configFile}`, packageJsonFullPath: `${process.cwd()}/package.json` });
const problems = [];
const result = Extractor.invoke(config, {
  localBuild: false,
  messageCallback: (message) => {
    // A report that differs from api/servicegap.api.md is the test's to fail, not the build's:
    // `npm run api` builds first, then updates the committed report.
    if (message.messageId === ConsoleMessageId.ApiReportNotCopied) message.logLevel = 'none';
    if (message.logLevel === 'error' || message.logLevel === 'warning') problems.push(message.formatMessageWithLocation(process.cwd()));
    message.handled = true;
  },
});
if (!result.succeeded || problems.length > 0) {
  process.stderr.write(`rollup-types: api-extractor failed\n${problems.join('\n')}\n`);
  process.exit(1);
}
// The same declarations for require('servicegap') (package.json exports' "require" condition): a
// .d.cts is read as a CommonJS module's, so `import sg = require('servicegap')` type-checks under
// "module": "node16" too, where one .d.ts beside an ES module entry is taken as an ES module's.
copyFileSync('dist/servicegap.d.ts', 'dist/servicegap.d.cts');
process.stdout.write('wrote dist/servicegap.d.ts and dist/servicegap.d.cts\n');
