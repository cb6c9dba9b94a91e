// The flat columns of a Parquet row group, decoded page by page into typed arrays (issue 18).
// hyparquet (read-parquet.ts) gives each column as a JavaScript array built value by value through
// its assembly of nested lists, even for a flat column that only may be null (every column a
// database or a data frame writes): on 4.95 million rows that assembly and the garbage of boxed
// numbers took 2.3 s, where the CSV file of the same rows reads in 0.8 s. No package decodes
// Parquet pages into typed arrays without that step, so the common case is decoded here:
//   a top-level column, REQUIRED or OPTIONAL; INT32, INT64, FLOAT, DOUBLE, or BYTE_ARRAY read as
//   UTF-8 text; PLAIN or dictionary (PLAIN_DICTIONARY, RLE_DICTIONARY) values; definition levels
//   in the RLE/bit-packed hybrid; data pages v1 and v2; any codec hyparquet-compressors has.
// The values are those hyparquet gives (its conversions: text decoded by a TextDecoder as its
// own, null where the definition level says so), but for INT64: hyparquet gives a bigint, this
// reader the same integer as a number (String(1995n) is String(1995), Number() of either is the
// same: the row checks cannot tell them apart); a group with an INT64 beyond the safe integers is
// left to hyparquet. A column of any other kind (dates, decimals, unsigned or nested columns,
// booleans, other encodings, an encrypted or external chunk) gets no reader here, and a row group
// whose pages break off or do not add up is left to hyparquet, which reads it or says what is
// wrong in its own words.
// The encodings are read by parquet-encodings.ts, the page headers by parquet-thrift.ts.
// test/io/parquet-pages.test.ts holds the values to hyparquet's on random files.
import type { ColumnMetaData, Compressors, FileMetaData, SchemaElement } from 'hyparquet';
import type { FigureKind } from '../core/figure-rows.js';
import type { NumberFormat } from '../core/numbers.js';
import type { PieceRows } from './piece-columns.js';
import { countOnes, type Dictionary, type Kind, readHybrid, readLevels, readPlainValues, UndecodablePage, viewOf } from './parquet-encodings.js';
import { DATA_PAGE, DATA_PAGE_V2, DICTIONARY_PAGE, PLAIN, PLAIN_DICTIONARY, readPageHeader, RLE, RLE_DICTIONARY } from './parquet-thrift.js';

/** A text column as its dictionary and each row's index into it (−1: null): its rows share the
 * dictionary's strings, so each distinct text is checked once (parquet-figures.ts). */
export class DictionaryColumn {
  constructor(
    readonly dictionary: readonly unknown[],
    readonly indices: Int32Array,
  ) {}

  get length(): number {
    return this.indices.length;
  }
}

/** A decoded column of one row group: values (typed when none is null), or a dictionary column. */
export type DecodedColumn = ArrayLike<unknown> | DictionaryColumn;

/** The kept columns of a group by their index in the file (`kept`: index → SPEC column; `names`:
 * the file's columns), a column not decoded standing as `rows` empty cells. */
export function columnsByIndex(kept: readonly (readonly [number, string])[], names: readonly string[], columns: ReadonlyMap<string, DecodedColumn>, rows: number): DecodedColumn[] {
  const byIndex: DecodedColumn[] = [];
  for (const [i] of kept) byIndex[i] = columns.get(names[i]!) ?? { length: rows };
  return byIndex;
}

/** Row k's value of a decoded column. */
export function columnValue(column: DecodedColumn, k: number): unknown {
  if (column instanceof DictionaryColumn) {
    const i = column.indices[k]!;
    return i < 0 ? null : column.dictionary[i];
  }
  return column[k];
}

/**
 * A row group whose rows a worker thread took itself (parquet-figures.ts there): the pieces of rows
 * taken and, in file order between them, the rows (by their index in the group) the row check is
 * to read, with the group's columns when there are such rows (their cells' text is made here).
 */
export interface TakenGroup {
  readonly segments: readonly ({ readonly rows: PieceRows } | { readonly check: number })[];
  readonly columns: Map<string, DecodedColumn> | undefined;
}

/** What a worker thread needs to take a group's rows itself: ParquetFigures' kind, number format and
 * kept columns (file column index → SPEC column), and the file's column names. */
export interface GroupTaking {
  readonly kind: FigureKind;
  readonly format: NumberFormat;
  readonly kept: readonly (readonly [number, string])[];
  readonly names: readonly string[];
}

