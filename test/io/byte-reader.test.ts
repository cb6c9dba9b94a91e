// The byte-level reader (src/io/piece-parser.ts: cells looked up by their bytes, numbers parsed
// from their digits) against the readers that work on text: the string-based reader it replaced
// (readBytes: false: the same splitter, shape and zod-backed checks on decoded text) and
// csv-parse (parser: 'csv-parse'). Every fixture dataset, every hostile file, and random files —
// any delimiter and number format, quotes, quoted line breaks, CRLF and lone CR, blank lines, bad
// cells, wrong field counts, U+FEFF and Arabic inside cells, tight line limits, a byte that is not
// UTF-8, no final line feed; local column headers ("år", "tjeneste"), local units ("årsverk"),
// service names matched loosely, region codes in decomposed form or with zero-width characters —
// give the same dataset (with the same notices), or the same issues word for word on the same
// lines, and the same --verbose summary. Then the bytes pushed in any pieces give the same rows.
// And the rest of a typical services file, local names included, is read by the byte lane: the
// text lane's row check is asked for none of its rows.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { FigureTarget } from '../../src/core/figure-rows.js';
import type { InputIssue } from '../../src/core/issues.js';
import { RowValidator } from '../../src/core/row-validator.js';
import type { DatasetInputs, LoadOptions } from '../../src/io/load-dataset.js';
import { PieceParser, PieceReading, type PieceSetup } from '../../src/io/piece-parser.js';
import { takePiece } from '../../src/io/piece-rows.js';
import { dirsWith, grown, outcome } from './read-outcome.js';

const TEXT: LoadOptions = { readBytes: false };
const CSV_PARSE: LoadOptions = { parser: 'csv-parse' };

/** A problem that stops the reading of a file: csv-parse may drop the records it had parsed
 * before one (see csv-differential.test.ts), so then the byte reader is held to the text reader only. */
const stopped = (o: Awaited<ReturnType<typeof outcome>>) =>
  o.issues?.some((i) => /quoted field is never closed|record is longer|line is longer|not valid UTF-8/.test(i.message)) ?? false;

/** The byte reader's outcome is the text reader's (and csv-parse's, with `csvParse`). */
async function expectSame(inputs: DatasetInputs, options: LoadOptions = {}, csvParse = true): Promise<Awaited<ReturnType<typeof outcome>>> {
  const text = await outcome(inputs, { ...options, ...TEXT });
  const bytes = await outcome(inputs, options);
  expect(bytes).toEqual(text);
  if (csvParse && !stopped(text)) expect(await outcome(inputs, { ...options, ...CSV_PARSE })).toEqual(text);
  return text;
}

/** Just past the head (about 64 KiB): the rest is read from its bytes. */
const SIZE = 96 << 10;

describe('the byte reader ≡ the text readers, on every fixture', () => {
  const datasets = [...dirsWith('fixtures', 'regions.csv'), 'data', ...dirsWith('data', 'regions.csv')].filter((d) => readdirSync(d).includes('population.csv'));

  it.each(datasets)('dataset %s', async (dir) => {
    const has = (f: string) => readdirSync(dir).includes(f);
    // (csv-parse ≡ the text reader on these files: csv-differential.test.ts)
    const inputs = {
      data: dir,
      population: grown(join(dir, 'population.csv'), SIZE),
      beds: has('beds.csv') ? grown(join(dir, 'beds.csv'), SIZE) : undefined,
      services: has('services.csv') ? grown(join(dir, 'services.csv'), SIZE) : undefined,
    };
    await expectSame(inputs, {}, false);
  });

  const BASE = { regions: 'fixtures/hostile/encoding/regions.utf8.csv', population: 'fixtures/hostile/encoding/population.csv' };
  const hostile = ['structure', 'delimiter', 'numbers', 'encoding'].flatMap((d) => readdirSync(join('fixtures/hostile', d)).map((f) => join('fixtures/hostile', d, f)));

  it.each(hostile.filter((f) => /services\./.test(f)))('hostile services file %s', async (file) => {
    await expectSame({ ...BASE, services: grown(file, SIZE) });
    await expectSame({ ...BASE, services: grown(file, SIZE) }, { encoding: 'utf8', decimal: 'auto' }, false);
  });

  it.each(hostile.filter((f) => /population\./.test(f)))('hostile population file %s', async (file) => {
    await expectSame({ ...BASE, population: grown(file, SIZE) }, {}, false);
  });

  it.each(hostile.filter((f) => /beds\./.test(f)))('hostile beds file %s', async (file) => {
    await expectSame({ ...BASE, beds: grown(file, SIZE) }, {}, false);
  });
});

