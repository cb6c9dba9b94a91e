// Bytes → text, with line ends made uniform. Every reader goes through here so that files from
// Windows (CRLF), old Macs (CR) and Unix (LF) give the same records and the same line numbers,
// whatever their encoding.
//
// Encoding (`auto`): a byte-order mark decides first (UTF-8, UTF-16 LE, UTF-16 BE); else a file
// whose first 64 KiB are valid UTF-8 is UTF-8; else it is Windows-1252 (what Excel and most
// Windows programs write when they do not write Unicode). UTF-8 is decoded strictly: a byte that
// is not valid UTF-8 later in the file is an error naming its line, never a silent "�". An
// explicit encoding that a byte-order mark contradicts is an error too.
//
// Limits: a physical line longer than `maxLineChars` is an error, so a hostile file cannot make
// the reader hold an endless line in memory.
import { FileFormatError } from './errors.js';

/** The text encodings the readers can decode. */
export const ENCODINGS = ['utf8', 'utf16le', 'utf16be', 'windows-1252', 'latin1'] as const;
/** One of `ENCODINGS`. */
export type Encoding = (typeof ENCODINGS)[number];
/** An input file's encoding, or 'auto' to detect it (byte-order mark, else UTF-8, else Windows-1252). */
export type EncodingOption = Encoding | 'auto';

export const ENCODING_NAMES: Readonly<Record<Encoding, string>> = {
  utf8: 'UTF-8',
  utf16le: 'UTF-16 LE',
  utf16be: 'UTF-16 BE',
  'windows-1252': 'Windows-1252',
  latin1: 'Latin-1 (ISO-8859-1)',
};

export const DEFAULT_MAX_LINE_CHARS = 1 << 20;
export const DEFAULT_SAMPLE_BYTES = 1 << 16;

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

const BOMS: readonly { readonly encoding: Encoding; readonly bytes: readonly number[] }[] = [
  { encoding: 'utf8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf16be', bytes: [0xfe, 0xff] },
];

function bomOf(head: Uint8Array): Encoding | undefined {
  return BOMS.find((bom) => bom.bytes.every((b, i) => head[i] === b))?.encoding;
}

/**
 * Index of the first byte of the first sequence that is not valid UTF-8, or -1. When `final` is
 * false, a sequence cut off by the end of `bytes` is not counted as invalid.
 */
export function firstInvalidUtf8(bytes: Uint8Array, final = true): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0; // no overlong forms
      if (b === 0xed) hi = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f; // nothing above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return final ? i : -1;
      const c = bytes[i + k]!;
      if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** 1 + the line breaks (LF, CRLF or a lone CR) in bytes[0, end). */
function lineOfByte(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) {
    if (bytes[i] === 0x0a) line++;
    else if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) line++;
  }
  return line;
}

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

interface Choice {
  readonly encoding: Encoding;
  readonly reason: string;
}

function chooseEncoding(head: Uint8Array, complete: boolean, option: EncodingOption): Choice {
  const bom = bomOf(head);
  if (option !== 'auto') {
    if (bom !== undefined && bom !== option) {
      throw new FileFormatError(
        `the file begins with a ${ENCODING_NAMES[bom]} byte-order mark, but --encoding ${option} was given: ` +
          `expected ${ENCODING_NAMES[option]}; leave --encoding out (auto) or give --encoding ${bom}`,
        1,
      );
    }
    return { encoding: option, reason: 'given with --encoding' };
  }
  if (bom !== undefined) return { encoding: bom, reason: 'from its byte-order mark' };
  const bad = firstInvalidUtf8(head, complete);
  if (bad === -1) {
    return { encoding: 'utf8', reason: complete ? 'the whole file is valid UTF-8' : `the first ${head.length} bytes are valid UTF-8` };
  }
  // Invalid bytes beside valid multi-byte UTF-8 characters: a UTF-8 file with a stray byte (a
  // paste from elsewhere, a cut in a multi-byte character), not a Windows-1252 file. Reading it as
  // Windows-1252 would turn every "Ø" into "Ã˜" without a word, so it is an error naming the byte.
  if (isUtf8WithStrayBytes(head)) {
    throw new FileFormatError(
      `not valid UTF-8: byte ${hex(head[bad]!)} (byte ${bad + 1} of the file) is not part of any UTF-8 character, ` +
        'in a file whose other non-ASCII characters are UTF-8: fix that byte, or give --encoding windows-1252 if the file really is Windows-1252',
      lineOfByte(head, bad),
    );
  }
  return { encoding: 'windows-1252', reason: `not valid UTF-8: byte ${hex(head[bad]!)} on line ${lineOfByte(head, bad)}` };
}

