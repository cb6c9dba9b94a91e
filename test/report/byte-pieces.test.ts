// Texts as pieces of UTF-8 bytes (src/report/byte-pieces.ts): the bytes of the joined text,
// Buffer.from(texts.join('')) being the oracle, each piece valid UTF-8 on its own (a character is
// never cut), on random texts of every width of UTF-8 and on texts longer than a buffer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { writeInBatches } from '../../src/io/batched-writes.js';
import { BytePieces, textPieces } from '../../src/report/byte-pieces.js';
import { piecesNotingMemory } from '../helpers/pieces.js';

const strict = new TextDecoder('utf-8', { fatal: true });

function check(texts: readonly string[]): Uint8Array[] {
  const pieces = [...textPieces(texts)];
  for (const piece of pieces) expect(() => strict.decode(piece)).not.toThrow();
  expect(Buffer.concat(pieces).equals(Buffer.from(texts.join(''), 'utf8'))).toBe(true);
  return pieces;
}

describe('textPieces', () => {
  it('gives the bytes of the joined text for random texts of 1- to 4-byte characters', () => {
    // Whole code points only (a lone surrogate has no UTF-8 of its own).
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'ø', '→', 'م', '😀', '\n', ','), fc.string({ unit: 'grapheme', maxLength: 3 })), maxLength: 40 });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 50 }), (texts) => {
        check(texts);
      }),
      { seed: 18, numRuns: 300 },
    );
  });

  it('cuts many buffers of text into pieces of about 64 KB, and passes a text longer than a buffer on whole', () => {
    // 200,000 lines of about 45 bytes (two- and three-byte characters among them): about 8.5 MB,
    // several 1 MiB buffers, some 130 pieces.
    const lines = Array.from({ length: 200_000 }, (_, i) => `${i},Østfold → القاهرة ${'æ'.repeat(i % 7)}\n`);
    const pieces = check(lines);
    expect(pieces.length).toBeGreaterThan(100);
    expect(Math.max(...pieces.slice(0, -1).map((p) => p.length))).toBeLessThan(70_000);
    // A text of 1.5 M characters (more than a buffer holds at three bytes each) between two short ones.
    const long = ['head,', '→'.repeat(1_500_000), ',tail\n'];
    check(long);
  });

  it('gives no piece for no text, and one for a short one', () => {
    expect([...textPieces([])]).toEqual([]);
    expect([...textPieces([''])]).toEqual([]);
    expect(check(['a,b\n'])).toHaveLength(1);
  });
});

describe('BytePieces.addBytes', () => {
  /** A text's UTF-8 bytes, one character per byte. */
  const bytesOf = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

  it('writes UTF-8 bytes given one per character between texts: the bytes of the joined texts, every piece whole characters', () => {
    // Texts alternately as text and as bytes: 60,000 of about 45 bytes (2.7 MB: three buffers,
    // some 40 pieces of 64 KB), and one of 2 MB at an odd place, given as bytes (more than a buffer).
    const texts = Array.from({ length: 60_000 }, (_, i) => `${i} Førde → القاهرة 😀 "${'æ'.repeat(i % 5)}"\n`);
    texts.splice(30_001, 0, 'x→'.repeat(500_000));
    const builder = new BytePieces();
    const pieces: Uint8Array[] = [];
    texts.forEach((text, i) => {
      const piece = i % 2 === 0 ? builder.add(text) : builder.addBytes(bytesOf(text));
      if (piece !== undefined) pieces.push(piece);
    });
    pieces.push(builder.end(''));
    for (const piece of pieces) expect(() => strict.decode(piece)).not.toThrow();
    expect(pieces.length).toBeGreaterThan(30);
    expect(Buffer.concat(pieces).equals(Buffer.from(texts.join(''), 'utf8'))).toBe(true);
  });
});

describe('buffers of written pieces cut again (core/piece-buffers.ts)', () => {
  /** 200,000 lines of about 40 bytes: about 8 MB, eight 1 MiB buffers of pieces. */
  const lines = Array.from({ length: 200_000 }, (_, i) => `${i},Sør-Trøndelag → القاهرة ${i % 13}\n`);
  const expected = Buffer.from(lines.join(''), 'utf8');

  it('writes the same bytes through writeInBatches while the buffers of written batches are cut again', async () => {
    const memories = new Set<ArrayBufferLike>();
    const written: Buffer[] = [];
    // The bytes are taken when the write completes, a turn later — as the kernel takes them
    // during the write — so a buffer cut again before its batch was written would show here.
    await writeInBatches(piecesNotingMemory(lines, memories), async (batch) => {
      await new Promise((r) => setImmediate(r));
      for (const piece of batch) written.push(Buffer.from(piece));
      return batch.reduce((n, piece) => n + piece.length, 0);
    });
    expect(Buffer.concat(written).equals(expected)).toBe(true);
    // Eight buffers' worth of text from at most three: the one cut, the one in flight, one waiting.
    expect(memories.size).toBeLessThanOrEqual(3);
  });

  it('cuts no buffer again when no one says its pieces are written (every piece kept keeps its bytes)', () => {
    const kept = [...textPieces(lines)];
    // A buffer for each MiB of text: none cut twice.
    expect(new Set(kept.map((p) => p.buffer)).size).toBeGreaterThanOrEqual(Math.floor(expected.length / 2 ** 20));
    expect(Buffer.concat(kept).equals(expected)).toBe(true);
  });
});
