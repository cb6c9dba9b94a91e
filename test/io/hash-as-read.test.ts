// A regular file's SHA-256 (SPEC §8 provenance) is made from the bytes its reader reads, as it reads
// them (src/io/file-hash.ts hashAsRead): the stream's chunks and the bytes read at positions
// (io/piece-source.ts). hashAsRead on its own — in order, out of order, unfinished, stopped —, then
// every way a file is read — as text to its end, its head as text and its rest in pieces on one
// thread and on two, in another encoding, Parquet and a workbook gathered whole — each giving the
// digest of the file's bytes (Node's crypto over the file read whole, the reference) without
// reading the file again: hashFileHere, which reads it again, is watched.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as fileHash from '../../src/io/file-hash.js';
import { type HashFeed, hashAsRead, type PendingHash } from '../../src/io/file-hash.js';
import { openInput } from '../../src/io/input-source.js';
import { loadDataset } from '../../src/io/load-dataset.js';
import { readTable } from '../../src/io/read-table.js';
import type { TableHandlers } from '../../src/io/table-handlers.js';
import { readRestInParallel } from '../../src/parallel/read-in-parallel.js';
import { temporaryFolder } from '../helpers/temporary-folder.js';

vi.mock('../../src/io/file-hash.js', async (importOriginal) => {
  const original = await importOriginal<typeof fileHash>();
  return { ...original, hashFileHere: vi.fn(original.hashFileHere) };
});
const readAgain = vi.mocked(fileHash.hashFileHere);
afterEach(() => readAgain.mockClear());

const folder = temporaryFolder('servicegap-hash-as-read-');
const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');
const fileSha = (path: string): string => sha256(readFileSync(path));

async function* chunks(...parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const p of parts) yield p;
}

/** A fallback that records being asked, and gives a digest no bytes have. */
function fallback(): { another: () => PendingHash; asked: () => number } {
  let asked = 0;
  return {
    another: () => {
      asked++;
      return { wait: () => Promise.resolve('read again'), stop: () => {} };
    },
    asked: () => asked,
  };
}

/** Read a hashAsRead's stream: the first `streamed` chunks, then stop it (as the reader of a CSV file's head does). */
async function readStream(bytes: AsyncIterable<Uint8Array>, streamed: number): Promise<void> {
  const it = bytes[Symbol.asyncIterator]();
  for (let i = 0; i < streamed; i++) await it.next();
  await it.return?.(undefined);
}

const FILE = Buffer.from('region,year,population\nA,2010,100\nB,2010,200\nC,2010,300\n');
const [HEAD, REST1, REST2] = [FILE.subarray(0, 23), FILE.subarray(23, 40), FILE.subarray(40)];

describe('hashAsRead', () => {
  it('the stream read to its end: the digest of its bytes, the file not read again', async () => {
    const f = fallback();
    const { bytes, pending } = hashAsRead(chunks(HEAD, REST1, REST2), f.another);
    const seen: Uint8Array[] = [];
    for await (const c of bytes) seen.push(c);
    expect(Buffer.concat(seen)).toEqual(FILE);
    expect(await pending.wait()).toBe(sha256(FILE));
    // asked again (the digest is made once)
    expect(await pending.wait()).toBe(sha256(FILE));
    expect(f.asked()).toBe(0);
  });

  it('the head from the stream, the rest read at positions up to the end: the digest of the whole', async () => {
    const f = fallback();
    const { bytes, feed, pending } = hashAsRead(chunks(HEAD, REST1, REST2), f.another);
    await readStream(bytes, 1);
    feed.read(REST1, 23);
    feed.read(REST2, 40);
    feed.end(FILE.length);
    expect(await pending.wait()).toBe(sha256(FILE));
    expect(f.asked()).toBe(0);
  });

  it('bytes not the whole file in order: the file is hashed again, whatever was fed', async () => {
    const cases: [string, (feed: HashFeed) => void][] = [
      ['a gap', (feed) => (feed.read(REST2, 40), feed.end(FILE.length))],
      ['bytes given twice', (feed) => (feed.read(REST1, 23), feed.read(REST1, 23), feed.read(REST2, 40), feed.end(FILE.length))],
      ['the end met inside bytes already given', (feed) => (feed.read(REST1, 23), feed.read(REST2, 40), feed.end(30))],
      ['bytes after the end', (feed) => (feed.read(REST1, 23), feed.end(40), feed.read(REST2, 40))],
      ['no end met (a reader that stopped short)', (feed) => (feed.read(REST1, 23), feed.read(REST2, 40))],
    ];
    for (const [what, reads] of cases) {
      const f = fallback();
      const { bytes, feed, pending } = hashAsRead(chunks(HEAD, REST1, REST2), f.another);
      await readStream(bytes, 1);
      reads(feed);
      expect(await pending.wait(), what).toBe('read again');
      expect(f.asked(), what).toBe(1);
    }
  });

  it('stopped (the file given up on): no digest, and no reading again', async () => {
    const f = fallback();
    const { bytes, feed, pending } = hashAsRead(chunks(HEAD, REST1, REST2), f.another);
    await readStream(bytes, 1);
    feed.read(REST1, 23);
    pending.stop();
    expect(await pending.wait()).toBeUndefined();
    expect(f.asked()).toBe(0);
  });

  it('a file opened and never read: openInput hashes it by reading it again (hashFileHere)', async () => {
    const path = join(folder.path, 'unread.csv');
    writeFileSync(path, FILE);
    const opened = await openInput(path);
    expect(await opened.sha256.wait()).toBe(sha256(FILE));
    expect(readAgain).toHaveBeenCalledTimes(1);
    expect(readAgain).toHaveBeenCalledWith(path);
  });
});

