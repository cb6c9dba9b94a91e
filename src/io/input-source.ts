// Where an input file comes from: a path, standard input ("-"), or text in memory (library use
// and tests). Opening one gives its bytes as a stream and the name to use in messages.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { FileAccessError } from './errors.js';

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
  /**
   * SHA-256 (hex) of every byte `bytes` gave (of the UTF-8 text for content given as a string),
   * once it has been read to its end (SPEC §8 provenance); undefined before.
   */
  readonly sha256: () => string | undefined;
}

/** The bytes, hashed as they pass: one hash update per chunk, on the way to the reader. */
function hashing(bytes: AsyncIterable<Uint8Array | string>): { bytes: AsyncIterable<Uint8Array | string>; sha256: () => string | undefined } {
  const hash = createHash('sha256');
  let digest: string | undefined;
  async function* pass(): AsyncGenerator<Uint8Array | string> {
    for await (const chunk of bytes) {
      hash.update(chunk);
      yield chunk;
    }
    digest = hash.digest('hex');
  }
  return { bytes: pass(), sha256: () => digest };
}

export const STDIN_NAME = '<stdin>';

export async function openInput(input: CsvInput, stdin: NodeJS.ReadableStream = process.stdin): Promise<OpenedInput> {
  if (typeof input !== 'string') {
    if ('path' in input) {
      const { bytes, size } = await openFile(input.path, input.name);
      return { name: input.name, size, ...hashing(bytes) };
    }
    const { content } = input;
    const size = typeof content === 'string' ? undefined : content.length;
    return { name: input.name, size, ...hashing((async function* () { yield content; })()) };
  }
  if (input === '-') return { name: STDIN_NAME, ...hashing(stdin as AsyncIterable<Uint8Array>) };
  const { bytes, size } = await openFile(input, input);
  return { name: input, size, ...hashing(bytes) };
}

async function openFile(path: string, name: string): Promise<{ bytes: AsyncIterable<Uint8Array>; size: number | undefined }> {
  // Check before streaming so that a missing file is a clean exit 4, not a stream error.
  let size: number | undefined;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    size = info.isFile() ? info.size : undefined;
  } catch (error) {
    throw new FileAccessError(name, 'read', error);
  }
  return { bytes: readStream(path, name), size };
}

async function* readStream(path: string, name: string): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) yield chunk as Uint8Array;
  } catch (error) {
    throw new FileAccessError(name, 'read', error);
  }
}
