// Parquet's value encodings as flat columns use them (parquet-pages.ts): PLAIN values of the
// physical types read there, the RLE/bit-packed hybrid of definition levels and dictionary
// indices, and the unsigned varints both are framed with (the Parquet format's Encodings.md).
// Anything else — or bytes that end early — is an UndecodablePage, which leaves the row group to
// hyparquet. Pure; no IO.

/** A page this reader does not decode, or pages that do not add up: hyparquet's turn. */
export class UndecodablePage extends Error {}

/** The kinds of values a flat column holds (parquet-pages.ts kindOf). */
export type Kind = 'int32' | 'int64' | 'float' | 'double' | 'text';

/** The same decoding as hyparquet's (its default text parser). */
const utf8 = new TextDecoder();

/** Bytes being read, and where. */
export interface Reader {
  readonly view: DataView;
  offset: number;
}

export const viewOf = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** A dictionary's values, or a page's PLAIN values: text as strings, numbers as a typed array
 * (INT64 as doubles: a value beyond the safe integers is hyparquet's to read, as a bigint). */
export type Dictionary = readonly string[] | Int32Array | Float32Array | Float64Array;

/** `count` PLAIN values of `kind`. */
export function readPlainValues(kind: Kind, r: Reader, count: number): Dictionary {
  const { view } = r;
  if (kind === 'text') {
    const out = new Array<string>(count);
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    for (let i = 0; i < count; i++) {
      const length = view.getUint32(r.offset, true);
      r.offset += 4;
      if (r.offset + length > bytes.length) throw new UndecodablePage('text past the end of its page');
      out[i] = utf8.decode(bytes.subarray(r.offset, r.offset + length));
      r.offset += length;
    }
    return out;
  }
  const size = kind === 'int32' || kind === 'float' ? 4 : 8;
  if (r.offset + count * size > view.byteLength) throw new UndecodablePage('values past the end of their page');
  const at = r.offset;
  r.offset += count * size;
  if (kind === 'int64') {
    // Two 32-bit halves, little-endian: a safe integer is high × 2³² + low exactly.
    const out = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const low = view.getUint32(at + 8 * i, true);
      const high = view.getInt32(at + 8 * i + 4, true);
      if (high > 0x1f_ffff || high < -0x20_0000 || (high === -0x20_0000 && low === 0)) throw new UndecodablePage('an INT64 beyond the safe integers');
      out[i] = high * 4294967296 + low;
    }
    return out;
  }
  // Copied into an aligned buffer (a typed array view needs its element size as alignment).
  const copy = new Uint8Array(count * size);
  copy.set(new Uint8Array(view.buffer, view.byteOffset + at, count * size));
  if (kind === 'int32') return new Int32Array(copy.buffer);
  if (kind === 'float') return new Float32Array(copy.buffer);
  return new Float64Array(copy.buffer);
}

/** A flat column's definition levels (bit width 1): 1 where the row has a value; undefined when
 * every row has one (one run of 1s, as writers write a page without nulls). */
export function readLevels(r: Reader, count: number, end: number): Uint8Array | undefined {
  const start = r.offset;
  if (count > 0 && start < end) {
    const header = readVarint(r);
    if (header % 2 === 0 && header / 2 >= count && r.offset < end && r.view.getUint8(r.offset) === 1) return undefined;
    r.offset = start;
  }
  const levels = new Uint8Array(count);
  readHybrid(r, 1, levels, count, end);
  return levels;
}

export function countOnes(levels: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < levels.length; i++) n += levels[i]!;
  return n;
}

/** `count` values of the RLE/bit-packed hybrid encoding at `bitWidth` into `out`, reading no further than `end`. */
export function readHybrid(r: Reader, bitWidth: number, out: Uint8Array | Int32Array, count: number, end: number): void {
  if (bitWidth > 32) throw new UndecodablePage('bit width');
  const bytes = new Uint8Array(r.view.buffer, r.view.byteOffset, r.view.byteLength);
  const width = (bitWidth + 7) >> 3;
  let i = 0;
  while (i < count) {
    if (r.offset >= end) throw new UndecodablePage('levels or indices end early');
    const header = readVarint(r);
    if (header % 2 === 1) {
      // Bit-packed: groups of 8 values, least significant bit first.
      const values = Math.floor(header / 2) * 8;
      const byteCount = (values * bitWidth) >> 3;
      if (r.offset + byteCount > end) throw new UndecodablePage('bit-packed run past its end');
      const base = r.offset;
      const stop = Math.min(count, i + values);
      if (bitWidth <= 24) {
        // A window of at most 31 bits, filled a byte at a time.
        const mask = (1 << bitWidth) - 1;
        let at = base;
        let window = 0;
        let bits = 0;
        for (; i < stop; i++) {
          while (bits < bitWidth) {
            window |= bytes[at++]! << bits;
            bits += 8;
          }
          out[i] = window & mask;
          window >>>= bitWidth;
          bits -= bitWidth;
        }
      } else {
        let bit = 0;
        for (; i < stop; i++) {
          let value = 0;
          for (let got = 0; got < bitWidth; got++, bit++) if ((bytes[base + (bit >> 3)]! >> (bit & 7)) & 1) value += 2 ** got;
          out[i] = value;
        }
      }
      r.offset = base + byteCount;
    } else {
      const run = Math.floor(header / 2);
      if (r.offset + width > end) throw new UndecodablePage('run past its end');
      let value = 0;
      for (let b = 0; b < width; b++) value |= bytes[r.offset + b]! << (8 * b);
      r.offset += width;
      const stop = Math.min(count, i + run);
      out.fill(value >>> 0, i, stop);
      i = stop;
    }
  }
}

export function readVarint(r: Reader): number {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = r.view.getUint8(r.offset++);
    result += (byte & 0x7f) * 2 ** shift;
    if (!(byte & 0x80)) return result;
    shift += 7;
    if (shift > 49) throw new UndecodablePage('varint too long');
  }
}