// ---- random files ------------------------------------------------------------------------------

const DELIMITERS = [',', ';', '\t', '|'] as const;
type Delim = (typeof DELIMITERS)[number];

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** A cell, as a file might hold it (most of them fine, many not). */
const cell = (pool: readonly string[]) =>
  fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...pool) },
    { weight: 1, arbitrary: fc.constantFrom(...pool).map(quote) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ', 'NA', '..', '-', ': c', '"', '""', 'x"y', '"a"b', '\ufeff', 'ﻻ', '١٢', 'a\rb', '"a\nb"', '"a\r\nb"') },
  );

// "A\u030A" is "Å" decomposed (NFD); U+200B and U+2060 are zero-width: these codes are the codes of
// regions.csv once normalised (with a notice); "D\u200B" and a lone U+200B are unknown.
const REGIONS = ['A', 'B', 'C', ' A', 'A ', 'Z', 'NA', 'Ø', 'منطقة', 'Å', 'A\u030A', 'B\u200B', '\u2060C', 'D\u200B', '\u200B'];
const YEARS = ['2020', '2021', '2001', '1700', '2300', '20x', '2020.0', '2020.5', ' 2020', '2020 ', '02020', '+2020', '2e3'];
const SERVICES = ['crisis', 'crisis resolution team', 'ACT team', 'peer support', 'day centre, open', 'no such service', '12" monitor', '\ufeffcrisis', 'مراكز الصحة النفسية المجتمعية', 'crisis\u00a0', 'DPS', 'værested',
  // matched only loosely (plural, diacritics), with a notice
  'crisis resolution teams', 'vaerested', 'peer supports'];
const NUMBERS = ['1', '0', '007', '1.5', '12,5', '1,234', '1.234', '0,125', '1 000', '1e3', '-1', '+1', '.5', '5.', '5,', '999999999999', '1000000000000', '0.1', '12345678901.25', '3.14159265358979', ' 2', '2 ', 'Infinity', '0x10'];
// Local units (årsverk → fte, plasser → places, senger → beds, in any case, with or without the
// diacritic), and a near miss (an issue with a hint, grouped over its lines).
const UNITS = ['teams', 'Teams', ' fte', 'fte ', 'fte', 'beds', 'places', 'caseload', 'lightyears', 'NA', '', 'årsverk', 'ÅRSVERK', 'arsverk', 'plasser', 'senger', 'Betten', 'årsverkk'];

const serviceRow = (d: Delim) =>
  fc
    .tuple(cell(REGIONS), cell(YEARS), cell(SERVICES), cell(NUMBERS), cell(UNITS), fc.constantFrom(0, 0, 0, 0, 1, -1, 2), fc.constantFrom('\n', '\n', '\n', '\r\n', '\r'))
    .map(([region, year, service, capacity, unit, extra, end]) => {
      const fields = [region, year, service, capacity, unit];
      if (extra < 0) fields.pop();
      for (let k = 0; k < extra; k++) fields.push(k === 0 ? '' : 'x');
      // A cell that holds the delimiter must be quoted to stay one cell.
      return fields.map((f) => (f.includes(d) && !f.startsWith('"') ? quote(f) : f)).join(d) + end;
    });

/** A row that is fine (in a file whose numbers have a decimal `mark`), however it is written. */
const goodRow = (d: Delim, mark: '.' | ',') =>
  fc
    .tuple(
      fc.constantFrom('A', 'B', 'C', 'NA', 'Ø', 'منطقة', 'A\u030A', 'B\u200B', '\u2060C'),
      fc.integer({ min: 1995, max: 2024 }).map(String),
      // (names with a unit their category has a weight in: bench/generate.mjs)
      fc.constantFrom(['crisis', 'teams'], ['crisis resolution team', 'teams'], ['ACT-team', 'teams'], ['crisis', 'caseload'], ['peer_support', 'fte'], ['DPS', 'beds'], ['værested', 'places'], ['مراكز الصحة النفسية المجتمعية', 'facilities'], ['cmhc', 'fte'],
        ['cmhc', 'årsverk'], ['værested', 'plasser'], ['DPS', 'senger'], ['crisis resolution teams', 'teams'], ['vaerested', 'Plasser']),
      fc.oneof(fc.nat({ max: 9 }).map(String), fc.nat({ max: 99999 }).map(String), fc.tuple(fc.nat({ max: 9999 }), fc.nat({ max: 99 })).map(([a, b]) => `${a}${mark}${String(b).padStart(2, '0')}`)),
      fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
      fc.constantFrom('\n', '\n', '\r\n'),
    )
    .map(([region, year, [service, unit], capacity, quoted, end]) =>
      [region, year, service, capacity, unit].map((f, k) => (quoted[k] || f.includes(d) ? quote(f) : f)).join(d) + end,
    );

