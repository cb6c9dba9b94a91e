// End-to-end: the built binary on spreadsheet exports and hostile files (fixtures/hostile/):
// the reading options, --verbose, exit codes and messages (never a stack trace), --excel, and
// outputs that are safe to open in a spreadsheet.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from './run-cli.js';

const H = 'fixtures/hostile';
const BASE = ['--regions', `${H}/encoding/regions.utf8.csv`, '--population', `${H}/encoding/population.csv`];
const STACK = /\n\s+at .+\(.+:\d+:\d+\)/;

describe('reading options', () => {
  it('--verbose says per file which encoding, delimiter and number format were used, and how many rows', () => {
    const r = runCli([
      'validate',
      '--regions', `${H}/encoding/regions.utf16le-excel-unicode.txt`,
      '--population', `${H}/encoding/population.csv`,
      '--services', `${H}/delimiter/services.semicolon-decimal-comma.csv`,
      '--verbose',
    ]);
    expect(r.code, r.context).toBe(0);
    const lines = r.stderr.split('\n');
    expect(lines).toContain(
      `read ${H}/encoding/regions.utf16le-excel-unicode.txt: encoding UTF-16 LE (from its byte-order mark); ` +
        'delimiter tab (2 columns in the header, and in 4 of 4 sampled rows); ' +
        'numbers: decimal point or comma (numbers that read two ways, like 1,234, are errors), no thousands separator (no column of this file holds decimals); 4 rows',
    );
    expect(lines).toContain(
      `read ${H}/encoding/population.csv: encoding UTF-8 (the whole file is valid UTF-8); ` +
        'delimiter "," (3 columns in the header, and in 4 of 4 sampled rows); numbers: decimal point, no thousands separator (comma-separated: a decimal comma would need quotes); 4 rows',
    );
    // The decimal mark per file, and why (issue 14).
    expect(lines).toContain(
      `read ${H}/delimiter/services.semicolon-decimal-comma.csv: encoding UTF-8 (the whole file is valid UTF-8); ` +
        'delimiter ";" (5 columns in the header, and in 4 of 4 sampled rows); ' +
        'numbers: decimal comma, no thousands separator (detected: 3 numbers like "12,5" in the first 4 data lines, none with a decimal point); 4 rows',
    );
  });

  it('--verbose also reports a file that failed, before its problems are listed', () => {
    const r = runCli(['validate', ...BASE, '--services', `${H}/not-csv/services.html`, '--verbose']);
    expect(r.code, r.context).toBe(3);
    expect(r.stderr).toMatch(/read fixtures\/hostile\/not-csv\/services\.html: encoding UTF-8 \(the whole file is valid UTF-8\); delimiter .*; 0 rows/);
  });

  it('--encoding windows-1252 and the names in the JSON report', () => {
    const r = runCli([
      'report', '--format', 'json', '--from', '2020', '--to', '2020', '--encoding', 'windows-1252',
      '--regions', `${H}/encoding/regions.windows-1252.csv`, '--population', `${H}/encoding/population.latin.csv`,
      // no community data on purpose, counted as 0 (SPEC §8): the case is about the names
      '--services', 'none', '--missing-community', 'zero',
    ]);
    expect(r.code, r.context).toBe(0);
    const names = JSON.parse(r.stdout).regions.map((x: { name: string }) => x.name).sort();
    expect(names).toEqual(['Møre og Romsdal', 'Pohjois-Pohjanmaa', 'Åland – Ahvenanmaa'].sort());
  });

  it('a Windows-1252 file on standard input is detected too', () => {
    const bytes = iconv.encode('region;name\r\nNO-15;Møre og Romsdal\r\n', 'windows-1252');
    const r = runCli(['report', '--format', 'csv', '--from', '2020', '--to', '2020', '--regions', '-', '--population', `${H}/encoding/population.latin.csv`], {
      input: bytes,
    });
    // population.latin.csv names regions that this regions file lacks: a located error, in UTF-8
    expect(r.code, r.context).toBe(3);
    expect(r.stderr).toContain('unknown region "FI-14"');
  });

  it('a quoted decimal comma in a comma-separated file is detected; --decimal . says otherwise', () => {
    const args = ['report', '--format', 'json', ...BASE, '--services', `${H}/delimiter/services.comma-quoted-decimal-comma.csv`];
    const point = runCli([...args, '--decimal', '.']);
    expect(point.code, point.context).toBe(3);
    expect(point.stderr).toContain('got "12,5" (--decimal , reads it as 12.5)');
    const r = runCli(args);
    expect(r.code, r.context).toBe(0);
    const no15 = JSON.parse(r.stdout).regions.find((x: { region: string }) => x.region === 'NO-15');
    expect(no15.community_change_be).toBe((14.25 - 12.5) * 10);
  });

  it('--thousands space reads grouped populations', () => {
    const r = runCli(['validate', '--regions', `${H}/encoding/regions.utf8.csv`, '--population', `${H}/numbers/population.thousands-space.csv`, '--thousands', 'space']);
    expect(r.code, r.context).toBe(0);
  });

  it.each([
    [['--decimal', ',', '--thousands', ','], /--thousands ,: the thousands separator cannot be the decimal mark too/],
    [['--encoding', 'ebcdic'], /option '--encoding <name>' argument 'ebcdic' is invalid/],
    [['--thousands', "'"], /argument ''' is invalid/],
  ])('%j is a usage error (exit 2)', (extra, message) => {
    const r = runCli(['validate', ...BASE, ...extra]);
    expect(r.code, r.context).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe('hostile files: exit 3 with a clear message, never a stack trace', () => {
  it.each([
    ['not-csv/services.html', 'not a CSV file: this is a web page'],
    ['not-csv/services.json', 'not a CSV file: this is JSON'],
    ['not-csv/services.xlsx', 'cannot be read as an Excel workbook'],
    ['not-csv/services.bin', 'not a CSV file: this is binary data'],
    ['structure/services.unclosed-quote.csv', ':2: a quoted field is never closed'],
    ['structure/services.ragged.csv', ':3: expected 5 fields like the header, got 6 (delimiter ",")'],
    ['numbers/services.missing-values.csv', ':2: column "capacity": missing value "NA"'],
  ])('%s', (file, message) => {
    const r = runCli(['report', ...BASE, '--services', `${H}/${file}`]);
    expect(r.code, r.context).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(STACK);
    expect(r.stderr).not.toContain('internal error');
  });

  it('a line longer than 1 MiB (no line end at all) is exit 3 naming the line', () => {
    const dir = tempDir();
    const path = join(dir, 'services.csv');
    writeFileSync(path, `region,year,service,capacity,unit\n${'x,'.repeat(600_000)}`);
    const r = runCli(['validate', ...BASE, '--services', path]);
    expect(r.code, r.context).toBe(3);
    expect(r.stderr).toContain(`${path}:2: the line is longer than 1,048,576 characters`);
  });
});

describe('--excel and safe exports', () => {
  // The folder has no services.csv: the runs say so on purpose and count community capacity as 0
  // (SPEC §8); these cases are about safe cells.
  const EXPORT = ['--data', `${H}/export`, '--services', 'none', '--missing-community', 'zero'];

  it('--excel writes UTF-8 with a BOM, ";" and a decimal comma, CRLF, with the same unrounded numbers as --format csv', () => {
    const csv = runCli(['report', '--format', 'csv', '--data', 'fixtures/worked-stock']);
    const excel = runCli(['report', '--excel', '--data', 'fixtures/worked-stock']);
    expect(excel.code, excel.context).toBe(0);
    expect(excel.stdout.startsWith('\uFEFFrank;region;name;population;')).toBe(true);
    expect(excel.stdout.endsWith('\r\n')).toBe(true);
    const plain: string[][] = parse(csv.stdout);
    const spreadsheet: string[][] = parse(excel.stdout.slice(1), { delimiter: ';' });
    expect(spreadsheet.length).toBe(plain.length);
    for (const [i, row] of plain.entries()) {
      const other = spreadsheet[i]!;
      for (const [j, cell] of row.entries()) {
        const value = Number(cell);
        if (i > 0 && cell !== '' && Number.isFinite(value)) expect(Number(other[j]!.replace(',', '.'))).toBe(value);
        else expect(other[j]).toBe(cell);
      }
    }
    expect(excel.stdout).toContain(';8,281573498964804;'); // FI-VS vacuum per 100k, unrounded
  });

  it('--excel --out writes the file atomically, whatever its extension', () => {
    const dir = tempDir();
    const out = join(dir, 'gap.xls.csv');
    writeFileSync(out, 'previous report');
    const r = runCli(['report', '--excel', '--data', 'fixtures/worked-stock', '--out', out]);
    expect(r.code, r.context).toBe(0);
    expect(r.stderr).toContain(`wrote ${out} (csv for Excel, 4 regions)`);
    expect([...readFileSync(out).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(readdirSync(dir)).toEqual(['gap.xls.csv']);
  });

  it('--excel with another --format is a usage error', () => {
    const r = runCli(['report', '--excel', '--format', 'json']);
    expect(r.code, r.context).toBe(2);
    expect(r.stderr).toContain('--excel writes CSV: it cannot be combined with --format json');
  });

  it('CSV (both dialects) neutralises formula-like names and codes, but not negative numbers', () => {
    for (const args of [['--format', 'csv'], ['--excel']]) {
      const r = runCli(['report', ...EXPORT, ...args]);
      expect(r.code, r.context).toBe(0);
      const delimiter = args[0] === '--excel' ? ';' : ',';
      const rows: string[][] = parse(r.stdout.replace(/^\uFEFF/, ''), { delimiter, relax_quotes: true });
      const cells = rows.slice(1).flatMap((row) => [row[1]!, row[2]!]);
      expect(cells).toEqual(expect.arrayContaining([`'=HYPERLINK("http://example.com","click")`, "'+SUM(1;2)", "'-2+3", "'@cmd", "'=1+1"]));
      expect(cells).toContain('TAB'); // a leading tab is already trimmed away when the file is read
      // no text cell begins with a formula character any more
      for (const cell of cells) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      // bed_change stays a negative number
      expect(rows.slice(1).map((row) => row[6])).toContain('-5');
    }
  });

  it('Markdown escapes the same names', () => {
    const r = runCli(['report', ...EXPORT, '--format', 'markdown']);
    expect(r.code, r.context).toBe(0);
    const regions = r.stdout
      .split('\n')
      .filter((l) => /^\| \d/.test(l))
      .map((l) => l.split(' | ')[1]!);
    expect(regions).toEqual([
      '\\=HYPERLINK("http://example.com","click") (X1)',
      '\\+SUM(1;2) (X2)',
      '\\-2+3 (X3)',
      '\\@cmd (X4)',
      'TAB (X5)',
      'formula code (=1+1)',
    ]);
    expect(r.stdout).toContain('| -5 |'); // numbers are not escaped
  });

  it('a failed run never replaces a good report', () => {
    const dir = tempDir();
    const out = join(dir, 'gap.csv');
    writeFileSync(out, 'good report');
    const r = runCli(['report', ...BASE, '--services', `${H}/not-csv/services.bin`, '--out', out]);
    expect(r.code, r.context).toBe(3);
    expect(readFileSync(out, 'utf8')).toBe('good report');
    expect(readdirSync(dir)).toEqual(['gap.csv']);
  });
});
