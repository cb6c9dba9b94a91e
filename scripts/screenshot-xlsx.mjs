#!/usr/bin/env node
// docs/xlsx-report.png: README's picture of a report workbook as a spreadsheet program shows it.
//
// The report is made from fixtures/analysts/norway-2000-counties (real figures; its services are
// a workbook saved by LibreOffice). LibreOffice Calc, headless, prints the Ranking sheet to PDF —
// in a copy that shows only the first 15 columns (rank … share_lost), with the row and column
// headings, so the text is large enough to read — and pdftoppm turns the printed table (found with
// pdftotext's word boxes) into a PNG. Run after `npm run build`; needs
// `apt-get install libreoffice-calc poppler-utils`. The tests never run it.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ExcelJS = createRequire(import.meta.url)('exceljs');
const work = mkdtempSync(join(tmpdir(), 'servicegap-shot-'));
try {
  const data = join(work, 'data');
  mkdirSync(data);
  const fixture = 'fixtures/analysts/norway-2000-counties';
  for (const f of ['regions.csv', 'population.csv', 'beds.csv', 'services.xlsx']) copyFileSync(join(fixture, f), join(data, f));
  const report = join(work, 'report.xlsx');
  execFileSync(process.execPath, ['bin/servicegap.js', 'report', '--data', data, '--from', '1998', '--to', '2000', '--out', report, '--quiet'], {
    env: { ...process.env, SERVICEGAP_CONFIG: 'none' },
    stdio: 'inherit',
  });

  // The copy that is printed: the Ranking sheet only, its first 15 columns, with headings.
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(report);
  for (const sheet of [...book.worksheets]) if (sheet.name !== 'Ranking') book.removeWorksheet(sheet.id);
  const ranking = book.getWorksheet('Ranking');
  for (let column = 16; column <= ranking.columnCount; column++) ranking.getColumn(column).hidden = true;
  ranking.pageSetup.showRowColHeaders = true;
  const printed = join(work, 'ranking.xlsx');
  await book.xlsx.writeFile(printed);

  // A profile of its own, so that a LibreOffice the user has open is not disturbed.
  execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${join(work, 'profile')}`, '--convert-to', 'pdf', '--outdir', work, printed], { stdio: 'ignore' });
  const pdf = join(work, 'ranking.pdf');

  // The printed table's box, in points, from the boxes of its words on page 1.
  execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, join(work, 'words.html')]);
  const boxes = [...readFileSync(join(work, 'words.html'), 'utf8').matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"/g)].map((m) => m.slice(1).map(Number));
  const [x0, y0, x1, y1] = [0, 1, 2, 3].map((i) => (i < 2 ? Math.min : Math.max)(...boxes.map((b) => b[i])));
  const dpi = 150;
  const px = (pt) => Math.round((pt * dpi) / 72);
  const margin = 8;
  execFileSync('pdftoppm', [
    '-png', '-r', String(dpi), '-f', '1', '-l', '1', '-singlefile',
    '-x', String(px(x0) - margin), '-y', String(px(y0) - margin),
    '-W', String(px(x1 - x0) + 2 * margin), '-H', String(px(y1 - y0) + 2 * margin),
    pdf, join(work, 'page'),
  ]);
  mkdirSync('docs', { recursive: true });
  copyFileSync(join(work, 'page.png'), 'docs/xlsx-report.png');
  console.log('wrote docs/xlsx-report.png');
} finally {
  rmSync(work, { recursive: true, force: true });
}
