// Telling a table stored in a binary format from a text file before reading it: an Excel workbook
// by its name (.xlsx, .xlsm) or by its first bytes (a zip archive that is not an OpenDocument
// file); a Parquet file by its name (.parquet) or by its first bytes (the magic PAR1 followed by
// binary data, not text that happens to begin with those letters). Such a file's bytes are
// gathered whole (exceljs and hyparquet read from memory); any other input is handed back with
// its first bytes put in front of the rest, so the text reader sees the same stream.
import { type OpenedInput, STDIN_NAME } from './input-source.js';
import { hasWorkbookExtension, looksLikeXlsx, MAX_WORKBOOK_BYTES } from './xlsx-sheet.js';

/** Bytes needed to tell a workbook: the zip signature and the first entry's name. */
const HEAD_BYTES = 38;

/** The binary table formats servicegap reads. */
export type BinaryTableFormat = 'xlsx' | 'parquet';

/** Is a file named like a Parquet file (.parquet)? */
export function hasParquetExtension(name: string): boolean {
  return name !== STDIN_NAME && /\.parquet$/i.test(name);
}

/** Do these first bytes begin a Parquet file: PAR1, then the first page's header (binary)? */
function looksLikeParquet(head: Uint8Array): boolean {
  if (head.length < 5 || head[0] !== 0x50 || head[1] !== 0x41 || head[2] !== 0x52 || head[3] !== 0x31) return false;
  const next = head[4]!;
  return next < 0x20 && next !== 0x09 && next !== 0x0a && next !== 0x0d;
}

/**
 * The input as a workbook or a Parquet file (all its bytes; a workbook at most a little over
 * MAX_WORKBOOK_BYTES, which its reader then refuses), or as it was, for the text reader. A file
 * named .parquet is handed to the Parquet reader whatever it holds (text too: it then says that
 * it is not a Parquet file).
 */
export async function takeBinaryTable(opened: OpenedInput): Promise<{ opened: OpenedInput; binary?: { format: BinaryTableFormat; bytes: Uint8Array } | undefined }> {
  const named: BinaryTableFormat | undefined = hasWorkbookExtension(opened.name) ? 'xlsx' : hasParquetExtension(opened.name) ? 'parquet' : undefined;
  const iterator = opened.bytes[Symbol.asyncIterator]();
  const encode = (chunk: Uint8Array | string) => (typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  const head: (Uint8Array | string)[] = [];
  let length = 0;
  let done = false;
  while (length < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    // Text given in memory is never a binary table, unless it is named like a Parquet file.
    if (typeof next.value === 'string') {
      length = Infinity;
      break;
    }
    length += next.value.length;
  }
  const binary = head.every((part): part is Uint8Array => typeof part !== 'string');
  const first = binary ? Buffer.concat(head) : undefined;
  const format =
    named === 'parquet' || (first !== undefined && named === undefined && looksLikeParquet(first))
      ? 'parquet'
      : first !== undefined && (named === 'xlsx' || looksLikeXlsx(first))
        ? 'xlsx'
        : undefined;
  if (format !== undefined) {
    const parts: Uint8Array[] = head.map(encode);
    let total = parts.reduce((n, p) => n + p.length, 0);
    // A Parquet file is read whole whatever its size (the rows need all of it); a workbook up to the limit.
    const limit = format === 'xlsx' ? MAX_WORKBOOK_BYTES : Infinity;
    while (!done && total <= limit) {
      const next = await iterator.next();
      if (next.done) break;
      const chunk = encode(next.value);
      parts.push(chunk);
      total += chunk.length;
    }
    if (!done && total > limit) await iterator.return?.();
    return { opened, binary: { format, bytes: parts.length === 1 ? parts[0]! : Buffer.concat(parts, total) } };
  }
  async function* again(): AsyncGenerator<Uint8Array | string> {
    try {
      yield* head;
      if (done) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      // A reader that gives up early closes the file now (return() reaches the file stream).
      if (!done) await iterator.return?.();
    }
  }
  return { opened: { ...opened, bytes: again() }, binary: undefined };
}
