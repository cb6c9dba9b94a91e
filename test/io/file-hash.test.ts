// Hashing inputs for provenance (src/io/file-hash.ts): as the bytes pass, or a file read again a
// block at a time; a read that ends early gives no digest (and never leaves a caller waiting).
// A regular file hashed as its reader reads it: test/io/hash-as-read.test.ts.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashFileHere, hashingPassage } from '../../src/io/file-hash.js';

// coreutils: printf 'region\nA\n' | sha256sum
const SHA_REGION_A = 'd3b04daa1c2c49d3851916214e9c777d4fb9887fe04af5f1131c6620579fd035';

async function* chunks(...parts: (string | Uint8Array)[]): AsyncGenerator<string | Uint8Array> {
  for (const p of parts) yield p;
}

const dir = mkdtempSync(join(tmpdir(), 'servicegap-hash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hashingPassage', () => {
  it('passes every chunk on unchanged and gives the digest of them all, bytes or text', async () => {
    const { bytes, pending } = hashingPassage(chunks(Buffer.from('regi'), 'on\n', new Uint8Array([0x41, 0x0a])));
    const seen: (string | Uint8Array)[] = [];
    for await (const c of bytes) seen.push(c);
    expect(seen.map((c) => Buffer.from(c).toString())).toEqual(['regi', 'on\n', 'A\n']);
    expect(await pending.wait()).toBe(SHA_REGION_A);
  });

  it('a reader that stops early gets no digest of part of a file, and is not left waiting', async () => {
    const { bytes, pending } = hashingPassage(chunks('region\n', 'A\n'));
    const it = bytes[Symbol.asyncIterator]();
    await it.next();
    await it.return?.(undefined);
    expect(await pending.wait()).toBeUndefined();
    // stop() before reading at all
    const never = hashingPassage(chunks('x'));
    never.pending.stop();
    expect(await never.pending.wait()).toBeUndefined();
  });
});

describe('hashFileHere', () => {
  it('hashes a file a block at a time: the digest of its whole bytes, at any length around the block size', async () => {
    // Blocks of 64 KiB (below glibc's mmap threshold): lengths of 0, under one block, exactly
    // one, one byte past and several blocks and a bit; the reference is Node's hash of the bytes
    // read whole.
    for (const length of [0, 9, 65_536, 65_537, 3 * 65_536 + 4_321]) {
      const path = join(dir, `here-${length}.csv`);
      writeFileSync(path, Buffer.from(Array.from({ length }, (_, i) => (i * 131 + 7) % 251)));
      const whole = createHash('sha256').update(readFileSync(path)).digest('hex');
      expect(await hashFileHere(path).wait()).toBe(whole);
    }
    writeFileSync(join(dir, 'region-a.csv'), 'region\nA\n');
    expect(await hashFileHere(join(dir, 'region-a.csv')).wait()).toBe(SHA_REGION_A);
  });

  it('a file it cannot read, or a hash stopped, gives undefined', async () => {
    expect(await hashFileHere(join(dir, 'missing.csv')).wait()).toBeUndefined();
    writeFileSync(join(dir, 'stopped.csv'), 'region\nA\n');
    const pending = hashFileHere(join(dir, 'stopped.csv'));
    pending.stop();
    expect(await pending.wait()).toBeUndefined();
  });
});
