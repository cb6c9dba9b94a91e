// PC-Axis: real files (fixtures/import/px/SOURCE.md), checked against the numbers of the
// offices' own tables, and every problem located by line and column.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPx } from '../../src/core/import/read-px.js';
import type { ImportIssue } from '../../src/core/import/table.js';
import { pxEncoding, readImportFile } from '../../src/io/import/read-import-file.js';
import { fixture, importIssues, importRows, valueOf } from './helpers.js';

const tmp = (name: string, text: string | Buffer) => {
  const path = join(mkdtempSync(join(tmpdir(), 'sg-px-')), name);
  writeFileSync(path, text);
  return path;
};

describe('PC-Axis: SSB table 14216 (ISO-8859-1)', () => {
  const file = fixture('px/ssb-14216-tettsted.px');

  it('reads the code page the file declares: the labels keep ø, å and ²', async () => {
    const issues: ImportIssue[] = [];
    const [table] = await readImportFile('px', file, issues);
    expect(issues).toEqual([]);
    expect(table!.dimensions.map((d) => d.id)).toEqual(['TettSted', 'ContentsCode', 'Tid']);
    expect(table!.dimensions[1]!.categories[0]).toEqual({ code: 'Areal', label: 'Areal av tettsted (km²)' });
    expect(table!.dimensions[2]!.role).toBe('time');
    expect(table!.title).toContain('etter tettsted, statistikkvariabel og år');
  });

  it('population of Oslo (0801): 1 110 887 in 2025, 1 098 061 in 2024, as SSB table 14216 publishes', async () => {
    const { rows } = await importRows({ format: 'px', files: [file], as: 'population', region: 'tettsted', where: { ContentsCode: ['Bosatte'] } });
    expect(rows).toEqual([
      { region: '0801', year: '2024', population: '1098061', flags: '' },
      { region: '0801', year: '2025', population: '1110887', flags: '' },
    ]);
  });

  it('a table of two measures must be told which one: the error lists them with their labels', async () => {
    const issues = await importIssues({ format: 'px', files: [file], as: 'population', region: 'TettSted' });
    expect(issues).toEqual([
      'px/ssb-14216-tettsted.px: dimension "ContentsCode" has 2 categories (Areal (Areal av tettsted (km²)), Bosatte): choose one with --where ContentsCode=CODE, or add them up with --sum ContentsCode',
    ]);
  });

  it('detects the code page from the header bytes', () => {
    expect(pxEncoding(Buffer.from('CHARSET="ANSI";\nCODEPAGE="iso-8859-1";\n'))).toEqual({ encoding: 'iso-8859-1', declared: true });
    expect(pxEncoding(Buffer.from('CHARSET="ANSI";\nSTUB="a";'))).toEqual({ encoding: 'windows-1252', declared: false });
    expect(pxEncoding(Buffer.from('\ufeffSTUB="a";'))).toEqual({ encoding: 'utf-8', declared: true });
  });
});

describe('PC-Axis: SCB EXEMPEL1 (missing symbols, nil, multi-line texts)', () => {
  const file = fixture('px/scb-exempel1.px');

  it('inmigrated to Upplands Väsby (0114) aged 20–22, both sexes: 14+38 + 21+36 + 26+36 = 171; Vallentuna 17+20 + 13+21 + 20+23 = 114', async () => {
    const { rows, notes } = await importRows({ format: 'px', files: [file], as: 'population', where: { type: ['BE0101F1'] }, sum: ['age', 'sex'] });
    expect(valueOf(rows, { region: '0114', year: '2003' }, 'population')).toBe('171');
    expect(valueOf(rows, { region: '0115', year: '2003' }, 'population')).toBe('114');
    // Sweden (00) and Stockholm county (01) each have a missing cell among the summed ones: left out, not summed as 0.
    expect(rows.map((r) => r.region)).toEqual(['0114', '0115']);
    expect(notes.join('\n')).toContain('5 missing cells ("." ×1, "..." ×1, "...." ×1, "....." ×1, "......" ×1): 2 rows left out, not written as 0');
  });

  it('"-" is the nil symbol: a reported 0 by default, missing with nil = missing', async () => {
    // Sweden, age 21, inmigrated women: "-".
    const where = { type: ['BE0101F1'], age: ['21'], sex: ['2'] };
    const zero = await importRows({ format: 'px', files: [file], as: 'population', where: { ...where, region: ['0114'] } });
    expect(zero.rows[0]!.population).toBe('36');
    const nil = await importIssues({ format: 'px', files: [file], as: 'population', where: { ...where, region: ['00'] } });
    // A population of 0 is not a population (SPEC §1: > 0): the nil cell is read as 0 and rejected where it stands.
    expect(nil).toEqual(['px/scb-exempel1.px:79: column 21: expected a population > 0, got 0 (region 00, year 2003)']);
    const asBeds = await importRows({ format: 'px', files: [file], as: 'beds', where: { ...where, region: ['00'] } });
    expect(asBeds.rows).toEqual([{ region: '00', year: '2003', beds: '0', flags: '' }]);
    expect(asBeds.notes.join('\n')).toContain('1 cell marked "-" (nil: the source\'s reported zero) written as 0');
    const missing = await importRows({ format: 'px', files: [file], as: 'beds', where: { ...where, region: ['00'] }, nil: 'missing' });
    expect(missing.rows).toEqual([]);
  });

  it('multi-line texts are one text', () => {
    const issues: ImportIssue[] = [];
    const text = 'STUB="r";\nHEADING="y";\nVALUES("r")="Parts of Sö"\n"dertälje","b";\nVALUES("y")="2003";\nTIMEVAL("y")=TLIST(A1),"2003";\nDATA=\n1 2;\n';
    const table = readPx(text, 'x.px', issues)!;
    expect(issues).toEqual([]);
    expect(table.dimensions[0]!.categories.map((c) => c.label)).toEqual(['Parts of Södertälje', 'b']);
  });
});

