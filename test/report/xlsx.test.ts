// The report as an Excel workbook (issue 14), read back with exceljs, the library that wrote it:
// the sheets, numbers as numbers with their display formats, percentages, a frozen header with
// filters, formula-like text as text (never a formula), the same file for the same report.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_WEIGHTS } from '../../src/core/defaults.js';
import { resolveNorms } from '../../src/core/norms.js';
import type { Report } from '../../src/core/report-schema.js';
import { jsZip } from '../../src/report/excel-library.js';
import type { RenderContext } from '../../src/report/render-context.js';
import { renderCoverageXlsx, renderXlsx } from '../../src/report/xlsx.js';
import { sheetText } from '../../src/report/xlsx-sheet.js';
import { SAMPLE_PROVENANCE } from '../helpers/provenance.js';
import { sampleContext, sampleIntervalReport, sampleReport } from './sample-report.js';

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as never);
  return book;
}

/** A sheet as header → column number, and its data rows. */
function table(sheet: ExcelJS.Worksheet): { col: (name: string) => number; rows: ExcelJS.Row[] } {
  const header = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push(row);
  });
  return {
    col: (name) => {
      const i = header.indexOf(name);
      if (i < 1) throw new Error(`no column ${name} in ${header.join(',')}`);
      return i;
    },
    rows,
  };
}