const line = (d: Delim) => fc.oneof({ weight: 12, arbitrary: serviceRow(d) }, { weight: 1, arbitrary: fc.constantFrom('\n', '\r\n', ' \n', `"unclosed${d}1\n`) });

/** How the numbers of a file are written (LoadOptions), by delimiter. */
const FORMATS: LoadOptions[] = [{}, { decimal: '.' }, { decimal: ',' }, { decimal: 'auto' }, { thousands: ',' }, { decimal: ',', thousands: '.' }, { thousands: 'space' }];

describe('the byte reader ≡ the text readers, on random services files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sg-bytes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'regions.csv'), 'region,name\nA,Agder\nB,Bodø\nC,منطقة\nNA,Namibia\nØ,Øst\nمنطقة,Arabic\nÅ,Åland\n');
  writeFileSync(join(dir, 'population.csv'), 'region,year,population\nA,2020,1000\nB,2020,2000\nC,2020,3000\n');

  /** Headers as files write them: the SPEC's names, or local ones (read as the SPEC's, with a notice). */
  const HEADERS = [
    ['region', 'year', 'service', 'capacity', 'unit'],
    ['helseforetak', 'år', 'tjeneste', 'kapasitet', 'enhet'],
    ['Region', 'ÅR', 'Service Type', 'Kapasitet', 'unit of measure'],
  ];

  /** Good rows filling the first 64 KiB (read as text, the encoding and delimiter samples): the
   * random rows after them are read from their bytes. */
  const head = (d: Delim, names: readonly string[]) => {
    const header = names.join(d) + '\n';
    const row = ['A', '2019', 'crisis resolution team', '1', 'teams'].join(d) + '\n';
    return header + row.repeat(Math.ceil((64 << 10) / row.length));
  };

  it('the same dataset or the same issues, for any rows, delimiter, number format and limits', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...DELIMITERS).chain((d) => fc.tuple(fc.constant(d), fc.array(line(d), { minLength: 1, maxLength: 60 }))),
        fc.constantFrom(...FORMATS),
        fc.boolean(),
        fc.boolean(),
        fc.constantFrom(undefined, 24, 40),
        fc.constantFrom(...HEADERS),
        async ([d, rows], format, badByte, lastNewline, limit, header) => {
          const options: LoadOptions = { ...format, encoding: 'utf8', allowUnmapped: rows.length % 2 === 0, maxLineChars: limit && limit * 2, maxRecordChars: limit };
          if (options.decimal !== undefined && options.decimal === options.thousands) return;
          await expectSame(servicesFile(d, rows, lastNewline, badByte, header), options);
        },
      ),
      { seed: 20261130, numRuns: 100 },
    );
  });

  it('the same dataset, for good rows written in any way (quotes, CRLF, both decimal marks, local names)', async () => {
    // Which notices the runs gave (so that the local names were really met, and met alike).
    const notices = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...DELIMITERS).chain((d) =>
          fc.tuple(fc.constant(d), fc.constantFrom<'.' | ','>('.', d === ',' ? '.' : ',')).chain(([d, mark]) => fc.tuple(fc.constant(d), fc.constant(mark), fc.array(goodRow(d, mark), { minLength: 1, maxLength: 200 }))),
        ),
        fc.boolean(),
        fc.constantFrom(...HEADERS),
        async ([d, mark, rows], lastNewline, header) => {
          const got = await expectSame(servicesFile(d, rows, lastNewline, false, header), mark === ',' ? { decimal: ',' } : {});
          expect(got.issues).toBeUndefined();
          for (const w of got.dataset!.warnings) notices.add(w.message.replace(/:.*/s, ''));
        },
      ),
      { seed: 20261201, numRuns: 40 },
    );
    expect([...notices].sort()).toEqual([
      'columns read by their local names',
      'no beds file',
      'region codes read after Unicode normalisation (they look the same)',
      'service names matched a known name only loosely (plural or singular, hyphen or space, diacritics)',
      'units given by a local name, read as SPEC units',
    ]);
  });

  /** The head, the rows, maybe without the last line feed, maybe with a byte that is not UTF-8. */
  it('a decimal mark that is also the delimiter ends a cell: "12,5" unquoted in a comma-separated file is two cells', async () => {
    // With --decimal , the byte lane reads a number's digits, mark and digits as it scans them,
    // but not in a file whose delimiter is the comma: with the year last, A,crisis,12,5,teams,2020
    // has six cells in a five-column file (not a capacity of 12.5), and B,crisis,7,25,2020 has the
    // unit "25". A quoted "4,5" is 4.5.
    const header = 'region,service,capacity,unit,year\n';
    const good = 'A,crisis resolution team,1,teams,2019\n'.repeat(Math.ceil((96 << 10) / 38));
    const rows = 'A,crisis,12,5,teams,2020\nB,crisis,7,25,2020\nA,crisis,3,teams,2021\nC,DPS,"4,5",places,2020\n';
    const services = { name: 'services.csv', content: new Uint8Array(Buffer.from(header + good + rows)) };
    const got = await expectSame({ data: dir, services }, { decimal: ',', encoding: 'utf8' });
    expect(got.issues?.map((i) => i.message).join('\n')).toMatch(/got 6 \(delimiter ","\)[^]*got "25"/);
  });

  it('a cell expected from the row before is recognised by its bytes only when it holds no delimiter', async () => {
    // The byte lane tries the cell the file's pattern makes likely next before it looks a cell up;
    // "day centre, open" was quoted on the row before, so on the next row the same bytes unquoted
    // are two cells (six in a five-column file), not that service again.
    const rows = ['A,2019,"day centre, open",1,places\n', 'A,2019,day centre, open,1,places\n', 'A,2019,"day centre, open",2,places\n', 'A,2019,crisis,3,teams\n'];
    for (const d of [',', ';'] as const) {
      const got = await expectSame(servicesFile(d, rows.map((r) => r.replaceAll(',', d).replace(`day centre${d} open`, 'day centre, open')), true, false, HEADERS[0]!), { encoding: 'utf8' });
      // (with ";" between fields, the unquoted cell is one cell: the same service on every row)
      if (d === ',') expect(got.issues?.map((i) => i.message).join('\n')).toMatch(/got 6 \(delimiter ","\)/);
      else expect(got.issues?.map((i) => i.message).join('\n') ?? '').not.toMatch(/fields/);
    }
  });

  function servicesFile(d: Delim, rows: readonly string[], lastNewline: boolean, badByte: boolean, header: readonly string[]): DatasetInputs {
    let text = `${head(d, header)}${rows.join('')}`;
    if (!lastNewline) text = text.replace(/\r?\n$/, '');
    const bytes = Buffer.from(text, 'utf8');
    const at = bytes.length - Math.ceil(Buffer.byteLength(rows.join('')) / 2);
    const content = badByte ? Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)]) : bytes;
    return { data: dir, services: { name: 'services.csv', content: new Uint8Array(content) } };
  }
});

