// The one way servicegap writes a file (every command's --out, init's files). What it promises:
//
// - Never over an input: a target that is (by real path or by device and inode, so also through
//   a symlink or a hard link) a file the run has read — an input, the config, a scenario file
//   (read-log.ts) — or one the caller names, is refused with FileAccessError (exit 4) before a
//   byte is written.
// - Never half-written: a regular file is written to a temporary file in its own folder (same
//   file system, so the rename is atomic), flushed to disk, then renamed over the target. A
//   failure (a full disk, a signal) leaves the old file as it was and removes the temporary one.
//   The temporary name stays within the 255-byte limit of a file name, whatever the target's.
// - A symlink stays a symlink: its target is written (atomically), the link is kept.
// - The existing file's permissions (and, when run as root, its owner) are kept: rewriting a
//   0600 report leaves it 0600.
// - Devices, FIFOs and sockets are written directly, never replaced: `--out /dev/null` does not
//   turn the device node into a file, and a FIFO's reader gets the data.
// - `/dev/fd/N`, `/proc/self/fd/N` (what a shell's process substitution `>(…)` passes) are
//   written through the already open descriptor N; the CLI sends `/dev/stdout` and `/dev/stderr`
//   to its own streams.
// - Temporary files still pending when the process is interrupted are removed by
//   removePendingTemps (the CLI's SIGINT/SIGTERM handler calls it).
import { randomBytes } from 'node:crypto';
import { closeSync, fstat as fstatCallback, openSync, fsyncSync, unlinkSync } from 'node:fs';
import { type FileHandle, lstat, open, readlink, realpath, rename, stat, unlink } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { descriptorWriter, writeInBatches } from './batched-writes.js';
import { FileAccessError } from './errors.js';
import { filesRead } from './read-log.js';

/** What can be written: text (as UTF-8), bytes, or pieces of either as they are made. A piece of
 * bytes is held until it is written, while the next pieces are asked for: its bytes must not
 * change once given (as with a Node stream's write). */
export type OutputContent = string | Uint8Array | AsyncIterable<string | Uint8Array>;

/** Options of writeOutput. */
export interface WriteOutputOptions {
  /** More files that must not be overwritten, beside those the run has read (read-log.ts). */
  readonly protect?: readonly string[] | undefined;
}

/** Longest file name (bytes) most file systems take (NAME_MAX on Linux, macOS and Windows' NTFS in UTF-16 units). */
const NAME_MAX = 255;

/** Temporary files being written, removed by removePendingTemps if the process is interrupted. */
const pending = new Set<string>();

/** Remove every temporary file still being written (synchronous: for a signal handler). */
export function removePendingTemps(): void {
  for (const temp of pending) {
    try {
      unlinkSync(temp);
    } catch {
      // already renamed or removed
    }
  }
  pending.clear();
}

/**
 * The descriptor a path names when it is one of the process's own open descriptors:
 * `/dev/stdout` 1, `/dev/stderr` 2, `/dev/fd/N` and `/proc/self/fd/N` (or this process's pid) N.
 */
export function descriptorOf(path: string): number | undefined {
  if (path === '/dev/stdout') return 1;
  if (path === '/dev/stderr') return 2;
  const m = /^\/(?:dev\/fd|proc\/(?:self|thread-self|(\d+))\/fd)\/(\d+)$/.exec(path);
  if (m === null || (m[1] !== undefined && Number(m[1]) !== process.pid)) return undefined;
  return Number(m[2]);
}

/** Write `content` to `path` with every promise of the file comment. Throws FileAccessError. */
export async function writeOutput(path: string, content: OutputContent, options: WriteOutputOptions = {}): Promise<void> {
  const fd = descriptorOf(path);
  if (fd !== undefined) {
    try {
      await writeToDescriptor(fd, content);
    } catch (error) {
      throw writeFailure(path, error);
    }
    return;
  }
  const target = await writableTarget(path, options);
  if (target.stats !== undefined && !target.stats.isFile()) {
    // A device, FIFO or socket: written in place, never replaced.
    try {
      const handle = await open(target.path, 'w');
      try {
        await writeContent(handle, content);
      } finally {
        await handle.close();
      }
    } catch (error) {
      throw writeFailure(path, error);
    }
    return;
  }
  await replaceAtomically(path, target.path, target.stats, content);
}

/**
 * Refuse a target before anything is written (FileAccessError, exit 4): a file the run reads (as
 * writeOutput refuses it), or a folder. For a file a run writes after its output (`--provenance`):
 * its being an input stops the run before the output is written, not after.
 */
export async function checkTarget(path: string, options: WriteOutputOptions = {}): Promise<void> {
  if (descriptorOf(path) === undefined) await writableTarget(path, options);
}

/** The file `path` writes to (resolveTarget), once it is known to be neither a file the run reads nor a folder (FileAccessError). */
async function writableTarget(path: string, options: WriteOutputOptions): Promise<{ path: string; stats: Stats | undefined }> {
  let target: { path: string; stats: Stats | undefined };
  try {
    target = await resolveTarget(path);
  } catch (error) {
    throw new FileAccessError(path, 'write', error);
  }
  if (target.stats !== undefined) await refuseInputs(path, target.path, target.stats, options.protect ?? []);
  if (target.stats?.isDirectory()) throw new FileAccessError(path, 'write', Object.assign(new Error('is a directory'), { code: 'EISDIR' }));
  return target;
}

