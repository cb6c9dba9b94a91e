// Reading in worker threads (parallel/read-in-parallel.ts) against reading on one thread: every
// fixture dataset, every hostile file, and random services files full of quotes, quoted line
// breaks, bad cells, wrong field counts and broken bytes, local headers and units, region codes
// decomposed or with zero-width characters give the same dataset (and notices) — or the same
// issues, word for word, on the same lines — for any number of threads and any piece size.
// (Tiny pieces put cuts everywhere: inside quoted fields, next to CRLFs, between every record.)
//
// Only the rest of a file after its head (the encoding and delimiter samples, 64 KiB and 50 lines)
// goes to workers, so each file here is grown past that: its rows repeated after its header. (That
// the rest read on one thread is what the text reader reads: byte-reader.test.ts.)
// A mutation check of this file: with the fallback for pieces that end inside quotes turned off,
// or a row's line moved by one, the random-files property fails.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { DatasetInputs, LoadOptions } from '../../src/io/load-dataset.js';
import { readRestInParallel } from '../../src/parallel/read-in-parallel.js';
import { dirsWith, grown, outcome } from './read-outcome.js';

const ONE: LoadOptions = { threads: 1 };
/** Just past the head (about 64 KiB): the rest is read in pieces. */
const SIZE = 96 << 10;
const parallel = (pieceBytes: number, threads = 2): LoadOptions => ({ threads, parallelMinBytes: 0, parallelPieceBytes: pieceBytes, readInParallel: readRestInParallel });

/** The same outcome on one thread and in workers; returns the worker threads used per file. */
async function expectSame(inputs: DatasetInputs, pieceSizes: readonly number[], extra: LoadOptions = {}): Promise<number[]> {
  const single = await outcome(inputs, { ...extra, ...ONE });
  const { reads: singleReads, ...expected } = single;
  expect(singleReads.every((r) => r.threads === 0)).toBe(true);
  const used: number[] = [];
  for (const size of pieceSizes) {
    const { reads, ...got } = await outcome(inputs, { ...extra, ...parallel(size) });
    expect(got, `pieces of ${size} bytes`).toEqual(expected);
    // Everything --verbose says about each file, except how many threads read it.
    expect(reads.map(({ threads: _, ...r }) => r)).toEqual(singleReads.map(({ threads: _, ...r }) => r));
    used.push(...reads.map((r) => r.threads));
  }
  return used;
}

describe('worker threads ≡ one thread', () => {
  const datasets = [...dirsWith('fixtures', 'regions.csv'), 'data', ...dirsWith('data', 'regions.csv')].filter((d) =>
    readdirSync(d).includes('population.csv'),
  );

  it('finds the fixture datasets', () => {
    expect(datasets.length).toBeGreaterThanOrEqual(8);
  });

  it.each(datasets)('dataset %s', async (dir) => {
    const services = join(dir, 'services.csv');
    const inputs = { data: dir, services: readdirSync(dir).includes('services.csv') ? grown(services, SIZE) : undefined };
    const used = await expectSame(inputs, [97]);
    // The services file was read in workers (regions.csv never is).
    if (inputs.services) expect(used.some((t) => t === 2)).toBe(true);
  });

  const BASE = { regions: 'fixtures/hostile/encoding/regions.utf8.csv', population: 'fixtures/hostile/encoding/population.csv' };
  const hostile = ['structure', 'delimiter', 'numbers'].flatMap((d) => readdirSync(join('fixtures/hostile', d)).map((f) => join('fixtures/hostile', d, f)));

  it.each(hostile.filter((f) => /services\./.test(f)))('hostile services file %s', async (file) => {
    await expectSame({ ...BASE, services: grown(file, SIZE) }, [64]);
  });

  it.each(hostile.filter((f) => /population\./.test(f)))('hostile population file %s', async (file) => {
    await expectSame({ ...BASE, population: grown(file, SIZE) }, [64]);
  });

  it.each(hostile.filter((f) => /beds\./.test(f)))('hostile beds file %s', async (file) => {
    await expectSame({ ...BASE, beds: grown(file, SIZE) }, [64]);
  });
});

