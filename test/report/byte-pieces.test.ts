// Texts as pieces of UTF-8 bytes (src/report/byte-pieces.ts): the bytes of the joined text,
// Buffer.from(texts.join('')) being the oracle, each piece valid UTF-8 on its own (a character is
// never cut), on random texts of every width of UTF-8 and on texts longer than a buffer.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textPieces } from '../../src/report/byte-pieces.js';

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