/**
 * Row groups decoded ahead in worker threads (parallel/parquet-groups.ts, given by the caller: io
 * never loads the parallel layer): `group(i)` gives what FlatGroupReader.read(i) gives, or — when
 * a worker took the group's rows itself (`taking` given) — its pieces of rows; asked for in order,
 * each once; `close()` ends the threads.
 */
export interface GroupDecoding {
  group(index: number): Promise<Map<string, DecodedColumn> | TakenGroup | undefined>;
  close(): Promise<void>;
}

/** Starts GroupDecoding for a file's kept columns (the same arguments as FlatGroupReader.of, and
 * what a worker needs to take rows itself). */
export type ParallelGroupDecoder = (
  file: Uint8Array,
  metadata: FileMetaData,
  columns: readonly string[],
  compressors: Compressors,
  taking?: GroupTaking | undefined,
) => GroupDecoding;

/** The kind of values a schema element holds, when it is one this reader decodes as hyparquet does. */
function kindOf(element: SchemaElement): Kind | undefined {
  if (element.num_children || (element.repetition_type !== 'REQUIRED' && element.repetition_type !== 'OPTIONAL')) return undefined;
  const converted = element.converted_type;
  const logical = element.logical_type;
  const signedInteger = logical === undefined || (logical.type === 'INTEGER' && logical.isSigned);
  switch (element.type) {
    case 'INT32':
      return (converted === undefined || converted === 'INT_8' || converted === 'INT_16' || converted === 'INT_32') && signedInteger ? 'int32' : undefined;
    case 'INT64':
      return (converted === undefined || converted === 'INT_64') && signedInteger ? 'int64' : undefined;
    case 'FLOAT':
      return converted === undefined && logical === undefined ? 'float' : undefined;
    case 'DOUBLE':
      return converted === undefined && logical === undefined ? 'double' : undefined;
    case 'BYTE_ARRAY':
      return (converted === undefined || converted === 'UTF8') && (logical === undefined || logical.type === 'STRING') ? 'text' : undefined;
    default:
      return undefined;
  }
}

/** Reads the row groups of one file's kept columns. */
export class FlatGroupReader {
  private constructor(
    private readonly file: Uint8Array,
    private readonly metadata: FileMetaData,
    /** Per kept column: its index among the file's columns, its kind, and whether it may be null. */
    private readonly columns: readonly { readonly name: string; readonly index: number; readonly kind: Kind; readonly optional: boolean }[],
    private readonly compressors: Compressors,
  ) {}

  /** A reader for `names` (top-level columns of the file), or undefined when one of them is of a
   * kind this reader leaves to hyparquet. */
  static of(file: Uint8Array, metadata: FileMetaData, names: readonly string[], compressors: Compressors): FlatGroupReader | undefined {
    const leaves = metadata.schema.slice(1);
    // Only a schema of top-level leaves: then the file's i-th column is the schema's i-th child.
    if (leaves.some((e) => e.num_children)) return undefined;
    const columns = [];
    for (const name of names) {
      const index = leaves.findIndex((e) => e.name === name);
      const kind = index < 0 ? undefined : kindOf(leaves[index]!);
      if (kind === undefined) return undefined;
      columns.push({ name, index, kind, optional: leaves[index]!.repetition_type === 'OPTIONAL' });
    }
    return new FlatGroupReader(file, metadata, columns, compressors);
  }

  /** Row group `group`'s kept columns by name, or undefined when hyparquet is to read it. */
  read(group: number): Map<string, DecodedColumn> | undefined {
    const rowGroup = this.metadata.row_groups[group]!;
    const rows = Number(rowGroup.num_rows);
    const out = new Map<string, DecodedColumn>();
    try {
      for (const column of this.columns) {
        const chunk = rowGroup.columns[column.index];
        const meta = chunk?.meta_data;
        if (chunk === undefined || meta === undefined || chunk.file_path !== undefined || chunk.crypto_metadata !== undefined || meta.path_in_schema.join('.') !== column.name) return undefined;
        out.set(column.name, this.readChunk(meta, column.kind, column.optional, rows));
      }
    } catch (error) {
      if (error instanceof UndecodablePage || error instanceof RangeError) return undefined;
      throw error;
    }
    return out;
  }

