// Property-based tests (fast-check) of the loader, deterministic: fixed seeds, bounded runs and
// sizes, a time limit per run.
//
// 1. Arbitrary bytes in any input file: the loader gives data or located problems (InputError),
//    never another exception, never a hang.
// 2. Arbitrary mutations of a valid file (dropped quotes, cut lines, swapped columns, random
//    bytes …): the same.
// 3. A valid dataset written the way spreadsheets write it (any delimiter, decimal comma, thousands
//    separators, UTF-8 with or without BOM, UTF-16 LE/BE, Windows-1252, CRLF/CR/LF, quoting,
//    split into arbitrary chunks) loads to the same numbers and names, byte for byte, and its
//    `--format csv` report is identical to the one of the plain file and parses back to the same
//    numbers.
// 4. Both ways: a generated valid dataset loads; the same dataset with exactly one cell of one
//    row broken (a rule of SPEC §1 violated) is refused with one located problem naming that
//    file, that line and that column.
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/core/analyze.js';
import type { Dataset } from '../../src/core/dataset.js';
import { InputError } from '../../src/core/issues.js';
import type { ThousandsSeparator } from '../../src/core/numbers.js';
import { type DatasetInputs, loadDataset, type LoadOptions } from '../../src/io/load-dataset.js';
import { renderCsv } from '../../src/report/csv.js';
import { summarize } from '../../src/core/summary.js';
import { resolveWeights } from '../../src/core/weights.js';

const SEED = 20_240_601;
const RUN = { seed: SEED, timeout: 5_000, endOnFailure: true } as const;

const REGIONS = 'region,name\nNO-15,"Møre og Romsdal, ""MR"""\nFI-14,Pohjois-Pohjanmaa\n';
const POPULATION = 'region,year,population\nNO-15,2015,265000\nNO-15,2020,266000\nFI-14,2015,410000\nFI-14,2020,415000\n';
const BEDS = 'region,year,beds,bed_type\nNO-15,2015,120,acute\nNO-15,2020,80,acute\nFI-14,2015,60,"long, stay"\nFI-14,2020,50,"long, stay"\n';
const SERVICES =
  'region,year,service,capacity,unit\nNO-15,2015,FACT,2,teams\nNO-15,2020,"ambulant\nakutteam",1.5,teams\n' +
  'FI-14,2020,"asumispalvelut",10,places\nFI-14,2020,værested,12.25,places\n';
const VALID = { regions: REGIONS, population: POPULATION, beds: BEDS, services: SERVICES } as const;
type Role = keyof typeof VALID;
const ROLES = Object.keys(VALID) as Role[];

/** Load, and check the outcome is data or located problems; anything else fails the property. */
async function loadChecked(files: Record<Role, string | Uint8Array>, options: LoadOptions = {}): Promise<'data' | 'issues'> {
  const inputs: DatasetInputs = Object.fromEntries(ROLES.map((role) => [role, { name: `${role}.csv`, content: files[role] }]));
  try {
    await loadDataset(inputs, options);
    return 'data';
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    expect(error.issues.length).toBeGreaterThan(0);
    for (const issue of error.issues) {
      expect(ROLES.map((r) => `${r}.csv`)).toContain(issue.file);
      expect(issue.message.length).toBeGreaterThan(0);
      if (issue.line !== undefined) expect(Number.isInteger(issue.line) && issue.line >= 1).toBe(true);
    }
    return 'issues';
  }
}

// Bytes that look a little like CSV, so that the parser gets past the first byte often.
const csvish = fc
  .array(fc.constantFrom(...'"",,;;\t|\n\n\r\r\0 aéø؏0123456789.-NAregion,year'.split(''), '\uFEFF', 'region,year,service,capacity,unit\n'), {
    maxLength: 200,
  })
  .map((parts) => new Uint8Array(Buffer.from(parts.join(''), 'utf8')));
const bytes = fc.oneof(fc.uint8Array({ maxLength: 600 }), csvish);