// ---- the byte lane reads local names -----------------------------------------------------------

describe('the byte lane reads a typical services file, local names included', () => {
  it('asks the text lane for no row after the head', async () => {
    // The names fixtures: a local header, SSB's unit words, a code decomposed and one with a
    // zero-width space, a service name with a zero-width space. Grown past the head (64 KiB).
    const files = ['fixtures/names/norway-local', 'fixtures/names/unicode-codes'].map((dir) => ({ dir, services: grown(join(dir, 'services.csv'), 512 << 10) }));
    for (const { dir, services } of files) {
      const check = vi.spyOn(RowValidator.prototype, 'check');
      try {
        const { dataset, issues } = await outcome({ data: dir, services }, {});
        expect(issues).toBeUndefined();
        expect(dataset!.warnings.some((w) => /units given by a local name|region codes read after Unicode normalisation/.test(w.message))).toBe(true);
        const text = Buffer.from(services.content).toString('utf8');
        const rows = text.split('\n').length - 2; // header, and the empty string after the last line feed
        // The head is read as text: the rows that start in its first 64 KiB and the line that
        // ends it. Every row after it is read by the byte lane.
        const headRows = text.slice(0, Buffer.from(services.content).subarray(0, 64 << 10).toString('utf8').length).split('\n').length;
        const checked = check.mock.calls.filter(([kind]) => kind === 'services').length;
        expect(rows).toBeGreaterThan(6 * headRows);
        expect(checked).toBeLessThanOrEqual(headRows);
        expect(checked).toBeGreaterThan(0);
      } finally {
        check.mockRestore();
      }
    }
  });
});

