// Writing a report atomically: a temporary file in the same folder, renamed over the target.
import { execFileSync } from 'node:child_process';
import { closeSync, constants, createReadStream, openSync, read } from 'node:fs';
import { chmod, link, lstat, mkdir, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { descriptorOf, removePendingTemps, writeOutput } from '../../src/io/output-writer.js';
import { FileAccessError } from '../../src/io/errors.js';
import { recordRead, withReadLog } from '../../src/io/read-log.js';
import { temporaryFolder } from '../helpers/temporary-folder.js';

describe('writeOutput', () => {
  const folder = temporaryFolder('servicegap-atomic-');

  it('writes the content and leaves only the target in the folder', async () => {
    const target = join(folder.path, 'report.json');
    await writeOutput(target, '{"ok":true}\n');
    expect(await readFile(target, 'utf8')).toBe('{"ok":true}\n');
    expect(await readdir(folder.path)).toEqual(['report.json']);
  });

  it('writes bytes as given (UTF-8 text survives)', async () => {
    const target = join(folder.path, 'names.csv');
    const bytes = new TextEncoder().encode('Trøndelag;منطقة الرياض\n');
    await writeOutput(target, bytes);
    expect(Buffer.compare(await readFile(target), Buffer.from(bytes))).toBe(0);
  });

  it('pieces of several batches (io/batched-writes.ts) land whole and in order, text pieces as UTF-8', async () => {
    const target = join(folder.path, 'large.json');
    const pieces: (string | Uint8Array)[] = [];
    for (let i = 0; i < 40; i++) {
      // 64 KB of bytes, then a text piece with names in several scripts
      pieces.push(new Uint8Array(65_536).fill(0x61 + (i % 26)));
      pieces.push(`piece ${i}: Trøndelag, منطقة الرياض, Pohjois-Pohjanmaa\n`);
    }
    await writeOutput(target, (async function* () {
      for (const piece of pieces) yield piece;
    })());
    const expected = Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
    expect(expected.length).toBeGreaterThan(2_500_000); // about ten batches
    expect((await readFile(target)).equals(expected)).toBe(true);
    expect(await readdir(folder.path)).toEqual(['large.json']);
  });

  it('overwriting an existing file replaces it whole (no tail of the longer old content)', async () => {
    const target = join(folder.path, 'report.csv');
    await writeFile(target, 'old content that is much longer than the new one\n'.repeat(100));
    await writeOutput(target, 'new\n');
    expect(await readFile(target, 'utf8')).toBe('new\n');
    expect(await readdir(folder.path)).toEqual(['report.csv']);
  });

  it('a directory as target: FileAccessError, no temp file left, the directory intact', async () => {
    const target = join(folder.path, 'out');
    await mkdir(target);
    await writeFile(join(target, 'keep.txt'), 'keep');
    const error = await writeOutput(target, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileAccessError);
    expect((error as FileAccessError).path).toBe(target);
    expect((error as FileAccessError).action).toBe('write');
    expect((error as FileAccessError).message).toMatch(new RegExp(`^cannot write ${target.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    expect(await readdir(folder.path)).toEqual(['out']); // no ".out.<pid>.<hex>.tmp"
    expect(await readdir(target)).toEqual(['keep.txt']);
    expect(await readFile(join(target, 'keep.txt'), 'utf8')).toBe('keep');
  });

  it("an error while the output's pieces are made is that error, not the file's: the old file stays whole, no temp file", async () => {
    // A renderer that fails after 3 MB (several batches written to the temporary file).
    const target = join(folder.path, 'made.json');
    await writeFile(target, 'the good output of an earlier run\n');
    const failure = new TypeError('a renderer bug');
    const error = await writeOutput(target, (async function* () {
      for (let i = 0; i < 48; i++) yield new Uint8Array(65_536).fill(0x61);
      throw failure;
    })()).catch((e: unknown) => e);
    // Its own error, for the CLI to report as an internal one (exit 70), not "cannot write made.json" (exit 4).
    expect(error).toBe(failure);
    expect(await readFile(target, 'utf8')).toBe('the good output of an earlier run\n');
    expect(await readdir(folder.path)).toEqual(['made.json']);
    // Through an open descriptor (standard output sent to a file) likewise.
    const fd = openSync(join(folder.path, 'fd.json'), 'w');
    try {
      const viaFd = await writeOutput(`/proc/self/fd/${fd}`, (async function* () {
        yield 'a piece\n';
        throw failure;
      })()).catch((e: unknown) => e);
      expect(viaFd).toBe(failure);
    } finally {
      closeSync(fd);
    }
  });

  it('a missing folder: FileAccessError saying so', async () => {
    const target = join(folder.path, 'no', 'such', 'report.json');
    const error = await writeOutput(target, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileAccessError);
    expect((error as Error).message).toBe(`cannot write ${target}: no such file or folder`);
    expect(await readdir(folder.path)).toEqual([]);
  });
});

// The promises of io/output-writer.ts beyond atomicity. Device nodes are made privately with
// mknod in the test's own folder (never the system's /dev): `c 1 3` is a null device, `c 1 7` a
// full one (every write fails with ENOSPC).
describe('writeOutput: never over an input, links, devices, modes, names', () => {
  const folder = temporaryFolder('servicegap-writer-');
  const mknod = (name: string, minor: number) => execFileSync('mknod', [join(folder.path, name), 'c', '1', String(minor)]);

  it('refuses a file the run has read, by path, through a symlink and through a hard link; the file stays whole', async () => {
    const input = join(folder.path, 'services.csv');
    await writeFile(input, 'region,year\n');
    await symlink(input, join(folder.path, 'link.csv'));
    await link(input, join(folder.path, 'hard.csv'));
    await withReadLog(async () => {
      recordRead(input);
      for (const target of [input, join(folder.path, 'link.csv'), join(folder.path, 'hard.csv')]) {
        const error = await writeOutput(target, 'x').catch((e: unknown) => e);
        expect(error).toBeInstanceOf(FileAccessError);
        expect((error as Error).message).toMatch(/an input of this run; write the output to another file$/);
      }
    });
    expect(await readFile(input, 'utf8')).toBe('region,year\n');
    // outside a run's log nothing is protected but what the caller names
    const error = await writeOutput(join(folder.path, 'hard.csv'), 'x', { protect: [input] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileAccessError);
  });

  it('writes a symlink\'s target atomically and keeps the link, also a link to a file not yet there', async () => {
    await writeFile(join(folder.path, 'target.csv'), 'old\n');
    await symlink('target.csv', join(folder.path, 'link.csv'));
    await writeOutput(join(folder.path, 'link.csv'), 'new\n');
    expect((await lstat(join(folder.path, 'link.csv'))).isSymbolicLink()).toBe(true);
    expect(await readFile(join(folder.path, 'target.csv'), 'utf8')).toBe('new\n');
    await symlink('later.csv', join(folder.path, 'dangling.csv'));
    await writeOutput(join(folder.path, 'dangling.csv'), 'made\n');
    expect((await lstat(join(folder.path, 'dangling.csv'))).isSymbolicLink()).toBe(true);
    expect(await readFile(join(folder.path, 'later.csv'), 'utf8')).toBe('made\n');
  });

  it('keeps the mode of the file it replaces (0600 stays 0600)', async () => {
    const target = join(folder.path, 'private.json');
    await writeFile(target, 'old');
    await chmod(target, 0o600);
    await writeOutput(target, 'new');
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('a 250-byte name works: the temporary name is kept within 255 bytes', async () => {
    const target = join(folder.path, `${'å'.repeat(123)}.csv`); // 123 × 2 bytes + 4 = 250 bytes
    expect(Buffer.byteLength(basename(target))).toBe(250);
    await writeFile(target, 'old');
    await writeOutput(target, 'new');
    expect(await readFile(target, 'utf8')).toBe('new');
    expect(await readdir(folder.path)).toEqual([basename(target)]);
  });

  it('writes a device directly and leaves it a device; a full device is ENOSPC, exit-4 kind', async () => {
    mknod('null', 3);
    mknod('full', 7);
    await writeOutput(join(folder.path, 'null'), 'data');
    expect((await stat(join(folder.path, 'null'))).isCharacterDevice()).toBe(true);
    const error = await writeOutput(join(folder.path, 'full'), 'data').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileAccessError);
    expect((error as Error).message).toBe(`cannot write ${join(folder.path, 'full')}: no space left on the device`);
    expect((await stat(join(folder.path, 'full'))).isCharacterDevice()).toBe(true);
    expect((await readdir(folder.path)).sort()).toEqual(['full', 'null']);
  });

  it('through a non-blocking descriptor of a pipe that fills up (EAGAIN): waits for the reader, every byte in order', async () => {
    const fifo = join(folder.path, 'slow-pipe');
    execFileSync('mkfifo', [fifo]);
    const readEnd = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writeEnd = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    // 1.5 MB in 64 KB pieces, against a pipe of 64 KB that a slow reader empties.
    const pieces = Array.from({ length: 24 }, (_, i) => new Uint8Array(65_536).fill(0x41 + i));
    const got: Buffer[] = [];
    let reading = true;
    const reader = (async () => {
      const buffer = Buffer.alloc(16_384);
      while (reading) {
        const n = await new Promise<number>((done) => read(readEnd, buffer, 0, buffer.length, null, (error, bytes) => done(error ? 0 : bytes)));
        if (n > 0) got.push(Buffer.from(buffer.subarray(0, n)));
        else await new Promise((r) => setTimeout(r, 2));
      }
    })();
    try {
      await writeOutput(`/dev/fd/${writeEnd}`, (async function* () {
        yield* pieces;
      })());
      const total = 24 * 65_536;
      while (Buffer.concat(got).length < total) await new Promise((r) => setTimeout(r, 5));
      reading = false;
      await reader;
      expect(Buffer.concat(got).equals(Buffer.concat(pieces))).toBe(true);
    } finally {
      reading = false;
      closeSync(writeEnd);
      closeSync(readEnd);
    }
  });

  it('writes a FIFO to its reader and leaves it a FIFO', async () => {
    const fifo = join(folder.path, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = new Promise<string>((resolve) => {
      const chunks: Buffer[] = [];
      createReadStream(fifo).on('data', (c) => chunks.push(c as Buffer)).on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    await writeOutput(fifo, 'through the pipe\n');
    expect(await reader).toBe('through the pipe\n');
    expect((await stat(fifo)).isFIFO()).toBe(true);
  });

  it('names the process\'s own descriptors: /dev/stdout, /dev/fd/N, /proc/self/fd/N', () => {
    expect(descriptorOf('/dev/stdout')).toBe(1);
    expect(descriptorOf('/dev/stderr')).toBe(2);
    expect(descriptorOf('/dev/fd/63')).toBe(63);
    expect(descriptorOf('/proc/self/fd/5')).toBe(5);
    expect(descriptorOf(`/proc/${process.pid}/fd/7`)).toBe(7);
    expect(descriptorOf(`/proc/${process.pid + 1}/fd/7`)).toBeUndefined();
    expect(descriptorOf('/dev/fd')).toBeUndefined();
  });

  it('writes through an open descriptor at its position, and leaves it open', async () => {
    const target = join(folder.path, 'fd.txt');
    const fd = openSync(target, 'w');
    try {
      await writeOutput(`/dev/fd/${fd}`, 'one ');
      await writeOutput(`/proc/self/fd/${fd}`, 'two\n');
    } finally {
      closeSync(fd);
    }
    expect(await readFile(target, 'utf8')).toBe('one two\n');
  });

  it('removePendingTemps removes a temporary file still being written', async () => {
    const target = join(folder.path, 'slow.json');
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let started!: () => void;
    const begun = new Promise<void>((r) => (started = r));
    const writing = writeOutput(target, (async function* () {
      yield 'first part';
      started();
      await gate;
      yield 'second part';
    })());
    await begun;
    const temps = (await readdir(folder.path)).filter((n) => n.endsWith('.tmp'));
    expect(temps).toHaveLength(1);
    removePendingTemps();
    expect(await readdir(folder.path)).toEqual([]);
    release();
    await writing.catch(() => {}); // the rename fails: its temp is gone
    expect((await readdir(folder.path)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