describe('arbitrary bytes', () => {
  it('in any one file: data or located problems, never an exception', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROLES), bytes, async (role, content) => {
        await loadChecked({ ...VALID, [role]: content });
      }),
      { ...RUN, numRuns: 250 },
    );
  });

  it('in every file at once, with any reading options', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(bytes, bytes, bytes, bytes),
        fc.record({
          encoding: fc.constantFrom('auto', 'utf8', 'utf16le', 'utf16be', 'windows-1252', 'latin1'),
          decimal: fc.constantFrom('auto', '.', ','),
          thousands: fc.constantFrom('none', 'space'),
          maxLineChars: fc.constantFrom(undefined, 50),
        }),
        async ([a, b, c, d], options) => {
          await loadChecked({ regions: a, population: b, beds: c, services: d }, options);
        },
      ),
      { ...RUN, numRuns: 120 },
    );
  });
});

type Mutation =
  | { kind: 'drop-quote'; at: number }
  | { kind: 'cut'; at: number }
  | { kind: 'cut-line'; line: number }
  | { kind: 'duplicate-line'; line: number }
  | { kind: 'swap-columns'; line: number; a: number; b: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'replace'; at: number; byte: number }
  | { kind: 'line-end'; to: string };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('drop-quote' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('cut-line' as const), line: fc.nat(8) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), line: fc.nat(8) }),
  fc.record({ kind: fc.constant('swap-columns' as const), line: fc.nat(8), a: fc.nat(5), b: fc.nat(5) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('line-end' as const), to: fc.constantFrom('\r\n', '\r') }),
);

