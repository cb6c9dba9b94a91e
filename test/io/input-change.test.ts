// A file that changes while servicegap reads it (an export still being written, a synced folder
// replacing it) must not give figures of one content and a SHA-256 of another (SPEC §8): the
// reading stops with a FileAccessError (exit 4) that says what changed (io/input-source.ts,
// io/read-table.ts finalHash).
import { appendFileSync, cpSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { FileAccessError } from '../../src/io/errors.js';
import { fileChange, openInput } from '../../src/io/input-source.js';
import { loadDataset } from '../../src/io/load-dataset.js';
import { readTable } from '../../src/io/read-table.js';
import type { TableHandlers } from '../../src/io/table-handlers.js';
import { temporaryFolder } from '../helpers/temporary-folder.js';

const folder = temporaryFolder('servicegap-input-change-');

// coreutils: printf 'region\nA\n' | sha256sum
const SHA_REGION_A = 'd3b04daa1c2c49d3851916214e9c777d4fb9887fe04af5f1131c6620579fd035';

/** Handlers that read any columns, and run `duringRead` when the header has been read (the rest not yet). */
function handlers(duringRead: () => void): TableHandlers {
  return {
    onHeader: (columns) => {
      duringRead();
      return { required: [], optional: columns };
    },
    onRow: () => {},
    onIssue: (issue) => {
      throw new Error(`unexpected issue: ${issue.message}`);
    },
  };
}

async function readError(path: string, duringRead: () => void): Promise<FileAccessError> {
  const error: unknown = await readTable({ name: 'regions.csv', path }, handlers(duringRead)).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FileAccessError);
  return error as FileAccessError;
}

describe('fileChange', () => {
  const before = { dev: 1n, ino: 7n, size: 1000n, mtimeNs: 1_764_625_800_123_456_789n };

  it('nothing changed: undefined', () => {
    expect(fileChange(before, { ...before })).toBeUndefined();
  });

  it('names what changed: another file, the size, the modification time to the nanosecond', () => {
    expect(fileChange(before, { ...before, ino: 8n })).toBe('another file was put in its place');
    expect(fileChange(before, { ...before, dev: 2n })).toBe('another file was put in its place');
    expect(fileChange(before, { ...before, size: 1200n })).toBe('its size went from 1,000 to 1,200 bytes');
    // 1,764,625,800 s after the epoch is 2025-12-01T21:50:00Z (Python: datetime.fromtimestamp(1764625800, timezone.utc));
    // two writes 1 µs apart, within the same millisecond, still read as two times.
    expect(fileChange(before, { ...before, mtimeNs: before.mtimeNs + 1000n })).toBe(
      'it was written to (modified 2025-12-01T21:50:00.123456789Z, then 2025-12-01T21:50:00.123457789Z)',
    );
    // A fraction of a second with leading zeros keeps them: 500 ns is .000000500.
    const early = { ...before, mtimeNs: 1_764_625_800_000_000_500n };
    expect(fileChange(early, { ...early, mtimeNs: early.mtimeNs + 1_000_000_000n })).toBe(
      'it was written to (modified 2025-12-01T21:50:00.000000500Z, then 2025-12-01T21:50:01.000000500Z)',
    );
  });
});

describe('openInput without a hash (a file read again only to quote its lines)', () => {
  it('a file, standard input and content give their bytes unchanged and no digest', async () => {
    const path = join(folder.path, 'regions.csv');
    writeFileSync(path, 'region\nA\n');
    const stdin = Readable.from([Buffer.from('region\n'), Buffer.from('A\n')]);
    for (const opened of [
      await openInput(path, undefined, { hash: false }),
      await openInput('-', stdin, { hash: false }),
      await openInput({ name: 'regions.csv', content: 'region\nA\n' }, undefined, { hash: false }),
    ]) {
      const parts: Buffer[] = [];
      for await (const chunk of opened.bytes) parts.push(Buffer.from(chunk));
      expect(Buffer.concat(parts).toString()).toBe('region\nA\n');
      expect(await opened.sha256.wait()).toBeUndefined();
    }
    // the same three with a hash: the digest of those bytes
    const hashed = [await openInput(path), await openInput('-', Readable.from([Buffer.from('region\nA\n')])), await openInput({ name: 'r.csv', content: 'region\nA\n' })];
    for (const opened of hashed) {
      for await (const _ of opened.bytes);
      expect(await opened.sha256.wait()).toBe(SHA_REGION_A);
    }
  });
});

describe('a file that changes while it is read', () => {
  it('unchanged: read and hashed as before, and openInput says nothing changed', async () => {
    const path = join(folder.path, 'regions.csv');
    writeFileSync(path, 'region\nA\n');
    const summary = await readTable({ name: 'regions.csv', path }, handlers(() => {}));
    expect(summary.sha256).toBe(SHA_REGION_A);
    const opened = await openInput(path);
    expect(await opened.changed?.()).toBeUndefined();
    expect(await opened.sha256.wait()).toBe(SHA_REGION_A);
  });

  it('appended to while it is read: the reading stops, naming the file and its two sizes', async () => {
    const path = join(folder.path, 'regions.csv');
    writeFileSync(path, 'region\nA\n');
    const error = await readError(path, () => appendFileSync(path, 'B\n'));
    // 'region\nA\n' is 9 bytes, with 'B\n' 11.
    expect(error.message).toBe(
      'cannot read regions.csv: it changed while servicegap read it (its size went from 9 to 11 bytes), so its figures and its SHA-256 could be of different content; run again once nothing writes to it',
    );
  });

  it('replaced by another file of the same name (a program that saves by renaming)', async () => {
    const dir = folder.path;
    const path = join(dir, 'regions.csv');
    writeFileSync(path, 'region\nA\n');
    const error = await readError(path, () => {
      writeFileSync(join(dir, 'new.csv'), 'region\nC\n');
      renameSync(join(dir, 'new.csv'), path);
    });
    expect(error.message).toContain('(another file was put in its place)');
  });

  it('written to in place, the same size: its modification time tells', async () => {
    const path = join(folder.path, 'regions.csv');
    writeFileSync(path, 'region\nA\n');
    const error = await readError(path, () => {
      writeFileSync(path, 'region\nC\n');
      // (the write may fall in the same clock tick as the first: the time is moved on to be sure)
      const { mtimeMs } = statSync(path);
      utimesSync(path, new Date(), new Date(mtimeMs + 5000));
    });
    expect(error.message).toMatch(/\(it was written to \(modified \S+Z, then \S+Z\)\)/);
  });

  it('removed while it is read', async () => {
    const path = join(folder.path, 'regions.csv');
    writeFileSync(path, 'region\nA\n');
    const error = await readError(path, () => renameSync(path, `${path}.old`));
    expect(error.message).toContain('(it is no longer there)');
  });

  it('loading a dataset: the services file grown during its reading stops the load with a FileAccessError', async () => {
    const dir = folder.path;
    cpSync('fixtures/worked-stock', dir, { recursive: true });
    const services = join(dir, 'services.csv');
    let grown = false;
    const loading = loadDataset(
      { data: dir },
      {
        onProgress: (progress) => {
          if (!grown && progress.file.endsWith('services.csv') && !progress.done) {
            grown = true;
            appendFileSync(services, '\n');
          }
        },
      },
    );
    await expect(loading).rejects.toThrow(FileAccessError);
    await expect(loading).rejects.toThrow(/services\.csv: it changed while servicegap read it \(its size went from/);
    expect(grown).toBe(true);
  });
});