  private readChunk(meta: ColumnMetaData, kind: Kind, optional: boolean, rows: number): DecodedColumn {
    // Where the chunk starts, as hyparquet finds it (a dictionary offset of 0 means none).
    let start = Number(meta.dictionary_page_offset ?? 0);
    const dataStart = Number(meta.data_page_offset);
    if (!start || dataStart < start) start = dataStart;
    const end = start + Number(meta.total_compressed_size);
    if (end > this.file.length) throw new UndecodablePage('chunk past the end of the file');
    const view = new DataView(this.file.buffer, this.file.byteOffset, this.file.byteLength);
    const reader = { view, offset: start };
    const values = new ColumnValues(kind, rows);
    let dictionary: Dictionary | undefined;
    while (values.rows < rows) {
      if (reader.offset >= end) throw new UndecodablePage('the pages end before the rows do');
      const header = readPageHeader(reader);
      const bodyStart = reader.offset;
      const compressedSize = header.compressed_page_size;
      reader.offset += compressedSize;
      if (reader.offset > end) throw new UndecodablePage('a page past the end of its chunk');
      const body = this.file.subarray(bodyStart, bodyStart + compressedSize);
      if (header.type === DICTIONARY_PAGE) {
        const page = this.decompress(body, header.uncompressed_page_size, meta.codec);
        const count = header.dictionary_num_values ?? 0;
        dictionary = readPlainValues(kind, { view: viewOf(page), offset: 0 }, count);
      } else if (header.type === DATA_PAGE || header.type === DATA_PAGE_V2) {
        let page: Uint8Array;
        let defined: Uint8Array | undefined;
        const count = header.num_values ?? 0;
        if (header.type === DATA_PAGE) {
          page = this.decompress(body, header.uncompressed_page_size, meta.codec);
          if (optional) {
            // v1: the definition levels first, after their length in 4 bytes.
            if (header.definition_level_encoding !== RLE) throw new UndecodablePage('definition levels not in RLE');
            const view = viewOf(page);
            const end = 4 + view.getUint32(0, true);
            defined = readLevels({ view, offset: 4 }, count, end);
            page = page.subarray(end);
          }
        } else {
          // v2: the levels come first, never compressed; then the values, compressed unless said not.
          const repLength = header.repetition_levels_byte_length ?? 0;
          const defLength = header.definition_levels_byte_length ?? 0;
          if (repLength !== 0 || (!optional && defLength !== 0)) throw new UndecodablePage('levels in a flat required column');
          if (optional) defined = readLevels({ view: viewOf(body), offset: 0 }, count, defLength);
          const rest = body.subarray(repLength + defLength);
          page = header.is_compressed === false ? rest : this.decompress(rest, header.uncompressed_page_size - repLength - defLength, meta.codec);
        }
        const present = defined === undefined ? count : countOnes(defined);
        const r = { view: viewOf(page), offset: 0 };
        const encoding = header.encoding;
        if (encoding === PLAIN) values.addPlain(readPlainValues(kind, r, present), defined, count);
        else if (encoding === PLAIN_DICTIONARY || encoding === RLE_DICTIONARY) {
          if (dictionary === undefined) throw new UndecodablePage('dictionary indices without a dictionary');
          const indices = new Int32Array(present);
          // A bit width of 0: every index is 0 (hyparquet reads nothing more either).
          const bitWidth = present === 0 ? 0 : page[0]!;
          r.offset = 1;
          if (bitWidth > 0) readHybrid(r, bitWidth, indices, present, page.length);
          values.addIndexed(dictionary, indices, defined, count);
        } else throw new UndecodablePage(`encoding ${encoding}`);
      } else throw new UndecodablePage(`page type ${header.type}`);
    }
    // (A page with more rows than the group has left was refused as it was placed.)
    return values.finish();
  }

  private decompress(bytes: Uint8Array, size: number, codec: string): Uint8Array {
    if (codec === 'UNCOMPRESSED') {
      if (bytes.length !== size) throw new UndecodablePage('page size');
      return bytes;
    }
    const decompress = this.compressors[codec as keyof Compressors];
    if (decompress === undefined) throw new UndecodablePage(`codec ${codec}`);
    let page: Uint8Array;
    try {
      page = decompress(bytes, size);
    } catch (error) {
      // A page the codec refuses: hyparquet reads the group, and says what is wrong if it is.
      throw new UndecodablePage(`the ${codec} page does not decompress: ${(error as Error).message}`);
    }
    if (page.length !== size) throw new UndecodablePage('page size');
    return page;
  }
}

