// The package's types as one file, dist/servicegap.d.ts, rolled up by api-extractor from the
// compiled declarations: the tarball ships that file instead of one declaration per module
// (about 100 kB less, compressed, toward issue 15's 1 MB). The API report is left to `npm run api`
// and test/api-report.test.ts; here only the rollup is written.
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const configFile = 'api-extractor.json';
const configObject = ExtractorConfig.loadFile(configFile);
configObject.apiReport = { ...configObject.apiReport, enabled: false };
configObject.dtsRollup = { enabled: true, untrimmedFilePath: '<projectFolder>/dist/servicegap.d.ts' };
const config = ExtractorConfig.prepare({ configObject, configObjectFullPath: `${process.cwd()}/${configFile}`, packageJsonFullPath: `${process.cwd()}/package.json` });
const problems = [];
const result = Extractor.invoke(config, {
  localBuild: true,
  messageCallback: (message) => {
    if (message.logLevel === 'error' || message.logLevel === 'warning') problems.push(message.formatMessageWithLocation(process.cwd()));
    message.handled = true;
  },
});
if (!result.succeeded || problems.length > 0) {
  process.stderr.write(`rollup-types: api-extractor failed\n${problems.join('\n')}\n`);
  process.exit(1);
}
process.stdout.write('wrote dist/servicegap.d.ts\n');