describe('worker threads ≡ one thread on random services files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sg-parallel-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'regions.csv'), 'region,name\nA,Agder\nB,Bodø\nC,منطقة\nÅ,Åland\n');
  writeFileSync(join(dir, 'population.csv'), 'region,year,population\nA,2020,1000\nB,2020,2000\nC,2020,3000\n');

  // Rows good and bad; a piece may be cut anywhere among them.
  const row = fc.oneof(
    fc.constantFrom(
      'A,2020,crisis resolution team,1.5,teams\n',
      'B,2021,ACT team,2,teams\n',
      'C,2020,peer support,0.1,fte\n',
      'A,2020,"crisis resolution team",0.7,teams\r\n',
      'B,2020,"day centre, ""open""",3,places\n',
      'C,2021,"supported\nhousing",4,places\n', // a quoted line break (names no category: an issue)
      'A,2020,"community mental health centre",5,\n',
      '\n',
      '\r\n',
      'A,2020,crisis,NA,teams\n',
      'Z,2020,crisis,1,teams\n',
      'A,1700,crisis,1,teams\n',
      'A,2020,crisis,1\n',
      'A,2020,crisis,1,teams,extra\n',
      'A,2020,crisis,1,teams,,\n',
      'B,2020,no such service,1,teams\n',
      'A,2020,crisis,1,lightyears\n',
      'A,2020,12" monitor,1,teams\n',
      'B,2021,\ufeffcrisis,1,teams\n',
      'C,2020,"unclosed,1,teams\n',
      'A,2020,crisis,1e3,teams\n',
      // local names: units, a code decomposed (A + U+030A is Å) or with zero-width characters,
      // a name matched loosely, a unit near a local one, a code unknown however it is read
      'A\u030A,2020,crisis,1,teams\n',
      'Å,2021,crisis,2,teams\n',
      'B\u200B,2021,ACT team,2,årsverk\n',
      'C,2020,crisis resolution teams,1,Årsverk\n',
      '\u2060A\u030A,2020,værested,3,plasser\n',
      'A,2020,crisis,1,årsverkk\n',
      'D\u200B,2020,crisis,1,teams\n',
    ),
    fc.integer({ min: 1, max: 9 }).map((n) => `B,202${n},ACT team,${n}.25,teams\n`),
  );

  // With the header (the SPEC's names, or local ones of the same length in bytes), exactly the
  // 64 KiB sample: the random rows are all read in workers.
  const HEADERS = ['region,year,service,capacity,unit\n', 'fylke,år,tjeneste,capacity,enhet\n'];
  const HEAD = `${'A,2019,crisis resolution team,1,teams\n'.repeat(1723)}A,2019,crisis,1.00000,teams\n`;
  it('the head fills the sample exactly', () => {
    for (const header of HEADERS) expect(Buffer.byteLength(`${header}${HEAD}`)).toBe(65536);
  });
  let workersUsed = false;

  it('the same dataset or the same issues, for any rows, piece size and thread count', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { maxLength: 40 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 2, max: 3 }),
        fc.boolean(),
        fc.constantFrom(...HEADERS),
        async (rows, badByte, pieceBytes, threads, lastNewline, header) => {
          // A head of good rows (read on the main thread), then the random rows.
          let text = `${header}${HEAD}${rows.join('')}`;
          if (!lastNewline) text = text.replace(/\r?\n$/, '');
          const bytes = Buffer.from(text, 'utf8');
          // A byte that is not UTF-8 somewhere after the header (with --encoding utf8 an error).
          const at = Buffer.byteLength(header) + HEAD.length + 6;
          const content = badByte && bytes.length > at ? Buffer.concat([bytes.subarray(0, at), Buffer.from([0xff]), bytes.subarray(at)]) : bytes;
          const inputs = { data: dir, services: { name: 'services.csv', content: new Uint8Array(content) } };
          const options: LoadOptions = { encoding: 'utf8', allowUnmapped: rows.length % 2 === 0 };
          const single = await outcome(inputs, { ...options, ...ONE });
          const { reads, ...got } = await outcome(inputs, { ...options, ...parallel(pieceBytes, threads) });
          const { reads: singleReads, ...expected } = single;
          expect(got).toEqual(expected);
          expect(reads.map((r) => r.rows)).toEqual(singleReads.map((r) => r.rows));
          workersUsed ||= reads.some((r) => r.threads > 0);
          // The same bytes from a file on disk: its pieces are read from the file itself, each
          // next one read ahead while the last is read (io/piece-source.ts).
          const path = join(dir, 'services.csv');
          writeFileSync(path, content);
          const { reads: fileReads, ...fromFile } = await outcome({ ...inputs, services: { name: 'services.csv', path } }, { ...options, ...parallel(pieceBytes, threads) });
          expect(fromFile).toEqual(expected);
          expect(fileReads.map((r) => r.rows)).toEqual(singleReads.map((r) => r.rows));
        },
      ),
      { seed: 20261123, numRuns: 20 },
    );
    expect(workersUsed).toBe(true);
  }, 90_000);
});

describe('a worker thread that fails', () => {
  it('does not hang the read: the rest goes to the main thread, where the error shows again', async () => {
    async function* rest() {
      yield new Uint8Array(Buffer.from('A,2020,crisis,1,teams\n'.repeat(50)));
    }
    // A kind no worker knows: each fails as it starts; the main thread then fails the same way.
    const setup = {
      file: 'services.csv',
      kind: 'nonsense' as never,
      numberFormat: { decimal: '.', thousands: 'none' } as const,
      delimiter: ',' as const,
      width: 5,
      keep: [],
      maxLineChars: 1000,
      maxRecordChars: 1000,
      utf8Advice: '',
    };
    const pieces: unknown[] = [];
    const read = readRestInParallel({ carry: new Uint8Array(0), source: rest(), firstLine: 2, lastRecordEnd: 1 }, setup, { threads: 2, pieceBytes: 64 }, (r) => pieces.push(r));
    await expect(read).rejects.toThrow(TypeError);
    expect(pieces).toEqual([]);
  });
});
