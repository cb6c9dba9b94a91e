// An Excel workbook (.xlsx) as a grid of cells: the bytes are opened with exceljs (loaded only
// when a workbook is read), one worksheet is chosen, and each cell becomes text, a number, or the
// reason it cannot be read. What servicegap does with what a workbook can hold (README "Excel
// workbooks as input"):
//
// - Which sheet: the one named by --sheet or the config (`files.<role>.sheet`), case-insensitively,
//   hidden or not; else a visible sheet named like the input ("services"), so one workbook can hold
//   all four tables; else the first visible sheet. Hidden sheets are never chosen by default.
// - Formulas: the value Excel saved with the file (its cached result) is read; a formula saved
//   without a value (written by a program that does not calculate) is a located error, as is a
//   formula whose value is an error (#DIV/0!, #N/A, …) or an error typed into a cell. Nothing is
//   ever evaluated, and text that begins with = + - @ is data like any other text.
// - Dates: a cell formatted as a date is read as YYYY-MM-DD (with the time when it has one), which
//   the beds events' `date` column accepts; elsewhere the row's own check rejects it.
// - Numbers are read as stored, whatever the locale the workbook was typed in. A number shown with
//   leading zeros by a format of zeros only ("00", as for region codes such as 03) is read with
//   them.
// - Merged cells at or below the header: a located error naming the range, as a merged region
//   name or figure would silently belong to one row only (or be counted in every row).
// - Hidden rows and columns are read (hiding is a view, not a deletion); hidden rows are named in
//   a warning so that a row hidden to leave it out is not counted unnoticed.
import type { Cell, Worksheet } from 'exceljs';
import { excelJs } from './excel-library.js';
import { STDIN_NAME } from './input-source.js';

/** One cell as read: text, a number, or why it cannot be used (a located error when it is needed). */
export type SheetCell =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'problem'; readonly message: string };

export interface SheetRow {
  /** The row's number in the sheet (1-based), used as its line in messages. */
  readonly row: number;
  /** Cells from column A on (index 0 = A); undefined for an empty cell. */
  readonly cells: readonly (SheetCell | undefined)[];
  readonly hidden: boolean;
}

/** A range of merged cells, 1-based and inclusive. */
export interface MergedRange {
  readonly ref: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetGrid {
  readonly sheet: string;
  /** Why this sheet: "named with --sheet", "the first visible sheet (of 3: …)". */
  readonly reason: string;
  /** The rows that have at least one cell, in order. */
  readonly rows: readonly SheetRow[];
  readonly merged: readonly MergedRange[];
}

export interface SheetChoice {
  /** A sheet asked for by name (--sheet, config): case-insensitive. */
  readonly sheet?: string | undefined;
  /** The sheet to prefer when none is named, if the workbook has one of that name ("services"). */
  readonly preferred?: string | undefined;
  /** Where the name was given, for messages: "--sheet", "files.services.sheet in the config". */
  readonly sheetSource?: string | undefined;
}

/** A workbook that cannot be read, or has no such sheet: one problem with the whole file. */
export class WorkbookError extends Error {
  override readonly name = 'WorkbookError';
}

/** The largest workbook read: exceljs holds all of it in memory (a CSV is streamed instead). */
export const MAX_WORKBOOK_BYTES = 256 << 20;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

/** Is a file named like an Excel workbook (.xlsx, .xlsm)? */
export function hasWorkbookExtension(name: string): boolean {
  return name !== STDIN_NAME && /\.xls[xm]$/i.test(name);
}

/** Do these first bytes begin a zip archive that is not an OpenDocument file (.ods: its first entry is "mimetype")? */
export function looksLikeXlsx(head: Uint8Array): boolean {
  if (!startsWith(head, ZIP)) return false;
  const name = new TextDecoder().decode(head.subarray(30, 38));
  return name !== 'mimetype';
}

/** Why a file named .xlsx cannot be opened as one, from its first bytes. */
function notAWorkbook(head: Uint8Array): string {
  if (startsWith(head, OLE)) {
    return 'an encrypted (password-protected) workbook or an Excel 97–2003 file: remove the password (File → Info → Protect Workbook) or save it as .xlsx';
  }
  if (startsWith(head, ZIP)) return 'an OpenDocument spreadsheet (.ods): save it as .xlsx or CSV';
  return 'not an Excel workbook, though named like one (an .xlsx file is a zip archive): save it again as .xlsx, or name it .csv if it is text';
}

/** Cell reference of a 1-based column number: 1 → A, 28 → AB. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function parseRange(ref: string): MergedRange | undefined {
  const match = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!match) return undefined;
  const col = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);
  return { ref, left: col(match[1]!), top: Number(match[2]), right: col(match[3]!), bottom: Number(match[4]) };
}


/** `2020-03-01`, or `2020-03-01T08:30:00` when it has a time (exceljs reads dates as UTC). */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19);
}

/** A number shown with leading zeros by a format of zeros only ("00" shows 3 as 03). */
function withFormatZeros(value: number, numFmt: string | undefined): SheetCell {
  if (numFmt !== undefined && /^0+$/.test(numFmt) && Number.isInteger(value) && value >= 0) {
    return { kind: 'text', text: String(value).padStart(numFmt.length, '0') };
  }
  return { kind: 'number', value };
}

