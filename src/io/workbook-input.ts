// Telling an Excel workbook from a text file before reading it: by its name (.xlsx, .xlsm) or by
// its first bytes (a zip archive that is not an OpenDocument file). A workbook's bytes are
// gathered whole (exceljs reads a workbook from memory); any other input is handed back with its
// first bytes put in front of the rest, so the text reader sees the same stream.
import type { OpenedInput } from './input-source.js';
import { hasWorkbookExtension, looksLikeXlsx, MAX_WORKBOOK_BYTES } from './xlsx-sheet.js';

/** Bytes needed to tell a workbook: the zip signature and the first entry's name. */
const HEAD_BYTES = 38;

/**
 * The input as a workbook (all its bytes; at most a little over MAX_WORKBOOK_BYTES, which the
 * reader then refuses), or as it was, for the text reader.
 */
export async function takeWorkbook(opened: OpenedInput): Promise<{ opened: OpenedInput; workbook?: Uint8Array | undefined }> {
  const byName = hasWorkbookExtension(opened.name);
  const iterator = opened.bytes[Symbol.asyncIterator]();
  const head: (Uint8Array | string)[] = [];
  let length = 0;
  let done = false;
  while (length < HEAD_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    // Text given in memory is never a workbook.
    if (typeof next.value === 'string') {
      head.push(next.value);
      length = Infinity;
      break;
    }
    head.push(next.value);
    length += next.value.length;
  }
  const binary = head.every((part): part is Uint8Array => typeof part !== 'string');
  const first = binary ? Buffer.concat(head) : undefined;
  if (first !== undefined && (byName || looksLikeXlsx(first))) {
    const parts: Uint8Array[] = [first];
    let total = first.length;
    while (!done && total <= MAX_WORKBOOK_BYTES) {
      const next = await iterator.next();
      if (next.done) break;
      const chunk = typeof next.value === 'string' ? new TextEncoder().encode(next.value) : next.value;
      parts.push(chunk);
      total += chunk.length;
    }
    if (!done && total > MAX_WORKBOOK_BYTES) await iterator.return?.();
    return { opened, workbook: parts.length === 1 ? first : Buffer.concat(parts, total) };
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
  return { opened: { ...opened, bytes: again() }, workbook: undefined };
}