function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const line = (n: number) => n % Math.max(1, lines.length);
  switch (m.kind) {
    case 'drop-quote': {
      const quotes = [...text.matchAll(/"/g)].map((x) => x.index);
      if (quotes.length === 0) return text;
      const at = quotes[m.at % quotes.length]!;
      return text.slice(0, at) + text.slice(at + 1);
    }
    case 'cut':
      return text.slice(0, m.at % (text.length + 1));
    case 'cut-line':
      return lines.filter((_, i) => i !== line(m.line)).join('\n');
    case 'duplicate-line':
      return lines.flatMap((l, i) => (i === line(m.line) ? [l, l] : [l])).join('\n');
    case 'swap-columns':
      return lines
        .map((l, i) => {
          if (i !== line(m.line)) return l;
          const fields = l.split(',');
          const a = m.a % fields.length;
          const b = m.b % fields.length;
          [fields[a], fields[b]] = [fields[b]!, fields[a]!];
          return fields.join(',');
        })
        .join('\n');
    case 'line-end':
      return text.replace(/\n/g, m.to);
    default:
      return text; // byte-level mutations: see mutateBytes
  }
}

function mutateBytes(bytes: Uint8Array, m: Mutation): Uint8Array {
  if (m.kind === 'insert') {
    const at = m.at % (bytes.length + 1);
    return Buffer.concat([bytes.subarray(0, at), m.bytes, bytes.subarray(at)]);
  }
  if (m.kind === 'replace' && bytes.length > 0) {
    const out = Uint8Array.from(bytes);
    out[m.at % out.length] = m.byte;
    return out;
  }
  return new Uint8Array(Buffer.from(mutate(Buffer.from(bytes).toString('latin1'), m), 'latin1'));
}

describe('mutations of a valid file', () => {
  it('the unmutated files are valid (the property starts from good data)', async () => {
    expect(await loadChecked(VALID)).toBe('data');
  });

  it('dropped quotes, cut lines, swapped columns, random bytes …: data or located problems', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROLES), fc.array(mutation, { minLength: 1, maxLength: 5 }), async (role, mutations) => {
        let content: Uint8Array = new Uint8Array(Buffer.from(VALID[role], 'utf8'));
        for (const m of mutations) content = mutateBytes(content, m);
        await loadChecked({ ...VALID, [role]: content });
      }),
      { ...RUN, numRuns: 300 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// 3. Round trip

interface Model {
  regions: { code: string; name: string }[];
  population: { region: string; year: number; value: string }[];
  beds: { region: string; year: number; value: string }[];
  services: { region: string; year: number; service: string; unit: string; value: string }[];
}

interface Dialect {
  delimiter: ',' | ';' | '\t' | '|';
  decimal: '.' | ',';
  decimalOption: 'auto' | 'explicit';
  thousands: ThousandsSeparator;
  encoding: 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be' | 'windows-1252';
  lineEnd: '\n' | '\r\n' | '\r';
  quoteAll: boolean;
  blankLines: boolean;
  chunks: number[];
}

const UNICODE_NAMES = ['Møre og Romsdal', 'Pohjois-Pohjanmaa', 'Åland', 'منطقة الرياض', 'Trøndelag, "Midt"', 'Örebro län', 'Oslo\nsentrum'];
const LATIN_NAMES = ['Møre og Romsdal', 'Pohjois-Pohjanmaa', 'Åland – Ahvenanmaa', 'Trøndelag, "Midt"', 'Örebro län', 'Oslo\nsentrum'];
const SERVICE_UNITS = [
  ['FACT', 'teams'],
  ['botilbud', 'places'],
  ['værested', 'places'],
  ['kriisipalvelut', 'beds'],
  ['ACT-team', 'caseload'],
] as const;

/** A number as plain digits: whole part and 0–4 fraction digits (3 left out: see `ambiguous`). */
const amount = (min: number, max: number, fractions: readonly number[]) =>
  fc.tuple(fc.integer({ min, max }), fc.constantFrom(...fractions), fc.integer({ min: 0, max: 9999 })).map(([whole, digits, f]) => {
    const fraction = digits === 0 ? '' : String(f).padStart(4, '0').slice(0, digits).replace(/^0+$/, '1');
    return fraction ? `${whole}.${fraction}` : String(whole);
  });

const model = (latin: boolean): fc.Arbitrary<Model> =>
  fc
    .uniqueArray(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 4 })
    .chain((ids) => {
      const names = latin ? LATIN_NAMES : UNICODE_NAMES;
      const regions = ids.map((id) => ({ code: `R-${id}`, name: names[id % names.length]! }));
      const years = [2015, 2016, 2020];
      const codes = regions.map((r) => r.code);
      const fractions = [0, 0, 1, 2, 4];
      return fc.record({
        regions: fc.constant(regions),
        population: fc.constant(codes.flatMap((region) => years.map((year) => ({ region, year })))).chain((keys) =>
          fc.tuple(...keys.map((k) => amount(1, 9_000_000, fractions).map((value) => ({ ...k, value })))),
        ),
        beds: fc.tuple(
          ...codes.flatMap((region) => [2015, 2020].map((year) => amount(0, 5000, fractions).map((value) => ({ region, year, value })))),
        ),
        services: fc.array(
          fc.record({
            region: fc.constantFrom(...codes),
            year: fc.constantFrom(...years),
            pair: fc.constantFrom(...SERVICE_UNITS),
            value: amount(0, 100_000, fractions),
          }).map(({ pair, ...rest }) => ({ ...rest, service: pair[0], unit: pair[1] })),
          { maxLength: 12 },
        ),
      });
    });

const dialect: fc.Arbitrary<Dialect> = fc
  .record({
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    decimal: fc.constantFrom('.', ','),
    decimalOption: fc.constantFrom('auto', 'explicit'),
    thousands: fc.constantFrom('none', 'space', '.', ','),
    encoding: fc.constantFrom('utf8', 'utf8-bom', 'utf16le', 'utf16be', 'windows-1252'),
    lineEnd: fc.constantFrom('\n', '\r\n', '\r'),
    quoteAll: fc.boolean(),
    blankLines: fc.boolean(),
    chunks: fc.array(fc.integer({ min: 1, max: 64 }), { maxLength: 8 }),
  })
  .map((d) => {
    // What a real file can be: the thousands separator is not the decimal mark; a decimal comma
    // in a comma-separated file, or any thousands separator, needs the options to say so.
    const thousands: ThousandsSeparator = d.thousands === d.decimal ? 'none' : d.thousands;
    const explicit = d.decimalOption === 'explicit' || (d.delimiter === ',' && d.decimal === ',');
    return { ...d, thousands, decimalOption: explicit ? 'explicit' : 'auto' };
  });

function formatNumber(value: string, d: Dialect): string {
  const [whole, fraction] = value.split('.') as [string, string | undefined];
  const sep = d.thousands === 'none' ? '' : d.thousands === 'space' ? '\u00a0' : d.thousands;
  const grouped = sep ? whole.replace(/\B(?=(\d{3})+$)/g, sep) : whole;
  return fraction === undefined ? grouped : `${grouped}${d.decimal}${fraction}`;
}

function writeFile(header: string[], rows: string[][], d: Dialect): Uint8Array {
  const special = new RegExp(`["\\r\\n${d.delimiter === '|' ? '\\|' : d.delimiter}]`);
  // A quoted line break follows the file's line end, as a spreadsheet writes it.
  const cell = (c: string) => (d.quoteAll || special.test(c) ? `"${c.replace(/"/g, '""').replace(/\n/g, d.lineEnd)}"` : c);
  const lines = [header, ...rows].map((r) => r.map(cell).join(d.delimiter));
  const text = lines.join(d.blankLines ? `${d.lineEnd}${d.lineEnd}` : d.lineEnd) + d.lineEnd;
  switch (d.encoding) {
    case 'utf8':
      return new Uint8Array(Buffer.from(text, 'utf8'));
    case 'utf8-bom':
      return new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf8'));
    case 'utf16le':
    case 'utf16be':
      return new Uint8Array(iconv.encode(text, d.encoding, { addBOM: true }));
    case 'windows-1252':
      return new Uint8Array(iconv.encode(text, 'windows-1252'));
  }
}

function files(m: Model, d: Dialect): Record<Role, Uint8Array> {
  const n = (v: string) => formatNumber(v, d);
  return {
    regions: writeFile(['region', 'name'], m.regions.map((r) => [r.code, r.name]), d),
    population: writeFile(['region', 'year', 'population'], m.population.map((r) => [r.region, String(r.year), n(r.value)]), d),
    beds: writeFile(['region', 'year', 'beds'], m.beds.map((r) => [r.region, String(r.year), n(r.value)]), d),
    services: writeFile(
      ['region', 'year', 'service', 'capacity', 'unit'],
      m.services.map((r) => [r.region, String(r.year), r.service, n(r.value), r.unit]),
      d,
    ),
  };
}

const PLAIN: Dialect = {
  delimiter: ',',
  decimal: '.',
  decimalOption: 'auto',
  thousands: 'none',
  encoding: 'utf8',
  lineEnd: '\n',
  quoteAll: false,
  blankLines: false,
  chunks: [],
};

/** Split bytes into chunks of the given sizes (the rest in one), as a stream would deliver them. */
function chunked(bytes: Uint8Array, sizes: number[]): Buffer[] {
  const out: Buffer[] = [];
  let at = 0;
  for (const size of sizes) {
    if (at >= bytes.length) break;
    out.push(Buffer.from(bytes.subarray(at, at + size)));
    at += size;
  }
  if (at < bytes.length) out.push(Buffer.from(bytes.subarray(at)));
  return out;
}

async function loadModel(m: Model, d: Dialect): Promise<Dataset> {
  const f = files(m, d);
  const options: LoadOptions = {
    decimal: d.decimalOption === 'explicit' ? d.decimal : 'auto',
    thousands: d.thousands,
    // the services file arrives through a stream, in arbitrary chunks
    stdin: Readable.from(chunked(f.services, d.chunks)),
  };
  const inputs: DatasetInputs = {
    regions: { name: 'regions.csv', content: f.regions },
    population: { name: 'population.csv', content: f.population },
    beds: { name: 'beds.csv', content: f.beds },
    services: '-',
  };
  return (await loadDataset(inputs, options)).dataset;
}

function reportCsv(dataset: Dataset): string {
  const weights = resolveWeights();
  const report = analyze(dataset, { weights });
  return renderCsv(report, { color: false, weights, summary: summarize(report) });
}

describe('round trip', () => {
  it('a valid dataset in any spreadsheet dialect loads to the same numbers and names, and reports the same CSV', async () => {
    const dialectAndModel = dialect.chain((d) => fc.tuple(fc.constant(d), model(d.encoding === 'windows-1252')));
    await fc.assert(
      fc.asyncProperty(dialectAndModel, async ([d, m]) => {
        const plain = await loadModel(m, PLAIN);
        const dataset = await loadModel(m, d);
        // names, byte for byte (a quoted line break is LF whatever the file's line ends)
        expect([...dataset.regions.values()].map((r) => r.name)).toEqual(m.regions.map((r) => r.name));
        // numbers, exactly as written
        for (const row of m.population) expect(dataset.population.get(row.region)?.get(row.year)).toBe(Number(row.value));
        expect(dataset.population).toEqual(plain.population);
        expect(dataset.beds).toEqual(plain.beds);
        expect(dataset.services).toEqual(plain.services);
        // the --format csv report is the same text, and parses back to the report's numbers
        const text = reportCsv(dataset);
        expect(text).toBe(reportCsv(plain));
        const weights = resolveWeights();
        const report = analyze(dataset, { weights });
        const rows = parse<Record<string, string>>(text, { columns: true });
        for (const [i, region] of report.regions.entries()) {
          for (const [key, value] of Object.entries(region)) {
            if (typeof value === 'number') expect(Number(rows[i]![key]), key).toBe(value);
          }
        }
      }),
      { ...RUN, numRuns: 150 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// 4. One broken cell

/** Per file and column, cells that break exactly that column's rule (SPEC §1, §2). */
const BREAKS: Record<'population' | 'beds' | 'services', Record<string, readonly string[]>> = {
  population: { region: ['ZZ-9'], year: ['1799', '2201', '20x0', ''], population: ['0', '-5', 'abc', 'NA', ''] },
  beds: { region: ['ZZ-9'], year: ['1799', '2020.5', 'x'], beds: ['-1', 'abc', 'NA', ''] },
  services: { region: ['ZZ-9'], year: ['1799', 'x'], service: ['qqqq zzzz', ''], capacity: ['-1', 'abc', ''], unit: ['boats', ''] },
};
type BrokenRole = keyof typeof BREAKS;

function rowsOf(m: Model, role: BrokenRole): { header: string[]; rows: string[][] } {
  switch (role) {
    case 'population':
      return { header: ['region', 'year', 'population'], rows: m.population.map((r) => [r.region, String(r.year), r.value]) };
    case 'beds':
      return { header: ['region', 'year', 'beds'], rows: m.beds.map((r) => [r.region, String(r.year), r.value]) };
    case 'services':
      return { header: ['region', 'year', 'service', 'capacity', 'unit'], rows: m.services.map((r) => [r.region, String(r.year), r.service, r.value, r.unit]) };
  }
}

const breakChoice = fc.constantFrom(...(Object.keys(BREAKS) as BrokenRole[])).chain((role) =>
  fc.constantFrom(...Object.entries(BREAKS[role]).flatMap(([column, cells]) => cells.map((cell: string) => ({ role, column, cell })))),
);

describe('one broken cell, both ways', () => {
  it('a valid dataset loads; the same with one cell broken is refused, naming that file, line and column only', async () => {
    await fc.assert(
      fc.asyncProperty(model(false), breakChoice, fc.nat(), async (m, { role, column, cell }, at) => {
        const valid = files(m, PLAIN);
        expect(await loadChecked(valid)).toBe('data');
        const { header, rows } = rowsOf(m, role);
        fc.pre(rows.length > 0);
        const index = at % rows.length;
        const broken = rows.map((r, i) => (i === index ? r.map((c, j) => (header[j] === column ? cell : c)) : r));
        let error: unknown;
        try {
          await loadDataset(
            Object.fromEntries(ROLES.map((r) => [r, { name: `${r}.csv`, content: r === role ? writeFile(header, broken, PLAIN) : valid[r] }])),
          );
        } catch (e) {
          error = e;
        }
        expect(error, `${role} ${column}=${JSON.stringify(cell)}`).toBeInstanceOf(InputError);
        // these files hold no quoted line breaks: data row i is physical line i + 2
        for (const issue of (error as InputError).issues) {
          expect(issue, `${role} ${column}=${JSON.stringify(cell)}`).toMatchObject({ file: `${role}.csv`, line: index + 2, columns: [column] });
        }
      }),
      { ...RUN, numRuns: 150 },
    );
  });
});