/** The file a path writes to: symlinks followed (also a link to a file not yet there), and its stats if it exists. */
async function resolveTarget(path: string): Promise<{ path: string; stats: Stats | undefined }> {
  try {
    const real = await realpath(path);
    return { path: real, stats: await stat(real) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  // Not there: the path itself, or a symlink (chain) whose last target is yet to be made.
  let at = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    const info = await lstat(at).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (info === undefined || !info.isSymbolicLink()) return { path: at, stats: undefined };
    at = resolve(dirname(at), await readlink(at));
  }
  throw Object.assign(new Error('too many levels of symbolic links'), { code: 'ELOOP' });
}

/** FileAccessError when the target is a file this run reads, or one the caller protects. */
async function refuseInputs(path: string, real: string, stats: Stats, protect: readonly string[]): Promise<void> {
  for (const input of [...filesRead(), ...protect]) {
    let same = false;
    try {
      const info = await stat(input);
      same = (info.dev === stats.dev && info.ino === stats.ino) || (await realpath(input)) === real;
    } catch {
      continue; // gone since it was read: nothing left to protect
    }
    if (same) {
      const shown = relative(process.cwd(), input);
      const name = shown === '' || shown.startsWith('..') ? input : shown;
      throw new FileAccessError(
        path,
        'write',
        new Error(`it is ${name === path ? 'an input' : `the same file as ${name}, an input`} of this run; write the output to another file`),
      );
    }
  }
}

/** `.NAME.PID.HEX.tmp` beside the target; a shorter name when that would pass the name limit. */
function tempPath(target: string): string {
  const suffix = `${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const own = `.${basename(target)}.${suffix}`;
  return join(dirname(target), Buffer.byteLength(own) <= NAME_MAX ? own : `.servicegap.${suffix}`);
}

async function replaceAtomically(path: string, target: string, existing: Stats | undefined, content: OutputContent): Promise<void> {
  const temp = tempPath(target);
  pending.add(temp);
  try {
    const handle = await open(temp, 'wx', 0o666);
    try {
      await writeContent(handle, content);
      if (existing !== undefined) {
        await handle.chmod(existing.mode & 0o7777);
        // Only root can give a file away; for anyone else the new file is theirs, as any editor's would be.
        if (process.getuid?.() === 0 && (existing.uid !== 0 || existing.gid !== 0)) await handle.chown(existing.uid, existing.gid).catch(() => {});
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, target);
    pending.delete(temp);
  } catch (error) {
    await unlink(temp).catch(() => {});
    pending.delete(temp);
    throw writeFailure(path, error);
  }
  syncFolder(dirname(target));
}

/** Flush the folder's entry of the renamed file (so a power cut cannot lose the rename); best effort. */
function syncFolder(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // some file systems cannot sync a folder: the data itself is already on disk
  }
}

/**
 * A failure to make an output's pieces (a renderer's error), as against a failure to write them:
 * the run's own error, to be reported as such (an internal error, exit 70), not as the file's
 * ("cannot write standard output", exit 4). writeFailure unwraps it.
 */
class ContentFailure {
  constructor(readonly cause: unknown) {}
}

/** What a failed write throws: the output's own error when making it failed, else the file's (FileAccessError). */
export function writeFailure(path: string, error: unknown): unknown {
  return error instanceof ContentFailure ? error.cause : new FileAccessError(path, 'write', error);
}

async function* pieces(content: OutputContent): AsyncGenerator<Uint8Array> {
  if (typeof content === 'string') yield Buffer.from(content, 'utf8');
  else if (content instanceof Uint8Array) yield content;
  else {
    // An error from the pieces' maker, not from the writes the consumer makes of them (it never
    // throws into this generator; leaving early runs the loop's own return).
    try {
      for await (const piece of content) yield typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    } catch (error) {
      throw new ContentFailure(error);
    }
  }
}

/** Write `content` through `handle`, in batches made while the last is written (batched-writes.ts). */
async function writeContent(handle: FileHandle, content: OutputContent): Promise<void> {
  await writeInBatches(pieces(content), async (batch) => (await handle.writev(batch as Uint8Array[])).bytesWritten);
}

/**
 * Write pieces through the open descriptor `fd` when it is a regular file (standard output sent
 * to a file: `servicegap trend > trend.json`), in batches made while the last is written
 * (batched-writes.ts), at the descriptor's position; resolves false, having written nothing, when
 * it is anything else (a pipe, a terminal), which the caller's stream writes. Throws the write's
 * own error (a full disk).
 */
export async function writeIfRegularFile(fd: number, content: AsyncIterable<string | Uint8Array>): Promise<boolean> {
  const regular = await new Promise<boolean>((done) => fstatCallback(fd, (error, stats) => done(error === null && stats.isFile())));
  if (!regular) return false;
  await writeToDescriptor(fd, content);
  return true;
}

/** Write through an open descriptor (left open: it is the shell's), in batches
 * (batched-writes.ts; a full non-blocking pipe is waited for). */
async function writeToDescriptor(fd: number, content: OutputContent): Promise<void> {
  await writeInBatches(pieces(content), descriptorWriter(fd));
}
