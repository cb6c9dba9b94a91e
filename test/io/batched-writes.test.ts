// Pieces written in batches while the next ones are made (io/batched-writes.ts): the bytes in
// order whatever the piece sizes, the write speed and short writes; one write in flight at a
// time; a failed write or a failed maker reported, never left as an unhandled rejection.
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BATCH_BYTES, type BatchWriter, writeInBatches } from '../../src/io/batched-writes.js';
import { writeIfRegularFile } from '../../src/io/output-writer.js';
import { mulberry32 } from '../../src/core/random.js';
import { temporaryFolder } from '../helpers/temporary-folder.js';

/** Pieces of random sizes (0 to 200 KB, some empty), each filled with bytes from `random`. */
function randomPieces(random: () => number, total: number): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let made = 0; made < total; ) {
    const size = random() < 0.05 ? 0 : Math.floor(random() * 200_000);
    const piece = new Uint8Array(size);
    for (let i = 0; i < size; i++) piece[i] = Math.floor(random() * 256);
    pieces.push(piece);
    made += size;
  }
  return pieces;
}

/** The pieces as an asynchronous source, noting how many were asked for at each moment. */
function source(pieces: readonly Uint8Array[], asked: { count: number }, failAfter?: number): AsyncIterable<Uint8Array> {
  return (async function* () {
    for (const [i, piece] of pieces.entries()) {
      if (i === failAfter) throw new Error('the renderer failed');
      asked.count++;
      await new Promise((r) => setImmediate(r));
      yield piece;
    }
  })();
}

const tick = (random: () => number) => new Promise((r) => setTimeout(r, Math.floor(random() * 3)));

describe('writeInBatches', () => {
  it('writes every byte in order, batches of at least BATCH_BYTES but the last, one write at a time, the next pieces made while one is written', async () => {
    for (const seed of [1, 2, 3]) {
      const random = mulberry32(seed);
      const pieces = randomPieces(random, 5 * BATCH_BYTES);
      const asked = { count: 0 };
      const written: Buffer[] = [];
      const batchSizes: number[] = [];
      let inFlight = 0;
      let most = 0;
      let askedWhileWriting = 0;
      const writev: BatchWriter = async (batch) => {
        inFlight++;
        most = Math.max(most, inFlight);
        const before = asked.count;
        const bytes = Buffer.concat(batch);
        await tick(random);
        await tick(random);
        written.push(bytes);
        batchSizes.push(bytes.length);
        if (asked.count > before) askedWhileWriting++;
        inFlight--;
        return bytes.length;
      };
      await writeInBatches(source(pieces, asked), writev);
      expect(Buffer.concat(written).equals(Buffer.concat(pieces)), `seed ${seed}`).toBe(true);
      expect(most).toBe(1);
      expect(batchSizes.slice(0, -1).every((n) => n >= BATCH_BYTES)).toBe(true);
      expect(batchSizes.length).toBeGreaterThanOrEqual(4);
      expect(askedWhileWriting).toBeGreaterThan(0);
    }
  });

  it('after a short write, writes what is left of the batch (the bytes still in order)', async () => {
    const random = mulberry32(7);
    const pieces = randomPieces(random, 3 * BATCH_BYTES);
    const written: Buffer[] = [];
    let calls = 0;
    await writeInBatches(source(pieces, { count: 0 }), async (batch) => {
      calls++;
      const bytes = Buffer.concat(batch);
      const taken = bytes.length === 0 ? 0 : Math.max(1, Math.floor(bytes.length * random())); // a part, at least one byte of some
      written.push(bytes.subarray(0, taken));
      return taken;
    });
    expect(Buffer.concat(written).equals(Buffer.concat(pieces))).toBe(true);
    expect(calls).toBeGreaterThan(3); // short writes happened and were continued
  });

  it('a write that fails is thrown (no unhandled rejection while the next batch is made)', async () => {
    const pieces = randomPieces(mulberry32(11), 4 * BATCH_BYTES);
    let calls = 0;
    const failure = Object.assign(new Error('no space left'), { code: 'ENOSPC' });
    const error = await writeInBatches(source(pieces, { count: 0 }), async (batch) => {
      calls++;
      if (calls === 2) throw failure;
      return Buffer.concat(batch).length;
    }).catch((e: unknown) => e);
    expect(error).toBe(failure);
    expect(calls).toBe(2); // nothing written after the failure
  });

  it('a maker that fails is thrown once the write in flight is over', async () => {
    const pieces = randomPieces(mulberry32(13), 4 * BATCH_BYTES);
    let writing = 0;
    let settledAtThrow: number | undefined;
    const error = await writeInBatches(source(pieces, { count: 0 }, Math.floor(pieces.length / 2)), async (batch) => {
      writing++;
      await new Promise((r) => setTimeout(r, 20));
      writing--;
      return Buffer.concat(batch).length;
    })
      .catch((e: unknown) => {
        settledAtThrow = writing;
        return e;
      });
    expect((error as Error).message).toBe('the renderer failed');
    expect(settledAtThrow).toBe(0);
  });

  it('a file that takes none of the bytes and says no error: an input/output error, not a loop', async () => {
    const error = await writeInBatches(source([new Uint8Array(10)], { count: 0 }), async () => 0).catch((e: unknown) => e);
    expect((error as NodeJS.ErrnoException).code).toBe('EIO');
    expect((error as Error).message).toBe('the file took none of the bytes written to it');
  });

  it('no pieces, or only empty ones: no write at all', async () => {
    for (const pieces of [[], [new Uint8Array(0), new Uint8Array(0)]]) {
      let calls = 0;
      await writeInBatches(source(pieces, { count: 0 }), async () => {
        calls++;
        return 0;
      });
      expect(calls).toBe(0);
    }
  });
});

describe('writeIfRegularFile', () => {
  const folder = temporaryFolder('servicegap-batched-');

  it('writes at the descriptor position of a regular file, also one opened for appending', async () => {
    const pieces = randomPieces(mulberry32(17), 3 * BATCH_BYTES);
    const positioned = join(folder.path, 'positioned');
    let fd = openSync(positioned, 'w');
    try {
      writeSync(fd, 'before\n');
      expect(await writeIfRegularFile(fd, source(pieces, { count: 0 }))).toBe(true);
      writeSync(fd, 'after\n');
    } finally {
      closeSync(fd);
    }
    const expected = Buffer.concat([Buffer.from('before\n'), ...pieces, Buffer.from('after\n')]);
    expect(readFileSync(positioned).equals(expected)).toBe(true);

    const appended = join(folder.path, 'appended');
    closeSync(openSync(appended, 'w'));
    writeSync((fd = openSync(appended, 'a')), 'before\n');
    try {
      expect(await writeIfRegularFile(fd, source(pieces, { count: 0 }))).toBe(true);
      writeSync(fd, 'after\n');
    } finally {
      closeSync(fd);
    }
    expect(readFileSync(appended).equals(expected)).toBe(true);
  });

  it('leaves a FIFO to the caller: false, nothing asked of the pieces', async () => {
    const fifo = join(folder.path, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const fd = openSync(fifo, 'r+'); // read and write: opening does not wait for a reader
    const asked = { count: 0 };
    try {
      expect(await writeIfRegularFile(fd, source([new Uint8Array(5)], asked))).toBe(false);
    } finally {
      closeSync(fd);
    }
    expect(asked.count).toBe(0);
  });
});
