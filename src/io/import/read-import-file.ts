// Reading one statistics-office file for `servicegap import`: its bytes (gzip unpacked, as
// Eurostat's bulk files come), its text in the right encoding, and the format's reader.
//
// Encodings: a PC-Axis file names its own (`CODEPAGE="iso-8859-1";`, read from the ASCII header
// before anything is decoded; the specification's default is ISO-8859-1, and `CHARSET="ANSI"`
// without a CODEPAGE means Windows-1252). Every other format is UTF-8 (JSON must be; Eurostat,
// SDMX-CSV and GHO write it), with a byte-order mark honoured; a CSV that is not valid UTF-8 is
// read as Windows-1252 with a note, as servicegap reads its own input files.
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import type { ImportFormat } from '../../core/import/presets.js';
import { readEurostatTsv } from '../../core/import/read-eurostat.js';
import { readJsonStat } from '../../core/import/read-jsonstat.js';
import { readGhoCsv, readGhoJson, readSdmxCsv } from '../../core/import/read-long-csv.js';
import { readNmhss } from '../../core/import/read-nmhss.js';
import { readPx } from '../../core/import/read-px.js';
import type { ImportIssue, ImportTable } from '../../core/import/table.js';
import { FileAccessError } from '../errors.js';
import { recordRead } from '../read-log.js';

/** The bytes of a file, gunzipped when they start with gzip's magic number. */
export async function readImportBytes(path: string): Promise<Uint8Array> {
  let bytes: Uint8Array;
  // An input of the run: no output may be written over it (read-log.ts).
  recordRead(path);
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new FileAccessError(path, 'read', error);
  }
  return bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes;
}

/** A PC-Axis file's encoding, from its own header (ASCII until the first non-ASCII text). */
export function pxEncoding(bytes: Uint8Array): { encoding: string; declared: boolean } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', declared: true };
  const head = Buffer.from(bytes.subarray(0, 8192)).toString('latin1');
  const codepage = /CODEPAGE\s*=\s*"([^"]+)"/i.exec(head)?.[1]?.trim();
  if (codepage !== undefined && iconv.encodingExists(codepage)) return { encoding: codepage.toLowerCase(), declared: true };
  return { encoding: /CHARSET\s*=\s*"ANSI"/i.test(head) ? 'windows-1252' : 'iso-8859-1', declared: false };
}

/** UTF-8 (with or without a byte-order mark; UTF-16 by its mark), else Windows-1252. */
function decodeText(bytes: Uint8Array, file: string, notes: string[]): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    notes.push(`${file}: not valid UTF-8: read as Windows-1252`);
    return iconv.decode(Buffer.from(bytes), 'windows-1252');
  }
}

/** Read one file of a format into tables (JSON-stat collections hold several). */
export async function readImportFile(format: ImportFormat, path: string, issues: ImportIssue[]): Promise<ImportTable[]> {
  const bytes = await readImportBytes(path);
  const notes: string[] = [];
  const withNotes = (table: ImportTable | undefined): ImportTable[] => (table === undefined ? [] : [{ ...table, notes: [...notes, ...table.notes] }]);
  switch (format) {
    case 'px': {
      const { encoding, declared } = pxEncoding(bytes);
      if (!declared) notes.push(`${path}: no CODEPAGE: read as ${encoding} (the PC-Axis default)`);
      if (encoding !== 'utf-8' && encoding !== 'utf8' && !iconv.encodingExists(encoding)) {
        issues.push({ file: path, at: { line: 1 }, message: `CODEPAGE "${encoding}" is not an encoding servicegap knows` });
        return [];
      }
      let text: string;
      try {
        text = iconv.decode(Buffer.from(bytes), encoding);
      } catch {
        // The bundles leave out iconv-lite's Chinese, Japanese and Korean tables (scripts/bundle-cli.mjs).
        issues.push({ file: path, at: { line: 1 }, message: `CODEPAGE "${encoding}" is not an encoding servicegap reads (no Chinese, Japanese or Korean code pages)` });
        return [];
      }
      return withNotes(readPx(text, path, issues));
    }
    case 'jsonstat':
      return readJsonStat(decodeText(bytes, path, notes), path, issues).map((t) => ({ ...t, notes: [...notes, ...t.notes] }));
    case 'eurostat':
      return withNotes(readEurostatTsv(decodeText(bytes, path, notes), path, issues));
    case 'sdmx-csv':
      return withNotes(readSdmxCsv(decodeText(bytes, path, notes), path, issues));
    case 'gho': {
      const text = decodeText(bytes, path, notes);
      return withNotes(/^\s*[{[]/.test(text.replace(/^\ufeff/, '')) ? readGhoJson(text, path, issues) : readGhoCsv(text, path, issues));
    }
    case 'nmhss':
      return withNotes(readNmhss(decodeText(bytes, path, notes), path, issues));
  }
}
