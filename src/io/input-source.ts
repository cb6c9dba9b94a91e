// Where an input file comes from: a path, standard input ("-"), or text in memory (library use
// and tests). Opening one gives its bytes as a stream and the name to use in messages.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { FileAccessError } from './errors.js';
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
}

export const STDIN_NAME = '<stdin>';

export async function openInput(input: CsvInput, stdin: NodeJS.ReadableStream = process.stdin): Promise<OpenedInput> {
  if (typeof input !== 'string') {
    if ('path' in input) return { name: input.name, ...(await openFile(input.path, input.name)) };
    const { content } = input;
    const size = typeof content === 'string' ? undefined : content.length;
    return { name: input.name, bytes: (async function* () { yield content; })(), size };
  }
  if (input === '-') return { name: STDIN_NAME, bytes: stdin as AsyncIterable<Uint8Array> };
  return { name: input, ...(await openFile(input, input)) };
}

async function openFile(path: string, name: string): Promise<{ bytes: AsyncIterable<Uint8Array>; size: number | undefined }> {
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
  return { bytes: readStream(path, name), size };
}

async function* readStream(path: string, name: string): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 16 })) yield chunk as Uint8Array;
  } catch (error) {
    throw new FileAccessError(name, 'read', error);
  }
}