/** Handlers that take any columns and ignore the rows. */
const anyColumns: TableHandlers = {
  onHeader: (columns) => ({ required: [], optional: columns }),
  onRow: () => {},
  onIssue: (issue) => {
    throw new Error(`unexpected issue: ${issue.message}`);
  },
};

/** A dataset of `regions` regions, 1995–2024, two services each. */
function writeDataset(dir: string, regions: number): void {
  const codes = Array.from({ length: regions }, (_, i) => `R${String(i + 1).padStart(3, '0')}`);
  const years = Array.from({ length: 30 }, (_, i) => 1995 + i);
  writeFileSync(join(dir, 'regions.csv'), `region,name\n${codes.map((c) => `${c},Trøndelag ${c} المنطقة\n`).join('')}`);
  writeFileSync(join(dir, 'population.csv'), `region,year,population\n${codes.flatMap((c) => years.map((y) => `${c},${y},${100_000 + y}\n`)).join('')}`);
  writeFileSync(join(dir, 'beds.csv'), `region,year,beds\n${codes.flatMap((c) => years.map((y) => `${c},${y},${2030 - y}\n`)).join('')}`);
  writeFileSync(
    join(dir, 'services.csv'),
    `region,year,service,capacity,unit\n${codes.flatMap((c) => years.flatMap((y) => [`${c},${y},cmhc,${(y % 7) + 0.5},fte\n`, `${c},${y},crisis,${y % 3},teams\n`])).join('')}`,
  );
}

describe('every way a file is read: the digest of its bytes, made as it is read (SPEC §8)', () => {
  it('a dataset on one thread (each file with figures: its head as text, its rest in pieces) and on two threads in pieces of 200 bytes', async () => {
    const dir = folder.path;
    writeDataset(dir, 200);
    const expected = ['regions', 'population', 'beds', 'services'].map((role) => ({ role, sha256: fileSha(join(dir, `${role}.csv`)) }));
    // The head is read as text, about 64 KiB; the rest of population (102 KB), beds and services
    // (288 KB) at positions. Were those bytes not given to the hash, it would be made by reading
    // the file again.
    expect(readFileSync(join(dir, 'services.csv')).length).toBeGreaterThan(4 * 65_536);
    expect(readFileSync(join(dir, 'population.csv')).length).toBeGreaterThan(65_536 + 30_000);
    for (const options of [{ threads: 1 }, { threads: 2, parallelMinBytes: 0, parallelPieceBytes: 200, readInParallel: readRestInParallel }]) {
      const { inputs } = await loadDataset({ data: dir }, options);
      expect(inputs.map(({ role, sha256 }) => ({ role, sha256 }))).toEqual(expected);
      expect(readAgain).not.toHaveBeenCalled();
    }
  });

  it('text in another encoding (read as text to its end), Parquet and a workbook (gathered whole)', async () => {
    const files = [
      'fixtures/hostile/encoding/regions.windows-1252.csv',
      'fixtures/hostile/encoding/regions.utf16le-excel-unicode.txt',
      'fixtures/parquet/pyarrow-v2-zstd.parquet',
      'fixtures/analysts/norway-2000-counties/services.xlsx',
    ];
    for (const path of files) {
      const summary = await readTable(path, anyColumns);
      expect(summary.headerOk, path).toBe(true);
      expect(summary.sha256, path).toBe(fileSha(path));
    }
    expect(readAgain).not.toHaveBeenCalled();
  });
});