/**
 * Whether bytes that are not all valid UTF-8 are still a UTF-8 text with stray bytes: no NUL
 * (binary data is the sniffer's to name) and at least as many well-formed multi-byte characters
 * as bytes that fit none. A Windows-1252 text has accented letters that are never well-formed
 * UTF-8 (save the rare pair like "Ã©"), so it has far more of the second kind.
 */
function isUtf8WithStrayBytes(bytes: Uint8Array): boolean {
  let wellFormed = 0;
  let stray = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0) return false;
    if (b < 0x80) continue;
    const need = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (need > 0 && i + need <= bytes.length && firstInvalidUtf8(bytes.subarray(i, i + need)) === -1) {
      wellFormed++;
      i += need - 1;
    } else stray++;
  }
  return wellFormed > 0 && wellFormed >= stray;
}

/** The bytes of a chunk decoded (Windows-1252, Latin-1, UTF-16; UTF-8 has Utf8Text below). */
interface ByteDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

async function iconvDecoder(encoding: Exclude<Encoding, 'utf8'>): Promise<ByteDecoder> {
  // Loaded only for the files that need it (its tables are large: a slower start for everyone).
  const { default: iconv } = await import('iconv-lite');
  const decoder = iconv.getDecoder(encoding);
  const buffer = (b: Uint8Array) => (Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength));
  return { write: (bytes) => decoder.write(buffer(bytes)), end: () => decoder.end() ?? '' };
}

