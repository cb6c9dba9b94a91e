// Test helper: text chunks (or bytes) → decoded text with LF line ends, as readTable feeds the
// CSV parser (decodeInput's text), for tests of the parser on its own.
import { decodeInput, type DecodeOptions } from '../../src/io/text-stream.js';

export async function* decodeLines(bytes: AsyncIterable<Uint8Array | string>, options: DecodeOptions = {}): AsyncGenerator<string> {
  yield* (await decodeInput(bytes, options)).text;
}
