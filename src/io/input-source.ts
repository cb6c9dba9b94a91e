// Where an input file comes from: a path, standard input ("-"), or text in memory (library use
// and tests). Opening one gives its bytes as a stream and the name to use in messages.
// A file is read in two ways (the head as a stream, the rest at positions), so whether it is still
// the file that was opened is checked once both are done: the figures and the SHA-256 in the
// provenance (SPEC §8) must be of the same content.
import { type BigIntStats, createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { FileAccessError } from './errors.js';
import { type HashFeed, hashAsRead, hashContent, hashFileHere, hashingPassage, type PendingHash } from './file-hash.js';
import { recordRead } from './read-log.js';

/**
 * A path, "-" for standard input, a path with the name to show for it in messages, or content
 * in memory with a display name.
 */
export type CsvInput =
  | string
  | { readonly name: string; readonly path: string }
  | { readonly name: string; readonly content: string | Uint8Array };

export interface OpenedInput {
  /** The name used in messages: the path as given, or "<stdin>". */
  readonly name: string;
  readonly bytes: AsyncIterable<Uint8Array | string>;
  /** The file's size in bytes, when it is a file. */
  readonly size?: number | undefined;
  /** The file's path, when it is a regular file (it can then be read at any position). */
  readonly path?: string | undefined;
  /**
   * SHA-256 of the input (of the UTF-8 text for content given as a string), for provenance
   * (SPEC §8; io/file-hash.ts): ask for it once the input has been read to its end, or stop it
   * when the input is given up on.
   */
  readonly sha256: PendingHash;
  /**
   * For a regular file being hashed: where its reader hands the bytes it reads at positions
   * rather than through `bytes` (io/piece-source.ts), so that they are hashed as they are read.
   */
  readonly hashFeed?: HashFeed | undefined;
  /**
   * For a file: what changed in it since it was opened (its size, its modification time, or
   * another file now at its path), undefined if nothing did. Asked once it is read and hashed.
   */
  readonly changed?: (() => Promise<string | undefined>) | undefined;
}

/** Options of `openInput`. */
export interface OpenOptions {
  /** false: no hash is made (a file read again only to quote its lines); sha256 then gives undefined. */
  readonly hash?: boolean | undefined;
}

const NO_HASH: PendingHash = { wait: () => Promise.resolve(undefined), stop: () => {} };

export const STDIN_NAME = '<stdin>';

export async function openInput(input: CsvInput, stdin: NodeJS.ReadableStream = process.stdin, options: OpenOptions = {}): Promise<OpenedInput> {
  // A regular file is hashed from the bytes read from it: through its stream, and those its
  // reader reads at positions (io/piece-source.ts), past the stream, given to `hashFeed`.
  const hash = options.hash ?? true;
  const hashed = (name: string, file: OpenedFile): OpenedInput => {
    if (file.path !== undefined) {
      const { size, path, atOpen } = file;
      const changed = () => changeSince(path, atOpen);
      if (!hash) return { name, bytes: file.bytes, size, path, sha256: NO_HASH, changed };
      const asRead = hashAsRead(file.bytes, () => hashFileHere(path));
      return { name, bytes: asRead.bytes, size, path, sha256: asRead.pending, hashFeed: asRead.feed, changed };
    }
    if (!hash) return { name, bytes: file.bytes, size: undefined, sha256: NO_HASH };
    const passage = hashingPassage(file.bytes);
    return { name, bytes: passage.bytes, size: undefined, sha256: passage.pending };
  };
  if (typeof input !== 'string') {
    if ('path' in input) return hashed(input.name, await openFile(input.path, input.name));
    const { content } = input;
    const size = typeof content === 'string' ? undefined : content.length;
    return { name: input.name, bytes: (async function* () { yield content; })(), size, sha256: hash ? hashContent(content) : NO_HASH };
  }
  if (input === '-') return hashed(STDIN_NAME, { bytes: stdin as AsyncIterable<Uint8Array>, size: undefined, path: undefined });
  return hashed(input, await openFile(input, input));
}

/** A regular file (its size, path, and what it was when opened), or a stream of bytes (standard input, a pipe, a device). */
type OpenedFile =
  | { readonly bytes: AsyncIterable<Uint8Array>; readonly size: number; readonly path: string; readonly atOpen: BigIntStats }
  | { readonly bytes: AsyncIterable<Uint8Array>; readonly size: undefined; readonly path: undefined };

async function openFile(path: string, name: string): Promise<OpenedFile> {
  // Check before streaming so that a missing file is a clean exit 4, not a stream error.
  recordRead(path);
  let info: BigIntStats;
  try {
    info = await stat(path, { bigint: true });
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
  } catch (error) {
    throw new FileAccessError(name, 'read', error);
  }
  if (!info.isFile()) return { bytes: readStream(path, name), size: undefined, path: undefined };
  return { bytes: readStream(path, name), size: Number(info.size), path, atOpen: info };
}

/** What changed in the file at `path` since it was `atOpen` (undefined: nothing); a file gone is a change too. */
async function changeSince(path: string, atOpen: BigIntStats): Promise<string | undefined> {
  let now: BigIntStats;
  try {
    now = await stat(path, { bigint: true });
  } catch {
    return 'it is no longer there';
  }
  return fileChange(atOpen, now);
}

/** How a file's state `now` differs from `before`, in words (undefined: the same device, inode, size and modification time). */
export function fileChange(before: Pick<BigIntStats, 'dev' | 'ino' | 'size' | 'mtimeNs'>, now: Pick<BigIntStats, 'dev' | 'ino' | 'size' | 'mtimeNs'>): string | undefined {
  if (now.dev !== before.dev || now.ino !== before.ino) return 'another file was put in its place';
  if (now.size !== before.size) return `its size went from ${before.size.toLocaleString('en-US')} to ${now.size.toLocaleString('en-US')} bytes`;
  if (now.mtimeNs !== before.mtimeNs) return `it was written to (modified ${stamp(before.mtimeNs)}, then ${stamp(now.mtimeNs)})`;
  return undefined;
}

/** A modification time in UTC, to the nanosecond (two writes within a millisecond differ). */
function stamp(ns: bigint): string {
  const seconds = ns / 1_000_000_000n;
  const fraction = String(ns - seconds * 1_000_000_000n).padStart(9, '0');
  return `${new Date(Number(seconds) * 1000).toISOString().slice(0, 19)}.${fraction}Z`;
}

async function* readStream(path: string, name: string): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) yield chunk as Uint8Array;
  } catch (error) {
    throw new FileAccessError(name, 'read', error);
  }
}
