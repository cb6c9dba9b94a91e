// The loader on the files analysts really send and on files meant to break it
// (fixtures/hostile/, see its README.md): every one gives data or located problems, and the
// names survive byte for byte.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/core/dataset.js';
import { formatIssue, type InputIssue } from '../../src/core/issues.js';
import { InputSelectionError } from '../../src/io/errors.js';
import { type DatasetInputs, type FileReadInfo, loadDataset, type LoadOptions, numberFormatFor } from '../../src/io/load-dataset.js';
import { inputIssues } from '../helpers/input-issues.js';

const DIR = 'fixtures/hostile';
const at = (path: string) => join(DIR, path);
const BASE = { regions: at('encoding/regions.utf8.csv'), population: at('encoding/population.csv') };

async function load(inputs: DatasetInputs, options: LoadOptions = {}): Promise<Dataset> {
  return (await loadDataset(inputs, options)).dataset;
}

async function issuesOf(inputs: DatasetInputs, options: LoadOptions = {}): Promise<InputIssue[]> {
  return [...(await inputIssues(loadDataset(inputs, options)))];
}

const names = (dataset: Dataset) => Object.fromEntries([...dataset.regions.values()].map((r) => [r.code, r.name]));
const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');
const series = (dataset: Dataset, region: string, key: string) => [...(dataset.services.get(region)?.get(key)?.years ?? [])];

const ALL_NAMES = {
  'NO-15': 'Møre og Romsdal',
  'FI-14': 'Pohjois-Pohjanmaa',
  'FI-01': 'Åland',
  'SA-01': 'منطقة الرياض',
};

describe('encodings (fixtures/hostile/encoding)', () => {
  it.each([
    ['regions.utf8.csv', 'utf8', 'the whole file is valid UTF-8'],
    ['regions.utf8-bom-crlf.csv', 'utf8', 'from its byte-order mark'],
    ['regions.utf16le-excel-unicode.txt', 'utf16le', 'from its byte-order mark'],
    ['regions.utf16be.csv', 'utf16be', 'from its byte-order mark'],
  ] as const)('%s: detected, and Nordic and Arabic names survive byte for byte', async (file, encoding, reason) => {
    const reads: FileReadInfo[] = [];
    const dataset = await load({ ...BASE, regions: at(`encoding/${file}`) }, { onFileRead: (info) => reads.push(info) });
    const got = names(dataset);
    expect(got).toEqual(ALL_NAMES);
    for (const code of Object.keys(ALL_NAMES) as (keyof typeof ALL_NAMES)[]) expect(hex(got[code]!)).toBe(hex(ALL_NAMES[code]));
    expect(reads[0]).toMatchObject({ role: 'regions', encoding, encodingReason: reason, rows: 4 });
  });

  it('Excel "Unicode text" is tab-separated: detected as such', async () => {
    const reads: FileReadInfo[] = [];
    await load({ ...BASE, regions: at('encoding/regions.utf16le-excel-unicode.txt') }, { onFileRead: (info) => reads.push(info) });
    expect(reads[0]!.delimiter).toBe('\t');
  });

  it('Windows-1252 is detected when the bytes are not UTF-8; the en dash (0x96) comes out right', async () => {
    const reads: FileReadInfo[] = [];
    const dataset = await load(
      { regions: at('encoding/regions.windows-1252.csv'), population: at('encoding/population.latin.csv') },
      { onFileRead: (info) => reads.push(info) },
    );
    expect(names(dataset)).toEqual({ 'NO-15': 'Møre og Romsdal', 'FI-14': 'Pohjois-Pohjanmaa', 'FI-01': 'Åland – Ahvenanmaa' });
    expect(reads[0]).toMatchObject({ encoding: 'windows-1252', encodingReason: 'not valid UTF-8: byte 0xF8 on line 2', delimiter: ';' });
  });

  it('Latin-1, detected as Windows-1252 (the same letters) or given with encoding: latin1', async () => {
    const inputs = { regions: at('encoding/regions.latin1.csv'), population: at('encoding/population.latin.csv') };
    const expected = { 'NO-15': 'Møre og Romsdal', 'FI-14': 'Pohjois-Pohjanmaa', 'FI-01': 'Åland' };
    expect(names(await load(inputs))).toEqual(expected);
    expect(names(await load(inputs, { encoding: 'latin1' }))).toEqual(expected);
  });

  it('UTF-16 without a byte-order mark: a clear message with the option to give, then it reads', async () => {
    const inputs = { ...BASE, regions: at('encoding/regions.utf16le-no-bom.csv') };
    const issues = await issuesOf(inputs);
    expect(issues[0]).toEqual({
      file: at('encoding/regions.utf16le-no-bom.csv'),
      message:
        'not a CSV file: this is UTF-16 LE text without a byte-order mark, it seems: give --encoding utf16le; ' +
        'expected a header row with columns region',
    });
    // --encoding applies to every file: the UTF-8 population file must then be given as UTF-16 too,
    // so read the regions alone with a population file in the same encoding
    const dataset = await load(
      { regions: inputs.regions, population: { name: 'population.csv', content: new Uint8Array(Buffer.from('region,year,population\nNO-15,2020,1\n', 'utf16le')) } },
      { encoding: 'utf16le' },
    );
    expect(names(dataset)).toEqual(ALL_NAMES);
  });
});

