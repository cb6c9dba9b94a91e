// Runs the CLI bundle (dist/bundle/cli.cjs) as require() would, but compiled with the V8 code
// cache beside it (dist/bundle/cli.cache.br, brotli-compressed, written by scripts/bundle-cli.mjs): V8 then takes the
// compiled functions from the cache instead of compiling them again on every start (Node 20 has
// no module compile cache of its own). A cache V8 rejects (another Node version, other V8 flags)
// only means compiling as usual.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { brotliDecompressSync } from 'node:zlib';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/**
 * The bundle's exports, and whether V8 took its code cache. `writeCache`: write the cache of this
 * run to that file when the process ends (the build does, after one typical command).
 */
export function loadBundle(file, { writeCache } = {}) {
  let cachedData;
  try {
    cachedData = brotliDecompressSync(readFileSync(file.replace(/\.cjs$/, '.cache.br')));
  } catch {
    cachedData = undefined;
  }
  // The same wrapper require() puts around a CommonJS file.
  const source = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(file, 'utf8')}\n})`;
  const script = new Script(source, { filename: file, cachedData });
  if (writeCache) {
    process.once('exit', (code) => {
      try {
        writeFileSync(writeCache, script.createCachedData());
      } catch (error) {
        // One line, no stack trace: a cache that cannot be written is a file that cannot be written (exit 4).
        process.stderr.write(`servicegap: cannot write the code cache ${writeCache}: ${error.code === 'ENOENT' ? 'no such folder' : error.message}\n`);
        if (code === 0) process.exitCode = 4;
      }
    });
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}
