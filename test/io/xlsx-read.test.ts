// Excel workbooks as input (issue 14): accepted wherever a CSV is, by name or by first bytes; the
// sheet by --sheet, the config, the input's name, else the first visible one; the same row checks
// and messages as CSV, located at the cell (book.xlsx!Sheet:D7); formulas, dates, merged cells,
// hidden rows and sheets as README "Excel workbooks as input" says. Workbooks are written here
// with exceljs (the library that reads them), one was saved by LibreOffice (fixtures/analysts).
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/core/issues.js';
import { type DatasetInputs, type FileReadInfo, loadDataset, type LoadOptions } from '../../src/io/load-dataset.js';
import { columnLetters } from '../../src/io/xlsx-sheet.js';
import { inputIssues } from '../helpers/input-issues.js';

const FIX = 'fixtures/analysts/norway-2000-counties';
type Row = (ExcelJS.CellValue | undefined)[];

/** A workbook's bytes: sheets in order, each a list of rows (row 1 first); `setup` for the rest. */
async function workbook(sheets: Record<string, Row[]>, setup?: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  setup?.(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** A CSV file's rows, numbers as numbers (as a spreadsheet holds them). */
function csvRows(path: string): Row[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(',').map((cell) => (/^\d+(\.\d+)?$/.test(cell) && !/^0\d/.test(cell) ? Number(cell) : cell)));
}

async function issuesOf(inputs: DatasetInputs, options: LoadOptions = {}): Promise<string[]> {
  return (await inputIssues(loadDataset(inputs, options))).map(formatIssue);
}

const BASE: DatasetInputs = { regions: `${FIX}/regions.csv`, population: `${FIX}/population.csv`, beds: `${FIX}/beds.csv` };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'servicegap-xlsx-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a workbook read where a CSV is read', () => {
  it('a workbook saved by LibreOffice, with formulas: the values it saved, the same dataset as the CSV', async () => {
    const fromCsv = await loadDataset({ ...BASE, services: `${FIX}/services.csv` });
    const reads: FileReadInfo[] = [];
    const fromXlsx = await loadDataset({ ...BASE, services: `${FIX}/services.xlsx` }, { onFileRead: (info) => reads.push(info) });
    expect(fromXlsx.dataset.services).toEqual(fromCsv.dataset.services);
    // The formula =179117+22294 of H1 in 2000, as Calc saved its value.
    expect(fromXlsx.dataset.services.get('H1')!.get('cmhc/contacts')!.years.get(2000)).toBe(201411);
    expect(reads.at(-1)).toMatchObject({ name: `${FIX}/services.xlsx!services`, sheet: { name: 'services', reason: 'named like the input' }, rows: 10 });
  });

  it('one workbook with the four tables, each found by its sheet name; the ranking equals the CSV one', async () => {
    const path = join(dir, 'norway.xlsx');
    const sheets = Object.fromEntries(['regions', 'population', 'beds', 'services'].map((role) => [role, csvRows(`${FIX}/${role}.csv`)]));
    // County codes typed as numbers shown with a "00" format (as Excel keeps "03" from becoming 3).
    await writeFile(
      path,
      await workbook({ Notes: [['Made for a test']], ...sheets }, (book) => {
        book.getWorksheet('Notes')!.state = 'hidden';
        for (const name of ['regions', 'population']) {
          const sheet = book.getWorksheet(name)!;
          sheet.eachRow((row, n) => {
            const cell = row.getCell(1);
            if (n > 1 && /^\d+$/.test(String(cell.value))) {
              cell.value = Number(cell.value);
              cell.numFmt = '00';
            }
          });
        }
      }),
    );
    const fromXlsx = await loadDataset({ regions: path, population: path, beds: path, services: path });
    const fromCsv = await loadDataset({ ...BASE, services: `${FIX}/services.csv` });
    expect(fromXlsx.dataset.regions).toEqual(fromCsv.dataset.regions);
    expect(fromXlsx.dataset.population).toEqual(fromCsv.dataset.population);
    expect(fromXlsx.dataset.beds).toEqual(fromCsv.dataset.beds);
    expect(fromXlsx.dataset.population.get('03')!.get(2000)).toBe(507467);
  });

  it('is told by its first bytes whatever its name, and read from standard input', async () => {
    const bytes = await workbook({ Sheet1: csvRows(`${FIX}/services.csv`) });
    const path = join(dir, 'services-export.dat');
    await writeFile(path, bytes);
    const fromCsv = await loadDataset({ ...BASE, services: `${FIX}/services.csv` });
    expect((await loadDataset({ ...BASE, services: path })).dataset.services).toEqual(fromCsv.dataset.services);
    const { Readable } = await import('node:stream');
    const stdin = Readable.from([bytes.subarray(0, 10), bytes.subarray(10)]);
    expect((await loadDataset({ ...BASE, services: '-' }, { stdin })).dataset.services).toEqual(fromCsv.dataset.services);
  });

  it('a data folder with services.xlsx and no services.csv reads the workbook', async () => {
    const data = join(dir, 'folder');
    const { mkdir, copyFile } = await import('node:fs/promises');
    await mkdir(data);
    for (const f of ['regions', 'population', 'beds']) await copyFile(`${FIX}/${f}.csv`, join(data, `${f}.csv`));
    await copyFile(`${FIX}/services.xlsx`, join(data, 'services.xlsx'));
    const loaded = await loadDataset({ data });
    expect(loaded.files.services).toBe(`${join(data, 'services.xlsx')}!services`);
  });
});