describe('delimiters and decimal commas (fixtures/hostile/delimiter)', () => {
  it.each(['services.semicolon-decimal-comma.csv', 'services.tab-decimal-comma.tsv', 'services.pipe-decimal-comma.csv'])(
    '%s: the decimal comma does not fool delimiter detection, and 12,5 is 12.5',
    async (file) => {
      const reads: FileReadInfo[] = [];
      const dataset = await load({ ...BASE, services: at(`delimiter/${file}`) }, { onFileRead: (info) => reads.push(info) });
      expect(series(dataset, 'NO-15', 'outreach/teams')).toEqual([
        [2015, 12.5],
        [2020, 14.25],
      ]);
      expect(series(dataset, 'FI-14', 'supported_living/places')).toEqual([[2020, 0.5]]);
      // Every decimal in the file's first lines is a comma: the file says its own mark (issue 14).
      expect(reads.at(-1)!.numberFormat).toEqual({ decimal: ',', thousands: 'none' });
      expect(reads.at(-1)!.numberFormatReason).toBe('detected: 3 numbers like "12,5" in the first 4 data lines, none with a decimal point');
    },
  );

  it('a comma-separated file with quoted decimal commas says its own mark; --decimal . overrides it', async () => {
    const inputs = { ...BASE, services: at('delimiter/services.comma-quoted-decimal-comma.csv') };
    const issues = await issuesOf(inputs, { decimal: '.' });
    expect(formatIssue(issues[0]!)).toBe(`${inputs.services}:2: column "capacity": expected a number ≥ 0, got "12,5" (--decimal , reads it as 12.5)`);
    const dataset = await load(inputs);
    expect(series(dataset, 'NO-15', 'outreach/teams')).toEqual([
      [2015, 12.5],
      [2020, 14.25],
    ]);
  });

  it('a forced delimiter wins, and a wrong one is named in the message', async () => {
    const issues = await issuesOf({ ...BASE, services: at('delimiter/services.semicolon-decimal-comma.csv') }, { delimiter: ',' });
    expect(issues[0]!.message).toContain('(delimiter ",")');
    expect(issues[0]!.message).toContain('found region;year;service;capacity;unit');
  });
});

