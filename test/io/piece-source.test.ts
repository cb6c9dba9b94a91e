// The pieces of a file's rest (io/piece-source.ts), read from the file itself with the next piece
// read ahead: every byte once and in order, each piece but the last ending at a line feed (or
// at the longest line allowed), whatever the piece size, the line lengths and the file's end; a
// reading stopped while a piece is read ahead closes the file; a failed read ahead is the file's
// error at the next piece.
import { mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { FileAccessError } from '../../src/io/errors.js';
import { type Piece, PieceSource, type RestOfFile } from '../../src/io/piece-source.js';

const dir = mkdtempSync(join(tmpdir(), 'sg-pieces-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The rest of `path` from `position`, `carry` read before it. */
function restOf(path: string, position: number, carry: Uint8Array = new Uint8Array(0)): RestOfFile {
  async function* unused(): AsyncGenerator<Uint8Array> {}
  return { carry, source: unused(), firstLine: 2, lastRecordEnd: 1, file: { path, name: 'services.csv', position } };
}

/** What every FileHandle's read comes from (to watch or fail the reads of a PieceSource). */
async function fileHandlePrototype(path: string): Promise<{ read: (...args: unknown[]) => Promise<unknown> }> {
  const handle = await open(path, 'r');
  await handle.close();
  return Object.getPrototypeOf(handle) as { read: (...args: unknown[]) => Promise<unknown> };
}

async function allPieces(source: PieceSource, hold: (i: number) => boolean): Promise<Piece[]> {
  const pieces: Piece[] = [];
  for (let piece = await source.next(); piece !== undefined; piece = await source.next()) {
    // A copy kept; the buffer given back (or held a while, as a slow reader would).
    pieces.push({ bytes: piece.bytes.slice(), final: piece.final });
    if (!hold(pieces.length)) source.release(piece.bytes);
    if (piece.final) break;
  }
  await source.close();
  return pieces;
}

describe('PieceSource, from a file', () => {
  it('gives every byte once, in order, cut after line feeds, for any piece size and line lengths', async () => {
    const line = fc.oneof(
      fc.string({ maxLength: 12 }).map((s) => s.replace(/\n/g, ' ')),
      fc.integer({ min: 0, max: 700 }).map((n) => 'x'.repeat(n)), // some longer than a piece
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(line, { maxLength: 60 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 0, max: 20 }),
        fc.boolean(),
        async (lines, lastNewline, pieceBytes, skip, hold) => {
          let text = lines.map((l) => `${l}\n`).join('');
          if (!lastNewline) text = text.replace(/\n$/, '');
          const bytes = Buffer.from(text, 'utf8');
          const path = join(dir, 'rest.csv');
          writeFileSync(path, Buffer.concat([Buffer.from('h'.repeat(skip)), bytes]));
          // Half the first line came with the head (the carry); the rest is read from the file.
          const cut = Math.floor(bytes.indexOf(0x0a) / 2);
          const carry = cut > 0 ? new Uint8Array(bytes.subarray(0, cut)) : new Uint8Array(0);
          const maxLineBytes = 4 * 700 + 4;
          const source = new PieceSource(restOf(path, skip + carry.length, carry), pieceBytes, maxLineBytes);
          const pieces = await allPieces(source, (i) => hold && i % 3 === 0);
          expect(Buffer.concat(pieces.map((p) => p.bytes)).equals(bytes)).toBe(true);
          expect(pieces.at(-1)?.final).toBe(true);
          for (const piece of pieces.slice(0, -1)) {
            expect(piece.final).toBe(false);
            expect(piece.bytes.at(-1) === 0x0a || piece.bytes.length >= maxLineBytes).toBe(true);
          }
        },
      ),
      { seed: 20261201, numRuns: 150 },
    );
  });

  it('a slow reader: the read ahead has met the end of the file before the next piece is asked for, and the last line still comes', async () => {
    // The first read takes the whole file (1,225 or 1,250 bytes: a buffer holds 1,250) without
    // knowing it is the end; the piece ends at the last line feed and the read ahead, with the
    // tail in its buffer, reads nothing: the end.
    for (const tail of ['y'.repeat(25), '']) {
      const path = join(dir, 'slow.csv');
      const text = `${`${'x'.repeat(24)}\n`.repeat(49)}${tail}`;
      writeFileSync(path, text);
      const source = new PieceSource(restOf(path, 0), 1000, 4000);
      const pieces: Piece[] = [];
      for (let piece = await source.next(); piece !== undefined; piece = await source.next()) {
        pieces.push({ bytes: piece.bytes.slice(), final: piece.final });
        if (piece.final) break;
        await new Promise((r) => setTimeout(r, 5)); // the read ahead finishes meanwhile
      }
      await source.close();
      expect(Buffer.concat(pieces.map((p) => p.bytes)).toString('utf8')).toBe(text);
      expect(pieces.at(-1)!.final).toBe(true);
    }
  });

  it('stopped while the next piece is read ahead: the file is closed once that read is over', async () => {
    const path = join(dir, 'stopped.csv');
    writeFileSync(path, 'A,2020,crisis,1,teams\n'.repeat(5000));
    const openOnIt = () => readdirSync('/proc/self/fd').filter((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === path;
      } catch {
        return false; // closed meanwhile
      }
    }).length;
    const source = new PieceSource(restOf(path, 0), 1000, 4000);
    const first = await source.next();
    expect(first?.final).toBe(false);
    expect(openOnIt()).toBe(1); // the file, with the second piece being read into its buffer
    await source.close();
    expect(openOnIt()).toBe(0);
  });

  it('reads the next piece ahead: when a piece is given, the read of the next is under way', async () => {
    const path = join(dir, 'ahead.csv');
    writeFileSync(path, 'A,2020,crisis,1,teams\n'.repeat(5000));
    const prototype = await fileHandlePrototype(path);
    const spy = vi.spyOn(prototype, 'read');
    try {
      const source = new PieceSource(restOf(path, 0), 1000, 4000);
      await source.next();
      expect(spy).toHaveBeenCalledTimes(2); // the first piece's read and the second's, ahead
      await source.next();
      expect(spy).toHaveBeenCalledTimes(3);
      await source.close();
    } finally {
      spy.mockRestore();
    }
  });

  it("a read ahead that fails is the file's error at the next piece, never an unhandled rejection", async () => {
    const path = join(dir, 'failing.csv');
    writeFileSync(path, 'A,2020,crisis,1,teams\n'.repeat(5000));
    // FileHandle's read, the third time it is called: an input/output error.
    const prototype = await fileHandlePrototype(path);
    const read = prototype.read;
    let calls = 0;
    const spy = vi.spyOn(prototype, 'read').mockImplementation(function (this: unknown, ...args: unknown[]) {
      calls++;
      if (calls === 3) return Promise.reject(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }));
      return read.apply(this, args);
    });
    try {
      const source = new PieceSource(restOf(path, 0), 1000, 4000);
      const got: unknown[] = [];
      let error: unknown;
      try {
        for (let i = 0; i < 10; i++) got.push(await source.next());
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(FileAccessError);
      expect((error as Error).message).toBe('cannot read services.csv: input/output error (the device failed)');
      expect(got).toHaveLength(2); // the pieces of the first two reads, then the failed one
      await source.close();
    } finally {
      spy.mockRestore();
    }
  });
});
