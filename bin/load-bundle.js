// Runs the CLI bundle (dist/bundle/cli.cjs) as require() would, but compiled with V8's code cache
// for it: V8 then takes the compiled functions from the cache instead of compiling about 1 MB of
// JavaScript again on every start (Node 20 has no compile cache for modules; Node 22's
// module.enableCompileCache came later and works the same way). The cache is not shipped (it
// would take a third of issue 15's 1 MB tarball): the first run on a machine writes it to the
// user's cache folder (codeCacheFile), atomically, when the process ends; later runs read it. A
// cache V8 rejects (another build, another Node) is written again. The cache holds what the runs
// that wrote it compiled, and a command loads only its own modules: a run of a kind the cache has
// not seen yet (runKind: the command and its --format) writes it again when it ends, with what it
// took from the cache and what it compiled itself, so the cache grows to cover the commands a user
// runs; a sidecar file lists the kinds it covers. Each build has its own cache, so a folder would
// gain one file of about 1 MB per upgrade (or per build, for a developer): writing a cache removes
// all but the few most recently written others (pruneCaches). A cache folder that cannot be
// written only means compiling as usual: never an error, never a message.
'use strict';
const { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { homedir } = require('node:os');
const { dirname, join } = require('node:path');
const { StringDecoder } = require('node:string_decoder');
const { Script } = require('node:vm');

/**
 * Where this version's code cache lives: $SERVICEGAP_CACHE_DIR, else $XDG_CACHE_HOME/servicegap
 * (%LOCALAPPDATA%\servicegap on Windows), else ~/.cache/servicegap; undefined when
 * SERVICEGAP_CODE_CACHE=off or no folder can be named.
 */
function codeCacheFile(version, env = process.env, bundleId = undefined) {
  if (env.SERVICEGAP_CODE_CACHE === 'off') return undefined;
  let dir = env.SERVICEGAP_CACHE_DIR;
  if (!dir) {
    const base = env.XDG_CACHE_HOME || (process.platform === 'win32' ? env.LOCALAPPDATA : undefined) || homeCache();
    if (!base) return undefined;
    dir = join(base, 'servicegap');
  }
  // One file per build, Node and architecture. V8 checks its own flags and the source's *length*
  // only, so a rebuilt bundle of the same length (same version, one string edited) would take the
  // old build's compiled code: the build's content id (readBundleId) is in the name.
  const build = bundleId === undefined ? version : `${version}-${bundleId}`;
  return join(dir, `cli-${build}-node${process.versions.node}-${process.arch}.cache`);
}

/** The content id the build wrote beside the bundle (scripts/bundle-cli.mjs: `cli.id`), or undefined. */
function readBundleId(bundle) {
  try {
    const id = readFileSync(join(dirname(bundle), 'cli.id'), 'utf8').trim();
    return /^[0-9a-f]{16}$/.test(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

function homeCache() {
  try {
    const home = homedir();
    return home ? join(home, '.cache') : undefined;
  } catch {
    return undefined;
  }
}

/** Kinds of run a cache records at most (an odd --format value is a kind too): past them it is not rewritten. */
const MAX_KINDS = 32;

/** The kind of run `args` make, for the code cache: the command and the --format asked for ("report json"). */
function runKind(args) {
  const command = args[0] !== undefined && !args[0].startsWith('-') ? args[0] : '';
  const at = args.findIndex((a) => a === '--format' || a.startsWith('--format='));
  const format = at < 0 ? '' : args[at] === '--format' ? (args[at + 1] ?? '') : args[at].slice('--format='.length);
  return format === '' ? command : `${command} ${format}`;
}

/** The kinds of run the cache file covers (its sidecar file), or none. */
function coveredKinds(cacheFile) {
  try {
    const kinds = JSON.parse(readFileSync(`${cacheFile}.kinds`, 'utf8'));
    return Array.isArray(kinds) ? kinds.filter((k) => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The bundle's exports, and whether V8 took the code cache (`cacheFile`, see codeCacheFile);
 * `kind`: the kind of run (runKind), which the cache is rewritten to cover when it does not yet.
 */
function loadBundle(file, { cacheFile, kind } = {}) {
  let cachedData;
  if (cacheFile !== undefined) {
    try {
      cachedData = readFileSync(cacheFile);
    } catch {
      cachedData = undefined;
    }
  }
  // The same wrapper require() puts around a CommonJS file.
  const source = `(function (exports, require, module, __filename, __dirname) { ${readInBlocks(file)}\n})`;
  // Never freed (see readInBlocks): a cache of about 1 MB, given back to glibc, would raise its mmap
  // threshold to that size for the rest of the run.
  retained.push(cachedData);
  const script = new Script(source, { filename: file, cachedData });
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  if (cacheFile !== undefined) {
    const covered = cacheUsed ? coveredKinds(cacheFile) : [];
    const kinds = kind === undefined || covered.includes(kind) ? covered : [...covered, kind];
    // At the end, so that the cache holds what this run compiled (a typical command), not only
    // the top level; a cache that was taken, only when this kind of run is new to it.
    if (!cacheUsed || (kinds.length > covered.length && kinds.length <= MAX_KINDS)) {
      process.once('exit', () => writeCache(cacheFile, script, kinds, cacheUsed ? cachedData.length : 0));
    }
  }
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, cacheUsed };
}

/** The code cache this run took, kept to the end (loadBundle). */
const retained = [];

/**
 * A file's text (UTF-8), read 64 KiB at a time, below glibc's mmap threshold (128 KiB). glibc gives
 * a block of 128 KiB or more a mapping of its own, returned to the system when freed — and the
 * first time such a block is freed it raises that threshold to the block's size, and the free
 * memory it keeps at its heaps' top to twice that, for the rest of the process.
 * `readFileSync(bundle, 'utf8')` freed 2 MB of growing strings before any of the CLI ran, so every
 * later buffer under 2 MB — a large file's pieces and rows, the output's buffers — came from glibc's
 * heaps, which kept what was freed (docs/performance.md, twentieth session). The blocks' texts are
 * joined once: added one to another (a text of 16 parts) they took 6–8 ms more of every start;
 * the whole file read into one buffer kept to the end took about 10 MB more at a report's peak
 * (both measured, neither explained).
 */
function readInBlocks(file) {
  const fd = openSync(file, 'r');
  const buffer = Buffer.allocUnsafeSlow(64 << 10);
  const decoder = new StringDecoder('utf8');
  const parts = [];
  try {
    for (let n = readSync(fd, buffer, 0, buffer.length, null); n > 0; n = readSync(fd, buffer, 0, buffer.length, null)) parts.push(decoder.write(buffer.subarray(0, n)));
  } finally {
    closeSync(fd);
  }
  parts.push(decoder.end());
  return parts.join('');
}

/**
 * Write the cache of `script` and the kinds it covers; `taken`: the size of the cache this run
 * took (0: none). V8 drops the bytecode of functions a long run has not called for a while
 * (bytecode flushing), and the cache holds only the functions that still have theirs: a cache
 * written at the end of a 17-second workbook had lost the start-up's functions (1.46 → 0.73 MB),
 * and every later start compiled them again (report 125 → 158 ms). A cache smaller than the one
 * taken is not written, nor is the new kind listed: a later, shorter run of it adds it.
 */
function writeCache(cacheFile, script, kinds, taken) {
  // Written beside and renamed: a run that reads it meanwhile sees the old file or the new one,
  // never half. The kinds after the cache: if two runs race, a list that names a kind the cache
  // lacks only means that kind compiles some functions itself, as without a cache.
  const partial = `${cacheFile}.${process.pid}.partial`;
  try {
    mkdirSync(dirname(cacheFile), { recursive: true, mode: 0o700 });
    // A folder that exists but cannot be written: stop before serialising the cache (about 1 MB).
    accessSync(dirname(cacheFile), constants.W_OK);
    const data = script.createCachedData();
    if (data.length < taken) return;
    writeFileSync(partial, data, { mode: 0o600 });
    renameSync(partial, cacheFile);
    writeFileSync(partial, JSON.stringify(kinds), { mode: 0o600 });
    renameSync(partial, `${cacheFile}.kinds`);
    pruneCaches(cacheFile);
  } catch {
    try {
      rmSync(partial, { force: true });
    } catch {
      // Nothing to clean up.
    }
  }
}

/** Caches of other builds kept beside the one being written (the most recently written ones). */
const KEEP_OTHER_CACHES = 3;
/** A partial file this old is left from a run that stopped while writing: no run writes that long. */
const STALE_PARTIAL_MS = 60 * 60 * 1000;

/**
 * Remove the caches of other builds (other versions, Node versions or builds: every file named
 * like a cache in the folder) except the KEEP_OTHER_CACHES most recently written, each with its
 * list of kinds, and partial files left by runs that stopped while writing. Only when a cache is
 * written (a new build, or a kind of run new to it), never on a run that takes its cache. Two or
 * three versions used side by side keep their caches; past that, one that is used again writes
 * its cache again (one run compiles as without a cache). Nothing else in the folder is touched,
 * and a file that cannot be removed is left.
 */
function pruneCaches(cacheFile) {
  const dir = dirname(cacheFile);
  const own = cacheFile.slice(dir.length + 1);
  const others = [];
  const now = Date.now();
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    try {
      if (/^cli-.+\.cache\.\d+\.partial$/.test(name)) {
        if (now - statSync(path).mtimeMs > STALE_PARTIAL_MS) rmSync(path, { force: true });
      } else if (/^cli-.+\.cache$/.test(name) && name !== own) others.push({ path, written: statSync(path).mtimeMs });
      else if (/^cli-.+\.cache\.kinds$/.test(name) && !existsSync(path.slice(0, -'.kinds'.length))) rmSync(path, { force: true });
    } catch {
      // Gone meanwhile (another run pruned it), or not ours to remove.
    }
  }
  others.sort((a, b) => b.written - a.written);
  for (const { path } of others.slice(KEEP_OTHER_CACHES)) {
    try {
      rmSync(path, { force: true });
      rmSync(`${path}.kinds`, { force: true });
    } catch {
      // Left as it is.
    }
  }
}

module.exports = { codeCacheFile, readBundleId, runKind, loadBundle, readInBlocks, writeCache, KEEP_OTHER_CACHES, pruneCaches };