describe('numbers (fixtures/hostile/numbers)', () => {
  it('a number that reads two ways is read as the file\'s other numbers show ("12,5", "0,5": 1,250 is 1.25)', async () => {
    const file = at('numbers/services.ambiguous.csv');
    expect(series(await load({ ...BASE, services: file }), 'FI-01', 'crisis/teams')).toEqual([[2020, 1.25]]);
    // --thousands , says otherwise for every file: then 12,5 is no number at all.
    expect((await issuesOf({ ...BASE, services: file }, { thousands: ',' }))[0]!.message).toBe(
      'expected a number ≥ 0, got "12,5" (--decimal , reads it as 12.5)',
    );
  });

  it('with no number showing the mark, a number that reads two ways is an error naming the options that settle it', async () => {
    const services = { name: 'services.csv', content: 'region;year;service;capacity;unit\nSA-01;2020;crisis;3;teams\nFI-01;2020;crisis;1,250;teams\n' };
    expect((await issuesOf({ ...BASE, services })).map(formatIssue)).toEqual([
      'services.csv:3: column "capacity": expected a number ≥ 0, got "1,250", which reads two ways: ' +
        '--decimal , reads it as 1.25, --thousands , as 1250; give the option that fits the file',
    ]);
    expect(series(await load({ ...BASE, services }, { decimal: ',' }), 'FI-01', 'crisis/teams')).toEqual([[2020, 1.25]]);
    // The same for this file only, in the config.
    const config = { files: { services: { thousands: ',' as const } } };
    expect(series(await load({ ...BASE, services }, { config }), 'FI-01', 'crisis/teams')).toEqual([[2020, 1250]]);
  });

  it.each([
    ['population.thousands-space.csv', { thousands: 'space' }],
    ['population.thousands-point.csv', { thousands: '.' }],
    ['population.thousands-point.csv', { decimal: ',', thousands: '.' }],
    ['population.thousands-comma.csv', { thousands: ',' }],
  ] as const)('%s with %j', async (file, options) => {
    const dataset = await load({ ...BASE, population: at(`numbers/${file}`) }, options);
    expect(Object.fromEntries([...dataset.population].map(([code, s]) => [code, s.get(2020)]))).toEqual({
      'NO-15': 265000,
      'FI-14': file.endsWith('space.csv') ? 415000 : 415000.5,
      'FI-01': 30000,
      'SA-01': 8600000,
    });
  });

  it('thousands separators are never guessed', async () => {
    const issues = await issuesOf({ ...BASE, population: at('numbers/population.thousands-space.csv') });
    expect(issues[0]!.message).toBe('expected a number > 0, got "265 000" (--thousands space reads it as 265000)');
    const point = await issuesOf({ ...BASE, population: at('numbers/population.thousands-point.csv') });
    expect(point.map((i) => i.message)).toEqual([
      'expected a number > 0, got "265.000", which reads two ways: --decimal . reads it as 265, --decimal , --thousands . as 265000; give the option that fits the file',
      'expected a number > 0, got "415.000,5" (--decimal , --thousands . reads it as 415000.5)',
      'expected a number > 0, got "30.000", which reads two ways: --decimal . reads it as 30, --decimal , --thousands . as 30000; give the option that fits the file',
      'expected a number > 0, got "8.600.000" (--decimal , --thousands . reads it as 8600000)',
    ]);
  });

  it('the same mark for decimals and thousands is refused', async () => {
    await expect(loadDataset(BASE, { decimal: ',', thousands: ',' })).rejects.toBeInstanceOf(InputSelectionError);
  });

  it('every missing-value marker in a required number column is its own error, on its line', async () => {
    const file = at('numbers/services.missing-values.csv');
    expect((await issuesOf({ ...BASE, services: file })).map((i) => `${i.line}: ${i.message}`)).toEqual([
      '2: missing value "NA": expected a number ≥ 0 — fill it in or remove the row',
      '3: missing value "..": expected a number ≥ 0 — fill it in or remove the row',
      '4: missing value ":": expected a number ≥ 0 — fill it in or remove the row',
      '5: missing value "-": expected a number ≥ 0 — fill it in or remove the row',
      '6: missing value (empty cell): expected a number ≥ 0 — fill it in or remove the row',
    ]);
  });

  it('missing values in optional text columns mean "not given"', async () => {
    const dataset = await load({ ...BASE, beds: at('numbers/beds.missing-optional.csv') });
    expect(dataset.beds.shape === 'stock' && [...dataset.beds.byRegion.get('NO-15')!]).toEqual([
      [2015, 120],
      [2020, 80],
    ]);
  });

  it('numbers out of range are rejected with the rule they break', async () => {
    const file = at('numbers/population.out-of-range.csv');
    expect((await issuesOf({ ...BASE, population: file })).map((i) => `${i.line} ${i.columns?.join()}: ${i.message}`)).toEqual([
      '2 year: expected a year (a whole number 1800–2200), got "99999"',
      '3 population: expected a number > 0, got "0"',
      '4 population: expected a number > 0, got "NaN"',
      '5 population: expected a number > 0, got "Infinity"',
      '6 population: expected a number > 0, got "1e400": too large (servicegap accepts at most 1e12)',
      '7 population: expected a number > 0, got "-5"',
    ]);
    expect((await issuesOf({ ...BASE, services: at('numbers/services.negative-capacity.csv') }))[0]!.message).toBe(
      'expected a number ≥ 0, got "-3"',
    );
  });

  it('numberFormatFor: auto is a point in comma files, either mark elsewhere; a thousands mark fixes the decimal', () => {
    expect(numberFormatFor(',', {})).toEqual({ decimal: '.', thousands: 'none' });
    expect(numberFormatFor(';', {})).toEqual({ decimal: 'auto', thousands: 'none' });
    expect(numberFormatFor('\t', { thousands: '.' })).toEqual({ decimal: ',', thousands: '.' });
    expect(numberFormatFor(',', { thousands: ',' })).toEqual({ decimal: '.', thousands: ',' });
    expect(numberFormatFor(',', { decimal: ',' })).toEqual({ decimal: ',', thousands: 'none' });
  });
});