/** How many bytes at the end of `bytes` begin a UTF-8 sequence that the next chunk completes. */
function incompleteTail(bytes: Uint8Array): number {
  for (let k = 1; k <= Math.min(3, bytes.length); k++) {
    const b = bytes[bytes.length - k]!;
    if (b < 0x80) return 0;
    if (b >= 0xc0) return (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2) > k ? k : 0;
  }
  return 0;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Text made LF-only, and what went wrong: the text is everything before the line at fault. */
export interface TextStep {
  readonly text: string;
  readonly error?: FileFormatError | undefined;
}

export interface LineTextOptions {
  /** Longest physical line accepted, in characters. */
  readonly maxLineChars: number;
  /** UTF-16 text: a high surrogate at a chunk's end waits for its pair; unpaired ones are errors. */
  readonly utf16?: Encoding | undefined;
  /** Drop a byte-order mark at the very start (text read from the beginning of a file). */
  readonly dropBom: boolean;
  /** The line of the first character (default 1). */
  readonly firstLine?: number | undefined;
}

/**
 * Decoded text → LF-only text, chunk by chunk: CRLF and lone CR become LF (a CR at a chunk's end
 * waits for the next), lines are counted and held to the length limit. When a line breaks a rule,
 * the text before that line is still given, with the error: what is read before a bad line never
 * depends on where the chunks happen to end (the worker threads cut files in other places).
 */
export class LineText {
  /** The line of the next character. */
  line: number;
  private lineLength = 0;
  private pendingCR = false;
  private first: boolean;
  private carry = '';

  constructor(private readonly options: LineTextOptions) {
    this.line = options.firstLine ?? 1;
    this.first = options.dropBom;
  }

  /** A CR held back from the previous chunk (it may be the first half of a CRLF). */
  get crPending(): boolean {
    return this.pendingCR;
  }

  push(chunk: string, final: boolean): TextStep {
    const utf16 = this.options.utf16;
    if (utf16 !== undefined) {
      chunk = this.carry + chunk;
      this.carry = '';
      const last = chunk.charCodeAt(chunk.length - 1);
      if (!final && last >= 0xd800 && last <= 0xdbff) {
        this.carry = chunk.slice(-1);
        chunk = chunk.slice(0, -1);
      }
    }
    // A byte-order mark is dropped by the decoders; text given as a string may still carry one.
    if (this.first && chunk.length > 0) {
      this.first = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    if (this.pendingCR) {
      chunk = '\r' + chunk;
      this.pendingCR = false;
    }
    // A CR at the very end may be the first half of a CRLF split across chunks.
    if (!final && chunk.endsWith('\r')) {
      this.pendingCR = true;
      chunk = chunk.slice(0, -1);
    }
    const out = chunk.indexOf('\r') === -1 ? chunk : chunk.replace(/\r\n?/g, '\n');
    return this.account(out);
  }

  // Count lines, enforce the line limit, and (UTF-16) refuse unpaired surrogates.
  private account(out: string): TextStep {
    const bad = this.options.utf16 === undefined ? null : LONE_SURROGATE.exec(out);
    const end = bad ? bad.index : out.length;
    const maxLine = this.options.maxLineChars;
    let start = 0;
    for (let i = out.indexOf('\n'); i !== -1 && i < end; i = out.indexOf('\n', i + 1)) {
      if (this.lineLength + (i - start) > maxLine) return { text: out.slice(0, start), error: tooLong(this.line, maxLine) };
      this.line++;
      this.lineLength = 0;
      start = i + 1;
    }
    if (this.lineLength + (end - start) > maxLine) return { text: out.slice(0, start), error: tooLong(this.line, maxLine) };
    if (bad) {
      const error = new FileFormatError(
        `not valid ${ENCODING_NAMES[this.options.utf16!]}: an unpaired surrogate (U+${out.charCodeAt(bad.index).toString(16).toUpperCase()})`,
        this.line,
      );
      return { text: out.slice(0, start), error };
    }
    this.lineLength += out.length - start;
    return { text: out };
  }
}

/** What an invalid UTF-8 byte's message advises. */
export function utf8Advice(detected: boolean, sampleBytes: number = DEFAULT_SAMPLE_BYTES): string {
  return detected
    ? `the first ${sampleBytes / 1024} KiB looked like UTF-8; if the file is from Windows, give --encoding windows-1252`
    : "give the file's encoding with --encoding (windows-1252, latin1, utf16le or utf16be)";
}

/**
 * Strict UTF-8 bytes → LF-only text, chunk by chunk (see LineText). A byte that is not UTF-8 is an
 * error naming its line; the text of the lines before it is still given.
 */
export class Utf8Text {
  private readonly decoder: InstanceType<typeof TextDecoder>;
  private previous: Uint8Array = new Uint8Array(0);

  /** `keepBom`: the bytes start inside a file, where U+FEFF is an ordinary character. */
  constructor(
    readonly lines: LineText,
    private readonly advice: string,
    keepBom = false,
  ) {
    // fatal: invalid bytes throw instead of becoming U+FFFD.
    this.decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: keepBom });
  }

  push(bytes: Uint8Array, final: boolean): TextStep {
    let text: string;
    try {
      text = this.decoder.decode(bytes, { stream: !final });
    } catch (error) {
      if (error instanceof TypeError) return this.invalid(bytes, final);
      throw error;
    }
    this.previous = bytes;
    return this.lines.push(text, final);
  }

  private invalid(bytes: Uint8Array, final: boolean): TextStep {
    // The decoder may hold the start of a sequence from the previous chunk: look at both.
    const tail = this.previous.subarray(this.previous.length - incompleteTail(this.previous));
    const all = concat([tail, bytes]);
    const at = firstInvalidUtf8(all, final);
    const where = at === -1 ? all.length : at;
    const before = lineOfByte(all, where) - 1 + (this.lines.crPending && all[0] !== 0x0a ? 1 : 0);
    const byte = at === -1 ? '' : ` ${hex(all[at]!)}`;
    const error = new FileFormatError(`not valid UTF-8: byte${byte} is not part of any UTF-8 character (${this.advice})`, this.lines.line + before);
    // The lines before the one that holds the bad byte are still read.
    const lastLf = where === 0 ? -1 : all.lastIndexOf(0x0a, where - 1); // (a negative start counts from the end)
    const good = lastLf < 0 ? '' : new TextDecoder('utf-8', { ignoreBOM: true }).decode(all.subarray(0, lastLf + 1));
    const step = this.lines.push(good, false);
    return { text: step.text, error: step.error ?? error };
  }
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

function tooLong(line: number, max: number): FileFormatError {
  return new FileFormatError(
    `the line is longer than ${max.toLocaleString('en-US')} characters: expected CSV rows of ordinary length (is this really a CSV file?)`,
    line,
  );
}
