// One table as a worksheet, the way every servicegap workbook writes it: a bold header row that
// stays in view (frozen) with filter buttons, numbers as numbers (unrounded; the cell format only
// rounds what is shown), percentages stored as ratios and shown as %, empty cells for null; set up
// to print landscape, one page wide, the header repeated on every page, with grid lines. Written
// by exceljs's streaming writer, a row at a time (newWorkbook).
//
// Text is written as text cells: a name that begins with = + - @ is shown as it is and never
// evaluated (only a formula cell runs, and none is written). Characters XML cannot carry
// (control characters other than tab and line breaks) are replaced by U+FFFD, and text is cut at
// Excel's limit of 32,767 characters per cell, so that no name can break the file.
import { Writable } from 'node:stream';
import type { Workbook, Worksheet } from 'exceljs';
import { excelJs, jsZip } from './excel-library.js';

/** How a column's numbers are shown (Excel number formats, fixed so every locale shows its own marks). */
export const NUMBER_FORMATS = {
  /** Counts of people: 483,000. */
  integer: '#,##0',
  /** Beds and bed-equivalents: 1,234.5. */
  beds: '#,##0.0',
  /** Per-100k values: 1 decimal. */
  per100k: '0.0',
  /** Ratios: 2 decimals. */
  ratio: '0.00',
  /** A ratio shown as a percentage: 0.123 → 12.3%. */
  percent: '0.0%',
  /** As stored (weights, norms: 0.0005 stays 0.0005). */
  general: 'General',
} as const;

export type CellFormat = keyof typeof NUMBER_FORMATS | 'text';

export interface SheetColumn<Row> {
  readonly header: string;
  readonly format: CellFormat;
  /** Width in characters (default: from the header). */
  readonly width?: number | undefined;
  readonly value: (row: Row) => string | number | null | undefined;
}

const XML_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const MAX_CELL_TEXT = 32_767;

/** Text as a worksheet cell can hold it (see the file comment). */
export function sheetText(text: string): string {
  const safe = text.replace(XML_UNSAFE, '\ufffd');
  return safe.length > MAX_CELL_TEXT ? `${safe.slice(0, MAX_CELL_TEXT - 1)}…` : safe;
}

/** Add one table as a sheet (see the file comment), each row written out as it is added (the
 * workbook is exceljs's streaming writer: newWorkbook). */
export function addTableSheet<Row>(workbook: Workbook, name: string, columns: readonly SheetColumn<Row>[], rows: readonly Row[]): Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    // Printed: landscape, as wide as the page, the header on every page, with grid lines.
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, showGridLines: true },
  });
  sheet.pageSetup.printTitlesRow = '1:1';
  sheet.columns = columns.map((c) => ({
    header: c.header,
    width: c.width ?? Math.max(10, Math.min(60, c.header.length + 2)),
    style: c.format === 'text' ? {} : { numFmt: NUMBER_FORMATS[c.format] },
  }));
  sheet.getRow(1).font = { bold: true };
  // Filter buttons on the header, over every row (written when the sheet is committed).
  if (columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };
  for (const row of rows) {
    sheet
      .addRow(
        columns.map((c) => {
          const value = c.value(row);
          if (value === null || value === undefined) return null;
          if (typeof value === 'number') return Number.isFinite(value) ? value : null;
          return sheetText(value);
        }),
      )
      .commit();
  }
  (sheet as Worksheet & { commit(): void }).commit();
  return sheet;
}

/** A two-column sheet of facts ("field", "value"), header frozen. */
export function addFactsSheet(workbook: Workbook, name: string, facts: readonly (readonly [string, string | number | null])[]): Worksheet {
  return addTableSheet(
    workbook,
    name,
    [
      { header: 'field', format: 'text', width: 34, value: (f: readonly [string, string | number | null]) => f[0] },
      { header: 'value', format: 'general', width: 90, value: (f) => f[1] },
    ],
    facts,
  );
}

/** Where each workbook's bytes go as exceljs writes them (newWorkbook), until workbookBytes. */
const written = new WeakMap<Workbook, Buffer[]>();

/**
 * A new workbook, written the same way every time: exceljs stamps the time of writing into the
 * file unless told a time, so one fixed time (the caller's `time`, e.g. SOURCE_DATE_EPOCH as
 * reproducible builds set it: app/format.ts; else 2000-01-01) keeps the same report byte for
 * byte the same file. It is exceljs's streaming writer: each row is written out as it is added
 * (addTableSheet), where the workbook held in memory kept an object per cell — a trend of 5,000
 * regions (150,000 rows of 26 cells) took 100 s and 4.1 GB that way (issue 18).
 */
export async function newWorkbook(time: Date = new Date(Date.UTC(2000, 0, 1))): Promise<Workbook> {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  // The parts are only stored: workbookBytes compresses them once, when it zips them again.
  const workbook = new ((await excelJs()).stream.xlsx.WorkbookWriter)({ stream, useStyles: true, useSharedStrings: true, zip: { store: true } });
  workbook.creator = 'servicegap';
  workbook.lastModifiedBy = 'servicegap';
  workbook.created = time;
  workbook.modified = time;
  written.set(workbook, chunks);
  return workbook;
}

/**
 * The workbook as .xlsx bytes, the same for the same report: its zip holds the time of writing,
 * so the parts are zipped again (jszip, which exceljs itself uses) with the workbook's own fixed
 * time (newWorkbook), and compressed there, once.
 */
export async function workbookBytes(workbook: Workbook): Promise<Uint8Array> {
  await (workbook as Workbook & { commit(): Promise<void> }).commit();
  const zipped = Buffer.concat(written.get(workbook) ?? []);
  const JSZip = await jsZip();
  const zip = await JSZip.loadAsync(zipped);
  const fixed = new JSZip();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const data = await entry.async('uint8array');
    fixed.file(entry.name, /^xl\/worksheets\/sheet\d+\.xml$/.test(entry.name) ? withPrintedGridLines(data) : data, { date: workbook.modified, createFolders: false });
  }
  return fixed.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

const PAGE_MARGINS = Buffer.from('<pageMargins');
const PRINT_OPTIONS = Buffer.from('<printOptions');
const PRINTED_GRID_LINES = Buffer.from('<printOptions gridLines="1"/>');

/**
 * A worksheet's XML with its grid lines printed: exceljs's streaming writer leaves out the
 * printOptions element that `pageSetup.showGridLines` asks for (the workbook held in memory wrote
 * it), so it is put where the schema has it, just before pageMargins, near the end of the sheet
 * (found from the end: a sheet of 150,000 rows is 200 MB of XML). A sheet that has one is left.
 */
function withPrintedGridLines(sheet: Uint8Array): Uint8Array {
  const xml = Buffer.from(sheet.buffer, sheet.byteOffset, sheet.byteLength);
  const at = xml.lastIndexOf(PAGE_MARGINS);
  // A printOptions element is just before pageMargins when there is one (cell text holds "<" as &lt;).
  if (at < 0 || xml.subarray(Math.max(0, at - 256), at).includes(PRINT_OPTIONS)) return sheet;
  return Buffer.concat([xml.subarray(0, at), PRINTED_GRID_LINES, xml.subarray(at)]);
}