describe('structure (fixtures/hostile/structure)', () => {
  it('LF, CRLF and CR files give the same rows, names and lines', async () => {
    const results = [];
    for (const eol of ['lf', 'crlf', 'cr']) {
      const dataset = await load({ ...BASE, services: at(`structure/services.${eol}.csv`) });
      results.push({
        outreach: series(dataset, 'NO-15', 'outreach/teams'),
        crisis: series(dataset, 'NO-15', 'crisis/teams'),
        living: series(dataset, 'FI-14', 'supported_living/places'),
        names: [...dataset.serviceNames].map(([name, use]) => [name, use.firstLine]),
      });
    }
    expect(results[0]).toEqual({
      outreach: [[2015, 2]],
      crisis: [[2020, 1]],
      living: [[2020, 10]],
      names: [
        ['FACT', 2],
        ['ambulant\nakutteam', 3],
        ['asumispalvelut', 5],
      ],
    });
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
  });

  it('blank lines and trailing delimiters are fine', async () => {
    const dataset = await load({ ...BASE, services: at('structure/services.blank-lines-trailing-delimiters.csv') });
    expect(series(dataset, 'NO-15', 'outreach/teams')).toEqual([[2020, 2]]);
    expect(series(dataset, 'FI-14', 'supported_living/places')).toEqual([[2020, 10]]);
  });

  it.each([
    ['services.ragged.csv', ['2: expected 5 fields like the header, got 4 (delimiter ",")', '3: expected 5 fields like the header, got 6 (delimiter ",")']],
    ['services.duplicate-column.csv', ['1: the column appears twice in the header (fields 4 and 5)']],
    [
      'services.missing-column.csv',
      ['1: missing required column: expected region, year, service, capacity, unit; found region, year, service, unit (delimiter ",")'],
    ],
    ['services.empty.csv', ['undefined: the file is empty: expected a header row with columns region, year, service, capacity, unit']],
    ['services.unclosed-quote.csv', ['2: a quoted field is never closed: expected a closing double quote (") (delimiter ",")']],
  ])('%s', async (file, expected) => {
    const issues = await issuesOf({ ...BASE, services: at(`structure/${file}`) });
    expect(issues.map((i) => `${i.line}: ${i.message}`)).toEqual(expected);
  });

  it('a header-only file is a warning, not an error', async () => {
    const dataset = await load({ ...BASE, services: at('structure/services.header-only.csv') });
    expect(dataset.warnings).toContainEqual({ file: at('structure/services.header-only.csv'), line: null, message: 'the file has a header but no rows' });
  });

  it('a line over the limit is an error at its line', async () => {
    const file = at('structure/services.long-line.csv');
    expect(await issuesOf({ ...BASE, services: file }, { maxLineChars: 1000 })).toEqual([
      { file, line: 2, message: 'the line is longer than 1,000 characters: expected CSV rows of ordinary length (is this really a CSV file?)' },
    ]);
  });

  it('a record over the limit is an error at its line', async () => {
    const issues = await issuesOf({ ...BASE, services: at('structure/services.long-line.csv') }, { maxRecordChars: 1000 });
    expect(issues.map((i) => [i.line, i.message.slice(0, 42)])).toEqual([[2, 'a record is longer than 1,000 characters: ']]);
  });
});

