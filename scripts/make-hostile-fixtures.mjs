#!/usr/bin/env node
// Writes fixtures/hostile/: the files analysts really send (other encodings, delimiters, decimal
// commas, line ends) and files meant to break a reader (not CSV at all, broken structure, numbers
// out of range, formula injection). Byte for byte the same on every run (seeded random bytes).
//
//   node scripts/make-hostile-fixtures.mjs
//
// fixtures/hostile/README.md says what each file is and what servicegap must make of it.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'fixtures/hostile');

const files = new Map();
const put = (path, content) => files.set(path, typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content));
const BOM8 = [0xef, 0xbb, 0xbf];

// --- encodings: one regions file in every encoding, the same names -------------------------------
const NAMES = [
  ['NO-15', 'Møre og Romsdal'],
  ['FI-14', 'Pohjois-Pohjanmaa'],
  ['FI-01', 'Åland'],
  ['SA-01', 'منطقة الرياض'],
];
const regions = (delimiter, eol, names = NAMES) =>
  [`region${delimiter}name`, ...names.map(([code, name]) => `${code}${delimiter}${name}`)].join(eol) + eol;

put('encoding/regions.utf8.csv', regions(',', '\n'));
put('encoding/regions.utf8-bom-crlf.csv', [...BOM8, ...Buffer.from(regions(',', '\r\n'))]);
// Excel's "Unicode text": UTF-16 LE with a byte-order mark, tab-separated, CRLF.
put('encoding/regions.utf16le-excel-unicode.txt', iconv.encode(regions('\t', '\r\n'), 'utf16le', { addBOM: true }));
put('encoding/regions.utf16be.csv', iconv.encode(regions(',', '\n'), 'utf16be', { addBOM: true }));
// Windows-1252 cannot hold Arabic; the en dash (0x96) is where it differs from Latin-1.
const LATIN = [...NAMES.slice(0, 2), ['FI-01', 'Åland – Ahvenanmaa']];
put('encoding/regions.windows-1252.csv', iconv.encode(regions(';', '\r\n', LATIN), 'windows-1252'));
put('encoding/regions.latin1.csv', iconv.encode(regions(',', '\n', NAMES.slice(0, 3)), 'latin1'));
put('encoding/regions.utf16le-no-bom.csv', iconv.encode(regions(',', '\n'), 'utf16le'));
put(
  'encoding/population.csv',
  'region,year,population\nNO-15,2020,265000\nFI-14,2020,415000\nFI-01,2020,30000\nSA-01,2020,8600000\n',
);
put('encoding/population.latin.csv', 'region,year,population\nNO-15,2020,265000\nFI-14,2020,415000\nFI-01,2020,30000\n');

// --- delimiters and decimal commas (base: regions.utf8.csv + population.csv) ---------------------
const SERVICES = [
  ['NO-15', '2015', 'FACT', '12,5', 'teams'],
  ['NO-15', '2020', 'FACT', '14,25', 'teams'],
  ['FI-14', '2020', 'asumispalvelut', '0,5', 'places'],
  ['SA-01', '2020', 'crisis', '3', 'teams'],
];
const services = (delimiter, rows = SERVICES) =>
  [['region', 'year', 'service', 'capacity', 'unit'], ...rows].map((r) => r.join(delimiter)).join('\n') + '\n';
put('delimiter/services.semicolon-decimal-comma.csv', services(';'));
put('delimiter/services.tab-decimal-comma.tsv', services('\t'));
put('delimiter/services.pipe-decimal-comma.csv', services('|'));
put(
  'delimiter/services.comma-quoted-decimal-comma.csv',
  services(',', SERVICES.map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)))),
);

// --- numbers ---------------------------------------------------------------------------------------
put('numbers/services.ambiguous.csv', services(';', [...SERVICES, ['FI-01', '2020', 'crisis', '1,250', 'teams']]));
put(
  'numbers/population.thousands-space.csv',
  // a space, a no-break space (U+00A0, what Excel writes in Nordic locales) and a narrow one (U+202F)
  'region;year;population\nNO-15;2020;265 000\nFI-14;2020;415\u00a0000\nFI-01;2020;30\u202f000\nSA-01;2020;8 600 000\n',
);
put(
  'numbers/population.thousands-point.csv',
  'region;year;population\nNO-15;2020;265.000\nFI-14;2020;415.000,5\nFI-01;2020;30.000\nSA-01;2020;8.600.000\n',
);
put(
  'numbers/population.thousands-comma.csv',
  'region,year,population\nNO-15,2020,"265,000"\nFI-14,2020,"415,000.5"\nFI-01,2020,"30,000"\nSA-01,2020,"8,600,000"\n',
);
put(
  'numbers/services.missing-values.csv',
  services(',', [
    ['NO-15', '2015', 'FACT', 'NA', 'teams'],
    ['NO-15', '2016', 'FACT', '..', 'teams'],
    ['NO-15', '2017', 'FACT', ':', 'teams'],
    ['NO-15', '2018', 'FACT', '-', 'teams'],
    ['NO-15', '2019', 'FACT', '', 'teams'],
    ['NO-15', '2020', 'FACT', '2', 'teams'],
  ]),
);
put(
  'numbers/beds.missing-optional.csv',
  'region,year,beds,bed_type,facility\nNO-15,2015,120,NA,..\nNO-15,2020,80,:,-\nFI-14,2015,40,,\nFI-14,2020,40,long-stay,Oulu\n',
);
put(
  'numbers/population.out-of-range.csv',
  'region,year,population\nNO-15,99999,265000\nFI-14,2020,0\nFI-01,2020,NaN\nSA-01,2020,Infinity\nSA-01,2021,1e400\nSA-01,2022,-5\n',
);
put('numbers/services.negative-capacity.csv', services(',', [['NO-15', '2020', 'FACT', '-3', 'teams']]));

