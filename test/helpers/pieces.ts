// An output written in pieces (src/report/byte-pieces.ts: the command line writes each as it is
// made) must be the bytes of the whole text: the check the renderers' tests share.
import { expect } from 'vitest';
import { textPieces } from '../../src/report/byte-pieces.js';

/**
 * `pieces` are more than `moreThan` (default 0), each ends between two UTF-8 characters when
 * `wholeCharacters` is set, and together they are the bytes of `text`.
 */
export function expectPiecesOfText(pieces: readonly Uint8Array[], text: string, { moreThan = 0, wholeCharacters = false } = {}): void {
  expect(pieces.length).toBeGreaterThan(moreThan);
  if (wholeCharacters) for (const piece of pieces) expect(() => new TextDecoder('utf-8', { fatal: true }).decode(piece)).not.toThrow();
  expect(Buffer.concat(pieces).toString('utf8')).toBe(text);
}

/** The pieces of an output given in pieces (renderOutputPieces), in order. */
export async function collectPieces(pieces: AsyncIterable<Uint8Array>): Promise<Uint8Array[]> {
  const parts: Uint8Array[] = [];
  for await (const piece of pieces) parts.push(piece);
  return parts;
}

/** `texts` as pieces (textPieces), one at a time as a writer takes them, each piece's memory noted in `memories` (which buffers were cut, and how often again). */
export async function* piecesNotingMemory(texts: readonly string[], memories: Set<ArrayBufferLike>): AsyncGenerator<Uint8Array> {
  for (const piece of textPieces(texts)) {
    memories.add(piece.buffer);
    yield piece;
  }
}
