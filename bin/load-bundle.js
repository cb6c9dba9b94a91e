// Runs the CLI bundle (dist/bundle/cli.cjs) as require() would, but compiled with V8's code cache
// for it: V8 then takes the compiled functions from the cache instead of compiling about 1 MB of
// JavaScript again on every start (Node 20 has no compile cache for modules; Node 22's
// module.enableCompileCache came later and works the same way). The cache is not shipped (it
// would take a third of issue 15's 1 MB tarball): the first run on a machine writes it to the
// user's cache folder (codeCacheFile), atomically, when the process ends; later runs read it. A
// cache V8 rejects (another build, another Node) is written again. A cache folder that cannot
// be written only means compiling as usual: never an error, never a message.
import { accessSync, constants, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

/**
 * Where this version's code cache lives: $SERVICEGAP_CACHE_DIR, else $XDG_CACHE_HOME/servicegap
 * (%LOCALAPPDATA%\servicegap on Windows), else ~/.cache/servicegap; undefined when
 * SERVICEGAP_CODE_CACHE=off or no folder can be named.
 */
export function codeCacheFile(version, env = process.env) {
  if (env.SERVICEGAP_CODE_CACHE === 'off') return undefined;
  let dir = env.SERVICEGAP_CACHE_DIR;
  if (!dir) {
    const base = env.XDG_CACHE_HOME || (process.platform === 'win32' ? env.LOCALAPPDATA : undefined) || homeCache();
    if (!base) return undefined;
    dir = join(base, 'servicegap');
  }
  // One file per version, Node and architecture: V8 also checks the source and its own flags.
  return join(dir, `cli-${version}-node${process.versions.node}-${process.arch}.cache`);
}

function homeCache() {
  try {
    const home = homedir();
    return home ? join(home, '.cache') : undefined;
  } catch {
    return undefined;
  }
}

/** The bundle's exports, and whether V8 took the code cache (`cacheFile`, see codeCacheFile). */
export function loadBundle(file, { cacheFile } = {}) {
  let cachedData;
  if (cacheFile !== undefined) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  // The same wrapper require() puts around a CommonJS file.
  const source = `(function (exports, require, module, __filename, __dirname) { ${readFileSync(file, 'utf8')}\n})`;
  const script = new Script(source, { filename: file, cachedData });
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  if (cacheFile !== undefined && !cacheUsed) {
    // At the end, so that the cache holds what this run compiled (a typical command), not only the top level.
    process.once('exit', () => writeCache(cacheFile, script));
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, cacheUsed };
}

function writeCache(cacheFile, script) {
  // Written beside and renamed: a run that reads it meanwhile sees the old file or the new one, never half.
  const partial = `${cacheFile}.${process.pid}.partial`;
  try {
    mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
    // A folder that exists but cannot be written: stop before serialising the cache (about 1 MB).
    accessSync(dirname(cacheFile), constants.W_OK);
    writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
    renameSync(partial, cacheFile);
  } catch {
    try {
      rmSync(partial, { force: true });
    } catch {
      // Nothing to clean up.
    }
  }
}