// --- structure -------------------------------------------------------------------------------------
const STRUCTURE = [
  'region,year,service,capacity,unit,note',
  'NO-15,2015,FACT,2,teams,"ACT, FACT and ""flexible"" ACT"', // delimiter and quotes inside quotes
  'NO-15,2020,"ambulant',
  'akutteam",1,teams,', // a quoted line break in a name
  'FI-14,2020,"asumispalvelut",10,places,"a note',
  'over two lines, with a comma"',
];
put('structure/services.lf.csv', STRUCTURE.join('\n') + '\n');
put('structure/services.crlf.csv', STRUCTURE.join('\r\n') + '\r\n');
put('structure/services.cr.csv', STRUCTURE.join('\r') + '\r');
put('structure/services.blank-lines-trailing-delimiters.csv', '\nregion,year,service,capacity,unit,\n\nNO-15,2020,FACT,2,teams,\n\n\nFI-14,2020,asumispalvelut,10,places,,\n\n');
put('structure/services.ragged.csv', 'region,year,service,capacity,unit\nNO-15,2020,FACT,2\nFI-14,2020,asumispalvelut,10,places,extra\n');
put('structure/services.duplicate-column.csv', 'region,year,service,capacity,Capacity,unit\nNO-15,2020,FACT,2,3,teams\n');
put('structure/services.missing-column.csv', 'region,year,service,unit\nNO-15,2020,FACT,teams\n');
put('structure/services.header-only.csv', 'region,year,service,capacity,unit\n');
put('structure/services.empty.csv', '');
put('structure/services.unclosed-quote.csv', 'region,year,service,capacity,unit\nNO-15,2020,"FACT,2,teams\nFI-14,2020,asumispalvelut,10,places\n');
put('structure/services.long-line.csv', `region,year,service,capacity,unit\nNO-15,2020,${'x'.repeat(5000)},2,teams\n`);

// --- not CSV at all --------------------------------------------------------------------------------
put('not-csv/services.html', '<!DOCTYPE html>\n<html><head><title>Sign in</title></head><body><form>…</form></body></html>\n');
put('not-csv/services.json', '[\n  { "region": "NO-15", "year": 2020, "service": "FACT", "capacity": 2, "unit": "teams" }\n]\n');
put('not-csv/services.xlsx', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, ...Buffer.from('[Content_Types].xml')]);
let seed = 20240601;
const random = () => {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
put('not-csv/services.bin', Array.from({ length: 512 }, () => Math.floor(random() * 256)));

// --- export: names that a spreadsheet would run as formulas ----------------------------------------
put(
  'export/regions.csv',
  [
    'region,name',
    'X1,"=HYPERLINK(""http://example.com"",""click"")"',
    'X2,+SUM(1;2)',
    'X3,-2+3',
    'X4,@cmd',
    'X5,"\tTAB"',
    '=1+1,formula code',
  ].join('\n') + '\n',
);
put('export/population.csv', 'region,year,population\nX1,2020,1000\nX2,2020,1000\nX3,2020,1000\nX4,2020,1000\nX5,2020,1000\n=1+1,2020,1000\n');
put(
  'export/beds.csv',
  'region,year,beds\nX1,2015,10\nX1,2020,5\nX2,2015,10\nX2,2020,6\nX3,2015,10\nX3,2020,7\nX4,2015,10\nX4,2020,8\nX5,2015,10\nX5,2020,9\n=1+1,2015,10\n=1+1,2020,10\n',
);

// Only the generated folders are replaced: README.md and .gitattributes are kept.
for (const folder of new Set([...files.keys()].map((p) => p.split('/')[0]))) rmSync(join(OUT, folder), { recursive: true, force: true });
for (const [path, bytes] of files) {
  const full = join(OUT, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, bytes);
}
process.stderr.write(`wrote ${files.size} files under fixtures/hostile/\n`);
