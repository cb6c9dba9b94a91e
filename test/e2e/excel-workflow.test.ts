// The Excel workflow end to end, in-process (the CLI's main with its own streams): a workbook in,
// a workbook out, errors at the cell, and the options that meet there (--format xlsx, --excel,
// --sheet, --out). README "From your spreadsheet to a report" walks the same path.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { Terminal } from '../../src/cli/terminal.js';

const FIX = 'fixtures/analysts/norway-2000-counties';
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function temp(): string {
  const dir = mkdtempSync(join(tmpdir(), 'servicegap-excel-'));
  dirs.push(dir);
  return dir;
}

async function run(args: readonly string[], options: { cwd?: string; tty?: boolean } = {}) {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  const stdout = Object.assign(new PassThrough(), { isTTY: options.tty === true });
  const stderr = Object.assign(new PassThrough(), { isTTY: false });
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  const terminal: Terminal = { stdout, stderr, stdin: new PassThrough(), env: { SERVICEGAP_CONFIG: 'none' }, cwd: options.cwd ?? process.cwd() };
  const code = await main(args, terminal);
  return { code, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') };
}

describe('from a spreadsheet to a report', () => {
  const data = temp();
  for (const f of ['regions', 'population', 'beds']) copyFileSync(`${FIX}/${f}.csv`, join(data, `${f}.csv`));
  copyFileSync(`${FIX}/services.xlsx`, join(data, 'services.xlsx'));

  it('report --out report.xlsx from a folder whose services are a workbook: the ranking, summed up from the counties', async () => {
    const out = join(data, 'report.xlsx');
    const r = await run(['report', '--data', data, '--from', '1998', '--to', '2000', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.length).toBe(0);
    expect(r.stderr).toContain(`wrote ${out} (xlsx, 5 regions)`);
    expect(r.stderr).toContain('population is given for regions inside the regions ranked, and summed up to them');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(out) as never);
    const ranking = book.getWorksheet('Ranking')!;
    const header = (ranking.getRow(1).values as string[]).slice(1);
    const rowOf = (code: string) => [2, 3, 4, 5, 6].map((n) => ranking.getRow(n)).find((row) => row.getCell(header.indexOf('region') + 1).value === code)!;
    // Ranked first: Helseregion Midt-Norge, beds 833 → 761 (−72), consultations 66,266 → 74,877
    // (+8,611 × 0.0005 = +4.3055): vacuum 67.6945 on 633,118 people = 10.69… per 100k.
    expect(ranking.getRow(2).getCell(header.indexOf('region') + 1).value).toBe('H4');
    expect(ranking.getRow(2).getCell(header.indexOf('vacuum_per_100k') + 1).value).toBeCloseTo((67.6945 / 633118) * 100000, 9);
    const first = rowOf('H1');
    const at = (name: string) => first.getCell(header.indexOf(name) + 1).value;
    // Helseregion Øst: beds 2,230 → 2,194 (−36); consultations 179,117 → 201,411: +22,294 × 0.0005
    // = +11.147 bed-equivalents; vacuum 36 − 11.147 = 24.853 on the five counties' 1,592,540 people
    // (248,217 + 467,052 + 507,467 + 187,103 + 182,701).
    expect(at('region')).toBe('H1');
    expect(at('population')).toBe(1592540);
    expect(at('vacuum_be')).toBeCloseTo(24.853, 9);
    expect(at('vacuum_per_100k')).toBeCloseTo((24.853 / 1592540) * 100000, 9);
    // % lost: 24.853 / (2,230 + 179,117 × 0.0005 = 89.5585) = 24.853 / 2319.5585
    expect(at('share_lost')).toBeCloseTo(24.853 / 2319.5585, 12);
  });

  it('--format xlsx to a terminal is refused (exit 2) before anything is written; to a pipe it is the workbook', async () => {
    const tty = await run(['report', '--data', data, '--format', 'xlsx'], { tty: true });
    expect(tty.code).toBe(2);
    expect(tty.stderr).toContain('a workbook is binary and would garble the terminal: give --out FILE.xlsx');
    expect(tty.stdout.length).toBe(0);
    const piped = await run(['report', '--data', data, '--format', 'xlsx', '-q']);
    expect(piped.code, piped.stderr).toBe(0);
    expect([...piped.stdout.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('--excel and --format xlsx are two different things, and --format xlsx says so in its help', async () => {
    const both = await run(['report', '--data', data, '--excel', '--format', 'xlsx']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--excel writes a CSV file for spreadsheets and --format xlsx an Excel workbook: give one of them');
    const help = await run(['report', '--help']);
    expect(help.stdout.toString('utf8').replace(/\s+/g, ' ')).toContain('xlsx: an Excel workbook with ranking, excluded regions, coverage, weights and provenance (needs --out or a redirect); for a CSV that Excel opens directly, see --excel');
  });

  it('coverage --out coverage.xlsx', async () => {
    const out = join(data, 'coverage.xlsx');
    const r = await run(['coverage', '--data', data, '--to', '2000', '--out', out, '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it('a problem in the workbook is located at its cell, and an existing report is not touched', async () => {
    const dir = temp();
    for (const f of ['regions', 'population', 'beds']) copyFileSync(`${FIX}/${f}.csv`, join(dir, `${f}.csv`));
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('services');
    sheet.addRow(['region', 'year', 'service', 'capacity', 'unit']);
    sheet.addRow(['H1', 1998, 'DPS', 179117, 'contacts']);
    sheet.addRow(['H1', 2000, 'DPS', 'about 200000', 'contacts']);
    await book.xlsx.writeFile(join(dir, 'services.xlsx'));
    const out = join(dir, 'report.xlsx');
    copyFileSync(`${FIX}/services.xlsx`, out); // a stand-in for last month's report
    const before = readFileSync(out);
    const r = await run(['report', '--data', dir, '--out', out]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${join(dir, 'services.xlsx')}!services:D3: column "capacity": expected a number ≥ 0, got "about 200000"`);
    expect(readFileSync(out).equals(before)).toBe(true);
  });
});
