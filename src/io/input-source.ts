// Where an input file comes from: a path, standard input ("-"), or text in memory (library use
// and tests). Opening one gives its bytes as a stream and the name to use in messages.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { FileAccessError } from './errors.js';
import { HASH_WORKER_MIN_BYTES, hashContent, hashFileHere, hashFileInWorker, hashingPassage, type PendingHash } from './file-hash.js';
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
}

/** Options of `openInput`. */
export interface OpenOptions {
  /** Files at least this large are hashed in a worker thread (default HASH_WORKER_MIN_BYTES). */
  readonly hashWorkerMinBytes?: number | undefined;
}

export const STDIN_NAME = '<stdin>';

export async function openInput(input: CsvInput, stdin: NodeJS.ReadableStream = process.stdin, options: OpenOptions = {}): Promise<OpenedInput> {
  // A regular file is hashed from the file itself: the reader may read its rest straight from
  // the file at a position (io/piece-source.ts), past any stream a passage could watch.
  const hashed = (name: string, bytes: AsyncIterable<Uint8Array | string>, size: number | undefined, path?: string): OpenedInput => {
    if (path !== undefined && size !== undefined) {
      const sha256 = size >= (options.hashWorkerMinBytes ?? HASH_WORKER_MIN_BYTES) ? hashFileInWorker(path) : hashFileHere(path);
      return { name, bytes, size, path, sha256 };
    }
    const passage = hashingPassage(bytes);
    return { name, bytes: passage.bytes, size, sha256: passage.pending };
  };
  if (typeof input !== 'string') {
    if ('path' in input) {
      const { bytes, size, path } = await openFile(input.path, input.name);
      return hashed(input.name, bytes, size, path);
    }
    const { content } = input;
    const size = typeof content === 'string' ? undefined : content.length;
    return { name: input.name, bytes: (async function* () { yield content; })(), size, sha256: hashContent(content) };
  }
  if (input === '-') return hashed(STDIN_NAME, stdin as AsyncIterable<Uint8Array>, undefined);
  const { bytes, size, path } = await openFile(input, input);
  return hashed(input, bytes, size, path);
}

async function openFile(path: string, name: string): Promise<{ bytes: AsyncIterable<Uint8Array>; size: number | undefined; path: string | undefined }> {
  // Check before streaming so that a missing file is a clean exit 4, not a stream error.
  recordRead(path);
  let size: number | undefined;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    size = info.isFile() ? info.size : undefined;
  } catch (error) {
    throw new FileAccessError(name, 'read', error);
  }
  return { bytes: readStream(path, name), size, path: size === undefined ? undefined : path };
}

async function* readStream(path: string, name: string): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) yield chunk as Uint8Array;
  } catch (error) {
    throw new FileAccessError(name, 'read', error);
  }
}