describe('not CSV at all (fixtures/hostile/not-csv)', () => {
  it.each([
    ['services.html', 'this is a web page (HTML: it begins with "<!DOCTYPE html>"), perhaps saved from a browser, or an error or sign-in page'],
    ['services.json', 'this is JSON (it begins with "[")'],
    ['services.bin', 'this is binary data (a NUL byte on line 2)'],
  ])('%s: one clear issue for the file', async (file, what) => {
    const path = at(`not-csv/${file}`);
    expect(await issuesOf({ ...BASE, services: path })).toEqual([
      { file: path, message: `not a CSV file: ${what}; expected a header row with columns region, year, service, capacity, unit` },
    ]);
  });

  it('services.xlsx (the first bytes of a zip, no more): read as a workbook, which it is not', async () => {
    const path = at('not-csv/services.xlsx');
    expect(await issuesOf({ ...BASE, services: path })).toEqual([
      {
        file: path,
        message:
          "cannot be read as an Excel workbook (Corrupted zip: can't find end of central directory): open it in Excel or LibreOffice and save it as .xlsx again",
      },
    ]);
  });

  // A file given up on after its first chunk must be closed at once, not when garbage-collected:
  // a library user checking many files would otherwise run out of file descriptors.
  it.runIf(existsSync('/proc/self/fd'))('files given up on early are closed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'servicegap-fd-'));
    const html = join(dir, 'page.csv'); // larger than one 64 KiB read
    writeFileSync(html, `<!DOCTYPE html>\n${'<p>x</p>\n'.repeat(20_000)}`);
    const header = join(dir, 'services.csv');
    writeFileSync(header, `region,year,service\n${'NO-15,2020,FACT\n'.repeat(20_000)}`);
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 40; i++) {
      await loadDataset({ ...BASE, services: html }).catch(() => {});
      await loadDataset({ ...BASE, services: header }).catch(() => {});
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(open()).toBeLessThan(before + 10);
    rmSync(dir, { recursive: true, force: true });
  });

  it('the fixtures really are what they claim (guard against editors and git)', async () => {
    const xlsx = await readFile(at('not-csv/services.xlsx'));
    expect([...xlsx.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect((await readFile(at('not-csv/services.bin'))).includes(0)).toBe(true);
    expect([...(await readFile(at('encoding/regions.utf16le-excel-unicode.txt'))).subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect((await readFile(at('structure/services.cr.csv'))).includes('\n')).toBe(false);
    expect((await readFile(at('structure/services.crlf.csv'))).toString().split('\r\n')).toHaveLength(7);
  });
});
