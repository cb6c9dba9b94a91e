// The page headers of a Parquet column chunk: Thrift's compact protocol, as the Parquet format
// writes them (parquet.thrift PageHeader), read as far as parquet-pages.ts needs — the page's
// type and sizes, and its data or dictionary page header. Other fields are skipped. Pure; no IO.
import { readVarint, type Reader, UndecodablePage } from './parquet-encodings.js';

export const DATA_PAGE = 0;
export const DICTIONARY_PAGE = 2;
export const DATA_PAGE_V2 = 3;
export const PLAIN = 0;
export const PLAIN_DICTIONARY = 2;
export const RLE = 3;
export const RLE_DICTIONARY = 8;

/** What a page header says that the reader uses (parquet.thrift PageHeader and its page headers). */
export interface PageHeader {
  type: number;
  uncompressed_page_size: number;
  compressed_page_size: number;
  num_values?: number;
  encoding?: number;
  definition_level_encoding?: number;
  dictionary_num_values?: number;
  definition_levels_byte_length?: number;
  repetition_levels_byte_length?: number;
  is_compressed?: boolean;
}

export function readPageHeader(r: Reader): PageHeader {
  const header: PageHeader = { type: -1, uncompressed_page_size: -1, compressed_page_size: -1 };
  readStruct(r, (id, type) => {
    if (id === 1 && type === I32) header.type = readZigzag(r);
    else if (id === 2 && type === I32) header.uncompressed_page_size = readZigzag(r);
    else if (id === 3 && type === I32) header.compressed_page_size = readZigzag(r);
    else if (id === 5 && type === STRUCT) {
      // DataPageHeader: num_values, encoding, definition_level_encoding, repetition_level_encoding, statistics.
      readStruct(r, (f, t) => {
        if (f === 1 && t === I32) header.num_values = readZigzag(r);
        else if (f === 2 && t === I32) header.encoding = readZigzag(r);
        else if (f === 3 && t === I32) header.definition_level_encoding = readZigzag(r);
        else skip(r, t);
      });
    } else if (id === 7 && type === STRUCT) {
      // DictionaryPageHeader: num_values, encoding, is_sorted.
      readStruct(r, (f, t) => {
        if (f === 1 && t === I32) header.dictionary_num_values = readZigzag(r);
        else if (f === 2 && t === I32) {
          const encoding = readZigzag(r);
          if (encoding !== PLAIN && encoding !== PLAIN_DICTIONARY) throw new UndecodablePage(`dictionary encoding ${encoding}`);
        } else skip(r, t);
      });
    } else if (id === 8 && type === STRUCT) {
      // DataPageHeaderV2: num_values, num_nulls, num_rows, encoding, definition_levels_byte_length,
      // repetition_levels_byte_length, is_compressed, statistics.
      readStruct(r, (f, t) => {
        if (f === 1 && t === I32) header.num_values = readZigzag(r);
        else if (f === 4 && t === I32) header.encoding = readZigzag(r);
        else if (f === 5 && t === I32) header.definition_levels_byte_length = readZigzag(r);
        else if (f === 6 && t === I32) header.repetition_levels_byte_length = readZigzag(r);
        else if (f === 7 && (t === TRUE || t === FALSE)) header.is_compressed = t === TRUE;
        else skip(r, t);
      });
    } else skip(r, type);
  });
  if (header.type < 0 || header.compressed_page_size < 0 || header.uncompressed_page_size < 0) throw new UndecodablePage('page header');
  return header;
}

// The compact protocol's type codes (a boolean field's value is its type: TRUE or FALSE).
const TRUE = 1;
const FALSE = 2;
const BYTE = 3;
const I16 = 4;
const I32 = 5;
const I64 = 6;
const DOUBLE = 7;
const BINARY = 8;
const LIST = 9;
const SET = 10;
const MAP = 11;
const STRUCT = 12;

/** Calls `field(id, type)` for each field of a struct, which must read or skip its value. */
function readStruct(r: Reader, field: (id: number, type: number) => void): void {
  let id = 0;
  for (;;) {
    const byte = r.view.getUint8(r.offset++);
    const type = byte & 0x0f;
    if (type === 0) return;
    const delta = byte >> 4;
    id = delta === 0 ? readZigzag(r) : id + delta;
    field(id, type);
  }
}

function readZigzag(r: Reader): number {
  const n = readVarint(r);
  return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
}

/** A boolean inside a list or map is a byte of its own (in a struct its field type holds it). */
function skipElement(r: Reader, type: number): void {
  if (type === TRUE || type === FALSE) r.offset++;
  else skip(r, type);
}

function skip(r: Reader, type: number): void {
  switch (type) {
    case TRUE:
    case FALSE:
      return;
    case BYTE:
      r.offset++;
      return;
    case I16:
    case I32:
    case I64:
      // Up to ten bytes for an i64: skipped without making its value.
      while (r.view.getUint8(r.offset++) & 0x80);
      return;
    case DOUBLE:
      r.offset += 8;
      return;
    case BINARY: {
      // The length first: `r.offset += readVarint(r)` would add to the offset before the varint.
      const length = readVarint(r);
      r.offset += length;
      return;
    }
    case LIST:
    case SET: {
      const byte = r.view.getUint8(r.offset++);
      const size = byte >> 4 === 15 ? readVarint(r) : byte >> 4;
      const element = byte & 0x0f;
      for (let i = 0; i < size; i++) skipElement(r, element);
      return;
    }
    case MAP: {
      const size = readVarint(r);
      if (size === 0) return;
      const types = r.view.getUint8(r.offset++);
      for (let i = 0; i < size; i++) {
        skipElement(r, types >> 4);
        skipElement(r, types & 0x0f);
      }
      return;
    }
    case STRUCT:
      readStruct(r, (_, t) => skip(r, t));
      return;
    default:
      throw new UndecodablePage(`thrift type ${type}`);
  }
}