describe('renderXlsx', () => {
  let report: Report;
  let context: RenderContext;
  let bytes: Uint8Array;
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    report = sampleReport();
    context = sampleContext({ norms: resolveNorms() });
    bytes = await renderXlsx(report, context);
    book = await open(bytes);
  });

  it('has the ranking, excluded regions, weights, norms, warnings and provenance sheets', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual(['Ranking', 'Excluded', 'Weights', 'Norms', 'Warnings', 'Provenance']);
  });

  it('every sheet keeps its header in view (frozen) with filter buttons over its rows', () => {
    for (const sheet of book.worksheets) {
      expect(sheet.views[0], sheet.name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.getRow(1).font, sheet.name).toMatchObject({ bold: true });
    }
    const ranking = book.getWorksheet('Ranking')!;
    // 22 columns (the 21 JSON columns, categories_not_reported last, and share_lost: A–V) over the header and 5 regions.
    expect(ranking.autoFilter).toBe('A1:V6');
  });

  it('writes numbers as numbers, unrounded, with display formats; % lost and the coverage index as percentages', () => {
    const ranking = table(book.getWorksheet('Ranking')!);
    const fi = ranking.rows[0]!;
    expect(fi.getCell(ranking.col('region')).value).toBe('FI-17');
    expect(fi.getCell(ranking.col('population')).value).toBe(483000);
    expect(fi.getCell(ranking.col('population')).numFmt).toBe('#,##0');
    expect(fi.getCell(ranking.col('vacuum_per_100k')).value).toBe(8.281573498964804);
    expect(fi.getCell(ranking.col('vacuum_per_100k')).numFmt).toBe('0.0');
    // share_lost = 40 / (260 + 30)
    expect(fi.getCell(ranking.col('share_lost')).value).toBe(40 / 290);
    expect(fi.getCell(ranking.col('share_lost')).numFmt).toBe('0.0%');
    expect(fi.getCell(ranking.col('coverage_index')).value).toBe(0.6234);
    expect(fi.getCell(ranking.col('coverage_index')).numFmt).toBe('0.0%');
    expect(fi.getCell(ranking.col('flags')).value).toBe('carried_forward');
    // Unknown is an empty cell, never 0.
    const agder = ranking.rows[4]!;
    expect(agder.getCell(ranking.col('region')).value).toBe('NO-42');
    expect(agder.getCell(ranking.col('beds_from')).value).toBeNull();
    expect(agder.getCell(ranking.col('share_lost')).value).toBeNull();
    expect(agder.getCell(ranking.col('flags')).value).toBe('carried_forward; service_started_later');
  });

  it('text that begins with = is a text cell, never a formula, and is written unchanged', async () => {
    const ranking = table(book.getWorksheet('Ranking')!);
    const cell = ranking.rows[1]!.getCell(ranking.col('name'));
    expect(cell.value).toBe('=HYPERLINK("x")');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    // No formula anywhere in the file's sheets.
    const zip = await (await jsZip()).loadAsync(bytes);
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith('xl/worksheets/'))) {
      expect(await zip.file(name)!.async('string'), name).not.toContain('<f>');
    }
  });

  it('names names in any script as they are', () => {
    const ranking = table(book.getWorksheet('Ranking')!);
    expect(ranking.rows.map((r) => r.getCell(ranking.col('name')).value)).toContain('القاهرة');
    expect(ranking.rows.map((r) => r.getCell(ranking.col('name')).value)).toContain('Agder | Sør, Vest');
  });

  it('lists excluded regions with their reason, every weight with its source, and the warnings', () => {
    const excluded = table(book.getWorksheet('Excluded')!);
    expect(excluded.rows.map((r) => [r.getCell(1).value, r.getCell(2).value])).toEqual([['SE-25', 'population at 2022 unknown']]);
    const weights = table(book.getWorksheet('Weights')!);
    expect(weights.rows).toHaveLength(DEFAULT_WEIGHTS.length);
    const teams = weights.rows.find((r) => r.getCell(1).value === 'crisis' && r.getCell(2).value === 'teams')!;
    expect([3, 4, 5].map((c) => teams.getCell(c).value)).toEqual([12.5, 5, 25]);
    expect(String(teams.getCell(weights.col('source')).value)).toMatch(/^CRHT/);
    expect(teams.getCell(weights.col('set_by')).value).toBe('default');
    const warnings = table(book.getWorksheet('Warnings')!);
    expect(warnings.rows.map((r) => r.getCell(3).value)).toEqual(['dropped the unmapped service "a|b"', 'no rows for 2019']);
  });

  it('says what the report was made from, and lays out SPEC §8 provenance when the report carries it', async () => {
    const facts = (b: ExcelJS.Workbook) => Object.fromEntries(table(b.getWorksheet('Provenance')!).rows.map((r) => [r.getCell(1).value, r.getCell(2).value]));
    expect(facts(book)).toMatchObject({ servicegap: '0.1.0', from: 2018, to: 2022, sort: 'vacuum_per_100k', 'dataset.illustrative': 'true' });
    expect(facts(book)).toMatchObject({ 'provenance.servicegap': '0.1.0', 'provenance.config': null, 'provenance.weights.1.set_by': 'default' });
    const input = { role: 'services', path: 'services.xlsx', sheet: 'Tjenester', sha256: 'ab12', rows: 3, encoding: null, delimiter: null, decimal: '.', thousands: 'none' };
    const withInputs = { ...report, provenance: { ...report.provenance, inputs: [input] } };
    const more = facts(await open(await renderXlsx(withInputs, context)));
    expect(more).toMatchObject({
      'provenance.inputs.1.role': 'services',
      'provenance.inputs.1.path': 'services.xlsx',
      'provenance.inputs.1.sheet': 'Tjenester',
      'provenance.inputs.1.sha256': 'ab12',
      'provenance.config': null,
    });
  });

  it('prints every sheet landscape, one page wide, its header row on every page, with grid lines', async () => {
    for (const sheet of book.worksheets) {
      expect(sheet.pageSetup, sheet.name).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    }
    // The print titles are a defined name of the workbook, the grid lines an element of each sheet
    // (which exceljs reads back into no property): read in the file's XML.
    const zip = await (await jsZip()).loadAsync(bytes);
    const sheets = Object.keys(zip.files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    expect(sheets).toHaveLength(book.worksheets.length);
    for (const name of sheets) {
      const xml = await zip.file(name)!.async('string');
      expect(xml, name).toContain('<printOptions gridLines="1"/><pageMargins');
      expect(xml.match(/<printOptions/g), name).toHaveLength(1);
    }
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbookXml).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="0">');
  });

  it('gives the same file for the same report: no time of writing in it', async () => {
    expect(Buffer.from(await renderXlsx(report, context)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('keeps characters XML cannot hold out of a cell', () => {
    expect(sheetText('a\u0001b\u0000c\td\ne')).toBe('a\ufffdb\ufffdc\td\ne');
    expect(sheetText('x'.repeat(40000))).toHaveLength(32767);
  });
});

describe('renderXlsx with p5–p95 intervals (issue 16)', () => {
  let book: ExcelJS.Workbook;
  let ranking: ReturnType<typeof table>;
  beforeAll(async () => {
    book = await open(await renderXlsx(sampleIntervalReport(), sampleContext({ norms: resolveNorms() })));
    ranking = table(book.getWorksheet('Ranking')!);
  });

  it('puts the intervals beside the vacuum per 100k and % lost, as numbers with their formats', () => {
    const header = (book.getWorksheet('Ranking')!.getRow(1).values as unknown[]).slice(1);
    const at = header.indexOf('vacuum_per_100k');
    expect(header.slice(at, at + 6)).toEqual(['vacuum_per_100k', 'share_lost', 'vacuum_per_100k_p5', 'vacuum_per_100k_p95', 'rank_p5', 'rank_p95']);
    // 26 columns (22 — categories_not_reported, SPEC §8, among them — and the four intervals: A–Z) over the header and 5 regions
    expect(book.getWorksheet('Ranking')!.autoFilter).toBe('A1:Z6');
    // FI-17: ½ and 1½ × 8.281573498964804, ranks 1 and 3 (sample-report.ts)
    const fi = ranking.rows[0]!;
    expect(fi.getCell(ranking.col('vacuum_per_100k_p5')).value).toBe(8.281573498964804 * 0.5);
    expect(fi.getCell(ranking.col('vacuum_per_100k_p95')).numFmt).toBe('0.0');
    expect(fi.getCell(ranking.col('rank_p95')).value).toBe(3);
    expect(fi.getCell(ranking.col('rank_p95')).numFmt).toBe('#,##0');
  });

  it('says how the intervals were drawn on the Provenance sheet', () => {
    const facts = Object.fromEntries(table(book.getWorksheet('Provenance')!).rows.map((r) => [r.getCell(1).value, r.getCell(2).value]));
    expect(facts).toMatchObject({ 'interval.draws': 500, 'interval.seed': 1, 'interval.correlation': 'none', 'interval.varied_weights.1.category': 'outreach', scale: 'counts' });
  });
});

describe('renderCoverageXlsx', async () => {
  it('one row per region and norm, coverage as a percentage, with the norms in force', async () => {
    const coverage = {
      servicegap: '0.1.0',
      to: 2022,
      regions: [
        {
          rank: 1,
          region: 'A',
          name: 'Alpha',
          population: 200000,
          coverage_index: 0.5,
          norms: [{ norm: 'crisis_teams', value: 1, per_100k: 0.5, norm_low: 0.667, norm_high: 0.667, coverage: 0.5 / 0.667, gap: 0.334 }],
        },
      ],
      excluded: [],
      warnings: [],
      provenance: SAMPLE_PROVENANCE,
    };
    const book = await open(await renderCoverageXlsx(coverage, { norms: resolveNorms() }));
    expect(book.worksheets.map((s) => s.name)).toEqual(['Coverage', 'Excluded', 'Norms', 'Warnings', 'Provenance']);
    const sheet = table(book.getWorksheet('Coverage')!);
    const row = sheet.rows[0]!;
    expect(row.getCell(sheet.col('norm')).value).toBe('crisis_teams');
    expect(row.getCell(sheet.col('coverage')).value).toBe(0.5 / 0.667);
    expect(row.getCell(sheet.col('coverage')).numFmt).toBe('0.0%');
    expect(table(book.getWorksheet('Norms')!).rows.map((r) => r.getCell(1).value)).toEqual(['psychiatric_beds', 'supported_living', 'crisis_teams']);
  });
});

describe('renderTrendXlsx', async () => {
  const { loadDataset } = await import('../../src/io/load-dataset.js');
  const { trend } = await import('../../src/core/trend.js');
  const { renderTrendXlsx } = await import('../../src/report/trend/xlsx.js');

  it('one row per region and year, the same numbers as the trend JSON', async () => {
    const { dataset, weights } = await loadDataset({ data: 'fixtures/worked-stock' });
    const report = trend(dataset, { weights });
    const book = await open(await renderTrendXlsx(report, {}));
    expect(book.worksheets.map((s) => s.name)).toEqual(['Trend', 'Excluded', 'Warnings', 'Provenance']);
    const sheet = table(book.getWorksheet('Trend')!);
    expect(sheet.rows).toHaveLength(report.regions.reduce((n, r) => n + r.years.length, 0));
    const first = report.regions[0]!;
    const last = first.years.at(-1)!;
    const row = sheet.rows.find((r) => r.getCell(sheet.col('region')).value === first.region && r.getCell(sheet.col('year')).value === last.year)!;
    expect(row.getCell(sheet.col('vacuum_per_100k')).value).toBe(last.vacuum_per_100k);
    expect(row.getCell(sheet.col('open')).value).toBe(first.open ? 'TRUE' : 'FALSE');
  });
});
