// Text encodings of input files, and how one is chosen (`auto`): a byte-order mark decides first
// (UTF-8, UTF-16 LE, UTF-16 BE); else a file whose first 64 KiB are valid UTF-8 is UTF-8; else it is
// Windows-1252 (what Excel and most Windows programs write when they do not write Unicode). An
// explicit encoding that a byte-order mark contradicts is an error.
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

export const DEFAULT_SAMPLE_BYTES = 1 << 16;

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
export function lineOfByte(bytes: Uint8Array, end: number): number {
  let line = 1;
  for (let i = 0; i < end; i++) {
    if (bytes[i] === 0x0a) line++;
    else if (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a) line++;
  }
  return line;
}

export const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export interface Choice {
  readonly encoding: Encoding;
  readonly reason: string;
}

export function chooseEncoding(head: Uint8Array, complete: boolean, option: EncodingOption): Choice {
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
export interface ByteDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

export async function iconvDecoder(encoding: Exclude<Encoding, 'utf8'>): Promise<ByteDecoder> {
  // Loaded only for the files that need it (its tables are large: a slower start for everyone).
  const { default: iconv } = await import('iconv-lite');
  const decoder = iconv.getDecoder(encoding);
  const buffer = (b: Uint8Array) => (Buffer.isBuffer(b) ? b : Buffer.from(b.buffer, b.byteOffset, b.byteLength));
  return { write: (bytes) => decoder.write(buffer(bytes)), end: () => decoder.end() ?? '' };
}

/** What an invalid UTF-8 byte's message advises. */
export function utf8Advice(detected: boolean, sampleBytes: number = DEFAULT_SAMPLE_BYTES): string {
  return detected
    ? `the first ${sampleBytes / 1024} KiB looked like UTF-8; if the file is from Windows, give --encoding windows-1252`
    : "give the file's encoding with --encoding (windows-1252, latin1, utf16le or utf16be)";
}
