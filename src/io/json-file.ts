// Reading the JSON files servicegap takes (config, package.json's "servicegap" key, scenario files,
// a data folder's dataset.json) without letting one blow up the run:
//
// - size: at most MAX_JSON_BYTES are read, whatever the file is (a 95 MB config, /dev/zero, a
//   FIFO that never ends); a larger one is an input error, found before it is parsed.
// - depth: brackets nested deeper than MAX_JSON_DEPTH are an input error at their line and
//   column, found by one pass over the text before JSON.parse builds anything (20 MB of "[" would
//   otherwise build millions of nested arrays, and a recursive check of them could overflow).
// - messages: a syntax error names the line and column and what was expected (jsonc-parser's
//   scanner finds the place), never quoting the file's bytes: a path a scenario file names may
//   hold anything (a key, a password file), and an error message must not show it.
import { open } from 'node:fs/promises';
import { type ParseError, parse as parseLocated, printParseErrorCode } from 'jsonc-parser';
import { InputError } from '../core/issues.js';
import { FileAccessError } from './errors.js';
import { recordRead } from './read-log.js';
import { firstInvalidUtf8 } from './encodings.js';

/** Largest JSON file read (a config with every alias of every language is a few hundred KB). */
export const MAX_JSON_BYTES = 4 * 1024 * 1024;
/** Deepest nesting of arrays and objects accepted (servicegap's own files nest 4 levels). */
export const MAX_JSON_DEPTH = 64;

const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) === 0 ? 0 : 1)} MiB`;

/**
 * The text of a JSON file (UTF-8, a byte-order mark dropped), read up to `maxBytes`: more is an
 * InputError naming the file. `name` is how messages name it. Throws FileAccessError when it
 * cannot be opened or read.
 */
export async function readJsonText(path: string, name: string = path, maxBytes: number = MAX_JSON_BYTES): Promise<string> {
  return (await readJsonFile(path, name, maxBytes)).text;
}

/** A JSON file as read: its text, and the bytes it came from (hashed for provenance, SPEC §8). */
export interface JsonFile {
  readonly text: string;
  readonly bytes: Uint8Array;
}

/** readJsonText, with the file's bytes as read (a config's SHA-256 is of its bytes, byte-order mark included). */
export async function readJsonFile(path: string, name: string = path, maxBytes: number = MAX_JSON_BYTES): Promise<JsonFile> {
  recordRead(path);
  const tooLarge = (size: string) =>
    new InputError([{ file: name, message: `the file is ${size}: expected a JSON file of at most ${mib(maxBytes)}` }]);
  let bytes: Buffer;
  try {
    const handle = await open(path, 'r');
    try {
      const info = await handle.stat();
      if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
      if (info.isFile() && info.size > maxBytes) throw tooLarge(mib(info.size));
      // Read to the limit and one byte more, whatever the file claims (devices and FIFOs claim 0).
      const buffer = Buffer.alloc(Math.min(maxBytes + 1, info.isFile() ? info.size + 1 : maxBytes + 1));
      let length = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length > maxBytes) throw tooLarge(`more than ${mib(maxBytes)}`);
        if (length === buffer.length) break; // a regular file read to its end (+1 spare byte unused)
      }
      bytes = buffer.subarray(0, length);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new FileAccessError(name, 'read', error);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = Math.max(0, firstInvalidUtf8(bytes));
    throw new InputError([{ file: name, line: lineAt(bytes, at), message: `not valid UTF-8 at byte ${at + 1} (0x${bytes[at]!.toString(16).toUpperCase().padStart(2, '0')}): expected a UTF-8 JSON file` }]);
  }
  return { text: text.replace(/^\uFEFF/, ''), bytes };
}

/** Parse JSON text with the depth limit and located, quote-free errors of the file comment. */
export function parseJson(text: string, file: string, expected = 'a JSON object'): unknown {
  checkDepth(text, file);
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new InputError([{ file, ...syntaxError(text.replace(/^\uFEFF/, ''), expected) }]);
  }
}

/** One pass over the text: the first bracket nested past MAX_JSON_DEPTH, outside strings, is an error. */
function checkDepth(text: string, file: string): void {
  let depth = 0;
  let inString = false;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
      else if (c === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) {
        throw new InputError([
          { file, line, message: `column ${i - lineStart + 1}: arrays and objects nested more than ${MAX_JSON_DEPTH} deep: expected servicegap's JSON shape` },
        ]);
      }
    } else if (c === 0x5d || c === 0x7d) depth--;
    else if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
}

/** Where JSON.parse failed and what was expected there, found by jsonc-parser's strict scanner. */
function syntaxError(text: string, expected: string): { line?: number; message: string } {
  if (text.trim() === '') return { message: `the file is empty: expected ${expected}` };
  const errors: ParseError[] = [];
  parseLocated(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (first === undefined) return { message: `not valid JSON: expected ${expected}` };
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < first.offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, message: `column ${first.offset - lineStart + 1}: not valid JSON (${describeCode(printParseErrorCode(first.error))}): expected ${expected}` };
}

/** "InvalidSymbol" → "invalid symbol". */
const describeCode = (code: string) => code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

function lineAt(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