describe('PC-Axis: SCB BE0101A1 (Windows-1252, MAP = geography)', () => {
  it('single women aged 28 in Stockholm county, 31 Dec 2004: 10 462', async () => {
    const { rows } = await importRows({ format: 'px', files: [fixture('px/scb-be0101a1.px')], as: 'population' });
    expect(rows).toEqual([{ region: '01', year: '2004', population: '10462', flags: '' }]);
  });
});

describe('PC-Axis: problems are located', () => {
  it('too few cells: line and column of the DATA, and what was expected', async () => {
    const path = tmp('short.px', 'STUB="r";\nHEADING="y";\nVALUES("r")="a","b";\nVALUES("y")="2020","2021";\nTIMEVAL("y")=TLIST(A1),"2020","2021";\nDATA=\n1 2\n3;\n');
    expect(await importIssues({ format: 'px', files: [path], as: 'beds', set: { region: 'x' }, region: 'r' })).toEqual([
      `${path}:6: column 6: DATA has 3 cells, expected 4 (r 2 × y 2)`,
    ]);
  });

  it('an unclosed quote, a bad cell, an unknown symbol', async () => {
    const unclosed = tmp('q.px', 'STUB="r";\nVALUES("r")="a,\n');
    expect((await importIssues({ format: 'px', files: [unclosed], as: 'beds' }))[0]).toBe(`${unclosed}:2: column 13: a quoted text is never closed (expected a closing ")`);
    const bad = tmp('b.px', 'STUB="r";\nHEADING="y";\nVALUES("r")="a";\nVALUES("y")="2020","2021";\nTIMEVAL("y")=TLIST(A1),"2020","2021";\nDATA=\n1 x2;\n');
    expect(await importIssues({ format: 'px', files: [bad], as: 'beds' })).toEqual([`${bad}:7: column 3: expected a number, got "x2"`]);
    const symbol = tmp('s.px', 'STUB="r";\nHEADING="y";\nVALUES("r")="a";\nVALUES("y")="2020";\nTIMEVAL("y")=TLIST(A1),"2020";\nDATA=\n"n/a";\n');
    expect(await importIssues({ format: 'px', files: [symbol], as: 'beds' })).toEqual([
      `${symbol}:7: column 1: expected a number or a missing-value symbol (".", "..", …, "-"), got "n/a"`,
    ]);
  });

  it('monthly data cannot become yearly rows', async () => {
    const path = tmp('m.px', 'STUB="r";\nHEADING="m";\nVALUES("r")="a";\nVALUES("m")="2020M01","2020M02";\nTIMEVAL("m")=TLIST(M1),"202001","202002";\nDATA=\n1 2;\n');
    expect(await importIssues({ format: 'px', files: [path], as: 'beds', region: 'r' })).toEqual([
      `${path}: time dimension "m": expected years (YYYY, 1800–2200), got "2020M01", "2020M02": servicegap counts capacity per year, so take an annual table (or keep the years with --where)`,
    ]);
  });

  it('KEYS: rows are placed by their keys; a key that is not a value is an error on its line', async () => {
    const text = 'STUB="r","s";\nHEADING="y";\nVALUES("r")="a","b";\nVALUES("s")="m","w";\nCODES("r")="A","B";\nVALUES("y")="2020";\nTIMEVAL("y")=TLIST(A1),"2020";\nKEYS("r")=CODES;\nDATA=\n"B",3,4\n;\n';
    const { rows, notes } = await importRows({ format: 'px', files: [tmp('k.px', text)], as: 'beds', region: 'r', sum: ['s'] });
    // Row A is not in DATA: left out (the file does not say it is 0).
    expect(rows).toEqual([{ region: 'B', year: '2020', beds: '7', flags: '' }]);
    expect(notes.join('\n')).toContain('KEYS file: stub rows that DATA leaves out are left out (not read as 0)');
    const bad = tmp('kb.px', text.replace('"B",3,4', '"C",3,4'));
    expect(await importIssues({ format: 'px', files: [bad], as: 'beds', region: 'r', sum: ['s'] })).toEqual([`${bad}:10: column 1: KEYS("r"): "C" is not one of its codes`]);
  });
});