// ---- pieces ------------------------------------------------------------------------------------

/** What a parser's results hand on, as a list of calls (takePiece into a recording sink). */
function record(setup: PieceSetup, pushes: readonly Uint8Array[]): unknown[] {
  const calls: unknown[] = [];
  let nextTarget = 0;
  const sink = {
    addRow: (kind: string, row: unknown, file: string, line: number): FigureTarget | undefined => {
      calls.push(['row', kind, row, line]);
      return { id: nextTarget++ } as unknown as FigureTarget;
    },
    addAgain: (target: FigureTarget, year: number, value: number, _file: string, line: number) => {
      calls.push(['again', (target as unknown as { id: number }).id, year, value, line]);
    },
  };
  const parser = new PieceParser(new PieceReading(setup));
  pushes.forEach((bytes, i) => {
    parser.push(bytes, i === pushes.length - 1);
    const result = parser.take();
    calls.push(['take', result.records, result.lastRecordEnd, result.clean]);
    takePiece(result, 100, setup.kind, sink, setup.file, (issue: InputIssue) => calls.push(['issue', issue]));
  });
  return calls;
}

describe('the byte reader, bytes pushed in pieces', () => {
  const setup: PieceSetup = {
    file: 'services.csv',
    kind: 'services',
    numberFormat: { decimal: '.', thousands: 'none' },
    delimiter: ',',
    width: 5,
    keep: [
      [0, 'region'],
      [1, 'year'],
      [2, 'service'],
      [3, 'capacity'],
      [4, 'unit'],
    ],
    maxLineChars: 60,
    maxRecordChars: 50,
    utf8Advice: 'advice',
  };

  it('gives the same rows, issues and lines however the bytes are cut', () => {
    fc.assert(
      fc.property(fc.array(line(','), { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), (rows, cuts, badByte) => {
        let bytes = Buffer.from(rows.join(''), 'utf8');
        if (badByte && bytes.length > 2) bytes = Buffer.concat([bytes.subarray(0, bytes.length >> 1), Buffer.from([0xc3]), bytes.subarray(bytes.length >> 1)]);
        const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const pieces = [...at, bytes.length].map((to, i) => bytes.subarray(i === 0 ? 0 : at[i - 1]!, to));
        const whole = record(setup, [bytes]).filter((c) => (c as unknown[])[0] !== 'take');
        const cut = record(setup, pieces).filter((c) => (c as unknown[])[0] !== 'take');
        // Rows added again go to the target of their key's first row in their piece: compare
        // what each call adds, with targets named by the row that made them.
        expect(normalise(cut)).toEqual(normalise(whole));
      }),
      { seed: 7, numRuns: 400 },
    );
  });
});

/** Calls with each `again` written as the row its target came from, so that where a piece
 * boundary falls (which row of a key comes first in its piece) does not matter. */
function normalise(calls: unknown[]): unknown[] {
  const rows: unknown[] = [];
  let targets = 0;
  const out: unknown[] = [];
  for (const call of calls) {
    const [what, ...rest] = call as [string, ...unknown[]];
    if (what === 'row') {
      const [, row, line] = rest as [string, Record<string, unknown>, number];
      rows[targets++] = { region: row.region, service: row.service, unit: row.unit };
      out.push(['add', row.region, row.service, row.unit, row.year, row.capacity, line]);
    } else if (what === 'again') {
      const [id, year, value, line] = rest as [number, number, number, number];
      const key = rows[id] as Record<string, unknown>;
      out.push(['add', key.region, key.service, key.unit, year, value, line]);
    } else out.push(call);
  }
  return out;
}
