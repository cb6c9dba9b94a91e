// The CLI bundle (scripts/bundle-cli.mjs) and its V8 code cache (bin/load-bundle.js): written on
// the first run, taken by the next, never in the way; and the bundle does what the unbundled CLI does.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from './run-cli.js';

const BUNDLE = join(ROOT, 'dist/bundle/cli.cjs');

/** Run commands through the unbundled build (dist/cli/main.js), for comparison: its `main`, as the
 * in-process runCli runs the bundle's, all in one process (the unbundled build loads a few hundred
 * modules, so a process each cost more than the commands). */
function unbundled(argsList: readonly (readonly string[])[]): { code: number; stdout: string; stderr: string }[] {
  const script = `
    const { main } = await import(${JSON.stringify(join(ROOT, 'dist/cli/main.js'))});
    const { Readable, Writable } = await import('node:stream');
    const env = { ...process.env };
    delete env.FORCE_COLOR;
    delete env.NO_COLOR;
    const results = [];
    for (const args of ${JSON.stringify(argsList)}) {
      const out = [];
      const err = [];
      const collect = (chunks) => new Writable({ write(chunk, encoding, done) { chunks.push(Buffer.from(chunk, encoding)); done(); } });
      const code = await main(args, { stdout: collect(out), stderr: collect(err), stdin: Readable.from([]), env, cwd: process.cwd() });
      results.push({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
    }
    process.stdout.write(JSON.stringify(results));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`the unbundled CLI failed (exit ${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout) as { code: number; stdout: string; stderr: string }[];
}

describe('the CLI bundle', () => {
  it('writes its code cache on the first run and takes it on the next', () => {
    expect(existsSync(BUNDLE)).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'sg-cache-'));
    try {
      // In a fresh process, as the launcher does it (loading runs nothing: run() is not called).
      const probe = `const { loadBundle, codeCacheFile } = await import(${JSON.stringify(join(ROOT, 'bin/load-bundle.js'))}); const { exports, cacheUsed } = loadBundle(${JSON.stringify(BUNDLE)}, { cacheFile: codeCacheFile('test') }); console.log(JSON.stringify({ cacheUsed, run: typeof exports.run }));`;
      const load = () => spawnSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, SERVICEGAP_CACHE_DIR: dir } });
      const first = load();
      expect(first.stderr).toBe('');
      expect(JSON.parse(first.stdout)).toEqual({ cacheUsed: false, run: 'function' });
      // One file, named by version, Node and architecture, and the list of the kinds of run it
      // covers (none named here); no partial file left behind.
      const name = `cli-test-node${process.versions.node}-${process.arch}.cache`;
      expect(readdirSync(dir).sort()).toEqual([name, `${name}.kinds`]);
      const second = load();
      expect(JSON.parse(second.stdout)).toEqual({ cacheUsed: true, run: 'function' });
      // A cache V8 rejects (here: garbage) is compiled past and written again.
      const file = join(dir, name);
      writeFileSync(file, 'not a code cache');
      expect(JSON.parse(load().stdout)).toEqual({ cacheUsed: false, run: 'function' });
      expect(JSON.parse(load().stdout)).toEqual({ cacheUsed: true, run: 'function' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is named by the build's content, not only its version: V8 checks a cache against the source's length alone", async () => {
    const { codeCacheFile, readBundleId } = (await import(join(ROOT, 'bin/load-bundle.js'))) as {
      codeCacheFile: (version: string, env: Record<string, string>, id?: string) => string;
      readBundleId: (bundle: string) => string | undefined;
    };
    // The build wrote the first 16 hex digits of the bundle's SHA-256 beside it.
    const id = readBundleId(BUNDLE);
    expect(id).toBe(createHash('sha256').update(readFileSync(BUNDLE)).digest('hex').slice(0, 16));
    const env = { SERVICEGAP_CACHE_DIR: '/cache' };
    expect(codeCacheFile('1.0.0', env, id)).toBe(`/cache/cli-1.0.0-${id}-node${process.versions.node}-${process.arch}.cache`);
    // Two builds of one version (a string edited, the length the same) get two caches.
    expect(codeCacheFile('1.0.0', env, '0123456789abcdef')).not.toBe(codeCacheFile('1.0.0', env, 'fedcba9876543210'));
    // No id beside a bundle (a folder without the build's file): named by the version alone.
    expect(readBundleId(join(ROOT, 'bin/servicegap.js'))).toBeUndefined();
    expect(codeCacheFile('1.0.0', env)).toBe(`/cache/cli-1.0.0-node${process.versions.node}-${process.arch}.cache`);
  });

  it('a run of a kind the cache has not seen rewrites it, with what it took from the cache; the same kind again does not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-cache-'));
    try {
      const env = { ...process.env, SERVICEGAP_CACHE_DIR: dir };
      const cli = (args: string[]) => spawnSync(process.execPath, [join(ROOT, 'bin/servicegap.js'), ...args], { cwd: ROOT, encoding: 'utf8', env });
      const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
      const id = readFileSync(join(ROOT, 'dist/bundle/cli.id'), 'utf8');
      const name = `cli-${version}-${id}-node${process.versions.node}-${process.arch}.cache`;
      const cache = join(dir, name);
      const kinds = () => JSON.parse(readFileSync(`${cache}.kinds`, 'utf8')) as string[];
      const json = cli(['report', '--format', 'json', '--quiet']);
      expect(json.status, json.stderr).toBe(0);
      expect(kinds()).toEqual(['report json']);
      const first = statSync(cache);
      // The same kind: the cache is taken and left as it is.
      expect(cli(['report', '--format=json', '--quiet']).stdout).toBe(json.stdout);
      expect(statSync(cache).mtimeMs).toBe(first.mtimeMs);
      expect(kinds()).toEqual(['report json']);
      // A new kind (the terminal table, then coverage): written again, covering both, and no smaller.
      const table = cli(['report', '--quiet']);
      expect(table.status, table.stderr).toBe(0);
      expect(kinds()).toEqual(['report json', 'report']);
      expect(cli(['coverage', '--quiet']).status).toBe(0);
      expect(kinds()).toEqual(['report json', 'report', 'coverage']);
      expect(statSync(cache).size).toBeGreaterThanOrEqual(first.size);
      // The grown cache is taken: the same output.
      expect(cli(['report', '--format', 'json', '--quiet']).stdout).toBe(json.stdout);
      expect(readdirSync(dir).sort()).toEqual([name, `${name}.kinds`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [[], ''],
    [['--help'], ''],
    [['report'], 'report'],
    [['report', '--format', 'csv', '--out', 'x.csv'], 'report csv'],
    [['coverage', '--format=html'], 'coverage html'],
    [['trend', '--format'], 'trend'],
  ])('the kind of run of %j is %j', async (args, kind) => {
    const { runKind } = (await import(join(ROOT, 'bin/load-bundle.js'))) as { runKind: (args: string[]) => string };
    expect(runKind(args)).toBe(kind);
  });

  it('reads the bundle a block at a time, as readFileSync reads it whole, characters of several bytes across blocks included', async () => {
    // Blocks of 64 KiB (below glibc's mmap threshold, bin/load-bundle.js readInBlocks): "ø" (2
    // bytes), "→" (3) and "𝄞" (4) placed over the first block's end at every offset.
    const { readInBlocks } = (await import(join(ROOT, 'bin/load-bundle.js'))) as { readInBlocks: (file: string) => string };
    const dir = mkdtempSync(join(tmpdir(), 'servicegap-blocks-'));
    try {
      for (const char of ['ø', '→', '𝄞']) {
        for (let before = 65_536 - 4; before <= 65_536; before++) {
          const file = join(dir, 'text.js');
          writeFileSync(file, `${'a'.repeat(before)}${char}${'b'.repeat(70_000)}${char}`);
          expect(readInBlocks(file)).toBe(readFileSync(file, 'utf8'));
        }
      }
      writeFileSync(join(dir, 'empty.js'), '');
      expect(readInBlocks(join(dir, 'empty.js'))).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a cache smaller than the one the run took is not written (a long run lost bytecode), nor its kind listed', async () => {
    const { writeCache } = (await import(join(ROOT, 'bin/load-bundle.js'))) as {
      writeCache: (file: string, script: { createCachedData(): Buffer }, kinds: string[], taken: number) => void;
    };
    const dir = mkdtempSync(join(tmpdir(), 'sg-cache-'));
    try {
      const file = join(dir, 'cli-test-node20.0.0-x64.cache');
      const script = (bytes: number) => ({ createCachedData: () => Buffer.alloc(bytes, 1) });
      // This run took a cache of 1,000 bytes and would write 600: the old cache and list stay.
      writeFileSync(file, Buffer.alloc(1000));
      writeFileSync(`${file}.kinds`, '["report json"]');
      writeCache(file, script(600), ['report json', 'trend xlsx'], 1000);
      expect(statSync(file).size).toBe(1000);
      expect(readFileSync(`${file}.kinds`, 'utf8')).toBe('["report json"]');
      // As large or larger: written, the new kind listed.
      writeCache(file, script(1200), ['report json', 'trend xlsx'], 1000);
      expect(statSync(file).size).toBe(1200);
      expect(JSON.parse(readFileSync(`${file}.kinds`, 'utf8'))).toEqual(['report json', 'trend xlsx']);
      // No cache taken (the first run, or one V8 refused): always written.
      writeCache(file, script(10), ['coverage'], 0);
      expect(statSync(file).size).toBe(10);
      expect(readdirSync(dir).sort()).toEqual(['cli-test-node20.0.0-x64.cache', 'cli-test-node20.0.0-x64.cache.kinds']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writing a cache removes the caches of other builds but the three most recently written, and what stopped runs left; nothing else', async () => {
    const { KEEP_OTHER_CACHES } = (await import(join(ROOT, 'bin/load-bundle.js'))) as { KEEP_OTHER_CACHES: number };
    expect(KEEP_OTHER_CACHES).toBe(3);
    const dir = mkdtempSync(join(tmpdir(), 'sg-cache-'));
    try {
      const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3600_000);
      const put = (name: string, written: Date) => {
        writeFileSync(join(dir, name), 'x');
        utimesSync(join(dir, name), written, written);
      };
      // Five caches of older builds (written 1 to 5 days ago), each with its list of kinds; the
      // list of a cache that is gone; a partial file two hours old (a run stopped while writing)
      // and one a minute old (a run writing now); files that are not servicegap's caches.
      for (let day = 1; day <= 5; day++) {
        put(`cli-0.0.${day}-node20.0.0-x64.cache`, hoursAgo(24 * day));
        put(`cli-0.0.${day}-node20.0.0-x64.cache.kinds`, hoursAgo(24 * day));
      }
      put('cli-0.0.9-node20.0.0-x64.cache.kinds', hoursAgo(1));
      put('cli-0.0.8-node20.0.0-x64.cache.123.partial', hoursAgo(2));
      put('cli-0.0.7-node20.0.0-x64.cache.456.partial', hoursAgo(1 / 60));
      put('notes.txt', hoursAgo(24 * 30));
      put('other.cache', hoursAgo(24 * 30));
      // A run with no cache of its own: it writes one when it ends, and prunes.
      const probe = `const { loadBundle } = await import(${JSON.stringify(join(ROOT, 'bin/load-bundle.js'))}); loadBundle(${JSON.stringify(BUNDLE)}, { cacheFile: ${JSON.stringify(join(dir, 'cli-test-node20.0.0-x64.cache'))} });`;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: ROOT, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(readdirSync(dir).sort()).toEqual(
        [
          'cli-test-node20.0.0-x64.cache',
          'cli-test-node20.0.0-x64.cache.kinds',
          // The three most recent of the five others, with their kinds; days 4 and 5 are gone.
          ...[1, 2, 3].flatMap((day) => [`cli-0.0.${day}-node20.0.0-x64.cache`, `cli-0.0.${day}-node20.0.0-x64.cache.kinds`]),
          'cli-0.0.7-node20.0.0-x64.cache.456.partial',
          'notes.txt',
          'other.cache',
        ].sort(),
      );
      // A run that takes its cache writes nothing and removes nothing.
      put('cli-0.0.6-node20.0.0-x64.cache', hoursAgo(24 * 6));
      const again = spawnSync(process.execPath, ['--input-type=module', '-e', probe], { cwd: ROOT, encoding: 'utf8' });
      expect(again.status, again.stderr).toBe(0);
      expect(existsSync(join(dir, 'cli-0.0.6-node20.0.0-x64.cache'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a cache folder that cannot be written, or SERVICEGAP_CODE_CACHE=off: the same output, nothing written, no message', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-cache-'));
    try {
      // A path below a regular file can never be created.
      const blocked = join(dir, 'a-file');
      writeFileSync(blocked, '');
      const expected = runCli(['report', '--format', 'json']);
      for (const env of [{ SERVICEGAP_CACHE_DIR: join(blocked, 'cache') }, { SERVICEGAP_CODE_CACHE: 'off', SERVICEGAP_CACHE_DIR: join(dir, 'off') }]) {
        const r = runCli(['report', '--format', 'json'], { env });
        expect(r.code, r.context).toBe(0);
        expect(r.stdout).toBe(expected.stdout);
        expect(r.stderr).toBe(expected.stderr);
      }
      expect(readdirSync(dir)).toEqual(['a-file']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the draws worker's script loads Node's own modules and its chunks only: no zod, no schemas (the general worker loads zod)", () => {
    /** The modules a bundled worker script imports, its chunks followed (esbuild's ES-module output). */
    const imports = (script: string, seen = new Set<string>()): Set<string> => {
      const text = readFileSync(join(ROOT, 'dist/bundle', script), 'utf8');
      for (const [, name] of text.matchAll(/(?:from|import)\s*["']([^"']+)["']/g)) {
        if (name!.startsWith('./')) {
          if (!seen.has(name!)) {
            seen.add(name!);
            imports(name!.slice(2), seen);
          }
        } else seen.add(name!);
      }
      return seen;
    };
    const draws = [...imports('draws-worker.js')];
    expect(draws.filter((name) => !name.startsWith('./') && !name.startsWith('node:'))).toEqual([]);
    expect(readFileSync(join(ROOT, 'dist/bundle/draws-worker.js'), 'utf8')).not.toMatch(/ZodObject|safeParse/);
    // The check finds a package where there is one.
    expect([...imports('worker.js')]).toContain('zod');
  });

  it("exports every name of the library (listed) and the CLI's run and main (lazy getters, not listed), for require() and for import", () => {
    const script = `
      const { createRequire } = await import('node:module');
      const library = Object.keys(await import(${JSON.stringify(join(ROOT, 'dist/index.js'))})).sort();
      const required = createRequire(import.meta.url)(${JSON.stringify(BUNDLE)});
      const imported = await import(${JSON.stringify(join(ROOT, 'dist/bundle/index.js'))});
      console.log(JSON.stringify({
        library,
        required: Object.keys(required).sort(),
        imported: Object.keys(imported).sort(),
        same: library.every((name) => imported[name] === required[name]),
        run: typeof required.run,
        main: typeof required.main,
      }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const { library, required, imported, same, run, main } = JSON.parse(r.stdout) as Record<string, unknown> & { library: string[] };
    expect(library).toContain('runReport');
    // require() lists what import lists (api/servicegap.api.md); the launcher and the tests read run and main by name.
    expect(required).toEqual(library);
    expect(imported).toEqual(library);
    expect(same).toBe(true);
    expect([run, main]).toEqual(['function', 'function']);
  });

  it('a real process reads "-" from standard input, a pipe or a file, though it opens it only then (cli/terminal.ts)', () => {
    const services = join(ROOT, 'fixtures/worked-stock/services.csv');
    const args = ['report', '--data', 'fixtures/worked-stock', '--format', 'csv', '--quiet'];
    const named = runCli([...args, '--services', services], { process: true });
    expect(named.code, named.context).toBe(0);
    const fromPipe = spawnSync(process.execPath, [join(ROOT, 'bin/servicegap.js'), ...args, '--services', '-'], { cwd: ROOT, encoding: 'utf8', input: readFileSync(services) });
    expect(fromPipe.stderr).toBe('');
    const fd = openSync(services, 'r');
    try {
      const fromFile = spawnSync(process.execPath, [join(ROOT, 'bin/servicegap.js'), ...args, '--services', '-'], { cwd: ROOT, encoding: 'utf8', stdio: [fd, 'pipe', 'pipe'] });
      expect(fromFile.stderr).toBe('');
      // The CSV report names no input file, so it is the same however the file came in.
      expect(fromFile.stdout).toBe(named.stdout);
    } finally {
      closeSync(fd);
    }
    expect(fromPipe.stdout).toBe(named.stdout);
  });

  it('zod compiles no parser at run time: the schemas made as the bundle loads are jitless too', () => {
    // zod's object parser, when not jitless, is made by `new Function(..., "return function
    // (payload, ctx) {…}")` on its first parse (zod/v4/core/doc.js); zod reads the setting when a
    // schema is made, so schemas made before the CLI set it kept compiling. Every Function made
    // while a report runs is counted by its body.
    const script = `
      let zod = 0;
      const Made = Function;
      globalThis.Function = new Proxy(Made, { construct(target, args) { if (/function \\(payload, ctx\\)/.test(String(args.at(-1)))) zod++; return Reflect.construct(target, args); } });
      const { loadBundle } = await import(${JSON.stringify(join(ROOT, 'bin/load-bundle.js'))});
      const { main } = loadBundle(${JSON.stringify(BUNDLE)}).exports;
      const { PassThrough, Readable } = await import('node:stream');
      const out = new PassThrough();
      let json = '';
      out.on('data', (c) => (json += c));
      const terminal = { stdout: out, stderr: new PassThrough().resume(), stdin: Readable.from(['']), env: {}, cwd: process.cwd() };
      const code = await main(['report', '--format', 'json'], terminal);
      console.log(JSON.stringify({ code, zod, regions: JSON.parse(json).regions.length }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    // The bundled data: the 21 health trusts ranked (data/README.md).
    expect(JSON.parse(r.stdout)).toEqual({ code: 0, zod: 0, regions: 21 });
  });

  it("the launcher is CommonJS: a run sets up no ES module loader for it (bin/servicegap.js: 4–13 ms of a start)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'sg-launcher-'));
    try {
      // Node's own modules loaded by the end of the run, as Node lists them.
      const probe = join(dir, 'probe.cjs');
      writeFileSync(probe, "process.on('exit', () => process.stderr.write('LOADED ' + JSON.stringify(process.moduleLoadList) + '\\n'));");
      const loaded = (args: readonly string[]): string[] => {
        const r = spawnSync(process.execPath, ['--require', probe, join(ROOT, 'bin/servicegap.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
        expect(r.status).toBe(0);
        return JSON.parse(/^LOADED (.*)$/m.exec(r.stderr)![1]!) as string[];
      };
      const version = loaded(['--version']);
      expect(version.length).toBeGreaterThan(20);
      expect(version).not.toContain('NativeModule internal/modules/esm/loader');
      // An ES module launcher (the one before) loads the loader and resolves its imports through it.
      const esm = join(dir, 'launcher.mjs');
      writeFileSync(esm, `await import(${JSON.stringify(join(ROOT, 'bin/load-bundle.js'))});`);
      const r = spawnSync(process.execPath, ['--require', probe, esm], { encoding: 'utf8' });
      expect(JSON.parse(/^LOADED (.*)$/m.exec(r.stderr)![1]!)).toContain('NativeModule internal/modules/esm/loader');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is plain ASCII, the other bundles too: V8 holds a source with one character above 255 at two bytes a character (2 MB for the CLI)', () => {
    // esbuild writes strings and names as escapes (its default charset); a regular expression
    // literal it leaves as it is, so the sources write those with escapes.
    const dir = join(ROOT, 'dist/bundle');
    const files = readdirSync(dir).filter((f) => /\.c?js$/.test(f));
    expect(files).toContain('cli.cjs');
    for (const file of files) {
      const bytes = readFileSync(join(dir, file));
      expect(bytes.findIndex((b) => b > 0x7f), file).toBe(-1);
    }
  });

  const COMPARED = [
    ['report', '--format', 'json'],
    ['report', '--format', 'csv', '--sort', 'rate_drop_per_100k'],
    ['coverage', '--format', 'json'],
    ['trend', '--format', 'csv'],
    ['report', '--data', 'fixtures/invalid/services-many-errors'],
  ];
  let plain: ReturnType<typeof unbundled> | undefined;
  it.each(COMPARED.map((args, i) => [args, i] as const))('%j: the same output and exit code as the unbundled CLI', (args, i) => {
    plain ??= unbundled(COMPARED);
    const bundled = runCli(args);
    expect(bundled.stdout, bundled.context).toBe(plain[i]!.stdout);
    expect(bundled.stderr).toBe(plain[i]!.stderr);
    expect(bundled.code).toBe(plain[i]!.code);
  });
});