describe('the same checks and messages as CSV, located at the cell', () => {
  const header: Row = ['region', 'year', 'service', 'capacity', 'unit'];

  it('a bad cell names book.xlsx!Sheet:cell; the same problem on many rows is one message', async () => {
    const path = join(dir, 'bad.xlsx');
    await writeFile(
      path,
      await workbook({
        Tjenester: [
          header,
          ['H1', 1998, 'DPS', 179117, 'contacts'],
          ['H1', 2000, 'DPS', -3, 'contacts'],
          ['H2', 1998, 'DPS', 'n/a?', 'contacts'],
          ['H2', 2000, 'DPS', 'n/a?', 'contacts'],
          ['H9', 2000, 'DPS', 1, 'contacts'],
        ],
      }),
    );
    expect(await issuesOf({ ...BASE, services: path })).toEqual([
      `${path}!Tjenester:D3: column "capacity": expected a number ≥ 0, got "-3"`,
      `${path}!Tjenester:D4: column "capacity": expected a number ≥ 0, got "n/a?" (rows 4, 5)`,
      `${path}!Tjenester:A6: column "region": unknown region "H9" (not in regions.csv; line 6); did you mean "09"?`,
    ]);
  });

  it('a title above the table is passed over: the header is the first of the first rows that has the columns', async () => {
    const path = join(dir, 'title.xlsx');
    await writeFile(
      path,
      await workbook({ S: [['Outpatient consultations, adults, 1998 and 2000'], ['Source: Statistics Norway'], header, ['H1', 1998, 'DPS', 179117, 'contacts'], ['H1', 2000, 'DPS', 201411, 'contacts']] }),
    );
    const reads: FileReadInfo[] = [];
    const { dataset } = await loadDataset({ ...BASE, services: path }, { onFileRead: (info) => reads.push(info) });
    expect(dataset.services.get('H1')!.get('cmhc/contacts')!.years.get(2000)).toBe(201411);
    expect(reads.at(-1)!.sheet!.reason).toBe("the first visible sheet; the table's header is row 3");
  });

  it('a missing column is named as in a CSV file, without a delimiter', async () => {
    const path = join(dir, 'header.xlsx');
    await writeFile(path, await workbook({ S: [['region', 'year', 'service', 'unit'], ['H1', 2000, 'DPS', 'contacts']] }));
    expect(await issuesOf({ ...BASE, services: path })).toEqual([
      `${path}!S:1: column "capacity": missing required column: expected region, year, service, capacity, unit; found region, year, service, unit`,
    ]);
  });

  it('formulas: a formula without a saved value, or whose value is an error, is a located error; text beginning with = is data', async () => {
    const path = join(dir, 'formulas.xlsx');
    await writeFile(
      path,
      await workbook({
        S: [
          header,
          ['H1', 1998, 'DPS', { formula: 'D3*2' }, 'contacts'],
          ['H1', 2000, 'DPS', { formula: '1/0', result: { error: '#DIV/0!' } }, 'contacts'],
          ['H2', 2000, 'DPS', { error: '#N/A' }, 'contacts'],
          ['=HYPERLINK("http://example.org")', 2000, 'DPS', 1, 'contacts'],
        ],
      }),
    );
    expect(await issuesOf({ ...BASE, services: path })).toEqual([
      `${path}!S:D2: column "capacity": the cell holds a formula (=D3*2) saved without its value: open the workbook in Excel or LibreOffice and save it (which stores the values), or paste the values over the formulas`,
      `${path}!S:D3: column "capacity": the cell's formula =1/0 gives the error #DIV/0!: expected a value`,
      `${path}!S:D4: column "capacity": the cell holds the error #N/A: expected a value`,
      // Read as text and checked as any code: never evaluated.
      `${path}!S:A5: column "region": unknown region "=HYPERLINK(\\"http://example.org\\")" (not in regions.csv; line 5)`,
    ]);
  });

  it('merged cells in a column that is read are an error naming the range; hidden rows are read, with a warning', async () => {
    const path = join(dir, 'merged.xlsx');
    await writeFile(
      path,
      await workbook(
        {
          S: [header, ['H1', 1998, 'DPS', 179117, 'contacts'], ['H1', 2000, 'DPS', 201411, 'contacts'], [undefined, 2000, 'DPS', 1, 'contacts']],
        },
        (book) => {
          const sheet = book.getWorksheet('S')!;
          sheet.mergeCells('A3:A4');
          sheet.getRow(2).hidden = true;
        },
      ),
    );
    expect(await issuesOf({ ...BASE, services: path })).toEqual([
      `${path}!S:A3: column "region": cells A3:A4 are merged: expected a value in each row (unmerge them and fill the value into every row) (rows 3, 4)`,
    ]);
    const ok = join(dir, 'hidden.xlsx');
    await writeFile(
      ok,
      await workbook({ S: [header, ['H1', 1998, 'DPS', 179117, 'contacts'], ['H1', 2000, 'DPS', 201411, 'contacts']] }, (book) => {
        book.getWorksheet('S')!.getRow(3).hidden = true;
      }),
    );
    const { dataset } = await loadDataset({ ...BASE, services: ok });
    expect(dataset.services.get('H1')!.get('cmhc/contacts')!.years.get(2000)).toBe(201411);
    expect(dataset.warnings).toContainEqual({
      file: `${ok}!S`,
      line: 3,
      message: 'row 3 is hidden in the sheet and was read like the others (delete a row to leave it out)',
    });
  });

  it('a date cell is read as YYYY-MM-DD (a beds events date); as a year it is rejected with the cell', async () => {
    const path = join(dir, 'events.xlsx');
    await writeFile(
      path,
      await workbook({
        S: [
          ['region', 'date', 'beds_closed'],
          ['H1', new Date(Date.UTC(1999, 5, 30)), 20],
          ['H1', 2000, 16],
        ],
      }),
    );
    const { dataset } = await loadDataset({ ...BASE, beds: path, services: `${FIX}/services.csv` });
    expect(dataset.beds.shape === 'events' && [...dataset.beds.byRegion.get('H1')!]).toEqual([
      [1999, 20],
      [2000, 16],
    ]);
    const bad = join(dir, 'year-date.xlsx');
    await writeFile(bad, await workbook({ S: [header, ['H1', new Date(Date.UTC(2000, 0, 1)), 'DPS', 1, 'contacts']] }));
    expect((await issuesOf({ ...BASE, services: bad }))[0]).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}!S:B2: column "year": .*"2000-01-01"`));
  });
});

describe('which sheet', () => {
  const services = csvRows(`${FIX}/services.csv`);

  it('--sheet (or files.<input>.sheet in the config) names it, case-insensitively, hidden or not; an unknown one lists the sheets', async () => {
    const path = join(dir, 'sheets.xlsx');
    await writeFile(
      path,
      await workbook({ Forside: [['Innhold']], Data: services }, (book) => {
        book.getWorksheet('Data')!.state = 'hidden';
      }),
    );
    // By default the first visible sheet, which here is not the table.
    expect((await issuesOf({ ...BASE, services: path }))[0]).toMatch(/!Forside:1: columns .*missing required columns/);
    const reads: FileReadInfo[] = [];
    await loadDataset({ ...BASE, services: path }, { sheet: 'data', onFileRead: (info) => reads.push(info) });
    expect(reads.at(-1)!.sheet).toEqual({ name: 'Data', reason: 'named with --sheet; it is hidden' });
    await loadDataset({ ...BASE, services: path }, { config: { files: { services: { sheet: 'Data' } } } });
    expect(await issuesOf({ ...BASE, services: path }, { sheet: 'Tjenester' })).toEqual([
      `${path}: no sheet named "Tjenester" (--sheet): the workbook has "Forside", "Data" (hidden)`,
    ]);
  });

  it('the workbook address of a column: A, Z, AA, AZ, BA', () => {
    expect([1, 26, 27, 52, 53].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA']);
  });
});

describe('not a workbook after all', () => {
  it('a file named .xlsx that is CSV text, or an OpenDocument file, is named for what it is', async () => {
    const text = join(dir, 'services.xlsx');
    await writeFile(text, 'region,year,service,capacity,unit\n');
    expect(await issuesOf({ ...BASE, services: text })).toEqual([
      `${text}: not an Excel workbook, though named like one (an .xlsx file is a zip archive): save it again as .xlsx, or name it .csv if it is text`,
    ]);
    // An .ods begins as a zip whose first entry is "mimetype": read as text, it is named as a zip archive.
    const ods = join(dir, 'services.ods');
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26), Buffer.from('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')]);
    await writeFile(ods, zip);
    expect((await issuesOf({ ...BASE, services: ods }))[0]).toContain('not a CSV file: this is a zip archive, such as an Excel (.xlsx) or OpenDocument (.ods) workbook');
  });
});

// A cell of type "s" holds the number of a text in the workbook's shared texts
// (xl/sharedStrings.xml). A damaged workbook can lack the part, or the text: exceljs then gives
// the reference number as the cell's value, or fails while reading. The workbooks are made by
// hand here, part by part, as a damaged file would be.
describe('a workbook whose shared texts are damaged', () => {
  const NS = 'xmlns="http://schemas.openxmlformats.org/';
  /** A one-sheet workbook ("services") of `rows` (cells' XML), with `shared` as its shared texts, or none. */
  async function handMade(rows: string[], shared: string[] | undefined): Promise<Uint8Array> {
    const zip = new JSZip();
    const types = shared === undefined ? '' : '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>';
    zip.file(
      '[Content_Types].xml',
      `<Types ${NS}package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${types}</Types>`,
    );
    zip.file('_rels/.rels', `<Relationships ${NS}package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
    zip.file('xl/workbook.xml', `<workbook ${NS}spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="services" sheetId="1" r:id="rId1"/></sheets></workbook>`);
    const sharedRel = shared === undefined ? '' : '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>';
    zip.file('xl/_rels/workbook.xml.rels', `<Relationships ${NS}package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>${sharedRel}</Relationships>`);
    if (shared !== undefined) zip.file('xl/sharedStrings.xml', `<sst ${NS}spreadsheetml/2006/main" count="${shared.length}">${shared.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`);
    zip.file('xl/worksheets/sheet1.xml', `<worksheet ${NS}spreadsheetml/2006/main"><sheetData>${rows.map((r, i) => `<row r="${i + 1}">${r}</row>`).join('')}</sheetData></worksheet>`);
    return new Uint8Array(await zip.generateAsync({ type: 'uint8array' }));
  }
  const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const header = ['region', 'year', 'service', 'capacity', 'unit'].map((h, i) => inline(`${'ABCDE'[i]}1`, h)).join('');

  it('a text reference in a workbook without shared texts is an error at its cell, not the number 999', async () => {
    // D2, the capacity, is a reference to shared text number 999; the workbook has no shared texts.
    const row = `${inline('A2', 'H1')}<c r="B2"><v>2000</v></c>${inline('C2', 'DPS')}<c r="D2" t="s"><v>999</v></c>${inline('E2', 'facilities')}`;
    const file = join(dir, 'shared-none.xlsx');
    await writeFile(file, await handMade([header, row], undefined));
    expect(await issuesOf({ ...BASE, services: file })).toEqual([
      `${file}!services:D2: column "capacity": the cell refers to text number 999 of the workbook's shared texts, which the workbook does not have: the file is damaged`,
    ]);
    // The same workbook with the capacity as a number is read (the workbook itself is sound).
    const sound = join(dir, 'shared-none-sound.xlsx');
    await writeFile(sound, await handMade([header, row.replace('<c r="D2" t="s"><v>999</v></c>', '<c r="D2"><v>30</v></c>')], undefined));
    const { dataset } = await loadDataset({ ...BASE, services: sound });
    expect(dataset.services.get('H1')!.get('cmhc/facilities')!.years.get(2000)).toBe(30);
  });

  it('a reference past the shared texts: the workbook is named damaged, in words', async () => {
    // Two shared texts; A2 refers to number 999.
    const row = `<c r="A2" t="s"><v>999</v></c><c r="B2"><v>2000</v></c><c r="C2" t="s"><v>1</v></c><c r="D2"><v>30</v></c>${inline('E2', 'facilities')}`;
    const file = join(dir, 'shared-short.xlsx');
    await writeFile(file, await handMade([header, row], ['H1', 'DPS']));
    const issues = await issuesOf({ ...BASE, services: file });
    expect(issues).toHaveLength(1);
    expect(issues[0]!.startsWith(`${file}: the workbook is damaged: its parts do not fit together (`)).toBe(true);
    expect(issues[0]!.endsWith('): open it in Excel or LibreOffice and save it as .xlsx again')).toBe(true);
  });
});
