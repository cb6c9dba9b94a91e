#!/usr/bin/env node
// Launcher. `npm run build` compiles the CLI to dist/cli/ and bundles it into one file,
// dist/bundle/cli.cjs (scripts/bundle-cli.mjs), run by bin/load-bundle.js with V8's code cache
// from the user's cache folder, which starts faster; the compiled files are used if there is no
// bundle.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // What commander prints for --version, without loading the CLI (CI jobs ask often).
  const { VERSION } = await import('../dist/version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  const bundle = fileURLToPath(new URL('../dist/bundle/cli.cjs', import.meta.url));
  let run;
  if (existsSync(bundle)) {
    const [{ loadBundle, codeCacheFile, readBundleId, runKind }, { VERSION }] = await Promise.all([import('./load-bundle.js'), import('../dist/version.js')]);
    ({ run } = loadBundle(bundle, { cacheFile: codeCacheFile(VERSION, process.env, readBundleId(bundle)), kind: runKind(args) }).exports);
  } else ({ run } = await import('../dist/cli/main.js'));
  await run();
}
