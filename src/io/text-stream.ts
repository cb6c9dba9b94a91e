// Bytes → text, with line ends made uniform: every reader that reads text goes through here, so
// that a file gives the same records and line numbers whatever its encoding (encodings.ts) and
// line ends (line-text.ts). UTF-8 is decoded strictly (utf8-text.ts); other encodings through
// iconv-lite.
import { chooseEncoding, type Choice, concat, DEFAULT_SAMPLE_BYTES, ENCODING_NAMES, type Encoding, type EncodingOption, iconvDecoder, utf8Advice } from './encodings.js';
import { FileFormatError } from './errors.js';
import { DEFAULT_MAX_LINE_CHARS, LineText, type TextStep } from './line-text.js';
import { Utf8Text } from './utf8-text.js';

export interface DecodeOptions {
  /** The file's encoding, or 'auto' (default) to detect it. */
  readonly encoding?: EncodingOption | undefined;
  /** Longest physical line accepted, in characters (default 1 MiB). */
  readonly maxLineChars?: number | undefined;
  /** How many bytes are looked at to choose the encoding (default 64 KiB). */
  readonly sampleBytes?: number | undefined;
}

export interface DecodedInput {
  /** The encoding used, or 'text' for content that was given as a string. */
  readonly encoding: Encoding | 'text';
  /** Why: "from its byte-order mark", "the whole file is valid UTF-8", "not valid UTF-8: byte 0xF8
   * on line 2", "given with --encoding". */
  readonly encodingReason: string;
  /** The first bytes of the input (about the sample size), to recognise files that are not CSV. */
  readonly head: Uint8Array;
  /** The text: LF line ends only, no byte-order mark. */
  readonly text: AsyncGenerator<string>;
  /** Stop reading (closes the file) when the text will not be read to its end. */
  readonly close: () => Promise<void>;
}

/** Detect (or take) the encoding from the first bytes, then decode the whole input as a stream. */
export async function decodeInput(chunks: AsyncIterable<Uint8Array | string>, options: DecodeOptions = {}): Promise<DecodedInput> {
  const source = chunks[Symbol.asyncIterator]();
  const sampleBytes = options.sampleBytes ?? DEFAULT_SAMPLE_BYTES;
  const maxLine = options.maxLineChars ?? DEFAULT_MAX_LINE_CHARS;
  const buffered: (Uint8Array | string)[] = [];
  const headParts: Uint8Array[] = [];
  let headLength = 0;
  let ended = false;
  let text = false;
  while (headLength < sampleBytes) {
    const next = await source.next();
    if (next.done) {
      ended = true;
      break;
    }
    buffered.push(next.value);
    if (typeof next.value === 'string') {
      text = true; // content given as text: nothing to decode or detect
      break;
    }
    headParts.push(next.value);
    headLength += next.value.length;
  }
  const head = concat(headParts);
  // The encoding is chosen from exactly the first sampleBytes, however the bytes were chunked.
  const sample = head.length > sampleBytes ? head.subarray(0, sampleBytes) : head;
  const choice: Choice = text ? { encoding: 'utf8', reason: 'given as text' } : chooseEncoding(sample, ended && head.length <= sampleBytes, options.encoding ?? 'auto');
  const utf16 = choice.encoding === 'utf16le' || choice.encoding === 'utf16be';
  const lines = new LineText({ maxLineChars: maxLine, utf16: utf16 ? choice.encoding : undefined, dropBom: true });
  const utf8 = choice.encoding === 'utf8' ? new Utf8Text(lines, utf8Advice(options.encoding !== 'utf8', sampleBytes)) : undefined;
  const other = choice.encoding === 'utf8' ? undefined : await iconvDecoder(choice.encoding);

  async function* chunksAgain(): AsyncGenerator<Uint8Array | string> {
    yield* buffered;
    if (!ended) for (let next = await source.next(); !next.done; next = await source.next()) yield next.value;
  }

  async function* decode(): AsyncGenerator<string> {
    let byteCount = 0;
    for await (const chunk of chunksAgain()) {
      let step: TextStep;
      if (typeof chunk === 'string') step = lines.push(chunk, false);
      else {
        byteCount += chunk.length;
        step = utf8 ? utf8.push(chunk, false) : lines.push(other!.write(chunk), false);
      }
      if (step.text) yield step.text;
      if (step.error) throw step.error;
    }
    if (utf16 && byteCount % 2 === 1) {
      throw new FileFormatError(`not valid ${ENCODING_NAMES[choice.encoding]}: the file ends in the middle of a character (an odd number of bytes)`, lines.line);
    }
    const step = utf8 ? utf8.push(new Uint8Array(0), true) : lines.push(other?.end() ?? '', true);
    if (step.text) yield step.text;
    if (step.error) throw step.error;
  }

  const close = async (): Promise<void> => {
    await source.return?.();
  };
  return { encoding: text ? 'text' : choice.encoding, encodingReason: choice.reason, head, text: decode(), close };
}