/** One cell's value (for a merged cell: its own, so only the range's first cell has one). */
function readCell(cell: Cell): SheetCell | undefined {
  const value = cell.type === 1 /* Merge */ ? undefined : (cell.value as unknown);
  // A text cell whose value is a number: a reference to the workbook's shared texts (t="s") that
  // exceljs could not resolve, as the workbook has none. The number is the reference, not data.
  if (cell.type === 3 /* String */ && typeof value === 'number') {
    return { kind: 'problem', message: `the cell refers to text number ${value} of the workbook's shared texts, which the workbook does not have: the file is damaged` };
  }
  return cellValue(value, cell.numFmt);
}

function cellValue(value: unknown, numFmt: string | undefined): SheetCell | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? withFormatZeros(value, numFmt) : { kind: 'problem', message: 'the cell holds a number that is not finite' };
  if (typeof value === 'string') return value === '' ? undefined : { kind: 'text', text: value };
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'TRUE' : 'FALSE' };
  if (value instanceof Date) return { kind: 'text', text: dateText(value) };
  if (typeof value !== 'object') return { kind: 'text', text: String(value) };
  const v = value as Record<string, unknown>;
  if (typeof v.error === 'string') return { kind: 'problem', message: `the cell holds the error ${v.error}: expected a value` };
  if (Array.isArray(v.richText)) return { kind: 'text', text: v.richText.map((r: { text?: unknown }) => String(r.text ?? '')).join('') };
  if ('formula' in v || 'sharedFormula' in v) {
    const formula = String(v.formula ?? v.sharedFormula ?? '');
    if (!('result' in v) || v.result === undefined) {
      return {
        kind: 'problem',
        message:
          `the cell holds a formula (=${formula}) saved without its value: open the workbook in Excel or LibreOffice ` +
          'and save it (which stores the values), or paste the values over the formulas',
      };
    }
    const result = cellValue(v.result, numFmt);
    if (result?.kind === 'problem') return { kind: 'problem', message: `the cell's formula =${formula} gives the error ${(v.result as { error?: string }).error ?? '(unknown)'}: expected a value` };
    return result;
  }
  if ('text' in v) return cellValue(v.text, numFmt); // a hyperlink: its text
  return { kind: 'problem', message: 'the cell holds a value servicegap cannot read' };
}

/** The sheet to read, and why. */
function chooseSheet(sheets: readonly Worksheet[], choice: SheetChoice): { sheet: Worksheet; reason: string } {
  const list = (all: readonly Worksheet[]) =>
    all.map((s) => `"${s.name}"${s.state === 'visible' ? '' : ` (${s.state === 'veryHidden' ? 'very hidden' : 'hidden'})`}`).join(', ');
  const visible = sheets.filter((s) => s.state === 'visible');
  if (choice.sheet !== undefined) {
    const wanted = choice.sheet.toLowerCase();
    const sheet = sheets.find((s) => s.name.toLowerCase() === wanted);
    if (sheet === undefined) {
      throw new WorkbookError(`no sheet named "${choice.sheet}" (${choice.sheetSource ?? '--sheet'}): the workbook has ${list(sheets) || 'no sheets'}`);
    }
    return { sheet, reason: `named with ${choice.sheetSource ?? '--sheet'}${sheet.state === 'visible' ? '' : '; it is hidden'}` };
  }
  const others = sheets.length > 1 ? ` (the workbook has ${list(sheets)})` : '';
  if (choice.preferred !== undefined) {
    const wanted = choice.preferred.toLowerCase();
    const named = visible.find((s) => s.name.toLowerCase() === wanted);
    if (named !== undefined) return { sheet: named, reason: `named like the input${others}` };
  }
  const first = visible[0];
  if (first === undefined) throw new WorkbookError(`the workbook has no visible sheet (${list(sheets) || 'none'}): name one with --sheet`);
  return { sheet: first, reason: `the first visible sheet${others}` };
}

/**
 * Open a workbook and read one sheet as a grid. Throws WorkbookError for a file that is not a
 * readable workbook or has no such sheet.
 */
export async function readSheetGrid(bytes: Uint8Array, choice: SheetChoice = {}): Promise<SheetGrid> {
  if (!looksLikeXlsx(bytes)) throw new WorkbookError(notAWorkbook(bytes));
  if (bytes.length > MAX_WORKBOOK_BYTES) {
    throw new WorkbookError(
      `the workbook is larger than ${MAX_WORKBOOK_BYTES >> 20} MiB, which is read whole into memory: save the sheet as CSV (File → Save As → CSV UTF-8), which is read as a stream`,
    );
  }
  const workbook = new ((await excelJs()).Workbook)();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // What exceljs meets in a damaged file surfaces as JavaScript's own error (a cell's shared
    // text that the workbook does not have: "Cannot read properties of undefined").
    const what = error instanceof TypeError || error instanceof RangeError ? `the workbook is damaged: its parts do not fit together (${message})` : `cannot be read as an Excel workbook (${message})`;
    throw new WorkbookError(`${what}: open it in Excel or LibreOffice and save it as .xlsx again`);
  }
  const { sheet, reason } = chooseSheet(workbook.worksheets, choice);
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: (SheetCell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      const value = readCell(cell);
      if (value !== undefined) cells[column - 1] = value;
    });
    if (cells.length > 0) rows.push({ row: number, cells, hidden: row.hidden });
  });
  const merged = ((sheet.model as { merges?: string[] }).merges ?? []).map(parseRange).filter((r): r is MergedRange => r !== undefined);
  return { sheet: sheet.name, reason, rows, merged };
}
