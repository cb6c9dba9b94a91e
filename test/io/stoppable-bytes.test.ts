// StoppableBytes (src/io/stoppable-bytes.ts): pieces that end at line feeds, a stop between two
// lines, and the rest handed over whole — so that bytes given plus rest are the file, always.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StoppableBytes } from '../../src/io/stoppable-bytes.js';

async function* from(chunks: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const c of chunks) yield c;
}

const bytes = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const text = (parts: readonly (Uint8Array | string)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))).toString('utf8');

/** Read until `stopAfter` pieces were given (then allow a stop), and what is left. */
async function run(chunks: Uint8Array[], stopAfter: number, maxHold = 1 << 20) {
  let given = 0;
  const stream = new StoppableBytes(from(chunks), () => given >= stopAfter, maxHold);
  const pieces: (Uint8Array | string)[] = [];
  for await (const piece of stream) {
    pieces.push(piece);
    given++;
  }
  let rest = '';
  if (stream.stopped) {
    const { carry, source } = stream.rest();
    const tail: Uint8Array[] = [carry];
    for (let next = await source.next(); !next.done; next = await source.next()) tail.push(next.value as Uint8Array);
    rest = text(tail);
  }
  return { pieces, rest, stopped: stream.stopped };
}

describe('StoppableBytes', () => {
  it('gives pieces that end at a line feed, and stops between lines', async () => {
    const { pieces, rest, stopped } = await run([bytes('a,1\nb,'), bytes('2\nc,3\n'), bytes('d,4')], 1);
    expect(stopped).toBe(true);
    expect(text(pieces)).toBe('a,1\n');
    expect(rest).toBe('b,2\nc,3\nd,4');
  });

  it('never stops inside a line longer than it may hold, and gives it whole', async () => {
    const long = `${'x'.repeat(50)}\n`;
    const { pieces, rest } = await run([bytes(long.slice(0, 20)), bytes(long.slice(20)), bytes('y\n')], 1, 10);
    // maxHold 10: the first 20 bytes go out without a line end; no stop until a piece ends one.
    expect(text(pieces[0] ? [pieces[0]] : [])).toBe('x'.repeat(20));
    expect(text(pieces).endsWith('\n')).toBe(true);
    expect(text(pieces) + rest).toBe(`${long}y\n`);
  });

  it('given + rest is the input, for any chunking and stop', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom('a', ',', '\n', 'ø', '"', '\r\n'), { maxLength: 80 }), fc.integer({ min: 1, max: 9 }), fc.nat(5), async (parts, size, stopAfter) => {
        const all = bytes(parts.join(''));
        const chunks = Array.from({ length: Math.ceil(all.length / size) }, (_, i) => all.subarray(i * size, (i + 1) * size));
        const { pieces, rest, stopped } = await run(chunks, stopAfter);
        expect(text(pieces) + rest).toBe(parts.join(''));
        if (stopped && pieces.length > 0) expect(text(pieces).endsWith('\n')).toBe(true);
      }),
      { seed: 11 },
    );
  });
});