/** The values of one column chunk as its pages give them, in rows. */
class ColumnValues {
  rows = 0;
  private nulls = false;
  /** Text: every row's index into `texts` (−1: null). */
  private readonly indices: Int32Array | undefined;
  private readonly texts: string[] = [];
  /** The dictionary whose strings `texts` holds from `dictionaryAt` on. */
  private textDictionary: readonly string[] | undefined;
  private dictionaryAt = 0;
  /** Numbers: every row's value (`nullRows` says which rows are null). */
  private readonly numbers: Float64Array | Int32Array | Float32Array | undefined;
  private readonly nullRows: Uint8Array | undefined;

  constructor(
    private readonly kind: Kind,
    rows: number,
  ) {
    if (kind === 'text') this.indices = new Int32Array(rows);
    else {
      this.numbers = kind === 'int32' ? new Int32Array(rows) : kind === 'float' ? new Float32Array(rows) : new Float64Array(rows);
      this.nullRows = new Uint8Array(rows);
    }
  }

  /** A page of PLAIN values (`defined`: which of its `count` rows have one). */
  addPlain(values: Dictionary, defined: Uint8Array | undefined, count: number): void {
    if (this.kind === 'text') {
      // Each text becomes an entry of its own.
      const base = this.texts.length;
      for (const t of values as readonly string[]) this.texts.push(t);
      this.textDictionary = undefined;
      this.placeIndices(defined, count, base, undefined, values.length);
    } else this.placeNumbers(defined, count, values as Float64Array, undefined);
  }

  /** A page of dictionary indices. */
  addIndexed(dictionary: Dictionary, indices: Int32Array, defined: Uint8Array | undefined, count: number): void {
    if (this.kind !== 'text') {
      this.placeNumbers(defined, count, dictionary as Float64Array, indices);
      return;
    }
    const texts = dictionary as readonly string[];
    if (this.textDictionary !== texts) {
      this.textDictionary = texts;
      this.dictionaryAt = this.texts.length;
      for (const t of texts) this.texts.push(t);
    }
    this.placeIndices(defined, count, this.dictionaryAt, indices, texts.length);
  }

  /** Rows of a text page: entry `base + i` for the page's i-th value (through `indices` when given). */
  private placeIndices(defined: Uint8Array | undefined, count: number, base: number, indices: Int32Array | undefined, entries: number): void {
    const out = this.indices!;
    const start = this.rows;
    if (start + count > out.length) throw new UndecodablePage('the pages hold more rows than the group');
    let v = 0;
    for (let i = 0; i < count; i++) {
      if (defined !== undefined && defined[i] === 0) {
        out[start + i] = -1;
        this.nulls = true;
        continue;
      }
      const entry = indices === undefined ? v : indices[v]!;
      if (entry >= entries || v >= (indices?.length ?? entries)) throw new UndecodablePage('a value past its dictionary or page');
      out[start + i] = base + entry;
      v++;
    }
    this.rows += count;
  }

  /** Rows of a number page: the page's i-th value (through `indices` when given). */
  private placeNumbers(defined: Uint8Array | undefined, count: number, values: Float64Array | Int32Array | Float32Array, indices: Int32Array | undefined): void {
    const out = this.numbers!;
    const start = this.rows;
    if (start + count > out.length) throw new UndecodablePage('the pages hold more rows than the group');
    const present = indices?.length ?? values.length;
    let v = 0;
    for (let i = 0; i < count; i++) {
      if (defined !== undefined && defined[i] === 0) {
        this.nullRows![start + i] = 1;
        this.nulls = true;
        continue;
      }
      const entry = indices === undefined ? v : indices[v]!;
      if (entry >= values.length || v >= present) throw new UndecodablePage('a value past its dictionary or page');
      out[start + i] = values[entry]!;
      v++;
    }
    this.rows += count;
  }

  finish(): DecodedColumn {
    if (this.kind === 'text') return new DictionaryColumn(this.texts, this.indices!);
    const numbers = this.numbers!;
    if (!this.nulls) return numbers;
    const out = new Array<unknown>(numbers.length);
    for (let i = 0; i < numbers.length; i++) out[i] = this.nullRows![i] ? null : numbers[i];
    return out;
  }
}
